//! Logs cannot be used as an amplifier (issue 15): a flood of forged
//! requests is counted, not logged one by one. Its own test binary, because it
//! installs the process-wide log subscriber that captures what is written.

use std::io::Write;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ed25519_dalek::SigningKey;
use lectern::config::Config;
use lectern::discord::http::Endpoint;
use lectern::discord::transport::Limits;
use lectern::discord::Settings;
use lectern::live::Live;

/// Everything the subscriber writes, kept in memory.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forged_flood_is_counted_not_logged_line_by_line() {
    let captured = Captured::default();
    let writer = captured.clone();
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::INFO)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .init();

    let content = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content");
    let endpoint = Arc::new(Endpoint {
        live: Arc::new(Live::new(Config::default(), vec![content])),
        settings: Settings::default(),
        key: SigningKey::from_bytes(&[3; 32]).verifying_key(),
        book: None,
        channels: None,
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        lectern::discord::http::serve_with(endpoint, listener, &Limits::default(), async {
            let _ = stopped.await;
        })
        .await
    });

    const FORGED: usize = 300;
    let client = reqwest::Client::new();
    for _ in 0..FORGED {
        let response = client
            .post(format!("http://{addr}/interactions"))
            .header("content-type", "application/json")
            .header("x-signature-ed25519", "00".repeat(64))
            .header("x-signature-timestamp", "1700000000")
            .body(r#"{"type":1}"#)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 401);
    }
    let _ = stop.send(());
    let _ = tokio::time::timeout(Duration::from_secs(5), server).await;

    let metrics = lectern::discord::ops::metrics_text();
    let counted: f64 = metrics
        .lines()
        .find(|l| l.starts_with("lectern_rejects_total{") && l.contains("signature"))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0.0);
    assert!(counted >= FORGED as f64, "counted {counted}:\n{metrics}");

    let log = String::from_utf8_lossy(&captured.0.lock().unwrap()).to_string();
    let lines = log.lines().count();
    assert!(
        lines < 10,
        "{FORGED} forged requests wrote {lines} log lines:\n{log}"
    );
}
