//! The daily chapter post, as pure rules: a server's schedule (channel,
//! local time, course, who set it up, which chapter is next), when a post is
//! due and for which local date, and which chapter follows. No I/O and no
//! clock: "now" is handed in, the server's time zone too, so every rule is
//! testable with fixed instants (DST gaps and folds included; jiff does the
//! calendar arithmetic).
//!
//! Decisions:
//! - Chapters go in course order and **stop** at the end: after the last
//!   chapter the schedule stays (so `/daily status` can say so) but posts
//!   nothing until `/daily set` starts it again from the first chapter.
//! - A day's post is due from its local time until [`LATE_LIMIT`] after it
//!   (a bot that was down at 09:00 posts at 09:40, not at 23:00), and only
//!   for times after the schedule was set (setting 09:00 at 15:00 posts
//!   tomorrow, not at once).
//! - A local time that doesn't exist that day (a DST gap) posts at the same
//!   wall-clock offset after the gap (02:30 in a 02:00–03:00 gap → 03:30); one
//!   that happens twice (a fold) posts at the first.
//! - A failed post is retried the next day with the same chapter; it is
//!   reported to the admin only when it isn't the same failure as the last
//!   post's ([`should_report`]).
//! - A post that went out without its discussion thread counts as sent (the
//!   next chapter follows) and its thread's failure is kept with it: shown
//!   and reported like a failed post's, as a [`Problem`] of its own.

mod access;
mod clock;

pub use access::{Access, ChannelCheck, Permission};
pub use clock::{parse_time, LocalTime, TimeError};

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

use crate::library::Course;

/// How late a day's post may still go out.
pub const LATE_LIMIT: SignedDuration = SignedDuration::from_hours(6);

/// One server's daily post for one course (the schedule's key is the pair).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    pub guild: u64,
    pub course: String,
    pub channel: u64,
    /// The local time of the post.
    pub time: LocalTime,
    /// The member who set it up (failures are reported to them); `None`
    /// once they asked to be forgotten.
    pub admin: Option<u64>,
    /// The chapter (number) the next post shows; `None` = the course is done.
    pub next_chapter: Option<u32>,
    /// Unix seconds when it was set: no post is due for a moment before it.
    pub since: i64,
    /// Unix seconds of a `/daily now` not yet served.
    pub now_requested: Option<i64>,
}

/// What happened to one claimed post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Claimed and not (yet) sent: a crash between claim and send leaves it so.
    Pending,
    /// Sent: the message's id, and why its discussion thread couldn't be
    /// started, when it couldn't.
    Sent {
        message: u64,
        thread_failed: Option<Failure>,
    },
    /// Discord refused or failed: the reason as recorded.
    Failed { reason: Failure },
}

impl Outcome {
    /// What went wrong with this post, if anything.
    pub fn problem(&self) -> Option<Problem> {
        match *self {
            Outcome::Failed { reason } => Some(Problem::Post(reason)),
            Outcome::Sent {
                thread_failed: Some(reason),
                ..
            } => Some(Problem::Thread(reason)),
            _ => None,
        }
    }
}

/// What went wrong with a day's post: the post itself, or (the post out)
/// its discussion thread. The admin hears of each once, not while it repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Problem {
    Post(Failure),
    Thread(Failure),
}

/// Why a post failed, as far as the schedule is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Failure {
    /// 403: the bot can't see the channel or post in it.
    MissingPermission,
    /// 404: the channel is gone.
    UnknownChannel,
    /// Anything else (network, Discord down): worth retrying tomorrow.
    Other,
}

impl Failure {
    /// The short name stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Failure::MissingPermission => "missing_permission",
            Failure::UnknownChannel => "unknown_channel",
            Failure::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Failure {
        match code {
            "missing_permission" => Failure::MissingPermission,
            "unknown_channel" => Failure::UnknownChannel,
            _ => Failure::Other,
        }
    }
}

