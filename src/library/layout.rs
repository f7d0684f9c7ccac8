//! Deciding what a content folder holds, so every real layout of lecture notes
//! becomes the same model.
//!
//! A folder may hold one file per chapter, the whole lecture in one course
//! document (`_index.md`), both (the chapter files win, the document supplies
//! the course's title, author and length and any chapter the files lack), or
//! a single talk without chapters (front matter with `sourceUrl` and
//! `duration` but no `chapter`), which is a course of one chapter. A file that
//! fits no layout is reported with what it lacks. Pure: text in, chapter
//! files, course metadata and diagnostics out.

use std::path::Path;

use crate::library::chapter_file::{parse_chapter_file, ChapterFile};
use crate::library::diagnostics::Diagnostic;
use crate::library::lecture_doc::{
    front_matter, parse_lecture_doc, read_course_meta, CourseMeta, LectureDoc,
};
use crate::library::mapped::Mapped;
use crate::library::model::Course;

/// The file name of a course document.
pub const COURSE_DOC: &str = "_index.md";

/// Folder names that say a language or an edition rather than a course.
const EDITION_NAMES: &[&str] = &["kr", "ko", "korean", "en", "eng", "english", "notes"];

/// A readable, stable course id for a folder without `course.yaml`: its name,
/// or its parent's when the name only says a language or edition
/// (`ai-prompt-engineering/kr` → `ai-prompt-engineering`).
pub fn course_id(dir: &Path) -> String {
    let name_of = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned());
    let Some(name) = name_of(dir) else {
        return "course".to_string();
    };
    let first = name.split(['-', '_']).next().unwrap_or("").to_lowercase();
    if EDITION_NAMES.contains(&first.as_str()) {
        if let Some(parent) = dir.parent().and_then(name_of) {
            return parent;
        }
    }
    name
}

/// One notes file, read according to its layout.
#[derive(Debug, Clone)]
pub enum NotesFile {
    Chapter(ChapterFile),
    /// A talk without chapters: its one chapter and the course it makes.
    Talk(ChapterFile, CourseMeta),
}

/// Reads one `.md` file beside others in a folder: a chapter file, or a talk.
pub fn parse_notes_file(
    path: &str,
    bytes: &[u8],
) -> Result<(NotesFile, Vec<Diagnostic>), Vec<Diagnostic>> {
    let text = match std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)) {
        Ok(t) => t.replace("\r\n", "\n"),
        Err(_) => return chapter(path, bytes),
    };
    let Some((yaml_text, yaml_line, _)) = front_matter(&text) else {
        return chapter(path, bytes);
    };
    let has = |key: &str| {
        yaml_text.lines().any(|l| {
            l.strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with(':'))
        })
    };
    if has("chapter") {
        return chapter(path, bytes);
    }
    let source = has("sourceUrl") || has("source_url");
    if !source || !has("duration") {
        let lacks = match (source, has("duration")) {
            (false, false) => "`sourceUrl` and `duration`",
            (false, true) => "`sourceUrl`",
            _ => "`duration`",
        };
        return Err(vec![Diagnostic::error(
            path,
            1,
            format!("fits no layout: a chapter file needs `chapter: N` in its front matter, and a talk without chapters needs `sourceUrl` and `duration`; this file lacks `chapter: N` and {lacks}"),
        )]);
    }
    let mut diags = Vec::new();
    let Some((meta, _)) = read_course_meta(path, &yaml_text, yaml_line, &mut diags) else {
        return Err(diags);
    };
    let mut m = Mapped::default();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let key = line.split(':').next().unwrap_or("").trim();
        let in_front = n > 1 && n < yaml_line + yaml_text.lines().count();
        if in_front && matches!(key, "duration") {
            continue;
        }
        m.push(line, n);
        if n == 1 {
            m.push("chapter: 1", 1);
            m.push("timestamp: \"0:00\"", 1);
        }
    }
    let (file, warnings) = m.parse(path)?;
    diags.extend(warnings);
    Ok((NotesFile::Talk(file, meta), diags))
}

fn chapter(path: &str, bytes: &[u8]) -> Result<(NotesFile, Vec<Diagnostic>), Vec<Diagnostic>> {
    parse_chapter_file(path, bytes).map(|(f, d)| (NotesFile::Chapter(f), d))
}

/// Reads a course document (`_index.md`).
pub fn parse_course_doc(
    path: &str,
    bytes: &[u8],
) -> Result<(LectureDoc, Vec<Diagnostic>), Vec<Diagnostic>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_lecture_doc(path, &text.replace("\r\n", "\n")),
        Err(e) => Err(vec![Diagnostic::error(
            path,
            1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count(),
            format!(
                "invalid UTF-8 at byte {}; save the file as UTF-8",
                e.valid_up_to()
            ),
        )]),
    }
}

/// Adds the document's chapters that no chapter file has. Where both have a
/// chapter, the chapter file is served (and takes the document's start time
/// if it states none); `check` says so once.
pub fn merge_doc_chapters(
    doc_path: &str,
    doc_chapters: Vec<ChapterFile>,
    files: &mut Vec<ChapterFile>,
    diags: &mut Vec<Diagnostic>,
) {
    let mut both = Vec::new();
    for d in doc_chapters {
        match files.iter_mut().find(|f| f.number == d.number) {
            Some(f) => {
                if f.timestamp.is_none() {
                    f.timestamp = d.timestamp;
                }
                both.push(d.number);
            }
            None => files.push(d),
        }
    }
    if !both.is_empty() {
        let list: Vec<String> = both.iter().map(u32::to_string).collect();
        diags.push(Diagnostic::warning(
            doc_path,
            0,
            format!(
                "note: chapter{} {} {} also in chapter files; the chapter files are served and this document supplies the course's title, author and length",
                if both.len() == 1 { "" } else { "s" },
                list.join(", "),
                if both.len() == 1 { "is" } else { "are" },
            ),
        ));
    }
}

/// Gives a course inferred from its files the title and author a course
/// document (or a talk's front matter) states (its length goes in when the
/// course is built), and checks the chapter count and video.
pub fn apply_meta(course: &mut Course, meta: &CourseMeta, diags: &mut Vec<Diagnostic>) {
    if let Some(t) = meta.title.clone().or_else(|| meta.title_ko.clone()) {
        course.title = t;
    }
    if let Some(t) = meta.title_ko.clone().or_else(|| meta.title.clone()) {
        course.title_ko = t;
    }
    if meta.author.is_some() {
        course.author = meta.author.clone();
    }
    if let Some((video, line)) = &meta.video {
        if *video != course.video_id {
            diags.push(Diagnostic::warning(
                &meta.path,
                *line,
                format!(
                    "this document's video `{video}` is not the chapters' video `{}`",
                    course.video_id
                ),
            ));
        }
    }
    if let Some((total, line)) = meta.total_chapters {
        let found = course.chapters.len();
        if found != total as usize {
            diags.push(Diagnostic::warning(
                &meta.path,
                line,
                format!("the course has {total} chapters by this document, but {found} were found"),
            ));
        }
    }
}
