//! The raw HTTP/1.1 client side the HTTP benchmarks share: pre-signed
//! requests and a minimal response reader, cheap next to the server measured.

use std::net::SocketAddr;
use std::time::{SystemTime, UNIX_EPOCH};

use ed25519_dalek::{Signer, SigningKey};
use lectern::answer::Command;
use lectern::discord::synth;
use tokio::io::AsyncReadExt;
use tokio::net::TcpStream;

/// A complete HTTP/1.1 request for a signed `/search` interaction.
pub fn signed_request(key: &SigningKey, addr: SocketAddr, query: &str) -> Vec<u8> {
    let command = Command::Search {
        course: None,
        query: query.into(),
        limit: Some(5),
    };
    let body = serde_json::to_vec(&synth::command_interaction(&command, None, "ko")).unwrap();
    let ts = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
        .to_string();
    let mut message = ts.clone().into_bytes();
    message.extend_from_slice(&body);
    let signature = hex::encode(key.sign(&message).to_bytes());
    let mut req = format!(
        "POST /interactions HTTP/1.1\r\nhost: {addr}\r\ncontent-type: application/json\r\nx-signature-ed25519: {signature}\r\nx-signature-timestamp: {ts}\r\ncontent-length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    req.extend_from_slice(&body);
    req
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
