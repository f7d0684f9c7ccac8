//! Hostile content: every kind of broken file gets a clear diagnostic while
//! every other chapter keeps being served.

use std::fs;
use std::path::Path;

use lectern::library::{load_library, Library, LoadOptions};

const GOOD: &str = "---\nchapter: 1\nsourceUrl: \"https://www.youtube.com/watch?v=7xTGNNLPyMI&t=0s\"\n---\n\n## 요약\n\n좋은 챕터.\n\n## 핵심 포인트\n\n- 하나\n\n## 전체 번역\n\n본문.\n";

fn alias_bomb() -> String {
    let mut s = String::from("---\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let p = i - 1;
        s.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    s.push_str("chapter: 9\n---\n");
    s
}

/// (file name, contents, expected start of its diagnostic)
fn cases() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    vec![
        (
            "empty.md",
            b"".to_vec(),
            "empty.md:1: error: the file is empty",
        ),
        (
            "front-only.md",
            b"---\nchapter: 2\n---\n".to_vec(),
            "front-only.md:1: warning: no summary",
        ),
        (
            "no-front.md",
            "## 요약\n\n앞부분 없음\n".as_bytes().to_vec(),
            "no-front.md:1: error: no front matter",
        ),
        (
            "invalid-yaml.md",
            b"---\nchapter: 3\ntitle: \"unclosed\n---\n".to_vec(),
            "invalid-yaml.md:",
        ),
        (
            "bomb.md",
            alias_bomb().into_bytes(),
            "bomb.md:1: error: broken front matter: repetition limit exceeded",
        ),
        (
            "binary.md",
            vec![0x7f, b'E', b'L', b'F', 0, 0, 1, 2, 3, 0xff],
            "binary.md:1: error: the file looks binary",
        ),
        (
            "latin1.md",
            b"---\nchapter: 4\n---\n\ncaf\xe9\n".to_vec(),
            "latin1.md:5: error: invalid UTF-8",
        ),
        (
            "zero.md",
            b"---\nchapter: 0\n---\n".to_vec(),
            "zero.md:2: error: `chapter` must be a whole number",
        ),
        (
            "minus.md",
            b"---\nchapter: -1\n---\n".to_vec(),
            "minus.md:2: error: `chapter` must be a whole number",
        ),
        (
            "huge-number.md",
            b"---\nchapter: 99999\n---\n".to_vec(),
            "huge-number.md:2: error: `chapter` must be a whole number",
        ),
        (
            "dup.md",
            GOOD.replace("좋은 챕터.", "중복.").into_bytes(),
            "dup.md:2: error: chapter 1 is claimed by two files",
        ),
        (
            "too-big.md",
            {
                let mut v = GOOD.replace("chapter: 1", "chapter: 5").into_bytes();
                v.extend(std::iter::repeat_n(b'a', 3000));
                v
            },
            "too-big.md:1: error: file is",
        ),
    ]
}

fn load(dir: &Path, cap: u64) -> Library {
    load_library(
        &[dir.to_path_buf()],
        LoadOptions {
            max_file_bytes: cap,
            ..Default::default()
        },
    )
}

#[test]
fn every_hostile_file_is_reported_and_the_rest_served() {
    let dir_tmp = crate::support::tempdir();
    let dir = dir_tmp.path().to_path_buf();
    fs::write(dir.join("a-good.md"), GOOD).unwrap();
    fs::write(
        dir.join("bom-crlf.md"),
        format!("\u{FEFF}{}", GOOD.replace("chapter: 1", "chapter: 6")).replace('\n', "\r\n"),
    )
    .unwrap();
    for (name, bytes, _) in cases() {
        fs::write(dir.join(name), bytes).unwrap();
    }
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&dir, dir.join("loop")).unwrap();
        std::os::unix::fs::symlink(dir.join("nowhere.md"), dir.join("dangling.md")).unwrap();
    }
    let lib = load(&dir, 2048);
    let all: Vec<String> = lib.diagnostics.iter().map(ToString::to_string).collect();
    for (name, _, expected) in cases() {
        assert!(
            all.iter().any(|d| d.contains(expected)),
            "{name}: expected a diagnostic containing {expected:?}\n{all:#?}"
        );
    }
    #[cfg(unix)]
    {
        assert!(
            all.iter()
                .any(|d| d.contains("dangling.md:1: error: can't read file")),
            "{all:#?}"
        );
        assert!(
            all.iter()
                .any(|d| d.contains("loop") && d.contains("reached twice")),
            "{all:#?}"
        );
    }
    let course = &lib.courses[0];
    let served: Vec<u32> = course
        .chapters
        .iter()
        .filter(|c| c.notes.is_some())
        .map(|c| c.number)
        .collect();
    // The good file, the BOM/CRLF file and the front-matter-only file serve.
    assert_eq!(served, vec![1, 2, 6], "{all:#?}");
    assert_eq!(
        course.chapter(1).unwrap().notes.as_ref().unwrap().summary,
        "좋은 챕터."
    );
    let crlf = course.chapter(6).unwrap().notes.as_ref().unwrap();
    assert_eq!(crlf.summary, "좋은 챕터.");
    assert_eq!(crlf.body[0].text, "본문.");
}

#[test]
fn oversized_files_are_not_read_whole() {
    // A 6 MB file with the default 5 MB cap: refused from its size alone.
    let dir_tmp = crate::support::tempdir();
    let dir = dir_tmp.path().to_path_buf();
    let f = fs::File::create(dir.join("big.md")).unwrap();
    f.set_len(6 * 1024 * 1024).unwrap();
    let lib = load_library(&[dir], LoadOptions::default());
    let d = &lib.diagnostics[0];
    assert!(
        d.is_error() && d.message.contains("over the 5242880-byte limit"),
        "{d}"
    );
}

#[cfg(unix)]
#[test]
fn fifos_never_block_loading() {
    let dir_tmp = crate::support::tempdir();
    let dir = dir_tmp.path().to_path_buf();
    let fifo = dir.join("pipe.md");
    let status = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !status.is_ok_and(|s| s.success()) {
        eprintln!("notice: mkfifo unavailable; skipping");
        return;
    }
    let lib = load_library(&[dir], LoadOptions::default());
    assert!(
        lib.diagnostics[0].message.contains("not a regular file"),
        "{:?}",
        lib.diagnostics
    );
}
