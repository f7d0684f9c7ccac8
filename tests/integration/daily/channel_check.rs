//! `/daily set` asks Discord what the bot may do in the channel it names
//! (over REST, against the fake Discord on loopback): a missing permission
//! or a channel that is gone is refused at once, in the words a failed post
//! is reported with, and nothing is saved; a channel the bot can post in is
//! saved. The same through the core, over the gateway and over the HTTP
//! endpoint (which reads `DISCORD_TOKEN` for it).

use std::sync::Arc;
use std::time::Duration;

use ed25519_dalek::SigningKey;
use lectern::answer::slash::parse_slash;
use lectern::answer::state::{self, Stated};
use lectern::answer::{Command, Locale, Request};
use lectern::discord::poster::HttpPoster;
use lectern::discord::register::http_client;
use lectern::discord::synthetic;
use lectern::live::Live;
use lectern::store::{sqlite_url, Store};
use lectern::study::{Book, DailyBook, Member, MemoryBook};
use serde_json::{json, Value};

use super::command::{ADMIN, NOW};
use crate::support::fake_discord::guild::{
    overwrite, CREATE_PUBLIC_THREADS, EMBED_LINKS, SEND_MESSAGES,
};
use crate::support::fake_discord::{FakeDiscord, GUILD_ID};
use crate::support::shipped;
use crate::support::signing::{signature, unix_now};

const TOKEN: &str = "channel-check-token";
const WAIT: Duration = Duration::from_secs(20);
const CHANNEL: u64 = 1_300_000_000_000_000_088;

fn admin() -> Member {
    Member {
        user: ADMIN,
        guild: GUILD_ID,
        name: "admin".into(),
        manager: true,
    }
}

/// The channel's @everyone overwrite takes Send Messages and Embed Links away.
fn deny_posting(fake: &FakeDiscord) {
    fake.overwrite(
        CHANNEL,
        vec![overwrite(GUILD_ID, false, 0, SEND_MESSAGES | EMBED_LINKS)],
    );
}

async fn set(fake: &FakeDiscord, book: &dyn Book, l: Locale) -> Stated {
    let poster = HttpPoster::new(Arc::new(http_client(TOKEN, Some(&fake.api))));
    let command = parse_slash(&format!("/daily set <#{CHANNEL}> 9:00")).unwrap();
    let request = Request::new(command, l);
    state::respond_checking(&shipped(), &request, &admin(), book, NOW, Some(&poster)).await
}

#[tokio::test]
async fn daily_set_refuses_a_channel_where_the_bot_lacks_permissions() {
    let fake = FakeDiscord::start(TOKEN).await;
    let book = MemoryBook::new();
    deny_posting(&fake);
    let ko = set(&fake, &book, Locale::Ko).await;
    assert_eq!(
        ko.reply.title, "봇이 그 채널에 올릴 수 없어요",
        "{:#?}",
        ko.reply
    );
    assert!(
        ko.reply.text.contains("봇에게 그 채널의 권한이 없어요")
            && ko
                .reply
                .text
                .contains("지금 빠진 권한: 메시지 보내기, 링크 첨부."),
        "{}",
        ko.reply.text
    );
    let en = set(&fake, &book, Locale::En).await;
    assert!(
        en.reply
            .text
            .contains("The bot lacks permissions in that channel")
            && en
                .reply
                .text
                .contains("Missing now: Send Messages, Embed Links."),
        "{}",
        en.reply.text
    );
    assert!(
        book.schedules(Some(GUILD_ID)).await.unwrap().is_empty(),
        "nothing saved"
    );

    // Given the permissions back, the same command saves.
    fake.overwrite(CHANNEL, Vec::new());
    let saved = set(&fake, &book, Locale::Ko).await;
    assert!(
        saved.reply.text.starts_with("저장했어요"),
        "{}",
        saved.reply.text
    );
    assert_eq!(
        book.schedules(Some(GUILD_ID)).await.unwrap()[0].channel,
        CHANNEL
    );
}

#[tokio::test]
async fn daily_set_saves_a_channel_without_threads_and_says_the_posts_go_out_without_one() {
    let fake = FakeDiscord::start(TOKEN).await;
    let book = MemoryBook::new();
    fake.overwrite(
        CHANNEL,
        vec![overwrite(GUILD_ID, false, 0, CREATE_PUBLIC_THREADS)],
    );
    let ko = set(&fake, &book, Locale::Ko).await;
    assert!(ko.reply.text.starts_with("저장했어요"), "{}", ko.reply.text);
    assert!(
        ko.reply.text.contains("공개 스레드 만들기 권한이 없어서"),
        "{}",
        ko.reply.text
    );
    assert_eq!(
        book.schedules(Some(GUILD_ID)).await.unwrap()[0].channel,
        CHANNEL
    );
    let en = set(&fake, &book, Locale::En).await;
    assert!(
        en.reply.text.contains("lacks Create Public Threads"),
        "{}",
        en.reply.text
    );
    // With every permission, no such word.
    fake.overwrite(CHANNEL, Vec::new());
    let ready = set(&fake, &book, Locale::Ko).await;
    assert!(
        !ready.reply.text.contains("스레드는 열지 못해요"),
        "{}",
        ready.reply.text
    );
}

