//! The term dictionary: every normalised word of the library (and of the
//! glossary) once, with what makes looking it up fast — a hash map for exact
//! keys, a sorted list for prefixes, 초성 keys, and length buckets with a
//! character signature so typo matching only compares a few candidates
//! instead of scanning every word.

use rustc_hash::FxHashMap;

use super::fuzzy::{chars_of, osa_within, MAX_CHARS};
use super::normalize::Script;
pub(crate) use super::term_id::TermId;
use super::transliteration::{SoundMatch, SoundTable};

#[derive(Debug, Clone, Default)]
pub(crate) struct Dictionary {
    keys: Vec<Box<str>>,
    lens: Vec<u16>,
    scripts: Vec<Script>,
    map: FxHashMap<Box<str>, TermId>,
    sorted: Vec<TermId>,
    /// Typo candidates by length in characters, each with its signature
    /// beside it: a scan reads one bucket straight through.
    by_len: Vec<Vec<(u64, TermId)>>,
    choseong: FxHashMap<Box<str>, Vec<TermId>>,
    /// 초성 keys in order, for prefix lookups.
    choseong_sorted: Vec<Box<str>>,
    /// The English words by sound, for Hangul spellings of them.
    sounds: SoundTable,
}

/// Which characters occur in a key, hashed to 64 bits. An edit changes at
/// most two bits, so keys whose signatures differ in more than `2 × edits`
/// bits can't be within `edits` of each other.
fn signature(key: &str) -> u64 {
    key.chars().fold(0u64, |s, c| s | 1u64 << (c as u32 % 64))
}

impl Dictionary {
    /// The id of `key`, adding it if new.
    pub fn intern(&mut self, key: &str, script: Script, choseong: Option<&str>) -> TermId {
        if let Some(&id) = self.map.get(key) {
            return id;
        }
        let id = self.keys.len() as TermId;
        let boxed: Box<str> = key.into();
        self.keys.push(boxed.clone());
        self.lens
            .push(key.chars().count().min(u16::MAX as usize) as u16);
        self.scripts.push(script);
        self.map.insert(boxed, id);
        if let Some(c) = choseong {
            self.choseong.entry(c.into()).or_default().push(id);
        }
        id
    }

    pub fn get(&self, key: &str) -> Option<TermId> {
        self.map.get(key).copied()
    }

    pub fn key(&self, id: TermId) -> &str {
        self.keys.get(id as usize).map_or("", |k| k)
    }

    /// Builds the sorted list and the length buckets; call once after interning.
    pub fn finish(&mut self) {
        let mut sorted: Vec<TermId> = (0..self.keys.len() as TermId).collect();
        sorted.sort_unstable_by(|&a, &b| self.keys[a as usize].cmp(&self.keys[b as usize]));
        self.sorted = sorted;
        let max_len = self.lens.iter().copied().max().unwrap_or(0) as usize;
        let mut by_len = vec![Vec::new(); max_len + 1];
        for (id, &len) in self.lens.iter().enumerate() {
            if self.scripts[id] != Script::Other {
                by_len[len as usize].push((signature(&self.keys[id]), id as TermId));
            }
        }
        self.by_len = by_len;
        for ids in self.choseong.values_mut() {
            ids.sort_unstable();
            ids.dedup();
        }
        let mut cho: Vec<Box<str>> = self.choseong.keys().cloned().collect();
        cho.sort_unstable();
        self.choseong_sorted = cho;
        let latin = self
            .keys
            .iter()
            .enumerate()
            .filter(|&(id, _)| self.scripts[id] == Script::Latin)
            .map(|(id, k)| (id as TermId, &**k));
        self.sounds = SoundTable::build(latin);
    }

    /// English terms that `word` (Hangul syllables) sounds like, closest
    /// first, among those that pass `keep` (see `transliteration`).
    pub fn sounding_like(&self, word: &str, keep: impl Fn(TermId) -> bool) -> Vec<SoundMatch> {
        self.sounds.matches(word, keep)
    }

    /// Terms whose key starts with `prefix`, in key order.
    pub fn prefixed<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = TermId> + 'a {
        let start = self
            .sorted
            .partition_point(|&id| &*self.keys[id as usize] < prefix);
        self.sorted[start..]
            .iter()
            .copied()
            .take_while(move |&id| self.keys[id as usize].starts_with(prefix))
    }

    /// Terms whose syllables' initial consonants are exactly `key`.
    pub fn with_choseong(&self, key: &str) -> &[TermId] {
        self.choseong.get(key).map_or(&[], Vec::as_slice)
    }

    /// 초성 keys starting with `prefix`, in order, with their terms.
    pub fn choseong_prefixed<'a>(
        &'a self,
        prefix: &'a str,
    ) -> impl Iterator<Item = (&'a str, &'a [TermId])> + 'a {
        let start = self.choseong_sorted.partition_point(|k| &**k < prefix);
        self.choseong_sorted[start..]
            .iter()
            .take_while(move |k| k.starts_with(prefix))
            .map(|k| (&**k, self.with_choseong(k)))
    }

    /// Terms within `budget` OSA edits of `key` (other than `key` itself) that
    /// pass `keep`, with their distance, and a normalised similarity of at
    /// least `floor`.
    pub fn fuzzy(
        &self,
        key: &str,
        budget: usize,
        floor: f64,
        keep: impl Fn(TermId) -> bool,
    ) -> Vec<(TermId, usize)> {
        let mut out = Vec::new();
        if budget == 0 {
            return out;
        }
        let mut qbuf = ['\0'; MAX_CHARS];
        let Some(query) = chars_of(key, &mut qbuf) else {
            return out;
        };
        let len = query.len();
        let sig = signature(key);
        let lo = len.saturating_sub(budget);
        let hi = (len + budget).min(self.by_len.len().saturating_sub(1));
        let mut tbuf = ['\0'; MAX_CHARS];
        for bucket in self.by_len.get(lo..=hi).unwrap_or(&[]) {
            for &(term_sig, id) in bucket {
                let i = id as usize;
                if (term_sig ^ sig).count_ones() as usize > 2 * budget || !keep(id) {
                    continue;
                }
                let other = &*self.keys[i];
                if other == key {
                    continue;
                }
                // Cheap bounded check first; strsim's OSA confirms the distance.
                let Some(term) = chars_of(other, &mut tbuf) else {
                    continue;
                };
                if !osa_within(query, term, budget) {
                    continue;
                }
                let d = strsim::osa_distance(key, other);
                let longest = len.max(self.lens[i] as usize).max(1);
                let similarity = 1.0 - d as f64 / longest as f64;
                if d <= budget && similarity >= floor {
                    out.push((id, d));
                }
            }
        }
        out.sort_unstable_by_key(|&(id, d)| (d, id));
        out
    }
}
