//! Discord's limits that only the tests need — the registration limits
//! (`lectern register` output is checked against them), message content,
//! embed authors and embeds per message (the adapter never sends those) — and
//! [`check_payload`], every rule a response payload must follow. Kept out of
//! the release binary; the limits the renderer cuts to are re-exported.

pub use lectern::discord::limits::*;

/// Author name.
pub const EMBED_AUTHOR: usize = 256;

/// Embeds per message.
pub const EMBEDS_PER_MESSAGE: usize = 10;

/// Plain message content.
pub const CONTENT: usize = 2000;

/// Command and option names (also localized ones).
pub const COMMAND_NAME: usize = 32;

/// Command and option descriptions (also localized ones).
pub const COMMAND_DESCRIPTION: usize = 100;

/// Options of one command.
pub const COMMAND_OPTIONS: usize = 25;

/// Names, descriptions, choice names and values and all their localizations
/// of one command, added up.
pub const COMMAND_TOTAL: usize = 8000;

use std::collections::HashSet;

use serde_json::Value;

fn chars(v: &Value) -> usize {
    v.as_str().map_or(0, |s| s.chars().count())
}

/// Every Discord rule a response payload must follow; empty when it does.
pub fn check_payload(response: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    let mut bad = |cond: bool, what: String| {
        if !cond {
            errors.push(what);
        }
    };
    let kind = response["type"].as_u64().unwrap_or(0);
    let data = &response["data"];
    match kind {
        1 => {}
        4 | 7 => {
            let m = &data["allowed_mentions"];
            bad(
                m["parse"].as_array().is_some_and(Vec::is_empty),
                format!("allowed_mentions.parse not empty: {m}"),
            );
            bad(
                m["users"].as_array().is_none_or(Vec::is_empty)
                    && m["roles"].as_array().is_none_or(Vec::is_empty),
                format!("allowed_mentions lists users or roles: {m}"),
            );
            bad(
                m["replied_user"] != Value::Bool(true),
                "allowed_mentions.replied_user is true".into(),
            );
            bad(
                chars(&data["content"]) <= CONTENT,
                "content too long".into(),
            );
            if kind == 7 {
                bad(
                    data.get("flags").is_none(),
                    "UPDATE_MESSAGE sets flags".into(),
                );
            }
            let embeds = data["embeds"].as_array().cloned().unwrap_or_default();
            bad(embeds.len() <= EMBEDS_PER_MESSAGE, "too many embeds".into());
            bad(
                !embeds.is_empty() || chars(&data["content"]) > 0,
                "message has neither embed nor content".into(),
            );
            let mut total = 0;
            for e in &embeds {
                let t = chars(&e["title"]);
                let d = chars(&e["description"]);
                let f = chars(&e["footer"]["text"]);
                let a = chars(&e["author"]["name"]);
                bad(t <= EMBED_TITLE, format!("title {t} chars"));
                bad(d <= EMBED_DESCRIPTION, format!("description {d} chars"));
                bad(
                    e.get("description").is_none() || d > 0,
                    "empty description".into(),
                );
                bad(f <= EMBED_FOOTER, format!("footer {f} chars"));
                bad(a <= EMBED_AUTHOR, format!("author {a} chars"));
                bad(chars(&e["url"]) <= EMBED_URL, "embed url too long".into());
                bad(
                    e["color"].as_u64().is_none_or(|c| c <= 0xFF_FFFF),
                    "colour out of range".into(),
                );
                let fields = e["fields"].as_array().cloned().unwrap_or_default();
                bad(
                    fields.len() <= EMBED_FIELDS,
                    format!("{} fields", fields.len()),
                );
                total += t + d + f + a;
                for field in &fields {
                    let n = chars(&field["name"]);
                    let v = chars(&field["value"]);
                    bad(
                        (1..=EMBED_FIELD_NAME).contains(&n),
                        format!("field name {n} chars"),
                    );
                    bad(
                        (1..=EMBED_FIELD_VALUE).contains(&v),
                        format!("field value {v} chars"),
                    );
                    total += n + v;
                }
            }
            bad(total <= EMBED_TOTAL, format!("embeds total {total} chars"));
            let rows = data["components"].as_array().cloned().unwrap_or_default();
            bad(
                rows.len() <= ROWS_PER_MESSAGE,
                format!("{} rows", rows.len()),
            );
            let mut ids = HashSet::new();
            for row in &rows {
                let buttons = row["components"].as_array().cloned().unwrap_or_default();
                bad(row["type"] == 1, "row is not an action row".into());
                bad(
                    (1..=BUTTONS_PER_ROW).contains(&buttons.len()),
                    format!("{} buttons in a row", buttons.len()),
                );
                for b in &buttons {
                    let label = chars(&b["label"]);
                    bad(
                        (1..=BUTTON_LABEL).contains(&label),
                        format!("button label {label} chars"),
                    );
                    if b["style"] == 5 {
                        let url = b["url"].as_str().unwrap_or("");
                        bad(
                            url.starts_with("http") && url.chars().count() <= BUTTON_URL,
                            format!("link button url {url:?}"),
                        );
                        bad(
                            b.get("custom_id").is_none(),
                            "link button with custom_id".into(),
                        );
                    } else {
                        let id = b["custom_id"].as_str().unwrap_or("");
                        bad(
                            (1..=CUSTOM_ID).contains(&id.chars().count()),
                            format!("custom_id {id:?}"),
                        );
                        bad(
                            ids.insert(id.to_string()),
                            format!("duplicate custom_id {id}"),
                        );
                    }
                }
            }
        }
        8 => {
            let choices = data["choices"].as_array().cloned().unwrap_or_default();
            bad(
                choices.len() <= CHOICES,
                format!("{} choices", choices.len()),
            );
            for c in &choices {
                let n = chars(&c["name"]);
                bad(
                    (1..=CHOICE_NAME).contains(&n),
                    format!("choice name {n} chars"),
                );
                if let Some(v) = c["value"].as_str() {
                    bad(
                        v.chars().count() <= CHOICE_VALUE,
                        format!("choice value {} chars", v.chars().count()),
                    );
                }
            }
        }
        other => bad(false, format!("unexpected response type {other}")),
    }
    errors
}
