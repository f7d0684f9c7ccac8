//! The study layer in front of the Discord handler (`discord::study`): a
//! 120-member board within Discord's limits and paged, server settings
//! written into lookups, the forget-me confirmation replacing its message,
//! and a real store whose database is unreachable.

use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::support::config;
use crate::support::discord::{assert_payload_ok, custom_ids};
use lectern::answer::slash::parse_slash;
use lectern::discord::{self, synthetic, Interaction, Settings};
use lectern::live::Live;
use lectern::store::{Options, SharedStore};
use lectern::study::{Book, GuildSettings, Mark, MemoryBook};
use serde_json::{json, Value};

const NOW: i64 = 1_767_283_200;
const GUILD: u64 = 1_100_000_000_000_000_002;

fn live() -> Arc<Live> {
    let config = config();
    Arc::new(Live::new(config.clone(), config.content.clone()))
}

fn slash(line: &str, user: u64, locale: &str, permissions: u64) -> Interaction {
    let command = parse_slash(line).unwrap();
    let mut value = synthetic::command_interaction(&command, None, locale);
    value["guild_id"] = json!(GUILD.to_string());
    value["member"]["user"]["id"] = json!(user.to_string());
    value["member"]["permissions"] = json!(permissions.to_string());
    serde_json::from_value(value).unwrap()
}

fn click(custom_id: &str, user: u64, ephemeral: bool) -> Interaction {
    let mut value = synthetic::component_interaction(custom_id, "ko", ephemeral);
    value["guild_id"] = json!(GUILD.to_string());
    value["member"]["user"]["id"] = json!(user.to_string());
    serde_json::from_value(value).unwrap()
}

async fn answer(live: &Arc<Live>, book: &dyn Book, interaction: &Interaction) -> Value {
    let response =
        discord::study::answer(live, &Settings::default(), Some(book), interaction, NOW).await;
    discord::response_json(&response.into_response()).unwrap()
}

#[tokio::test]
async fn a_board_of_120_members_fits_discord_and_pages_by_50() {
    let live = live();
    let book = MemoryBook::new();
    for user in 0..120u64 {
        for chapter in 0..=(user % 24) as u32 {
            let at = NOW - 3_600 * i64::from(chapter);
            book.mark_watched(&Mark {
                guild: GUILD,
                user: 1_000_000_000_000_000_000 + user,
                course: "deep-dive-llms",
                chapter: chapter + 1,
                at,
                day: "2026-01-01",
            })
            .await
            .unwrap();
        }
    }
    let board = answer(
        &live,
        &book,
        &slash("/board", 7, "ko", synthetic::MEMBER_PERMISSIONS),
    )
    .await;
    assert_payload_ok("board page 1", &board);
    let text = board["data"]["embeds"][0]["description"].as_str().unwrap();
    assert_eq!(text.lines().count(), 50);
    assert!(text.starts_with("1. <@"), "{text}");
    assert!(text.contains("· 24/24 ·"), "the most done first: {text}");
    let footer = board["data"]["embeds"][0]["footer"]["text"]
        .as_str()
        .unwrap();
    assert!(footer.ends_with("120명 · 1/3쪽"), "{footer}");
    let ids = custom_ids(&board);
    assert_eq!(ids, ["v1:+bd:2"], "only a next page");
    let page2 = answer(&live, &book, &click(&ids[0], 7, false)).await;
    assert_eq!(page2["type"], 7, "a page turn replaces the board");
    assert_payload_ok("board page 2", &page2);
    let text = page2["data"]["embeds"][0]["description"].as_str().unwrap();
    assert!(text.starts_with("51. "), "{text}");
    assert_eq!(custom_ids(&page2), ["v1:+bd:1", "v1:+bd:3"]);
}

#[tokio::test]
async fn server_settings_apply_to_lookups_through_discord() {
    let live = live();
    let book = MemoryBook::new();
    let student = synthetic::MEMBER_PERMISSIONS;
    let refused = answer(
        &live,
        &book,
        &slash("/settings language:en", 8, "ko", student),
    )
    .await;
    assert_eq!(refused["data"]["embeds"][0]["title"], "관리자 전용 명령");
    let saved = answer(
        &live,
        &book,
        &slash(
            "/settings language:en hidden:yes",
            8,
            "ko",
            synthetic::MANAGER_PERMISSIONS,
        ),
    )
    .await;
    assert_eq!(saved["data"]["flags"], 64);
    assert_eq!(
        book.settings(GUILD).await.unwrap(),
        GuildSettings {
            locale: Some("en".into()),
            hidden_by_default: Some(true),
            ..Default::default()
        }
    );
    // A Korean reader's /summary: English, and only they see it.
    let summary = answer(&live, &book, &slash("/summary 21", 9, "ko", student)).await;
    assert_eq!(summary["data"]["flags"], 64);
    let footer = summary["data"]["embeds"][0]["footer"]["text"]
        .as_str()
        .unwrap();
    assert!(footer.contains("Chapter 21/24"), "{footer}");
    // The asker's own hide:false still wins.
    let command = parse_slash("/summary 21").unwrap();
    let mut value = synthetic::command_interaction(&command, Some(false), "ko");
    value["guild_id"] = json!(GUILD.to_string());
    let shown = answer(&live, &book, &serde_json::from_value(value).unwrap()).await;
    assert!(shown["data"].get("flags").is_none_or(|f| f == 0), "{shown}");
}

#[tokio::test]
async fn forget_me_confirmation_replaces_the_question() {
    let live = live();
    let book = MemoryBook::new();
    let student = synthetic::MEMBER_PERMISSIONS;
    answer(&live, &book, &slash("/watched 1", 10, "en-US", student)).await;
    let asked = answer(&live, &book, &slash("/forget-me", 10, "en-US", student)).await;
    assert_eq!(asked["data"]["flags"], 64);
    let ids = custom_ids(&asked);
    assert_eq!(ids.len(), 1, "{asked}");
    let done = answer(&live, &book, &click(&ids[0], 10, true)).await;
    assert_eq!(done["type"], 7, "replaces the question");
    assert!(book.watched(GUILD, 10).await.unwrap().is_empty());
}

#[tokio::test]
async fn an_unreachable_database_slows_no_lookup() {
    let live = live();
    let quick = Options {
        busy_timeout: Duration::from_millis(200),
        acquire_timeout: Duration::from_millis(500),
        max_connections: 2,
    };
    // Port 1 on loopback: nothing listens there.
    let book = SharedStore::start("postgres://nobody@127.0.0.1:1/none".into(), quick).await;
    let student = synthetic::MEMBER_PERMISSIONS;
    let started = Instant::now();
    let summary = answer(&live, &book, &slash("/summary 21", 11, "ko", student)).await;
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
    assert!(summary["data"]["embeds"][0]["title"]
        .as_str()
        .unwrap()
        .starts_with("21."));
    let watched = answer(&live, &book, &slash("/watched 21", 11, "ko", student)).await;
    assert_eq!(watched["data"]["flags"], 64);
    assert_eq!(
        watched["data"]["embeds"][0]["title"],
        "학습 기록을 쓸 수 없어요"
    );
}
