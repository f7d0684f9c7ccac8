//! The pure study rules: local days, streaks, board paging.

use lectern::study::{self, board_page, streak, GuildSettings, MemberTotals};

fn days(list: &[&str]) -> Vec<String> {
    list.iter().map(|d| d.to_string()).collect()
}

#[test]
fn local_day_uses_the_guild_time_zone() {
    // 2026-01-01 16:00 UTC is already 2026-01-02 01:00 in Seoul.
    let at = 1_767_283_200;
    let seoul = GuildSettings::default().time_zone();
    assert_eq!(study::local_day(at, &seoul), "2026-01-02");
    let utc = study::time_zone("UTC").unwrap();
    assert_eq!(study::local_day(at, &utc), "2026-01-01");
    let unknown = GuildSettings {
        time_zone: Some("Mars/Olympus".into()),
        ..Default::default()
    };
    assert_eq!(
        study::local_day(at, &unknown.time_zone()),
        "2026-01-02",
        "unknown → Seoul"
    );
}

#[test]
fn streak_counts_consecutive_days_ending_today_or_yesterday() {
    let d = days(&[
        "2026-01-01",
        "2026-01-03",
        "2026-01-04",
        "2026-01-05",
        "2026-01-05",
    ]);
    assert_eq!(streak(&d, "2026-01-05"), 3);
    assert_eq!(streak(&d, "2026-01-06"), 3, "alive until the day ends");
    assert_eq!(streak(&d, "2026-01-07"), 0);
    assert_eq!(streak(&[], "2026-01-07"), 0);
    assert_eq!(streak(&days(&["garbage"]), "2026-01-07"), 0);
    assert_eq!(streak(&d, "not a date"), 0);
    let across_month = days(&["2026-01-31", "2026-02-01"]);
    assert_eq!(streak(&across_month, "2026-02-01"), 2);
}

fn member(user_id: u64, done: u64, last_active: i64) -> MemberTotals {
    MemberTotals {
        user_id,
        done,
        last_active,
    }
}

#[test]
fn board_orders_and_pages() {
    let members: Vec<_> = (0..50).map(|i| member(i, i % 7, i as i64)).collect();
    let first = board_page(members.clone(), 0, 20);
    assert_eq!((first.page, first.pages, first.rows.len()), (0, 3, 20));
    assert_eq!(first.rows[0].done, 6);
    assert!(first.rows.windows(2).all(|w| w[0].done >= w[1].done));
    let last = board_page(members.clone(), 99, 20);
    assert_eq!(
        (last.page, last.rows.len()),
        (2, 10),
        "clamped to the last page"
    );
    let all: Vec<u64> = (0..3)
        .flat_map(|p| board_page(members.clone(), p, 20).rows)
        .map(|m| m.user_id)
        .collect();
    let mut sorted = all.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), 50, "every member on exactly one page");
    let empty = board_page(Vec::new(), 0, 0);
    assert_eq!((empty.page, empty.pages, empty.rows.len()), (0, 1, 0));
    let tie = board_page(vec![member(1, 2, 10), member(2, 2, 20)], 0, 10);
    assert_eq!(tie.rows[0].user_id, 2, "ties: most recently active first");
}
