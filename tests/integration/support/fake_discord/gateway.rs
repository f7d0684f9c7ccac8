//! The fake's gateway over plain `ws://`: Hello, Identify → READY, Resume →
//! RESUMED, heartbeats, and the dispatches and closes the test asks for.

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::Message;

use super::{bot_user, Control, Event, Shared, APP_ID, GUILD_ID, HEARTBEAT_MS};

pub(super) async fn ws_connection(sock: TcpStream, s: Arc<Shared>) {
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
