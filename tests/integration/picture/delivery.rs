//! A picture reply (`/where`) delivered end to end against the fake Discord
//! on loopback, both ways Lectern talks to Discord:
//! - the gateway: the interaction callback itself is multipart, its
//!   `payload_json` the message (the embed shows `attachment://where.png`)
//!   and its `files[0]` the PNG;
//! - the HTTP endpoint (the real binary): the response body is a deferral
//!   (type 5), and the message with the PNG follows through the interaction
//!   webhook, multipart, with no bot token.
//!
//! Each test decodes the PNG Discord would receive. Every wait is bounded;
//! nothing leaves 127.0.0.1.

use std::sync::Arc;
use std::time::{Duration, Instant};

use ed25519_dalek::SigningKey;
use lectern::answer::Command;
use lectern::discord::synthetic as synth;
use lectern::live::Live;
use lectern::picture::{TIMELINE_HEIGHT, TIMELINE_WIDTH};
use serde_json::{json, Value};
use tiny_skia::Pixmap;

use crate::support::fake_discord::{Event, FakeDiscord, FilePart, APP_ID};
use crate::support::served::{terminate, Served};
use crate::support::signing::{public_key_hex, signature, unix_now};

const WAIT: Duration = Duration::from_secs(20);
const TOKEN: &str = "fake-token-for-tests";
const SECRET: [u8; 32] = [29; 32];

/// `/where query:agents` with its own id and token, from the fake's application.
fn where_agents(n: u32, locale: &str) -> Value {
    let command = Command::Where {
        course: None,
        query: "agents".into(),
    };
    let mut interaction = synth::command_interaction(&command, None, locale);
    interaction["id"] = json!(format!("13529100000000{n:05}"));
    interaction["token"] = json!(format!("picture-token-{n}"));
    interaction["application_id"] = json!(APP_ID);
    interaction
}

/// The message shows the picture in its embed and lists it as attachment 0.
fn assert_shows_picture(message: &Value) {
    assert_eq!(
        message["embeds"][0]["image"]["url"], "attachment://where.png",
        "{message:#}"
    );
    assert_eq!(message["attachments"][0]["id"], 0, "{message:#}");
    assert_eq!(message["attachments"][0]["filename"], "where.png");
    assert_eq!(message["allowed_mentions"]["parse"], json!([]));
}

/// The one file sent is the timeline PNG at Discord's display size.
fn assert_is_the_timeline(files: &[FilePart]) {
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(files[0].field, "files[0]");
    assert_eq!(files[0].filename, "where.png");
    let png = Pixmap::decode_png(&files[0].bytes).expect("the sent PNG decodes");
    assert_eq!(
        (png.width(), png.height()),
        (TIMELINE_WIDTH, TIMELINE_HEIGHT)
    );
    // Not a blank canvas: the density, pins and labels are drawn.
    let first = png.pixels()[0];
    let drawn = png.pixels().iter().filter(|p| **p != first).count();
    assert!(
        drawn > 5_000,
        "only {drawn} pixels differ from the background"
    );
}

