//! Discord-shaped interaction JSON built from a [`Command`], for tooling.
//!
//! `lectern ask … --format discord` builds the interaction Discord would send
//! for a typed slash line, deserialises it with serenity exactly as the
//! gateway does, and prints what [`super::handle`] answers — the same code
//! path as a real click or command, without a connection. The shapes follow
//! Discord's documented interaction object (guild context, a member with its
//! user, `entitlements`, `authorizing_integration_owners`, …).

use serde_json::{json, Map, Value};

use super::commands::{self, Kind};
use crate::answer::Command;

/// Ids used by synthetic interactions (valid snowflakes, obviously fake).
pub const APPLICATION_ID: &str = "1100000000000000001";
pub const GUILD_ID: &str = "1100000000000000002";
pub const CHANNEL_ID: &str = "1100000000000000003";
pub const USER_ID: &str = "1100000000000000004";
pub const INTERACTION_ID: &str = "1100000000000000005";
pub const COMMAND_ID: &str = "1100000000000000006";
pub const MESSAGE_ID: &str = "1100000000000000007";

/// A member's permissions in synthetic interactions: what a student has in a
/// typical server (no Manage Server, no Administrator).
pub const MEMBER_PERMISSIONS: u64 = 2_248_473_465_835_073;
/// The same plus Manage Server (`1 << 5`): may `/reload`.
pub const MANAGER_PERMISSIONS: u64 = MEMBER_PERMISSIONS | (1 << 5);

/// Option types as Discord numbers them.
const STRING: u8 = 3;
const INTEGER: u8 = 4;
const BOOLEAN: u8 = 5;
const CHANNEL: u8 = 7;

