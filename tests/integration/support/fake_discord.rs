//! A fake Discord on loopback for end-to-end tests: the REST API on one port
//! (a small hand-written HTTP/1.1 server) and the gateway over plain `ws://`
//! on another. Both report what they see as [`Event`]s; the test steers the
//! gateway with [`FakeDiscord::dispatch`] and [`FakeDiscord::close`].
//!
//! REST: `GET /gateway`, `GET /gateway/bot`, `GET /users/@me`,
//! `GET /oauth2/applications/@me`, `PUT /applications/{id}/commands` and
//! `…/guilds/{id}/commands` (echoed back as registered commands),
//! `POST /interactions/{id}/{token}/callback` (204). A wrong token gets 401.
//! The interaction webhook, `POST /webhooks/{app}/{token}` and `PATCH
//! …/messages/@original`, needs no bot token (the interaction's is in the
//! path) and answers a message. Multipart bodies (a message with files) are
//! read: the event's body is `payload_json`, and a [`Event::Files`] follows
//! with each file part.
//! Gateway: Hello (op 10), Identify (op 2) → READY, Resume (op 6) → RESUMED,
//! Heartbeat (op 1) → ACK (op 11), dispatches (op 0) and closes on request.
//! Channels (the daily post): see [`channels`]; the server as `/daily set`'s
//! channel check reads it: see [`guild`].
#![allow(dead_code)]

pub mod channels;
mod gateway;
pub mod guild;
mod http;
mod rest;

use std::collections::HashMap;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;
use std::time::Duration;

use lectern::discord::gateway::{run_gateway, GatewayOptions};
use lectern::discord::register::{SetupError, Target};
use lectern::discord::Settings;
use lectern::live::Live;
use lectern::study::Book;
use serde_json::{json, Value};
use tokio::net::TcpListener;
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};
use tokio::sync::Mutex;

pub const APP_ID: &str = "1351200000000000001";
pub const BOT_ID: &str = "1351200000000000001";
pub const GUILD_ID: u64 = 1219000000000000002;

/// Heartbeat interval the fake asks for: short, so heartbeats happen in tests.
pub const HEARTBEAT_MS: u64 = 1500;

/// Something the fake saw.
#[derive(Debug, Clone)]
pub enum Event {
    Request {
        method: String,
        path: String,
    },
    Registered {
        path: String,
        body: Value,
    },
    Callback {
        path: String,
        body: Value,
    },
    /// A follow-up or edit through the interaction webhook; `auth` is the
    /// `Authorization` header sent (empty when none).
    Webhook {
        method: String,
        path: String,
        auth: String,
        body: Value,
    },
    /// The file parts of the multipart request just before.
    Files {
        path: String,
        files: Vec<FilePart>,
    },
    /// A message the bot posted in a channel (or a DM channel).
    Posted {
        channel: u64,
        message: u64,
        body: Value,
    },
    /// A thread the bot started on one of its messages.
    Thread {
        channel: u64,
        message: u64,
        name: String,
    },
    /// The bot opened a direct-message channel with `recipient`.
    DmOpened {
        recipient: u64,
    },
    Connected,
    Identify(Value),
    Resume(Value),
    Heartbeat,
    Closed(Option<u16>),
}

/// One file of a multipart body: its form field (`files[0]`), file name and bytes.
#[derive(Debug, Clone)]
pub struct FilePart {
    pub field: String,
    pub filename: String,
    pub bytes: Vec<u8>,
}

/// What the test tells the gateway to do.
#[derive(Debug)]
enum Control {
    Dispatch { t: String, d: Value },
    Close(u16),
}

struct Shared {
    token: String,
    gateway_url: String,
    events: UnboundedSender<Event>,
    control: Mutex<UnboundedReceiver<Control>>,
    seq: AtomicU64,
    sessions: AtomicU64,
    /// Ids for posted messages.
    next_id: AtomicU64,
    /// Channels that refuse posts, with the status they answer.
    failing: std::sync::Mutex<HashMap<u64, u16>>,
    /// Channels that take posts but refuse threads on them, with the status.
    failing_threads: std::sync::Mutex<HashMap<u64, u16>>,
    /// Channels' permission overwrites (see [`guild`]).
    overwrites: std::sync::Mutex<HashMap<u64, Vec<Value>>>,
}

pub struct FakeDiscord {
    /// `http://127.0.0.1:PORT`: pass as the API proxy.
    pub api: String,
    pub gateway_url: String,
    events: UnboundedReceiver<Event>,
    control: UnboundedSender<Control>,
    /// Everything seen so far, in order.
    pub log: Vec<Event>,
    shared: Arc<Shared>,
}

impl FakeDiscord {
    /// Starts both servers; requests must carry `token`.
    pub async fn start(token: &str) -> FakeDiscord {
        let http = TcpListener::bind("127.0.0.1:0").await.expect("bind http");
        let ws = TcpListener::bind("127.0.0.1:0").await.expect("bind ws");
        let api = format!("http://{}", http.local_addr().unwrap());
        let gateway_url = format!("ws://{}", ws.local_addr().unwrap());
        let (events_tx, events) = unbounded_channel();
        let (control, control_rx) = unbounded_channel();
        let shared = Arc::new(Shared {
            token: token.to_string(),
            gateway_url: gateway_url.clone(),
            events: events_tx,
            control: Mutex::new(control_rx),
            seq: AtomicU64::new(0),
            sessions: AtomicU64::new(0),
            next_id: AtomicU64::new(1),
            failing: std::sync::Mutex::new(HashMap::new()),
            failing_threads: std::sync::Mutex::new(HashMap::new()),
            overwrites: std::sync::Mutex::new(HashMap::new()),
        });
        let s = shared.clone();
        let kept = shared.clone();
        tokio::spawn(async move {
            while let Ok((sock, _)) = http.accept().await {
                tokio::spawn(http::http_connection(sock, s.clone()));
            }
        });
        tokio::spawn(async move {
            while let Ok((sock, _)) = ws.accept().await {
                tokio::spawn(gateway::ws_connection(sock, shared.clone()));
            }
        });
        FakeDiscord {
            api,
            gateway_url,
            events,
            control,
            log: Vec::new(),
            shared: kept,
        }
    }

