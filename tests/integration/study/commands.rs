//! The study commands end to end: golden replies (ko and en) from the core,
//! the "✅ 봤어요" button through the Discord layer, idempotence, one
//! progress per server, `/forget-me`, a database that is down, and the HTTP
//! endpoint on a real SQLite file.

use std::sync::Arc;

use crate::support::{config, shipped};
use ed25519_dalek::{Signer, SigningKey};
use lectern::answer::slash::parse_slash;
use lectern::answer::state::{self, Stated};
use lectern::answer::{Button, Command, Locale, Request};
use lectern::app::Lectern;
use lectern::cli::ask::to_text;
use lectern::discord::http::Endpoint;
use lectern::discord::{self, synthetic, Interaction, Settings};
use lectern::live::Live;
use lectern::store::{self, Options, SharedStore};
use lectern::study::{Book, Member, MemoryBook};
use serde_json::{json, Value};

/// 2026-01-02 01:00 in Seoul (2026-01-01 16:00 UTC).
const NOW: i64 = 1_767_283_200;
const DAY: i64 = 86_400;
const GUILD: u64 = 900_000_000_000_000_001;
const OTHER_GUILD: u64 = 900_000_000_000_000_002;

fn member(user: u64, guild: u64, manager: bool) -> Member {
    Member {
        user,
        guild,
        name: format!("member{user}"),
        manager,
    }
}

async fn ask(lectern: &Lectern, book: &dyn Book, who: &Member, line: &str, l: Locale) -> Stated {
    ask_at(lectern, book, who, line, l, NOW).await
}

async fn ask_at(
    lectern: &Lectern,
    book: &dyn Book,
    who: &Member,
    line: &str,
    l: Locale,
    now: i64,
) -> Stated {
    let command = parse_slash(line).unwrap_or_else(|e| panic!("{line}: {e:?}"));
    state::respond(lectern, &Request::new(command, l), who, book, now).await
}

fn golden(name: &str, text: &str) {
    crate::support::golden(&format!("study/{name}"), &format!("{text}\n"));
}

#[tokio::test]
async fn golden_replies_of_every_state_command() {
    let lectern = shipped();
    let book = MemoryBook::new();
    let me = member(11, GUILD, true);
    let other = member(12, GUILD, false);
    // Two days of study for me, one chapter for the other member.
    ask_at(&lectern, &book, &me, "/watched 1", Locale::Ko, NOW - DAY).await;
    ask_at(
        &lectern,
        &book,
        &other,
        "/watched 1",
        Locale::Ko,
        NOW - 3 * DAY,
    )
    .await;
    for (tag, l) in [("ko", Locale::Ko), ("en", Locale::En)] {
        let lines = [
            ("watched", "/watched 2"),
            ("watched-again", "/watched 2"),
            ("unwatch", "/unwatch 2"),
            ("progress", "/progress"),
            ("progress-other", "/progress member:<@12>"),
            ("progress-unknown-member", "/progress member:abc"),
            ("board", "/board"),
            ("settings", "/settings"),
            ("forget-me", "/forget-me"),
        ];
        for (name, line) in lines {
            let stated = ask(&lectern, &book, &me, line, l).await;
            golden(&format!("{name}.{tag}.txt"), &to_text(&stated.reply));
        }
        // Put chapter 2 back for the next language's run.
        ask(&lectern, &book, &me, "/watched 2", l).await;
        ask(&lectern, &book, &me, "/unwatch 2", l).await;
    }
}

#[tokio::test]
async fn watched_is_idempotent_and_counts_once() {
    let lectern = shipped();
    let book = MemoryBook::new();
    let me = member(21, GUILD, false);
    let first = ask(&lectern, &book, &me, "/watched 21", Locale::Ko).await;
    assert!(first.reply.is_ok(), "{:?}", first.reply);
    assert!(first.reply.text.contains("봤어요로 표시했어요"));
    let again = ask(&lectern, &book, &me, "/watched 전망", Locale::Ko).await;
    assert!(again.reply.text.contains("이미"), "{}", again.reply.text);
    let rows = book.watched(GUILD, me.user).await.unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].chapter, 21);
    let board = book.member_totals(GUILD, None).await.unwrap();
    assert_eq!(board[0].done, 1);
}

