//! A time of day as admins type it: `9:00`, `09:00`, `21:30`, `0930`, and
//! Korean `오전 9시`, `오후 9시 30분`, `9시 반`, `아침 9시`. Full-width digits
//! are read as ASCII ones.

/// A local time of day, to the minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalTime {
    pub hour: i8,
    pub minute: i8,
}

impl LocalTime {
    /// `hour` 0–23, `minute` 0–59; `None` otherwise.
    pub fn new(hour: i64, minute: i64) -> Option<LocalTime> {
        ((0..24).contains(&hour) && (0..60).contains(&minute)).then_some(LocalTime {
            hour: hour as i8,
            minute: minute as i8,
        })
    }

    /// Minutes since midnight (as stored).
    pub fn minutes(self) -> i64 {
        i64::from(self.hour) * 60 + i64::from(self.minute)
    }

    pub fn from_minutes(minutes: i64) -> Option<LocalTime> {
        LocalTime::new(minutes.div_euclid(60), minutes.rem_euclid(60))
            .filter(|_| (0..24 * 60).contains(&minutes))
    }
}

impl std::fmt::Display for LocalTime {
    /// `09:00`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

/// Why a time can't be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    #[error("not a time of day")]
    Unreadable,
    #[error("no such hour or minute")]
    OutOfRange,
}

/// Reads a time of day (see the module docs).
pub fn parse_time(input: &str) -> Result<LocalTime, TimeError> {
    let text: String = input
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '：' => ':',
            c => c,
        })
        .collect::<String>()
        .to_lowercase();
    if text.is_empty() {
        return Err(TimeError::Unreadable);
    }
    if let Some(t) = korean(&text)? {
        return Ok(t);
    }
    let (hour, minute) = if let Some((h, m)) = text.split_once(':') {
        (number(h)?, number(m)?)
    } else if text.len() == 4 && text.chars().all(|c| c.is_ascii_digit()) {
        (number(&text[..2])?, number(&text[2..])?)
    } else {
        (number(&text)?, 0)
    };
    LocalTime::new(hour, minute).ok_or(TimeError::OutOfRange)
}

fn number(s: &str) -> Result<i64, TimeError> {
    let s = s.trim();
    if s.is_empty() || s.len() > 2 || !s.chars().all(|c| c.is_ascii_digit()) {
        return Err(TimeError::Unreadable);
    }
    s.parse().map_err(|_| TimeError::Unreadable)
}

/// `오전/오후/아침/저녁/밤 N시 [M분|반]`; `Ok(None)` when it isn't Korean.
fn korean(text: &str) -> Result<Option<LocalTime>, TimeError> {
    if !text.contains('시') {
        return Ok(None);
    }
    let (before, after) = text.split_once('시').ok_or(TimeError::Unreadable)?;
    let before = before.trim();
    let (afternoon, hour) = match before.rsplit_once(char::is_whitespace) {
        Some((part, hour)) => (
            match part.trim() {
                "오전" | "아침" | "새벽" => Some(false),
                "오후" | "저녁" | "밤" => Some(true),
                _ => return Err(TimeError::Unreadable),
            },
            hour,
        ),
        None => {
            let split = before
                .char_indices()
                .find(|(_, c)| c.is_ascii_digit())
                .map_or(before.len(), |(i, _)| i);
            let (part, hour) = before.split_at(split);
            let afternoon = match part.trim() {
                "" => None,
                "오전" | "아침" | "새벽" => Some(false),
                "오후" | "저녁" | "밤" => Some(true),
                _ => return Err(TimeError::Unreadable),
            };
            (afternoon, hour)
        }
    };
    let mut hour = number(hour)?;
    let after = after.trim();
    let minute = match after {
        "" => 0,
        "반" => 30,
        m => number(m.strip_suffix('분').ok_or(TimeError::Unreadable)?)?,
    };
    match afternoon {
        Some(_) if !(1..=12).contains(&hour) => return Err(TimeError::OutOfRange),
        Some(true) if hour < 12 => hour += 12,
        Some(false) if hour == 12 => hour = 0,
        _ => {}
    }
    LocalTime::new(hour, minute)
        .map(Some)
        .ok_or(TimeError::OutOfRange)
}
