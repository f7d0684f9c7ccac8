//! The whole lecture in one file (`_index.md`): course front matter, then
//! every chapter inside it.
//!
//! Two real shapes exist. The Korean one has `## 챕터별 요약` with one
//! `### N. 제목 (m:ss)` section per chapter (summary and `**핵심 포인트:**`),
//! then `## 전체 번역` with one `### N. 제목` section per chapter. The English
//! transcript has a table of contents with starts, then one `## N. Title`
//! section per chapter with `[m:ss]` markers.
//!
//! Rather than parse chapters a second way, each chapter is cut out into a
//! [`Mapped`] chapter text and run through the chapter-file parser, with every
//! line number mapped back to this file so diagnostics point at `_index.md`.
//! Pure: bytes in, course metadata, chapter files and diagnostics out.

mod course_meta;

pub use course_meta::{front_matter, read_course_meta, CourseMeta};

use crate::library::chapter_file::{strip_number_prefix, ChapterFile};
use crate::library::diagnostics::Diagnostic;
use crate::library::mapped::Mapped;
use crate::timecode::{format_time, parse_time, Seconds};

/// A parsed `_index.md`.
#[derive(Debug, Clone, Default)]
pub struct LectureDoc {
    pub meta: CourseMeta,
    pub chapters: Vec<ChapterFile>,
}

/// Which part of the document a line is in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Other,
    Contents,
    Summaries,
    Translation,
}

/// One chapter as gathered from the document's sections.
#[derive(Default)]
struct Gathered {
    number: u32,
    title: Option<String>,
    start: Option<Seconds>,
    line: usize,
    /// Its text came from an English `## N. Title` transcript section.
    transcript: bool,
    summary: Option<(usize, Vec<(String, usize)>)>,
    body: Option<(usize, Vec<(String, usize)>)>,
}

/// Parses a course document. `Err` holds the errors that make it unusable.
pub fn parse_lecture_doc(
    path: &str,
    text: &str,
) -> Result<(LectureDoc, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let Some((yaml_text, yaml_line, body_line)) = front_matter(text) else {
        return Err(vec![Diagnostic::error(
            path,
            1,
            "course document without front matter: it starts with `---`, then `title`, `sourceUrl`, `duration`, then `---`",
        )]);
    };
    let Some((meta, _)) = read_course_meta(path, &yaml_text, yaml_line, &mut diags) else {
        return Err(diags);
    };
    let mut gathered: Vec<Gathered> = Vec::new();
    let mut part = Part::Other;
    let mut current: Option<usize> = None;
    let mut in_fence = false;
    for (i, raw) in text.lines().enumerate().skip(body_line - 1) {
        let line = i + 1;
        let trimmed = raw.trim();
        if trimmed.starts_with("```") {
            in_fence = !in_fence;
        }
        if !in_fence {
            if let Some(h) = trimmed.strip_prefix("## ") {
                current = None;
                part = match key(h).as_str() {
                    "챕터별요약" | "chaptersummaries" => Part::Summaries,
                    "전체번역" | "번역" | "translation" => Part::Translation,
                    "목차" | "tableofcontents" | "contents" => Part::Contents,
                    _ => match numbered(h) {
                        Some((n, title, start)) => {
                            let g = chapter(&mut gathered, n, line);
                            fill(g, title, start);
                            g.line = line;
                            g.transcript = true;
                            g.body.get_or_insert((line, Vec::new()));
                            current = Some(n as usize);
                            Part::Other
                        }
                        None => Part::Other,
                    },
                };
                continue;
            }
            if let Some(h) = trimmed.strip_prefix("### ") {
                current = None;
                if key(h) == "목차" {
                    part = Part::Contents;
                    continue;
                }
                if let Some((n, title, start)) = numbered(h) {
                    let g = chapter(&mut gathered, n, line);
                    fill(g, title, start);
                    if g.summary.is_none() && g.body.is_none() && part != Part::Other {
                        g.line = line;
                    }
                    match part {
                        Part::Summaries => {
                            g.summary.get_or_insert((line, Vec::new()));
                        }
                        Part::Translation | Part::Contents => {
                            part = Part::Translation;
                            g.body.get_or_insert((line, Vec::new()));
                        }
                        Part::Other => {}
                    }
                    current = (part != Part::Other).then_some(n as usize);
                }
                continue;
            }
            if part == Part::Contents {
                if let Some((n, title, start)) = contents_entry(trimmed) {
                    fill(chapter(&mut gathered, n, line), title, start);
                }
                continue;
            }
            if trimmed.starts_with("# ") || is_rule(trimmed) || trimmed.starts_with("<!--") {
                continue;
            }
            if let Some(t) = trimmed
                .strip_prefix("**시간**:")
                .and_then(|t| parse_time(t).ok())
            {
                if let Some(g) = current.and_then(|n| find(&mut gathered, n as u32)) {
                    g.start.get_or_insert(t);
                }
                continue;
            }
        }
        let Some(g) = current.and_then(|n| find(&mut gathered, n as u32)) else {
            continue;
        };
        let section = if part == Part::Summaries {
            &mut g.summary
        } else {
            &mut g.body
        };
        if let Some((_, lines)) = section {
            lines.push((raw.to_string(), line));
        }
    }
    gathered.retain(|g| g.summary.is_some() || g.body.is_some());
    if gathered.is_empty() {
        return Err(vec![Diagnostic::error(
            path,
            body_line,
            "course document without chapters: it needs `### N. 제목 (m:ss)` sections under `## 챕터별 요약` / `## 전체 번역`, or `## N. Title` transcript sections",
        )]);
    }
    let mut chapters = Vec::new();
    for g in gathered {
        let mapped = chapter_text(&g, &meta);
        match mapped.parse(path) {
            Ok((file, warnings)) => {
                diags.extend(warnings);
                chapters.push(file);
            }
            Err(errors) => diags.extend(errors),
        }
    }
    Ok((LectureDoc { meta, chapters }, diags))
}

