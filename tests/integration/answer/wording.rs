//! Wording, Korean first: options and commands named as the reader's Discord
//! shows them (from the command table, never retyped), no developer wording,
//! "명령을 알아볼 수 없어요" only for an unknown command, a missing argument
//! named with an example, one lead-in for garbage, and chapter replies that
//! don't repeat themselves (no key-points button when all are shown, no
//! overview that repeats the summary).

use lectern::answer::slash::parse_slash;
use lectern::answer::{Button, Command, Locale, Reply, COMMANDS};
use lectern::app::Lectern;
use lectern::cli::ask::respond;
use lectern::library::KeyPoint;

use super::golden_both;
use crate::support::{glossary, shipped};

/// Lines whose answers the wording rules are about.
const WORDING: &[&str] = &[
    "/summary",
    "/search",
    "/search query:\"\"",
    "/link",
    "/at",
    "/read 21 page:x",
    "/read 21 page:99",
    "/search 에이전트 limit:20",
    "/courses extra words",
    "/asdfgh",
    "/sumary 21",
    "asdfgh",
    "@everyone",
    "😀😀",
    "/summary 21",
];

#[test]
fn golden_wording() {
    golden_both("wording", &shipped(), WORDING);
}

fn ko(line: &str) -> Reply {
    respond(&shipped(), line, Locale::Ko)
}

/// Everything a reply shows, as one text.
fn shown(reply: &Reply) -> String {
    let mut all = vec![reply.title.clone(), reply.text.clone()];
    all.extend(
        reply
            .fields
            .iter()
            .map(|f| format!("{}\n{}", f.name, f.value)),
    );
    all.extend(reply.footer.clone());
    all.join("\n")
}

#[test]
fn korean_replies_name_options_as_korean_discord_shows_them() {
    let english: Vec<String> = COMMANDS
        .iter()
        .flat_map(|c| c.all_options())
        .filter(|o| o.ko != o.name)
        .map(|o| format!("`{}`", o.name))
        .collect();
    for line in WORDING.iter().chain(&["/keypoints", "/read 21 page:0"]) {
        let text = shown(&ko(line));
        for name in &english {
            assert!(!text.contains(name.as_str()), "{line}: {name} in {text}");
        }
        assert!(
            !text.contains("값이"),
            "{line}: developer wording in {text}"
        );
    }
    let read = ko("/read 21 page:x").text;
    assert!(read.contains("`쪽`"), "{read}");
    assert!(ko("/search 에이전트 limit:20").text.contains("`개수`"));
    assert!(ko("/summary").text.contains("`챕터`"));
}

#[test]
fn unrecognised_command_is_only_for_unknown_commands() {
    for line in ["/asdfgh", "/sumary 21", "/"] {
        assert_eq!(ko(line).title, "명령을 알아볼 수 없어요", "{line}");
    }
    for line in [
        "/summary",
        "/search",
        "/read 21 page:x",
        "/courses extra words",
    ] {
        let reply = ko(line);
        assert!(reply.error.is_some(), "{line}");
        assert_ne!(reply.title, "명령을 알아볼 수 없어요", "{line}");
    }
}

/// A typo of a command's Korean name gets the command (`/요악` → `/요약`),
/// as a typo of its English name does; a command only buttons run is never
/// offered.
#[test]
fn a_mistyped_command_is_suggested_by_either_name_never_a_button_one() {
    let offered = |line: &str| -> Vec<String> {
        let reply = ko(line);
        let problem = reply.error.expect(line);
        problem.suggestions.into_iter().map(|s| s.label).collect()
    };
    for (line, meant) in [
        ("/요악 21", "/요약"),
        ("/검섹 토큰", "/검색"),
        ("/퀴지", "/퀴즈"),
        ("/sumary 21", "/요약"),
    ] {
        assert_eq!(
            offered(line).first().map(String::as_str),
            Some(meant),
            "{line}"
        );
    }
    for line in ["/review-ad", "/quiz-answr", "/복습추ㄱ"] {
        let all = offered(line);
        assert!(
            !all.iter().any(|s| s == "/복습추가" || s == "/퀴즈답"),
            "{line}: {all:?}"
        );
    }
}

#[test]
fn a_missing_argument_is_named_with_an_example_that_runs() {
    for (line, option) in [("/summary", "챕터"), ("/search", "검색어"), ("/at", "시각")] {
        for locale in [Locale::Ko, Locale::En] {
            let reply = respond(&shipped(), line, locale);
            let problem = reply.error.expect(line);
            if locale == Locale::Ko {
                assert!(reply.title.starts_with(option), "{line}: {}", reply.title);
                assert!(problem.message.contains(&format!("`{option}`")), "{line}");
            }
            let example = problem.suggestions.first().expect("an example");
            assert!(example.command.is_some(), "{line}: {example:?}");
            // The example as shown reads back as the command it runs.
            assert_eq!(
                parse_slash(&example.label).ok(),
                example.command,
                "{line}: {}",
                example.label
            );
        }
    }
    assert_eq!(
        ko("/summary").error.unwrap().suggestions[0].label,
        "/요약 챕터:21"
    );
}

