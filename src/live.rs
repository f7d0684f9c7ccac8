//! Content that changes while the bot runs.
//!
//! [`Live`] holds the current [`Lectern`] behind an `ArcSwap`: requests take a
//! snapshot (`live.get()`) and never wait; a reload builds a whole new
//! `Lectern` off the request path and swaps it in atomically. A broken edit
//! never loses a chapter: if a file that served a chapter now fails to load,
//! the last good notes stay in service (and a warning says so). A deleted file
//! removes only its chapter; a new file is served.
//!
//! [`Live::watch`] reloads on file-system changes (notify) to content files
//! only, debounced with a maximum wait, so edits are live within about a
//! second however busy the folder is. A save that loses every section of a
//! chapter (a truncated or interrupted write) is treated like a broken one:
//! the last good notes stay.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use arc_swap::ArcSwap;
use notify::{RecursiveMode, Watcher};

use crate::config::Config;
use crate::data::{self, Lectern};
use crate::library::{Diagnostic, Library, Notes, Severity};

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
}

/// What a reload changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReloadReport {
    /// `(course id, chapter number)` of chapters that appeared.
    pub added: Vec<(String, u32)>,
    pub updated: Vec<(String, u32)>,
    pub removed: Vec<(String, u32)>,
    /// Chapters still served from their last good version, with the reason.
    pub kept: Vec<(String, u32, String)>,
    /// Errors and warnings of the new load.
    pub diagnostics: Vec<Diagnostic>,
}

impl ReloadReport {
    pub fn is_unchanged(&self) -> bool {
        self.added.is_empty() && self.updated.is_empty() && self.removed.is_empty()
    }
}

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
        }
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
        let (mut library, glossary) = data::read(&self.config, &self.dirs);
        let kept = keep_last_good(&old.library, &mut library);
        let report = ReloadReport {
            kept,
            diagnostics: library.diagnostics.clone(),
            ..diff(&old.library, &library)
        };
        let version = content_version(&library);
        let new = Lectern::assemble(&self.config, library, &glossary);
        self.current.store(Arc::new(new));
        self.version.store(version, Ordering::Relaxed);
        crate::ops::reloaded(report.diagnostics.len());
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
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                let relevant = event.is_ok_and(|e| {
                    !e.kind.is_access() && e.paths.iter().any(|p| is_content_path(p))
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
                    match live.upgrade() {
                        Some(live) => {
                            live.reload();
                        }
                        None => break,
                    }
                }
            })
            .map_err(|e| notify::Error::generic(&e.to_string()))?;
        Ok(WatchGuard {
            _watcher: Box::new(watcher),
        })
    }
}

/// Keeps the file watcher alive; dropping it stops watching.
pub struct WatchGuard {
    _watcher: Box<dyn Watcher + Send>,
}

