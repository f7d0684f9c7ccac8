//! Chapter parsing from arbitrary bytes: never panics; what it accepts is
//! consistent ([`common::bodies::chapter_file`]).
#![no_main]
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| common::bodies::chapter_file(data));
