//! `/daily` through the core, as every adapter runs it: goldens of `status`
//! and of the post (ask/console text and Discord JSON, Korean and English),
//! friendly errors for unreadable times, admins only, and `/daily now` in
//! the console showing the post as it would appear.

use crate::support::shipped;
use lectern::answer::daily_post::daily_post;
use lectern::answer::slash::parse_slash;
use lectern::answer::state::{self, Stated};
use lectern::answer::{Button, Command, Locale, Request, NAMES};
use lectern::app::Lectern;
use lectern::cli::ask::to_text;
use lectern::daily::{LocalTime, Schedule};
use lectern::discord::render::{self, Frame};
use lectern::study::{Book, DailyBook, Member, MemoryBook};

/// 2026-11-29 10:00 in Seoul (01:00 UTC).
pub const NOW: i64 = 1_795_914_000;
pub const GUILD: u64 = 900_000_000_000_000_031;
pub const CHANNEL: u64 = 1_300_000_000_000_000_077;
pub const ADMIN: u64 = 700_000_000_000_000_005;

pub fn admin() -> Member {
    Member {
        user: ADMIN,
        guild: GUILD,
        name: "admin".into(),
        manager: true,
    }
}

pub async fn ask(
    lectern: &Lectern,
    book: &dyn Book,
    who: &Member,
    line: &str,
    l: Locale,
) -> Stated {
    let command = parse_slash(line).unwrap_or_else(|e| panic!("{line}: {e:?}"));
    state::respond(lectern, &Request::new(command, l), who, book, NOW).await
}

/// `/daily set` of [`CHANNEL`] at 09:00.
pub fn set_line() -> String {
    format!("/daily set <#{CHANNEL}> 9:00")
}

fn golden(name: &str, text: &str) {
    crate::support::golden(&format!("daily/{name}"), &format!("{text}\n"));
}

fn discord_json(stated: &Stated) -> serde_json::Value {
    let message = render::message(
        &stated.reply,
        &Frame {
            locale: stated.locale,
            source: Some(&stated.command),
            hidden: true,
            set_flag: true,
        },
    );
    serde_json::to_value(message).unwrap()
}

#[test]
fn now_is_ten_in_seoul() {
    let at = jiff::Timestamp::from_second(NOW).unwrap();
    let seoul = jiff::tz::TimeZone::get("Asia/Seoul").unwrap();
    assert_eq!(
        at.to_zoned(seoul).strftime("%F %R").to_string(),
        "2026-11-29 10:00"
    );
}

#[tokio::test]
async fn status_goldens_in_korean_and_english() {
    let lectern = shipped();
    let book = MemoryBook::new();
    let me = admin();
    for (tag, l) in [("ko", Locale::Ko), ("en", Locale::En)] {
        let empty = ask(&lectern, &book, &me, "/daily status", l).await;
        golden(&format!("status-empty.{tag}.txt"), &to_text(&empty.reply));
    }
    let set = ask(&lectern, &book, &me, &set_line(), Locale::Ko).await;
    assert!(set.reply.is_ok(), "{:?}", set.reply);
    golden("set.ko.txt", &to_text(&set.reply));
    for (tag, l) in [("ko", Locale::Ko), ("en", Locale::En)] {
        let status = ask(&lectern, &book, &me, "/daily status", l).await;
        golden(&format!("status.{tag}.txt"), &to_text(&status.reply));
        crate::support::golden_json(&format!("daily/status.{tag}.json"), &discord_json(&status));
    }
    // Set at 10:00 for 09:00: the next post is tomorrow, and who set it up is kept.
    let schedules = book.schedules(Some(GUILD)).await.unwrap();
    assert_eq!(schedules.len(), 1);
    assert_eq!(schedules[0].admin, Some(ADMIN));
    assert_eq!(schedules[0].time, LocalTime::new(9, 0).unwrap());
    assert_eq!(schedules[0].channel, CHANNEL);
}

#[tokio::test]
async fn unreadable_times_get_an_example_in_the_readers_language() {
    let lectern = shipped();
    let book = MemoryBook::new();
    let me = admin();
    let bad = format!("/daily set <#{CHANNEL}> 25:00");
    for (tag, l) in [("ko", Locale::Ko), ("en", Locale::En)] {
        let refused = ask(&lectern, &book, &me, &bad, l).await;
        golden(&format!("bad-time.{tag}.txt"), &to_text(&refused.reply));
    }
    let korean = ask(
        &lectern,
        &book,
        &me,
        &format!("/오늘의챕터 설정 <#{CHANNEL}> 오후 9시 30분"),
        Locale::Ko,
    )
    .await;
    assert!(korean.reply.is_ok(), "{:?}", korean.reply);
    let schedules = book.schedules(Some(GUILD)).await.unwrap();
    assert_eq!(schedules[0].time, LocalTime::new(21, 30).unwrap());
    // No channel, no time: said, never saved.
    let none = ask(&lectern, &book, &me, "/daily set", Locale::Ko).await;
    assert!(!none.reply.is_ok());
    assert!(to_text(&none.reply).contains("채널"));
    let bad_action = ask(&lectern, &book, &me, "/daily sometimes", Locale::En).await;
    assert!(!bad_action.reply.is_ok());
    // A channel typed by name (the console, `ask`) is named back with what
    // to give instead; nothing is saved.
    let named = ask(&lectern, &book, &me, "/daily set #공부방 9:00", Locale::Ko).await;
    let text = to_text(&named.reply);
    assert!(text.contains("#공부방은 채널로 읽을 수 없어요"), "{text}");
    assert!(text.contains("채널 ID"), "{text}");
    assert_eq!(
        book.schedules(Some(GUILD)).await.unwrap()[0].time,
        LocalTime::new(21, 30).unwrap()
    );
}

