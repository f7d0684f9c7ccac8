//! The HTTP interactions endpoint served in process on a loopback port of its
//! own, verifying requests against a test key.

use std::net::SocketAddr;
use std::sync::Arc;

use ed25519_dalek::SigningKey;
use lectern::discord::http::Endpoint;
use lectern::discord::transport::Limits;
use lectern::discord::Settings;
use lectern::live::Live;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// The endpoint answering from `live`, checking signatures against `key`.
pub fn endpoint(live: Arc<Live>, key: &SigningKey) -> Arc<Endpoint> {
    Arc::new(Endpoint {
        live,
        settings: Settings::default(),
        key: key.verifying_key(),
        book: None,
        channels: None,
    })
}

/// A running endpoint: its address, the switch that shuts it down (also when
/// dropped), and the serving task.
pub struct Serving {
    pub addr: SocketAddr,
    pub stop: Option<oneshot::Sender<()>>,
    pub task: JoinHandle<std::io::Result<()>>,
}

/// Serves `live` on 127.0.0.1 (a free port) with `limits`.
pub async fn serve(live: Arc<Live>, key: &SigningKey, limits: Limits) -> Serving {
    let endpoint = endpoint(live, key);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let addr = listener.local_addr().expect("local address");
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        lectern::discord::http::serve_with(endpoint, listener, &limits, async {
            let _ = stopped.await;
        })
        .await
    });
    Serving {
        addr,
        stop: Some(stop),
        task,
    }
}
