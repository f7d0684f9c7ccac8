//! The daily post's rows (`migrations/0003_daily.sql`): schedules, and the
//! claims that make each day's post go out once — `INSERT … ON CONFLICT DO
//! NOTHING` on (server, course, local date), before anything is sent — and
//! on PostgreSQL the advisory lock that lets one scheduler run at a time.
//! A post's `reason` is why it failed, or for a sent post why its thread
//! couldn't be started.

use sqlx::{Connection, Row};

use super::{from_db, to_db, Backend, SharedStore, Store, StoreError};
use crate::daily::{Failure, LocalTime, Outcome, Post, Schedule};

/// The advisory lock key of the scheduler ("Lectern" and 1).
pub const SCHEDULER_LOCK: i64 = 0x4c65_6374_6572_6e01;

/// The connection that holds [`SCHEDULER_LOCK`]: its own, never a pooled one
/// (a pooled connection goes back to the pool and the lock with it).
#[derive(Default)]
pub(super) struct SchedulerLock(Option<sqlx::AnyConnection>);

impl std::fmt::Debug for SchedulerLock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() { "held" } else { "not held" })
    }
}

fn opt_id(id: Option<u64>) -> Option<i64> {
    id.map(to_db)
}

fn chapter(value: Option<i64>) -> Option<u32> {
    value.and_then(|v| u32::try_from(v).ok())
}

fn schedule(row: &sqlx::any::AnyRow) -> Result<Schedule, sqlx::Error> {
    let minutes: i64 = row.try_get(3)?;
    Ok(Schedule {
        guild: from_db(row.try_get(0)?),
        course: row.try_get(1)?,
        channel: from_db(row.try_get(2)?),
        time: LocalTime::from_minutes(minutes).unwrap_or(LocalTime { hour: 0, minute: 0 }),
        admin: row.try_get::<Option<i64>, _>(4)?.map(from_db),
        next_chapter: chapter(row.try_get(5)?),
        since: row.try_get(6)?,
        now_requested: row.try_get(7)?,
    })
}

fn outcome(kind: &str, message: Option<i64>, reason: Option<String>) -> Outcome {
    match kind {
        "sent" => Outcome::Sent {
            message: message.map_or(0, from_db),
            thread_failed: reason.as_deref().map(Failure::from_code),
        },
        "failed" => Outcome::Failed {
            reason: Failure::from_code(reason.as_deref().unwrap_or("")),
        },
        _ => Outcome::Pending,
    }
}

fn outcome_columns(outcome: &Outcome) -> (&'static str, Option<i64>, Option<&'static str>) {
    match outcome {
        Outcome::Pending => ("pending", None, None),
        Outcome::Sent {
            message,
            thread_failed,
        } => (
            "sent",
            Some(to_db(*message)),
            thread_failed.map(Failure::code),
        ),
        Outcome::Failed { reason } => ("failed", None, Some(reason.code())),
    }
}

const SCHEDULE_COLUMNS: &str = "guild_id, course, channel_id, minute_of_day, admin_id, \
     next_chapter, since, now_requested";

impl Store {
    /// One server's schedules, or all (`None`), by server then course.
    pub async fn schedules(&self, guild: Option<u64>) -> Result<Vec<Schedule>, StoreError> {
        let rows = match guild {
            Some(guild) => {
                sqlx::query(&format!(
                    "SELECT {SCHEDULE_COLUMNS} FROM daily_schedules WHERE guild_id = $1 ORDER BY course"
                ))
                .bind(to_db(guild))
                .fetch_all(&self.pool)
                .await?
            }
            None => {
                sqlx::query(&format!(
                    "SELECT {SCHEDULE_COLUMNS} FROM daily_schedules ORDER BY guild_id, course"
                ))
                .fetch_all(&self.pool)
                .await?
            }
        };
        Ok(rows
            .iter()
            .map(schedule)
            .collect::<Result<_, sqlx::Error>>()?)
    }

