# left-right: siehe core/src/messages/mod.rs
