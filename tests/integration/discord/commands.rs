//! The registered command definitions follow every rule Discord enforces
//! (checked by a hand-written validator over the exact JSON that is sent),
//! carry Korean localizations, and `lectern register --print` prints exactly
//! that JSON without a token or network.

use crate::support::discord::limits;
use crate::support::{golden_json, root, shipped, two_courses};
use lectern::discord::commands;
use serde_json::Value;

/// `^[-_'\p{L}\p{N}]{1,32}$`, and lowercase where a letter has a lowercase form.
fn valid_name(name: &str) -> bool {
    let n = name.chars().count();
    (1..=limits::COMMAND_NAME).contains(&n)
        && name
            .chars()
            .all(|c| c == '-' || c == '_' || c == '\'' || c.is_alphabetic() || c.is_numeric())
        && name.chars().all(|c| !c.is_uppercase())
}

fn len(v: &Value) -> usize {
    v.as_str().map_or(0, |s| s.chars().count())
}

fn localizations(v: &Value) -> Vec<(String, String)> {
    v.as_object()
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or("").to_string()))
                .collect()
        })
        .unwrap_or_default()
}

/// Every violation of Discord's rules in one command definition, and the
/// characters it counts toward the 8,000 limit.
fn check_command(cmd: &Value) -> (Vec<String>, usize) {
    let mut errors = Vec::new();
    let mut total = 0;
    let name = cmd["name"].as_str().unwrap_or("");
    let check_named = |what: &str, v: &Value, errors: &mut Vec<String>, total: &mut usize| {
        let n = v["name"].as_str().unwrap_or("");
        if !valid_name(n) {
            errors.push(format!("{what}: bad name {n:?}"));
        }
        let d = len(&v["description"]);
        if !(1..=limits::COMMAND_DESCRIPTION).contains(&d) {
            errors.push(format!("{what} {n}: description has {d} chars"));
        }
        *total += n.chars().count() + d;
        for (locale, l) in localizations(&v["name_localizations"]) {
            if !valid_name(&l) {
                errors.push(format!("{what} {n}: bad {locale} name {l:?}"));
            }
            *total += l.chars().count();
        }
        for (locale, l) in localizations(&v["description_localizations"]) {
            let c = l.chars().count();
            if !(1..=limits::COMMAND_DESCRIPTION).contains(&c) {
                errors.push(format!("{what} {n}: {locale} description has {c} chars"));
            }
            *total += c;
        }
        for locale in ["name_localizations", "description_localizations"] {
            if localizations(&v[locale]).iter().all(|(k, _)| k != "ko") {
                errors.push(format!("{what} {n}: no Korean {locale}"));
            }
        }
    };
    check_named("command", cmd, &mut errors, &mut total);
    let options = cmd["options"].as_array().cloned().unwrap_or_default();
    if options.len() > limits::COMMAND_OPTIONS {
        errors.push(format!("{name}: {} options", options.len()));
    }
    let mut names = std::collections::HashSet::new();
    let mut seen_optional = false;
    for o in &options {
        check_named(&format!("{name} option"), o, &mut errors, &mut total);
        let oname = o["name"].as_str().unwrap_or("").to_string();
        if !names.insert(oname.clone()) {
            errors.push(format!("{name}: option {oname} twice"));
        }
        let required = o["required"].as_bool().unwrap_or(false);
        if required && seen_optional {
            errors.push(format!("{name}: required {oname} after an optional option"));
        }
        seen_optional |= !required;
        let choices = o["choices"].as_array().cloned().unwrap_or_default();
        if choices.len() > limits::CHOICES {
            errors.push(format!("{name} {oname}: {} choices", choices.len()));
        }
        if !choices.is_empty() && o["autocomplete"] == true {
            errors.push(format!("{name} {oname}: choices and autocomplete"));
        }
        for c in &choices {
            let n = len(&c["name"]);
            if !(1..=limits::CHOICE_NAME).contains(&n) {
                errors.push(format!("{name} {oname}: choice name has {n} chars"));
            }
            total += n;
            for (_, l) in localizations(&c["name_localizations"]) {
                let n = l.chars().count();
                if !(1..=limits::CHOICE_NAME).contains(&n) {
                    errors.push(format!("{name} {oname}: localized choice name {n} chars"));
                }
                total += n;
            }
            if let Some(v) = c["value"].as_str() {
                let n = v.chars().count();
                if n > limits::CHOICE_VALUE {
                    errors.push(format!("{name} {oname}: choice value has {n} chars"));
                }
                total += n;
            }
        }
        if o["type"] == 3 {
            if let Some(max) = o["max_length"].as_u64() {
                if !(1..=6000).contains(&max) {
                    errors.push(format!("{name} {oname}: max_length {max}"));
                }
            }
        }
    }
    if total > limits::COMMAND_TOTAL {
        errors.push(format!("{name}: {total} characters in all"));
    }
    (errors, total)
}

