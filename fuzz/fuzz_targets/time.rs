//! Time parsing: never panics; every accepted time formats and parses back
//! ([`common::bodies::time`]).
#![no_main]
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|input: &str| common::bodies::time(input));
