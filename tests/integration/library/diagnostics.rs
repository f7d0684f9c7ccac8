//! What a bad chapter file is told, with path and line: broken front matter,
//! BOM and CRLF, binary and invalid UTF-8, unknown keys and missing sections,
//! timestamps that disagree, and one bad file never stopping the others.

use std::fs;

use lectern::library::chapter_file::parse_chapter_file;

use super::messages;
use crate::support::load_bare;

fn parse(text: &str) -> Result<Vec<String>, Vec<String>> {
    parse_chapter_file("t.md", text.as_bytes())
        .map(|(_, d)| d.iter().map(ToString::to_string).collect())
        .map_err(|d| d.iter().map(ToString::to_string).collect())
}

#[test]
fn broken_files_get_path_line_errors() {
    let cases: [(&str, &str); 7] = [
        ("", "t.md:1: error: the file is empty"),
        ("no front matter\n", "t.md:1: error: no front matter"),
        (
            "---\ntitle: x\n",
            "t.md:1: error: the front matter is not closed",
        ),
        (
            "---\ntitle: x\n---\nbody\n",
            "t.md:1: error: missing chapter number",
        ),
        (
            "---\nchapter: 0\n---\n",
            "t.md:2: error: `chapter` must be a whole number from 1 to 999",
        ),
        (
            "---\ntitle: x\nchapter: [1\n---\n",
            "t.md:4: error: broken front matter",
        ),
        (
            "---\nchapter: 99999\n---\n",
            "t.md:2: error: `chapter` must be",
        ),
    ];
    for (text, expected) in cases {
        let errors = parse(text).expect_err(text);
        assert!(errors[0].starts_with(expected), "{text:?}: {errors:?}");
    }
}

#[test]
fn bom_and_crlf_load_fine() {
    let text = "\u{FEFF}---\r\nchapter: 3\r\ntimestamp: \"7:47\"\r\n---\r\n\r\n## 요약\r\n\r\n토큰화.\r\n\r\n## 핵심 포인트\r\n\r\n- BPE\r\n\r\n## 전체 번역\r\n\r\n[8:00] 본문.\r\n";
    let (file, diags) = parse_chapter_file("t.md", text.as_bytes()).unwrap();
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(file.number, 3);
    assert_eq!(file.summary, "토큰화.");
    assert_eq!(file.body[0].text, "본문.");
    assert_eq!(file.body[0].line, 16);
    assert_eq!(file.markers[0].seconds, 480);
}

#[test]
fn binary_and_invalid_utf8_are_refused() {
    let e = parse_chapter_file("b.md", b"---\nchapter: 1\n---\n\x00\x01\x02").unwrap_err();
    assert!(e[0].to_string().contains("binary"), "{e:?}");
    let e = parse_chapter_file("u.md", b"---\nchapter: 1\n---\n\xff\xfe oops").unwrap_err();
    assert!(
        e[0].to_string().starts_with("u.md:4: error: invalid UTF-8"),
        "{e:?}"
    );
}

#[test]
fn unknown_keys_and_missing_sections_warn() {
    let warnings = parse("---\nchapter: 2\nmood: happy\n---\n\n## 요약\n\n짧은 요약.\n").unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w == "t.md:3: warning: unknown front-matter key `mood`"),
        "{warnings:?}"
    );
    assert!(
        warnings.iter().any(|w| w.contains("no key points")),
        "{warnings:?}"
    );
    assert!(
        warnings.iter().any(|w| w.contains("no translation")),
        "{warnings:?}"
    );
}

#[test]
fn timestamp_disagreeing_with_source_url_warns_with_both_values() {
    let dir_tmp = crate::support::tempdir();
    let dir = dir_tmp.path().to_path_buf();
    fs::write(
        dir.join("a.md"),
        "---\nchapter: 1\ntimestamp: \"1:00\"\nsourceUrl: \"https://www.youtube.com/watch?v=7xTGNNLPyMI&t=90s\"\n---\n## 요약\n\nx\n",
    )
    .unwrap();
    let lib = load_bare(&dir);
    let all = messages(&lib);
    assert!(
        all.iter().any(|m| m
            .contains("a.md:4: warning: sourceUrl's t=90s (1:30) disagrees with timestamp 1:00")),
        "{all:#?}"
    );
}

#[test]
fn a_bad_file_never_stops_the_others() {
    let dir_tmp = crate::support::tempdir();
    let dir = dir_tmp.path().to_path_buf();
    fs::write(dir.join("good.md"), "---\nchapter: 1\nsourceUrl: \"https://youtu.be/7xTGNNLPyMI?t=0\"\n---\n## 요약\n\n좋은 파일.\n").unwrap();
    fs::write(dir.join("bad.md"), "---\nchapter: : :\n---\n").unwrap();
    fs::write(dir.join("empty.md"), "").unwrap();
    fs::write(dir.join("huge.md"), vec![b'a'; 64]).unwrap();
    let lib = lectern::library::load_library(
        std::slice::from_ref(&dir),
        lectern::library::LoadOptions {
            max_file_bytes: 32,
            ..Default::default()
        },
    );
    let all = messages(&lib);
    assert!(
        all.iter()
            .any(|m| m.contains("huge.md:1: error: file is 64 bytes, over the 32-byte limit")),
        "{all:#?}"
    );
    // With the cap at 32 bytes, good.md is over it too; load again with the default cap.
    let lib = load_bare(&dir);
    assert_eq!(lib.courses.len(), 1);
    assert!(lib.courses[0].chapter(1).unwrap().notes.is_some());
    let errors: Vec<_> = lib
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.path.clone())
        .collect();
    assert!(
        errors.iter().any(|p| p.ends_with("bad.md"))
            && errors.iter().any(|p| p.ends_with("empty.md")),
        "{errors:?}"
    );
}
