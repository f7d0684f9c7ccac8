//! The layouts on small fixtures written to a temp folder: a whole-lecture
//! document alone and beside chapter files, an English transcript document,
//! a talk without chapters, a file that fits no layout, and two folders
//! claiming one video.

use lectern::library::BodyKind;

use super::{errors, load, write};

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
