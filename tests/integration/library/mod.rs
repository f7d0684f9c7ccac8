//! Loading: the shipped content, every corpus folder, and its known defects;
//! what one bad file is told (`diagnostics`).

mod alignment;
mod caption_windows;
mod diagnostics;
mod key_points;
mod marker_times;

use std::fs;

use lectern::library::{BodyKind, Library, Severity};

use crate::support::{corpus, load_bare, load_with_index, shipped, CORPUS_SETS};

fn messages(library: &Library) -> Vec<String> {
    library
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn shipped_content_is_clean_and_complete() {
    let lectern = shipped();
    let lib = &lectern.library;
    assert!(lib.diagnostics.is_empty(), "{:#?}", messages(lib));
    assert_eq!(lib.courses.len(), 1);
    let course = &lib.courses[0];
    assert_eq!(course.id, "deep-dive-llms");
    assert_eq!(course.video_id, "7xTGNNLPyMI");
    assert_eq!(course.duration, 3 * 3600 + 31 * 60 + 24);
    assert_eq!(course.chapters.len(), 24);
    let ch21 = course.chapter(21).unwrap();
    assert_eq!(ch21.start, 11379);
    assert_eq!(ch21.end, 3 * 3600 + 15 * 60 + 15);
    let notes = ch21.notes.as_ref().expect("chapter 21 ships with notes");
    assert_eq!(notes.summary, "LLM의 미래 발전 방향입니다.");
    let points: Vec<String> = notes.key_points.iter().map(|k| k.plain()).collect();
    assert_eq!(
        points,
        [
            "멀티모달: 이미지, 오디오, 비디오",
            "에이전트: 장시간 자율 작업",
            "컴퓨터 사용: 키보드/마우스 제어"
        ]
    );
    assert!(notes
        .body_text()
        .starts_with("이 모든 것의 시작을 이미 보고 있지만"));
    assert!(!notes.placeholder);
    // Chapters without notes still exist, with their start and link.
    let ch3 = course.chapter(3).unwrap();
    assert!(ch3.notes.is_none());
    assert_eq!(ch3.start, 467);
    // Every chapter ends where the next begins; the last at the video's end.
    for pair in course.chapters.windows(2) {
        assert_eq!(pair[0].end, pair[1].start);
    }
    assert_eq!(course.chapters[23].end, course.duration);
}

#[test]
fn every_file_of_every_corpus_folder_loads() {
    for set in CORPUS_SETS {
        let Some(dir) = corpus(set) else { return };
        let lib = load_bare(&dir);
        assert_eq!(lib.courses.len(), 1, "{set}: {:#?}", messages(&lib));
        let course = &lib.courses[0];
        assert_eq!(course.video_id, "7xTGNNLPyMI", "{set}");
        assert_eq!(course.chapters.len(), 24, "{set}");
        let files = fs::read_dir(&dir).unwrap().count();
        let loaded = course.chapters.iter().filter(|c| c.notes.is_some()).count();
        assert_eq!(loaded, 24, "{set}: every chapter has notes");
        // Every file is either served or reported as a duplicate.
        let duplicates = lib
            .diagnostics
            .iter()
            .filter(|d| d.message.contains("claimed by two files"))
            .count();
        assert_eq!(loaded + duplicates, files, "{set}: {:#?}", messages(&lib));
        for ch in &course.chapters {
            let notes = ch.notes.as_ref().unwrap();
            assert!(
                !notes.summary.is_empty() || ch.number == 24,
                "{set} ch{} summary",
                ch.number
            );
            assert!(!notes.body.is_empty(), "{set} ch{} body", ch.number);
            for p in &notes.body {
                assert!(
                    !p.text.contains("[0:") && !p.text.starts_with('['),
                    "{set} ch{}: marker left in text: {}",
                    ch.number,
                    &p.text[..p.text.len().min(40)]
                );
            }
        }
    }
}

/// Summary and key points as the v1 files write them, read straight from the file text.
fn file_sections(text: &str) -> (String, Vec<String>) {
    let section = |name: &str| -> Vec<String> {
        let start = text.find(&format!("## {name}\n")).unwrap() + name.len() + 4;
        text[start..]
            .lines()
            .take_while(|l| !l.starts_with("## ") && *l != "---")
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    };
    let summary = section("요약").join("\n\n");
    let points = section("핵심 포인트")
        .into_iter()
        .map(|l| l.trim_start_matches("- ").replace("**", ""))
        .collect();
    (summary, points)
}

#[test]
fn v1_summaries_and_key_points_equal_the_files() {
    let Some(dir) = corpus("kr-translated-v1") else {
        return;
    };
    let lib = load_bare(&dir);
    let course = &lib.courses[0];
    assert_eq!(course.chapters.len(), 24);
    for ch in &course.chapters {
        let notes = ch.notes.as_ref().unwrap();
        let text = fs::read_to_string(&notes.path).unwrap();
        let (summary, points) = file_sections(&text);
        assert_eq!(notes.summary, summary, "chapter {}", ch.number);
        let loaded: Vec<String> = notes.key_points.iter().map(|k| k.plain()).collect();
        assert_eq!(loaded, points, "chapter {}", ch.number);
        assert_eq!(notes.body_kind, BodyKind::Translation);
    }
}

#[test]
fn v1_defects_are_reported() {
    let Some(dir) = corpus("kr-translated-v1") else {
        return;
    };
    let lib = load_bare(&dir);
    let course = &lib.courses[0];
    let ch8 = course.chapter(8).unwrap().notes.as_ref().unwrap();
    assert!(ch8.placeholder, "chapter 8's translation is a placeholder");
    assert!(!ch8.has_body());
    let all = messages(&lib);
    assert!(
        all.iter()
            .any(|m| m
                .contains("llama-31-base-model.md:26: warning: the translation is a placeholder")),
        "{all:#?}"
    );
    let ch21 = all
        .iter()
        .find(|m| m.contains("preview-of-things-to-come.md") && m.contains("outside chapter 21"))
        .unwrap_or_else(|| panic!("chapter 21's out-of-span markers reported: {all:#?}"));
    assert!(
        ch21.contains("warning") && ch21.contains("[3:20:00]"),
        "{ch21}"
    );
    // The out-of-span markers are not used as anchors.
    let c21 = course.chapter(21).unwrap();
    assert!(c21
        .notes
        .as_ref()
        .unwrap()
        .anchors
        .iter()
        .all(|a| a.seconds < c21.end + 30));
    assert!(!lib.has_errors(), "{all:#?}");
}

#[test]
fn v1_against_the_course_index_reports_wrong_starts() {
    let Some(dir) = corpus("kr-translated-v1") else {
        return;
    };
    let lectern = load_with_index(&dir);
    let course = &lectern.library.courses[0];
    assert_eq!(course.id, "deep-dive-llms");
    // The index is authoritative: official starts for 18–20.
    assert_eq!(course.chapter(18).unwrap().start, 2 * 3600 + 27 * 60 + 47);
    assert_eq!(course.chapter(19).unwrap().start, 2 * 3600 + 42 * 60 + 7);
    assert_eq!(course.chapter(20).unwrap().start, 2 * 3600 + 48 * 60 + 26);
    let all = messages(&lectern.library);
    for (file, wrong, right) in [
        ("deepseek-r1.md", "2:37:47", "2:27:47"),
        ("alphago.md", "2:48:47", "2:42:07"),
        ("rlhf.md", "3:01:46", "2:48:26"),
    ] {
        assert!(
            all.iter().any(|m| m.contains(file)
                && m.contains(&format!(
                    "timestamp {wrong} disagrees with the course index ({right})"
                ))),
            "{file}: {all:#?}"
        );
    }
}

#[test]
fn kr_translated_duplicates_name_both_files() {
    let Some(dir) = corpus("kr-translated") else {
        return;
    };
    let lib = load_bare(&dir);
    let dups: Vec<_> = lib
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("claimed by two files"))
        .collect();
    assert_eq!(dups.len(), 2, "{:#?}", messages(&lib));
    for (n, a, b) in [
        (16, "sft-to-rl.md", "supervised-finetuning-to-rl.md"),
        (
            21,
            "preview-of-things-to-come.md",
            "preview-things-to-come.md",
        ),
    ] {
        let d = dups
            .iter()
            .find(|d| d.message.contains(&format!("chapter {n} ")))
            .unwrap();
        assert_eq!(d.severity, Severity::Error);
        assert!(d.message.contains(a) && d.message.contains(b), "{d}");
    }
    // The chapter is still served, from one of the two files.
    assert!(lib.courses[0].chapter(16).unwrap().notes.is_some());
}

