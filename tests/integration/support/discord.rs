//! Answering interactions the way the HTTP endpoint does, and the checks every
//! response payload goes through: each Discord limit, and empty
//! `allowed_mentions`. Recorded interactions (as Discord sends them) live in
//! `tests/fixtures/interactions/`.

use lectern::app::Lectern;
use lectern::discord::http::{decode_interaction, Decoded};
use lectern::discord::{self, Interaction, Settings};
use serde_json::Value;

/// The recorded interactions, `(file name, body)`, in name order.
pub fn interaction_fixtures() -> Vec<(String, Vec<u8>)> {
    let dir = super::root().join("tests/fixtures/interactions");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).expect("read fixture"))
        })
        .collect()
}

/// One recorded interaction's body.
pub fn interaction_fixture(name: &str) -> Vec<u8> {
    std::fs::read(super::root().join("tests/fixtures/interactions").join(name))
        .unwrap_or_else(|e| panic!("no fixture {name}: {e}"))
}

/// Decodes an interaction body as the HTTP endpoint does
/// ([`lectern::discord::http::decode_interaction`]). The endpoint answers a
/// PING itself without reading it further; here it is read into serenity's
/// ping so the pure handler's PONG is checked too.
pub fn decode(body: &[u8]) -> Result<Interaction, String> {
    match decode_interaction(body)? {
        Decoded::Ping => serde_json::from_slice(body).map_err(|e| e.to_string()),
        Decoded::Interaction { interaction, .. } => Ok(*interaction),
    }
}

/// Answers a raw interaction body from `lectern`: decoded as the endpoint
/// decodes it, answered by the pure handler, and read back from the bytes
/// the endpoint would send.
pub fn answer_body(lectern: &Lectern, settings: &Settings, body: &[u8]) -> Result<Value, String> {
    let interaction = decode(body)?;
    let response = discord::handle(lectern, settings, &interaction);
    let bytes = serde_json::to_vec(&response).map_err(|e| e.to_string())?;
    serde_json::from_slice(&bytes).map_err(|e| e.to_string())
}

/// [`answer_body`] for an interaction built as JSON (by `synthetic` or by hand).
pub fn respond(lectern: &Lectern, settings: &Settings, interaction: &Value) -> Value {
    let body = serde_json::to_vec(interaction).expect("json");
    answer_body(lectern, settings, &body).expect("the interaction is answered")
}

/// Discord's limits and the payload checker, for every test through this one
/// path: the renderer's limits from `src`, the test-only ones from the kit.
pub use super::limits;

/// `/summary chapter:21` in Korean: the chapter the temp-content tests edit
/// (`content::EDITED_CHAPTER`).
pub fn summary_21() -> Value {
    lectern::discord::synthetic::command_interaction(
        &lectern::answer::Command::Summary {
            course: None,
            chapter: "21".into(),
        },
        None,
        "ko",
    )
}
pub use super::limits::check_payload;

/// Panics with the violations and the payload when `response` breaks a rule.
pub fn assert_payload_ok(context: &str, response: &Value) {
    let errors = check_payload(response);
    assert!(
        errors.is_empty(),
        "{context}: {errors:?}\n{}",
        serde_json::to_string_pretty(response).unwrap_or_default()
    );
}

/// The `custom_id`s of a response's buttons.
pub fn custom_ids(response: &Value) -> Vec<String> {
    response["data"]["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .filter_map(|b| b["custom_id"].as_str().map(str::to_string))
        .collect()
}
