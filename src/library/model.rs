//! The validated model every command reads: a [`Library`] of [`Course`]s, each
//! an ordered list of [`Chapter`]s whose optional [`Notes`] hold the summary,
//! key points and the translated text with its time anchors.
//!
//! Invariants established by the loader: chapters are sorted by number and
//! unique; `start < end`; anchors are sorted and lie within their chapter.

use std::sync::Arc;

use crate::library::captions::{CaptionWindow, CaptionWord};
use crate::library::diagnostics::Diagnostic;
use crate::timecode::{youtube_link, Seconds};

/// Everything that was loaded, plus what was found wrong on the way.
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub courses: Vec<Course>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Library {
    /// The course with this id (case-insensitive).
    pub fn course(&self, id: &str) -> Option<&Course> {
        let id = id.trim();
        self.courses.iter().find(|c| c.id.eq_ignore_ascii_case(id))
    }

    /// Whether `lectern check` should fail.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// One lecture: a video and its chapters.
#[derive(Debug, Clone)]
pub struct Course {
    /// Stable identifier used in commands (`deep-dive-llms`).
    pub id: String,
    pub title: String,
    pub title_ko: String,
    pub author: Option<String>,
    pub video_id: String,
    /// Length of the video; for a course inferred from chapter files alone,
    /// an estimate (`duration_known` is then false).
    pub duration: Seconds,
    pub duration_known: bool,
    /// Embed colour as 0xRRGGBB.
    pub color: Option<u32>,
    pub chapters: Vec<Chapter>,
    /// The folder the course was loaded from (for reload bookkeeping).
    pub folder: String,
    /// The video's own captions, when the course folder holds them.
    pub captions: Option<Arc<CourseCaptions>>,
}

/// A course video's captions as loaded: the words with their times and the
/// windows (about a sentence each) search indexes.
#[derive(Debug, Clone, Default)]
pub struct CourseCaptions {
    /// The file they came from (for diagnostics and `check`).
    pub path: String,
    /// From the file name (`talk.en.vtt` → `en`).
    pub language: Option<String>,
    /// Time-ordered, rolling repeats removed.
    pub words: Vec<CaptionWord>,
    pub windows: Vec<CaptionWindow>,
}

impl Course {
    pub fn chapter(&self, number: u32) -> Option<&Chapter> {
        self.chapters
            .binary_search_by_key(&number, |c| c.number)
            .ok()
            .map(|i| &self.chapters[i])
    }

    /// The chapter that covers a moment of the video.
    pub fn chapter_at(&self, seconds: Seconds) -> Option<&Chapter> {
        self.chapters
            .iter()
            .rev()
            .find(|c| c.start <= seconds)
            .or(self.chapters.first())
    }

    /// Position of a chapter in the list (for "previous/next" and "n of m").
    pub fn index_of(&self, number: u32) -> Option<usize> {
        self.chapters.iter().position(|c| c.number == number)
    }

    pub fn link(&self, seconds: Seconds) -> String {
        youtube_link(&self.video_id, seconds)
    }
}

/// One chapter of a course. It exists (from the course index) even when no
/// notes file has been written for it yet.
#[derive(Debug, Clone)]
pub struct Chapter {
    pub number: u32,
    pub title: String,
    pub title_ko: String,
    /// Other names people use for the chapter (from the course index).
    pub aliases: Vec<String>,
    pub start: Seconds,
    /// Start of the next chapter, or the end of the video.
    pub end: Seconds,
    pub notes: Option<Notes>,
    /// Every time marker the notes file writes, in file order, kept as an
    /// anchor or not: alignment compares them with when their text is said.
    pub written_markers: Vec<Anchor>,
}

impl Chapter {
    /// Where a position in the notes' body text lies in the video.
    ///
    /// A time anchor in the same paragraph, at or before `char_pos`, gives an
    /// exact moment, and so does the text's first character (the chapter's
    /// start). Anywhere else the moment is interpolated between the anchors
    /// around it (the chapter's start and end standing in at the edges) and
    /// marked approximate: two paragraphs never share one exact time just
    /// because the marker between them was missing or dropped.
    pub fn moment_at(&self, char_pos: usize) -> Moment {
        let Some(notes) = &self.notes else {
            return Moment::exact(self.start);
        };
        if let Some(spoken) = notes.spoken_at(char_pos) {
            return spoken;
        }
        let before = notes.anchors.iter().rev().find(|a| a.pos <= char_pos);
        if let Some(a) = before {
            if notes.same_paragraph(a.pos, char_pos) {
                return Moment::exact(a.seconds);
            }
        } else if char_pos == 0 {
            return Moment::exact(self.start);
        }
        let edges = (
            Anchor {
                pos: 0,
                seconds: self.start,
            },
            Anchor {
                pos: notes.body_chars,
                seconds: self.end,
            },
        );
        Moment::approximate(seconds_along(&notes.anchors, char_pos, edges))
    }
}

/// When the text at `pos` is said, along `anchors` (sorted by position):
/// linear in characters between the anchor at or before it and the one
/// after, `edges` standing in before the first and after the last; where
/// time doesn't move forward, the earlier anchor's time.
pub(crate) fn seconds_along(anchors: &[Anchor], pos: usize, edges: (Anchor, Anchor)) -> Seconds {
    let i = anchors.partition_point(|a| a.pos <= pos);
    let from = i.checked_sub(1).map_or(edges.0, |i| anchors[i]);
    let to = anchors.get(i).copied().unwrap_or(edges.1);
    if to.pos <= from.pos || to.seconds <= from.seconds {
        return from.seconds;
    }
    let span = u64::from(to.seconds - from.seconds);
    let along = (pos.min(to.pos).saturating_sub(from.pos)) as u64;
    let offset = span * along / (to.pos - from.pos) as u64;
    from.seconds + offset as Seconds
}

/// A moment in the video, exact or estimated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    pub seconds: Seconds,
    /// True when interpolated rather than read from a time marker.
    pub approximate: bool,
}

