//! Aligning notes to the video's captions (`lectern::library::align`): the
//! real v1 notes against the real auto-captions, a small synthetic talk for
//! exact times, and captions that don't fit.

use std::path::Path;

use lectern::app::Lectern;
use lectern::library::align::{align_course, placed, ConceptNames};
use lectern::library::{Course, Moment, Notes};
use lectern::timecode::Seconds;

use crate::support::corpus::{corpus, corpus_path, lectern_with};
use crate::support::{load_with_index, tempdir};

const fn hms(h: u32, m: u32, s: u32) -> Seconds {
    h * 3600 + m * 60 + s
}

fn notes<'a>(course: &'a Course, file: &str) -> (u32, &'a Notes) {
    course
        .chapters
        .iter()
        .find_map(|c| {
            let n = c.notes.as_ref()?;
            n.path.ends_with(file).then_some((c.number, n))
        })
        .unwrap_or_else(|| panic!("{file} is loaded"))
}

fn messages(lectern: &Lectern) -> Vec<String> {
    let diags = &lectern.library.diagnostics;
    diags.iter().map(ToString::to_string).collect()
}

#[test]
fn v1_paragraphs_are_placed_on_the_timeline_in_order() {
    let Some((_dir, lectern)) = lectern_with("kr-translated-v1", true) else {
        return;
    };
    let course = &lectern.library.courses[0];
    let (mut all, mut confident) = (0usize, 0usize);
    for ch in &course.chapters {
        let Some(n) = ch.notes.as_ref().filter(|n| n.has_body()) else {
            continue;
        };
        all += n.body.len();
        let placed: Vec<_> = n.body.iter().filter_map(|p| p.spoken).collect();
        assert_eq!(
            placed.len(),
            n.body.len(),
            "chapter {}: every paragraph placed",
            ch.number
        );
        confident += placed.iter().filter(|s| s.confident()).count();
        // Monotonic within a file, and no two exact starts collapse.
        let starts: Vec<Seconds> = placed.iter().map(|s| s.start).collect();
        assert!(
            starts.windows(2).all(|w| w[0] <= w[1]),
            "chapter {}: {starts:?}",
            ch.number
        );
        let exact: Vec<Seconds> = placed
            .iter()
            .filter(|s| s.confident())
            .map(|s| s.start)
            .collect();
        assert!(
            exact.windows(2).all(|w| w[0] < w[1]),
            "chapter {}: {exact:?}",
            ch.number
        );
        for s in &placed {
            assert!(s.start <= s.end && s.end <= course.duration, "{s:?}");
        }
    }
    // Nor across files.
    let mut exact: Vec<Seconds> = course
        .chapters
        .iter()
        .filter_map(|c| c.notes.as_ref())
        .flat_map(|n| &n.body)
        .filter_map(|p| p.spoken.filter(|s| s.confident()).map(|s| s.start))
        .collect();
    exact.sort_unstable();
    assert!(exact.windows(2).all(|w| w[0] < w[1]));
    let share = confident as f64 / all as f64;
    println!("v1 + captions: {confident} of {all} paragraphs placed confidently ({share:.3})");
    assert!(share >= 0.75, "{confident}/{all}");
}

/// Paragraphs of v1 files that hold their neighbours' text, with when the
/// captions say the same words (found in the .vtt by hand, line given).
const SAID_ELSEWHERE: [(&str, &str, Seconds, u32); 4] = [
    // "they've not talked about it publicly" (vtt line 32268)
    (
        "reinforcement-learning.md",
        "공개적으로 말하지 않았습니다",
        hms(2, 28, 49),
        18,
    ),
    // "O3 mini High Etc they are talking about" (vtt line 34223)
    (
        "reinforcement-learning.md",
        "o3 mini high",
        hms(2, 37, 19),
        18,
    ),
    // "versus alphao move 37 reactions and" (vtt line 36127)
    ("deepseek-r1.md", "37수 반응과 분석", hms(2, 46, 5), 19),
    // "are adversarial inputs to the model" (vtt line 39911)
    ("alphago.md", "적대적 입력", hms(3, 3, 24), 20),
];