/// A time typed with a space after named options still reads whole, even
/// after a word given by position: `/daily set channel:… time:오전 9시`.
#[tokio::test]
async fn a_named_time_with_spaces_after_a_positional_action() {
    let lectern = shipped();
    let book = MemoryBook::new();
    let me = admin();
    let line = format!("/daily set channel:{CHANNEL} time:오전 9시");
    let set = ask(&lectern, &book, &me, &line, Locale::Ko).await;
    assert!(set.reply.is_ok(), "{:?}", set.reply);
    let schedules = book.schedules(Some(GUILD)).await.unwrap();
    assert_eq!(schedules[0].time, LocalTime::new(9, 0).unwrap());
}

#[tokio::test]
async fn only_managers_change_it_everyone_may_see_it() {
    let lectern = shipped();
    let book = MemoryBook::new();
    let member = Member {
        manager: false,
        user: 42,
        ..admin()
    };
    for line in [
        format!("/daily set <#{CHANNEL}> 9:00"),
        "/daily off".into(),
        "/daily now".into(),
    ] {
        let refused = ask(&lectern, &book, &member, &line, Locale::Ko).await;
        assert!(to_text(&refused.reply).contains("관리자"), "{line}");
    }
    assert!(book.schedules(None).await.unwrap().is_empty());
    let status = ask(&lectern, &book, &member, "/daily status", Locale::Ko).await;
    assert!(status.reply.is_ok());
}

#[tokio::test]
async fn off_removes_the_schedule() {
    let lectern = shipped();
    let book = MemoryBook::new();
    let me = admin();
    ask(&lectern, &book, &me, &set_line(), Locale::Ko).await;
    let off = ask(&lectern, &book, &me, "/daily off", Locale::Ko).await;
    assert!(off.reply.is_ok());
    assert!(book.schedules(None).await.unwrap().is_empty());
    let again = ask(&lectern, &book, &me, "/daily off", Locale::En).await;
    assert!(to_text(&again.reply).contains("No daily post"));
}

/// The post of chapter 21 (the one with notes) as the channel gets it.
#[test]
fn post_goldens_in_korean_and_english() {
    let lectern = shipped();
    for (tag, l) in [("ko", Locale::Ko), ("en", Locale::En)] {
        let post =
            daily_post(&lectern, l, NAMES, "deep-dive-llms", 21, "2026-11-29").expect("a post");
        golden(
            &format!("post.{tag}.txt"),
            &format!("{}\n\n# thread: {}", to_text(&post.reply), post.thread),
        );
        let json = serde_json::to_value(render::channel_message(&post.reply, l)).unwrap();
        crate::support::golden_json(&format!("daily/post.{tag}.json"), &json);
        assert!(post.thread.chars().count() <= 100);
        // No paging to other chapters under a post that stays in the channel.
        assert!(!post.reply.buttons.iter().any(|b| matches!(b,
            Button::Run { command: Command::Summary { chapter, .. }, .. } if chapter != "21")));
    }
    assert!(daily_post(
        &lectern,
        Locale::Ko,
        NAMES,
        "deep-dive-llms",
        999,
        "2026-11-29"
    )
    .is_none());
    assert!(daily_post(
        &lectern,
        Locale::Ko,
        NAMES,
        "no-such-course",
        21,
        "2026-11-29"
    )
    .is_none());
}

/// The quiz button is `/quiz chapter:N`, present exactly when the command
/// table has a `quiz` command (it arrives with the quiz work).
#[test]
fn the_quiz_button_appears_with_the_quiz_command() {
    let lectern = shipped();
    let post = daily_post(
        &lectern,
        Locale::Ko,
        NAMES,
        "deep-dive-llms",
        21,
        "2026-11-29",
    )
    .unwrap();
    let quiz = post.reply.buttons.iter().find_map(|b| match b {
        Button::Run { command, label } if command.name() == "quiz" => Some((command, label)),
        _ => None,
    });
    match NAMES.find("quiz") {
        Some(_) => {
            let (command, label) = quiz.expect("a quiz button");
            assert!(label.contains("퀴즈"));
            assert!(command.values().contains(&Some("21".to_string())));
        }
        None => assert!(quiz.is_none()),
    }
}

#[tokio::test]
async fn now_in_the_console_shows_the_post_as_it_would_appear() {
    let lectern = shipped();
    let book = MemoryBook::new();
    let console = Member::local();
    let shown = ask(&lectern, &book, &console, "/daily now", Locale::Ko).await;
    let text = to_text(&shown.reply);
    assert!(text.contains("오늘의 챕터"), "{text}");
    assert!(
        text.contains("콘솔에서는 디스코드에 올리지 않아요"),
        "{text}"
    );
    // Nothing was claimed or changed.
    assert!(book
        .recent_posts(console.guild, "deep-dive-llms", 5)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn now_asks_the_scheduler_and_refuses_a_second_post_the_same_day() {
    let lectern = shipped();
    let book = MemoryBook::new();
    let me = admin();
    let unset = ask(&lectern, &book, &me, "/daily now", Locale::Ko).await;
    assert!(!unset.reply.is_ok());
    ask(&lectern, &book, &me, &set_line(), Locale::Ko).await;
    let asked = ask(&lectern, &book, &me, "/daily now", Locale::Ko).await;
    assert!(asked.reply.is_ok(), "{:?}", asked.reply);
    let s: Schedule = book.schedules(Some(GUILD)).await.unwrap().remove(0);
    assert_eq!(s.now_requested, Some(NOW));
}
