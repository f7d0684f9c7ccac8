//! Every real layout of lecture notes loads into the same model: one file per
//! chapter, the whole lecture in one `_index.md` (alone or beside chapter
//! files), an English transcript document, and a talk without chapters.
//!
//! Real files are read from `../shared/corpus/ai-prompt-engineering` at test
//! time (skipped with a notice without it, failing when `CI` is set); the
//! small fixtures are written here.

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

// ---- the real files ----

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

// ---- small fixtures ----

const DOC: &str = r#"---
title: "작은 강의"
originalTitle: "A Small Lecture"
author: "Someone"
sourceUrl: "https://www.youtube.com/watch?v=abcdefghijk"
duration: "1:10:00"
totalChapters: 2
---

# 작은 강의

## TL;DR

짧은 강의입니다.

## 챕터별 요약

### 1. 시작 (0:00)

처음 부분의 요약입니다.

**핵심 포인트:**
- 첫째 요점
- **용어**: 설명

---

### 2. 마무리 (64:34)

끝 부분의 요약입니다.

## 전체 번역

### 목차

1. [시작](#1-시작) (0:00)
2. [마무리](#2-마무리) (64:34)

---

### 1. 시작

[0:10] 첫 번째 문단입니다.

두 번째 문단입니다.

### 2. 마무리

[1:05:00] 마지막 문단입니다.

<!-- FULL_TRANSLATION_END -->

## 핵심 요약

- 전체 요약
"#;

#[test]
fn whole_lecture_document_alone_is_a_course() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("small-lecture").join("kr");
    write(&dir, "_index.md", DOC);
    let library = load(&[&dir]);
    // Chapter 2's summary has no key points: said once, at its heading.
    let heading = DOC
        .lines()
        .position(|l| l == "### 2. 마무리 (64:34)")
        .unwrap()
        + 1;
    let found: Vec<(usize, &str)> = library
        .diagnostics
        .iter()
        .map(|d| (d.line, d.message.as_str()))
        .collect();
    assert_eq!(found, vec![(heading, "no key points (`## 핵심 포인트`)")]);
    let c = &library.courses[0];
    assert_eq!(c.id, "small-lecture");
    assert_eq!(
        (c.title.as_str(), c.title_ko.as_str()),
        ("A Small Lecture", "작은 강의")
    );
    assert_eq!(c.author.as_deref(), Some("Someone"));
    assert_eq!((c.video_id.as_str(), c.duration), ("abcdefghijk", 4200));
    assert_eq!(c.chapters.len(), 2);
    let one = &c.chapters[0];
    assert_eq!(
        (one.title_ko.as_str(), one.start, one.end),
        ("시작", 0, 3874)
    );
    let notes = one.notes.as_ref().unwrap();
    assert_eq!(notes.summary, "처음 부분의 요약입니다.");
    assert_eq!(notes.key_points.len(), 2);
    assert_eq!(notes.key_points[1].term.as_deref(), Some("용어"));
    let lines: Vec<usize> = notes.body.iter().map(|p| p.line).collect();
    let expect = |s: &str| DOC.lines().position(|l| l.contains(s)).unwrap() + 1;
    assert_eq!(lines, vec![expect("첫 번째 문단"), expect("두 번째 문단")]);
    assert_eq!(notes.anchors[0].seconds, 10);
    let two = &c.chapters[1];
    assert_eq!((two.start, two.end), (3874, 4200));
    assert_eq!(
        two.notes.as_ref().unwrap().body.len(),
        1,
        "the trailing 핵심 요약 is not chapter text"
    );
}

#[test]
fn chapter_files_win_and_the_document_fills_the_rest() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("small-lecture");
    write(&dir, "_index.md", DOC);
    write(
        &dir,
        "start.md",
        "---\ntitle: \"1. Start\"\ntitleKr: \"1. 시작\"\nchapter: 1\nsourceUrl: \"https://www.youtube.com/watch?v=abcdefghijk&t=0s\"\n---\n\n## 요약\n\n파일의 요약입니다.\n\n## 핵심 포인트\n\n- 하나\n\n## 전체 번역\n\n파일의 번역입니다.\n",
    );
    let library = load(&[&dir]);
    assert!(errors(&library).is_empty(), "{:?}", library.diagnostics);
    let c = &library.courses[0];
    assert_eq!((c.title.as_str(), c.duration), ("A Small Lecture", 4200));
    assert_eq!(c.chapters.len(), 2);
    let one = c.chapters[0].notes.as_ref().unwrap();
    assert_eq!(one.summary, "파일의 요약입니다.");
    assert!(one.path.ends_with("start.md"));
    assert!(c.chapters[1]
        .notes
        .as_ref()
        .unwrap()
        .path
        .ends_with("_index.md"));
    let note = library
        .diagnostics
        .iter()
        .find(|d| d.message.contains("also in chapter files"))
        .expect("check says the chapter file is served");
    assert!(
        note.path.ends_with("_index.md") && note.message.contains("chapter 1 is"),
        "{note}"
    );
}

