//! Question generation on the real v1 notes (the corpus, read in place) and
//! the shipped content: every question is well-formed and unambiguous by the
//! rules of its kind, and rebuilds identically from its reference.

use lectern::library::Course;
use lectern::locale::Locale;
use lectern::quiz::{self, Kind, QuestionRef};
use lectern::search::Synonyms;

use crate::support;

/// Every question of `course` for a few seeds, with its reference.
pub(super) fn every_question(
    course: &Course,
    names: Synonyms<'_>,
    seeds: &[u32],
) -> Vec<(QuestionRef, quiz::Question)> {
    let mut out = Vec::new();
    for ch in &course.chapters {
        for (kind, item) in quiz::candidates(course, names, ch.number) {
            for &seed in seeds {
                let r = QuestionRef {
                    chapter: ch.number,
                    kind,
                    item,
                    seed,
                };
                let q = quiz::generate(course, names, r, Locale::Ko)
                    .unwrap_or_else(|| panic!("candidate {r:?} builds"));
                out.push((r, q));
            }
        }
    }
    out
}

fn check(course: &Course, names: Synonyms<'_>, r: QuestionRef, q: &quiz::Question) {
    assert_eq!(q.choices.len(), quiz::CHOICES, "{r:?}");
    let right = &q.choices[q.answer];
    assert_eq!(q.choices.iter().filter(|c| *c == right).count(), 1, "{r:?}");
    let mut distinct = q.choices.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(
        distinct.len(),
        quiz::CHOICES,
        "distractors distinct: {r:?} {q:?}"
    );
    let ch = course.chapter(r.chapter).expect("chapter");
    assert!(
        ch.start <= q.moment.seconds && q.moment.seconds <= ch.end,
        "moment in the chapter: {r:?} {q:?}"
    );
    assert!(!q.prompt.is_empty() && !q.why.is_empty());
    assert_eq!(q.fingerprint.len(), 5);
    let again = quiz::generate(course, names, r, Locale::Ko).expect("rebuilds");
    assert_eq!(&again, q, "deterministic");
    let en = quiz::generate(course, names, r, Locale::En).expect("english");
    assert_eq!(
        en.fingerprint, q.fingerprint,
        "fingerprint is language-free"
    );
    assert_eq!(en.answer, q.answer);
    if r.kind == Kind::Term {
        let kp = &ch.notes.as_ref().expect("notes").key_points[r.item as usize];
        let said = kp.plain().to_lowercase();
        for (i, c) in q.choices.iter().enumerate() {
            if i != q.answer {
                assert!(!names.same_idea(right, c), "alias offered: {r:?} {q:?}");
                assert!(
                    !said.contains(&c.to_lowercase()),
                    "the key point says the distractor: {r:?} {q:?}"
                );
            }
        }
    }
    if r.kind == Kind::Order {
        for c in &q.choices {
            assert!(
                c.chars().count() >= 16 && !c.starts_with(['-', '*', '+', '•']),
                "a passage too short to place, or a list marker shown: {r:?} {q:?}"
            );
        }
    }
    if r.kind == Kind::Chapter {
        let kp = &ch.notes.as_ref().expect("notes").key_points[r.item as usize];
        let words = quiz::content_words(&kp.plain());
        for c in &q.choices {
            let n: u32 = c
                .split('.')
                .next()
                .and_then(|n| n.parse().ok())
                .expect("numbered");
            if n == r.chapter {
                continue;
            }
            let other = course
                .chapter(n)
                .and_then(|c| c.notes.as_ref())
                .expect("notes");
            let headline = format!(
                "{}\n{}",
                other.summary,
                other
                    .key_points
                    .iter()
                    .map(|k| k.plain())
                    .collect::<Vec<_>>()
                    .join("\n")
            )
            .to_lowercase();
            for w in &words {
                assert!(
                    !headline.contains(w.as_str()),
                    "chapter {n} also says {w}: {r:?}"
                );
            }
        }
    }
}

#[test]
fn every_question_of_the_v1_notes_is_well_formed() {
    let Some((_dir, lectern)) = support::corpus::lectern_with("kr-translated-v1", true) else {
        return;
    };
    let course = &lectern.library.courses[0];
    let names = lectern.index.synonyms();
    let all = every_question(course, names, &[0, 1, 77, 48_213]);
    assert!(!all.is_empty());
    for (r, q) in &all {
        check(course, names, *r, q);
    }
    let count = |k: Kind| {
        all.iter()
            .filter(|(r, _)| r.kind == k && r.seed == 0)
            .count()
    };
    eprintln!(
        "v1: {} chapters quizzable of {}; questions per seed: term {}, chapter {}, order {}",
        quiz::quizzable(course, names).len(),
        course.chapters.len(),
        count(Kind::Term),
        count(Kind::Chapter),
        count(Kind::Order)
    );
    assert!(count(Kind::Term) > 0 && count(Kind::Chapter) > 0 && count(Kind::Order) > 0);
}

/// The prompt-engineering notes write some of their translation as list
/// items (`- 구글이라고 생각하죠.`): a lone short item was offered as a
/// "which comes first" choice, marker and all.
#[test]
fn list_items_of_the_prompt_engineering_notes_are_not_order_choices() {
    let Some(dir) = support::corpus_path("ai-prompt-engineering/kr") else {
        return;
    };
    let lectern = lectern::app::Lectern::new(support::load_bare(&dir), &support::glossary());
    let course = &lectern.library.courses[0];
    let names = lectern.index.synonyms();
    let all = every_question(course, names, &[0, 1, 77]);
    assert!(all.iter().any(|(r, _)| r.kind == Kind::Order));
    for (r, q) in &all {
        check(course, names, *r, q);
    }
}

#[test]
fn the_shipped_chapter_has_questions() {
    let lectern = support::shipped();
    let course = &lectern.library.courses[0];
    let names = lectern.index.synonyms();
    assert!(quiz::quizzable(course, names).contains(&21));
    for (r, q) in every_question(course, names, &[3, 9]) {
        check(course, names, r, &q);
    }
}

#[test]
fn a_reference_reads_back() {
    let r = QuestionRef {
        chapter: 21,
        kind: Kind::Order,
        item: 2,
        seed: 48_213,
    };
    assert_eq!(QuestionRef::parse(&r.id()), Some(r));
    for bad in ["", "21", "21:x:1:2", "21:t:1:2:3", "a:t:1:2"] {
        assert_eq!(QuestionRef::parse(bad), None, "{bad}");
    }
}

/// Prints a sample of Korean questions (for reading them; run with
/// `--nocapture`).
#[test]
fn sample_of_v1_questions() {
    let Some((_dir, lectern)) = support::corpus::lectern_with("kr-translated-v1", true) else {
        return;
    };
    let course = &lectern.library.courses[0];
    let names = lectern.index.synonyms();
    for (i, ch) in course.chapters.iter().enumerate().take(24) {
        let Some(r) = quiz::pick(course, names, ch.number, i as u32 * 7 + 1) else {
            continue;
        };
        let q = quiz::generate(course, names, r, Locale::Ko).expect("picked builds");
        eprintln!(
            "--- {}\n{}\n{}\n정답: {} — {} ({})",
            r.id(),
            q.prompt,
            q.choices
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{}. {c}", i + 1))
                .collect::<Vec<_>>()
                .join("\n"),
            q.choices[q.answer],
            q.why,
            q.moment.seconds
        );
    }
}
