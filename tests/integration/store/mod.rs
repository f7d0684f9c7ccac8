//! The store: one behaviour for every backend (SQLite and PostgreSQL), the
//! `db` commands, a database that is down, and a crash mid-burst.

mod backend;
mod cli;
mod crash;
mod down;
mod postgres;
mod sqlite;

use lectern::study::Mark;

/// A first mark (member 2, chapter 1, server 1): what the tests that only
/// need some write write.
const FIRST_MARK: Mark<'static> = Mark {
    guild: 1,
    user: 2,
    course: "llm",
    chapter: 1,
    at: 0,
    day: "2026-01-01",
};
