//! Moments in a video: parsing what people type (`3:12:00`, `192:00`, `11520`,
//! `3h12m`) into seconds, formatting seconds back for display, and building the
//! YouTube deep links that carry a moment.
//!
//! Everything here is pure and total: bad input is an error value, never a panic.

use std::fmt;

/// A position in a video, in whole seconds from the start.
pub type Seconds = u32;

/// Why a time string could not be understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    #[error("the time is empty")]
    Empty,
    #[error("`{0}` is not a time; try `3:12:00`, `192:00`, `11520` or `3h12m`")]
    Invalid(String),
    #[error("`{0}` is too large to be a moment in a video")]
    TooLarge(String),
}

/// Upper bound for any parsed time: 1,000 hours. Keeps arithmetic far from overflow.
const MAX_SECONDS: u64 = 1000 * 3600;

/// Parses a moment as people write it.
///
/// Accepted: `h:mm:ss`, `m:ss` (minutes may exceed 59: `192:00`), plain seconds
/// (`11520`, `11520s`), and unit forms (`3h12m`, `3h 12m 5s`, `90m`, `1시간 5분 3초`).
pub fn parse_time(input: &str) -> Result<Seconds, TimeError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(TimeError::Empty);
    }
    let invalid = || TimeError::Invalid(s.to_string());
    let total = if s.contains(':') {
        parse_colon(s).ok_or_else(invalid)?
    } else if s.chars().all(|c| c.is_ascii_digit()) {
        parse_number(s).ok_or_else(|| TimeError::TooLarge(s.to_string()))?
    } else {
        parse_units(s).ok_or_else(invalid)?
    };
    if total > MAX_SECONDS {
        return Err(TimeError::TooLarge(s.to_string()));
    }
    Ok(total as Seconds)
}

fn parse_number(s: &str) -> Option<u64> {
    if s.is_empty() || s.len() > 12 || !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn parse_colon(s: &str) -> Option<u64> {
    let parts: Vec<&str> = s.split(':').collect();
    let nums: Vec<u64> = parts
        .iter()
        .map(|p| parse_number(p.trim()))
        .collect::<Option<_>>()?;
    match nums.as_slice() {
        [m, sec] if *sec < 60 => Some(m * 60 + sec),
        [h, m, sec] if *m < 60 && *sec < 60 => Some(h * 3600 + m * 60 + sec),
        _ => None,
    }
}

fn parse_units(s: &str) -> Option<u64> {
    let mut total = 0u64;
    let mut digits = String::new();
    let mut seen_unit = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        let factor = match c.to_ascii_lowercase() {
            'h' => 3600,
            'm' => 60,
            's' => 1,
            '시' if chars.peek() == Some(&'간') => {
                chars.next();
                3600
            }
            '분' => 60,
            '초' => 1,
            _ => return None,
        };
        let n = parse_number(&digits)?;
        digits.clear();
        total = total.checked_add(n.checked_mul(factor)?)?;
        seen_unit = true;
    }
    if !digits.is_empty() {
        // A trailing bare number after units means seconds: `3m20`.
        if !seen_unit {
            return None;
        }
        total = total.checked_add(parse_number(&digits)?)?;
    }
    seen_unit.then_some(total)
}

/// A time reference relative to a chapter (`+2:30`) or absolute (`3:12:00`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeRef {
    Absolute(Seconds),
    Offset(Seconds),
}

/// Parses `+2:30` as an offset into a chapter, anything else as an absolute time.
pub fn parse_time_ref(input: &str) -> Result<TimeRef, TimeError> {
    let s = input.trim();
    match s.strip_prefix('+') {
        Some(rest) => parse_time(rest).map(TimeRef::Offset),
        None => parse_time(s).map(TimeRef::Absolute),
    }
}

/// Displays seconds as `h:mm:ss` from one hour on, `m:ss` below.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock(pub Seconds);

impl fmt::Display for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (h, m, s) = (self.0 / 3600, self.0 / 60 % 60, self.0 % 60);
        if h > 0 {
            write!(f, "{h}:{m:02}:{s:02}")
        } else {
            write!(f, "{m}:{s:02}")
        }
    }
}

/// Formats seconds for display (`3:09:39`, `7:47`).
pub fn format_time(seconds: Seconds) -> String {
    Clock(seconds).to_string()
}

/// The YouTube deep link to one second of a video.
pub fn youtube_link(video_id: &str, seconds: Seconds) -> String {
    format!("https://www.youtube.com/watch?v={video_id}&t={seconds}s")
}

