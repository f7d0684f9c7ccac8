//! The `/where` strip: the whole video left to right, chapters as alternating
//! bands with their numbers, how densely the topic is discussed as a smoothed
//! area, the top moments as numbered pins, and the time axis in `h:mm`.

use super::canvas::{Canvas, ACCENT, BAND, INK, MARK, MUTED, RULE, WHITE};
use super::font::Text;
use super::{PictureError, Png};
use crate::timecode::Seconds;

/// Pixel size of the strip. Discord shows an embed image at most about 400
/// px wide (less on a phone), so the strip is drawn at twice that and its
/// letters large enough to stay readable at half size (title 15 px, labels
/// 10 px as shown).
pub const TIMELINE_WIDTH: u32 = 800;
pub const TIMELINE_HEIGHT: u32 = 300;
const MAX_MARKS: usize = 3;

const LEFT: f32 = 24.0;
const RIGHT: f32 = TIMELINE_WIDTH as f32 - 24.0;
const CHART_TOP: f32 = 132.0;
const CHART_BOTTOM: f32 = 250.0;
const PIN_Y: f32 = 112.0;
const PIN_R: f32 = 13.0;

/// Where one chapter starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChapterStart {
    pub number: u32,
    pub start: Seconds,
}

/// How much of the topic is at one moment (e.g. a matching passage's score).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DensitySample {
    pub time: Seconds,
    pub weight: f32,
}

/// One of the top moments, pinned with its rank (1..=3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub time: Seconds,
    pub rank: u8,
}

/// Everything the strip shows; the caller decides every word.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TimelineSpec {
    /// First line, e.g. the query.
    pub title: String,
    /// Second line, e.g. the course name.
    pub subtitle: String,
    pub duration: Seconds,
    /// In any order; starts at or past the end are ignored.
    pub chapters: Vec<ChapterStart>,
    pub density: Vec<DensitySample>,
    /// Times past the end are pinned at the end.
    pub marks: Vec<Mark>,
}

/// Draws the strip for `spec`.
pub fn timeline(spec: &TimelineSpec) -> Result<Png, PictureError> {
    if spec.duration == 0 {
        return Err(PictureError::EmptyVideo);
    }
    if spec.marks.len() > MAX_MARKS {
        return Err(PictureError::TooManyMarks {
            got: spec.marks.len(),
            max: MAX_MARKS,
        });
    }
    if let Some(bad) = spec.marks.iter().find(|m| !(1..=3).contains(&m.rank)) {
        return Err(PictureError::BadRank(bad.rank));
    }
    let mut canvas = Canvas::new(TIMELINE_WIDTH, TIMELINE_HEIGHT)?;
    let x_of =
        |t: Seconds| LEFT + (RIGHT - LEFT) * (t.min(spec.duration) as f32 / spec.duration as f32);

    let width = RIGHT - LEFT;
    canvas.text(
        &Text::new(&spec.title, 30.0)?.fit(width),
        LEFT,
        48.0,
        0.0,
        INK,
    );
    canvas.text(
        &Text::new(&spec.subtitle, 21.0)?.fit(width),
        LEFT,
        80.0,
        0.0,
        MUTED,
    );

    chapters(&mut canvas, spec, &x_of)?;
    let points = density(spec);
    canvas.area(&points, CHART_BOTTOM, ACCENT, 90);
    canvas.line((LEFT, CHART_BOTTOM), (RIGHT, CHART_BOTTOM), RULE, 1.0);
    axis(&mut canvas, spec.duration, &x_of)?;
    marks(&mut canvas, spec, &x_of)?;
    canvas.into_png()
}

