-- Quizzes and spaced review: ids only, as in 0001. A question is named by
-- its course and `chapter:kind:item:seed` (see src/quiz); the notes rebuild
-- it, so no question text is stored.
-- Written once for both SQLite and PostgreSQL: BIGINT and TEXT only.

-- A member answers a question once: the first answer is the one kept.
CREATE TABLE quiz_answers (
    guild_id    BIGINT NOT NULL,
    user_id     BIGINT NOT NULL,
    course      TEXT   NOT NULL,
    question    TEXT   NOT NULL,
    -- What the question showed when answered (src/quiz fingerprint).
    fingerprint TEXT   NOT NULL,
    choice      BIGINT NOT NULL,
    correct     BIGINT NOT NULL,
    answered_at BIGINT NOT NULL,
    PRIMARY KEY (guild_id, user_id, course, question)
);

-- One review card per member and question: the FSRS state as JSON and
-- when it is next due (Unix seconds).
CREATE TABLE review_cards (
    guild_id   BIGINT NOT NULL,
    user_id    BIGINT NOT NULL,
    course     TEXT   NOT NULL,
    question   TEXT   NOT NULL,
    state      TEXT   NOT NULL,
    due        BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (guild_id, user_id, course, question)
);

CREATE INDEX review_cards_due ON review_cards (guild_id, user_id, due);
