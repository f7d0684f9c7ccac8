//! Every real layout of lecture notes loads into the same model: one file per
//! chapter, the whole lecture in one `_index.md` (alone or beside chapter
//! files), an English transcript document, and a talk without chapters.
//!
//! Real files are read from `../shared/corpus/ai-prompt-engineering` at test
//! time (skipped with a notice without it, failing when `CI` is set); the
//! small fixtures are written by `fixtures`.

mod fixtures;
mod sibling_captions;

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::corpus_path;
use crate::support::served::lectern;
use lectern::library::{load_library, BodyKind, Library, Severity};

fn load(dirs: &[&Path]) -> Library {
    let dirs: Vec<PathBuf> = dirs.iter().map(|d| d.to_path_buf()).collect();
    load_library(&dirs, Default::default())
}

fn write(dir: &Path, name: &str, text: &str) {
    fs::create_dir_all(dir).unwrap();
    fs::write(dir.join(name), text).unwrap();
}

fn errors(library: &Library) -> Vec<String> {
    library
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.to_string())
        .collect()
}

#[test]
fn check_reports_the_chapter_files_course_with_title_and_length_from_index() {
    let Some(dir) = corpus_path("ai-prompt-engineering/kr") else {
        return;
    };
    let o = lectern(&["check", "--content", dir.to_str().unwrap()]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(
        out.contains("course ai-prompt-engineering: AI Prompt Engineering: A Deep Dive · AI 프롬프트 엔지니어링 심층 탐구 — 11 chapters, 1:16:42"),
        "{out}"
    );
    assert!(
        out.contains("1 course, 11 chapters (11 with notes): 0 errors"),
        "{out}"
    );
    assert!(
        out.contains("_index.md:1: warning: note: chapters 1, 2, 3"),
        "{out}"
    );
}

#[test]
fn index_alone_loads_the_same_course() {
    let Some(dir) = corpus_path("ai-prompt-engineering/kr") else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let alone = tmp.path().join("ai-prompt-engineering");
    fs::create_dir_all(&alone).unwrap();
    fs::copy(dir.join("_index.md"), alone.join("_index.md")).unwrap();
    let files = load(&[&dir]);
    let doc = load(&[&alone]);
    assert!(errors(&doc).is_empty(), "{:?}", errors(&doc));
    let (a, b) = (&files.courses[0], &doc.courses[0]);
    assert_eq!(b.id, "ai-prompt-engineering");
    assert_eq!(
        (b.title.as_str(), b.title_ko.as_str()),
        (a.title.as_str(), a.title_ko.as_str())
    );
    assert_eq!(b.author, a.author);
    assert_eq!(
        (b.video_id.as_str(), b.duration, b.duration_known),
        ("T9aRN5JkmL8", 4602, true)
    );
    assert_eq!(a.duration, b.duration);
    assert_eq!(b.chapters.len(), 11);
    for (x, y) in a.chapters.iter().zip(&b.chapters) {
        assert_eq!((x.number, x.start, x.end), (y.number, y.start, y.end));
        assert_eq!(x.title_ko, y.title_ko);
        let (nx, ny) = (x.notes.as_ref().unwrap(), y.notes.as_ref().unwrap());
        assert_eq!(nx.summary, ny.summary, "chapter {}", x.number);
        assert_eq!(nx.key_points, ny.key_points, "chapter {}", x.number);
        assert_eq!(ny.body_kind, BodyKind::Translation);
        assert!(ny.body_chars > 500, "chapter {} body", y.number);
        assert!(ny.path.ends_with("_index.md"));
    }
    // `(64:34)` is minutes past the hour.
    assert_eq!(b.chapters[10].start, 64 * 60 + 34);
    // Paragraph lines point into `_index.md`: chapter 9's translation is
    // under `### 9. 탈옥(Jailbreaking)` in `## 전체 번역`.
    let text = fs::read_to_string(alone.join("_index.md")).unwrap();
    let heading = text
        .lines()
        .position(|l| l == "### 9. 탈옥(Jailbreaking)")
        .unwrap()
        + 1;
    let first = &b.chapters[8].notes.as_ref().unwrap().body[0];
    assert!(first.line > heading, "{} after {heading}", first.line);
    let source_line = text.lines().nth(first.line - 1).unwrap();
    assert!(source_line.contains(&first.text[..20]), "{source_line}");
}

#[test]
fn english_transcript_document_loads_with_anchors() {
    let Some(dir) = corpus_path("ai-prompt-engineering/eng") else {
        return;
    };
    let library = load(&[&dir]);
    assert!(errors(&library).is_empty(), "{:?}", errors(&library));
    let course = &library.courses[0];
    assert_eq!(course.id, "ai-prompt-engineering");
    assert_eq!(course.title, "AI Prompt Engineering: A Deep Dive");
    assert_eq!((course.duration, course.duration_known), (4602, true));
    assert_eq!(course.chapters.len(), 11);
    let nine = course.chapter(9).unwrap();
    assert_eq!(
        (nine.title.as_str(), nine.start),
        ("Jailbreaking", 53 * 60 + 56)
    );
    let notes = nine.notes.as_ref().unwrap();
    assert_eq!(notes.body_kind, BodyKind::Transcript);
    assert!(notes.anchors.len() > 20, "{}", notes.anchors.len());
    assert!(!notes.body_text().contains("[53:56]"));
}

#[test]
fn both_courses_load_side_by_side_and_answer() {
    let (Some(kr), Some(llms)) = (
        corpus_path("ai-prompt-engineering/kr"),
        corpus_path("deep-dive-llms/kr-translated-v1"),
    ) else {
        return;
    };
    let (kr, llms) = (kr.to_str().unwrap(), llms.to_str().unwrap());
    let o = lectern(&["check", "--content", kr, "--content", llms]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("2 courses, 35 chapters"), "{out}");
    let o = lectern(&[
        "ask",
        "/summary 탈옥 course:ai-prompt-engineering",
        "--content",
        kr,
        "--content",
        llms,
    ]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(out.starts_with("9. 탈옥(Jailbreaking)"), "{out}");
    assert!(out.contains("T9aRN5JkmL8&t=3236s"), "{out}");
}
