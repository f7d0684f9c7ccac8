//! Content edits while running: reload keeps the last good version of a
//! broken chapter, serves new files, removes deleted ones; the watcher makes
//! edits live on its own.

mod captions;
mod starvation;

use std::fs;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::support::content::{temp_content, TempContent};
use lectern::live::Live;

const CH3: &str = "---\nchapter: 3\ntimestamp: \"7:47\"\n---\n\n## 요약\n\n토큰화 이야기.\n\n## 핵심 포인트\n\n- BPE\n\n## 전체 번역\n\n[8:00] 바이트 페어 인코딩을 봅니다.\n";

/// A private copy of the shipped content, served live.
fn setup() -> (TempContent, PathBuf, Live) {
    let temp = temp_content();
    let live = Live::new(temp.config.clone(), temp.config.content.clone());
    let course = temp.course();
    (temp, course, live)
}

fn summary(live: &Live, n: u32) -> Option<String> {
    let l = live.get();
    l.library.courses[0]
        .chapter(n)?
        .notes
        .as_ref()
        .map(|n| n.summary.clone())
}

#[test]
fn reload_reports_and_never_loses_a_chapter() {
    let (_temp, course, live) = setup();
    assert_eq!(
        summary(&live, 21).as_deref(),
        Some("LLM의 미래 발전 방향입니다.")
    );

    // A new file is served.
    fs::write(course.join("03.md"), CH3).unwrap();
    let r = live.reload();
    assert_eq!(r.added, vec![("deep-dive-llms".to_string(), 3)]);
    assert_eq!(summary(&live, 3).as_deref(), Some("토큰화 이야기."));

    // A broken edit keeps the last good version and says why.
    let path = course.join("21-preview-of-things-to-come.md");
    let good = fs::read_to_string(&path).unwrap();
    fs::write(&path, "---\nchapter: [oops\n---\n").unwrap();
    let r = live.reload();
    assert_eq!(r.kept.len(), 1, "{r:?}");
    assert!(r
        .diagnostics
        .iter()
        .any(|d| d.is_error() && d.path.ends_with("21-preview-of-things-to-come.md")));
    assert_eq!(
        summary(&live, 21).as_deref(),
        Some("LLM의 미래 발전 방향입니다.")
    );
    assert!(r.is_unchanged(), "{r:?}");

    // A fixed edit is an update.
    fs::write(
        &path,
        good.replace("LLM의 미래 발전 방향입니다.", "새 요약."),
    )
    .unwrap();
    let r = live.reload();
    assert_eq!(r.updated, vec![("deep-dive-llms".to_string(), 21)]);
    assert_eq!(summary(&live, 21).as_deref(), Some("새 요약."));

    // A deleted file removes only its chapter.
    fs::remove_file(course.join("03.md")).unwrap();
    let r = live.reload();
    assert_eq!(r.removed, vec![("deep-dive-llms".to_string(), 3)]);
    assert_eq!(summary(&live, 3), None);
    assert_eq!(summary(&live, 21).as_deref(), Some("새 요약."));

    // A broken course index keeps the whole course.
    let index = course.join("course.yaml");
    let good_index = fs::read_to_string(&index).unwrap();
    fs::write(&index, "id: [broken\n").unwrap();
    let r = live.reload();
    assert!(!r.kept.is_empty());
    assert_eq!(live.get().library.courses.len(), 1);
    fs::write(&index, good_index).unwrap();
    assert!(live.reload().kept.is_empty());
}

#[test]
fn watched_edits_go_live() {
    let (_temp, course, live) = setup();
    let live = Arc::new(live);
    let _guard = live.watch().expect("watcher starts");
    let path = course.join("21-preview-of-things-to-come.md");
    let text = fs::read_to_string(&path).unwrap();
    std::thread::sleep(Duration::from_millis(100));
    let started = Instant::now();
    fs::write(
        &path,
        text.replace("LLM의 미래 발전 방향입니다.", "실시간 수정."),
    )
    .unwrap();
    let deadline = started + Duration::from_secs(5);
    while summary(&live, 21).as_deref() != Some("실시간 수정.") {
        assert!(Instant::now() < deadline, "edit not live after 5 s");
        std::thread::sleep(Duration::from_millis(20));
    }
    // The latency itself is a figure to report, not a test verdict.
    eprintln!("edit went live after {:?}", started.elapsed());
}
