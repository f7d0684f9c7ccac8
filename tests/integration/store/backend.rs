//! Behaviour every backend must show, run by `sqlite` against a temporary
//! file and by `postgres` against a real server. Ids are made unique per call
//! so runs can share one Postgres database.

#![allow(dead_code)]

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use lectern::store::Store;
use lectern::study::{GuildSettings, Mark};

/// An id no other test of this run (or an earlier run) uses.
pub fn fresh_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    // High bit set: beyond i64::MAX, to prove ids round-trip through BIGINT.
    ((nanos & 0x0FFF_FFFF_FFFF_0000) + NEXT.fetch_add(1, Ordering::Relaxed)) | (1 << 63)
}

pub async fn progress_roundtrip(store: &Store) {
    let (guild, other_guild, user) = (fresh_id(), fresh_id(), fresh_id());
    assert!(store
        .mark_watched(&Mark {
            guild,
            user,
            course: "llm",
            chapter: 2,
            at: 1_000,
            day: "2026-01-01"
        })
        .await
        .unwrap());
    assert!(
        !store
            .mark_watched(&Mark {
                guild,
                user,
                course: "llm",
                chapter: 2,
                at: 2_000,
                day: "2026-01-02"
            })
            .await
            .unwrap(),
        "a second mark of the same chapter is not new"
    );
    assert!(store
        .mark_watched(&Mark {
            guild,
            user,
            course: "llm",
            chapter: 1,
            at: 3_000,
            day: "2026-01-02"
        })
        .await
        .unwrap());
    assert!(store
        .mark_watched(&Mark {
            guild: other_guild,
            user,
            course: "llm",
            chapter: 5,
            at: 4_000,
            day: "2026-01-03"
        })
        .await
        .unwrap());

    let watched = store.watched(guild, user).await.unwrap();
    let chapters: Vec<u32> = watched.iter().map(|w| w.chapter).collect();
    assert_eq!(chapters, vec![1, 2], "per guild, in chapter order");
    assert_eq!(
        watched[1].watched_at, 1_000,
        "the first mark's time is kept"
    );
    assert_eq!(
        store.study_days(guild, user).await.unwrap(),
        vec!["2026-01-01".to_string(), "2026-01-02".to_string()]
    );
    assert_eq!(store.watched(other_guild, user).await.unwrap().len(), 1);

    assert!(store.unwatch(guild, user, "llm", 2).await.unwrap());
    assert!(!store.unwatch(guild, user, "llm", 2).await.unwrap());
    assert_eq!(store.watched(guild, user).await.unwrap().len(), 1);
}

pub async fn board_totals(store: &Store) {
    let guild = fresh_id();
    let (a, b) = (fresh_id(), fresh_id());
    for (chapter, at) in [(1, 10), (2, 20), (3, 30)] {
        store
            .mark_watched(&Mark {
                guild,
                user: a,
                course: "llm",
                chapter,
                at,
                day: "2026-01-01",
            })
            .await
            .unwrap();
    }
    store
        .mark_watched(&Mark {
            guild,
            user: b,
            course: "other",
            chapter: 1,
            at: 50,
            day: "2026-01-01",
        })
        .await
        .unwrap();
    let mut all = store.member_totals(guild, None).await.unwrap();
    all.sort_by_key(|m| m.user_id);
    let mut expected = vec![(a, 3, 30), (b, 1, 50)];
    expected.sort();
    let got: Vec<_> = all
        .iter()
        .map(|m| (m.user_id, m.done, m.last_active))
        .collect();
    assert_eq!(got, expected);
    let llm = store.member_totals(guild, Some("llm")).await.unwrap();
    assert_eq!(llm.len(), 1);
    assert_eq!((llm[0].user_id, llm[0].done), (a, 3));
    // The board picture's grid: every (member, chapter) of one course only.
    let mut marks = store.course_marks(guild, "llm").await.unwrap();
    marks.sort();
    assert_eq!(marks, vec![(a, 1), (a, 2), (a, 3)]);
    assert_eq!(
        store.course_marks(guild, "other").await.unwrap(),
        vec![(b, 1)]
    );
    assert!(store.course_marks(guild, "none").await.unwrap().is_empty());
}

