//! [`MemoryBook`]: the [`Book`] in memory, for tests and benches of the
//! commands without a database. It can be switched "down" to check what
//! members see when the real database is unavailable.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use async_trait::async_trait;

use super::book::{Book, Mark, Unavailable, Watched};
use super::{GuildSettings, MemberTotals};

type Key = (u64, u64);

#[derive(Debug, Default)]
struct Rows {
    /// (guild, user) → (course, chapter) → watched at.
    progress: BTreeMap<Key, BTreeMap<(String, u32), i64>>,
    days: BTreeMap<Key, BTreeSet<String>>,
    settings: BTreeMap<u64, GuildSettings>,
}

/// Study state in a mutex; `set_down(true)` makes every call fail.
#[derive(Debug, Default)]
pub struct MemoryBook {
    rows: Mutex<Rows>,
    down: AtomicBool,
}

impl MemoryBook {
    pub fn new() -> MemoryBook {
        MemoryBook::default()
    }

    /// While `down`, every call answers [`Unavailable`].
    pub fn set_down(&self, down: bool) {
        self.down.store(down, Ordering::SeqCst);
    }

    fn rows(&self) -> Result<std::sync::MutexGuard<'_, Rows>, Unavailable> {
        if self.down.load(Ordering::SeqCst) {
            return Err(Unavailable("switched off".into()));
        }
        self.rows.lock().map_err(|_| Unavailable("poisoned".into()))
    }
}

#[async_trait]
impl Book for MemoryBook {
    async fn mark_watched(&self, mark: &Mark<'_>) -> Result<bool, Unavailable> {
        let mut rows = self.rows()?;
        let key = (mark.guild, mark.user);
        let mine = rows.progress.entry(key).or_default();
        let chapter = (mark.course.to_string(), mark.chapter);
        let added = !mine.contains_key(&chapter);
        mine.entry(chapter).or_insert(mark.at);
        rows.days
            .entry(key)
            .or_default()
            .insert(mark.day.to_string());
        Ok(added)
    }

    async fn unwatch(
        &self,
        guild: u64,
        user: u64,
        course: &str,
        chapter: u32,
    ) -> Result<bool, Unavailable> {
        let mut rows = self.rows()?;
        Ok(rows
            .progress
            .get_mut(&(guild, user))
            .and_then(|m| m.remove(&(course.to_string(), chapter)))
            .is_some())
    }

    async fn watched(&self, guild: u64, user: u64) -> Result<Vec<Watched>, Unavailable> {
        let rows = self.rows()?;
        Ok(rows
            .progress
            .get(&(guild, user))
            .map(|m| {
                m.iter()
                    .map(|((course, chapter), at)| Watched {
                        course: course.clone(),
                        chapter: *chapter,
                        at: *at,
                    })
                    .collect()
            })
            .unwrap_or_default())
    }

    async fn study_days(&self, guild: u64, user: u64) -> Result<Vec<String>, Unavailable> {
        let rows = self.rows()?;
        Ok(rows
            .days
            .get(&(guild, user))
            .map(|d| d.iter().cloned().collect())
            .unwrap_or_default())
    }

    async fn course_marks(&self, guild: u64, course: &str) -> Result<Vec<(u64, u32)>, Unavailable> {
        let rows = self.rows()?;
        Ok(rows
            .progress
            .iter()
            .filter(|((g, _), _)| *g == guild)
            .flat_map(|((_, user), chapters)| {
                chapters
                    .keys()
                    .filter(|(c, _)| c == course)
                    .map(move |(_, chapter)| (*user, *chapter))
            })
            .collect())
    }

    async fn member_totals(
        &self,
        guild: u64,
        course: Option<&str>,
    ) -> Result<Vec<MemberTotals>, Unavailable> {
        let rows = self.rows()?;
        Ok(rows
            .progress
            .iter()
            .filter(|((g, _), _)| *g == guild)
            .filter_map(|((_, user), chapters)| {
                let mine: Vec<i64> = chapters
                    .iter()
                    .filter(|((c, _), _)| course.is_none_or(|want| want == c))
                    .map(|(_, at)| *at)
                    .collect();
                Some(MemberTotals {
                    user_id: *user,
                    done: mine.len() as u64,
                    last_active: *mine.iter().max()?,
                })
            })
            .collect())
    }

    async fn settings(&self, guild: u64) -> Result<GuildSettings, Unavailable> {
        Ok(self
            .rows()?
            .settings
            .get(&guild)
            .cloned()
            .unwrap_or_default())
    }

    async fn save_settings(&self, guild: u64, settings: &GuildSettings) -> Result<(), Unavailable> {
        self.rows()?.settings.insert(guild, settings.clone());
        Ok(())
    }

    async fn forget_member(&self, user: u64) -> Result<u64, Unavailable> {
        let mut rows = self.rows()?;
        let mut removed = 0;
        rows.progress.retain(|(_, u), m| {
            if *u == user {
                removed += m.len() as u64;
            }
            *u != user
        });
        rows.days.retain(|(_, u), d| {
            if *u == user {
                removed += d.len() as u64;
            }
            *u != user
        });
        Ok(removed)
    }
}
