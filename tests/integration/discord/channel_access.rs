//! What the bot may do in a channel (`discord::channel_access::access`):
//! Discord's permission order computed from the server's roles, the bot's
//! member and the channel's overwrites, as Discord's REST API sends them.

use lectern::daily::{Access, Permission};
use lectern::discord::channel_access::access;
use serde_json::Value;
use serenity::all::{GuildChannel, Member, PartialGuild};

use crate::support::fake_discord::guild::{
    channel, guild, member, overwrite, ADMINISTRATOR, CREATE_PUBLIC_THREADS, EMBED_LINKS,
    SEND_MESSAGES, VIEW_CHANNEL,
};

const GUILD: u64 = 1219000000000000002;
const BOT: u64 = 1351200000000000001;
const ROLE: u64 = 1219000000000000077;
const OTHER_ROLE: u64 = 1219000000000000078;
const OWNER: u64 = 404000000000000001;
const CHANNEL: u64 = 1300000000000000077;
const ALL_NEEDED: u64 = VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | CREATE_PUBLIC_THREADS;

/// The bot (with [`ROLE`] and [`OTHER_ROLE`]) in a server where @everyone
/// has `everyone`, [`ROLE`] has `role` and [`OTHER_ROLE`] nothing, owned by
/// `owner`, in a channel with `overwrites`.
fn bot_access(owner: u64, everyone: u64, role: u64, overwrites: Vec<Value>) -> Access {
    let guild: PartialGuild = serde_json::from_value(guild(
        GUILD,
        owner,
        &[(GUILD, everyone), (ROLE, role), (OTHER_ROLE, 0)],
    ))
    .expect("a guild");
    let bot: Member = {
        let mut m = member(BOT, &[ROLE, OTHER_ROLE]);
        m["guild_id"] = GUILD.to_string().into();
        serde_json::from_value(m).expect("a member")
    };
    let channel: GuildChannel =
        serde_json::from_value(channel(CHANNEL, GUILD, overwrites)).expect("a channel");
    access(&guild, &channel, &bot)
}

fn lacking(permissions: &[Permission]) -> Access {
    Access::Lacking(permissions.to_vec())
}

#[test]
fn everyone_and_role_permissions_add_up() {
    assert_eq!(
        bot_access(
            OWNER,
            VIEW_CHANNEL | SEND_MESSAGES,
            EMBED_LINKS | CREATE_PUBLIC_THREADS,
            vec![]
        ),
        Access::Ready
    );
    assert_eq!(
        bot_access(OWNER, VIEW_CHANNEL | SEND_MESSAGES, 0, vec![]),
        lacking(&[Permission::EmbedLinks, Permission::CreatePublicThreads])
    );
    assert_eq!(
        bot_access(OWNER, 0, 0, vec![]),
        lacking(&Permission::NEEDED),
        "nothing at all"
    );
}

#[test]
fn the_owner_and_administrator_may_do_anything_whatever_the_overwrites() {
    let deny_all = vec![
        overwrite(GUILD, false, 0, ALL_NEEDED),
        overwrite(BOT, true, 0, ALL_NEEDED),
    ];
    assert_eq!(
        bot_access(BOT, 0, 0, deny_all.clone()),
        Access::Ready,
        "owner"
    );
    assert_eq!(
        bot_access(OWNER, 0, ADMINISTRATOR, deny_all),
        Access::Ready,
        "administrator"
    );
}

#[test]
fn the_channels_everyone_overwrite_denies_then_allows() {
    assert_eq!(
        bot_access(
            OWNER,
            ALL_NEEDED,
            0,
            vec![overwrite(GUILD, false, 0, SEND_MESSAGES)]
        ),
        lacking(&[Permission::SendMessages])
    );
    assert_eq!(
        bot_access(
            OWNER,
            VIEW_CHANNEL,
            0,
            vec![overwrite(GUILD, false, ALL_NEEDED, 0)]
        ),
        Access::Ready
    );
}

#[test]
fn a_role_overwrite_beats_everyones_and_a_member_overwrite_beats_the_roles() {
    let everyone_denies = overwrite(GUILD, false, 0, SEND_MESSAGES | EMBED_LINKS);
    let role_allows = overwrite(ROLE, false, SEND_MESSAGES | EMBED_LINKS, 0);
    assert_eq!(
        bot_access(
            OWNER,
            ALL_NEEDED,
            0,
            vec![everyone_denies.clone(), role_allows.clone()]
        ),
        Access::Ready
    );
    let member_denies = overwrite(BOT, true, 0, EMBED_LINKS);
    assert_eq!(
        bot_access(
            OWNER,
            ALL_NEEDED,
            0,
            vec![everyone_denies, role_allows, member_denies]
        ),
        lacking(&[Permission::EmbedLinks])
    );
    let member_allows = overwrite(BOT, true, CREATE_PUBLIC_THREADS, 0);
    let role_denies = overwrite(ROLE, false, 0, CREATE_PUBLIC_THREADS);
    assert_eq!(
        bot_access(OWNER, ALL_NEEDED, 0, vec![role_denies, member_allows]),
        Access::Ready
    );
}

/// Discord's rule at the role level: every matching role's deny is taken
/// away first, then every matching role's allow is added, so one role's
/// allow wins over another role's deny.
#[test]
fn among_roles_an_allow_wins_over_another_roles_deny() {
    let role_denies = overwrite(ROLE, false, 0, SEND_MESSAGES);
    let other_allows = overwrite(OTHER_ROLE, false, SEND_MESSAGES, 0);
    assert_eq!(
        bot_access(
            OWNER,
            ALL_NEEDED,
            0,
            vec![role_denies.clone(), other_allows]
        ),
        Access::Ready
    );
    assert_eq!(
        bot_access(OWNER, ALL_NEEDED, 0, vec![role_denies]),
        lacking(&[Permission::SendMessages])
    );
}

#[test]
fn an_overwrite_for_a_role_or_member_the_bot_lacks_changes_nothing() {
    let strangers = vec![
        overwrite(1219000000000000099, false, 0, ALL_NEEDED),
        overwrite(700000000000000005, true, 0, ALL_NEEDED),
    ];
    assert_eq!(bot_access(OWNER, ALL_NEEDED, 0, strangers), Access::Ready);
}

#[test]
fn another_servers_channel_is_gone() {
    let guild: PartialGuild =
        serde_json::from_value(guild(GUILD, OWNER, &[(GUILD, ALL_NEEDED)])).unwrap();
    let mut bot = member(BOT, &[]);
    bot["guild_id"] = GUILD.to_string().into();
    let bot: Member = serde_json::from_value(bot).unwrap();
    let elsewhere: GuildChannel =
        serde_json::from_value(channel(CHANNEL, 1219000000000000555, vec![])).unwrap();
    assert_eq!(access(&guild, &elsewhere, &bot), Access::Gone);
}
