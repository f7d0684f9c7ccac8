//! Notes alone, no captions: a chapter is where the query is said when its
//! text says it. A key point or summary that lists a word is the author's
//! gist of the chapter; the chapter whose translation explains the word is
//! where a link should take the reader (on a tiny course of our own).

use lectern::search::{Glossary, MatchField};

use super::chapter_file as chapter;

const COURSE: &str = r#"id: talk
title: "A Talk"
title_ko: "강연"
video: "abcdefghijk"
duration: "0:30:00"
chapters:
  - number: 1
    start: "0:00:00"
    title: "Training"
  - number: 2
    start: "0:10:00"
    title: "Hardware"
  - number: 3
    start: "0:20:00"
    title: "Inference"
"#;

#[test]
fn the_chapter_whose_text_says_the_query_leads_one_that_only_lists_it() {
    let files = [
        chapter(
            1,
            "Training",
            "모델을 오래 학습시키는 과정입니다.",
            &["GPU 클러스터에서 수개월간 학습"],
            "모델은 인터넷 문서로 몇 달 동안 학습합니다.",
        ),
        chapter(
            2,
            "Hardware",
            "학습에 드는 장비입니다.",
            &["데이터 센터의 규모"],
            "GPU는 행렬 곱셈을 병렬로 합니다. 데이터 센터에는 GPU가 수천 개 있고, GPU 한 대는 시간당 3달러입니다.",
        ),
        chapter(
            3,
            "Inference",
            "학습된 모델로 글을 만듭니다.",
            &["토큰을 하나씩 샘플링"],
            "추론은 토큰을 하나씩 뽑는 일입니다.",
        ),
    ];
    let names = ["01.md", "02.md", "03.md"];
    let mut files: Vec<(&str, &str)> = names
        .iter()
        .copied()
        .zip(files.iter().map(String::as_str))
        .collect();
    files.push(("course.yaml", COURSE));
    let (library, index) = crate::support::tiny_course("talk", &files, &Glossary::default());
    assert!(library.courses.len() == 1, "{:?}", library.diagnostics);
    assert!(library.courses[0].captions.is_none());
    let hits = index.search(&library, "GPU", None, 5);
    let chapters: Vec<u32> = hits.iter().map(|h| h.chapter).collect();
    assert_eq!(chapters, vec![2, 1], "{hits:?}");
    let m = &hits[0].moments[0];
    assert_eq!(m.field, MatchField::Translation);
    assert_eq!(m.moment.seconds, 600);
}
