//! The one bundled font (a Hangul + Latin subset of NanumGothic, OFL; see
//! `assets/fonts/README.md`) and the text drawing on top of it: measuring,
//! cutting to a width with `…`, and blending glyph coverage into a pixmap.
//! Characters the font lacks are drawn as a hollow box, never skipped silently.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use ab_glyph::{point, Font, FontRef, GlyphId, PxScale, ScaleFont};
use tiny_skia::{Pixmap, PremultipliedColorU8};

use super::{PictureError, Rgb};

static FONT_BYTES: &[u8] = include_bytes!("../../assets/fonts/LecternGothicSubset.ttf");
static FONT: OnceLock<Option<FontRef<'static>>> = OnceLock::new();

/// Most characters of one string ever measured: titles are cut long before this.
const MAX_TEXT_CHARS: usize = 400;

/// What loading the font cost, for the start-up log and the benchmark.
#[derive(Debug, Clone, Copy)]
pub struct FontInfo {
    pub bytes: usize,
    pub glyphs: usize,
    pub load_time: Duration,
}

/// Parses the bundled font once (later calls are free); call at start-up so the
/// first picture does not pay for it.
pub fn load_font() -> Result<FontInfo, PictureError> {
    let start = Instant::now();
    let font = font()?;
    Ok(FontInfo {
        bytes: FONT_BYTES.len(),
        glyphs: font.glyph_count(),
        load_time: start.elapsed(),
    })
}

fn font() -> Result<&'static FontRef<'static>, PictureError> {
    FONT.get_or_init(|| FontRef::try_from_slice(FONT_BYTES).ok())
        .as_ref()
        .ok_or_else(|| PictureError::Render("the bundled font does not parse".into()))
}

/// One run of text at one size, laid out glyph by glyph.
pub(super) struct Text {
    chars: Vec<char>,
    font: &'static FontRef<'static>,
    scale: PxScale,
}

impl Text {
    pub fn new(s: &str, px: f32) -> Result<Self, PictureError> {
        let chars = s
            .chars()
            .take(MAX_TEXT_CHARS)
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        Ok(Text {
            chars,
            font: font()?,
            scale: PxScale::from(px),
        })
    }

    fn advance(&self, c: char, prev: Option<GlyphId>) -> (GlyphId, f32, f32) {
        let scaled = self.font.as_scaled(self.scale);
        let id = self.font.glyph_id(c);
        let kern = prev.map_or(0.0, |p| scaled.kern(p, id));
        let width = if id.0 == 0 && !c.is_whitespace() {
            self.scale.y * 0.7
        } else {
            scaled.h_advance(id)
        };
        (id, kern, width)
    }

    /// The width in pixels of the whole run.
    pub fn width(&self) -> f32 {
        self.widths().last().copied().unwrap_or(0.0)
    }

    /// Running right edges: `widths()[i]` is the width of the first `i + 1` chars.
    fn widths(&self) -> Vec<f32> {
        let mut prev = None;
        let mut x = 0.0;
        self.chars
            .iter()
            .map(|&c| {
                let (id, kern, w) = self.advance(c, prev);
                prev = Some(id);
                x += kern + w;
                x
            })
            .collect()
    }

    /// Cuts the run so it fits `max_width`, ending in `…` when anything was cut.
    pub fn fit(mut self, max_width: f32) -> Self {
        let widths = self.widths();
        if widths.last().is_none_or(|&w| w <= max_width) {
            return self;
        }
        let ellipsis = Text {
            chars: vec!['…'],
            font: self.font,
            scale: self.scale,
        }
        .width();
        let keep = widths
            .iter()
            .take_while(|&&w| w + ellipsis <= max_width)
            .count();
        self.chars.truncate(keep);
        while self.chars.last().is_some_and(|c| c.is_whitespace()) {
            self.chars.pop();
        }
        self.chars.push('…');
        self
    }

    /// Draws the run with its baseline at `y`, starting at `x`.
    pub fn draw(&self, pixmap: &mut Pixmap, x: f32, y: f32, color: Rgb) {
        let mut prev = None;
        let mut pen = x;
        for &c in &self.chars {
            let (id, kern, width) = self.advance(c, prev);
            pen += kern;
            if id.0 == 0 && !c.is_whitespace() {
                missing_box(pixmap, pen, y, self.scale.y, color);
            } else {
                let glyph = id.with_scale_and_position(self.scale, point(pen, y));
                if let Some(outline) = self.font.outline_glyph(glyph) {
                    let b = outline.px_bounds();
                    outline.draw(|gx, gy, cov| {
                        blend(
                            pixmap,
                            b.min.x as i32 + gx as i32,
                            b.min.y as i32 + gy as i32,
                            color,
                            cov,
                        )
                    });
                }
            }
            pen += width;
            prev = Some(id);
        }
    }
}

/// The fallback for a character the font lacks: a hollow box the size of a glyph.
fn missing_box(pixmap: &mut Pixmap, x: f32, baseline: f32, px: f32, color: Rgb) {
    let (left, right) = ((x + px * 0.1) as i32, (x + px * 0.6) as i32);
    let (top, bottom) = ((baseline - px * 0.7) as i32, baseline as i32);
    for px_x in left..=right {
        blend(pixmap, px_x, top, color, 1.0);
        blend(pixmap, px_x, bottom, color, 1.0);
    }
    for px_y in top..=bottom {
        blend(pixmap, left, px_y, color, 1.0);
        blend(pixmap, right, px_y, color, 1.0);
    }
}

/// Mixes an opaque colour into one pixel with the given coverage (0..=1).
fn blend(pixmap: &mut Pixmap, x: i32, y: i32, color: Rgb, coverage: f32) {
    let (w, h) = (pixmap.width() as i32, pixmap.height() as i32);
    if x < 0 || y < 0 || x >= w || y >= h {
        return;
    }
    let a = coverage.clamp(0.0, 1.0);
    let index = (y * w + x) as usize;
    let Some(dst) = pixmap.pixels_mut().get_mut(index) else {
        return;
    };
    let mix = |src: u8, d: u8| (src as f32 * a + d as f32 * (1.0 - a)).round() as u8;
    let alpha = mix(255, dst.alpha());
    let channel = |src: u8, d: u8| mix(src, d).min(alpha);
    if let Some(p) = PremultipliedColorU8::from_rgba(
        channel(color.0, dst.red()),
        channel(color.1, dst.green()),
        channel(color.2, dst.blue()),
        alpha,
    ) {
        *dst = p;
    }
}
