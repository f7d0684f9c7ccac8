//! How far a heard spelling is from a written one: a weighted edit distance
//! over the sound alphabet (substitutions and insertions or deletions as
//! `sound` prices them, read from its tables), on small stack rows, giving
//! up as soon as a row exceeds the budget.

use super::sound::{costs, Sound};

/// Longest sound key compared.
pub(crate) const MAX_SOUNDS: usize = 32;

/// The weighted distance of `a` and `b` if it is at most `max`.
pub(crate) fn within(a: &[Sound], b: &[Sound], max: f32) -> Option<f32> {
    if a.len() > MAX_SOUNDS || b.len() > MAX_SOUNDS {
        return None;
    }
    let costs = costs();
    let (indel, substitution) = (|s| costs.indel(s), |a, b| costs.substitution(a, b));
    let mut prev = [0f32; MAX_SOUNDS + 1];
    let mut row = [0f32; MAX_SOUNDS + 1];
    for j in 1..=b.len() {
        prev[j] = prev[j - 1] + indel(b[j - 1]);
    }
    for i in 1..=a.len() {
        row[0] = prev[0] + indel(a[i - 1]);
        let mut row_min = row[0];
        for j in 1..=b.len() {
            let v = (prev[j] + indel(a[i - 1]))
                .min(row[j - 1] + indel(b[j - 1]))
                .min(prev[j - 1] + substitution(a[i - 1], b[j - 1]));
            row[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut row);
    }
    let d = prev[b.len()];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::within;

    #[test]
    fn sounds_that_may_be_one_cost_nothing() {
        assert_eq!(within(b"2p4k", b"epoK", 1.0), Some(0.0));
        assert_eq!(within(b"tl2nsp4m3", b"tlanspoRmeR", 1.0), Some(0.4));
        assert_eq!(within(b"2p4k", b"model", 1.0), None);
        assert_eq!(within(b"", b"VV", 2.0), Some(1.2));
    }
}