fn chapters(
    canvas: &mut Canvas,
    spec: &TimelineSpec,
    x_of: &dyn Fn(Seconds) -> f32,
) -> Result<(), PictureError> {
    let mut starts: Vec<ChapterStart> = spec
        .chapters
        .iter()
        .copied()
        .filter(|c| c.start < spec.duration)
        .collect();
    starts.sort_by_key(|c| (c.start, c.number));
    starts.dedup_by_key(|c| c.start);
    let mut label_right = f32::MIN;
    for (i, chapter) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(spec.duration, |next| next.start);
        let (x0, x1) = (x_of(chapter.start), x_of(end));
        if i % 2 == 0 {
            canvas.fill_rect(x0, CHART_TOP, x1 - x0, CHART_BOTTOM - CHART_TOP, BAND, 255);
        }
        canvas.line((x0, CHART_TOP), (x0, CHART_BOTTOM), RULE, 1.0);
        let label = Text::new(&chapter.number.to_string(), 20.0)?;
        let centre = (x0 + x1) / 2.0;
        let half = label.width() / 2.0;
        if x1 - x0 >= label.width() + 4.0 && centre - half > label_right + 3.0 {
            canvas.text(&label, centre, CHART_TOP + 22.0, 0.5, MUTED);
            label_right = centre + half;
        }
    }
    Ok(())
}

/// The density the strip draws: the samples summed into bins two pixels
/// wide and smoothed with a Gaussian four bins wide (about 2¼ minutes of a
/// 3½-hour video). `/where` ranks its pinned moments by the same numbers, so
/// the highest pin stands on the highest hill.
#[derive(Debug, Clone, PartialEq)]
pub struct Smoothed {
    bins: Vec<f32>,
    duration: Seconds,
}

const DENSITY_BINS: usize = (RIGHT - LEFT) as usize / 2;
const SIGMA_BINS: f32 = 4.0;

impl Smoothed {
    /// Bad weights (negative, NaN) count as 0; times past `duration` count
    /// at the end.
    pub fn new(samples: &[DensitySample], duration: Seconds) -> Smoothed {
        let duration = duration.max(1);
        let mut raw = vec![0.0f32; DENSITY_BINS + 1];
        for sample in samples {
            let weight = if sample.weight.is_finite() {
                sample.weight.max(0.0)
            } else {
                0.0
            };
            if let Some(bin) = raw.get_mut(bin_of(sample.time, duration)) {
                *bin += weight.min(1e6);
            }
        }
        let reach = (SIGMA_BINS * 3.0) as isize;
        let kernel: Vec<f32> = (-reach..=reach)
            .map(|d| (-(d * d) as f32 / (2.0 * SIGMA_BINS * SIGMA_BINS)).exp())
            .collect();
        let bins = (0..raw.len() as isize)
            .map(|i| {
                kernel
                    .iter()
                    .zip(-reach..)
                    .filter_map(|(k, d)| raw.get(usize::try_from(i + d).ok()?).map(|v| v * k))
                    .sum()
            })
            .collect();
        Smoothed { bins, duration }
    }

    /// The smoothed density at `time`.
    pub fn at(&self, time: Seconds) -> f32 {
        self.bins
            .get(bin_of(time, self.duration))
            .copied()
            .unwrap_or(0.0)
    }

    /// The hill of the density that `time` stands on, as a time range: up
    /// from `time` to the hilltop, then down both sides to the valley, or to
    /// where it flattens out under a twentieth of the top.
    pub fn hill(&self, time: Seconds) -> (Seconds, Seconds) {
        let v = |i: usize| self.bins.get(i).copied().unwrap_or(0.0);
        let last = self.bins.len().saturating_sub(1);
        let mut top = bin_of(time, self.duration).min(last);
        while top > 0 && v(top - 1) > v(top) {
            top -= 1;
        }
        while top < last && v(top + 1) > v(top) {
            top += 1;
        }
        let floor = v(top) / 20.0;
        let (mut from, mut to) = (top, top);
        while from > 0 && v(from - 1) <= v(from) && v(from - 1) > floor {
            from -= 1;
        }
        while to < last && v(to + 1) <= v(to) && v(to + 1) > floor {
            to += 1;
        }
        (self.time_of(from), self.time_of(to + 1))
    }

