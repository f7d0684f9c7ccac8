//! Reloads on a hostile content folder (issue 15): a folder written to every
//! few milliseconds by something that isn't content doesn't hold edits back,
//! a save through a temp file and a rename is picked up, and a truncated save
//! keeps the last good notes while a deliberate section removal goes through.
//! Self-contained: a two-chapter course written to a temp folder.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use lectern::config::Config;
use lectern::live::{is_content_path, Live};

const COURSE: &str = r#"id: tiny
title: "Tiny Course"
title_ko: "작은 강의"
video: "abcdefghijk"
duration: "0:10:00"
chapters:
  - number: 1
    start: "0:00:00"
    title: "One"
    title_ko: "하나"
  - number: 2
    start: "0:05:00"
    title: "Two"
    title_ko: "둘"
"#;

fn chapter(summary: &str, points: bool) -> String {
    let points = if points {
        "## 핵심 포인트\n\n- 첫째 요점\n- 둘째 요점\n\n"
    } else {
        ""
    };
    format!(
        "---\ntitle: \"1. One\"\ntitleKr: \"1. 하나\"\nchapter: 1\ntimestamp: \"0:00:00\"\n---\n\n# 1. 하나\n\n## 요약\n\n{summary}\n\n{points}---\n\n## 전체 번역\n\n본문 첫 문단입니다.\n"
    )
}

const FRONT_MATTER_ONLY: &str =
    "---\ntitle: \"1. One\"\ntitleKr: \"1. 하나\"\nchapter: 1\ntimestamp: \"0:00:00\"\n---\n";

struct Folder {
    _dir: tempfile::TempDir,
    root: PathBuf,
    course: PathBuf,
}

fn folder() -> Folder {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    let course = root.join("tiny");
    std::fs::create_dir_all(&course).unwrap();
    std::fs::write(course.join("course.yaml"), COURSE).unwrap();
    std::fs::write(course.join("01-one.md"), chapter("처음 요약입니다.", true)).unwrap();
    Folder {
        _dir: dir,
        root,
        course,
    }
}

fn summary(live: &Live) -> Option<String> {
    let lectern = live.get();
    let notes = lectern.library.course("tiny")?.chapter(1)?.notes.as_ref()?;
    Some(notes.summary.clone())
}

fn key_points(live: &Live) -> usize {
    let lectern = live.get();
    lectern
        .library
        .course("tiny")
        .and_then(|c| c.chapter(1))
        .and_then(|c| c.notes.as_ref())
        .map_or(0, |n| n.key_points.len())
}

/// Saves like careful editors do: a temp file, then a rename over the file.
fn save_atomically(path: &Path, text: &str) {
    let temp = path.with_file_name(".01-one.md.tmp");
    std::fs::write(&temp, text).unwrap();
    std::fs::rename(&temp, path).unwrap();
}

#[test]
fn a_truncated_save_keeps_the_last_good_notes() {
    let f = folder();
    let live = Live::new(Config::default(), vec![f.root.clone()]);
    assert!(summary(&live).unwrap().contains("처음 요약"));
    std::fs::write(f.course.join("01-one.md"), FRONT_MATTER_ONLY).unwrap();
    let report = live.reload();
    assert!(summary(&live).unwrap().contains("처음 요약"));
    assert_eq!(report.kept.len(), 1, "{report:?}");
    assert!(report.kept[0].2.contains("01-one.md"), "{report:?}");
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.path.ends_with("01-one.md") && d.message.contains("last good version")),
        "{report:?}"
    );
}

#[test]
fn a_deliberate_section_removal_goes_through() {
    let f = folder();
    let live = Live::new(Config::default(), vec![f.root.clone()]);
    assert_eq!(key_points(&live), 2);
    std::fs::write(
        f.course.join("01-one.md"),
        chapter("처음 요약입니다.", false),
    )
    .unwrap();
    let report = live.reload();
    assert!(report.kept.is_empty(), "{report:?}");
    assert_eq!(report.updated, vec![("tiny".to_string(), 1)]);
    assert_eq!(key_points(&live), 0);
}

#[test]
fn only_content_files_count_as_changes() {
    for yes in [
        "a/01-one.md",
        "a/course.yaml",
        "a/captions/01.vtt",
        "a/01.SRT",
        "g.yml",
    ] {
        assert!(is_content_path(Path::new(yes)), "{yes}");
    }
    for no in [
        "a/notes.log",
        "a/.01-one.md.swp",
        "a/01-one.md~",
        "a/.01-one.md.tmp",
        "a/~$draft.md",
        "a/sync.partial",
        "a/4913",
        "a",
    ] {
        assert!(!is_content_path(Path::new(no)), "{no}");
    }
}

#[test]
fn a_starving_writer_does_not_delay_an_edit_past_a_second() {
    let f = folder();
    let live = Arc::new(Live::new(Config::default(), vec![f.root.clone()]));
    let _watching = live.watch().unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    // Something that isn't content, and a content-looking burst too: a file
    // rewritten every 50 ms for the whole test.
    let writer = {
        let stop = stop.clone();
        let course = f.course.clone();
        std::thread::spawn(move || {
            let mut i = 0u64;
            while !stop.load(Ordering::Relaxed) {
                let _ = std::fs::write(course.join("notes.log"), format!("line {i}\n"));
                let _ = std::fs::write(course.join("99-scratch.md"), format!("draft {i}\n"));
                i += 1;
                std::thread::sleep(Duration::from_millis(50));
            }
        })
    };
    std::thread::sleep(Duration::from_millis(400));
    let started = Instant::now();
    save_atomically(
        &f.course.join("01-one.md"),
        &chapter("새 요약입니다.", true),
    );
    let mut seen = None;
    while started.elapsed() < Duration::from_secs(5) {
        if summary(&live).is_some_and(|s| s.contains("새 요약")) {
            seen = Some(started.elapsed());
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    stop.store(true, Ordering::Relaxed);
    writer.join().unwrap();
    let seen = seen.expect("the edit was never applied");
    eprintln!("edit applied {seen:?} after the save, under a 50 ms writer");
    // ~1 s by design (0.8 s max wait + the reload); slack for a shared machine.
    assert!(seen < Duration::from_millis(2000), "took {seen:?}");
}
