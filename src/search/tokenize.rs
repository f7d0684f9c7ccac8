//! Splitting text into words, the same way for notes and for queries.
//!
//! A token is a run of one script: Hangul, Latin letters and digits, or
//! ideographs/kana. A Hangul run glued to what precedes it is dropped when it
//! is only a particle (`LLM의`, `SFT에서`, `"strawberry"에서`). Latin runs joined by `-` or `.`
//! (`GPT-2`, `llm.c`) also yield the joined word, so `gpt2` finds `GPT-2`.
//! A plus sign between numbers (`2+2`) is a word of its own.
//! Positions are in characters, which is what `Chapter::moment_at` takes.

use unicode_normalization::char::is_combining_mark;

use super::jamo::is_syllable;
use super::normalize::{is_hangul, is_other_script, is_particle};

/// One word of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawToken<'a> {
    pub text: &'a str,
    /// Character offset of the first character in the text.
    pub start: usize,
    /// Length in characters.
    pub chars: usize,
    /// A synthesised join of several Latin runs (`GPT-2` as `gpt2`).
    pub joined: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Hangul,
    Alnum,
    Other,
    Sep,
}

#[inline]
fn class(c: char) -> Class {
    if c.is_ascii() {
        return if c.is_ascii_alphanumeric() {
            Class::Alnum
        } else {
            Class::Sep
        };
    }
    if is_hangul(c) {
        Class::Hangul
    } else if is_other_script(c) {
        Class::Other
    } else if c.is_alphanumeric() {
        Class::Alnum
    } else {
        Class::Sep
    }
}

/// Calls `f` for every token of `text`, in order.
pub(crate) fn for_each_token<'a>(text: &'a str, mut f: impl FnMut(RawToken<'a>)) {
    // Current run: class, byte start, char start, glued to a preceding non-space.
    let mut run: Option<(Class, usize, usize, bool)> = None;
    // The chain of Latin runs joined by single `-`/`.`: byte start, char start, parts.
    let mut chain: Option<(usize, usize, usize)> = None;
    let mut prev_class = Class::Sep;
    let mut prev_nonspace = false;
    let mut chars_seen = 0usize;
    // Whether the last character other than a space was a digit (`2 +`).
    let mut last_nonspace_digit = false;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        // Most characters only extend the run of their own class (a Hangul
        // syllable after one, a letter or digit after one): nothing else to
        // decide for them.
        let extends = match run {
            Some((Class::Hangul, ..)) => is_syllable(c) && chain.is_none(),
            Some((Class::Alnum, ..)) => c.is_ascii_alphanumeric(),
            _ => false,
        };
        if extends {
            prev_nonspace = true;
            last_nonspace_digit = c.is_ascii_digit();
            chars_seen += 1;
            continue;
        }
        let mut cls = class(c);
        if cls == Class::Sep && !c.is_ascii() && is_combining_mark(c) && run.is_some() {
            cls = prev_class;
        }
        // An apostrophe inside a Latin word (`LLM's`, `don't`) belongs to it.
        if matches!(c, '\'' | '’') && prev_class == Class::Alnum {
            if let Some(&(_, n)) = iter.peek() {
                if class(n) == Class::Alnum {
                    cls = Class::Alnum;
                }
            }
        }
        if run.is_some_and(|(k, _, _, _)| k != cls) {
            let (k, b, s, glued) = run.take().unwrap_or((Class::Sep, 0, 0, false));
            emit(text, k, b, i, s, chars_seen, glued, &mut chain, &mut f);
        }
        let digit_follows = || {
            text.get(i + c.len_utf8()..)
                .is_some_and(|rest| rest.trim_start().starts_with(|n: char| n.is_ascii_digit()))
        };
        if cls == Class::Sep && is_operator(c) && last_nonspace_digit && digit_follows() {
            f(RawToken {
                text: &text[i..i + c.len_utf8()],
                start: chars_seen,
                chars: 1,
                joined: false,
            });
        }
        if cls == Class::Sep {
            let joiner = matches!(c, '-' | '.' | '_')
                && prev_class == Class::Alnum
                && iter.peek().is_some_and(|&(_, n)| class(n) == Class::Alnum);
            // (Most characters close no chain: the call is skipped.)
            if !joiner && chain.is_some() {
                close_chain(text, i, chars_seen, &mut chain, &mut f);
            }
        } else if run.is_none() {
            run = Some((cls, i, chars_seen, prev_nonspace));
        }
        if cls != Class::Alnum && cls != Class::Sep && chain.is_some() {
            close_chain(text, i, chars_seen, &mut chain, &mut f);
        }
        prev_nonspace = !c.is_whitespace();
        if prev_nonspace {
            last_nonspace_digit = c.is_ascii_digit();
        }
        prev_class = cls;
        chars_seen += 1;
    }
    if let Some((k, b, s, glued)) = run.take() {
        emit(
            text,
            k,
            b,
            text.len(),
            s,
            chars_seen,
            glued,
            &mut chain,
            &mut f,
        );
    }
    close_chain(text, text.len(), chars_seen, &mut chain, &mut f);
}

