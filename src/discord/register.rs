//! Talking to Discord's REST API at start-up: the token from the environment,
//! the HTTP client (optionally through an API proxy, which is also how the
//! tests point it at a fake Discord), and `lectern register` — one bulk
//! overwrite (`PUT`) of the command list, globally or for one guild.
//!
//! Every failure becomes a [`SetupError`] whose message says what to fix; the
//! token itself never appears in a message or a log line.

use serenity::all::{ApplicationId, Command as AppCommand, GuildId};
use serenity::http::{Http, HttpBuilder, HttpError};

use super::commands::definitions;
use crate::app::Lectern;

/// The bot token's environment variable (never read from files).
pub const TOKEN_VAR: &str = "DISCORD_TOKEN";
/// The application id's environment variable (optional: asked from Discord otherwise).
pub const APPLICATION_ID_VAR: &str = "DISCORD_APPLICATION_ID";

/// A start-up problem, worded for the person running the bot.
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error("{TOKEN_VAR} is not set: put the bot token from the Discord developer portal (Bot → Reset Token) in the environment, e.g. `export {TOKEN_VAR}=…` (see .env.example)")]
    MissingToken,
    #[error("Discord rejected {TOKEN_VAR} (401 Unauthorized): the token is wrong, was reset, or is not a bot token; copy a fresh one from the developer portal (Bot → Reset Token)")]
    TokenRejected,
    #[error("{APPLICATION_ID_VAR} must be the numeric application id from the developer portal, not `{0}`")]
    BadApplicationId(String),
    #[error("can't reach Discord: {0}")]
    Unreachable(String),
    #[error("Discord refused the request: {0}")]
    Refused(String),
    #[error("the gateway connection failed: {0}")]
    Gateway(String),
}

impl From<serenity::Error> for SetupError {
    fn from(e: serenity::Error) -> SetupError {
        match e {
            serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) => {
                if r.status_code.as_u16() == 401 {
                    SetupError::TokenRejected
                } else {
                    SetupError::Refused(format!(
                        "{} {} ({}): {}",
                        r.method, r.url, r.status_code, r.error.message
                    ))
                }
            }
            serenity::Error::Http(HttpError::Request(e)) => {
                SetupError::Unreachable(e.without_url().to_string())
            }
            serenity::Error::Gateway(serenity::gateway::GatewayError::InvalidAuthentication) => {
                SetupError::TokenRejected
            }
            serenity::Error::Gateway(e) => SetupError::Gateway(e.to_string()),
            other => SetupError::Unreachable(other.to_string()),
        }
    }
}

/// The bot token from [`TOKEN_VAR`]; missing or blank is an error.
pub fn token_from_env() -> Result<String, SetupError> {
    match std::env::var(TOKEN_VAR) {
        Ok(t) if !t.trim().is_empty() => Ok(t.trim().to_string()),
        _ => Err(SetupError::MissingToken),
    }
}

/// The application id from [`APPLICATION_ID_VAR`], if set.
pub fn application_id_from_env() -> Result<Option<u64>, SetupError> {
    match std::env::var(APPLICATION_ID_VAR) {
        Ok(v) if !v.trim().is_empty() => v
            .trim()
            .parse::<u64>()
            .ok()
            .filter(|&id| id != 0)
            .map(Some)
            .ok_or(SetupError::BadApplicationId(v)),
        _ => Ok(None),
    }
}

/// The REST client. With `api_proxy` (`http://host:port`), every request goes
/// there instead of `https://discord.com` and the built-in rate limiter is
/// off (the proxy's job) — for an API proxy, or a fake Discord in tests.
pub fn http_client(token: &str, api_proxy: Option<&str>) -> Http {
    let builder = HttpBuilder::new(token);
    match api_proxy {
        Some(proxy) => builder.proxy(proxy).ratelimiter_disabled(true).build(),
        None => builder.build(),
    }
}

/// Makes sure the client knows its application id: the given one, else the
/// one Discord reports for the token (which also checks the token).
pub async fn ensure_application_id(http: &Http, given: Option<u64>) -> Result<u64, SetupError> {
    let id = match given {
        Some(id) => id,
        None => http.get_current_application_info().await?.id.get(),
    };
    http.set_application_id(ApplicationId::new(id));
    Ok(id)
}

/// Where commands are registered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Everywhere the bot is installed (may take a while to show up).
    Global,
    /// One guild, instantly (for development).
    Guild(u64),
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Target::Global => f.write_str("globally"),
            Target::Guild(id) => write!(f, "in guild {id}"),
        }
    }
}

/// Replaces the registered commands with this build's (one `PUT`); returns
/// how many Discord now has. The client must know its application id.
pub async fn register(http: &Http, lectern: &Lectern, target: Target) -> Result<usize, SetupError> {
    let commands = definitions(lectern);
    let registered = match target {
        Target::Global => AppCommand::set_global_commands(http, commands).await?,
        Target::Guild(0) => return Err(SetupError::Refused("guild id 0 is not a guild".into())),
        Target::Guild(id) => GuildId::new(id).set_commands(http, commands).await?,
    };
    Ok(registered.len())
}
