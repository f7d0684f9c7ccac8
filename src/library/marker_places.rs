//! Without captions, the markers are the only clock: this places on the
//! video's timeline the paragraphs a file's markers say are said past its
//! chapter's end (a run that continues the file's anchors, see `markers`),
//! so search can attribute them to the chapter they are said in, as it does
//! with aligned paragraphs. A paragraph a trusted marker opens is placed
//! exactly; one between markers is interpolated by its text's length and
//! stays approximate; one after the last marker goes on at the run's own
//! pace (characters per second), never past the video's end.
//!
//! Such a run can drift late (in the v1 notes, 5 minutes over the 25 after
//! chapter 18's end). Capping it at the pace of the file's anchored part
//! came closer to the captions' times, but the links in span fell (0.684 →
//! 0.669, `tests/integration/search/moments.rs`, when only exact placements
//! moved in search); so a trusted marker's time is used as written, like an
//! anchor's. Search attributes every paragraph placed here by its time,
//! approximate or not (`search::attribution`).
//!
//! Alignment to captions, when a course has them, replaces all of this.

use crate::library::model::{seconds_along, Anchor, Course, Notes, Paragraph, Spoken};
use crate::timecode::Seconds;

/// Confidence of a paragraph interpolated between trusted markers (or
/// after the last at the run's pace): its chapter is known, not its second.
const BETWEEN_MARKERS: f32 = Spoken::IN_CHAPTER;

/// The pace (characters per second) assumed when a run's markers don't
/// tell one: about what a 30-second stretch of translated speech holds.
const DEFAULT_PACE: f64 = 6.0;

/// Places the paragraphs the continued markers of each chapter file cover.
pub(crate) fn place_by_markers(course: &mut Course) {
    let duration = course.duration;
    for notes in course.chapters.iter_mut().filter_map(|c| c.notes.as_mut()) {
        place_notes(notes, duration);
    }
}

fn place_notes(notes: &mut Notes, duration: Seconds) {
    let Some(first) = notes.continued.first().copied() else {
        return;
    };
    if !notes.has_body() {
        return;
    }
    let trusted: Vec<Anchor> = notes
        .anchors
        .iter()
        .chain(&notes.continued)
        .copied()
        .collect();
    let clock = Clock {
        pace: pace(&trusted),
        trusted: &trusted,
        duration,
        body_chars: notes.body_chars,
    };
    for para in &mut notes.body {
        let len = para.text.chars().count();
        if para.offset + len < first.pos {
            continue;
        }
        let opened = trusted.iter().any(|a| a.pos == para.offset);
        let start = clock.at(para.offset);
        para.spoken = Some(Spoken {
            start,
            end: clock.at(para.offset + len).max(start),
            confidence: if opened {
                Spoken::CONFIDENT
            } else {
                BETWEEN_MARKERS
            },
        });
    }
    demote_collapsed(&mut notes.body);
}

/// Characters per second over a run of markers.
fn pace(trusted: &[Anchor]) -> f64 {
    match (trusted.first(), trusted.last()) {
        (Some(a), Some(b)) if b.seconds > a.seconds && b.pos > a.pos => {
            (b.pos - a.pos) as f64 / f64::from(b.seconds - a.seconds)
        }
        _ => DEFAULT_PACE,
    }
}

/// Time along a file's trusted markers.
struct Clock<'a> {
    trusted: &'a [Anchor],
    pace: f64,
    duration: Seconds,
    body_chars: usize,
}

impl Clock<'_> {
    /// When the text at `pos` is said: interpolated between the markers
    /// around it, else at the run's pace from the last one before it (the
    /// first marker's time before it), never past the video's end.
    fn at(&self, pos: usize) -> Seconds {
        let (Some(&first), Some(&last)) = (self.trusted.first(), self.trusted.last()) else {
            return 0;
        };
        let rest = self.body_chars.saturating_sub(last.pos) as f64 / self.pace;
        let edges = (
            Anchor {
                pos: 0,
                seconds: first.seconds,
            },
            Anchor {
                pos: self.body_chars,
                seconds: last.seconds.saturating_add(rest as Seconds),
            },
        );
        seconds_along(self.trusted, pos, edges).min(self.duration.saturating_sub(1))
    }
}

