//! Content that changes while the bot runs.
//!
//! [`Live`] holds the current [`Lectern`] behind an `ArcSwap`: requests take a
//! snapshot (`live.get()`) and never wait; a reload builds a whole new
//! `Lectern` off the request path and swaps it in atomically. A broken edit
//! never loses a chapter: if a file that served a chapter now fails to load,
//! the last good notes stay in service (and a warning says so). A deleted file
//! removes only its chapter; a new file is served (the rule, and the report of
//! what changed, are [`crate::library::changes`]).
//!
//! [`Live::watch`] reloads on file-system changes (notify) to content files
//! only, debounced with a maximum wait, so edits are live within about a
//! second however busy the folder is. It watches the content folders and the
//! `captions/` folder beside a course folder (where the loader looks for a
//! course's captions when its folder has none), even one that appears only
//! after the bot started. A save that loses every section of a
//! chapter (a truncated or interrupted write) is treated like a broken one:
//! the last good notes stay.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use arc_swap::ArcSwap;
use notify::{RecursiveMode, Watcher};

use crate::app::{self, Lectern};
use crate::config::Config;
use crate::library::changes::{compare, content_version, ReloadReport};
use crate::library::{captions_folder_beside, Library, Severity};

/// How long to wait after a change for more changes before reloading.
const DEBOUNCE: Duration = Duration::from_millis(300);
/// The longest a change waits for its reload however busy the folder is: a
/// folder written to every few milliseconds must not restart the debounce
/// forever.
const MAX_WAIT: Duration = Duration::from_millis(800);

/// Whether a changed path can change what is served: notes (`.md`), course
/// and glossary files (`.yaml`, `.yml`) and captions (`.vtt`, `.srt`); never
/// hidden files, editor swap files or temp files (`.swp`, `~`, `.tmp`, …).
/// A save through a temp file and a rename reports the final name, so it
/// counts.
pub fn is_content_path(path: &std::path::Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    if name.starts_with('.') || name.starts_with('~') || name.ends_with('~') {
        return false;
    }
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    matches!(
        extension.as_deref(),
        Some("md" | "yaml" | "yml" | "vtt" | "srt")
    )
}

/// The running bot's content, swappable while requests are served.
pub struct Live {
    current: ArcSwap<Lectern>,
    config: Config,
    dirs: Vec<PathBuf>,
    /// One reload at a time.
    reloading: Mutex<()>,
    /// A fingerprint of the content in service (see [`Live::version`]).
    version: AtomicU64,
    /// Told of every reload (the operator's metrics), when set.
    on_reload: OnceLock<ReloadListener>,
}

/// What [`Live::on_reload`] calls after each reload.
pub type ReloadListener = Box<dyn Fn(&ReloadReport) + Send + Sync>;

impl Live {
    /// Loads the content once.
    pub fn new(config: Config, dirs: Vec<PathBuf>) -> Live {
        let lectern = Lectern::load(&config, &dirs);
        for d in &lectern.library.diagnostics {
            match d.severity {
                Severity::Error => tracing::warn!("{d}"),
                Severity::Warning => tracing::debug!("{d}"),
            }
        }
        Live {
            version: AtomicU64::new(content_version(&lectern.library)),
            current: ArcSwap::from_pointee(lectern),
            config,
            dirs,
            reloading: Mutex::new(()),
            on_reload: OnceLock::new(),
        }
    }

    /// Calls `listen` after every reload from now on (only the first listener
    /// set is kept).
    pub fn on_reload(&self, listen: impl Fn(&ReloadReport) + Send + Sync + 'static) {
        let _ = self.on_reload.set(Box::new(listen));
    }

    /// The content to answer a request with.
    pub fn get(&self) -> Arc<Lectern> {
        self.current.load_full()
    }

