//! What the bot may do in a channel, asked over REST when `/daily set`
//! names one: neither transport keeps a cache (the gateway's is lean on
//! purpose, the HTTP endpoint has none), so the bot's member, the server
//! (its roles and owner) and the channel (its overwrites) are fetched with
//! the bot token, and the permissions are computed from them by serenity's
//! [`PartialGuild::user_permissions_in`] (Discord's order: owner,
//! @everyone, roles, Administrator, then the channel's @everyone, role and
//! member overwrites, deny before allow at each level).
//!
//! [`access`] is that computation, pure; [`HttpPoster`] (the scheduler's
//! REST client, pointed at a fake Discord in tests) does the fetching, with
//! a deadline well inside the three seconds an interaction may take.
//! Anything that goes wrong is [`Access::Unknown`]: the schedule is then
//! saved unchecked, as before, and a failed post is still reported.

use std::time::Duration;

use async_trait::async_trait;
use serenity::all::{
    Channel, ChannelId, GuildChannel, GuildId, Member, PartialGuild, Permissions, UserId,
};
use serenity::http::HttpError;

use super::poster::HttpPoster;
use crate::daily::{Access, ChannelCheck, Permission};

/// Longest the whole check may take before the answer goes out unchecked.
pub const CHECK_DEADLINE: Duration = Duration::from_millis(1500);

/// The Discord permission bit of each permission a daily post needs.
fn bit(permission: Permission) -> Permissions {
    match permission {
        Permission::ViewChannel => Permissions::VIEW_CHANNEL,
        Permission::SendMessages => Permissions::SEND_MESSAGES,
        Permission::EmbedLinks => Permissions::EMBED_LINKS,
        Permission::CreatePublicThreads => Permissions::CREATE_PUBLIC_THREADS,
    }
}

/// What `bot` may do in `channel` of `guild`, for a daily post: the
/// permissions it lacks there, or [`Access::Gone`] when the channel isn't
/// this server's.
pub fn access(guild: &PartialGuild, channel: &GuildChannel, bot: &Member) -> Access {
    if channel.guild_id != guild.id {
        return Access::Gone;
    }
    let has = guild.user_permissions_in(channel, bot);
    let lacking: Vec<Permission> = Permission::NEEDED
        .into_iter()
        .filter(|&p| !has.contains(bit(p)))
        .collect();
    if lacking.is_empty() {
        Access::Ready
    } else {
        Access::Lacking(lacking)
    }
}

/// The HTTP status of a refused request, if that is what `error` is.
fn status(error: &serenity::Error) -> Option<u16> {
    match error {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) => Some(r.status_code.as_u16()),
        _ => None,
    }
}

impl HttpPoster {
    /// The bot's own user id (asked once, then kept).
    async fn bot_id(&self) -> Result<UserId, serenity::Error> {
        let id = self
            .bot
            .get_or_try_init(|| async { self.http.get_current_user().await.map(|u| u.id) })
            .await?;
        Ok(*id)
    }

    async fn fetch_access(&self, guild: u64, channel: u64) -> Result<Access, serenity::Error> {
        let (guild, channel) = (GuildId::new(guild), ChannelId::new(channel));
        let channel = match self.http.get_channel(channel).await {
            Ok(Channel::Guild(c)) => c,
            Ok(_) => return Ok(Access::Gone),
            // The bot can't see it at all.
            Err(e) if status(&e) == Some(403) => {
                return Ok(Access::Lacking(Permission::NEEDED.to_vec()))
            }
            Err(e) if status(&e) == Some(404) => return Ok(Access::Gone),
            Err(e) => return Err(e),
        };
        let bot = self.bot_id().await?;
        let server = self.http.get_guild(guild).await?;
        let member = self.http.get_member(guild, bot).await?;
        Ok(access(&server, &channel, &member))
    }
}

#[async_trait]
impl ChannelCheck for HttpPoster {
    async fn bot_access(&self, guild: u64, channel: u64) -> Access {
        if guild == 0 || channel == 0 {
            return Access::Gone;
        }
        match tokio::time::timeout(CHECK_DEADLINE, self.fetch_access(guild, channel)).await {
            Ok(Ok(access)) => access,
            Ok(Err(error)) => {
                tracing::warn!(%error, "the bot's permissions in the channel could not be read");
                Access::Unknown
            }
            Err(_) => {
                tracing::warn!("the bot's permissions in the channel took too long to read");
                Access::Unknown
            }
        }
    }
}
