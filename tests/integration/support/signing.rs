//! Discord's request signature, once for the tests and the HTTP benches
//! (which include this file by path): Ed25519 over the timestamp followed by
//! the body, hex-encoded, in `X-Signature-Ed25519` beside
//! `X-Signature-Timestamp`.
// The benches use only part of it.
#![allow(dead_code)]

use std::time::{SystemTime, UNIX_EPOCH};

use ed25519_dalek::{Signer, SigningKey};

/// The public half of `key`, hex-encoded as `DISCORD_PUBLIC_KEY` takes it.
pub fn public_key_hex(key: &SigningKey) -> String {
    hex::encode(key.verifying_key().to_bytes())
}

/// Now, in Unix seconds (what Discord puts in the timestamp header).
pub fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// The signature header's value for `body` sent at `timestamp`.
pub fn signature(key: &SigningKey, timestamp: &str, body: &[u8]) -> String {
    let mut message = timestamp.as_bytes().to_vec();
    message.extend_from_slice(body);
    hex::encode(key.sign(&message).to_bytes())
}

/// A complete HTTP/1.1 `POST /interactions` of `body`, signed now.
pub fn raw_request(key: &SigningKey, host: &str, body: &[u8]) -> Vec<u8> {
    let ts = unix_now().to_string();
    let signature = signature(key, &ts, body);
    let mut request = format!(
        "POST /interactions HTTP/1.1\r\nhost: {host}\r\ncontent-type: application/json\r\nx-signature-ed25519: {signature}\r\nx-signature-timestamp: {ts}\r\ncontent-length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    request.extend_from_slice(body);
    request
}
