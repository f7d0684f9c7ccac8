//! `/where query [course]` through the core, on the shipped content: a
//! picture with the strongest moments, one line and one button per moment,
//! words in the reader's language, and no picture when nothing is found.

use lectern::answer::{answer, Button, Command, Locale, Reply, Request};
use lectern::app::Lectern;
use lectern::picture::{TIMELINE_HEIGHT, TIMELINE_WIDTH};
use tiny_skia::Pixmap;

use crate::support::shipped;

fn ask(lectern: &Lectern, query: &str, l: Locale) -> Reply {
    let command = Command::Where {
        course: None,
        query: query.into(),
    };
    answer(lectern, &Request::new(command, l))
}

fn link_buttons(reply: &Reply) -> Vec<&str> {
    reply
        .buttons
        .iter()
        .filter_map(|b| match b {
            Button::Link { url, .. } => Some(url.as_str()),
            Button::Run { .. } => None,
        })
        .collect()
}

#[test]
fn a_topic_gets_a_timeline_picture_with_its_strongest_moments() {
    let lectern = shipped();
    let reply = ask(&lectern, "에이전트", Locale::Ko);
    assert!(reply.is_ok(), "{reply:?}");
    let file = reply.attachment.as_ref().expect("a picture");
    assert_eq!(file.filename, "where.png");
    let png = Pixmap::decode_png(&file.bytes).expect("the picture decodes");
    assert_eq!(
        (png.width(), png.height()),
        (TIMELINE_WIDTH, TIMELINE_HEIGHT)
    );
    let lines: Vec<&str> = reply.text.lines().collect();
    assert!((1..=3).contains(&lines.len()), "{lines:?}");
    let links = link_buttons(&reply);
    assert_eq!(links.len(), lines.len(), "one button per marked moment");
    for (i, (line, url)) in lines.iter().zip(&links).enumerate() {
        assert!(
            line.starts_with(&format!("**{}** · 21장 · ", i + 1)),
            "{line}"
        );
        assert!(line.contains(url), "the line links its moment: {line}");
        // The snippet is the passage's text with a matched word in bold.
        let snippet = line.split(") — ").nth(1).expect("a snippet");
        assert!(snippet.contains("**"), "{line}");
    }
    assert_eq!(reply.url.as_deref(), links.first().copied());
    assert!(reply.title.contains("영상 속 위치"), "{}", reply.title);
}

#[test]
fn an_english_reader_gets_english_words() {
    let lectern = shipped();
    let reply = ask(&lectern, "agents", Locale::En);
    assert!(reply.is_ok(), "{reply:?}");
    assert!(reply.attachment.is_some());
    assert!(
        reply.title.contains("where in the video"),
        "{}",
        reply.title
    );
    assert!(
        reply.text.starts_with("**1** · Ch. 21 · "),
        "{}",
        reply.text
    );
    let footer = reply.footer.unwrap_or_default();
    assert!(footer.starts_with("Picture: "), "{footer}");
}

#[test]
fn nothing_found_is_the_usual_answer_without_a_picture() {
    let lectern = shipped();
    let reply = ask(&lectern, "zzqxv", Locale::Ko);
    assert!(!reply.is_ok());
    assert!(reply.attachment.is_none());
    assert_eq!(reply.title, "검색 결과가 없어요");
    // Its suggestions ask /where again, about a real topic.
    let suggestions = &reply.error.as_ref().expect("a problem").suggestions;
    assert!(!suggestions.is_empty());
    assert!(suggestions
        .iter()
        .all(|s| matches!(s.command, Some(Command::Where { .. }))));
}

#[test]
fn empty_and_typed_lines_work_like_other_commands() {
    let lectern = shipped();
    let empty = ask(&lectern, "   ", Locale::Ko);
    assert!(!empty.is_ok() && empty.attachment.is_none());
    for line in ["/where query:agents", "/어디 에이전트", "/where agents"] {
        let command = lectern::answer::slash::parse_slash(line).expect(line);
        assert!(matches!(command, Command::Where { .. }), "{line}");
    }
}

#[test]
fn the_board_picture_is_ready_for_the_board_command() {
    use lectern::answer::{board_picture, BOARD_PNG};
    use lectern::picture::{BoardMember, PictureError};

    let lectern = shipped();
    let course = &lectern.library.courses[0];
    let members = vec![
        BoardMember {
            name: "김민준".into(),
            done: vec![1, 2, 21],
        },
        BoardMember {
            name: "Tom".into(),
            done: vec![21],
        },
    ];
    let file = board_picture(Locale::Ko, course, members.clone(), 0).expect("a board");
    assert_eq!(file.filename, BOARD_PNG);
    let png = Pixmap::decode_png(&file.bytes).expect("the board decodes");
    assert!(png.width() >= 480 && png.height() > 100);
    let english = board_picture(Locale::En, course, members.clone(), 0).expect("a board");
    assert_ne!(english.bytes, file.bytes, "the words differ");
    assert!(matches!(
        board_picture(Locale::Ko, course, members, 1),
        Err(PictureError::NoSuchPage { page: 1, pages: 1 })
    ));
    assert_eq!(
        board_picture(Locale::Ko, course, Vec::new(), 0),
        Err(PictureError::EmptyBoard)
    );
}
