//! Time parsing: never panics; every accepted time formats and parses back.
#![no_main]
use lectern::timecode::{format_time, parse_time, parse_time_ref, parse_youtube_url};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    if let Ok(s) = parse_time(input) {
        assert_eq!(parse_time(&format_time(s)), Ok(s));
    }
    let _ = parse_time_ref(input);
    let _ = parse_youtube_url(input);
});
