//! Text helpers shared by every reply: cutting text to a length without ever
//! splitting a character or (where possible) a word, and paging long text.
//!
//! Lengths are counted in `char`s, which is what Discord counts for its limits.

/// Number of characters (Unicode scalar values) in `s`.
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Byte index just after the first `max_chars` characters of `s` (or `s.len()`).
fn byte_index_of_char(s: &str, max_chars: usize) -> usize {
    s.char_indices().nth(max_chars).map_or(s.len(), |(i, _)| i)
}

/// Cuts `s` to at most `max_chars` characters, preferring a word boundary, and
/// appends `suffix` when anything was cut. The result never exceeds `max_chars`.
pub fn truncate_with(s: &str, max_chars: usize, suffix: &str) -> String {
    if char_len(s) <= max_chars {
        return s.to_string();
    }
    let suffix_len = char_len(suffix);
    if suffix_len >= max_chars {
        return s.chars().take(max_chars).collect();
    }
    let keep = byte_index_of_char(s, max_chars - suffix_len);
    let head = &s[..keep];
    let cut = word_boundary(head, s[keep..].chars().next());
    let mut out = head[..cut].trim_end().to_string();
    out.push_str(suffix);
    out
}

/// Cuts `s` to at most `max_chars` characters with a trailing `…`.
pub fn truncate(s: &str, max_chars: usize) -> String {
    truncate_with(s, max_chars, "…")
}

/// Where to cut `head` so no word is split: at the last whitespace, unless that
/// would throw away more than a third of it (one enormous word), or unless the
/// cut already falls between words.
fn word_boundary(head: &str, next: Option<char>) -> usize {
    if next.is_none_or(char::is_whitespace) {
        return head.len();
    }
    match head.rfind(char::is_whitespace) {
        Some(i) if i >= head.len() * 2 / 3 || i > 0 && head.len() < 24 => i,
        _ => head.len(),
    }
}

/// One page of a longer text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Character offset of the page's first character in the original text.
    pub start: usize,
    pub text: String,
}

/// Splits text into pages of at most `max_chars` characters. Pages break at
/// paragraph ends where possible, then at sentence or word ends; a character is
/// never split. Every page is non-empty and trimmed; empty input gives no pages.
pub fn paginate(text: &str, max_chars: usize) -> Vec<Page> {
    let max_chars = max_chars.max(1);
    let mut pages = Vec::new();
    let mut pos = 0; // byte offset into `text`
    let mut chars_before = 0; // characters before `pos`
    loop {
        let rest = &text[pos..];
        let skipped = rest.len() - rest.trim_start().len();
        chars_before += rest[..skipped].chars().count();
        pos += skipped;
        let rest = &text[pos..];
        if rest.trim_end().is_empty() {
            break;
        }
        let cut = if char_len(rest) <= max_chars {
            rest.len()
        } else {
            let limit = byte_index_of_char(rest, max_chars);
            best_break(&rest[..limit], rest[limit..].chars().next()).max(1)
        };
        // Never cut inside a character (best_break returns char boundaries).
        let cut = (cut..=rest.len())
            .find(|&i| rest.is_char_boundary(i))
            .unwrap_or(rest.len());
        let page = rest[..cut].trim_end();
        if !page.is_empty() {
            pages.push(Page {
                start: chars_before,
                text: page.to_string(),
            });
        }
        chars_before += rest[..cut].chars().count();
        pos += cut;
    }
    pages
}

/// The best place to end a page inside `window`: a paragraph break in its
/// second half, else a sentence end, else a word end, else the whole window.
fn best_break(window: &str, next: Option<char>) -> usize {
    let half = window.len() / 2;
    if let Some(i) = window.rfind("\n\n").filter(|&i| i >= half) {
        return i;
    }
    if let Some(i) = window.rfind('\n').filter(|&i| i >= half) {
        return i;
    }
    let sentence_end = window
        .char_indices()
        .filter(|&(i, c)| {
            matches!(c, '.' | '?' | '!' | '。')
                && window[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_whitespace)
        })
        .map(|(i, c)| i + c.len_utf8())
        .next_back();
    if let Some(i) = sentence_end.filter(|&i| i >= half) {
        return i;
    }
    word_boundary(window, next)
}

/// Mends paragraphs that a note cut in the middle of a sentence: notes
/// timed every 30 seconds often break a sentence at the marker (`…하나의` /
/// `바이트라고 부르는…`), which reads as two broken paragraphs. The break
/// moves forward to the end of that sentence, so paragraphs keep about their
/// length and each ends a sentence. A blank line stays where it is when the
/// text before it ends a sentence or a line of structure (punctuation, a
/// closing bracket or quote, a list item, heading, quote or table row) or
/// the text after it does not start prose.
pub fn mend_broken_sentences(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut parts = text.split("\n\n");
    let Some(first) = parts.next() else {
        return out;
    };
    let mut current = first.to_string();
    for next in parts {
        let ends_mid_sentence = current
            .trim_end_matches([' ', '\t'])
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == ',');
        let starts_prose = next
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '"' || c == '“' || c == '(');
        if !(ends_mid_sentence && starts_prose && is_prose_line(last_line(&current))) {
            out.push_str(&current);
            out.push_str("\n\n");
            current = next.to_string();
            continue;
        }
        current.truncate(current.trim_end_matches([' ', '\t']).len());
        current.push(' ');
        match first_sentence_end(next) {
            Some(end) if !next[end..].trim().is_empty() && !next[..end].contains('\n') => {
                current.push_str(&next[..end]);
                out.push_str(&current);
                out.push_str("\n\n");
                current = next[end..].trim_start().to_string();
            }
            _ => current.push_str(next),
        }
    }
    out.push_str(&current);
    out
}

