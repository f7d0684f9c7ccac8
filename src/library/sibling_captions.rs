//! Captions kept beside a course's notes folder instead of inside it: the
//! layout `<course>/kr/` (notes) + `<course>/captions/`, or a folder of
//! courses sharing one `captions/`. Such a folder may hold other courses'
//! captions, so a file there is taken only when its name says it is this
//! course's — the video id, or the course's name (`ai-prompt-engineering` for
//! `ai-prompt-engineering-deep-dive.en.vtt`) — and no other course folder
//! beside this one fits the name as well. Reads folder listings only.

use std::fs;
use std::path::{Path, PathBuf};

use crate::library::captions::lang_from_file_name;
use crate::library::layout::course_id;
use crate::library::model::Course;
use crate::library::with_captions::{caption_files, CAPTIONS_DIR};

/// The caption files of `<dir>/../captions/` that are `course`'s (none when
/// the course folder has captions of its own: those are looked up first).
pub(crate) fn sibling_captions(dir: &Path, course: &Course) -> Vec<PathBuf> {
    let (Some(parent), Some(folder)) = (dir.parent(), captions_folder_beside(dir)) else {
        return Vec::new();
    };
    if !folder.is_dir() {
        return Vec::new();
    }
    let ours = names_of(dir, Some(course));
    let rivals: Vec<Vec<String>> = other_course_folders(parent, dir)
        .iter()
        .flat_map(|d| names_of(d, None))
        .filter(|name| !ours.contains(name))
        .collect();
    caption_files(&folder)
        .into_iter()
        .filter(|path| {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            is_for(&name, course, &ours, &rivals)
        })
        .collect()
}

/// Where the course folder `dir` looks for captions beside it,
/// `<dir>/../captions/`, whether or not it exists (live reload watches it);
/// `None` at the root, or when that is `dir` itself.
pub(crate) fn captions_folder_beside(dir: &Path) -> Option<PathBuf> {
    let folder = dir.parent()?.join(CAPTIONS_DIR);
    (folder != dir).then_some(folder)
}

/// Whether the caption file `name` belongs to the course named `ours` (and
/// showing `course.video_id`), and not better to one of `rivals`.
fn is_for(name: &str, course: &Course, ours: &[Vec<String>], rivals: &[Vec<String>]) -> bool {
    if course.video_id.len() >= 6 && name.contains(course.video_id.as_str()) {
        return true;
    }
    let stem = stem_words(name);
    let best = |names: &[Vec<String>]| names.iter().map(|n| fit(&stem, n)).max().unwrap_or(0);
    let mine = best(ours);
    mine > 0 && best(rivals) < mine
}

/// The words of a caption file's name without its extension and language
/// tag: `AI-Prompt-Engineering-Deep-Dive.en-orig.vtt` →
/// `[ai, prompt, engineering, deep, dive]`.
fn stem_words(name: &str) -> Vec<String> {
    let lower = name.to_lowercase();
    let mut stem = lower
        .strip_suffix(".vtt")
        .or_else(|| lower.strip_suffix(".srt"))
        .unwrap_or(&lower);
    if lang_from_file_name(name).is_some() {
        stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
    }
    words(stem)
}

fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// How well a name fits a file stem: 0 unless one begins with all of the
/// other; more for more shared words, and for the same word count one more
/// when they are equal (`deep-dive` fits `deep-dive` better than
/// `deep-dive-llms` does).
fn fit(stem: &[String], name: &[String]) -> usize {
    let shorter = stem.len().min(name.len());
    if shorter > 0 && stem[..shorter] == name[..shorter] {
        2 * shorter + usize::from(stem.len() == name.len())
    } else {
        0
    }
}

/// The names a course folder goes by, as words: the id it gets from its
/// name (`deep-dive-llms` for `deep-dive-llms/kr-translated-v1`), and the
/// course's id.
fn names_of(dir: &Path, course: Option<&Course>) -> Vec<Vec<String>> {
    let mut out = vec![words(&course_id(dir))];
    if let Some(course) = course {
        out.push(words(&course.id));
    }
    out.retain(|n| !n.is_empty());
    out.dedup();
    out
}

/// The folders beside `dir` in `parent` that may hold other courses.
fn other_course_folders(parent: &Path, dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(parent) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.as_path() != dir && p.is_dir())
        .filter(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            name != CAPTIONS_DIR && !name.starts_with('.') && !name.starts_with('_')
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(text: &str) -> Vec<String> {
        words(text)
    }

    #[test]
    fn the_stem_drops_extension_and_language() {
        assert_eq!(
            stem_words("ai-prompt-engineering-deep-dive.en.vtt"),
            w("ai prompt engineering deep dive")
        );
        assert_eq!(
            stem_words("Deep-Dive-LLMs.en-orig.vtt"),
            w("deep dive llms")
        );
        assert_eq!(stem_words("talk.srt"), w("talk"));
        assert_eq!(stem_words("v1.2 talk.vtt"), w("v1 2 talk"));
    }

    #[test]
    fn a_name_fits_when_one_begins_with_the_other() {
        let stem = w("ai prompt engineering deep dive");
        assert_eq!(fit(&stem, &w("ai-prompt-engineering")), 6);
        assert_eq!(fit(&stem, &w("prompt-engineering")), 0);
        assert_eq!(fit(&w("deep dive"), &w("deep-dive-llms")), 4);
        assert_eq!(fit(&w("deep dive"), &w("deep-dive")), 5);
        assert_eq!(fit(&[], &w("x")), 0);
    }
}
