//! Rendering to Discord payloads: arbitrary text in every argument of every
//! command, and arbitrary button ids, give payloads within Discord's limits.
#![no_main]
use lectern::answer::Command;
use lectern::discord::{handle_json, synthetic, Settings};
use libfuzzer_sys::fuzz_target;

mod common;
use common::lectern;

/// The payload rules the tests check, from the tests' own kit (one checker).
#[allow(dead_code)]
#[path = "../../tests/integration/support/limits.rs"]
mod limits;
use limits::check_payload;

fuzz_target!(|input: &str| {
    let l = lectern();
    let s = input.to_string();
    let commands = [
        Command::Summary {
            course: None,
            chapter: s.clone(),
        },
        Command::Read {
            course: None,
            chapter: "3".into(),
            page: Some(s.len() as i64 % 7),
        },
        Command::Search {
            course: None,
            query: s.clone(),
            limit: Some(10),
        },
        Command::At {
            course: None,
            time: s.clone(),
        },
        Command::Link {
            course: None,
            chapter: "21".into(),
            at: Some(s.clone()),
        },
    ];
    let settings = Settings::default();
    for (i, command) in commands.iter().enumerate() {
        let locale = if i % 2 == 0 { "ko" } else { "en-US" };
        let body = serde_json::to_vec(&synthetic::command_interaction(command, None, locale)).unwrap();
        let response =
            handle_json(l, &settings, &body).expect("a synthesised interaction is valid");
        let problems = check_payload(&response);
        assert!(problems.is_empty(), "{command:?}: {problems:?}");
    }
    let click = serde_json::to_vec(&synthetic::component_interaction(
        &s.chars().take(100).collect::<String>(),
        "ko",
        false,
    ))
    .unwrap();
    if let Ok(response) = handle_json(l, &settings, &click) {
        assert!(check_payload(&response).is_empty());
    }
    let auto = serde_json::to_vec(&synthetic::autocomplete_interaction(
        "search",
        "query",
        &s,
        &[],
        "ko",
    ))
    .unwrap();
    if let Ok(response) = handle_json(l, &settings, &auto) {
        assert!(check_payload(&response).is_empty());
    }
});
