//! `/quiz`, its answer buttons and `/review`, end to end on the shipped
//! chapter: goldens of a question and of the feedback in Korean and English
//! (Discord JSON and console text), the first answer counting once, a button
//! from before a content change, review scheduling on a fixed clock, the
//! "복습에 넣기" button, chapters without notes, and `/forget-me`.

use std::sync::Arc;

use lectern::answer::slash::parse_slash;
use lectern::answer::state::{self, Stated};
use lectern::answer::{Button, Command, Locale, Request};
use lectern::app::Lectern;
use lectern::cli::ask::to_text;
use lectern::discord::{self, synthetic, Interaction, Settings};
use lectern::live::Live;
use lectern::quiz;
use lectern::study::{Book, Member, MemoryBook};
use serde_json::{json, Value};

use crate::support::{config, shipped};

/// 2026-01-02 01:00 in Seoul (2026-01-01 16:00 UTC).
const NOW: i64 = 1_767_283_200;
const GUILD: u64 = 900_000_000_000_000_001;

fn member(user: u64) -> Member {
    Member {
        user,
        guild: GUILD,
        name: format!("member{user}"),
        manager: false,
    }
}

async fn ask(
    lectern: &Lectern,
    book: &dyn Book,
    user: u64,
    line: &str,
    l: Locale,
    now: i64,
) -> Stated {
    let command = parse_slash(line).unwrap_or_else(|e| panic!("{line}: {e:?}"));
    state::respond(lectern, &Request::new(command, l), &member(user), book, now).await
}

async fn run(
    lectern: &Lectern,
    book: &dyn Book,
    user: u64,
    command: &Command,
    l: Locale,
    now: i64,
) -> Stated {
    state::respond(
        lectern,
        &Request::new(command.clone(), l),
        &member(user),
        book,
        now,
    )
    .await
}

/// The answer buttons' commands of a question reply.
fn answer_buttons(stated: &Stated) -> Vec<Command> {
    stated
        .reply
        .buttons
        .iter()
        .filter_map(|b| match b {
            Button::Run { command, .. } if matches!(command, Command::QuizAnswer { .. }) => {
                Some(command.clone())
            }
            _ => None,
        })
        .collect()
}

/// Which of the buttons is right, from the question itself.
fn right_choice(lectern: &Lectern, buttons: &[Command]) -> usize {
    let Some(Command::QuizAnswer { shown, .. }) = buttons.first() else {
        panic!("answer buttons: {buttons:?}");
    };
    let course = &lectern.library.courses[0];
    quiz::generate(
        course,
        lectern.index.synonyms(),
        shown.reference,
        Locale::Ko,
    )
    .expect("the question builds")
    .answer
}

/// Member 7 asks `/quiz chapter:21`: the answer buttons, and which is right.
async fn question_21(lectern: &Lectern, book: &dyn Book) -> (Vec<Command>, usize) {
    let stated = ask(lectern, book, 7, "/quiz chapter:21", Locale::Ko, NOW).await;
    let buttons = answer_buttons(&stated);
    let right = right_choice(lectern, &buttons);
    (buttons, right)
}

fn golden(name: &str, text: &str) {
    crate::support::golden(&format!("quiz/{name}"), &format!("{text}\n"));
}

fn interaction(mut value: Value, user: u64) -> Interaction {
    value["guild_id"] = json!(GUILD.to_string());
    value["member"]["user"]["id"] = json!(user.to_string());
    serde_json::from_value(value).expect("serenity reads it")
}

fn live() -> Arc<Live> {
    let config = config();
    Arc::new(Live::new(config.clone(), config.content.clone()))
}

