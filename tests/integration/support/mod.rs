//! The one kit every test module shares, by concern: [`content`] (the shipped
//! course, temp copies), [`corpus`] (the third-party corpus, read in place),
//! [`golden`] (goldens and their one update rule), [`signing`] (Discord's
//! request signature, shared with the HTTP benches), [`discord`] (answering
//! interactions as the endpoint does, payload checks), [`endpoint`] (the HTTP
//! endpoint in process), [`fake_discord`] and
//! [`served`] (end-to-end), and [`store`] (the test PostgreSQL server).
#![allow(dead_code)]

pub mod content;
pub mod corpus;
pub mod discord;
pub mod endpoint;
pub mod fake_discord;
pub mod fuzz_bodies;
pub mod golden;
pub mod labels;
pub mod limits;
pub mod served;
pub mod signing;
pub mod store;

pub use content::{
    config, glossary, load_bare, load_with_index, root, shipped, temp_content, tempdir,
    tiny_captioned_course, tiny_course, two_courses, ROOT,
};
pub use corpus::{corpus, corpus_path, CORPUS_SETS};
pub use golden::{golden, golden_json};

/// What a test does when something it needs from outside the repository
/// (`what`) is missing: under CI (`CI` set) that is a failure; elsewhere the
/// test is skipped with a notice.
pub fn missing<T>(what: &str) -> Option<T> {
    if std::env::var_os("CI").is_some() {
        panic!("{what} is missing; CI must have it");
    }
    eprintln!("notice: {what} is missing; skipping");
    None
}
