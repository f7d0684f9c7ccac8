//! The PostgreSQL server the store tests use: `.ci/run` starts one and names
//! it in `LECTERN_TEST_POSTGRES_URL`.

/// The test server's URL, or `None` with a notice when it is not set
/// outside CI (under CI the Postgres path must be tested).
pub fn postgres_url() -> Option<String> {
    match std::env::var("LECTERN_TEST_POSTGRES_URL") {
        Ok(url) => Some(url),
        Err(_) => super::missing("LECTERN_TEST_POSTGRES_URL (a PostgreSQL server)"),
    }
}
