//! Picture performance targets (issue 14):
//! - the `/where` strip at Discord's display size (800×300) renders with p99 < 20 ms;
//! - its PNG stays under 200 KB;
//! - the font is loaded once at start: its time and the memory it takes;
//! - a whole `/where` answer on the shipped content (passages + picture).
//!
//! Run with `cargo bench --bench picture`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
use lectern::answer::{answer, Command, Locale, Request};
use lectern::app::Lectern;
use lectern::config::Config;
use lectern::picture::{
    board, load_font, timeline, BoardMember, BoardSpec, ChapterStart, DensitySample, Mark,
    TimelineSpec,
};

#[path = "support/timing.rs"]
mod timing;
use timing::percentiles;

/// Counts live heap bytes so the font's memory can be measured.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// A 3:31:24 lecture with 21 chapters, caption-like samples every 15 s and three marks.
fn strip() -> TimelineSpec {
    TimelineSpec {
        title: "‘에이전트’가 나오는 곳".into(),
        subtitle: "LLM 깊이 알아보기 · 3:31:24 · 21개 챕터".into(),
        duration: 12_684,
        chapters: (0..21)
            .map(|i| ChapterStart {
                number: i + 1,
                start: i * 604,
            })
            .collect(),
        density: (0..12_684 / 15)
            .map(|i| DensitySample {
                time: i * 15,
                weight: ((i % 97) as f32 / 97.0).powi(3),
            })
            .collect(),
        marks: vec![
            Mark {
                time: 2_000,
                rank: 1,
            },
            Mark {
                time: 7_400,
                rank: 2,
            },
            Mark {
                time: 11_000,
                rank: 3,
            },
        ],
    }
}

fn group() -> BoardSpec {
    BoardSpec {
        title: "스터디 진도".into(),
        chapters: (1..=21).collect(),
        members: (0..25)
            .map(|i| BoardMember {
                name: format!("스터디원 {i}"),
                done: (1..=21).filter(|c| c % (i % 5 + 1) == 0).collect(),
            })
            .collect(),
        totals_label: "합계".into(),
        page: 0,
    }
}

fn font_once() {
    let before = LIVE.load(Ordering::Relaxed);
    let info = load_font().expect("font loads");
    let heap = LIVE.load(Ordering::Relaxed).saturating_sub(before);
    println!(
        "font: first load {:?}, heap {heap} bytes, {} glyphs, {} bytes compiled in",
        info.load_time, info.glyphs, info.bytes
    );
}

fn pictures(c: &mut Criterion) {
    font_once();
    let (strip, group) = (strip(), group());
    let png = timeline(&strip).expect("strip renders");
    let board_png = board(&group).expect("board renders");
    println!(
        "sizes: strip {}×{} {} bytes, board {}×{} {} bytes",
        png.width,
        png.height,
        png.bytes.len(),
        board_png.width,
        board_png.height,
        board_png.bytes.len()
    );
    percentiles("timeline 800x300", 300, || {
        timeline(&strip).unwrap();
    });
    percentiles("board 25x21", 100, || {
        board(&group).unwrap();
    });
    let config = Config::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("config/lectern.yaml"))
        .expect("shipped config loads");
    let lectern = Lectern::load(&config, &config.content);
    let ask = Request::new(
        Command::Where {
            course: None,
            query: "에이전트".into(),
        },
        Locale::Ko,
    );
    let bytes = answer(&lectern, &ask)
        .attachment
        .map_or(0, |f| f.bytes.len());
    println!("/where 에이전트 on the shipped content: picture {bytes} bytes");
    percentiles("/where answer", 200, || {
        answer(&lectern, &ask);
    });
    c.bench_function("timeline", |b| b.iter(|| timeline(&strip).unwrap()));
    c.bench_function("board", |b| b.iter(|| board(&group).unwrap()));
}

criterion_group!(benches, pictures);
criterion_main!(benches);
