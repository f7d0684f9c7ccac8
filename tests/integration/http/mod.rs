//! The HTTP interactions endpoint over real HTTP on loopback, with requests
//! signed by a test key pair: every kind of interaction, byte-for-byte
//! agreement with the gateway handler, and concurrency here; what it refuses
//! (`refusals`), hot reload while serving (`reload`), and hostile clients
//! over raw TCP (`hardening`).

mod hardening;
mod refusals;
mod reload;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use crate::support::endpoint::{serve, Serving};
use crate::support::signing;
use ed25519_dalek::SigningKey;
use lectern::answer::Command;
use lectern::config::Config;
use lectern::discord::transport::Limits;
use lectern::discord::{self, synthetic, Settings};
use lectern::live::Live;
use serde_json::{json, Value};

use crate::support::ROOT;

const SECRET: [u8; 32] = [7; 32];

struct Server {
    addr: SocketAddr,
    live: Arc<Live>,
    client: reqwest::Client,
    _serving: Serving,
}

fn shipped_config() -> Config {
    Config::load(&Path::new(ROOT).join("config/lectern.yaml")).unwrap()
}

async fn start(config: Config) -> Server {
    let live = Arc::new(Live::new(config.clone(), config.content.clone()));
    let serving = serve(
        live.clone(),
        &SigningKey::from_bytes(&SECRET),
        Limits::default(),
    )
    .await;
    Server {
        addr: serving.addr,
        live,
        client: reqwest::Client::new(),
        _serving: serving,
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
        Command::Help { command: None },
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
            let interaction = synthetic::command_interaction(&command, None, locale);
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
        .post(&synthetic::autocomplete_interaction(
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
        .post(&synthetic::command_interaction(
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
        .post(&synthetic::component_interaction(&custom_id, "ko", false))
        .await;
    assert_eq!(status, 200, "{v}");
    assert!(v["type"] == 4 || v["type"] == 7, "{v}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_concurrent_requests_all_succeed() {
    let s = Arc::new(start(shipped_config()).await);
    let bodies: Vec<Vec<u8>> = every_command()
        .iter()
        .map(|c| serde_json::to_vec(&synthetic::command_interaction(c, None, "ko")).unwrap())
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
