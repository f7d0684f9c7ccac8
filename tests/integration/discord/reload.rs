//! `/reload` without a network: who may reload (Manage Server or
//! Administrator, in a server), the refusal and the report as rendered
//! messages (goldens, every Discord limit, private, no mentions), what the
//! pure handler answers when no transport reloaded, `answer_live` reloading
//! edited content in process, and error replies preferring the core's own
//! suggestion buttons over guessed ones.

use std::sync::Arc;

use crate::support::discord::{assert_payload_ok, custom_ids, interaction_fixture};
use crate::support::{golden_json, root, shipped, temp_content};
use lectern::answer::{Command, Locale};
use lectern::discord::reload::{self, Reload};
use lectern::discord::{self, response_json, synthetic, Interaction, Settings};
use lectern::library::changes::ReloadReport;
use lectern::library::Diagnostic;
use lectern::live::Live;
use serde_json::{json, Value};

fn interaction(v: &Value) -> Interaction {
    serde_json::from_value(v.clone()).expect("serenity reads the interaction")
}

fn fixture(name: &str) -> Value {
    serde_json::from_slice(&interaction_fixture(name)).expect("json")
}

fn json_of(r: &discord::CreateInteractionResponse) -> Value {
    response_json(r).expect("encodes")
}

fn is_ephemeral(v: &Value) -> bool {
    v["data"]["flags"].as_u64().is_some_and(|f| f & 64 != 0)
}

fn description(v: &Value) -> String {
    v["data"]["embeds"][0]["description"]
        .as_str()
        .unwrap_or("")
        .to_string()
}

/// The refusal, checked for shape; returns it.
fn assert_refused(v: &Value, context: &str) {
    assert_payload_ok(context, v);
    assert_eq!(v["type"], 4, "{context}");
    assert!(is_ephemeral(v), "{context}: not private");
    assert_eq!(v["data"]["embeds"][0]["color"], 0xED4245, "{context}");
    assert!(
        description(v).contains("/reload") || description(v).contains("/새로고침"),
        "{context}: {v}"
    );
}

#[test]
fn only_managers_and_administrators_in_a_server_may_reload() {
    const MANAGE_GUILD: u64 = 1 << 5;
    const ADMINISTRATOR: u64 = 1 << 3;
    for (perms, allowed) in [
        (synthetic::MEMBER_PERMISSIONS, false),
        (0, false),
        (synthetic::MANAGER_PERMISSIONS, true),
        (MANAGE_GUILD, true),
        (ADMINISTRATOR, true),
        (synthetic::MEMBER_PERMISSIONS | ADMINISTRATOR, true),
    ] {
        let i = interaction(&synthetic::reload_interaction(perms, "ko"));
        let command = reload::is_reload(&i).expect("a /reload");
        assert_eq!(reload::authorized(command), allowed, "permissions {perms}");
        match reload::intercept(&i) {
            Some(Reload::Run(l)) => {
                assert!(allowed, "{perms} may not reload");
                assert_eq!(l, Locale::Ko);
            }
            Some(Reload::Refuse(r)) => {
                assert!(!allowed, "{perms} was refused");
                assert_refused(&json_of(&r), &format!("permissions {perms}"));
            }
            None => panic!("not intercepted"),
        }
    }
    // A member entry without permissions (never sent by Discord, but
    // possible in a hand-made payload) is refused.
    let mut v = synthetic::reload_interaction(synthetic::MANAGER_PERMISSIONS, "en-US");
    v["member"].as_object_mut().unwrap().remove("permissions");
    let i = interaction(&v);
    assert!(!reload::authorized(reload::is_reload(&i).unwrap()));
    // In a DM (no member, no guild), whatever the user: refused.
    let mut dm = fixture("cmd_help_dm_en.json");
    dm["data"]["name"] = json!("reload");
    let i = interaction(&dm);
    assert!(!reload::authorized(reload::is_reload(&i).unwrap()));
    assert!(matches!(reload::intercept(&i), Some(Reload::Refuse(_))));
}

#[test]
fn only_the_reload_command_is_intercepted() {
    let others = [
        synthetic::command_interaction(&Command::Help { command: None }, None, "ko"),
        synthetic::autocomplete_interaction("summary", "chapter", "2", &[], "ko"),
        synthetic::component_interaction("v1:help", "ko", false),
        json!({ "type": 1, "id": "1", "application_id": "2", "token": "t", "version": 1 }),
    ];
    for v in &others {
        let i = interaction(v);
        assert!(reload::is_reload(&i).is_none(), "{v}");
        assert!(reload::intercept(&i).is_none(), "{v}");
    }
    // An autocomplete request naming `reload` (it has no options; a forged or
    // stale one) is not a reload either, and gets no choices.
    let ac = synthetic::autocomplete_interaction("reload", "x", "", &[], "ko");
    let i = interaction(&ac);
    assert!(reload::intercept(&i).is_none());
    let r = discord::response_json(&discord::handle(&shipped(), &Settings::default(), &i)).unwrap();
    assert_eq!(r["type"], 8);
    assert_eq!(r["data"]["choices"], json!([]));
}

