//! Shared by the `tests/discord_*.rs` suites: the content to answer from,
//! golden files (`UPDATE_GOLDEN=1` rewrites them), running an interaction
//! JSON through the real handler, and the checker every response payload
//! goes through — each Discord limit, and empty `allowed_mentions`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use lectern::config::Config;
use lectern::data::Lectern;
use lectern::discord::{self, Interaction, Settings};
use lectern::search::Glossary;
use serde_json::Value;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn config() -> Config {
    Config::load(&root().join("config/lectern.yaml")).expect("config/lectern.yaml loads")
}

/// The shipped `content/` and `config/glossary.yaml`.
pub fn shipped() -> Lectern {
    let config = config();
    Lectern::load(&config, &config.content)
}

/// A fresh copy of the shipped `content/` under the target's temp folder,
/// and a config serving it (with the shipped glossary): for tests that edit
/// content while the bot runs.
pub fn temp_content(name: &str) -> (Config, PathBuf) {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("discord-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&root().join("content"), &dir);
    let config = Config {
        content: vec![dir.clone()],
        ..config()
    };
    (config, dir)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read content") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// The chapter file the temp-content tests edit, and a sentence of it.
pub const EDITED_CHAPTER: &str = "deep-dive-llms/21-preview-of-things-to-come.md";
pub const EDITED_SENTENCE: &str = "LLM의 미래 발전 방향입니다.";

/// Rewrites one sentence of the chapter file; panics when it isn't there.
pub fn edit_chapter(dir: &Path, replacement: &str) {
    let path = dir.join(EDITED_CHAPTER);
    let text = std::fs::read_to_string(&path).expect("read chapter");
    assert!(text.contains(EDITED_SENTENCE), "the chapter changed");
    std::fs::write(&path, text.replace(EDITED_SENTENCE, replacement)).expect("write chapter");
}

/// The same library twice, as two courses: commands get a `course` option.
pub fn two_courses() -> Lectern {
    let config = config();
    let one = shipped();
    let mut library = one.library.clone();
    let mut other = library.courses[0].clone();
    other.id = "other-course".into();
    other.title = "Another Lecture".into();
    other.title_ko = "다른 강의".into();
    other.color = Some(0x336699);
    library.courses.push(other);
    let glossary = config
        .glossary
        .as_deref()
        .and_then(|p| std::fs::read_to_string(p).ok())
        .and_then(|t| Glossary::parse(&t).ok())
        .unwrap_or_default();
    let mut lectern = Lectern::new(library, &glossary);
    lectern.default_course = config.default_course.clone();
    lectern
}

/// `../shared/corpus/deep-dive-llms`, or `None` (with a notice) when it is
/// missing outside CI; in CI a missing corpus fails the test.
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/deep-dive-llms"
    ));
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var_os("CI").is_some() {
        panic!("{} is missing; CI needs the corpus", dir.display());
    }
    eprintln!(
        "notice: {} is missing; skipping the corpus part of this test",
        dir.display()
    );
    None
}

/// The four variants of the corpus.
pub const VARIANTS: &[&str] = &[
    "kr-translated-v1",
    "kr-translated",
    "kr-translated-timestamped",
    "eng-transcript",
];

/// One corpus variant, checked against the shipped course index.
pub fn corpus_variant(dir: &Path, variant: &str) -> Lectern {
    let config = config();
    Lectern::load(&config, &[dir.join(variant)])
}

/// Deserialises an interaction as serenity does for the gateway, answers it,
/// and returns the response JSON.
pub fn respond(lectern: &Lectern, settings: &Settings, interaction: &Value) -> Value {
    let interaction: Interaction =
        serde_json::from_value(interaction.clone()).expect("serenity reads the interaction");
    let response = discord::handle(lectern, settings, &interaction);
    discord::response_json(&response).expect("response encodes")
}

/// Compares `actual` with the golden file (pretty JSON), or writes it when
/// `UPDATE_GOLDEN=1`. A mismatch panics with a line diff.
pub fn golden(rel: &str, actual: &Value) {
    let path = root().join("tests/golden/discord").join(rel);
    let text = serde_json::to_string_pretty(actual).expect("json") + "\n";
    golden_text(&path, &text);
}

pub fn golden_text(path: &Path, text: &str) {
    if std::env::var("UPDATE_GOLDEN").as_deref() == Ok("1") {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|_| {
        panic!(
            "{} is missing; run with UPDATE_GOLDEN=1 to create it",
            path.display()
        )
    });
    if expected != text {
        panic!(
            "{} differs (UPDATE_GOLDEN=1 rewrites it):\n{}",
            path.display(),
            diff(&expected, text)
        );
    }
}

/// A small line diff: `-` expected, `+` actual, with line numbers.
pub fn diff(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while (i < e.len() || j < a.len()) && out.len() < 60 {
        match (e.get(i), a.get(j)) {
            (Some(x), Some(y)) if x == y => {
                i += 1;
                j += 1;
            }
            (x, y) => {
                // Resynchronise on the next line both sides share.
                let next = (i..e.len().min(i + 50)).find_map(|ii| {
                    (j..a.len().min(j + 50))
                        .find(|&jj| e[ii] == a[jj])
                        .map(|jj| (ii, jj))
                });
                match next {
                    Some((ii, jj)) => {
                        for (k, line) in e.iter().enumerate().take(ii).skip(i) {
                            out.push(format!("{:>5} - {line}", k + 1));
                        }
                        for (k, line) in a.iter().enumerate().take(jj).skip(j) {
                            out.push(format!("{:>5} + {line}", k + 1));
                        }
                        i = ii;
                        j = jj;
                    }
                    None => {
                        if let Some(x) = x {
                            out.push(format!("{:>5} - {x}", i + 1));
                            i += 1;
                        }
                        if let Some(y) = y {
                            out.push(format!("{:>5} + {y}", j + 1));
                            j += 1;
                        }
                    }
                }
            }
        }
    }
    out.join("\n")
}

pub use lectern::discord::limits::check_payload;

/// Panics with the violations and the payload when `response` breaks a rule.
pub fn assert_payload_ok(context: &str, response: &Value) {
    let errors = check_payload(response);
    assert!(
        errors.is_empty(),
        "{context}: {errors:?}\n{}",
        serde_json::to_string_pretty(response).unwrap_or_default()
    );
}

/// The `custom_id`s of a response's buttons.
pub fn custom_ids(response: &Value) -> Vec<String> {
    response["data"]["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .filter_map(|b| b["custom_id"].as_str().map(str::to_string))
        .collect()
}
