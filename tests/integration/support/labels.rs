//! The labelled query sets of `tests/fixtures/` and what the evaluations
//! share reading them: a TSV with a fixed header, the topic queries of
//! `search_eval.tsv`, and distances between a link and a labelled span.

/// `tests/fixtures/<name>`'s rows (header checked, blank lines skipped),
/// each split into exactly `header`'s columns, untrimmed (a query's spaces
/// may be what it tests).
pub fn tsv_rows(name: &str, header: &str) -> Vec<Vec<String>> {
    let path = super::root().join("tests/fixtures").join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} is readable: {e}", path.display()));
    let mut lines = text.lines();
    assert_eq!(
        lines.next().map(str::trim_end),
        Some(header),
        "{name}: unexpected header"
    );
    let columns = header.split('\t').count();
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<String> = l.split('\t').map(str::to_string).collect();
            assert_eq!(cols.len(), columns, "{name}: bad TSV line: {l:?}");
            cols
        })
        .collect()
}

/// A query of `search_eval.tsv`: the chapters of the v1 notes that answer
/// it (none: it must find nothing) and what kind of query it is.
pub struct SearchCase {
    pub query: String,
    pub expected: Vec<u32>,
    pub kind: String,
}

/// The labelled queries of `tests/fixtures/search_eval.tsv`.
pub fn search_cases() -> Vec<SearchCase> {
    tsv_rows("search_eval.tsv", "query\texpected\tkind")
        .into_iter()
        .map(|cols| SearchCase {
            expected: chapters(&cols[1]),
            query: cols[0].clone(),
            kind: cols[2].trim().to_string(),
        })
        .collect()
}

/// `"21,20"` → `[21, 20]`; empty → none.
pub fn chapters(list: &str) -> Vec<u32> {
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse()
                .unwrap_or_else(|_| panic!("bad chapter number in {list:?}"))
        })
        .collect()
}

/// Seconds from `seconds` to the span `[start, end]` (0 inside it).
pub fn distance(seconds: u32, start: u32, end: u32) -> u32 {
    if seconds < start {
        start - seconds
    } else {
        seconds.saturating_sub(end)
    }
}

/// `H:MM:SS`.
pub fn clock(seconds: u32) -> String {
    format!(
        "{}:{:02}:{:02}",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}
