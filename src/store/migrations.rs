//! Schema migrations, applied in order on open; `PRAGMA user_version` records how many ran.
//! Never edit a shipped migration: add a new one.

use rusqlite_migration::{Migrations, M};

/// `PRAGMA application_id` of a zhifa database ("ZHFA"), so that zhifa refuses to migrate
/// some other program's SQLite file.
pub const APPLICATION_ID: i32 = 0x5a48_4641;

const V1: &str = r#"
CREATE TABLE agency (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    township        TEXT NOT NULL,
    full_name       TEXT NOT NULL,
    abbr            TEXT NOT NULL,
    address         TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    review_body     TEXT NOT NULL DEFAULT '',
    court           TEXT NOT NULL DEFAULT '',
    case_no_pattern TEXT NOT NULL,
    created_at      TEXT NOT NULL
);

-- Free-form settings (policy switches for M-tagged rules and the like), one value per key.
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Each catalog load: the template at init, or a team's list imported later.
CREATE TABLE catalog_import (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL,
    version        TEXT NOT NULL,
    template       INTEGER NOT NULL,
    effective_from TEXT NOT NULL,
    source         TEXT NOT NULL,
    imported_at    TEXT NOT NULL,
    added          INTEGER NOT NULL,
    changed        INTEGER NOT NULL,
    retired        INTEGER NOT NULL
);

-- One row per version of a power. A case will point at the row (version) that applied to it,
-- so an old case keeps the law that applied when the act was committed.
CREATE TABLE power (
    id             INTEGER PRIMARY KEY,
    code           TEXT NOT NULL,
    version        INTEGER NOT NULL,
    effective_from TEXT NOT NULL,
    effective_to   TEXT,
    field          TEXT NOT NULL,
    subfield       TEXT NOT NULL,
    name           TEXT NOT NULL,
    own_name       INTEGER NOT NULL,
    data           TEXT NOT NULL,          -- the whole Power as JSON (catalog file format)
    import_id      INTEGER NOT NULL REFERENCES catalog_import(id),
    UNIQUE (code, version),
    CHECK (effective_to IS NULL OR effective_to >= effective_from)
);
CREATE INDEX power_current ON power(code) WHERE effective_to IS NULL;
CREATE INDEX power_field ON power(field, code);

-- One row per year of the State Council holiday notice.
CREATE TABLE holiday_year (
    year        INTEGER PRIMARY KEY,
    source      TEXT NOT NULL,
    data        TEXT NOT NULL,             -- the HolidayYear as JSON
    imported_at TEXT NOT NULL
);
"#;

pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![M::up(V1)])
}

/// The schema version this binary writes.
pub const LATEST: i64 = 1;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid_and_latest_matches() {
        migrations().validate().unwrap();
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        migrations().to_latest(&mut conn).unwrap();
        let v: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, LATEST);
    }
}