#[test]
fn the_pure_handler_never_calls_reload_an_unknown_command() {
    let lectern = shipped();
    let settings = Settings::default();
    // A member without the permission: the same refusal the transports send.
    for locale in ["ko", "en-US"] {
        let i = interaction(&synthetic::reload_interaction(
            synthetic::MEMBER_PERMISSIONS,
            locale,
        ));
        let handled = json_of(&discord::handle(&lectern, &settings, &i));
        let Some(Reload::Refuse(refusal)) = reload::intercept(&i) else {
            panic!("not refused")
        };
        assert_eq!(handled, json_of(&refusal));
        assert_refused(&handled, locale);
    }
    // An admin, where nothing can reload (e.g. `lectern ask`): says so.
    let i = interaction(&synthetic::reload_interaction(
        synthetic::MANAGER_PERMISSIONS,
        "en-US",
    ));
    let handled = json_of(&discord::handle(&lectern, &settings, &i));
    assert_payload_ok("unavailable", &handled);
    assert!(is_ephemeral(&handled));
    let title = handled["data"]["embeds"][0]["title"].as_str().unwrap();
    assert_eq!(title, "Can't reload here");
    assert!(!handled.to_string().contains("Unknown command"));
}

fn sample_report() -> ReloadReport {
    ReloadReport {
        added: vec![("deep-dive-llms".into(), 22)],
        updated: vec![("deep-dive-llms".into(), 21)],
        removed: vec![("deep-dive-llms".into(), 3)],
        kept: vec![(
            "deep-dive-llms".into(),
            7,
            "front matter: expected a mapping".into(),
        )],
        diagnostics: vec![
            Diagnostic::error(
                "content/deep-dive-llms/07-x.md",
                2,
                "front matter: expected a mapping",
            ),
            Diagnostic::warning(
                "content/deep-dive-llms/22-y.md",
                0,
                "no key points @everyone",
            ),
        ],
    }
}

#[test]
fn the_report_is_a_private_embed_within_every_limit() {
    for (name, l) in [
        ("report_ko.json", Locale::Ko),
        ("report_en.json", Locale::En),
    ] {
        let v = json_of(&reload::reload_response(&sample_report(), l));
        assert_payload_ok(name, &v);
        assert_eq!(v["type"], 4);
        assert!(is_ephemeral(&v), "{name}");
        assert_eq!(v["data"]["allowed_mentions"]["parse"], json!([]));
        assert!(
            custom_ids(&v).is_empty(),
            "{name}: the report has no buttons"
        );
        golden_json(&format!("discord/reload/{name}"), &v);
    }
    let unchanged = json_of(&reload::reload_response(
        &ReloadReport::default(),
        Locale::En,
    ));
    assert_payload_ok("unchanged", &unchanged);
    assert!(
        description(&unchanged).contains("No chapter changed"),
        "{unchanged}"
    );
    // A huge report (a whole broken library) still fits every limit.
    let many: Vec<(String, u32)> = (0..5000).map(|n| ("c".repeat(90), n)).collect();
    let huge = ReloadReport {
        added: many.clone(),
        updated: many.clone(),
        removed: many.clone(),
        kept: many
            .iter()
            .map(|(c, n)| (c.clone(), *n, "x".repeat(300)))
            .collect(),
        diagnostics: (0..5000)
            .map(|n| Diagnostic::error("p".repeat(500), n, "m".repeat(500)))
            .collect(),
    };
    for l in [Locale::Ko, Locale::En] {
        assert_payload_ok("huge", &json_of(&reload::reload_response(&huge, l)));
    }
}

