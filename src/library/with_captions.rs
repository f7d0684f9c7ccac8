//! Attaching a course video's captions at load: which of the folder's
//! `.vtt`/`.srt` files (beside the notes or in a `captions/` subfolder; else
//! the course's own in a `captions/` folder beside it, see
//! `sibling_captions`) is used, read under the same size cap as notes. A broken or hostile file is
//! reported and never stops the notes from loading.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::library::captions::{
    caption_windows_cut_at, lang_from_file_name, parse_captions, WindowOptions,
};
use crate::library::diagnostics::Diagnostic;
use crate::library::model::{Course, CourseCaptions};
use crate::library::read_capped::read_capped;

/// The subfolder of a course folder that may hold its captions.
pub(crate) const CAPTIONS_DIR: &str = "captions";

pub(crate) fn is_captions_file(lowercase_name: &str) -> bool {
    lowercase_name.ends_with(".vtt") || lowercase_name.ends_with(".srt")
}

/// The caption files directly inside `dir`, sorted.
pub(crate) fn caption_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().to_lowercase());
            name.is_some_and(|n| !n.starts_with('.') && is_captions_file(&n))
        })
        .collect();
    out.sort();
    out
}

/// Attaches the course's captions: the first readable English file (the
/// video's original auto-captions, `*.en-orig.*`, before translated ones),
/// else the first readable one. What is wrong with a file is reported; the
/// notes load regardless.
pub(crate) fn with_captions(
    course: Option<Course>,
    paths: &[PathBuf],
    max_file_bytes: u64,
    diags: &mut Vec<Diagnostic>,
) -> Option<Course> {
    let mut course = course?;
    let rank = |p: &PathBuf| {
        let name = p.to_string_lossy().to_lowercase();
        let english = lang_from_file_name(&name).as_deref() == Some("en");
        (!english, !name.contains(".en-orig."), name)
    };
    let mut candidates: Vec<&PathBuf> = paths.iter().collect();
    candidates.sort_by_key(|p| rank(p));
    for path in candidates {
        let shown = path.display().to_string();
        if course.captions.is_some() {
            diags.push(Diagnostic::warning(
                &shown,
                0,
                "another captions file is used for this course; this one is not loaded",
            ));
            continue;
        }
        let bytes = match read_capped(path, max_file_bytes) {
            Ok(b) => b,
            Err(message) => {
                diags.push(Diagnostic::error(&shown, 0, message));
                continue;
            }
        };
        let text = String::from_utf8_lossy(&bytes);
        let parsed = parse_captions(&shown, &text);
        diags.extend(parsed.diagnostics);
        if parsed.words.is_empty() {
            diags.push(Diagnostic::warning(
                &shown,
                0,
                "no caption text with times found; captions not used",
            ));
            continue;
        }
        // Search files a window under the chapter it starts in: none
        // straddles a chapter start.
        let mut starts: Vec<u64> = course
            .chapters
            .iter()
            .map(|c| u64::from(c.start) * 1000)
            .collect();
        starts.sort_unstable();
        let windows = caption_windows_cut_at(&parsed.words, WindowOptions::default(), &starts);
        course.captions = Some(Arc::new(CourseCaptions {
            path: shown,
            language: parsed.language,
            words: parsed.words,
            windows,
        }));
    }
    Some(course)
}
