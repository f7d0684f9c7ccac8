//! Decoding a verified body: the endpoint's one-pass decoding gives exactly
//! what the reference reading gives (a JSON value, its `type` and
//! `data.name`, then serenity's `Interaction` from the value) — for every
//! golden interaction, the synthetic ones, and bodies that are odd, broken
//! or hostile.

use lectern::answer::Command;
use lectern::discord::http::{decode_interaction, Decoded};
use lectern::discord::{synthetic, Interaction};
use serde_json::{json, Value};

/// The reference reading, as the endpoint decoded every body before it
/// decoded in one pass; `Ok((name, Debug of the interaction))`, `Ping` as
/// `("ping", "")`.
fn reference(body: &[u8]) -> Result<(String, String), String> {
    let value = serde_json::from_slice::<Value>(body).map_err(|_| "malformed JSON".to_string())?;
    let name = match value.get("type").and_then(Value::as_u64) {
        Some(1) => return Ok(("ping".into(), String::new())),
        Some(3) => "component".to_string(),
        Some(2 | 4) => value
            .pointer("/data/name")
            .and_then(Value::as_str)
            .map_or_else(|| "unnamed".to_string(), |n| n.chars().take(32).collect()),
        _ => return Err("unknown interaction type".to_string()),
    };
    let interaction: Interaction = serde_json::from_value(value)
        .map_err(|e| lectern::discord::Error::BadInteraction(e).to_string())?;
    Ok((name, format!("{interaction:?}")))
}

fn decoded(body: &[u8]) -> Result<(String, String), String> {
    decode_interaction(body).map(|d| match d {
        Decoded::Ping => ("ping".into(), String::new()),
        Decoded::Interaction { name, interaction } => (name, format!("{interaction:?}")),
    })
}

fn same(body: &[u8]) {
    assert_eq!(
        decoded(body),
        reference(body),
        "{}",
        String::from_utf8_lossy(body)
    );
}

#[test]
fn every_golden_and_synthetic_interaction_decodes_as_before() {
    let dir = crate::support::root().join("tests/fixtures/interactions");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("fixtures") {
        let body = std::fs::read(entry.expect("entry").path()).expect("fixture");
        assert!(reference(&body).is_ok());
        same(&body);
        n += 1;
    }
    assert!(n >= 20, "{n} fixtures");
    let mut bodies = vec![
        synthetic::command_interaction(&Command::Help { command: None }, None, "ko"),
        synthetic::component_interaction("v1:+w:3", "ko", false),
        synthetic::component_interaction("v1:+w:3", "en-US", true),
        synthetic::reload_interaction(0, "en-US"),
        synthetic::autocomplete_interaction("search", "query", "토", &[], "ko"),
        synthetic::autocomplete_interaction("summary", "chapter", "", &[("course", "x")], "en-US"),
    ];
    let mut long =
        synthetic::command_interaction(&Command::Help { command: None }, Some(true), "ko");
    long["data"]["name"] = json!("명령".repeat(40));
    bodies.push(long);
    for body in bodies {
        same(&serde_json::to_vec(&body).unwrap());
    }
}

#[test]
fn odd_and_hostile_bodies_get_the_same_answers() {
    let press = synthetic::component_interaction("v1:+w:3", "ko", false);
    let mut wrong_name =
        synthetic::command_interaction(&Command::Help { command: None }, None, "ko");
    wrong_name["data"]["name"] = json!(7);
    let mut modal = press.clone();
    modal["type"] = json!(5);
    let mut extra = press.clone();
    extra["unknown_field"] = json!({"deep": [1, 2, {"x": "y"}]});
    let press_text = serde_json::to_string(&press).unwrap();
    let bodies: Vec<Vec<u8>> = vec![
        b"".to_vec(),
        b"{".to_vec(),
        b"[]".to_vec(),
        b"null".to_vec(),
        b"7".to_vec(),
        br#"{"type":"2"}"#.to_vec(),
        br#"{"type":99}"#.to_vec(),
        br#"{"type":2}"#.to_vec(),
        br#"{"type":3,"data":5}"#.to_vec(),
        br#"{"type":1}"#.to_vec(),
        br#"{"type":1,"type":2}"#.to_vec(),
        br#"{"type":1} trailing"#.to_vec(),
        serde_json::to_vec(&wrong_name).unwrap(),
        serde_json::to_vec(&modal).unwrap(),
        serde_json::to_vec(&extra).unwrap(),
        // A repeated key: the value keeps the last one.
        press_text
            .replacen("{", r#"{"locale":"en-US","#, 1)
            .into_bytes(),
        // Not UTF-8 inside a field serenity never reads.
        [
            br#"{"skipped":""#.as_slice(),
            &[0xff],
            br#"","#,
            &press_text.as_bytes()[1..],
        ]
        .concat(),
        // Nested deeper than the parser allows.
        format!("{}{}", "[".repeat(200), "]".repeat(200)).into_bytes(),
        press_text.as_bytes()[..press_text.len() / 2].to_vec(),
    ];
    for body in &bodies {
        same(body);
    }
}
