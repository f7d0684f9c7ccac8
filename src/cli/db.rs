//! `lectern db`: chores on the study database from a terminal — an online
//! backup, and a JSON export of everything for a member's data request — and
//! [`open_book`], how every answering command opens it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use std::sync::Arc;

use super::SetupError;
use crate::config::Config;
use crate::store::{self, Options, SharedStore, Store};
use crate::study::Book;

#[derive(Debug, clap::Args)]
pub struct DbArgs {
    #[command(subcommand)]
    pub action: DbAction,
}

#[derive(Debug, clap::Subcommand)]
pub enum DbAction {
    /// Copy the live SQLite database to FILE (a new file), consistently.
    Backup { file: PathBuf },
    /// Print every stored row as one JSON document.
    Export,
    /// Print the database URL in use (without its password).
    Where,
}

/// The URL from `DATABASE_URL`, else the config's `database:`, else the default file.
pub fn database_url(config_path: Option<&Path>) -> Result<String, SetupError> {
    let configured = Config::find(config_path).ok().and_then(|c| c.database);
    let env = std::env::var("DATABASE_URL").ok();
    store::resolve_url(env.as_deref(), configured.as_deref()).map_err(|e| SetupError(e.to_string()))
}

/// The study database for a command that answers members (`serve`, `ask`,
/// `console`): opened now, migrated, and retried in the background while it
/// is down. `None` only when no URL can be worked out (no data directory and
/// nothing configured); then state commands say the database is unavailable.
pub async fn open_book(config_path: Option<&Path>) -> Option<Arc<dyn Book>> {
    match database_url(config_path) {
        Ok(url) => {
            tracing::info!(database = %store::redact(&url), "study database");
            Some(Arc::new(SharedStore::start(url, Options::default()).await))
        }
        Err(SetupError(why)) => {
            tracing::warn!("no study database: {why}");
            None
        }
    }
}

pub fn run(config_path: Option<&Path>, args: &DbArgs) -> Result<ExitCode, SetupError> {
    let url = database_url(config_path)?;
    if let DbAction::Where = args.action {
        println!("{}", store::redact(&url));
        return Ok(ExitCode::SUCCESS);
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| SetupError(format!("can't start the async runtime: {e}")))?;
    runtime.block_on(async {
        let store = Store::open(&url)
            .await
            .map_err(|e| SetupError(format!("{}: {e}", store::redact(&url))))?;
        let outcome = match &args.action {
            DbAction::Backup { file } => store.backup(file).await.map(|()| {
                eprintln!("backup written to {}", file.display());
            }),
            DbAction::Export => store.export().await.map(|export| {
                let json = serde_json::to_string_pretty(&export).unwrap_or_default();
                println!("{json}");
            }),
            DbAction::Where => Ok(()),
        };
        store.close().await;
        outcome.map_err(|e| SetupError(e.to_string()))?;
        Ok(ExitCode::SUCCESS)
    })
}
