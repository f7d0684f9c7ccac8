//! Whether the bot can post in a channel, asked when `/daily set` names one
//! (so a missing permission is said at once, not the next morning). The
//! asking is the adapter's — Discord over REST, see
//! `discord::channel_access` — behind [`ChannelCheck`]; the core only reads
//! the answer, an [`Access`], and decides the words.

use async_trait::async_trait;

/// A permission the daily post needs in its channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Permission {
    ViewChannel,
    SendMessages,
    EmbedLinks,
    CreatePublicThreads,
}

impl Permission {
    /// Every permission a daily post needs, in the order they are named.
    pub const NEEDED: [Permission; 4] = [
        Permission::ViewChannel,
        Permission::SendMessages,
        Permission::EmbedLinks,
        Permission::CreatePublicThreads,
    ];
}

/// What the bot may do in a channel, as far as the daily post is concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    /// Every [`Permission::NEEDED`] is there.
    Ready,
    /// These are missing (in [`Permission::NEEDED`] order, never empty).
    Lacking(Vec<Permission>),
    /// No such channel in this server (deleted, or another server's).
    Gone,
    /// Couldn't be found out (no token, Discord slow or down): the schedule
    /// is saved as it would be without a check.
    Unknown,
}

/// Finds out what the bot may do in a channel of a server.
#[async_trait]
pub trait ChannelCheck: Send + Sync {
    async fn bot_access(&self, guild: u64, channel: u64) -> Access;
}
