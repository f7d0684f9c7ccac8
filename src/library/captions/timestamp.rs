//! Caption timestamps (`hh:mm:ss.mmm`, `mm:ss.mmm`, SRT's `hh:mm:ss,mmm`) to
//! milliseconds, with a reason when a text is not one.

/// Longest time a caption may carry: 100 hours. Anything later is junk.
pub const MAX_MS: u64 = 100 * 3_600_000;

/// Why a text is not a usable timestamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeError {
    Malformed,
    Negative,
    TooLate,
}

impl TimeError {
    pub fn describe(self, text: &str) -> String {
        let shown: String = text.chars().take(40).collect();
        match self {
            TimeError::Malformed => format!("`{shown}` is not a timestamp (hh:mm:ss.mmm)"),
            TimeError::Negative => format!("timestamp `{shown}` is negative"),
            TimeError::TooLate => format!("timestamp `{shown}` is past 100 hours"),
        }
    }
}

/// Parses one timestamp. Hours are optional; the fraction takes `.` or `,`.
pub fn parse_timestamp(text: &str) -> Result<u64, TimeError> {
    let text = text.trim();
    if text.starts_with('-') {
        return Err(TimeError::Negative);
    }
    let (clock, fraction) = match text.find(['.', ',']) {
        Some(at) => (&text[..at], &text[at + 1..]),
        None => (text, ""),
    };
    let mut parts = clock.split(':');
    let fields: Vec<&str> = parts.by_ref().take(3).collect();
    if parts.next().is_some() || fields.len() < 2 {
        return Err(TimeError::Malformed);
    }
    let (hours, minutes, seconds) = match fields[..] {
        [h, m, s] => (number(h, 9)?, number(m, 2)?, number(s, 2)?),
        [m, s] => (0, number(m, 2)?, number(s, 2)?),
        _ => return Err(TimeError::Malformed),
    };
    if minutes > 59 || seconds > 59 {
        return Err(TimeError::Malformed);
    }
    let millis = match fraction.len() {
        0 => 0,
        1..=3 => number(fraction, 3)? * 10u64.pow(3 - fraction.len() as u32),
        _ => return Err(TimeError::Malformed),
    };
    let total = ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
    if total > MAX_MS {
        return Err(TimeError::TooLate);
    }
    Ok(total)
}

/// ASCII digits only, at most `max_len` of them (so no overflow is possible).
fn number(text: &str, max_len: usize) -> Result<u64, TimeError> {
    if text.is_empty() || text.len() > max_len || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(TimeError::Malformed);
    }
    text.parse().map_err(|_| TimeError::Malformed)
}

/// `h:mm:ss.mmm` for messages.
pub fn format_ms(ms: u64) -> String {
    let (h, rest) = (ms / 3_600_000, ms % 3_600_000);
    format!(
        "{h}:{:02}:{:02}.{:03}",
        rest / 60_000,
        rest % 60_000 / 1000,
        rest % 1000
    )
}
