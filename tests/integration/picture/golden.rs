//! Golden pictures: each spec is rendered, decoded, and compared pixel by pixel
//! (with a small tolerance, so an encoder or anti-aliasing change does not break
//! it) against a reference PNG in `tests/golden/pictures/`.
//!
//! The kit's update rule rewrites the references (`INSTA_UPDATE=always cargo
//! test --test integration picture::golden`); `PICTURES_OUT=DIR` also writes
//! every rendered picture to DIR for looking at.

use std::path::{Path, PathBuf};

use lectern::picture::{
    board, timeline, BoardMember, BoardSpec, ChapterStart, DensitySample, Mark, Png, TimelineSpec,
};
use tiny_skia::Pixmap;

use crate::support::golden::picture_reference;

/// A channel may differ by this much before the pixel counts as different…
const CHANNEL_TOLERANCE: u8 = 24;
/// …and this share of pixels may differ.
const PIXEL_TOLERANCE: f64 = 0.002;

/// 3:31:24, chapters every ~10 minutes, like a long lecture.
fn long_lecture_chapters() -> Vec<ChapterStart> {
    (0..21)
        .map(|i| ChapterStart {
            number: i + 1,
            start: i * 604,
        })
        .collect()
}

/// A topic talked about mostly in two stretches, sampled every 20 s as captions would be.
fn two_stretches() -> Vec<DensitySample> {
    (0..12684 / 20)
        .map(|i| {
            let t = i * 20;
            let bump = |centre: f32, width: f32| (-((t as f32 - centre) / width).powi(2)).exp();
            DensitySample {
                time: t,
                weight: bump(7300.0, 500.0)
                    + 0.6 * bump(10900.0, 300.0)
                    + if i % 37 == 0 { 0.2 } else { 0.0 },
            }
        })
        .collect()
}

fn marks() -> Vec<Mark> {
    vec![
        Mark {
            time: 7310,
            rank: 1,
        },
        Mark {
            time: 10920,
            rank: 2,
        },
        Mark {
            time: 7420,
            rank: 3,
        },
    ]
}

fn korean_timeline() -> TimelineSpec {
    TimelineSpec {
        title: "‘에이전트’가 나오는 곳".into(),
        subtitle: "LLM 깊이 알아보기 · 3:31:24 · 21개 챕터".into(),
        duration: 12684,
        chapters: long_lecture_chapters(),
        density: two_stretches(),
        marks: marks(),
    }
}

fn english_timeline() -> TimelineSpec {
    TimelineSpec {
        title: "Where “agents” comes up".into(),
        subtitle: "Deep Dive into LLMs · 3:31:24 · 21 chapters".into(),
        ..korean_timeline()
    }
}

/// A course without captions: only its notes' key points give density.
fn no_captions_timeline() -> TimelineSpec {
    TimelineSpec {
        title: "‘토큰화’가 나오는 곳".into(),
        subtitle: "자막 없는 강의 · 노트만 · 1:02:10".into(),
        duration: 3730,
        chapters: (0..6)
            .map(|i| ChapterStart {
                number: i + 1,
                start: i * 620,
            })
            .collect(),
        density: vec![
            DensitySample {
                time: 130,
                weight: 1.0,
            },
            DensitySample {
                time: 700,
                weight: 0.5,
            },
            DensitySample {
                time: 2500,
                weight: 0.8,
            },
        ],
        marks: vec![
            Mark { time: 130, rank: 1 },
            Mark {
                time: 2500,
                rank: 2,
            },
            Mark { time: 700, rank: 3 },
        ],
    }
}

fn study_board() -> BoardSpec {
    let names = [
        "김민준",
        "이서연",
        "Alexandra Konstantinopoulou-Smith",
        "박지호",
        "최유나",
        "정하늘 (스터디장)",
        "Tom",
        "한가람빛나래온누리별하나",
        "오세훈",
        "윤소희",
    ];
    BoardSpec {
        title: "스터디 진도 · LLM 깊이 알아보기".into(),
        chapters: (1..=21).collect(),
        members: names
            .iter()
            .enumerate()
            .map(|(i, name)| BoardMember {
                name: name.to_string(),
                done: (1..=21)
                    .filter(|c| (*c as usize) <= 21 - i * 2 || c % (i + 2) as u32 == 0)
                    .collect(),
            })
            .collect(),
        totals_label: "합계".into(),
        page: 0,
    }
}