#[test]
fn timestamped_key_points_come_from_the_bold_label() {
    let Some(dir) = corpus("kr-translated-timestamped") else {
        return;
    };
    let lib = load_bare(&dir);
    let ch19 = lib.courses[0].chapter(19).unwrap().notes.as_ref().unwrap();
    let first = &ch19.key_points[0];
    assert_eq!(first.term.as_deref(), Some("지도학습의 한계"));
    assert!(first
        .detail
        .starts_with("인간 전문가를 모방하는 것만으로는"));
    // The stray `**요약**: …` paragraph heads the translation but is not part of it.
    assert!(!ch19.body[0].text.starts_with("요약"));
    assert!(
        ch19.lead_summary
            .as_deref()
            .is_some_and(|l| l.starts_with("딥마인드의 알파고와 알파제로를 통해")),
        "{:?}",
        ch19.lead_summary
    );
    assert!(!ch19.anchors.is_empty() || !ch19.body.is_empty());
}

#[test]
fn transcript_serves_when_no_translation() {
    let Some(dir) = corpus("eng-transcript") else {
        return;
    };
    let lib = load_bare(&dir);
    let ch = lib.courses[0].chapter(19).unwrap();
    let notes = ch.notes.as_ref().unwrap();
    assert_eq!(notes.body_kind, BodyKind::Transcript);
    assert_eq!(notes.summary, "바둑에서의 RL 성공 사례입니다.");
    assert_eq!(notes.key_points.len(), 3);
    // The lecture-wide TL;DR is not taken for the chapter summary.
    assert!(!notes.summary.contains("3시간 30분"));
}

#[test]
fn anchors_give_exact_moments_and_interpolation_is_marked() {
    let Some(dir) = corpus("kr-translated-v1") else {
        return;
    };
    let lib = load_bare(&dir);
    let course = &lib.courses[0];
    let ch3 = course.chapter(3).unwrap();
    let notes = ch3.notes.as_ref().unwrap();
    let first = notes.anchors[0];
    assert_eq!(ch3.moment_at(first.pos).seconds, first.seconds);
    assert!(!ch3.moment_at(first.pos).approximate);
    // Chapter 8 has no anchors: its moments are interpolated within the chapter.
    let ch8 = course.chapter(8).unwrap();
    assert!(
        !ch8.moment_at(0).approximate,
        "the text's start is the chapter's start"
    );
    let m = ch8.moment_at(5);
    assert!(m.approximate && m.seconds >= ch8.start && m.seconds < ch8.end);
}
