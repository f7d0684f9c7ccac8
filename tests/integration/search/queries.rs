//! Query behaviours a user trial found wrong, on the real v1 notes with and
//! without the video's captions. The queries are examples of a class of
//! problem; what is expected comes from the course index's titles, the
//! notes' own text and the English transcript, never from the engine.

use std::sync::OnceLock;

use lectern::app::Lectern;
use lectern::search::Hit;

type Loaded = Option<(tempfile::TempDir, Lectern)>;

/// The v1 notes, without (`false`) or with (`true`) the captions; loaded once.
fn v1(captions: bool) -> Option<&'static Lectern> {
    static PLAIN: OnceLock<Loaded> = OnceLock::new();
    static CAPTIONED: OnceLock<Loaded> = OnceLock::new();
    let cell = if captions { &CAPTIONED } else { &PLAIN };
    cell.get_or_init(|| crate::support::corpus::lectern_with("kr-translated-v1", captions))
        .as_ref()
        .map(|(_, l)| l)
}

/// Runs `check` on both loadings (skipping without the corpus).
fn both(check: impl Fn(&Lectern, bool)) {
    for captions in [false, true] {
        if let Some(l) = v1(captions) {
            check(l, captions);
        }
    }
}

fn search(l: &Lectern, q: &str) -> Vec<Hit> {
    l.index.search(&l.library, q, None, 5)
}

fn chapters(hits: &[Hit]) -> Vec<u32> {
    hits.iter().map(|h| h.chapter).collect()
}

/// Chapters whose English title (course index) holds `word` as a word.
fn titled(l: &Lectern, word: &str) -> Vec<u32> {
    l.library.courses[0]
        .chapters
        .iter()
        .filter(|c| {
            c.title
                .split(|ch: char| !ch.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case(word))
        })
        .map(|c| c.number)
        .collect()
}

#[test]
fn a_completion_or_a_dotted_name_never_outranks_the_word_typed() {
    both(|l, captions| {
        // `Keeping Track of LLMs`, `Where to Find LLMs`; `llm.c` is an
        // alias of the GPT-2 chapter, not the word LLM.
        let llms = titled(l, "LLMs");
        assert_eq!(llms.len(), 2);
        let got = chapters(&search(l, "LLM"));
        assert!(
            got.len() >= 2 && llms.contains(&got[0]) && llms.contains(&got[1]),
            "captions {captions}: {got:?}, want {llms:?} first"
        );
    });
}

#[test]
fn common_words_alone_are_searched_as_written() {
    both(|l, captions| {
        // The notes quote the nonsense joke "the the the" (RLHF's adversarial
        // example): that is what the query finds.
        let hits = search(l, "the the the");
        let first = hits.first().map(|h| h.moments[0].snippet.as_str());
        assert!(
            first.is_some_and(|s| s.contains("**the** **the** **the**")),
            "captions {captions}: {first:?}"
        );
        // One common word alone is not a question.
        assert!(search(l, "the").is_empty(), "captions {captions}");
    });
}

#[test]
fn a_plain_word_shared_with_the_notes_is_not_a_topic() {
    both(|l, captions| {
        // The notes mention prices (of GPUs, of apples), never Bitcoin.
        for q in ["비트코인 가격", "bitcoin price"] {
            let got = chapters(&search(l, q));
            assert!(
                got.is_empty(),
                "captions {captions}: {q:?} answered {got:?}"
            );
        }
    });
}

#[test]
fn a_topic_with_a_plain_verb_finds_the_topic() {
    both(|l, captions| {
        // `환각 줄이기` (reducing hallucinations): the chapter titled so.
        let want = titled(l, "Hallucinations");
        let got = chapters(&search(l, "환각 줄이기"));
        assert_eq!(got.first(), want.first(), "captions {captions}: {got:?}");
    });
}

#[test]
fn a_concept_of_two_words_finds_the_chapters_that_explain_it() {
    // Chapters whose English transcript speaks of the context window.
    let Some(dir) = crate::support::corpus("eng-transcript") else {
        return;
    };
    let mut speaking: Vec<u32> = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("transcript folder") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).unwrap_or_default();
        let chapter = text
            .lines()
            .find_map(|l| l.strip_prefix("chapter:"))
            .and_then(|n| n.trim().parse::<u32>().ok());
        if let Some(n) = chapter.filter(|_| text.to_lowercase().contains("context window")) {
            speaking.push(n);
        }
    }
    assert!(speaking.len() >= 3, "{speaking:?}");
    both(|l, captions| {
        let got = chapters(&search(l, "컨텍스트 윈도우"));
        assert!(got.len() >= 3, "captions {captions}: {got:?}");
        for n in &got[..3] {
            assert!(
                speaking.contains(n),
                "captions {captions}: {got:?} vs {speaking:?}"
            );
        }
    });
}

#[test]
fn a_transliterated_name_finds_where_it_is_said() {
    // With the captions, "aha moment" is heard in the DeepSeek-R1 chapter's
    // span (2:35:25 in the captions file): that is the first link.
    let Some(l) = v1(true) else {
        return;
    };
    let deepseek = titled(l, "DeepSeek");
    let hits = search(l, "아하 모먼트");
    let top = hits.first().expect("an answer");
    assert_eq!(Some(&top.chapter), deepseek.first(), "{hits:?}");
    let at = top.moments[0].moment;
    assert!(
        !at.approximate && (9300..=9360).contains(&at.seconds),
        "{at:?}"
    );
}

#[test]
fn a_korean_query_that_matched_an_alias_shows_the_korean_alias() {
    both(|l, captions| {
        // `보상 모델` is an alias of the RLHF chapter, beside `reward model`.
        let hits = search(l, "보상 모델");
        let top = hits.first().expect("an answer");
        assert_eq!(Some(&top.chapter), titled(l, "RLHF").first());
        let snippet = &top.moments[0].snippet;
        if top.moments[0].field == lectern::search::MatchField::Captions {
            // What the link plays is said in English.
            assert!(snippet.contains("**reward** **model**"), "{snippet}");
        } else {
            assert!(
                snippet.contains("**보상** **모델**") && !snippet.contains("reward"),
                "captions {captions}: {snippet}"
            );
        }
    });
}

#[test]
fn a_natural_korean_question_finds_its_chapter() {
    both(|l, captions| {
        // "Where can I try the models?": the chapter `Where to Find LLMs`
        // (`LLM을 쓸 수 있는 곳`); the question words and the verb's form
        // (`써볼` for `쓰다`) must not get in the way.
        let want = titled(l, "Where");
        let got = chapters(&search(l, "모델 어디서 써볼 수 있나"));
        assert_eq!(got.first(), want.first(), "captions {captions}: {got:?}");
    });
}
