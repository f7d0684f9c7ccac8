//! Progress: which chapters each member watched, and the days they studied.

use sqlx::Row;

use super::{from_db, to_db, Store, StoreError};
use crate::study::MemberTotals;

/// One watched chapter as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchedRow {
    pub course: String,
    pub chapter: u32,
    /// Unix seconds.
    pub watched_at: i64,
}

impl Store {
    /// Removes the mark; `Ok(false)` when there was none. Study days stay.
    pub async fn unwatch(
        &self,
        guild: u64,
        user: u64,
        course: &str,
        chapter: u32,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let removed = sqlx::query(
            "DELETE FROM progress WHERE guild_id = $1 AND user_id = $2 AND course = $3 AND chapter = $4",
        )
        .bind(to_db(guild))
        .bind(to_db(user))
        .bind(course)
        .bind(i64::from(chapter))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(removed > 0)
    }

    /// Everything `user` watched in `guild`, by course then chapter.
    pub async fn watched(&self, guild: u64, user: u64) -> Result<Vec<WatchedRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT course, chapter, watched_at FROM progress \
             WHERE guild_id = $1 AND user_id = $2 ORDER BY course, chapter",
        )
        .bind(to_db(guild))
        .bind(to_db(user))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(WatchedRow {
                    course: row.try_get(0)?,
                    chapter: u32::try_from(row.try_get::<i64, _>(1)?).unwrap_or(u32::MAX),
                    watched_at: row.try_get(2)?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(StoreError::from)
    }

    /// Every (member, chapter) watched in `course` in `guild`, for the board
    /// picture's grid.
    pub async fn course_marks(
        &self,
        guild: u64,
        course: &str,
    ) -> Result<Vec<(u64, u32)>, StoreError> {
        let rows = sqlx::query(
            "SELECT user_id, chapter FROM progress \
             WHERE guild_id = $1 AND course = $2 ORDER BY user_id, chapter",
        )
        .bind(to_db(guild))
        .bind(course)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok((
                    from_db(row.try_get(0)?),
                    u32::try_from(row.try_get::<i64, _>(1)?).unwrap_or(u32::MAX),
                ))
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(StoreError::from)
    }

    /// The days (`YYYY-MM-DD`) `user` studied in `guild`, oldest first.
    pub async fn study_days(&self, guild: u64, user: u64) -> Result<Vec<String>, StoreError> {
        let rows = sqlx::query(
            "SELECT day FROM activity_days WHERE guild_id = $1 AND user_id = $2 ORDER BY day",
        )
        .bind(to_db(guild))
        .bind(to_db(user))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| row.try_get(0))
            .collect::<Result<_, sqlx::Error>>()
            .map_err(StoreError::from)
    }

    /// Per member of `guild`: chapters watched (in `course`, or in all
    /// courses) and the latest watch.
    pub async fn member_totals(
        &self,
        guild: u64,
        course: Option<&str>,
    ) -> Result<Vec<MemberTotals>, StoreError> {
        let rows = sqlx::query(
            "SELECT user_id, COUNT(*), MAX(watched_at) FROM progress \
             WHERE guild_id = $1 AND ($2 = '' OR course = $2) \
             GROUP BY user_id",
        )
        .bind(to_db(guild))
        .bind(course.unwrap_or(""))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(MemberTotals {
                    user_id: from_db(row.try_get(0)?),
                    done: u64::try_from(row.try_get::<i64, _>(1)?).unwrap_or(0),
                    last_active: row.try_get(2)?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(StoreError::from)
    }
}
