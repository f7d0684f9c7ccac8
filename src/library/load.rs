//! Finding and reading content on disk: every folder under the content
//! directories that holds a `course.yaml` or chapter files becomes a course.
//!
//! This is the library's only I/O. It is defensive: files over the size cap are
//! refused without being read, symlink loops and deep trees are cut off, and a
//! file that can't be read is reported while the others load.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::library::chapter_file::ChapterFile;
use crate::library::course::{
    build_indexed, build_inferred, majority_video, parse_course_index, CourseIndex,
};
use crate::library::diagnostics::Diagnostic;
use crate::library::layout::{self, NotesFile, COURSE_DOC};
use crate::library::lecture_doc::CourseMeta;
use crate::library::marker_places::place_by_markers;
use crate::library::model::{Course, Library};
use crate::library::read_capped::read_capped;
use crate::library::sibling_captions::sibling_captions;
use crate::library::with_captions::{caption_files, is_captions_file, with_captions, CAPTIONS_DIR};

/// Default cap on a chapter file's size.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 5 * 1024 * 1024;

/// How deep below a content directory courses are looked for.
const MAX_DEPTH: usize = 6;

/// File names that sit beside chapters but are not chapters.
const NOT_CHAPTERS: &[&str] = &[
    "readme.md",
    "source.md",
    "license.md",
    "changelog.md",
    "contributing.md",
];

#[derive(Debug, Clone)]
pub struct LoadOptions {
    pub max_file_bytes: u64,
    /// Course indexes known from elsewhere (the configured content), with
    /// their paths. A folder without `course.yaml` whose files link to one of
    /// these videos is checked against that index: it is authoritative for
    /// titles and start times even when the folder's files disagree.
    pub reference_indexes: Vec<(String, CourseIndex)>,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            reference_indexes: Vec::new(),
        }
    }
}

/// Reads every `course.yaml` under `dirs` (nothing else), for use as
/// [`LoadOptions::reference_indexes`]. Unreadable ones are skipped: loading
/// the folders themselves reports them.
pub fn find_course_indexes(dirs: &[PathBuf]) -> Vec<(String, CourseIndex)> {
    fn visit(dir: &Path, depth: usize, out: &mut Vec<(String, CourseIndex)>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            if name.starts_with('.') {
                continue;
            }
            if path.is_dir() && depth < MAX_DEPTH {
                visit(&path, depth + 1, out);
            } else if name == "course.yaml" || name == "course.yml" {
                let shown = path.display().to_string();
                let parsed = read_capped(&path, DEFAULT_MAX_FILE_BYTES)
                    .ok()
                    .and_then(|b| String::from_utf8(b).ok())
                    .and_then(|t| parse_course_index(&shown, &t).ok());
                if let Some(index) = parsed {
                    out.push((shown, index));
                }
            }
        }
    }
    let mut out = Vec::new();
    for dir in dirs {
        visit(dir, 0, &mut out);
    }
    out
}

/// Loads every course found under `dirs`. Never fails: problems become diagnostics.
pub fn load_library(dirs: &[PathBuf], options: LoadOptions) -> Library {
    let mut library = Library::default();
    let mut seen = HashSet::new();
    for dir in dirs {
        if !dir.is_dir() {
            library.diagnostics.push(Diagnostic::error(
                dir.display().to_string(),
                0,
                "content directory not found (or not a directory)",
            ));
            continue;
        }
        walk(dir, 0, &options, &mut seen, &mut library);
    }
    library
}

fn walk(
    dir: &Path,
    depth: usize,
    options: &LoadOptions,
    seen: &mut HashSet<PathBuf>,
    library: &mut Library,
) {
    let shown = dir.display().to_string();
    if let Ok(canonical) = fs::canonicalize(dir) {
        if !seen.insert(canonical) {
            library.diagnostics.push(Diagnostic::warning(
                &shown,
                0,
                "folder reached twice (a symlink loop or a repeated --content); skipped",
            ));
            return;
        }
    }
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            library.diagnostics.push(Diagnostic::error(
                &shown,
                0,
                format!("can't read folder: {e}"),
            ));
            return;
        }
    };
    let mut names: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    names.sort();
    let mut chapter_paths = Vec::new();
    let mut subdirs = Vec::new();
    let mut index_path = None;
    let mut doc_path = None;
    let mut caption_paths = Vec::new();
    for path in names {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        if name == COURSE_DOC && !path.is_dir() {
            doc_path = Some(path);
            continue;
        }
        if name.starts_with('.') || name.starts_with('_') {
            continue;
        }
        if path.is_dir() {
            if name == CAPTIONS_DIR {
                caption_paths.extend(caption_files(&path));
            }
            subdirs.push(path);
        } else if is_captions_file(&name) {
            caption_paths.push(path);
        } else if name == "course.yaml" || name == "course.yml" {
            index_path = Some(path);
        } else if name.ends_with(".md") && !NOT_CHAPTERS.contains(&name.as_str()) {
            chapter_paths.push(path);
        }
    }
    if index_path.is_some() || doc_path.is_some() || !chapter_paths.is_empty() {
        let paths = CoursePaths {
            index: index_path.as_deref(),
            doc: doc_path.as_deref(),
            chapters: &chapter_paths,
            captions: &caption_paths,
        };
        load_course(dir, paths, options, library);
    }
    if depth < MAX_DEPTH {
        for sub in subdirs {
            walk(&sub, depth + 1, options, seen, library);
        }
    } else if !subdirs.is_empty() {
        library.diagnostics.push(Diagnostic::warning(
            &shown,
            0,
            format!("folders nested deeper than {MAX_DEPTH} levels are not searched"),
        ));
    }
}

