# left-right: see core/src/messages/mod.rs
