//! The Markdown body of a chapter file, read with pulldown-cmark into summary,
//! key points and translation paragraphs (source lines kept for diagnostics),
//! with a placeholder translation recognised as one.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::sections::{classify_heading, Section};
use super::time_markers::lift_markers;
use super::{ChapterFile, Marker};
use crate::library::diagnostics::Diagnostic;
use crate::library::model::{BodyKind, KeyPoint, Paragraph};

/// A block of inline content being collected.
#[derive(Default)]
pub(super) struct Block {
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

pub(super) struct BodyReader<'a> {
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

pub(super) fn key_point(text: &str, lead: Option<&str>) -> KeyPoint {
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

pub(super) fn read_body(
    file: &mut ChapterFile,
    body: &str,
    first_line: usize,
    diags: &mut Vec<Diagnostic>,
) {
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

pub(super) fn finish(r: BodyReader<'_>, path: &str) {
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
        file.body.push(Paragraph {
            text,
            line,
            offset,
            spoken: None,
        });
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

/// A body that is only a note saying the translation is elsewhere or pending.
pub(super) fn is_placeholder(body: &[Paragraph]) -> bool {
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