/// What one course folder holds.
struct CoursePaths<'a> {
    index: Option<&'a Path>,
    doc: Option<&'a Path>,
    chapters: &'a [PathBuf],
    /// `.vtt`/`.srt` files in the folder or its `captions/` subfolder (when
    /// there are none, the course's files in a `captions/` folder beside it).
    captions: &'a [PathBuf],
}

fn load_course(dir: &Path, paths: CoursePaths<'_>, options: &LoadOptions, library: &mut Library) {
    let diags = &mut library.diagnostics;
    let mut files: Vec<ChapterFile> = Vec::new();
    let mut meta: Option<CourseMeta> = None;
    for path in paths.chapters {
        let shown = path.display().to_string();
        match read_capped(path, options.max_file_bytes) {
            Ok(bytes) => match layout::parse_notes_file(&shown, &bytes) {
                Ok((notes, warnings)) => {
                    diags.extend(warnings);
                    match notes {
                        NotesFile::Chapter(file) => files.push(file),
                        NotesFile::Talk(file, talk) => {
                            meta.get_or_insert(talk);
                            files.push(file);
                        }
                    }
                }
                Err(errors) => diags.extend(errors),
            },
            Err(message) => diags.push(Diagnostic::error(&shown, 0, message)),
        }
    }
    if let Some(doc_path) = paths.doc {
        let shown = doc_path.display().to_string();
        let parsed = read_capped(doc_path, options.max_file_bytes)
            .map_err(|m| vec![Diagnostic::error(&shown, 0, m)])
            .and_then(|bytes| layout::parse_course_doc(&shown, &bytes));
        match parsed {
            Ok((doc, warnings)) => {
                diags.extend(warnings);
                layout::merge_doc_chapters(&shown, doc.chapters, &mut files, diags);
                meta = Some(doc.meta);
            }
            Err(errors) => diags.extend(errors),
        }
    }
    let course = match paths.index {
        Some(ip) => {
            let shown = ip.display().to_string();
            let parsed = read_capped(ip, options.max_file_bytes)
                .map_err(|m| Diagnostic::error(&shown, 0, m))
                .and_then(|bytes| {
                    String::from_utf8(bytes).map_err(|_| {
                        Diagnostic::error(&shown, 1, "course index is not valid UTF-8")
                    })
                })
                .and_then(|text| parse_course_index(&shown, &text));
            match parsed {
                Ok(index) => build_indexed(&shown, index, files, diags),
                Err(d) => {
                    diags.push(d);
                    None
                }
            }
        }
        None => {
            let reference = majority_video(&files).and_then(|video| {
                options
                    .reference_indexes
                    .iter()
                    .find(|(_, index)| index.video == video)
            });
            if let Some((path, index)) = reference {
                let course = build_indexed(path, index.clone(), files, diags);
                let captions = course_captions(dir, paths.captions, course.as_ref());
                let course = with_captions(course, &captions, options.max_file_bytes, diags);
                return finish_course(dir, course, library);
            }
            let duration = meta.as_ref().and_then(|m| m.duration);
            let mut course = build_inferred(&layout::course_id(dir), duration, files, diags);
            if let (Some(course), Some(meta)) = (&mut course, &meta) {
                layout::apply_meta(course, meta, diags);
            }
            course
        }
    };
    let captions = course_captions(dir, paths.captions, course.as_ref());
    let course = with_captions(course, &captions, options.max_file_bytes, diags);
    finish_course(dir, course, library);
}

/// The course's own caption files, else the ones of the `captions/` folder
/// beside its folder whose names say they are this course's.
fn course_captions(dir: &Path, own: &[PathBuf], course: Option<&Course>) -> Vec<PathBuf> {
    match course {
        Some(course) if own.is_empty() => sibling_captions(dir, course),
        _ => own.to_vec(),
    }
}

/// Adds a built course, renaming it if its id is taken.
fn finish_course(dir: &Path, course: Option<Course>, library: &mut Library) {
    if let Some(mut course) = course {
        course.folder = dir.display().to_string();
        place_by_markers(&mut course);
        let base = course.id.clone();
        let mut n = 2;
        while library
            .courses
            .iter()
            .any(|c| c.id.eq_ignore_ascii_case(&course.id))
        {
            course.id = format!("{base}-{n}");
            n += 1;
        }
        if let Some(other) = library
            .courses
            .iter()
            .find(|c| c.video_id == course.video_id)
        {
            library.diagnostics.push(Diagnostic::warning(
                dir.display().to_string(),
                0,
                format!(
                    "this folder and {} both claim video `{}`; both are served, as `{}` and `{}`",
                    other.folder, course.video_id, other.id, course.id
                ),
            ));
        }
        if course.id != base {
            library.diagnostics.push(Diagnostic::warning(
                dir.display().to_string(),
                0,
                format!(
                    "course id `{base}` is already taken; this folder is served as `{}`",
                    course.id
                ),
            ));
        }
        library.courses.push(course);
    }
}
