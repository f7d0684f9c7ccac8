//! Query normalisation and search: never panics; suggestions stay within
//! Discord's limits.
#![no_main]
use libfuzzer_sys::fuzz_target;

mod common;
use common::lectern;

fuzz_target!(|input: &str| {
    let l = lectern();
    let hits = l.index.search(&l.library, input, None, 10);
    assert!(hits.len() <= 10);
    for s in l
        .index
        .suggest_chapters(&l.library, input, None)
        .into_iter()
        .chain(l.index.suggest_topics(&l.library, input, None))
    {
        assert!(s.name.chars().count() <= 100 && !s.name.is_empty());
        assert!(s.value.chars().count() <= 100);
    }
    if let Some(course) = l.library.courses.first() {
        let _ = l.index.find_chapter(course, input);
    }
});
