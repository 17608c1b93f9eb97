//! The append-only audit log: every change (who, when, what, before/after) as one entry
//! whose hash covers the previous entry's hash, so that an edit behind zhifa's back breaks
//! the chain at that entry. Triggers refuse UPDATE and DELETE on the table.

use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

use super::{now_text, Result};
use crate::domain::people::User;

/// Who made a change: a logged-in user, or the system (commands run without a login, such
/// as `init` or a catalog import, recorded with the operating-system user).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Who {
    pub user_id: Option<i64>,
    pub name: String,
}

impl Who {
    pub fn user(u: &User) -> Who {
        Who {
            user_id: Some(u.id),
            name: u.name.clone(),
        }
    }

    pub fn system() -> Who {
        let os = std::env::var("USER")
            .or_else(|_| std::env::var("USERNAME"))
            .unwrap_or_default();
        Who {
            user_id: None,
            name: if os.is_empty() {
                "系统".into()
            } else {
                format!("系统（{os}）")
            },
        }
    }
}

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub user_id: Option<i64>,
    pub user_name: String,
    pub case_id: Option<i64>,
    pub action: String,
    pub summary: String,
    pub detail: String,
    pub prev_hash: String,
    pub hash: String,
}

/// SHA-256 over the entry's fields, each length-prefixed so that no two different entries
/// hash alike: prev_hash, at, user_id, user_name, case_id, action, summary, detail.
fn entry_hash(parts: [&str; 8]) -> String {
    let mut h = Sha256::new();
    for part in parts {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    format!("{:x}", h.finalize())
}

fn id_text(id: Option<i64>) -> String {
    id.map(|i| i.to_string()).unwrap_or_default()
}

/// Appends one entry. Call inside the write transaction of the change it records (an
/// IMMEDIATE transaction, so that no other process appends in between).
pub(crate) fn append(
    conn: &Connection,
    who: &Who,
    case_id: Option<i64>,
    action: &str,
    summary: &str,
    detail: &serde_json::Value,
) -> Result<()> {
    let prev = last_hash(conn)?;
    append_after(conn, &prev, who, case_id, action, summary, detail)?;
    Ok(())
}

/// The hash of the newest entry (the genesis hash for an empty log).
pub(crate) fn last_hash(conn: &Connection) -> Result<String> {
    Ok(conn
        .prepare_cached("SELECT hash FROM audit ORDER BY id DESC LIMIT 1")?
        .query_row([], |r| r.get(0))
        .optional()?
        .unwrap_or_else(|| GENESIS.to_string()))
}

/// Appends one entry after the entry whose hash is `prev` and returns the new hash; for
/// writers that append many entries in one transaction and keep the chain's end in hand.
pub(crate) fn append_after(
    conn: &Connection,
    prev: &str,
    who: &Who,
    case_id: Option<i64>,
    action: &str,
    summary: &str,
    detail: &serde_json::Value,
) -> Result<String> {
    let at = now_text();
    let detail = detail.to_string();
    let hash = entry_hash([
        prev,
        &at,
        &id_text(who.user_id),
        &who.name,
        &id_text(case_id),
        action,
        summary,
        &detail,
    ]);
    conn.prepare_cached(
        "INSERT INTO audit (at, user_id, user_name, case_id, action, summary, detail, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![at, who.user_id, who.name, case_id, action, summary, detail, prev, hash])?;
    Ok(hash)
}

/// The result of walking the chain.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AuditReport {
    pub entries: u64,
    /// The first entry that does not match, and why.
    pub first_broken: Option<(i64, String)>,
}

fn row_to_entry(r: &rusqlite::Row<'_>) -> rusqlite::Result<AuditEntry> {
    Ok(AuditEntry {
        id: r.get(0)?,
        at: r.get(1)?,
        user_id: r.get(2)?,
        user_name: r.get(3)?,
        case_id: r.get(4)?,
        action: r.get(5)?,
        summary: r.get(6)?,
        detail: r.get(7)?,
        prev_hash: r.get(8)?,
        hash: r.get(9)?,
    })
}

const COLUMNS: &str =
    "id, at, user_id, user_name, case_id, action, summary, detail, prev_hash, hash";

impl super::Store {
    /// Walks the whole chain and names the first entry that was edited, inserted or removed.
    pub fn verify_audit(&self) -> Result<AuditReport> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {COLUMNS} FROM audit ORDER BY id"))?;
        let mut rows = stmt.query([])?;
        let mut prev = GENESIS.to_string();
        let mut count = 0u64;
        let mut last_id = 0i64;
        while let Some(row) = rows.next()? {
            let e = row_to_entry(row)?;
            count += 1;
            let broken = if e.prev_hash != prev {
                Some(format!(
                    "第 {} 条记录的前序哈希与上一条不符（上一条被改动、删除或中间被插入记录）",
                    e.id
                ))
            } else if entry_hash([
                &e.prev_hash,
                &e.at,
                &id_text(e.user_id),
                &e.user_name,
                &id_text(e.case_id),
                &e.action,
                &e.summary,
                &e.detail,
            ]) != e.hash
            {
                Some(format!(
                    "第 {} 条记录（{} {} {}）的内容与其哈希不符，已被改动",
                    e.id, e.at, e.user_name, e.action
                ))
            } else if e.id <= last_id {
                Some(format!("第 {} 条记录编号顺序异常", e.id))
            } else {
                None
            };
            if let Some(reason) = broken {
                return Ok(AuditReport {
                    entries: count,
                    first_broken: Some((e.id, reason)),
                });
            }
            prev = e.hash;
            last_id = e.id;
        }
        Ok(AuditReport {
            entries: count,
            first_broken: None,
        })
    }

    /// Records that `who` saw a case's full personal data or printed one of its documents
    /// (`what`, e.g. "查看完整个人信息"), in the case's trail.
    pub fn record_access(&mut self, case_id: i64, who: &Who, what: &str) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        append(
            &tx,
            who,
            Some(case_id),
            what,
            &format!("{}：{what}", who.name),
            &serde_json::json!({ "access": what }),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// A case's audit trail, oldest first.
    pub fn case_audit(&self, case_id: i64) -> Result<Vec<AuditEntry>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM audit WHERE case_id = ?1 ORDER BY id"
        ))?;
        let rows = stmt.query_map([case_id], row_to_entry)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The most recent entries of the whole log.
    pub fn recent_audit(&self, limit: u32) -> Result<Vec<AuditEntry>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM audit ORDER BY id DESC LIMIT ?1"
        ))?;
        let rows = stmt.query_map([limit], row_to_entry)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
