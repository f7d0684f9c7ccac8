//! The search engine: its promises on a tiny library, quality on the real
//! notes (labelled queries and moments), and no panic on any input.

mod as_written;
mod autocomplete;
mod behaviour;
mod common_words;
mod courses;
mod english_words;
mod eval;
mod guessed_only;
mod moments;
mod notes_alone;
mod passage_choice;
mod passages;
mod props;
mod queries;
mod questions;
mod telling_words;
mod transliteration;
mod transliteration_eval;
mod whole_query;
mod word_forms;

use lectern::library::Library;
use lectern::search::{Glossary, SearchIndex};

/// The chapters `query` finds, best first (at most five).
fn chapters_found(library: &Library, index: &SearchIndex, query: &str) -> Vec<u32> {
    index
        .search(library, query, None, 5)
        .iter()
        .map(|h| h.chapter)
        .collect()
}

/// A chapter file of a tiny course: number, title, summary, key points and
/// one paragraph, said at the start of its ten minutes.
fn chapter_file(n: u32, title: &str, summary: &str, points: &[&str], text: &str) -> String {
    let points: String = points.iter().map(|p| format!("- {p}\n")).collect();
    format!(
        "---\ntitle: \"{n}. {title}\"\ntitleKr: \"{n}. {title}\"\nchapter: {n}\n---\n\n\
         ## 요약\n\n{summary}\n\n## 핵심 포인트\n\n{points}\n---\n\n## 전체 번역\n\n[{m}:00] {text}\n",
        m = (n - 1) * 10
    )
}

/// The files of a tiny course: its `course.yaml` and its chapter files
/// (in order, named as in `names`).
fn course_files<'a>(
    course: &'a str,
    names: &'a [String],
    chapters: &'a [String],
) -> Vec<(&'a str, &'a str)> {
    let mut files: Vec<(&str, &str)> = vec![("course.yaml", course)];
    files.extend(
        names
            .iter()
            .map(String::as_str)
            .zip(chapters.iter().map(String::as_str)),
    );
    files
}

/// The `course.yaml` of a tiny course `id` of five ten-minute chapters
/// (Alpha … Epsilon, 하나 … 다섯).
fn five_chapter_course(id: &str, title: &str, title_ko: &str) -> String {
    let chapters: String = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"]
        .iter()
        .zip(["하나", "둘", "셋", "넷", "다섯"])
        .enumerate()
        .map(|(i, (en, ko))| {
            format!(
                "  - {{ number: {n}, start: \"0:{m}0:00\", title: \"{en}\", title_ko: \"{ko}\" }}\n",
                n = i + 1,
                m = i
            )
        })
        .collect();
    format!(
        "id: {id}\ntitle: \"{title}\"\ntitle_ko: \"{title_ko}\"\nvideo: \"abcdefghijk\"\nduration: \"0:50:00\"\nchapters:\n{chapters}"
    )
}

/// Chapter file names `01.md`… for `n` chapters.
fn chapter_names(n: usize) -> Vec<String> {
    (1..=n).map(|n| format!("{n:02}.md")).collect()
}

/// A tiny course `id` without captions: its `course.yaml` and its chapter
/// files (in order, as `01.md`…).
fn uncaptioned(
    id: &str,
    course: &str,
    chapters: &[String],
    glossary: &Glossary,
) -> (Library, SearchIndex) {
    let names = chapter_names(chapters.len());
    crate::support::tiny_course(id, &course_files(course, &names, chapters), glossary)
}

/// A tiny captioned course `id`: its `course.yaml`, its chapter files (in
/// order, as `01.md`…) and its captions.
fn captioned(id: &str, course: &str, chapters: &[String], vtt: &str) -> (Library, SearchIndex) {
    let names = chapter_names(chapters.len());
    let captions = format!("captions/{id}.en.vtt");
    let mut files = course_files(course, &names, chapters);
    files.push((captions.as_str(), vtt));
    crate::support::tiny_captioned_course(id, &files, &Glossary::default())
}
