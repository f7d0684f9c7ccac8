//! Spaced review of questions with FSRS ([`rs_fsrs`], default parameters,
//! no fuzz: the same answers at the same times give the same schedule). A
//! card is kept as the scheduler's JSON beside its due time; "now" is
//! always handed in.

use chrono::{DateTime, Utc};
use rs_fsrs::{Card, Rating, FSRS};

/// A card as stored: the scheduler's state and when it is next due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardState {
    /// The FSRS card as JSON.
    pub state: String,
    /// Unix seconds.
    pub due: i64,
}

fn at(unix: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(unix, 0).unwrap_or_default()
}

fn stored(card: &Card) -> CardState {
    CardState {
        state: serde_json::to_string(card).unwrap_or_default(),
        due: card.due.timestamp(),
    }
}

/// A new card, due at once (a question a member put into review).
pub fn added(now: i64) -> CardState {
    let mut card = Card::new();
    card.due = at(now);
    card.last_review = at(now);
    stored(&card)
}

/// The card after an answer at `now`: right counts as Good, wrong as Again.
/// `previous` is the stored state (a new card when missing or unreadable).
pub fn answered(previous: Option<&str>, now: i64, right: bool) -> CardState {
    let card = previous
        .and_then(|s| serde_json::from_str::<Card>(s).ok())
        .unwrap_or_default();
    let rating = if right { Rating::Good } else { Rating::Again };
    let next = FSRS::default().next(card, at(now), rating);
    stored(&next.card)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400;

    #[test]
    fn wrong_comes_back_soon_and_right_later_and_later() {
        let t0 = 1_700_000_000;
        let wrong = answered(None, t0, false);
        assert!(wrong.due > t0 && wrong.due - t0 < DAY, "{wrong:?}");
        let mut card = wrong;
        let mut now = card.due;
        let mut gaps = Vec::new();
        for _ in 0..4 {
            let next = answered(Some(&card.state), now, true);
            gaps.push(next.due - now);
            now = next.due;
            card = next;
        }
        assert!(gaps.windows(2).all(|g| g[1] >= g[0]), "{gaps:?}");
        assert!(*gaps.last().unwrap_or(&0) >= DAY, "{gaps:?}");
        assert_eq!(answered(None, t0, false), answered(None, t0, false));
        assert_eq!(added(t0).due, t0);
    }
}
