//! The Discord adapter: registered commands, golden interactions, every
//! payload within Discord's limits, `/reload`, and the real binary over the
//! gateway and over HTTP.

mod channel_access;
mod commands;
mod decode;
mod gateway;
mod golden;
mod http;
mod limits;
mod reload;
