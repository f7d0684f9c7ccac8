//! Turning a ranked chapter into a [`Hit`]: which readings of the query it
//! matched, the field that counts most, and up to three moments — the best
//! field's snippet first (linked to where the translation first discusses the
//! topic, else the chapter start), then the translation paragraphs that match
//! the most query words, each linked through `Chapter::moment_at`.

use rustc_hash::FxHashSet;

use super::dictionary::{Dictionary, TermId};
use super::index::{Index, F_KEY_POINTS, F_SUMMARY, F_TITLE, F_TRANSLATION};
use super::jamo::syllable_pair;
use super::normalize::word_key;
use super::query::{Query, MAX_SLOTS};
use super::rank::{alt_score, near, Ranked};
use super::snippet::{first_match, snippet};
use super::{Hit, HitMoment, MatchField};
use crate::library::{Chapter, Library, Moment};

/// Most moments per hit.
pub(crate) const MAX_MOMENTS: usize = 3;

/// Recognises the words to bold: tokens whose term is one the query matched.
pub(crate) struct Matcher<'a> {
    dict: &'a Dictionary,
    terms: FxHashSet<TermId>,
    /// First two letters of the matched terms' keys (`'\0'` for a one-letter
    /// key): a token whose key can't start with one of them is skipped
    /// without normalising it.
    pairs: FxHashSet<(char, char)>,
}

/// The first two letters of a token's key, when they are cheap to know.
fn key_pair(token: &str) -> Option<(char, char)> {
    let mut chars = token.chars();
    let c = chars.next()?;
    if c.is_ascii_alphanumeric() {
        return match chars.next() {
            None => Some((c.to_ascii_lowercase(), '\0')),
            Some(d) if d.is_ascii_alphanumeric() => {
                Some((c.to_ascii_lowercase(), d.to_ascii_lowercase()))
            }
            Some(_) => None,
        };
    }
    syllable_pair(c)
}

impl<'a> Matcher<'a> {
    pub fn new(dict: &'a Dictionary, terms: FxHashSet<TermId>) -> Self {
        let pairs = terms
            .iter()
            .filter_map(|&t| {
                let mut k = dict.key(t).chars();
                Some((k.next()?, k.next().unwrap_or('\0')))
            })
            .collect();
        Matcher { dict, terms, pairs }
    }

    pub fn check(&self, token: &str) -> Option<usize> {
        if key_pair(token).is_some_and(|p| !self.pairs.contains(&p)) {
            return None;
        }
        let k = word_key(token)?;
        if k.stop {
            return None;
        }
        let t = self.dict.get(&k.key)?;
        self.terms.contains(&t).then_some(k.stem_chars)
    }
}

pub(crate) fn match_field(f: u8) -> MatchField {
    match f {
        F_TITLE => MatchField::Title,
        F_KEY_POINTS => MatchField::KeyPoints,
        F_SUMMARY => MatchField::Summary,
        _ => MatchField::Translation,
    }
}

/// One reading of the query found in the chapter.
struct Found {
    weight: f32,
    first: usize,
    last: usize,
    fields: u8,
    score: f32,
    best_field: u8,
    positions: Vec<u32>,
}

/// The chapter a document stands for, if the library still has it.
pub(crate) fn chapter_of<'l>(
    index: &Index,
    library: &'l Library,
    doc: u32,
) -> Option<(&'l str, &'l Chapter)> {
    let d = index.docs.get(doc as usize)?;
    let course = library.courses.get(d.course as usize)?;
    if index.course_ids.get(d.course as usize) != Some(&course.id) {
        return None;
    }
    let chapter = course.chapters.get(d.chapter as usize)?;
    (chapter.number == d.number).then_some((course.id.as_str(), chapter))
}

