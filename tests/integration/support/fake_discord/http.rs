//! The fake's HTTP/1.1 side: reads requests off a loopback socket (with
//! multipart bodies split into their JSON payload and file parts), hands
//! them to [`super::rest::route`] and writes the answers back.

use std::sync::Arc;

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use super::{rest, Event, FilePart, Shared};

pub(super) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

pub(super) async fn http_connection(mut sock: TcpStream, s: Arc<Shared>) {
    let mut buf = Vec::new();
    loop {
        let head_end = loop {
            if let Some(i) = find(&buf, b"\r\n\r\n") {
                break i + 4;
            }
            let mut chunk = [0u8; 4096];
            match sock.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        };
        let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
        let mut lines = head.split("\r\n");
        let mut request_line = lines.next().unwrap_or("").split(' ');
        let method = request_line.next().unwrap_or("").to_string();
        let path = request_line.next().unwrap_or("").to_string();
        let mut length = 0;
        let mut auth = String::new();
        let mut content_type = String::new();
        for line in lines {
            if let Some((k, v)) = line.split_once(':') {
                match k.trim().to_ascii_lowercase().as_str() {
                    "content-length" => length = v.trim().parse().unwrap_or(0),
                    "authorization" => auth = v.trim().to_string(),
                    "content-type" => content_type = v.trim().to_string(),
                    _ => {}
                }
            }
        }
        while buf.len() < head_end + length {
            let mut chunk = [0u8; 4096];
            match sock.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        }
        let body: Vec<u8> = buf[head_end..head_end + length].to_vec();
        buf.drain(..head_end + length);
        let (body, files) = read_multipart(&content_type, body);
        let (status, reply) = rest::route(&s, &method, &path, &auth, &body);
        if !files.is_empty() {
            // After the request's own event (sent by `route`).
            let _ = s.events.send(Event::Files {
                path: path.clone(),
                files,
            });
        }
        if !respond_http(&mut sock, status, reply).await {
            return;
        }
    }
}

/// A multipart body as its `payload_json` (the JSON body) and its file
/// parts; any other body comes back as it is, with no files.
fn read_multipart(content_type: &str, body: Vec<u8>) -> (Vec<u8>, Vec<FilePart>) {
    let Some(boundary) = content_type
        .strip_prefix("multipart/form-data")
        .and_then(|rest| rest.split("boundary=").nth(1))
        .map(|b| b.trim_matches('"').to_string())
    else {
        return (body, Vec::new());
    };
    let delimiter = format!("--{boundary}");
    let mut payload = Vec::new();
    let mut files = Vec::new();
    let mut rest: &[u8] = &body;
    while let Some(start) = find(rest, delimiter.as_bytes()) {
        rest = &rest[start + delimiter.len()..];
        if rest.starts_with(b"--") {
            break;
        }
        let Some(end) = find(rest, delimiter.as_bytes()) else {
            break;
        };
        let part = &rest[..end];
        let part = part.strip_prefix(b"\r\n").unwrap_or(part);
        let part = part.strip_suffix(b"\r\n").unwrap_or(part);
        let Some(split) = find(part, b"\r\n\r\n") else {
            continue;
        };
        let head = String::from_utf8_lossy(&part[..split]).to_string();
        let content = part[split + 4..].to_vec();
        let attribute = |name: &str| {
            let key = format!("{name}=\"");
            let from = head.find(&key)? + key.len();
            let len = head[from..].find('"')?;
            Some(head[from..from + len].to_string())
        };
        let field = attribute("name").unwrap_or_default();
        match attribute("filename") {
            Some(filename) => files.push(FilePart {
                field,
                filename,
                bytes: content,
            }),
            None if field == "payload_json" => payload = content,
            None => {}
        }
    }
    (payload, files)
}

/// Writes one response; false when the connection is gone.
async fn respond_http(sock: &mut TcpStream, status: u16, reply: Option<Value>) -> bool {
    let reason = match status {
        200 => "OK",
        204 => "No Content",
        401 => "Unauthorized",
        403 => "Forbidden",
        _ => "Not Found",
    };
    let reply = reply.map(|v| v.to_string()).unwrap_or_default();
    let response = format!(
            "HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{reply}",
            reply.len()
        );
    sock.write_all(response.as_bytes()).await.is_ok()
}
