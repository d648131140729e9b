# reminders: see core/src/messages/mod.rs
