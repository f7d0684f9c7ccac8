//! Every command's answer on the shipped content, pinned by golden files
//! (text and JSON), plus the behaviours the golden files can't show at a glance.

use lectern::answer::slash::parse_slash;
use lectern::answer::{answer, Button, Command, Locale, Request};
use lectern::cli::ask::{render, respond};
use lectern::cli::Format;

use crate::support::{golden, shipped};

mod commands;
mod courses;
mod help;
mod moment;
mod no_notes;
mod numbers;
mod wording;

/// Pins each line's answer, in Korean and in English, in
/// `tests/golden/answers/<name>.ko.txt` and `<name>.en.txt`.
pub(crate) fn golden_both(name: &str, lectern: &lectern::app::Lectern, lines: &[&str]) {
    for locale in [Locale::Ko, Locale::En] {
        let mut out = String::new();
        for line in lines {
            let reply = respond(lectern, line, locale);
            out.push_str(&format!("=== {line}\n{}\n", render(&reply, Format::Text)));
        }
        let tag = match locale {
            Locale::Ko => "ko",
            Locale::En => "en",
        };
        golden(&format!("answers/{name}.{tag}.txt"), &out);
    }
}

/// The cases pinned in `tests/golden/answers/`. Each is a line as typed in Discord.
const CASES: &[&str] = &[
    "/help",
    "/courses",
    "/chapters",
    "/summary chapter:21",
    "/summary 21",
    "/summary preview",
    "/summary 전망",
    "/summary 3",
    "/summary 99",
    "/keypoints chapter:21",
    "/read chapter:21",
    "/read 21 page:2",
    "/read 3",
    "/search query:에이전트",
    "/search query:agents limit:3",
    "/search query:pizza recipe",
    "/at time:3:12:00",
    "/at 192:00",
    "/at 11520",
    "/at 3h12m",
    "/at 4:00:00",
    "/at banana",
    "/link chapter:21",
    "/link chapter:21 at:+2:30",
    "/link 21 at:3:12:00",
    "/link 21 at:+1:00:00",
    "/summary",
    "/sumary 21",
];

fn render_all(format: Format, locale: Locale) -> String {
    let lectern = shipped();
    let mut out = String::new();
    for line in CASES {
        let reply = respond(&lectern, line, locale);
        out.push_str(&format!("=== {line}\n{}\n", render(&reply, format)));
    }
    out
}

#[test]
fn golden_text_ko() {
    golden("answers/ko.txt", &render_all(Format::Text, Locale::Ko));
}

#[test]
fn golden_text_en() {
    golden("answers/en.txt", &render_all(Format::Text, Locale::En));
}

#[test]
fn golden_json() {
    golden("answers/ko.jsonl", &render_all(Format::Json, Locale::Ko));
}

fn ask(line: &str) -> lectern::answer::Reply {
    respond(&shipped(), line, Locale::Ko)
}

#[test]
fn summary_links_to_the_chapter_and_offers_navigation() {
    let reply = ask("/summary chapter:21");
    assert!(reply.is_ok());
    assert_eq!(
        reply.url.as_deref(),
        Some("https://www.youtube.com/watch?v=7xTGNNLPyMI&t=11379s")
    );
    assert_eq!(reply.text, "LLM의 미래 발전 방향입니다.");
    assert_eq!(
        reply
            .footer
            .as_deref()
            .map(|f| f.ends_with("챕터 21/24 · 3:09:39")),
        Some(true)
    );
    assert!(
        matches!(&reply.buttons[0], Button::Link { label, .. } if label == "▶ 3:09:39부터 보기")
    );
    let runs: Vec<&Command> = reply
        .buttons
        .iter()
        .filter_map(|b| match b {
            Button::Run { command, .. } => Some(command),
            _ => None,
        })
        .collect();
    assert!(runs.contains(&&Command::Summary {
        course: None,
        chapter: "20".into()
    }));
    assert!(runs.contains(&&Command::Summary {
        course: None,
        chapter: "22".into()
    }));
    assert!(runs.contains(&&Command::Read {
        course: None,
        chapter: "21".into(),
        page: None
    }));
}

#[test]
fn chapters_without_notes_still_answer() {
    let reply = ask("/summary 3");
    assert!(reply.is_ok());
    assert!(reply.text.contains("노트는 아직 없어요"));
    assert_eq!(
        reply.url.as_deref(),
        Some("https://www.youtube.com/watch?v=7xTGNNLPyMI&t=467s")
    );
}

