# plan: siehe core/src/messages/mod.rs
