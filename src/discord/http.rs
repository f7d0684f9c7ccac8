//! The HTTP interactions endpoint: Discord's outgoing webhook mode.
//!
//! `lectern serve --http ADDR` answers `POST /interactions` exactly as the
//! gateway does ([`crate::discord::answer_live`]: the pure handler on a
//! snapshot of the live content, and `/reload` for admins), so answers are the
//! same byte for byte. It is stateless — no gateway connection, no token —
//! so any number of identical instances can run behind a load balancer (each
//! watches the content folders and reloads itself; a `/reload` reloads only
//! the instance that received it). `GET /healthz` reports the loaded content.
//!
//! Every request is checked before anything in it is parsed: size (64 KiB,
//! else 413), then the Ed25519 signature of `X-Signature-Timestamp` + body
//! against the application's public key (else 401; Discord sends invalid ones
//! on purpose and removes endpoints that accept them), then the timestamp's
//! age (more than 5 minutes old or 1 minute ahead: 401). Only then the content
//! type (415), the JSON (400) and the interaction type (400). Of a request
//! that fails verification nothing is logged but its size and status.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use ed25519_dalek::{Signature, VerifyingKey};
use serde_json::json;

use crate::discord::{self, Settings};
use crate::live::Live;

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

/// The application: routes and limits, no server. Tests drive it directly.
pub fn app(endpoint: Arc<Endpoint>) -> Router {
    Router::new()
        .route("/interactions", post(interactions))
        .route("/healthz", get(healthz))
        // The body limit is enforced below (before verification), not by axum's
        // extractor, so that the rejection is ours: 413 with a JSON body.
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES + 1))
        .with_state(endpoint)
}

/// Serves until `shutdown` completes.
pub async fn serve(
    endpoint: Arc<Endpoint>,
    addr: SocketAddr,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!(addr = %listener.local_addr()?, "HTTP interactions endpoint listening");
    serve_on(endpoint, listener, shutdown).await
}

/// Serves on an already bound listener (tests bind port 0).
pub async fn serve_on(
    endpoint: Arc<Endpoint>,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app(endpoint))
        .with_graceful_shutdown(shutdown)
        .await
}

async fn healthz(State(endpoint): State<Arc<Endpoint>>) -> Response {
    let lectern = endpoint.live.get();
    let chapters: usize = lectern
        .library
        .courses
        .iter()
        .map(|c| c.chapters.len())
        .sum();
    Json(json!({
        "status": "ok",
        "courses": lectern.library.courses.len(),
        "chapters": chapters,
    }))
    .into_response()
}

fn status(code: StatusCode, message: &str) -> Response {
    (code, Json(json!({ "error": message }))).into_response()
}

async fn interactions(
    State(endpoint): State<Arc<Endpoint>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let started = Instant::now();
    let size = body.len();
    if size > MAX_BODY_BYTES {
        tracing::info!(size, status = 413, "rejected");
        return status(StatusCode::PAYLOAD_TOO_LARGE, "request body too large");
    }
    if let Err(why) = verify(&endpoint.key, &headers, &body, unix_now()) {
        tracing::info!(size, status = 401, "rejected");
        return status(StatusCode::UNAUTHORIZED, why);
    }
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(';')
                .next()
                .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"))
        });
    if !is_json {
        return status(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "expected application/json",
        );
    }
    let value = match serde_json::from_slice::<serde_json::Value>(&body) {
        Ok(v) => v,
        Err(_) => return status(StatusCode::BAD_REQUEST, "malformed JSON"),
    };
    match value.get("type").and_then(serde_json::Value::as_u64) {
        Some(1) => Json(json!({ "type": 1 })).into_response(),
        Some(2..=4) => {
            let interaction: discord::Interaction = match serde_json::from_value(value) {
                Ok(i) => i,
                Err(e) => {
                    return status(
                        StatusCode::BAD_REQUEST,
                        &discord::Error::BadInteraction(e).to_string(),
                    )
                }
            };
            let response =
                discord::answer_live(&endpoint.live, &endpoint.settings, &interaction).await;
            // Straight to bytes: the same JSON as `discord::response_json`, without
            // building a `Value` first.
            match serde_json::to_vec(&response) {
                Ok(bytes) => {
                    tracing::debug!(
                        size,
                        latency_us = started.elapsed().as_micros() as u64,
                        "answered"
                    );
                    ([(header::CONTENT_TYPE, "application/json")], bytes).into_response()
                }
                Err(e) => status(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
            }
        }
        _ => status(StatusCode::BAD_REQUEST, "unknown interaction type"),
    }
}

fn unix_now() -> i64 {
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
    if now - ts > MAX_AGE_SECS || ts - now > MAX_SKEW_SECS {
        return Err("stale or future timestamp");
    }
    Ok(())
}
