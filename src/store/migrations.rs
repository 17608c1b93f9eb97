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

const V2: &str = r#"
-- Staff. Roles are a JSON array of Chinese role names.
CREATE TABLE staff (
    id               INTEGER PRIMARY KEY,
    username         TEXT NOT NULL UNIQUE,
    name             TEXT NOT NULL,
    roles            TEXT NOT NULL,
    squad            TEXT NOT NULL DEFAULT '',
    cert_no          TEXT,
    cert_valid_until TEXT,
    legal_qualified  INTEGER NOT NULL DEFAULT 0,
    active           INTEGER NOT NULL DEFAULT 1,
    password_hash    TEXT NOT NULL,
    failed_logins    INTEGER NOT NULL DEFAULT 0,
    locked_until     TEXT,
    created_at       TEXT NOT NULL
);

-- One serial per year, shared by every case of the agency.
CREATE TABLE case_serial (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
);

-- The case: the whole domain Case as JSON, plus the columns lists and searches use.
CREATE TABLE case_file (
    id             INTEGER PRIMARY KEY,
    year           INTEGER NOT NULL,
    serial         INTEGER NOT NULL,
    case_no        TEXT NOT NULL UNIQUE,
    procedure      TEXT NOT NULL,
    stage          TEXT NOT NULL,
    outcome        TEXT,
    power_id       INTEGER NOT NULL REFERENCES power(id),
    power_code     TEXT NOT NULL,
    power_name     TEXT NOT NULL,
    field          TEXT NOT NULL,
    party_names    TEXT NOT NULL,
    party_ids      TEXT NOT NULL,
    place          TEXT NOT NULL,
    squad          TEXT NOT NULL,
    proposed_on    TEXT NOT NULL,
    fine           INTEGER NOT NULL DEFAULT 0,
    next_due       TEXT,
    next_due_kind  TEXT,
    next_due_state TEXT,
    data           TEXT NOT NULL,
    version        INTEGER NOT NULL,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT NOT NULL,
    UNIQUE (year, serial)
);
CREATE INDEX case_stage ON case_file(stage, year DESC, serial DESC);
CREATE INDEX case_due ON case_file(next_due) WHERE next_due IS NOT NULL;
CREATE INDEX case_order ON case_file(year DESC, serial DESC);

-- Who handles which case (for "my cases").
CREATE TABLE case_handler (
    case_id INTEGER NOT NULL REFERENCES case_file(id),
    user_id INTEGER NOT NULL REFERENCES staff(id),
    PRIMARY KEY (case_id, user_id)
) WITHOUT ROWID;
CREATE INDEX case_handler_user ON case_handler(user_id);

-- Every computed deadline of every case, replaced whenever the case or the calendar changes.
CREATE TABLE deadline (
    case_id INTEGER NOT NULL REFERENCES case_file(id),
    kind    TEXT NOT NULL,
    idx     INTEGER NOT NULL,
    due     TEXT,
    state   TEXT NOT NULL,
    detail  TEXT NOT NULL,
    PRIMARY KEY (case_id, kind, idx)
) WITHOUT ROWID;
CREATE INDEX deadline_open ON deadline(state, due);

-- Append-only audit log; each entry's hash covers the previous entry's hash.
CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    user_id   INTEGER,
    user_name TEXT NOT NULL,
    case_id   INTEGER,
    action    TEXT NOT NULL,
    summary   TEXT NOT NULL,
    detail    TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
