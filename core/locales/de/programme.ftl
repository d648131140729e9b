# programme: siehe core/src/messages/mod.rs
