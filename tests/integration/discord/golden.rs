//! Real Discord-shaped interactions (`tests/fixtures/interactions/*.json`, as
//! Discord sends them), decoded as the HTTP endpoint decodes them and
//! answered by the pure handler, compared with golden responses
//! (`tests/golden/discord/responses/`). The update rule is the kit's
//! (`support::golden`).

use crate::support::discord::{
    answer_body, assert_payload_ok, custom_ids, interaction_fixture, interaction_fixtures,
};
use crate::support::{golden_json, root, shipped, two_courses};
use lectern::discord::{synthetic, Settings};
use serde_json::{json, Value};

fn fixture(name: &str) -> Vec<u8> {
    interaction_fixture(name)
}

#[test]
fn every_fixture_matches_its_golden_response() {
    let lectern = shipped();
    let settings = Settings::default();
    let all = interaction_fixtures();
    assert!(all.len() >= 20, "fixtures are missing");
    for (name, body) in all {
        let response =
            answer_body(&lectern, &settings, &body).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_payload_ok(&name, &response);
        golden_json(&format!("discord/responses/{name}"), &response);
    }
}

#[test]
fn ping_is_answered_with_pong() {
    let response = answer_body(&shipped(), &Settings::default(), &fixture("ping.json")).unwrap();
    assert_eq!(response["type"], 1);
}

#[test]
fn garbage_is_an_error_not_a_panic() {
    let lectern = shipped();
    for body in [&b""[..], b"{}", b"[]", b"{\"type\": 99}", b"\xff\xfe"] {
        assert!(answer_body(&lectern, &Settings::default(), body).is_err());
    }
}

fn respond_to(lectern: &lectern::app::Lectern, settings: &Settings, body: &[u8]) -> Value {
    answer_body(lectern, settings, body).expect("answered")
}

fn is_ephemeral(response: &Value) -> bool {
    response["data"]["flags"]
        .as_u64()
        .is_some_and(|f| f & 64 != 0)
}

#[test]
fn visibility_follows_hide_then_the_configured_default() {
    let lectern = shipped();
    let public = Settings::default();
    let hidden = Settings {
        ephemeral_by_default: true,
        ..Settings::default()
    };
    let help = fixture("cmd_help_ko.json");
    assert!(!is_ephemeral(&respond_to(&lectern, &public, &help)));
    assert!(is_ephemeral(&respond_to(&lectern, &hidden, &help)));
    let command = lectern::answer::Command::Help { command: None };
    let shown = synthetic::command_interaction(&command, Some(false), "ko");
    let shown = serde_json::to_vec(&shown).unwrap();
    assert!(!is_ephemeral(&respond_to(&lectern, &hidden, &shown)));
    let asked_hidden = synthetic::command_interaction(&command, Some(true), "ko");
    let asked_hidden = serde_json::to_vec(&asked_hidden).unwrap();
    assert!(is_ephemeral(&respond_to(&lectern, &public, &asked_hidden)));
}

#[test]
fn errors_are_ephemeral_with_suggestions() {
    let lectern = shipped();
    for name in [
        "cmd_unknown_command_ko.json",
        "btn_stale_version_ko.json",
        "btn_error_answer_ko.json",
    ] {
        let r = respond_to(&lectern, &Settings::default(), &fixture(name));
        assert_eq!(r["type"], 4, "{name}");
        assert!(is_ephemeral(&r), "{name}");
        assert_eq!(r["data"]["embeds"][0]["color"], 0xED4245, "{name}");
    }
    // The unknown command suggests /help, as text and as a button, named as
    // the Korean reader's Discord shows it (`/도움말`).
    let r = respond_to(
        &lectern,
        &Settings::default(),
        &fixture("cmd_unknown_command_ko.json"),
    );
    assert!(r["data"]["embeds"][0]["description"]
        .as_str()
        .unwrap()
        .contains("• /도움말"));
    assert!(custom_ids(&r).iter().any(|id| id.ends_with("help")));
}

fn click(lectern: &lectern::app::Lectern, custom_id: &str, ephemeral_message: bool) -> Value {
    let json = synthetic::component_interaction(custom_id, "ko", ephemeral_message);
    crate::support::discord::respond(lectern, &Settings::default(), &json)
}