    /// Creates or replaces the schedule of its server and course.
    pub async fn save_schedule(&self, s: &Schedule) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(&format!(
            "INSERT INTO daily_schedules ({SCHEDULE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (guild_id, course) DO UPDATE SET channel_id = excluded.channel_id, \
             minute_of_day = excluded.minute_of_day, admin_id = excluded.admin_id, \
             next_chapter = excluded.next_chapter, since = excluded.since, \
             now_requested = excluded.now_requested"
        ))
        .bind(to_db(s.guild))
        .bind(&s.course)
        .bind(to_db(s.channel))
        .bind(s.time.minutes())
        .bind(opt_id(s.admin))
        .bind(s.next_chapter.map(i64::from))
        .bind(s.since)
        .bind(s.now_requested)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Marks a `/daily now` on the schedule; `false` when there is none.
    pub async fn request_now(&self, guild: u64, course: &str, at: i64) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let changed = sqlx::query(
            "UPDATE daily_schedules SET now_requested = $3 WHERE guild_id = $1 AND course = $2",
        )
        .bind(to_db(guild))
        .bind(course)
        .bind(at)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(changed > 0)
    }

    /// Removes a server's schedule of `course`, or all of them.
    pub async fn remove_schedules(
        &self,
        guild: u64,
        course: Option<&str>,
    ) -> Result<u64, StoreError> {
        let mut tx = self.pool.begin().await?;
        let removed = match course {
            Some(course) => {
                sqlx::query("DELETE FROM daily_schedules WHERE guild_id = $1 AND course = $2")
                    .bind(to_db(guild))
                    .bind(course)
                    .execute(&mut *tx)
                    .await?
            }
            None => {
                sqlx::query("DELETE FROM daily_schedules WHERE guild_id = $1")
                    .bind(to_db(guild))
                    .execute(&mut *tx)
                    .await?
            }
        }
        .rows_affected();
        tx.commit().await?;
        Ok(removed)
    }

    /// Claims a day's post; `false` when it was already claimed.
    pub async fn claim_post(&self, p: &Post) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let added = sqlx::query(
            "INSERT INTO daily_posts (guild_id, course, day, chapter, channel_id, claimed_at, outcome) \
             VALUES ($1, $2, $3, $4, $5, $6, 'pending') \
             ON CONFLICT (guild_id, course, day) DO NOTHING",
        )
        .bind(to_db(p.guild))
        .bind(&p.course)
        .bind(&p.day)
        .bind(i64::from(p.chapter))
        .bind(to_db(p.channel))
        .bind(p.claimed_at)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(added == 1)
    }

    /// Records a claimed post's outcome and moves its schedule on (see
    /// [`crate::study::DailyBook::record_post`]), in one transaction.
    pub async fn record_post(
        &self,
        guild: u64,
        course: &str,
        day: &str,
        outcome: &Outcome,
        next: Option<u32>,
    ) -> Result<(), StoreError> {
        let (kind, message, reason) = outcome_columns(outcome);
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE daily_posts SET outcome = $4, message_id = $5, reason = $6 \
             WHERE guild_id = $1 AND course = $2 AND day = $3",
        )
        .bind(to_db(guild))
        .bind(course)
        .bind(day)
        .bind(kind)
        .bind(message)
        .bind(reason)
        .execute(&mut *tx)
        .await?;
        let moves = sqlx::query(
            "UPDATE daily_schedules SET next_chapter = $3, now_requested = NULL \
             WHERE guild_id = $1 AND course = $2",
        );
        moves
            .bind(to_db(guild))
            .bind(course)
            .bind(next.map(i64::from))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The latest posts of a schedule, newest day first.
    pub async fn recent_posts(
        &self,
        guild: u64,
        course: &str,
        limit: usize,
    ) -> Result<Vec<Post>, StoreError> {
        let rows = sqlx::query(
            "SELECT guild_id, course, day, chapter, channel_id, claimed_at, outcome, message_id, reason \
             FROM daily_posts WHERE guild_id = $1 AND course = $2 ORDER BY day DESC LIMIT $3",
        )
        .bind(to_db(guild))
        .bind(course)
        .bind(i64::try_from(limit).unwrap_or(i64::MAX))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| {
                Ok(Post {
                    guild: from_db(r.try_get(0)?),
                    course: r.try_get(1)?,
                    day: r.try_get(2)?,
                    chapter: chapter(r.try_get(3)?).unwrap_or(0),
                    channel: from_db(r.try_get(4)?),
                    claimed_at: r.try_get(5)?,
                    outcome: outcome(
                        r.try_get::<String, _>(6)?.as_str(),
                        r.try_get(7)?,
                        r.try_get(8)?,
                    ),
                })
            })
            .collect::<Result<_, sqlx::Error>>()?)
    }
}