/// A plus sign between two numbers (`2+2`, `2 + 2`) is a word of its own:
/// the text says it (`2 plus 2`, `2 더하기 2`), so a query typed with the
/// sign must find it (see `normalize::operator_word`).
fn is_operator(c: char) -> bool {
    c == '+'
}

#[allow(clippy::too_many_arguments)]
fn emit<'a>(
    text: &'a str,
    class: Class,
    byte_start: usize,
    byte_end: usize,
    char_start: usize,
    char_end: usize,
    glued: bool,
    chain: &mut Option<(usize, usize, usize)>,
    f: &mut impl FnMut(RawToken<'a>),
) {
    let Some(word) = text.get(byte_start..byte_end) else {
        return;
    };
    if class == Class::Hangul && glued && is_particle(word) {
        return;
    }
    if class == Class::Alnum {
        match chain {
            Some((_, _, parts)) => *parts += 1,
            None => *chain = Some((byte_start, char_start, 1)),
        }
    }
    f(RawToken {
        text: word,
        start: char_start,
        chars: char_end - char_start,
        joined: false,
    });
}

fn close_chain<'a>(
    text: &'a str,
    byte_end: usize,
    char_end: usize,
    chain: &mut Option<(usize, usize, usize)>,
    f: &mut impl FnMut(RawToken<'a>),
) {
    if let Some((b, s, parts)) = chain.take() {
        if parts >= 2 {
            if let Some(word) = text.get(b..byte_end) {
                let word = word.trim_end_matches(['-', '.', '_']);
                f(RawToken {
                    text: word,
                    start: s,
                    chars: word.chars().count(),
                    joined: true,
                });
            }
        }
    }
    let _ = char_end;
}

/// All tokens of `text` (convenience for short texts such as queries).
pub(crate) fn tokens(text: &str) -> Vec<RawToken<'_>> {
    let mut out = Vec::new();
    for_each_token(text, |t| out.push(t));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<(&str, usize, bool)> {
        tokens(s)
            .into_iter()
            .map(|t| (t.text, t.start, t.joined))
            .collect()
    }

    #[test]
    fn splits_scripts_and_drops_glued_particles() {
        assert_eq!(
            words("LLM의 환각(hallucination)은"),
            vec![
                ("LLM", 0, false),
                ("환각", 5, false),
                ("hallucination", 8, false)
            ]
        );
        assert_eq!(
            words("SFT에서 RL로"),
            vec![("SFT", 0, false), ("RL", 6, false)]
        );
    }

    #[test]
    fn joins_hyphenated_latin() {
        assert_eq!(
            words("GPT-2는 llm.c로"),
            vec![
                ("GPT", 0, false),
                ("2", 4, false),
                ("GPT-2", 0, true),
                ("llm", 7, false),
                ("c", 11, false),
                ("llm.c", 7, true)
            ]
        );
        assert_eq!(
            words("9.11 vs 9.9."),
            vec![
                ("9", 0, false),
                ("11", 2, false),
                ("9.11", 0, true),
                ("vs", 5, false),
                ("9", 8, false),
                ("9", 10, false),
                ("9.9", 8, true)
            ]
        );
    }

    #[test]
    fn an_operator_between_numbers_is_a_word() {
        assert_eq!(
            words("2+2 = 4, 3 + 4"),
            vec![
                ("2", 0, false),
                ("+", 1, false),
                ("2", 2, false),
                ("4", 6, false),
                ("3", 9, false),
                ("+", 11, false),
                ("4", 13, false)
            ]
        );
        // Not beside a number: `C++`, `+1`, `GPT-4+`.
        assert_eq!(words("C++ +1"), vec![("C", 0, false), ("1", 5, false)]);
    }

    #[test]
    fn keeps_apostrophes_and_marks() {
        assert_eq!(
            words("LLM's café"),
            vec![("LLM's", 0, false), ("café", 6, false)]
        );
        assert_eq!(
            words("cafe\u{301} x"),
            vec![("cafe\u{301}", 0, false), ("x", 6, false)]
        );
    }
}
