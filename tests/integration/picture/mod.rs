//! Pictures: golden renders, any spec gives a PNG or a typed error, `/where`
//! through the core, and pictures delivered to Discord (gateway, HTTP, `ask`).

mod delivery;
mod golden;
mod props;
mod where_answer;
