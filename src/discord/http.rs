//! The HTTP interactions endpoint: Discord's outgoing webhook mode.
//!
//! `lectern serve --http ADDR` answers `POST /interactions` exactly as the
//! gateway does ([`crate::discord::study::answer`]: study commands on the
//! shared store, else the pure handler on a snapshot of the live content, and
//! `/reload` for admins), so answers are the
//! same byte for byte. It is stateless — no gateway connection, no token —
//! so any number of identical instances can run behind a load balancer (each
//! watches the content folders and reloads itself; a `/reload` reloads only
//! the instance that received it). `GET /healthz` reports the loaded content.
//!
//! Every request is checked before anything in it is parsed: size (64 KiB,
//! else a JSON 413 — for a declared `Content-Length` before the body is read,
//! so before any `100 Continue`), the body's deadline (else 408), then the Ed25519 signature of `X-Signature-Timestamp` + body
//! against the application's public key (else 401; Discord sends invalid ones
//! on purpose and removes endpoints that accept them), then the timestamp's
//! age (more than 5 minutes old or 1 minute ahead: 401). Only then the content
//! type (415), the JSON (400) and the interaction type (400). Refused
//! requests are counted ([`crate::discord::ops`]), never logged one by one: a summary
//! line a minute at most. The transport limits (header deadline and size,
//! connection cap, bounded shutdown) are [`crate::discord::transport`]'s. An
//! answer with a picture (`/where`) can't travel in the response body: it is
//! answered deferred and the message with its file follows through the
//! interaction webhook ([`crate::discord::followup`]).

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use ed25519_dalek::{Signature, VerifyingKey};
use http_body_util::BodyExt;
use serde_json::json;

use crate::daily::ChannelCheck;
use crate::discord::transport::Limits;
use crate::discord::{self, followup, Settings};
use crate::live::Live;
use crate::study::Book;

pub use super::decode::{decode_interaction, Decoded};

/// How often a summary of rejected requests may be logged.
const REJECT_SUMMARY_EVERY: Duration = Duration::from_secs(60);

/// Largest accepted request body.
pub const MAX_BODY_BYTES: usize = 64 * 1024;
/// Oldest accepted signature timestamp, in seconds.
pub const MAX_AGE_SECS: i64 = 5 * 60;
/// Furthest-ahead accepted signature timestamp, in seconds.
pub const MAX_SKEW_SECS: i64 = 60;

/// The application public key's environment variable (hex, from the
/// developer portal's General Information page).
pub const PUBLIC_KEY_VAR: &str = "DISCORD_PUBLIC_KEY";

/// What every request needs.
pub struct Endpoint {
    pub live: Arc<Live>,
    pub settings: Settings,
    pub key: VerifyingKey,
    /// The study database (`None`: state commands say it is unavailable).
    pub book: Option<Arc<dyn Book>>,
    /// What the bot may do in a channel, over REST with `DISCORD_TOKEN`
    /// (`None` without it: `/daily set` saves unchecked).
    pub channels: Option<Arc<dyn ChannelCheck>>,
}

/// Reads `DISCORD_PUBLIC_KEY`-style hex into a verifying key.
pub fn public_key_from_hex(hex_key: &str) -> Result<VerifyingKey, String> {
    let bytes = hex::decode(hex_key.trim()).map_err(|_| "the public key is not hex".to_string())?;
    let bytes: [u8; 32] = bytes
        .try_into()
        .map_err(|_| "the public key must be 32 bytes (64 hex digits)".to_string())?;
    VerifyingKey::from_bytes(&bytes)
        .map_err(|_| "the public key is not a valid Ed25519 key".to_string())
}

/// The verifying key from [`PUBLIC_KEY_VAR`]; the error names the variable
/// and says what to fix.
pub fn public_key_from_env() -> Result<VerifyingKey, String> {
    let help = "copy the application's Public Key from the Discord developer portal (General Information → Public Key), e.g. `export DISCORD_PUBLIC_KEY=…` (see .env.example)";
    match std::env::var(PUBLIC_KEY_VAR) {
        Ok(v) if !v.trim().is_empty() => public_key_from_hex(&v)
            .map_err(|why| format!("{PUBLIC_KEY_VAR} is invalid: {why}; {help}")),
        _ => Err(format!("{PUBLIC_KEY_VAR} is not set: {help}")),
    }
}

/// What the handlers share.
struct Shared {
    endpoint: Arc<Endpoint>,
    body_timeout: Duration,
    /// For follow-ups through the interaction webhook.
    webhooks: reqwest::Client,
}