fn custom_ids(json: &Value) -> Vec<String> {
    json["data"]["components"]
        .as_array()
        .map(|rows| {
            rows.iter()
                .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
                .filter_map(|b| b["custom_id"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn golden_question_and_feedback_in_both_languages() {
    let live = live();
    let lectern = live.get();
    for (l, tag) in [(Locale::Ko, "ko"), (Locale::En, "en")] {
        let book = MemoryBook::new();
        let settings = Settings::default();
        let command = Command::Quiz {
            course: None,
            chapter: Some("21".into()),
        };
        let asked = interaction(synthetic::command_interaction(&command, None, tag), 41);
        let response = discord::study::answer(&live, &settings, Some(&book), &asked, NOW).await;
        let question = discord::response_json(&response.into_response()).unwrap();
        crate::support::golden_json(&format!("quiz/question_{tag}.json"), &question);
        let ids = custom_ids(&question);
        assert_eq!(ids.len(), quiz::CHOICES, "{ids:?}");
        assert!(ids
            .iter()
            .all(|id| id.starts_with("v1:") && id.contains("qa:21:")));
        assert!(ids.iter().all(|id| id.chars().count() <= 100));

        let stated = run(&lectern, &book, 41, &command, l, NOW).await;
        golden(&format!("question_{tag}.txt"), &to_text(&stated.reply));
        let right = right_choice(&lectern, &answer_buttons(&stated));
        let wrong = (right + 1) % quiz::CHOICES;
        for (name, choice, user) in [("right", right, 42), ("wrong", wrong, 43)] {
            let click = interaction(
                synthetic::component_interaction(&ids[choice], tag, false),
                user,
            );
            let response = discord::study::answer(&live, &settings, Some(&book), &click, NOW).await;
            let json = discord::response_json(&response.into_response()).unwrap();
            assert_eq!(json["data"]["flags"], 64, "only the presser sees it");
            crate::support::golden_json(&format!("quiz/{name}_{tag}.json"), &json);
            let again = run(
                &lectern,
                &book,
                user + 10,
                &answer_buttons(&stated)[choice],
                l,
                NOW,
            )
            .await;
            golden(&format!("{name}_{tag}.txt"), &to_text(&again.reply));
        }
    }
}

#[tokio::test]
async fn the_first_answer_counts_and_a_wrong_one_enters_review() {
    let lectern = shipped();
    let book = MemoryBook::new();
    let (buttons, right) = question_21(&lectern, &book).await;
    let wrong = (right + 1) % quiz::CHOICES;
    let first = run(&lectern, &book, 7, &buttons[wrong], Locale::Ko, NOW).await;
    assert!(first.reply.title.contains("틀렸어요"), "{:?}", first.reply);
    let second = run(&lectern, &book, 7, &buttons[right], Locale::Ko, NOW + 5).await;
    assert!(
        second.reply.title.contains("틀렸어요"),
        "the first answer counts"
    );
    assert!(
        second.reply.text.starts_with("이미 답했어요"),
        "{}",
        second.reply.text
    );
    let cards = book.cards(GUILD, 7).await.unwrap();
    assert_eq!(cards.len(), 1, "one card, however many presses");
    assert!(
        cards[0].due > NOW && cards[0].due < NOW + 3_600,
        "{cards:?}"
    );
    let other = run(&lectern, &book, 8, &buttons[right], Locale::Ko, NOW).await;
    assert!(
        other.reply.title.contains("맞았어요"),
        "others answer for themselves"
    );
    assert!(
        book.cards(GUILD, 8).await.unwrap().is_empty(),
        "a right answer adds no card"
    );
}

#[tokio::test]
async fn a_button_from_before_a_content_change_says_the_question_changed() {
    let lectern = shipped();
    let book = MemoryBook::new();
    let stated = ask(&lectern, &book, 7, "/quiz chapter:21", Locale::Ko, NOW).await;
    let Command::QuizAnswer {
        course,
        mut shown,
        choice,
        review,
    } = answer_buttons(&stated)[0].clone()
    else {
        unreachable!()
    };
    shown.fingerprint = "00000".into();
    let stale = Command::QuizAnswer {
        course,
        shown,
        choice,
        review,
    };
    let reply = run(&lectern, &book, 7, &stale, Locale::Ko, NOW).await.reply;
    assert!(reply.title.contains("문제가 바뀌었어요"), "{reply:?}");
    assert!(reply.ephemeral);
    assert!(matches!(
        reply.buttons.as_slice(),
        [Button::Run {
            command: Command::Quiz { .. },
            ..
        }]
    ));
    let en = run(&lectern, &book, 7, &stale, Locale::En, NOW).await.reply;
    assert!(en.title.contains("changed"));
    assert!(
        book.cards(GUILD, 7).await.unwrap().is_empty(),
        "nothing recorded"
    );
}

#[tokio::test]
async fn review_brings_a_missed_question_back_on_schedule() {
    let lectern = shipped();
    let book = MemoryBook::new();
    let empty = ask(&lectern, &book, 7, "/review", Locale::Ko, NOW)
        .await
        .reply;
    golden("review_empty_ko.txt", &to_text(&empty));
    let stated = ask(&lectern, &book, 7, "/퀴즈 21", Locale::Ko, NOW).await;
    let buttons = answer_buttons(&stated);
    let right = right_choice(&lectern, &buttons);
    run(
        &lectern,
        &book,
        7,
        &buttons[(right + 1) % 4],
        Locale::Ko,
        NOW,
    )
    .await;

    let not_yet = ask(&lectern, &book, 7, "/복습", Locale::Ko, NOW)
        .await
        .reply;
    golden("review_not_yet_ko.txt", &to_text(&not_yet));
    let due_at = book.cards(GUILD, 7).await.unwrap()[0].due;
    let later = due_at + 1;
    let review = ask(&lectern, &book, 7, "/review", Locale::En, later).await;
    golden("review_due_en.txt", &to_text(&review.reply));
    let review_buttons = answer_buttons(&review);
    assert!(review_buttons
        .iter()
        .all(|b| matches!(b, Command::QuizAnswer { review: true, .. })));
    let pressed = run(
        &lectern,
        &book,
        7,
        &review_buttons[right],
        Locale::En,
        later,
    )
    .await;
    assert!(pressed.reply.title.contains("Right"), "{:?}", pressed.reply);
    let after = book.cards(GUILD, 7).await.unwrap()[0].clone();
    assert!(
        after.due > later,
        "a right review moves the card on: {after:?}"
    );
    let again = run(
        &lectern,
        &book,
        7,
        &review_buttons[right],
        Locale::En,
        after.due,
    )
    .await;
    assert!(
        again.reply.title.contains("Right"),
        "a review answers again, not once"
    );
    let further = book.cards(GUILD, 7).await.unwrap()[0].due;
    assert!(further - after.due > after.due - later, "the gap grows");
}

#[tokio::test]
async fn a_right_answer_can_be_put_into_review() {
    let lectern = shipped();
    let book = MemoryBook::new();
    let (buttons, right) = question_21(&lectern, &book).await;
    let feedback = run(&lectern, &book, 7, &buttons[right], Locale::Ko, NOW)
        .await
        .reply;
    let add = feedback
        .buttons
        .iter()
        .find_map(|b| match b {
            Button::Run { label, command } if label == "복습에 넣기" => Some(command.clone()),
            _ => None,
        })
        .expect("an add-to-review button");
    let added = run(&lectern, &book, 7, &add, Locale::Ko, NOW).await.reply;
    assert!(added.text.contains("넣었어요"), "{added:?}");
    let twice = run(&lectern, &book, 7, &add, Locale::Ko, NOW).await.reply;
    assert!(twice.text.contains("이미"), "{twice:?}");
    assert_eq!(
        book.cards(GUILD, 7).await.unwrap()[0].due,
        NOW,
        "due at once"
    );
    let review = ask(&lectern, &book, 7, "/review", Locale::Ko, NOW).await;
    assert_eq!(answer_buttons(&review).len(), 4);
}

#[tokio::test]
async fn a_chapter_without_notes_names_the_chapters_that_have_questions() {
    let lectern = shipped();
    let book = MemoryBook::new();
    let reply = ask(&lectern, &book, 7, "/quiz chapter:1", Locale::Ko, NOW)
        .await
        .reply;
    assert!(!reply.is_ok());
    golden("no_notes_ko.txt", &to_text(&reply));
    let en = ask(&lectern, &book, 7, "/quiz chapter:1", Locale::En, NOW)
        .await
        .reply;
    assert!(
        en.text.contains("Chapters with questions: 21"),
        "{}",
        en.text
    );
    let any = ask(&lectern, &book, 7, "/quiz", Locale::Ko, NOW).await;
    assert_eq!(
        answer_buttons(&any).len(),
        4,
        "without a chapter: one that has questions"
    );
}

#[tokio::test]
async fn forget_me_removes_the_quiz_rows_too() {
    let lectern = shipped();
    let book = MemoryBook::new();
    let (buttons, right) = question_21(&lectern, &book).await;
    run(
        &lectern,
        &book,
        7,
        &buttons[(right + 1) % 4],
        Locale::Ko,
        NOW,
    )
    .await;
    let forgot = ask(
        &lectern,
        &book,
        7,
        "/forget-me confirm:yes",
        Locale::Ko,
        NOW,
    )
    .await
    .reply;
    assert!(
        forgot.text.contains("2개"),
        "one answer and one card: {}",
        forgot.text
    );
    assert!(book.cards(GUILD, 7).await.unwrap().is_empty());
}
