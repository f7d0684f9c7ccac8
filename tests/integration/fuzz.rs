//! The fuzz targets' bodies (`support::fuzz_bodies`, what `fuzz/` runs under
//! libFuzzer) on proptest's random input, so every CI run exercises them:
//! arbitrary bytes and chapter-shaped files, time-shaped and arbitrary
//! text, and any Unicode typed into search, a slash line or any command
//! argument.

use std::sync::OnceLock;

use lectern::app::Lectern;
use proptest::prelude::*;

use crate::support::fuzz_bodies;

/// The shipped content, loaded once for every case.
fn lectern() -> &'static Lectern {
    static L: OnceLock<Lectern> = OnceLock::new();
    L.get_or_init(crate::support::shipped)
}

/// A chapter file with random pieces: front matter, sections, time markers.
fn chapter_like() -> impl Strategy<Value = Vec<u8>> {
    (
        "\\PC{0,30}",
        0u32..40,
        "\\PC{0,80}",
        "[0-9:]{0,9}",
        "\\PC{0,120}",
    )
        .prop_map(|(title, n, summary, at, body)| {
            format!(
                "---\ntitle: \"{title}\"\nchapter: {n}\n---\n\n## 요약\n\n{summary}\n\n## 전체 번역\n\n[{at}] {body}\n"
            )
            .into_bytes()
        })
}

/// Text that looks like a time as often as not.
fn time_like() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9:hmst=+초분시간 ]{0,16}",
        "https://youtu\\.be/[a-zA-Z0-9_-]{0,12}\\?t=[0-9hms]{0,8}",
        "\\PC{0,24}",
    ]
}

/// What someone might type: any Unicode, Korean, jamo, slash commands.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,40}",
        "[가-힣ㄱ-ㅎ ]{0,12}",
        "/(summary|search|at|link|read|chapters|where) \\PC{0,30}",
        ".{0,20}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn the_chapter_file_fuzz_body_holds(
        data in prop_oneof![proptest::collection::vec(any::<u8>(), 0..400), chapter_like()]
    ) {
        fuzz_bodies::chapter_file(&data);
    }

    #[test]
    fn the_time_fuzz_body_holds(input in time_like()) {
        fuzz_bodies::time(&input);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn the_search_fuzz_body_holds(input in typed()) {
        fuzz_bodies::search(lectern(), &input);
    }

    #[test]
    fn the_slash_fuzz_body_holds(input in typed()) {
        fuzz_bodies::slash(lectern(), &input);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    #[test]
    fn the_discord_render_fuzz_body_holds(input in typed()) {
        fuzz_bodies::discord_render(lectern(), &input);
    }
}

/// The chapter-shaped inputs are files the parser accepts when their pieces
/// are sound, so the body's consistency checks run, not only "no panic".
#[test]
fn a_sound_chapter_shaped_input_is_accepted() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let accepted = (0..200)
        .filter(|_| {
            let data = chapter_like().new_tree(&mut runner).unwrap().current();
            lectern::library::chapter_file::parse_chapter_file("fuzz.md", &data).is_ok()
        })
        .count();
    assert!(accepted >= 20, "{accepted} of 200 accepted");
}