/// The application with the default limits: routes, no server. Tests drive
/// it directly.
pub fn app(endpoint: Arc<Endpoint>) -> Router {
    app_with(endpoint, &Limits::default())
}

/// The application with `limits` (of which it uses the body deadline; the
/// rest is the transport's).
pub fn app_with(endpoint: Arc<Endpoint>, limits: &Limits) -> Router {
    let shared = Arc::new(Shared {
        endpoint,
        body_timeout: limits.body_timeout,
        webhooks: reqwest::Client::new(),
    });
    Router::new()
        .route("/interactions", post(interactions))
        .route("/healthz", get(healthz))
        .with_state(shared)
}

/// Serves until `shutdown` completes, with the configured limits; with
/// `ops`, serves the operator endpoints ([`crate::discord::ops`]) there too.
pub async fn serve(
    endpoint: Arc<Endpoint>,
    addr: SocketAddr,
    limits: Limits,
    ops: Option<SocketAddr>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let listener = crate::discord::transport::bind(addr)?;
    tracing::info!(
        addr = %listener.local_addr()?,
        max_connections = limits.max_connections,
        header_timeout_ms = limits.header_timeout.as_millis() as u64,
        body_timeout_ms = limits.body_timeout.as_millis() as u64,
        max_header_bytes = limits.max_header_bytes,
        "HTTP interactions endpoint listening"
    );
    let (stop, stopped) = tokio::sync::watch::channel(false);
    if let Some(ops) = ops {
        let ops_listener = crate::discord::transport::bind(ops)?;
        tracing::info!(addr = %ops_listener.local_addr()?, "operator endpoints listening (GET /healthz, /metrics)");
        let router = crate::discord::ops::router(endpoint.live.clone());
        let ops_limits = Limits {
            max_connections: 64,
            ..limits.clone()
        };
        let mut stopped = stopped.clone();
        tokio::spawn(async move {
            let until = async move {
                let _ = stopped.wait_for(|s| *s).await;
            };
            let _ =
                crate::discord::transport::serve_router(ops_listener, router, &ops_limits, until)
                    .await;
        });
    }
    let summary = tokio::spawn(summarise_rejects());
    let result = serve_with(endpoint, listener, &limits, shutdown).await;
    let _ = stop.send(true);
    summary.abort();
    result
}

/// Serves on an already bound listener with the default limits (tests bind
/// port 0).
pub async fn serve_on(
    endpoint: Arc<Endpoint>,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    serve_with(endpoint, listener, &Limits::default(), shutdown).await
}

/// Serves on an already bound listener with `limits`.
pub async fn serve_with(
    endpoint: Arc<Endpoint>,
    listener: tokio::net::TcpListener,
    limits: &Limits,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    crate::discord::ops::start_clock();
    crate::discord::transport::serve_router(listener, app_with(endpoint, limits), limits, shutdown)
        .await
}

/// Rejected requests are counted, not logged: one summary line a minute at
/// most, and none when nothing was rejected.
async fn summarise_rejects() {
    let mut every = tokio::time::interval(REJECT_SUMMARY_EVERY);
    every.tick().await;
    loop {
        every.tick().await;
        let rejected = crate::discord::ops::take_unlogged_rejects();
        if rejected > 0 {
            tracing::info!(
                rejected,
                seconds = REJECT_SUMMARY_EVERY.as_secs(),
                "requests rejected (see /metrics for the reasons)"
            );
        }
    }
}

async fn healthz(State(shared): State<Arc<Shared>>) -> Response {
    Json(crate::discord::ops::content_health(
        &shared.endpoint.live.get(),
    ))
    .into_response()
}

fn status(code: StatusCode, message: &str) -> Response {
    (code, Json(json!({ "error": message }))).into_response()
}

fn too_large() -> Response {
    crate::discord::ops::reject("too_large");
    status(StatusCode::PAYLOAD_TOO_LARGE, "request body too large")
}

