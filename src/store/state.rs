//! State bound to the audit chain. Every audit entry carries, under `detail.state`, the
//! SHA-256 of the new state of each record its transaction changed (a case, a member of
//! staff, a setting, the agency row, a catalog row, a holiday table), so that `check` can
//! recompute those hashes from the rows and name a record edited behind zhifa's back.
//!
//! Which records a transaction changed is tracked by TEMP triggers on zhifa's own
//! connection (invisible to anyone else's), which note each touched record in
//! `temp.dirty_subject`; `audit::append` takes the notes and hashes those rows.

use std::collections::{BTreeSet, HashMap};

use rusqlite::{Connection, OptionalExtension};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use super::Result;

/// Settings that are bookkeeping, not decisions: written without an audit entry.
pub(crate) const BOOKKEEPING_SETTINGS: &str =
    "'deadlines.refreshed_on', 'search.rebuild', 'search.text_version', 'chain.seal_pending', \
     'codes.migrated_pending'";

/// One kind of record bound to the chain.
pub(crate) struct Kind {
    pub name: &'static str,
    table: &'static str,
    key: &'static str,
    /// The columns that make up its state (lockout counters and list columns do not).
    columns: &'static [&'static str],
    /// Columns hashed but not copied into the entry (too big; cases keep diffs instead).
    hidden: &'static [&'static str],
    /// Columns a later schema added: hashed only when set, so a row written before keeps
    /// the hash its entry recorded.
    added: &'static [&'static str],
    /// Whether bookkeeping settings are left out (the setting table).
    skips_bookkeeping: bool,
}

pub(crate) const KINDS: &[Kind] = &[
    Kind {
        name: "case",
        table: "case_file",
        key: "id",
        columns: &[
            "id",
            "year",
            "serial",
            "case_no",
            "procedure",
            "power_id",
            "power_code",
            "power_name",
            "field",
            "squad",
            "proposed_on",
            "data",
        ],
        hidden: &["data"],
        added: &[],
        skips_bookkeeping: false,
    },
    Kind {
        name: "staff",
        table: "staff",
        key: "id",
        columns: &[
            "id",
            "username",
            "name",
            "roles",
            "squad",
            "cert_no",
            "cert_valid_until",
            "legal_qualified",
            "active",
            "password_hash",
            "created_at",
        ],
        hidden: &[],
        added: &[],
        skips_bookkeeping: false,
    },
    Kind {
        name: "setting",
        table: "setting",
        key: "key",
        columns: &["key", "value"],
        hidden: &[],
        added: &[],
        skips_bookkeeping: true,
    },
    Kind {
        name: "agency",
        table: "agency",
        key: "id",
        columns: &[
            "id",
            "township",
            "full_name",
            "abbr",
            "address",
            "phone",
            "review_body",
            "court",
            "case_no_pattern",
            "created_at",
        ],
        hidden: &[],
        added: &[],
        skips_bookkeeping: false,
    },
    Kind {
        name: "power",
        table: "power",
        key: "id",
        columns: &[
            "id",
            "code",
            "version",
            "effective_from",
            "effective_to",
            "field",
            "subfield",
            "name",
            "own_name",
            "data",
            "import_id",
        ],
        hidden: &[],
        added: &[],
        skips_bookkeeping: false,
    },
    Kind {
        name: "catalog_import",
        table: "catalog_import",
        key: "id",
        columns: &[
            "id",
            "name",
            "version",
            "template",
            "effective_from",
            "source",
            "imported_at",
            "added",
            "changed",
            "retired",
        ],
        hidden: &[],
        added: &[],
        skips_bookkeeping: false,
    },
    Kind {
        name: "lead",
        table: "lead",
        key: "id",
        columns: &["id", "year", "serial", "received_on", "case_id", "data"],
        hidden: &["data"],
        added: &[],
        skips_bookkeeping: false,
    },
    Kind {
        name: "inspection_object",
        table: "inspection_object",
        key: "id",
        columns: &["id", "name", "credit_code", "field", "data"],
        hidden: &[],
        added: &[],
        skips_bookkeeping: false,
    },
    Kind {
        name: "inspection_conflict",
        table: "inspection_conflict",
        key: "id",
        columns: &["id", "officer", "object", "reason", "recorded_on"],
        hidden: &[],
        added: &["recorded_on"],
        skips_bookkeeping: false,
    },
    Kind {
        name: "inspection_plan",
        table: "inspection_plan",
        key: "id",
        columns: &["id", "data", "draw"],
        hidden: &["data", "draw"],
        added: &[],
        skips_bookkeeping: false,
    },
    Kind {
        name: "inspection",
        table: "inspection",
        key: "id",
        columns: &["id", "date", "object_id", "data"],
        hidden: &["data"],
        added: &[],
        skips_bookkeeping: false,
    },
    Kind {
        name: "holiday",
        table: "holiday_year",
        key: "year",
        columns: &["year", "source", "data", "imported_at"],
        hidden: &[],
        added: &[],
        skips_bookkeeping: false,
    },
];

