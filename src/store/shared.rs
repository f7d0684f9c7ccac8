//! The store as the adapters hold it: opened at start if the database is
//! there, and reopened on demand if it wasn't, so a bot that started while
//! the database was down heals by itself. Once open, sqlx's pool replaces
//! broken connections on its own.
//!
//! The open store is read without a lock (a burst of presses must not queue
//! on one mutex); the mutex only serialises reopening. Each server's settings
//! are read by every command, so they are kept for [`SETTINGS_FRESH`]: a
//! change made here shows at once, one made by another instance within that.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use arc_swap::ArcSwapOption;
use tokio::sync::Mutex;

use super::{Options, Store, StoreError};
use crate::study::GuildSettings;

/// How often a missing database is tried again.
pub const RETRY_EVERY: Duration = Duration::from_secs(5);

/// How long a server's settings are used without reading them again.
pub const SETTINGS_FRESH: Duration = Duration::from_secs(2);

#[derive(Debug)]
pub struct SharedStore {
    url: String,
    options: Options,
    open: ArcSwapOption<Store>,
    state: Mutex<State>,
    settings: std::sync::Mutex<HashMap<u64, (Instant, GuildSettings)>>,
    /// The daily scheduler's advisory lock (PostgreSQL).
    scheduler: Mutex<super::daily::SchedulerLock>,
}

#[derive(Debug, Default)]
struct State {
    last_try: Option<Instant>,
    last_error: Option<String>,
}

impl SharedStore {
    /// Tries to open `url` now; a failure is kept and retried by [`Self::get`].
    pub async fn start(url: String, options: Options) -> SharedStore {
        let shared = SharedStore {
            url,
            options,
            open: ArcSwapOption::empty(),
            state: Mutex::new(State::default()),
            settings: std::sync::Mutex::new(HashMap::new()),
            scheduler: Mutex::new(super::daily::SchedulerLock::default()),
        };
        if let Err(error) = shared.get().await {
            tracing::warn!("database not available yet (will retry): {error}");
        }
        shared
    }

    /// The open store, opening it first if it isn't (at most once every
    /// [`RETRY_EVERY`]); otherwise the reason it is unavailable.
    pub async fn get(&self) -> Result<Store, StoreError> {
        if let Some(store) = self.open.load_full() {
            return Ok(Store::clone(&store));
        }
        let mut state = self.state.lock().await;
        if let Some(store) = self.open.load_full() {
            return Ok(Store::clone(&store));
        }
        let due = state.last_try.is_none_or(|at| at.elapsed() >= RETRY_EVERY);
        if !due {
            let reason = state.last_error.clone().unwrap_or_default();
            return Err(StoreError::Unavailable(reason));
        }
        state.last_try = Some(Instant::now());
        match Store::open_with(&self.url, &self.options).await {
            Ok(store) => {
                self.open.store(Some(Arc::new(store.clone())));
                state.last_error = None;
                Ok(store)
            }
            Err(error) => {
                state.last_error = Some(error.to_string());
                Err(error)
            }
        }
    }
}

impl SharedStore {
    /// The database URL it opens.
    pub(super) fn url(&self) -> &str {
        &self.url
    }

    pub(super) fn scheduler_lock(&self) -> &Mutex<super::daily::SchedulerLock> {
        &self.scheduler
    }

    /// The server's settings as last read, if still fresh.
    pub(super) fn fresh_settings(&self, guild: u64) -> Option<GuildSettings> {
        let cache = self.settings.lock().ok()?;
        let (at, settings) = cache.get(&guild)?;
        (at.elapsed() < SETTINGS_FRESH).then(|| settings.clone())
    }

    /// Remembers the server's settings as just read or written.
    pub(super) fn keep_settings(&self, guild: u64, settings: &GuildSettings) {
        if let Ok(mut cache) = self.settings.lock() {
            if cache.len() > 10_000 {
                cache.retain(|_, (at, _)| at.elapsed() < SETTINGS_FRESH);
            }
            cache.insert(guild, (Instant::now(), settings.clone()));
        }
    }
}
