//! The fuzz targets' bodies (`fuzz/fuzz_targets/*.rs`) as plain functions:
//! each target hands libFuzzer's input to one of these, and
//! `tests/integration/fuzz.rs` hands them proptest's random input, so CI runs
//! on random input the very code the fuzzers run. The fuzz crate includes
//! this file by path (through `fuzz_targets/common.rs`), so it uses only
//! what both crates have: `lectern`, `serde_json` and the payload checker
//! beside it (`super::limits`).
// Each fuzz target uses one of these.
#![allow(dead_code)]

use lectern::answer::slash::parse_slash;
use lectern::answer::{answer, Command, Locale, Request};
use lectern::app::Lectern;
use lectern::cli::ask::{render, respond};
use lectern::cli::Format;
use lectern::discord::{handle_json, synthetic, Settings};
use lectern::library::chapter_file::{parse_chapter_file, MAX_CHAPTER};
use lectern::timecode::{format_time, parse_time, parse_time_ref, parse_youtube_url};

use super::limits::check_payload;

/// Chapter parsing from arbitrary bytes: never panics; what it accepts is
/// consistent (a chapter number in range, markers inside the body).
pub fn chapter_file(data: &[u8]) {
    if let Ok((file, _warnings)) = parse_chapter_file("fuzz.md", data) {
        assert!((1..=MAX_CHAPTER).contains(&file.number));
        let total: usize = file.body.iter().map(|p| p.text.chars().count()).sum();
        assert!(total <= file.body_chars);
        for m in &file.markers {
            assert!(m.pos <= file.body_chars);
        }
    }
}

/// Time parsing: never panics; every accepted time formats and parses back.
pub fn time(input: &str) {
    if let Ok(s) = parse_time(input) {
        assert_eq!(parse_time(&format_time(s)), Ok(s));
    }
    let _ = parse_time_ref(input);
    let _ = parse_youtube_url(input);
}

/// Query normalisation and search: never panics; at most the hits asked
/// for; suggestions within Discord's limits.
pub fn search(l: &Lectern, input: &str) {
    let hits = l.index.search(&l.library, input, None, 10);
    assert!(hits.len() <= 10);
    for s in l
        .index
        .suggest_chapters(&l.library, input, None)
        .into_iter()
        .chain(l.index.suggest_topics(&l.library, input, None))
    {
        assert!(s.name.chars().count() <= 100 && !s.name.is_empty());
        assert!(s.value.chars().count() <= 100);
    }
    if let Some(course) = l.library.courses.first() {
        let _ = l.index.find_chapter(course, input);
    }
}

/// The slash-line parser of `ask` and the answers behind it: never panics;
/// a parsed command has a titled answer, and JSON output is JSON.
pub fn slash(l: &Lectern, input: &str) {
    if let Ok(command) = parse_slash(input) {
        let reply = answer(l, &Request::new(command, Locale::En));
        assert!(!reply.title.is_empty());
    }
    let reply = respond(l, input, Locale::Ko);
    let json = render(&reply, Format::Json);
    assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
}

/// Rendering to Discord payloads: `input` in every argument of several
/// commands, as a button id and as autocomplete gives payloads within
/// Discord's limits.
pub fn discord_render(l: &Lectern, input: &str) {
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
        let body =
            serde_json::to_vec(&synthetic::command_interaction(command, None, locale)).unwrap();
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
}
