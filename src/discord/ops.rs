//! What an operator watches: process-wide counters and the two unsigned
//! endpoints that show them, `GET /healthz` and `GET /metrics` (Prometheus
//! text format, through `prometheus-client`).
//!
//! The counters are global because the transport, the handler and the
//! reloader all feed them and none of them owns the others. They are cheap
//! (atomics), so they are kept whether or not anyone reads them; the
//! endpoints are served only on the separate operator address
//! (`serve --ops ADDR` or `http.ops` in the config), never next to
//! `/interactions`, since nothing on them is signed.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, LazyLock};
use std::time::{Duration, Instant};

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;
use serde_json::json;

use crate::app::Lectern;
use crate::live::Live;

type Labels = Vec<(&'static str, String)>;

struct Metrics {
    registry: Registry,
    requests: Family<Labels, Counter>,
    rejects: Family<Labels, Counter>,
    latency: Histogram,
    open_connections: Gauge,
    reloads: Counter,
    reload_diagnostics: Gauge,
    /// Rejections since the last summary log line.
    rejects_unlogged: AtomicU64,
}

static METRICS: LazyLock<Metrics> = LazyLock::new(|| {
    let mut registry = Registry::with_prefix("lectern");
    let requests = Family::<Labels, Counter>::default();
    let rejects = Family::<Labels, Counter>::default();
    // 0.1 ms … ~0.4 s.
    let latency = Histogram::new(exponential_buckets(0.0001, 2.0, 13));
    let open_connections = Gauge::default();
    let reloads = Counter::default();
    let reload_diagnostics = Gauge::default();
    registry.register(
        "requests",
        "Verified interactions by command and outcome",
        requests.clone(),
    );
    registry.register("rejects", "Refused requests by reason", rejects.clone());
    registry.register(
        "request_seconds",
        "Time to answer a verified interaction",
        latency.clone(),
    );
    registry.register(
        "open_connections",
        "HTTP connections open now",
        open_connections.clone(),
    );
    registry.register("reloads", "Content reloads applied", reloads.clone());
    registry.register(
        "reload_diagnostics",
        "Errors and warnings of the last content load",
        reload_diagnostics.clone(),
    );
    Metrics {
        registry,
        requests,
        rejects,
        latency,
        open_connections,
        reloads,
        reload_diagnostics,
        rejects_unlogged: AtomicU64::new(0),
    }
});

static STARTED: LazyLock<Instant> = LazyLock::new(Instant::now);

/// Counts a verified interaction: `command` is its name (or `ping`,
/// `component`), `outcome` e.g. `ok` or `bad_request`.
pub fn request(command: &str, outcome: &'static str, took: Duration) {
    let m = &*METRICS;
    m.requests
        .get_or_create(&vec![
            ("command", command.to_string()),
            ("outcome", outcome.to_string()),
        ])
        .inc();
    m.latency.observe(took.as_secs_f64());
}

/// Counts a refused request (never logged one by one: see
/// [`take_unlogged_rejects`]).
pub fn reject(reason: &'static str) {
    let m = &*METRICS;
    m.rejects
        .get_or_create(&vec![("reason", reason.to_string())])
        .inc();
    m.rejects_unlogged.fetch_add(1, Ordering::Relaxed);
}

/// Rejections since the last call, for a periodic summary line.
pub fn take_unlogged_rejects() -> u64 {
    METRICS.rejects_unlogged.swap(0, Ordering::Relaxed)
}

/// Counts one applied reload and the diagnostics of its load.
pub fn reloaded(diagnostics: usize) {
    METRICS.reloads.inc();
    METRICS
        .reload_diagnostics
        .set(i64::try_from(diagnostics).unwrap_or(i64::MAX));
}

/// Marks a connection open until the guard is dropped (also when its task is
/// aborted at shutdown).
pub fn connection_guard() -> ConnectionGuard {
    METRICS.open_connections.inc();
    ConnectionGuard(())
}

/// See [`connection_guard`].
pub struct ConnectionGuard(());

impl Drop for ConnectionGuard {
    fn drop(&mut self) {
        METRICS.open_connections.dec();
    }
}

/// Starts the uptime clock (call once at start).
pub fn start_clock() {
    LazyLock::force(&STARTED);
}

/// The Prometheus text exposition of every counter.
pub fn metrics_text() -> String {
    let mut out = String::new();
    if encode(&mut out, &METRICS.registry).is_err() {
        out.clear();
    }
    out
}

/// The operator endpoints: `GET /healthz` and `GET /metrics`.
pub fn router(live: Arc<Live>) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
        .with_state(live)
}

/// What both `/healthz` endpoints report of the content: the loaded courses
/// and chapters. The operator endpoint adds the content version and uptime.
pub fn content_health(lectern: &Lectern) -> serde_json::Value {
    let chapters: usize = lectern
        .library
        .courses
        .iter()
        .map(|c| c.chapters.len())
        .sum();
    json!({
        "status": "ok",
        "courses": lectern.library.courses.len(),
        "chapters": chapters,
    })
}

async fn healthz(State(live): State<Arc<Live>>) -> Response {
    let mut body = content_health(&live.get());
    body["content_version"] = json!(format!("{:016x}", live.version()));
    body["uptime_seconds"] = json!(STARTED.elapsed().as_secs());
    Json(body).into_response()
}

async fn metrics() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        metrics_text(),
    )
        .into_response()
}