#[test]
fn garbage_gets_one_lead_in_with_topics_that_exist() {
    let lectern = shipped();
    for line in ["asdfgh", "@everyone", "😀😀", "/search ㅋㅋㅋㅋ"] {
        for locale in [Locale::Ko, Locale::En] {
            let reply = respond(&lectern, line, locale);
            let problem = reply.error.as_ref().expect(line);
            assert_eq!(
                reply.text.matches('?').count() + reply.text.matches(':').count(),
                1,
                "{line}: one lead-in: {}",
                reply.text
            );
            assert!(!problem.suggestions.is_empty(), "{line}");
            for topic in &problem.suggestions {
                let found = respond(&lectern, &format!("/search {}", topic.label), locale);
                assert!(found.is_ok(), "{line}: topic {} finds nothing", topic.label);
            }
        }
    }
}

/// The shipped course with chapter 21's notes changed by `edit`.
fn with_notes(edit: impl FnOnce(&mut lectern::library::Notes)) -> Lectern {
    let mut library = shipped().library;
    let ch = library.courses[0]
        .chapters
        .iter_mut()
        .find(|c| c.number == 21)
        .expect("chapter 21");
    edit(ch.notes.as_mut().expect("notes"));
    Lectern::new(library, &glossary())
}

fn has_key_points_button(reply: &Reply) -> bool {
    reply.buttons.iter().any(|b| {
        matches!(
            b,
            Button::Run {
                command: Command::KeyPoints { .. },
                ..
            }
        )
    })
}

#[test]
fn no_key_points_button_when_every_key_point_is_shown() {
    let summary = ko("/summary 21");
    assert!(!has_key_points_button(&summary), "3 key points, all shown");
    let many = with_notes(|n| {
        for i in 0..4 {
            n.key_points.push(KeyPoint {
                term: None,
                detail: format!("추가 포인트 {i}"),
            });
        }
    });
    let reply = respond(&many, "/summary 21", Locale::Ko);
    assert!(has_key_points_button(&reply), "7 key points, 5 shown");
    let none = with_notes(|n| n.key_points.clear());
    assert!(!has_key_points_button(&respond(
        &none,
        "/read 21",
        Locale::Ko
    )));
}

#[test]
fn the_overview_never_repeats_the_summary() {
    let overview = |lectern: &Lectern| {
        respond(lectern, "/summary 21", Locale::Ko)
            .fields
            .iter()
            .find(|f| f.name == "개요")
            .map(|f| f.value.clone())
    };
    let same = with_notes(|n| n.lead_summary = Some(n.summary.clone()));
    assert_eq!(overview(&same), None);
    let longer = with_notes(|n| {
        n.lead_summary = Some(format!("{} 멀티모달과 에이전트를 다룹니다.", n.summary))
    });
    assert_eq!(
        overview(&longer).as_deref(),
        Some("멀티모달과 에이전트를 다룹니다.")
    );
    let other = with_notes(|n| n.lead_summary = Some("전혀 다른 개요입니다.".into()));
    assert_eq!(overview(&other).as_deref(), Some("전혀 다른 개요입니다."));
}

/// Whether `text` names the command `/name` (not `/namesake`).
fn names_command(text: &str, name: &str) -> bool {
    let slash = format!("/{name}");
    text.match_indices(&slash).any(|(i, _)| {
        !text[i + slash.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '-')
    })
}

#[test]
fn korean_replies_name_commands_as_korean_discord_shows_them() {
    let lectern = shipped();
    for line in [
        "/help",
        "/summary 99",
        "/summary",
        "/read 21 page:x",
        "/sumary 21",
    ] {
        let text = shown(&respond(&lectern, line, Locale::Ko));
        for spec in COMMANDS.iter().filter(|c| c.ko != c.name) {
            assert!(
                !names_command(&text, spec.name),
                "{line}: /{} in {text}",
                spec.name
            );
        }
    }
    let help = shown(&respond(&lectern, "/help", Locale::Ko));
    assert!(help.contains("/읽기 챕터:21 쪽:1"), "{help}");
}

/// A Discord interaction missing a required option (a stale registration)
/// is worded as a typed line missing it: the option by its shown name, an
/// example.
#[test]
fn golden_missing_option_from_discord() {
    use lectern::discord::options::OptionsError;
    let missing = OptionsError::Missing {
        command: "read",
        option: "chapter",
    };
    let mut out = String::new();
    for locale in [Locale::Ko, Locale::En] {
        let reply = missing.reply(locale);
        out.push_str(&format!(
            "=== {locale:?}\n{}\n",
            lectern::cli::ask::to_text(&reply)
        ));
    }
    crate::support::golden("answers/missing_option", &out);
    assert_eq!(missing.reply(Locale::Ko).title, "챕터를 적어 주세요");
}
