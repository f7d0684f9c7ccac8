//! Per-server settings: one row per guild, absent until someone sets one.

use sqlx::Row;

use super::{to_db, Store, StoreError};
use crate::study::GuildSettings;

impl Store {
    /// The guild's settings; all `None` when it never set any.
    pub async fn settings(&self, guild: u64) -> Result<GuildSettings, StoreError> {
        let row = sqlx::query(
            "SELECT default_course, locale, hidden_by_default, time_zone \
             FROM guild_settings WHERE guild_id = $1",
        )
        .bind(to_db(guild))
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(GuildSettings::default());
        };
        Ok(GuildSettings {
            default_course: row.try_get(0)?,
            locale: row.try_get(1)?,
            hidden_by_default: row.try_get::<Option<i64>, _>(2)?.map(|v| v != 0),
            time_zone: row.try_get(3)?,
        })
    }

    /// Replaces the guild's settings with `settings` (a `None` clears one).
    pub async fn save_settings(
        &self,
        guild: u64,
        settings: &GuildSettings,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO guild_settings (guild_id, default_course, locale, hidden_by_default, time_zone) \
             VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (guild_id) DO UPDATE SET default_course = excluded.default_course, \
             locale = excluded.locale, hidden_by_default = excluded.hidden_by_default, \
             time_zone = excluded.time_zone",
        )
        .bind(to_db(guild))
        .bind(settings.default_course.as_deref())
        .bind(settings.locale.as_deref())
        .bind(settings.hidden_by_default.map(i64::from))
        .bind(settings.time_zone.as_deref())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