/// Where a new load lost a chapter (or a whole course) because its file now
/// fails, puts the previous version back. Returns what was kept and why.
fn keep_last_good(old: &Library, new: &mut Library) -> Vec<(String, u32, String)> {
    let error_for = |path: &str, diags: &[Diagnostic]| {
        diags
            .iter()
            .find(|d| d.severity == Severity::Error && d.path == path)
            .map(|d| d.message.clone())
    };
    let mut kept = Vec::new();
    let mut notes_back = Vec::new();
    for old_course in &old.courses {
        let Some(new_course) = new.courses.iter_mut().find(|c| c.id == old_course.id) else {
            // The whole course failed (e.g. a broken course.yaml) while its folder
            // still has problems reported: keep serving the old course.
            let broken = new
                .diagnostics
                .iter()
                .find(|d| d.severity == Severity::Error && d.path.starts_with(&old_course.folder));
            if let Some(d) = broken {
                let reason = d.message.clone();
                kept.extend(
                    old_course
                        .chapters
                        .iter()
                        .map(|c| (old_course.id.clone(), c.number, reason.clone())),
                );
                notes_back.push(Some(old_course.clone()));
            }
            continue;
        };
        for old_ch in &old_course.chapters {
            let Some(old_notes) = &old_ch.notes else {
                continue;
            };
            let Some(new_ch) = new_course
                .chapters
                .iter_mut()
                .find(|c| c.number == old_ch.number)
            else {
                continue;
            };
            if let Some(new_notes) = &new_ch.notes {
                if lost_every_section(old_notes, new_notes) {
                    let path = new_notes.path.clone();
                    new_ch.notes = Some(old_notes.clone());
                    kept.push((
                        old_course.id.clone(),
                        old_ch.number,
                        format!(
                            "{path}: the save lost every section the last good version had (a truncated write?)"
                        ),
                    ));
                }
                continue;
            }
            if let Some(reason) = error_for(&old_notes.path, &new.diagnostics) {
                new_ch.notes = Some(old_notes.clone());
                kept.push((old_course.id.clone(), old_ch.number, reason));
            }
        }
    }
    for course in notes_back.into_iter().flatten() {
        new.courses.push(course);
    }
    for (course, chapter, _) in &kept {
        let path = old
            .course(course)
            .and_then(|c| c.chapter(*chapter))
            .and_then(|c| c.notes.as_ref())
            .map_or_else(String::new, |n| n.path.clone());
        new.diagnostics.push(Diagnostic::warning(
            path,
            0,
            format!("chapter {chapter} of {course}: the file is broken or truncated; still serving its last good version"),
        ));
    }
    kept
}

/// Which sections notes have: summary, lead summary, key points, body.
fn sections(notes: &Notes) -> [bool; 4] {
    [
        !notes.summary.trim().is_empty(),
        notes
            .lead_summary
            .as_ref()
            .is_some_and(|s| !s.trim().is_empty()),
        !notes.key_points.is_empty(),
        !notes.body.is_empty(),
    ]
}

/// A new version that has none of the sections the last good one had (e.g.
/// a file cut down to its front matter) is a truncated save, not an edit;
/// dropping some sections but keeping one is a deliberate edit.
fn lost_every_section(old: &Notes, new: &Notes) -> bool {
    let (before, after) = (sections(old), sections(new));
    before.iter().any(|&had| had) && before.iter().zip(after).all(|(&had, has)| !had || !has)
}

/// A fingerprint of everything a chapter shows, to tell updates apart, and
/// whether the chapter has notes (a chapter "appears" when its notes do).
fn fingerprints(library: &Library) -> BTreeMap<(String, u32), (bool, u64)> {
    use std::hash::{Hash, Hasher};
    let mut out = BTreeMap::new();
    for course in &library.courses {
        for ch in &course.chapters {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            (&ch.title, &ch.title_ko, ch.start, ch.end, &ch.aliases).hash(&mut h);
            if let Some(n) = &ch.notes {
                (&n.path, &n.summary, n.body_text(), n.placeholder).hash(&mut h);
                for k in &n.key_points {
                    k.plain().hash(&mut h);
                }
                for a in &n.anchors {
                    (a.pos, a.seconds).hash(&mut h);
                }
            }
            out.insert(
                (course.id.clone(), ch.number),
                (ch.notes.is_some(), h.finish()),
            );
        }
    }
    out
}

fn content_version(library: &Library) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    fingerprints(library).hash(&mut h);
    h.finish()
}

fn diff(old: &Library, new: &Library) -> ReloadReport {
    let (before, after) = (fingerprints(old), fingerprints(new));
    let mut report = ReloadReport::default();
    for (key, &(has_notes, fp)) in &after {
        match before.get(key) {
            None | Some((false, _)) if has_notes => report.added.push(key.clone()),
            Some(&(true, _)) if !has_notes => report.removed.push(key.clone()),
            Some(&(_, old_fp)) if old_fp != fp => report.updated.push(key.clone()),
            _ => {}
        }
    }
    report.removed.extend(
        before
            .iter()
            .filter(|(k, (had_notes, _))| *had_notes && !after.contains_key(*k))
            .map(|(k, _)| k.clone()),
    );
    report.removed.sort();
    report
}
