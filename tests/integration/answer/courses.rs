//! `/courses` with several courses loaded: each course named in the reader's
//! language first, with its facts and id, a chapters button per course, and
//! a footer showing how to ask about one of them with a real id; a chapter
//! only another course has is offered from that course.

use lectern::answer::{answer, Button, Command, Locale, Request};

use super::golden_both;
use crate::support::two_courses;

#[test]
fn several_courses_are_listed_with_their_facts() {
    let lectern = two_courses();
    golden_both("courses_two", &lectern, &["/courses", "/강의목록"]);
    let reply = answer(&lectern, &Request::new(Command::Courses, Locale::Ko));
    let targets: Vec<Option<String>> = reply
        .buttons
        .iter()
        .filter_map(|b| match b {
            Button::Run {
                command: Command::Chapters { course },
                ..
            } => Some(course.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        targets,
        vec![
            Some("deep-dive-llms".to_string()),
            Some("other-course".to_string())
        ],
        "one table-of-contents button per course"
    );
    let footer = reply.footer.unwrap_or_default();
    assert!(footer.contains("강의:other-course"), "{footer}");
}

/// Two courses where the second's chapter 9 is `탈옥(Jailbreaking)`, a
/// title the first course has nowhere.
fn with_a_chapter_only_the_other_has() -> lectern::app::Lectern {
    let mut library = two_courses().library;
    let other = &mut library.courses[1];
    let chapter = other.chapters.iter_mut().find(|c| c.number == 9).unwrap();
    chapter.title = "Jailbreaking".into();
    chapter.title_ko = "탈옥(Jailbreaking)".into();
    chapter.aliases.clear();
    let mut lectern = lectern::app::Lectern::new(library, &crate::support::glossary());
    lectern.default_course = two_courses().default_course;
    lectern
}

/// A chapter asked without a course and found only in another loaded course
/// is offered from there (`other-course:9`), and a title that already holds
/// the other language's is not followed by it again.
#[test]
fn a_chapter_of_another_course_is_offered_from_that_course() {
    let lectern = with_a_chapter_only_the_other_has();
    for (l, label) in [
        (Locale::Ko, "9. 탈옥(Jailbreaking) · 다른 강의"),
        (Locale::En, "9. Jailbreaking · Another Lecture"),
    ] {
        let reply = lectern::cli::ask::respond(&lectern, "/summary 탈옥", l);
        let problem = reply.error.expect("not in the default course");
        let first = problem.suggestions.first().expect("a suggestion");
        assert_eq!(first.label, label);
        let Some(Command::Summary { chapter, .. }) = &first.command else {
            panic!("{:?}", first.command);
        };
        let retried = lectern::cli::ask::respond(&lectern, &format!("/summary {chapter}"), l);
        assert!(
            retried.is_ok() && retried.title.contains("Jailbreaking"),
            "{}",
            retried.title
        );
    }
    // Asked of a course by name: that course's answer only.
    let reply =
        lectern::cli::ask::respond(&lectern, "/summary 탈옥 course:deep-dive-llms", Locale::Ko);
    let labels: Vec<String> = reply
        .error
        .unwrap()
        .suggestions
        .into_iter()
        .map(|s| s.label)
        .collect();
    assert!(!labels.iter().any(|s| s.contains("탈옥")), "{labels:?}");
}
