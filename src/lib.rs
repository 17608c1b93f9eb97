//! zhifa (执法案卷台): case desk for township comprehensive administrative law enforcement.
//!
//! Layers, from the inside out (see ARCHITECTURE.md):
//! - [`domain`]: pure legal rules, calendar, money, catalog and documents' content. No IO.
//!   Its own crate (`crates/zhifa-domain`); [`assets`] is its compiled-in data.
//! - [`store`]: the SQLite file (rusqlite), migrations, queries, the audit chain.
//! - [`desk`]: the one place that loads a case, applies a domain step and saves it.
//! - [`documents`]: lays out the domain's papers as text and PDF (typst).
//! - [`report`]: statistics and spreadsheet exports.
//! - [`cli`]: the `zhifa` command line (clap); [`tui`]: the terminal UI (ratatui).
//! - Around them: [`step_input`] (reading a step's fields), [`output`] (the no-clobber file
//!   guard), [`user_files`] (reading the files a user names), [`paths`], [`logging`], [`text`], and the demo builders ([`demo`], [`generate`],
//!   [`workload`]).
pub mod cli;
pub mod demo;
pub mod desk;
pub mod documents;
pub mod generate;
pub mod logging;
pub mod output;
pub mod paths;
pub mod report;
pub mod step_input;
pub mod store;
pub mod text;
pub mod tui;
pub mod user_files;
pub mod workload;

/// The pure domain core, a crate of its own (`crates/zhifa-domain`).
pub use zhifa_domain as domain;
/// Data compiled into the binary, kept with the domain that reads it.
pub use zhifa_domain::assets;
