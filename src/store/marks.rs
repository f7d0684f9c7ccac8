//! Group commit for marks: a burst of "✅ 봤어요" presses would otherwise
//! queue behind one durable commit (one fsync on SQLite) each. Every mark goes
//! to one writer task, which takes all the marks waiting at that moment,
//! writes them in one transaction and only then answers each of them, so a
//! press is still acknowledged only once its row is on disk — the same
//! promise as before, paid for once per batch instead of once per press.
//!
//! A batch is a few statements whatever its size: multi-row inserts of up
//! to [`CHUNK`] rows per table (`RETURNING` says which marks were new) and
//! reads of the batch's members' chapters, which each press's reply shows —
//! so a press costs no database round trip of its own. The statements come
//! in a few fixed shapes, so SQLite parses each once (see [`CHUNK`]).

use std::collections::{HashMap, HashSet};

use sqlx::{AnyPool, Row};
use tokio::sync::{mpsc, oneshot};

use super::progress::WatchedRow;
use super::{from_db, to_db, Store, StoreError};
use crate::study::Mark;

/// Most marks written in one transaction.
const MAX_BATCH: usize = 256;
/// Marks waiting for the writer before senders wait too.
const QUEUE: usize = 4096;
/// Most rows one statement carries. A statement's text depends only on its
/// row count, padded to a power of two (see [`padded`]), so a handful of
/// texts serve every batch: each is parsed once per connection and then
/// reused from sqlx's statement cache. SQLite takes a `$N` placeholder as a
/// *name*, and looks each one up among the statement's earlier names, so
/// both parsing a statement and binding to it cost the square of its
/// placeholders: one insert for a whole batch of 256 marks (1,280 of them)
/// spent more of SQLite's time comparing names than writing rows.
const CHUNK: usize = 64;

/// One mark waiting to be written, and who to tell.
#[derive(Debug)]
pub(super) struct MarkJob {
    pub guild: u64,
    pub user: u64,
    pub course: String,
    pub chapter: u32,
    pub now: i64,
    pub day: String,
    /// Once committed: whether the mark was new, and the member's chapters.
    pub reply: oneshot::Sender<Result<Marked, StoreError>>,
}

/// A committed mark: whether it was new, and everything the member has
/// watched in that guild right after it (by course, then chapter).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    pub added: bool,
    pub watched: Vec<WatchedRow>,
}

impl Store {
    /// Marks `chapter` of `course` watched and `day` (the guild's local date)
    /// studied. Idempotent: `Ok(false)` when it was already marked. Answered
    /// once committed, together with the other marks waiting at that moment
    /// (group commit, see `store/marks.rs`).
    pub async fn mark_watched(&self, mark: &Mark<'_>) -> Result<bool, StoreError> {
        Ok(self.mark(mark).await?.added)
    }

