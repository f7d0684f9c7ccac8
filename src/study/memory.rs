//! [`MemoryBook`]: the [`Book`] in memory, for tests and benches of the
//! commands without a database. It can be switched "down" to check what
//! members see when the real database is unavailable.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use async_trait::async_trait;

use super::book::{Book, Mark, Unavailable, Watched};
use super::{GuildSettings, MemberTotals, QuizAnswer, ReviewCard};

type Key = (u64, u64);

#[derive(Debug, Default)]
struct Rows {
    /// (guild, user) → (course, chapter) → watched at.
    progress: BTreeMap<Key, BTreeMap<(String, u32), i64>>,
    days: BTreeMap<Key, BTreeSet<String>>,
    settings: BTreeMap<u64, GuildSettings>,
    /// (guild, user, course, question) → the first answer.
    answers: BTreeMap<QuestionKey, QuizAnswer>,
    /// (guild, user, course, question) → the card.
    cards: BTreeMap<QuestionKey, ReviewCard>,
}

type QuestionKey = (u64, u64, String, String);

/// Study state in a mutex; `set_down(true)` makes every call fail.
#[derive(Debug, Default)]
pub struct MemoryBook {
    rows: Mutex<Rows>,
    daily: Mutex<super::daily::DailyRows>,
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

    /// The daily post's rows, under the same "down" switch.
    pub(super) fn daily_rows(
        &self,
    ) -> Result<std::sync::MutexGuard<'_, super::daily::DailyRows>, Unavailable> {
        drop(self.rows()?);
        self.daily
            .lock()
            .map_err(|_| Unavailable("poisoned".into()))
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
        let before = rows.answers.len() + rows.cards.len();
        rows.answers.retain(|(_, u, _, _), _| *u != user);
        rows.cards.retain(|(_, u, _, _), _| *u != user);
        removed += (before - rows.answers.len() - rows.cards.len()) as u64;
        drop(rows);
        self.daily_rows()?.forget_admin(user);
        Ok(removed)
    }

    async fn answer_once(
        &self,
        guild: u64,
        user: u64,
        answer: &QuizAnswer,
    ) -> Result<(bool, QuizAnswer), Unavailable> {
        let mut rows = self.rows()?;
        let key = (guild, user, answer.course.clone(), answer.question.clone());
        if let Some(first) = rows.answers.get(&key) {
            return Ok((false, first.clone()));
        }
        rows.answers.insert(key, answer.clone());
        Ok((true, answer.clone()))
    }

    async fn card(
        &self,
        guild: u64,
        user: u64,
        course: &str,
        question: &str,
    ) -> Result<Option<ReviewCard>, Unavailable> {
        let key = (guild, user, course.to_string(), question.to_string());
        Ok(self.rows()?.cards.get(&key).cloned())
    }

    async fn save_card(&self, guild: u64, user: u64, card: &ReviewCard) -> Result<(), Unavailable> {
        let key = (guild, user, card.course.clone(), card.question.clone());
        self.rows()?.cards.insert(key, card.clone());
        Ok(())
    }

    async fn cards(&self, guild: u64, user: u64) -> Result<Vec<ReviewCard>, Unavailable> {
        let rows = self.rows()?;
        let mut mine: Vec<ReviewCard> = rows
            .cards
            .iter()
            .filter(|((g, u, _, _), _)| *g == guild && *u == user)
            .map(|(_, card)| card.clone())
            .collect();
        mine.sort_by(|a, b| a.due.cmp(&b.due).then(a.question.cmp(&b.question)));
        Ok(mine)
    }
}