fn check_all(defs: &Value) -> Vec<String> {
    let list = defs.as_array().expect("an array");
    let mut errors = Vec::new();
    let mut names = std::collections::HashSet::new();
    for cmd in list {
        let (e, _) = check_command(cmd);
        errors.extend(e);
        if !names.insert(cmd["name"].as_str().unwrap_or("").to_string()) {
            errors.push(format!("command {} twice", cmd["name"]));
        }
    }
    errors
}

#[test]
fn validator_catches_broken_definitions() {
    let bad = serde_json::json!([{
        "name": "Summary",
        "description": "",
        "name_localizations": {"ko": "요 약"},
        "description_localizations": {"ko": "x".repeat(101)},
        "options": [
            {"type": 3, "name": "b", "description": "d", "required": false,
             "name_localizations": {"ko": "비"}, "description_localizations": {"ko": "디"}},
            {"type": 3, "name": "a", "description": "d", "required": true,
             "name_localizations": {"ko": "에이"}, "description_localizations": {"ko": "디"},
             "choices": [{"name": "", "value": "v".repeat(101)}]}
        ]
    }]);
    let errors = check_all(&bad);
    for needle in [
        "bad name \"Summary\"",
        "description has 0",
        "bad ko name",
        "ko description has 101",
        "required a after",
        "choice name has 0",
        "choice value has 101",
    ] {
        assert!(
            errors.iter().any(|e| e.contains(needle)),
            "{needle} not caught: {errors:?}"
        );
    }
    assert!(valid_name("목차") && valid_name("key_points") && valid_name("at"));
    assert!(!valid_name("") && !valid_name("a b") && !valid_name(&"a".repeat(33)));
}

#[test]
fn definitions_follow_every_discord_rule() {
    for (what, lectern) in [("one course", shipped()), ("two courses", two_courses())] {
        let defs = commands::definitions_json(&lectern);
        let errors = check_all(&defs);
        assert!(errors.is_empty(), "{what}: {errors:#?}");
        let list = defs.as_array().unwrap();
        let names: Vec<&str> = list.iter().map(|c| c["name"].as_str().unwrap()).collect();
        assert_eq!(
            names,
            [
                "chapters",
                "summary",
                "keypoints",
                "read",
                "search",
                "where",
                "at",
                "link",
                "courses",
                "help",
                "watched",
                "unwatch",
                "progress",
                "board",
                "settings",
                "forget-me",
                "quiz",
                "review",
                "daily",
                "reload"
            ]
        );
        for c in list {
            let (_, total) = check_command(c);
            assert!(
                total < limits::COMMAND_TOTAL / 4,
                "{} uses {total}",
                c["name"]
            );
        }
    }
}

fn option<'a>(defs: &'a Value, command: &str, name: &str) -> Option<&'a Value> {
    defs.as_array()?.iter().find(|c| c["name"] == command)?["options"]
        .as_array()?
        .iter()
        .find(|o| o["name"] == name)
}

#[test]
fn korean_names_autocomplete_course_and_hide() {
    let defs = commands::definitions_json(&shipped());
    let ko: Vec<&str> = defs
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name_localizations"]["ko"].as_str().unwrap())
        .collect();
    assert_eq!(
        ko,
        [
            "목차",
            "요약",
            "핵심",
            "읽기",
            "검색",
            "어디",
            "시각",
            "링크",
            "강의목록",
            "도움말",
            "봤어요",
            "안봤어요",
            "진도",
            "현황판",
            "설정",
            "기록삭제",
            "퀴즈",
            "복습",
            "오늘의챕터",
            "새로고침"
        ]
    );
    for (command, name, ko) in [
        ("summary", "chapter", "챕터"),
        ("search", "query", "검색어"),
        ("read", "page", "쪽"),
        ("search", "limit", "개수"),
        ("at", "time", "시각"),
        ("link", "at", "위치"),
        ("help", "hide", "숨기기"),
    ] {
        let o = option(&defs, command, name).unwrap_or_else(|| panic!("{command} {name}"));
        assert_eq!(o["name_localizations"]["ko"], ko);
    }
    assert_eq!(
        option(&defs, "summary", "chapter").unwrap()["autocomplete"],
        true
    );
    assert_eq!(
        option(&defs, "search", "query").unwrap()["autocomplete"],
        true
    );
    assert_eq!(option(&defs, "help", "hide").unwrap()["type"], 5);
    // One course loaded: no course option anywhere.
    assert!(option(&defs, "summary", "course").is_none());
    let two = commands::definitions_json(&two_courses());
    let course = option(&two, "summary", "course").expect("course option");
    assert_eq!(course["name_localizations"]["ko"], "강의");
    let values: Vec<&str> = course["choices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["value"].as_str().unwrap())
        .collect();
    assert_eq!(values, ["deep-dive-llms", "other-course"]);
    assert!(option(&two, "help", "course").is_none());
}

#[test]
fn register_print_is_the_exact_payload_and_needs_no_token() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lectern"))
        .current_dir(root())
        .env_remove("DISCORD_TOKEN")
        .env_remove("DISCORD_APPLICATION_ID")
        .args(["register", "--print"])
        .output()
        .expect("run lectern");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed: Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(printed, commands::definitions_json(&shipped()));
    golden_json("discord/commands.json", &printed);
}

