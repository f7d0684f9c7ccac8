//! Bounded edit distance for typo matching: optimal string alignment (OSA:
//! insertions, deletions, substitutions and adjacent transpositions), as
//! strsim computes it, but on small stack buffers and giving up as soon as
//! a row exceeds the budget — so rejecting a far-off word costs a few rows.

/// Longest word compared, in characters.
pub(crate) const MAX_CHARS: usize = 48;

/// Whether the OSA distance of `a` and `b` is at most `max`.
pub(crate) fn osa_within(a: &[char], b: &[char], max: usize) -> bool {
    osa_bounded(a, b, max).is_some()
}

/// The OSA distance of `a` and `b` if it is at most `max`.
pub(crate) fn osa_bounded(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max || a.len() > MAX_CHARS || b.len() > MAX_CHARS {
        return None;
    }
    let w = b.len() + 1;
    let mut rows = [[0usize; MAX_CHARS + 1]; 3];
    for (j, cell) in rows[1][..w].iter_mut().enumerate() {
        *cell = j;
    }
    // rows[0] = row i-2, rows[1] = row i-1, rows[2] = row i.
    for i in 1..=a.len() {
        rows[2][0] = i;
        let mut row_min = i;
        for j in 1..w {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (rows[1][j] + 1)
                .min(rows[2][j - 1] + 1)
                .min(rows[1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(rows[0][j - 2] + 1);
            }
            rows[2][j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        rows.rotate_left(1);
    }
    let d = rows[1][b.len()];
    (d <= max).then_some(d)
}

/// Decodes `s` into `buf`, returning the characters (or `None` if too long).
pub(crate) fn chars_of<'b>(s: &str, buf: &'b mut [char; MAX_CHARS]) -> Option<&'b [char]> {
    let mut n = 0;
    for c in s.chars() {
        if n == MAX_CHARS {
            return None;
        }
        buf[n] = c;
        n += 1;
    }
    Some(&buf[..n])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(a: &str, b: &str, max: usize) -> Option<usize> {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        osa_bounded(&a, &b, max)
    }

    #[test]
    fn agrees_with_strsim() {
        let words = [
            "agents",
            "agnets",
            "agent",
            "halucination",
            "hallucination",
            "refinement",
            "reinforcement",
            "",
            "a",
            "ab",
            "ba",
            "에이전트",
            "에이젼트",
        ];
        for a in words {
            for b in words {
                let exact = strsim::osa_distance(a, b);
                for max in 0..4 {
                    assert_eq!(
                        d(a, b, max),
                        (exact <= max).then_some(exact),
                        "{a} {b} {max}"
                    );
                }
            }
        }
    }
}