#[tokio::test]
async fn each_server_has_its_own_progress() {
    let lectern = shipped();
    let book = MemoryBook::new();
    let here = member(31, GUILD, false);
    let there = member(31, OTHER_GUILD, false);
    ask(&lectern, &book, &here, "/watched 1", Locale::En).await;
    ask(&lectern, &book, &here, "/watched 2", Locale::En).await;
    ask(&lectern, &book, &there, "/watched 5", Locale::En).await;
    let p_here = ask(&lectern, &book, &here, "/progress", Locale::En).await;
    let p_there = ask(&lectern, &book, &there, "/progress", Locale::En).await;
    assert!(
        p_here.reply.fields[0].value.contains("**2/24**"),
        "{:?}",
        p_here.reply.fields
    );
    assert!(p_there.reply.fields[0].value.contains("**1/24**"));
    // Next chapter: 3 here, 1 there.
    assert!(p_here.reply.fields[0].value.contains("[3. "));
    assert!(p_there.reply.fields[0].value.contains("[1. "));
    let board_there = ask(&lectern, &book, &there, "/board", Locale::En).await;
    assert!(
        board_there.reply.text.contains("<@31> · 1/24"),
        "{}",
        board_there.reply.text
    );
}

#[tokio::test]
async fn forget_me_asks_first_then_deletes_everything_of_the_member_only() {
    let lectern = shipped();
    let book = MemoryBook::new();
    let me = member(41, GUILD, false);
    let elsewhere = member(41, OTHER_GUILD, false);
    let neighbour = member(42, GUILD, false);
    ask(&lectern, &book, &me, "/watched 1", Locale::Ko).await;
    ask(&lectern, &book, &me, "/watched 2", Locale::Ko).await;
    ask(&lectern, &book, &elsewhere, "/watched 3", Locale::Ko).await;
    ask(&lectern, &book, &neighbour, "/watched 3", Locale::Ko).await;
    let asked = ask(&lectern, &book, &me, "/forget-me", Locale::Ko).await;
    assert_eq!(
        book.watched(GUILD, 41).await.unwrap().len(),
        2,
        "nothing yet"
    );
    let confirm = asked
        .reply
        .buttons
        .iter()
        .find_map(|b| match b {
            Button::Run { command, .. } => Some(command.clone()),
            _ => None,
        })
        .expect("a confirm button");
    assert_eq!(confirm, Command::ForgetMe { confirm: true });
    let done = state::respond(
        &lectern,
        &Request::new(confirm, Locale::Ko),
        &me,
        &book,
        NOW,
    )
    .await;
    // Three chapters and two study days (one per server).
    assert!(done.reply.text.contains("5개"), "{}", done.reply.text);
    assert!(book.watched(GUILD, 41).await.unwrap().is_empty());
    assert!(book.watched(OTHER_GUILD, 41).await.unwrap().is_empty());
    assert_eq!(book.watched(GUILD, 42).await.unwrap().len(), 1);
    // Nothing left: said so, not "0개를 지웠어요".
    let again = state::respond(
        &lectern,
        &Request::new(Command::ForgetMe { confirm: true }, Locale::Ko),
        &me,
        &book,
        NOW,
    )
    .await;
    assert!(
        again.reply.title.contains("없어요"),
        "{}",
        again.reply.title
    );
    assert!(!again.reply.text.contains("0개"), "{}", again.reply.text);
}

