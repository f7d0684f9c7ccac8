//! The store as the commands' [`Book`]: each call takes the open store from
//! [`SharedStore`] (reopening it when it was down) and maps every failure to
//! [`Unavailable`], which the commands answer with one fixed line.

use async_trait::async_trait;

use super::{SharedStore, StoreError, WatchedRow};
use crate::study::{Book, GuildSettings, Mark, MemberTotals, Unavailable, Watched};

fn watched(row: WatchedRow) -> Watched {
    Watched {
        course: row.course,
        chapter: row.chapter,
        at: row.watched_at,
    }
}

fn unavailable(error: StoreError) -> Unavailable {
    tracing::warn!(%error, "study database call failed");
    Unavailable(error.to_string())
}

#[async_trait]
impl Book for SharedStore {
    async fn mark_watched(&self, mark: &Mark<'_>) -> Result<bool, Unavailable> {
        let store = self.get().await.map_err(unavailable)?;
        store.mark_watched(mark).await.map_err(unavailable)
    }

    async fn mark_and_list(&self, mark: &Mark<'_>) -> Result<(bool, Vec<Watched>), Unavailable> {
        let store = self.get().await.map_err(unavailable)?;
        let marked = store.mark(mark).await.map_err(unavailable)?;
        Ok((
            marked.added,
            marked.watched.into_iter().map(watched).collect(),
        ))
    }

    async fn unwatch(
        &self,
        guild: u64,
        user: u64,
        course: &str,
        chapter: u32,
    ) -> Result<bool, Unavailable> {
        let store = self.get().await.map_err(unavailable)?;
        store
            .unwatch(guild, user, course, chapter)
            .await
            .map_err(unavailable)
    }

    async fn watched(&self, guild: u64, user: u64) -> Result<Vec<Watched>, Unavailable> {
        let store = self.get().await.map_err(unavailable)?;
        let rows = store.watched(guild, user).await.map_err(unavailable)?;
        Ok(rows.into_iter().map(watched).collect())
    }

    async fn study_days(&self, guild: u64, user: u64) -> Result<Vec<String>, Unavailable> {
        let store = self.get().await.map_err(unavailable)?;
        store.study_days(guild, user).await.map_err(unavailable)
    }

    async fn member_totals(
        &self,
        guild: u64,
        course: Option<&str>,
    ) -> Result<Vec<MemberTotals>, Unavailable> {
        let store = self.get().await.map_err(unavailable)?;
        store
            .member_totals(guild, course)
            .await
            .map_err(unavailable)
    }

    async fn course_marks(&self, guild: u64, course: &str) -> Result<Vec<(u64, u32)>, Unavailable> {
        let store = self.get().await.map_err(unavailable)?;
        store.course_marks(guild, course).await.map_err(unavailable)
    }

    async fn settings(&self, guild: u64) -> Result<GuildSettings, Unavailable> {
        if let Some(settings) = self.fresh_settings(guild) {
            return Ok(settings);
        }
        let store = self.get().await.map_err(unavailable)?;
        let settings = store.settings(guild).await.map_err(unavailable)?;
        self.keep_settings(guild, &settings);
        Ok(settings)
    }

    async fn save_settings(&self, guild: u64, settings: &GuildSettings) -> Result<(), Unavailable> {
        let store = self.get().await.map_err(unavailable)?;
        store
            .save_settings(guild, settings)
            .await
            .map_err(unavailable)?;
        self.keep_settings(guild, settings);
        Ok(())
    }

    async fn forget_member(&self, user: u64) -> Result<u64, Unavailable> {
        let store = self.get().await.map_err(unavailable)?;
        store.forget_member(user).await.map_err(unavailable)
    }
}