#[test]
fn golden_reload_fixtures_answer_without_reloading() {
    // The goldens under responses/ (checked by discord_golden.rs) hold the
    // refusal and the "can't reload here" note; here: what they mean.
    let lectern = shipped();
    let member = discord::handle_json(
        &lectern,
        &Settings::default(),
        &serde_json::to_vec(&fixture("cmd_reload_member_ko.json")).unwrap(),
    )
    .unwrap();
    assert_refused(&member, "member");
    let admin = discord::handle_json(
        &lectern,
        &Settings::default(),
        &serde_json::to_vec(&fixture("cmd_reload_admin_en.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(admin["data"]["embeds"][0]["title"], "Can't reload here");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answer_live_reloads_for_managers_and_refuses_others() {
    let temp = temp_content();
    let config = temp.config.clone();
    let live = Arc::new(Live::new(config.clone(), config.content.clone()));
    let settings = Settings::default();
    temp.edit_chapter("관리자가 고친 문장.");
    // A student: refused, and nothing was reloaded.
    let student = interaction(&synthetic::reload_interaction(
        synthetic::MEMBER_PERMISSIONS,
        "ko",
    ));
    let r = json_of(&discord::answer_live(&live, &settings, &student).await);
    assert_refused(&r, "student");
    let summary = interaction(&synthetic::command_interaction(
        &Command::Summary {
            course: None,
            chapter: "21".into(),
        },
        None,
        "ko",
    ));
    let before = json_of(&discord::answer_live(&live, &settings, &summary).await);
    assert!(!before.to_string().contains("관리자가 고친 문장."));
    // A manager: reloaded, and the report names the updated chapter.
    let manager = interaction(&synthetic::reload_interaction(
        synthetic::MANAGER_PERMISSIONS,
        "ko",
    ));
    let r = json_of(&discord::answer_live(&live, &settings, &manager).await);
    assert_payload_ok("report", &r);
    assert!(is_ephemeral(&r));
    let fields = r["data"]["embeds"][0]["fields"].to_string();
    assert!(fields.contains("수정 (1)"), "{r}");
    assert!(fields.contains("deep-dive-llms #21"), "{r}");
    let after = json_of(&discord::answer_live(&live, &settings, &summary).await);
    assert!(after.to_string().contains("관리자가 고친 문장."), "{after}");
    // Everything else is the pure handler on the new snapshot.
    assert_eq!(
        after,
        json_of(&discord::handle(&live.get(), &settings, &summary))
    );
    let again = json_of(&discord::answer_live(&live, &settings, &manager).await);
    assert!(
        description(&again).contains("바뀐 챕터가 없어요"),
        "{again}"
    );
}

#[test]
fn suggestions_carry_the_command_they_run() {
    let lectern = shipped();
    let ask = |command: Command| {
        lectern::answer::answer(
            &lectern,
            &lectern::answer::Request::new(command, Locale::Ko),
        )
    };
    // A chapter that isn't there: each suggestion re-runs the asked command
    // (here `/read`, from its first page) about the suggested chapter.
    let reply = ask(Command::Read {
        course: None,
        chapter: "99".into(),
        page: Some(3),
    });
    let problem = reply.error.expect("an error");
    assert!(!problem.suggestions.is_empty());
    for s in &problem.suggestions {
        let number: String = s.label.chars().take_while(char::is_ascii_digit).collect();
        assert_eq!(
            s.command,
            Some(Command::Read {
                course: None,
                chapter: number,
                page: None,
            }),
            "{}",
            s.label
        );
    }
    // A course that isn't there: the same command with a loaded course.
    let reply = ask(Command::Chapters {
        course: Some("deep-dive-llm".into()),
    });
    let problem = reply.error.expect("an error");
    assert_eq!(
        problem.suggestions[0].command,
        Some(Command::Chapters {
            course: Some("deep-dive-llms".into())
        })
    );
    // A typed slash line: `/help` runs; a bare `/summary` can't run alone.
    let unknown = lectern::answer::slash::parse_slash("/sumary").unwrap_err();
    let runs: Vec<_> = unknown
        .suggestions
        .iter()
        .map(|s| (s.label.as_str(), s.command.is_some()))
        .collect();
    assert!(runs.contains(&("/summary", false)), "{runs:?}");
    // The renderer makes buttons of exactly the suggestions that run.
    let out = json_of(&discord::handle(
        &lectern,
        &Settings::default(),
        &interaction(&synthetic::command_interaction(
            &Command::Summary {
                course: None,
                chapter: "99".into(),
            },
            None,
            "ko",
        )),
    ));
    let labels: Vec<&str> = out["data"]["components"][0]["components"]
        .as_array()
        .expect("buttons")
        .iter()
        .filter_map(|b| b["custom_id"].as_str())
        .collect();
    assert!(
        !labels.is_empty()
            && labels
                .iter()
                .all(|id| id.starts_with("v1:-sum:") || id.starts_with("v1:+sum:")),
        "{labels:?}"
    );
}

#[test]
fn ask_reload_shows_that_nothing_can_reload_there() {
    for line in ["/reload", "/새로고침"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_lectern"))
            .current_dir(root())
            .args(["ask", line, "--format", "discord", "--locale", "en"])
            .output()
            .expect("run lectern");
        assert_eq!(out.status.code(), Some(1), "{line}");
        let printed: Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
        assert_eq!(printed, json_of(&reload::unavailable(Locale::En)), "{line}");
        assert_payload_ok(line, &printed);
    }
}