    /// Makes posts to `channel` fail with `status` (403, 404, …) until
    /// [`FakeDiscord::heal`].
    pub fn fail_channel(&self, channel: u64, status: u16) {
        self.shared.failing.lock().unwrap().insert(channel, status);
    }

    /// Makes threads started in `channel` fail with `status` (posts still
    /// go through) until [`FakeDiscord::heal`].
    pub fn fail_threads(&self, channel: u64, status: u16) {
        self.shared
            .failing_threads
            .lock()
            .unwrap()
            .insert(channel, status);
    }

    /// Gives `channel` these permission overwrites ([`guild::overwrite`]).
    pub fn overwrite(&self, channel: u64, overwrites: Vec<Value>) {
        self.shared
            .overwrites
            .lock()
            .unwrap()
            .insert(channel, overwrites);
    }

    pub fn heal(&self, channel: u64) {
        self.shared.failing.lock().unwrap().remove(&channel);
        self.shared.failing_threads.lock().unwrap().remove(&channel);
    }

    /// Takes every event that has arrived, without waiting, into the log;
    /// returns them.
    pub fn drain(&mut self) -> Vec<Event> {
        let mut new = Vec::new();
        while let Ok(e) = self.events.try_recv() {
            self.log.push(e.clone());
            new.push(e);
        }
        new
    }

    /// Waits for the next event that `pred` accepts (others are logged).
    pub async fn expect(
        &mut self,
        what: &str,
        within: Duration,
        pred: impl Fn(&Event) -> bool,
    ) -> Event {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            match tokio::time::timeout_at(deadline, self.events.recv()).await {
                Ok(Some(e)) => {
                    self.log.push(e.clone());
                    if pred(&e) {
                        return e;
                    }
                }
                Ok(None) => panic!("fake Discord stopped while waiting for {what}"),
                Err(_) => panic!(
                    "timed out after {within:?} waiting for {what}; seen: {:#?}",
                    self.log
                ),
            }
        }
    }

    /// Dispatches `interaction` as an `INTERACTION_CREATE` and waits for the
    /// bot's callback to it: checks it went to this interaction's callback
    /// route and returns its body.
    pub async fn answer_to(&mut self, interaction: Value, within: Duration) -> Value {
        let path = format!(
            "/api/v10/interactions/{}/{}/callback",
            interaction["id"].as_str().unwrap_or_default(),
            interaction["token"].as_str().unwrap_or_default()
        );
        self.dispatch("INTERACTION_CREATE", interaction);
        let Event::Callback { path: got, body } = self
            .expect("the interaction callback", within, |e| {
                matches!(e, Event::Callback { .. })
            })
            .await
        else {
            unreachable!("expect returns only what the predicate accepts")
        };
        assert_eq!(got, path, "the callback of this interaction");
        body
    }

    /// Sends a dispatch (op 0) on the current gateway connection.
    pub fn dispatch(&self, t: &str, d: Value) {
        self.control
            .send(Control::Dispatch {
                t: t.to_string(),
                d,
            })
            .expect("gateway task alive");
    }

    /// Closes the current gateway connection with `code`.
    pub fn close(&self, code: u16) {
        self.control
            .send(Control::Close(code))
            .expect("gateway task alive");
    }

    pub fn count(&self, pred: impl Fn(&Event) -> bool) -> usize {
        self.log.iter().filter(|e| pred(e)).count()
    }
}

fn bot_user() -> Value {
    json!({
        "id": BOT_ID, "username": "Lectern", "discriminator": "0", "global_name": null,
        "avatar": null, "bot": true, "public_flags": 0, "flags": 0
    })
}

/// A bot running [`run_gateway`] against a [`FakeDiscord`]: stop it, then
/// wait for it to finish.
pub struct Bot {
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    run: tokio::task::JoinHandle<Result<(), SetupError>>,
}

impl FakeDiscord {
    /// Runs the bot on `live` against this fake Discord with `token`,
    /// registering its commands where `register` says and answering the
    /// study commands from `book`.
    pub fn run_bot(
        &self,
        token: &str,
        live: Arc<Live>,
        register: Option<Target>,
        book: Option<Arc<dyn Book>>,
    ) -> Bot {
        let options = GatewayOptions {
            token: token.into(),
            api_proxy: Some(self.api.clone()),
            register,
            application_id: None,
            book,
        };
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let run = tokio::spawn(run_gateway(live, Settings::default(), options, async {
            let _ = stopped.await;
        }));
        Bot {
            stop: Some(stop),
            run,
        }
    }
}

impl Bot {
    /// Asks the bot to shut down (once).
    pub fn stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            stop.send(()).expect("the bot is still running");
        }
    }

    /// Stops the bot if not yet asked, and checks `run_gateway` returned
    /// without an error within `within`.
    pub async fn finished(mut self, within: Duration) {
        self.stop();
        tokio::time::timeout(within, self.run)
            .await
            .expect("run_gateway returns after shutdown")
            .expect("task")
            .expect("no error");
    }
}