pub async fn settings_roundtrip(store: &Store) {
    let guild = fresh_id();
    assert_eq!(
        store.settings(guild).await.unwrap(),
        GuildSettings::default()
    );
    let chosen = GuildSettings {
        default_course: Some("llm".into()),
        locale: Some("en".into()),
        hidden_by_default: Some(true),
        time_zone: Some("Europe/Berlin".into()),
    };
    store.save_settings(guild, &chosen).await.unwrap();
    assert_eq!(store.settings(guild).await.unwrap(), chosen);
    let cleared = GuildSettings {
        hidden_by_default: Some(false),
        ..GuildSettings::default()
    };
    store.save_settings(guild, &cleared).await.unwrap();
    assert_eq!(store.settings(guild).await.unwrap(), cleared);
}

pub async fn forget_member(store: &Store) {
    let (g1, g2, user, other) = (fresh_id(), fresh_id(), fresh_id(), fresh_id());
    store
        .mark_watched(&Mark {
            guild: g1,
            user,
            course: "llm",
            chapter: 1,
            at: 1,
            day: "2026-01-01",
        })
        .await
        .unwrap();
    store
        .mark_watched(&Mark {
            guild: g1,
            user,
            course: "llm",
            chapter: 2,
            at: 2,
            day: "2026-01-02",
        })
        .await
        .unwrap();
    store
        .mark_watched(&Mark {
            guild: g2,
            user,
            course: "llm",
            chapter: 1,
            at: 3,
            day: "2026-01-02",
        })
        .await
        .unwrap();
    store
        .mark_watched(&Mark {
            guild: g1,
            user: other,
            course: "llm",
            chapter: 1,
            at: 4,
            day: "2026-01-02",
        })
        .await
        .unwrap();
    // 3 progress rows + 3 study days (g1: 2 days, g2: 1 day).
    assert_eq!(store.forget_member(user).await.unwrap(), 6);
    assert!(store.watched(g1, user).await.unwrap().is_empty());
    assert!(store.watched(g2, user).await.unwrap().is_empty());
    assert!(store.study_days(g1, user).await.unwrap().is_empty());
    assert_eq!(
        store.watched(g1, other).await.unwrap().len(),
        1,
        "others are kept"
    );
    assert_eq!(store.forget_member(user).await.unwrap(), 0);
}

