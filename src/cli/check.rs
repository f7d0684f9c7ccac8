//! `lectern check`: content linted like a compiler would.

use std::process::ExitCode;

use crate::app::Lectern;
use crate::library::{Course, Severity};

pub fn run(lectern: &Lectern) -> ExitCode {
    let diags = &lectern.library.diagnostics;
    for d in diags {
        super::print_line(&d.to_string());
    }
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags.len() - errors;
    let courses = &lectern.library.courses;
    for c in courses {
        let length = if c.duration_known {
            crate::timecode::format_time(c.duration)
        } else {
            "length unknown".to_string()
        };
        super::print_line(&format!(
            "course {}: {} · {} — {} chapters, {length} ({}){}",
            c.id,
            c.title,
            c.title_ko,
            c.chapters.len(),
            c.folder,
            captions_summary(c)
        ));
    }
    let chapters: usize = courses.iter().map(|c| c.chapters.len()).sum();
    let with_notes: usize = courses
        .iter()
        .flat_map(|c| &c.chapters)
        .filter(|c| c.notes.is_some())
        .count();
    super::print_line(&format!(
        "{} course{}, {chapters} chapters ({with_notes} with notes): {errors} error{}, {warnings} warning{}",
        courses.len(),
        plural(courses.len()),
        plural(errors),
        plural(warnings)
    ));
    if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The captions a course uses and how much of its notes they placed:
/// ` · captions PATH (41070 words, 1240 windows, en; 327 of 409 paragraphs placed)`.
fn captions_summary(course: &Course) -> String {
    let Some(captions) = &course.captions else {
        return String::new();
    };
    let placed = crate::library::align::placed(course);
    format!(
        " · captions {} ({} words, {} windows, {}; {} of {} paragraphs placed)",
        captions.path,
        captions.words.len(),
        captions.windows.len(),
        captions.language.as_deref().unwrap_or("language unknown"),
        placed.confident,
        placed.paragraphs
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
