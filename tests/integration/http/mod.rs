//! The HTTP interactions endpoint over real HTTP on loopback, with requests
//! signed by a test key pair: verification, limits, every kind of
//! interaction, byte-for-byte agreement with the gateway handler, concurrency,
//! and hot reload while serving.

mod hardening;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::support::signing;
use ed25519_dalek::SigningKey;
use lectern::answer::Command;
use lectern::config::Config;
use lectern::discord::http::{Endpoint, MAX_BODY_BYTES};
use lectern::discord::{self, synth, Settings};
use lectern::live::Live;
use serde_json::{json, Value};
use tokio::sync::oneshot;

use crate::support::ROOT;

const SECRET: [u8; 32] = [7; 32];

struct Server {
    addr: SocketAddr,
    live: Arc<Live>,
    client: reqwest::Client,
    _stop: oneshot::Sender<()>,
}

fn shipped_config() -> Config {
    Config::load(&Path::new(ROOT).join("config/lectern.yaml")).unwrap()
}

async fn start(config: Config) -> Server {
    let live = Arc::new(Live::new(config.clone(), config.content.clone()));
    let endpoint = Arc::new(Endpoint {
        live: live.clone(),
        settings: Settings::default(),
        key: SigningKey::from_bytes(&SECRET).verifying_key(),
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = oneshot::channel::<()>();
    tokio::spawn(lectern::discord::http::serve_on(
        endpoint,
        listener,
        async {
            let _ = rx.await;
        },
    ));
    Server {
        addr,
        live,
        client: reqwest::Client::new(),
        _stop: tx,
    }
}

fn now() -> i64 {
    signing::unix_now()
}

impl Server {
    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// POSTs `body` signed with `key` at `timestamp`.
    async fn post_signed(
        &self,
        body: &[u8],
        key: &SigningKey,
        timestamp: i64,
        content_type: &str,
    ) -> (u16, String) {
        let ts = timestamp.to_string();
        let signature = signing::signature(key, &ts, body);
        let response = self
            .client
            .post(self.url("/interactions"))
            .header("content-type", content_type)
            .header("x-signature-ed25519", signature)
            .header("x-signature-timestamp", ts)
            .body(body.to_vec())
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        (status, response.text().await.unwrap())
    }

    async fn post(&self, body: &Value) -> (u16, Value) {
        let bytes = serde_json::to_vec(body).unwrap();
        let (status, text) = self
            .post_signed(
                &bytes,
                &SigningKey::from_bytes(&SECRET),
                now(),
                "application/json",
            )
            .await;
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }
}

fn every_command() -> Vec<Command> {
    vec![
        Command::Help,
        Command::Chapters { course: None },
        Command::Summary {
            course: None,
            chapter: "21".into(),
        },
        Command::KeyPoints {
            course: None,
            chapter: "21".into(),
        },
        Command::Read {
            course: None,
            chapter: "21".into(),
            page: Some(1),
        },
        Command::Search {
            course: None,
            query: "에이전트".into(),
            limit: Some(3),
        },
        Command::At {
            course: None,
            time: "3:12:00".into(),
        },
        Command::Link {
            course: None,
            chapter: "21".into(),
            at: Some("+2:30".into()),
        },
        Command::Summary {
            course: None,
            chapter: "99".into(),
        },
    ]
}

#[tokio::test]
async fn ping_pongs_and_health_is_reported() {
    let s = start(shipped_config()).await;
    let (status, body) = s
        .post(&json!({ "type": 1, "id": "1", "application_id": "2", "token": "t", "version": 1 }))
        .await;
    assert_eq!((status, body), (200, json!({ "type": 1 })));
    let health: Value = serde_json::from_str(
        &s.client
            .get(s.url("/healthz"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(health["status"], "ok");
    assert_eq!(health["chapters"], 24);
}

#[tokio::test]
async fn every_command_answers_like_the_gateway_handler() {
    let s = start(shipped_config()).await;
    let lectern = s.live.get();
    for command in every_command() {
        for locale in ["ko", "en-US"] {
            let interaction = synth::command_interaction(&command, None, locale);
            let bytes = serde_json::to_vec(&interaction).unwrap();
            let (status, text) = s
                .post_signed(
                    &bytes,
                    &SigningKey::from_bytes(&SECRET),
                    now(),
                    "application/json",
                )
                .await;
            assert_eq!(status, 200, "{command:?}: {text}");
            // The gateway posts the handler's response serialised as is; the
            // endpoint must send exactly those bytes.
            let parsed: discord::Interaction = serde_json::from_slice(&bytes).unwrap();
            let direct = discord::handle(&lectern, &Settings::default(), &parsed);
            assert_eq!(
                text,
                serde_json::to_string(&direct).unwrap(),
                "{command:?} differs from the handler"
            );
            let v: Value = serde_json::from_str(&text).unwrap();
            assert_eq!(v["type"], 4, "{command:?}");
            assert_eq!(
                v["data"]["allowed_mentions"]["parse"],
                json!([]),
                "{command:?}"
            );
        }
    }
}

#[tokio::test]
async fn autocomplete_and_buttons_answer() {
    let s = start(shipped_config()).await;
    let (status, v) = s
        .post(&synth::autocomplete_interaction(
            "summary",
            "chapter",
            "pre",
            &[],
            "ko",
        ))
        .await;
    assert_eq!(status, 200);
    assert_eq!(v["type"], 8);
    assert!(!v["data"]["choices"].as_array().unwrap().is_empty());
    // A button from a /summary answer.
    let (_, answer) = s
        .post(&synth::command_interaction(
            &Command::Summary {
                course: None,
                chapter: "21".into(),
            },
            None,
            "ko",
        ))
        .await;
    let custom_id = answer["data"]["components"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|row| row["components"].as_array().unwrap())
        .find_map(|b| b["custom_id"].as_str())
        .expect("a button with a custom_id")
        .to_string();
    let (status, v) = s
        .post(&synth::component_interaction(&custom_id, "ko", false))
        .await;
    assert_eq!(status, 200, "{v}");
    assert!(v["type"] == 4 || v["type"] == 7, "{v}");
}

#[tokio::test]
async fn forged_and_stale_requests_are_refused() {
    let s = start(shipped_config()).await;
    let body = br#"{"type":1}"#;
    let good = SigningKey::from_bytes(&SECRET);
    let other = SigningKey::from_bytes(&[9; 32]);
    let json = "application/json";
    assert_eq!(s.post_signed(body, &good, now(), json).await.0, 200);
    assert_eq!(
        s.post_signed(body, &other, now(), json).await.0,
        401,
        "another key"
    );
    assert_eq!(
        s.post_signed(body, &good, now() - 301, json).await.0,
        401,
        "stale"
    );
    assert_eq!(
        s.post_signed(body, &good, now() + 61, json).await.0,
        401,
        "future"
    );
    assert_eq!(
        s.post_signed(body, &good, now() - 250, json).await.0,
        200,
        "a little old is fine"
    );
    // Forged: a valid signature of another body.
    let ts = now().to_string();
    let sig = signing::signature(&good, &ts, br#"{"type":2}"#);
    for (sig, ts) in [
        (sig.as_str(), ts.as_str()),
        ("zz", ts.as_str()),
        ("", ""),
        (&"0".repeat(128), ts.as_str()),
    ] {
        let r = s
            .client
            .post(s.url("/interactions"))
            .header("content-type", json)
            .header("x-signature-ed25519", sig)
            .header("x-signature-timestamp", ts)
            .body(body.to_vec())
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 401);
    }
    let unsigned = s
        .client
        .post(s.url("/interactions"))
        .body(body.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(unsigned.status().as_u16(), 401);
}

#[tokio::test]
async fn bad_bodies_get_the_right_status() {
    let s = start(shipped_config()).await;
    let key = SigningKey::from_bytes(&SECRET);
    let interaction =
        serde_json::to_vec(&synth::command_interaction(&Command::Help, None, "ko")).unwrap();
    // Truncated after signing: the signature no longer matches.
    let ts = now();
    let sig = signing::signature(&key, &ts.to_string(), &interaction);
    let r = s
        .client
        .post(s.url("/interactions"))
        .header("content-type", "application/json")
        .header("x-signature-ed25519", sig)
        .header("x-signature-timestamp", ts.to_string())
        .body(interaction[..interaction.len() / 2].to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 401);
    // Truncated and signed as such: malformed JSON.
    assert_eq!(
        s.post_signed(
            &interaction[..interaction.len() / 2],
            &key,
            now(),
            "application/json"
        )
        .await
        .0,
        400
    );
    // Oversize.
    let big = vec![b' '; MAX_BODY_BYTES + 1];
    assert_eq!(
        s.post_signed(&big, &key, now(), "application/json").await.0,
        413
    );
    // Wrong content type.
    assert_eq!(
        s.post_signed(&interaction, &key, now(), "text/plain")
            .await
            .0,
        415
    );
    // Unknown interaction type, and JSON that isn't an interaction.
    assert_eq!(
        s.post_signed(br#"{"type":99}"#, &key, now(), "application/json")
            .await
            .0,
        400
    );
    assert_eq!(
        s.post_signed(br#"{"type":2}"#, &key, now(), "application/json")
            .await
            .0,
        400
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_concurrent_requests_all_succeed() {
    let s = Arc::new(start(shipped_config()).await);
    let bodies: Vec<Vec<u8>> = every_command()
        .iter()
        .map(|c| serde_json::to_vec(&synth::command_interaction(c, None, "ko")).unwrap())
        .collect();
    let bodies = Arc::new(bodies);
    let tasks: Vec<_> = (0..32)
        .map(|t| {
            let (s, bodies) = (s.clone(), bodies.clone());
            tokio::spawn(async move {
                let key = SigningKey::from_bytes(&SECRET);
                let mut ok = 0;
                for i in 0..20 {
                    let body = &bodies[(t + i) % bodies.len()];
                    if s.post_signed(body, &key, now(), "application/json").await.0 == 200 {
                        ok += 1;
                    }
                }
                ok
            })
        })
        .collect();
    let mut total = 0;
    for t in tasks {
        total += t.await.unwrap();
    }
    assert_eq!(total, 32 * 20);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn edits_are_served_without_a_restart() {
    let temp = crate::support::temp_content();
    let (course, config) = (temp.course(), temp.config.clone());
    let s = start(config).await;
    let _guard = s.live.watch().unwrap();
    let path = course.join("21-preview-of-things-to-come.md");
    let text = std::fs::read_to_string(&path).unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
    std::fs::write(
        &path,
        text.replace("LLM의 미래 발전 방향입니다.", "HTTP 실시간 수정."),
    )
    .unwrap();
    let summary = synth::command_interaction(
        &Command::Summary {
            course: None,
            chapter: "21".into(),
        },
        None,
        "ko",
    );
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let (status, v) = s.post(&summary).await;
        assert_eq!(status, 200);
        if v.to_string().contains("HTTP 실시간 수정.") {
            break;
        }
        assert!(Instant::now() < deadline, "the edit was not served");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // A broken edit keeps the chapter in service.
    std::fs::write(&path, "---\nchapter: [\n").unwrap();
    tokio::time::sleep(Duration::from_millis(800)).await;
    let (_, v) = s.post(&summary).await;
    assert!(v.to_string().contains("HTTP 실시간 수정."), "{v}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reload_is_answered_with_the_report_for_managers_only() {
    let temp = crate::support::temp_content();
    let (course, config) = (temp.course(), temp.config.clone());
    // No watcher: only /reload can bring the edit in.
    let s = start(config).await;
    let path = course.join("21-preview-of-things-to-come.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("LLM의 미래 발전 방향입니다.", "HTTP로 다시 불러온 문장."),
    )
    .unwrap();
    let summary = synth::command_interaction(
        &Command::Summary {
            course: None,
            chapter: "21".into(),
        },
        None,
        "ko",
    );

    // A member without Manage Server: refused, privately; nothing reloaded.
    let (status, v) = s
        .post(&synth::reload_interaction(synth::MEMBER_PERMISSIONS, "ko"))
        .await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["type"], 4);
    assert_eq!(v["data"]["flags"], 64);
    assert_eq!(v["data"]["embeds"][0]["title"], "관리자 전용 명령");
    let (_, before) = s.post(&summary).await;
    assert!(!before.to_string().contains("HTTP로 다시 불러온 문장."));

    // A manager: reloaded, and the report says what changed.
    let (status, v) = s
        .post(&synth::reload_interaction(synth::MANAGER_PERMISSIONS, "ko"))
        .await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["type"], 4);
    assert_eq!(v["data"]["flags"], 64);
    assert_eq!(v["data"]["allowed_mentions"]["parse"], json!([]));
    let embed = &v["data"]["embeds"][0];
    assert_eq!(embed["title"], "🔄 다시 불러오기");
    assert_eq!(embed["description"], "콘텐츠를 다시 불러왔어요.");
    assert_eq!(embed["fields"][0]["name"], "수정 (1)");
    assert_eq!(embed["fields"][0]["value"], "deep-dive-llms #21");
    let (_, after) = s.post(&summary).await;
    assert!(
        after.to_string().contains("HTTP로 다시 불러온 문장."),
        "{after}"
    );

    // Reloading again: nothing changed.
    let (_, v) = s
        .post(&synth::reload_interaction(
            synth::MANAGER_PERMISSIONS,
            "en-US",
        ))
        .await;
    assert_eq!(v["data"]["embeds"][0]["description"], "No chapter changed.");
}