pub async fn export_has_everything(store: &Store) {
    let (guild, user) = (fresh_id(), fresh_id());
    store
        .mark_watched(&Mark {
            guild,
            user,
            course: "llm",
            chapter: 7,
            at: 77,
            day: "2026-02-03",
        })
        .await
        .unwrap();
    store
        .save_settings(
            guild,
            &GuildSettings {
                locale: Some("ko".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let export = store.export().await.unwrap();
    let (g, u) = (guild.to_string(), user.to_string());
    assert!(export
        .progress
        .iter()
        .any(|p| p.guild_id == g && p.user_id == u && p.chapter == 7 && p.watched_at == 77));
    assert!(export
        .activity_days
        .iter()
        .any(|d| d.user_id == u && d.day == "2026-02-03"));
    assert!(export
        .guild_settings
        .iter()
        .any(|s| s.guild_id == g && s.locale.as_deref() == Some("ko")));
    let json = serde_json::to_string(&export).unwrap();
    assert!(json.contains(&u), "ids are exported as exact strings");
}

/// Many writers at once: none lost, none doubled.
pub async fn concurrent_marks(store: &Store) {
    let guild = fresh_id();
    // More members and marks than one writer statement carries (64 rows),
    // so batches are cut into statements, padded with repeats.
    let users: Vec<u64> = (0..100).map(|_| fresh_id()).collect();
    let mut tasks = Vec::new();
    for round in 0..5 {
        for (i, &user) in users.iter().enumerate() {
            let store = store.clone();
            tasks.push(tokio::spawn(async move {
                // Every member marks chapters 1..=3, each twice.
                let chapter = (round % 3) + 1;
                store
                    .mark_watched(&Mark {
                        guild,
                        user,
                        course: "llm",
                        chapter,
                        at: i as i64,
                        day: "2026-01-01",
                    })
                    .await
            }));
        }
    }
    let mut new = 0;
    for task in tasks {
        if task.await.unwrap().unwrap() {
            new += 1;
        }
    }
    assert_eq!(new, 100 * 3, "each (member, chapter) is new exactly once");
    let totals = store.member_totals(guild, Some("llm")).await.unwrap();
    assert_eq!(totals.len(), 100);
    assert!(totals.iter().all(|m| m.done == 3));
}

/// A mark answers with the member's chapters as they are after it, even when
/// it shares its batch with the member's other presses: every answer lists
/// the chapter it marked, and the answers of one member never disagree with
/// what is stored once the burst is over.
pub async fn marks_answer_with_the_members_chapters(store: &Store) {
    let guild = fresh_id();
    let (a, b) = (fresh_id(), fresh_id());
    let mut tasks = Vec::new();
    for chapter in [1u32, 2, 3, 2, 1] {
        for user in [a, b] {
            let store = store.clone();
            tasks.push(tokio::spawn(async move {
                let marked = store
                    .mark(&Mark {
                        guild,
                        user,
                        course: "llm",
                        chapter,
                        at: 7,
                        day: "2026-01-01",
                    })
                    .await
                    .unwrap();
                (user, chapter, marked)
            }));
        }
    }
    let mut added = 0;
    for task in tasks {
        let (user, chapter, marked) = task.await.unwrap();
        added += usize::from(marked.added);
        let chapters: Vec<u32> = marked.watched.iter().map(|w| w.chapter).collect();
        assert!(chapters.contains(&chapter), "{chapters:?} lists {chapter}");
        let mut sorted = chapters.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, chapters, "by chapter, each once");
        let stored = store.watched(guild, user).await.unwrap();
        assert!(stored.len() >= chapters.len());
    }
    assert_eq!(added, 2 * 3, "each (member, chapter) is new exactly once");
    assert_eq!(store.watched(guild, a).await.unwrap().len(), 3);
}

fn answer(question: &str, choice: u32, correct: bool, at: i64) -> lectern::study::QuizAnswer {
    lectern::study::QuizAnswer {
        course: "llm".into(),
        question: question.into(),
        fingerprint: "abcde".into(),
        choice,
        correct,
        at,
    }
}

fn card(question: &str, due: i64) -> lectern::study::ReviewCard {
    lectern::study::ReviewCard {
        course: "llm".into(),
        question: question.into(),
        state: "{}".into(),
        due,
        updated_at: due - 10,
    }
}

/// A member answers a question once: the first answer is kept and told.
pub async fn quiz_answers_once(store: &Store) {
    let (guild, user, other) = (fresh_id(), fresh_id(), fresh_id());
    let first = answer("21:t:0:5", 2, false, 100);
    let (kept, counted) = store.answer_once(guild, user, &first).await.unwrap();
    assert!(kept);
    assert_eq!(counted, first);
    let second = answer("21:t:0:5", 1, true, 200);
    let (kept, counted) = store.answer_once(guild, user, &second).await.unwrap();
    assert!(!kept, "a second answer is not kept");
    assert_eq!(counted, first, "the first answer counts");
    let (kept, _) = store.answer_once(guild, other, &second).await.unwrap();
    assert!(kept, "another member answers for themselves");
}

/// Cards are added, replaced whole and listed soonest first, per member.
pub async fn review_cards_roundtrip(store: &Store) {
    let (guild, user) = (fresh_id(), fresh_id());
    assert_eq!(
        store.card(guild, user, "llm", "1:c:0:1").await.unwrap(),
        None
    );
    store
        .save_card(guild, user, &card("1:c:0:1", 500))
        .await
        .unwrap();
    store
        .save_card(guild, user, &card("2:o:3:1", 300))
        .await
        .unwrap();
    let mut later = card("2:o:3:1", 900);
    later.state = "{\"reps\":1}".into();
    store.save_card(guild, user, &later).await.unwrap();
    assert_eq!(
        store.card(guild, user, "llm", "2:o:3:1").await.unwrap(),
        Some(later.clone())
    );
    let cards = store.cards(guild, user).await.unwrap();
    let order: Vec<&str> = cards.iter().map(|c| c.question.as_str()).collect();
    assert_eq!(order, vec!["1:c:0:1", "2:o:3:1"]);
    assert!(store.cards(fresh_id(), user).await.unwrap().is_empty());
}

/// `/forget-me` and the export cover the quiz's rows.
pub async fn quiz_rows_are_forgotten_and_exported(store: &Store) {
    let (guild, user) = (fresh_id(), fresh_id());
    store
        .answer_once(guild, user, &answer("3:t:1:9", 0, false, 1))
        .await
        .unwrap();
    store
        .save_card(guild, user, &card("3:t:1:9", 60))
        .await
        .unwrap();
    let export = store.export().await.unwrap();
    let u = user.to_string();
    assert!(export
        .quiz_answers
        .iter()
        .any(|a| a.user_id == u && a.question == "3:t:1:9" && !a.correct));
    assert!(export
        .review_cards
        .iter()
        .any(|c| c.user_id == u && c.due == 60));
    assert_eq!(store.forget_member(user).await.unwrap(), 2);
    assert!(store.cards(guild, user).await.unwrap().is_empty());
}
