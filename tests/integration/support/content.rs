//! The content tests answer from: the shipped configuration and course, the
//! same course twice (for the `course` option), and private copies of it in a
//! temp folder for tests that edit notes while the bot runs.

use std::path::{Path, PathBuf};

use lectern::app::Lectern;
use lectern::config::Config;
use lectern::search::Glossary;
use tempfile::TempDir;

/// The repository root.
pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");

pub fn root() -> PathBuf {
    PathBuf::from(ROOT)
}

/// `config/lectern.yaml`, as `lectern` loads it by default.
pub fn config() -> Config {
    Config::load(&root().join("config/lectern.yaml")).expect("config/lectern.yaml loads")
}

/// `config/glossary.yaml`, parsed.
pub fn glossary() -> Glossary {
    let text =
        std::fs::read_to_string(root().join("config/glossary.yaml")).expect("glossary is readable");
    Glossary::parse(&text).expect("config/glossary.yaml parses")
}

/// The shipped configuration and content, as `lectern` loads them by default.
pub fn shipped() -> Lectern {
    let config = config();
    Lectern::load(&config, &config.content)
}

/// The same library twice, as two courses: commands get a `course` option.
pub fn two_courses() -> Lectern {
    let config = config();
    let mut library = shipped().library;
    let mut other = library.courses[0].clone();
    other.id = "other-course".into();
    other.title = "Another Lecture".into();
    other.title_ko = "다른 강의".into();
    other.color = Some(0x336699);
    library.courses.push(other);
    let mut lectern = Lectern::new(library, &glossary());
    lectern.default_course = config.default_course.clone();
    lectern
}

/// A folder loaded with the shipped configuration's course index as reference.
pub fn load_with_index(dir: &Path) -> Lectern {
    Lectern::load(&config(), &[dir.to_path_buf()])
}

/// A folder loaded on its own (no course.yaml), as `--content DIR` does when
/// no configured index matches.
pub fn load_bare(dir: &Path) -> lectern::library::Library {
    lectern::library::load_library(&[dir.to_path_buf()], Default::default())
}

/// A small course of our own: `files` (paths inside the course folder
/// `id`, and their text) written to a temp folder, loaded on its own and
/// indexed with `glossary`.
pub fn tiny_course(
    id: &str,
    files: &[(&str, &str)],
    glossary: &Glossary,
) -> (lectern::library::Library, lectern::search::SearchIndex) {
    let tmp = tempdir();
    let course = tmp.path().join(id);
    for (name, text) in files {
        let path = course.join(name);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("temp course folder");
        }
        std::fs::write(path, text).expect("write the course");
    }
    let library = load_bare(tmp.path());
    let index = lectern::search::SearchIndex::build(&library, glossary);
    (library, index)
}

/// `tiny_course` for a course whose files include its captions, checked to
/// have loaded (a broken captions file of a test would else pass unseen).
pub fn tiny_captioned_course(
    id: &str,
    files: &[(&str, &str)],
    glossary: &Glossary,
) -> (lectern::library::Library, lectern::search::SearchIndex) {
    let (library, index) = tiny_course(id, files, glossary);
    assert!(
        library.courses[0].captions.is_some(),
        "{:?}",
        library.diagnostics
    );
    (library, index)
}

/// A fresh temp folder, removed when dropped.
pub fn tempdir() -> TempDir {
    tempfile::tempdir().expect("create a temp folder")
}

/// The chapter file the temp-content tests edit (inside the content folder),
/// and a sentence of it.
pub const EDITED_CHAPTER: &str = "deep-dive-llms/21-preview-of-things-to-come.md";
pub const EDITED_SENTENCE: &str = "LLM의 미래 발전 방향입니다.";

/// A private copy of the shipped `content/` and the shipped config serving
/// it; removed when dropped.
pub struct TempContent {
    dir: TempDir,
    pub config: Config,
}

impl TempContent {
    /// The content folder (what `--content` names).
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// The shipped course's folder inside it.
    pub fn course(&self) -> PathBuf {
        self.root().join("deep-dive-llms")
    }

    /// Rewrites [`EDITED_SENTENCE`] of [`EDITED_CHAPTER`]; panics when it isn't there.
    pub fn edit_chapter(&self, replacement: &str) {
        let path = self.root().join(EDITED_CHAPTER);
        let text = std::fs::read_to_string(&path).expect("read chapter");
        assert!(text.contains(EDITED_SENTENCE), "the chapter changed");
        std::fs::write(&path, text.replace(EDITED_SENTENCE, replacement)).expect("write chapter");
    }
}

/// A fresh copy of the shipped `content/` (links followed), served by the
/// shipped config: for tests that edit content.
pub fn temp_content() -> TempContent {
    let dir = tempdir();
    copy_dir(&root().join("content"), dir.path());
    let config = Config {
        content: vec![dir.path().to_path_buf()],
        ..config()
    };
    TempContent { dir, config }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read content") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}
