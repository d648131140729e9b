# programme: see core/src/messages/mod.rs