/// Reads the video id and the `t=` start (if any) out of a YouTube URL.
///
/// Understands `youtube.com/watch?v=ID&t=123s`, `t=123`, `t=1h2m3s` and `youtu.be/ID?t=…`.
pub fn parse_youtube_url(url: &str) -> Option<(String, Option<Seconds>)> {
    let url = url.trim();
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let mut id = path
        .rsplit_once("youtu.be/")
        .map(|(_, id)| id.trim_matches('/').to_string());
    let mut t = None;
    for pair in query.split(['&', '#']) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        match k {
            "v" if !v.is_empty() => id = Some(v.to_string()),
            "t" | "start" => t = parse_time(v).ok(),
            _ => {}
        }
    }
    let id = id.filter(|id| {
        !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    })?;
    Some((id, t))
}

/// A moment as people paste it into `/at` or `/link`: a time, an offset, or a
/// YouTube link (with the video it points into).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pasted {
    /// The video a pasted link points into; `None` for a bare time.
    pub video: Option<String>,
    pub at: TimeRef,
}

/// Why a pasted moment could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasteError {
    #[error(transparent)]
    Time(#[from] TimeError),
    /// A YouTube link without a `t=` start.
    #[error("the link carries no time")]
    LinkWithoutTime { video: String },
}

/// Reads what people share as a moment: everything [`parse_time_ref`] reads,
/// plus YouTube links (`https://youtu.be/ID?t=4832`,
/// `…watch?v=ID&t=1h20m32s`), a bare `t=4832s`, Korean units (`4832초`) and
/// full-width digits and colons (`３：１２：００`), which are folded to ASCII
/// (NFKC) first.
pub fn parse_pasted(input: &str) -> Result<Pasted, PasteError> {
    use unicode_normalization::UnicodeNormalization;
    let folded: String = input.nfkc().collect();
    let s = folded.trim().trim_matches(|c| matches!(c, '<' | '>'));
    let looks_like_link = s.contains("youtu") || s.starts_with("http") || s.starts_with("www.");
    if looks_like_link {
        let (video, t) = parse_youtube_url(s).ok_or_else(|| TimeError::Invalid(s.to_string()))?;
        return match t {
            Some(seconds) => Ok(Pasted {
                video: Some(video),
                at: TimeRef::Absolute(seconds),
            }),
            None => Err(PasteError::LinkWithoutTime { video }),
        };
    }
    let bare = s
        .strip_prefix("t=")
        .or_else(|| s.strip_prefix("&t="))
        .or_else(|| s.strip_prefix("?t="))
        .unwrap_or(s);
    Ok(Pasted {
        video: None,
        at: parse_time_ref(bare)?,
    })
}

