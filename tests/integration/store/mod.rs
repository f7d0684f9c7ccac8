//! The store: one behaviour for every backend (SQLite and PostgreSQL), the
//! `db` commands, a database that is down, and a crash mid-burst.

mod backend;
mod cli;
mod crash;
mod down;
mod postgres;
mod sqlite;
