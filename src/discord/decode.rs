//! How the HTTP endpoint reads a verified body into an interaction — one
//! function, so the golden Discord tests decode their fixtures exactly as
//! the endpoint does.

use super::{Error, Interaction};

/// A verified body, as the endpoint reads it.
#[derive(Debug)]
pub enum Decoded {
    /// Discord's PING (type 1): answered with a PONG and never parsed further,
    /// so the endpoint check passes whatever else the ping carries.
    Ping,
    /// An interaction to answer, and the name the metrics count it under
    /// (`component`, or the command's name cut to 32 characters).
    Interaction {
        name: String,
        interaction: Box<Interaction>,
    },
}

/// Reads a verified body the way the endpoint reads every one: JSON, then a
/// known interaction type (1–4), then serenity's `Interaction` from that
/// value. The error is the message of the 400 answer. The golden Discord
/// tests decode their fixtures through here.
pub fn decode_interaction(body: &[u8]) -> Result<Decoded, String> {
    let value = serde_json::from_slice::<serde_json::Value>(body)
        .map_err(|_| "malformed JSON".to_string())?;
    let name = match value.get("type").and_then(serde_json::Value::as_u64) {
        Some(1) => return Ok(Decoded::Ping),
        Some(3) => "component".to_string(),
        Some(2 | 4) => value
            .pointer("/data/name")
            .and_then(serde_json::Value::as_str)
            .map_or_else(|| "unnamed".to_string(), |n| n.chars().take(32).collect()),
        _ => return Err("unknown interaction type".to_string()),
    };
    let interaction =
        serde_json::from_value(value).map_err(|e| Error::BadInteraction(e).to_string())?;
    Ok(Decoded::Interaction {
        name,
        interaction: Box::new(interaction),
    })
}
