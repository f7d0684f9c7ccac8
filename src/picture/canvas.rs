//! The drawing surface both pictures share: one palette chosen to read on
//! Discord's dark and light themes (an opaque light card with a border, dark
//! text), a few shape helpers over `tiny-skia`, and PNG encoding under the cap.

use tiny_skia::{Color, FillRule, Paint, PathBuilder, Pixmap, Rect, Stroke, Transform};

use super::font::Text;
use super::{PictureError, Png, Rgb, MAX_PNG_BYTES};

pub(super) const CARD: Rgb = Rgb(0xF8, 0xF9, 0xFB);
pub(super) const BORDER: Rgb = Rgb(0xB8, 0xBF, 0xC8);
pub(super) const INK: Rgb = Rgb(0x1F, 0x23, 0x28);
pub(super) const MUTED: Rgb = Rgb(0x55, 0x5E, 0x69);
pub(super) const BAND: Rgb = Rgb(0xE6, 0xEA, 0xEF);
pub(super) const RULE: Rgb = Rgb(0x9A, 0xA3, 0xAE);
pub(super) const ACCENT: Rgb = Rgb(0x1F, 0x5F, 0xD6);
pub(super) const MARK: Rgb = Rgb(0xC8, 0x1E, 0x3A);
pub(super) const DONE: Rgb = Rgb(0x1A, 0x7F, 0x37);
pub(super) const WHITE: Rgb = Rgb(0xFF, 0xFF, 0xFF);

/// A pixmap with the card already painted.
pub(super) struct Canvas {
    pub pixmap: Pixmap,
}

fn paint(color: Rgb, alpha: u8) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color_rgba8(color.0, color.1, color.2, alpha);
    paint.anti_alias = true;
    paint
}

impl Canvas {
    pub fn new(width: u32, height: u32) -> Result<Self, PictureError> {
        let mut pixmap = Pixmap::new(width, height)
            .ok_or_else(|| PictureError::Render(format!("no {width}×{height} canvas")))?;
        pixmap.fill(Color::from_rgba8(CARD.0, CARD.1, CARD.2, 255));
        let mut canvas = Canvas { pixmap };
        let (w, h) = (width as f32, height as f32);
        canvas.stroke_rect(0.5, 0.5, w - 1.0, h - 1.0, BORDER, 1.0);
        Ok(canvas)
    }

    /// Fills a rectangle snapped to whole pixels (crisp edges); one thinner
    /// than a pixel is not drawn. Snapping also keeps tiny-skia's anti-aliased
    /// rectangle path away from slivers narrower than two pixels, which it
    /// does not handle (a debug assertion inside the crate).
    pub fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb, alpha: u8) {
        let (left, top) = (x.round(), y.round());
        let (right, bottom) = ((x + w).round(), (y + h).round());
        if !(right - left >= 1.0 && bottom - top >= 1.0) {
            return;
        }
        if let Some(rect) = Rect::from_xywh(left, top, right - left, bottom - top) {
            self.pixmap
                .fill_rect(rect, &paint(color, alpha), Transform::identity(), None);
        }
    }

    pub fn stroke_rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb, width: f32) {
        if let Some(rect) = Rect::from_xywh(x, y, w, h) {
            self.stroke(PathBuilder::from_rect(rect), color, width);
        }
    }

    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), color: Rgb, width: f32) {
        let mut pb = PathBuilder::new();
        pb.move_to(from.0, from.1);
        pb.line_to(to.0, to.1);
        if let Some(path) = pb.finish() {
            self.stroke(path, color, width);
        }
    }

    fn stroke(&mut self, path: tiny_skia::Path, color: Rgb, width: f32) {
        let stroke = Stroke {
            width,
            ..Stroke::default()
        };
        self.pixmap.stroke_path(
            &path,
            &paint(color, 255),
            &stroke,
            Transform::identity(),
            None,
        );
    }

    pub fn circle(&mut self, cx: f32, cy: f32, r: f32, color: Rgb) {
        if let Some(path) = PathBuilder::from_circle(cx, cy, r) {
            self.pixmap.fill_path(
                &path,
                &paint(color, 255),
                FillRule::Winding,
                Transform::identity(),
                None,
            );
        }
    }

    /// Fills the area under a polyline down to `base`, and strokes its top edge.
    pub fn area(&mut self, points: &[(f32, f32)], base: f32, color: Rgb, fill_alpha: u8) {
        let (Some(first), Some(last)) = (points.first(), points.last()) else {
            return;
        };
        let mut fill = PathBuilder::new();
        fill.move_to(first.0, base);
        let mut top = PathBuilder::new();
        top.move_to(first.0, first.1);
        for &(x, y) in points {
            fill.line_to(x, y);
            top.line_to(x, y);
        }
        fill.line_to(last.0, base);
        fill.close();
        if let Some(path) = fill.finish() {
            self.pixmap.fill_path(
                &path,
                &paint(color, fill_alpha),
                FillRule::Winding,
                Transform::identity(),
                None,
            );
        }
        if let Some(path) = top.finish() {
            self.stroke(path, color, 2.0);
        }
    }

    /// Draws text with its baseline at `y`; `anchor` 0 = left edge at `x`,
    /// 0.5 = centred on `x`, 1 = right edge at `x`.
    pub fn text(&mut self, text: &Text, x: f32, y: f32, anchor: f32, color: Rgb) {
        let left = x - text.width() * anchor;
        text.draw(&mut self.pixmap, left, y, color);
    }

    /// Encodes the picture as 8-bit RGB (the card is opaque), fast deflate with
    /// the Paeth filter: on the strip that is ~2 ms for ~32 KB, where the default
    /// level took ~50 ms for ~23 KB and `tiny-skia`'s RGBA encoder gave ~80 KB.
    /// Refuses anything over [`MAX_PNG_BYTES`].
    pub fn into_png(self) -> Result<Png, PictureError> {
        let (width, height) = (self.pixmap.width(), self.pixmap.height());
        let rgb: Vec<u8> = self
            .pixmap
            .pixels()
            .iter()
            .flat_map(|p| {
                let c = p.demultiply();
                [c.red(), c.green(), c.blue()]
            })
            .collect();
        let mut bytes = Vec::new();
        let mut encoder = png::Encoder::new(&mut bytes, width, height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Fast);
        encoder.set_filter(png::FilterType::Paeth);
        let encoded = encoder
            .write_header()
            .and_then(|mut writer| writer.write_image_data(&rgb));
        encoded.map_err(|e| PictureError::Render(e.to_string()))?;
        if bytes.len() > MAX_PNG_BYTES {
            return Err(PictureError::TooLarge {
                bytes: bytes.len(),
                cap: MAX_PNG_BYTES,
            });
        }
        Ok(Png {
            bytes,
            width,
            height,
        })
    }
}
