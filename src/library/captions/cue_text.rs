//! One line of cue text to timed words: inline `<hh:mm:ss.mmm>` timestamps
//! set the time of the words after them; other tags (`<c>`, `<i>`, `<v Name>`)
//! are dropped, entities decoded and `[Music]`-style sound labels removed.

use super::timestamp::parse_timestamp;

/// A run of text and the inline time it started at (`None`: before any).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub at_ms: Option<u64>,
    pub words: Vec<String>,
}

/// Splits a cue line into segments at its inline timestamps. Linear in the line.
pub fn segments(line: &str) -> Vec<Segment> {
    let mut out = vec![Segment {
        at_ms: None,
        words: Vec::new(),
    }];
    let mut text = String::new();
    let mut rest = line;
    while let Some(open) = rest.find('<') {
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        text.push_str(&rest[..open]);
        let inner = &rest[open + 1..open + close];
        rest = &rest[open + close + 1..];
        if let Ok(ms) = parse_timestamp(inner) {
            push_words(out.last_mut(), &text);
            text.clear();
            out.push(Segment {
                at_ms: Some(ms),
                words: Vec::new(),
            });
        } else {
            // A tag such as `<c>` or `</i>` separates nothing but itself.
        }
    }
    text.push_str(rest);
    push_words(out.last_mut(), &text);
    out.retain(|s| !s.words.is_empty() || s.at_ms.is_some());
    out
}

/// The visible words of a line, tags and timestamps removed.
pub fn plain_text(line: &str) -> String {
    segments(line)
        .into_iter()
        .flat_map(|s| s.words)
        .collect::<Vec<_>>()
        .join(" ")
}

fn push_words(segment: Option<&mut Segment>, raw: &str) {
    let Some(segment) = segment else { return };
    let cleaned = drop_sound_labels(&decode_entities(raw));
    segment.words.extend(
        cleaned
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .map(str::to_string),
    );
}

/// `&amp;`, `&lt;`, `&gt;`, `&nbsp;`, `&quot;`, `&apos;` and numeric forms.
/// Unknown entities stay as written.
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..]
            .char_indices()
            .take(10)
            .find(|&(_, c)| c == ';' || c == '&')
            .filter(|&(_, c)| c == ';')
            .map(|(i, _)| i + 1);
        let decoded = end.and_then(|end| entity(&rest[1..end]).map(|c| (c, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "nbsp" | "#160" => Some(' '),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let code = if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok()?
            } else {
                name.strip_prefix('#')?.parse().ok()?
            };
            char::from_u32(code)
        }
    }
}

/// Removes `[Music]`, `[Applause]`, `[laughter]`: bracketed sound labels.
fn drop_sound_labels(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']') else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push(' ');
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}
