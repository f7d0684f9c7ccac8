//! The slash-line parser of `ask` and the answers behind it: never panics
//! ([`common::bodies::slash`]).
#![no_main]
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|input: &str| common::bodies::slash(common::lectern(), input));
