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
//! - [`study`]: the study commands and the server's settings, in front of
//!   [`answer_live_apart`] (both transports call [`study::answer`]).
//! - [`daily`]: the daily chapter scheduler (claim, post, thread, report),
//!   posting through [`poster`].
//! - [`channel_access`]: what the bot may do in a channel, read over REST
//!   when `/daily set` names one.
//! - [`followup`]: a picture over the HTTP endpoint (deferred, then sent
//!   through the interaction webhook).

pub mod channel_access;
pub mod commands;
pub mod custom_id;
pub mod daily;
mod decode;
pub mod followup;
pub mod gateway;
pub mod handler;
pub mod http;
pub mod limits;
pub mod ops;
pub mod options;
pub mod poster;
pub mod register;
pub mod reload;
pub mod render;
pub mod study;
pub mod synthetic;
pub mod transport;

pub use handler::{answer_interaction, handle, Answered};
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
    /// REST base for the HTTP endpoint's follow-ups instead of
    /// [`followup::DISCORD_API`] (an API proxy; tests use a fake Discord).
    pub api_base: Option<String>,
    /// How often the daily chapter scheduler looks (`None`: [`daily::DEFAULT_TICK`]).
    pub daily_tick: Option<std::time::Duration>,
}

impl Settings {
    pub fn from_config(config: &DiscordConfig) -> Settings {
        Settings {
            ephemeral_by_default: config.ephemeral_by_default,
            api_base: None,
            daily_tick: config
                .daily_tick_seconds
                .map(|s| std::time::Duration::from_secs(s.max(1))),
        }
    }

    /// The daily scheduler's tick.
    pub fn daily_tick(&self) -> std::time::Duration {
        self.daily_tick.unwrap_or(daily::DEFAULT_TICK)
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
    answer_live_apart(live, settings, interaction)
        .await
        .into_response()
}

/// [`answer_live`] with the file apart from the response (for the HTTP
/// endpoint, which sends it as a follow-up). Commands and clicks are answered
/// on a blocking thread: a picture takes milliseconds of CPU to draw, which
/// must not stall the async workers; autocomplete stays inline (it never
/// draws, and it is the latency-critical one).
pub async fn answer_live_apart(
    live: &Arc<Live>,
    settings: &Settings,
    interaction: &Interaction,
) -> Answered {
    match reload::intercept(interaction) {
        None if matches!(
            interaction,
            Interaction::Command(_) | Interaction::Component(_)
        ) =>
        {
            let (lectern, settings) = (live.get(), settings.clone());
            let owned = interaction.clone();
            let answering = tokio::task::spawn_blocking(move || {
                answer_interaction(&lectern, &settings, &owned)
            });
            match answering.await {
                Ok(answered) => answered,
                Err(e) => {
                    tracing::warn!(error = %e, "answering failed");
                    Answered {
                        response: handler::went_wrong(locale_of(interaction)),
                        file: None,
                    }
                }
            }
        }
        None => answer_interaction(&live.get(), settings, interaction),
        Some(Reload::Refuse(response)) => Answered {
            response: *response,
            file: None,
        },
        Some(Reload::Run(locale)) => {
            let live = live.clone();
            let response = match tokio::task::spawn_blocking(move || live.reload()).await {
                Ok(report) => reload::reload_response(&report, locale),
                Err(e) => {
                    tracing::warn!(error = %e, "the reload failed");
                    reload::failed(locale)
                }
            };
            Answered {
                response,
                file: None,
            }
        }
    }
}

/// The asker's locale, for answers made outside the handler.
fn locale_of(interaction: &Interaction) -> crate::answer::Locale {
    let tag = match interaction {
        Interaction::Command(i) | Interaction::Autocomplete(i) => i.locale.as_str(),
        Interaction::Component(i) => i.locale.as_str(),
        Interaction::Modal(i) => i.locale.as_str(),
        _ => "",
    };
    crate::answer::Locale::from_tag(tag)
}
