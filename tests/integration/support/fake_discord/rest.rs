//! The fake's REST routes: the gateway URL, the bot user and application,
//! command registration, interaction callbacks and the interaction webhook;
//! channels and the server are routed on to [`super::channels`] and
//! [`super::guild`].

use serde_json::{json, Value};

use super::{bot_user, channels, guild, Event, Shared, APP_ID};

pub(super) fn route(
    s: &Shared,
    method: &str,
    path: &str,
    auth: &str,
    body: &[u8],
) -> (u16, Option<Value>) {
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
