//! Quiz answers and review cards (migration `0002_quiz.sql`): the first
//! answer of a member to a question is kept and later ones are told what it
//! was; a card is replaced whole at each review.

use sqlx::Row;

use super::{to_db, Store, StoreError};
use crate::study::{QuizAnswer, ReviewCard};

fn card(row: &sqlx::any::AnyRow) -> Result<ReviewCard, sqlx::Error> {
    Ok(ReviewCard {
        course: row.try_get(0)?,
        question: row.try_get(1)?,
        state: row.try_get(2)?,
        due: row.try_get(3)?,
        updated_at: row.try_get(4)?,
    })
}

impl Store {
    /// Keeps `answer` unless the member already answered the question;
    /// whether it was kept, and the answer that counts. One transaction.
    pub async fn answer_once(
        &self,
        guild: u64,
        user: u64,
        answer: &QuizAnswer,
    ) -> Result<(bool, QuizAnswer), StoreError> {
        let mut tx = self.pool.begin().await?;
        let kept = sqlx::query(
            "INSERT INTO quiz_answers \
             (guild_id, user_id, course, question, fingerprint, choice, correct, answered_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (guild_id, user_id, course, question) DO NOTHING",
        )
        .bind(to_db(guild))
        .bind(to_db(user))
        .bind(answer.course.as_str())
        .bind(answer.question.as_str())
        .bind(answer.fingerprint.as_str())
        .bind(i64::from(answer.choice))
        .bind(i64::from(answer.correct))
        .bind(answer.at)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            > 0;
        let row = sqlx::query(
            "SELECT fingerprint, choice, correct, answered_at FROM quiz_answers \
             WHERE guild_id = $1 AND user_id = $2 AND course = $3 AND question = $4",
        )
        .bind(to_db(guild))
        .bind(to_db(user))
        .bind(answer.course.as_str())
        .bind(answer.question.as_str())
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        let first = QuizAnswer {
            course: answer.course.clone(),
            question: answer.question.clone(),
            fingerprint: row.try_get(0)?,
            choice: u32::try_from(row.try_get::<i64, _>(1)?).unwrap_or(u32::MAX),
            correct: row.try_get::<i64, _>(2)? != 0,
            at: row.try_get(3)?,
        };
        Ok((kept, first))
    }

    /// The member's card for a question, if any.
    pub async fn card(
        &self,
        guild: u64,
        user: u64,
        course: &str,
        question: &str,
    ) -> Result<Option<ReviewCard>, StoreError> {
        let row = sqlx::query(
            "SELECT course, question, state, due, updated_at FROM review_cards \
             WHERE guild_id = $1 AND user_id = $2 AND course = $3 AND question = $4",
        )
        .bind(to_db(guild))
        .bind(to_db(user))
        .bind(course)
        .bind(question)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.as_ref().map(card).transpose()?)
    }

    /// Adds or replaces the member's card for its question.
    pub async fn save_card(&self, guild: u64, user: u64, c: &ReviewCard) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO review_cards \
             (guild_id, user_id, course, question, state, due, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (guild_id, user_id, course, question) DO UPDATE SET \
             state = excluded.state, due = excluded.due, updated_at = excluded.updated_at",
        )
        .bind(to_db(guild))
        .bind(to_db(user))
        .bind(c.course.as_str())
        .bind(c.question.as_str())
        .bind(c.state.as_str())
        .bind(c.due)
        .bind(c.updated_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Every card of the member in `guild`, soonest due first.
    pub async fn cards(&self, guild: u64, user: u64) -> Result<Vec<ReviewCard>, StoreError> {
        let rows = sqlx::query(
            "SELECT course, question, state, due, updated_at FROM review_cards \
             WHERE guild_id = $1 AND user_id = $2 ORDER BY due, question",
        )
        .bind(to_db(guild))
        .bind(to_db(user))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().map(card).collect::<Result<_, _>>()?)
    }
}