    /// [`Self::mark_watched`], answered with everything the member has
    /// watched in `guild` right after it (read in the same batch).
    pub async fn mark(&self, mark: &Mark<'_>) -> Result<Marked, StoreError> {
        let (reply, answer) = oneshot::channel();
        let job = MarkJob {
            guild: mark.guild,
            user: mark.user,
            course: mark.course.to_string(),
            chapter: mark.chapter,
            now: mark.at,
            day: mark.day.to_string(),
            reply,
        };
        let gone = || StoreError::Unavailable("the mark writer has stopped".into());
        self.marks.send(job).await.map_err(|_| gone())?;
        answer.await.map_err(|_| gone())?
    }
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
            Ok(mut marked) => {
                for (job, marked) in batch.drain(..).zip(marked.drain(..)) {
                    // A sender that gave up (its request was dropped) is fine.
                    let _ = job.reply.send(Ok(marked));
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

/// Writes every mark of `batch` in one transaction; per mark, whether it was
/// new and the member's chapters after the batch.
async fn commit(pool: &AnyPool, batch: &[MarkJob]) -> Result<Vec<Marked>, StoreError> {
    let mut tx = pool.begin().await?;
    let mut inserted = HashSet::new();
    for chunk in batch.chunks(CHUNK) {
        insert_progress(&mut tx, chunk, &mut inserted).await?;
    }
    let days: Vec<(u64, u64, &str)> = batch
        .iter()
        .map(|job| (job.guild, job.user, job.day.as_str()))
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    for chunk in days.chunks(CHUNK) {
        insert_days(&mut tx, chunk).await?;
    }
    let lists = read_back(&mut tx, batch).await?;
    tx.commit().await?;
    // A key inserted by this batch is new for the first of its marks only
    // (a member may press twice within one batch).
    let mut claimed = HashSet::new();
    Ok(batch
        .iter()
        .map(|job| {
            let key = (job.guild, job.user, job.course.clone(), job.chapter);
            let added = inserted.contains(&key) && claimed.insert(key);
            Marked {
                added,
                watched: lists
                    .get(&(job.guild, job.user))
                    .cloned()
                    .unwrap_or_default(),
            }
        })
        .collect())
}

type Tx = sqlx::Transaction<'static, sqlx::Any>;
type Key = (u64, u64, String, u32);

/// How many rows a statement for `n` items carries: the next power of two
/// (at most [`CHUNK`]); the last item fills the rest, which changes nothing
/// (every statement here ignores or merges repeats).
fn padded(n: usize) -> usize {
    n.next_power_of_two().min(CHUNK)
}

/// The items of one statement: `items` then its last one again up to
/// [`padded`] rows.
fn padded_rows<T>(items: &[T]) -> impl Iterator<Item = &T> {
    let extra = padded(items.len()).saturating_sub(items.len());
    items
        .iter()
        .chain(items.last().into_iter().cycle().take(extra))
}

/// `($first, $first+1, …), …`: `rows` groups of `width` placeholders
/// numbered from `first`.
fn placeholders(rows: usize, width: usize, first: usize) -> String {
    let mut out = String::new();
    for r in 0..rows {
        if r > 0 {
            out.push_str(", ");
        }
        out.push('(');
        for c in 0..width {
            if c > 0 {
                out.push_str(", ");
            }
            out.push_str(&format!("${}", first + r * width + c));
        }
        out.push(')');
    }
    out
}

/// One insert for (up to [`CHUNK`]) marks; adds the keys that were new.
async fn insert_progress(
    tx: &mut Tx,
    chunk: &[MarkJob],
    inserted: &mut HashSet<Key>,
) -> Result<(), StoreError> {
    let sql = format!(
        "INSERT INTO progress (guild_id, user_id, course, chapter, watched_at) VALUES {} \
         ON CONFLICT (guild_id, user_id, course, chapter) DO NOTHING \
         RETURNING guild_id, user_id, course, chapter",
        placeholders(padded(chunk.len()), 5, 1)
    );
    let mut query = sqlx::query(&sql);
    for job in padded_rows(chunk) {
        query = query
            .bind(to_db(job.guild))
            .bind(to_db(job.user))
            .bind(job.course.as_str())
            .bind(i64::from(job.chapter))
            .bind(job.now);
    }
    for row in query.fetch_all(&mut **tx).await? {
        inserted.insert((
            from_db(row.try_get(0)?),
            from_db(row.try_get(1)?),
            row.try_get::<String, _>(2)?,
            u32::try_from(row.try_get::<i64, _>(3)?).unwrap_or(u32::MAX),
        ));
    }
    Ok(())
}

/// One insert for (up to [`CHUNK`]) study days.
async fn insert_days(tx: &mut Tx, days: &[(u64, u64, &str)]) -> Result<(), StoreError> {
    let sql = format!(
        "INSERT INTO activity_days (guild_id, user_id, day) VALUES {} \
         ON CONFLICT (guild_id, user_id, day) DO NOTHING",
        placeholders(padded(days.len()), 3, 1)
    );
    let mut query = sqlx::query(&sql);
    for &(guild, user, day) in padded_rows(days) {
        query = query.bind(to_db(guild)).bind(to_db(user)).bind(day);
    }
    query.execute(&mut **tx).await?;
    Ok(())
}

/// Every chapter the batch's members watched in the batch's guilds, per
/// member, by course then chapter (as `Store::watched` lists them); one
/// read per guild and (up to [`CHUNK`]) members.
async fn read_back(
    tx: &mut Tx,
    batch: &[MarkJob],
) -> Result<HashMap<(u64, u64), Vec<WatchedRow>>, StoreError> {
    let mut by_guild: HashMap<u64, HashSet<u64>> = HashMap::new();
    for job in batch {
        by_guild.entry(job.guild).or_default().insert(job.user);
    }
    let mut lists: HashMap<(u64, u64), Vec<WatchedRow>> = HashMap::new();
    for (guild, users) in by_guild {
        let users: Vec<u64> = users.into_iter().collect();
        for chunk in users.chunks(CHUNK) {
            let sql = format!(
                "SELECT user_id, course, chapter, watched_at FROM progress \
                 WHERE guild_id = $1 AND user_id IN {} ORDER BY user_id, course, chapter",
                placeholders(1, padded(chunk.len()), 2)
            );
            let mut query = sqlx::query(&sql).bind(to_db(guild));
            for user in padded_rows(chunk) {
                query = query.bind(to_db(*user));
            }
            for row in query.fetch_all(&mut **tx).await? {
                let user = from_db(row.try_get(0)?);
                lists.entry((guild, user)).or_default().push(WatchedRow {
                    course: row.try_get(1)?,
                    chapter: u32::try_from(row.try_get::<i64, _>(2)?).unwrap_or(u32::MAX),
                    watched_at: row.try_get(3)?,
                });
            }
        }
    }
    Ok(lists)
}

/// The batch's error, for each of its marks.
fn same(error: &StoreError) -> StoreError {
    match error {
        StoreError::Unavailable(why) => StoreError::Unavailable(why.clone()),
        StoreError::Invalid(why) => StoreError::Invalid(why.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_come_in_a_few_shapes() {
        let shapes: HashSet<usize> = (1..=CHUNK).map(padded).collect();
        assert_eq!(shapes.len(), 7, "{shapes:?}");
        assert_eq!(padded(5), 8);
        assert_eq!(padded(CHUNK), CHUNK);
    }

    #[test]
    fn padding_repeats_the_last_item() {
        let rows: Vec<&u32> = padded_rows(&[1, 2, 3]).collect();
        assert_eq!(rows, [&1, &2, &3, &3]);
        assert_eq!(padded_rows::<u32>(&[]).count(), 0);
    }

    #[test]
    fn placeholders_are_numbered_from_first() {
        assert_eq!(placeholders(2, 2, 1), "($1, $2), ($3, $4)");
        assert_eq!(placeholders(1, 3, 2), "($2, $3, $4)");
    }
}
