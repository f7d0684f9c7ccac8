//! `config/lectern.yaml`: where content lives and how the bot behaves.
//!
//! The shipped settings are compiled in ([`Config::builtin`]), so the binary
//! runs from any directory; a config file is laid over them (what it sets
//! wins). The file is found by [`locate`]: `--config`, then `LECTERN_CONFIG`,
//! then `./config/lectern.yaml`, then `lectern/lectern.yaml` in the user's
//! config directory. Relative paths in a file are resolved against the file's
//! own folder; content and glossary paths come only from a file (without one,
//! content is `./content` or `--content`, and the glossary is the compiled-in
//! one). A named file that is missing or broken is an error that names it.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::library::load::DEFAULT_MAX_FILE_BYTES;
use crate::yaml;

/// The default location, relative to the working directory.
pub const DEFAULT_CONFIG_PATH: &str = "config/lectern.yaml";

/// The environment variable naming a config file.
pub const CONFIG_ENV: &str = "LECTERN_CONFIG";

/// The shipped settings, compiled in.
const BUILTIN: &str = include_str!("../config/lectern.yaml");

/// The config file to use: `explicit` (`--config`), else `LECTERN_CONFIG`,
/// else `./config/lectern.yaml` or the user's `lectern/lectern.yaml` when they
/// exist; `None`: the compiled-in settings alone.
pub fn locate(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(path) = explicit {
        return Some(path.to_path_buf());
    }
    if let Some(path) = std::env::var_os(CONFIG_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let local = PathBuf::from(DEFAULT_CONFIG_PATH);
    if local.is_file() {
        return Some(local);
    }
    dirs::config_dir()
        .map(|d| d.join("lectern").join("lectern.yaml"))
        .filter(|p| p.is_file())
}

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
    /// How often the daily chapter scheduler looks, in seconds (default 30).
    #[serde(default)]
    pub daily_tick_seconds: Option<u64>,
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
    /// The compiled-in settings, with content in `./content` and no glossary
    /// file (the compiled-in glossary is always loaded).
    pub fn builtin() -> Config {
        // A unit test checks that the shipped file parses.
        let mut config = Config::parse("(built in)", BUILTIN).unwrap_or_default();
        config.content = default_content();
        config.glossary = None;
        config
    }

    /// The config at `path` (see [`locate`]), or the compiled-in one.
    pub fn find(path: Option<&Path>) -> Result<Config, ConfigError> {
        match path {
            Some(path) => Config::load(path),
            None => Ok(Config::builtin()),
        }
    }

    /// Reads a config file laid over the compiled-in settings; relative paths
    /// become relative to its folder.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Unreadable {
            path: shown.clone(),
            source,
        })?;
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
        // The file alone first, for errors with its own line numbers.
        let own = Config::parse(&shown, text)?;
        let mut config: Config = if text.trim().is_empty() {
            Config::builtin()
        } else {
            yaml::parse_layered(BUILTIN, text).map_err(|e| ConfigError::Broken {
                path: shown.clone(),
                line: e.line.unwrap_or(1),
                message: e.message,
            })?
        };
        let base = path.parent().unwrap_or(Path::new("."));
        config.content = own.content.iter().map(|p| base.join(p)).collect();
        config.glossary = own.glossary.map(|g| base.join(g));
        config.database = own.database;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_settings_are_compiled_in() {
        let config = Config::builtin();
        assert_eq!(config.default_course.as_deref(), Some("deep-dive-llms"));
        assert_eq!(config.locale.as_deref(), Some("ko"));
        assert_eq!(config.content, vec![PathBuf::from("content")]);
        assert_eq!(config.glossary, None);
        assert!(!crate::search::Glossary::builtin().concepts.is_empty());
    }

    #[test]
    fn a_file_is_laid_over_the_compiled_in_settings() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mine.yaml");
        std::fs::write(
            &path,
            "locale: en\ndiscord:\n  ephemeral_by_default: true\n",
        )
        .unwrap();
        let config = Config::load(&path).unwrap();
        assert_eq!(config.locale.as_deref(), Some("en"));
        assert!(config.discord.ephemeral_by_default);
        // What the file doesn't say keeps the shipped value…
        assert_eq!(config.default_course.as_deref(), Some("deep-dive-llms"));
        // …except paths, which only a file gives (relative to itself).
        assert_eq!(config.content, vec![dir.path().join("content")]);
        assert_eq!(config.glossary, None);
    }

    #[test]
    fn a_broken_file_names_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.yaml");
        std::fs::write(&path, "locale: en\nnot_a_setting: 1\n").unwrap();
        let error = Config::load(&path).unwrap_err().to_string();
        assert!(error.contains("bad.yaml:"), "{error}");
    }

    #[test]
    fn an_explicit_path_wins() {
        let path = Path::new("/somewhere/lectern.yaml");
        assert_eq!(locate(Some(path)).as_deref(), Some(path));
    }
}