#[test]
fn v1_text_in_a_neighbours_file_is_timed_where_it_is_said() {
    let Some((_dir, lectern)) = lectern_with("kr-translated-v1", true) else {
        return;
    };
    let course = &lectern.library.courses[0];
    for (file, words, said, chapter) in SAID_ELSEWHERE {
        let (own, n) = notes(course, file);
        assert_ne!(own, chapter, "{file} is chapter {own}");
        let para = n
            .body
            .iter()
            .find(|p| p.text.contains(words))
            .unwrap_or_else(|| panic!("{file}: {words}"));
        let s = para.spoken.expect("placed");
        assert!(s.confident(), "{file} {words}: {s:?}");
        assert!(
            s.start.saturating_sub(30) <= said && said <= s.end + 30,
            "{file} {words}: placed {s:?}, said at {said}"
        );
        let at = course
            .chapter_at(s.start + (s.end - s.start) / 2)
            .unwrap()
            .number;
        assert_eq!(at, chapter, "{file} {words}");
    }
}

#[test]
fn v1_check_advice_comes_from_time() {
    let Some((_dir, lectern)) = lectern_with("kr-translated-v1", true) else {
        return;
    };
    let all = messages(&lectern);
    let advice = |file: &str, text: &str| all.iter().any(|m| m.contains(file) && m.contains(text));
    for (file, chapter) in [
        ("reinforcement-learning.md", 18),
        ("deepseek-r1.md", 19),
        ("deepseek-r1.md", 20),
        ("alphago.md", 20),
    ] {
        let text = format!("(by the captions), which is chapter {chapter} by the index: move them to chapter {chapter}'s file");
        assert!(advice(file, &text), "{file} → {chapter}: {all:#?}");
    }
    let late = all
        .iter()
        .find(|m| m.contains("markers in chapters") && m.contains("minutes late"))
        .unwrap_or_else(|| panic!("late markers: {all:#?}"));
    assert!(late.contains("–24 run about"), "{late}");
    assert!(advice(
        "grand-summary.md",
        "marker 3:39:00 is past the video's end (3:31:24)"
    ));
    // The marker-only guess is replaced, not repeated.
    assert!(
        !all.iter()
            .any(|m| m.contains("by the index, not this chapter")),
        "{all:#?}"
    );
    // Without captions, the guess is what check has.
    let Some((_dir, bare)) = lectern_with("kr-translated-v1", false) else {
        return;
    };
    let without = messages(&bare);
    assert!(without
        .iter()
        .any(|m| m.contains("by the index, not this chapter")));
    assert!(!without.iter().any(|m| m.contains("(by the captions)")));
}

pub(super) const COURSE_YAML: &str = r#"id: talk
title: "A Talk"
title_ko: "강연"
video: "abcdefghijk"
duration: "2:00"
chapters:
  - number: 1
    start: "0:00"
    title: "One"
  - number: 2
    start: "1:00"
    title: "Two"
"#;

fn chapter_file(number: u32, paragraphs: &[&str]) -> String {
    format!(
        "---\ntitle: \"{number}. Part\"\nchapter: {number}\n---\n\n## 요약\n\n요약.\n\n## 전체 번역\n\n{}\n",
        paragraphs.join("\n\n")
    )
}

/// One cue per entry: the words said from that second on.
fn vtt(cues: &[(u32, &str)]) -> String {
    let mut out = String::from("WEBVTT\n\n");
    for (at, text) in cues {
        out.push_str(&format!(
            "00:{:02}:{:02}.000 --> 00:{:02}:{:02}.900\n{text}\n\n",
            at / 60,
            at % 60,
            (at + 4) / 60,
            (at + 4) % 60
        ));
    }
    out
}