async fn files_for(fake: &mut FakeDiscord, path: &str) -> Vec<FilePart> {
    let Event::Files { files, .. } = fake
        .expect(
            "the file parts",
            WAIT,
            |e| matches!(e, Event::Files { path: p, .. } if p == path),
        )
        .await
    else {
        unreachable!()
    };
    files
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_gateway_sends_the_picture_with_the_interaction_response() {
    let mut fake = FakeDiscord::start(TOKEN).await;
    let config = crate::support::config();
    let live = Arc::new(Live::new(config.clone(), config.content.clone()));
    let bot = fake.run_bot(TOKEN, live, None, None);
    fake.expect("identify", WAIT, |e| matches!(e, Event::Identify(_)))
        .await;

    let interaction = where_agents(1, "ko");
    let path = format!(
        "/api/v10/interactions/{}/picture-token-1/callback",
        interaction["id"].as_str().unwrap()
    );
    let body = fake.answer_to(interaction, WAIT).await;
    assert_eq!(body["type"], 4, "a message at once: {body:#}");
    assert_shows_picture(&body["data"]);
    let title = body["data"]["embeds"][0]["title"].as_str().unwrap_or("");
    assert!(title.contains("영상 속 위치"), "{title}");
    assert_is_the_timeline(&files_for(&mut fake, &path).await);

    bot.finished(WAIT).await;
}

fn signed_post(client: &reqwest::Client, url: &str, body: &Value) -> reqwest::RequestBuilder {
    let body = serde_json::to_vec(body).expect("json");
    let ts = unix_now().to_string();
    let signed = signature(&SigningKey::from_bytes(&SECRET), &ts, &body);
    client
        .post(url)
        .header("content-type", "application/json")
        .header("x-signature-ed25519", signed)
        .header("x-signature-timestamp", ts)
        .body(body)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_http_endpoint_defers_then_sends_the_picture_through_the_webhook() {
    // No bot token anywhere: the fake refuses every bot route without one,
    // and the webhook must not need it.
    let mut fake = FakeDiscord::start("a-token-lectern-never-gets").await;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let key = public_key_hex(&SigningKey::from_bytes(&SECRET));
    let addr = format!("127.0.0.1:{port}");
    let mut served = Served::start_with(
        &["serve", "--http", &addr, "--webhook-api", &fake.api],
        &[("DISCORD_PUBLIC_KEY", Some(&key)), ("DISCORD_TOKEN", None)],
    );
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .no_proxy()
        .build()
        .expect("client");
    let base = format!("http://{addr}");
    let deadline = Instant::now() + WAIT;
    while client.get(format!("{base}/healthz")).send().await.is_err() {
        assert!(
            Instant::now() < deadline,
            "the endpoint did not come up:\n{}",
            served.stderr()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    for (n, locale, hide) in [(2, "en-US", false), (3, "ko", true)] {
        let mut interaction = where_agents(n, locale);
        if hide {
            interaction["data"]["options"] = json!([
                {"name": "query", "type": 3, "value": "agents"},
                {"name": "hide", "type": 5, "value": true}
            ]);
        }
        let response = signed_post(&client, &format!("{base}/interactions"), &interaction)
            .send()
            .await
            .expect("POST /interactions");
        assert_eq!(response.status().as_u16(), 200);
        let body: Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
        // Deferred: "thinking…", seen only by the asker when hidden.
        assert_eq!(body["type"], 5, "{body:#}");
        let hidden = body["data"]["flags"].as_u64().is_some_and(|f| f & 64 != 0);
        assert_eq!(hidden, hide, "{body:#}");

        let path = format!("/api/v10/webhooks/{APP_ID}/picture-token-{n}");
        let Event::Webhook {
            method, auth, body, ..
        } = fake
            .expect(
                "the follow-up",
                WAIT,
                |e| matches!(e, Event::Webhook { path: p, .. } if *p == path),
            )
            .await
        else {
            unreachable!()
        };
        assert_eq!(method, "POST");
        assert!(auth.is_empty(), "no bot token is sent: {auth:?}");
        assert_shows_picture(&body);
        let flagged = body["flags"].as_u64().is_some_and(|f| f & 64 != 0);
        assert_eq!(
            flagged, hide,
            "the follow-up keeps the visibility: {body:#}"
        );
        let title = body["embeds"][0]["title"].as_str().unwrap_or("");
        let english = title.contains("where in the video");
        assert_eq!(english, locale == "en-US", "{title}");
        assert_is_the_timeline(&files_for(&mut fake, &path).await);
    }

    // A command without a picture is still answered in the response body.
    let help = synth::command_interaction(&Command::Help { command: None }, None, "ko");
    let response = signed_post(&client, &format!("{base}/interactions"), &help)
        .send()
        .await
        .expect("POST /interactions");
    let body: Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    assert_eq!(body["type"], 4);

    terminate(&served);
    let status = served.wait(WAIT).await;
    assert!(status.success(), "{}", served.stderr());
}

#[test]
fn a_file_discord_would_refuse_is_neither_sent_nor_shown() {
    use lectern::answer::{Attachment, Locale, Reply};
    use lectern::discord::render::{attach, message, Frame};
    use lectern::discord::{limits, response_json, CreateInteractionResponse};

    let frame = Frame {
        locale: Locale::Ko,
        source: None,
        hidden: false,
        set_flag: true,
    };
    let with = |filename: &str, bytes: Vec<u8>| {
        let reply = Reply {
            title: "그림".into(),
            attachment: Some(Attachment {
                filename: filename.into(),
                bytes,
            }),
            ..Reply::default()
        };
        let response = CreateInteractionResponse::Message(message(&reply, &frame));
        response_json(&attach(response, reply.attachment.clone())).unwrap()
    };
    let fine = with("where.png", vec![1; 10]);
    assert_eq!(fine["data"]["attachments"][0]["filename"], "where.png");
    assert_eq!(
        fine["data"]["embeds"][0]["image"]["url"],
        "attachment://where.png"
    );
    for (name, bytes) in [
        ("huge.png", vec![0; limits::ATTACHMENT_BYTES + 1]),
        ("empty.png", Vec::new()),
    ] {
        let refused = with(name, bytes);
        assert_eq!(refused["data"]["attachments"], json!([]), "{name}");
        assert!(
            refused["data"]["embeds"][0].get("image").is_none(),
            "{name}"
        );
    }
    // A name unsafe in `attachment://` is sent but not shown in the embed.
    let odd = with("a b.png", vec![1; 10]);
    assert_eq!(odd["data"]["attachments"][0]["filename"], "a b.png");
    assert!(odd["data"]["embeds"][0].get("image").is_none());
}

/// `lectern ask LINE ARGS…` in the repository: stdout and success.
fn ask(args: &[&str]) -> (String, bool) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lectern"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("ask")
        .args(args)
        .output()
        .expect("run lectern");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.success(),
    )
}

fn assert_timeline_file(path: &std::path::Path) {
    let png = Pixmap::load_png(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(
        (png.width(), png.height()),
        (TIMELINE_WIDTH, TIMELINE_HEIGHT)
    );
}

#[test]
fn ask_writes_the_picture_to_out_or_to_a_temporary_file_it_names() {
    let dir = crate::support::tempdir();
    let out = dir.path().join("agents.png");
    let (text, ok) = ask(&["/where query:agents", "--out", out.to_str().unwrap()]);
    assert!(ok, "{text}");
    assert_timeline_file(&out);
    assert!(
        text.trim_end()
            .ends_with(&format!("그림: {}", out.display())),
        "{text}"
    );

    // Without --out: a new temporary file, named on the answer's last line.
    let (text, ok) = ask(&["/where query:agents", "--locale", "en"]);
    assert!(ok, "{text}");
    let last = text.trim_end().lines().last().unwrap_or("");
    let path = std::path::PathBuf::from(last.strip_prefix("Picture: ").expect(last));
    assert_timeline_file(&path);
    std::fs::remove_file(&path).expect("remove the temporary picture");

    // JSON names it too; an answer without a picture writes nothing.
    let (json, ok) = ask(&["/where query:agents", "--format", "json"]);
    assert!(ok);
    let json: Value = serde_json::from_str(&json).expect("JSON");
    let path = std::path::PathBuf::from(json["picture"].as_str().expect("a picture path"));
    assert_timeline_file(&path);
    std::fs::remove_file(&path).expect("remove the temporary picture");
    let none = dir.path().join("none.png");
    let (text, ok) = ask(&["/summary 21", "--out", none.to_str().unwrap()]);
    assert!(ok && !none.exists() && !text.contains("그림: "), "{text}");
}
