//! Turning a ranked chapter into a [`Hit`]: which readings of the query it
//! matched, the field that counts most, and up to three moments — the
//! chapter's best passages (see `passages`), each linked to the start of its
//! paragraph or caption window and shown as its snippet; a chapter none of
//! whose passages mentions the query links to its start with the matching
//! title, key point or summary as the snippet.

use rustc_hash::FxHashMap;

use super::dictionary::TermId;
use super::index::{
    Doc, Index, PassageRef, Source, F_CAPTIONS, F_KEY_POINTS, F_SUMMARY, F_TEXT, F_TITLE,
};
use super::key_point_link::{key_point_passage, named_key_point_said};
use super::passages::{rank_passages, Mention};
use super::phrase::{self, near, positions_together};
use super::query::{Query, Slot, MAX_SLOTS};
use super::rank::{alt_score, heard, Ranked};
pub(crate) use super::shown::Built;
use super::shown::{Matcher, SnippetOf};
use super::{Hit, HitMoment, MatchField};
use crate::library::{Chapter, Library, Moment, SaidIn};

/// Most moments per hit.
pub(crate) const MAX_MOMENTS: usize = 3;

/// The weight of a moment that is only the chapter's start (its title, key
/// points or summary matched): one fully covered query word.
const FALLBACK_WEIGHT: f32 = 4.0;

/// A passage holds a name's match when each of its words is found there
/// with at least this share of the name's weight.
const NAME_SHARE: f32 = 0.5;

pub(crate) fn match_field(f: u8) -> MatchField {
    match f {
        F_TITLE => MatchField::Title,
        F_KEY_POINTS => MatchField::KeyPoints,
        F_SUMMARY => MatchField::Summary,
        F_CAPTIONS => MatchField::Captions,
        _ => MatchField::Translation,
    }
}

