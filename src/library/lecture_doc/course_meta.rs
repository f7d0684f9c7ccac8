//! What a course document (or a talk's front matter) says about the course:
//! its `---` front matter split off and read into titles, author, video,
//! duration and chapter count.

use crate::hangul::has_syllable;
use crate::library::diagnostics::Diagnostic;
use crate::timecode::{parse_time, parse_youtube_url, Seconds};
use crate::yaml::{self, Scalar};

/// What a course document (or a talk's front matter) says about the course.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CourseMeta {
    pub path: String,
    pub title: Option<String>,
    pub title_ko: Option<String>,
    pub author: Option<String>,
    /// Video id from `sourceUrl`, and its line.
    pub video: Option<(String, usize)>,
    pub duration: Option<Seconds>,
    /// `totalChapters` (or `chapters`) and its line.
    pub total_chapters: Option<(u32, usize)>,
}

/// Reads front matter for course metadata. `lines` maps each YAML line to its
/// line in the file. Returns the metadata and the raw entries.
pub fn read_course_meta(
    path: &str,
    yaml_text: &str,
    first_line: usize,
    diags: &mut Vec<Diagnostic>,
) -> Option<(CourseMeta, Vec<(String, Scalar)>)> {
    let entries = match yaml::parse_front_matter(yaml_text) {
        Ok(e) => e,
        Err(e) => {
            diags.push(Diagnostic::error(
                path,
                first_line + e.line.unwrap_or(0),
                format!("broken front matter: {}", e.message),
            ));
            return None;
        }
    };
    let line_of = |key: &str| {
        yaml_text
            .lines()
            .position(|l| {
                l.strip_prefix(key)
                    .is_some_and(|r| r.trim_start().starts_with(':'))
            })
            .map_or(first_line, |i| first_line + i)
    };
    let mut meta = CourseMeta {
        path: path.to_string(),
        ..CourseMeta::default()
    };
    let mut original = None;
    let mut title = None;
    for (key, value) in &entries {
        let text = value.as_text().map(|s| s.trim().to_string());
        let line = line_of(key);
        match key.as_str() {
            "title" => title = text,
            "originalTitle" | "original_title" => original = text,
            "author" => meta.author = text,
            "sourceUrl" | "source_url" => match text.as_deref().and_then(parse_youtube_url) {
                Some((id, _)) => meta.video = Some((id, line)),
                None => diags.push(Diagnostic::warning(
                    path,
                    line,
                    format!("`{key}` is not a YouTube link"),
                )),
            },
            "duration" => match text.as_deref().map(parse_time) {
                Some(Ok(t)) if t > 0 => meta.duration = Some(t),
                _ => diags.push(Diagnostic::warning(
                    path,
                    line,
                    format!("`duration` is not a time: {:?}", text.unwrap_or_default()),
                )),
            },
            "totalChapters" | "chapters" => {
                if let Some(n) = text.and_then(|t| t.parse().ok()) {
                    meta.total_chapters = Some((n, line));
                }
            }
            _ => {}
        }
    }
    match (original, title) {
        (Some(en), ko) => {
            meta.title = Some(en);
            meta.title_ko = ko;
        }
        (None, Some(t)) if has_syllable(&t) => meta.title_ko = Some(t),
        (None, t) => meta.title = t,
    }
    Some((meta, entries))
}

/// Splits `---` front matter off; returns the YAML, its first line, and the
/// line after the closing `---`. `None` if there is none.
pub fn front_matter(text: &str) -> Option<(String, usize, usize)> {
    let mut lines = text.lines();
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    let mut yaml = String::new();
    for (i, line) in lines.enumerate() {
        if matches!(line.trim_end(), "---" | "...") {
            return Some((yaml, 2, i + 3));
        }
        yaml.push_str(line);
        yaml.push('\n');
    }
    None
}
