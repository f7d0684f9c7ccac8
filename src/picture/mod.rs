//! Pictures Lectern draws itself: a timeline strip of where a topic lives in a
//! video and a progress board of a study group. Pure: a spec in, PNG bytes out;
//! the only outside input is the bundled font, compiled in with `include_bytes!`.
//!
//! Why `tiny-skia` + `ab_glyph` and not `resvg`: both pictures are a few
//! rectangles, one filled area and short labels, which a rasteriser draws
//! directly; going through SVG would add an XML writer on our side and a parser,
//! `usvg`'s tree and a text shaper (`rustybuzz`, `fontdb`) on the other. Measured
//! from scratch with `cargo build -j1` (debug, empty crate): `tiny-skia` +
//! `ab_glyph` 23 crates in 22 s, `resvg` 73 crates in 87 s. Korean needs no
//! shaping (precomposed syllables), so `ab_glyph`'s glyph-by-glyph layout is enough.
//!
//! Every word drawn is a string the caller passes in (the answer layer decides
//! Korean or English); this module only places it. Nothing here panics: bad
//! specs are a [`PictureError`], oversize output too.

mod board;
mod canvas;
mod font;
mod timeline;

pub use board::{board, board_pages, BoardMember, BoardSpec, BOARD_ROWS_PER_PAGE};
pub use font::{load_font, FontInfo};
pub use timeline::{
    timeline, ChapterStart, DensitySample, Mark, Smoothed, TimelineSpec, TIMELINE_HEIGHT,
    TIMELINE_WIDTH,
};

/// The largest PNG any picture may be; Discord takes far more, but a bigger
/// picture would mean something went wrong (and costs every reader bandwidth).
pub const MAX_PNG_BYTES: usize = 200 * 1024;

/// An opaque colour (the canvas paints it, the font draws with it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Rgb(pub u8, pub u8, pub u8);

/// An encoded PNG picture with its pixel size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Png {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// Why a picture could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PictureError {
    #[error("the video has no length, so there is nothing to draw")]
    EmptyVideo,
    #[error("{got} marks given; a timeline shows at most {max}")]
    TooManyMarks { got: usize, max: usize },
    #[error("mark rank {0} is outside 1..=3")]
    BadRank(u8),
    #[error("{got} chapters do not fit a board; at most {max}")]
    TooManyChapters { got: usize, max: usize },
    #[error("a board needs at least one member and one chapter")]
    EmptyBoard,
    #[error("page {page} does not exist; the board has {pages} page(s)")]
    NoSuchPage { page: usize, pages: usize },
    #[error("the picture is {bytes} bytes, over the {cap}-byte cap")]
    TooLarge { bytes: usize, cap: usize },
    #[error("the picture could not be drawn: {0}")]
    Render(String),
}
