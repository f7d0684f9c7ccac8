//! `/quiz` and `/review`: question generation on the real notes
//! ([`generation`]), and the answers as members see them.

mod commands;
mod generation;
mod glossary;
