//! The pure domain core: legal rules, calendars, money and the powers catalog.
//!
//! Nothing in here knows about SQL, the terminal, documents or the file system: every function
//! takes values and returns values (or typed errors), so each legal rule can be tested on its own.
//! It is its own crate so the compiler keeps it that way: its manifest lists no SQLite, terminal
//! or PDF crate, and `cargo test -p zhifa-domain` runs the legal core without building them.
//! The application crate re-exports it as `zhifa::domain`.

pub mod agency;
pub mod assets;
pub mod calendar;
pub mod case;
pub mod catalog;
pub mod chinese;
pub mod documents;
pub mod enforcement;
pub mod field;
pub mod holiday_table;
pub mod identity;
pub mod inspection;
pub mod lead;
pub mod ledger;
pub mod ledger_import;
pub mod money;
pub mod patrol;
pub mod people;
pub mod privacy;
pub mod procedure_settings;
pub mod retention;
pub mod review;
pub mod search;
pub mod security_settings;
pub mod stats;
pub mod text;

/// The value whose serde name is `name` (the inverse of `serde_name` for unit variants).
pub fn from_serde_name<T: serde::de::DeserializeOwned>(name: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
}

/// The name serde gives an enum value: the Chinese name for the legal enums (`视听资料`,
/// `直接送达`) or the snake_case code for vocabularies such as `ActionKind`.
pub fn serde_name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}
