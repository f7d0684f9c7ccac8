//! Rendering to Discord payloads: arbitrary text in every argument of every
//! command, and arbitrary button ids, give payloads within Discord's limits
//! ([`common::bodies::discord_render`]).
#![no_main]
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|input: &str| common::bodies::discord_render(common::lectern(), input));