fn kind(name: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.name == name)
}

/// Creates the temp tables and triggers of this connection (idempotent). The notes table
/// has no key: an upsert's conflict policy would override a trigger's `OR IGNORE`.
pub(crate) fn install(conn: &Connection) -> rusqlite::Result<()> {
    let mut sql = String::from(
        "CREATE TEMP TABLE IF NOT EXISTS dirty_subject (subject TEXT NOT NULL);
         CREATE TEMP TABLE IF NOT EXISTS write_block (reason TEXT NOT NULL);",
    );
    for k in KINDS {
        let when = |row: &str| {
            if k.skips_bookkeeping {
                format!("WHEN {row}.key NOT IN ({BOOKKEEPING_SETTINGS})")
            } else {
                String::new()
            }
        };
        let note = |row: &str| {
            format!(
                "INSERT INTO dirty_subject VALUES ('{}:' || {row}.{});",
                k.name, k.key
            )
        };
        sql.push_str(&format!(
            "CREATE TEMP TRIGGER IF NOT EXISTS chain_{t}_ins AFTER INSERT ON main.{t} {w_new} BEGIN {n_new} END;
             CREATE TEMP TRIGGER IF NOT EXISTS chain_{t}_del AFTER DELETE ON main.{t} {w_old} BEGIN {n_old} END;
             CREATE TEMP TRIGGER IF NOT EXISTS chain_{t}_upd AFTER UPDATE OF {cols} ON main.{t} {w_new} BEGIN {n_old} {n_new} END;",
            t = k.table,
            w_new = when("NEW"),
            w_old = when("OLD"),
            n_new = note("NEW"),
            n_old = note("OLD"),
            cols = k.columns.join(", "),
        ));
    }
    conn.execute_batch(&sql)
}

/// Takes the records changed since the last entry (the notes of the temp triggers).
pub(crate) fn take_dirty(conn: &Connection) -> Result<Vec<String>> {
    let exists: bool = conn
        .prepare_cached("SELECT count(*) FROM temp.sqlite_master WHERE name = 'dirty_subject'")?
        .query_row([], |r| r.get::<_, i64>(0))?
        > 0;
    if !exists {
        return Ok(Vec::new());
    }
    let subjects: Vec<String> = conn
        .prepare_cached("SELECT DISTINCT subject FROM temp.dirty_subject")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    conn.prepare_cached("DELETE FROM temp.dirty_subject")?
        .execute([])?;
    Ok(subjects)
}

/// What the chain says (or the rows say) about one record.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct State {
    /// None: the record does not exist.
    pub sha256: Option<String>,
    /// The record's columns as stored (hidden columns left out).
    pub row: Value,
}

impl State {
    pub fn to_json(&self) -> Value {
        serde_json::json!({ "sha256": self.sha256, "row": self.row })
    }

    pub fn from_json(v: &Value) -> State {
        State {
            sha256: v.get("sha256").and_then(Value::as_str).map(str::to_string),
            row: v.get("row").cloned().unwrap_or(Value::Null),
        }
    }
}

fn sql_value(v: rusqlite::types::ValueRef<'_>) -> Value {
    use rusqlite::types::ValueRef as V;
    match v {
        V::Null => Value::Null,
        V::Integer(i) => i.into(),
        V::Real(f) => f.into(),
        V::Text(t) => String::from_utf8_lossy(t).into_owned().into(),
        V::Blob(b) => b
            .iter()
            .map(|x| format!("{x:02x}"))
            .collect::<String>()
            .into(),
    }
}

fn read_row(r: &rusqlite::Row<'_>, k: &Kind) -> rusqlite::Result<State> {
    let mut full = Map::new();
    for (i, col) in k.columns.iter().enumerate() {
        let mut v = sql_value(r.get_ref(i)?);
        if *col == "password_hash" {
            // The entry shows only a hash of the password hash.
            let text = v.as_str().unwrap_or_default().to_string();
            v = format!("{:x}", Sha256::digest(text.as_bytes())).into();
        }
        if v.is_null() && k.added.contains(col) {
            continue;
        }
        full.insert((*col).to_string(), v);
    }
    let sha = format!(
        "{:x}",
        Sha256::digest(Value::Object(full.clone()).to_string().as_bytes())
    );
    for h in k.hidden {
        full.remove(*h);
    }
    Ok(State {
        sha256: Some(sha),
        row: Value::Object(full),
    })
}

fn key_value(k: &Kind, key: &str) -> rusqlite::types::Value {
    if k.key == "key" {
        key.to_string().into()
    } else {
        key.parse::<i64>().unwrap_or(i64::MIN).into()
    }
}

