//! End to end against a fake Discord on loopback (REST + gateway over
//! `ws://`), with the real serenity client:
//! - in process, through `run_gateway`: commands registered, `/summary` and
//!   autocomplete answered through the callback with exactly the handler's
//!   payload, a resumable close survived by resuming, a dead session survived
//!   by identifying anew, heartbeats acknowledged, clean shutdown; `/reload`
//!   reloading edited content for a manager and refused for a student;
//! - the `lectern` binary: `serve` answers, idles within its memory budget
//!   (VmRSS is printed), and exits cleanly on SIGTERM; clear errors for a
//!   missing or rejected token; `register` against the fake.
//!
//! Every wait is bounded; nothing leaves 127.0.0.1.

use std::process::Command as Process;
use std::sync::Arc;
use std::time::Duration;

use crate::support::discord::{assert_payload_ok, respond, summary_21};
use crate::support::fake_discord::{Event, FakeDiscord, APP_ID, GUILD_ID};
use crate::support::served::Served;
use crate::support::{corpus, load_with_index, shipped, temp_content};
use lectern::app::Lectern;
use lectern::discord::register::Target;
use lectern::discord::{commands, synthetic, Settings};
use lectern::live::Live;
use serde_json::{json, Value};

const WAIT: Duration = Duration::from_secs(20);
const TOKEN: &str = "fake-token-for-tests";

/// An interaction with its own id and token, as each real one has.
fn numbered(mut interaction: Value, n: u32) -> Value {
    interaction["id"] = json!(format!("13529000000000{n:05}"));
    interaction["token"] = json!(format!("interaction-token-{n}"));
    interaction
}

fn summary(n: u32) -> Value {
    numbered(summary_21(), n)
}

/// Dispatches an interaction and checks the callback carries exactly what
/// the handler answers for it.
async fn round_trip(fake: &mut FakeDiscord, interaction: Value) -> Value {
    round_trip_with(fake, &shipped(), interaction).await
}

async fn round_trip_with(fake: &mut FakeDiscord, lectern: &Lectern, interaction: Value) -> Value {
    let expected = respond(lectern, &Settings::default(), &interaction);
    let body = callback(fake, interaction).await;
    assert_eq!(body, expected);
    body
}

