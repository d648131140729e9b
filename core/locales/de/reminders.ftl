# reminders: siehe core/src/messages/mod.rs
