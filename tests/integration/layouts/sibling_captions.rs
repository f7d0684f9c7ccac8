//! Captions in a `captions/` folder beside the notes folder (the corpus
//! layout `<course>/kr/` + `<course>/captions/`, or one `captions/` shared by
//! a folder of courses): a file is a course's when its name gives the
//! course's video id or name, never another course's.

use std::path::Path;

use lectern::library::align::placed;
use lectern::library::Library;

use super::{load, write};
use crate::support::served::lectern;
use crate::support::{corpus_path, load_with_index};

/// A talk without chapters on `video`, as its own course.
fn talk(dir: &Path, video: &str) {
    write(
        dir,
        "talk.md",
        &format!("---\ntitle: \"발표\"\nsourceUrl: \"https://www.youtube.com/watch?v={video}\"\nduration: \"2:00\"\n---\n\n## 요약\n\n발표 요약입니다.\n\n## 전체 번역\n\n토큰에 대한 이야기입니다.\n"),
    );
}

const VTT: &str = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nhello and welcome\n\n00:00:05.000 --> 00:00:09.000\nthis talk is about tokens\n";

/// Each course's id and the file name of the captions it got.
fn captions_of(library: &Library) -> Vec<(String, Option<String>)> {
    library
        .courses
        .iter()
        .map(|c| {
            let name = c.captions.as_ref().map(|cap| {
                Path::new(&cap.path)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            });
            (c.id.clone(), name)
        })
        .collect()
}

fn pairs(expected: &[(&str, Option<&str>)]) -> Vec<(String, Option<String>)> {
    expected
        .iter()
        .map(|(id, name)| (id.to_string(), name.map(str::to_string)))
        .collect()
}

#[test]
fn captions_beside_the_notes_folder_are_the_courses() {
    let tmp = tempfile::tempdir().unwrap();
    let course = tmp.path().join("small-talk");
    talk(&course.join("kr"), "smalltalk01");
    write(&course.join("captions"), "small-talk-keynote.en.vtt", VTT);
    let library = load(&[&course.join("kr")]);
    assert_eq!(
        captions_of(&library),
        pairs(&[("small-talk", Some("small-talk-keynote.en.vtt"))])
    );
    let captions = library.courses[0].captions.as_ref().unwrap();
    assert_eq!(captions.language.as_deref(), Some("en"));
    assert_eq!(captions.words.len(), 8);
}

#[test]
fn a_folder_of_courses_gives_each_only_its_own_captions() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    talk(&root.join("alpha-talk"), "alphavideo1");
    talk(&root.join("beta-talk"), "betavideo01");
    talk(&root.join("gamma-talk"), "gammavideo1");
    // By name, and by the video id a download tool writes into the name.
    write(&root.join("captions"), "alpha-talk.en.vtt", VTT);
    write(
        &root.join("captions"),
        "Beta's Big Talk [betavideo01].en.vtt",
        VTT,
    );
    let library = load(&[root]);
    assert_eq!(
        captions_of(&library),
        pairs(&[
            ("alpha-talk", Some("alpha-talk.en.vtt")),
            ("beta-talk", Some("Beta's Big Talk [betavideo01].en.vtt")),
            ("gamma-talk", None),
        ])
    );
}

#[test]
fn the_course_whose_name_fits_best_gets_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    talk(&root.join("deep-dive"), "deepdive001");
    talk(&root.join("deep-dive-llms"), "deepdive002");
    // Both names begin `deep-dive`; each file goes to the one it names.
    write(&root.join("captions"), "deep-dive-llms.en-orig.vtt", VTT);
    let library = load(&[root]);
    assert_eq!(
        captions_of(&library),
        pairs(&[
            ("deep-dive", None),
            ("deep-dive-llms", Some("deep-dive-llms.en-orig.vtt")),
        ])
    );
    write(&root.join("captions"), "deep-dive.en.vtt", VTT);
    let library = load(&[root]);
    assert_eq!(
        captions_of(&library),
        pairs(&[
            ("deep-dive", Some("deep-dive.en.vtt")),
            ("deep-dive-llms", Some("deep-dive-llms.en-orig.vtt")),
        ])
    );
}

#[test]
fn a_file_named_for_nothing_is_not_attached_and_own_captions_come_first() {
    let tmp = tempfile::tempdir().unwrap();
    let course = tmp.path().join("small-talk");
    talk(&course.join("kr"), "smalltalk01");
    write(&course.join("captions"), "other-lecture.en.vtt", VTT);
    let library = load(&[&course.join("kr")]);
    assert_eq!(captions_of(&library), pairs(&[("small-talk", None)]));
    // Captions inside the notes folder win over those beside it.
    write(&course.join("captions"), "small-talk.en.vtt", VTT);
    write(&course.join("kr"), "mine.en.vtt", VTT);
    let library = load(&[&course.join("kr")]);
    assert_eq!(
        captions_of(&library),
        pairs(&[("small-talk", Some("mine.en.vtt"))])
    );
}

#[test]
fn check_names_the_prompt_engineering_captions_and_aligns_them() {
    let Some(dir) = corpus_path("ai-prompt-engineering/kr") else {
        return;
    };
    let o = lectern(&["check", "--content", dir.to_str().unwrap()]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{out}");
    let line = out
        .lines()
        .find(|l| l.starts_with("course ai-prompt-engineering:"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(
        line.contains("captions/ai-prompt-engineering-deep-dive.en.vtt (")
            && line.contains(" paragraphs placed)"),
        "{line}"
    );
    assert!(!out.contains("the captions don't match the notes"), "{out}");

    // The notes are a condensed translation: fewer of their paragraphs can
    // be pinned than the v1 notes'. Most of those pinned are said inside
    // (or within a minute of) their own chapter.
    let lectern = load_with_index(&dir);
    let course = &lectern.library.courses[0];
    let placed = placed(course);
    let mut outside = Vec::new();
    for chapter in &course.chapters {
        for p in &chapter.notes.as_ref().unwrap().body {
            if let Some(spoken) = p.spoken.filter(|s| s.confident()) {
                if spoken.start + 60 < chapter.start || spoken.start >= chapter.end + 60 {
                    outside.push(format!(
                        "chapter {} ({}–{}): {:?} at {}",
                        chapter.number,
                        chapter.start,
                        chapter.end,
                        p.text.chars().take(40).collect::<String>(),
                        spoken.start
                    ));
                }
            }
        }
    }
    println!(
        "ai-prompt-engineering: {} of {} paragraphs placed confidently, {} of them outside their chapter: {outside:#?}",
        placed.confident,
        placed.paragraphs,
        outside.len()
    );
    assert!(
        placed.paragraphs > 100 && placed.share() >= 0.2,
        "{placed:?}"
    );
    assert!(outside.len() * 5 <= placed.confident, "{outside:#?}");
}
