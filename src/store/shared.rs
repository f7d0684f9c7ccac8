//! The store as the adapters hold it: opened at start if the database is
//! there, and reopened on demand if it wasn't, so a bot that started while
//! the database was down heals by itself. Once open, sqlx's pool replaces
//! broken connections on its own.

use std::time::{Duration, Instant};

use tokio::sync::Mutex;

use super::{Options, Store, StoreError};

/// How often a missing database is tried again.
pub const RETRY_EVERY: Duration = Duration::from_secs(5);

#[derive(Debug)]
pub struct SharedStore {
    url: String,
    options: Options,
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    store: Option<Store>,
    last_try: Option<Instant>,
    last_error: Option<String>,
}

impl SharedStore {
    /// Tries to open `url` now; a failure is kept and retried by [`Self::get`].
    pub async fn start(url: String, options: Options) -> SharedStore {
        let shared = SharedStore {
            url,
            options,
            state: Mutex::new(State::default()),
        };
        if let Err(error) = shared.get().await {
            tracing::warn!("database not available yet (will retry): {error}");
        }
        shared
    }

    /// The open store, opening it first if it isn't (at most once every
    /// [`RETRY_EVERY`]); otherwise the reason it is unavailable.
    pub async fn get(&self) -> Result<Store, StoreError> {
        let mut state = self.state.lock().await;
        if let Some(store) = &state.store {
            return Ok(store.clone());
        }
        let due = state.last_try.is_none_or(|at| at.elapsed() >= RETRY_EVERY);
        if !due {
            let reason = state.last_error.clone().unwrap_or_default();
            return Err(StoreError::Unavailable(reason));
        }
        state.last_try = Some(Instant::now());
        match Store::open_with(&self.url, &self.options).await {
            Ok(store) => {
                state.store = Some(store.clone());
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