#[test]
fn reload_is_for_server_managers_only() {
    for lectern in [shipped(), two_courses()] {
        let defs = commands::definitions_json(&lectern);
        let list = defs.as_array().unwrap();
        let reload = list
            .iter()
            .find(|c| c["name"] == "reload")
            .expect("a reload command");
        // Manage Server (1 << 5), as the decimal string Discord expects.
        assert_eq!(reload["default_member_permissions"], "32");
        // Servers only: no bot DMs, no group DMs.
        assert_eq!(reload["contexts"], serde_json::json!([0]));
        assert!(reload.get("dm_permission").is_none());
        // No options at all: no course, and no hide (always private).
        assert_eq!(reload["options"], serde_json::json!([]));
        assert_eq!(reload["name_localizations"]["ko"], "새로고침");
        // `/settings` and `/daily` are the other admin commands (they change the server).
        for name in ["settings", "daily"] {
            let admin = list.iter().find(|c| c["name"] == name).unwrap();
            assert_eq!(admin["default_member_permissions"], "32");
        }
        // Every other command stays open to everyone, everywhere.
        let admin = |c: &&serde_json::Value| {
            c["name"] == "reload" || c["name"] == "settings" || c["name"] == "daily"
        };
        for c in list.iter().filter(|c| !admin(c)) {
            assert!(
                c.get("default_member_permissions").is_none(),
                "{}",
                c["name"]
            );
            assert!(c.get("contexts").is_none(), "{}", c["name"]);
        }
    }
}

/// `/chapters` registers the `course` it advertises, as every command with a
/// course does: the loaded courses as choices, autocomplete over them when
/// they don't fit as choices; typed, it takes the course named or by position.
#[test]
fn chapters_takes_its_course_option() {
    use lectern::answer::slash::parse_slash;
    use lectern::answer::Command;
    use lectern::discord::{synthetic, Settings};

    let two = commands::definitions_json(&two_courses());
    let course = option(&two, "chapters", "course").expect("/chapters course");
    assert_eq!(course["name_localizations"]["ko"], "강의");
    assert_eq!(course["choices"].as_array().map(Vec::len), Some(2));

    let mut library = two_courses().library;
    let first = library.courses[0].clone();
    for i in 0..30 {
        let mut c = first.clone();
        c.id = format!("course-{i:02}");
        library.courses.push(c);
    }
    let many = lectern::app::Lectern::new(library, &crate::support::glossary());
    let defs = commands::definitions_json(&many);
    let course = option(&defs, "chapters", "course").expect("/chapters course");
    assert_eq!(course["autocomplete"], true);
    let r = crate::support::discord::respond(
        &many,
        &Settings::default(),
        &synthetic::autocomplete_interaction("chapters", "course", "course-1", &[], "ko"),
    );
    let offered: Vec<&str> = r["data"]["choices"]
        .as_array()
        .expect("choices")
        .iter()
        .filter_map(|c| c["value"].as_str())
        .collect();
    assert_eq!(offered.len(), 10, "{offered:?}");
    assert!(offered.iter().all(|v| v.starts_with("course-1")));

    let of = |course: &str| Command::Chapters {
        course: Some(course.into()),
    };
    for line in [
        "/chapters other-course",
        "/chapters course:other-course",
        "/목차 강의:other-course",
    ] {
        assert_eq!(parse_slash(line).ok(), Some(of("other-course")), "{line}");
    }
    let reply = lectern::cli::ask::respond(
        &two_courses(),
        "/chapters other-course",
        lectern::answer::Locale::Ko,
    );
    assert!(reply.title.contains("다른 강의"), "{}", reply.title);
}

#[test]
fn help_command_autocomplete_offers_command_names_in_the_readers_language() {
    use lectern::discord::{synthetic, Settings};
    let r = crate::support::discord::respond(
        &shipped(),
        &Settings::default(),
        &synthetic::autocomplete_interaction("help", "command", "퀴", &[], "ko"),
    );
    let first = &r["data"]["choices"][0];
    assert_eq!(first["value"], "quiz", "{r}");
    assert!(
        first["name"].as_str().unwrap_or("").starts_with("퀴즈 — "),
        "{r}"
    );
}
