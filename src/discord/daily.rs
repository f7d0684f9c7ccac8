//! The daily chapter scheduler: every tick (≈30 s) it reads every server's
//! schedule, and for each post that is due ([`crate::daily::due`]) it
//! claims the day in the database, posts the chapter
//! ([`crate::answer::daily_post`]) with a thread for discussion, and records
//! the outcome. A failure (missing permission, deleted channel) is reported
//! to the admin who set the schedule up by direct message — once per
//! failure, not again while it repeats — and the chapter is retried the next
//! day. A post that went out without its thread is recorded with the
//! thread's failure and reported the same way (the next chapter follows).
//!
//! Exactly once: the claim is a unique key per server, course and local
//! date, inserted before sending, so a restart or a second instance never
//! posts the same day twice; on PostgreSQL one scheduler at a time runs at
//! all (the advisory lock of [`crate::study::DailyBook::hold_scheduler`]).
//! Time comes from outside: [`Scheduler::tick`] takes "now" (tests drive it
//! with a controllable clock), [`Scheduler::run`] a clock function.
//! `/daily now` is served by the next tick; answered over Discord, it
//! [`wake`]s this process's scheduler at once.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use jiff::Timestamp;

use super::poster::Poster;
use super::render::channel_message;
use crate::answer::daily_post::{daily_post, failure_report};
use crate::answer::Locale;
use crate::daily::{self, Failure, Outcome, Post, Schedule};
use crate::live::Live;
use crate::study::{Book, GuildSettings, LOCAL_GUILD};

/// How often the scheduler looks, unless configured otherwise.
pub const DEFAULT_TICK: Duration = Duration::from_secs(30);

/// Wakes the schedulers of this process before their next tick: a counter
/// each scheduler watches (a wake during a tick is seen right after it).
static WAKE: std::sync::LazyLock<tokio::sync::watch::Sender<u64>> =
    std::sync::LazyLock::new(|| tokio::sync::watch::channel(0).0);

/// Makes this process's scheduler look now (after a `/daily` answered here,
/// so `/daily now` needn't wait for the tick; another instance holding the
/// PostgreSQL lock still posts within one tick).
pub fn wake() {
    WAKE.send_modify(|n| *n = n.wrapping_add(1));
}

/// What one tick did with one schedule (for logs and tests).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Done {
    pub guild: u64,
    pub course: String,
    pub day: String,
    pub chapter: u32,
    pub outcome: Outcome,
    /// Whether the admin was sent a report of the failure.
    pub reported: bool,
}

/// The scheduler: content, the study book and a way to post.
#[derive(Clone)]
pub struct Scheduler {
    pub live: Arc<Live>,
    pub book: Arc<dyn Book>,
    pub poster: Arc<dyn Poster>,
}

impl Scheduler {
    /// Posts everything due at `now`; what was done, in order.
    pub async fn tick(&self, now: Timestamp) -> Vec<Done> {
        match self.book.hold_scheduler().await {
            Ok(true) => {}
            Ok(false) => return Vec::new(),
            Err(error) => {
                tracing::warn!(%error, "daily posts: database unavailable");
                return Vec::new();
            }
        }
        let schedules = match self.book.schedules(None).await {
            Ok(s) => s,
            Err(_) => return Vec::new(),
        };
        let mut done = Vec::new();
        // The console's local server is never posted for: its schedules are
        // previews, and it may share the database with a running bot.
        for schedule in schedules.iter().filter(|s| s.guild != LOCAL_GUILD) {
            if let Some(d) = self.serve(schedule, now).await {
                done.push(d);
            }
        }
        done
    }

