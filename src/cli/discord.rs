//! `lectern serve`, `lectern register` and `lectern ask … --format discord`:
//! the command-line faces of [`crate::discord`].
//!
//! `serve` connects over the gateway, or with `--http ADDR` serves the HTTP
//! interactions endpoint ([`crate::discord::http`]) instead. Either way the content is
//! [`Live`]: edited files are picked up by a watcher, and admins can `/reload`.
//! Secrets (the token, the public key) come from the environment only. Setup
//! problems exit with status 2 and a message naming what to fix.

use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use super::{config_and_dirs, ContentArgs, SetupError, EXIT_SETUP};
use crate::answer::slash::parse_slash_hidden;
use crate::answer::{answer, picture_saved, Locale, Request};
use crate::app::Lectern;
use crate::config::{Config, DiscordConfig, HttpConfig};
use crate::discord::gateway::{run_gateway, shutdown_signal, GatewayOptions};
use crate::discord::http::{public_key_from_env, Endpoint};
use crate::discord::poster::HttpPoster;
use crate::discord::register::{
    application_id_from_env, ensure_application_id, http_client, register, token_from_env, Target,
};
use crate::discord::render;
use crate::discord::transport::{raise_open_file_limit, Limits};
use crate::discord::{commands, handle, response_json, synthetic, Interaction, Settings};
use crate::live::{Live, WatchGuard};

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Serve Discord's HTTP interactions endpoint on ADDR (e.g.
    /// 127.0.0.1:8080) instead of connecting to the gateway: no token, the
    /// public key from DISCORD_PUBLIC_KEY. POST /interactions, GET /healthz.
    #[arg(long, value_name = "ADDR", conflicts_with_all = ["register", "api_proxy"])]
    pub http: Option<SocketAddr>,
    /// With --http: serve the operator endpoints GET /healthz and GET
    /// /metrics on this separate address (overrides `http.ops` in the
    /// config; off when neither is set).
    #[arg(long, value_name = "ADDR", requires = "http")]
    pub ops: Option<SocketAddr>,
    /// Register the slash commands before connecting (in --guild, else the
    /// configured dev guild, else globally).
    #[arg(long)]
    pub register: bool,
    /// Guild to register in, with --register.
    #[arg(long, value_name = "ID", requires = "register")]
    pub guild: Option<u64>,
    /// Send REST requests to this base URL instead of https://discord.com
    /// (an API proxy such as twilight-http-proxy; the tests use a fake Discord).
    #[arg(long, value_name = "URL")]
    pub api_proxy: Option<String>,
    /// With --http: send follow-ups (answers with a picture) to this base URL
    /// instead of https://discord.com.
    #[arg(long, value_name = "URL", requires = "http")]
    pub webhook_api: Option<String>,
    #[command(flatten)]
    pub content: ContentArgs,
}

#[derive(Debug, clap::Args)]
pub struct RegisterArgs {
    /// Register in this guild only (instant; for development).
    #[arg(long, value_name = "ID", conflicts_with = "global")]
    pub guild: Option<u64>,
    /// Register globally even when a dev guild is configured.
    #[arg(long)]
    pub global: bool,
    /// Print the JSON array that would be sent and exit: no network, no token.
    #[arg(long)]
    pub print: bool,
    /// Send REST requests to this base URL instead of https://discord.com.
    #[arg(long, value_name = "URL")]
    pub api_proxy: Option<String>,
    #[command(flatten)]
    pub content: ContentArgs,
}

/// The `discord:` settings; an unreadable config was already handled (or
/// excused by `--content`) when the content was loaded.
pub fn discord_config(config_path: Option<&Path>) -> DiscordConfig {
    Config::find(config_path)
        .map(|c| c.discord)
        .unwrap_or_default()
}

/// How long leftover tasks may run once serving has stopped.
const AFTER_SHUTDOWN: std::time::Duration = std::time::Duration::from_millis(500);

fn target(guild: Option<u64>, global: bool, config: &DiscordConfig) -> Target {
    match (guild, global) {
        (Some(id), _) => Target::Guild(id),
        (None, true) => Target::Global,
        (None, false) => config.dev_guild.map_or(Target::Global, Target::Guild),
    }
}

fn runtime() -> Result<tokio::runtime::Runtime, SetupError> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| SetupError(format!("can't start the async runtime: {e}")))
}

fn require_courses(lectern: &Lectern) -> Result<(), SetupError> {
    if lectern.library.courses.is_empty() {
        return Err(SetupError(
            "no course could be loaded; run `lectern check` to see why".into(),
        ));
    }
    Ok(())
}

