//! Autocomplete's matching and order: one typo within a prefix, and the
//! rule that a shown name starting with the input beats a hidden alias, then
//! coverage, then centrality.

use super::*;
use crate::search::completions::push_name;

fn topic(label: &str, hidden: &[&str], score: f32) -> Topic {
    let mut t = Topic {
        label: label.to_string(),
        value: label.split(" · ").next().unwrap_or(label).to_string(),
        names: Vec::new(),
        score,
        reach: score,
        chapter: None,
        chapter_strength: 0.0,
        courses: vec![0],
    };
    for h in hidden {
        push_name(&mut t, h);
    }
    t.mark_shown(label.split(" · "), []);
    t
}

fn names() -> NameList {
    NameList::new(vec![
        topic(
            "시뮬레이션 · simulation",
            &["토큰 텀블러", "simulator"],
            6.0,
        ),
        topic("대화 · conversation", &["멀티턴", "multi-turn"], 5.0),
        topic("에이전트 · agent", &[], 5.0),
        topic("토큰 · token", &[], 4.0),
        topic("멀티모달 · multimodality", &["멀티 모달"], 3.0),
        topic("토크나이저 · tokenizer", &[], 2.0),
        topic("에밀리 · Emily", &[], 1.0),
    ])
}

fn order(typed: &str) -> Vec<String> {
    matching(&names(), &Typed::new(typed), |_| true)
        .into_iter()
        .map(|(t, m)| shown_label(t, m, MAX_NAME))
        .collect()
}

#[test]
fn a_shown_name_that_starts_with_the_input_comes_before_an_alias() {
    assert_eq!(
        order("멀티"),
        ["멀티모달 · multimodality", "멀티턴 → 대화 · conversation"]
    );
    assert_eq!(
        order("ㅁㅌ"),
        ["멀티모달 · multimodality", "멀티턴 → 대화 · conversation"]
    );
    assert_eq!(
        order("mul"),
        [
            "멀티모달 · multimodality",
            "multi-turn → 대화 · conversation"
        ]
    );
}

#[test]
fn then_by_how_much_of_the_name_is_typed_then_by_centrality() {
    // 토크 is most of 토큰, little of 토크나이저; 시뮬레이션 only hides 토큰 텀블러.
    assert_eq!(
        order("토크"),
        [
            "토큰 · token",
            "토크나이저 · tokenizer",
            "토큰 텀블러 → 시뮬레이션 · simulation"
        ]
    );
    // Both little covered: the more central first.
    assert_eq!(order("에"), ["에이전트 · agent", "에밀리 · Emily"]);
    // A whole name typed comes first whatever its centrality.
    assert_eq!(order("에밀리"), ["에밀리 · Emily"]);
    assert_eq!(order("token")[0], "토큰 · token");
}

#[test]
fn osa_bounds() {
    let c = |s: &str| s.chars().collect::<Vec<_>>();
    assert!(osa_within(&c("agnet"), &c("agent"), 1));
    assert!(!osa_within(&c("abc"), &c("xyz"), 2));
    assert!(prefix_within(&c("hallu"), &c("hallucination"), 1));
    assert!(prefix_within(&c("halu"), &c("hallucination"), 1));
    assert!(!prefix_within(&c("xallu"), &c("hallucination"), 1));
    // The table-free one-edit check agrees with the table.
    let words = ["hallucination", "agent", "에이전트", "ab", "a"];
    let typed = [
        "halu",
        "hallx",
        "hlal",
        "hallucinatoin",
        "agnet",
        "agen",
        "aegnt",
        "에이젼",
        "에이전트",
        "b",
        "ba",
    ];
    for w in words {
        for t in typed {
            let (t, k) = (c(t), c(w));
            if t.first() != k.first() || k.len() + 1 < t.len() {
                continue;
            }
            let lo = t.len().saturating_sub(1).max(1);
            let table = (lo..=(t.len() + 1).min(k.len())).any(|n| osa_within(&t, &k[..n], 1));
            assert_eq!(prefix_within_one(&t, &k), table, "{t:?} {k:?}");
        }
    }
}
