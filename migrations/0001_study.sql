-- Study state: ids only (Discord guild and user snowflakes, stored as their
-- signed 64-bit bit pattern), never names or message content.
-- Written once for both SQLite and PostgreSQL: BIGINT and TEXT only.

CREATE TABLE progress (
    guild_id   BIGINT NOT NULL,
    user_id    BIGINT NOT NULL,
    course     TEXT   NOT NULL,
    chapter    BIGINT NOT NULL,
    watched_at BIGINT NOT NULL,
    PRIMARY KEY (guild_id, user_id, course, chapter)
);

-- One row per day a member studied, as a date in the guild's time zone.
CREATE TABLE activity_days (
    guild_id BIGINT NOT NULL,
    user_id  BIGINT NOT NULL,
    day      TEXT   NOT NULL,
    PRIMARY KEY (guild_id, user_id, day)
);

-- Unset columns fall back to the config.
CREATE TABLE guild_settings (
    guild_id          BIGINT PRIMARY KEY,
    default_course    TEXT,
    locale            TEXT,
    hidden_by_default BIGINT,
    time_zone         TEXT
);
