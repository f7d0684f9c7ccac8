//! The fake Discord's server, as `/daily set`'s channel check reads it:
//! `GET /guilds/{id}` (its roles and owner), `GET /guilds/{id}/members/{user}`
//! (the bot's roles) and `GET /channels/{id}` (a text channel with the
//! overwrites the test gave it; 404 for a channel made to fail with 404).
//! The JSON builders are Discord's shapes, also used to unit-test the
//! permission computation.
//!
//! The server: @everyone may View Channel and Send Messages; the bot's role
//! [`BOT_ROLE`] adds Embed Links and Create Public Threads; the owner is
//! someone else.

use serde_json::{json, Value};

use super::{Shared, BOT_ID, GUILD_ID};

/// The bot's own role in the fake server.
pub const BOT_ROLE: u64 = 1219000000000000077;
/// The fake server's owner (not the bot).
pub const OWNER: u64 = 404000000000000001;

/// Discord's permission bits used here.
pub const VIEW_CHANNEL: u64 = 1 << 10;
pub const SEND_MESSAGES: u64 = 1 << 11;
pub const EMBED_LINKS: u64 = 1 << 14;
pub const CREATE_PUBLIC_THREADS: u64 = 1 << 35;
pub const ADMINISTRATOR: u64 = 1 << 3;

/// A role with `permissions`.
pub fn role(id: u64, permissions: u64) -> Value {
    json!({
        "id": id.to_string(), "name": format!("role {id}"), "color": 0, "hoist": false,
        "colors": {"primary_color": 0, "secondary_color": null, "tertiary_color": null},
        "icon": null, "unicode_emoji": null, "position": 0,
        "permissions": permissions.to_string(), "managed": false, "mentionable": false,
        "flags": 0
    })
}

/// `GET /guilds/{id}`: a server owned by `owner` with `roles` (the
/// @everyone role is the one whose id is the server's).
pub fn guild(id: u64, owner: u64, roles: &[(u64, u64)]) -> Value {
    let roles: Vec<Value> = roles.iter().map(|&(r, p)| role(r, p)).collect();
    json!({
        "id": id.to_string(), "name": "study group", "icon": null, "icon_hash": null,
        "splash": null, "discovery_splash": null, "owner_id": owner.to_string(),
        "afk_channel_id": null, "afk_timeout": 300, "widget_enabled": false,
        "widget_channel_id": null, "verification_level": 0,
        "default_message_notifications": 0, "explicit_content_filter": 0,
        "roles": roles, "emojis": [], "features": [], "mfa_level": 0,
        "application_id": null, "system_channel_id": null, "system_channel_flags": 0,
        "rules_channel_id": null, "max_members": 500000, "vanity_url_code": null,
        "description": null, "banner": null, "premium_tier": 0,
        "premium_subscription_count": 0, "preferred_locale": "ko",
        "public_updates_channel_id": null, "max_video_channel_users": 25,
        "nsfw_level": 0, "stickers": [], "premium_progress_bar_enabled": false,
        "safety_alerts_channel_id": null
    })
}

/// `GET /guilds/{guild}/members/{user}`: `user` with `roles`.
pub fn member(user: u64, roles: &[u64]) -> Value {
    let roles: Vec<String> = roles.iter().map(u64::to_string).collect();
    json!({
        "user": {"id": user.to_string(), "username": "someone", "discriminator": "0",
            "global_name": null, "avatar": null, "bot": user.to_string() == BOT_ID},
        "nick": null, "avatar": null, "roles": roles,
        "joined_at": "2026-01-01T00:00:00.000000+00:00", "deaf": false, "mute": false,
        "flags": 0, "pending": false
    })
}

/// One channel overwrite: for a role (`member: false`) or a member, the
/// bits it allows and denies.
pub fn overwrite(id: u64, member: bool, allow: u64, deny: u64) -> Value {
    json!({
        "id": id.to_string(), "type": u8::from(member),
        "allow": allow.to_string(), "deny": deny.to_string()
    })
}

/// `GET /channels/{id}`: a text channel of `guild` with `overwrites`.
pub fn channel(id: u64, guild: u64, overwrites: Vec<Value>) -> Value {
    json!({
        "id": id.to_string(), "type": 0, "guild_id": guild.to_string(), "position": 0,
        "permission_overwrites": overwrites, "name": "study", "topic": null,
        "nsfw": false, "last_message_id": null, "rate_limit_per_user": 0,
        "parent_id": null, "flags": 0
    })
}

/// The fake server's roles.
pub fn roles() -> Vec<(u64, u64)> {
    vec![
        (GUILD_ID, VIEW_CHANNEL | SEND_MESSAGES),
        (BOT_ROLE, EMBED_LINKS | CREATE_PUBLIC_THREADS),
    ]
}

/// Answers the server routes; `None` for any other route.
pub(super) fn route(s: &Shared, method: &str, parts: &[&str]) -> Option<(u16, Option<Value>)> {
    let unknown = |what: &str, code: u32| Some((404, Some(json!({"message": what, "code": code}))));
    match (method, parts) {
        ("GET", ["guilds", id]) if *id == GUILD_ID.to_string() => {
            Some((200, Some(guild(GUILD_ID, OWNER, &roles()))))
        }
        ("GET", ["guilds", id, "members", user]) if *id == GUILD_ID.to_string() => {
            if *user == BOT_ID {
                Some((200, Some(member(BOT_ID.parse().ok()?, &[BOT_ROLE]))))
            } else {
                unknown("Unknown Member", 10007)
            }
        }
        ("GET", ["guilds", ..]) => unknown("Unknown Guild", 10004),
        ("GET", ["channels", id]) => {
            let id: u64 = id.parse().ok()?;
            if s.failing.lock().unwrap().get(&id) == Some(&404) {
                return unknown("Unknown Channel", 10003);
            }
            let overwrites = s
                .overwrites
                .lock()
                .unwrap()
                .get(&id)
                .cloned()
                .unwrap_or_default();
            Some((200, Some(channel(id, GUILD_ID, overwrites))))
        }
        _ => None,
    }
}
