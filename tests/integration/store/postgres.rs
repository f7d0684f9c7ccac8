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
    marks_answer_with_the_members_chapters,
    quiz_answers_once,
    review_cards_roundtrip,
    quiz_rows_are_forgotten_and_exported,
);

#[tokio::test]
async fn backup_points_to_pg_dump() {
    if let Some(store) = postgres().await {
        let dir = tempfile::tempdir().unwrap();
        let error = store.backup(&dir.path().join("x")).await.unwrap_err();
        assert!(error.to_string().contains("pg_dump"));
    }
}

/// The study commands themselves on PostgreSQL, through the book every
/// adapter uses (`SharedStore`): a mark, the board with its picture, and
/// `/forget-me` removing the member's rows.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn study_commands_run_on_postgres() {
    use lectern::answer::slash::parse_slash;
    use lectern::answer::{state, Locale, Request};
    use lectern::store::{Options, SharedStore};
    use lectern::study::Member;

    let Some(url) = crate::support::store::postgres_url() else {
        return;
    };
    let book = SharedStore::start(url, Options::default()).await;
    let lectern = crate::support::shipped();
    let who = Member {
        user: super::backend::fresh_id(),
        guild: super::backend::fresh_id(),
        name: "민지".into(),
        manager: false,
    };
    let now = 1_767_283_200;
    let ask = |line: &str| {
        let command = parse_slash(line).expect("a slash line");
        Request::new(command, Locale::Ko)
    };
    for (line, done) in [
        ("/watched chapter:21", "1/24"),
        ("/watched chapter:3", "2/24"),
    ] {
        let reply = state::respond(&lectern, &ask(line), &who, &book, now)
            .await
            .reply;
        assert!(reply.text.contains(done), "{line}: {}", reply.text);
    }
    let board = state::respond(&lectern, &ask("/board"), &who, &book, now)
        .await
        .reply;
    assert!(board.text.contains("2/24"), "{}", board.text);
    assert!(board.attachment.is_some(), "the board's picture");
    let asked = state::respond(&lectern, &ask("/forget-me confirm:yes"), &who, &book, now).await;
    // Two chapters and the one study day.
    assert!(asked.reply.text.contains("3개"), "{}", asked.reply.text);
    let after = state::respond(&lectern, &ask("/board"), &who, &book, now)
        .await
        .reply;
    assert!(after.attachment.is_none(), "nothing left to draw");
}
