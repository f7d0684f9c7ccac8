//! A chapter with no notes yet still answers usefully: its span and length
//! with the link, what the video says in that span (from the captions, when
//! the course has them), the nearest chapters with notes, and how to add notes.

use std::sync::Arc;

use lectern::answer::{Button, Command, Locale, Reply};
use lectern::app::Lectern;
use lectern::cli::ask::respond;
use lectern::library::captions::CaptionWindow;
use lectern::library::CourseCaptions;

use super::golden_both;
use crate::support::{corpus, glossary, shipped};

#[test]
fn golden_chapters_without_notes() {
    golden_both(
        "no_notes",
        &shipped(),
        &["/summary 5", "/keypoints 23", "/read 1"],
    );
}

/// The shipped course with captions of our own: three lines in chapter 5's
/// span (20:11–26:01), one outside it.
fn with_own_captions() -> Lectern {
    let mut library = shipped().library;
    let window = |s: u64, text: &str| CaptionWindow {
        start_ms: s * 1000,
        end_ms: s * 1000 + 4000,
        text: text.into(),
        line: 1,
    };
    library.courses[0].captions = Some(Arc::new(CourseCaptions {
        path: "talk.en.vtt".into(),
        language: Some("en".into()),
        words: Vec::new(),
        windows: vec![
            window(1200, "before the chapter starts, still inputs"),
            window(1215, "so let's open the box and look inside"),
            window(
                1300,
                "the network internals are a big mathematical expression",
            ),
            window(1500, "the neural network has billions of parameters"),
            window(1600, "now inference: sampling one token at a time"),
        ],
    }));
    Lectern::new(library, &glossary())
}

#[test]
fn golden_a_chapter_without_notes_with_captions() {
    golden_both("no_notes_captions", &with_own_captions(), &["/summary 5"]);
}

/// The second a caption line links to (`…&t=1300s`).
fn linked_second(line: &str) -> u64 {
    line.split("&t=")
        .nth(1)
        .and_then(|r| r.split('s').next())
        .and_then(|n| n.parse().ok())
        .expect("a linked second")
}

fn field<'a>(reply: &'a Reply, name: &str) -> Option<&'a str> {
    reply
        .fields
        .iter()
        .find(|f| f.name == name)
        .map(|f| f.value.as_str())
}

#[test]
fn the_page_has_span_length_link_neighbours_captions_and_how_to_add() {
    let reply = respond(&with_own_captions(), "/summary 5", Locale::Ko);
    assert!(reply.is_ok());
    assert!(reply.text.contains("20:11–26:01"), "{}", reply.text);
    assert!(reply.text.contains("5분 50초"), "{}", reply.text);
    assert!(reply.text.contains("t=1211s"));
    // The two lines sharing the most words with the titles, in time order;
    // nothing from outside the span.
    let said = field(&reply, "이 구간의 영상 자막").expect("captions");
    assert_eq!(said.lines().count(), 2, "{said}");
    assert!(
        said.contains("t=1300s") && said.contains("t=1500s"),
        "{said}"
    );
    assert!(!said.contains("t=1200s") && !said.contains("t=1600s"));
    let near = field(&reply, "노트가 있는 가까운 챕터").expect("neighbours");
    assert!(near.contains("21장"), "{near}");
    assert!(reply.buttons.iter().any(|b| matches!(
        b,
        Button::Run { command: Command::Summary { chapter, .. }, .. } if chapter == "21"
    )));
    assert!(field(&reply, "노트 더하기").is_some_and(|v| v.contains("chapter: 5")));
    // Without captions, no caption field, the rest as before.
    let plain = respond(&shipped(), "/summary 5", Locale::En);
    assert!(field(&plain, "What the video says here").is_none());
    assert!(plain.text.contains("5 min 50 s"), "{}", plain.text);
}

/// On the real notes and captions, with chapter 5's notes taken away: the
/// lines come from chapter 5's span, and chapters 4 and 6 are its neighbours.
#[test]
fn real_captions_fill_a_chapter_without_notes() {
    let Some((_dir, mut lectern)) = corpus::lectern_with("kr-translated-v1", true) else {
        return;
    };
    let mut library = lectern.library.clone();
    if let Some(ch) = library.courses[0]
        .chapters
        .iter_mut()
        .find(|c| c.number == 5)
    {
        ch.notes = None;
    }
    lectern = Lectern::new(library, &glossary());
    let reply = respond(&lectern, "/summary 5", Locale::Ko);
    let said = field(&reply, "이 구간의 영상 자막").expect("captions");
    for line in said.lines() {
        assert!((1211..1561).contains(&linked_second(line)), "{line}");
    }
    let near = field(&reply, "노트가 있는 가까운 챕터").expect("neighbours");
    assert!(near.contains("4장") && near.contains("6장"), "{near}");
}

/// The lines shown for a chapter without notes are where the video says the
/// chapter's name: on the real captions, with every chapter's notes taken
/// away, each chapter shows as many lines saying a word of its titles as its
/// span has (up to two). This is why the page keeps its own small scorer:
/// the search's passage scoring (`SearchIndex::passages` for the titles,
/// its best caption passages of the chapter), tried in its place, showed a
/// line whose window doesn't say the name in chapters 12, 15, 20 and 22
/// (English title as the query; 12, 17 and 20 with both titles).
#[test]
fn caption_lines_say_the_chapters_name_where_the_video_does() {
    let Some((_dir, lectern)) = corpus::lectern_with("kr-translated-v1", true) else {
        return;
    };
    let mut library = lectern.library.clone();
    for ch in &mut library.courses[0].chapters {
        ch.notes = None;
    }
    let lectern = Lectern::new(library, &glossary());
    let course = &lectern.library.courses[0];
    let windows = &course.captions.as_ref().expect("captions").windows;
    for ch in &course.chapters {
        let words: Vec<String> = [&ch.title, &ch.title_ko]
            .iter()
            .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.chars().count() >= 3)
            .map(str::to_lowercase)
            .collect();
        let names = |text: &str| {
            let text = text.to_lowercase();
            words.iter().any(|w| text.contains(w.as_str()))
        };
        let (from, to) = (u64::from(ch.start) * 1000, u64::from(ch.end) * 1000);
        let saying = windows
            .iter()
            .filter(|w| (from..to).contains(&w.start_ms) && names(&w.text))
            .count();
        let reply = respond(&lectern, &format!("/summary {}", ch.number), Locale::En);
        let said = field(&reply, "What the video says here").unwrap_or_default();
        // The window each line shows (its text is cut short there).
        let shown = said
            .lines()
            .filter(|line| {
                let t = linked_second(line);
                windows
                    .iter()
                    .find(|w| (from..to).contains(&w.start_ms) && w.start_ms / 1000 == t)
                    .is_some_and(|w| names(&w.text))
            })
            .count();
        assert_eq!(shown, saying.min(2), "chapter {}: {said}", ch.number);
    }
}
