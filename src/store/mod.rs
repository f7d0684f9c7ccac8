//! The database: the only code in Lectern that speaks SQL.
//!
//! SQLite by default (one file, created on first run, nothing to install) and
//! PostgreSQL when several instances share state. Both run the SAME queries
//! through sqlx's `Any` driver: every statement here is written in the common
//! subset (numbered `$1` placeholders, which SQLite also accepts; `BIGINT` and
//! `TEXT` columns; `INSERT … ON CONFLICT`), so there is one set of queries and
//! one set of migrations to keep right, and the backend is chosen at run time
//! from the URL. The `query!` macros are not used: they check against one
//! database at build time, which would tie the build to one backend and to a
//! live database.
//!
//! Every write is one transaction, committed before the caller acknowledges
//! anything. Discord ids are stored as the `i64` with the same bits (Postgres
//! has no unsigned integers); nothing else about a member is stored.

mod admin;
mod book;
mod daily;
mod daily_book;
mod marks;
mod progress;
mod quiz;
mod settings;
mod shared;

use std::path::{Path, PathBuf};
use std::time::Duration;

use sqlx::any::AnyPoolOptions;
use sqlx::AnyPool;
use sqlx::Executor;

pub use admin::Export;
pub use daily::SCHEDULER_LOCK;
pub use marks::Marked;
pub use progress::WatchedRow;
pub use shared::{SharedStore, RETRY_EVERY};

/// Embedded schema, applied at every start (already-applied steps are skipped).
static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// The SQLite file used when neither the config nor `DATABASE_URL` names one.
pub const DEFAULT_FILE_NAME: &str = "lectern.sqlite3";

/// Which database a [`Store`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Down, unreachable, locked or timed out: worth retrying later.
    #[error("the database is unavailable: {0}")]
    Unavailable(String),
    /// The URL or the request itself is wrong; retrying won't help.
    #[error("{0}")]
    Invalid(String),
}

impl From<sqlx::migrate::MigrateError> for StoreError {
    fn from(error: sqlx::migrate::MigrateError) -> Self {
        match error {
            sqlx::migrate::MigrateError::Execute(e) => StoreError::from(e),
            other => StoreError::Invalid(format!("migration failed: {other}")),
        }
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        match error {
            sqlx::Error::Configuration(e) => StoreError::Invalid(e.to_string()),
            sqlx::Error::Migrate(e) => StoreError::Invalid(format!("migration failed: {e}")),
            other => StoreError::Unavailable(other.to_string()),
        }
    }
}

/// How to open a store; [`Options::default`] suits the bot.
#[derive(Debug, Clone)]
pub struct Options {
    /// How long a write waits for a locked SQLite file.
    pub busy_timeout: Duration,
    /// How long a command waits for a connection before saying the database is down.
    pub acquire_timeout: Duration,
    pub max_connections: u32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            busy_timeout: Duration::from_secs(2),
            acquire_timeout: Duration::from_secs(3),
            max_connections: 8,
        }
    }
}

/// An open, migrated database.
#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// Marks go through one writer that commits them in batches ([`marks`]).
    marks: tokio::sync::mpsc::Sender<marks::MarkJob>,
}

/// The database URL: `DATABASE_URL` wins over the config's `database:`, which
/// wins over a file in the user's data directory. A bare path means SQLite.
pub fn resolve_url(env: Option<&str>, configured: Option<&str>) -> Result<String, StoreError> {
    let chosen = env
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .or(configured.map(str::trim).filter(|s| !s.is_empty()));
    match chosen {
        Some(url) if url.contains("://") || url.starts_with("sqlite:") => Ok(url.to_string()),
        Some(path) => Ok(sqlite_url(Path::new(path))),
        None => {
            let dir = dirs::data_dir().map(|d| d.join("lectern")).ok_or_else(|| {
                StoreError::Invalid("no user data directory; set DATABASE_URL".into())
            })?;
            Ok(sqlite_url(&dir.join(DEFAULT_FILE_NAME)))
        }
    }
}

/// The URL of the SQLite file at `path`.
pub fn sqlite_url(path: &Path) -> String {
    format!("sqlite://{}", path.display())
}

fn backend_of(url: &str) -> Result<Backend, StoreError> {
    if url.starts_with("sqlite:") {
        Ok(Backend::Sqlite)
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(Backend::Postgres)
    } else {
        Err(StoreError::Invalid(format!(
            "unsupported database URL (use sqlite://PATH or postgres://…): {}",
            redact(url)
        )))
    }
}

/// `url` without its password, for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{}{}@{}", &url[..scheme + 3], user, &url[at + 1..])
        }
        _ => url.to_string(),
    }
}

/// The SQLite file a `sqlite:` URL points at, if any (not `:memory:`).
fn sqlite_path(url: &str) -> Option<PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or("");
    (!path.is_empty() && !path.starts_with(":memory:")).then(|| PathBuf::from(path))
}

impl Store {
    /// Connects with [`Options::default`] and migrates.
    pub async fn open(url: &str) -> Result<Store, StoreError> {
        Store::open_with(url, &Options::default()).await
    }

    /// Connects to `url` (creating a missing SQLite file and its folder) and
    /// applies the embedded migrations.
    pub async fn open_with(url: &str, options: &Options) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let backend = backend_of(url)?;
        let mut connect_url = url.to_string();
        if backend == Backend::Sqlite {
            if let Some(path) = sqlite_path(url) {
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir).map_err(|e| {
                        StoreError::Invalid(format!("can't create {}: {e}", dir.display()))
                    })?;
                }
            }
            if !connect_url.contains("mode=") {
                connect_url.push(if connect_url.contains('?') { '&' } else { '?' });
                connect_url.push_str("mode=rwc");
            }
        }
        let busy_ms = options.busy_timeout.as_millis();
        let pool = AnyPoolOptions::new()
            .max_connections(options.max_connections.max(1))
            .acquire_timeout(options.acquire_timeout)
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if conn.backend_name() == "SQLite" {
                        conn.execute(format!("PRAGMA busy_timeout = {busy_ms}").as_str())
                            .await?;
                        conn.execute("PRAGMA synchronous = FULL").await?;
                    }
                    Ok(())
                })
            })
            .connect(&connect_url)
            .await?;
        if backend == Backend::Sqlite {
            // Persistent in the file: readers never block the writer.
            pool.execute("PRAGMA journal_mode = WAL").await?;
        }
        MIGRATOR.run(&pool).await?;
        let marks = marks::spawn_writer(pool.clone());
        Ok(Store {
            pool,
            backend,
            marks,
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Whether the database answers right now.
    pub async fn ping(&self) -> Result<(), StoreError> {
        self.pool.execute("SELECT 1").await?;
        Ok(())
    }

    /// Waits for open connections to finish and closes them.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// A Discord id as stored.
pub(crate) fn to_db(id: u64) -> i64 {
    id as i64
}

/// A stored id back as a Discord id.
pub(crate) fn from_db(id: i64) -> u64 {
    id as u64
}
