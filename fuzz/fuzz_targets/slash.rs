//! The slash-line parser of `ask` and the answers behind it: never panics.
#![no_main]
use std::sync::OnceLock;

use lectern::answer::{answer, Locale, Request};
use lectern::answer::slash::parse_slash;
use lectern::cli::ask::{render, respond};
use lectern::cli::Format;
use lectern::config::Config;
use lectern::data::Lectern;
use libfuzzer_sys::fuzz_target;

fn lectern() -> &'static Lectern {
    static L: OnceLock<Lectern> = OnceLock::new();
    L.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let config = Config::load(&root.join("config/lectern.yaml")).expect("config");
        Lectern::load(&config, &config.content)
    })
}

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
