//! The `/board` picture: one row per member, one column per chapter, a filled
//! square where the member has finished the chapter, and the whole group's count
//! per chapter at the bottom. Names arrive with the spec and leave with the PNG.

use super::canvas::{Canvas, BAND, BORDER, DONE, INK, MUTED, RULE};
use super::font::Text;
use super::{PictureError, Png};

/// Members shown on one picture; more members make more pages.
pub const BOARD_ROWS_PER_PAGE: usize = 50;
const MAX_CHAPTERS: usize = 40;

const MARGIN: f32 = 20.0;
const NAME_WIDTH: f32 = 170.0;
const GRID_WIDTH: f32 = 600.0;
const HEADER: f32 = 96.0;
const ROW: f32 = 26.0;

/// One member and the chapters they have finished.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BoardMember {
    pub name: String,
    pub done: Vec<u32>,
}

/// Everything the board shows; the caller decides every word.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BoardSpec {
    pub title: String,
    /// Chapter numbers, in any order (drawn sorted, duplicates once).
    pub chapters: Vec<u32>,
    pub members: Vec<BoardMember>,
    /// The label of the totals row, e.g. `합계` or `Total`.
    pub totals_label: String,
    /// Which page of members to draw, from 0.
    pub page: usize,
}

/// How many pictures the board of `members` members takes.
pub fn board_pages(members: usize) -> usize {
    members.div_ceil(BOARD_ROWS_PER_PAGE)
}

/// Draws one page of the board.
pub fn board(spec: &BoardSpec) -> Result<Png, PictureError> {
    let mut chapters = spec.chapters.clone();
    chapters.sort_unstable();
    chapters.dedup();
    if chapters.is_empty() || spec.members.is_empty() {
        return Err(PictureError::EmptyBoard);
    }
    if chapters.len() > MAX_CHAPTERS {
        return Err(PictureError::TooManyChapters {
            got: chapters.len(),
            max: MAX_CHAPTERS,
        });
    }
    let pages = board_pages(spec.members.len());
    let rows = spec
        .members
        .chunks(BOARD_ROWS_PER_PAGE)
        .nth(spec.page)
        .ok_or(PictureError::NoSuchPage {
            page: spec.page,
            pages,
        })?;

    let cell = (GRID_WIDTH / chapters.len() as f32).floor().min(34.0);
    let grid_left = MARGIN + NAME_WIDTH;
    let width = (grid_left + cell * chapters.len() as f32 + MARGIN).max(480.0);
    let totals_y = HEADER + ROW * rows.len() as f32;
    let height = totals_y + ROW + 34.0;
    let mut canvas = Canvas::new(width as u32, height as u32)?;

    let title = Text::new(&spec.title, 22.0)?.fit(width - 2.0 * MARGIN - 50.0);
    canvas.text(&title, MARGIN, 42.0, 0.0, INK);
    if pages > 1 {
        let page = Text::new(&format!("{}/{}", spec.page + 1, pages), 15.0)?;
        canvas.text(&page, width - MARGIN, 42.0, 1.0, MUTED);
    }

    let column = |i: usize| grid_left + cell * i as f32;
    let mut label_right = f32::MIN;
    for (i, number) in chapters.iter().enumerate() {
        let label = Text::new(&number.to_string(), 13.0)?;
        let centre = column(i) + cell / 2.0;
        if centre - label.width() / 2.0 > label_right + 2.0 {
            canvas.text(&label, centre, HEADER - 10.0, 0.5, MUTED);
            label_right = centre + label.width() / 2.0;
        }
    }

    for (r, member) in rows.iter().enumerate() {
        let top = HEADER + ROW * r as f32;
        if r % 2 == 1 {
            canvas.fill_rect(MARGIN, top, width - 2.0 * MARGIN, ROW, BAND, 255);
        }
        let name = Text::new(member.name.trim(), 15.0)?.fit(NAME_WIDTH - 10.0);
        canvas.text(&name, MARGIN + 4.0, top + 18.0, 0.0, INK);
        for (i, number) in chapters.iter().enumerate() {
            let inset = (cell * 0.18).max(2.0);
            let side = (cell - 2.0 * inset).min(ROW - 8.0);
            let (x, y) = (column(i) + (cell - side) / 2.0, top + (ROW - side) / 2.0);
            if member.done.contains(number) {
                canvas.fill_rect(x, y, side, side, DONE, 255);
            } else {
                canvas.stroke_rect(x + 0.5, y + 0.5, side - 1.0, side - 1.0, BORDER, 1.0);
            }
        }
    }

    canvas.line(
        (MARGIN, totals_y + 1.0),
        (width - MARGIN, totals_y + 1.0),
        RULE,
        1.0,
    );
    let label = Text::new(&spec.totals_label, 15.0)?.fit(NAME_WIDTH - 10.0);
    canvas.text(&label, MARGIN + 4.0, totals_y + 20.0, 0.0, INK);
    for (i, number) in chapters.iter().enumerate() {
        let count = spec
            .members
            .iter()
            .filter(|m| m.done.contains(number))
            .count();
        let text = Text::new(&count.to_string(), if cell < 22.0 { 11.0 } else { 14.0 })?;
        canvas.text(&text, column(i) + cell / 2.0, totals_y + 20.0, 0.5, DONE);
    }
    canvas.into_png()
}
