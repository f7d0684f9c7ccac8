//! The store on SQLite, the default: a file created on first run.

use lectern::store::{self, Backend, Store};
use lectern::study::Mark;

async fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let url = store::sqlite_url(&dir.path().join("nested/db/lectern.sqlite3"));
    let store = Store::open(&url).await.unwrap();
    (dir, store)
}

#[tokio::test]
async fn creates_the_file_and_its_folder_in_wal_mode() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a/b/lectern.sqlite3");
    let store = Store::open(&store::sqlite_url(&path)).await.unwrap();
    assert_eq!(store.backend(), Backend::Sqlite);
    assert!(path.exists());
    store.ping().await.unwrap();
    store.close().await;
    // Reopening runs the migrations again: already applied, nothing changes.
    let again = Store::open(&store::sqlite_url(&path)).await.unwrap();
    again.mark_watched(&super::FIRST_MARK).await.unwrap();
    again.close().await;
    // File header bytes 18 and 19 are 2 in WAL mode.
    assert_eq!(
        &std::fs::read(&path).unwrap()[18..20],
        &[2, 2],
        "journal mode is WAL"
    );
}

#[tokio::test]
async fn progress_roundtrip() {
    let (_dir, store) = temp_store().await;
    super::backend::progress_roundtrip(&store).await;
}

#[tokio::test]
async fn board_totals() {
    let (_dir, store) = temp_store().await;
    super::backend::board_totals(&store).await;
}

#[tokio::test]
async fn settings_roundtrip() {
    let (_dir, store) = temp_store().await;
    super::backend::settings_roundtrip(&store).await;
}

#[tokio::test]
async fn forget_member() {
    let (_dir, store) = temp_store().await;
    super::backend::forget_member(&store).await;
}

#[tokio::test]
async fn export_has_everything() {
    let (_dir, store) = temp_store().await;
    super::backend::export_has_everything(&store).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_marks() {
    let (_dir, store) = temp_store().await;
    super::backend::concurrent_marks(&store).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn marks_answer_with_the_members_chapters() {
    let (_dir, store) = temp_store().await;
    super::backend::marks_answer_with_the_members_chapters(&store).await;
}

#[tokio::test]
async fn backup_is_a_consistent_openable_copy() {
    let (dir, store) = temp_store().await;
    store
        .mark_watched(&Mark {
            guild: 5,
            user: 6,
            course: "llm",
            chapter: 3,
            at: 9,
            day: "2026-01-01",
        })
        .await
        .unwrap();
    let copy = dir.path().join("backup.sqlite3");
    store.backup(&copy).await.unwrap();
    assert!(
        store.backup(&copy).await.is_err(),
        "an existing file is not overwritten"
    );
    let restored = Store::open(&store::sqlite_url(&copy)).await.unwrap();
    let watched = restored.watched(5, 6).await.unwrap();
    assert_eq!(watched.len(), 1);
    assert_eq!(watched[0].chapter, 3);
}

#[test]
fn url_resolution() {
    assert_eq!(
        store::resolve_url(Some("postgres://u:p@h/db"), Some("/x.db")).unwrap(),
        "postgres://u:p@h/db",
        "DATABASE_URL wins"
    );
    assert_eq!(
        store::resolve_url(None, Some("/x.db")).unwrap(),
        "sqlite:///x.db"
    );
    assert_eq!(
        store::resolve_url(Some(" "), Some("sqlite://y.db")).unwrap(),
        "sqlite://y.db"
    );
    let default = store::resolve_url(None, None).unwrap();
    assert!(default.starts_with("sqlite://") && default.ends_with("lectern/lectern.sqlite3"));
    assert_eq!(
        store::redact("postgres://me:secret@host/db"),
        "postgres://me@host/db"
    );
}

#[tokio::test]
async fn unknown_scheme_is_refused_without_retry_hint() {
    let error = Store::open("mysql://x/y").await.unwrap_err();
    assert!(matches!(error, store::StoreError::Invalid(_)), "{error}");
}
