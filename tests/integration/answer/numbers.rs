//! Numbers typed with a Korean keyboard in full-width mode (`２１`) read as
//! the ASCII ones do: a chapter, a page, a count.

use lectern::answer::Locale;
use lectern::cli::ask::{render, respond};
use lectern::cli::Format;

use crate::support::shipped;

fn same_answer(full_width: &str, ascii: &str) {
    let lectern = shipped();
    for l in [Locale::Ko, Locale::En] {
        let wide = respond(&lectern, full_width, l);
        assert!(
            wide.is_ok(),
            "{full_width}: {}",
            render(&wide, Format::Text)
        );
        assert_eq!(
            render(&wide, Format::Text),
            render(&respond(&lectern, ascii, l), Format::Text),
            "{full_width} vs {ascii}"
        );
    }
}

#[test]
fn a_full_width_chapter_number_is_the_chapter() {
    same_answer("/summary ２１", "/summary 21");
    same_answer("/keypoints chapter:２２", "/keypoints chapter:22");
    same_answer("/link ２１ +2:30", "/link 21 +2:30");
}

#[test]
fn full_width_page_and_count_are_numbers() {
    same_answer("/read 21 page:１", "/read 21 page:1");
    same_answer("/search 토큰 limit:３", "/search 토큰 limit:3");
    same_answer("/read 토큰화 ２", "/read 토큰화 2");
}
