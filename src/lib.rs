//! Lectern: a lecture's study notes in chat.
//!
//! One pure core — [`library`] (content → validated model), [`search`]
//! (Korean-aware fuzzy lookup), [`answer`] (every command → one reply) — and thin
//! adapters around it: the command line ([`cli`]) and Discord ([`discord`]).

pub mod answer;
pub mod cli;
pub mod config;
pub mod data;
pub mod discord;
pub mod http;
pub mod library;
pub mod live;
pub mod particle;
pub mod search;
pub mod text;
pub mod time;
pub mod yaml;