#[test]
fn unknown_chapters_suggest_at_most_three() {
    for line in ["/summary 99", "/summary xyzzy", "/keypoints 0", "/read -1"] {
        let reply = ask(line);
        let problem = reply
            .error
            .as_ref()
            .unwrap_or_else(|| panic!("{line} should fail"));
        assert!(reply.ephemeral);
        assert!(
            problem.suggestions.len() <= 3,
            "{line}: {:?}",
            problem.suggestions
        );
    }
}

#[test]
fn at_understands_every_time_form_and_links_the_exact_second() {
    for line in ["/at 3:12:00", "/at 192:00", "/at 11520", "/at 3h12m"] {
        let reply = ask(line);
        assert_eq!(
            reply.url.as_deref(),
            Some("https://www.youtube.com/watch?v=7xTGNNLPyMI&t=11520s"),
            "{line}"
        );
        assert!(reply.title.contains("21."), "{line}: {}", reply.title);
    }
    let past = ask("/at 4:00:00");
    assert!(past.error.unwrap().message.contains("3:31:24"));
}

#[test]
fn link_offsets_are_within_the_chapter() {
    let reply = ask("/link chapter:21 at:+2:30");
    assert_eq!(
        reply.url.as_deref(),
        Some("https://www.youtube.com/watch?v=7xTGNNLPyMI&t=11529s")
    );
    assert!(ask("/link 21 at:+1:00:00").error.is_some());
    assert!(ask("/link 21 at:5:00:00")
        .error
        .unwrap()
        .message
        .contains("3:31:24"));
}

#[test]
fn read_pages_are_bounded_and_numbered() {
    let reply = ask("/read 21");
    assert!(reply.is_ok());
    assert!(reply.text.chars().count() <= lectern::answer::PAGE_CHARS);
    assert!(reply.footer.unwrap().contains("1/"));
    let err = ask("/read 21 page:99").error.unwrap();
    assert!(err.message.contains("쪽"));
}

#[test]
fn empty_and_over_long_input_get_clear_messages() {
    let lectern = shipped();
    let long = "가".repeat(201);
    for command in [
        Command::Summary {
            course: None,
            chapter: "  ".into(),
        },
        Command::Search {
            course: None,
            query: "".into(),
            limit: None,
        },
        Command::Search {
            course: None,
            query: long.clone(),
            limit: None,
        },
        Command::At {
            course: None,
            time: long.clone(),
        },
        Command::Link {
            course: None,
            chapter: "21".into(),
            at: Some(long.clone()),
        },
    ] {
        let reply = answer(&lectern, &Request::new(command.clone(), Locale::En));
        let problem = reply
            .error
            .unwrap_or_else(|| panic!("{command:?} should be refused"));
        assert!(
            problem.message.contains("empty") || problem.message.contains("201 characters"),
            "{problem:?}"
        );
    }
}

#[test]
fn search_limit_is_checked() {
    assert!(ask("/search query:에이전트 limit:0").error.is_some());
    assert!(ask("/search query:에이전트 limit:11").error.is_some());
}

#[test]
fn slash_lines_parse_named_positional_and_korean() {
    let summary = Command::Summary {
        course: None,
        chapter: "21".into(),
    };
    assert_eq!(parse_slash("/summary chapter:21").unwrap(), summary);
    assert_eq!(parse_slash("/summary 21").unwrap(), summary);
    assert_eq!(parse_slash("/요약 챕터:21").unwrap(), summary);
    assert_eq!(
        parse_slash("/search query:\"multi modal\" limit:3").unwrap(),
        Command::Search {
            course: None,
            query: "multi modal".into(),
            limit: Some(3)
        }
    );
    assert_eq!(
        parse_slash("/search multi modal").unwrap(),
        Command::Search {
            course: None,
            query: "multi modal".into(),
            limit: None
        }
    );
    assert_eq!(
        parse_slash("/read 21 2").unwrap(),
        Command::Read {
            course: None,
            chapter: "21".into(),
            page: Some(2)
        }
    );
    assert_eq!(
        parse_slash("/link 21 +2:30").unwrap(),
        Command::Link {
            course: None,
            chapter: "21".into(),
            at: Some("+2:30".into())
        }
    );
    assert_eq!(
        parse_slash("/at time:3:12:00").unwrap(),
        Command::At {
            course: None,
            time: "3:12:00".into()
        }
    );
    assert_eq!(
        parse_slash("/summary chapter:preview of things").unwrap(),
        Command::Summary {
            course: None,
            chapter: "preview of things".into()
        }
    );
    let unknown = parse_slash("/sumary 21").unwrap_err();
    assert_eq!(
        unknown.suggestions.first().map(|s| s.label.as_str()),
        Some("/summary")
    );
    assert!(parse_slash("/read 21 two").is_err());
    // A line without `/` is a search; Korean command and option names read.
    assert_eq!(
        parse_slash("에이전트 토큰").unwrap(),
        Command::Search {
            course: None,
            query: "에이전트 토큰".into(),
            limit: None
        }
    );
    assert_eq!(
        parse_slash("/읽기 챕터:21 쪽:2").unwrap(),
        parse_slash("/read 21 2").unwrap()
    );
}

