//! The snippet cutter checked against the plain character-by-character
//! one it replaced (kept here as the reference): the same snippet for
//! every text, centre and set of matched words, Korean, English, escapes
//! and control characters alike.

use super::snippet::{snippet, WINDOW};
use super::tokenize::for_each_token;

const LEAD: usize = 40;
const SLACK: usize = 14;

fn bold_ranges<'t>(
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

fn reference<'t>(
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

/// Texts of every kind a snippet is cut from.
fn texts() -> Vec<String> {
    let parts = [
        "에이전트는 도구를 쓴다.",
        "LLM의 환각(hallucination)은 *문제*다",
        "we'll get to tool use later, [really] `code` #1 > 2 | x_y ~ z\\",
        "GPT-2는 llm.c로 9.11 vs 9.9. 재현했다",
        "tab\there\u{7}bell\u{85}next\u{9f}c1 end © 20°\u{a0}nbsp",
        "  spaces   and\nnewlines  ",
        "cafe\u{301} LLM's 強化学習 ㅋㅋ",
        "reinforcement learning from human feedback",
        "",
    ];
    let mut out: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
    for (i, a) in parts.iter().enumerate() {
        for b in &parts[i..] {
            out.push(format!("{a} {b} ").repeat(1 + i % 4) + b);
        }
    }
    out.push("word ".repeat(80) + "tool use" + &" filler".repeat(60));
    out.push("가나다 ".repeat(100) + "에이전트 " + &"라마바 ".repeat(100));
    out.push("x".repeat(400));
    out.push("에".repeat(400) + " tool");
    out
}

#[test]
fn cuts_the_same_snippets_as_the_reference() {
    let words = [
        "에이전트",
        "tool",
        "llm",
        "환각",
        "9",
        "gpt",
        "x",
        "에",
        "reinforcement",
        "라마",
    ];
    let mut checked = 0;
    for text in texts() {
        let len = text.chars().count();
        for word in words {
            let mut matches = |t: &str| {
                t.to_lowercase()
                    .starts_with(word)
                    .then_some(word.chars().count())
            };
            for center in (0..=len + 3).step_by(7).chain([len / 2, len]) {
                let want = reference(&text, center, &mut matches);
                let got = snippet(&text, center, &mut matches);
                assert_eq!(got, want, "{text:?} at {center} for {word}");
                checked += 1;
            }
        }
    }
    assert!(checked > 1000, "{checked}");
}
