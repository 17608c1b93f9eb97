//! What is checked when a file is opened, what `check` adds, the read-only mode a failed
//! check leaves, the seal of a file migrated to the chained state, and the administrator's
//! acknowledgement.
//!
//! At open (fast at 100,000 cases): the append-only triggers, the witness (a failed full
//! check not yet resolved, a recorded head missing or changed, the newest entry's
//! signature), the small tables (staff, settings, agency, catalog, holiday tables) against
//! the chain's newest states, and the serial counters. `check` adds the whole chain, every
//! case against its newest state, and every case's derived data.

use rusqlite::{OptionalExtension, TransactionBehavior};

use super::audit::{self, Who, ACKNOWLEDGE, MISSING_TRIGGERS};
use super::state::{self, StateFinding};
use super::witness;
use super::{AuditReport, Result, Store};

/// The full comparison of records and chain.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Integrity {
    pub chain: AuditReport,
    /// Records whose state differs from the chain's newest.
    pub records: Vec<StateFinding>,
}

impl Integrity {
    pub fn passed(&self) -> bool {
        self.chain.first_broken.is_none() && self.records.is_empty()
    }
}

const SEAL: &str = "封存当前状态";

impl Store {
    /// The cheap checks of every open; what they find makes the file read-only.
    pub(crate) fn quick_findings(&self) -> Result<Vec<String>> {
        let mut out = Vec::new();
        if !audit::triggers_present(&self.conn)? {
            out.push(MISSING_TRIGGERS.to_string());
        }
        // The witness first: a head it records was committed before we read the chain.
        let wit = witness::read(&self.path);
        let head = self.audit_head()?;
        let last = head.as_ref().map(|h| h.entries).unwrap_or(0);
        if let Some(w) = &wit {
            if let Some(f) = &w.failed {
                out.push(format!("上次完整检查（zhifa check）未通过：{f}"));
            }
            let newest = w.heads.iter().rev().take(3);
            let top = w.heads.iter().max_by_key(|(id, ..)| *id);
            for (id, hash, at) in newest.chain(top) {
                if *id > last {
                    out.push(format!(
                        "审计记录被截断：见证文件记录 {at} 时已有 {id} 条，现在只有 {last} 条"
                    ));
                    break;
                }
                let now: Option<String> = self
                    .conn
                    .prepare_cached("SELECT hash FROM audit WHERE id = ?1")?
                    .query_row([id], |r| r.get(0))
                    .optional()?;
                if now.as_deref() != Some(hash.as_str()) {
                    out.push(format!(
                        "见证文件记录的第 {id} 条审计记录的哈希与现在的不符：审计链被改写并重算过"
                    ));
                    break;
                }
            }
            if let (Some(h), Some((key, _)), Some((base, _))) = (&head, &w.key, &w.base) {
                if h.entries > *base {
                    let mac: Option<String> = self
                        .conn
                        .prepare_cached("SELECT mac FROM audit WHERE id = ?1")?
                        .query_row([h.entries], |r| r.get(0))?;
                    if mac.as_deref() != Some(witness::mac(key, &h.hash).as_str()) {
                        out.push(format!(
                            "最新一条审计记录（第 {} 条，{}）没有有效签名：不是 zhifa 写入的",
                            h.entries, h.at
                        ));
                    }
                }
            }
        }
        let mut logged = state::Logged::default();
        {
            let mut stmt = self.conn.prepare_cached(
                "SELECT id, detail FROM audit WHERE case_id IS NULL AND instr(detail, '\"state\"') > 0 ORDER BY id",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                logged.take(r.get(0)?, &r.get::<_, String>(1)?);
            }
        }
        out.extend(
            state::compare(&self.conn, &logged, &state::small_kinds())?
                .into_iter()
                .map(|f| f.text),
        );
        out.extend(self.serial_findings()?);
        Ok(out)
    }

    /// Runs the open checks and, if they find anything, makes this connection read-only
    /// (every audited write refused with the reason) until acknowledged.
    pub(super) fn apply_open_checks(&mut self) -> Result<()> {
        let findings = self.quick_findings()?;
        self.conn.execute("DELETE FROM temp.write_block", [])?;
        if findings.is_empty() {
            self.block = None;
        } else {
            let reason = findings.join("；");
            self.conn.execute(
                "INSERT INTO temp.write_block (reason) VALUES (?1)",
                [&reason],
            )?;
            self.block = Some(reason);
        }
        Ok(())
    }

    /// Why this file is read-only, if it is: the findings of the open checks.
    pub fn integrity_block(&self) -> Option<&str> {
        self.block.as_deref()
    }

