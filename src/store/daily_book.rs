//! The store as the daily post's [`DailyBook`]: each call takes the open
//! store from [`SharedStore`] and maps every failure to [`Unavailable`].

use async_trait::async_trait;

use super::{SharedStore, StoreError};
use crate::daily::{Outcome, Post, Schedule};
use crate::study::{DailyBook, Unavailable};

fn unavailable(error: StoreError) -> Unavailable {
    tracing::warn!(%error, "daily post database call failed");
    Unavailable(error.to_string())
}

#[async_trait]
impl DailyBook for SharedStore {
    async fn schedules(&self, guild: Option<u64>) -> Result<Vec<Schedule>, Unavailable> {
        let store = self.get().await.map_err(unavailable)?;
        store.schedules(guild).await.map_err(unavailable)
    }

    async fn save_schedule(&self, schedule: &Schedule) -> Result<(), Unavailable> {
        let store = self.get().await.map_err(unavailable)?;
        store.save_schedule(schedule).await.map_err(unavailable)
    }

    async fn request_now(&self, guild: u64, course: &str, at: i64) -> Result<bool, Unavailable> {
        let store = self.get().await.map_err(unavailable)?;
        store
            .request_now(guild, course, at)
            .await
            .map_err(unavailable)
    }

    async fn remove_schedules(&self, guild: u64, course: Option<&str>) -> Result<u64, Unavailable> {
        let store = self.get().await.map_err(unavailable)?;
        store
            .remove_schedules(guild, course)
            .await
            .map_err(unavailable)
    }

    async fn claim_post(&self, post: &Post) -> Result<bool, Unavailable> {
        let store = self.get().await.map_err(unavailable)?;
        store.claim_post(post).await.map_err(unavailable)
    }

    async fn record_post(
        &self,
        guild: u64,
        course: &str,
        day: &str,
        outcome: &Outcome,
        next: Option<u32>,
    ) -> Result<(), Unavailable> {
        let store = self.get().await.map_err(unavailable)?;
        store
            .record_post(guild, course, day, outcome, next)
            .await
            .map_err(unavailable)
    }

    async fn recent_posts(
        &self,
        guild: u64,
        course: &str,
        limit: usize,
    ) -> Result<Vec<Post>, Unavailable> {
        let store = self.get().await.map_err(unavailable)?;
        store
            .recent_posts(guild, course, limit)
            .await
            .map_err(unavailable)
    }

    async fn hold_scheduler(&self) -> Result<bool, Unavailable> {
        self.hold_scheduler_lock().await.map_err(unavailable)
    }
}
