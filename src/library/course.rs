//! Turning a folder's parsed chapter files into a [`Course`]: against the
//! course index (`course.yaml`, authoritative for titles and start times) when
//! there is one, else inferred from the files themselves.
//!
//! This is where cross-file checks happen: two files for one chapter, start
//! times that disagree with the index or with `sourceUrl`, time markers outside
//! their chapter, and placeholder translations.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::library::chapter_file::{ChapterFile, MAX_CHAPTER};
use crate::library::diagnostics::Diagnostic;
use crate::library::markers::{self, Spine};
use crate::library::model::{Anchor, Chapter, Course, Notes};
use crate::timecode::{format_time, parse_time, Seconds};
use crate::yaml::{self, TextOrNumber};

/// Length assumed for the last chapter of a course whose video length is unknown.
const UNKNOWN_LAST_CHAPTER: Seconds = 600;

/// `course.yaml` as written by people.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseIndex {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub title_ko: Option<String>,
    #[serde(default)]
    pub author: Option<String>,
    pub video: String,
    pub duration: TextOrNumber,
    #[serde(default)]
    pub color: Option<String>,
    pub chapters: Vec<IndexEntry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexEntry {
    pub number: u32,
    pub start: TextOrNumber,
    pub title: String,
    #[serde(default)]
    pub title_ko: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// Parses `course.yaml`. Errors carry the file's line.
pub fn parse_course_index(path: &str, text: &str) -> Result<CourseIndex, Diagnostic> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    yaml::parse_document::<CourseIndex>(text).map_err(|e| {
        Diagnostic::error(
            path,
            e.line.unwrap_or(1),
            format!("broken course index: {}", e.message),
        )
    })
}

/// Parses `#RRGGBB` or `0xRRGGBB`.
fn parse_color(s: &str) -> Option<u32> {
    let hex = s.trim().trim_start_matches('#').trim_start_matches("0x");
    (hex.len() == 6)
        .then(|| u32::from_str_radix(hex, 16).ok())
        .flatten()
}

