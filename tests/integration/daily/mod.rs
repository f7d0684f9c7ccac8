//! The daily chapter post (`src/daily`, `store/daily.rs`, `/daily`,
//! `discord/daily.rs`): the pure rules, the claims in the database, the
//! command, and the scheduler against the fake Discord with a controllable
//! clock.

mod channel_check;
mod command;
mod rules;
mod scheduler;
mod serving;
mod store;
