//! Lectern: a lecture's study notes in chat.
//!
//! One pure core — [`library`] (content → validated model), [`search`]
//! (Korean-aware fuzzy lookup), [`answer`] (every command → one reply) — and thin
//! adapters around it: the command line ([`cli`]) and Discord ([`discord`]).
//! Study state is decided by [`study`] (pure) and kept by [`store`], the only
//! code that speaks SQL; [`quiz`] (pure) builds practice questions from the
//! notes and schedules their review; the daily chapter post's rules are
//! [`daily`] (pure), its scheduler an adapter ([`discord::daily`]).

pub mod answer;
pub mod app;
pub mod cli;
pub mod config;
pub mod cut;
pub mod daily;
pub mod discord;
pub mod hangul;
pub mod library;
pub mod live;
pub mod locale;
pub mod markdown;
pub mod particle;
#[cfg(test)]
mod particle_tests;
pub mod picture;
pub mod quiz;
pub mod search;
pub mod store;
pub mod study;
pub mod timecode;
pub mod yaml;
