//! Golden pictures: each spec is rendered, decoded, and compared pixel by pixel
//! (with a small tolerance, so an encoder or anti-aliasing change does not break
//! it) against a reference PNG in `tests/golden/pictures/`.
//!
//! The kit's update rule rewrites the references (`INSTA_UPDATE=always cargo
//! test --test integration picture::golden`); `PICTURES_OUT=DIR` also writes
//! every rendered picture to DIR for looking at.

use std::path::PathBuf;

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
