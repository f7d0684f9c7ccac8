//! Query normalisation and search: never panics; suggestions stay within
//! Discord's limits ([`common::bodies::search`]).
#![no_main]
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|input: &str| common::bodies::search(common::lectern(), input));
