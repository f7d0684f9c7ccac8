//! Lectern's tests in one crate (one binary to link instead of ~25): loading
//! real and hostile content, every command's answer (goldens), the Discord
//! adapter (gateway, HTTP endpoint, limits, reload), the store, search
//! quality, pictures and the command-line contract. Modules mirror `src/`;
//! `support` is the one kit they share.
//!
//! Only `tests/http_log_flood.rs` is a binary of its own: it installs the
//! process-wide log subscriber. proptest keeps its regressions for this crate
//! in `tests/proptest-regressions/<module path>.txt`.

mod support;

mod adversarial;
mod answer;
mod captions;
mod cli;
mod daily;
mod discord;
mod fuzz;
mod hangul;
mod hostile;
mod http;
mod layouts;
mod library;
mod live;
mod ops;
mod picture;
mod quiz;
mod search;
mod store;
mod study;
