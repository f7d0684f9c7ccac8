//! Pictures over the HTTP interactions endpoint. Discord's response to an
//! HTTP interaction is a JSON body, which can't carry a file; so a reply
//! with a picture is answered "deferred" (type 5, or 6 for a click that
//! updates its message) and the message with its file follows through the
//! interaction's webhook as multipart: `POST /webhooks/{app}/{token}` (or
//! `PATCH …/messages/@original` for an update). The interaction token in the
//! path is the only credential: no bot token is needed or sent.
//!
//! The follow-up is sent from a task after the deferral is returned, so it
//! can reach Discord before the deferral does; a "not found" is retried a
//! few times with a growing pause, as are rate limits and server errors.

use std::time::Duration;

use serde_json::Value;
use serenity::all::{CreateInteractionResponse, CreateInteractionResponseMessage, Interaction};

use super::render;
use crate::answer::Attachment;

/// Discord's REST base.
pub const DISCORD_API: &str = "https://discord.com";

/// Attempts at sending one follow-up, and the first pause between them.
const ATTEMPTS: u32 = 4;
const FIRST_PAUSE: Duration = Duration::from_millis(250);
/// Longest a single attempt may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

/// The follow-up to send once the interaction is acknowledged.
#[derive(Debug, Clone)]
pub struct FollowUp {
    /// `POST` for a new message, `PATCH` for the clicked (original) one.
    pub edit_original: bool,
    /// `/api/v10/webhooks/{app}/{token}[/messages/@original]`.
    pub path: String,
    /// The message JSON (`payload_json`), listing the file as attachment 0.
    pub payload: Value,
    pub file: Attachment,
}

/// Splits a response with a file into the deferral to answer now and the
/// follow-up that carries the message; `None` when the interaction can't be
/// followed up (no token or application) or the response is no message.
pub fn defer(
    interaction: &Interaction,
    response: CreateInteractionResponse,
    file: Attachment,
) -> Option<(CreateInteractionResponse, FollowUp)> {
    let (app, token) = webhook_of(interaction)?;
    let edit_original = matches!(response, CreateInteractionResponse::UpdateMessage(_));
    if !matches!(
        response,
        CreateInteractionResponse::Message(_) | CreateInteractionResponse::UpdateMessage(_)
    ) {
        return None;
    }
    let whole = render::attach(response, Some(file.clone()));
    let payload = serde_json::to_value(&whole).ok()?.get("data")?.clone();
    let ephemeral = payload["flags"].as_u64().is_some_and(|f| f & 64 != 0);
    let deferral = if edit_original {
        CreateInteractionResponse::Acknowledge
    } else {
        CreateInteractionResponse::Defer(
            CreateInteractionResponseMessage::new().ephemeral(ephemeral),
        )
    };
    let mut path = format!("/api/v10/webhooks/{app}/{token}");
    if edit_original {
        path.push_str("/messages/@original");
    }
    Some((
        deferral,
        FollowUp {
            edit_original,
            path,
            payload,
            file,
        },
    ))
}

/// The application id and interaction token of a command or a click.
fn webhook_of(interaction: &Interaction) -> Option<(u64, String)> {
    let (app, token) = match interaction {
        Interaction::Command(i) => (i.application_id.get(), &i.token),
        Interaction::Component(i) => (i.application_id.get(), &i.token),
        _ => return None,
    };
    // The token goes into a URL path: only what Discord's tokens are made of.
    let safe = !token.is_empty()
        && token
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    safe.then(|| (app, token.clone()))
}

/// Why a follow-up was not delivered.
#[derive(Debug, thiserror::Error)]
pub enum FollowUpError {
    #[error("could not send the follow-up: {0}")]
    Send(#[from] reqwest::Error),
    #[error("Discord answered {0} to the follow-up")]
    Refused(u16),
}

/// Sends the follow-up to `base` (Discord, or a fake in tests), retrying
/// "not found" (the deferral may not have arrived yet), rate limits and
/// server errors.
pub async fn send(
    client: &reqwest::Client,
    base: &str,
    follow_up: &FollowUp,
) -> Result<(), FollowUpError> {
    let url = format!("{}{}", base.trim_end_matches('/'), follow_up.path);
    let mut pause = FIRST_PAUSE;
    let mut last = FollowUpError::Refused(0);
    for attempt in 1..=ATTEMPTS {
        let form = reqwest::multipart::Form::new()
            .text("payload_json", follow_up.payload.to_string())
            .part(
                "files[0]",
                reqwest::multipart::Part::bytes(follow_up.file.bytes.clone())
                    .file_name(follow_up.file.filename.clone()),
            );
        let request = if follow_up.edit_original {
            client.patch(&url)
        } else {
            client.post(&url)
        };
        match request
            .multipart(form)
            .timeout(REQUEST_TIMEOUT)
            .send()
            .await
        {
            Ok(r) if r.status().is_success() => return Ok(()),
            Ok(r) => {
                let status = r.status().as_u16();
                last = FollowUpError::Refused(status);
                if !matches!(status, 404 | 429 | 500..=599) {
                    return Err(last);
                }
            }
            Err(e) => last = FollowUpError::Send(e),
        }
        if attempt < ATTEMPTS {
            tokio::time::sleep(pause).await;
            pause *= 2;
        }
    }
    Err(last)
}
