//! A key point is said somewhere: a search that matches only a key point
//! links to the paragraph it is said in and shows that paragraph; a key
//! point said nowhere still links to its chapter's start.

use lectern::app::Lectern;
use lectern::library::SaidIn;

use super::alignment::COURSE_YAML;
use crate::support::{load_with_index, tempdir};

const ONE: &str = "---\ntitle: \"1. One\"\nchapter: 1\n---\n\n## 요약\n\n요약.\n\n\
## 핵심 포인트\n\n- **게이밍**: 보상 모델을 속이는 입력\n- **펠리컨**: 농담 평가\n\n\
## 전체 번역\n\n[0:10] 처음에는 학습 데이터를 봅니다.\n\n\
[0:40] 보상 모델을 속이는 입력을 찾을 수 있습니다.\n\n\
[0:50] 마지막 이야기입니다.\n";

fn talk() -> (tempfile::TempDir, Lectern) {
    let dir = tempdir();
    let course = dir.path().join("talk");
    std::fs::create_dir_all(&course).unwrap();
    std::fs::write(course.join("course.yaml"), COURSE_YAML).unwrap();
    std::fs::write(course.join("01-one.md"), ONE).unwrap();
    let lectern = load_with_index(&course);
    (dir, lectern)
}

#[test]
fn a_key_point_match_links_where_it_is_said_and_shows_that_paragraph() {
    let (_dir, lectern) = talk();
    let notes = lectern.library.courses[0].chapters[0]
        .notes
        .as_ref()
        .unwrap();
    let at = SaidIn {
        chapter: 1,
        paragraph: 1,
    };
    assert_eq!(notes.key_points_said, vec![Some(at), None]);
    let hits = lectern.index.search(&lectern.library, "게이밍", None, 5);
    let m = &hits.first().expect("a hit for 게이밍").moments[0];
    assert_eq!((m.moment.seconds, m.moment.approximate), (40, false));
    assert!(m.snippet.contains("속이는 입력을 찾을"), "{m:?}");
}

#[test]
fn a_key_point_said_nowhere_links_to_the_chapter_start() {
    let (_dir, lectern) = talk();
    let hits = lectern.index.search(&lectern.library, "펠리컨", None, 5);
    let m = &hits.first().expect("a hit for 펠리컨").moments[0];
    assert_eq!(m.moment.seconds, 0);
    assert!(
        m.snippet.contains("펠리컨") && m.snippet.contains("평가"),
        "{m:?}"
    );
}
