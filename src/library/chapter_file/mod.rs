//! Reading one chapter notes file: front matter, then the Markdown body split
//! into summary, key points and translation (or transcript), with inline time
//! markers lifted out as anchors.
//!
//! Real authors vary the format (see `../shared/corpus/deep-dive-llms`), so this
//! accepts the variants seen there: key points under a heading or a bold label
//! line, `source_url` for `sourceUrl`, `m:ss` timestamps, a stray `**요약**: …`
//! lead paragraph, and an English transcript in place of a translation.
//! Structure comes from pulldown-cmark; source lines are kept for diagnostics.
//! Pure: bytes in, a parsed file and diagnostics out.
//!
//! Here: the parsed file's types and the bytes-to-text step; then
//! `front_matter`, `body` (split by `sections`) and `time_markers`.

mod body;
mod front_matter;
mod sections;
mod time_markers;

pub use front_matter::strip_number_prefix;
pub use time_markers::lift_markers;

use crate::library::diagnostics::Diagnostic;
use crate::library::model::{BodyKind, KeyPoint, Paragraph};
use crate::timecode::Seconds;
use body::read_body;
use front_matter::{read_front_matter, split_front_matter};

/// Highest chapter number accepted; anything above is a typo or garbage.
pub const MAX_CHAPTER: u32 = 999;

/// A chapter file after parsing, before it is checked against its course.
#[derive(Debug, Clone, Default)]
pub struct ChapterFile {
    pub path: String,
    pub number: u32,
    /// Line of the `chapter:` key (for "two files claim chapter N").
    pub number_line: usize,
    pub title: Option<String>,
    pub title_ko: Option<String>,
    /// `timestamp:` value and its line.
    pub timestamp: Option<(Seconds, usize)>,
    /// Video id and `t=` from `sourceUrl`, and the line.
    pub source: Option<(String, Option<Seconds>, usize)>,
    pub translated_at: Option<String>,
    pub summary: String,
    /// A `**요약**: …` paragraph heading the translation, when there is also a
    /// summary section (otherwise it is the summary).
    pub lead_summary: Option<String>,
    pub key_points: Vec<KeyPoint>,
    pub body: Vec<Paragraph>,
    pub body_kind: BodyKind,
    pub body_chars: usize,
    /// Time markers found in the body, not yet checked against the chapter span.
    pub markers: Vec<Marker>,
    pub placeholder: bool,
    /// Line of the body's heading (or of its first paragraph).
    pub body_line: usize,
}

/// An inline time marker such as `[3:07:00]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    /// Character offset in the body text.
    pub pos: usize,
    pub seconds: Seconds,
    pub line: usize,
}

/// Parses one chapter file. `Err` holds the errors that make the file unusable;
/// `Ok` carries warnings alongside the parsed file.
pub fn parse_chapter_file(
    path: &str,
    bytes: &[u8],
) -> Result<(ChapterFile, Vec<Diagnostic>), Vec<Diagnostic>> {
    let text = decode(path, bytes)?;
    let (front, body, body_first_line) = split_front_matter(path, &text)?;
    let mut diags = Vec::new();
    let mut file = read_front_matter(path, front, &mut diags)?;
    read_body(&mut file, body, body_first_line, &mut diags);
    Ok((file, diags))
}

/// Bytes to text: a BOM is dropped, CRLF becomes LF, binary and invalid UTF-8 are errors.
fn decode(path: &str, bytes: &[u8]) -> Result<String, Vec<Diagnostic>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(vec![Diagnostic::error(path, 1, "the file is empty")]);
    }
    if bytes.contains(&0) {
        let line = 1 + bytes
            .iter()
            .take_while(|&&b| b != 0)
            .filter(|&&b| b == b'\n')
            .count();
        return Err(vec![Diagnostic::error(
            path,
            line,
            "the file looks binary (it contains NUL bytes), not Markdown",
        )]);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.replace("\r\n", "\n").replace('\r', "\n")),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = 1 + good.iter().filter(|&&b| b == b'\n').count();
            Err(vec![Diagnostic::error(
                path,
                line,
                format!(
                    "invalid UTF-8 at byte {}; save the file as UTF-8",
                    e.valid_up_to()
                ),
            )])
        }
    }
}