    /// A fingerprint of everything the content in service shows: equal
    /// versions answer alike (for `/healthz`).
    pub fn version(&self) -> u64 {
        self.version.load(Ordering::Relaxed)
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Reloads everything now, keeping the last good version of chapters whose
    /// files broke, and reports what changed.
    pub fn reload(&self) -> ReloadReport {
        let _one_at_a_time = self.reloading.lock().unwrap_or_else(|e| e.into_inner());
        let old = self.get();
        let (mut library, glossary) = app::read(&self.config, &self.dirs);
        let report = compare(&old.library, &mut library);
        let version = content_version(&library);
        let new = Lectern::assemble(&self.config, library, &glossary);
        self.current.store(Arc::new(new));
        self.version.store(version, Ordering::Relaxed);
        if let Some(listen) = self.on_reload.get() {
            listen(&report);
        }
        // Only problems this load found anew: a folder of broken files must
        // not write every error again on every reload.
        let known: std::collections::HashSet<String> = old
            .library
            .diagnostics
            .iter()
            .map(ToString::to_string)
            .collect();
        let mut repeated = 0usize;
        for d in report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
        {
            let line = d.to_string();
            if known.contains(&line) {
                repeated += 1;
            } else {
                tracing::warn!("{line}");
            }
        }
        tracing::info!(
            added = report.added.len(),
            updated = report.updated.len(),
            removed = report.removed.len(),
            kept = report.kept.len(),
            unchanged_errors = repeated,
            "content reloaded"
        );
        report
    }

    /// Watches the content folders and reloads on change, until the returned
    /// guard is dropped.
    pub fn watch(self: &Arc<Self>) -> notify::Result<WatchGuard> {
        let (tx, rx) = mpsc::channel::<()>();
        let mut scope = Scope {
            dirs: self.dirs.iter().map(|d| absolute(d)).collect(),
            ..Scope::default()
        };
        scope.update(&self.get().library);
        let scope = Arc::new(Mutex::new(scope));
        let seen = Arc::clone(&scope);
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                let relevant = event.is_ok_and(|e| {
                    !e.kind.is_access() && e.paths.iter().any(|p| lock(&seen).concerns(p))
                });
                if relevant {
                    let _ = tx.send(());
                }
            })?;
        for dir in &self.dirs {
            if dir.is_dir() {
                watcher.watch(dir, RecursiveMode::Recursive)?;
            }
        }
        let watcher = Arc::new(Mutex::new(watcher));
        arm(&scope, &watcher);
        let weak_watcher = Arc::downgrade(&watcher);
        let live = Arc::downgrade(self);
        std::thread::Builder::new()
            .name("lectern-reload".into())
            .spawn(move || {
                while rx.recv().is_ok() {
                    // Let a burst of saves settle, then reload once — but no
                    // later than MAX_WAIT after the first change.
                    let first = Instant::now();
                    loop {
                        let left = MAX_WAIT.saturating_sub(first.elapsed());
                        if left.is_zero() || rx.recv_timeout(DEBOUNCE.min(left)).is_err() {
                            break;
                        }
                    }
                    let (Some(live), Some(watcher)) = (live.upgrade(), weak_watcher.upgrade())
                    else {
                        break;
                    };
                    // A captions folder that appeared is watched before the
                    // reload reads it, so no file written into it is missed;
                    // a new course's folder is known only after.
                    arm(&scope, &watcher);
                    live.reload();
                    lock(&scope).update(&live.get().library);
                    arm(&scope, &watcher);
                }
            })
            .map_err(|e| notify::Error::generic(&e.to_string()))?;
        Ok(WatchGuard { _watcher: watcher })
    }
}

