//! The few reads and writes the study commands need, as a small async trait.
//!
//! The answers stay pure: they are handed a [`Book`] and a [`Member`] and
//! never open a connection themselves. [`crate::store::SharedStore`] is the
//! real book (SQLite or PostgreSQL); [`super::MemoryBook`] is the in-memory
//! double the tests use (it can also pretend to be down).

use async_trait::async_trait;

use super::{GuildSettings, MemberTotals};

/// The member the console and `lectern ask` act as: one local member…
pub const LOCAL_USER: u64 = 1;
/// …in one local server. Discord ids are far larger, so these never collide
/// with a real server's rows in a shared database.
pub const LOCAL_GUILD: u64 = 1;

/// Who asked, as the adapter read it from the interaction. Only the ids are
/// ever stored; the name is for this one reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub user: u64,
    /// The server; `0` in a direct message (progress outside any server).
    pub guild: u64,
    /// The display name, for rendering only.
    pub name: String,
    /// May change the server's settings (Manage Server or Administrator).
    pub manager: bool,
}

impl Member {
    /// The console's and `ask`'s member (see [`LOCAL_USER`]).
    pub fn local() -> Member {
        Member {
            user: LOCAL_USER,
            guild: LOCAL_GUILD,
            name: String::new(),
            manager: true,
        }
    }
}

/// One chapter marked watched: by whom, in which server, when, and the
/// server's local day it counts as studied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark<'a> {
    pub guild: u64,
    pub user: u64,
    pub course: &'a str,
    pub chapter: u32,
    /// Unix seconds.
    pub at: i64,
    /// The server's local date, `YYYY-MM-DD`.
    pub day: &'a str,
}

/// One watched chapter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Watched {
    pub course: String,
    pub chapter: u32,
    /// Unix seconds.
    pub at: i64,
}

/// The book could not be read or written (down, locked, misconfigured). The
/// reason is for the log; members get one fixed line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the study database is unavailable: {0}")]
pub struct Unavailable(pub String);

/// Study state, per server. Every write is committed before it returns.
#[async_trait]
pub trait Book: Send + Sync {
    /// Marks a chapter watched and its day studied; `false` when already marked.
    async fn mark_watched(&self, mark: &Mark<'_>) -> Result<bool, Unavailable>;
    /// [`Book::mark_watched`], then everything `user` watched in `guild`
    /// (what a mark's reply shows). A backend that can read it back with the
    /// write does so in one round trip.
    async fn mark_and_list(&self, mark: &Mark<'_>) -> Result<(bool, Vec<Watched>), Unavailable> {
        let added = self.mark_watched(mark).await?;
        Ok((added, self.watched(mark.guild, mark.user).await?))
    }
    /// Removes a mark; `false` when there was none.
    async fn unwatch(
        &self,
        guild: u64,
        user: u64,
        course: &str,
        chapter: u32,
    ) -> Result<bool, Unavailable>;
    /// Everything `user` watched in `guild`.
    async fn watched(&self, guild: u64, user: u64) -> Result<Vec<Watched>, Unavailable>;
    /// The days (`YYYY-MM-DD`) `user` studied in `guild`.
    async fn study_days(&self, guild: u64, user: u64) -> Result<Vec<String>, Unavailable>;
    /// Per member of `guild`: chapters watched in `course` and the latest watch.
    async fn member_totals(
        &self,
        guild: u64,
        course: Option<&str>,
    ) -> Result<Vec<MemberTotals>, Unavailable>;
    /// Every (member, chapter) watched in `course` in `guild`.
    async fn course_marks(&self, guild: u64, course: &str) -> Result<Vec<(u64, u32)>, Unavailable>;
    /// The server's settings (all `None` when never set).
    async fn settings(&self, guild: u64) -> Result<GuildSettings, Unavailable>;
    async fn save_settings(&self, guild: u64, settings: &GuildSettings) -> Result<(), Unavailable>;
    /// Deletes every row about `user` in every server; how many went.
    async fn forget_member(&self, user: u64) -> Result<u64, Unavailable>;
}
