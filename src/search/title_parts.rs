//! A chapter title read as the names it lists: `Tools, Agents: Web Search`
//! names three things. Search ranks a chapter's whole names and offers them
//! as topics, so where a title is cut decides what reads as a name.
//!
//! A slash lists (`Pretraining / SFT`, `요약/정리`) except inside a word
//! made of single letters (`I/O`, `A/B`), which it joins.

/// The parts of `title` between its listing marks, trimmed, empty ones left
/// out.
pub(crate) fn title_parts(title: &str) -> impl Iterator<Item = &str> {
    let chars: Vec<(usize, char)> = title.char_indices().collect();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for (k, &(at, c)) in chars.iter().enumerate() {
        let lists = match c {
            ',' | ':' | '(' | ')' | '·' | '—' | '–' => true,
            '/' => !joins_single_letters(&chars, k),
            _ => false,
        };
        if lists {
            cuts.push((at, at + c.len_utf8()));
        }
    }
    let mut start = 0;
    let mut parts = Vec::with_capacity(cuts.len() + 1);
    for (from, to) in cuts {
        parts.push(&title[start..from]);
        start = to;
    }
    parts.push(&title[start..]);
    parts.into_iter().map(str::trim).filter(|p| !p.is_empty())
}

/// The slash at `k` stands between two letters and one of them is a word of
/// its own (`I/O`): then it is part of the word.
fn joins_single_letters(chars: &[(usize, char)], k: usize) -> bool {
    let letter = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(|&(_, c)| c.is_alphanumeric())
    };
    let before = k.checked_sub(1);
    let after = Some(k + 1);
    let single_before = !letter(k.checked_sub(2));
    let single_after = !letter(Some(k + 2));
    letter(before) && letter(after) && (single_before || single_after)
}

#[cfg(test)]
mod tests {
    use super::title_parts;

    fn parts(t: &str) -> Vec<&str> {
        title_parts(t).collect()
    }

    #[test]
    fn listing_marks_cut_a_title_into_names() {
        assert_eq!(
            parts("Tools, Agents: Web Search (Part 2)"),
            ["Tools", "Agents", "Web Search", "Part 2"]
        );
        assert_eq!(
            parts("사전학습 / SFT · RL — 요약"),
            ["사전학습", "SFT", "RL", "요약"]
        );
        assert_eq!(parts("요약/정리"), ["요약", "정리"]);
    }

    #[test]
    fn a_slash_between_single_letters_is_part_of_the_word() {
        assert_eq!(parts("4. Neural Network I/O"), ["4. Neural Network I/O"]);
        assert_eq!(parts("A/B tests, I/O"), ["A/B tests", "I/O"]);
        assert_eq!(parts("/"), Vec::<&str>::new());
        assert_eq!(parts(""), Vec::<&str>::new());
    }
}
