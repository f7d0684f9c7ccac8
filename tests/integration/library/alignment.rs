//! Aligning notes to captions (`lectern::library::align`).

use crate::support::corpus::lectern_with;

#[test]
fn explore_v1() {
    let Some((_dir, lectern)) = lectern_with("kr-translated-v1", true) else {
        return;
    };
    let course = &lectern.library.courses[0];
    let (mut all, mut conf) = (0, 0);
    for ch in &course.chapters {
        let Some(n) = &ch.notes else { continue };
        let c = n
            .body
            .iter()
            .filter(|p| p.spoken.is_some_and(|s| s.confident()))
            .count();
        all += n.body.len();
        conf += c;
        let spans: Vec<String> = n
            .body
            .iter()
            .map(|p| match p.spoken {
                Some(s) => format!("{}{}", s.start, if s.confident() { "" } else { "?" }),
                None => "-".into(),
            })
            .collect();
        println!(
            "ch{} [{}-{}] {}/{}: {}",
            ch.number,
            ch.start,
            ch.end,
            c,
            n.body.len(),
            spans.join(" ")
        );
    }
    println!("confident {conf}/{all}");
    for d in &lectern.library.diagnostics {
        println!("{d}");
    }
}
