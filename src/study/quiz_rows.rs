//! The quiz's rows as the commands see them: a member's answer to one
//! question, and one review card. The questions themselves are rebuilt from
//! the notes ([`crate::quiz`]); only these references and results are kept.

/// A member's answer to one question (the first one counts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizAnswer {
    pub course: String,
    /// [`crate::quiz::QuestionRef::id`].
    pub question: String,
    /// What the question showed when answered.
    pub fingerprint: String,
    /// The chosen choice's index.
    pub choice: u32,
    pub correct: bool,
    /// Unix seconds.
    pub at: i64,
}

/// A question in a member's review queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewCard {
    pub course: String,
    /// [`crate::quiz::QuestionRef::id`].
    pub question: String,
    /// The FSRS card, as [`crate::quiz::review`] keeps it.
    pub state: String,
    /// Unix seconds.
    pub due: i64,
    pub updated_at: i64,
}
