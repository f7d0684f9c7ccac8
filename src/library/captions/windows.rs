//! Caption words grouped into passages of about one sentence, so search can
//! point at the second a topic is said without indexing single words.
//!
//! A window never straddles a chapter start: search files each window under
//! the chapter its start is said in, so a window opened three seconds before
//! a chapter would carry that chapter's first sentence into the one before
//! (`what model are you`, said at 1:41:57, in a window opened at 1:41:43 in
//! a chapter that ends at 1:41:46).

use super::CaptionWord;

/// How windows are cut. Auto-captions carry no punctuation, so pauses and a
/// duration cap decide as much as sentence ends do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WindowOptions {
    /// A sentence end (`.`, `?`, `!`) closes a window at least this long.
    pub min_ms: u64,
    /// Past this, a pause of `pause_ms` closes the window.
    pub soft_max_ms: u64,
    /// A window never lasts longer than this (the next word opens a new one).
    pub hard_max_ms: u64,
    pub pause_ms: u64,
}

impl Default for WindowOptions {
    fn default() -> Self {
        WindowOptions {
            min_ms: 5_000,
            soft_max_ms: 15_000,
            hard_max_ms: 30_000,
            pause_ms: 400,
        }
    }
}

/// A stretch of speech: its words' text and when it is said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaptionWindow {
    pub start_ms: u64,
    pub end_ms: u64,
    pub text: String,
    /// 1-based line of the caption file where the window's first word is.
    pub line: usize,
}

/// Groups time-ordered words into windows (see [`WindowOptions`]). A window
/// ends where the next begins, or at its last word's cue end.
pub fn caption_windows(words: &[CaptionWord], options: WindowOptions) -> Vec<CaptionWindow> {
    caption_windows_cut_at(words, options, &[])
}

/// [`caption_windows`], with a window closed before the first word said at
/// or after each of `cuts_ms` (the course's chapter starts, sorted), so no
/// window holds words of two chapters.
pub fn caption_windows_cut_at(
    words: &[CaptionWord],
    options: WindowOptions,
    cuts_ms: &[u64],
) -> Vec<CaptionWindow> {
    // A cut lies between the window's first word and the next word.
    let cut_between = |from: u64, to: u64| {
        let i = cuts_ms.partition_point(|&c| c <= from);
        cuts_ms.get(i).is_some_and(|&c| c <= to)
    };
    let mut windows = Vec::new();
    let mut first = 0;
    for i in 0..words.len() {
        let start = words[first].start_ms;
        let word = &words[i];
        let next = words.get(i + 1);
        let duration = next
            .map_or(word.cue_end_ms, |n| n.start_ms)
            .saturating_sub(start);
        let sentence_end = word.text.ends_with(['.', '?', '!']);
        let pause = next.map_or(0, |n| n.start_ms.saturating_sub(word.start_ms));
        let next_too_late =
            next.is_some_and(|n| n.start_ms.saturating_sub(start) > options.hard_max_ms);
        let close = next.is_none()
            || next_too_late
            || next.is_some_and(|n| cut_between(start, n.start_ms))
            || (sentence_end && duration >= options.min_ms)
            || (duration >= options.soft_max_ms && pause >= options.pause_ms);
        if close {
            let end = next
                .map_or(word.cue_end_ms, |n| n.start_ms)
                .max(word.start_ms);
            windows.push(CaptionWindow {
                start_ms: start,
                end_ms: end,
                text: join(&words[first..=i]),
                line: words[first].line,
            });
            first = i + 1;
        }
    }
    windows
}

fn join(words: &[CaptionWord]) -> String {
    let mut out = String::new();
    for word in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word.text);
    }
    out
}
