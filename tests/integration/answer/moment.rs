//! `/at` and `/link` read what people paste: YouTube links (short and long,
//! `t=` in seconds or in units), a bare `t=`, Korean units, full-width
//! digits; a link into another video is named as such, and with two courses
//! loaded a link into the other course's video answers for that course.

use lectern::answer::Locale;
use lectern::cli::ask::respond;

use super::golden_both;
use crate::support::{shipped, two_courses};

/// Every pasted form the issue lists, and the ways a paste goes wrong.
const PASTED: &[&str] = &[
    "/at https://youtu.be/7xTGNNLPyMI?t=4832",
    "/at https://www.youtube.com/watch?v=7xTGNNLPyMI&t=1h20m32s",
    "/at t=4832s",
    "/at 4832초",
    "/at ２１",
    "/at ３：１２：００",
    "/at time:<https://www.youtube.com/watch?v=7xTGNNLPyMI&t=4832s>",
    "/link 21 https://youtu.be/7xTGNNLPyMI?t=11400",
    "/link 21 at:＋２：３０",
    "/at https://youtu.be/dQw4w9WgXcQ?t=60",
    "/link 21 https://youtu.be/dQw4w9WgXcQ?t=60",
    "/at https://www.youtube.com/watch?v=7xTGNNLPyMI",
    "/at +2:30",
];

#[test]
fn golden_pasted_moments() {
    golden_both("pasted", &shipped(), PASTED);
}

#[test]
fn every_pasted_form_lands_on_its_second() {
    let lectern = shipped();
    for (line, second) in [
        ("/at https://youtu.be/7xTGNNLPyMI?t=4832", 4832),
        (
            "/at https://www.youtube.com/watch?v=7xTGNNLPyMI&t=1h20m32s",
            4832,
        ),
        ("/at t=4832s", 4832),
        ("/at 4832초", 4832),
        ("/at ２１", 21),
        ("/at ３：１２：００", 11520),
        ("/link 21 https://youtu.be/7xTGNNLPyMI?t=11400", 11400),
        ("/link 21 ＋２：３０", 11529),
    ] {
        let reply = respond(&lectern, line, Locale::Ko);
        assert!(reply.is_ok(), "{line}: {}", reply.text);
        let want = format!("https://www.youtube.com/watch?v=7xTGNNLPyMI&t={second}s");
        assert_eq!(reply.url.as_deref(), Some(want.as_str()), "{line}");
    }
}

#[test]
fn a_link_into_another_video_says_so() {
    let lectern = shipped();
    for line in [
        "/at https://youtu.be/dQw4w9WgXcQ?t=60",
        "/link 21 https://youtu.be/dQw4w9WgXcQ?t=60",
    ] {
        let reply = respond(&lectern, line, Locale::Ko);
        assert_eq!(reply.title, "이 강의의 영상이 아니에요", "{line}");
        assert!(reply.error.expect(line).message.contains("dQw4w9WgXcQ"));
        let en = respond(&lectern, line, Locale::En);
        assert_eq!(en.title, "Not this course's video", "{line}");
    }
}

#[test]
fn with_two_courses_a_link_answers_for_the_course_of_its_video() {
    let mut lectern = two_courses();
    lectern.library.courses[1].video_id = "otherVideo1".into();
    let reply = respond(
        &lectern,
        "/at https://youtu.be/otherVideo1?t=60",
        Locale::Ko,
    );
    assert!(reply.is_ok(), "{}", reply.text);
    assert_eq!(
        reply.url.as_deref(),
        Some("https://www.youtube.com/watch?v=otherVideo1&t=60s")
    );
    assert!(reply.footer.unwrap_or_default().contains("다른 강의"));
    // Named course wins: the link is then not that course's video.
    let named = respond(
        &lectern,
        "/at https://youtu.be/otherVideo1?t=60 course:deep-dive-llms",
        Locale::Ko,
    );
    assert_eq!(named.title, "이 강의의 영상이 아니에요");
}

#[test]
fn with_two_courses_link_takes_the_chapter_of_the_linked_course() {
    let mut lectern = two_courses();
    lectern.library.courses[1].video_id = "otherVideo1".into();
    let reply = respond(
        &lectern,
        "/link 21 https://youtu.be/otherVideo1?t=11400",
        Locale::Ko,
    );
    assert!(reply.is_ok(), "{}", reply.text);
    assert_eq!(
        reply.url.as_deref(),
        Some("https://www.youtube.com/watch?v=otherVideo1&t=11400s")
    );
    // The default course's own video still answers for the default course.
    let own = respond(
        &lectern,
        "/at https://youtu.be/7xTGNNLPyMI?t=60",
        Locale::Ko,
    );
    assert_eq!(
        own.url.as_deref(),
        Some("https://www.youtube.com/watch?v=7xTGNNLPyMI&t=60s")
    );
}
