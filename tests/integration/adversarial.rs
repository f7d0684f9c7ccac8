//! Hostile and odd input into every argument of every command: always an
//! answer, never a panic, and nothing echoed that could ping or break Markdown.

use lectern::answer::slash::parse_slash;
use lectern::answer::{answer, Command, Locale, Request};
use lectern::app::Lectern;
use proptest::prelude::*;

use crate::support::shipped;

const NASTY: &[&str] = &[
    "",
    " ",
    "\u{0}",
    "\n\n\n",
    "@everyone",
    "@here <@&123456789012345678> <@123>",
    "```rust\nfn x(){}\n```",
    "[click](https://evil.example) **bold** __u__ ~~s~~ ||spoiler||",
    "\u{202E}gnp.exe\u{200B}\u{200D}\u{FEFF}",
    "e\u{301}\u{301}\u{301}\u{301}\u{301}",
    "👩‍👩‍👧‍👦🔥🇰🇷",
    "ㅇㅇㅈㅌ",
    "ㅋㅋㅋㅋㅋㅋㅋㅋ",
    "-1",
    "0",
    "99999999999999999999",
    "+",
    "+-1:00",
    ":::",
    "1:2:3:4:5",
    "NaN",
    "\\",
    "\"unterminated",
    "21:",
    "deep-dive-llms:",
    "deep-dive-llms:999",
];

fn commands(s: &str) -> Vec<Command> {
    let text = s.to_string();
    let some = Some(text.clone());
    vec![
        Command::Chapters {
            course: some.clone(),
        },
        Command::Summary {
            course: None,
            chapter: text.clone(),
        },
        Command::Summary {
            course: some.clone(),
            chapter: "21".into(),
        },
        Command::KeyPoints {
            course: None,
            chapter: text.clone(),
        },
        Command::Read {
            course: None,
            chapter: text.clone(),
            page: Some(i64::MIN),
        },
        Command::Read {
            course: None,
            chapter: "21".into(),
            page: Some(i64::MAX),
        },
        Command::Search {
            course: None,
            query: text.clone(),
            limit: Some(-5),
        },
        Command::Search {
            course: None,
            query: text.clone(),
            limit: None,
        },
        Command::Search {
            course: some.clone(),
            query: "agents".into(),
            limit: Some(3),
        },
        Command::At {
            course: None,
            time: text.clone(),
        },
        Command::Link {
            course: None,
            chapter: "21".into(),
            at: some.clone(),
        },
        Command::Link {
            course: None,
            chapter: text,
            at: None,
        },
    ]
}

fn check_all(lectern: &Lectern, s: &str) {
    for command in commands(s) {
        for locale in [Locale::Ko, Locale::En] {
            let reply = answer(lectern, &Request::new(command.clone(), locale));
            assert!(!reply.title.is_empty(), "{command:?}");
            let shown = format!("{} {}", reply.title, reply.text);
            assert!(
                !shown.contains("@everyone") && !shown.contains("@here"),
                "{command:?} echoed a mention: {shown}"
            );
            assert!(
                !shown.contains("<@&"),
                "{command:?} echoed a role mention: {shown}"
            );
        }
    }
    let _ = parse_slash(s);
    let _ = parse_slash(&format!("/summary {s}"));
    let _ = parse_slash(&format!("/search query:{s} limit:{s}"));
}

#[test]
fn nasty_strings_get_answers() {
    let lectern = shipped();
    for s in NASTY {
        check_all(&lectern, s);
    }
    let huge = "가".repeat(10_000);
    check_all(&lectern, &huge);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]
    #[test]
    fn arbitrary_strings_get_answers(s in "\\PC{0,64}|[ㄱ-ㅎㅏ-ㅣ가-힣 ]{0,30}|[ -~]{0,80}") {
        thread_local!(static LECTERN: Lectern = shipped());
        LECTERN.with(|l| check_all(l, &s));
    }
}