    /// The whole chain, and every record against the chain's newest state of it.
    pub fn integrity(&self) -> Result<Integrity> {
        let (chain, logged) = self.walk_chain(true)?;
        let records = state::compare(&self.conn, &logged, &state::all_kinds())?;
        Ok(Integrity { chain, records })
    }

    /// After the migration that binds state to the chain: one entry per case and one for
    /// the rest record the state everything has now, so later edits are measured from it.
    pub(super) fn seal_if_pending(&mut self) -> Result<()> {
        if self.setting("chain.seal_pending")?.is_none() {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let last: Option<String> = tx
            .query_row(
                "SELECT detail FROM audit ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        // Only a file whose newest entry predates the migration is sealed: a mark set
        // behind zhifa's back cannot make it seal an edited state.
        let legacy = last.is_some_and(|d| {
            serde_json::from_str::<serde_json::Value>(&d)
                .map(|v| v.get("state").is_none())
                .unwrap_or(true)
        });
        if legacy {
            let who = Who::system();
            let kinds = state::all_kinds();
            let (cases, rest): (Vec<_>, Vec<_>) = kinds.into_iter().partition(|k| k.name == "case");
            for subject in state::all_subjects(&tx, &cases)? {
                let id = subject
                    .strip_prefix("case:")
                    .and_then(|s| s.parse::<i64>().ok());
                audit::append_sealing(
                    &tx,
                    &who,
                    id,
                    SEAL,
                    "升级后封存案件的当前状态",
                    &serde_json::json!({ "seal": true }),
                    &[subject],
                )?;
            }
            let subjects = state::all_subjects(&tx, &rest)?;
            audit::append_sealing(
                &tx,
                &who,
                None,
                SEAL,
                "升级后封存当前状态：人员、设置、机关、权限清单、节假日表",
                &serde_json::json!({ "seal": true, "records": subjects.len() }),
                &subjects,
            )?;
        }
        tx.execute("DELETE FROM setting WHERE key = 'chain.seal_pending'", [])?;
        tx.commit()?;
        Ok(())
    }

    /// After migration V8 rewrote the vocabulary columns as codes: one entry in the chain
    /// says when and over how many rows, so the change to the file is on record.
    pub(super) fn note_codes_migration(&mut self) -> Result<()> {
        if self.setting("codes.migrated_pending")?.is_none() {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (cases, deadlines): (i64, i64) = tx.query_row(
            "SELECT (SELECT count(*) FROM case_file), (SELECT count(*) FROM deadline)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        audit::append(
            &tx,
            &Who::system(),
            None,
            "升级数据库",
            "升级后列表与期限表改存代码（阶段、结果、期限种类与状态）",
            &serde_json::json!({ "schema": 8, "cases": cases, "deadlines": deadlines }),
        )?;
        tx.execute(
            "DELETE FROM setting WHERE key = 'codes.migrated_pending'",
            [],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// An administrator's acknowledgement of what the checks found: records the current
    /// state of every record that differs, lists the chain problems it accepts, restores
    /// the append-only triggers and starts a new witness baseline. A later mismatch trips
    /// the checks again. Returns the findings acknowledged.
    pub fn acknowledge(&mut self, who: &Who) -> Result<Vec<String>> {
        let quick = self.quick_findings()?;
        let full = self.integrity()?;
        let mut findings: Vec<String> = quick;
        findings.extend(full.chain.problems.iter().map(|(_, t)| t.clone()));
        findings.extend(full.records.iter().map(|f| f.text.clone()));
        findings.dedup();
        let subjects: Vec<String> = full.records.iter().map(|f| f.subject.clone()).collect();
        let entries: Vec<i64> = full.chain.problems.iter().map(|(id, _)| *id).collect();
        // An account changed behind zhifa's back (roles given, password replaced, inserted)
        // must not vouch for its own change: another administrator confirms.
        if let Some(own) = who.user_id.map(|id| format!("staff:{id}")) {
            if let Some(f) = full.records.iter().find(|f| f.subject == own) {
                return Err(super::StoreError::Rule(format!(
                    "{} 的账号记录本身被绕过 zhifa 改动过（{}），不能由本人确认；请另一名管理员核实后确认",
                    who.name, f.text
                )));
            }
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if !audit::triggers_present(&tx)? {
            tx.execute_batch(
                "DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;",
            )?;
            tx.execute_batch(audit::TRIGGERS)?;
        }
        tx.execute("DELETE FROM temp.write_block", [])?;
        audit::append_sealing(
            &tx,
            who,
            None,
            ACKNOWLEDGE,
            &format!(
                "{} 确认完整性检查发现的 {} 项问题",
                who.name,
                findings.len()
            ),
            &serde_json::json!({ "findings": findings, "acknowledged_entries": entries }),
            &subjects,
        )?;
        tx.commit()?;
        if let Some(head) = self.audit_head()? {
            witness::rebase(&self.path, &head, "管理员确认")
                .map_err(|e| super::StoreError::Rule(format!("无法写入见证文件：{e}")))?;
        }
        self.block = None;
        Ok(findings)
    }

    /// A new witness baseline after the chain was legitimately replaced (a restore).
    pub(crate) fn rebase_witness(&self, why: &str) -> Result<()> {
        if let Some(head) = self.audit_head()? {
            witness::rebase(&self.path, &head, why)
                .map_err(|e| super::StoreError::Rule(format!("无法写入见证文件：{e}")))?;
        }
        Ok(())
    }

    /// Records the result of a full check in the witness (a failure: read-only at the next
    /// open until a check passes or an administrator acknowledges).
    pub fn record_check_result(&self, failed: Option<&str>) {
        witness::record_check(&self.path, failed);
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        // A file that failed its checks does not get its (possibly forged) head witnessed.
        if self.block.is_none() {
            if let Ok(Some(head)) = self.audit_head() {
                witness::record_head(&self.path, &head);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::audit::entry_hash;

    fn init() -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("z.sqlite3");
        Store::init_for_test(&path, "合隆镇", "合");
        (dir, path)
    }

    /// Appends an entry the way an old zhifa (or an attacker) would: hashed, unsigned.
    fn raw_entry(conn: &rusqlite::Connection, at: &str, detail: &str) {
        let prev = audit::last_hash(conn).unwrap();
        let hash = entry_hash([&prev, at, "", "旧版", "", "旧操作", "旧摘要", detail]);
        conn.execute(
            "INSERT INTO audit (at, user_name, action, summary, detail, prev_hash, hash)
             VALUES (?1, '旧版', '旧操作', '旧摘要', ?2, ?3, ?4)",
            rusqlite::params![at, detail, prev, hash],
        )
        .unwrap();
    }

    #[test]
    fn time_never_runs_backwards_in_the_log() {
        let (_d, path) = init();
        let mut store = Store::open(&path).unwrap();
        raw_entry(store.conn(), "2999-01-01T00:00:00", "{}");
        store.set_setting("note", "x", &Who::system()).unwrap();
        let at: String = store
            .conn()
            .query_row("SELECT at FROM audit ORDER BY id DESC LIMIT 1", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(at, "2999-01-01T00:00:00", "append wrote an earlier time");
        raw_entry(store.conn(), "2000-01-01T00:00:00", "{\"state\":{}}");
        let report = store.verify_audit().unwrap();
        assert!(
            report
                .problems
                .iter()
                .any(|(_, why)| why.contains("时间倒流")),
            "{report:?}"
        );
    }

    #[test]
    fn a_migrated_file_is_sealed_and_later_edits_are_named() {
        let (_d, path) = init();
        {
            let store = Store::open(&path).unwrap();
            // What a file of schema 6 looks like: no signatures, no states, no witness.
            store
                .conn()
                .execute_batch(crate::store::migrations::BACK_TO_V7)
                .unwrap();
            store
                .conn()
                .execute_batch("ALTER TABLE audit DROP COLUMN mac; PRAGMA user_version = 6;")
                .unwrap();
            raw_entry(store.conn(), &crate::store::now_text(), "{\"legacy\":true}");
        }
        std::fs::remove_file(witness::path_for(&path)).unwrap();
        let store = Store::open(&path).unwrap();
        assert!(
            store.integrity_block().is_none(),
            "{:?}",
            store.integrity_block()
        );
        let seals: i64 = store
            .conn()
            .query_row(
                "SELECT count(*) FROM audit WHERE action = ?1",
                [SEAL],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(seals, 1);
        let full = store.integrity().unwrap();
        assert!(full.passed(), "{full:?}");
        store
            .conn()
            .execute(
                "UPDATE setting SET value = 'false' WHERE key LIKE 'calendar.%'",
                [],
            )
            .unwrap();
        store
            .conn()
            .execute("UPDATE agency SET court = '某法院'", [])
            .unwrap();
        let full = store.integrity().unwrap();
        assert!(
            full.records
                .iter()
                .any(|f| f.text.contains("机关设置") && f.text.contains("某法院")),
            "{full:?}"
        );
        drop(store);
        let store = Store::open(&path).unwrap();
        assert!(store
            .integrity_block()
            .is_some_and(|b| b.contains("某法院")));
    }
}