/// `lectern serve`: the gateway, or with `--http` the HTTP endpoint, on live
/// content.
pub fn serve(config_path: Option<&Path>, args: &ServeArgs) -> Result<ExitCode, SetupError> {
    let (config, dirs) = config_and_dirs(config_path, &args.content)?;
    let discord = config.discord.clone();
    let http_config = config.http.clone();
    let settings = Settings {
        api_base: args.webhook_api.clone(),
        ..Settings::from_config(&discord)
    };
    match args.http {
        Some(addr) => {
            // Secrets first: a missing one fails at once, before any loading.
            let key = public_key_from_env().map_err(SetupError)?;
            let live = start_live(config, dirs, "starting the HTTP interactions endpoint")?;
            let _watching = watch(&live);
            let limits = http_limits(&http_config);
            let ops = args.ops.or(http_config.ops);
            let runtime = runtime()?;
            let book = runtime.block_on(super::db::open_book(config_path));
            let poster = http_poster(&settings);
            let daily = runtime.block_on(http_daily(&live, &settings, book.as_ref(), &poster));
            let endpoint = Arc::new(Endpoint {
                live,
                settings,
                key,
                book,
                channels: poster.map(|p| p as Arc<dyn crate::daily::ChannelCheck>),
            });
            let served = runtime.block_on(async {
                let served =
                    crate::discord::http::serve(endpoint, addr, limits, ops, shutdown_signal())
                        .await;
                if let Some(daily) = daily {
                    daily.stop(AFTER_SHUTDOWN).await;
                }
                served
            });
            // Whatever is still running (a stuck task) gets no more time.
            runtime.shutdown_timeout(AFTER_SHUTDOWN);
            served.map_err(|e| SetupError(format!("can't serve HTTP on {addr}: {e}")))?;
            tracing::info!("stopped");
        }
        None => {
            let options = GatewayOptions {
                token: token_from_env().map_err(|e| SetupError(e.to_string()))?,
                api_proxy: args.api_proxy.clone(),
                register: args.register.then(|| target(args.guild, false, &discord)),
                application_id: application_id_from_env().map_err(|e| SetupError(e.to_string()))?,
                book: None,
            };
            let live = start_live(config, dirs, "starting the gateway client")?;
            let _watching = watch(&live);
            let runtime = runtime()?;
            let options = GatewayOptions {
                book: runtime.block_on(super::db::open_book(config_path)),
                ..options
            };
            let ran = runtime.block_on(run_gateway(live, settings, options, shutdown_signal()));
            runtime.shutdown_timeout(AFTER_SHUTDOWN);
            ran.map_err(|e| SetupError(e.to_string()))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The HTTP endpoint's REST client with the bot token, read from
/// `DISCORD_TOKEN` for the daily posts and `/daily set`'s channel check
/// alone (`None` without it). It goes to the same REST base as follow-ups.
fn http_poster(settings: &Settings) -> Option<Arc<HttpPoster>> {
    let token = token_from_env().ok()?;
    let http = crate::discord::register::http_client(&token, settings.api_base.as_deref());
    Some(Arc::new(HttpPoster::new(Arc::new(http))))
}

/// The daily chapter scheduler of the HTTP endpoint: it needs the bot token
/// ([`http_poster`]); without it, a warning when schedules exist.
async fn http_daily(
    live: &Arc<crate::live::Live>,
    settings: &Settings,
    book: Option<&Arc<dyn crate::study::Book>>,
    poster: &Option<Arc<HttpPoster>>,
) -> Option<crate::discord::daily::Running> {
    use crate::discord::daily::{spawn, warn_without_token, Scheduler};
    let book = book?.clone();
    let Some(poster) = poster.clone() else {
        warn_without_token(book.as_ref()).await;
        return None;
    };
    let scheduler = Scheduler {
        live: live.clone(),
        book,
        poster,
    };
    tracing::info!("daily chapter posts: on (DISCORD_TOKEN set)");
    Some(spawn(scheduler, settings.daily_tick()))
}

/// The configured transport limits, with the connection cap kept below the
/// open-file limit (raised to its hard maximum first).
fn http_limits(config: &HttpConfig) -> Limits {
    let limits = Limits::from_config(config);
    match raise_open_file_limit() {
        Some(nofile) => {
            let limits = limits.within_open_files(nofile);
            tracing::info!(
                open_files = nofile,
                max_connections = limits.max_connections,
                "connection cap"
            );
            limits
        }
        None => limits,
    }
}

/// Loads the content once, refusing to start with no course at all.
fn start_live(
    config: Config,
    dirs: Vec<std::path::PathBuf>,
    what: &str,
) -> Result<Arc<Live>, SetupError> {
    let live = Arc::new(Live::new(config, dirs));
    live.on_reload(|report| crate::discord::ops::reloaded(report.diagnostics.len()));
    let lectern = live.get();
    require_courses(&lectern)?;
    tracing::info!(
        chapters = lectern
            .library
            .courses
            .iter()
            .map(|c| c.chapters.len())
            .sum::<usize>(),
        courses = lectern.library.courses.len(),
        "{what}"
    );
    Ok(live)
}

/// Starts reloading on file changes; the guard must live as long as the
/// server. A watcher that can't start is a warning: the content is served as
/// loaded, and `/reload` still works.
fn watch(live: &Arc<Live>) -> Option<WatchGuard> {
    match live.watch() {
        Ok(guard) => {
            tracing::info!("watching the content folders for changes");
            Some(guard)
        }
        Err(e) => {
            tracing::warn!(error = %e, "can't watch the content folders; edits need /reload or a restart");
            None
        }
    }
}

/// `lectern register`.
pub fn register_commands(
    lectern: &Lectern,
    config: &DiscordConfig,
    args: &RegisterArgs,
) -> Result<ExitCode, SetupError> {
    require_courses(lectern)?;
    if args.print {
        let json = commands::definitions_json(lectern);
        println!(
            "{}",
            serde_json::to_string_pretty(&json).unwrap_or_default()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let token = token_from_env().map_err(|e| SetupError(e.to_string()))?;
    let app_id = application_id_from_env().map_err(|e| SetupError(e.to_string()))?;
    let target = target(args.guild, args.global, config);
    let count = runtime()?
        .block_on(async {
            let http = http_client(&token, args.api_proxy.as_deref());
            ensure_application_id(&http, app_id).await?;
            register(&http, lectern, target).await
        })
        .map_err(|e| SetupError(e.to_string()))?;
    println!("registered {count} commands {target}");
    Ok(ExitCode::SUCCESS)
}

/// `lectern ask '<line>' --format discord`: the exact response payload the
/// handler produces for that command, from a synthesised interaction.
pub fn ask(
    lectern: &Lectern,
    config_path: Option<&Path>,
    settings: &Settings,
    line: &str,
    locale: Locale,
    out: Option<&std::path::Path>,
) -> ExitCode {
    if lectern.library.courses.is_empty() {
        eprintln!("lectern: no course could be loaded; run `lectern check` to see why");
        return ExitCode::from(EXIT_SETUP);
    }
    let tag = match locale {
        Locale::Ko => "ko",
        Locale::En => "en-US",
    };
    if super::ask::is_reload(line) {
        // Only a running `serve` can reload: show what the handler answers
        // an admin when nothing can (the same note `handle` gives).
        return print_response(&crate::discord::reload::unavailable(locale), false);
    }
    let (response, ok) = match parse_slash_hidden(line) {
        Ok((command, hide)) if crate::answer::state::is_state(&command) => {
            // The study commands answer as the one local member, with the
            // database `ask` uses; rendered as the handler renders them.
            let reply = match super::ask::respond_with_database(lectern, config_path, line, locale)
            {
                Ok(reply) => reply,
                Err(e) => {
                    eprintln!("lectern: {e}");
                    return ExitCode::from(EXIT_SETUP);
                }
            };
            let hidden = hide.unwrap_or(settings.ephemeral_by_default);
            (
                render::new_message(&reply, locale, Some(&command), hidden),
                reply.is_ok(),
            )
        }
        Ok((command, hide)) => {
            let json = synthetic::command_interaction(&command, hide, tag);
            let interaction: Interaction = match serde_json::from_value(json) {
                Ok(i) => i,
                Err(e) => {
                    eprintln!("lectern: can't build the interaction: {e}");
                    return ExitCode::from(EXIT_SETUP);
                }
            };
            let reply = answer(lectern, &Request::new(command, locale));
            // The payload is printed; the picture only goes where asked.
            match out.map(|out| super::ask::save_picture(&reply, Some(out))) {
                Some(Err(e)) => {
                    eprintln!("lectern: {e}");
                    return ExitCode::from(1);
                }
                Some(Ok(Some(path))) => {
                    eprintln!("{}", picture_saved(locale, &path.display().to_string()))
                }
                _ => {}
            }
            (handle(lectern, settings, &interaction), reply.is_ok())
        }
        Err(_) => {
            // Discord would never send a line it can't parse; show the error
            // reply as the handler renders errors.
            let reply = super::ask::respond(lectern, line, locale);
            let hidden = settings.ephemeral_by_default;
            (render::new_message(&reply, locale, None, hidden), false)
        }
    };
    print_response(&response, ok)
}

/// Prints a response payload; exit 0 when it answers as asked, else 1.
fn print_response(response: &serenity::all::CreateInteractionResponse, ok: bool) -> ExitCode {
    match response_json(response) {
        Ok(json) => super::print_line(&serde_json::to_string_pretty(&json).unwrap_or_default()),
        Err(e) => {
            eprintln!("lectern: {e}");
            return ExitCode::from(EXIT_SETUP);
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
