//! The slash-line parser of `ask` and the answers behind it: never panics.
#![no_main]
use lectern::answer::slash::parse_slash;
use lectern::answer::{answer, Locale, Request};
use lectern::cli::ask::{render, respond};
use lectern::cli::Format;
use libfuzzer_sys::fuzz_target;

mod common;
use common::lectern;

fuzz_target!(|input: &str| {
    let l = lectern();
    if let Ok(command) = parse_slash(input) {
        let reply = answer(l, &Request::new(command, Locale::En));
        assert!(!reply.title.is_empty());
    }
    let reply = respond(l, input, Locale::Ko);
    let json = render(&reply, Format::Json);
    assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
});
