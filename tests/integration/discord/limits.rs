//! Every payload the handler produces stays within Discord's limits and parses
//! no mentions — over every command × every chapter of every corpus variant
//! (`../shared/corpus/deep-dive-llms`), the buttons of those answers clicked,
//! autocomplete, hostile input (mentions, Markdown, 10,000 characters), a
//! library stretched past every limit, and random input (proptest).

use crate::support::discord::limits;
use crate::support::discord::{assert_payload_ok, custom_ids, respond};
use crate::support::{corpus_path, load_with_index, shipped, two_courses, CORPUS_SETS};
use lectern::answer::Command;
use lectern::app::Lectern;
use lectern::discord::custom_id::{self, Action, ClickMode};
use lectern::discord::{synthetic, Settings};
use lectern::library::KeyPoint;
use lectern::search::Glossary;
use lectern::timecode::format_time;
use proptest::prelude::*;
use serde_json::Value;

const LOCALES: [&str; 2] = ["ko", "en-US"];

/// Input nobody should be able to break a reply with.
fn hostile() -> Vec<String> {
    vec![
        String::new(),
        "   ".into(),
        "@everyone".into(),
        "@here <@404000000000000101> <@&1219000000000000009> <#1219000000000000003>".into(),
        "**bold** __under__ `code` ~~gone~~ ||spoiler|| > quote [link](https://example.com) # h"
            .into(),
        "```\nfenced\n```".into(),
        "\u{202E}reversed\u{200B}\u{FEFF}zero".into(),
        "😀".repeat(300),
        "a".repeat(201),
        "가".repeat(200),
        "가".repeat(10_000),
        "x ".repeat(5_000),
        "21\n\n\n22".into(),
        "99999999999999999999999".into(),
        "-1".into(),
        "0".into(),
    ]
}

