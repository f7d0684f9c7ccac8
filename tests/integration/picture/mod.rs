//! Pictures: golden renders, and any spec gives a PNG or a typed error.

mod golden;
mod props;
