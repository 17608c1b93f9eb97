//! The append-only audit log: every change (who, when, what, before/after) as one entry
//! whose hash covers the previous entry's hash, so that an edit behind zhifa's back breaks
//! the chain at that entry. Triggers refuse UPDATE and DELETE on the table.

use std::collections::{HashMap, HashSet};

use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

use super::witness::{self, Head};
use super::{now_text, state, Result};
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
pub(crate) fn entry_hash(parts: [&str; 8]) -> String {
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

/// The append-only triggers every zhifa file has; without them zhifa refuses to write.
pub(crate) const TRIGGERS: &str = "
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;";

/// Whether both append-only triggers exist and still refuse (a trigger of the same name
/// that does nothing counts as missing).
pub(crate) fn triggers_present(conn: &Connection) -> Result<bool> {
    let n: i64 = conn
        .prepare_cached(
            "SELECT count(*) FROM main.sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'
               AND name IN ('audit_no_update', 'audit_no_delete') AND sql LIKE '%RAISE(ABORT%'",
        )?
        .query_row([], |r| r.get(0))?;
    Ok(n == 2)
}

pub(crate) const MISSING_TRIGGERS: &str =
    "审计记录的防篡改触发器（audit_no_update / audit_no_delete）不见了或被改过";

/// Refuses a write while the append-only triggers are missing or the file failed its
/// integrity checks (read-only until an administrator acknowledges).
fn write_allowed(conn: &Connection) -> Result<()> {
    if !triggers_present(conn)? {
        return Err(super::StoreError::Rule(format!(
            "{MISSING_TRIGGERS}，数据库可能被绕过 zhifa 修改过。为保护证据，本次操作未保存。\
             请管理员运行 zhifa check 查看，核实后用 zhifa check --acknowledge 确认（会恢复触发器）"
        )));
    }
    let blocked: Option<String> = conn
        .prepare_cached("SELECT reason FROM temp.write_block LIMIT 1")
        .and_then(|mut s| s.query_row([], |r| r.get(0)).optional())
        .unwrap_or(None);
    match blocked {
        Some(reason) => Err(super::StoreError::ReadOnly(reason)),
        None => Ok(()),
    }
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
    write_allowed(conn)?;
    insert_entry(conn, prev, who, case_id, action, summary, detail, &[])
}

/// Appends an entry that records the state of `subjects` as well as whatever the
/// transaction changed (the seal of a migrated file, an administrator's acknowledgement).
/// Does not ask whether writing is allowed: the caller is the way out of read-only.
pub(crate) fn append_sealing(
    conn: &Connection,
    who: &Who,
    case_id: Option<i64>,
    action: &str,
    summary: &str,
    detail: &serde_json::Value,
    subjects: &[String],
) -> Result<String> {
    let prev = last_hash(conn)?;
    insert_entry(conn, &prev, who, case_id, action, summary, detail, subjects)
}

/// Records records changed without an entry of their own (a legacy row projected whole
/// by the deadline refresh), so that the chain still says how they are now.
pub(crate) fn record_dirty(conn: &Connection, who: &Who, summary: &str) -> Result<()> {
    let dirty = state::take_dirty(conn)?;
    if dirty.is_empty() {
        return Ok(());
    }
    let detail = serde_json::json!({ "records": dirty.len() });
    append_sealing(conn, who, None, "更新派生数据", summary, &detail, &dirty)?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn insert_entry(
    conn: &Connection,
    prev: &str,
    who: &Who,
    case_id: Option<i64>,
    action: &str,
    summary: &str,
    detail: &serde_json::Value,
    extra_subjects: &[String],
) -> Result<String> {
    let (last_id, last_at): (i64, String) = conn
        .prepare_cached("SELECT id, at FROM audit ORDER BY id DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .unwrap_or((0, String::new()));
    // Time never runs backwards in the log, even when a desk's clock does.
    let at = now_text().max(last_at);
    let mut subjects = state::take_dirty(conn)?;
    subjects.extend(extra_subjects.iter().cloned());
    let mut states = serde_json::Map::new();
    for s in subjects {
        if !states.contains_key(&s) {
            let st = state::state_of(conn, &s)?;
            states.insert(s, st.to_json());
        }
    }
    let mut detail = match detail {
        serde_json::Value::Object(m) => m.clone(),
        other => {
            let mut m = serde_json::Map::new();
            m.insert("detail".into(), other.clone());
            m
        }
    };
    detail.insert("state".into(), serde_json::Value::Object(states));
    let detail = serde_json::Value::Object(detail).to_string();
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
    let mac = conn
        .path()
        .filter(|p| !p.is_empty())
        .and_then(|p| witness::signing_key(std::path::Path::new(p), last_id + 1))
        .map(|key| witness::mac(&key, &hash));
    conn.prepare_cached(
        "INSERT INTO audit (at, user_id, user_name, case_id, action, summary, detail, prev_hash, hash, mac)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![at, who.user_id, who.name, case_id, action, summary, detail, prev, hash, mac])?;
    Ok(hash)
}

/// The result of walking the chain.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AuditReport {
    pub entries: u64,
    /// The first entry that does not match, and why (acknowledged problems left out).
    pub first_broken: Option<(i64, String)>,
    /// Every problem found, in order (entry, why), acknowledged ones left out.
    pub problems: Vec<(i64, String)>,
    /// Problems an administrator acknowledged (`zhifa check --acknowledge`).
    pub acknowledged: Vec<(i64, String)>,
    /// What the witness beside the backups says, in a sentence.
    pub witness: String,
    pub head: Option<Head>,
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

/// The action of an administrator's acknowledgement of integrity findings.
pub(crate) const ACKNOWLEDGE: &str = "确认完整性检查结果";

impl super::Store {
    /// Walks the whole chain and names the first entry that was edited, inserted or removed.
    pub fn verify_audit(&self) -> Result<AuditReport> {
        Ok(self.walk_chain(false)?.0)
    }

    /// Walks the chain: each entry's hash, its link to the one before, its time (never
    /// earlier than the one before), its signature, and the heads the witness recorded;
    /// with `states`, also collects the newest state each entry recorded per record.
    pub(crate) fn walk_chain(&self, states: bool) -> Result<(AuditReport, state::Logged)> {
        let wit = witness::read(self.path());
        let mut want: HashMap<i64, Vec<String>> = HashMap::new();
        if let Some(w) = &wit {
            for (id, hash, _) in &w.heads {
                want.entry(*id).or_default().push(hash.clone());
            }
            if let Some((id, hash)) = w.base.as_ref().filter(|(_, h)| !h.is_empty()) {
                want.entry(*id).or_default().push(hash.clone());
            }
        }
        // Entries after the newest baseline must carry the key's signature.
        let signed_after = wit.as_ref().and_then(|w| {
            let base = w.base.as_ref().map(|(id, _)| *id).unwrap_or(0);
            w.key.as_ref().map(|(k, _)| (k.clone(), base))
        });
        let mut logged = state::Logged::default();
        let mut problems: Vec<(i64, String)> = Vec::new();
        let mut acked: HashSet<i64> = HashSet::new();
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {COLUMNS}, mac FROM audit ORDER BY id"))?;
        let mut rows = stmt.query([])?;
        let mut prev = GENESIS.to_string();
        let mut prev_at = String::new();
        let mut count = 0u64;
        let mut last_id = 0i64;
        let mut head = None;
        while let Some(row) = rows.next()? {
            let e = row_to_entry(row)?;
            let mac: Option<String> = row.get(10)?;
            count += 1;
            let computed = entry_hash([
                &e.prev_hash,
                &e.at,
                &id_text(e.user_id),
                &e.user_name,
                &id_text(e.case_id),
                &e.action,
                &e.summary,
                &e.detail,
            ]);
            let broken = if e.prev_hash != prev {
                Some(format!(
                    "第 {} 条记录的前序哈希与上一条不符（上一条被改动、删除或中间被插入记录）",
                    e.id
                ))
            } else if computed != e.hash {
                Some(format!(
                    "第 {} 条记录（{} {} {}）的内容与其哈希不符，已被改动",
                    e.id, e.at, e.user_name, e.action
                ))
            } else if e.id <= last_id {
                Some(format!("第 {} 条记录编号顺序异常", e.id))
            } else if e.at < prev_at && e.detail.contains("\"state\"") {
                // Entries from before schema 7 took the desk's clock as it was.
                Some(format!(
                    "第 {} 条记录的时间 {} 早于上一条的 {}（时间倒流：记录被改动或伪造）",
                    e.id, e.at, prev_at
                ))
            } else if let Some((key, _)) = signed_after.as_ref().filter(|(_, f)| e.id > *f) {
                (mac.as_deref() != Some(witness::mac(key, &e.hash).as_str())).then(|| {
                    format!(
                        "第 {} 条记录（{} {} {}）没有有效的签名：不是 zhifa 写入的（可能是伪造后追加或整条链被重算）",
                        e.id, e.at, e.user_name, e.action
                    )
                })
            } else {
                None
            };
            if let Some(reason) = broken {
                problems.push((e.id, reason));
            }
            if let Some(expected) = want.get(&e.id) {
                if expected.iter().any(|h| *h != e.hash) {
                    problems.push((
                        e.id,
                        format!(
                            "见证文件记录的第 {} 条的哈希与现在的不符：审计链在此之前被改写并重算过",
                            e.id
                        ),
                    ));
                }
            }
            if e.action == ACKNOWLEDGE {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(&e.detail) {
                    for id in v["acknowledged_entries"].as_array().into_iter().flatten() {
                        if let Some(id) = id.as_i64() {
                            acked.insert(id);
                        }
                    }
                }
            }
            if states {
                logged.take(e.id, &e.detail);
            }
            prev = e.hash.clone();
            prev_at = e.at.clone();
            last_id = e.id;
            head = Some(Head {
                entries: e.id,
                hash: e.hash,
                at: e.at,
            });
        }
        let mut witness_note = match &wit {
            None => {
                "没有见证文件（新位置的文件，或见证文件被移走）：无法核对签名与链头".to_string()
            }
            Some(w) => format!(
                "见证文件 {}：记录链头 {} 次",
                w.path.display(),
                w.heads.len()
            ),
        };
        if let Some(w) = &wit {
            if let Some((id, _, at)) = w
                .heads
                .iter()
                .filter(|(id, ..)| *id > last_id)
                .max_by_key(|(id, ..)| *id)
            {
                problems.push((
                    *id,
                    format!(
                        "审计记录被截断：见证文件记录 {at} 时已有 {id} 条，现在只有 {last_id} 条（最后 {} 条被删除）",
                        id - last_id
                    ),
                ));
            }
            if let Some((id, hash)) = &w.base {
                if !hash.is_empty() && *id > last_id {
                    problems.push((
                        *id,
                        format!(
                            "审计记录被截断：见证文件的基线是第 {id} 条，现在只有 {last_id} 条"
                        ),
                    ));
                }
            }
            witness_note.push_str(&format!("，现链头第 {last_id} 条"));
        }
        let (acknowledged, problems): (Vec<_>, Vec<_>) =
            problems.into_iter().partition(|(id, _)| acked.contains(id));
        Ok((
            AuditReport {
                entries: count,
                first_broken: problems.first().cloned(),
                problems,
                acknowledged,
                witness: witness_note,
                head,
            },
            logged,
        ))
    }

    /// The chain's newest entry (None for an empty log).
    pub fn audit_head(&self) -> Result<Option<Head>> {
        Ok(self
            .conn
            .prepare_cached("SELECT id, hash, at FROM audit ORDER BY id DESC LIMIT 1")?
            .query_row([], |r| {
                Ok(Head {
                    entries: r.get(0)?,
                    hash: r.get(1)?,
                    at: r.get(2)?,
                })
            })
            .optional()?)
    }

    /// Records that `who` saw a case's full personal data or printed one of its documents
    /// (`what`, e.g. "查看完整个人信息"), in the case's trail.
    pub fn record_access(&mut self, case_id: i64, who: &Who, what: &str) -> Result<()> {
        self.append_alone(
            who,
            Some(case_id),
            what,
            &format!("{}：{what}", who.name),
            &serde_json::json!({ "access": what }),
        )
    }

    /// One audit entry in a transaction of its own (a look or a print changes no record).
    pub(super) fn append_alone(
        &mut self,
        who: &Who,
        case_id: Option<i64>,
        action: &str,
        summary: &str,
        detail: &serde_json::Value,
    ) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        append(&tx, who, case_id, action, summary, detail)?;
        tx.commit()?;
        Ok(())
    }

    /// Records a print of a paper that belongs to no case (a lead's, an inspection's, a
    /// draw's): `subject` names the record in the entry's detail (`{"lead": 3}`).
    pub fn record_print(
        &mut self,
        who: &Who,
        subject: serde_json::Value,
        what: &str,
    ) -> Result<()> {
        self.append_alone(
            who,
            None,
            "打印文书",
            &format!("{}：{what}", who.name),
            &serde_json::json!({ "print": subject }),
        )
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
