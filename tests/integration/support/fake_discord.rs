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
pub mod guild;

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use lectern::discord::gateway::{run_gateway, GatewayOptions};
use lectern::discord::register::{SetupError, Target};
use lectern::discord::Settings;
use lectern::live::Live;
use lectern::study::Book;
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};
use tokio::sync::Mutex;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::Message;

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
                tokio::spawn(http_connection(sock, s.clone()));
            }
        });
        tokio::spawn(async move {
            while let Ok((sock, _)) = ws.accept().await {
                tokio::spawn(ws_connection(sock, shared.clone()));
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

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

async fn http_connection(mut sock: TcpStream, s: Arc<Shared>) {
    let mut buf = Vec::new();
    loop {
        let head_end = loop {
            if let Some(i) = find(&buf, b"\r\n\r\n") {
                break i + 4;
            }
            let mut chunk = [0u8; 4096];
            match sock.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        };
        let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
        let mut lines = head.split("\r\n");
        let mut request_line = lines.next().unwrap_or("").split(' ');
        let method = request_line.next().unwrap_or("").to_string();
        let path = request_line.next().unwrap_or("").to_string();
        let mut length = 0;
        let mut auth = String::new();
        let mut content_type = String::new();
        for line in lines {
            if let Some((k, v)) = line.split_once(':') {
                match k.trim().to_ascii_lowercase().as_str() {
                    "content-length" => length = v.trim().parse().unwrap_or(0),
                    "authorization" => auth = v.trim().to_string(),
                    "content-type" => content_type = v.trim().to_string(),
                    _ => {}
                }
            }
        }
        while buf.len() < head_end + length {
            let mut chunk = [0u8; 4096];
            match sock.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        }
        let body: Vec<u8> = buf[head_end..head_end + length].to_vec();
        buf.drain(..head_end + length);
        let (body, files) = read_multipart(&content_type, body);
        let (status, reply) = route(&s, &method, &path, &auth, &body);
        if !files.is_empty() {
            // After the request's own event (sent by `route`).
            let _ = s.events.send(Event::Files {
                path: path.clone(),
                files,
            });
        }
        if !respond_http(&mut sock, status, reply).await {
            return;
        }
    }
}

/// A multipart body as its `payload_json` (the JSON body) and its file
/// parts; any other body comes back as it is, with no files.
fn read_multipart(content_type: &str, body: Vec<u8>) -> (Vec<u8>, Vec<FilePart>) {
    let Some(boundary) = content_type
        .strip_prefix("multipart/form-data")
        .and_then(|rest| rest.split("boundary=").nth(1))
        .map(|b| b.trim_matches('"').to_string())
    else {
        return (body, Vec::new());
    };
    let delimiter = format!("--{boundary}");
    let mut payload = Vec::new();
    let mut files = Vec::new();
    let mut rest: &[u8] = &body;
    while let Some(start) = find(rest, delimiter.as_bytes()) {
        rest = &rest[start + delimiter.len()..];
        if rest.starts_with(b"--") {
            break;
        }
        let Some(end) = find(rest, delimiter.as_bytes()) else {
            break;
        };
        let part = &rest[..end];
        let part = part.strip_prefix(b"\r\n").unwrap_or(part);
        let part = part.strip_suffix(b"\r\n").unwrap_or(part);
        let Some(split) = find(part, b"\r\n\r\n") else {
            continue;
        };
        let head = String::from_utf8_lossy(&part[..split]).to_string();
        let content = part[split + 4..].to_vec();
        let attribute = |name: &str| {
            let key = format!("{name}=\"");
            let from = head.find(&key)? + key.len();
            let len = head[from..].find('"')?;
            Some(head[from..from + len].to_string())
        };
        let field = attribute("name").unwrap_or_default();
        match attribute("filename") {
            Some(filename) => files.push(FilePart {
                field,
                filename,
                bytes: content,
            }),
            None if field == "payload_json" => payload = content,
            None => {}
        }
    }
    (payload, files)
}

/// Writes one response; false when the connection is gone.
async fn respond_http(sock: &mut TcpStream, status: u16, reply: Option<Value>) -> bool {
    let reason = match status {
        200 => "OK",
        204 => "No Content",
        401 => "Unauthorized",
        403 => "Forbidden",
        _ => "Not Found",
    };
    let reply = reply.map(|v| v.to_string()).unwrap_or_default();
    let response = format!(
            "HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{reply}",
            reply.len()
        );
    sock.write_all(response.as_bytes()).await.is_ok()
}

fn bot_user() -> Value {
    json!({
        "id": BOT_ID, "username": "Lectern", "discriminator": "0", "global_name": null,
        "avatar": null, "bot": true, "public_flags": 0, "flags": 0
    })
}

fn route(s: &Shared, method: &str, path: &str, auth: &str, body: &[u8]) -> (u16, Option<Value>) {
    let _ = s.events.send(Event::Request {
        method: method.to_string(),
        path: path.to_string(),
    });
    if let Some(answer) = webhook(s, method, path, auth, body) {
        return answer;
    }
    if auth != format!("Bot {}", s.token) {
        return (
            401,
            Some(json!({"message": "401: Unauthorized", "code": 0})),
        );
    }
    let path_only = path.split('?').next().unwrap_or("");
    let parts: Vec<&str> = path_only
        .trim_start_matches("/api/v10/")
        .split('/')
        .collect();
    if let Some(answer) = channels::route(s, method, &parts, body) {
        return answer;
    }
    if let Some(answer) = guild::route(s, method, &parts) {
        return answer;
    }
    match (method, parts.as_slice()) {
        ("GET", ["gateway"]) => (200, Some(json!({ "url": s.gateway_url }))),
        ("GET", ["gateway", "bot"]) => (
            200,
            Some(json!({
                "url": s.gateway_url, "shards": 1,
                "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
            })),
        ),
        ("GET", ["users", "@me"]) => (200, Some(bot_user())),
        ("GET", ["oauth2", "applications", "@me"]) => (
            200,
            Some(json!({
                "id": APP_ID, "name": "Lectern", "icon": null, "description": "",
                "rpc_origins": [], "bot_public": true, "bot_require_code_grant": false,
                "owner": {"id": "404000000000000001", "username": "owner", "discriminator": "0", "global_name": null, "avatar": null},
                "verify_key": "0000000000000000000000000000000000000000000000000000000000000000",
                "team": null, "flags": 0, "bot": bot_user()
            })),
        ),
        ("PUT", ["applications", app, "commands"])
        | ("PUT", ["applications", app, "guilds", _, "commands"])
            if *app == APP_ID =>
        {
            let sent: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
            let _ = s.events.send(Event::Registered {
                path: path.to_string(),
                body: sent.clone(),
            });
            let registered: Vec<Value> = sent
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .enumerate()
                .map(|(i, mut c)| {
                    c["id"] = json!(format!("13513000000000000{i:02}"));
                    c["application_id"] = json!(APP_ID);
                    c["version"] = json!("1351300000000000099");
                    c["type"] = json!(1);
                    c
                })
                .collect();
            (200, Some(Value::Array(registered)))
        }
        ("POST", ["interactions", _, _, "callback"]) => {
            let sent: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
            let _ = s.events.send(Event::Callback {
                path: path.to_string(),
                body: sent,
            });
            (204, None)
        }
        _ => (404, Some(json!({"message": "404: Not Found", "code": 0}))),
    }
}

/// The interaction webhook: the token in the path is the credential, no
/// bot token is needed. Answers the message it made or edited.
fn webhook(
    s: &Shared,
    method: &str,
    path: &str,
    auth: &str,
    body: &[u8],
) -> Option<(u16, Option<Value>)> {
    let path_only = path.split('?').next().unwrap_or("");
    let parts: Vec<&str> = path_only
        .trim_start_matches("/api/v10/")
        .split('/')
        .collect();
    let ok = match (method, parts.as_slice()) {
        ("POST", ["webhooks", app, _token]) => *app == APP_ID,
        ("PATCH", ["webhooks", app, _token, "messages", "@original"]) => *app == APP_ID,
        _ => return None,
    };
    if !ok {
        return Some((
            404,
            Some(json!({"message": "Unknown Webhook", "code": 10015})),
        ));
    }
    let sent: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    let _ = s.events.send(Event::Webhook {
        method: method.to_string(),
        path: path.to_string(),
        auth: auth.to_string(),
        body: sent.clone(),
    });
    let message = json!({
        "id": "1352900000000000001", "channel_id": "1352900000000000002",
        "author": bot_user(), "content": sent["content"].as_str().unwrap_or(""),
        "timestamp": "2026-01-01T00:00:00.000000+00:00", "edited_timestamp": null,
        "tts": false, "mention_everyone": false, "mentions": [], "mention_roles": [],
        "attachments": [], "embeds": [], "pinned": false, "type": 0
    });
    Some((200, Some(message)))
}

async fn ws_connection(sock: TcpStream, s: Arc<Shared>) {
    let Ok(mut ws) = tokio_tungstenite::accept_async(sock).await else {
        return;
    };
    let _ = s.events.send(Event::Connected);
    // One connection at a time takes the test's instructions.
    let mut control = s.control.lock().await;
    let hello = json!({"op": 10, "d": {"heartbeat_interval": HEARTBEAT_MS}, "s": null, "t": null});
    if ws.send(Message::Text(hello.to_string())).await.is_err() {
        return;
    }
    loop {
        tokio::select! {
            msg = ws.next() => {
                let text = match msg {
                    Some(Ok(Message::Text(t))) => t,
                    Some(Ok(Message::Close(frame))) => {
                        let _ = s.events.send(Event::Closed(frame.map(|f| u16::from(f.code))));
                        // Complete the close handshake as Discord does.
                        let _ = ws.flush().await;
                        return;
                    }
                    Some(Ok(_)) => continue,
                    Some(Err(_)) | None => {
                        let _ = s.events.send(Event::Closed(None));
                        return;
                    }
                };
                let Ok(payload) = serde_json::from_str::<Value>(&text) else { continue };
                let reply = match payload["op"].as_u64() {
                    Some(1) => {
                        let _ = s.events.send(Event::Heartbeat);
                        json!({"op": 11, "d": null, "s": null, "t": null})
                    }
                    Some(2) => {
                        let _ = s.events.send(Event::Identify(payload["d"].clone()));
                        let token = payload["d"]["token"].as_str().unwrap_or("");
                        if token.trim_start_matches("Bot ") != s.token {
                            let _ = ws.close(Some(CloseFrame { code: CloseCode::from(4004), reason: "Authentication failed.".into() })).await;
                            return;
                        }
                        let session = s.sessions.fetch_add(1, Ordering::SeqCst) + 1;
                        let seq = s.seq.fetch_add(1, Ordering::SeqCst) + 1;
                        json!({"op": 0, "s": seq, "t": "READY", "d": {
                            "v": 10, "user": bot_user(),
                            "guilds": [{"id": GUILD_ID.to_string(), "unavailable": true}],
                            "session_id": format!("fake-session-{session}"),
                            "resume_gateway_url": s.gateway_url,
                            "shard": [0, 1],
                            "application": {"id": APP_ID, "flags": 0}
                        }})
                    }
                    Some(6) => {
                        let _ = s.events.send(Event::Resume(payload["d"].clone()));
                        let seq = s.seq.fetch_add(1, Ordering::SeqCst) + 1;
                        json!({"op": 0, "s": seq, "t": "RESUMED", "d": {}})
                    }
                    _ => continue,
                };
                if ws.send(Message::Text(reply.to_string())).await.is_err() {
                    return;
                }
            }
            c = control.recv() => match c {
                Some(Control::Dispatch { t, d }) => {
                    let seq = s.seq.fetch_add(1, Ordering::SeqCst) + 1;
                    let msg = json!({"op": 0, "s": seq, "t": t, "d": d});
                    if ws.send(Message::Text(msg.to_string())).await.is_err() {
                        return;
                    }
                }
                Some(Control::Close(code)) => {
                    let _ = ws.close(Some(CloseFrame { code: CloseCode::from(code), reason: "fake close".into() })).await;
                    // Let the client see the frame before the socket goes.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    return;
                }
                None => return,
            }
        }
    }
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