    /// The smoothing's width (one standard deviation) in seconds.
    pub fn sigma(&self) -> Seconds {
        self.time_of(SIGMA_BINS as usize)
    }

    fn time_of(&self, bin: usize) -> Seconds {
        (self.duration as f32 * bin as f32 / DENSITY_BINS as f32).round() as Seconds
    }
}

fn bin_of(time: Seconds, duration: Seconds) -> usize {
    let at = time.min(duration) as f32 / duration as f32;
    (at * DENSITY_BINS as f32) as usize
}

/// The smoothed density as points along the chart, scaled so the peak fills
/// the chart below the chapter numbers.
fn density(spec: &TimelineSpec) -> Vec<(f32, f32)> {
    let smooth = Smoothed::new(&spec.density, spec.duration);
    let peak = smooth.bins.iter().copied().fold(0.0f32, f32::max);
    if peak <= 0.0 {
        return Vec::new();
    }
    let height = CHART_BOTTOM - CHART_TOP - 30.0;
    smooth
        .bins
        .iter()
        .enumerate()
        .map(|(i, v)| (LEFT + i as f32 * 2.0, CHART_BOTTOM - height * v / peak))
        .collect()
}

/// Ticks at a round step giving at most eight labels, written `h:mm`.
fn axis(
    canvas: &mut Canvas,
    duration: Seconds,
    x_of: &dyn Fn(Seconds) -> f32,
) -> Result<(), PictureError> {
    const STEPS: [u32; 12] = [
        60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 10800, 21600, 43200,
    ];
    let step = STEPS
        .iter()
        .copied()
        .find(|s| duration / s <= 8)
        .unwrap_or_else(|| duration.div_ceil(8).max(1));
    let mut t: Seconds = 0;
    while t <= duration {
        let x = x_of(t);
        canvas.line((x, CHART_BOTTOM), (x, CHART_BOTTOM + 5.0), RULE, 1.0);
        let label = Text::new(&format!("{}:{:02}", t / 3600, t % 3600 / 60), 20.0)?;
        let anchor = if t == 0 {
            0.0
        } else if x + label.width() / 2.0 > RIGHT {
            1.0
        } else {
            0.5
        };
        canvas.text(&label, x, CHART_BOTTOM + 31.0, anchor, MUTED);
        t = match t.checked_add(step) {
            Some(next) => next,
            None => break,
        };
    }
    Ok(())
}

/// Numbered pins above the chart with a line down to their moment; pins that
/// would overlap are pushed right (and back left at the edge), with the line
/// still ending at the true moment.
fn marks(
    canvas: &mut Canvas,
    spec: &TimelineSpec,
    x_of: &dyn Fn(Seconds) -> f32,
) -> Result<(), PictureError> {
    let mut pins: Vec<(f32, u8)> = spec.marks.iter().map(|m| (x_of(m.time), m.rank)).collect();
    pins.sort_by(|a, b| a.0.total_cmp(&b.0));
    let gap = PIN_R * 2.0 + 3.0;
    let mut placed: Vec<f32> = Vec::with_capacity(pins.len());
    for &(x, _) in &pins {
        let min = placed.last().map_or(LEFT + PIN_R, |p| p + gap);
        placed.push(x.max(min));
    }
    let mut max = RIGHT - PIN_R;
    for p in placed.iter_mut().rev() {
        *p = p.min(max);
        max = *p - gap;
    }
    for (&(x, rank), &pin_x) in pins.iter().zip(&placed) {
        canvas.line((pin_x, PIN_Y + PIN_R), (x, CHART_TOP), MARK, 2.0);
        canvas.line((x, CHART_TOP), (x, CHART_BOTTOM), MARK, 2.0);
        canvas.circle(pin_x, PIN_Y, PIN_R, MARK);
        canvas.text(
            &Text::new(&rank.to_string(), 19.0)?,
            pin_x,
            PIN_Y + 7.0,
            0.5,
            WHITE,
        );
    }
    Ok(())
}
