//! The `/board` picture's words and file: one page of the study group as a
//! grid (members × chapters, done or not, the group's total per chapter).
//! The `/board` command (study state) hands in the members it shows, with
//! the names the interaction gave; they go into the PNG and nowhere else.

use super::reply::Attachment;
use crate::library::Course;
use crate::locale::Locale;
use crate::picture::{board, BoardMember, BoardSpec, PictureError};

/// The board picture's file name (the embed shows `attachment://board.png`).
pub const BOARD_PNG: &str = "board.png";

/// One page of the board of `course` as a picture: `members` are every
/// member of the group (the totals count them all), `page` (from 0) picks
/// which [`crate::picture::BOARD_ROWS_PER_PAGE`] of them are drawn.
pub fn board_picture(
    l: Locale,
    course: &Course,
    members: Vec<BoardMember>,
    page: usize,
) -> Result<Attachment, PictureError> {
    let spec = BoardSpec {
        title: match l {
            Locale::Ko => format!("스터디 진도 · {}", course.title_ko),
            Locale::En => format!("Study progress · {}", course.title),
        },
        chapters: course.chapters.iter().map(|c| c.number).collect(),
        members,
        totals_label: l.pick("합계", "Total").to_string(),
        page,
    };
    let png = board(&spec)?;
    Ok(Attachment {
        filename: BOARD_PNG.to_string(),
        bytes: png.bytes,
    })
}