CREATE INDEX audit_case ON audit(case_id, id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
"#;

/// Instant search: case number, party names and ID numbers, place, power, facts and the
/// pinyin initials of names and places, lower-cased. Filled by the store on every write;
/// forgetting the refresh day makes the next desk session fill it for existing rows.
const V3: &str = r#"
ALTER TABLE case_file ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
DELETE FROM setting WHERE key = 'deadlines.refreshed_on';
"#;

/// Team-leader tools: 案卷评查 rounds, 过错责任 records, the patrol log and imported
/// ledger rows (台账 kept from before zhifa, not cases).
const V4: &str = r#"
CREATE TABLE review_round (
    id            INTEGER PRIMARY KEY,
    case_id       INTEGER NOT NULL REFERENCES case_file(id),
    round         INTEGER NOT NULL,
    reviewer_id   INTEGER NOT NULL REFERENCES staff(id),
    reviewer_name TEXT NOT NULL,
    date          TEXT NOT NULL,
    score         INTEGER NOT NULL,
    grade         TEXT NOT NULL,
    data          TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    UNIQUE (case_id, round)
);
CREATE INDEX review_round_date ON review_round(date);

CREATE TABLE fault_record (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES case_file(id),
    category    TEXT NOT NULL,
    finding     TEXT NOT NULL,
    outcome     TEXT NOT NULL DEFAULT '',
    date        TEXT NOT NULL,
    recorded_by INTEGER NOT NULL REFERENCES staff(id),
    created_at  TEXT NOT NULL
);
CREATE TABLE fault_officer (
    fault_id INTEGER NOT NULL REFERENCES fault_record(id),
    user_id  INTEGER NOT NULL REFERENCES staff(id),
    PRIMARY KEY (fault_id, user_id)
) WITHOUT ROWID;

CREATE TABLE patrol (
    id         INTEGER PRIMARY KEY,
    date       TEXT NOT NULL,
    squad      TEXT NOT NULL,
    data       TEXT NOT NULL,
    created_by INTEGER NOT NULL REFERENCES staff(id),
    created_at TEXT NOT NULL
);
CREATE INDEX patrol_date ON patrol(date);

CREATE TABLE ledger_record (
    id          INTEGER PRIMARY KEY,
    case_no     TEXT NOT NULL UNIQUE,
    data        TEXT NOT NULL,
    source      TEXT NOT NULL,
    imported_at TEXT NOT NULL
);
"#;

/// Instant search at 100,000 cases: an FTS5 index of the 1- to 3-character pieces of each
/// case's search text in order (`domain::search::index_terms`), with positions, so that a
/// longer query is a phrase of pieces and every answer is exact. Its rowid is the case's
/// list order (`year * 10^7 + serial`), so that the newest matches come first without a
/// sort. Contentless (the text is in `case_file.search_text`). The store fills it for
/// existing cases on the first open after this migration (the `search.rebuild` mark).
const V5: &str = r#"
CREATE VIRTUAL TABLE case_search USING fts5(
    terms, content='', contentless_delete=1, tokenize='ascii'
);
INSERT INTO setting (key, value) VALUES ('search.rebuild', '1')
    ON CONFLICT(key) DO UPDATE SET value = '1';
"#;

/// Ledger imports as a whole: each import is numbered, its rows carry the number and are
/// shown only once the import is `done`, so a large import is moved in short batches
/// (other desks never wait long) and can be undone as a whole. Rows imported before keep
/// `import_id` NULL and stay shown.
const V6: &str = r#"
CREATE TABLE ledger_import (
    id          INTEGER PRIMARY KEY,
    source      TEXT NOT NULL,
    state       TEXT NOT NULL CHECK (state IN ('loading', 'done', 'undone')),
    rows        INTEGER NOT NULL DEFAULT 0,
    user_id     INTEGER,
    user_name   TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT
);
ALTER TABLE ledger_record ADD COLUMN import_id INTEGER REFERENCES ledger_import(id);
CREATE INDEX ledger_record_import ON ledger_record(import_id);
"#;

/// State bound to the chain: each entry is signed (HMAC under the key in the witness file,
/// see `store::witness`), and the first open seals the current state (`chain.seal_pending`).
const V7: &str = r#"
ALTER TABLE audit ADD COLUMN mac TEXT;
INSERT INTO setting (key, value) VALUES ('chain.seal_pending', '1')
    ON CONFLICT(key) DO UPDATE SET value = '1';
"#;

/// Vocabulary columns hold codes, not display labels (`store::codes`): a deadline's state
/// and the list's next deadline state, kind and outcome are rewritten from the labels
/// earlier versions stored (a stage's label was already its code). These columns are
/// derived, not bound to the chain (`state::KINDS`), and `check` recomputes them; the first
/// open after the migration records it in the chain (`codes.migrated_pending`). The open
/// deadlines' index is made anew under a new name, which marks this version.
const V8: &str = r#"
UPDATE deadline SET state = CASE state
    WHEN '已完成' THEN 'met' WHEN '逾期完成' THEN 'met_late' WHEN '未到期' THEN 'pending'
    WHEN '即将到期' THEN 'due_soon' WHEN '已逾期' THEN 'overdue' WHEN '无法计算' THEN 'unknown'
    ELSE state END;
UPDATE case_file SET
    next_due_state = CASE next_due_state
        WHEN '已完成' THEN 'met' WHEN '逾期完成' THEN 'met_late' WHEN '未到期' THEN 'pending'
        WHEN '即将到期' THEN 'due_soon' WHEN '已逾期' THEN 'overdue' WHEN '无法计算' THEN 'unknown'
        ELSE next_due_state END,
    next_due_kind = CASE next_due_kind
        WHEN '立案' THEN 'filing' WHEN '先行登记保存处理' THEN 'preservation'
        WHEN '查封扣押期限' THEN 'seizure' WHEN '陈述申辩' THEN 'statement'
        WHEN '听证申请' THEN 'hearing_request' WHEN '作出决定' THEN 'decision'
        WHEN '送达决定书' THEN 'service' WHEN '缴纳罚款' THEN 'payment'
        WHEN '申请强制执行' THEN 'court_application' WHEN '公示' THEN 'publication'
        ELSE next_due_kind END,
    outcome = CASE outcome
        WHEN '给予行政处罚' THEN 'penalty' WHEN '不予行政处罚' THEN 'no_penalty'
        WHEN '违法事实不能成立' THEN 'not_established'
        WHEN '移送司法机关' THEN 'transferred_judicial' WHEN '移送有关机关' THEN 'transferred'
        WHEN '不予立案' THEN 'not_filed' WHEN '撤销立案' THEN 'withdrawn'
        ELSE outcome END;
DROP INDEX deadline_open;
CREATE INDEX deadline_state_due ON deadline(state, due);
INSERT INTO setting (key, value) VALUES ('codes.migrated_pending', '1')
    ON CONFLICT(key) DO UPDATE SET value = '1';
"#;

/// Leads (案源/线索, `domain::lead`): one row per lead, its whole record as JSON in `data`
/// (bound to the chain like a case's), numbered per year of receipt; the stage and the
/// linked case are copied out for lists and for finding a case's leads.
const V9: &str = r#"
CREATE TABLE lead (
    id          INTEGER PRIMARY KEY,
    year        INTEGER NOT NULL,
    serial      INTEGER NOT NULL,
    received_on TEXT NOT NULL,
    stage       TEXT NOT NULL,
    case_id     INTEGER REFERENCES case_file(id),
    version     INTEGER NOT NULL,
    data        TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (year, serial)
);
CREATE INDEX lead_stage ON lead(stage, received_on);
CREATE INDEX lead_case ON lead(case_id) WHERE case_id IS NOT NULL;
"#;

/// Inspections (行政检查, `domain::inspection`): the objects inspected, recorded conflicts of
/// interest, plans with their one draw, and the inspection records; each record's JSON bound
/// to the chain like a case's.
const V10: &str = r#"
CREATE TABLE inspection_object (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    credit_code TEXT,
    field       TEXT NOT NULL,
    data        TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX inspection_object_code ON inspection_object(credit_code)
    WHERE credit_code IS NOT NULL;
CREATE TABLE inspection_conflict (
    id      INTEGER PRIMARY KEY,
    officer INTEGER NOT NULL REFERENCES staff(id),
    object  INTEGER NOT NULL REFERENCES inspection_object(id),
    reason  TEXT NOT NULL,
    UNIQUE (officer, object)
);
CREATE TABLE inspection_plan (
    id         INTEGER PRIMARY KEY,
    data       TEXT NOT NULL,
    draw       TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE inspection (
    id         INTEGER PRIMARY KEY,
    date       TEXT NOT NULL,
    object_id  INTEGER REFERENCES inspection_object(id),
    data       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX inspection_date ON inspection(date);
CREATE INDEX inspection_of_object ON inspection(object_id, date) WHERE object_id IS NOT NULL;
"#;

/// The day a conflict of interest (回避) was declared. Rows recorded before stay NULL, and
/// the chain hashes the column only when set (`state::Kind::added`), so they keep their hash.
const V11: &str = r#"
ALTER TABLE inspection_conflict ADD COLUMN recorded_on TEXT;
"#;

pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(V1),
        M::up(V2),
        M::up(V3),
        M::up(V4),
        M::up(V5),
        M::up(V6),
        M::up(V7),
        M::up(V8),
        M::up(V9),
        M::up(V10),
        M::up(V11),
    ])
}

/// The schema version this binary writes.
pub const LATEST: i64 = 11;

/// The schema version the file's tables show, whatever `user_version` says: the newest
/// migration whose mark (a table or column it added) is present.
pub(crate) fn actual_version(conn: &rusqlite::Connection) -> rusqlite::Result<i64> {
    let has = |sql: &str| -> rusqlite::Result<bool> {
        Ok(conn.query_row(sql, [], |r| r.get::<_, i64>(0))? > 0)
    };
    let table = |name: &str| {
        has(&format!(
            "SELECT count(*) FROM sqlite_master WHERE name = '{name}'"
        ))
    };
    let column = |table: &str, col: &str| {
        has(&format!(
            "SELECT count(*) FROM pragma_table_info('{table}') WHERE name = '{col}'"
        ))
    };
    let marks = [
        table("agency")?,
        table("staff")?,
        column("case_file", "search_text")?,
        table("review_round")?,
        table("case_search")?,
        table("ledger_import")?,
        column("audit", "mac")?,
        table("deadline_state_due")?,
        table("lead")?,
        table("inspection")?,
        column("inspection_conflict", "recorded_on")?,
    ];
    Ok(marks
        .iter()
        .rposition(|m| *m)
        .map(|i| i as i64 + 1)
        .unwrap_or(0))
}

/// Turns a file of this version back into what schema 7 wrote (labels in the vocabulary
/// columns, the old index name, no leads or inspections), for tests of opening older files.
#[cfg(test)]
pub(crate) const BACK_TO_V7: &str = r#"
UPDATE deadline SET state = CASE state
    WHEN 'met' THEN '已完成' WHEN 'met_late' THEN '逾期完成' WHEN 'pending' THEN '未到期'
    WHEN 'due_soon' THEN '即将到期' WHEN 'overdue' THEN '已逾期' WHEN 'unknown' THEN '无法计算'
    ELSE state END;
UPDATE case_file SET
    next_due_state = CASE next_due_state
        WHEN 'met' THEN '已完成' WHEN 'met_late' THEN '逾期完成' WHEN 'pending' THEN '未到期'
        WHEN 'due_soon' THEN '即将到期' WHEN 'overdue' THEN '已逾期' WHEN 'unknown' THEN '无法计算'
        ELSE next_due_state END,
    next_due_kind = CASE next_due_kind
        WHEN 'filing' THEN '立案' WHEN 'preservation' THEN '先行登记保存处理'
        WHEN 'seizure' THEN '查封扣押期限' WHEN 'statement' THEN '陈述申辩'
        WHEN 'hearing_request' THEN '听证申请' WHEN 'decision' THEN '作出决定'
        WHEN 'service' THEN '送达决定书' WHEN 'payment' THEN '缴纳罚款'
        WHEN 'court_application' THEN '申请强制执行' WHEN 'publication' THEN '公示'
        ELSE next_due_kind END,
    outcome = CASE outcome
        WHEN 'penalty' THEN '给予行政处罚' WHEN 'no_penalty' THEN '不予行政处罚'
        WHEN 'not_established' THEN '违法事实不能成立'
        WHEN 'transferred_judicial' THEN '移送司法机关' WHEN 'transferred' THEN '移送有关机关'
        WHEN 'not_filed' THEN '不予立案' WHEN 'withdrawn' THEN '撤销立案'
        ELSE outcome END;
DROP INDEX deadline_state_due;
CREATE INDEX deadline_open ON deadline(state, due);
DROP TABLE lead;
DROP TABLE inspection;
DROP TABLE inspection_plan;
DROP TABLE inspection_conflict;
DROP TABLE inspection_object;
PRAGMA user_version = 7;
"#;

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
