//! The raw HTTP/1.1 client side the HTTP benchmarks share: pre-signed
//! requests (signed by the test kit's `signing`, which each bench includes
//! as `mod signing`) and a minimal response reader, cheap next to the server
//! measured.

use std::net::SocketAddr;

use ed25519_dalek::SigningKey;
use lectern::answer::Command;
use lectern::discord::synthetic;
use tokio::io::AsyncReadExt;
use tokio::net::TcpStream;

/// A complete HTTP/1.1 request for a signed `/search` interaction.
pub fn signed_request(key: &SigningKey, addr: SocketAddr, query: &str) -> Vec<u8> {
    let command = Command::Search {
        course: None,
        query: query.into(),
        limit: Some(5),
    };
    signed_interaction(
        key,
        addr,
        &synthetic::command_interaction(&command, None, "ko"),
    )
}

/// The `/search` requests for `queries`, signed once up front, and the
/// single-threaded client runtime that sends them.
pub fn signed_searches(
    key: &SigningKey,
    addr: SocketAddr,
    queries: &[&str],
) -> (std::sync::Arc<Vec<Vec<u8>>>, tokio::runtime::Runtime) {
    let requests = queries
        .iter()
        .map(|q| signed_request(key, addr, q))
        .collect();
    let client = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    (std::sync::Arc::new(requests), client)
}

/// A complete HTTP/1.1 request carrying `interaction`, signed with `key`.
pub fn signed_interaction(
    key: &SigningKey,
    addr: SocketAddr,
    interaction: &serde_json::Value,
) -> Vec<u8> {
    let body = serde_json::to_vec(interaction).unwrap();
    crate::signing::raw_request(key, &addr.to_string(), &body)
}

/// Reads one HTTP/1.1 response (headers + Content-Length body); returns its status.
pub async fn read_response(stream: &mut TcpStream, buf: &mut [u8]) -> Option<u16> {
    let mut filled = 0;
    loop {
        let n = stream.read(&mut buf[filled..]).await.ok()?;
        if n == 0 {
            return None;
        }
        filled += n;
        if let Some(end) = buf[..filled].windows(4).position(|w| w == b"\r\n\r\n") {
            let head = std::str::from_utf8(&buf[..end]).ok()?;
            let status: u16 = head.split(' ').nth(1)?.parse().ok()?;
            let length: usize = head
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase()
                        .strip_prefix("content-length:")
                        .map(|v| v.trim().to_string())
                })?
                .parse()
                .ok()?;
            let mut have = filled - (end + 4);
            while have < length {
                let n = stream.read(&mut buf[..]).await.ok()?;
                if n == 0 {
                    return None;
                }
                have += n;
            }
            return Some(status);
        }
        if filled == buf.len() {
            return None;
        }
    }
}

/// The name of the server's threads (its workers and blocking pool), for
/// telling its CPU time apart from the load generator's.
pub const SERVER_THREADS: &str = "lectern-server";

/// The server under test on loopback, in its own two-worker runtime (the
/// machine has 2 cores), serving the v1 notes when the corpus is there, else
/// the configured content. Returns the runtime (keep it alive), the address
/// and the key its requests must be signed with.
pub fn start_server(
    edit_config: impl FnOnce(&mut lectern::config::Config),
) -> (tokio::runtime::Runtime, SocketAddr, SigningKey) {
    start_server_with(edit_config, |_| None)
}

/// [`start_server`] with the study book that `book` opens in the server's
/// runtime (the study benchmarks).
pub fn start_server_with(
    edit_config: impl FnOnce(&mut lectern::config::Config),
    book: impl FnOnce(&tokio::runtime::Runtime) -> Option<std::sync::Arc<dyn lectern::study::Book>>,
) -> (tokio::runtime::Runtime, SocketAddr, SigningKey) {
    use std::sync::Arc;

    use lectern::discord::http::Endpoint;
    use lectern::discord::Settings;
    use lectern::live::Live;

    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut config =
        lectern::config::Config::load(&root.join("config/lectern.yaml")).expect("config");
    edit_config(&mut config);
    let corpus = root.join("../shared/corpus/deep-dive-llms/kr-translated-v1");
    let content = if corpus.is_dir() {
        vec![corpus]
    } else {
        config.content.clone()
    };
    let server = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name(SERVER_THREADS)
        .enable_all()
        .build()
        .unwrap();
    let key = SigningKey::from_bytes(&[7; 32]);
    let endpoint = Arc::new(Endpoint {
        live: Arc::new(Live::new(config, content)),
        settings: Settings::default(),
        key: key.verifying_key(),
        book: book(&server),
        channels: None,
    });
    let listener = server
        .block_on(async { lectern::discord::transport::bind(([127, 0, 0, 1], 0).into()) })
        .unwrap();
    let addr = listener.local_addr().unwrap();
    server.spawn(lectern::discord::http::serve_on(
        endpoint,
        listener,
        std::future::pending(),
    ));
    (server, addr, key)
}