    /// One schedule at `now`: claim, post, record, report.
    async fn serve(&self, s: &Schedule, now: Timestamp) -> Option<Done> {
        let settings: GuildSettings = self.book.settings(s.guild).await.unwrap_or_default();
        let tz = settings.time_zone();
        let l = settings
            .locale
            .as_deref()
            .map_or(Locale::Ko, Locale::from_tag);
        let lectern = self.live.get();
        let course = lectern.library.course(&s.course)?;
        let previous = self
            .book
            .recent_posts(s.guild, &s.course, 1)
            .await
            .ok()?
            .into_iter()
            .next();
        let due = daily::due(
            s,
            course,
            previous.as_ref().map(|p| p.day.as_str()),
            now,
            &tz,
        )?;
        let day = due.day.to_string();
        let claim = Post {
            guild: s.guild,
            course: s.course.clone(),
            day: day.clone(),
            chapter: due.chapter,
            channel: s.channel,
            claimed_at: now.as_second(),
            outcome: Outcome::Pending,
        };
        if !self.book.claim_post(&claim).await.ok()? {
            return None;
        }
        let outcome = match daily_post(
            &lectern,
            l,
            crate::answer::NAMES,
            &s.course,
            due.chapter,
            &day,
        ) {
            Some(post) => self.post(s.channel, &post.reply, &post.thread, l).await,
            None => Outcome::Failed {
                reason: Failure::Other,
            },
        };
        let next = match outcome {
            Outcome::Sent { .. } => daily::after(course, due.chapter),
            _ => Some(due.chapter),
        };
        if let Err(error) = self
            .book
            .record_post(s.guild, &s.course, &day, &outcome, next)
            .await
        {
            tracing::warn!(%error, "daily post sent but not recorded");
        }
        let mut reported = false;
        if let (Some(problem), Some(admin)) = (outcome.problem(), s.admin) {
            if daily::should_report(previous.as_ref().map(|p| &p.outcome), problem) {
                let report = failure_report(&lectern, l, &s.course, s.channel, &day, problem);
                reported = self
                    .poster
                    .direct(admin, channel_message(&report, l))
                    .await
                    .is_ok();
            }
        }
        tracing::info!(
            guild = s.guild,
            course = %s.course,
            day = %day,
            chapter = due.chapter,
            outcome = ?outcome,
            "daily post"
        );
        Some(Done {
            guild: s.guild,
            course: s.course.clone(),
            day,
            chapter: due.chapter,
            outcome,
            reported,
        })
    }

    /// Sends the post and starts its thread (a thread that can't be started
    /// leaves the post standing: the post counts as sent, with the thread's
    /// failure).
    async fn post(
        &self,
        channel: u64,
        reply: &crate::answer::Reply,
        thread: &str,
        l: Locale,
    ) -> Outcome {
        match self.poster.send(channel, channel_message(reply, l)).await {
            Ok(message) => Outcome::Sent {
                message,
                thread_failed: self
                    .poster
                    .start_thread(channel, message, thread)
                    .await
                    .err(),
            },
            Err(reason) => Outcome::Failed { reason },
        }
    }

    /// Ticks every `every` (the first at once), and whenever [`wake`]d, with
    /// the time `clock` gives, until `shutdown` completes. A tick under way
    /// is finished first.
    pub async fn run(
        self,
        every: Duration,
        clock: impl Fn() -> Timestamp + Send,
        shutdown: impl Future<Output = ()> + Send,
    ) {
        let mut interval = tokio::time::interval(every.max(Duration::from_millis(10)));
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        tokio::pin!(shutdown);
        let mut woken = WAKE.subscribe();
        loop {
            tokio::select! {
                biased;
                () = &mut shutdown => break,
                _ = interval.tick() => {}
                _ = woken.changed() => {}
            }
            self.tick(clock()).await;
        }
    }
}

/// A running scheduler; [`Running::stop`] ends it.
pub struct Running {
    stop: tokio::sync::watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
}

impl Running {
    /// Asks the scheduler to stop and waits for its tick under way (at most `grace`).
    pub async fn stop(self, grace: Duration) {
        let _ = self.stop.send(true);
        let _ = tokio::time::timeout(grace, self.task).await;
    }
}

/// Starts `scheduler` on the runtime, ticking every `every` on the wall clock.
pub fn spawn(scheduler: Scheduler, every: Duration) -> Running {
    let (stop, mut stopped) = tokio::sync::watch::channel(false);
    let task = tokio::spawn(scheduler.run(every, Timestamp::now, async move {
        let _ = stopped.wait_for(|s| *s).await;
    }));
    Running { stop, task }
}

/// Says at start when schedules exist but nothing can post them (the HTTP
/// endpoint without `DISCORD_TOKEN`).
pub async fn warn_without_token(book: &dyn Book) {
    if let Ok(schedules) = book.schedules(None).await {
        if !schedules.is_empty() {
            tracing::warn!(
                schedules = schedules.len(),
                "daily chapter posts are set up but {} is not set: they are not posted by this instance",
                super::register::TOKEN_VAR
            );
        }
    }
}
