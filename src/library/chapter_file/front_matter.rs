//! The YAML front matter of a chapter file: split off the top, read into the
//! chapter's number, titles, timestamp and source, unknown keys warned about.

use super::{ChapterFile, MAX_CHAPTER};
use crate::library::diagnostics::Diagnostic;
use crate::timecode::{parse_time, parse_youtube_url};
use crate::yaml::{self, Scalar};

/// Front-matter keys that real chapter files use. Others get a warning.
pub(super) const KNOWN_KEYS: &[&str] = &[
    "title",
    "titleKr",
    "title_kr",
    "titleKo",
    "title_ko",
    "chapter",
    "timestamp",
    "sourceUrl",
    "source_url",
    "translatedAt",
    "translated_at",
    "source_type",
    "author",
    "parent",
    "totalChapters",
];

/// Splits `---\n…\n---\n` off the top. Returns the YAML, the body and the
/// 1-based line the body starts on.
pub(super) fn split_front_matter<'a>(
    path: &str,
    text: &'a str,
) -> Result<(&'a str, &'a str, usize), Vec<Diagnostic>> {
    let Some(rest) = text.strip_prefix("---\n") else {
        return Err(vec![Diagnostic::error(
            path,
            1,
            "no front matter: a chapter file starts with `---`, then `chapter: N` and the other keys, then `---`",
        )]);
    };
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let yaml = &rest[..offset];
            let body = &rest[offset + line.len()..];
            return Ok((yaml, body, i + 3));
        }
        offset += line.len();
    }
    Err(vec![Diagnostic::error(
        path,
        1,
        "the front matter is not closed: add a line `---` after the last key",
    )])
}

pub(super) fn read_front_matter(
    path: &str,
    yaml_text: &str,
    diags: &mut Vec<Diagnostic>,
) -> Result<ChapterFile, Vec<Diagnostic>> {
    let entries = yaml::parse_front_matter(yaml_text).map_err(|e| {
        vec![Diagnostic::error(
            path,
            e.line.map_or(1, |l| l + 1),
            format!("broken front matter: {}", e.message),
        )]
    })?;
    let line_of = |key: &str| key_line(yaml_text, key);
    let mut file = ChapterFile {
        path: path.to_string(),
        ..ChapterFile::default()
    };
    let mut number = None;
    for (key, value) in &entries {
        let line = line_of(key);
        let text = value.as_text().map(|s| s.trim().to_string());
        match key.as_str() {
            "chapter" => number = Some((read_number(value), line)),
            "title" => file.title = text.map(|t| strip_number_prefix(&t)),
            "titleKr" | "title_kr" | "titleKo" | "title_ko" => {
                file.title_ko = text.map(|t| strip_number_prefix(&t))
            }
            "timestamp" => match text.as_deref().map(parse_time) {
                Some(Ok(t)) => file.timestamp = Some((t, line)),
                _ => diags.push(Diagnostic::warning(
                    path,
                    line,
                    format!("`timestamp` is not a time: {:?}", text.unwrap_or_default()),
                )),
            },
            "sourceUrl" | "source_url" => match text.as_deref().and_then(parse_youtube_url) {
                Some((id, t)) => file.source = Some((id, t, line)),
                None => diags.push(Diagnostic::warning(
                    path,
                    line,
                    format!("`{key}` is not a YouTube link"),
                )),
            },
            "translatedAt" | "translated_at" => file.translated_at = text,
            k if KNOWN_KEYS.contains(&k) => {}
            other => diags.push(Diagnostic::warning(
                path,
                line,
                format!("unknown front-matter key `{other}`"),
            )),
        }
    }
    match number {
        Some((Some(n), line)) => {
            file.number = n;
            file.number_line = line;
        }
        Some((None, line)) => {
            return Err(vec![Diagnostic::error(
                path,
                line,
                format!("`chapter` must be a whole number from 1 to {MAX_CHAPTER}"),
            )])
        }
        None => {
            return Err(vec![Diagnostic::error(
                path,
                1,
                "missing chapter number: add `chapter: N` to the front matter",
            )])
        }
    }
    Ok(file)
}

pub(super) fn read_number(value: &Scalar) -> Option<u32> {
    let n: i64 = match value {
        Scalar::Integer(i) => *i,
        Scalar::Text(s) => s.trim().parse().ok()?,
        _ => return None,
    };
    u32::try_from(n)
        .ok()
        .filter(|n| (1..=MAX_CHAPTER).contains(n))
}

/// 1-based line (within the file) of a top-level key in the front matter.
pub(super) fn key_line(yaml_text: &str, key: &str) -> usize {
    yaml_text
        .lines()
        .position(|l| {
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map_or(1, |i| i + 2)
}

/// `"21. Preview of Things to Come"` → `"Preview of Things to Come"`.
pub fn strip_number_prefix(title: &str) -> String {
    let t = title.trim();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        let rest = &t[digits..];
        if let Some(rest) = rest.strip_prefix('.').or_else(|| rest.strip_prefix(')')) {
            if !rest.trim().is_empty() {
                return rest.trim().to_string();
            }
        }
    }
    t.to_string()
}