/// Byte index just after the first sentence end of `s` (`.`, `?`, `!` or
/// `。` followed by whitespace).
fn first_sentence_end(s: &str) -> Option<usize> {
    s.char_indices()
        .map(|(i, c)| (i + c.len_utf8(), c))
        .find(|&(after, c)| {
            matches!(c, '.' | '?' | '!' | '。')
                && s[after..].chars().next().is_some_and(char::is_whitespace)
        })
        .map(|(after, _)| after)
}

/// The last line of `s`.
fn last_line(s: &str) -> &str {
    s.rsplit('\n').next().unwrap_or(s)
}

/// Whether a line is running prose rather than Markdown structure (a list
/// item, heading, quote or table row), whose end is not a broken sentence.
fn is_prose_line(line: &str) -> bool {
    let line = line.trim_start();
    let numbered = line
        .split_once(['.', ')'])
        .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    !numbered && !line.starts_with(['-', '*', '+', '#', '>', '|'])
}

/// Collapses runs of whitespace into single spaces and trims the ends.
pub fn squash_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_sentence_cut_at_a_marker_reads_as_one_paragraph() {
        let text = "그룹화하는 하나의\n\n바이트라고 부릅니다.\n\n새 문단입니다.";
        assert_eq!(
            mend_broken_sentences(text),
            "그룹화하는 하나의 바이트라고 부릅니다.\n\n새 문단입니다."
        );
        assert_eq!(
            mend_broken_sentences("a sentence cut\n\nin two."),
            "a sentence cut in two."
        );
    }

    #[test]
    fn paragraph_breaks_after_sentences_and_around_structure_stay() {
        for kept in [
            "끝났습니다.\n\n다음",
            "질문인가요?\n\n네",
            "목록:\n\n- 하나",
            "- 항목 하나\n\n다음 문단",
            "1. 첫째 항목\n\n다음 문단",
            "## 제목\n\n본문",
            "본문\n\n## 제목",
            "인용 \"끝\"\n\n다음",
        ] {
            assert_eq!(mend_broken_sentences(kept), kept, "{kept:?}");
        }
        assert_eq!(mend_broken_sentences(""), "");
    }

    #[test]
    fn truncates_on_a_word_with_a_marker() {
        assert_eq!(truncate("hello world", 20), "hello world");
        assert_eq!(truncate("hello wonderful world", 12), "hello…");
        assert_eq!(
            truncate("에이전트는 장시간 자율 작업을 한다", 12),
            "에이전트는 장시간…"
        );
        assert_eq!(truncate_with("abcdef", 3, "……"), "a……");
        assert_eq!(truncate_with("abcdef", 2, "……"), "ab");
    }

    #[test]
    fn pages_break_between_paragraphs_and_know_where_they_start() {
        let text = "첫 문단입니다.\n\n둘째 문단입니다.\n\n셋째 문단입니다.";
        let pages = paginate(text, 20);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].text, "첫 문단입니다.\n\n둘째 문단입니다.");
        assert_eq!(pages[1].text, "셋째 문단입니다.");
        let start = pages[1].start;
        assert_eq!(text.chars().skip(start).collect::<String>(), pages[1].text);
        assert!(paginate("   ", 10).is_empty());
    }

    proptest! {
        #[test]
        fn truncation_respects_length_and_characters(s in "\\PC{0,300}", max in 1usize..120) {
            let t = truncate(&s, max);
            prop_assert!(char_len(&t) <= max);
            // Every character of the result (but the marker) comes from the input, in order.
            let kept = t.trim_end_matches('…');
            let kept_trimmed = kept.trim_end();
            prop_assert!(s.starts_with(kept_trimmed) || s.contains(kept_trimmed));
        }

        #[test]
        fn korean_pages_never_split_a_character(
            words in proptest::collection::vec("[가-힣]{1,12}|[a-z]{1,8}|\n\n", 0..400),
            max in 5usize..500,
        ) {
            let text = words.join(" ");
            let pages = paginate(&text, max);
            for p in &pages {
                prop_assert!(!p.text.is_empty());
                prop_assert!(char_len(&p.text) <= max);
                let at: String = text.chars().skip(p.start).take(char_len(&p.text)).collect();
                prop_assert_eq!(&at, &p.text);
            }
            // Nothing but whitespace is lost.
            let joined: String = pages.iter().map(|p| p.text.as_str()).collect::<String>();
            let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            prop_assert_eq!(strip(&joined), strip(&text));
        }

        #[test]
        fn pages_prefer_word_ends(words in proptest::collection::vec("[가-힣]{1,6}", 1..300)) {
            let text = words.join(" ");
            for p in paginate(&text, 50) {
                let end = p.start + char_len(&p.text);
                let next = text.chars().nth(end);
                prop_assert!(next.is_none() || next == Some(' '), "page ends mid-word");
            }
        }
    }
}
