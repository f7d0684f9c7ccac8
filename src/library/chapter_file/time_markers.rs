//! Inline time markers (`[3:07:00]`, `[2:15]`) lifted out of a paragraph's
//! text, with where each stood.

use crate::timecode::{parse_time, Seconds};

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
