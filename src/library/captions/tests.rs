use super::*;

fn words(c: &Captions) -> Vec<(&str, u64)> {
    c.words
        .iter()
        .map(|w| (w.text.as_str(), w.start_ms))
        .collect()
}

#[test]
fn language_comes_from_the_file_name() {
    assert_eq!(lang_from_file_name("a/talk.en.vtt").as_deref(), Some("en"));
    assert_eq!(
        lang_from_file_name("talk.en-orig.vtt").as_deref(),
        Some("en")
    );
    assert_eq!(lang_from_file_name("talk.KO.srt").as_deref(), Some("ko"));
    assert_eq!(lang_from_file_name("talk.vtt"), None);
    assert_eq!(lang_from_file_name("talk.en.txt"), None);
}

#[test]
fn timestamps_parse_in_both_notations() {
    assert_eq!(parse_timestamp("00:00:00.880"), Ok(880));
    assert_eq!(parse_timestamp("01:02:03,004"), Ok(3_723_004));
    assert_eq!(parse_timestamp("02:03.5"), Ok(123_500));
    assert_eq!(
        parse_timestamp("-00:00:01.000"),
        Err(timestamp::TimeError::Negative)
    );
    assert_eq!(
        parse_timestamp("101:00:00.000"),
        Err(timestamp::TimeError::TooLate)
    );
    assert_eq!(
        parse_timestamp("00:61:00.000"),
        Err(timestamp::TimeError::Malformed)
    );
    assert_eq!(parse_timestamp("abc"), Err(timestamp::TimeError::Malformed));
}

const ROLLING: &str = "WEBVTT\nKind: captions\nLanguage: en\n\n\
00:00:00.719 --> 00:00:02.750 align:start position:0%\n \n\
hi<00:00:00.880><c> everyone</c><00:00:01.880><c> so</c>\n\n\
00:00:02.750 --> 00:00:02.760 align:start position:0%\nhi everyone so\n \n\n\
00:00:02.760 --> 00:00:05.390 align:start position:0%\nhi everyone so\n\
video<00:00:02.960><c> for</c><00:00:03.120><c> a</c>\n\n\
00:00:05.390 --> 00:00:05.400 align:start position:0%\nvideo for a\n \n";

#[test]
fn rolling_auto_captions_give_each_word_once_with_its_time() {
    let c = parse_captions("x.en-orig.vtt", ROLLING);
    assert_eq!(
        words(&c),
        vec![
            ("hi", 719),
            ("everyone", 880),
            ("so", 1880),
            ("video", 2760),
            ("for", 2960),
            ("a", 3120)
        ]
    );
    assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
    assert_eq!(c.language.as_deref(), Some("en"));
}

#[test]
fn plain_cues_spread_words_by_length() {
    let text = "WEBVTT\n\n00:00:10.000 --> 00:00:20.000\n<v Alex>aaaa bbbb</v>\n";
    let c = parse_captions("t.vtt", text);
    assert_eq!(words(&c), vec![("aaaa", 10_000), ("bbbb", 15_000)]);
    assert_eq!(c.words[1].cue_end_ms, 20_000);
}

#[test]
fn srt_with_crlf_and_bom_parses() {
    let text = "\u{feff}1\r\n00:00:01,000 --> 00:00:02,000\r\n<i>Hello</i> &amp; bye\r\n\r\n\
2\r\n00:00:03,000 --> 00:00:04,000\r\n[Music]\r\n\r\n";
    let c = parse_captions("t.ko.srt", text);
    assert_eq!(c.text(), "Hello bye");
    assert_eq!(c.words[0].start_ms, 1000);
    assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
    assert_eq!(c.language.as_deref(), Some("ko"));
}

#[test]
fn entities_and_tags_are_cleaned() {
    assert_eq!(
        decode_entities("a &gt;&gt; b&nbsp;c &#65; &bogus; &"),
        "a >> b c A &bogus; &"
    );
    assert_eq!(
        plain_text("<c.colorE5E5E5>R&amp;D</c> [Applause] ok"),
        "R&D ok"
    );
}

