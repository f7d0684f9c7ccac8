//! Unit tests of Korean particle choice: by final consonant, ㄹ endings,
//! Latin letters and digits read aloud, and never a panic on any input.

use crate::particle::*;
use proptest::prelude::*;

fn topic(word: &str) -> String {
    with(word, Particle::Topic)
}

#[test]
fn hangul_by_final_consonant() {
    assert_eq!(topic("시간"), "시간은");
    assert_eq!(topic("챕터"), "챕터는");
    assert_eq!(with("서울", Particle::Toward), "서울로");
    assert_eq!(with("책", Particle::Toward), "책으로");
    assert_eq!(with("모델", Particle::Object), "모델을");
    assert_eq!(with("에이전트", Particle::Subject), "에이전트가");
    assert_eq!(with("전망", Particle::Copula), "전망이에요");
    assert_eq!(with("요약", Particle::With), "요약과");
    assert_eq!(with("키", Particle::With), "키와");
}

#[test]
fn numbers_and_times_read_aloud() {
    assert_eq!(topic("1:35:00"), "1:35:00은"); // … 영
    assert_eq!(topic("3:12:05"), "3:12:05는"); // 오
    assert_eq!(topic("21장"), "21장은");
    assert_eq!(topic("21"), "21은"); // 이십일
    assert_eq!(topic("22"), "22는"); // 이십이
    assert_eq!(topic("3"), "3은"); // 삼
    assert_eq!(topic("6"), "6은"); // 육
    assert_eq!(topic("9"), "9는"); // 구
    assert_eq!(topic("10"), "10은"); // 십
    assert_eq!(topic("100"), "100은"); // 백
    assert_eq!(topic("2000"), "2000은"); // 이천
    assert_eq!(topic("9.11"), "9.11은"); // 구 점 일일
    assert_eq!(with("7", Particle::Toward), "7로"); // 칠로
    assert_eq!(with("3", Particle::Toward), "3으로");
    assert_eq!(topic("1000000000000"), "1000000000000는"); // 일조
}

#[test]
fn latin_words_and_acronyms() {
    assert_eq!(with("me", Particle::Object), "me를");
    assert_eq!(topic("abc"), "abc는");
    assert_eq!(topic("GPT"), "GPT는");
    assert_eq!(topic("LLM"), "LLM은");
    assert_eq!(topic("RL"), "RL은");
    assert_eq!(with("RL", Particle::Toward), "RL로");
    assert_eq!(topic("token"), "token은");
    assert_eq!(topic("model"), "model은");
    assert_eq!(topic("agents"), "agents는");
    assert_eq!(topic("app"), "app은");
    assert_eq!(topic("chat"), "chat은");
    assert_eq!(topic("code"), "code는");
    assert_eq!(topic("agent"), "agent는");
    assert_eq!(topic("book"), "book은");
    assert_eq!(topic("stack"), "stack은");
    assert_eq!(topic("back"), "back은");
    assert_eq!(topic("asdfgh"), "asdfgh는");
}

#[test]
fn marks_around_the_word_are_not_read() {
    assert_eq!(topic("**RLHF**"), "**RLHF**는");
    assert_eq!(topic("「앞으로의 전망」"), "「앞으로의 전망」은");
    assert_eq!(topic("`abc`"), "`abc`는");
    assert_eq!(topic("`1:35:00`"), "`1:35:00`은");
    assert_eq!(topic("ㅇㅇㅈㅌ"), "ㅇㅇㅈㅌ은");
    assert_eq!(topic(""), "는");
    assert_eq!(topic("🤖"), "🤖는");
}

proptest! {
    /// Any Hangul syllable: the shape follows its final consonant exactly.
    #[test]
    fn hangul_syllables_follow_their_final(code in 0xAC00u32..=0xD7A3) {
        let c = char::from_u32(code).unwrap();
        let jong = (code - 0xAC00) % 28;
        let expected = if jong == 0 { "는" } else { "은" };
        prop_assert_eq!(particle(&c.to_string(), Particle::Topic), expected);
        let toward = if jong == 0 || jong == 8 { "로" } else { "으로" };
        prop_assert_eq!(particle(&c.to_string(), Particle::Toward), toward);
    }

    /// Any number: the shape follows the Sino-Korean reading of its end.
    #[test]
    fn numbers_follow_their_reading(n in 0u64..10_000_000_000) {
        let s = n.to_string();
        let reading = sino_korean(n);
        let last = reading.chars().last().unwrap();
        let expected = if hangul_ending(last) == Some(Ending::Vowel) { "가" } else { "이" };
        prop_assert_eq!(particle(&s, Particle::Subject), expected, "{} read {}", s, reading);
    }

    /// A random word of Hangul, Latin letters and digits ending in a Hangul
    /// syllable, a number or an acronym: the shape is decided by that end
    /// alone, read aloud (the syllable's final, the number's Sino-Korean
    /// reading, the last letter's name: only L 엘, M 엠, N 엔, R 알 end in a
    /// consonant).
    #[test]
    fn mixed_words_follow_their_readable_end(
        prefix in "[가-힣a-zA-Z0-9]{0,8}",
        syllable in 0xAC00u32..=0xD7A3,
        n in 0u64..1_000_000,
        acronym in "[A-Z]{2,5}",
    ) {
        let c = char::from_u32(syllable).unwrap();
        prop_assert_eq!(
            particle(&format!("{prefix}{c}"), Particle::Topic),
            particle(&c.to_string(), Particle::Topic)
        );
        let number = format!("{prefix} {n}");
        prop_assert_eq!(
            particle(&number, Particle::Topic),
            particle(&n.to_string(), Particle::Topic),
            "{}", number
        );
        let last = acronym.chars().last().unwrap();
        let expected = if "LMNR".contains(last) { "은" } else { "는" };
        let word = format!("{prefix} {acronym}");
        prop_assert_eq!(particle(&word, Particle::Topic), expected, "{}", word);
    }

    /// Any mix of Hangul, Latin letters, digits and marks: one of the two
    /// shapes, never both, never a panic.
    #[test]
    fn any_word_gets_exactly_one_shape(word in "[가-힣a-zA-Z0-9 `*.:「」!?🤖]{0,12}") {
        for p in [Particle::Topic, Particle::Subject, Particle::Object, Particle::With,
                  Particle::Toward, Particle::Copula, Particle::Named] {
            let (a, b) = p.shapes();
            let got = particle(&word, p);
            prop_assert!(got == a || got == b);
            prop_assert!(!with(&word, p).contains('('));
        }
    }
}

/// A plain Sino-Korean reading, written independently of the rule above,
/// to check it: 21 → 이십일, 100 → 백, 0 → 영.
fn sino_korean(mut n: u64) -> String {
    if n == 0 {
        return "영".into();
    }
    const DIGITS: [&str; 10] = ["", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"];
    const SMALL: [&str; 4] = ["", "십", "백", "천"];
    const BIG: [&str; 4] = ["", "만", "억", "조"];
    let mut groups = Vec::new();
    let mut big = 0;
    while n > 0 {
        let group = n % 10_000;
        n /= 10_000;
        if group > 0 {
            let mut g = String::new();
            for (i, small) in SMALL.iter().enumerate().rev() {
                let d = (group / 10u64.pow(i as u32) % 10) as usize;
                if d == 0 {
                    continue;
                }
                if d > 1 || i == 0 {
                    g.push_str(DIGITS[d]);
                }
                g.push_str(small);
            }
            g.push_str(BIG[big]);
            groups.push(g);
        }
        big += 1;
    }
    groups.reverse();
    groups.concat()
}
