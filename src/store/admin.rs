//! Whole-database chores: a member's right to be forgotten, the JSON export
//! for data requests, and online backups.

use std::path::Path;

use serde::Serialize;
use sqlx::Row;

use super::{from_db, to_db, Backend, Store, StoreError};

/// Everything the database holds, ids as strings (JSON numbers lose bits).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Export {
    pub progress: Vec<ExportProgress>,
    pub activity_days: Vec<ExportDay>,
    pub guild_settings: Vec<ExportSettings>,
    /// The daily posts' schedules (with the id of the admin who set each up).
    pub daily_schedules: Vec<super::daily::ExportSchedule>,
    pub daily_posts: Vec<super::daily::ExportPost>,
    pub quiz_answers: Vec<ExportAnswer>,
    pub review_cards: Vec<ExportCard>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportAnswer {
    pub guild_id: String,
    pub user_id: String,
    pub course: String,
    pub question: String,
    pub fingerprint: String,
    pub choice: i64,
    pub correct: bool,
    pub answered_at: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportCard {
    pub guild_id: String,
    pub user_id: String,
    pub course: String,
    pub question: String,
    pub state: String,
    pub due: i64,
    pub updated_at: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportProgress {
    pub guild_id: String,
    pub user_id: String,
    pub course: String,
    pub chapter: i64,
    pub watched_at: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportDay {
    pub guild_id: String,
    pub user_id: String,
    pub day: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportSettings {
    pub guild_id: String,
    pub default_course: Option<String>,
    pub locale: Option<String>,
    pub hidden_by_default: Option<bool>,
    pub time_zone: Option<String>,
}

fn id(row: &sqlx::any::AnyRow, index: usize) -> Result<String, sqlx::Error> {
    Ok(from_db(row.try_get(index)?).to_string())
}

impl Store {
    /// Deletes every row about `user`, in every guild, in one transaction;
    /// returns how many rows went. A daily schedule they set up is the
    /// server's and stays, without their id (failures are then only shown
    /// by `/daily status`).
    pub async fn forget_member(&self, user: u64) -> Result<u64, StoreError> {
        let mut tx = self.pool.begin().await?;
        let mut removed = 0;
        for table in ["progress", "activity_days", "quiz_answers", "review_cards"] {
            removed += sqlx::query(&format!("DELETE FROM {table} WHERE user_id = $1"))
                .bind(to_db(user))
                .execute(&mut *tx)
                .await?
                .rows_affected();
        }
        sqlx::query("UPDATE daily_schedules SET admin_id = NULL WHERE admin_id = $1")
            .bind(to_db(user))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(removed)
    }

    /// Every row, read in one transaction so the export is consistent.
    pub async fn export(&self) -> Result<Export, StoreError> {
        let mut tx = self.pool.begin().await?;
        let progress = sqlx::query(
            "SELECT guild_id, user_id, course, chapter, watched_at FROM progress \
             ORDER BY guild_id, user_id, course, chapter",
        )
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|r| {
            Ok(ExportProgress {
                guild_id: id(r, 0)?,
                user_id: id(r, 1)?,
                course: r.try_get(2)?,
                chapter: r.try_get(3)?,
                watched_at: r.try_get(4)?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
        let activity_days = sqlx::query(
            "SELECT guild_id, user_id, day FROM activity_days ORDER BY guild_id, user_id, day",
        )
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|r| {
            Ok(ExportDay {
                guild_id: id(r, 0)?,
                user_id: id(r, 1)?,
                day: r.try_get(2)?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
        let guild_settings = sqlx::query(
            "SELECT guild_id, default_course, locale, hidden_by_default, time_zone \
             FROM guild_settings ORDER BY guild_id",
        )
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|r| {
            Ok(ExportSettings {
                guild_id: id(r, 0)?,
                default_course: r.try_get(1)?,
                locale: r.try_get(2)?,
                hidden_by_default: r.try_get::<Option<i64>, _>(3)?.map(|v| v != 0),
                time_zone: r.try_get(4)?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
        let (daily_schedules, daily_posts) = super::daily::export(&mut tx).await?;
        let quiz_answers = sqlx::query(
            "SELECT guild_id, user_id, course, question, fingerprint, choice, correct, answered_at \
             FROM quiz_answers ORDER BY guild_id, user_id, course, question",
        )
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|r| {
            Ok(ExportAnswer {
                guild_id: id(r, 0)?,
                user_id: id(r, 1)?,
                course: r.try_get(2)?,
                question: r.try_get(3)?,
                fingerprint: r.try_get(4)?,
                choice: r.try_get(5)?,
                correct: r.try_get::<i64, _>(6)? != 0,
                answered_at: r.try_get(7)?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
        let review_cards = sqlx::query(
            "SELECT guild_id, user_id, course, question, state, due, updated_at \
             FROM review_cards ORDER BY guild_id, user_id, course, question",
        )
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|r| {
            Ok(ExportCard {
                guild_id: id(r, 0)?,
                user_id: id(r, 1)?,
                course: r.try_get(2)?,
                question: r.try_get(3)?,
                state: r.try_get(4)?,
                due: r.try_get(5)?,
                updated_at: r.try_get(6)?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
        tx.commit().await?;
        Ok(Export {
            progress,
            activity_days,
            guild_settings,
            daily_schedules,
            daily_posts,
            quiz_answers,
            review_cards,
        })
    }

    /// A consistent copy of a live SQLite database at `target` (which must not
    /// exist yet), taken with `VACUUM INTO` while the bot keeps running.
    /// PostgreSQL has its own tool for this (`pg_dump`).
    pub async fn backup(&self, target: &Path) -> Result<(), StoreError> {
        if self.backend != Backend::Sqlite {
            return Err(StoreError::Invalid(
                "backups of PostgreSQL are taken with pg_dump; `lectern db export` writes JSON"
                    .into(),
            ));
        }
        if target.exists() {
            return Err(StoreError::Invalid(format!(
                "{} already exists; choose a new file",
                target.display()
            )));
        }
        let path = target.to_str().ok_or_else(|| {
            StoreError::Invalid(format!("{}: not a UTF-8 path", target.display()))
        })?;
        let literal = path.replace('\'', "''");
        sqlx::query(&format!("VACUUM INTO '{literal}'"))
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
