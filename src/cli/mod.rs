//! The command line: `ask`, `console`, `check` and `search` over the same core
//! the Discord adapters use, and `serve` / `register` for Discord itself.
//! `main.rs` only calls [`main`].
//!
//! Exit status: 0 success, 1 a user error (bad command, nothing found, content
//! errors in `check`), 2 a broken setup (config unreadable, nothing loaded).

pub mod ask;
mod check;
pub mod console;
pub(crate) mod db;
mod discord;
mod search;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::answer::Locale;
use crate::app::Lectern;
use crate::config::Config;

#[derive(Debug, Parser)]
#[command(
    name = "lectern",
    version,
    about = "Lecture study notes in chat: summaries, key points, and topic lookup with links to the moment in the video."
)]
pub struct Cli {
    /// Configuration file [default: $LECTERN_CONFIG, else ./config/lectern.yaml,
    /// else lectern/lectern.yaml in the user's config directory, else the
    /// built-in settings].
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Cmd,
}

/// Options every subcommand takes.
#[derive(Debug, Clone, clap::Args)]
pub struct ContentArgs {
    /// Content folder (repeatable); replaces the configured folders.
    #[arg(long = "content", value_name = "DIR")]
    pub content: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Answer one slash command as typed in Discord, e.g. `lectern ask '/summary chapter:21'`.
    Ask {
        /// The command line, e.g. '/search query:에이전트'.
        line: String,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Reply language.
        #[arg(long, value_enum)]
        locale: Option<LocaleArg>,
        /// Write the answer's picture (e.g. /where's) to FILE; without it the
        /// text and JSON formats write it to a temporary file and print its path.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        #[command(flatten)]
        content: ContentArgs,
    },
    /// An interactive loop over the same commands; `/quit` to leave.
    Console {
        #[arg(long, value_enum)]
        locale: Option<LocaleArg>,
        #[command(flatten)]
        content: ContentArgs,
    },
    /// Lint content: one line per finding (`path:line: error|warning: message`).
    Check {
        #[command(flatten)]
        content: ContentArgs,
    },
    /// Search topics from the command line (`--json` for tooling).
    Search {
        /// The query (omit with --queries).
        query: Option<String>,
        /// Answer every line of FILE, one JSON object per line.
        #[arg(long, value_name = "FILE", conflicts_with = "query")]
        queries: Option<PathBuf>,
        #[arg(long, default_value_t = 10)]
        limit: usize,
        #[arg(long)]
        json: bool,
        /// Show why each chapter ranked where it did.
        #[arg(long, conflicts_with_all = ["queries", "json"])]
        explain: bool,
        #[command(flatten)]
        content: ContentArgs,
    },
    /// Answer slash commands: over Discord's gateway (token from
    /// DISCORD_TOKEN), or with --http as the Interactions Endpoint URL
    /// (public key from DISCORD_PUBLIC_KEY). Content edits are live.
    Serve(discord::ServeArgs),
    /// Register the slash commands with Discord (one bulk overwrite), or
    /// `--print` the JSON that would be sent.
    Register(discord::RegisterArgs),
    /// The study database: `backup FILE` (online, consistent) or `export` (JSON).
    Db(db::DbArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people: readable in a terminal, links included.
    Text,
    /// One JSON object: ok, title, url, text (or error, suggestions).
    Json,
    /// The exact interaction response the Discord handler sends.
    Discord,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LocaleArg {
    Ko,
    En,
}

impl LocaleArg {
    fn resolve(arg: Option<LocaleArg>, lectern: &Lectern) -> Locale {
        match arg {
            Some(LocaleArg::Ko) => Locale::Ko,
            Some(LocaleArg::En) => Locale::En,
            None => lectern.default_locale,
        }
    }
}

/// A setup problem: printed to stderr, exit status 2.
#[derive(Debug)]
pub struct SetupError(pub String);

/// Exit status for a broken setup.
pub const EXIT_SETUP: u8 = 2;

/// Runs the command line.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    init_tracing(match cli.command {
        Cmd::Serve(_) | Cmd::Register(_) => "warn,lectern=info",
        _ => "warn",
    });
    let config = crate::config::locate(cli.config.as_deref());
    let config = config.as_deref();
    let result = match cli.command {
        Cmd::Ask {
            line,
            format: Format::Discord,
            locale,
            out,
            content,
        } => load(config, &content).map(|l| {
            let settings = crate::discord::Settings::from_config(&discord::discord_config(config));
            let locale = LocaleArg::resolve(locale, &l);
            discord::ask(&l, config, &settings, &line, locale, out.as_deref())
        }),
        Cmd::Serve(args) => discord::serve(config, &args),
        Cmd::Register(args) => load(config, &args.content)
            .and_then(|l| discord::register_commands(&l, &discord::discord_config(config), &args)),
        Cmd::Ask {
            line,
            format,
            locale,
            out,
            content,
        } => load(config, &content).map(|l| {
            let locale = LocaleArg::resolve(locale, &l);
            ask::run(&l, config, &line, format, locale, out.as_deref())
        }),
        Cmd::Console { locale, content } => {
            load(config, &content).map(|l| console::run(&l, config, LocaleArg::resolve(locale, &l)))
        }
        Cmd::Db(args) => db::run(config, &args),
        Cmd::Check { content } => load(config, &content).map(|l| check::run(&l)),
        Cmd::Search {
            query,
            queries,
            limit,
            json,
            explain,
            content,
        } => load(config, &content).and_then(|l| match (explain, query.as_deref()) {
            (true, Some(q)) => Ok(search::explain(&l, q)),
            _ => search::run(&l, query.as_deref(), queries.as_deref(), limit, json),
        }),
    };
    match result {
        Ok(code) => code,
        Err(SetupError(message)) => {
            eprintln!("lectern: {message}");
            ExitCode::from(EXIT_SETUP)
        }
    }
}

/// Reads the config (see [`crate::config::locate`]; a missing file is fine
/// when `--content` is given) and loads content.
pub fn load(config_path: Option<&Path>, content: &ContentArgs) -> Result<Lectern, SetupError> {
    let (config, dirs) = config_and_dirs(config_path, content)?;
    let lectern = Lectern::load(&config, &dirs);
    for d in &lectern.library.diagnostics {
        tracing::debug!("{d}");
    }
    Ok(lectern)
}

/// The config (a missing file is fine when `--content` is given) and the
/// content folders to load: `--content`, else the configured ones.
pub fn config_and_dirs(
    config_path: Option<&Path>,
    content: &ContentArgs,
) -> Result<(Config, Vec<PathBuf>), SetupError> {
    let config = match Config::find(config_path) {
        Ok(c) => c,
        Err(crate::config::ConfigError::Unreadable { .. }) if !content.content.is_empty() => {
            Config::builtin()
        }
        Err(e) => return Err(SetupError(e.to_string())),
    };
    let dirs = if content.content.is_empty() {
        config.content.clone()
    } else {
        content.content.clone()
    };
    Ok((config, dirs))
}

/// Logs go to stderr; `RUST_LOG` sets the level (default: warnings, plus
/// Lectern's own info lines for the long-running Discord commands).
fn init_tracing(default: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
}

/// Prints one line to stdout. A reader that went away (`lectern ask … |
/// head`) is not an error: nothing more is printed, quietly, instead of the
/// panic `println!` gives on a closed pipe.
pub(crate) fn print_line(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    // Any write error (a closed pipe above all) means no one is reading.
    let _ = writeln!(out, "{text}").and_then(|()| out.flush());
}