/// Whether a line typed where a topic was expected is a moment to look up
/// (`3:12:00`, `1h2m`, `4832초`, a timed video link) rather than words: what
/// [`parse_pasted`] reads, except a bare number, which may be a chapter, a
/// count or a word of a title (`GPT 4`).
pub fn is_pasted_moment(input: &str) -> bool {
    let bare_number = input.trim().chars().all(|c| c.is_ascii_digit());
    !bare_number && parse_pasted(input).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_moment_typed_for_a_topic_is_told_from_words() {
        for moment in [
            "3:12:00",
            "1h2m",
            "4832초",
            "https://youtu.be/7xTGNNLPyMI?t=4832",
        ] {
            assert!(is_pasted_moment(moment), "{moment}");
        }
        for words in [
            "3",
            "11520",
            "GPT 4",
            "에이전트",
            "https://youtu.be/7xTGNNLPyMI",
            "",
        ] {
            assert!(!is_pasted_moment(words), "{words}");
        }
    }

    #[test]
    fn parses_every_documented_form() {
        assert_eq!(parse_time("3:12:00"), Ok(11520));
        assert_eq!(parse_time("192:00"), Ok(11520));
        assert_eq!(parse_time("11520"), Ok(11520));
        assert_eq!(parse_time("3h12m"), Ok(11520));
        assert_eq!(parse_time("3h 12m 0s"), Ok(11520));
        assert_eq!(parse_time("11520s"), Ok(11520));
        assert_eq!(parse_time("3시간 12분"), Ok(11520));
        assert_eq!(parse_time("7:47"), Ok(467));
        assert_eq!(parse_time("0:07:47"), Ok(467));
        assert_eq!(parse_time(" 1:00 "), Ok(60));
        assert_eq!(parse_time("3m20"), Ok(200));
    }

    #[test]
    fn rejects_what_is_not_a_time() {
        assert_eq!(parse_time(""), Err(TimeError::Empty));
        for bad in [
            "abc", "1:60", "1:2:3:4", ":", "3h12x", "12:", "-5", "１２", "h", "1.5",
        ] {
            assert!(parse_time(bad).is_err(), "{bad} should not parse");
        }
        assert!(matches!(
            parse_time("99999999999999"),
            Err(TimeError::TooLarge(_))
        ));
        assert!(parse_time("999999999h").is_err());
    }

    #[test]
    fn offsets_and_absolute_times() {
        assert_eq!(parse_time_ref("+2:30"), Ok(TimeRef::Offset(150)));
        assert_eq!(parse_time_ref("3:12:00"), Ok(TimeRef::Absolute(11520)));
    }

    #[test]
    fn formats_like_youtube() {
        assert_eq!(format_time(0), "0:00");
        assert_eq!(format_time(467), "7:47");
        assert_eq!(format_time(11379), "3:09:39");
        assert_eq!(format_time(12684), "3:31:24");
    }

    #[test]
    fn builds_and_reads_deep_links() {
        let url = youtube_link("7xTGNNLPyMI", 11520);
        assert_eq!(url, "https://www.youtube.com/watch?v=7xTGNNLPyMI&t=11520s");
        assert_eq!(
            parse_youtube_url(&url),
            Some(("7xTGNNLPyMI".into(), Some(11520)))
        );
        assert_eq!(
            parse_youtube_url("https://youtu.be/7xTGNNLPyMI?t=60"),
            Some(("7xTGNNLPyMI".into(), Some(60)))
        );
        assert_eq!(
            parse_youtube_url("https://www.youtube.com/watch?v=7xTGNNLPyMI"),
            Some(("7xTGNNLPyMI".into(), None))
        );
        assert_eq!(parse_youtube_url("not a url"), None);
        assert_eq!(
            parse_youtube_url("https://www.youtube.com/watch?v=bad id"),
            None
        );
    }

    #[test]
    fn reads_what_people_paste() {
        let at = |s: &str| parse_pasted(s).map(|p| (p.video, p.at));
        let abs = |t| TimeRef::Absolute(t);
        let ours = || Some("7xTGNNLPyMI".to_string());
        assert_eq!(
            at("https://youtu.be/7xTGNNLPyMI?t=4832"),
            Ok((ours(), abs(4832)))
        );
        assert_eq!(
            at("https://www.youtube.com/watch?v=7xTGNNLPyMI&t=1h20m32s"),
            Ok((ours(), abs(4832)))
        );
        assert_eq!(
            at("<https://www.youtube.com/watch?v=7xTGNNLPyMI&t=4832s>"),
            Ok((ours(), abs(4832)))
        );
        assert_eq!(at("t=4832s"), Ok((None, abs(4832))));
        assert_eq!(at("4832초"), Ok((None, abs(4832))));
        assert_eq!(at("１시간 ２０분 ３２초"), Ok((None, abs(4832))));
        assert_eq!(at("３：１２：００"), Ok((None, abs(11520))));
        assert_eq!(at("２１"), Ok((None, abs(21))));
        assert_eq!(at("+２:３０"), Ok((None, TimeRef::Offset(150))));
        assert_eq!(
            at("https://youtu.be/otherVideo1?t=60"),
            Ok((Some("otherVideo1".to_string()), abs(60)))
        );
        assert_eq!(
            parse_pasted("https://www.youtube.com/watch?v=7xTGNNLPyMI"),
            Err(PasteError::LinkWithoutTime {
                video: "7xTGNNLPyMI".into()
            })
        );
        assert!(parse_pasted("https://example.com/nothing").is_err());
        assert!(parse_pasted("asdf").is_err());
    }

    proptest! {
        #[test]
        fn format_then_parse_round_trips(s in 0u32..3_600_000) {
            prop_assert_eq!(parse_time(&format_time(s)), Ok(s));
            prop_assert_eq!(parse_time(&s.to_string()), Ok(s));
            let units = format!("{}h{}m{}s", s / 3600, s / 60 % 60, s % 60);
            prop_assert_eq!(parse_time(&units), Ok(s));
        }

        #[test]
        fn links_carry_the_second(s in 0u32..3_600_000) {
            let url = youtube_link("7xTGNNLPyMI", s);
            prop_assert_eq!(parse_youtube_url(&url), Some(("7xTGNNLPyMI".to_string(), Some(s))));
        }

        #[test]
        fn never_panics(input in ".{0,40}") {
            let _ = parse_time(&input);
            let _ = parse_time_ref(&input);
            let _ = parse_youtube_url(&input);
            let _ = parse_pasted(&input);
        }
    }
}
