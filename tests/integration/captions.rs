//! Caption parsing on the real files in ../shared/corpus: YouTube's rolling
//! auto-captions with word timings (deep-dive-llms) and plain manual WebVTT
//! (ai-prompt-engineering). Skips with a notice without the corpus; fails
//! when `CI` is set and it is missing.

use std::path::Path;

use crate::support::corpus_path;
use lectern::library::captions::{caption_windows, parse_captions, Captions, WindowOptions};

const DEEP_DIVE: &str = "deep-dive-llms/captions/deep-dive-llms.en-orig.vtt";
const PROMPTING: &str = "ai-prompt-engineering/captions/ai-prompt-engineering-deep-dive.en.vtt";

fn load(relative: &str) -> Option<Captions> {
    let path = corpus_path(relative)?;
    let text = std::fs::read_to_string(&path).expect("caption file is UTF-8");
    let name = Path::new(relative)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(relative);
    Some(parse_captions(name, &text))
}

fn assert_ordered(c: &Captions) {
    for pair in c.words.windows(2) {
        assert!(
            pair[0].start_ms <= pair[1].start_ms,
            "out of order: {pair:?}"
        );
    }
}

#[test]
fn deep_dive_auto_captions_give_each_word_once() {
    let Some(c) = load(DEEP_DIVE) else { return };
    // The file itself has one word timing out of order (`the<1:26:54.239>`
    // then `reason<1:26:54.199>`): reported, clamped, nothing else.
    let shown = &c.diagnostics[..c.diagnostics.len().min(5)];
    assert_eq!(c.diagnostics.len(), 1, "{shown:?}");
    assert_eq!(c.diagnostics[0].line, 18591);
    assert_eq!(c.language.as_deref(), Some("en"));
    let text = c.text();
    let opening = "hi everyone so I've wanted to make this video for a while it is a \
                   comprehensive but General audience introduction to";
    assert!(text.starts_with(opening), "{}", &text[..200]);
    assert_eq!(text.matches(opening).count(), 1);
    assert_eq!(
        (c.words[1].text.as_str(), c.words[1].start_ms),
        ("everyone", 880)
    );
    assert_ordered(&c);
    let last = c.words.last().expect("words");
    assert_eq!(last.text, "later");
    assert!(last.start_ms < 3 * 3_600_000 + 31 * 60_000 + 24_319);
    assert_eq!(c.end_ms(), 12_684_319);
    // 3.5 hours of speech at ~150-190 words a minute; measured: see report.
    assert!(
        (30_000..45_000).contains(&c.words.len()),
        "{}",
        c.words.len()
    );
    // No rolling repeats: no run of 8 words is followed at once by itself.
    let words: Vec<&str> = c.words.iter().map(|w| w.text.as_str()).collect();
    for i in 0..words.len().saturating_sub(16) {
        assert_ne!(words[i..i + 8], words[i + 8..i + 16], "repeat at word {i}");
    }
    let windows = caption_windows(&c.words, WindowOptions::default());
    assert!(windows.iter().all(|w| w.end_ms - w.start_ms <= 31_000));
    assert!(windows.len() > 400, "{}", windows.len());
}

#[test]
fn prompting_manual_captions_parse() {
    let Some(c) = load(PROMPTING) else { return };
    assert!(
        c.diagnostics.is_empty(),
        "{:?}",
        &c.diagnostics[..c.diagnostics.len().min(5)]
    );
    assert_eq!(c.language.as_deref(), Some("en"));
    assert!(c
        .text()
        .starts_with("Basically, this entire roundtable session here is just gonna"));
    assert_ordered(&c);
    assert!(c.words.len() > 10_000, "{}", c.words.len());
    let windows = caption_windows(&c.words, WindowOptions::default());
    assert!(
        windows[0].text.ends_with("prompt engineering."),
        "{:?}",
        windows[0]
    );
}

#[test]
fn captions_in_a_course_folder_load_with_the_course() {
    let Some((_dir, lectern)) = crate::support::corpus::lectern_with("kr-translated-v1", true)
    else {
        return;
    };
    let course = &lectern.library.courses[0];
    let captions = course
        .captions
        .as_ref()
        .expect("the captions/ file is attached");
    assert_eq!(captions.language.as_deref(), Some("en"));
    assert!(captions.path.ends_with("deep-dive-llms.en-orig.vtt"));
    // Word timings run through the whole 3:31:24 video.
    let last = captions.words.last().expect("words").start_ms;
    assert!(
        (12_600_000..=12_684_000).contains(&last),
        "last word at {last} ms"
    );
    assert!(
        captions.windows.len() > 400,
        "{} windows",
        captions.windows.len()
    );
    // The notes are all there too.
    assert_eq!(
        course.chapters.iter().filter(|c| c.notes.is_some()).count(),
        24
    );
}

#[test]
fn a_broken_captions_file_is_reported_and_the_notes_still_load() {
    let content = crate::support::temp_content();
    let folder = content.course().join("captions");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("talk.en.vtt"),
        "WEBVTT\n\n00:00:01.000 --> garbage\nhello\n",
    )
    .unwrap();
    let lectern = crate::support::load_with_index(&content.course());
    let course = &lectern.library.courses[0];
    assert!(course.captions.is_none());
    assert!(course.chapters.iter().any(|c| c.notes.is_some()));
    let said: Vec<String> = lectern
        .library
        .diagnostics
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert!(
        said.iter().any(|d| d.contains("talk.en.vtt")),
        "the broken file is named: {said:#?}"
    );
}