#[test]
fn broken_cues_are_reported_by_line_and_the_rest_survives() {
    let text = "WEBVTT\n\n\
00:00:05.000 --> 00:00:06.000\nfirst\n\n\
00:00:01.000 --> 00:00:02.000\nearlier\n\n\
-00:00:07.000 --> 00:00:08.000\nnegative\n\n\
00:00:09.000 --> 200:00:00.000\nhuge\n\n\
00:00:10.000 00:00:11.000\nno arrow\n\n\
stray text\n\n\
00:00:13.000 --> 00:00:12.000\nbackwards\n\n\
00:00:14.000 --> 00:00:15.000\nlast\n";
    let c = parse_captions("bad.vtt", text);
    assert_eq!(c.text(), "first backwards last");
    let lines: Vec<usize> = c.diagnostics.iter().map(|d| d.line).collect();
    assert_eq!(lines, vec![6, 9, 12, 15, 18, 20], "{:?}", c.diagnostics);
    assert!(c.diagnostics.iter().all(|d| d.path == "bad.vtt"));
}

#[test]
fn word_timings_outside_the_cue_are_clamped_and_reported() {
    let text = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\na<00:00:09.000> b\n";
    let c = parse_captions("t.vtt", text);
    assert_eq!(words(&c), vec![("a", 1000), ("b", 2000)]);
    assert_eq!(c.diagnostics.len(), 1);
    assert_eq!(c.diagnostics[0].line, 4);
}

fn word(text: &str, start_ms: u64) -> CaptionWord {
    CaptionWord {
        text: text.to_string(),
        start_ms,
        cue_end_ms: start_ms + 500,
        line: 1,
    }
}

#[test]
fn windows_close_at_sentences_pauses_and_the_cap() {
    let mut ws = vec![word("One.", 0), word("two", 1_000), word("three.", 7_000)];
    ws.extend((0..40).map(|k| word("w", 8_000 + k * 1_000)));
    let windows = caption_windows(&ws, WindowOptions::default());
    assert_eq!(windows[0].text, "One. two three.");
    assert_eq!((windows[0].start_ms, windows[0].end_ms), (0, 8_000));
    for w in &windows {
        assert!(w.end_ms - w.start_ms <= 31_000, "{w:?}");
    }
    let rejoined: Vec<String> = windows.iter().map(|w| w.text.clone()).collect();
    assert_eq!(rejoined.join(" ").split(' ').count(), 43);
    assert_eq!(windows.last().map(|w| w.end_ms), Some(47_500));
}

#[test]
fn no_window_straddles_a_chapter_start() {
    // One word a second: uncut, the first window would run 0–16 s.
    let ws: Vec<CaptionWord> = (0..30).map(|k| word("w", k * 1_000)).collect();
    let uncut = caption_windows(&ws, WindowOptions::default());
    assert!(uncut[0].start_ms < 12_500 && uncut[0].end_ms > 12_500);
    let windows = caption_windows_cut_at(&ws, WindowOptions::default(), &[0, 12_500, 40_000]);
    assert!(windows
        .iter()
        .all(|w| w.start_ms >= 12_500 || w.end_ms <= 13_000));
    assert!(windows.iter().any(|w| w.start_ms == 13_000));
    let words: usize = windows.iter().map(|w| w.text.split(' ').count()).sum();
    assert_eq!(words, 30);
}

mod hostile {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn any_text_parses_into_ordered_words(text in "(?s).{0,400}") {
            check(&parse_captions("x.vtt", &text));
        }

        #[test]
        fn caption_like_junk_parses_into_ordered_words(
            parts in prop::collection::vec(prop_oneof![
                Just("WEBVTT\n".to_string()),
                Just("\n".to_string()),
                Just("\r\n".to_string()),
                Just(" --> ".to_string()),
                Just("<c>".to_string()),
                Just("&amp;".to_string()),
                Just("[".to_string()),
                "[0-9]{1,3}:[0-9]{2}:[0-9]{2}[.,][0-9]{3}",
                "<[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}>",
                "[a-z ]{0,8}",
                any::<String>(),
            ], 0..60)
        ) {
            check(&parse_captions("x.srt", &parts.concat()));
        }
    }

    fn check(c: &Captions) {
        for pair in c.words.windows(2) {
            assert!(pair[0].start_ms <= pair[1].start_ms);
        }
        for w in &c.words {
            assert!(w.start_ms <= MAX_MS && w.start_ms <= w.cue_end_ms);
            assert!(!w.text.trim().is_empty());
        }
        let windows = caption_windows(&c.words, WindowOptions::default());
        assert!(windows.iter().all(|w| w.start_ms <= w.end_ms));
    }
}
