//! Serving a router on the open internet: the transport limits.
//!
//! `axum::serve` trusts its clients — no header deadline, ~400 KB of buffered
//! head per connection, no cap on connections, and a graceful shutdown that
//! waits forever for a client holding a half-sent request. This module serves
//! an axum [`Router`] through hyper's HTTP/1 connection builder instead, with:
//! a deadline for each request head (hyper's timer also runs while a
//! keep-alive connection sits idle waiting for its next request, so it closes
//! idle connections too), a cap on the head's size (larger: 431), a cap on
//! open connections (further clients wait in the listen backlog, so file
//! descriptors never run out), and a shutdown that stops accepting, gives
//! requests in flight a bounded grace period, then closes whatever is left.
//! The body deadline and the early 413 are the handler's (they need the
//! response to be JSON): see [`crate::discord::http`].

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use crate::config::HttpConfig;

/// File descriptors kept free for everything that is not a client connection
/// (content files, the watcher, the log, the listener).
const RESERVED_FDS: u64 = 64;
/// hyper refuses a read buffer smaller than this.
const MIN_BUF_BYTES: usize = 8 * 1024;

/// The limits one server runs with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    pub header_timeout: Duration,
    pub body_timeout: Duration,
    pub max_header_bytes: usize,
    pub max_connections: usize,
    pub shutdown_grace: Duration,
}

impl Limits {
    /// The configured limits, as written (see [`Limits::within_open_files`]).
    pub fn from_config(config: &HttpConfig) -> Limits {
        Limits {
            header_timeout: Duration::from_millis(config.header_timeout_ms.max(1)),
            body_timeout: Duration::from_millis(config.body_timeout_ms.max(1)),
            max_header_bytes: config.max_header_bytes.max(1024),
            max_connections: config.max_connections.max(1),
            shutdown_grace: Duration::from_millis(config.shutdown_grace_ms),
        }
    }

    /// Caps the connection count below the open-file limit `nofile`.
    pub fn within_open_files(mut self, nofile: u64) -> Limits {
        let room = nofile.saturating_sub(RESERVED_FDS).max(1);
        let room = usize::try_from(room).unwrap_or(usize::MAX);
        self.max_connections = self.max_connections.min(room);
        self
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::from_config(&HttpConfig::default())
    }
}

/// Raises the soft open-file limit to the hard one and returns the soft
/// limit now in force (`None` where it can't be read).
pub fn raise_open_file_limit() -> Option<u64> {
    #[cfg(unix)]
    {
        match rlimit::increase_nofile_limit(u64::MAX) {
            Ok(limit) => Some(limit),
            Err(e) => {
                tracing::warn!(error = %e, "can't read or raise the open-file limit");
                rlimit::getrlimit(rlimit::Resource::NOFILE)
                    .ok()
                    .map(|(soft, _)| soft)
            }
        }
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// Serves `router` on `listener` with `limits` until `shutdown` completes,
/// then lets requests in flight finish for the grace period and closes the
/// rest.
pub async fn serve_router(
    listener: TcpListener,
    router: Router,
    limits: &Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .max_header_size(limits.max_header_bytes)
        .max_buf_size(limits.max_header_bytes.max(MIN_BUF_BYTES));
    let permits = Arc::new(Semaphore::new(limits.max_connections));
    let graceful = GracefulShutdown::new();
    let mut connections = JoinSet::new();
    tokio::pin!(shutdown);
    loop {
        while connections.try_join_next().is_some() {}
        let permit = tokio::select! {
            biased;
            () = &mut shutdown => break,
            permit = permits.clone().acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => break,
            },
        };
        let stream = tokio::select! {
            biased;
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of descriptors or a connection reset before accept:
                    // pause instead of spinning, then go on.
                    tracing::debug!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                }
            },
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(router.clone());
        let connection = graceful.watch(builder.serve_connection(TokioIo::new(stream), service));
        let open = crate::discord::ops::connection_guard();
        connections.spawn(async move {
            let _ = connection.await;
            drop((open, permit));
        });
    }
    drop(listener);
    if tokio::time::timeout(limits.shutdown_grace, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::info!(
            open = connections.len(),
            "grace period over; closing the remaining connections"
        );
    }
    connections.shutdown().await;
    Ok(())
}

/// Connections the kernel may hold ready before the endpoint accepts them
/// (capped by `net.core.somaxconn`). tokio's `TcpListener::bind` asks for
/// std's 128: a burst of presses, one connection each, overflowed it and the
/// dropped clients retried their SYN only a second later — the whole p99 of
/// the 1,000-press bench (`TcpExtListenOverflows` counted the drops).
pub const ACCEPT_BACKLOG: u32 = 4096;

/// Binds a listener with [`ACCEPT_BACKLOG`].
pub fn bind(addr: std::net::SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(ACCEPT_BACKLOG)
}
