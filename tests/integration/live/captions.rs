//! Captions dropped into the `captions/` folder beside a course folder (the
//! layout `<course>/kr/` + `<course>/captions/`) go live without a restart:
//! the folder is watched even when it appears after the bot started, and
//! then so are the files in it.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use lectern::config::Config;
use lectern::live::Live;

use crate::support::{config, tempdir};

const VIDEO: &str = "smalltalk01";

const TALK: &str = "---\ntitle: \"발표\"\nsourceUrl: \"https://www.youtube.com/watch?v=smalltalk01\"\nduration: \"2:00\"\n---\n\n## 요약\n\n발표 요약입니다.\n\n## 전체 번역\n\n토큰에 대한 이야기입니다.\n";

const VTT: &str = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nhello and welcome\n\n00:00:05.000 --> 00:00:09.000\nthis talk is about tokens\n";

const LONGER: &str = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nhello and welcome\n\n00:00:05.000 --> 00:00:09.000\nthis talk is about tokens\n\n00:00:10.000 --> 00:00:14.000\nand how models read them\n";

/// How many caption words the course in service has (`None`: no captions).
fn caption_words(live: &Live) -> Option<usize> {
    let lectern = live.get();
    lectern.library.courses[0]
        .captions
        .as_ref()
        .map(|c| c.words.len())
}

/// Waits until `caption_words` is `want`; the time it took.
fn until(live: &Live, want: Option<usize>, what: &str) -> Duration {
    let started = Instant::now();
    while caption_words(live) != want {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{what}: not live after 5 s ({:?})",
            caption_words(live)
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    started.elapsed()
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).expect("write");
}

/// A talk's notes in `<dir>/small-talk/kr/`, served live from that folder
/// alone (no captions yet); the course folder `small-talk/`.
fn talk_served(dir: &Path) -> (PathBuf, Arc<Live>) {
    let course = dir.join("small-talk");
    let notes = course.join("kr");
    std::fs::create_dir_all(&notes).expect("mkdir");
    write(&notes.join("talk.md"), TALK);
    let config = Config {
        content: vec![notes],
        ..config()
    };
    let live = Arc::new(Live::new(config.clone(), config.content.clone()));
    (course, live)
}

#[test]
fn captions_dropped_beside_the_notes_folder_go_live() {
    let tmp = tempdir();
    let (course, live) = talk_served(tmp.path());
    assert_eq!(caption_words(&live), None);
    let _guard = live.watch().expect("watcher starts");
    std::thread::sleep(Duration::from_millis(100));

    // The folder doesn't exist yet: a group makes it and drops a file in.
    let captions = course.join("captions");
    std::fs::create_dir(&captions).expect("mkdir captions");
    write(&captions.join(format!("{VIDEO}.en.vtt")), VTT);
    let first = until(&live, Some(8), "a new captions folder");

    // Now the folder itself is watched: an edit in it goes live too.
    std::thread::sleep(Duration::from_millis(100));
    write(&captions.join(format!("{VIDEO}.en.vtt")), LONGER);
    let edit = until(&live, Some(13), "an edit in the captions folder");
    eprintln!("captions went live after {first:?}; an edit after {edit:?}");
}

#[test]
fn files_beside_the_notes_folder_that_are_not_captions_reload_nothing() {
    let tmp = tempdir();
    let (course, live) = talk_served(tmp.path());
    let reloads = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counted = Arc::clone(&reloads);
    live.on_reload(move |_| {
        counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    });
    let _guard = live.watch().expect("watcher starts");
    std::thread::sleep(Duration::from_millis(100));
    // The course folder's own notes (SOURCE.md beside kr/) are not content.
    write(&course.join("SOURCE.md"), "# 출처\n");
    std::thread::sleep(Duration::from_millis(1_500));
    assert_eq!(reloads.load(std::sync::atomic::Ordering::SeqCst), 0);
}
