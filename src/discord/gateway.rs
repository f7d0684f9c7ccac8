//! `lectern serve`: the bot over Discord's gateway (a websocket).
//!
//! The connection is serenity's: it identifies, heartbeats, and on a dropped
//! or closed socket resumes the session (or identifies anew when Discord says
//! the session is gone) without our help. This file only wires it up lean —
//! no intents at all (interactions arrive without any), a cache that keeps
//! nothing — answers each `INTERACTION_CREATE` with [`super::study::answer`]
//! (study commands on the store; everything else [`super::answer_live`]: the
//! pure [`super::handle`] on a snapshot of the live content; `/reload`
//! reloads it), logs one line per interaction (what, a salted hash of the
//! user, latency), and stops cleanly when the `shutdown` future completes
//! (SIGINT/SIGTERM in the CLI). [`run_gateway`] takes the API base so tests
//! can point it at a fake Discord on loopback. The HTTP interactions endpoint
//! ([`crate::discord::http`]) is the other transport, answering the same way.

use std::future::Future;
use std::hash::{BuildHasher, RandomState};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serenity::all::{
    ClientBuilder, Context, CreateInteractionResponse, EventHandler, GatewayIntents, Interaction,
    Ready, ResumedEvent, UserId,
};
use serenity::cache::Settings as CacheSettings;
use serenity::gateway::{ShardManager, ShardMessenger, ShardRunnerMessage};
use serenity::model::id::ShardId;

use super::daily::Scheduler;
use super::poster::HttpPoster;
use super::register::{ensure_application_id, http_client, register, SetupError, Target};
use super::{study, Settings};
use crate::live::Live;
use crate::study::Book;

/// How long shards get to close after a shutdown request.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);
/// How long a daily post under way gets to finish at shutdown.
const DAILY_GRACE: Duration = Duration::from_secs(2);
/// Time for a restarted shard's close handshake (see [`close_shards`]).
const RESTARTED_CLOSE_WAIT: Duration = Duration::from_millis(1500);

/// What `serve` needs besides the content.
#[derive(Clone)]
pub struct GatewayOptions {
    pub token: String,
    /// REST base instead of `https://discord.com` (an API proxy, or a fake
    /// Discord in tests); the gateway URL is then whatever it reports.
    pub api_proxy: Option<String>,
    /// Register the commands before connecting.
    pub register: Option<Target>,
    /// Application id for registering (asked from Discord when absent).
    pub application_id: Option<u64>,
    /// The study database (`None`: state commands say it is unavailable).
    pub book: Option<Arc<dyn Book>>,
}

impl std::fmt::Debug for GatewayOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GatewayOptions")
            .field("token", &"<hidden>")
            .field("api_proxy", &self.api_proxy)
            .field("register", &self.register)
            .field("application_id", &self.application_id)
            .field("book", &self.book.is_some())
            .finish()
    }
}

/// Connects, answers interactions until `shutdown` completes, then closes
/// every shard. Errors are start-up problems (token, network) or a gateway
/// that gave up (e.g. the token was rejected there).
pub async fn run_gateway(
    live: Arc<Live>,
    settings: Settings,
    options: GatewayOptions,
    shutdown: impl Future<Output = ()> + Send,
) -> Result<(), SetupError> {
    let http = http_client(&options.token, options.api_proxy.as_deref());
    // Checks the token before connecting, for a clear message when it's wrong.
    let me = http.get_current_user().await?;
    tracing::info!(bot = %me.name, "token accepted");
    if let Some(target) = options.register {
        let app = ensure_application_id(&http, options.application_id).await?;
        let count = register(&http, &live.get(), target).await?;
        tracing::info!(application = app, count, "registered commands {target}");
    }
    // The daily chapter posts and `/daily set`'s channel check, with a REST
    // client of their own.
    let poster = Arc::new(HttpPoster::new(Arc::new(http_client(
        &options.token,
        options.api_proxy.as_deref(),
    ))));
    let daily = options.book.clone().map(|book| {
        let scheduler = Scheduler {
            live: live.clone(),
            book,
            poster: poster.clone(),
        };
        super::daily::spawn(scheduler, settings.daily_tick())
    });
    let sessions = Arc::new(AtomicUsize::new(0));
    let bot = Bot {
        live,
        settings,
        book: options.book.clone(),
        channels: poster,
        salt: RandomState::new(),
        sessions: sessions.clone(),
    };
    let mut client = ClientBuilder::new_with_http(http, GatewayIntents::empty())
        .cache_settings(lean_cache())
        .event_handler(bot)
        .await?;
    let manager = client.shard_manager.clone();
    let run = client.start();
    tokio::pin!(run);
    tokio::pin!(shutdown);
    let result = tokio::select! {
        result = &mut run => result.map_err(SetupError::from),
        () = &mut shutdown => {
            tracing::info!("shutting down");
            // Bounded as a whole: a shard that won't close must not keep the
            // process past the grace period (systemd would SIGKILL it).
            let closing = async {
                close_shards(&manager, sessions.load(Ordering::Relaxed) > 1).await;
                let _ = run.await;
            };
            if tokio::time::timeout(SHUTDOWN_GRACE, closing).await.is_err() {
                tracing::info!("grace period over; closing the rest");
            }
            tracing::info!("disconnected");
            Ok(())
        }
    };
    if let Some(daily) = daily {
        daily.stop(DAILY_GRACE).await;
    }
    result
}

