//! `config/lectern.yaml`: where content lives and how the bot behaves.
//!
//! Relative paths in the file are resolved against the file's own folder, so
//! the defaults work from any working directory. A missing or broken file is an
//! error that names the file.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::library::load::DEFAULT_MAX_FILE_BYTES;
use crate::yaml;

/// The default location, relative to the working directory.
pub const DEFAULT_CONFIG_PATH: &str = "config/lectern.yaml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Content folders; each is searched for courses.
    #[serde(default = "default_content")]
    pub content: Vec<PathBuf>,
    /// The concept glossary for search.
    #[serde(default)]
    pub glossary: Option<PathBuf>,
    /// Course used when a command names none and several are loaded.
    #[serde(default)]
    pub default_course: Option<String>,
    /// Chapter files larger than this are refused.
    #[serde(default = "default_max_file_bytes")]
    pub max_file_bytes: u64,
    /// Reply language when the client doesn't say: `ko` or `en`.
    #[serde(default)]
    pub locale: Option<String>,
    /// Where study state lives: `sqlite://PATH`, `postgres://…`, or a bare
    /// file path (SQLite). `DATABASE_URL` overrides it; unset means a file in
    /// the user's data directory.
    #[serde(default)]
    pub database: Option<String>,
    #[serde(default)]
    pub discord: DiscordConfig,
    /// Transport limits of the HTTP interactions endpoint.
    #[serde(default)]
    pub http: HttpConfig,
}

/// Limits of `serve --http` (see `docs/deploy.md`); every field has a default
/// fit for the open internet.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct HttpConfig {
    /// A request's headers must arrive within this (also bounds how long a
    /// keep-alive connection may sit idle).
    pub header_timeout_ms: u64,
    /// A request's body must arrive within this once its headers are read.
    pub body_timeout_ms: u64,
    /// Largest accepted request head (request line and headers).
    pub max_header_bytes: usize,
    /// Most connections open at once; lowered at start to stay below the
    /// process's open-file limit.
    pub max_connections: usize,
    /// On SIGTERM/SIGINT, how long requests in flight may still finish.
    pub shutdown_grace_ms: u64,
    /// Where `GET /healthz` and `GET /metrics` are served; off when unset
    /// (`serve --ops ADDR` overrides).
    pub ops: Option<std::net::SocketAddr>,
}

impl Default for HttpConfig {
    fn default() -> Self {
        HttpConfig {
            header_timeout_ms: 10_000,
            body_timeout_ms: 10_000,
            max_header_bytes: 16 * 1024,
            max_connections: 4096,
            shutdown_grace_ms: 3_000,
            ops: None,
        }
    }
}

/// Settings for the Discord adapters.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiscordConfig {
    /// Guild for instant command registration while developing.
    #[serde(default)]
    pub dev_guild: Option<u64>,
    /// Whether answers are visible only to the asker unless they say otherwise.
    #[serde(default)]
    pub ephemeral_by_default: bool,
}

fn default_content() -> Vec<PathBuf> {
    vec![PathBuf::from("content")]
}

fn default_max_file_bytes() -> u64 {
    DEFAULT_MAX_FILE_BYTES
}

impl Default for Config {
    fn default() -> Self {
        Config {
            content: default_content(),
            glossary: None,
            default_course: None,
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            locale: None,
            database: None,
            discord: DiscordConfig::default(),
            http: HttpConfig::default(),
        }
    }
}

/// Why the configuration could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: can't read the config file: {source}")]
    Unreadable {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:{line}: broken config: {message}")]
    Broken {
        path: String,
        line: usize,
        message: String,
    },
}

impl Config {
    /// Reads and parses a config file; relative paths become relative to its folder.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Unreadable {
            path: shown.clone(),
            source,
        })?;
        let mut config = Config::parse(&shown, &text)?;
        let base = path.parent().unwrap_or(Path::new("."));
        config.content = config.content.iter().map(|p| base.join(p)).collect();
        config.glossary = config.glossary.map(|g| base.join(g));
        config.database = config.database.map(|d| {
            if d.contains(':') || Path::new(&d).is_absolute() {
                d
            } else {
                base.join(d).display().to_string()
            }
        });
        Ok(config)
    }

    /// Parses config text (paths left as written).
    pub fn parse(shown_path: &str, text: &str) -> Result<Config, ConfigError> {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        if text.trim().is_empty() {
            return Ok(Config::default());
        }
        yaml::parse_document(text).map_err(|e| ConfigError::Broken {
            path: shown_path.to_string(),
            line: e.line.unwrap_or(1),
            message: e.message,
        })
    }
}