/// The interaction fields every kind shares.
fn base(kind: u8, locale: &str, data: Value) -> Map<String, Value> {
    let value = json!({
        "id": INTERACTION_ID,
        "application_id": APPLICATION_ID,
        "type": kind,
        "data": data,
        "guild_id": GUILD_ID,
        "channel": {
            "id": CHANNEL_ID,
            "type": 0,
            "name": "study-group",
            "guild_id": GUILD_ID,
            "permissions": "2248473465835073",
            "flags": 0,
            "nsfw": false,
            "parent_id": null,
            "position": 0,
            "topic": null,
            "rate_limit_per_user": 0,
            "last_message_id": null
        },
        "channel_id": CHANNEL_ID,
        "member": {
            "user": {
                "id": USER_ID,
                "username": "student",
                "discriminator": "0",
                "global_name": "Student",
                "avatar": null,
                "public_flags": 0,
                "avatar_decoration_data": null,
                "clan": null,
                "primary_guild": null
            },
            "roles": [],
            "joined_at": "2024-03-01T09:00:00.000000+00:00",
            "premium_since": null,
            "deaf": false,
            "mute": false,
            "pending": false,
            "nick": null,
            "avatar": null,
            "banner": null,
            "communication_disabled_until": null,
            "unusual_dm_activity_until": null,
            "permissions": MEMBER_PERMISSIONS.to_string(),
            "flags": 0
        },
        "token": "synthetic-interaction-token",
        "version": 1,
        "app_permissions": "2248473465835073",
        "locale": locale,
        "guild_locale": "ko",
        "entitlements": [],
        "entitlement_sku_ids": [],
        "authorizing_integration_owners": { "0": GUILD_ID },
        "context": 0,
        "attachment_size_limit": 10485760
    });
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

fn option(name: &str, kind: u8, value: Value) -> Value {
    json!({ "name": name, "type": kind, "value": value })
}

/// The options Discord would send for a command, in registration order.
pub fn options_of(command: &Command, hide: Option<bool>) -> Vec<Value> {
    let given = command.spec().all_options().zip(command.values());
    let mut out: Vec<Value> = given
        .filter_map(|(o, value)| {
            let value = value?;
            Some(match (o.kind, value.parse::<i64>()) {
                (Kind::Number { .. }, Ok(n)) => option(o.name, INTEGER, json!(n)),
                (Kind::Channel, Ok(_)) => option(o.name, CHANNEL, json!(value)),
                _ => option(o.name, STRING, json!(value)),
            })
        })
        .collect();
    out.extend(hide.map(|h| option(commands::HIDE.name, BOOLEAN, json!(h))));
    out
}

/// An APPLICATION_COMMAND (type 2) interaction for a command.
pub fn command_interaction(command: &Command, hide: Option<bool>, locale: &str) -> Value {
    let data = json!({
        "id": COMMAND_ID,
        "name": command.name(),
        "type": 1,
        "guild_id": GUILD_ID,
        "options": options_of(command, hide),
    });
    Value::Object(base(2, locale, data))
}

/// A `/reload` (type 2) from a member with these permission bits (e.g.
/// [`MEMBER_PERMISSIONS`], refused, or [`MANAGER_PERMISSIONS`]).
pub fn reload_interaction(permissions: u64, locale: &str) -> Value {
    let data = json!({
        "id": COMMAND_ID,
        "name": super::reload::NAME,
        "type": 1,
        "guild_id": GUILD_ID,
        "options": [],
    });
    let mut map = base(2, locale, data);
    map["member"]["permissions"] = json!(permissions.to_string());
    Value::Object(map)
}

/// An APPLICATION_COMMAND_AUTOCOMPLETE (type 4) interaction: `focused` is the
/// option being typed, `others` the options already filled in.
pub fn autocomplete_interaction(
    command: &str,
    focused: &str,
    typed: &str,
    others: &[(&str, &str)],
    locale: &str,
) -> Value {
    let mut options: Vec<Value> = others
        .iter()
        .map(|(name, value)| option(name, STRING, json!(value)))
        .collect();
    options.push(json!({ "name": focused, "type": STRING, "value": typed, "focused": true }));
    let data = json!({
        "id": COMMAND_ID,
        "name": command,
        "type": 1,
        "guild_id": GUILD_ID,
        "options": options,
    });
    Value::Object(base(4, locale, data))
}

/// A MESSAGE_COMPONENT (type 3) interaction: a click on a button of a message
/// the bot sent earlier (`ephemeral` when that message was).
pub fn component_interaction(custom_id: &str, locale: &str, ephemeral: bool) -> Value {
    let data = json!({ "custom_id": custom_id, "component_type": 2 });
    let mut map = base(3, locale, data);
    map.insert(
        "message".into(),
        json!({
            "id": MESSAGE_ID,
            "channel_id": CHANNEL_ID,
            "type": 20,
            "content": "",
            "author": {
                "id": APPLICATION_ID,
                "username": "Lectern",
                "discriminator": "0",
                "global_name": null,
                "avatar": null,
                "bot": true,
                "public_flags": 0
            },
            "attachments": [],
            "embeds": [],
            "mentions": [],
            "mention_roles": [],
            "mention_everyone": false,
            "pinned": false,
            "tts": false,
            "timestamp": "2025-02-01T12:00:00.000000+00:00",
            "edited_timestamp": null,
            "flags": if ephemeral { 64 } else { 0 },
            "components": [{
                "type": 1,
                "components": [{ "type": 2, "style": 2, "label": "▶", "custom_id": custom_id }]
            }],
            "application_id": APPLICATION_ID,
            "webhook_id": APPLICATION_ID,
            "interaction_metadata": {
                "id": "1100000000000000008",
                "type": 2,
                "user": {
                    "id": USER_ID,
                    "username": "student",
                    "discriminator": "0",
                    "global_name": "Student",
                    "avatar": null,
                    "public_flags": 0
                },
                "authorizing_integration_owners": { "0": GUILD_ID },
                "name": "summary",
                "command_type": 1
            }
        }),
    );
    Value::Object(map)
}
