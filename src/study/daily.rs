//! The daily post's reads and writes ([`DailyBook`], part of every
//! [`super::Book`]) and their in-memory double for [`super::MemoryBook`].
//!
//! Exactly once: a post is *claimed* ([`DailyBook::claim_post`], a unique
//! key per server, course and local date) before anything is sent, and its
//! outcome recorded after ([`DailyBook::record_post`]). An instance that
//! loses the claim sends nothing; one that crashes between claim and send
//! leaves the day `Pending` (that day's post is lost, never doubled).

use std::collections::BTreeMap;

use async_trait::async_trait;

use super::book::Unavailable;
use super::MemoryBook;
use crate::daily::{Outcome, Post, Schedule};

/// The daily post's state, per server.
#[async_trait]
pub trait DailyBook: Send + Sync {
    /// One server's schedules, or every server's (`None`).
    async fn schedules(&self, guild: Option<u64>) -> Result<Vec<Schedule>, Unavailable>;
    /// Creates or replaces the schedule of (`guild`, `course`).
    async fn save_schedule(&self, schedule: &Schedule) -> Result<(), Unavailable>;
    /// Asks for a post at the next tick (`/daily now`), touching nothing else
    /// of the schedule; `false` when there is no such schedule.
    async fn request_now(&self, guild: u64, course: &str, at: i64) -> Result<bool, Unavailable>;
    /// Removes the server's schedule of `course`, or all of them; how many went.
    async fn remove_schedules(&self, guild: u64, course: Option<&str>) -> Result<u64, Unavailable>;
    /// Claims `post` (its server, course and day) as `Pending`: `true` when
    /// this caller got it, `false` when the day was already claimed.
    async fn claim_post(&self, post: &Post) -> Result<bool, Unavailable>;
    /// Records what happened to a claimed post, sets the schedule's next
    /// chapter to `next` (the following one after a post that went out, the
    /// same one after a failure; `None`: the course is done) and marks a
    /// pending `/daily now` served.
    async fn record_post(
        &self,
        guild: u64,
        course: &str,
        day: &str,
        outcome: &Outcome,
        next: Option<u32>,
    ) -> Result<(), Unavailable>;
    /// The latest posts of a schedule, newest day first, at most `limit`.
    async fn recent_posts(
        &self,
        guild: u64,
        course: &str,
        limit: usize,
    ) -> Result<Vec<Post>, Unavailable>;
    /// Whether this process may run the scheduler now. PostgreSQL: holds an
    /// advisory lock on a dedicated connection (one scheduler at a time);
    /// SQLite and memory: always (one instance; the claim still guards).
    async fn hold_scheduler(&self) -> Result<bool, Unavailable>;
}

/// The daily rows of a [`MemoryBook`].
#[derive(Debug, Default)]
pub(super) struct DailyRows {
    schedules: BTreeMap<(u64, String), Schedule>,
    posts: BTreeMap<(u64, String, String), Post>,
}

impl DailyRows {
    /// `/forget-me`: the member no longer gets failure reports.
    pub(super) fn forget_admin(&mut self, user: u64) -> u64 {
        let mut changed = 0;
        for schedule in self.schedules.values_mut() {
            if schedule.admin == Some(user) {
                schedule.admin = None;
                changed += 1;
            }
        }
        changed
    }
}

#[async_trait]
impl DailyBook for MemoryBook {
    async fn schedules(&self, guild: Option<u64>) -> Result<Vec<Schedule>, Unavailable> {
        let rows = self.daily_rows()?;
        Ok(rows
            .schedules
            .values()
            .filter(|s| guild.is_none_or(|g| g == s.guild))
            .cloned()
            .collect())
    }

    async fn save_schedule(&self, schedule: &Schedule) -> Result<(), Unavailable> {
        let key = (schedule.guild, schedule.course.clone());
        self.daily_rows()?.schedules.insert(key, schedule.clone());
        Ok(())
    }

    async fn request_now(&self, guild: u64, course: &str, at: i64) -> Result<bool, Unavailable> {
        let mut rows = self.daily_rows()?;
        let schedule = rows.schedules.get_mut(&(guild, course.to_string()));
        Ok(schedule.map(|s| s.now_requested = Some(at)).is_some())
    }

    async fn remove_schedules(&self, guild: u64, course: Option<&str>) -> Result<u64, Unavailable> {
        let mut rows = self.daily_rows()?;
        let before = rows.schedules.len();
        rows.schedules
            .retain(|(g, c), _| !(*g == guild && course.is_none_or(|want| want == c)));
        Ok((before - rows.schedules.len()) as u64)
    }

    async fn claim_post(&self, post: &Post) -> Result<bool, Unavailable> {
        let mut rows = self.daily_rows()?;
        let key = (post.guild, post.course.clone(), post.day.clone());
        if rows.posts.contains_key(&key) {
            return Ok(false);
        }
        let mut claimed = post.clone();
        claimed.outcome = Outcome::Pending;
        rows.posts.insert(key, claimed);
        Ok(true)
    }

    async fn record_post(
        &self,
        guild: u64,
        course: &str,
        day: &str,
        outcome: &Outcome,
        next: Option<u32>,
    ) -> Result<(), Unavailable> {
        let mut rows = self.daily_rows()?;
        let key = (guild, course.to_string(), day.to_string());
        if let Some(post) = rows.posts.get_mut(&key) {
            post.outcome = outcome.clone();
        }
        if let Some(schedule) = rows.schedules.get_mut(&(guild, course.to_string())) {
            schedule.next_chapter = next;
            schedule.now_requested = None;
        }
        Ok(())
    }

    async fn recent_posts(
        &self,
        guild: u64,
        course: &str,
        limit: usize,
    ) -> Result<Vec<Post>, Unavailable> {
        let rows = self.daily_rows()?;
        Ok(rows
            .posts
            .values()
            .rev()
            .filter(|p| p.guild == guild && p.course == course)
            .take(limit)
            .cloned()
            .collect())
    }

    async fn hold_scheduler(&self) -> Result<bool, Unavailable> {
        self.daily_rows().map(|_| true)
    }
}
