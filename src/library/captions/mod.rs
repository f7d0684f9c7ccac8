//! A video's own captions (WebVTT or SRT) as timed words, so a passage can say
//! the very second its words are spoken.
//!
//! Pure: the caller reads the file and hands over its text and name. Output is
//! a clean, time-ordered list of words with their start (from the word-level
//! `<00:00:00.880>` timings YouTube's auto-captions carry, else spread over the
//! cue in proportion to word length) plus [`Diagnostic`]s with line numbers for
//! whatever is broken; what is valid always comes through.
//!
//! Auto-captions roll: each cue repeats the previous cue's last line, and tiny
//! 10 ms cues repeat it once more. A cue's leading lines that equal the
//! previous cue's trailing lines are therefore dropped.
//!
//! Parsed by hand: inline word timings, rolling de-duplication, per-line
//! diagnostics and never failing the whole file are ours whichever crate reads
//! the cue blocks, and the block syntax itself is a few lines.

mod cue_text;
mod timestamp;
mod windows;

#[cfg(test)]
mod tests;

pub use cue_text::{decode_entities, plain_text};
pub use timestamp::{format_ms, parse_timestamp, MAX_MS};
pub use windows::{caption_windows, caption_windows_cut_at, CaptionWindow, WindowOptions};

use crate::library::Diagnostic;
use cue_text::segments;

/// One spoken word and when it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaptionWord {
    pub text: String,
    pub start_ms: u64,
    /// End of the cue the word was shown in.
    pub cue_end_ms: u64,
    /// 1-based line of the caption file the word is on.
    pub line: usize,
}

/// A parsed captions file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Captions {
    /// From the file name (`talk.en.vtt` → `en`); `None` when it names none.
    pub language: Option<String>,
    /// Time-ordered (non-decreasing `start_ms`), rolling repeats removed.
    pub words: Vec<CaptionWord>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Captions {
    /// The words joined by single spaces.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for word in &self.words {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&word.text);
        }
        out
    }

    /// Where the last word's cue ends (0 when there are no words).
    pub fn end_ms(&self) -> u64 {
        self.words.iter().map(|w| w.cue_end_ms).max().unwrap_or(0)
    }
}

/// The language a caption file's name gives: `x.en.vtt`, `x.en-orig.vtt` → `en`,
/// `x.ko.srt` → `ko`, `x.pt-BR.vtt` → `pt`. `None` for `x.vtt`.
pub fn lang_from_file_name(name: &str) -> Option<String> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let lower = base.to_ascii_lowercase();
    let stem = lower
        .strip_suffix(".vtt")
        .or_else(|| lower.strip_suffix(".srt"))?;
    let (_, tag) = stem.rsplit_once('.')?;
    let primary = tag.split(['-', '_']).next().unwrap_or("");
    let ok = (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_lowercase());
    ok.then(|| primary.to_string())
}

/// Parses WebVTT or SRT text. `name` is used for the language and in diagnostics.
/// Linear in the input; never panics.
pub fn parse_captions(name: &str, text: &str) -> Captions {
    let mut parser = Parser {
        name,
        out: Captions {
            language: lang_from_file_name(name),
            ..Captions::default()
        },
        previous_lines: Vec::new(),
        last_cue_start: 0,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line.contains("-->") {
            let end = block_end(&lines, i + 1);
            parser.cue(i + 1, line, &lines[i + 1..end]);
            i = end;
        } else if line.trim().is_empty() || is_header_or_index(line, i == 0) {
            i += 1;
        } else if is_block_keyword(line) {
            i = block_end(&lines, i + 1);
        } else {
            let message = if parse_timestamp(line.split_whitespace().next().unwrap_or("")).is_ok() {
                "timing line without `-->`; cue skipped".to_string()
            } else {
                "text outside any cue (no timing line before it); skipped".to_string()
            };
            parser.warn(i + 1, message);
            i = block_end(&lines, i + 1);
        }
    }
    parser.out
}

/// Index of the first empty line at or after `from` (or the end).
fn block_end(lines: &[&str], from: usize) -> usize {
    lines[from.min(lines.len())..]
        .iter()
        .position(|l| l.is_empty())
        .map_or(lines.len(), |p| from + p)
}

fn is_header_or_index(line: &str, first: bool) -> bool {
    let trimmed = line.trim();
    (first && trimmed.starts_with("WEBVTT"))
        || trimmed.starts_with("Kind:")
        || trimmed.starts_with("Language:")
        || (!trimmed.is_empty()
            && trimmed.len() <= 9
            && trimmed.bytes().all(|b| b.is_ascii_digit()))
}

fn is_block_keyword(line: &str) -> bool {
    ["NOTE", "STYLE", "REGION"]
        .iter()
        .any(|k| line == *k || line.starts_with(&format!("{k} ")))
}

