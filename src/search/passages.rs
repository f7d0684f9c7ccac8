//! Choosing the passage a hit links to. A passage is one paragraph of the
//! translation or one caption window (see `index`); the best one is where
//! the query is discussed most densely: the most query words (weighted by
//! how well each was matched), then the tightest window holding all of them,
//! then the most mentions, here and in the passages just around. The first
//! mention of a word is often an aside ("we'll get to tool use later"), so it
//! is never preferred just for coming first.

use super::index::PassageRef;
pub(crate) use super::phrase::Written;
use super::query::MAX_SLOTS;

/// Weight of the mentions in the passages just before and after.
const AROUND: f32 = 0.5;
/// Characters within which a window of all query words counts as close.
const CLOSE_CHARS: f32 = 40.0;
/// What a passage gains for saying the whole query as written (see
/// `phrase`), in proportion to the word pairs it says so: half a word
/// covered.
const AS_WRITTEN: f32 = 0.5;
/// What the passage where a matching key point is said gains: half a word
/// covered. The notes' author wrote the point there.
const KEY_POINT_SAID: f32 = 2.0;

/// The query words found at one position of the body.
pub(crate) struct Mention {
    pub pos: u32,
    /// The query slots this mention stands for (`first..=last`).
    pub first: usize,
    pub last: usize,
    pub weight: f32,
    /// A word of a several-word name standing alone: it adds to how much a
    /// passage talks about the name, not to the words it holds.
    pub echo: bool,
}

/// A passage that mentions the query, with what makes it good.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Passage {
    /// Index into the document's passages.
    pub paragraph: usize,
    /// The mention to centre the snippet on (the start of the tightest window).
    pub center: usize,
    pub score: f32,
    /// How well each query word is found here (0 for not at all).
    pub slots: [f32; MAX_SLOTS],
}

/// Passages with mentions, best first (ties: earlier first, so a paragraph
/// of the notes before a caption window). A passage that says the query as
/// `written` beats one holding the same words apart, and the passage
/// `key_point` (where a key point the query matched is said) one that only
/// mentions the words.
pub(crate) fn rank_passages(
    passages: &[PassageRef],
    mentions: &[Mention],
    importance: &[f32],
    written: &Written,
    key_point: Option<usize>,
) -> Vec<Passage> {
    if passages.is_empty() || mentions.is_empty() {
        return Vec::new();
    }
    let mut sorted: Vec<&Mention> = mentions.iter().collect();
    sorted.sort_by_key(|m| m.pos);
    let mut out = Vec::new();
    // Mentions per passage, for the talk around each.
    let mut talk: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < sorted.len() {
        let para = passage_of(passages, sorted[i].pos);
        // The passage ends where the next one starts.
        let end = passages
            .get(para.map_or(0, |p| p + 1))
            .map_or(u32::MAX, |next| next.offset);
        let mut j = i + 1;
        while j < sorted.len() && sorted[j].pos < end {
            j += 1;
        }
        if let Some(paragraph) = para {
            talk.push((paragraph, j - i));
            if sorted[i..j].iter().any(|m| !m.echo) {
                let mut p = score_paragraph(paragraph, &sorted[i..j], importance);
                let from = passages.get(paragraph).map_or(0, |p| p.offset);
                p.score += AS_WRITTEN * written.share(from, end);
                if key_point == Some(paragraph) {
                    p.score += KEY_POINT_SAID;
                }
                out.push(p);
            }
        }
        i = j;
    }
    // Where a topic is explained, the passages around keep mentioning it;
    // an aside ("we'll get to tool use later") stands alone.
    // `talk` is in passage order: the neighbours are found by halving.
    let talk_at = |q: usize| {
        talk.binary_search_by_key(&q, |&(p, _)| p)
            .map_or(0, |i| talk[i].1)
    };
    for p in &mut out {
        let before = p.paragraph.checked_sub(1).map_or(0, talk_at);
        let around = before + talk_at(p.paragraph + 1);
        p.score += (around as f32).ln_1p() * AROUND;
    }
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.paragraph.cmp(&b.paragraph))
    });
    out
}

fn passage_of(passages: &[PassageRef], pos: u32) -> Option<usize> {
    passages.partition_point(|p| p.offset <= pos).checked_sub(1)
}

