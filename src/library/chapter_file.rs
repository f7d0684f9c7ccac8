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

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::library::diagnostics::Diagnostic;
use crate::library::model::{BodyKind, KeyPoint, Paragraph};
use crate::timecode::{parse_time, parse_youtube_url, Seconds};
use crate::yaml::{self, Scalar};

/// Highest chapter number accepted; anything above is a typo or garbage.
pub const MAX_CHAPTER: u32 = 999;

/// Front-matter keys that real chapter files use. Others get a warning.
const KNOWN_KEYS: &[&str] = &[
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

/// Splits `---\n…\n---\n` off the top. Returns the YAML, the body and the
/// 1-based line the body starts on.
fn split_front_matter<'a>(
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

fn read_front_matter(
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

fn read_number(value: &Scalar) -> Option<u32> {
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
fn key_line(yaml_text: &str, key: &str) -> usize {
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

/// The part of the file a block belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Preamble,
    Summary,
    KeyPoints,
    Body(BodyKind),
    Other,
}

fn classify_heading(text: &str) -> Option<Section> {
    let key = heading_key(text);
    Some(match key.as_str() {
        "요약" | "이챕터요약" | "챕터요약" | "summary" | "개요" => Section::Summary,
        "핵심포인트" | "핵심개념" | "핵심정리" | "keypoints" | "핵심" => {
            Section::KeyPoints
        }
        "전체번역" | "번역" | "translation" | "본문" | "한국어번역" => {
            Section::Body(BodyKind::Translation)
        }
        "영어원문트랜스크립트"
        | "트랜스크립트"
        | "영어원문"
        | "원문"
        | "transcript"
        | "englishtranscript" => Section::Body(BodyKind::Transcript),
        _ => return None,
    })
}

/// A heading or label reduced for comparison: no spaces, punctuation, or
/// parenthesised remark, lowercased.
fn heading_key(text: &str) -> String {
    let text = match text.find(['(', '（']) {
        Some(i) if i > 0 => &text[..i],
        _ => text,
    };
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A block of inline content being collected.
#[derive(Default)]
struct Block {
    text: String,
    /// Text of a bold run that opens the block, if any.
    lead_strong: Option<String>,
    strong_depth: usize,
    in_lead: bool,
    start: usize,
}

impl Block {
    fn push(&mut self, s: &str) {
        if self.in_lead {
            if let Some(lead) = &mut self.lead_strong {
                lead.push_str(s);
            }
        }
        self.text.push_str(s);
    }
}

struct BodyReader<'a> {
    file: &'a mut ChapterFile,
    diags: &'a mut Vec<Diagnostic>,
    line_starts: Vec<usize>,
    first_line: usize,
    section: Section,
    /// The body kind that was chosen (the first body section wins; a Korean
    /// translation always wins over a transcript).
    summary_parts: Vec<String>,
    lead_summary: Option<String>,
    transcript: Vec<(String, usize)>,
    translation: Vec<(String, usize)>,
    saw: [bool; 3],
    key_points_label: bool,
}

impl BodyReader<'_> {
    fn line(&self, offset: usize) -> usize {
        self.first_line + self.line_starts.partition_point(|&s| s <= offset) - 1
    }

    fn paragraph(&mut self, block: Block, in_list: bool) {
        let line = self.line(block.start);
        let text = block.text.trim().to_string();
        if text.is_empty() {
            return;
        }
        // A bold label line such as `**핵심 포인트:**` switches to key points.
        if let Some(lead) = &block.lead_strong {
            let whole_label =
                text.trim_end_matches(':').trim() == lead.trim_end_matches(':').trim();
            if whole_label && !in_list {
                if classify_heading(lead) == Some(Section::KeyPoints) {
                    self.key_points_label = true;
                    self.saw[1] = true;
                    return;
                }
                if let Some(s @ Section::Body(_)) = classify_heading(lead) {
                    self.section = s;
                    return;
                }
            }
            // `**요약**: …` heading a translation is a summary, not translation.
            if !in_list
                && matches!(self.section, Section::Body(_))
                && classify_heading(lead) == Some(Section::Summary)
            {
                let rest = text[lead.len().min(text.len())..]
                    .trim_start_matches([':', ' '])
                    .trim();
                if self.lead_summary.is_none() && !rest.is_empty() {
                    self.lead_summary = Some(rest.to_string());
                }
                return;
            }
        }
        let key_point_item =
            in_list && (self.section == Section::KeyPoints || self.key_points_label);
        if key_point_item {
            self.file
                .key_points
                .push(key_point(&text, block.lead_strong.as_deref()));
            return;
        }
        let shown = if in_list { format!("- {text}") } else { text };
        match self.section {
            Section::Summary | Section::KeyPoints => self.summary_parts.push(shown),
            Section::Body(BodyKind::Translation) => self.translation.push((shown, line)),
            Section::Body(BodyKind::Transcript) => self.transcript.push((shown, line)),
            Section::Preamble | Section::Other => {}
        }
    }

    fn heading(&mut self, text: &str, level: pulldown_cmark::HeadingLevel, start: usize) {
        self.key_points_label = false;
        match classify_heading(text) {
            Some(section) => {
                match section {
                    Section::Summary => self.saw[0] = true,
                    Section::KeyPoints => self.saw[1] = true,
                    Section::Body(_) => {
                        self.saw[2] = true;
                        if self.file.body_line == 0 {
                            self.file.body_line = self.line(start);
                        }
                    }
                    _ => {}
                }
                self.section = section;
            }
            // Sub-headings inside a translation or transcript are part of it.
            None if matches!(self.section, Section::Body(_))
                && level > pulldown_cmark::HeadingLevel::H1 => {}
            None if level == pulldown_cmark::HeadingLevel::H1
                && self.section == Section::Preamble => {}
            None => self.section = Section::Other,
        }
    }
}

fn key_point(text: &str, lead: Option<&str>) -> KeyPoint {
    if let Some(term) = lead.map(str::trim).filter(|t| !t.is_empty()) {
        if let Some(rest) = text.strip_prefix(term) {
            let detail = rest
                .trim_start()
                .trim_start_matches([':', '：', '-', '—', '–'])
                .trim();
            return KeyPoint {
                term: Some(term.trim_end_matches(':').trim().to_string()),
                detail: detail.to_string(),
            };
        }
    }
    KeyPoint {
        term: None,
        detail: text.to_string(),
    }
}

fn read_body(file: &mut ChapterFile, body: &str, first_line: usize, diags: &mut Vec<Diagnostic>) {
    let mut line_starts = vec![0];
    line_starts.extend(body.match_indices('\n').map(|(i, _)| i + 1));
    let path = file.path.clone();
    let mut r = BodyReader {
        file,
        diags,
        line_starts,
        first_line,
        section: Section::Preamble,
        summary_parts: Vec::new(),
        lead_summary: None,
        transcript: Vec::new(),
        translation: Vec::new(),
        saw: [false; 3],
        key_points_label: false,
    };
    let mut stack: Vec<Block> = Vec::new();
    let mut list_depth = 0usize;
    let mut heading: Option<(String, pulldown_cmark::HeadingLevel, usize)> = None;
    for (event, range) in Parser::new(body).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((String::new(), level, range.start))
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((text, level, start)) = heading.take() {
                    r.heading(text.trim(), level, start);
                }
            }
            Event::Start(Tag::Paragraph) if list_depth == 0 => stack.push(Block {
                start: range.start,
                ..Block::default()
            }),
            Event::End(TagEnd::Paragraph) if list_depth == 0 => {
                if let Some(b) = stack.pop() {
                    r.paragraph(b, false);
                }
            }
            Event::Start(Tag::Paragraph) => {
                // Paragraphs inside list items run together with a space.
                if let Some(b) = stack.last_mut() {
                    if !b.text.is_empty() {
                        b.push(" ");
                    }
                }
            }
            Event::Start(Tag::List(_)) => list_depth += 1,
            Event::End(TagEnd::List(_)) => list_depth = list_depth.saturating_sub(1),
            Event::Start(Tag::Item) => {
                if list_depth <= 1 {
                    stack.push(Block {
                        start: range.start,
                        ..Block::default()
                    });
                } else if let Some(b) = stack.last_mut() {
                    b.push(" — ");
                }
            }
            Event::End(TagEnd::Item) if list_depth <= 1 => {
                if let Some(b) = stack.pop() {
                    r.paragraph(b, true);
                }
            }
            Event::Start(Tag::Strong) => {
                if let Some(b) = stack.last_mut() {
                    if b.text.trim().is_empty() && b.lead_strong.is_none() {
                        b.lead_strong = Some(String::new());
                        b.in_lead = true;
                    }
                    b.strong_depth += 1;
                }
            }
            Event::End(TagEnd::Strong) => {
                if let Some(b) = stack.last_mut() {
                    b.strong_depth = b.strong_depth.saturating_sub(1);
                    if b.strong_depth == 0 {
                        b.in_lead = false;
                    }
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = &mut heading {
                    h.0.push_str(&t);
                } else if let Some(b) = stack.last_mut() {
                    b.push(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(b) = stack.last_mut() {
                    b.push(" ");
                }
            }
            _ => {}
        }
    }
    finish(r, &path);
}

fn finish(r: BodyReader<'_>, path: &str) {
    let BodyReader {
        file,
        diags,
        summary_parts,
        lead_summary,
        transcript,
        translation,
        saw,
        ..
    } = r;
    file.summary = summary_parts.join("\n\n");
    if file.summary.is_empty() {
        file.summary = lead_summary.unwrap_or_default();
    } else {
        file.lead_summary = lead_summary;
    }
    let (paragraphs, kind) = if !translation.is_empty() || transcript.is_empty() {
        (translation, BodyKind::Translation)
    } else {
        (transcript, BodyKind::Transcript)
    };
    file.body_kind = kind;
    let mut offset = 0;
    for (raw, line) in paragraphs {
        let (text, found) = lift_markers(&raw);
        if text.is_empty() {
            continue;
        }
        if !file.body.is_empty() {
            offset += 2;
        }
        file.markers
            .extend(found.into_iter().map(|(pos, seconds)| Marker {
                pos: offset + pos,
                seconds,
                line,
            }));
        let chars = text.chars().count();
        file.body.push(Paragraph { text, line, offset });
        offset += chars;
    }
    file.body_chars = offset;
    if file.body_line == 0 {
        file.body_line = file.body.first().map_or(1, |p| p.line);
    }
    file.placeholder = is_placeholder(&file.body);
    if !saw[0] && file.summary.is_empty() {
        diags.push(Diagnostic::warning(
            path,
            1,
            "no summary section (`## 요약`)",
        ));
    }
    if !saw[1] && file.key_points.is_empty() {
        diags.push(Diagnostic::warning(
            path,
            1,
            "no key points (`## 핵심 포인트`)",
        ));
    }
    if file.body.is_empty() {
        diags.push(Diagnostic::warning(
            path,
            file.body_line,
            "no translation (`## 전체 번역`): the chapter can't be read or searched in full",
        ));
    } else if kind == BodyKind::Transcript {
        diags.push(Diagnostic::warning(
            path,
            file.body_line,
            "no Korean translation (`## 전체 번역`); the English transcript is served instead",
        ));
    }
    if file.placeholder {
        diags.push(Diagnostic::warning(
            path,
            file.body_line,
            format!(
                "the translation is a placeholder ({:?}); readers are told it is not available yet",
                file.body
                    .first()
                    .map(|p| crate::cut::truncate(&p.text, 60))
                    .unwrap_or_default()
            ),
        ));
    }
}

/// Removes `[h:mm:ss]` / `[m:ss]` markers from a paragraph, returning the
/// cleaned text and each marker's character position in it.
pub fn lift_markers(raw: &str) -> (String, Vec<(usize, Seconds)>) {
    let mut out = String::with_capacity(raw.len());
    let mut found = Vec::new();
    let mut out_chars = 0usize;
    let mut rest = raw;
    while let Some(open) = rest.find('[') {
        let before = &rest[..open];
        out.push_str(before);
        out_chars += before.chars().count();
        let after = &rest[open + 1..];
        let marker = after
            .find(']')
            .filter(|&close| close <= 9)
            .and_then(|close| {
                let inner = &after[..close];
                let ok =
                    inner.contains(':') && inner.chars().all(|c| c.is_ascii_digit() || c == ':');
                ok.then(|| parse_time(inner).ok().map(|t| (t, close)))
                    .flatten()
            });
        match marker {
            Some((seconds, close)) => {
                found.push((out_chars, seconds));
                rest = after[close + 1..].trim_start_matches(' ');
            }
            None => {
                out.push('[');
                out_chars += 1;
                rest = after;
            }
        }
    }
    out.push_str(rest);
    let trimmed_start = out.len() - out.trim_start().len();
    if trimmed_start > 0 {
        let removed = out[..trimmed_start].chars().count();
        for f in &mut found {
            f.0 = f.0.saturating_sub(removed);
        }
    }
    let text = out.trim().to_string();
    let len = text.chars().count();
    for f in &mut found {
        f.0 = f.0.min(len);
    }
    (text, found)
}

/// A body that is only a note saying the translation is elsewhere or pending.
fn is_placeholder(body: &[Paragraph]) -> bool {
    let total: usize = body.iter().map(|p| p.text.chars().count()).sum();
    if body.is_empty() || body.len() > 2 || total > 300 {
        return false;
    }
    let text: String = body
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let t = text.trim();
    let wrapped =
        (t.starts_with('(') && t.ends_with(')')) || (t.starts_with('[') && t.ends_with(']'));
    const HINTS: &[&str] = &[
        "처리됩니다",
        "번역 예정",
        "준비 중",
        "작성 중",
        "추후",
        "todo",
        "tbd",
        "placeholder",
        "coming soon",
        "to be translated",
    ];
    let lower = t.to_lowercase();
    wrapped || HINTS.iter().any(|h| lower.contains(h))
}