#[tokio::test]
async fn daily_set_refuses_a_channel_that_is_gone_and_saves_when_discord_cant_tell() {
    let fake = FakeDiscord::start(TOKEN).await;
    let book = MemoryBook::new();
    fake.fail_channel(CHANNEL, 404);
    let gone = set(&fake, &book, Locale::Ko).await;
    assert!(
        gone.reply.text.contains("그 채널이 없어요"),
        "{}",
        gone.reply.text
    );
    assert!(book.schedules(Some(GUILD_ID)).await.unwrap().is_empty());

    // A Discord that doesn't answer (here: a bot token it refuses) is no
    // reason to refuse: the schedule is saved unchecked, as before.
    let poster = HttpPoster::new(Arc::new(http_client("a wrong token", Some(&fake.api))));
    let command = parse_slash(&format!("/daily set <#{CHANNEL}> 9:00")).unwrap();
    let request = Request::new(command, Locale::Ko);
    let unchecked =
        state::respond_checking(&shipped(), &request, &admin(), &book, NOW, Some(&poster)).await;
    assert!(
        unchecked.reply.text.starts_with("저장했어요"),
        "{}",
        unchecked.reply.text
    );
}

/// `/daily set` as Discord sends it, from a member with Manage Server in the
/// fake Discord's server.
fn set_interaction() -> Value {
    let set = Command::Daily {
        action: "set".into(),
        channel: Some(CHANNEL.to_string()),
        time: Some("9:00".into()),
        course: None,
    };
    let mut interaction = synthetic::command_interaction(&set, None, "ko");
    interaction["guild_id"] = json!(GUILD_ID.to_string());
    interaction["member"]["permissions"] = json!(synthetic::MANAGER_PERMISSIONS.to_string());
    interaction
}

fn description(response: &Value) -> &str {
    response["data"]["embeds"][0]["description"]
        .as_str()
        .unwrap_or("")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_gateway_checks_the_channel() {
    let mut fake = FakeDiscord::start(TOKEN).await;
    deny_posting(&fake);
    let config = crate::support::config();
    let live = Arc::new(Live::new(config.clone(), config.content.clone()));
    let book = Arc::new(MemoryBook::new());
    let bot = fake.run_bot(TOKEN, live, None, Some(book.clone() as Arc<dyn Book>));
    fake.expect("identify", WAIT, |e| {
        matches!(e, crate::support::fake_discord::Event::Identify(_))
    })
    .await;
    let answer = fake.answer_to(set_interaction(), WAIT).await;
    assert!(
        description(&answer).contains("지금 빠진 권한: 메시지 보내기, 링크 첨부."),
        "{answer:#}"
    );
    assert!(book.schedules(Some(GUILD_ID)).await.unwrap().is_empty());
    bot.finished(WAIT).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_http_endpoint_checks_the_channel_with_discord_token() {
    let dir = crate::support::tempdir();
    let db = dir.path().join("check.sqlite3");
    Store::open(&sqlite_url(&db)).await.unwrap().close().await;
    let fake = FakeDiscord::start(TOKEN).await;
    deny_posting(&fake);
    let (served, addr) = super::serving::endpoint(&db, &fake, Some(TOKEN));
    super::serving::up(&addr, &served).await;
    let key = SigningKey::from_bytes(&[7; 32]);
    let body = set_interaction().to_string();
    let ts = unix_now().to_string();
    let response = reqwest::Client::builder()
        .no_proxy()
        .build()
        .unwrap()
        .post(format!("http://{addr}/interactions"))
        .header("content-type", "application/json")
        .header("x-signature-ed25519", signature(&key, &ts, body.as_bytes()))
        .header("x-signature-timestamp", ts)
        .body(body)
        .send()
        .await
        .expect("an answer")
        .bytes()
        .await
        .expect("a body");
    let response: Value = serde_json::from_slice(&response).expect("JSON");
    assert!(
        description(&response).contains("지금 빠진 권한: 메시지 보내기, 링크 첨부."),
        "{response:#}\n{}",
        served.stderr()
    );
    crate::support::served::terminate(&served);
}
