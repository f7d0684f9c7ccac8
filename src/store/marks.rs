//! Group commit for marks: a burst of "✅ 봤어요" presses would otherwise
//! queue behind one durable commit (one fsync on SQLite) each. Every mark goes
//! to one writer task, which takes all the marks waiting at that moment,
//! writes them in one transaction and only then answers each of them, so a
//! press is still acknowledged only once its row is on disk — the same
//! promise as before, paid for once per batch instead of once per press.

use sqlx::AnyPool;
use tokio::sync::{mpsc, oneshot};

use super::{to_db, StoreError};

/// Most marks written in one transaction.
const MAX_BATCH: usize = 256;
/// Marks waiting for the writer before senders wait too.
const QUEUE: usize = 4096;

/// One mark waiting to be written, and who to tell.
#[derive(Debug)]
pub(super) struct MarkJob {
    pub guild: u64,
    pub user: u64,
    pub course: String,
    pub chapter: u32,
    pub now: i64,
    pub day: String,
    /// Whether the mark was new, once committed.
    pub reply: oneshot::Sender<Result<bool, StoreError>>,
}

/// Starts the writer on the current runtime; it ends when every sender (every
/// clone of the store) is gone.
pub(super) fn spawn_writer(pool: AnyPool) -> mpsc::Sender<MarkJob> {
    let (jobs, queue) = mpsc::channel(QUEUE);
    tokio::spawn(write_marks(pool, queue));
    jobs
}

async fn write_marks(pool: AnyPool, mut queue: mpsc::Receiver<MarkJob>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while queue.recv_many(&mut batch, MAX_BATCH).await > 0 {
        match commit(&pool, &batch).await {
            Ok(added) => {
                for (job, added) in batch.drain(..).zip(added) {
                    // A sender that gave up (its request was dropped) is fine.
                    let _ = job.reply.send(Ok(added));
                }
            }
            Err(error) => {
                for job in batch.drain(..) {
                    let _ = job.reply.send(Err(same(&error)));
                }
            }
        }
    }
}

/// Writes every mark of `batch` in one transaction; per mark, whether it was new.
async fn commit(pool: &AnyPool, batch: &[MarkJob]) -> Result<Vec<bool>, StoreError> {
    let mut tx = pool.begin().await?;
    let mut added = Vec::with_capacity(batch.len());
    for job in batch {
        let rows = sqlx::query(
            "INSERT INTO progress (guild_id, user_id, course, chapter, watched_at) \
             VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (guild_id, user_id, course, chapter) DO NOTHING",
        )
        .bind(to_db(job.guild))
        .bind(to_db(job.user))
        .bind(job.course.as_str())
        .bind(i64::from(job.chapter))
        .bind(job.now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        sqlx::query(
            "INSERT INTO activity_days (guild_id, user_id, day) VALUES ($1, $2, $3) \
             ON CONFLICT (guild_id, user_id, day) DO NOTHING",
        )
        .bind(to_db(job.guild))
        .bind(to_db(job.user))
        .bind(job.day.as_str())
        .execute(&mut *tx)
        .await?;
        added.push(rows > 0);
    }
    tx.commit().await?;
    Ok(added)
}

/// The batch's error, for each of its marks.
fn same(error: &StoreError) -> StoreError {
    match error {
        StoreError::Unavailable(why) => StoreError::Unavailable(why.clone()),
        StoreError::Invalid(why) => StoreError::Invalid(why.clone()),
    }
}
