//! The scheduler against the fake Discord, with a controllable clock (each
//! tick is handed its "now"): the post at the right minute and once, nothing
//! before, no second post after a restart, exactly one post with two
//! schedulers racing on one database, a failing channel recorded, reported
//! once and retried the next day, a post whose thread fails (recorded and
//! reported the same way), and `/daily now`.

use std::sync::Arc;

use tempfile::TempDir;

use super::command::{admin, ask, set_line, ADMIN, CHANNEL, GUILD};
use crate::support::fake_discord::channels::DM_CHANNEL;
use crate::support::fake_discord::{Event, FakeDiscord};
use jiff::Timestamp;
use lectern::answer::Locale;
use lectern::daily::{Failure, Outcome, Problem};
use lectern::discord::daily::{Done, Scheduler};
use lectern::discord::poster::HttpPoster;
use lectern::discord::register::http_client;
use lectern::live::Live;
use lectern::store::{sqlite_url, Options, SharedStore};
use lectern::study::{Book, DailyBook};

const TOKEN: &str = "daily-test-token";

fn t(s: &str) -> Timestamp {
    s.parse().expect("a timestamp")
}

fn live() -> Arc<Live> {
    let config = crate::support::config();
    Arc::new(Live::new(config.clone(), config.content.clone()))
}

fn scheduler(fake: &FakeDiscord, live: &Arc<Live>, book: Arc<dyn Book>) -> Scheduler {
    let http = http_client(TOKEN, Some(&fake.api));
    Scheduler {
        live: live.clone(),
        book,
        poster: Arc::new(HttpPoster::new(Arc::new(http))),
    }
}

async fn sqlite_book(path: &std::path::Path) -> Arc<dyn Book> {
    Arc::new(SharedStore::start(sqlite_url(path), Options::default()).await)
}

/// The messages posted to `channel` among `events`.
fn posts(events: &[Event], channel: u64) -> Vec<serde_json::Value> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Posted {
                channel: c, body, ..
            } if *c == channel => Some(body.clone()),
            _ => None,
        })
        .collect()
}

/// Sets up a 09:00 (Seoul) post in [`CHANNEL`] through `/daily set`, at 10:00
/// on 2026-11-29: the first post is due on the 30th at 00:00 UTC.
async fn set_up(book: &dyn Book) {
    let lectern = crate::support::shipped();
    let set = ask(&lectern, book, &admin(), &set_line(), Locale::Ko).await;
    assert!(set.reply.is_ok(), "{:?}", set.reply);
}

/// `/daily status` as the admin reads it, as text.
async fn status(book: &dyn Book, l: Locale) -> String {
    let status = ask(
        &crate::support::shipped(),
        book,
        &admin(),
        "/daily status",
        l,
    )
    .await;
    lectern::cli::ask::to_text(&status.reply)
}

