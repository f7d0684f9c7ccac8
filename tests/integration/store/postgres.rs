//! The same store behaviour on a real PostgreSQL server. `.ci/run` starts one
//! and sets LECTERN_TEST_POSTGRES_URL; under CI a missing URL is a failure,
//! never a silent skip.

use lectern::store::{Backend, Store};

async fn postgres() -> Option<Store> {
    let url = crate::support::store::postgres_url()?;
    let store = Store::open(&url)
        .await
        .expect("open the test PostgreSQL database");
    assert_eq!(store.backend(), Backend::Postgres);
    Some(store)
}

macro_rules! on_postgres {
    ($($name:ident),* $(,)?) => {$(
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $name() {
            if let Some(store) = postgres().await {
                super::backend::$name(&store).await;
            }
        }
    )*};
}

on_postgres!(
    progress_roundtrip,
    board_totals,
    settings_roundtrip,
    forget_member,
    export_has_everything,
    concurrent_marks,
);

#[tokio::test]
async fn backup_points_to_pg_dump() {
    if let Some(store) = postgres().await {
        let dir = tempfile::tempdir().unwrap();
        let error = store.backup(&dir.path().join("x")).await.unwrap_err();
        assert!(error.to_string().contains("pg_dump"));
    }
}
