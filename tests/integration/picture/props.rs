//! Any spec, however odd, gives a picture or a typed error, never a panic; and
//! whatever comes out is a decodable PNG under the size cap.

use lectern::picture::{
    board, board_pages, timeline, BoardMember, BoardSpec, ChapterStart, DensitySample, Mark,
    PictureError, TimelineSpec, BOARD_ROWS_PER_PAGE, MAX_PNG_BYTES,
};
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[가-힣a-zA-Z0-9 ·…✓🙂\\n\\t]{0,40}",
        "[가-힣]{300,600}",
    ]
}

fn timeline_spec() -> impl Strategy<Value = TimelineSpec> {
    (
        text(),
        text(),
        prop_oneof![Just(0u32), 1u32..120, 0u32..50_000, Just(u32::MAX)],
        prop::collection::vec((any::<u32>(), 0u32..60_000), 0..40),
        prop::collection::vec(
            (0u32..60_000, prop_oneof![any::<f32>(), 0.0f32..5.0]),
            0..300,
        ),
        prop::collection::vec((0u32..60_000, 0u8..5), 0..5),
    )
        .prop_map(
            |(title, subtitle, duration, chapters, density, marks)| TimelineSpec {
                title,
                subtitle,
                duration,
                chapters: chapters
                    .into_iter()
                    .map(|(number, start)| ChapterStart { number, start })
                    .collect(),
                density: density
                    .into_iter()
                    .map(|(time, weight)| DensitySample { time, weight })
                    .collect(),
                marks: marks
                    .into_iter()
                    .map(|(time, rank)| Mark { time, rank })
                    .collect(),
            },
        )
}

fn board_spec() -> impl Strategy<Value = BoardSpec> {
    (
        text(),
        prop::collection::vec(any::<u32>(), 0..45),
        prop::collection::vec((text(), prop::collection::vec(0u32..30, 0..30)), 0..200),
        0usize..10,
    )
        .prop_map(|(title, chapters, members, page)| BoardSpec {
            title,
            chapters,
            members: members
                .into_iter()
                .map(|(name, done)| BoardMember { name, done })
                .collect(),
            totals_label: "합계".into(),
            page,
        })
}

fn assert_png(bytes: &[u8]) {
    assert!(bytes.len() <= MAX_PNG_BYTES);
    assert!(tiny_skia::Pixmap::decode_png(bytes).is_ok());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn any_timeline_is_a_picture_or_a_typed_error(spec in timeline_spec()) {
        match timeline(&spec) {
            Ok(png) => assert_png(&png.bytes),
            Err(e) => prop_assert!(matches!(
                e,
                PictureError::EmptyVideo | PictureError::TooManyMarks { .. } | PictureError::BadRank(_)
            ), "{e}"),
        }
    }

    #[test]
    fn any_board_is_a_picture_or_a_typed_error(spec in board_spec()) {
        match board(&spec) {
            Ok(png) => assert_png(&png.bytes),
            Err(e) => prop_assert!(matches!(
                e,
                PictureError::EmptyBoard
                    | PictureError::TooManyChapters { .. }
                    | PictureError::NoSuchPage { .. }
                    // 25 rows of long random-syllable names can outgrow the PNG cap:
                    // a typed refusal, not a panic.
                    | PictureError::TooLarge { .. }
            ), "{e}"),
        }
    }
}

#[test]
fn empty_video_is_an_error() {
    assert_eq!(
        timeline(&TimelineSpec::default()),
        Err(PictureError::EmptyVideo)
    );
}

#[test]
fn a_fourth_mark_or_a_rank_outside_one_to_three_is_refused() {
    let spec = |marks: Vec<Mark>| TimelineSpec {
        duration: 600,
        marks,
        ..TimelineSpec::default()
    };
    let four = (1..=4)
        .map(|i| Mark {
            time: i * 10,
            rank: 1,
        })
        .collect();
    assert_eq!(
        timeline(&spec(four)),
        Err(PictureError::TooManyMarks { got: 4, max: 3 })
    );
    assert_eq!(
        timeline(&spec(vec![Mark { time: 5, rank: 0 }])),
        Err(PictureError::BadRank(0))
    );
    assert!(
        timeline(&spec(vec![Mark {
            time: 9_999,
            rank: 3
        }]))
        .is_ok(),
        "past the end is pinned at the end"
    );
}

#[test]
fn two_hundred_members_make_pages_and_a_page_past_the_end_is_refused() {
    let members: Vec<BoardMember> = (0..200)
        .map(|i| BoardMember {
            name: format!("멤버 {i}"),
            done: vec![1],
        })
        .collect();
    let pages = board_pages(members.len());
    assert_eq!(pages, 200usize.div_ceil(BOARD_ROWS_PER_PAGE));
    let spec = |page| BoardSpec {
        chapters: vec![1, 2],
        members: members.clone(),
        page,
        ..BoardSpec::default()
    };
    let last = board(&spec(pages - 1)).unwrap();
    let first = board(&spec(0)).unwrap();
    assert_eq!(first.width, last.width);
    assert_eq!(
        board(&spec(pages)),
        Err(PictureError::NoSuchPage { page: pages, pages })
    );
    assert_eq!(
        board(&BoardSpec {
            chapters: vec![1],
            ..BoardSpec::default()
        }),
        Err(PictureError::EmptyBoard)
    );
}

#[test]
fn the_timeline_is_discord_embed_sized() {
    let png = timeline(&TimelineSpec {
        duration: 12_684,
        ..TimelineSpec::default()
    })
    .unwrap();
    assert_eq!((png.width, png.height), (800, 300));
}
