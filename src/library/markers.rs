//! Time markers → anchors. A marker inside its chapter's span (and in order)
//! is an anchor; any other is reported and ignored. When the course index is
//! authoritative, time is the spine of the advice: a marker outside its
//! chapter but inside the video names the chapter it points into ("lines
//! 40–88 are marked 2:49–3:01, which is chapter 20 by the index"), and one
//! past the video's end says so. Such markers are not trusted as anchors on
//! their own: in the v1 notes, chapters 17–20 hold their neighbours' text
//! with right markers while chapters 21–24 have markers running 10–17
//! minutes late, and only captions can tell the two apart (measured by
//! `tests/integration/search/moments.rs`: trusting them lowered the links in span from
//! 0.66 to 0.56).

use crate::library::chapter_file::Marker;
use crate::library::diagnostics::{Diagnostic, Kind};
use crate::library::model::{Anchor, Chapter};
use crate::timecode::{format_time, Seconds};

/// How far (seconds) a time marker may sit outside its chapter's span and still
/// count: markers are written every 30 s, so one may precede the chapter start.
pub const ANCHOR_TOLERANCE: Seconds = 30;

/// The authoritative course index, by time: chapter starts and the video's end.
#[derive(Debug, Clone)]
pub struct Spine {
    pub duration: Seconds,
    /// (chapter number, start), sorted by start.
    pub starts: Vec<(u32, Seconds)>,
}

impl Spine {
    pub fn of(chapters: &[Chapter], duration: Seconds) -> Spine {
        Spine {
            duration,
            starts: chapters.iter().map(|c| (c.number, c.start)).collect(),
        }
    }

    /// The chapter said at `seconds`, by the index.
    pub fn chapter_at(&self, seconds: Seconds) -> Option<u32> {
        let i = self.starts.partition_point(|&(_, s)| s <= seconds);
        self.starts.get(i.checked_sub(1)?).map(|&(n, _)| n)
    }
}

/// The anchors of one chapter file, with diagnostics for the markers that
/// are misplaced or ignored.
pub fn anchors(
    chapter: &Chapter,
    path: &str,
    markers: &[Marker],
    spine: Option<&Spine>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Anchor> {
    let (lo, hi) = (
        chapter.start.saturating_sub(ANCHOR_TOLERANCE),
        chapter.end + ANCHOR_TOLERANCE,
    );
    let mut anchors: Vec<Anchor> = Vec::new();
    let (mut ignored, mut misplaced, mut past_end) = (Vec::new(), Vec::new(), Vec::new());
    for m in markers {
        let in_order = anchors.last().is_none_or(|a| a.seconds <= m.seconds);
        let inside = (lo..hi).contains(&m.seconds);
        let elsewhere = spine.filter(|s| !inside && m.seconds < s.duration);
        if in_order && inside {
            anchors.push(Anchor {
                pos: m.pos,
                seconds: m.seconds,
            });
        } else if let Some(s) = elsewhere {
            misplaced.push((*m, s.chapter_at(m.seconds).unwrap_or(chapter.number)));
        } else if spine.is_some_and(|s| m.seconds >= s.duration) {
            past_end.push(*m);
        } else {
            ignored.push(*m);
        }
    }
    report_misplaced(path, &misplaced, diags);
    if let (Some(first), Some(s)) = (past_end.first(), spine) {
        diags.push(Diagnostic::warning(
            path,
            first.line,
            format!(
                "marker {} is past the video's end ({}){}; ignored",
                format_time(first.seconds),
                format_time(s.duration),
                match past_end.len() {
                    1 => String::new(),
                    n => format!(", and {} more after it", n - 1),
                }
            ),
        ));
    }
    if let Some(first) = ignored.first() {
        diags.push(Diagnostic::warning(
            path,
            first.line,
            format!(
                "{} time marker{} outside chapter {} ({}–{}), ignored: [{}]{}",
                ignored.len(),
                if ignored.len() == 1 { "" } else { "s" },
                chapter.number,
                format_time(chapter.start),
                format_time(chapter.end),
                format_time(first.seconds),
                match ignored.last() {
                    Some(last) if ignored.len() > 1 =>
                        format!(" … [{}]", format_time(last.seconds)),
                    _ => String::new(),
                }
            ),
        ));
    }
    anchors
}

/// Whether a diagnostic is a marker-only guess about where text is said
/// (replaced by what alignment finds when the course has captions).
pub fn is_guess(d: &Diagnostic) -> bool {
    d.kind == Kind::MarkerGuess
}

/// One piece of advice per run of consecutive markers said in one other
/// chapter: where the lines are said and which file they belong in.
fn report_misplaced(path: &str, misplaced: &[(Marker, u32)], diags: &mut Vec<Diagnostic>) {
    for run in misplaced.chunk_by(|a, b| a.1 == b.1) {
        let (Some((first, number)), Some((last, _))) = (run.first(), run.last()) else {
            continue;
        };
        diags.push(
            Diagnostic::warning(
                path,
                first.line,
                format!(
                    "lines {}–{} are marked {}–{}, which is chapter {number} by the index, not this chapter: move them to chapter {number}'s file, or fix their \
                     markers if they run late; ignored",
                    first.line,
                    last.line,
                    format_time(first.seconds),
                    format_time(last.seconds),
                ),
            )
            .of_kind(Kind::MarkerGuess),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chapter(number: u32, start: Seconds, end: Seconds) -> Chapter {
        Chapter {
            number,
            title: String::new(),
            title_ko: String::new(),
            aliases: Vec::new(),
            start,
            end,
            notes: None,
            written_markers: Vec::new(),
        }
    }

    fn marker(line: usize, seconds: Seconds) -> Marker {
        Marker {
            pos: line * 10,
            seconds,
            line,
        }
    }

    #[test]
    fn time_is_the_spine_when_the_index_is_known() {
        let chapters = [chapter(1, 0, 100), chapter(2, 100, 200)];
        let spine = Spine::of(&chapters, 200);
        let markers = [
            marker(3, 50),
            marker(7, 120),
            marker(8, 130),
            marker(9, 150),
            marker(12, 260),
        ];
        let mut diags = Vec::new();
        let a = anchors(&chapters[0], "one.md", &markers, Some(&spine), &mut diags);
        let secs: Vec<Seconds> = a.iter().map(|a| a.seconds).collect();
        assert_eq!(secs, vec![50, 120]);
        let msgs: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        assert!(
            msgs.iter().any(|m| m.contains("one.md:8")
                && m.contains("lines 8–9 are marked 2:10–2:30, which is chapter 2 by the index")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter().any(|m| m.contains("one.md:12")
                && m.contains("marker 4:20 is past the video's end (3:20)")),
            "{msgs:?}"
        );
    }

    #[test]
    fn without_an_index_outside_markers_are_ignored() {
        let ch = chapter(1, 0, 100);
        let mut diags = Vec::new();
        let a = anchors(
            &ch,
            "one.md",
            &[marker(3, 50), marker(4, 40), marker(5, 500)],
            None,
            &mut diags,
        );
        assert_eq!(a.len(), 1);
        assert!(
            diags[0]
                .to_string()
                .contains("2 time markers outside chapter 1"),
            "{diags:?}"
        );
    }
}