/// A scheduler on a fresh SQLite file (named `db`) with the post set up
/// ([`set_up`]), and the fake Discord it posts to.
async fn started(db: &str) -> (TempDir, FakeDiscord, Arc<dyn Book>, Scheduler) {
    let dir = crate::support::tempdir();
    let fake = FakeDiscord::start(TOKEN).await;
    let book = sqlite_book(&dir.path().join(db)).await;
    set_up(book.as_ref()).await;
    let s = scheduler(&fake, &live(), book.clone());
    (dir, fake, book, s)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn posts_at_the_minute_once_and_not_again_after_a_restart() {
    let dir = crate::support::tempdir();
    let db = dir.path().join("daily.sqlite3");
    let mut fake = FakeDiscord::start(TOKEN).await;
    let live = live();
    let book = sqlite_book(&db).await;
    set_up(book.as_ref()).await;
    let first = scheduler(&fake, &live, book.clone());

    // A minute early: nothing.
    assert!(first.tick(t("2026-11-29T23:59:00Z")).await.is_empty());
    assert!(posts(&fake.drain(), CHANNEL).is_empty());
    // 09:00 in Seoul: chapter 1, with its thread.
    let done = first.tick(t("2026-11-30T00:00:10Z")).await;
    assert_eq!(done.len(), 1, "{done:?}");
    assert_eq!(done[0].day, "2026-11-30");
    assert_eq!(done[0].chapter, 1);
    assert!(matches!(done[0].outcome, Outcome::Sent { .. }));
    let events = fake.drain();
    let sent = posts(&events, CHANNEL);
    assert_eq!(sent.len(), 1);
    assert!(sent[0]["embeds"][0]["description"]
        .as_str()
        .unwrap()
        .contains("오늘의 챕터"));
    let thread = events.iter().find_map(|e| match e {
        Event::Thread { channel, name, .. } => Some((*channel, name.clone())),
        _ => None,
    });
    let (thread_channel, name) = thread.expect("a thread on the post");
    assert_eq!(thread_channel, CHANNEL);
    assert!(name.contains("2026-11-30"), "{name}");
    // Ticks later that morning post nothing more.
    assert!(first.tick(t("2026-11-30T00:00:40Z")).await.is_empty());
    assert!(first.tick(t("2026-11-30T03:00:00Z")).await.is_empty());

    // A restart: a new scheduler on the same database file.
    drop(first);
    let reopened = sqlite_book(&db).await;
    let second = scheduler(&fake, &live, reopened.clone());
    assert!(second.tick(t("2026-11-30T00:01:00Z")).await.is_empty());
    assert!(posts(&fake.drain(), CHANNEL).is_empty());
    // The next day: the next chapter.
    let next = second.tick(t("2026-12-01T00:00:05Z")).await;
    assert_eq!(next.len(), 1);
    assert_eq!(next[0].chapter, 2);
    assert_eq!(posts(&fake.drain(), CHANNEL).len(), 1);
    // `/daily status` shows the last post, linked.
    let text = status(reopened.as_ref(), Locale::En).await;
    assert!(
        text.contains("Last post: 2026-12-01 · ch. 2 · posted"),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_schedulers_racing_on_one_sqlite_file_post_once() {
    let dir = crate::support::tempdir();
    let db = dir.path().join("race.sqlite3");
    let mut fake = FakeDiscord::start(TOKEN).await;
    let live = live();
    let a = sqlite_book(&db).await;
    let b = sqlite_book(&db).await;
    set_up(a.as_ref()).await;
    let (one, two) = (scheduler(&fake, &live, a), scheduler(&fake, &live, b));
    let at = t("2026-11-30T00:00:00Z");
    for _ in 0..3 {
        let (x, y) = tokio::join!(one.tick(at), two.tick(at));
        assert!(x.len() + y.len() <= 1);
    }
    assert_eq!(posts(&fake.drain(), CHANNEL).len(), 1);
}

/// The same race on PostgreSQL: the advisory lock lets one scheduler run,
/// and the claim would stop the other anyway.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_schedulers_racing_on_postgres_post_once() {
    let Some(url) = crate::support::store::postgres_url() else {
        return;
    };
    let mut fake = FakeDiscord::start(TOKEN).await;
    let live = live();
    let a = Arc::new(SharedStore::start(url.clone(), Options::default()).await);
    let b = Arc::new(SharedStore::start(url, Options::default()).await);
    // A server of its own, so earlier runs on the same database don't count.
    let guild = GUILD + (Timestamp::now().as_second() as u64 % 1_000_000);
    let me = lectern::study::Member { guild, ..admin() };
    let lectern = crate::support::shipped();
    let set = ask(&lectern, a.as_ref(), &me, &set_line(), Locale::Ko).await;
    assert!(set.reply.is_ok(), "{:?}", set.reply);
    let (one, two) = (
        scheduler(&fake, &live, a.clone()),
        scheduler(&fake, &live, b.clone()),
    );
    let at = t("2026-11-30T00:00:00Z");
    let (x, y) = tokio::join!(one.tick(at), two.tick(at));
    let mine = |d: &Vec<Done>| d.iter().filter(|d| d.guild == guild).count();
    assert_eq!(mine(&x) + mine(&y), 1);
    // Only one of them holds the lock; it goes when released.
    let (ha, hb) = (
        a.hold_scheduler().await.unwrap(),
        b.hold_scheduler().await.unwrap(),
    );
    assert!(ha != hb, "exactly one scheduler runs: {ha} {hb}");
    let (holder, other) = if ha { (&a, &b) } else { (&b, &a) };
    holder.release_scheduler_lock().await;
    assert!(other.hold_scheduler().await.unwrap());
    other.release_scheduler_lock().await;
    let events = fake.drain();
    assert_eq!(posts(&events, CHANNEL).len(), 1);
    a.remove_schedules(guild, None).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_channel_is_recorded_reported_once_and_retried_next_day() {
    let (_dir, mut fake, book, s) = started("fail.sqlite3").await;
    fake.fail_channel(CHANNEL, 403);

    let day1 = s.tick(t("2026-11-30T00:00:00Z")).await;
    assert_eq!(day1.len(), 1);
    assert_eq!(
        day1[0].outcome,
        Outcome::Failed {
            reason: Failure::MissingPermission
        }
    );
    assert!(day1[0].reported);
    let events = fake.drain();
    assert!(events
        .iter()
        .any(|e| matches!(e, Event::DmOpened { recipient } if *recipient == ADMIN)));
    let report = posts(&events, DM_CHANNEL);
    assert_eq!(report.len(), 1);
    let text = report[0]["embeds"][0]["description"].as_str().unwrap();
    assert!(
        text.contains("메시지 보내기"),
        "the permissions are named: {text}"
    );
    // The same minute again: no second try, no second report.
    assert!(s.tick(t("2026-11-30T00:00:30Z")).await.is_empty());

    // Next day, still failing: tried again (same chapter), not reported again.
    let day2 = s.tick(t("2026-12-01T00:00:00Z")).await;
    assert_eq!(day2[0].chapter, 1);
    assert!(!day2[0].reported);
    assert!(posts(&fake.drain(), DM_CHANNEL).is_empty());
    // `/daily status` names the failure.
    assert!(status(book.as_ref(), Locale::Ko).await.contains("실패"));

    // Fixed: the next day posts chapter 1 after all.
    fake.heal(CHANNEL);
    let day3 = s.tick(t("2026-12-02T00:00:00Z")).await;
    assert_eq!(day3[0].chapter, 1);
    assert!(matches!(day3[0].outcome, Outcome::Sent { .. }));
    // A deleted channel (404) is a new failure: reported.
    fake.fail_channel(CHANNEL, 404);
    let day4 = s.tick(t("2026-12-03T00:00:00Z")).await;
    assert_eq!(
        day4[0].outcome,
        Outcome::Failed {
            reason: Failure::UnknownChannel
        }
    );
    assert!(day4[0].reported);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_post_without_its_thread_is_recorded_and_reported_once() {
    let (_dir, mut fake, book, s) = started("thread.sqlite3").await;
    // The bot may post but not start threads (no Create Public Threads).
    fake.fail_threads(CHANNEL, 403);
    let threadless = |o: &Outcome| {
        matches!(
            o,
            Outcome::Sent {
                thread_failed: Some(Failure::MissingPermission),
                ..
            }
        )
    };

    let day1 = s.tick(t("2026-11-30T00:00:00Z")).await;
    assert!(threadless(&day1[0].outcome), "{day1:?}");
    assert!(day1[0].reported);
    let events = fake.drain();
    assert_eq!(posts(&events, CHANNEL).len(), 1, "the post stands");
    assert!(!events.iter().any(|e| matches!(e, Event::Thread { .. })));
    let report = posts(&events, DM_CHANNEL);
    assert_eq!(report.len(), 1);
    let title = report[0]["embeds"][0]["title"].as_str().unwrap();
    let text = report[0]["embeds"][0]["description"].as_str().unwrap();
    assert!(title.contains("스레드"), "{title}");
    assert!(
        text.contains("공개 스레드 만들기"),
        "the permission: {text}"
    );
    // `/daily status` shows the post and what became of its thread.
    let shown = status(book.as_ref(), Locale::Ko).await;
    assert!(
        shown.contains("올렸어요") && shown.contains("스레드 실패 — 봇에게 그 채널에서 스레드를"),
        "{shown}"
    );

    // The post counted: the next day is chapter 2; the same failure isn't
    // reported again.
    let day2 = s.tick(t("2026-12-01T00:00:00Z")).await;
    assert_eq!(day2[0].chapter, 2);
    assert!(threadless(&day2[0].outcome) && !day2[0].reported);
    assert!(posts(&fake.drain(), DM_CHANNEL).is_empty());
    // Healed: a thread again, nothing to report.
    fake.heal(CHANNEL);
    let day3 = s.tick(t("2026-12-02T00:00:00Z")).await;
    assert_eq!(day3[0].outcome.problem(), None, "{:?}", day3[0].outcome);
    assert!(fake
        .drain()
        .iter()
        .any(|e| matches!(e, Event::Thread { .. })));
    // The post itself refused after a thread failure is a new problem.
    fake.fail_threads(CHANNEL, 403);
    assert!(s.tick(t("2026-12-03T00:00:00Z")).await[0].reported);
    fake.fail_channel(CHANNEL, 403);
    let day5 = s.tick(t("2026-12-04T00:00:00Z")).await;
    let refused = Problem::Post(Failure::MissingPermission);
    assert_eq!(day5[0].outcome.problem(), Some(refused));
    assert!(day5[0].reported);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn daily_now_posts_at_the_next_tick_and_takes_the_day() {
    let dir = crate::support::tempdir();
    let mut fake = FakeDiscord::start(TOKEN).await;
    let live = live();
    let book = sqlite_book(&dir.path().join("now.sqlite3")).await;
    set_up(book.as_ref()).await;
    let lectern = crate::support::shipped();
    let asked = ask(&lectern, book.as_ref(), &admin(), "/daily now", Locale::Ko).await;
    assert!(asked.reply.is_ok(), "{:?}", asked.reply);
    let s = scheduler(&fake, &live, book.clone());
    // `ask` answers at 10:00 Seoul time; the next tick posts.
    let done = s.tick(t("2026-11-29T01:00:30Z")).await;
    assert_eq!(done.len(), 1);
    assert_eq!(done[0].day, "2026-11-29");
    assert_eq!(posts(&fake.drain(), CHANNEL).len(), 1);
    assert!(s.tick(t("2026-11-29T01:01:00Z")).await.is_empty());
    // A second `now` the same day is refused, kindly.
    let again = ask(&lectern, book.as_ref(), &admin(), "/daily now", Locale::Ko).await;
    assert!(lectern::cli::ask::to_text(&again.reply).contains("이미"));
    // Tomorrow's scheduled post is chapter 2.
    let tomorrow = s.tick(t("2026-11-30T00:00:00Z")).await;
    assert_eq!(tomorrow[0].chapter, 2);
    // The console's local server (which may share the database) is never posted for.
    let console = lectern::study::Member::local();
    ask(&lectern, book.as_ref(), &console, &set_line(), Locale::Ko).await;
    let mut local = book.schedules(Some(console.guild)).await.unwrap().remove(0);
    local.now_requested = Some(t("2026-11-30T00:00:00Z").as_second());
    book.save_schedule(&local).await.unwrap();
    assert!(s.tick(t("2026-11-30T00:00:30Z")).await.is_empty());
    assert!(
        posts(&fake.drain(), CHANNEL).len() == 1,
        "only tomorrow's post"
    );
}
