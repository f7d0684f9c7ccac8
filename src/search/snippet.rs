//! Snippets: about 140 characters of a field around a match, cut at word
//! boundaries (never inside a character), Markdown-escaped, with the matched
//! words in **bold** (only the stem: `**에이전트**는`).

use super::tokenize::for_each_token;
use crate::markdown::ESCAPED;

/// Visible characters of a snippet, before ellipses, escapes and bold marks.
pub(crate) const WINDOW: usize = 140;
/// How far before the match the window starts.
const LEAD: usize = 40;
/// How far a cut may move to reach a space.
const SLACK: usize = 14;

/// Byte ranges (start, end) of `text` to bold: every token for which
/// `matches` gives the number of leading characters to bold.
fn bold_ranges<'t>(
    text: &'t str,
    matches: &mut impl FnMut(&'t str) -> Option<usize>,
) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for_each_token(text, |t| {
        if let Some(n) = matches(t.text) {
            let n = n.clamp(1, t.chars);
            // A token is a slice of `text`: its bytes start where it does.
            let start = t.text.as_ptr() as usize - text.as_ptr() as usize;
            let len = t
                .text
                .char_indices()
                .nth(n)
                .map_or(t.text.len(), |(b, _)| b);
            out.push((start, start + len));
        }
    });
    out.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in out {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// The first character position in `text` of a token that `matches`.
pub(crate) fn first_match(
    text: &str,
    matches: &mut impl FnMut(&str) -> Option<usize>,
) -> Option<usize> {
    let mut found = None;
    for_each_token(text, |t| {
        if found.is_none() && matches(t.text).is_some() {
            found = Some(t.start);
        }
    });
    found
}

/// A snippet of `text` around character `center`, with matched words bold.
pub(crate) fn snippet<'t>(
    text: &'t str,
    center: usize,
    matches: &mut impl FnMut(&'t str) -> Option<usize>,
) -> String {
    // Only the characters around the window are looked at (passages can be
    // long): from a little before its start to its end.
    // In ASCII text (most caption windows) a character is a byte.
    let ascii = text.is_ascii();
    let len = if ascii {
        text.len()
    } else {
        text.chars().count()
    };
    let center = center.min(len);
    let (mut start, mut end) = if len <= WINDOW {
        (0, len)
    } else {
        let s = center.saturating_sub(LEAD).min(len - WINDOW);
        (s, s + WINDOW)
    };
    // Byte offsets of the window's ends: only the characters at its edges
    // are decoded (a paragraph may be long, the window is short).
    let (mut start_b, mut end_b) = (0, text.len());
    if start > 0 {
        start_b = if ascii {
            start
        } else {
            text.char_indices()
                .nth(start)
                .map_or(text.len(), |(b, _)| b)
        };
        let rest = text.get(start_b..).unwrap_or("");
        // Move forward to just after a space, if one is close and before the match.
        let stop = (start + SLACK).min(center).min(len);
        let space = rest
            .char_indices()
            .take(stop.saturating_sub(start))
            .enumerate()
            .find(|(_, (_, c))| c.is_whitespace());
        if let Some((k, (b, c))) = space {
            start += k + 1;
            start_b += b + c.len_utf8();
        }
    }
    if end < len {
        // Move back to a space, if one is close; else cut at `end`.
        let lo = end.saturating_sub(SLACK).max(start + 1);
        // ASCII text is entered at `lo` directly; other text is decoded up to it.
        let (skip_b, skip) = if ascii {
            (lo.saturating_sub(start), 0)
        } else {
            (0, lo.saturating_sub(start))
        };
        let from_b = start_b + skip_b;
        let rest = text.get(from_b..).unwrap_or("");
        let edge = rest
            .char_indices()
            .skip(skip)
            .take((end + 1).saturating_sub(lo))
            .enumerate()
            .map(|(k, (b, c))| (lo + k, from_b + b, c));
        let mut at_end = text.len();
        let mut space = None;
        for (i, b, c) in edge {
            if i == end {
                at_end = b;
            } else if c.is_whitespace() {
                space = Some((i, b));
            }
        }
        (end, end_b) = space.unwrap_or((end, at_end));
    }
    let window = text.get(start_b..end_b).unwrap_or("").trim_end();
    let bold = bold_ranges(window, matches);
    let mut out = String::with_capacity(window.len() + 16);
    if start > 0 {
        out.push('…');
    }
    // Whole runs between the bold marks, not character by character.
    let mut at = 0;
    for (s, e) in bold {
        push_escaped_str(&mut out, window.get(at..s).unwrap_or(""));
        out.push_str("**");
        push_escaped_str(&mut out, window.get(s..e).unwrap_or(""));
        out.push_str("**");
        at = e;
    }
    push_escaped_str(&mut out, window.get(at..).unwrap_or(""));
    if end < len {
        out.push('…');
    }
    out
}

/// Bytes that may start a character not pushed as itself: Markdown's
/// escaped characters, ASCII control characters, and `C2`, the lead byte of
/// the C1 control characters (U+0080–U+009F are `C2 80`–`C2 9F`).
const SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[0x7f] = true;
    table[0xc2] = true;
    let mut k = 0;
    while k < ESCAPED.len() {
        table[ESCAPED[k] as usize] = true;
        k += 1;
    }
    table
};

/// Pushes `text` with the one Markdown escape set applied (ASCII only: most
/// of a Korean snippet goes through untouched); control characters become
/// spaces. Runs of ordinary characters are copied whole.
fn push_escaped_str(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut from = 0;
    let mut i = 0;
    loop {
        while i < bytes.len() && !SPECIAL[usize::from(bytes[i])] {
            i += 1;
        }
        let Some(&b) = bytes.get(i) else {
            break;
        };
        let c1 = b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..0xa0).contains(n));
        if b == 0xc2 && !c1 {
            // Another character led by `C2` (`©`, `°`): pushed as it is.
            i += 1;
            continue;
        }
        out.push_str(text.get(from..i).unwrap_or(""));
        if c1 || b.is_ascii_control() {
            out.push(' ');
        } else {
            crate::markdown::push_escaped(out, char::from(b));
        }
        i += if c1 { 2 } else { 1 };
        from = i;
    }
    out.push_str(text.get(from..).unwrap_or(""));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(word: &'static str) -> impl FnMut(&str) -> Option<usize> {
        move |t: &str| t.starts_with(word).then_some(word.chars().count())
    }

    #[test]
    fn bolds_stems_and_escapes() {
        assert_eq!(
            snippet("AI 에이전트는 *일*을 한다", 3, &mut m("에이전트")),
            "AI **에이전트**는 \\*일\\*을 한다"
        );
    }

    #[test]
    fn windows_long_text_at_spaces() {
        let text = "가나다 ".repeat(100) + "에이전트 " + &"라마바 ".repeat(100);
        let s = snippet(&text, 400, &mut m("에이전트"));
        assert!(s.starts_with('…') && s.ends_with('…'));
        assert!(s.contains("**에이전트**"));
        assert!(s.chars().count() <= WINDOW + 6);
        assert!(!s.contains("…가나다 가") || s.contains(' '));
    }

    #[test]
    fn handles_edges() {
        assert_eq!(snippet("", 10, &mut m("x")), "");
        assert_eq!(snippet("x", 10, &mut m("x")), "**x**");
    }
}