/// The current state of one record (`kind:key`).
pub(crate) fn state_of(conn: &Connection, subject: &str) -> Result<State> {
    let Some((name, key)) = subject.split_once(':') else {
        return Ok(State {
            sha256: None,
            row: Value::Null,
        });
    };
    let Some(k) = kind(name) else {
        return Ok(State {
            sha256: None,
            row: Value::Null,
        });
    };
    let found = conn
        .prepare_cached(&format!(
            "SELECT {} FROM {} WHERE {} = ?1",
            k.columns.join(", "),
            k.table,
            k.key
        ))?
        .query_row([key_value(k, key)], |r| read_row(r, k))
        .optional()?;
    Ok(found.unwrap_or(State {
        sha256: None,
        row: Value::Null,
    }))
}

/// The state of every record of `kinds` now, by subject.
pub(crate) fn current(conn: &Connection, kinds: &[&Kind]) -> Result<Vec<(String, State)>> {
    let mut out = Vec::new();
    for k in kinds {
        let filter = if k.skips_bookkeeping {
            format!("WHERE key NOT IN ({BOOKKEEPING_SETTINGS})")
        } else {
            String::new()
        };
        let mut stmt = conn.prepare(&format!(
            "SELECT {}, {} FROM {} {filter} ORDER BY {}",
            k.columns.join(", "),
            k.key,
            k.table,
            k.key
        ))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let key = match sql_value(r.get_ref(k.columns.len())?) {
                Value::String(s) => s,
                other => other.to_string(),
            };
            out.push((format!("{}:{key}", k.name), read_row(r, k)?));
        }
    }
    Ok(out)
}

/// Every subject of every kind (for the seal).
pub(crate) fn all_subjects(conn: &Connection, kinds: &[&Kind]) -> Result<Vec<String>> {
    Ok(current(conn, kinds)?.into_iter().map(|(s, _)| s).collect())
}

/// The newest state the chain recorded for each subject, and in which entry.
#[derive(Debug, Default)]
pub(crate) struct Logged {
    pub by_subject: HashMap<String, (i64, State)>,
}

impl Logged {
    /// Takes the states an entry's detail records.
    pub fn take(&mut self, entry_id: i64, detail: &str) {
        if !detail.contains("\"state\"") {
            return;
        }
        let Ok(v) = serde_json::from_str::<Value>(detail) else {
            return;
        };
        if let Some(map) = v.get("state").and_then(Value::as_object) {
            for (subject, s) in map {
                self.by_subject
                    .insert(subject.clone(), (entry_id, State::from_json(s)));
            }
        }
    }
}

/// A record whose state differs from what the chain says.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StateFinding {
    pub subject: String,
    pub text: String,
}

/// Compares the current records of `kinds` with the chain's newest states.
pub(crate) fn compare(
    conn: &Connection,
    logged: &Logged,
    kinds: &[&Kind],
) -> Result<Vec<StateFinding>> {
    let now = current(conn, kinds)?;
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for (subject, cur) in &now {
        seen.insert(subject.clone());
        let text = match logged.by_subject.get(subject) {
            None => Some(format!(
                "{}：审计记录中没有它的任何记载（是绕过 zhifa 写入的）",
                label(subject, &cur.row, None)
            )),
            Some((_, log)) if log.sha256.is_none() => Some(format!(
                "{}：审计记录记载它已删除，现在却存在（是绕过 zhifa 写入的）",
                label(subject, &cur.row, None)
            )),
            Some((id, log)) if log.sha256 != cur.sha256 => {
                Some(describe(conn, subject, cur, *id, log)?)
            }
            _ => None,
        };
        if let Some(text) = text {
            out.push(StateFinding {
                subject: subject.clone(),
                text,
            });
        }
    }
    let names: Vec<&str> = kinds.iter().map(|k| k.name).collect();
    let mut gone: Vec<(&String, &(i64, State))> = logged
        .by_subject
        .iter()
        .filter(|(s, (_, st))| {
            st.sha256.is_some()
                && !seen.contains(*s)
                && s.split_once(':').is_some_and(|(k, _)| names.contains(&k))
        })
        .collect();
    gone.sort_by_key(|(_, (id, _))| *id);
    for (subject, (id, st)) in gone {
        out.push(StateFinding {
            subject: subject.clone(),
            text: format!(
                "{}：已被删除（审计记录第 {id} 条记载它存在）",
                label(subject, &st.row, None)
            ),
        });
    }
    Ok(out)
}