/// Coverage counts most, then closeness of all the words, then repetition.
fn score_paragraph(paragraph: usize, mentions: &[&Mention], importance: &[f32]) -> Passage {
    let mut slots = [0f32; MAX_SLOTS];
    let all = mentions.len();
    let mentions: Vec<&Mention> = mentions.iter().copied().filter(|m| !m.echo).collect();
    for m in &mentions {
        let last = m.last.min(MAX_SLOTS - 1);
        for w in slots.iter_mut().take(last + 1).skip(m.first) {
            *w = w.max(m.weight);
        }
    }
    let covered = (0..MAX_SLOTS)
        .filter(|&s| slots[s] > 0.0)
        .fold(0u32, |bits, s| bits | 1 << s);
    // A word found in most chapters tells less about where the query is
    // discussed than the rare one beside it.
    let coverage: f32 = slots
        .iter()
        .enumerate()
        .map(|(s, w)| w * importance.get(s).copied().unwrap_or(1.0))
        .sum();
    let (window, center) = tightest_window(&mentions, covered);
    let closeness = if covered.count_ones() > 1 {
        1.0 / (1.0 + window as f32 / CLOSE_CHARS)
    } else {
        0.0
    };
    let repetition = (all as f32).ln_1p() * 0.5;
    Passage {
        paragraph,
        center,
        score: coverage * 4.0 + closeness + repetition,
        slots,
    }
}

/// The query slots a mention stands for, as bits (slots fit in a `u32`).
fn slot_bits(m: &Mention) -> u32 {
    const _: () = assert!(MAX_SLOTS < 32);
    let last = m.last.min(MAX_SLOTS - 1);
    if m.first > last {
        return 0;
    }
    ((1u32 << (last + 1)) - 1) & !((1u32 << m.first) - 1)
}

/// The shortest span of positions (sorted) holding every `covered` slot
/// (bits), and where it starts.
fn tightest_window(mentions: &[&Mention], covered: u32) -> (u32, usize) {
    let first = mentions.first().map_or(0, |m| m.pos as usize);
    if covered.count_ones() <= 1 {
        return (0, first);
    }
    let mut best = (u32::MAX, first);
    for (i, start) in mentions.iter().enumerate() {
        let mut need = covered & !slot_bits(start);
        for end in &mentions[i..] {
            need &= !slot_bits(end);
            if need == 0 {
                let w = end.pos - start.pos;
                if w < best.0 {
                    best = (w, start.pos as usize);
                }
                break;
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::Source;

    /// Passages of these lengths, two characters apart.
    fn passages(lens: &[u32]) -> Vec<PassageRef> {
        let mut offset = 0;
        lens.iter()
            .enumerate()
            .map(|(i, len)| {
                let p = PassageRef {
                    offset,
                    source: Source::Window(i as u32),
                };
                offset += len + 2;
                p
            })
            .collect()
    }

    fn m(pos: u32, slot: usize) -> Mention {
        Mention {
            pos,
            first: slot,
            last: slot,
            weight: 1.0,
            echo: false,
        }
    }

    #[test]
    fn prefers_all_words_close_together_over_the_first_mention() {
        // Passage 0 (0..100) mentions word 0 once; passage 1 (102..) has both.
        let ranked = rank_passages(
            &passages(&[100, 100]),
            &[m(5, 0), m(110, 0), m(115, 1)],
            &[],
            &Written::default(),
            None,
        );
        assert_eq!(ranked[0].paragraph, 1);
        assert_eq!(ranked[0].center, 110);
    }

    #[test]
    fn repetition_breaks_ties_and_earlier_wins_the_rest() {
        let ranked = rank_passages(
            &passages(&[50, 50, 50]),
            &[m(1, 0), m(60, 0), m(70, 0), m(110, 0)],
            &[],
            &Written::default(),
            None,
        );
        let order: Vec<usize> = ranked.iter().map(|p| p.paragraph).collect();
        assert_eq!(order, vec![1, 0, 2]);
    }

    #[test]
    fn echoes_count_as_talk_not_as_the_name() {
        let echo = |pos| Mention {
            echo: true,
            ..m(pos, 0)
        };
        // Passage 0 names it once; passage 1 names it once and keeps
        // talking about its words; passage 2 only echoes a word.
        let ranked = rank_passages(
            &passages(&[50, 50, 50]),
            &[m(1, 0), m(60, 0), echo(65), echo(70), echo(110)],
            &[],
            &Written::default(),
            None,
        );
        let order: Vec<usize> = ranked.iter().map(|p| p.paragraph).collect();
        assert_eq!(order, vec![1, 0]);
    }

    #[test]
    fn the_rare_word_outweighs_the_common_one() {
        // Passage 0 says the common word 0 twice, passage 1 the rare word 1.
        let mentions = [m(1, 0), m(9, 0), m(60, 1)];
        let none = Written::default();
        let even = rank_passages(&passages(&[50, 50]), &mentions, &[], &none, None);
        assert_eq!(even[0].paragraph, 0);
        let weighted = rank_passages(&passages(&[50, 50]), &mentions, &[0.3, 1.0], &none, None);
        assert_eq!(weighted[0].paragraph, 1);
    }

    #[test]
    fn nothing_in_nothing_out() {
        let none = Written::default();
        assert!(rank_passages(&passages(&[]), &[m(0, 0)], &[], &none, None).is_empty());
        assert!(rank_passages(&passages(&[1]), &[], &[], &none, None).is_empty());
    }
}
