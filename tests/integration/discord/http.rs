//! `lectern serve --http ADDR`, the real binary on loopback: health, a signed
//! PING and command, forged requests refused, content edits served without a
//! restart (the watcher runs), `/reload` for a manager, and SIGTERM → exit 0.
//! Start-up errors: a missing or invalid `DISCORD_PUBLIC_KEY` exits with
//! status 2 and a message naming it; `--http` can't be combined with the
//! gateway's options.
//!
//! Every wait is bounded; nothing leaves 127.0.0.1.

use std::time::{Duration, Instant};

use crate::support::discord::summary_21;
use crate::support::served::{terminate, Served};
use crate::support::signing;
use crate::support::temp_content;
use ed25519_dalek::SigningKey;
use lectern::discord::synthetic;
use serde_json::{json, Value};

const WAIT: Duration = Duration::from_secs(20);
const SECRET: [u8; 32] = [11; 32];

fn public_key_hex() -> String {
    signing::public_key_hex(&SigningKey::from_bytes(&SECRET))
}

/// A port that was free a moment ago: bind port 0, read it, let it go.
fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("addr").port()
}

struct Endpoint {
    base: String,
    client: reqwest::Client,
}

impl Endpoint {
    fn new(port: u16) -> Endpoint {
        Endpoint {
            base: format!("http://127.0.0.1:{port}"),
            client: reqwest::Client::builder()
                .timeout(Duration::from_secs(5))
                .no_proxy()
                .build()
                .expect("client"),
        }
    }

    /// Polls `/healthz` until it answers (the server is up) or `WAIT` passes.
    async fn wait_ready(&self, served: &mut Served) -> Value {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Ok(r) = self
                .client
                .get(format!("{}/healthz", self.base))
                .send()
                .await
            {
                assert_eq!(r.status().as_u16(), 200);
                return serde_json::from_str(&r.text().await.expect("body")).expect("health JSON");
            }
            if let Some(status) = served.child.try_wait().expect("try_wait") {
                panic!("lectern exited with {status}:\n{}", served.stderr());
            }
            assert!(
                Instant::now() < deadline,
                "the endpoint did not come up:\n{}",
                served.stderr()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    async fn post_with(&self, body: &Value, key: &SigningKey) -> (u16, Value) {
        let body = serde_json::to_vec(body).expect("json");
        let ts = signing::unix_now().to_string();
        let signature = signing::signature(key, &ts, &body);
        let r = self
            .client
            .post(format!("{}/interactions", self.base))
            .header("content-type", "application/json")
            .header("x-signature-ed25519", signature)
            .header("x-signature-timestamp", ts)
            .body(body)
            .send()
            .await
            .expect("POST /interactions");
        let status = r.status().as_u16();
        let text = r.text().await.unwrap_or_default();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    async fn post(&self, body: &Value) -> (u16, Value) {
        self.post_with(body, &SigningKey::from_bytes(&SECRET)).await
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_http_answers_reloads_and_stops_on_sigterm() {
    let temp = temp_content();
    let dir = temp.root();
    let port = free_port();
    let addr = format!("127.0.0.1:{port}");
    let content = dir.display().to_string();
    let key = public_key_hex();
    let mut served = Served::start_with(
        &["serve", "--http", &addr, "--content", &content],
        &[("DISCORD_PUBLIC_KEY", Some(&key))],
    );
    let endpoint = Endpoint::new(port);

    let health = endpoint.wait_ready(&mut served).await;
    assert_eq!(health["status"], "ok", "{health}");
    assert_eq!(health["courses"], 1, "{health}");
    assert_eq!(health["chapters"], 24, "{health}");

    // A signed PING gets PONG; the same signed by another key is refused.
    let ping = json!({ "type": 1, "id": "1", "application_id": "2", "token": "t", "version": 1 });
    assert_eq!(endpoint.post(&ping).await, (200, json!({ "type": 1 })));
    let forged = endpoint
        .post_with(&ping, &SigningKey::from_bytes(&[12; 32]))
        .await;
    assert_eq!(forged.0, 401);

    // A command is answered.
    let (status, v) = endpoint.post(&summary_21()).await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["type"], 4);

    // An edit is served without a restart: the watcher is running.
    temp.edit_chapter("바이너리가 감시로 반영한 문장.");
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let (status, v) = endpoint.post(&summary_21()).await;
        assert_eq!(status, 200);
        if v.to_string().contains("바이너리가 감시로 반영한 문장.") {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the edit was not served:\n{}",
            served.stderr()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // /reload from a manager answers with a (private) report.
    let (status, v) = endpoint
        .post(&synthetic::reload_interaction(
            synthetic::MANAGER_PERMISSIONS,
            "en-US",
        ))
        .await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["data"]["flags"], 64, "{v}");
    assert_eq!(v["data"]["embeds"][0]["title"], "🔄 Reload", "{v}");

    terminate(&served);
    let status = served.wait(WAIT).await;
    let log = served.stderr();
    assert!(status.success(), "exit {status:?}:\n{log}");
    assert!(
        log.contains("HTTP interactions endpoint listening"),
        "{log}"
    );
    assert!(log.contains("content reloaded"), "{log}");
    assert!(!log.contains(&key), "the public key was logged:\n{log}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_or_invalid_public_key_is_a_clear_error() {
    let addr = format!("127.0.0.1:{}", free_port());
    let short = "ab".repeat(16);
    for (value, needle) in [
        (None, "DISCORD_PUBLIC_KEY is not set"),
        (Some("   "), "DISCORD_PUBLIC_KEY is not set"),
        (Some("not-hex-at-all"), "DISCORD_PUBLIC_KEY is invalid"),
        (Some(short.as_str()), "DISCORD_PUBLIC_KEY is invalid"),
    ] {
        let mut served = Served::start_with(
            &["serve", "--http", &addr],
            // A token alone is not enough for the HTTP mode.
            &[
                ("DISCORD_PUBLIC_KEY", value),
                ("DISCORD_TOKEN", Some("irrelevant")),
            ],
        );
        let status = served.wait(WAIT).await;
        let log = served.stderr();
        assert_eq!(status.code(), Some(2), "{value:?}: {log}");
        assert!(log.contains(needle), "{value:?}: {log}");
        assert!(log.contains("Public Key"), "says where to find it: {log}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn http_mode_excludes_the_gateway_options() {
    let key = public_key_hex();
    for extra in [
        &["--register"][..],
        &["--api-proxy", "http://127.0.0.1:9"][..],
    ] {
        let mut args = vec!["serve", "--http", "127.0.0.1:0"];
        args.extend_from_slice(extra);
        let mut served = Served::start_with(&args, &[("DISCORD_PUBLIC_KEY", Some(&key))]);
        let status = served.wait(WAIT).await;
        let log = served.stderr();
        assert_eq!(status.code(), Some(2), "{extra:?}: {log}");
        assert!(log.contains("cannot be used with"), "{extra:?}: {log}");
    }
    // An address that isn't one is refused by the parser too.
    let mut served = Served::start_with(
        &["serve", "--http", "localhost"],
        &[("DISCORD_PUBLIC_KEY", Some(&key))],
    );
    assert_eq!(served.wait(WAIT).await.code(), Some(2));
}