/// One reading of the query found in the chapter.
struct Found {
    weight: f32,
    first: usize,
    last: usize,
    score: f32,
    best_field: u8,
    positions: Vec<u32>,
    /// Where a word of a several-word name stands alone (its echoes).
    echoes: Vec<u32>,
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

/// The hit (its snippets cut by [`Built::finish`]), and whether the
/// chapter is about the query: one of its passages (caption windows or
/// paragraphs) holds it, or a title or alias matched.
pub(crate) fn build<'a>(
    index: &'a Index,
    library: &'a Library,
    query: &Query,
    r: &Ranked,
    importance: &[f32],
    max_moments: usize,
) -> Option<Built<'a>> {
    let (course_id, chapter) = chapter_of(index, library, r.doc)?;
    let doc = index.docs.get(r.doc as usize)?;
    let mut found: Vec<Found> = Vec::new();
    let mut terms: FxHashMap<TermId, f32> = FxHashMap::default();
    'alts: for alt in &query.alts {
        let (mut fields, mut tf, mut said, mut postings) =
            (u8::MAX, u32::MAX, u32::MAX, Vec::new());
        for &t in &alt.terms {
            let Some(p) = index.posting(t, r.doc) else {
                continue 'alts;
            };
            fields &= p.fields;
            tf = tf.min(u32::from(p.tf));
            said = said.min(heard(p));
            postings.push(p);
        }
        if let Some((first, rest)) = postings.split_first() {
            if !rest.is_empty() && fields & F_TEXT != 0 && !near(index, first, rest) {
                fields &= !F_TEXT;
            }
        }
        if fields == 0 {
            continue;
        }
        // A name of several words is mentioned where its words stand
        // together, not wherever one of them is.
        let (positions, echoes): (Vec<u32>, Vec<u32>) = match postings.split_first() {
            Some((first, rest)) if fields & F_TEXT != 0 => {
                let echoes = if rest.is_empty() {
                    Vec::new()
                } else {
                    postings
                        .iter()
                        .flat_map(|p| index.positions(p).iter().copied())
                        .collect()
                };
                (positions_together(index, first, rest), echoes)
            }
            _ => (Vec::new(), Vec::new()),
        };
        let (score, best_field) = alt_score(alt, doc, fields, tf, said);
        for &t in &alt.terms {
            let w = terms.entry(t).or_insert(0.0);
            *w = w.max(alt.weight);
        }
        found.push(Found {
            weight: alt.weight,
            first: alt.first,
            last: alt.last,
            score,
            best_field,
            positions,
            echoes,
        });
    }
    // The field that counts most is that of the query's telling words: a
    // common word in a summary (`예시` of `번역 예시`) does not make the
    // chapter's summary its match.
    let telling = |f: &Found| {
        let w = (f.first..=f.last)
            .filter_map(|s| importance.get(s))
            .fold(0.0f32, |a, &b| a.max(b));
        f.score * w
    };
    let top = found
        .iter()
        .max_by(|a, b| telling(a).total_cmp(&telling(b)))?;
    let field = top.best_field;
    let matcher = Matcher::new(&index.dict, terms);
    let mentions: Vec<Mention> = found
        .iter()
        .flat_map(|f| {
            let mention = move |pos: u32, echo: bool| Mention {
                pos,
                first: f.first,
                last: f.last,
                weight: f.weight,
                echo,
            };
            let echoes = f.echoes.iter().map(move |&pos| mention(pos, true));
            f.positions
                .iter()
                .map(move |&pos| mention(pos, false))
                .chain(echoes)
        })
        .collect();
    // Common words mean something only as written, one after another.
    let mentions = if query.common_only {
        let runs = phrase_runs(&mentions, &query.slots);
        if runs.is_empty() {
            return None;
        }
        runs
    } else {
        mentions
    };
    let mut moments: Vec<HitMoment> = Vec::new();
    let mut sources: Vec<SnippetOf> = Vec::new();
    // The best passage leads, whatever field matched best: the link plays it
    // and the snippet shows it.
    // When a name matched best (`보상 모델` is chapter 20's alias), a
    // passage says it only if it holds the name's words about as well; one
    // with a word of it (`모델`) does not. A chapter none of whose passages
    // says its name leads no one to its span (see `order`). The link may
    // still play a passage without the name when the name holds only the
    // query's common words (`대화` of `대화 특수 토큰`): the rarer words
    // tell where it is discussed.
    let name = (field & F_TEXT == 0).then_some((top.first, top.last, top.weight * NAME_SHARE));
    let says_name = |slots: &[f32; MAX_SLOTS]| {
        name.is_none_or(|(first, last, w)| {
            let held = slots.get(first..=last).unwrap_or(&[]);
            !held.is_empty() && held.iter().all(|&s| s >= w)
        })
    };
    let common_name = (top.first..=top.last).all(|s| importance.get(s).is_some_and(|&w| w < 1.0));
    let mut said_here = name.is_none();
    let passages = index.passages(doc);
    let written = phrase::written(index, query, r.doc);
    let key_point = (field == F_KEY_POINTS)
        .then(|| named_key_point_said(chapter, &matcher))
        .flatten()
        .and_then(|said| passage_of_paragraph(index, passages, doc.course, said));
    for passage in rank_passages(passages, &mentions, importance, &written, key_point) {
        let says = says_name(&passage.slots);
        said_here |= says;
        if moments.len() >= max_moments {
            if said_here {
                break;
            }
            continue;
        }
        if !says && !common_name {
            continue;
        }
        let Some(at) = passages.get(passage.paragraph) else {
            continue;
        };
        let Some((moment, text, field)) = resolve(index, library, doc, at) else {
            continue;
        };
        if moments.iter().any(|m| m.moment.seconds == moment.seconds) {
            continue;
        }
        let center = passage.center.saturating_sub(at.offset as usize);
        moments.push(HitMoment {
            moment,
            field,
            weight: passage.score,
            snippet: String::new(),
        });
        sources.push(SnippetOf::Passage(text, center));
    }
    // A title or alias that matched names the chapter's topic as surely as
    // a passage that says it. Else the chapter says the query where one of
    // its passages does: its caption windows, or its paragraphs (placed by
    // time when the markers or captions tell). Without captions the notes
    // are all there is to tell, and a key point or summary listing `GPU` is
    // the author's gist, while a chapter whose text says it is where it is
    // explained (v1 notes alone: 0.737 → 0.782 of links in span).
    let named = field == F_TITLE;
    let said = named || (said_here && !moments.is_empty());
    if moments.is_empty() {
        let course = library.courses.get(doc.course as usize);
        let (moment, source) = course
            .filter(|_| field == F_KEY_POINTS)
            .and_then(|course| key_point_passage(course, chapter, &matcher))
            .unwrap_or((
                Moment::exact(chapter.start),
                SnippetOf::Field(chapter, field),
            ));
        moments.push(HitMoment {
            moment,
            field: match_field(field),
            weight: FALLBACK_WEIGHT,
            snippet: String::new(),
        });
        sources.push(source);
    }
    let hit = Hit {
        course: course_id.to_string(),
        chapter: chapter.number,
        field: match_field(field),
        score: f64::from(r.score),
        moments,
    };
    Some(Built {
        hit,
        said,
        sources,
        matcher,
    })
}