/// Closes every shard with a normal close (1000) so Discord sees the bot go.
///
/// `ShardManager::shutdown_all` alone is not enough in serenity 0.12.5: after
/// a shard has re-identified (a restart), the manager holds a stale "shard
/// finished" notice, so `shutdown_all` stops waiting at once and may drop the
/// runner from its table before the request reaches it — the socket then
/// stays open. So each runner is also told directly, and after a restart the
/// close handshake gets a moment to finish before the process may exit.
async fn close_shards(manager: &ShardManager, restarted: bool) {
    let runners: Vec<(ShardId, ShardMessenger)> = manager
        .runners
        .lock()
        .await
        .iter()
        .map(|(id, info)| (*id, info.runner_tx.clone()))
        .collect();
    for (id, runner) in &runners {
        runner.send_to_shard(ShardRunnerMessage::Shutdown(*id, 1000));
    }
    manager.shutdown_all().await;
    if restarted {
        tokio::time::sleep(RESTARTED_CLOSE_WAIT).await;
    }
}

/// A cache that keeps nothing: the bot never reads it.
pub fn lean_cache() -> CacheSettings {
    let mut settings = CacheSettings::default();
    settings.max_messages = 0;
    settings.cache_guilds = false;
    settings.cache_channels = false;
    settings.cache_users = false;
    settings.time_to_live = Duration::from_secs(60);
    settings
}

/// Completes on SIGINT (Ctrl-C) or SIGTERM.
pub async fn shutdown_signal() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}

struct Bot {
    /// The content; each interaction is answered from a snapshot of it.
    live: Arc<Live>,
    settings: Settings,
    book: Option<Arc<dyn Book>>,
    /// What the bot may do in a channel (`/daily set`), over REST.
    channels: Arc<HttpPoster>,
    /// Per-process key for user hashes: lines of one run can be correlated,
    /// ids can't be recovered or matched across runs.
    salt: RandomState,
    /// Sessions started (READY received): more than one means a restart.
    sessions: Arc<AtomicUsize>,
}

impl Bot {
    fn user_hash(&self, user: Option<UserId>) -> String {
        match user {
            Some(id) => format!("{:08x}", self.salt.hash_one(id.get()) as u32),
            None => "-".to_string(),
        }
    }
}

#[serenity::async_trait]
impl EventHandler for Bot {
    async fn ready(&self, _ctx: Context, ready: Ready) {
        self.sessions.fetch_add(1, Ordering::Relaxed);
        tracing::info!(
            bot = %ready.user.name,
            guilds = ready.guilds.len(),
            "connected to the Discord gateway"
        );
    }

    async fn resume(&self, _ctx: Context, _event: ResumedEvent) {
        tracing::info!("gateway session resumed");
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        let started = Instant::now();
        let book = self.book.as_deref();
        let now = super::http::unix_now();
        let channels: &dyn crate::daily::ChannelCheck = self.channels.as_ref();
        let response = study::answer_checking(
            &self.live,
            &self.settings,
            book,
            Some(channels),
            &interaction,
            now,
        )
        .await
        .into_response();
        let build = started.elapsed();
        let result = respond(&ctx, &interaction, response).await;
        let latency = started.elapsed();
        let (what, user) = describe(&interaction);
        let user = self.user_hash(user);
        let build_ms = build.as_secs_f64() * 1000.0;
        let latency_ms = latency.as_secs_f64() * 1000.0;
        match result {
            Ok(()) => tracing::info!(
                command = %what,
                user = %user,
                build_ms = format_args!("{build_ms:.3}"),
                latency_ms = format_args!("{latency_ms:.1}"),
                "answered"
            ),
            Err(e) => tracing::warn!(
                command = %what,
                user = %user,
                latency_ms = format_args!("{latency_ms:.1}"),
                error = %e,
                "could not answer"
            ),
        }
    }
}

async fn respond(
    ctx: &Context,
    interaction: &Interaction,
    response: CreateInteractionResponse,
) -> serenity::Result<()> {
    match interaction {
        Interaction::Command(i) | Interaction::Autocomplete(i) => {
            i.create_response(ctx, response).await
        }
        Interaction::Component(i) => i.create_response(ctx, response).await,
        Interaction::Modal(i) => i.create_response(ctx, response).await,
        _ => Ok(()),
    }
}

/// What was asked, for the log: the command name, never its arguments.
fn describe(interaction: &Interaction) -> (String, Option<UserId>) {
    match interaction {
        Interaction::Command(i) => (i.data.name.clone(), Some(i.user.id)),
        Interaction::Autocomplete(i) => (format!("autocomplete:{}", i.data.name), Some(i.user.id)),
        Interaction::Component(i) => {
            let op = i.data.custom_id.split(':').nth(1).unwrap_or("?");
            let op: String = op.chars().take(12).collect();
            (format!("button:{op}"), Some(i.user.id))
        }
        Interaction::Modal(i) => ("modal".to_string(), Some(i.user.id)),
        _ => ("other".to_string(), None),
    }
}