fn queries(lectern: &Lectern) -> Vec<String> {
    let mut q: Vec<String> = [
        "에이전트",
        "agents",
        "토큰화",
        "tokenization",
        "RLHF",
        "강화학습",
        "ㅇㅇㅈㅌ",
        "환각",
        "hallucination",
        "the",
        "multi modal",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for c in &lectern.library.courses {
        for ch in &c.chapters {
            q.push(ch.title.clone());
            q.push(ch.title_ko.clone());
        }
    }
    q.extend(hostile());
    q
}

/// Every command for every chapter, plus the chapter-less ones.
fn commands(lectern: &Lectern) -> Vec<Command> {
    let mut out = vec![
        Command::Help { command: None },
        Command::Chapters { course: None },
    ];
    let s = |x: &str| x.to_string();
    for course in &lectern.library.courses {
        for ch in &course.chapters {
            let n = ch.number.to_string();
            out.push(Command::Summary {
                course: None,
                chapter: n.clone(),
            });
            out.push(Command::KeyPoints {
                course: None,
                chapter: n.clone(),
            });
            for page in [None, Some(1), Some(2), Some(3), Some(0), Some(999)] {
                out.push(Command::Read {
                    course: None,
                    chapter: n.clone(),
                    page,
                });
            }
            for at in [None, Some(s("+2:30")), Some(s("9:59:59"))] {
                out.push(Command::Link {
                    course: None,
                    chapter: n.clone(),
                    at,
                });
            }
            out.push(Command::At {
                course: None,
                time: format_time(ch.start + 1),
            });
        }
    }
    for q in queries(lectern) {
        out.push(Command::Search {
            course: None,
            query: q.clone(),
            limit: Some(10),
        });
    }
    for h in hostile() {
        out.push(Command::Summary {
            course: None,
            chapter: h.clone(),
        });
        out.push(Command::At {
            course: None,
            time: h.clone(),
        });
        out.push(Command::Link {
            course: Some(h.clone()),
            chapter: "1".into(),
            at: Some(h),
        });
    }
    out
}

/// Answers every command in both languages, clicks every button of the
/// Korean answers once, and checks every payload. Returns how many.
fn check_everything(what: &str, lectern: &Lectern) -> usize {
    let settings = Settings::default();
    let mut checked = 0;
    for command in commands(lectern) {
        for locale in LOCALES {
            let r = respond(
                lectern,
                &settings,
                &synthetic::command_interaction(&command, None, locale),
            );
            assert_payload_ok(&format!("{what}: {command:?} {locale}"), &r);
            checked += 1;
            if locale != "ko" {
                continue;
            }
            for id in custom_ids(&r) {
                let click = respond(
                    lectern,
                    &settings,
                    &synthetic::component_interaction(&id, locale, false),
                );
                assert_payload_ok(&format!("{what}: click {id} after {command:?}"), &click);
                checked += 1;
            }
        }
    }
    checked + check_autocomplete(what, lectern)
}

fn check_autocomplete(what: &str, lectern: &Lectern) -> usize {
    let settings = Settings::default();
    let mut prefixes: Vec<String> = ["", "1", "2", "전", "토큰", "tok", "pre", "ㅌ"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    prefixes.extend(hostile());
    let mut checked = 0;
    for prefix in &prefixes {
        for (command, option) in [
            ("summary", "chapter"),
            ("read", "chapter"),
            ("search", "query"),
        ] {
            let r = respond(
                lectern,
                &settings,
                &synthetic::autocomplete_interaction(command, option, prefix, &[], "ko"),
            );
            assert_eq!(r["type"], 8);
            assert_payload_ok(&format!("{what}: autocomplete {option} {prefix:?}"), &r);
            checked += 1;
        }
    }
    checked
}

#[test]
fn shipped_content_within_limits() {
    let n = check_everything("shipped", &shipped());
    let n2 = check_everything("two courses", &two_courses());
    eprintln!("checked {n} + {n2} payloads");
}

#[test]
fn every_corpus_variant_within_limits() {
    let Some(dir) = corpus_path("deep-dive-llms") else {
        return;
    };
    for variant in CORPUS_SETS {
        let lectern = load_with_index(&dir.join(variant));
        assert_eq!(
            lectern.library.courses.first().map(|c| c.chapters.len()),
            Some(24),
            "{variant}"
        );
        let n = check_everything(variant, &lectern);
        eprintln!("{variant}: {n} payloads within limits");
    }
}

/// The shipped library stretched past every limit: enormous titles, summary,
/// key points, body and course names.
fn stretched() -> Lectern {
    let mut library = shipped().library.clone();
    let course = &mut library.courses[0];
    course.title = "Deep Dive ".repeat(300);
    course.title_ko = "깊이 들여다보기 ".repeat(300);
    let template = course
        .chapters
        .iter()
        .find_map(|c| c.notes.clone())
        .expect("shipped content has notes");
    for (i, ch) in course.chapters.iter_mut().enumerate() {
        ch.title = format!("{} {}", "Very long chapter title".repeat(20), i);
        ch.title_ko = "아주 긴 챕터 제목 ".repeat(40);
        let mut notes = template.clone();
        notes.summary =
            "요약 문장입니다. **굵게** [링크](https://example.com) @everyone ".repeat(250);
        notes.key_points = (0..300)
            .map(|k| KeyPoint {
                term: Some(format!("용어 {k} {}", "길다".repeat(60))),
                detail: "설명 ".repeat(120),
            })
            .collect();
        ch.notes = Some(notes);
    }
    Lectern::new(library, &Glossary::default())
}

#[test]
fn stretched_library_is_cut_to_fit() {
    let lectern = stretched();
    let n = check_everything("stretched", &lectern);
    eprintln!("stretched: {n} payloads within limits");
    // The marker shows the cut, in the reader's language.
    let r = respond(
        &lectern,
        &Settings::default(),
        &synthetic::command_interaction(&Command::Chapters { course: None }, None, "ko"),
    );
    let description = r["data"]["embeds"][0]["description"].as_str().unwrap_or("");
    assert!(
        description.ends_with("… (/읽기로 더 보기)"),
        "{description}"
    );
}

#[test]
fn mentions_are_never_parsed() {
    let lectern = shipped();
    for q in ["@everyone", "@here", "<@404000000000000101>", "<@&1>"] {
        for command in [
            Command::Search {
                course: None,
                query: q.into(),
                limit: None,
            },
            Command::Summary {
                course: None,
                chapter: q.into(),
            },
        ] {
            let r = respond(
                &lectern,
                &Settings::default(),
                &synthetic::command_interaction(&command, None, "en-US"),
            );
            let m = &r["data"]["allowed_mentions"];
            assert_eq!(m["parse"], serde_json::json!([]), "{q}");
            assert_eq!(m["users"], serde_json::json!([]));
            assert_eq!(m["roles"], serde_json::json!([]));
            assert_eq!(m["replied_user"], false);
        }
    }
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of("[^\u{0}]{1,40}")
}

fn any_command() -> impl Strategy<Value = Command> {
    let text = "[^\u{0}]{0,60}";
    prop_oneof![
        opt_text().prop_map(|course| Command::Chapters { course }),
        (opt_text(), text).prop_map(|(course, chapter)| Command::Summary { course, chapter }),
        (opt_text(), text).prop_map(|(course, chapter)| Command::KeyPoints { course, chapter }),
        (opt_text(), text, prop::option::of(any::<i64>())).prop_map(|(course, chapter, page)| {
            Command::Read {
                course,
                chapter,
                page,
            }
        }),
        (opt_text(), text, prop::option::of(any::<i64>())).prop_map(|(course, query, limit)| {
            Command::Search {
                course,
                query,
                limit,
            }
        }),
        (opt_text(), text).prop_map(|(course, time)| Command::At { course, time }),
        (opt_text(), text, opt_text()).prop_map(|(course, chapter, at)| Command::Link {
            course,
            chapter,
            at
        }),
        Just(Command::Help { command: None }),
    ]
}

fn mode() -> impl Strategy<Value = ClickMode> {
    prop_oneof![
        Just(ClickMode::Update),
        Just(ClickMode::NewPublic),
        Just(ClickMode::NewHidden)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn custom_ids_round_trip_or_are_refused(command in any_command(), mode in mode()) {
        let action = Action { mode, command };
        match custom_id::encode(&action) {
            Some(id) => {
                prop_assert!(id.chars().count() <= limits::CUSTOM_ID);
                prop_assert_eq!(custom_id::decode(&id), Ok(action));
            }
            None => {
                // Refused only when it really would not fit.
                let long = format!("{:?}", action.command).chars().count();
                prop_assert!(long > limits::CUSTOM_ID / 2);
            }
        }
    }

    #[test]
    fn decoding_anything_never_panics(id in "\\PC{0,120}") {
        let _ = custom_id::decode(&id);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn random_input_stays_within_limits(command in any_command(), locale in "(ko|en-US|ja|)") {
        let lectern = shipped();
        let r = respond(&lectern, &Settings::default(), &synthetic::command_interaction(&command, None, &locale));
        let errors = crate::support::discord::check_payload(&r);
        prop_assert!(errors.is_empty(), "{:?}: {:?}", command, errors);
    }

    #[test]
    fn random_clicks_stay_within_limits(id in "(v1:[-+]?(sum|kp|read|s|at|link|ch|help)(:[^:]{0,30}){0,4}|\\PC{0,100})") {
        let lectern = shipped();
        let r: Value = respond(&lectern, &Settings::default(), &synthetic::component_interaction(&id, "ko", false));
        let errors = crate::support::discord::check_payload(&r);
        prop_assert!(errors.is_empty(), "{}: {:?}", id, errors);
    }
}
