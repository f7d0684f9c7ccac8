//! Chapter text assembled from pieces of another file, remembering where each
//! line came from.
//!
//! Other layouts (a whole lecture in one file, a talk without chapters) are
//! turned into the chapter-file format and parsed by the one chapter parser;
//! this maps every line number in the result back to the original file, so
//! diagnostics and anchors point at what the author wrote.

use crate::library::chapter_file::{parse_chapter_file, ChapterFile};
use crate::library::diagnostics::Diagnostic;

#[derive(Debug, Clone, Default)]
pub struct Mapped {
    text: String,
    /// Original 1-based line of each line of `text`.
    lines: Vec<usize>,
}

impl Mapped {
    /// Appends one line that came from line `original` of the source file.
    pub fn push(&mut self, line: &str, original: usize) {
        self.text.push_str(line.trim_end_matches(['\n', '\r']));
        self.text.push('\n');
        self.lines.push(original);
    }

    /// The original line of a 1-based line of the assembled text (0 stays 0).
    pub fn original(&self, line: usize) -> usize {
        match line {
            0 => 0,
            l => self
                .lines
                .get(l - 1)
                .or(self.lines.last())
                .copied()
                .unwrap_or(0),
        }
    }

    /// Parses the assembled text as a chapter file of `path`, with every line
    /// number mapped back to the original.
    pub fn parse(&self, path: &str) -> Result<(ChapterFile, Vec<Diagnostic>), Vec<Diagnostic>> {
        let map_all = |diags: Vec<Diagnostic>| -> Vec<Diagnostic> {
            diags
                .into_iter()
                .map(|mut d| {
                    d.line = self.original(d.line);
                    d
                })
                .collect()
        };
        match parse_chapter_file(path, self.text.as_bytes()) {
            Ok((mut file, warnings)) => {
                file.number_line = self.original(file.number_line);
                file.body_line = self.original(file.body_line);
                if let Some(t) = &mut file.timestamp {
                    t.1 = self.original(t.1);
                }
                if let Some(s) = &mut file.source {
                    s.2 = self.original(s.2);
                }
                for p in &mut file.body {
                    p.line = self.original(p.line);
                }
                for m in &mut file.markers {
                    m.line = self.original(m.line);
                }
                Ok((file, map_all(warnings)))
            }
            Err(errors) => Err(map_all(errors)),
        }
    }
}
