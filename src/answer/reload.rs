//! The answer to `/reload` (admins only): what a content reload changed.
//! The reload itself is I/O and happens in the adapter ([`crate::live`]);
//! this only words the report.

use super::reply::{Field, Reply};
use crate::cut::truncate;
use crate::library::changes::ReloadReport;
use crate::library::Severity;
use crate::locale::Locale;

/// At most this many diagnostics are listed; the rest are counted.
const LISTED: usize = 10;

pub fn reload_reply(report: &ReloadReport, l: Locale) -> Reply {
    let list = |items: &[(String, u32)]| -> String {
        let names: Vec<String> = items.iter().map(|(c, n)| format!("{c} #{n}")).collect();
        truncate(&names.join(", "), 1000)
    };
    let mut fields = Vec::new();
    for (items, ko, en) in [
        (&report.added, "추가", "Added"),
        (&report.updated, "수정", "Updated"),
        (&report.removed, "삭제", "Removed"),
    ] {
        if !items.is_empty() {
            fields.push(Field {
                name: format!("{} ({})", l.pick(ko, en), items.len()),
                value: list(items),
                inline: false,
            });
        }
    }
    if !report.kept.is_empty() {
        let lines: Vec<String> = report
            .kept
            .iter()
            .map(|(c, n, why)| format!("{c} #{n}: {why}"))
            .collect();
        fields.push(Field {
            name: l
                .pick("이전 버전 유지", "Kept last good version")
                .to_string(),
            value: truncate(&lines.join("\n"), 1000),
            inline: false,
        });
    }
    let errors = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = report.diagnostics.len() - errors;
    if !report.diagnostics.is_empty() {
        let mut lines: Vec<String> = report
            .diagnostics
            .iter()
            .take(LISTED)
            .map(|d| format!("`{d}`"))
            .collect();
        if report.diagnostics.len() > LISTED {
            lines.push(format!("… +{}", report.diagnostics.len() - LISTED));
        }
        fields.push(Field {
            name: match l {
                Locale::Ko => format!("오류 {errors} · 경고 {warnings}"),
                Locale::En => format!("{errors} errors · {warnings} warnings"),
            },
            value: truncate(&lines.join("\n"), 1000),
            inline: false,
        });
    }
    let text = if report.is_unchanged() {
        l.pick("바뀐 챕터가 없어요.", "No chapter changed.")
    } else {
        l.pick("콘텐츠를 다시 불러왔어요.", "Content reloaded.")
    };
    Reply {
        title: l.pick("🔄 다시 불러오기", "🔄 Reload").to_string(),
        text: text.to_string(),
        fields,
        ephemeral: true,
        ..Reply::default()
    }
}
