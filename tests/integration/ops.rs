//! The operator endpoints over loopback (issue 15): `/healthz` reports the
//! loaded content without secrets, and `/metrics` is Prometheus text that
//! counts what the interactions endpoint refused.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use crate::support::endpoint::endpoint;
use ed25519_dalek::SigningKey;
use lectern::config::Config;
use lectern::live::Live;

fn shipped_content() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content")
}

async fn serve(router: axum::Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    addr
}

#[tokio::test]
async fn healthz_reports_the_content_and_metrics_count_refusals() {
    let live = Arc::new(Live::new(Config::default(), vec![shipped_content()]));
    let ops = serve(lectern::discord::ops::router(live.clone())).await;
    let api = serve(lectern::discord::http::app(endpoint(
        live,
        &SigningKey::from_bytes(&[7; 32]),
    )))
    .await;
    let client = reqwest::Client::new();

    let health = client
        .get(format!("http://{ops}/healthz"))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
    let body: serde_json::Value = serde_json::from_str(&health.text().await.unwrap()).unwrap();
    assert_eq!(body["status"], "ok");
    assert_eq!(body["courses"], 1);
    assert_eq!(body["chapters"], 24, "the shipped index lists 24 chapters");
    assert!(body["content_version"]
        .as_str()
        .is_some_and(|v| v.len() == 16));
    assert!(body["uptime_seconds"].is_u64());
    let text = body.to_string().to_lowercase();
    for secret in ["token", "key", "password", "secret"] {
        assert!(
            !text.contains(secret),
            "healthz must hold no {secret}: {text}"
        );
    }

    // An unsigned interaction is refused, and counted rather than logged.
    let refused = client
        .post(format!("http://{api}/interactions"))
        .header("content-type", "application/json")
        .body(r#"{"type":1}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 401);

    let metrics = client
        .get(format!("http://{ops}/metrics"))
        .send()
        .await
        .unwrap();
    assert_eq!(metrics.status(), 200);
    let content_type = metrics.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(content_type.contains("openmetrics-text"), "{content_type}");
    let text = metrics.text().await.unwrap();
    let rejected = text
        .lines()
        .find(|l| l.starts_with("lectern_rejects_total{") && l.contains("signature"))
        .unwrap_or_else(|| panic!("no signature rejects in:\n{text}"));
    let count: f64 = rejected.rsplit(' ').next().unwrap().parse().unwrap();
    assert!(count >= 1.0, "{rejected}");
    assert!(
        text.contains("# TYPE lectern_request_seconds histogram"),
        "{text}"
    );
    assert!(text.trim_end().ends_with("# EOF"), "{text}");
}