#[test]
fn english_transcript_document_fixture() {
    let doc = "---\ntitle: \"Talk Series\"\nsource_url: \"https://www.youtube.com/watch?v=abcdefghijk\"\nduration: \"20:00\"\n---\n\n# Talk Series\n\n## Table of Contents\n\n1. [Opening](#1-opening) (0:00)\n2. [Closing](#2-closing) (12:30)\n\n---\n\n## 1. Opening\n\n**시간**: 0:00\n\n[0:00] Hello there,\n[0:05] and welcome.\n\n## 2. Closing\n\n[12:30] Goodbye.\n";
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("talks").join("eng");
    write(&dir, "_index.md", doc);
    let library = load(&[&dir]);
    assert!(errors(&library).is_empty(), "{:?}", library.diagnostics);
    let c = &library.courses[0];
    assert_eq!(
        (c.id.as_str(), c.title.as_str(), c.duration),
        ("talks", "Talk Series", 1200)
    );
    let titles: Vec<(&str, u32)> = c
        .chapters
        .iter()
        .map(|c| (c.title.as_str(), c.start))
        .collect();
    assert_eq!(titles, vec![("Opening", 0), ("Closing", 750)]);
    let notes = c.chapters[0].notes.as_ref().unwrap();
    assert_eq!(notes.body_kind, BodyKind::Transcript);
    assert_eq!(notes.body_text(), "Hello there, and welcome.");
    assert_eq!(notes.anchors.len(), 2);
    // Diagnostics name the chapter's section, not the table of contents.
    let missing = library
        .diagnostics
        .iter()
        .find(|d| d.message.contains("no summary"))
        .unwrap();
    assert_eq!(
        missing.line,
        doc.lines().position(|l| l == "## 1. Opening").unwrap() + 1
    );
}

#[test]
fn a_talk_without_chapters_is_one_chapter_spanning_the_video() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("lightning-talk");
    write(
        &dir,
        "talk.md",
        "---\ntitle: \"짧은 발표\"\nsourceUrl: \"https://www.youtube.com/watch?v=talkvideo01\"\nduration: \"10:12\"\n---\n\n## 요약\n\n발표 요약입니다.\n\n## 전체 번역\n\n[5:00] 발표 내용입니다.\n",
    );
    let library = load(&[&dir]);
    assert!(
        library.diagnostics.iter().all(|d| !d.is_error()),
        "{:?}",
        library.diagnostics
    );
    assert!(
        library
            .diagnostics
            .iter()
            .all(|d| !d.message.contains("duration")),
        "{:?}",
        library.diagnostics
    );
    let c = &library.courses[0];
    assert_eq!(
        (c.id.as_str(), c.title_ko.as_str()),
        ("lightning-talk", "짧은 발표")
    );
    assert_eq!((c.duration, c.duration_known), (612, true));
    assert_eq!(c.chapters.len(), 1);
    let ch = &c.chapters[0];
    assert_eq!((ch.number, ch.start, ch.end), (1, 0, 612));
    let notes = ch.notes.as_ref().unwrap();
    assert_eq!(notes.body[0].line, 13);
    assert_eq!(notes.anchors[0].seconds, 300);
}

#[test]
fn a_file_that_fits_no_layout_is_named_with_what_it_lacks() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("course");
    write(
        &dir,
        "stray.md",
        "---\ntitle: \"Notes\"\nsourceUrl: \"https://www.youtube.com/watch?v=abcdefghijk\"\n---\n\nText.\n",
    );
    write(
        &dir,
        "_index.md",
        "---\ntitle: \"Course\"\n---\n\n## 아무것도\n\n없음\n",
    );
    let library = load(&[&dir]);
    let errs = errors(&library);
    assert!(
        errs.iter()
            .any(|e| e.contains("stray.md:1: error: fits no layout")
                && e.contains("lacks `chapter: N` and `duration`")),
        "{errs:?}"
    );
    assert!(
        errs.iter()
            .any(|e| e.contains("_index.md:") && e.contains("course document without chapters")),
        "{errs:?}"
    );
}

#[test]
fn two_folders_claiming_one_video_are_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("lecture").join("kr");
    let b = tmp.path().join("lecture-copy");
    write(&a, "_index.md", DOC);
    write(&b, "_index.md", DOC);
    let library = load(&[tmp.path()]);
    let ids: Vec<&str> = library.courses.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, vec!["lecture", "lecture-copy"]);
    assert!(
        library
            .diagnostics
            .iter()
            .any(|d| d.message.contains("both claim video `abcdefghijk`")),
        "{:?}",
        library.diagnostics
    );
}
