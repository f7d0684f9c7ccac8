//! The content the benches serve: the real v1 notes when the corpus is
//! beside the checkout, else the configured (shipped) content — the same
//! choice `raw_http` makes for the server under test.

use std::path::Path;

use lectern::app::Lectern;
use lectern::config::Config;

pub fn lectern() -> Lectern {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = Config::load(&root.join("config/lectern.yaml")).expect("config");
    let corpus = root.join("../shared/corpus/deep-dive-llms/kr-translated-v1");
    let content = if corpus.is_dir() {
        vec![corpus]
    } else {
        config.content.clone()
    };
    Lectern::load(&config, &content)
}