/// Dispatches an interaction and returns the body of its callback.
async fn callback(fake: &mut FakeDiscord, interaction: Value) -> Value {
    fake.answer_to(interaction, WAIT).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_answers_reconnects_and_shuts_down() {
    let mut fake = FakeDiscord::start(TOKEN).await;
    let config = crate::support::config();
    let live = Arc::new(Live::new(config.clone(), config.content.clone()));
    let mut bot = fake.run_bot(TOKEN, live, Some(Target::Guild(GUILD_ID)), None);

    // Registered in the guild: the same JSON `register --print` shows.
    let Event::Registered { path, body } = fake
        .expect("command registration", WAIT, |e| {
            matches!(e, Event::Registered { .. })
        })
        .await
    else {
        unreachable!()
    };
    assert_eq!(
        path,
        format!("/api/v10/applications/{APP_ID}/guilds/{GUILD_ID}/commands")
    );
    assert_eq!(body, commands::definitions_json(&shipped()));

    // Identify with no intents at all.
    let Event::Identify(identify) = fake
        .expect("identify", WAIT, |e| matches!(e, Event::Identify(_)))
        .await
    else {
        unreachable!()
    };
    assert_eq!(identify["intents"], 0);

    // A slash command and an autocomplete, answered through the callback.
    let body = round_trip(&mut fake, summary(1)).await;
    assert_eq!(body["type"], 4);
    let ac = numbered(
        synthetic::autocomplete_interaction("summary", "chapter", "전망", &[], "ko"),
        2,
    );
    let body = round_trip(&mut fake, ac).await;
    assert_eq!(body["type"], 8);

    // Heartbeats are sent and acknowledged.
    fake.expect("a heartbeat", WAIT, |e| matches!(e, Event::Heartbeat))
        .await;

    // A resumable close: the client reconnects and resumes the session.
    fake.close(4000);
    let Event::Resume(resume) = fake
        .expect("resume after close 4000", WAIT, |e| {
            matches!(e, Event::Resume(_) | Event::Identify(_))
        })
        .await
    else {
        panic!("identified instead of resuming: {:#?}", fake.log)
    };
    assert_eq!(resume["session_id"], "fake-session-1");
    round_trip(&mut fake, summary(3)).await;

    // A dead session (4009): the client identifies anew.
    fake.close(4009);
    fake.expect("identify after close 4009", WAIT, |e| {
        matches!(e, Event::Identify(_))
    })
    .await;
    let click = numbered(synthetic::component_interaction("v1:ch", "en-US", false), 4);
    let body = round_trip(&mut fake, click).await;
    assert_eq!(body["type"], 7);

    // Clean shutdown: the socket is closed normally and run_gateway returns.
    bot.stop();
    fake.expect("a normal close", WAIT, |e| {
        matches!(e, Event::Closed(Some(1000)))
    })
    .await;
    bot.finished(WAIT).await;
    // Only the endpoints a bot needs were called.
    for e in &fake.log {
        if let Event::Request { method, path } = e {
            assert!(
                !path.contains("/channels/") && !path.contains("/messages"),
                "unexpected {method} {path}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reload_over_the_gateway_is_for_managers_only() {
    let temp = temp_content();
    let config = temp.config.clone();
    let live = Arc::new(Live::new(config.clone(), config.content.clone()));
    let mut fake = FakeDiscord::start(TOKEN).await;
    let bot = fake.run_bot(TOKEN, live.clone(), None, None);
    fake.expect("identify", WAIT, |e| matches!(e, Event::Identify(_)))
        .await;
    temp.edit_chapter("게이트웨이로 고친 문장.");

    // A student: the handler's refusal, privately; nothing reloaded.
    let student = numbered(
        synthetic::reload_interaction(synthetic::MEMBER_PERMISSIONS, "ko"),
        20,
    );
    let body = round_trip_with(&mut fake, &live.get(), student).await;
    assert_payload_ok("refusal", &body);
    assert_eq!(body["data"]["flags"], 64);
    assert_eq!(body["data"]["embeds"][0]["title"], "관리자 전용 명령");
    let before = callback(&mut fake, summary(21)).await;
    assert!(!before.to_string().contains("게이트웨이로 고친 문장."));

    // A manager: reloaded, with the report, privately.
    let manager = numbered(
        synthetic::reload_interaction(synthetic::MANAGER_PERMISSIONS, "en-US"),
        22,
    );
    let body = callback(&mut fake, manager).await;
    assert_payload_ok("report", &body);
    assert_eq!(body["type"], 4);
    assert_eq!(body["data"]["flags"], 64);
    assert_eq!(body["data"]["allowed_mentions"]["parse"], json!([]));
    let embed = &body["data"]["embeds"][0];
    assert_eq!(embed["title"], "🔄 Reload");
    assert_eq!(embed["description"], "Content reloaded.");
    assert_eq!(embed["fields"][0]["name"], "Updated (1)");
    assert_eq!(embed["fields"][0]["value"], "deep-dive-llms #21");
    // The next answer is from the new content, exactly the handler's.
    let after = round_trip_with(&mut fake, &live.get(), summary(23)).await;
    assert!(
        after.to_string().contains("게이트웨이로 고친 문장."),
        "{after}"
    );

    bot.finished(WAIT).await;
}

fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_serves_idles_lean_and_stops_on_sigterm() {
    // The whole lecture (24 chapters with notes) when the corpus is there,
    // for a realistic memory figure; else the shipped content.
    let corpus = corpus("kr-translated-v1");
    let (lectern, content) = match &corpus {
        Some(dir) => (
            load_with_index(dir),
            vec!["--content".to_string(), dir.display().to_string()],
        ),
        None => (shipped(), Vec::new()),
    };
    let mut fake = FakeDiscord::start(TOKEN).await;
    let mut args = vec!["serve".to_string(), "--api-proxy".into(), fake.api.clone()];
    args.extend(content);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut served = Served::start(&args, Some(TOKEN));
    fake.expect("identify", WAIT, |e| matches!(e, Event::Identify(_)))
        .await;
    let body = round_trip_with(&mut fake, &lectern, summary(10)).await;
    assert_eq!(body["type"], 4);
    // Idle for a few heartbeats, then read the resident memory.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let pid = served.child.id();
    if let Some(kib) = rss_kib(pid) {
        let mib = kib as f64 / 1024.0;
        eprintln!("idle RSS of `lectern serve` (this build's profile): {mib:.1} MiB");
        assert!(mib < 50.0, "idle RSS {mib:.1} MiB ≥ 50 MiB");
    }
    // SIGTERM to our own child, by pid.
    let killed = Process::new("sh")
        .args(["-c", &format!("kill -TERM {pid}")])
        .status()
        .expect("kill");
    assert!(killed.success());
    fake.expect("a normal close", WAIT, |e| {
        matches!(e, Event::Closed(Some(1000)))
    })
    .await;
    let status = served.wait(WAIT).await;
    let log = served.stderr();
    assert!(status.success(), "exit {status:?}:\n{log}");
    assert!(log.contains("answered"), "{log}");
    assert!(log.contains("command=summary"), "{log}");
    assert!(log.contains("user="), "{log}");
    assert!(log.contains("latency_ms="), "{log}");
    assert!(!log.contains(TOKEN), "the token was logged:\n{log}");
    assert!(
        !log.contains("1100000000000000004"),
        "a raw user id was logged:\n{log}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn missing_and_rejected_tokens_are_clear_errors() {
    let mut missing = Served::start(&["serve"], None);
    let status = missing.wait(WAIT).await;
    assert_eq!(status.code(), Some(2));
    assert!(
        missing.stderr().contains("DISCORD_TOKEN is not set"),
        "{}",
        missing.stderr()
    );

    let fake = FakeDiscord::start(TOKEN).await;
    let wrong = "wrong-token-0123";
    let mut rejected = Served::start(&["serve", "--api-proxy", &fake.api], Some(wrong));
    let status = rejected.wait(WAIT).await;
    let log = rejected.stderr();
    assert_eq!(status.code(), Some(2), "{log}");
    assert!(log.contains("Discord rejected DISCORD_TOKEN"), "{log}");
    assert!(!log.contains(wrong), "the token was printed:\n{log}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn register_overwrites_the_commands() {
    let mut fake = FakeDiscord::start(TOKEN).await;
    let mut run = Served::start(
        &["register", "--global", "--api-proxy", &fake.api],
        Some(TOKEN),
    );
    let Event::Registered { path, body } = fake
        .expect("registration", WAIT, |e| {
            matches!(e, Event::Registered { .. })
        })
        .await
    else {
        unreachable!()
    };
    let status = run.wait(WAIT).await;
    assert!(status.success(), "{}", run.stderr());
    assert_eq!(path, format!("/api/v10/applications/{APP_ID}/commands"));
    assert_eq!(body, commands::definitions_json(&shipped()));
    assert!(
        run.stdout().contains("registered 20 commands globally"),
        "{}",
        run.stderr()
    );
}
