//! Discord: the bot's chat front end, a thin adapter around [`crate::answer`].
//!
//! Everything a user sees is decided by one pure function, [`handle`]: a
//! deserialised [`Interaction`] in, the [`CreateInteractionResponse`] out. The
//! transports only move bytes: the gateway client ([`gateway`], `lectern
//! serve`) answers every `INTERACTION_CREATE` and posts the result to the
//! interaction callback; the HTTP interactions endpoint ([`crate::discord::http`],
//! `lectern serve --http`) answers the request body (PING included) with the
//! JSON. Both serve a [`Live`] library (hot reload) and answer through
//! [`answer_live`]: `/reload` reloads (the one piece of I/O, see [`reload`]),
//! everything else is [`handle`] on a snapshot. Tests, the benchmark and
//! `lectern ask --format discord` call the same functions.
//!
//! Files:
//! - [`commands`]: the registered commands and their Korean localizations.
//! - [`options`]: a slash command's options → [`crate::answer::Command`].
//! - [`handler`]: [`handle`] — commands, autocomplete, button clicks.
//! - [`custom_id`]: the stateless, versioned button ids.
//! - [`render`]: a reply → embed + buttons, cut to every limit.
//! - [`limits`]: Discord's size limits as named constants.
//! - [`synthetic`]: Discord-shaped interaction JSON for tooling and tests.
//! - [`reload`]: `/reload` (admins): who may, and the report as a message.
//! - [`register`]: `lectern register` (bulk overwrite of the commands).
//! - [`gateway`]: `lectern serve` over the gateway.

pub mod commands;
pub mod custom_id;
pub mod gateway;
pub mod handler;
pub mod http;
pub mod limits;
pub mod ops;
pub mod options;
pub mod register;
pub mod reload;
pub mod render;
pub mod synthetic;
pub mod transport;

pub use handler::handle;
pub use serenity::all::{CreateInteractionResponse, Interaction};

use std::sync::Arc;

use crate::app::Lectern;
use crate::config::DiscordConfig;
use crate::live::Live;
use reload::Reload;

/// How the bot behaves, from the `discord:` section of the configuration.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// Answers are seen only by the asker unless they pass `hide:false`.
    pub ephemeral_by_default: bool,
}

impl Settings {
    pub fn from_config(config: &DiscordConfig) -> Settings {
        Settings {
            ephemeral_by_default: config.ephemeral_by_default,
        }
    }
}

/// Why a raw interaction body could not be answered.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("not a Discord interaction: {0}")]
    BadInteraction(serde_json::Error),
    #[error("can't encode the response: {0}")]
    Encode(serde_json::Error),
}

/// A response as the JSON body Discord receives.
pub fn response_json(response: &CreateInteractionResponse) -> Result<serde_json::Value, Error> {
    serde_json::to_value(response).map_err(Error::Encode)
}

/// Answers a raw interaction body (as the HTTP endpoint receives it) with the
/// JSON response body, from a fixed `lectern` (no reload: a `/reload` gets
/// what [`handle`] gives it). PING is answered with PONG.
pub fn handle_json(
    lectern: &Lectern,
    settings: &Settings,
    body: &[u8],
) -> Result<serde_json::Value, Error> {
    let interaction: Interaction = serde_json::from_slice(body).map_err(Error::BadInteraction)?;
    response_json(&handle(lectern, settings, &interaction))
}

/// What a transport sends back for one interaction, on live content:
/// `/reload` from an admin reloads `live` (on a blocking thread, off the
/// async workers) and reports what changed; a `/reload` from anyone else is
/// refused; everything else is [`handle`] on a snapshot of the content.
pub async fn answer_live(
    live: &Arc<Live>,
    settings: &Settings,
    interaction: &Interaction,
) -> CreateInteractionResponse {
    match reload::intercept(interaction) {
        None => handle(&live.get(), settings, interaction),
        Some(Reload::Refuse(response)) => *response,
        Some(Reload::Run(locale)) => {
            let live = live.clone();
            match tokio::task::spawn_blocking(move || live.reload()).await {
                Ok(report) => reload::reload_response(&report, locale),
                Err(e) => {
                    tracing::warn!(error = %e, "the reload failed");
                    reload::failed(locale)
                }
            }
        }
    }
}
