//! `lectern::hangul`, the one place Hangul syllables are recognised, split
//! and joined (the library's Korean-title and key-point word checks, search's
//! jamo keys and stems, and the particle rules all read it).

use lectern::hangul::{has_syllable, is_syllable, syllable, syllable_parts};
use lectern::library::lecture_doc::read_course_meta;

#[test]
fn only_the_syllable_block_is_a_syllable() {
    for c in ['가', '힣', '닭', '뷁'] {
        assert!(is_syllable(c), "{c}");
    }
    // Just outside the block, compatibility and conjoining jamo, Latin, CJK.
    for c in [
        '\u{ABFF}', '\u{D7A4}', 'ㄱ', 'ㅏ', '\u{1100}', 'a', '漢', '·',
    ] {
        assert!(!is_syllable(c), "{c:?}");
    }
    assert!(has_syllable("GPT-4는"));
    assert!(!has_syllable("ㅇㅇㅈㅌ LLM"));
    assert!(!has_syllable(""));
}

#[test]
fn every_syllable_splits_into_its_parts_and_joins_back() {
    assert_eq!(syllable_parts('가'), Some((0, 0, 0)));
    assert_eq!(syllable_parts('힣'), Some((18, 20, 27)));
    assert_eq!(syllable_parts('닭'), Some((3, 0, 9)));
    for c in ['ㄱ', 'a', '\u{D7A4}', '\u{ABFF}'] {
        assert_eq!(syllable_parts(c), None, "{c:?}");
    }
    for c in '가'..='힣' {
        let (l, v, t) = syllable_parts(c).expect("a syllable");
        assert!(l < 19 && v < 21 && t < 28, "{c}");
        assert_eq!(syllable(l, v, t), Some(c));
    }
    assert_eq!(syllable(19, 0, 0), None, "past the last initial");
    assert_eq!(syllable(u32::MAX, u32::MAX, u32::MAX), None, "no overflow");
}

/// A lecture document's lone title is its Korean title only with a
/// syllable in it (the course metadata reads it through this module).
#[test]
fn a_lone_title_with_a_syllable_is_the_korean_title() {
    let read = |yaml: &str| {
        let mut diags = Vec::new();
        read_course_meta("_index.md", yaml, 2, &mut diags)
            .expect("front matter")
            .0
    };
    let ko = read("title: LLM 깊이 들여다보기\n");
    assert_eq!(ko.title_ko.as_deref(), Some("LLM 깊이 들여다보기"));
    assert_eq!(ko.title, None);
    let en = read("title: Deep Dive ㅋㅋ\n");
    assert_eq!(
        en.title.as_deref(),
        Some("Deep Dive ㅋㅋ"),
        "jamo alone is no syllable"
    );
    assert_eq!(en.title_ko, None);
}
