//! Integration tests for the core: loading real and hostile content, every
//! command's answer (golden files), the command-line contract, and adversarial
//! input. Modules mirror `src/`.

mod support;

mod adversarial;
mod answer;
mod cli;
mod hostile;
mod http;
mod library;
mod live;