impl Moment {
    pub fn exact(seconds: Seconds) -> Self {
        Moment {
            seconds,
            approximate: false,
        }
    }

    pub fn approximate(seconds: Seconds) -> Self {
        Moment {
            seconds,
            approximate: true,
        }
    }
}

/// What a chapter's notes file contributes.
#[derive(Debug, Clone, Default)]
pub struct Notes {
    /// The file the notes came from (for diagnostics and `check`).
    pub path: String,
    pub summary: String,
    /// A longer overview some authors put at the head of the translation
    /// (`**요약**: …`), kept apart from both the summary and the translation.
    pub lead_summary: Option<String>,
    pub key_points: Vec<KeyPoint>,
    /// Where each key point is said (same order as `key_points`; empty until
    /// `key_points::say_key_points` has run, `None` where nothing matched).
    pub key_points_said: Vec<Option<SaidIn>>,
    /// The body: the full Korean translation or, failing that, a transcript.
    pub body: Vec<Paragraph>,
    pub body_kind: BodyKind,
    /// Total characters of the body (paragraph texts joined by `\n\n`).
    pub body_chars: usize,
    /// Valid time anchors, sorted by position.
    pub anchors: Vec<Anchor>,
    /// Markers past the chapter's end that continue the anchors in order
    /// (the text went on into a later chapter), sorted by position; see
    /// `markers`. `marker_places` places their paragraphs.
    pub continued: Vec<Anchor>,
    /// The body is a stand-in ("this chapter is handled in the next chunk").
    pub placeholder: bool,
    pub translated_at: Option<String>,
}

impl Notes {
    /// The body as one text, paragraphs separated by blank lines.
    pub fn body_text(&self) -> String {
        let parts: Vec<&str> = self.body.iter().map(|p| p.text.as_str()).collect();
        parts.join("\n\n")
    }

    /// Whether two body positions lie in the same paragraph.
    pub fn same_paragraph(&self, a: usize, b: usize) -> bool {
        let para = |pos: usize| self.body.partition_point(|p| p.offset <= pos);
        para(a) == para(b)
    }