/// How a clerk names a record.
fn label(subject: &str, row: &Value, logged: Option<&Value>) -> String {
    let get = |k: &str| {
        row.get(k)
            .or_else(|| logged.and_then(|l| l.get(k)))
            .map(|v| match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .unwrap_or_default()
    };
    let (kind, key) = subject.split_once(':').unwrap_or((subject, ""));
    match kind {
        "case" => format!("案件 {}（#{key}）", get("case_no")),
        "staff" => format!("人员 {}（{}）", get("username"), get("name")),
        "setting" => format!("设置 {key}"),
        "agency" => "机关设置".into(),
        "power" => format!("权限事项 {}（第 {} 版）", get("code"), get("version")),
        "catalog_import" => format!("权限清单导入 #{key}"),
        "holiday" => format!("{key} 年节假日表"),
        _ => subject.to_string(),
    }
}

fn short(v: &Value) -> String {
    let text = match v {
        Value::String(s) => s.clone(),
        Value::Null => "（无）".into(),
        other => other.to_string(),
    };
    let mut out: String = text.chars().take(60).collect();
    if text.chars().count() > 60 {
        out.push('…');
    }
    out
}

/// Parses JSON held in a text column, so that a diff can name the field inside it.
fn expand(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, v)| {
                    let v = match v {
                        Value::String(s) if s.starts_with(['{', '[']) => {
                            serde_json::from_str(s).unwrap_or_else(|_| v.clone())
                        }
                        other => other.clone(),
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

/// The first leaf where `now` and `then` differ: (path, now, then).
pub(crate) fn first_difference(
    now: &Value,
    then: &Value,
    path: &str,
) -> Option<(String, Value, Value)> {
    let join = |k: &str| {
        if path.is_empty() {
            k.to_string()
        } else {
            format!("{path}.{k}")
        }
    };
    match (now, then) {
        (Value::Object(a), Value::Object(b)) => {
            let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            keys.into_iter().find_map(|k| {
                first_difference(
                    a.get(k).unwrap_or(&Value::Null),
                    b.get(k).unwrap_or(&Value::Null),
                    &join(k),
                )
            })
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => a
            .iter()
            .zip(b)
            .enumerate()
            .find_map(|(i, (x, y))| first_difference(x, y, &join(&i.to_string()))),
        _ if now != then => Some((path.to_string(), now.clone(), then.clone())),
        _ => None,
    }
}

fn describe(
    conn: &Connection,
    subject: &str,
    cur: &State,
    entry_id: i64,
    log: &State,
) -> Result<String> {
    let name = label(subject, &cur.row, Some(&log.row));
    let diff = first_difference(&expand(&cur.row), &expand(&log.row), "").or_else(|| {
        // A case's data is not copied into the entry: rebuild it from the case's trail.
        let id = subject.strip_prefix("case:")?.parse::<i64>().ok()?;
        let then = logged_case(conn, id).ok()??;
        let data: String = conn
            .query_row("SELECT data FROM case_file WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .ok()?;
        let Ok(now) = serde_json::from_str::<Value>(&data) else {
            return Some((
                "data".into(),
                "（无法解析：数据已损坏）".into(),
                "（可解析的案件数据）".into(),
            ));
        };
        let strip = |mut v: Value| {
            if let Some(m) = v.as_object_mut() {
                m.remove("version");
            }
            v
        };
        first_difference(&strip(now), &strip(then), "")
    });
    Ok(match diff {
        Some((path, now, then)) => format!(
            "{name}：{path} 现为 {}，审计记录（第 {entry_id} 条）为 {}",
            short(&now),
            short(&then)
        ),
        None => format!(
            "{name}：内容与审计记录（第 {entry_id} 条）记载的哈希不符（被绕过 zhifa 改动过）"
        ),
    })
}

/// A case as its audit trail says it was after its newest change: the full case of its
/// first entry with each later change's fields applied. None when the trail lacks it.
fn logged_case(conn: &Connection, id: i64) -> Result<Option<Value>> {
    let mut stmt =
        conn.prepare_cached("SELECT detail FROM audit WHERE case_id = ?1 ORDER BY id")?;
    let details: Vec<String> = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut case: Option<Value> = None;
    for d in details {
        let Ok(v) = serde_json::from_str::<Value>(&d) else {
            continue;
        };
        match (v.get("before"), v.get("after")) {
            (None, Some(after)) if after.get("stage").is_some() => case = Some(after.clone()),
            (Some(_), Some(Value::Object(changes))) => {
                if let Some(Value::Object(c)) = case.as_mut() {
                    for (k, v) in changes {
                        c.insert(k.clone(), v.clone());
                    }
                }
            }
            _ => {}
        }
    }
    Ok(case)
}

/// Kinds checked when a file is opened: the small tables (not cases).
pub(crate) fn small_kinds() -> Vec<&'static Kind> {
    KINDS.iter().filter(|k| k.name != "case").collect()
}

pub(crate) fn all_kinds() -> Vec<&'static Kind> {
    KINDS.iter().collect()
}