#[tokio::test]
async fn database_down_state_commands_say_so_lookups_answer() {
    let lectern = shipped();
    let book = MemoryBook::new();
    book.set_down(true);
    let me = member(51, GUILD, true);
    for (line, l, words) in [
        ("/watched 21", Locale::Ko, "학습 기록을 쓸 수 없어요"),
        ("/progress", Locale::En, "Study records are unavailable"),
        ("/board", Locale::Ko, "학습 기록을 쓸 수 없어요"),
        (
            "/settings language:en",
            Locale::Ko,
            "학습 기록을 쓸 수 없어요",
        ),
        (
            "/forget-me confirm:yes",
            Locale::En,
            "Study records are unavailable",
        ),
    ] {
        let stated = ask(&lectern, &book, &me, line, l).await;
        assert!(!stated.reply.is_ok(), "{line}");
        assert!(stated.reply.ephemeral, "{line}");
        assert_eq!(stated.reply.title, words, "{line}");
    }
    let summary = ask(&lectern, &book, &me, "/summary 21", Locale::Ko).await;
    assert!(summary.reply.is_ok());
    assert!(summary.reply.title.starts_with("21."));
}

#[tokio::test]
async fn settings_are_for_managers_and_apply_to_every_command() {
    let lectern = shipped();
    let book = MemoryBook::new();
    let admin = member(61, GUILD, true);
    let student = member(62, GUILD, false);
    let refused = ask(
        &lectern,
        &book,
        &student,
        "/settings language:en",
        Locale::Ko,
    )
    .await;
    assert!(!refused.reply.is_ok());
    let saved = ask(
        &lectern,
        &book,
        &admin,
        "/settings language:en hidden:yes time_zone:UTC",
        Locale::Ko,
    )
    .await;
    assert!(saved.reply.is_ok(), "{:?}", saved.reply);
    assert!(
        saved.reply.text.starts_with("Saved."),
        "a new language confirms in itself: {}",
        saved.reply.text
    );
    // A Korean reader in this server now gets English, and hidden answers.
    let summary = ask(&lectern, &book, &student, "/summary 21", Locale::Ko).await;
    assert_eq!(summary.locale, Locale::En);
    assert!(summary.reply.footer.unwrap().contains("Chapter 21/24"));
    assert!(state::hidden_by_default(&summary.settings, false));
    // Streak days are counted in UTC now: NOW is still 2026-01-01 there.
    ask(&lectern, &book, &student, "/watched 1", Locale::Ko).await;
    assert_eq!(
        book.study_days(GUILD, 62).await.unwrap(),
        vec!["2026-01-01"]
    );
    let bad = ask(
        &lectern,
        &book,
        &admin,
        "/settings time_zone:Mars/Base",
        Locale::Ko,
    )
    .await;
    assert!(!bad.reply.is_ok());
    let reset = ask(
        &lectern,
        &book,
        &admin,
        "/settings language:default",
        Locale::Ko,
    )
    .await;
    assert!(reset.reply.is_ok());
    assert!(
        reset.reply.text.starts_with("저장했어요"),
        "back to default confirms in the reader's language: {}",
        reset.reply.text
    );
    assert_eq!(book.settings(GUILD).await.unwrap().locale, None);
    let after = ask(&lectern, &book, &student, "/summary 21", Locale::Ko).await;
    assert_eq!(after.locale, Locale::Ko, "the reader's language again");
}

fn interaction(mut value: Value, user: u64, guild: u64) -> Interaction {
    value["guild_id"] = json!(guild.to_string());
    value["member"]["user"]["id"] = json!(user.to_string());
    serde_json::from_value(value).expect("serenity reads it")
}

fn live() -> Arc<Live> {
    let config = config();
    Arc::new(Live::new(config.clone(), config.content.clone()))
}

