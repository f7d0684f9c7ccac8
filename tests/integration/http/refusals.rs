//! What the endpoint refuses, and with which status: other keys, stale and
//! future timestamps, forged signatures, truncated, oversized and mistyped
//! bodies.

use ed25519_dalek::SigningKey;
use lectern::answer::Command;
use lectern::discord::http::MAX_BODY_BYTES;
use lectern::discord::synthetic;

use super::{now, shipped_config, start, SECRET};
use crate::support::signing;

#[tokio::test]
async fn forged_and_stale_requests_are_refused() {
    let s = start(shipped_config()).await;
    let body = br#"{"type":1}"#;
    let good = SigningKey::from_bytes(&SECRET);
    let other = SigningKey::from_bytes(&[9; 32]);
    let json = "application/json";
    assert_eq!(s.post_signed(body, &good, now(), json).await.0, 200);
    assert_eq!(
        s.post_signed(body, &other, now(), json).await.0,
        401,
        "another key"
    );
    assert_eq!(
        s.post_signed(body, &good, now() - 301, json).await.0,
        401,
        "stale"
    );
    // Well past the 60 s allowed ahead: the server reads its clock a moment
    // after this test does, and a second boundary between the two made
    // `now() + 61` arrive only 60 s ahead (a flaky pass).
    assert_eq!(
        s.post_signed(body, &good, now() + 75, json).await.0,
        401,
        "future"
    );
    assert_eq!(
        s.post_signed(body, &good, now() - 250, json).await.0,
        200,
        "a little old is fine"
    );
    // Forged: a valid signature of another body.
    let ts = now().to_string();
    let sig = signing::signature(&good, &ts, br#"{"type":2}"#);
    for (sig, ts) in [
        (sig.as_str(), ts.as_str()),
        ("zz", ts.as_str()),
        ("", ""),
        (&"0".repeat(128), ts.as_str()),
    ] {
        let r = s
            .client
            .post(s.url("/interactions"))
            .header("content-type", json)
            .header("x-signature-ed25519", sig)
            .header("x-signature-timestamp", ts)
            .body(body.to_vec())
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 401);
    }
    let unsigned = s
        .client
        .post(s.url("/interactions"))
        .body(body.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(unsigned.status().as_u16(), 401);
}

#[tokio::test]
async fn bad_bodies_get_the_right_status() {
    let s = start(shipped_config()).await;
    let key = SigningKey::from_bytes(&SECRET);
    let interaction = serde_json::to_vec(&synthetic::command_interaction(
        &Command::Help { command: None },
        None,
        "ko",
    ))
    .unwrap();
    // Truncated after signing: the signature no longer matches.
    let ts = now();
    let sig = signing::signature(&key, &ts.to_string(), &interaction);
    let r = s
        .client
        .post(s.url("/interactions"))
        .header("content-type", "application/json")
        .header("x-signature-ed25519", sig)
        .header("x-signature-timestamp", ts.to_string())
        .body(interaction[..interaction.len() / 2].to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 401);
    // Truncated and signed as such: malformed JSON.
    assert_eq!(
        s.post_signed(
            &interaction[..interaction.len() / 2],
            &key,
            now(),
            "application/json"
        )
        .await
        .0,
        400
    );
    // Oversize.
    let big = vec![b' '; MAX_BODY_BYTES + 1];
    assert_eq!(
        s.post_signed(&big, &key, now(), "application/json").await.0,
        413
    );
    // Wrong content type.
    assert_eq!(
        s.post_signed(&interaction, &key, now(), "text/plain")
            .await
            .0,
        415
    );
    // Unknown interaction type, and JSON that isn't an interaction.
    assert_eq!(
        s.post_signed(br#"{"type":99}"#, &key, now(), "application/json")
            .await
            .0,
        400
    );
    assert_eq!(
        s.post_signed(br#"{"type":2}"#, &key, now(), "application/json")
            .await
            .0,
        400
    );
}
