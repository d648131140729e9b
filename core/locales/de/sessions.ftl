# sessions: siehe core/src/messages/mod.rs