fn check(name: &str, png: Png) {
    if let Ok(dir) = std::env::var("PICTURES_OUT") {
        std::fs::write(PathBuf::from(dir).join(format!("{name}.png")), &png.bytes).unwrap();
    }
    let reference = picture_reference(name, &png.bytes);
    let want = Pixmap::load_png(&reference)
        .unwrap_or_else(|e| panic!("{}: {e}; run with INSTA_UPDATE=always", reference.display()));
    let got = Pixmap::decode_png(&png.bytes).expect("our PNG decodes");
    assert_eq!(
        (got.width(), got.height()),
        (want.width(), want.height()),
        "{name}: size"
    );
    assert_eq!(
        (png.width, png.height),
        (got.width(), got.height()),
        "{name}: stated size"
    );
    let differing = got
        .pixels()
        .iter()
        .zip(want.pixels())
        .filter(|(a, b)| {
            let (a, b) = (a.demultiply(), b.demultiply());
            [
                a.red().abs_diff(b.red()),
                a.green().abs_diff(b.green()),
                a.blue().abs_diff(b.blue()),
                a.alpha().abs_diff(b.alpha()),
            ]
            .iter()
            .any(|d| *d > CHANNEL_TOLERANCE)
        })
        .count();
    let share = differing as f64 / got.pixels().len() as f64;
    assert!(
        share <= PIXEL_TOLERANCE,
        "{name}: {differing} pixels ({:.3}%) differ from the reference",
        share * 100.0
    );
}

#[test]
fn korean_timeline_matches_reference() {
    check("timeline_ko", timeline(&korean_timeline()).unwrap());
}

#[test]
fn english_timeline_matches_reference() {
    check("timeline_en", timeline(&english_timeline()).unwrap());
}

#[test]
fn no_captions_timeline_matches_reference() {
    check(
        "timeline_no_captions",
        timeline(&no_captions_timeline()).unwrap(),
    );
}

#[test]
fn board_matches_reference() {
    check("board_ko", board(&study_board()).unwrap());
}

// ---- `/where` answers, end to end: the picture the command attaches. ----

/// The picture `/where QUERY` attaches, answered from `lectern` for `l`.
fn where_picture(lectern: &lectern::app::Lectern, query: &str, l: lectern::answer::Locale) -> Png {
    use lectern::answer::{answer, Command, Request};
    let command = Command::Where {
        course: None,
        query: query.into(),
    };
    let reply = answer(lectern, &Request::new(command, l));
    let file = reply
        .attachment
        .unwrap_or_else(|| panic!("{query}: no picture"));
    let decoded = Pixmap::decode_png(&file.bytes).expect("decodes");
    Png {
        width: decoded.width(),
        height: decoded.height(),
        bytes: file.bytes,
    }
}

