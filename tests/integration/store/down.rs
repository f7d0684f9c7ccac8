//! A database that is down or locked is reported as unavailable, quickly, and
//! the store recovers when it comes back.

use std::time::{Duration, Instant};

use lectern::store::{self, Options, SharedStore, Store, StoreError};
use sqlx::{Connection, Executor, SqliteConnection};

fn quick() -> Options {
    Options {
        busy_timeout: Duration::from_millis(200),
        acquire_timeout: Duration::from_millis(500),
        max_connections: 2,
    }
}

#[tokio::test]
async fn closed_port_is_unavailable_fast() {
    // Port 1 on loopback: nothing listens there.
    let started = Instant::now();
    let error = Store::open_with("postgres://nobody@127.0.0.1:1/none", &quick())
        .await
        .unwrap_err();
    assert!(matches!(error, StoreError::Unavailable(_)), "{error}");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn shared_store_retries_until_the_database_appears() {
    let dir = tempfile::tempdir().unwrap();
    // A folder that is a file: SQLite can't create the database there yet.
    let blocker = dir.path().join("later");
    std::fs::write(&blocker, b"not a folder").unwrap();
    let url = store::sqlite_url(&blocker.join("lectern.sqlite3"));
    let shared = SharedStore::start(url, quick()).await;
    assert!(shared.get().await.is_err());
    std::fs::remove_file(&blocker).unwrap();
    // Within the retry window the last error is returned without a new try.
    assert!(matches!(
        shared.get().await,
        Err(StoreError::Unavailable(_))
    ));
    tokio::time::sleep(store::RETRY_EVERY).await;
    let store = shared.get().await.expect("reopened after the retry window");
    store.mark_watched(&super::FIRST_MARK).await.unwrap();
}

#[tokio::test]
async fn locked_file_fails_the_write_then_recovers() {
    let dir = tempfile::tempdir().unwrap();
    let url = store::sqlite_url(&dir.path().join("locked.sqlite3"));
    let store = Store::open_with(&url, &quick()).await.unwrap();

    // Another process-like writer holds the write lock.
    let mut other = SqliteConnection::connect(&url).await.unwrap();
    other.execute("BEGIN IMMEDIATE").await.unwrap();
    let started = Instant::now();
    let error = store.mark_watched(&super::FIRST_MARK).await.unwrap_err();
    assert!(matches!(error, StoreError::Unavailable(_)), "{error}");
    assert!(started.elapsed() < Duration::from_secs(3));
    // Reads still work while the writer holds the lock (WAL).
    store.watched(1, 2).await.unwrap();
    other.execute("ROLLBACK").await.unwrap();

    assert!(store.mark_watched(&super::FIRST_MARK).await.unwrap());
}
