//! Studying together: the pure rules (days, streaks, paging), every state
//! command's answer against an in-memory book and a real SQLite file, and the
//! same commands through the Discord adapter (pure handler, HTTP endpoint and
//! gateway against the fake Discord).

mod board;
mod commands;
mod discord;
mod gateway;
mod rules;