/// Written here (not cut from any corpus): a one-hour course of four
/// chapters with notes for three, no captions and no time markers, so
/// every moment is estimated from where a passage sits in its chapter.
fn notes_only_course(dir: &Path) {
    let course = r#"id: notes-only
title: "Tokens from Scratch"
title_ko: "처음부터 배우는 토큰"
video: "abcdefghijk"
duration: "1:02:10"
chapters:
  - number: 1
    start: "0:00:00"
    title: "Why tokens"
    title_ko: "왜 토큰인가"
  - number: 2
    start: "0:14:00"
    title: "Byte pairs"
    title_ko: "바이트 쌍"
  - number: 3
    start: "0:31:00"
    title: "Vocabulary size"
    title_ko: "어휘 크기"
  - number: 4
    start: "0:48:30"
    title: "Wrap-up"
    title_ko: "정리"
"#;
    std::fs::write(dir.join("course.yaml"), course).unwrap();
    let chapter = |n: u32, title_ko: &str, body: &[&str]| {
        format!(
            "---\ntitle: \"{n}. Chapter\"\ntitleKr: \"{n}. {title_ko}\"\nchapter: {n}\n---\n\n# {n}. {title_ko}\n\n## 요약\n\n{title_ko}에 대한 장입니다.\n\n## 핵심 포인트\n\n- {title_ko}\n\n---\n\n## 전체 번역\n\n{}\n",
            body.join("\n\n")
        )
    };
    let files = [
        (
            "01-why.md",
            chapter(
                1,
                "왜 토큰인가",
                &[
                    "모델은 글자를 그대로 읽지 않습니다. 먼저 토큰화를 거쳐 숫자의 나열이 됩니다.",
                    "오늘은 그 과정이 왜 필요한지부터 이야기합니다.",
                    "사람이 읽는 방식과 모델이 읽는 방식은 많이 다릅니다.",
                ],
            ),
        ),
        (
            "02-pairs.md",
            chapter(
                2,
                "바이트 쌍",
                &[
                    "자주 붙어 나오는 바이트 쌍을 하나로 합칩니다.",
                    "이 합치기를 되풀이하는 것이 바이트 쌍 토큰화입니다. 토큰화 규칙은 학습 데이터에서 나옵니다.",
                    "토큰화가 끝나면 어휘 표가 남습니다. 토큰화 결과는 다시 글자로 되돌릴 수 있습니다.",
                    "합치기를 몇 번 할지는 정하기 나름입니다.",
                ],
            ),
        ),
        (
            "04-wrap.md",
            chapter(
                4,
                "정리",
                &[
                    "지금까지 본 것을 정리합니다.",
                    "마지막으로 토큰화가 모델의 실수를 어떻게 설명하는지 봅니다.",
                ],
            ),
        ),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
}

#[test]
fn where_korean_query_matches_reference() {
    let lectern = crate::support::shipped();
    let png = where_picture(&lectern, "에이전트", lectern::answer::Locale::Ko);
    check("where_ko", png);
}

#[test]
fn where_english_query_matches_reference() {
    let lectern = crate::support::shipped();
    let png = where_picture(&lectern, "agents", lectern::answer::Locale::En);
    check("where_en", png);
}

#[test]
fn where_in_a_course_without_captions_matches_reference() {
    let dir = crate::support::tempdir();
    let course = dir.path().join("notes-only");
    std::fs::create_dir(&course).unwrap();
    notes_only_course(&course);
    let lectern = lectern::app::Lectern::load(&crate::support::config(), &[course]);
    assert_eq!(lectern.library.courses.len(), 1, "the fixture course loads");
    let png = where_picture(&lectern, "토큰화", lectern::answer::Locale::Ko);
    check("where_no_captions", png);
}

/// Written here: English captions for the notes-only course's video, as a
/// caption download would give them (a cue every few seconds). Tokenization
/// is explained at length in chapter 2 (15:00–18:00), named in passing in
/// chapters 1 and 4.
fn own_captions() -> String {
    let mut vtt = String::from("WEBVTT\n\n");
    let mut cue = |at: u32, text: &str| {
        let stamp = |s: u32| format!("00:{:02}:{:02}.000", s / 60, s % 60);
        vtt.push_str(&format!("{} --> {}\n{text}\n\n", stamp(at), stamp(at + 4)));
    };
    cue(
        130,
        "before the model reads anything there is tokenization.",
    );
    cue(400, "people and models read text very differently.");
    for (i, at) in (900..1080).step_by(12).enumerate() {
        let line = match i % 3 {
            0 => "tokenization merges the byte pairs that occur together most often.",
            1 => "we repeat the merge and the vocabulary of tokens grows.",
            _ => "so tokenization is learned from the training data.",
        };
        cue(at, line);
    }
    cue(
        2000,
        "how large should the vocabulary be? it is a trade-off.",
    );
    cue(
        3000,
        "finally, tokenization explains many of the model's odd mistakes.",
    );
    vtt
}

#[test]
fn where_in_a_course_with_captions_matches_reference() {
    let dir = crate::support::tempdir();
    let course = dir.path().join("notes-only");
    std::fs::create_dir_all(course.join("captions")).unwrap();
    notes_only_course(&course);
    std::fs::write(course.join("captions/abcdefghijk.en.vtt"), own_captions()).unwrap();
    let lectern = lectern::app::Lectern::load(&crate::support::config(), &[course]);
    let loaded = &lectern.library.courses[0];
    assert!(
        loaded.captions.is_some(),
        "the captions load with the course"
    );
    let png = where_picture(&lectern, "토큰화", lectern::answer::Locale::Ko);
    check("where_with_captions", png);
}
