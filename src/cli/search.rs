//! `lectern search`: the search engine on the command line, with a JSON
//! contract for tooling (one object per query; JSON Lines with `--queries`).

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use serde_json::json;

use super::SetupError;
use crate::app::Lectern;
use crate::cut::truncate;
use crate::timecode::format_time;

pub fn run(
    lectern: &Lectern,
    query: Option<&str>,
    queries: Option<&Path>,
    limit: usize,
    json: bool,
) -> Result<ExitCode, SetupError> {
    if lectern.library.courses.is_empty() {
        return Err(SetupError(
            "no course could be loaded; run `lectern check` to see why".into(),
        ));
    }
    let lines: Vec<String> = match (query, queries) {
        (Some(q), _) => vec![q.to_string()],
        (None, Some(file)) => std::fs::read_to_string(file)
            .map_err(|e| SetupError(format!("{}: can't read queries: {e}", file.display())))?
            .lines()
            .map(str::to_string)
            .collect(),
        (None, None) => return Err(SetupError("give a QUERY or --queries FILE".into())),
    };
    for q in &lines {
        let result = search_json(lectern, q, limit);
        if json {
            super::print_line(&result.to_string());
        } else {
            print_readable(&result);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `--explain`: how the query was read and why each chapter ranked where it did.
pub fn explain(lectern: &Lectern, query: &str) -> ExitCode {
    super::print_line(
        lectern
            .index
            .explain(&lectern.library, query, None)
            .trim_end_matches('\n'),
    );
    ExitCode::SUCCESS
}

/// One query's result in the tooling contract.
pub fn search_json(lectern: &Lectern, query: &str, limit: usize) -> serde_json::Value {
    let started = Instant::now();
    let hits = lectern.index.search(&lectern.library, query, None, limit);
    let elapsed_us = started.elapsed().as_micros() as u64;
    let hits: Vec<serde_json::Value> = hits
        .iter()
        .filter_map(|h| {
            let course = lectern.library.course(&h.course)?;
            let ch = course.chapter(h.chapter)?;
            let best = h.moments.first();
            let moment = best
                .map(|m| m.moment)
                .unwrap_or(crate::library::Moment::exact(ch.start));
            Some(json!({
                "course": course.id,
                "chapter": ch.number,
                "title": ch.title,
                "title_ko": ch.title_ko,
                "field": h.field.as_str(),
                "score": h.score,
                "seconds": moment.seconds,
                "approximate": moment.approximate,
                "url": course.link(moment.seconds),
                "snippet": best.map(|m| m.snippet.as_str()).unwrap_or(""),
            }))
        })
        .collect();
    json!({ "query": query, "hits": hits, "elapsed_us": elapsed_us })
}

fn print_readable(result: &serde_json::Value) {
    let query = result["query"].as_str().unwrap_or_default();
    let hits = result["hits"].as_array().cloned().unwrap_or_default();
    if hits.is_empty() {
        super::print_line(&format!("{query}: no results\n"));
        return;
    }
    super::print_line(&format!("{query}: {} result(s)", hits.len()));
    for (i, h) in hits.iter().enumerate() {
        let approx = if h["approximate"].as_bool().unwrap_or(false) {
            "≈"
        } else {
            ""
        };
        super::print_line(&format!(
            "{:>2}. [{}] {}. {} · {} ({}, score {:.2})\n    {approx}{} {}\n    {}",
            i + 1,
            h["course"].as_str().unwrap_or_default(),
            h["chapter"],
            h["title_ko"].as_str().unwrap_or_default(),
            h["title"].as_str().unwrap_or_default(),
            h["field"].as_str().unwrap_or_default(),
            h["score"].as_f64().unwrap_or_default(),
            format_time(h["seconds"].as_u64().unwrap_or_default() as u32),
            h["url"].as_str().unwrap_or_default(),
            truncate(
                &crate::markdown::markdown_to_plain(h["snippet"].as_str().unwrap_or_default()),
                200
            ),
        ));
    }
    super::print_line("");
}