    /// When the paragraph holding `char_pos` is said, if it was placed on
    /// the video's own timeline (captions, alignment): exact only when the
    /// placement is confident. A position inside the paragraph moves through
    /// the paragraph's span in proportion.
    pub fn spoken_at(&self, char_pos: usize) -> Option<Moment> {
        let i = self
            .body
            .partition_point(|p| p.offset <= char_pos)
            .checked_sub(1)?;
        let para = &self.body[i];
        let spoken = para.spoken?;
        let len = para.text.chars().count().max(1) as u64;
        let along = (char_pos - para.offset).min(len as usize) as u64;
        let span = u64::from(spoken.end.saturating_sub(spoken.start));
        let at = spoken.start + (span * along / len) as Seconds;
        Some(if spoken.confident() && along == 0 {
            Moment::exact(at)
        } else {
            Moment {
                seconds: at,
                approximate: !spoken.confident(),
            }
        })
    }

    pub fn has_body(&self) -> bool {
        !self.placeholder && !self.body.is_empty()
    }
}

/// Which kind of text the body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BodyKind {
    #[default]
    Translation,
    Transcript,
}

/// One key point: an optional bold term and its explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyPoint {
    pub term: Option<String>,
    pub detail: String,
}

impl KeyPoint {
    /// The key point as plain text, as written in the file (`term: detail`).
    pub fn plain(&self) -> String {
        match &self.term {
            Some(t) if self.detail.is_empty() => t.clone(),
            Some(t) => format!("{t}: {}", self.detail),
            None => self.detail.clone(),
        }
    }

    /// The key point as Markdown, the term in bold.
    pub fn markdown(&self) -> String {
        match &self.term {
            Some(t) if self.detail.is_empty() => format!("**{t}**"),
            Some(t) => format!("**{t}**: {}", self.detail),
            None => self.detail.clone(),
        }
    }
}

/// A paragraph of a course's notes: the chapter whose file holds it and its
/// index in that file's body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SaidIn {
    pub chapter: u32,
    pub paragraph: usize,
}

/// A paragraph of body text, time markers removed.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    pub text: String,
    /// 1-based line in the source file.
    pub line: usize,
    /// Character offset of this paragraph in [`Notes::body_text`].
    pub offset: usize,
    /// Where the paragraph is said in the video, once placed on its timeline
    /// (by alignment to the captions); `None` until then.
    pub spoken: Option<Spoken>,
}

/// A paragraph's place on the video's timeline and how sure it is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spoken {
    pub start: Seconds,
    pub end: Seconds,
    /// 0.0–1.0: how well anchors both texts share pin the paragraph.
    pub confidence: f32,
}

impl Spoken {
    /// Confidence from which a placement counts as exact.
    pub const CONFIDENT: f32 = 0.6;

    /// Confidence from which a placement tells the chapter it is said in,
    /// if not the second: a paragraph between two trusted markers.
    pub const IN_CHAPTER: f32 = 0.3;

    pub fn confident(&self) -> bool {
        self.confidence >= Self::CONFIDENT
    }

    /// Whether the placement tells which chapter's span the paragraph is
    /// said in.
    pub fn sure_of_chapter(&self) -> bool {
        self.confidence >= Self::IN_CHAPTER
    }
}

/// A time marker (`[3:07:00]`) found in the body and validated against the chapter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    /// Character offset in [`Notes::body_text`].
    pub pos: usize,
    pub seconds: Seconds,
}

/// Bare values for the library's unit tests to build on.
#[cfg(test)]
pub(crate) mod test_values {
    use super::*;

    /// A chapter of the index with nothing else.
    pub(crate) fn chapter(
        number: u32,
        start: Seconds,
        end: Seconds,
        notes: Option<Notes>,
    ) -> Chapter {
        Chapter {
            number,
            title: String::new(),
            title_ko: String::new(),
            aliases: Vec::new(),
            start,
            end,
            notes,
            written_markers: Vec::new(),
        }
    }

    /// A course `c` of these chapters, without captions.
    pub(crate) fn course(chapters: Vec<Chapter>, duration: Seconds) -> Course {
        Course {
            id: "c".into(),
            title: String::new(),
            title_ko: String::new(),
            author: None,
            video_id: "v".into(),
            duration,
            duration_known: true,
            color: None,
            chapters,
            folder: String::new(),
            captions: None,
        }
    }
}