pub(crate) fn build_hit(
    index: &Index,
    library: &Library,
    query: &Query,
    r: &Ranked,
) -> Option<Hit> {
    let (course_id, chapter) = chapter_of(index, library, r.doc)?;
    let doc = index.docs.get(r.doc as usize)?;
    let mut found: Vec<Found> = Vec::new();
    let mut terms = FxHashSet::default();
    'alts: for alt in &query.alts {
        let (mut fields, mut tf, mut postings) = (u8::MAX, u32::MAX, Vec::new());
        for &t in &alt.terms {
            let Some(p) = index.posting(t, r.doc) else {
                continue 'alts;
            };
            fields &= p.fields;
            tf = tf.min(u32::from(p.tf));
            postings.push(p);
        }
        if let Some((first, rest)) = postings.split_first() {
            if !rest.is_empty() && fields & F_TRANSLATION != 0 && !near(index, first, rest) {
                fields &= !F_TRANSLATION;
            }
        }
        if fields == 0 {
            continue;
        }
        let positions: Vec<u32> = if fields & F_TRANSLATION != 0 {
            postings
                .iter()
                .flat_map(|p| index.positions(p).iter().copied())
                .collect()
        } else {
            Vec::new()
        };
        let (score, best_field) = alt_score(alt, doc, fields, tf);
        terms.extend(alt.terms.iter().copied());
        found.push(Found {
            weight: alt.weight,
            first: alt.first,
            last: alt.last,
            fields,
            score,
            best_field,
            positions,
        });
    }
    let top = found.iter().max_by(|a, b| a.score.total_cmp(&b.score))?;
    let field = top.best_field;
    let matcher = Matcher::new(&index.dict, terms);
    let mut check = |t: &str| matcher.check(t);
    let mut moments: Vec<HitMoment> = Vec::new();
    if field != F_TRANSLATION {
        let first_discussed = found
            .iter()
            .filter(|f| f.fields & field != 0)
            .flat_map(|f| f.positions.iter().copied())
            .min();
        let moment = first_discussed.map_or(Moment::exact(chapter.start), |p| {
            chapter.moment_at(p as usize)
        });
        moments.push(HitMoment {
            moment,
            field: match_field(field),
            snippet: field_snippet(chapter, field, &mut check),
        });
    }
    for (pos, para) in best_paragraphs(chapter, &found) {
        if moments.len() >= MAX_MOMENTS {
            break;
        }
        let moment = chapter.moment_at(pos);
        if moments.iter().any(|m| m.moment.seconds == moment.seconds) {
            continue;
        }
        let Some(text) = chapter.notes.as_ref().and_then(|n| n.body.get(para)) else {
            continue;
        };
        moments.push(HitMoment {
            moment,
            field: MatchField::Translation,
            snippet: snippet(&text.text, pos.saturating_sub(text.offset), &mut check),
        });
    }
    if moments.is_empty() {
        moments.push(HitMoment {
            moment: Moment::exact(chapter.start),
            field: MatchField::Title,
            snippet: field_snippet(chapter, F_TITLE, &mut check),
        });
    }
    Some(Hit {
        course: course_id.to_string(),
        chapter: chapter.number,
        field: moments[0].field,
        score: f64::from(r.score),
        moments,
    })
}

/// The snippet of a non-translation field: the matching title, key point or
/// part of the summary.
fn field_snippet(
    chapter: &Chapter,
    field: u8,
    check: &mut impl FnMut(&str) -> Option<usize>,
) -> String {
    let texts: Vec<String> = match (field, &chapter.notes) {
        (F_KEY_POINTS, Some(n)) => n.key_points.iter().map(|k| k.plain()).collect(),
        (F_SUMMARY, Some(n)) => std::iter::once(n.summary.clone())
            .chain(n.lead_summary.clone())
            .collect(),
        _ => std::iter::once(chapter.title_ko.clone())
            .chain(std::iter::once(chapter.title.clone()))
            .chain(chapter.aliases.iter().cloned())
            .collect(),
    };
    for text in &texts {
        if let Some(center) = first_match(text, check) {
            return snippet(text, center, check);
        }
    }
    texts
        .first()
        .map(|t| snippet(t, 0, check))
        .unwrap_or_default()
}

/// Translation paragraphs with matches, best first, each with the position
/// of its first match: more query words (weighted) first, then earlier.
fn best_paragraphs(chapter: &Chapter, found: &[Found]) -> Vec<(usize, usize)> {
    let Some(notes) = chapter.notes.as_ref().filter(|n| n.has_body()) else {
        return Vec::new();
    };
    let mut paras: Vec<(usize, usize, [f32; MAX_SLOTS])> = Vec::new(); // para, first pos, per-slot weight
    for f in found {
        for &p in &f.positions {
            let p = p as usize;
            let Some(pi) = notes.body.partition_point(|x| x.offset <= p).checked_sub(1) else {
                continue;
            };
            let i = match paras.iter().position(|e| e.0 == pi) {
                Some(i) => i,
                None => {
                    paras.push((pi, p, [0.0; MAX_SLOTS]));
                    paras.len() - 1
                }
            };
            let e = &mut paras[i];
            e.1 = e.1.min(p);
            for s in f.first..=f.last.min(MAX_SLOTS - 1) {
                e.2[s] = e.2[s].max(f.weight);
            }
        }
    }
    let mut scored: Vec<(f32, usize, usize)> = paras
        .into_iter()
        .map(|(pi, p, w)| (w.iter().sum(), p, pi))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, p, pi)| (p, pi)).collect()
}
