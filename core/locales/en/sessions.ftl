# sessions: see core/src/messages/mod.rs