/// Keeps the file watcher alive; dropping it stops watching.
pub struct WatchGuard {
    _watcher: Arc<Mutex<notify::RecommendedWatcher>>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// `path` as the watcher reports paths under it: a relative one joined to
/// the working folder, `..` kept and symlinks not followed
/// ([`std::path::absolute`]; notify joins without dropping `.` or doubled
/// separators, which [`Path`]'s comparisons ignore anyway). Unchanged when
/// there is no working folder.
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// What the watcher looks at: the content folders (recursively), and the
/// `captions/` folder beside each loaded course folder when it lies outside
/// them ([`captions_folder_beside`]) — watched once it exists, and through
/// its parent folder (not recursively) so that its appearing is seen.
#[derive(Default)]
struct Scope {
    /// The content folders, absolute ([`absolute`]), as events name them.
    dirs: Vec<PathBuf>,
    captions: Vec<PathBuf>,
    /// Folders watched so far beside the content folders.
    armed: HashSet<PathBuf>,
}

impl Scope {
    /// Adds the captions folders beside `library`'s course folders.
    fn update(&mut self, library: &Library) {
        for course in &library.courses {
            let Some(folder) = captions_folder_beside(Path::new(&course.folder)) else {
                continue;
            };
            let folder = absolute(&folder);
            let inside = self.dirs.iter().any(|d| folder.starts_with(d));
            if !inside && !self.captions.contains(&folder) {
                self.captions.push(folder);
            }
        }
    }

    /// Whether a change at `path` can change what is served: a content file
    /// in a watched folder, or a captions folder itself coming or going
    /// (then it is watched anew).
    fn concerns(&mut self, path: &Path) -> bool {
        if self.captions.iter().any(|c| c == path) {
            self.armed.remove(path);
            return true;
        }
        is_content_path(path)
            && self
                .dirs
                .iter()
                .chain(&self.captions)
                .any(|d| path.starts_with(d))
    }

    /// The folders to start watching, and how.
    fn unarmed(&self) -> Vec<(PathBuf, RecursiveMode)> {
        let mut out = Vec::new();
        for folder in &self.captions {
            if let Some(parent) = folder.parent().filter(|p| p.is_dir()) {
                out.push((parent.to_path_buf(), RecursiveMode::NonRecursive));
            }
            if folder.is_dir() {
                out.push((folder.clone(), RecursiveMode::Recursive));
            }
        }
        out.retain(|(p, _)| !self.armed.contains(p));
        out
    }
}

/// Starts watching the folders of `scope` not watched yet. The scope is not
/// held while the watcher works: its events lock the scope.
fn arm(scope: &Mutex<Scope>, watcher: &Mutex<notify::RecommendedWatcher>) {
    let todo = lock(scope).unarmed();
    for (folder, mode) in todo {
        match lock(watcher).watch(&folder, mode) {
            Ok(()) => {
                lock(scope).armed.insert(folder);
            }
            Err(e) => tracing::debug!("can't watch {}: {e}", folder.display()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_content_folders_match_the_watchers_absolute_paths() {
        // `config/lectern.yaml` names `../content`, relative to a relative
        // config path: the watcher reports the working folder joined to it.
        let mut scope = Scope {
            dirs: vec![absolute(Path::new("config/../content"))],
            ..Scope::default()
        };
        let cwd = std::env::current_dir().expect("a working folder");
        let edited = cwd.join("config/../content/course/01.md");
        assert!(scope.concerns(&edited));
        assert!(!scope.concerns(&cwd.join("config/../content/course/.01.md.swp")));
        assert!(!scope.concerns(&cwd.join("README.md")));
    }

    #[test]
    fn a_content_folder_given_with_dots_matches_the_paths_notify_reports() {
        // notify joins the working folder to the folder as given, `.` and
        // doubled separators included; the scope's folders are normalised.
        let mut scope = Scope {
            dirs: vec![absolute(Path::new("./content//course/."))],
            ..Scope::default()
        };
        let cwd = std::env::current_dir().expect("a working folder");
        assert_eq!(scope.dirs[0], cwd.join("content/course"));
        assert!(scope.concerns(&cwd.join("./content//course/./01.md")));
        assert!(!scope.concerns(&cwd.join("./content/other/01.md")));
        assert_eq!(
            absolute(Path::new("/srv/../content")),
            Path::new("/srv/../content")
        );
    }
}