impl SharedStore {
    /// See [`crate::study::DailyBook::hold_scheduler`]: on PostgreSQL, takes
    /// (or keeps) [`SCHEDULER_LOCK`] on a connection of its own; a lost
    /// connection loses the lock, which is then tried again.
    pub async fn hold_scheduler_lock(&self) -> Result<bool, StoreError> {
        let store = self.get().await?;
        if store.backend() != Backend::Postgres {
            return Ok(true);
        }
        let mut held = self.scheduler_lock().lock().await;
        if let Some(conn) = held.0.as_mut() {
            if conn.ping().await.is_ok() {
                return Ok(true);
            }
            held.0 = None;
        }
        let mut conn = sqlx::AnyConnection::connect(self.url()).await?;
        let got: bool = sqlx::query("SELECT pg_try_advisory_lock($1)")
            .bind(SCHEDULER_LOCK)
            .fetch_one(&mut conn)
            .await?
            .try_get(0)?;
        if got {
            held.0 = Some(conn);
        } else {
            let _ = conn.close().await;
        }
        Ok(got)
    }

    /// Lets the lock go (at shutdown), so another instance takes over at once.
    pub async fn release_scheduler_lock(&self) {
        let mut held = self.scheduler_lock().lock().await;
        if let Some(conn) = held.0.take() {
            let _ = conn.close().await;
        }
    }
}

/// A schedule in `lectern db export`, ids as strings.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ExportSchedule {
    pub guild_id: String,
    pub course: String,
    pub channel_id: String,
    /// `HH:MM`, local to the server's time zone.
    pub time: String,
    /// The member who set it up (`null` after they asked to be forgotten).
    pub admin_id: Option<String>,
    pub next_chapter: Option<u32>,
    pub since: i64,
    pub now_requested: Option<i64>,
}

/// A claimed post in `lectern db export`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ExportPost {
    pub guild_id: String,
    pub course: String,
    pub day: String,
    pub chapter: u32,
    pub channel_id: String,
    pub claimed_at: i64,
    pub outcome: String,
    pub message_id: Option<String>,
    pub reason: Option<String>,
}

/// Every schedule and post, inside the export's transaction.
pub(super) async fn export(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
) -> Result<(Vec<ExportSchedule>, Vec<ExportPost>), sqlx::Error> {
    let schedules = sqlx::query(&format!(
        "SELECT {SCHEDULE_COLUMNS} FROM daily_schedules ORDER BY guild_id, course"
    ))
    .fetch_all(&mut **tx)
    .await?
    .iter()
    .map(|r| {
        let s = schedule(r)?;
        Ok(ExportSchedule {
            guild_id: s.guild.to_string(),
            course: s.course,
            channel_id: s.channel.to_string(),
            time: s.time.to_string(),
            admin_id: s.admin.map(|a| a.to_string()),
            next_chapter: s.next_chapter,
            since: s.since,
            now_requested: s.now_requested,
        })
    })
    .collect::<Result<_, sqlx::Error>>()?;
    let posts = sqlx::query(
        "SELECT guild_id, course, day, chapter, channel_id, claimed_at, outcome, message_id, reason \
         FROM daily_posts ORDER BY guild_id, course, day",
    )
    .fetch_all(&mut **tx)
    .await?
    .iter()
    .map(|r| {
        Ok(ExportPost {
            guild_id: from_db(r.try_get(0)?).to_string(),
            course: r.try_get(1)?,
            day: r.try_get(2)?,
            chapter: chapter(r.try_get(3)?).unwrap_or(0),
            channel_id: from_db(r.try_get(4)?).to_string(),
            claimed_at: r.try_get(5)?,
            outcome: r.try_get(6)?,
            message_id: r.try_get::<Option<i64>, _>(7)?.map(|m| from_db(m).to_string()),
            reason: r.try_get(8)?,
        })
    })
    .collect::<Result<_, sqlx::Error>>()?;
    Ok((schedules, posts))
}
