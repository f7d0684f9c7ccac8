//! Query normalisation and search: never panics; suggestions stay within
//! Discord's limits.
#![no_main]
use std::sync::OnceLock;

use lectern::config::Config;
use lectern::data::Lectern;
use libfuzzer_sys::fuzz_target;

fn lectern() -> &'static Lectern {
    static L: OnceLock<Lectern> = OnceLock::new();
    L.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let config = Config::load(&root.join("config/lectern.yaml")).expect("config");
        let corpus = root.join("../shared/corpus/deep-dive-llms/kr-translated-v1");
        let dirs = if corpus.is_dir() { vec![corpus] } else { config.content.clone() };
        Lectern::load(&config, &dirs)
    })
}

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