#[tokio::test]
async fn the_watched_button_on_a_chapter_reply_marks_for_whoever_presses_it() {
    let live = live();
    let book = MemoryBook::new();
    let settings = Settings::default();
    let summary = Command::Summary {
        course: None,
        chapter: "21".into(),
    };
    let asked = interaction(
        synthetic::command_interaction(&summary, None, "ko"),
        71,
        GUILD,
    );
    let response = discord::study::answer(&live, &settings, Some(&book), &asked, NOW).await;
    let json = discord::response_json(&response.into_response()).unwrap();
    let ids: Vec<String> = json["data"]["components"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|row| row["components"].as_array().unwrap().clone())
        .filter_map(|b| b["custom_id"].as_str().map(str::to_string))
        .collect();
    let watched = ids
        .iter()
        .find(|id| id.contains(":w:") || id.contains("w:21"))
        .unwrap_or_else(|| panic!("a ✅ button among {ids:?}"));
    assert_eq!(watched, "v1:+w:21");
    for presser in [72, 73, 72] {
        let click = interaction(
            synthetic::component_interaction(watched, "ko", false),
            presser,
            GUILD,
        );
        let response = discord::study::answer(&live, &settings, Some(&book), &click, NOW).await;
        let json = discord::response_json(&response.into_response()).unwrap();
        assert_eq!(json["type"], 4, "a new message");
        assert_eq!(json["data"]["flags"], 64, "only the presser sees it");
    }
    assert_eq!(book.watched(GUILD, 72).await.unwrap().len(), 1);
    assert_eq!(book.watched(GUILD, 73).await.unwrap().len(), 1);
    assert!(
        book.watched(GUILD, 71).await.unwrap().is_empty(),
        "not the asker's"
    );
}

#[tokio::test]
async fn without_a_book_state_commands_answer_one_ephemeral_line() {
    let live = live();
    let command = parse_slash("/progress").unwrap();
    let asked = interaction(
        synthetic::command_interaction(&command, None, "en-US"),
        81,
        GUILD,
    );
    let response = discord::study::answer(&live, &Settings::default(), None, &asked, NOW).await;
    let json = discord::response_json(&response.into_response()).unwrap();
    assert_eq!(json["data"]["flags"], 64);
    assert_eq!(
        json["data"]["embeds"][0]["title"],
        "Study records are unavailable"
    );
}

const SECRET: [u8; 32] = [9; 32];

#[tokio::test]
async fn http_endpoint_writes_to_sqlite_and_board_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let url = store::sqlite_url(&dir.path().join("study.sqlite3"));
    let book = Arc::new(SharedStore::start(url, Options::default()).await);
    let key = SigningKey::from_bytes(&SECRET);
    let endpoint = Arc::new(Endpoint {
        live: live(),
        settings: Settings::default(),
        key: key.verifying_key(),
        book: Some(book.clone()),
        channels: None,
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(discord::http::serve_on(endpoint, listener, async {
        let _ = stopped.await;
    }));
    let client = reqwest::Client::new();
    let post = |body: Value| {
        let body = serde_json::to_vec(&body).unwrap();
        let timestamp = discord::http::unix_now().to_string();
        let mut message = timestamp.as_bytes().to_vec();
        message.extend_from_slice(&body);
        let signature = hex::encode(key.sign(&message).to_bytes());
        client
            .post(format!("http://{addr}/interactions"))
            .header("content-type", "application/json")
            .header("x-signature-ed25519", signature)
            .header("x-signature-timestamp", timestamp)
            .body(body)
            .send()
    };
    for (user, chapter) in [(91, "1"), (91, "2"), (92, "1"), (91, "2")] {
        let command = Command::Watched {
            course: None,
            chapter: chapter.into(),
        };
        let mut value = synthetic::command_interaction(&command, None, "ko");
        value["member"]["user"]["id"] = json!(user.to_string());
        let response = post(value).await.unwrap();
        assert_eq!(response.status(), 200);
        let json: Value = serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
        assert_eq!(json["data"]["flags"], 64);
    }
    let board = parse_slash("/board").unwrap();
    let response = post(synthetic::command_interaction(&board, None, "ko"))
        .await
        .unwrap();
    let json: Value = serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
    let text = json["data"]["embeds"][0]["description"].as_str().unwrap();
    assert!(text.contains("1. <@91> · 2/24"), "{text}");
    assert!(text.contains("2. <@92> · 1/24"), "{text}");
    let _ = stop.send(());
}