/// Where the query's words are said as written, one right after another
/// and in order: a mention covering them all at the first of each such run.
fn phrase_runs(mentions: &[Mention], slots: &[Slot]) -> Vec<Mention> {
    /// What may stand between two words (a space, a comma and space).
    const BETWEEN: u32 = 2;
    let words = slots.len();
    let mut at: Vec<Vec<u32>> = vec![Vec::new(); words];
    for m in mentions.iter().filter(|m| m.first == m.last) {
        if let Some(list) = at.get_mut(m.first) {
            list.push(m.pos);
        }
    }
    for list in &mut at {
        list.sort_unstable();
        list.dedup();
    }
    let Some((first, rest)) = at.split_first() else {
        return Vec::new();
    };
    let said_from = |start: u32| {
        let mut prev = start;
        rest.iter().zip(slots).all(|(list, before)| {
            let gap = before.surface_chars as u32 + BETWEEN;
            let i = list.partition_point(|&p| p <= prev);
            match list.get(i) {
                Some(&next) if next - prev <= gap => {
                    prev = next;
                    true
                }
                _ => false,
            }
        })
    };
    first
        .iter()
        .copied()
        .filter(|&p| said_from(p))
        .map(|pos| Mention {
            pos,
            first: 0,
            last: words.saturating_sub(1),
            weight: 1.0,
            echo: false,
        })
        .collect()
}

/// Which of a document's `passages` is the paragraph `said` (of the
/// course's notes), if the document holds it.
fn passage_of_paragraph(
    index: &Index,
    passages: &[PassageRef],
    course: u32,
    said: SaidIn,
) -> Option<usize> {
    passages.iter().position(|p| match p.source {
        Source::Paragraph { doc, paragraph } => {
            paragraph as usize == said.paragraph
                && index
                    .docs
                    .get(doc as usize)
                    .is_some_and(|d| d.course == course && d.number == said.chapter)
        }
        Source::Window(_) => false,
    })
}

/// When a passage is said, its text and the field it belongs to: a
/// paragraph at its moment in the notes (its aligned time when it has one),
/// a caption window at its exact start.
fn resolve<'l>(
    index: &Index,
    library: &'l Library,
    doc: &Doc,
    at: &PassageRef,
) -> Option<(Moment, &'l str, MatchField)> {
    match at.source {
        Source::Paragraph { doc, paragraph } => {
            let (_, chapter) = chapter_of(index, library, doc)?;
            let para = chapter.notes.as_ref()?.body.get(paragraph as usize)?;
            let moment = chapter.moment_at(para.offset);
            Some((moment, para.text.as_str(), MatchField::Translation))
        }
        Source::Window(w) => {
            let course = library.courses.get(doc.course as usize)?;
            let window = course.captions.as_ref()?.windows.get(w as usize)?;
            let seconds = (window.start_ms / 1000).min(u64::from(u32::MAX)) as u32;
            Some((
                Moment::exact(seconds),
                window.text.as_str(),
                MatchField::Captions,
            ))
        }
    }
}