/// Builds a course from its index and the chapter files of its folder.
pub fn build_indexed(
    index_path: &str,
    index: CourseIndex,
    files: Vec<ChapterFile>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Course> {
    let duration = match parse_time(&index.duration.to_text()) {
        Ok(d) if d > 0 => d,
        _ => {
            diags.push(Diagnostic::error(
                index_path,
                1,
                format!("`duration` is not a time: {:?}", index.duration.to_text()),
            ));
            return None;
        }
    };
    let mut chapters: BTreeMap<u32, Chapter> = BTreeMap::new();
    for entry in index.chapters {
        let start = match parse_time(&entry.start.to_text()) {
            Ok(s) => s,
            Err(e) => {
                diags.push(Diagnostic::error(
                    index_path,
                    1,
                    format!("chapter {}: `start`: {e}", entry.number),
                ));
                continue;
            }
        };
        if entry.number == 0 || entry.number > MAX_CHAPTER {
            diags.push(Diagnostic::error(
                index_path,
                1,
                format!(
                    "chapter number {} is outside 1..={MAX_CHAPTER}",
                    entry.number
                ),
            ));
            continue;
        }
        if chapters.contains_key(&entry.number) {
            diags.push(Diagnostic::error(
                index_path,
                1,
                format!("chapter {} is listed twice", entry.number),
            ));
            continue;
        }
        chapters.insert(
            entry.number,
            Chapter {
                number: entry.number,
                title_ko: entry.title_ko.unwrap_or_else(|| entry.title.clone()),
                title: entry.title,
                aliases: entry.aliases,
                start,
                end: start,
                notes: None,
                written_markers: Vec::new(),
            },
        );
    }
    let mut course = Course {
        id: index.id,
        title_ko: index.title_ko.unwrap_or_else(|| index.title.clone()),
        title: index.title,
        author: index.author,
        video_id: index.video,
        duration,
        duration_known: true,
        color: index.color.as_deref().and_then(parse_color),
        chapters: chapters.into_values().collect(),
        folder: String::new(),
        captions: None,
    };
    set_ends(&mut course);
    let spine = Spine::of(&course.chapters, course.duration);
    for file in dedupe(files, diags) {
        let Some(i) = course.index_of(file.number) else {
            diags.push(Diagnostic::warning(
                &file.path,
                file.number_line,
                format!(
                    "chapter {} is not in the course index {index_path}; the file is ignored",
                    file.number
                ),
            ));
            continue;
        };
        let chapter = &mut course.chapters[i];
        if let Some((t, line)) = file.timestamp {
            if t != chapter.start {
                diags.push(Diagnostic::warning(
                    &file.path,
                    line,
                    format!(
                        "timestamp {} disagrees with the course index ({}); using {}",
                        format_time(t),
                        format_time(chapter.start),
                        format_time(chapter.start)
                    ),
                ));
            }
        }
        attach_notes(chapter, &course.video_id, file, Some(&spine), diags);
    }
    Some(course)
}

/// Builds a course from chapter files alone: the video from `sourceUrl`, start
/// times from `timestamp` (else the first time marker), titles from the files.
pub fn build_inferred(
    id: &str,
    duration: Option<Seconds>,
    files: Vec<ChapterFile>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Course> {
    let files = dedupe(files, diags);
    if files.is_empty() {
        return None;
    }
    let Some(video_id) = majority_video(&files) else {
        diags.push(Diagnostic::error(
            &files[0].path,
            1,
            format!("folder `{id}` has no course.yaml and no chapter names its video in `sourceUrl`; its chapters can't be linked"),
        ));
        return None;
    };
    let mut chapters = Vec::new();
    let mut files_by_number = Vec::new();
    for f in files {
        let start = f
            .timestamp
            .map(|(t, _)| t)
            .or_else(|| f.source.as_ref().and_then(|s| s.1))
            .or_else(|| f.markers.first().map(|m| m.seconds))
            .unwrap_or(0);
        chapters.push(Chapter {
            number: f.number,
            title: f
                .title
                .clone()
                .unwrap_or_else(|| format!("Chapter {}", f.number)),
            title_ko: f
                .title_ko
                .clone()
                .or_else(|| f.title.clone())
                .unwrap_or_else(|| format!("{}장", f.number)),
            aliases: Vec::new(),
            start,
            end: start,
            notes: None,
            written_markers: Vec::new(),
        });
        files_by_number.push(f);
    }
    let last_start = chapters.iter().map(|c| c.start).max().unwrap_or(0);
    let (duration, duration_known) = match duration {
        Some(d) if d > last_start => (d, true),
        _ => (last_start + UNKNOWN_LAST_CHAPTER, false),
    };
    let mut course = Course {
        id: id.to_string(),
        title: id.to_string(),
        title_ko: id.to_string(),
        author: None,
        video_id,
        duration,
        duration_known,
        color: None,
        chapters,
        folder: String::new(),
        captions: None,
    };
    set_ends(&mut course);
    for f in files_by_number {
        if let Some(i) = course.index_of(f.number) {
            let video = course.video_id.clone();
            attach_notes(&mut course.chapters[i], &video, f, None, diags);
        }
    }
    Some(course)
}

/// The video most of the files link to in `sourceUrl`.
pub fn majority_video(files: &[ChapterFile]) -> Option<String> {
    let mut votes: BTreeMap<&str, usize> = BTreeMap::new();
    for f in files {
        if let Some((v, _, _)) = &f.source {
            *votes.entry(v.as_str()).or_default() += 1;
        }
    }
    votes
        .iter()
        .max_by_key(|(_, n)| **n)
        .map(|(v, _)| v.to_string())
}

/// Chapters sorted by number; each ends where the next (by time) begins.
fn set_ends(course: &mut Course) {
    course.chapters.sort_by_key(|c| c.number);
    let mut starts: Vec<Seconds> = course.chapters.iter().map(|c| c.start).collect();
    starts.sort_unstable();
    for c in &mut course.chapters {
        let next = starts.iter().copied().find(|&s| s > c.start);
        c.end = next.unwrap_or(course.duration).max(c.start + 1);
    }
}

/// Keeps one file per chapter number; every extra claim is an error naming both files.
fn dedupe(mut files: Vec<ChapterFile>, diags: &mut Vec<Diagnostic>) -> Vec<ChapterFile> {
    files.sort_by(|a, b| a.number.cmp(&b.number).then(a.path.cmp(&b.path)));
    let mut kept: Vec<ChapterFile> = Vec::new();
    for f in files {
        match kept.last() {
            Some(prev) if prev.number == f.number => {
                diags.push(Diagnostic::error(
                    &f.path,
                    f.number_line,
                    format!(
                        "chapter {} is claimed by two files: {} and {}; serving {}",
                        f.number, prev.path, f.path, prev.path
                    ),
                ));
            }
            _ => kept.push(f),
        }
    }
    kept
}

/// Checks a file against its chapter and attaches its notes.
fn attach_notes(
    chapter: &mut Chapter,
    video_id: &str,
    file: ChapterFile,
    spine: Option<&Spine>,
    diags: &mut Vec<Diagnostic>,
) {
    if let Some((video, t, line)) = &file.source {
        if video != video_id {
            diags.push(Diagnostic::warning(
                &file.path,
                *line,
                format!("sourceUrl points to video {video}, but the course's video is {video_id}"),
            ));
        }
        if let (Some(t), Some((ts, _))) = (t, file.timestamp) {
            if *t != ts {
                diags.push(Diagnostic::warning(
                    &file.path,
                    *line,
                    format!(
                        "sourceUrl's t={t}s ({}) disagrees with timestamp {}",
                        format_time(*t),
                        format_time(ts)
                    ),
                ));
            }
        }
    }
    let times = markers::anchors(chapter, &file.path, &file.markers, spine, diags);
    chapter.written_markers = file
        .markers
        .iter()
        .map(|m| Anchor {
            pos: m.pos,
            seconds: m.seconds,
        })
        .collect();
    if chapter.title_ko == chapter.title {
        if let Some(t) = &file.title_ko {
            chapter.title_ko = t.clone();
        }
    }
    // The file's own titles, where they differ from the index, still find the chapter.
    for t in [&file.title, &file.title_ko].into_iter().flatten() {
        if *t != chapter.title && *t != chapter.title_ko && !chapter.aliases.contains(t) {
            chapter.aliases.push(t.clone());
        }
    }
    chapter.notes = Some(Notes {
        path: file.path,
        summary: file.summary,
        lead_summary: file.lead_summary,
        key_points: file.key_points,
        key_points_said: Vec::new(),
        body: file.body,
        body_kind: file.body_kind,
        body_chars: file.body_chars,
        anchors: times.anchors,
        continued: times.continued,
        placeholder: file.placeholder,
        translated_at: file.translated_at,
    });
}
