//! Time markers → anchors. A marker inside its chapter's span (and in order)
//! is an anchor; any other is reported. When the course index is
//! authoritative, time is the spine of the advice: a marker outside its
//! chapter but inside the video names the chapter it points into ("lines
//! 40–88 are marked 2:49–3:01, which is chapter 20 by the index"), and one
//! past the video's end says so. Such markers are not trusted as anchors on
//! their own: in the v1 notes, chapters 17–20 hold their neighbours' text
//! with right markers while chapters 21–24 have markers running 10–17
//! minutes late, and only captions can tell the two apart (measured by
//! `tests/integration/search/moments.rs`: trusting them all lowered the links
//! in span from 0.66 to 0.56). What is trusted is a run that *continues* the
//! file's own anchors past the chapter's end, in order and without a gap
//! (every 30 s or so): the file's text went on into the next chapter with
//! its clock (chapters 17 and 18 of the v1 notes). Those markers are kept
//! apart ([`MarkerTimes::continued`]); `marker_places` places their text.

use crate::library::chapter_file::Marker;
use crate::library::diagnostics::{Diagnostic, Kind};
use crate::library::model::{Anchor, Chapter};
use crate::timecode::{format_time, Seconds};

/// How far (seconds) a time marker may sit outside its chapter's span and still
/// count: markers are written every 30 s, so one may precede the chapter start.
pub const ANCHOR_TOLERANCE: Seconds = 30;

/// Most seconds between two markers of one continuing run: markers are
/// written every 30 s, and a paragraph may go without one.
pub const RUN_GAP: Seconds = 90;

/// A file's markers as time evidence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MarkerTimes {
    /// Inside the chapter's span and in order.
    pub anchors: Vec<Anchor>,
    /// Past the chapter's end but inside the video, continuing the anchors
    /// in order and without a gap: text said in a later chapter's span.
    pub continued: Vec<Anchor>,
}

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

/// The anchors of one chapter file and the markers that continue them,
/// with diagnostics for the markers that are misplaced or ignored.
pub fn anchors(
    chapter: &Chapter,
    path: &str,
    markers: &[Marker],
    spine: Option<&Spine>,
    diags: &mut Vec<Diagnostic>,
) -> MarkerTimes {
    let (lo, hi) = (
        chapter.start.saturating_sub(ANCHOR_TOLERANCE),
        chapter.end + ANCHOR_TOLERANCE,
    );
    let mut anchors: Vec<Anchor> = Vec::new();
    let mut continued: Vec<Anchor> = Vec::new();
    let (mut ignored, mut misplaced, mut past_end) = (Vec::new(), Vec::new(), Vec::new());
    // The last marker of the run being continued, if one is.
    let mut run: Option<Seconds> = None;
    for m in markers {
        let at = Anchor {
            pos: m.pos,
            seconds: m.seconds,
        };
        let in_order = anchors.last().is_none_or(|a| a.seconds <= m.seconds);
        let inside = (lo..hi).contains(&m.seconds);
        let elsewhere = spine.filter(|s| !inside && m.seconds < s.duration);
        let continues = elsewhere.is_some()
            && m.seconds >= hi
            && run.is_some_and(|last| (last..=last + RUN_GAP).contains(&m.seconds));
        if in_order && inside && continued.is_empty() {
            anchors.push(at);
            run = Some(m.seconds);
        } else if let Some(s) = elsewhere {
            if continues {
                continued.push(at);
                run = Some(m.seconds);
            } else {
                run = None;
            }
            let number = s.chapter_at(m.seconds).unwrap_or(chapter.number);
            misplaced.push((*m, number, continues));
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
    MarkerTimes { anchors, continued }
}

/// Whether a diagnostic is a marker-only guess about where text is said
/// (replaced by what alignment finds when the course has captions).
pub fn is_guess(d: &Diagnostic) -> bool {
    d.kind == Kind::MarkerGuess
}

/// One piece of advice per run of consecutive markers said in one other
/// chapter: where the lines are said and which file they belong in, and
/// whether search follows the markers there meanwhile.
fn report_misplaced(path: &str, misplaced: &[(Marker, u32, bool)], diags: &mut Vec<Diagnostic>) {
    for run in misplaced.chunk_by(|a, b| (a.1, a.2) == (b.1, b.2)) {
        let (Some((first, number, continues)), Some((last, ..))) = (run.first(), run.last()) else {
            continue;
        };
        let meanwhile = if *continues {
            "; they continue this file's markers in order, so search links them there meanwhile"
        } else {
            ", or fix their markers if they run late; ignored"
        };
        diags.push(
            Diagnostic::warning(
                path,
                first.line,
                format!(
                    "lines {}–{} are marked {}–{}, which is chapter {number} by the index, not this chapter: move them to chapter {number}'s file{meanwhile}",
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
        crate::library::model::test_values::chapter(number, start, end, None)
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
        let secs: Vec<Seconds> = a.anchors.iter().map(|a| a.seconds).collect();
        assert_eq!(secs, vec![50, 120]);
        let continued: Vec<Seconds> = a.continued.iter().map(|a| a.seconds).collect();
        assert_eq!(continued, vec![130, 150]);
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
    fn only_a_run_that_goes_on_from_the_anchors_in_order_continues_them() {
        let chapters = [
            chapter(1, 0, 100),
            chapter(2, 100, 500),
            chapter(3, 500, 900),
        ];
        let spine = Spine::of(&chapters, 900);
        let secs = |markers: &[Marker]| {
            let a = anchors(
                &chapters[0],
                "one.md",
                markers,
                Some(&spine),
                &mut Vec::new(),
            );
            a.continued.iter().map(|a| a.seconds).collect::<Vec<_>>()
        };
        // In order every 30 s past the end: the file's text went on.
        assert_eq!(
            secs(&[marker(1, 60), marker(2, 90), marker(3, 130), marker(4, 160)]),
            vec![130, 160]
        );
        // A jump (text marked minutes later) breaks the run for good.
        assert_eq!(
            secs(&[
                marker(1, 90),
                marker(2, 130),
                marker(3, 400),
                marker(4, 430)
            ]),
            vec![130]
        );
        // Nothing to continue: a file whose markers are all elsewhere.
        assert!(secs(&[marker(1, 600), marker(2, 630)]).is_empty());
        // Going back into the chapter after it is no continuation.
        assert_eq!(
            secs(&[marker(1, 90), marker(2, 140), marker(3, 120)]),
            vec![140]
        );
    }

    #[test]
    fn advice_says_which_misplaced_lines_search_follows() {
        let chapters = [chapter(1, 0, 100), chapter(2, 100, 500)];
        let spine = Spine::of(&chapters, 500);
        let mut diags = Vec::new();
        let markers = [
            marker(1, 90),
            marker(2, 130),
            marker(3, 400),
            marker(4, 430),
        ];
        anchors(&chapters[0], "one.md", &markers, Some(&spine), &mut diags);
        let msgs: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        assert!(
            msgs.iter()
                .any(|m| m.contains("one.md:2") && m.contains("search links them there")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.contains("one.md:3") && m.contains("run late; ignored")),
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
        assert_eq!(a.anchors.len(), 1);
        assert!(a.continued.is_empty());
        assert!(
            diags[0]
                .to_string()
                .contains("2 time markers outside chapter 1"),
            "{diags:?}"
        );
    }
}