const ONE: [&str; 4] = [
    "Zorbax라는 이름부터 시작합니다.",
    "Quintel은 그다음에 나옵니다.",
    "Frobnik은 사실 다음 장에서 말합니다.",
    "Ploxel 2,000개도 다음 장의 이야기입니다.",
];

fn synthetic(captions: Option<&str>) -> (tempfile::TempDir, Lectern) {
    synthetic_with(&ONE, captions)
}

pub(super) fn synthetic_with(one: &[&str], captions: Option<&str>) -> (tempfile::TempDir, Lectern) {
    let dir = tempdir();
    let course = dir.path().join("talk");
    std::fs::create_dir_all(&course).unwrap();
    std::fs::write(course.join("course.yaml"), COURSE_YAML).unwrap();
    std::fs::write(course.join("01-one.md"), chapter_file(1, one)).unwrap();
    std::fs::write(
        course.join("02-two.md"),
        chapter_file(2, &["Vormix로 끝납니다."]),
    )
    .unwrap();
    if let Some(text) = captions {
        std::fs::write(course.join("talk.en.vtt"), text).unwrap();
    }
    let lectern = load_with_index(&course);
    (dir, lectern)
}

const SAID: [(u32, &str); 6] = [
    (2, "hello and welcome"),
    (10, "Zorbax is where we start"),
    (40, "Quintel comes next"),
    (70, "Frobnik in part two"),
    (100, "Ploxel with 2,000 of them"),
    (115, "Vormix ends it"),
];

#[test]
fn synthetic_talk_is_placed_to_the_second() {
    let (_dir, lectern) = synthetic(Some(&vtt(&SAID)));
    let course = &lectern.library.courses[0];
    let one = course.chapter(1).unwrap();
    let n = one.notes.as_ref().unwrap();
    let starts: Vec<Option<Seconds>> = n.body.iter().map(|p| p.spoken.map(|s| s.start)).collect();
    assert_eq!(starts, vec![Some(10), Some(40), Some(70), Some(100)]);
    assert!(n.body.iter().all(|p| p.spoken.unwrap().confident()));
    assert_eq!(one.moment_at(n.body[1].offset), Moment::exact(40));
    // Text in the wrong file is timed where it is said, and check says so.
    let all = messages(&lectern);
    let line = n.body[2].line;
    let expected = format!(
        "01-one.md:{line}: warning: lines {line}–{} are said at 1:10–",
        n.body[3].line
    );
    let advice = all
        .iter()
        .find(|m| m.contains(&expected))
        .unwrap_or_else(|| panic!("{expected}\n{all:#?}"));
    assert!(
        advice.ends_with(
            "(by the captions), which is chapter 2 by the index: move them to chapter 2's file"
        ),
        "{advice}"
    );
    let two = course.chapter(2).unwrap().notes.as_ref().unwrap();
    assert_eq!(two.body[0].spoken.map(|s| s.start), Some(115));
}

#[test]
fn misheard_names_in_the_glossary_are_anchors() {
    let cues = [
        (5, "hello and welcome"),
        (50, "El Marina ranks the models"),
        (115, "Vormix ends it"),
    ];
    let (_dir, lectern) = synthetic_with(&["LM 아레나가 순위를 보여줍니다."], Some(&vtt(&cues)));
    let course = &lectern.library.courses[0];
    let para = &course.chapter(1).unwrap().notes.as_ref().unwrap().body[0];
    let spoken = para.spoken.expect("placed");
    assert!(spoken.confident() && spoken.start == 50, "{spoken:?}");
    // The shipped glossary says how captions mishear LM Arena.
    let glossary = crate::support::glossary();
    let arena = glossary
        .concepts
        .iter()
        .find(|c| c.en.iter().any(|e| e == "LM Arena"))
        .unwrap();
    assert!(arena.heard.iter().any(|h| h == "El Marina"), "{arena:?}");
    // Without that spelling nothing pins the paragraph.
    let mut bare = course.clone();
    let words = &course.captions.as_ref().unwrap().words;
    let concepts = [ConceptNames {
        ko: arena.ko.clone(),
        en: arena.en.clone(),
    }];
    align_course(&mut bare, words, &concepts);
    let para = &bare.chapter(1).unwrap().notes.as_ref().unwrap().body[0];
    assert!(
        !para.spoken.is_some_and(|s| s.confident()),
        "{:?}",
        para.spoken
    );
}

