//! From the chain of matched anchors to a time and a confidence for every
//! paragraph: between two anchors text is spread in proportion to its length
//! (Gale–Church style), past the last one at the course's speaking rate.

use crate::library::model::Spoken;
use crate::timecode::Seconds;

/// A point both texts agree on: `pos` characters into a file's body are said
/// at `ms`, with the weight of the anchor(s) behind it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub pos: usize,
    pub ms: u64,
    pub weight: f32,
    /// The anchor key behind it (`None` for a time marker).
    pub key: Option<u32>,
}

/// The timeline of one file's body: its chain points, the course's speaking
/// rate and the window it may not leave.
pub struct Timeline<'a> {
    pub points: &'a [Point],
    /// Characters of notes per millisecond of speech, over the course.
    pub chars_per_ms: f64,
    pub window_ms: (u64, u64),
}

/// Anchors on both sides within this many paragraph lengths hold it.
const NEAR: usize = 2;

/// How strongly one anchor's weight pins the text around it.
const PIN: f32 = 3.0;

impl Timeline<'_> {
    /// When the text `pos` characters into the body is said.
    pub fn at(&self, pos: usize) -> u64 {
        let (lo, hi) = self.window_ms;
        let i = self.points.partition_point(|p| p.pos <= pos);
        let ms = match (i.checked_sub(1).map(|k| self.points[k]), self.points.get(i)) {
            (Some(a), Some(b)) if b.pos > a.pos => {
                let along = (pos - a.pos) as f64 / (b.pos - a.pos) as f64;
                a.ms as f64 + along * b.ms.saturating_sub(a.ms) as f64
            }
            (Some(a), _) => a.ms as f64 + (pos - a.pos) as f64 / self.chars_per_ms,
            (None, Some(b)) => b.ms as f64 - (b.pos - pos) as f64 / self.chars_per_ms,
            (None, None) => lo as f64,
        };
        (ms.max(0.0) as u64).clamp(lo, hi.max(lo))
    }

    /// A paragraph's place (`from`..`to` characters of the body) and how sure
    /// it is: anchors inside it pin it (a time marker alone only partly);
    /// words said close by on both sides hold it half as well; text squeezed or stretched far beyond the speaking rate
    /// between its anchors is doubted.
    pub fn place(&self, from: usize, to: usize) -> Spoken {
        let start = self.at(from);
        let end = self.at(to).max(start);
        let inside: f32 = self
            .points
            .iter()
            .filter(|p| (from..to.max(from + 1)).contains(&p.pos))
            .map(|p| p.weight)
            .sum();
        let mut confidence = 1.0 - (-PIN * inside).exp();
        let len = to.saturating_sub(from).max(1);
        let before = self.points.iter().rev().find(|p| p.pos < from);
        let after = self.points.iter().find(|p| p.pos >= to);
        // Words said on both sides, close by, hold the paragraph between them.
        let said_before = self
            .points
            .iter()
            .rev()
            .find(|p| p.pos < from && p.key.is_some());
        let said_after = self.points.iter().find(|p| p.pos >= to && p.key.is_some());
        if let (Some(a), Some(b)) = (said_before, said_after) {
            if from - a.pos <= NEAR * len && b.pos - to <= NEAR * len {
                let held = 1.0 - (-PIN * a.weight.min(b.weight)).exp();
                confidence = confidence.max(0.5 * held + 0.5 * confidence);
            }
        }
        if let (Some(a), Some(b)) = (before, after) {
            let spoken_ms = b.ms.saturating_sub(a.ms) as f64;
            let expected_ms = (b.pos - a.pos) as f64 / self.chars_per_ms;
            let ratio = spoken_ms / expected_ms.max(1.0);
            if !(0.33..=3.0).contains(&ratio) {
                confidence *= 0.5;
            }
        } else if inside == 0.0 {
            // Beyond the last anchor: only the speaking rate says where.
            confidence *= 0.5;
        }
        Spoken {
            start: seconds(start),
            end: seconds(end.div_ceil(1000) * 1000).max(seconds(start)),
            confidence: confidence.clamp(0.0, 1.0),
        }
    }
}

fn seconds(ms: u64) -> Seconds {
    Seconds::try_from(ms / 1000).unwrap_or(Seconds::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(pos: usize, ms: u64, weight: f32) -> Point {
        Point {
            pos,
            ms,
            weight,
            key: None,
        }
    }

    #[test]
    fn text_between_anchors_is_spread_by_length() {
        let points = [p(0, 10_000, 1.0), p(100, 20_000, 1.0)];
        let t = Timeline {
            points: &points,
            chars_per_ms: 0.01,
            window_ms: (0, 100_000),
        };
        assert_eq!(t.at(50), 15_000);
        assert_eq!(t.at(200), 30_000);
        let placed = t.place(0, 50);
        assert_eq!((placed.start, placed.end), (10, 15));
        assert!(placed.confident());
        // No anchor inside, none near: approximate.
        let far = Timeline {
            points: &points[..1],
            chars_per_ms: 0.01,
            window_ms: (0, 100_000),
        };
        assert!(!far.place(500, 600).confident());
    }

    #[test]
    fn the_window_bounds_every_time() {
        let points = [p(1_000, 50_000, 1.0)];
        let t = Timeline {
            points: &points,
            chars_per_ms: 0.01,
            window_ms: (45_000, 60_000),
        };
        assert_eq!(t.at(0), 45_000);
        assert_eq!(t.at(1_000_000), 60_000);
    }
}
