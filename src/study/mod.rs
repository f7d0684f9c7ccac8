//! Study state as plain data: what a member has watched, how long their streak
//! is, how a server's members compare. Pure functions over snapshots the
//! adapters read through [`crate::store`]; no I/O and no clock here (the caller
//! passes "now"), so every rule is testable with fixed inputs. The commands
//! reach the state through the small [`Book`] trait, which the
//! store implements and [`MemoryBook`] doubles in tests.

mod book;
mod memory;

pub use book::{Book, Mark, Member, Unavailable, Watched, LOCAL_GUILD, LOCAL_USER};
pub use memory::MemoryBook;

use jiff::tz::TimeZone;
use jiff::Timestamp;

use crate::library::model::Course;

/// The time zone of a server that hasn't chosen one.
pub const DEFAULT_TIME_ZONE: &str = "Asia/Seoul";

/// A server's choices; `None` falls back to the config.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct GuildSettings {
    pub default_course: Option<String>,
    /// `ko` or `en`.
    pub locale: Option<String>,
    pub hidden_by_default: Option<bool>,
    /// An IANA name such as `Asia/Seoul`.
    pub time_zone: Option<String>,
}

impl GuildSettings {
    /// The server's time zone, or [`DEFAULT_TIME_ZONE`] when unset or unknown.
    pub fn time_zone(&self) -> TimeZone {
        self.time_zone
            .as_deref()
            .and_then(time_zone)
            .unwrap_or_else(default_time_zone)
    }
}

/// The zone named `name`, if the bundled database knows it.
pub fn time_zone(name: &str) -> Option<TimeZone> {
    TimeZone::get(name.trim()).ok()
}

fn default_time_zone() -> TimeZone {
    TimeZone::get(DEFAULT_TIME_ZONE).unwrap_or(TimeZone::UTC)
}

/// The calendar day (`YYYY-MM-DD`) of the instant `unix_seconds` in `tz`.
pub fn local_day(unix_seconds: i64, tz: &TimeZone) -> String {
    let at = Timestamp::from_second(unix_seconds).unwrap_or(Timestamp::UNIX_EPOCH);
    at.to_zoned(tz.clone()).date().to_string()
}

/// Consecutive study days ending today, or yesterday (a streak survives until
/// the day is over). `days` are `YYYY-MM-DD`, in any order, duplicates allowed.
pub fn streak(days: &[String], today: &str) -> u32 {
    let Ok(today) = today.parse::<jiff::civil::Date>() else {
        return 0;
    };
    let mut dates: Vec<jiff::civil::Date> = days.iter().filter_map(|d| d.parse().ok()).collect();
    dates.sort_unstable();
    dates.dedup();
    let Some(&last) = dates.last() else {
        return 0;
    };
    let yesterday = today.yesterday().ok();
    if last != today && Some(last) != yesterday {
        return 0;
    }
    let mut count = 1;
    let mut expected = last.yesterday().ok();
    for &date in dates.iter().rev().skip(1) {
        if Some(date) != expected {
            break;
        }
        count += 1;
        expected = date.yesterday().ok();
    }
    count
}

/// One member's standing in one course.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseProgress {
    pub course: String,
    /// Chapters of the course marked watched (chapters no longer in the
    /// course are not counted).
    pub done: usize,
    pub total: usize,
    /// The first chapter, in course order, not yet watched.
    pub next: Option<u32>,
}

/// `watched` (chapter numbers, any order) measured against `course`.
pub fn course_progress(course: &Course, watched: &[u32]) -> CourseProgress {
    let seen = |n: u32| watched.contains(&n);
    CourseProgress {
        course: course.id.clone(),
        done: course.chapters.iter().filter(|c| seen(c.number)).count(),
        total: course.chapters.len(),
        next: course.chapters.iter().map(|c| c.number).find(|&n| !seen(n)),
    }
}

/// One member's totals in a server, as the store aggregates them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberTotals {
    pub user_id: u64,
    pub done: u64,
    /// Unix seconds of the latest watch.
    pub last_active: i64,
}

/// A page of the board: members with most chapters first, ties broken by the
/// most recently active, then by id (a stable order for paging).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardPage {
    pub rows: Vec<MemberTotals>,
    /// Zero-based, clamped to the pages that exist.
    pub page: usize,
    pub pages: usize,
}

/// Page `page` of `members`, `per_page` rows each (at least one).
pub fn board_page(mut members: Vec<MemberTotals>, page: usize, per_page: usize) -> BoardPage {
    let per_page = per_page.max(1);
    members.sort_by(|a, b| {
        b.done
            .cmp(&a.done)
            .then(b.last_active.cmp(&a.last_active))
            .then(a.user_id.cmp(&b.user_id))
    });
    let pages = members.len().div_ceil(per_page).max(1);
    let page = page.min(pages - 1);
    let rows = members
        .into_iter()
        .skip(page * per_page)
        .take(per_page)
        .collect();
    BoardPage { rows, page, pages }
}

/// Whole days from `earlier` to `later` (both `YYYY-MM-DD`); `None` when
/// either can't be read.
pub fn days_between(earlier: &str, later: &str) -> Option<i64> {
    let earlier: jiff::civil::Date = earlier.parse().ok()?;
    let later: jiff::civil::Date = later.parse().ok()?;
    earlier
        .until(later)
        .ok()
        .map(|span| i64::from(span.get_days()))
}
