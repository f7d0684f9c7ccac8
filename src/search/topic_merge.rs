//! Folding topics that answer to the same name into one (a chapter's alias
//! `llama` and the glossary's 라마 · Llama), so autocomplete and "try one of
//! these" never offer one subject twice.

use rustc_hash::FxHashMap;

use super::completions::Topic;
use super::normalize::is_hangul;

/// One topic per name: topics that answer to the same name (a chapter's
/// alias `llama` and the glossary's 라마 · Llama) are one topic, under the
/// glossary's bilingual label when one has it, else a Korean one, else the
/// more central one's.
pub(super) fn merge_same_names(list: Vec<Topic>) -> Vec<Topic> {
    let mut group: Vec<usize> = (0..list.len()).collect();
    fn root(group: &mut [usize], mut i: usize) -> usize {
        while group[i] != i {
            group[i] = group[group[i]];
            i = group[i];
        }
        i
    }
    let mut owner: FxHashMap<&[char], usize> = FxHashMap::default();
    for (i, t) in list.iter().enumerate() {
        for n in &t.names {
            let j = *owner.entry(&n.key).or_insert(i);
            let (a, b) = (root(&mut group, i), root(&mut group, j));
            group[a.max(b)] = a.min(b);
        }
    }
    let roots: Vec<usize> = (0..list.len()).map(|i| root(&mut group, i)).collect();
    let mut members: FxHashMap<usize, Vec<Topic>> = FxHashMap::default();
    let mut order = Vec::new();
    for (t, r) in list.into_iter().zip(roots) {
        if !members.contains_key(&r) {
            order.push(r);
        }
        members.entry(r).or_default().push(t);
    }
    order
        .into_iter()
        .filter_map(|r| members.remove(&r))
        .filter_map(merge_group)
        .collect()
}

fn merge_group(mut ts: Vec<Topic>) -> Option<Topic> {
    // Bilingual first, then Korean, then the more central.
    let rank = |t: &Topic| {
        (
            t.label.contains(" · "),
            t.label.chars().any(is_hangul),
            t.score,
        )
    };
    let mut first = 0;
    for (i, t) in ts.iter().enumerate().skip(1) {
        if rank(t) > rank(ts.get(first)?) {
            first = i;
        }
    }
    let mut t = ts.swap_remove(first);
    for o in ts {
        t.score = t.score.max(o.score);
        t.reach = t.reach.max(o.reach);
        if o.chapter_strength > t.chapter_strength {
            t.chapter = o.chapter;
            t.chapter_strength = o.chapter_strength;
        }
        for c in o.courses {
            if !t.courses.contains(&c) {
                t.courses.push(c);
            }
        }
        for n in o.names {
            if !t.names.iter().any(|m| m.key == n.key) {
                t.names.push(n);
            }
        }
    }
    Some(t)
}