/// Two paragraphs never share one exact start by collapse: a confident
/// paragraph that doesn't start after the one before it is made approximate.
pub(crate) fn demote_collapsed(body: &mut [Paragraph]) {
    let mut last: Option<Seconds> = None;
    for para in body {
        let Some(spoken) = para.spoken.as_mut() else {
            continue;
        };
        if last.is_some_and(|l| spoken.start <= l) && spoken.confident() {
            spoken.confidence = spoken.confidence.min(Spoken::CONFIDENT * 0.9);
        }
        if spoken.confident() {
            last = Some(spoken.start);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::model::{test_values, Paragraph};

    /// Paragraphs of 30 characters, two apart, and the markers opening the
    /// ones that have one (`None`: no marker).
    fn notes(markers: &[Option<Seconds>], continued_from: usize) -> Notes {
        let mut body = Vec::new();
        let (mut anchors, mut continued) = (Vec::new(), Vec::new());
        for (i, m) in markers.iter().enumerate() {
            let offset = i * 32;
            body.push(Paragraph {
                text: "가".repeat(30),
                line: i + 1,
                offset,
                spoken: None,
            });
            if let Some(seconds) = *m {
                let a = Anchor {
                    pos: offset,
                    seconds,
                };
                if i < continued_from {
                    anchors.push(a);
                } else {
                    continued.push(a);
                }
            }
        }
        Notes {
            body_chars: markers.len() * 32 - 2,
            body,
            anchors,
            continued,
            ..Notes::default()
        }
    }

    fn course(notes: Notes, duration: Seconds) -> Course {
        test_values::course(vec![test_values::chapter(1, 0, 100, Some(notes))], duration)
    }

    fn placed(course: &Course) -> Vec<Option<(Seconds, bool)>> {
        course.chapters[0]
            .notes
            .as_ref()
            .unwrap()
            .body
            .iter()
            .map(|p| p.spoken.map(|s| (s.start, s.confident())))
            .collect()
    }

    #[test]
    fn text_marked_past_the_chapter_end_is_placed_at_its_markers() {
        let mut c = course(
            notes(&[Some(30), Some(60), Some(120), None, Some(180)], 2),
            600,
        );
        place_by_markers(&mut c);
        let got = placed(&c);
        // The anchored paragraphs keep their anchors (not placed here).
        assert_eq!(got[..2], [None, None]);
        assert_eq!(got[2], Some((120, true)));
        // Between two markers: by length, and approximate.
        assert_eq!(got[3], Some((150, false)));
        assert_eq!(got[4], Some((180, true)));
        // Its moment follows: exact at the marker.
        let m = c.chapters[0].moment_at(64);
        assert_eq!((m.seconds, m.approximate), (120, false));
    }

    #[test]
    fn after_the_last_marker_time_goes_on_at_the_runs_pace_within_the_video() {
        // 32 characters per 30 s; the video ends at 130 s.
        let mut c = course(
            notes(&[Some(30), Some(60), Some(90), Some(120), None], 2),
            130,
        );
        place_by_markers(&mut c);
        let got = placed(&c);
        assert_eq!(got[4], Some((129, false)));
    }

    #[test]
    fn two_paragraphs_marked_alike_are_not_both_exact() {
        let mut c = course(notes(&[Some(30), Some(90), Some(120), Some(120)], 2), 600);
        place_by_markers(&mut c);
        assert_eq!(placed(&c)[2..], [Some((120, true)), Some((120, false))]);
    }

    #[test]
    fn without_a_continued_run_nothing_is_placed() {
        let mut c = course(notes(&[Some(30), Some(60), None], 5), 600);
        place_by_markers(&mut c);
        assert!(placed(&c).iter().all(Option::is_none));
    }
}