/// Builds one chapter's text in the chapter-file format, each line mapped
/// back to where it came from.
fn chapter_text(g: &Gathered, meta: &CourseMeta) -> Mapped {
    let mut m = Mapped::default();
    m.push("---", g.line);
    m.push(&format!("chapter: {}", g.number), g.line);
    if let Some(title) = &g.title {
        let key = if crate::hangul::has_syllable(title) {
            "titleKr"
        } else {
            "title"
        };
        m.push(&format!("{key}: {}", quote(title)), g.line);
    }
    if let Some(start) = g.start {
        m.push(&format!("timestamp: \"{}\"", format_time(start)), g.line);
    }
    if let Some((video, line)) = &meta.video {
        m.push(
            &format!("sourceUrl: \"https://www.youtube.com/watch?v={video}\""),
            *line,
        );
    }
    m.push("---", g.line);
    if let Some((line, lines)) = &g.summary {
        m.push("## 요약", *line);
        for (text, l) in lines {
            m.push(text, *l);
        }
    }
    if let Some((line, lines)) = &g.body {
        let heading = if g.transcript {
            "## 영어 원문 트랜스크립트"
        } else {
            "## 전체 번역"
        };
        m.push(heading, *line);
        for (text, l) in lines {
            m.push(text, *l);
        }
    }
    m
}

/// A YAML double-quoted string.
fn quote(s: &str) -> String {
    let escaped: String = s
        .chars()
        .filter(|c| !c.is_control())
        .flat_map(|c| match c {
            '"' => vec!['\\', '"'],
            '\\' => vec!['\\', '\\'],
            c => vec![c],
        })
        .collect();
    format!("\"{escaped}\"")
}

fn chapter(gathered: &mut Vec<Gathered>, number: u32, line: usize) -> &mut Gathered {
    let i = match gathered.iter().position(|g| g.number == number) {
        Some(i) => i,
        None => {
            gathered.push(Gathered {
                number,
                line,
                ..Gathered::default()
            });
            gathered.len() - 1
        }
    };
    &mut gathered[i]
}

fn find(gathered: &mut [Gathered], number: u32) -> Option<&mut Gathered> {
    gathered.iter_mut().find(|g| g.number == number)
}

fn fill(g: &mut Gathered, title: String, start: Option<Seconds>) {
    if g.title.is_none() && !title.is_empty() {
        g.title = Some(title);
    }
    if g.start.is_none() {
        g.start = start;
    }
}

/// `N. 제목 (m:ss)` → number, title and start.
fn numbered(heading: &str) -> Option<(u32, String, Option<Seconds>)> {
    let digits = heading.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || !heading[digits..].starts_with('.') {
        return None;
    }
    let number: u32 = heading[..digits].parse().ok().filter(|n| *n >= 1)?;
    let rest = strip_number_prefix(heading);
    let (title, start) = trailing_time(&rest);
    Some((number, title, start))
}

/// `N. [Title](#anchor) (m:ss)` in a table of contents.
fn contents_entry(line: &str) -> Option<(u32, String, Option<Seconds>)> {
    let (number, rest, start) = numbered(line)?;
    let title = match (rest.find('['), rest.find("](")) {
        (Some(open), Some(close)) if open < close => rest[open + 1..close].to_string(),
        _ => rest,
    };
    Some((number, title.trim().to_string(), start))
}

/// Splits a trailing `(m:ss)` off a title.
fn trailing_time(text: &str) -> (String, Option<Seconds>) {
    let t = text.trim();
    if let Some(open) = t.strip_suffix(')').and_then(|s| s.rfind('(')) {
        if let Ok(start) = parse_time(&t[open + 1..t.len() - 1]) {
            return (t[..open].trim().to_string(), Some(start));
        }
    }
    (t.to_string(), None)
}

fn is_rule(line: &str) -> bool {
    line.len() >= 3
        && (line.chars().all(|c| c == '-')
            || line.chars().all(|c| c == '*')
            || line.chars().all(|c| c == '_'))
}

/// A heading reduced for comparison: letters and digits only, lowercased.
fn key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}
