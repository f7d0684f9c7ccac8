//! The command-line contract tooling depends on: `ask` (text and JSON, exit
//! codes), `check`, `search --json`, and the console.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use crate::support::served::lectern;
use crate::support::{corpus, ROOT};

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_str(stdout(o).trim())
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

#[test]
fn ask_json_success() {
    let o = lectern(&["ask", "/summary chapter:21", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(v["ok"], true);
    assert_eq!(
        v["url"],
        "https://www.youtube.com/watch?v=7xTGNNLPyMI&t=11379s"
    );
    assert!(v["title"].as_str().unwrap().starts_with("21. "));
    let text = v["text"].as_str().unwrap();
    assert!(
        text.contains("LLM의 미래 발전 방향입니다.")
            && text.contains("멀티모달: 이미지, 오디오, 비디오")
    );
    assert!(!text.contains("**"), "plain text only: {text}");
}

#[test]
fn ask_positional_and_text() {
    let o = lectern(&["ask", "/summary 21"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(
        out.contains("https://www.youtube.com/watch?v=7xTGNNLPyMI&t=11379s"),
        "{out}"
    );
    assert!(out.contains("LLM의 미래 발전 방향입니다."));
}

#[test]
fn ask_user_error_exits_1_with_suggestions() {
    let o = lectern(&["ask", "/summary chapter:previw", "--format", "json"]);
    let v = json(&o);
    if v["ok"] == true {
        // A fuzzy match is a fine answer too; a clearly unknown one must fail.
        let o = lectern(&["ask", "/summary chapter:99", "--format", "json"]);
        assert_eq!(o.status.code(), Some(1));
        let v = json(&o);
        assert_eq!(v["ok"], false);
        assert!(v["error"].is_string() && v["suggestions"].is_array());
    }
    let o = lectern(&["ask", "/nonsense", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json(&o)["ok"], false);
}

#[test]
fn broken_setup_exits_2_naming_the_file() {
    let o = lectern(&["ask", "/help", "--config", "no/such/lectern.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no/such/lectern.yaml"));
    let dir_tmp = crate::support::tempdir();
    let dir = dir_tmp.path().to_path_buf();
    let bad = dir.join("lectern.yaml");
    std::fs::write(&bad, "content: [unclosed\n").unwrap();
    let o = lectern(&["ask", "/help", "--config", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("lectern.yaml") && err.contains("broken config"),
        "{err}"
    );
    let empty_tmp = crate::support::tempdir();
    let empty = empty_tmp.path().to_path_buf();
    let o = lectern(&["ask", "/help", "--content", empty.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn check_shipped_is_clean() {
    let o = lectern(&["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(
        stdout(&o).trim().lines().last(),
        Some("1 course, 24 chapters (1 with notes): 0 errors, 0 warnings")
    );
}

#[test]
fn check_reports_duplicates_and_fails() {
    let Some(dir) = corpus("kr-translated") else {
        return;
    };
    let o = lectern(&["check", "--content", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines
            .iter()
            .filter(|l| l.contains(": error: chapter 16 is claimed by two files"))
            .count()
            == 1,
        "{out}"
    );
    assert!(lines.last().unwrap().contains("2 errors"), "{out}");
    for l in lines[..lines.len() - 1]
        .iter()
        .filter(|l| !l.starts_with("course "))
    {
        let mut parts = l.splitn(4, ':');
        let (path, line, sev) = (
            parts.next().unwrap(),
            parts.next().unwrap(),
            parts.next().unwrap(),
        );
        // Notes, the course index, or the captions beside the notes folder.
        assert!(
            path.ends_with(".md") || path.ends_with(".yaml") || path.ends_with(".vtt"),
            "{l}"
        );
        assert!(line.parse::<usize>().is_ok(), "{l}");
        assert!(sev == " error" || sev == " warning", "{l}");
    }
}

#[test]
fn search_json_contract() {
    let Some(dir) = corpus("kr-translated-v1") else {
        return;
    };
    let o = lectern(&[
        "search",
        "agents",
        "--content",
        dir.to_str().unwrap(),
        "--limit",
        "3",
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(v["query"], "agents");
    assert!(v["elapsed_us"].is_u64());
    let hits = v["hits"].as_array().unwrap();
    assert!(!hits.is_empty() && hits.len() <= 3);
    for h in hits {
        for key in ["course", "title", "title_ko", "field", "url", "snippet"] {
            assert!(h[key].is_string(), "{key}: {h}");
        }
        assert!(
            h["chapter"].is_u64()
                && h["seconds"].is_u64()
                && h["score"].is_number()
                && h["approximate"].is_boolean()
        );
        let url = h["url"].as_str().unwrap();
        assert!(url.ends_with(&format!("&t={}s", h["seconds"])), "{url}");
    }
}

#[test]
fn search_queries_file_gives_json_lines_in_order() {
    let Some(dir) = corpus("kr-translated-v1") else {
        return;
    };
    let tmp_tmp = crate::support::tempdir();
    let tmp = tmp_tmp.path().to_path_buf();
    let file = tmp.join("q.txt");
    std::fs::write(&file, "agents\n에이전트는\npizza recipe\n").unwrap();
    let o = lectern(&[
        "search",
        "--queries",
        file.to_str().unwrap(),
        "--content",
        dir.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let queries: Vec<&str> = lines.iter().map(|v| v["query"].as_str().unwrap()).collect();
    assert_eq!(queries, ["agents", "에이전트는", "pizza recipe"]);
}

/// What `lectern console` prints for `input` piped in; it must exit 0. The
/// console keeps its study records in a database of its own, never the
/// user's.
fn console_with(input: &str) -> String {
    let data = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_lectern"))
        .arg("console")
        .current_dir(ROOT)
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", data.path().join("console.sqlite3").display()),
        )
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{input}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn console_answers_until_quit() {
    let text = console_with("/summary 21\n/at 3:12:00\n/quit\n/help\n");
    assert!(text.contains("LLM의 미래 발전 방향입니다."));
    assert!(text.contains("t=11520s"));
    assert!(!text.contains("Lectern 도움말"), "stopped at /quit");
}

/// A line without `/` is a search; `/quit now`, `/exit` and `종료` leave
/// (piped input: the path scripts and tests use, not the line editor).
#[test]
fn console_searches_plain_lines_and_leaves_on_any_quit_word() {
    for quit in ["/quit now", "/exit", "종료"] {
        let text = console_with(&format!("에이전트\n{quit}\n/help\n"));
        assert!(text.contains("🔎 에이전트"), "{quit}: a search: {text}");
        assert!(!text.contains("Lectern 도움말"), "{quit}: stopped");
    }
    assert!(lectern::cli::console::is_quit("/quit now"));
    assert!(!lectern::cli::console::is_quit("quitting time"));
}

/// `/reload` (`/새로고침`) exists, but only a running `serve` can reload:
/// `ask` and the console say so rather than "there is no such command".
#[test]
fn reload_outside_serve_says_where_it_works() {
    use lectern::answer::Locale;
    let lectern = crate::support::shipped();
    for (line, l, title) in [
        ("/reload", Locale::Ko, "여기서는 다시 불러올 수 없어요"),
        ("/새로고침", Locale::Ko, "여기서는 다시 불러올 수 없어요"),
        ("/Reload", Locale::En, "Can't reload here"),
    ] {
        let reply = lectern::cli::ask::respond(&lectern, line, l);
        assert_eq!(reply.title, title, "{line}");
    }
    let text = console_with("/새로고침\n");
    assert!(text.contains("여기서는 다시 불러올 수 없어요"), "{text}");
    assert!(!text.contains("명령은 없어요"), "{text}");
}

/// A reply's buttons are numbered in the console and a typed number presses
/// one: `/summary 21` then `2` is chapter 22's page (the "22장 ▶" button), and
/// a number past the buttons is an ordinary line (a search).
#[test]
fn console_numbers_buttons_and_a_typed_number_presses_one() {
    let text = console_with("/summary 21\n2\n9\n");
    assert!(text.contains("[1] ◀ 20장  [2] 22장 ▶"), "{text}");
    assert!(
        text.contains("1–4 중 번호를 입력하면 그 버튼을 눌러요"),
        "{text}"
    );
    assert!(text.contains("22. "), "the second button ran: {text}");
    assert!(
        text.contains("9에 대한 내용은"),
        "a number past the buttons is a search: {text}"
    );
}

/// `lectern ask … | head`: a reader that closes its end before the answer is
/// written gets no panic message and no failure, in both output formats (and
/// `lectern search … | head` too).
#[test]
fn ask_into_a_closed_pipe_exits_quietly() {
    for args in [
        ["ask", "/chapters", "--format", "text"],
        ["ask", "/chapters", "--format", "discord"],
        ["search", "agents", "--limit", "3"],
    ] {
        let format = args.join(" ");
        let mut child = Command::new(env!("CARGO_BIN_EXE_lectern"))
            .args(args)
            .current_dir(ROOT)
            .env_remove("RUST_LOG")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close the reading end at once: the answer is written after loading.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{format}: {stderr}");
        assert_eq!(out.status.code(), Some(0), "{format}: {stderr}");
    }
}

/// Copies `from` into `to`, following links (the seed chapter is one); a
/// link with nothing behind it is left out.
fn copy_following_links(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_following_links(&path, &target);
        } else if path.is_file() {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

#[test]
fn runs_from_any_directory_with_content_alone() {
    let elsewhere = tempfile::tempdir().unwrap();
    let content = elsewhere.path().join("notes");
    copy_following_links(&std::path::Path::new(ROOT).join("content"), &content);
    let content = content.to_str().unwrap();
    let search = |dir: &std::path::Path| {
        let o = Command::new(env!("CARGO_BIN_EXE_lectern"))
            .args(["search", "agents", "--json", "--content", content])
            .current_dir(dir)
            // No config to find: not named, not in the user's config folder.
            .env_remove("LECTERN_CONFIG")
            .env("HOME", elsewhere.path())
            .env("XDG_CONFIG_HOME", elsewhere.path())
            .env_remove("RUST_LOG")
            .output()
            .expect("lectern runs");
        assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
        let v = json(&o);
        let chapters: Vec<u64> = v["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .map(|h| h["chapter"].as_u64().unwrap())
            .collect();
        chapters
    };
    let outside = search(elsewhere.path());
    // The compiled-in glossary takes `agents` to 에이전트: chapters are found…
    assert!(!outside.is_empty(), "nothing found outside the repository");
    // …the same ones as from the checkout, with its config file.
    assert_eq!(outside, search(std::path::Path::new(ROOT)));
}
