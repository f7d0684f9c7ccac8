//! The pure rules of `src/daily`: reading a time of day, when a post is due
//! (and for which local date), DST gaps and folds, which chapter is next,
//! when a failure is reported.

use jiff::tz::TimeZone;
use jiff::Timestamp;
use lectern::daily::{
    self, after, due, first_chapter, next_chapter, parse_time, post_instant, should_report,
    Failure, LocalTime, Outcome, Problem, Schedule, TimeError,
};

fn t(s: &str) -> Timestamp {
    s.parse().expect("a timestamp")
}

fn at(hour: i64, minute: i64) -> LocalTime {
    LocalTime::new(hour, minute).expect("a time of day")
}

#[test]
fn times_are_read_in_english_and_korean() {
    for (typed, want) in [
        ("9:00", at(9, 0)),
        ("09:00", at(9, 0)),
        ("21:30", at(21, 30)),
        ("0930", at(9, 30)),
        ("7", at(7, 0)),
        ("０９：１５", at(9, 15)),
        ("오전 9시", at(9, 0)),
        ("오후 9시 30분", at(21, 30)),
        ("오후9시", at(21, 0)),
        ("9시 반", at(9, 30)),
        ("아침 9시", at(9, 0)),
        ("오전 12시", at(0, 0)),
        ("오후 12시", at(12, 0)),
        ("저녁 7시 5분", at(19, 5)),
    ] {
        assert_eq!(parse_time(typed), Ok(want), "{typed}");
    }
    for (typed, why) in [
        ("25:00", TimeError::OutOfRange),
        ("9:60", TimeError::OutOfRange),
        ("오후 13시", TimeError::OutOfRange),
        ("", TimeError::Unreadable),
        ("nine", TimeError::Unreadable),
        ("9:00:00", TimeError::Unreadable),
        ("점심 12시", TimeError::Unreadable),
        ("9시 삼십분", TimeError::Unreadable),
    ] {
        assert_eq!(parse_time(typed), Err(why), "{typed}");
    }
    assert_eq!(at(9, 5).to_string(), "09:05");
    assert_eq!(
        LocalTime::from_minutes(at(21, 30).minutes()),
        Some(at(21, 30))
    );
    assert_eq!(LocalTime::from_minutes(24 * 60), None);
}

fn schedule(time: LocalTime, since: &str) -> Schedule {
    Schedule {
        guild: 7,
        course: "deep-dive-llms".into(),
        channel: 11,
        time,
        admin: Some(5),
        next_chapter: Some(1),
        since: t(since).as_second(),
        now_requested: None,
    }
}

#[test]
fn a_post_is_due_from_its_local_minute_for_a_few_hours_once_a_day() {
    let lectern = crate::support::shipped();
    let course = &lectern.library.courses[0];
    let seoul = TimeZone::get("Asia/Seoul").unwrap();
    let s = schedule(at(9, 0), "2026-11-01T00:00:00Z");
    // 09:00 in Seoul is 00:00 UTC.
    assert_eq!(
        due(&s, course, None, t("2026-11-28T23:59:59Z"), &seoul),
        None
    );
    let first = due(&s, course, None, t("2026-11-29T00:00:00Z"), &seoul).expect("due");
    assert_eq!(first.day.to_string(), "2026-11-29");
    assert_eq!(first.chapter, 1);
    // Still due later that morning (a bot that was down), not in the evening.
    assert!(due(&s, course, None, t("2026-11-29T05:59:00Z"), &seoul).is_some());
    assert_eq!(
        due(&s, course, None, t("2026-11-29T06:00:00Z"), &seoul),
        None
    );
    // Once claimed, the day is done.
    assert_eq!(
        due(
            &s,
            course,
            Some("2026-11-29"),
            t("2026-11-29T00:01:00Z"),
            &seoul
        ),
        None
    );
    // The local date is Seoul's: 23:30 UTC on the 29th is the 30th there.
    let late = schedule(at(8, 30), "2026-11-01T00:00:00Z");
    let d = due(
        &late,
        course,
        Some("2026-11-29"),
        t("2026-11-29T23:30:00Z"),
        &seoul,
    )
    .unwrap();
    assert_eq!(d.day.to_string(), "2026-11-30");
}