#[test]
fn v1_lm_arena_is_found_where_the_captions_mishear_it() {
    let Some((_dir, lectern)) = lectern_with("kr-translated-v1", true) else {
        return;
    };
    let course = &lectern.library.courses[0];
    let (_, n) = notes(course, "keeping-track-of-llms.md");
    let para = n
        .body
        .iter()
        .find(|p| p.text.contains("LM Arena"))
        .expect("LM Arena paragraph");
    let s = para.spoken.expect("placed");
    // "are number one El Marina uh so let" (vtt line 42599)
    let said = hms(3, 15, 20);
    assert!(
        s.confident() && s.start <= said && said <= s.end + 30,
        "{s:?}"
    );
}

#[test]
fn without_captions_nothing_is_placed() {
    for captions in [
        None,
        Some("WEBVTT\n\n"),
        Some("\u{0}\u{1}garbage --> \n\n-->\n"),
    ] {
        let (_dir, lectern) = synthetic(captions);
        let course = &lectern.library.courses[0];
        for ch in &course.chapters {
            let n = ch.notes.as_ref().unwrap();
            assert!(n.body.iter().all(|p| p.spoken.is_none()), "{captions:?}");
        }
    }
}

#[test]
fn captions_that_share_no_rare_word_place_nothing_exactly() {
    // Only common words, each said everywhere: nothing pins a paragraph.
    let filler: Vec<(u32, &str)> = (0..24)
        .map(|k| (k * 5, "the model and the data and the model"))
        .collect();
    let (_dir, lectern) = synthetic(Some(&vtt(&filler)));
    let course = &lectern.library.courses[0];
    for ch in &course.chapters {
        let n = ch.notes.as_ref().unwrap();
        assert!(n
            .body
            .iter()
            .all(|p| !p.spoken.is_some_and(|s| s.confident())));
        assert!(n
            .body
            .iter()
            .all(|p| ch.moment_at(p.offset + 1).approximate));
    }
}

#[cfg(unix)]
#[test]
fn captions_of_another_video_are_reported_and_not_trusted() {
    let (Some(notes_dir), Some(other)) = (
        corpus("kr-translated-v1"),
        corpus_path("ai-prompt-engineering/captions/ai-prompt-engineering-deep-dive.en.vtt"),
    ) else {
        return;
    };
    let dir = tempdir();
    let course = dir.path().join("deep-dive-llms");
    std::fs::create_dir_all(&course).unwrap();
    for entry in std::fs::read_dir(&notes_dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            std::os::unix::fs::symlink(&path, course.join(path.file_name().unwrap())).unwrap();
        }
    }
    std::os::unix::fs::symlink(&other, course.join(Path::new("other.en.vtt"))).unwrap();
    let lectern = load_with_index(&course);
    let c = &lectern.library.courses[0];
    assert!(c.captions.is_some());
    // What is placed, the markers alone placed (see `marker_times`).
    let (_plain_dir, plain) = lectern_with("kr-translated-v1", false).unwrap();
    assert_eq!(placed(c), placed(&plain.library.courses[0]));
    let all = messages(&lectern);
    assert!(all.iter().any(|m| m.contains("other.en.vtt") && m.contains("the captions don't match the notes")), "{all:#?}");
    // The marker guesses stay: nothing better replaced them.
    assert!(all
        .iter()
        .any(|m| m.contains("by the index, not this chapter")));
}
