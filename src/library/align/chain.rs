//! The monotonic alignment: of all the places an anchor written in the notes
//! is said in the video, keep the heaviest chain that moves forward in both
//! texts at once. Text order is kept (a translation doesn't reorder a
//! lecture), so a common word said everywhere can only confirm the chain the
//! rare ones draw.

/// A possible match: an anchor written at `pos` (characters into the notes)
/// said at caption word `word`, worth `weight` (rarer anchors weigh more).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    pub pos: usize,
    pub word: u32,
    pub weight: f32,
    /// The anchor key matched (`None` for a time marker).
    pub key: Option<u32>,
}

/// The heaviest chain of candidates strictly increasing in both `pos` and
/// `word` (weighted longest increasing subsequence, O(n log n) with a
/// Fenwick tree of prefix maxima). Returns the chosen candidates in order.
pub fn heaviest_chain(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.retain(|c| c.weight.is_finite() && c.weight > 0.0);
    if candidates.is_empty() {
        return Vec::new();
    }
    candidates.sort_by(|a, b| a.pos.cmp(&b.pos).then(a.word.cmp(&b.word)));
    let mut words: Vec<u32> = candidates.iter().map(|c| c.word).collect();
    words.sort_unstable();
    words.dedup();
    let rank = |w: u32| words.partition_point(|&x| x < w);
    let mut tree = Fenwick::new(words.len());
    let mut best = vec![0f32; candidates.len()];
    let mut back = vec![usize::MAX; candidates.len()];
    let mut i = 0;
    while i < candidates.len() {
        // Candidates at one text position can't follow each other: score
        // them all before any of them enters the tree.
        let group_end = i + candidates[i..]
            .iter()
            .take_while(|c| c.pos == candidates[i].pos)
            .count();
        for k in i..group_end {
            let (score, from) = tree.max_before(rank(candidates[k].word));
            best[k] = score + candidates[k].weight;
            back[k] = from;
        }
        for k in i..group_end {
            tree.raise(rank(candidates[k].word), best[k], k);
        }
        i = group_end;
    }
    let mut at = (0..candidates.len())
        .max_by(|&a, &b| best[a].total_cmp(&best[b]))
        .unwrap_or(usize::MAX);
    let mut chain = Vec::new();
    while at != usize::MAX {
        chain.push(candidates[at]);
        at = back[at];
    }
    chain.reverse();
    chain
}

/// Prefix maxima over ranks, remembering which candidate holds each.
struct Fenwick {
    tree: Vec<(f32, usize)>,
}

impl Fenwick {
    fn new(n: usize) -> Fenwick {
        Fenwick {
            tree: vec![(0.0, usize::MAX); n + 1],
        }
    }

    /// The best score among ranks strictly below `rank`.
    fn max_before(&self, rank: usize) -> (f32, usize) {
        let mut i = rank;
        let mut best = (0.0, usize::MAX);
        while i > 0 {
            if self.tree[i].0 > best.0 {
                best = self.tree[i];
            }
            i &= i - 1;
        }
        best
    }

    fn raise(&mut self, rank: usize, score: f32, who: usize) {
        let mut i = rank + 1;
        while i < self.tree.len() {
            if score > self.tree[i].0 {
                self.tree[i] = (score, who);
            }
            i += i & i.wrapping_neg();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(pos: usize, word: u32, weight: f32) -> Candidate {
        Candidate {
            pos,
            word,
            weight,
            key: None,
        }
    }

    #[test]
    fn keeps_the_heaviest_chain_moving_forward_in_both_texts() {
        let chain = heaviest_chain(vec![
            c(10, 100, 1.0),
            c(10, 900, 0.2),
            c(20, 50, 0.3),
            c(20, 200, 1.0),
            c(30, 150, 0.5),
            c(40, 300, 1.0),
        ]);
        let words: Vec<u32> = chain.iter().map(|c| c.word).collect();
        assert_eq!(words, vec![100, 200, 300]);
    }

    #[test]
    fn one_text_position_is_matched_once() {
        let chain = heaviest_chain(vec![c(5, 1, 1.0), c(5, 2, 1.0), c(5, 3, 1.0)]);
        assert_eq!(chain.len(), 1);
    }

    #[test]
    fn nothing_in_nothing_out() {
        assert!(heaviest_chain(Vec::new()).is_empty());
        assert!(heaviest_chain(vec![c(1, 1, f32::NAN)]).is_empty());
    }
}
