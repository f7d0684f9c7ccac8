//! [`Lectern`]: the one value every adapter holds — the loaded library, its
//! search index, and the defaults the answers need. Built once per load; a
//! reload builds a new one and swaps it in whole (see [`crate::live`]).

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::library::align::{align_library, ConceptNames};
use crate::library::load::find_course_indexes;
use crate::library::{load_library, Diagnostic, Library, LoadOptions};
use crate::locale::Locale;
use crate::search::{Glossary, SearchIndex};

#[derive(Debug, Clone)]
pub struct Lectern {
    pub library: Library,
    pub index: SearchIndex,
    /// Course used when a command names none and several are loaded.
    pub default_course: Option<String>,
    /// Reply language when the request doesn't carry one.
    pub default_locale: Locale,
}

impl Lectern {
    /// Indexes an already loaded library.
    pub fn new(library: Library, glossary: &Glossary) -> Lectern {
        let index = SearchIndex::build(&library, glossary);
        Lectern {
            library,
            index,
            default_course: None,
            default_locale: Locale::Ko,
        }
    }

    /// Loads content folders and the glossary as a configuration says.
    pub fn load(config: &Config, content: &[PathBuf]) -> Lectern {
        let (library, glossary) = read(config, content);
        Lectern::assemble(config, library, &glossary)
    }

    /// Indexes a library and applies the configuration's defaults.
    pub fn assemble(config: &Config, library: Library, glossary: &Glossary) -> Lectern {
        let mut lectern = Lectern::new(library, glossary);
        lectern.default_course = config.default_course.clone();
        lectern.default_locale = config
            .locale
            .as_deref()
            .map(Locale::from_tag)
            .unwrap_or(Locale::Ko);
        lectern
    }
}

/// Reads content folders and the glossary. Never fails: glossary problems
/// are diagnostics like any other.
pub fn read(config: &Config, content: &[PathBuf]) -> (Library, Glossary) {
    // Folders given instead of the configured ones are still checked
    // against the configured course indexes for the same video.
    let reference_indexes = if content == config.content.as_slice() {
        Vec::new()
    } else {
        find_course_indexes(&config.content)
    };
    let options = LoadOptions {
        max_file_bytes: config.max_file_bytes,
        reference_indexes,
    };
    let mut library = load_library(content, options);
    let mut glossary = Glossary::builtin();
    if let Some(path) = &config.glossary {
        glossary.extend(load_glossary(path, &mut library.diagnostics));
    }
    align_library(&mut library, &concept_names(&glossary));
    (library, glossary)
}

/// The glossary's concepts as alignment reads them: Korean spellings, and
/// every English one captions may say (misheard ones included).
fn concept_names(glossary: &Glossary) -> Vec<ConceptNames> {
    glossary
        .concepts
        .iter()
        .map(|c| ConceptNames {
            ko: c.ko.clone(),
            en: c.en.iter().chain(&c.heard).cloned().collect(),
        })
        .collect()
}

fn load_glossary(path: &Path, diags: &mut Vec<Diagnostic>) -> Glossary {
    let shown = path.display().to_string();
    match std::fs::read_to_string(path) {
        Ok(text) => match Glossary::parse(&text) {
            Ok(g) => g,
            Err(e) => {
                diags.push(Diagnostic::error(
                    shown,
                    e.line.unwrap_or(1),
                    format!("broken glossary: {}", e.message),
                ));
                Glossary::default()
            }
        },
        Err(e) => {
            diags.push(Diagnostic::error(
                shown,
                0,
                format!("can't read glossary: {e}"),
            ));
            Glossary::default()
        }
    }
}