/// One claimed day of a schedule, as the store keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    pub guild: u64,
    pub course: String,
    /// The local date (`YYYY-MM-DD`) the post is for.
    pub day: String,
    pub chapter: u32,
    pub channel: u64,
    /// Unix seconds of the claim.
    pub claimed_at: i64,
    pub outcome: Outcome,
}

/// A post that is due: for which local date, and which chapter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub day: Date,
    pub chapter: u32,
}

/// The instant of `time` on local `day` in `tz` (gaps and folds resolved
/// as the module docs say); `None` only for dates jiff can't represent.
pub fn post_instant(day: Date, time: LocalTime, tz: &TimeZone) -> Option<Timestamp> {
    let at = day.at(time.hour, time.minute, 0, 0);
    tz.to_ambiguous_zoned(at)
        .compatible()
        .ok()
        .map(|z| z.timestamp())
}

/// The local date of `now` in `tz`.
pub fn local_date(now: Timestamp, tz: &TimeZone) -> Date {
    now.to_zoned(tz.clone()).date()
}

/// Whether `schedule` should post at `now` (the claim in the database then
/// decides which instance does): a pending `/daily now`, or today's local
/// time reached (after the schedule was set, within [`LATE_LIMIT`]).
/// `last_day` is the local date of the last claimed post, if any: a day
/// already claimed is not due again.
pub fn due(
    schedule: &Schedule,
    course: &Course,
    last_day: Option<&str>,
    now: Timestamp,
    tz: &TimeZone,
) -> Option<Due> {
    let chapter = next_chapter(course, schedule.next_chapter)?;
    let today = local_date(now, tz);
    if last_day == Some(today.to_string().as_str()) {
        return None;
    }
    if schedule
        .now_requested
        .is_some_and(|at| at <= now.as_second())
    {
        return Some(Due {
            day: today,
            chapter,
        });
    }
    let at = post_instant(today, schedule.time, tz)?;
    let on_time = at <= now && now < at.checked_add(LATE_LIMIT).unwrap_or(at);
    (on_time && at.as_second() >= schedule.since).then_some(Due {
        day: today,
        chapter,
    })
}

/// The chapter a schedule at `wanted` shows: that chapter, or the next one
/// in course order when it is no longer in the course; `None` when the
/// course is done (or `wanted` is `None`).
pub fn next_chapter(course: &Course, wanted: Option<u32>) -> Option<u32> {
    let wanted = wanted?;
    if course.chapter(wanted).is_some() {
        return Some(wanted);
    }
    course
        .chapters
        .iter()
        .map(|c| c.number)
        .filter(|&n| n > wanted)
        .min()
}

/// The chapter after `posted` in course order; `None` after the last one.
pub fn after(course: &Course, posted: u32) -> Option<u32> {
    let position = course.index_of(posted)?;
    course.chapters.get(position + 1).map(|c| c.number)
}

/// The first chapter of `course` (where a new schedule starts).
pub fn first_chapter(course: &Course) -> Option<u32> {
    course.chapters.first().map(|c| c.number)
}

/// When the next scheduled post goes out after `now` (for `/daily status`):
/// today's time if still ahead, else tomorrow's.
pub fn next_post(
    schedule: &Schedule,
    last_day: Option<&str>,
    now: Timestamp,
    tz: &TimeZone,
) -> Option<Timestamp> {
    let today = local_date(now, tz);
    let posted_today = last_day == Some(today.to_string().as_str());
    let at = post_instant(today, schedule.time, tz)?;
    if at > now && !posted_today && at.as_second() >= schedule.since {
        return Some(at);
    }
    post_instant(today.tomorrow().ok()?, schedule.time, tz)
}

/// Whether a problem is worth a report to the admin: not when the previous
/// post had the same one (reported then; the admin knows).
pub fn should_report(previous: Option<&Outcome>, problem: Problem) -> bool {
    previous.and_then(Outcome::problem) != Some(problem)
}