#[test]
fn a_time_typed_for_a_topic_or_a_bare_command_word_runs_that_command() {
    // A time or a timed video link asks where that moment is.
    for time in ["3:12:00", "1h2m", "https://youtu.be/7xTGNNLPyMI?t=4832"] {
        assert_eq!(
            parse_slash(time).unwrap(),
            parse_slash(&format!("/at {time}")).unwrap(),
            "{time}"
        );
    }
    // A command word that needs nothing more runs its command.
    assert_eq!(parse_slash("도움").unwrap(), parse_slash("/help").unwrap());
    assert_eq!(
        parse_slash("목차").unwrap(),
        parse_slash("/chapters").unwrap()
    );
    // `/search` given a moment answers as `/at` does.
    let moment = ask("/search 3:12:00");
    assert_eq!(moment.title, ask("/at 3:12:00").title);
    assert!(moment
        .url
        .as_deref()
        .is_some_and(|u| u.ends_with("t=11520s")));
    // A bare number, a command that needs more, and anything else search.
    for query in ["3", "요약", "help me"] {
        assert!(
            matches!(parse_slash(query), Ok(Command::Search { .. })),
            "{query}"
        );
    }
}

#[test]
fn at_the_videos_own_length_is_its_last_moment() {
    // The course index says the video is 3:31:24 long: that second is the
    // end of chapter 24, not "past the end" (which 3:31:25 is).
    let last = ask("/at 3:31:24");
    assert!(!last.ephemeral, "an answer, not an error: {}", last.text);
    assert!(last.title.contains("24."), "{}", last.title);
    assert!(last.url.as_deref().is_some_and(|u| u.ends_with("t=12684s")));
    let past = ask("/at 3:31:25");
    assert!(past.ephemeral, "{}", past.text);
    assert!(
        past.text.contains("3:31:25는 영상 길이(3:31:24)를 넘어요"),
        "{}",
        past.text
    );
}

#[test]
fn the_estimate_legend_only_comes_with_an_estimate() {
    for line in ["/search 토큰화", "/search 에이전트"] {
        let reply = ask(line);
        let shown = std::iter::once(reply.text.as_str())
            .chain(reply.fields.iter().map(|f| f.value.as_str()))
            .any(|t| t.contains('≈'));
        let footer = reply.footer.unwrap_or_default();
        assert_eq!(footer.contains('≈'), shown, "{line}: {footer}");
    }
}

#[test]
fn hide_is_an_option_never_a_word_of_the_query_or_chapter() {
    use lectern::answer::slash::parse_slash_hidden;
    let summary_21 = Command::Summary {
        course: None,
        chapter: "21".into(),
    };
    for (line, hide) in [
        ("/summary chapter:21 hide:true", Some(true)),
        ("/summary 21 hide:true", Some(true)),
        ("/summary hide:false 21", Some(false)),
        ("/summary 21 숨기기:예", Some(true)),
        ("/summary 21", None),
    ] {
        let (command, hidden) = parse_slash_hidden(line).expect(line);
        assert_eq!(command, summary_21, "{line}");
        assert_eq!(hidden, hide, "{line}");
    }
    let (search, hidden) = parse_slash_hidden("/search agents hide:true").unwrap();
    assert_eq!(hidden, Some(true));
    assert!(matches!(search, Command::Search { ref query, .. } if query == "agents"));
    // The answer is the chapter's, not "no chapter `21 hide:true`".
    assert!(ask("/summary chapter:21 hide:true")
        .title
        .starts_with("21."));
}

#[test]
fn golden_chapters_of_a_course() {
    golden_both(
        "chapters_course",
        &crate::support::two_courses(),
        &[
            "/chapters other-course",
            "/목차 강의:deep-dive-llms",
            "/chapters nope",
        ],
    );
}

#[test]
fn the_moment_command_answers_to_time_as_well_as_at() {
    let at = Command::At {
        course: None,
        time: "1:02:03".into(),
    };
    for line in [
        "/at 1:02:03",
        "/time 1:02:03",
        "/시간 1:02:03",
        "/시각 1:02:03",
    ] {
        assert_eq!(parse_slash(line).unwrap(), at, "{line}");
    }
}
