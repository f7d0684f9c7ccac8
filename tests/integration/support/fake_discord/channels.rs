//! The fake Discord's channels: messages the bot posts on its own
//! (`POST /channels/{id}/messages`), threads started on them (`POST
//! /channels/{id}/messages/{mid}/threads`), direct-message channels (`POST
//! /users/@me/channels`), and channels the test makes fail with a status
//! (403 Missing Permissions, 404 Unknown Channel), for posts or for threads
//! only.

use std::sync::atomic::Ordering;

use serde_json::{json, Value};

use super::{bot_user, Event, Shared, GUILD_ID};

/// The direct-message channel every DM goes through.
pub const DM_CHANNEL: u64 = 1352800000000000001;

fn fresh_id(s: &Shared) -> u64 {
    1352700000000000000 + s.next_id.fetch_add(1, Ordering::SeqCst)
}

fn message(id: u64, channel: u64, sent: &Value) -> Value {
    json!({
        "id": id.to_string(), "channel_id": channel.to_string(),
        "author": bot_user(), "content": sent["content"].as_str().unwrap_or(""),
        "timestamp": "2026-01-01T00:00:00.000000+00:00", "edited_timestamp": null,
        "tts": false, "mention_everyone": false, "mentions": [], "mention_roles": [],
        "attachments": [], "embeds": [], "pinned": false, "type": 0
    })
}

fn refusal(status: u16) -> (u16, Option<Value>) {
    let body = match status {
        403 => json!({"message": "Missing Permissions", "code": 50013}),
        404 => json!({"message": "Unknown Channel", "code": 10003}),
        _ => json!({"message": "Internal Server Error", "code": 0}),
    };
    (status, Some(body))
}

/// Answers the channel routes; `None` for any other route.
pub(super) fn route(
    s: &Shared,
    method: &str,
    parts: &[&str],
    body: &[u8],
) -> Option<(u16, Option<Value>)> {
    let sent: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    match (method, parts) {
        ("POST", ["channels", channel, "messages"]) => {
            let channel: u64 = channel.parse().ok()?;
            if let Some(status) = s.failing.lock().unwrap().get(&channel) {
                return Some(refusal(*status));
            }
            let id = fresh_id(s);
            let _ = s.events.send(Event::Posted {
                channel,
                message: id,
                body: sent.clone(),
            });
            Some((200, Some(message(id, channel, &sent))))
        }
        ("POST", ["channels", channel, "messages", message, "threads"]) => {
            let channel: u64 = channel.parse().ok()?;
            let message: u64 = message.parse().ok()?;
            if let Some(status) = s.failing_threads.lock().unwrap().get(&channel) {
                return Some(refusal(*status));
            }
            let _ = s.events.send(Event::Thread {
                channel,
                message,
                name: sent["name"].as_str().unwrap_or("").to_string(),
            });
            Some((
                200,
                Some(json!({
                    "id": message.to_string(), "type": 11, "guild_id": GUILD_ID.to_string(),
                    "name": sent["name"], "parent_id": channel.to_string(),
                    "owner_id": super::BOT_ID, "permission_overwrites": [], "position": 0,
                    "nsfw": false, "rate_limit_per_user": 0, "flags": 0,
                    "member_count": 1, "message_count": 0,
                    "thread_metadata": {"archived": false, "auto_archive_duration": 1440,
                        "archive_timestamp": "2026-01-01T00:00:00.000000+00:00", "locked": false}
                })),
            ))
        }
        ("POST", ["users", "@me", "channels"]) => {
            let recipient: u64 = sent["recipient_id"]
                .as_str()
                .and_then(|r| r.parse().ok())
                .or_else(|| sent["recipient_id"].as_u64())?;
            let _ = s.events.send(Event::DmOpened { recipient });
            Some((
                200,
                Some(json!({
                    "id": DM_CHANNEL.to_string(), "type": 1, "last_message_id": null,
                    "recipients": [{"id": recipient.to_string(), "username": "admin",
                        "discriminator": "0", "global_name": null, "avatar": null}]
                })),
            ))
        }
        _ => None,
    }
}