#[test]
fn clicks_update_in_place_or_post_anew_as_the_id_says() {
    let lectern = shipped();
    // Update in place: type 7, and the clicked message's visibility is kept
    // (no flags may be sent with UPDATE_MESSAGE).
    let r = click(&lectern, "v1:ch", false);
    assert_eq!(r["type"], 7);
    assert!(r["data"].get("flags").is_none());
    // New public / new hidden message.
    let r = click(&lectern, "v1:+help", true);
    assert_eq!(r["type"], 4);
    assert!(!is_ephemeral(&r));
    let r = click(&lectern, "v1:-help", false);
    assert_eq!(r["type"], 4);
    assert!(is_ephemeral(&r));
    // Unreadable ids: a friendly ephemeral error, whatever the garbage.
    for bad in [
        "",
        "v9:sum:1",
        "v1:zap",
        "v1:read:21:x",
        "%%%",
        &"x".repeat(100),
    ] {
        let r = click(&lectern, bad, false);
        assert_eq!(r["type"], 4, "{bad:?}");
        assert!(is_ephemeral(&r), "{bad:?}");
        assert_payload_ok(bad, &r);
    }
}

#[test]
fn buttons_from_lists_open_new_messages_and_chapter_views_navigate() {
    use lectern::answer::{Button, Command, Locale, Reply};
    use lectern::discord::render::{message, Frame};
    let reply = Reply {
        title: "t".into(),
        text: "x".into(),
        buttons: vec![
            Button::Run {
                label: "22 ▶".into(),
                command: Command::Summary {
                    course: None,
                    chapter: "22".into(),
                },
            },
            Button::Link {
                label: "▶ 3:09:39부터 보기".into(),
                url: "https://www.youtube.com/watch?v=7xTGNNLPyMI&t=11379s".into(),
            },
        ],
        ..Reply::default()
    };
    let render = |source: &Command, hidden: bool| {
        let m = message(
            &reply,
            &Frame {
                locale: Locale::Ko,
                source: Some(source),
                hidden,
                set_flag: true,
            },
        );
        serde_json::to_value(m).unwrap()
    };
    let ids = |v: &Value| -> Vec<String> {
        v["components"][0]["components"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|b| b["custom_id"].as_str().map(String::from))
            .collect()
    };
    let summary = Command::Summary {
        course: None,
        chapter: "21".into(),
    };
    assert_eq!(ids(&render(&summary, false)), ["v1:sum:22"]);
    assert_eq!(ids(&render(&summary, true)), ["v1:sum:22"]);
    let list = Command::Chapters { course: None };
    assert_eq!(ids(&render(&list, false)), ["v1:+sum:22"]);
    assert_eq!(ids(&render(&list, true)), ["v1:-sum:22"]);
    let search = Command::Search {
        course: None,
        query: "agents".into(),
        limit: None,
    };
    assert_eq!(ids(&render(&search, false)), ["v1:+sum:22"]);
    // The link button is a real link button.
    let v = render(&summary, false);
    assert_eq!(v["components"][0]["components"][1]["style"], 5);
    assert_eq!(v["allowed_mentions"]["parse"], json!([]));
}

#[test]
fn locale_picks_the_reply_language() {
    let lectern = shipped();
    let ko = respond_to(&lectern, &Settings::default(), &fixture("cmd_help_ko.json"));
    let en = respond_to(
        &lectern,
        &Settings::default(),
        &fixture("cmd_help_dm_en.json"),
    );
    assert_eq!(ko["data"]["embeds"][0]["title"], "Lectern 도움말");
    assert_ne!(
        ko["data"]["embeds"][0]["title"],
        en["data"]["embeds"][0]["title"]
    );
}

#[test]
fn ask_format_discord_prints_the_handler_payload() {
    // The CLI builds its own interaction, but the answer depends only on the
    // command and locale: it must equal the golden of the real fixture.
    for (line, locale, golden_name) in [
        ("/summary chapter:21", "ko", "cmd_summary_ko.json"),
        ("/help", "ko", "cmd_help_ko.json"),
        ("/keypoints 21", "en", "cmd_keypoints_en.json"),
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_lectern"))
            .current_dir(root())
            .args(["ask", line, "--format", "discord", "--locale", locale])
            .output()
            .expect("run lectern");
        let printed: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{line}: {e}: {}", String::from_utf8_lossy(&out.stdout)));
        golden_json(&format!("discord/responses/{golden_name}"), &printed);
    }
}

#[test]
fn course_buttons_and_options_carry_the_course_only_with_several_courses() {
    let one = shipped();
    let two = two_courses();
    let ch = |lectern: &lectern::app::Lectern| {
        let json = synthetic::command_interaction(
            &lectern::answer::Command::Chapters {
                course: Some("other-course".into()),
            },
            None,
            "ko",
        );
        crate::support::discord::respond(lectern, &Settings::default(), &json)
    };
    let r = ch(&two);
    assert_payload_ok("two courses", &r);
    assert_eq!(r["data"]["embeds"][0]["color"], 0x336699);
    for id in custom_ids(&r) {
        assert!(id.ends_with(":other-course"), "{id}");
    }
    // With one course, "other-course" is unknown: an error that names the course.
    let r = ch(&one);
    assert!(is_ephemeral(&r));
}
