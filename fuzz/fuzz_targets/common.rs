//! What the fuzz targets share: the content they answer from, loaded once,
//! and their bodies, which are the integration tests' own
//! (`tests/integration/support/fuzz_bodies.rs`, also run there by proptest)
//! with the payload checker they use.
// Each target uses part of it.
#![allow(dead_code)]

use std::path::Path;
use std::sync::OnceLock;

use lectern::app::Lectern;
use lectern::config::Config;

#[path = "../../tests/integration/support/limits.rs"]
pub mod limits;

#[path = "../../tests/integration/support/fuzz_bodies.rs"]
pub mod bodies;

/// The real corpus (`kr-translated-v1`) when `../shared` is there, else the
/// shipped content.
pub fn lectern() -> &'static Lectern {
    static L: OnceLock<Lectern> = OnceLock::new();
    L.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let config = Config::load(&root.join("config/lectern.yaml")).expect("config");
        let corpus = root.join("../shared/corpus/deep-dive-llms/kr-translated-v1");
        let dirs = if corpus.is_dir() {
            vec![corpus]
        } else {
            config.content.clone()
        };
        Lectern::load(&config, &dirs)
    })
}
