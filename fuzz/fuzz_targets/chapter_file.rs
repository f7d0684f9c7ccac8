//! Chapter parsing from arbitrary bytes: never panics; what it accepts is consistent.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((file, _warnings)) =
        lectern::library::chapter_file::parse_chapter_file("fuzz.md", data)
    {
        assert!((1..=lectern::library::chapter_file::MAX_CHAPTER).contains(&file.number));
        let total: usize = file.body.iter().map(|p| p.text.chars().count()).sum();
        assert!(total <= file.body_chars);
        for m in &file.markers {
            assert!(m.pos <= file.body_chars);
        }
    }
});
