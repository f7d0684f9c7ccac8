-- The daily chapter post (issue 13): a schedule per server and course, and
-- one claimed row per server, course and local date, inserted BEFORE the
-- post is sent so it goes out exactly once across instances and restarts.
-- Written once for both SQLite and PostgreSQL: BIGINT and TEXT only.

CREATE TABLE daily_schedules (
    guild_id      BIGINT NOT NULL,
    course        TEXT   NOT NULL,
    channel_id    BIGINT NOT NULL,
    -- Local time of the post, in minutes since midnight.
    minute_of_day BIGINT NOT NULL,
    -- Who set it up (failure reports go to them); NULL after /forget-me.
    admin_id      BIGINT,
    -- The chapter number the next post shows; NULL when the course is done.
    next_chapter  BIGINT,
    since         BIGINT NOT NULL,
    -- A /daily now not yet served (unix seconds).
    now_requested BIGINT,
    PRIMARY KEY (guild_id, course)
);

CREATE TABLE daily_posts (
    guild_id   BIGINT NOT NULL,
    course     TEXT   NOT NULL,
    day        TEXT   NOT NULL,
    chapter    BIGINT NOT NULL,
    channel_id BIGINT NOT NULL,
    claimed_at BIGINT NOT NULL,
    -- 'pending', 'sent' or 'failed'.
    outcome    TEXT   NOT NULL,
    message_id BIGINT,
    reason     TEXT,
    PRIMARY KEY (guild_id, course, day)
);
