//! What time says about the files, as `check` advice a maintainer can act
//! on: text said in another chapter ("move them to chapter 20's file") and
//! markers that run late or early against the captions.

use crate::library::diagnostics::Diagnostic;
use crate::library::model::{Chapter, Course};
use crate::timecode::{format_time, Seconds};

/// A run of text is reported once it is this many confident paragraphs.
const MIN_RUN: usize = 2;

/// Markers off by less than this (seconds) are taken as right.
const MARKER_SLACK: i64 = 120;

/// Advice for one aligned course.
pub fn advice(course: &Course) -> Vec<Diagnostic> {
    let spine = super::spine(course);
    let mut out = Vec::new();
    for chapter in &course.chapters {
        out.extend(misplaced_text(chapter, |s| spine.chapter_at(s)));
    }
    out.extend(late_markers(course));
    out
}

/// Runs of confidently placed paragraphs said in another chapter.
fn misplaced_text(
    chapter: &Chapter,
    chapter_at: impl Fn(Seconds) -> Option<u32>,
) -> Vec<Diagnostic> {
    let Some(notes) = &chapter.notes else {
        return Vec::new();
    };
    // (first line, last line, start, end, chapter said in)
    let placed: Vec<(usize, Seconds, Seconds, u32)> = notes
        .body
        .iter()
        .filter_map(|p| {
            let s = p.spoken.filter(|s| s.confident())?;
            let mid = s.start + (s.end.saturating_sub(s.start)) / 2;
            Some((p.line, s.start, s.end, chapter_at(mid)?))
        })
        .collect();
    let mut out = Vec::new();
    for run in placed.chunk_by(|a, b| a.3 == b.3) {
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
            continue;
        };
        let number = first.3;
        if number == chapter.number || run.len() < MIN_RUN {
            continue;
        }
        out.push(Diagnostic::warning(
            &notes.path,
            first.0,
            format!(
                "lines {}–{} are said at {}–{} (by the captions), which is chapter {number} \
                 by the index: move them to chapter {number}'s file",
                first.0,
                last.0,
                format_time(first.1),
                format_time(last.2),
            ),
        ));
    }
    out
}

/// How far (seconds) each chapter's markers sit from when their text is
/// said, for chapters whose markers are consistently off: (chapter, path,
/// line of its first marker, median offset).
fn marker_offsets(course: &Course) -> Vec<(u32, String, usize, i64)> {
    let mut out = Vec::new();
    for chapter in &course.chapters {
        let Some(notes) = &chapter.notes else {
            continue;
        };
        let mut offsets: Vec<i64> = Vec::new();
        let mut line = 0;
        for marker in &chapter.written_markers {
            let Some(moment) = notes.spoken_at(marker.pos) else {
                continue;
            };
            if moment.approximate {
                continue;
            }
            if line == 0 {
                let i = notes.body.partition_point(|p| p.offset <= marker.pos);
                line = notes.body.get(i.saturating_sub(1)).map_or(0, |p| p.line);
            }
            offsets.push(i64::from(marker.seconds) - i64::from(moment.seconds));
        }
        if offsets.len() < MIN_RUN {
            continue;
        }
        offsets.sort_unstable();
        let median = offsets[offsets.len() / 2];
        if median.abs() >= MARKER_SLACK {
            out.push((chapter.number, notes.path.clone(), line, median));
        }
    }
    out
}

/// "markers in chapters 21–24 run about 10–17 minutes late": one line per
/// run of consecutive chapters off in the same direction.
fn late_markers(course: &Course) -> Vec<Diagnostic> {
    let offsets = marker_offsets(course);
    let mut out = Vec::new();
    let same_run = |a: &(u32, String, usize, i64), b: &(u32, String, usize, i64)| {
        b.0 == a.0 + 1 && (a.3 > 0) == (b.3 > 0)
    };
    for run in offsets.chunk_by(same_run) {
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
            continue;
        };
        let minutes: Vec<i64> = run.iter().map(|r| (r.3.abs() + 30) / 60).collect();
        let (lo, hi) = (
            minutes.iter().copied().min().unwrap_or(0),
            minutes.iter().copied().max().unwrap_or(0),
        );
        let chapters = if first.0 == last.0 {
            format!("chapter {}", first.0)
        } else {
            format!("chapters {}–{}", first.0, last.0)
        };
        let amount = if lo == hi {
            format!("{lo}")
        } else {
            format!("{lo}–{hi}")
        };
        let direction = if first.3 > 0 { "late" } else { "early" };
        out.push(Diagnostic::warning(
            &first.1,
            first.2,
            format!(
                "markers in {chapters} run about {amount} minutes {direction}: the captions say \
                 when their text is spoken; fix the markers"
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::model::{test_values, Anchor, Notes, Paragraph, Spoken};

    /// A chapter whose file holds `said.len()` paragraphs of 100 characters,
    /// each said (confidently) at the given second, its markers `marked`.
    fn chapter(
        number: u32,
        start: Seconds,
        end: Seconds,
        said: &[Seconds],
        marked: &[Seconds],
    ) -> Chapter {
        let body: Vec<Paragraph> = said
            .iter()
            .enumerate()
            .map(|(i, &s)| Paragraph {
                text: "가".repeat(100),
                line: 10 + 2 * i,
                offset: i * 102,
                spoken: Some(Spoken {
                    start: s,
                    end: s + 20,
                    confidence: 0.9,
                }),
            })
            .collect();
        let written_markers = marked
            .iter()
            .enumerate()
            .map(|(i, &seconds)| Anchor {
                pos: i * 102,
                seconds,
            })
            .collect();
        let notes = Notes {
            path: format!("{number}.md"),
            body_chars: body.len() * 102,
            body,
            ..Notes::default()
        };
        Chapter {
            written_markers,
            ..test_values::chapter(number, start, end, Some(notes))
        }
    }

    fn course(chapters: Vec<Chapter>) -> Course {
        test_values::course(chapters, 1000)
    }

    #[test]
    fn text_said_in_another_chapter_is_named_with_its_lines() {
        let c = course(vec![
            chapter(1, 0, 500, &[10, 40, 520, 560], &[]),
            chapter(2, 500, 1000, &[600, 630], &[]),
        ]);
        let msgs: Vec<String> = advice(&c).iter().map(ToString::to_string).collect();
        assert_eq!(
            msgs,
            [
                "1.md:14: warning: lines 14–16 are said at 8:40–9:40 (by the captions), which is \
              chapter 2 by the index: move them to chapter 2's file"
            ]
        );
    }

    #[test]
    fn markers_off_in_a_run_of_chapters_are_one_line() {
        let c = course(vec![
            chapter(1, 0, 300, &[10, 40], &[10, 40]),
            chapter(2, 300, 600, &[300, 330], &[900, 930]),
            chapter(3, 600, 1000, &[600, 630], &[1260, 1290]),
        ]);
        let msgs: Vec<String> = advice(&c).iter().map(ToString::to_string).collect();
        assert_eq!(
            msgs,
            [
                "2.md:10: warning: markers in chapters 2–3 run about 10–11 minutes late: the \
              captions say when their text is spoken; fix the markers"
            ]
        );
    }
}
