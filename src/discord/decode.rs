//! How the HTTP endpoint reads a verified body into an interaction — one
//! function, so the golden Discord tests decode their fixtures exactly as
//! the endpoint does.
//!
//! Every press and command goes through here, so the usual body is decoded
//! once: a skim for its `type` (nothing allocated), then straight from the
//! text into serenity's interaction of that type. Anything unusual — not
//! UTF-8, not JSON, no known type, a body serenity refuses — is decoded the
//! thorough way instead (a JSON value first, then serenity's `Interaction`),
//! so odd and hostile bodies get exactly the answers they always got.

use serde::Deserialize;
use serenity::all::{CommandInteraction, ComponentInteraction};

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
/// known interaction type (1–4), then serenity's interaction of that type.
/// The error is the message of the 400 answer. The golden Discord tests
/// decode their fixtures through here.
pub fn decode_interaction(body: &[u8]) -> Result<Decoded, String> {
    match decode_directly(body) {
        Some(decoded) => Ok(decoded),
        None => decode_thoroughly(body),
    }
}

/// Just the interaction's type; every other field is skipped unread.
#[derive(Deserialize)]
struct Head {
    #[serde(rename = "type")]
    kind: Option<u64>,
}

/// The usual body, parsed once from its text; `None` for anything else
/// (the thorough way then says what is wrong with it).
fn decode_directly(body: &[u8]) -> Option<Decoded> {
    // The thorough way refuses a body that isn't UTF-8 even inside a field
    // serenity skips; so does this one.
    let text = std::str::from_utf8(body).ok()?;
    let head: Head = serde_json::from_str(text).ok()?;
    let (name, interaction) = match head.kind? {
        1 => return Some(Decoded::Ping),
        2 | 4 => {
            let command: CommandInteraction = serde_json::from_str(text).ok()?;
            let name = command_name(Some(&command.data.name));
            let interaction = if head.kind == Some(2) {
                Interaction::Command(command)
            } else {
                Interaction::Autocomplete(command)
            };
            (name, interaction)
        }
        3 => {
            let component: ComponentInteraction = serde_json::from_str(text).ok()?;
            ("component".to_string(), Interaction::Component(component))
        }
        _ => return None,
    };
    Some(Decoded::Interaction {
        name,
        interaction: Box::new(interaction),
    })
}

/// The reference reading: a JSON value, its type and name, then serenity's
/// `Interaction` from that value.
fn decode_thoroughly(body: &[u8]) -> Result<Decoded, String> {
    let value = serde_json::from_slice::<serde_json::Value>(body)
        .map_err(|_| "malformed JSON".to_string())?;
    let name = match value.get("type").and_then(serde_json::Value::as_u64) {
        Some(1) => return Ok(Decoded::Ping),
        Some(3) => "component".to_string(),
        Some(2 | 4) => command_name(
            value
                .pointer("/data/name")
                .and_then(serde_json::Value::as_str),
        ),
        _ => return Err("unknown interaction type".to_string()),
    };
    let interaction =
        serde_json::from_value(value).map_err(|e| Error::BadInteraction(e).to_string())?;
    Ok(Decoded::Interaction {
        name,
        interaction: Box::new(interaction),
    })
}

/// The name a command is counted under: its first 32 characters, or
/// `unnamed`.
fn command_name(name: Option<&str>) -> String {
    name.map_or_else(|| "unnamed".to_string(), |n| n.chars().take(32).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Command;
    use crate::discord::synthetic;

    /// The usual bodies take the one-pass way (else nothing is saved).
    #[test]
    fn presses_and_commands_are_decoded_directly() {
        let bodies = [
            synthetic::component_interaction("v1:+w:3", "ko", false),
            synthetic::command_interaction(&Command::Help { command: None }, None, "ko"),
            synthetic::autocomplete_interaction("search", "query", "토", &[], "ko"),
        ];
        for body in bodies {
            let bytes = serde_json::to_vec(&body).unwrap();
            assert!(decode_directly(&bytes).is_some(), "{body}");
        }
        assert!(matches!(
            decode_directly(br#"{"type":1,"id":"x"}"#),
            Some(Decoded::Ping)
        ));
        assert!(decode_directly(br#"{"type":2}"#).is_none());
    }
}
