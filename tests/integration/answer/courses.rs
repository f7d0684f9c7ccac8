//! `/courses` with several courses loaded: each course named in the reader's
//! language first, with its facts and id, a chapters button per course, and
//! a footer showing how to ask about one of them with a real id.

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
