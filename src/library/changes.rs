//! What a reload changes: the difference between the library in service and
//! a fresh load (chapters added, updated, removed), and the rule that a broken
//! or truncated save never loses a chapter — its last good version is put
//! back. Pure: two libraries in, a report out. Swapping the new library in and
//! watching the folders is the adapters' ([`crate::live`]).

use std::collections::BTreeMap;

use super::{Diagnostic, Library, Notes, Severity};

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

/// Compares a fresh load with the library in service: keeps the last good
/// version of chapters whose files broke (in `new`), and reports what changed.
pub fn compare(old: &Library, new: &mut Library) -> ReloadReport {
    let kept = keep_last_good(old, new);
    ReloadReport {
        kept,
        diagnostics: new.diagnostics.clone(),
        ..diff(old, new)
    }
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

/// A fingerprint of everything a library shows: equal versions answer alike.
pub fn content_version(library: &Library) -> u64 {
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