struct Parser<'a> {
    name: &'a str,
    out: Captions,
    /// Plain text of the previous cue's non-empty lines.
    previous_lines: Vec<String>,
    last_cue_start: u64,
}

/// Words (with their file line) from an inline time (`None`: the cue start).
type TimedRun = (Option<u64>, Vec<(String, usize)>);

/// How many of the previous cue's trailing lines a cue may repeat.
const MAX_ROLLING_LINES: usize = 3;

impl Parser<'_> {
    fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.out
            .diagnostics
            .push(Diagnostic::warning(self.name, line, message));
    }

    fn cue(&mut self, line_no: usize, timing: &str, body: &[&str]) {
        let Some((start, end)) = self.timing(line_no, timing) else {
            return;
        };
        if start < self.last_cue_start {
            self.warn(
                line_no,
                format!(
                    "cue starts at {} before the previous cue ({}); skipped",
                    format_ms(start),
                    format_ms(self.last_cue_start)
                ),
            );
            return;
        }
        self.last_cue_start = start;
        let lines: Vec<(usize, &str, String)> = body
            .iter()
            .enumerate()
            .map(|(k, l)| (line_no + 1 + k, *l, plain_text(l)))
            .filter(|(_, _, plain)| !plain.is_empty())
            .collect();
        let repeated = rolling_overlap(&self.previous_lines, &lines);
        self.previous_lines = lines.iter().map(|(_, _, p)| p.clone()).collect();
        let mut timed: Vec<TimedRun> = Vec::new();
        for (line, raw, _) in &lines[repeated..] {
            for segment in segments(raw) {
                let words = segment.words.into_iter().map(|w| (w, *line));
                match (segment.at_ms, timed.last_mut()) {
                    (None, Some((_, previous))) => previous.extend(words),
                    (at_ms, _) => timed.push((at_ms, words.collect())),
                }
            }
        }
        self.cue_words(&timed, start, end);
    }

    /// Start and end of a timing line, or a diagnostic.
    fn timing(&mut self, line_no: usize, timing: &str) -> Option<(u64, u64)> {
        let (left, right) = timing.split_once("-->")?;
        let right = right.split_whitespace().next().unwrap_or("");
        let start = parse_timestamp(left);
        let end = parse_timestamp(right);
        match (start, end) {
            (Ok(start), Ok(end)) if end >= start => Some((start, end)),
            (Ok(start), Ok(end)) => {
                self.warn(
                    line_no,
                    format!(
                        "cue ends ({}) before it starts ({}); treated as ending at its start",
                        format_ms(end),
                        format_ms(start)
                    ),
                );
                Some((start, start))
            }
            (Err(e), _) => {
                self.warn(line_no, format!("{}; cue skipped", e.describe(left)));
                None
            }
            (_, Err(e)) => {
                self.warn(line_no, format!("{}; cue skipped", e.describe(right)));
                None
            }
        }
    }

    /// Times the words of one cue: each inline-timed segment spreads its
    /// words from its time to the next segment's (or the cue end) by length.
    fn cue_words(&mut self, segments: &[TimedRun], cue_start: u64, cue_end: u64) {
        let mut floor = self.out.words.last().map_or(cue_start, |w| w.start_ms);
        floor = floor.max(cue_start);
        let mut reported = false;
        for (k, (at_ms, words)) in segments.iter().enumerate() {
            let mut from = at_ms.unwrap_or(cue_start);
            if from < floor || from > cue_end {
                if !reported {
                    reported = true;
                    let line = words.first().map_or(0, |w| w.1);
                    self.warn(
                        line,
                        format!(
                            "word timing {} is outside its cue or out of order; clamped",
                            format_ms(from)
                        ),
                    );
                }
                from = from.clamp(floor, cue_end.max(floor));
            }
            let until = segments[k + 1..]
                .iter()
                .find_map(|s| s.0)
                .unwrap_or(cue_end)
                .clamp(from, cue_end.max(from));
            let total: usize = words.iter().map(|w| w.0.chars().count()).sum();
            let span = until - from;
            let mut before = 0usize;
            for (word, line) in words {
                let offset = if total == 0 {
                    0
                } else {
                    (span as u128 * before as u128 / total as u128) as u64
                };
                before += word.chars().count();
                self.out.words.push(CaptionWord {
                    text: word.clone(),
                    start_ms: from + offset,
                    cue_end_ms: cue_end.max(from + offset),
                    line: *line,
                });
            }
            floor = from;
        }
    }
}

/// How many leading lines of `current` repeat the trailing lines of `previous`.
fn rolling_overlap(previous: &[String], current: &[(usize, &str, String)]) -> usize {
    let max = previous.len().min(current.len()).min(MAX_ROLLING_LINES);
    (1..=max)
        .rev()
        .find(|&k| {
            previous[previous.len() - k..]
                .iter()
                .zip(&current[..k])
                .all(|(p, (_, _, c))| p == c)
        })
        .unwrap_or(0)
}
