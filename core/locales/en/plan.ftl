# plan: see core/src/messages/mod.rs