/// The declared `Content-Length`, when there is a readable one.
fn declared_length(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// Reads the body within the deadline and the size limit; the error is the
/// response to send.
async fn read_body(body: Body, deadline: Duration) -> Result<Bytes, Response> {
    let limited = http_body_util::Limited::new(body, MAX_BODY_BYTES);
    match tokio::time::timeout(deadline, limited.collect()).await {
        Err(_) => {
            crate::discord::ops::reject("body_timeout");
            Err(status(StatusCode::REQUEST_TIMEOUT, "request body too slow"))
        }
        Ok(Err(e)) if e.is::<http_body_util::LengthLimitError>() => Err(too_large()),
        Ok(Err(_)) => {
            crate::discord::ops::reject("body_unreadable");
            Err(status(StatusCode::BAD_REQUEST, "unreadable request body"))
        }
        Ok(Ok(collected)) => Ok(collected.to_bytes()),
    }
}

async fn interactions(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    // Refused before the body is read, so before any `100 Continue`.
    if declared_length(&headers).is_some_and(|n| n > MAX_BODY_BYTES as u64) {
        return too_large();
    }
    let body = match read_body(body, shared.body_timeout).await {
        Ok(body) => body,
        Err(response) => return response,
    };
    let started = Instant::now();
    let endpoint = &shared.endpoint;
    if let Err(why) = verify(&endpoint.key, &headers, &body, unix_now()) {
        crate::discord::ops::reject("signature");
        return status(StatusCode::UNAUTHORIZED, why);
    }
    let (command, response) = answer_verified(&shared, &headers, &body).await;
    let outcome = if response.status().is_success() {
        "ok"
    } else {
        "error"
    };
    crate::discord::ops::request(&command, outcome, started.elapsed());
    response
}

/// Answers a request whose signature checked out; also names it for the
/// metrics (the command, `ping`, `component`, or `invalid`).
async fn answer_verified(shared: &Shared, headers: &HeaderMap, body: &[u8]) -> (String, Response) {
    let endpoint = &shared.endpoint;
    let invalid = |code, message: &str| ("invalid".to_string(), status(code, message));
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(';')
                .next()
                .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"))
        });
    if !is_json {
        return invalid(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "expected application/json",
        );
    }
    let (name, interaction) = match decode_interaction(body) {
        Ok(Decoded::Ping) => return ("ping".into(), Json(json!({ "type": 1 })).into_response()),
        Ok(Decoded::Interaction { name, interaction }) => (name, *interaction),
        Err(message) => return invalid(StatusCode::BAD_REQUEST, &message),
    };
    let answered = discord::study::answer_checking(
        &endpoint.live,
        &endpoint.settings,
        endpoint.book.as_deref(),
        endpoint.channels.as_deref(),
        &interaction,
        unix_now(),
    )
    .await;
    let response = match answered.file {
        None => answered.response,
        Some(file) => match followup::defer(&interaction, answered.response.clone(), file) {
            Some((deferral, follow_up)) => {
                let client = shared.webhooks.clone();
                let base = endpoint.settings.api_base.clone();
                tokio::spawn(async move {
                    let base = base.as_deref().unwrap_or(followup::DISCORD_API);
                    if let Err(e) = followup::send(&client, base, &follow_up).await {
                        tracing::warn!(error = %e, "the picture could not be sent");
                    }
                });
                deferral
            }
            // No way to follow up: the answer without its picture.
            None => answered.response,
        },
    };
    // Straight to bytes: the same JSON as `discord::response_json`, without
    // building a `Value` first.
    let response = match serde_json::to_vec(&response) {
        Ok(bytes) => ([(header::CONTENT_TYPE, "application/json")], bytes).into_response(),
        Err(e) => status(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    };
    (name, response)
}

/// Seconds since the Unix epoch (0 if the clock is before it).
pub fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Checks the signature headers against the body. `now` is Unix seconds.
pub fn verify(
    key: &VerifyingKey,
    headers: &HeaderMap,
    body: &[u8],
    now: i64,
) -> Result<(), &'static str> {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let signature = header("x-signature-ed25519").ok_or("missing signature")?;
    let timestamp = header("x-signature-timestamp").ok_or("missing timestamp")?;
    let signature: [u8; 64] = hex::decode(signature)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or("invalid signature")?;
    let signature = Signature::from_bytes(&signature);
    let mut message = Vec::with_capacity(timestamp.len() + body.len());
    message.extend_from_slice(timestamp.as_bytes());
    message.extend_from_slice(body);
    key.verify_strict(&message, &signature)
        .map_err(|_| "invalid signature")?;
    let ts: i64 = timestamp.parse().map_err(|_| "invalid timestamp")?;
    if !timestamp_in_window(ts, now) {
        return Err("stale or future timestamp");
    }
    Ok(())
}

/// Whether a signature timestamp `ts` is at most [`MAX_AGE_SECS`] old and
/// [`MAX_SKEW_SECS`] ahead of `now`, for any two `i64`s (no wrapping: a
/// difference that overflows is out of the window).
pub fn timestamp_in_window(ts: i64, now: i64) -> bool {
    let age = now.checked_sub(ts);
    let ahead = ts.checked_sub(now);
    age.is_some_and(|a| a <= MAX_AGE_SECS) && ahead.is_some_and(|a| a <= MAX_SKEW_SECS)
}
