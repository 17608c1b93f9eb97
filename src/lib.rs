//! zhifa (执法案卷台): case desk for township comprehensive administrative law enforcement.
//!
//! Layers, from the inside out (see ARCHITECTURE.md):
//! - [`domain`]: pure legal rules, calendar, money and catalog. No IO.
//! - [`store`]: the SQLite file (rusqlite), migrations and queries.
//! - [`cli`]: the `zhifa` command line (clap), a thin layer over store + domain.
//! - [`assets`]: data compiled into the binary (catalog template, holiday tables).

pub mod assets;
pub mod cli;
pub mod demo;
pub mod desk;
pub mod documents;
pub mod domain;
pub mod generate;
pub mod logging;
pub mod output;
pub mod paths;
pub mod report;
pub mod step_input;
pub mod store;
pub mod text;
pub mod tui;
pub mod workload;
