//! Snippets: about 140 characters of a field around a match, cut at word
//! boundaries (never inside a character), Markdown-escaped, with the matched
//! words in **bold** (only the stem: `**에이전트**는`).

use super::tokenize::for_each_token;

/// Visible characters of a snippet, before ellipses, escapes and bold marks.
pub(crate) const WINDOW: usize = 140;
/// How far before the match the window starts.
const LEAD: usize = 40;
/// How far a cut may move to reach a space.
const SLACK: usize = 14;

/// Character ranges (start, end) to bold in `text`: every token for which
/// `matches` gives the number of leading characters to bold.
pub(crate) fn bold_ranges<'t>(
    text: &'t str,
    matches: &mut impl FnMut(&'t str) -> Option<usize>,
) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for_each_token(text, |t| {
        if let Some(n) = matches(t.text) {
            let n = n.clamp(1, t.chars);
            out.push((t.start, t.start + n));
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
    let len = text.chars().count();
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
        start_b = text
            .char_indices()
            .nth(start)
            .map_or(text.len(), |(b, _)| b);
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
        let rest = text.get(start_b..).unwrap_or("");
        let edge = rest
            .char_indices()
            .skip(lo.saturating_sub(start))
            .take((end + 1).saturating_sub(lo))
            .enumerate()
            .map(|(k, (b, c))| (lo + k, start_b + b, c));
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
    let mut in_bold = false;
    let mut r = 0;
    for (i, c) in window.chars().enumerate() {
        if in_bold && bold.get(r).is_some_and(|&(_, e)| e == i) {
            out.push_str("**");
            in_bold = false;
            r += 1;
        }
        if !in_bold && bold.get(r).is_some_and(|&(s, _)| s == i) {
            out.push_str("**");
            in_bold = true;
        }
        push_escaped(&mut out, c);
    }
    if in_bold {
        out.push_str("**");
    }
    if end < len {
        out.push('…');
    }
    out
}

/// The one Markdown escape set; control characters become spaces.
#[inline]
fn push_escaped(out: &mut String, c: char) {
    if !c.is_ascii() && !c.is_control() {
        // Only ASCII characters are escaped: most of a Korean snippet.
        out.push(c);
    } else if c.is_control() {
        out.push(' ');
    } else {
        crate::markdown::push_escaped(out, c);
    }
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
