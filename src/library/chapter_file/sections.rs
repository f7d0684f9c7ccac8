//! Which part of a chapter file a heading or a bold label opens: summary, key
//! points, translation or transcript (in the spellings real authors use).

use crate::library::model::BodyKind;

/// The part of the file a block belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Section {
    Preamble,
    Summary,
    KeyPoints,
    Body(BodyKind),
    Other,
}

pub(super) fn classify_heading(text: &str) -> Option<Section> {
    let key = heading_key(text);
    Some(match key.as_str() {
        "요약" | "이챕터요약" | "챕터요약" | "summary" | "개요" => Section::Summary,
        "핵심포인트" | "핵심개념" | "핵심정리" | "keypoints" | "핵심" => {
            Section::KeyPoints
        }
        "전체번역" | "번역" | "translation" | "본문" | "한국어번역" => {
            Section::Body(BodyKind::Translation)
        }
        "영어원문트랜스크립트"
        | "트랜스크립트"
        | "영어원문"
        | "원문"
        | "transcript"
        | "englishtranscript" => Section::Body(BodyKind::Transcript),
        _ => return None,
    })
}

/// A heading or label reduced for comparison: no spaces, punctuation, or
/// parenthesised remark, lowercased.
fn heading_key(text: &str) -> String {
    let text = match text.find(['(', '（']) {
        Some(i) if i > 0 => &text[..i],
        _ => text,
    };
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}