#[test]
fn setting_a_time_already_past_today_starts_tomorrow() {
    let lectern = crate::support::shipped();
    let course = &lectern.library.courses[0];
    let seoul = TimeZone::get("Asia/Seoul").unwrap();
    // Set at 10:00 Seoul time for 09:00: nothing today…
    let s = schedule(at(9, 0), "2026-11-29T01:00:00Z");
    assert_eq!(
        due(&s, course, None, t("2026-11-29T01:00:30Z"), &seoul),
        None
    );
    // …and the next post is tomorrow at 09:00.
    let next = daily::next_post(&s, None, t("2026-11-29T01:00:30Z"), &seoul).unwrap();
    assert_eq!(next, t("2026-11-30T00:00:00Z"));
    assert!(due(&s, course, None, t("2026-11-30T00:00:00Z"), &seoul).is_some());
    // A `/daily now` is due at once, whatever the time.
    let asked = Schedule {
        now_requested: Some(t("2026-11-29T01:00:10Z").as_second()),
        ..s
    };
    assert!(due(&asked, course, None, t("2026-11-29T01:00:30Z"), &seoul).is_some());
}

#[test]
fn daylight_saving_gaps_and_folds_are_resolved_by_the_zone() {
    let ny = TimeZone::get("America/New_York").unwrap();
    // 2026-03-08: 02:00 jumps to 03:00; 02:30 doesn't exist → 03:30 EDT.
    let gap = post_instant("2026-03-08".parse().unwrap(), at(2, 30), &ny).unwrap();
    assert_eq!(gap, t("2026-03-08T07:30:00Z"));
    // 2026-11-01: 01:30 happens twice → the first (EDT, UTC-4).
    let fold = post_instant("2026-11-01".parse().unwrap(), at(1, 30), &ny).unwrap();
    assert_eq!(fold, t("2026-11-01T05:30:00Z"));
    // A half-hour zone (Asia/Kolkata, UTC+5:30) and one with no DST.
    let kolkata = TimeZone::get("Asia/Kolkata").unwrap();
    let k = post_instant("2026-11-29".parse().unwrap(), at(9, 0), &kolkata).unwrap();
    assert_eq!(k, t("2026-11-29T03:30:00Z"));
    // On the gap day the post is due once, after the gap.
    let lectern = crate::support::shipped();
    let course = &lectern.library.courses[0];
    let s = schedule(at(2, 30), "2026-03-01T00:00:00Z");
    assert_eq!(due(&s, course, None, t("2026-03-08T07:29:00Z"), &ny), None);
    assert!(due(&s, course, None, t("2026-03-08T07:30:00Z"), &ny).is_some());
}

#[test]
fn chapters_go_in_order_and_stop_at_the_end() {
    let lectern = crate::support::shipped();
    let course = &lectern.library.courses[0];
    let numbers: Vec<u32> = course.chapters.iter().map(|c| c.number).collect();
    let last = *numbers.last().unwrap();
    assert_eq!(first_chapter(course), Some(numbers[0]));
    assert_eq!(after(course, numbers[0]), Some(numbers[1]));
    assert_eq!(after(course, last), None);
    assert_eq!(next_chapter(course, Some(3)), Some(3));
    assert_eq!(next_chapter(course, None), None);
    // A chapter no longer in the course: the next one after it.
    assert_eq!(next_chapter(course, Some(last + 5)), None);
    // Done: never due.
    let seoul = TimeZone::get("Asia/Seoul").unwrap();
    let done = Schedule {
        next_chapter: None,
        ..schedule(at(9, 0), "2026-11-01T00:00:00Z")
    };
    assert_eq!(
        due(&done, course, None, t("2026-11-29T00:00:00Z"), &seoul),
        None
    );
}

#[test]
fn a_failure_is_reported_once_while_it_repeats() {
    let denied = Outcome::Failed {
        reason: Failure::MissingPermission,
    };
    let denied_now = Problem::Post(Failure::MissingPermission);
    assert!(should_report(None, denied_now));
    assert!(should_report(
        Some(&Outcome::Sent {
            message: 1,
            thread_failed: None
        }),
        denied_now
    ));
    assert!(!should_report(Some(&denied), denied_now));
    assert!(should_report(
        Some(&denied),
        Problem::Post(Failure::UnknownChannel)
    ));
    // A thread that failed is a problem of its own: the same failure of the
    // post itself is news, the same thread failure again is not.
    let threadless = Outcome::Sent {
        message: 1,
        thread_failed: Some(Failure::MissingPermission),
    };
    assert_eq!(
        threadless.problem(),
        Some(Problem::Thread(Failure::MissingPermission))
    );
    assert!(should_report(Some(&threadless), denied_now));
    assert!(should_report(
        Some(&denied),
        Problem::Thread(Failure::MissingPermission)
    ));
    assert!(!should_report(
        Some(&threadless),
        Problem::Thread(Failure::MissingPermission)
    ));
    for f in [
        Failure::MissingPermission,
        Failure::UnknownChannel,
        Failure::Other,
    ] {
        assert_eq!(Failure::from_code(f.code()), f);
    }
}
