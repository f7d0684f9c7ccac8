//! `/board` as a picture: the grid drawn is the members' own marks in board
//! order (most chapters first), the asker named as the interaction names
//! them and everyone else by rank; a full page of 50 still fits Discord's and
//! our size caps; an empty board has no picture.

use crate::support::shipped;
use lectern::answer::slash::parse_slash;
use lectern::answer::state;
use lectern::answer::{board_picture, Locale, Request, BOARD_PNG};
use lectern::picture::{BoardMember, MAX_PNG_BYTES};
use lectern::study::{Book, Mark, Member, MemoryBook};

/// 2026-01-02 01:00 in Seoul.
const NOW: i64 = 1_767_283_200;
const GUILD: u64 = 910_000_000_000_000_001;
const COURSE: &str = "deep-dive-llms";

fn member(user: u64, name: &str) -> Member {
    Member {
        user,
        guild: GUILD,
        name: name.into(),
        manager: false,
    }
}

async fn mark(book: &MemoryBook, user: u64, chapters: &[u32], at: i64) {
    for &chapter in chapters {
        book.mark_watched(&Mark {
            guild: GUILD,
            user,
            course: COURSE,
            chapter,
            at,
            day: "2026-01-02",
        })
        .await
        .expect("the memory book writes");
    }
}

async fn board(book: &MemoryBook, who: &Member, line: &str) -> lectern::answer::Reply {
    let lectern = shipped();
    let command = parse_slash(line).expect("a /board line");
    state::respond(&lectern, &Request::new(command, Locale::Ko), who, book, NOW)
        .await
        .reply
}

#[tokio::test]
async fn board_picture_draws_each_members_own_marks_in_board_order() {
    let book = MemoryBook::new();
    mark(&book, 11, &[1, 2, 3], NOW - 60).await;
    mark(&book, 22, &[5, 21], NOW - 30).await;
    mark(&book, 33, &[24], NOW - 10).await;
    let reply = board(&book, &member(22, "민지"), "/board").await;
    let picture = reply.attachment.expect("the board carries its picture");
    assert_eq!(picture.filename, BOARD_PNG);

    // What the grid must show, written from the marks above: most chapters
    // first, the asker by the name the interaction gave, the others by rank.
    let expected = vec![
        BoardMember {
            name: "1.".into(),
            done: vec![1, 2, 3],
        },
        BoardMember {
            name: "2. 민지".into(),
            done: vec![5, 21],
        },
        BoardMember {
            name: "3.".into(),
            done: vec![24],
        },
    ];
    let lectern = shipped();
    let course = lectern.library.courses.first().expect("the shipped course");
    let drawn = board_picture(Locale::Ko, course, expected, 0).expect("draws");
    assert!(
        drawn.bytes == picture.bytes,
        "the board picture is not the grid of the members' marks"
    );
    let decoded = png::Decoder::new(std::io::Cursor::new(&picture.bytes))
        .read_info()
        .expect("a PNG");
    assert!(decoded.info().width >= 600, "readable at Discord's width");
}

#[tokio::test]
async fn a_full_page_of_fifty_members_keeps_its_picture_under_the_caps() {
    let book = MemoryBook::new();
    for user in 1..=60u64 {
        let chapters: Vec<u32> = (1..=24).filter(|c| (c + user as u32) % 3 != 0).collect();
        mark(&book, user, &chapters, NOW - user as i64).await;
    }
    for line in ["/board", "/board page:2"] {
        let reply = board(&book, &member(7, "민지"), line).await;
        let picture = reply.attachment.expect("each page has its picture");
        assert!(
            picture.bytes.len() <= MAX_PNG_BYTES,
            "{line}: {} bytes",
            picture.bytes.len()
        );
    }
}

#[tokio::test]
async fn an_empty_board_has_no_picture() {
    let book = MemoryBook::new();
    let reply = board(&book, &member(7, "민지"), "/board").await;
    assert!(reply.attachment.is_none());
}
