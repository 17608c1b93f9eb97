//! The pure domain core: legal rules, calendars, money and the powers catalog.
//!
//! Nothing in here knows about SQL, the terminal, documents or the file system: every function
//! takes values and returns values (or typed errors), so each legal rule can be tested on its own.
//! `tests/architecture.rs` fails if a file under `src/domain/` imports `store`, `tui`, `report`,
//! `cli`, `rusqlite`, `ratatui` or `std::fs`.

pub mod agency;
pub mod calendar;
pub mod case;
pub mod catalog;
pub mod chinese;
pub mod field;
pub mod holiday_table;
pub mod identity;
pub mod money;
pub mod people;
pub mod procedure_settings;
pub mod retention;
pub mod search;
