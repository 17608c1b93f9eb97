//! Imported ledger rows (台账 kept from before zhifa). An import is staged in a TEMP table
//! (no lock on the database file), checked there against the live cases and earlier imports,
//! then moved into `ledger_record` in short write transactions of `IMPORT_BATCH_ROWS` rows,
//! so that another desk never waits long; its rows are shown only once the import is marked
//! `done`, and an import is undone as a whole.

use rusqlite::{params, OptionalExtension, TransactionBehavior};

use super::audit::{append, Who};
use super::{now_text, Result, Store, StoreError};
use crate::domain::ledger::LedgerRow;
use crate::domain::ledger_import::{against_prior, Fate, Prior, Rejected};

/// Rows per write transaction when an import is moved in or undone: a batch takes a
/// fraction of a second, so a desk writing meanwhile waits no longer than that.
pub const IMPORT_BATCH_ROWS: usize = 5_000;

/// Staged rows are committed to the TEMP table in chunks of this many.
const STAGE_CHUNK: usize = 10_000;

/// The rows a ledger read shows: those of finished imports (and rows from before imports
/// were numbered).
const SHOWN: &str =
    "(import_id IS NULL OR import_id IN (SELECT id FROM ledger_import WHERE state = 'done'))";

fn bad_json(e: serde_json::Error) -> StoreError {
    StoreError::Rule(format!("台账数据已损坏：{e}"))
}

/// One numbered ledger import as `ledger imports` lists it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LedgerImportInfo {
    pub id: i64,
    pub source: String,
    /// `loading`, `done` or `undone`.
    pub state: String,
    pub rows: i64,
    pub user_name: String,
    pub started_at: String,
}

/// What checking the staged rows against the stored ones found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PriorCheck {
    /// Rows identical to what is stored (a re-import): skipped.
    pub already_there: usize,
    /// Rows that collide with a live case or a different earlier row.
    pub refused: Vec<Rejected>,
}

/// An import being staged: rows go into a TEMP table of this connection only.
pub struct LedgerStage<'a> {
    store: &'a mut Store,
    rows: usize,
    in_chunk: usize,
}

impl Store {
    /// Starts staging an import. Nothing is written to the database file until
    /// `LedgerStage::commit`; dropping the stage leaves no trace.
    pub fn stage_ledger(&mut self) -> Result<LedgerStage<'_>> {
        // The case-number index takes rows in no particular order: with SQLite's default
        // 2 MB page cache, 100,000 rows spend a third of their time re-reading its pages.
        self.conn.pragma_update(None, "cache_size", -32_768)?;
        self.conn.execute_batch(
            "DROP TABLE IF EXISTS temp.ledger_stage;
             CREATE TEMP TABLE ledger_stage (
                 row_no  INTEGER PRIMARY KEY,
                 case_no TEXT NOT NULL UNIQUE,
                 data    TEXT NOT NULL
             );",
        )?;
        Ok(LedgerStage {
            store: self,
            rows: 0,
            in_chunk: 0,
        })
    }

    /// The ledger rows shown: those of finished imports.
    pub fn ledger_records(&self) -> Result<Vec<LedgerRow>> {
        let mut st = self.conn.prepare(&format!(
            "SELECT data FROM ledger_record WHERE {SHOWN} ORDER BY id"
        ))?;
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for row in rows {
            out.push(serde_json::from_str(&row?).map_err(bad_json)?);
        }
        Ok(out)
    }

    /// Every numbered import, newest first.
    pub fn ledger_imports(&self) -> Result<Vec<LedgerImportInfo>> {
        let mut st = self.conn.prepare(
            "SELECT id, source, state, rows, user_name, started_at FROM ledger_import ORDER BY id DESC",
        )?;
        let rows = st.query_map([], |r| {
            Ok(LedgerImportInfo {
                id: r.get(0)?,
                source: r.get(1)?,
                state: r.get(2)?,
                rows: r.get(3)?,
                user_name: r.get(4)?,
                started_at: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Undoes import `id` as a whole: first hidden in one short transaction with its audit
    /// entry, then its rows deleted in batches. Also finishes an undo or clears an import
    /// that was interrupted. Returns how many rows were removed.
    pub fn undo_ledger_import(&mut self, id: i64, who: &Who) -> Result<usize> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let found: Option<(String, String)> = tx
            .query_row(
                "SELECT state, source FROM ledger_import WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((state, source)) = found else {
            return Err(StoreError::Rule(format!(
                "没有编号为 {id} 的台账导入；zhifa ledger imports 列出全部导入"
            )));
        };
        let rows: i64 = tx.query_row(
            "SELECT count(*) FROM ledger_record WHERE import_id = ?1",
            [id],
            |r| r.get(0),
        )?;
        if state == "undone" && rows == 0 {
            return Err(StoreError::Rule(format!("导入 #{id} 已经撤销")));
        }
        tx.execute(
            "UPDATE ledger_import SET state = 'undone', finished_at = ?2 WHERE id = ?1",
            params![id, now_text()],
        )?;
        append(
            &tx,
            who,
            None,
            "撤销台账导入",
            &format!("撤销台账导入 #{id}（{source}，{rows} 行）"),
            &serde_json::json!({ "import_id": id, "source": source, "rows": rows, "was": state }),
        )?;
        tx.commit()?;
        let mut removed = 0;
        loop {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            let n = tx.execute(
                "DELETE FROM ledger_record WHERE id IN
                   (SELECT id FROM ledger_record WHERE import_id = ?1 LIMIT ?2)",
                params![id, IMPORT_BATCH_ROWS as i64],
            )?;
            tx.commit()?;
            removed += n;
            if n == 0 {
                return Ok(removed);
            }
        }
    }
}

impl LedgerStage<'_> {
    /// Stages one checked row (`row_no` its row in the file).
    pub fn add(&mut self, row_no: usize, r: &LedgerRow) -> Result<()> {
        let conn = &self.store.conn;
        if self.in_chunk == 0 {
            // Deferred: a transaction that touches only TEMP takes no lock on the file.
            conn.execute_batch("BEGIN")?;
        }
        let data = serde_json::to_string(r).map_err(bad_json)?;
        conn.prepare_cached(
            "INSERT INTO temp.ledger_stage (row_no, case_no, data) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![row_no as i64, r.case_no, data])?;
        self.rows += 1;
        self.in_chunk += 1;
        if self.in_chunk == STAGE_CHUNK {
            self.end_chunk()?;
        }
        Ok(())
    }

    fn end_chunk(&mut self) -> Result<()> {
        if self.in_chunk > 0 {
            self.store.conn.execute_batch("COMMIT")?;
            self.in_chunk = 0;
        }
        Ok(())
    }

    /// Rows staged and still to be imported.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Checks every staged row against the live cases and earlier imports
    /// (`ledger_import::against_prior`): identical rows are dropped as already there,
    /// colliding ones dropped and reported. Only reads the database file.
    pub fn check_against_stored(&mut self) -> Result<PriorCheck> {
        self.end_chunk()?;
        // By row: a row may meet both a live case and an earlier row; a refusal wins.
        let mut fates: std::collections::BTreeMap<i64, Fate> = Default::default();
        let mut note = |row_no: i64, fate: Fate| {
            if !matches!(fates.get(&row_no), Some(Fate::Refused(_))) {
                fates.insert(row_no, fate);
            }
        };
        let users = self.store.users()?;
        {
            let conn = &self.store.conn;
            let mut live = conn.prepare(
                "SELECT s.row_no, s.data, c.id, c.case_no FROM temp.ledger_stage s
                 JOIN case_file c ON c.case_no = s.case_no",
            )?;
            let hits = live.query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, String>(3)?,
                ))
            })?;
            for hit in hits {
                let (row_no, data, case_id, case_no) = hit?;
                let row: LedgerRow = serde_json::from_str(&data).map_err(bad_json)?;
                let case = self.store.load_case(case_id)?;
                let prior = Prior::Live(LedgerRow::from_case(&case, &case_no, &users));
                note(row_no, against_prior(&row, Some(&prior)));
            }
            let mut earlier = conn.prepare(
                "SELECT s.row_no, s.data, l.data, l.import_id, i.state FROM temp.ledger_stage s
                 JOIN ledger_record l ON l.case_no = s.case_no
                 LEFT JOIN ledger_import i ON i.id = l.import_id",
            )?;
            let hits = earlier.query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<i64>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                ))
            })?;
            for hit in hits {
                let (row_no, data, stored, import_id, state) = hit?;
                let row: LedgerRow = serde_json::from_str(&data).map_err(bad_json)?;
                let stored = || serde_json::from_str(&stored).map_err(bad_json);
                let prior = match (import_id, state.as_deref()) {
                    (None, _) => Prior::Imported(None, stored()?),
                    (Some(id), Some("done")) => Prior::Imported(Some(id), stored()?),
                    (Some(id), _) => Prior::Unfinished(id),
                };
                note(row_no, against_prior(&row, Some(&prior)));
            }
        }
        let mut check = PriorCheck::default();
        let conn = &self.store.conn;
        conn.execute_batch("BEGIN")?;
        for (row_no, fate) in fates {
            match fate {
                Fate::New => continue,
                Fate::AlreadyThere => check.already_there += 1,
                Fate::Refused(reason) => check.refused.push(Rejected {
                    row: row_no as usize,
                    reason,
                }),
            }
            conn.prepare_cached("DELETE FROM temp.ledger_stage WHERE row_no = ?1")?
                .execute([row_no])?;
            self.rows -= 1;
        }
        conn.execute_batch("COMMIT")?;
        check.refused.sort_by_key(|r| r.row);
        Ok(check)
    }

    /// Moves the staged rows in as one numbered import: the import is registered
    /// (`loading`, its rows hidden), the rows are moved in transactions of
    /// `IMPORT_BATCH_ROWS` (`after_batch` is told how many are in after each), and the
    /// import is marked `done` with its audit entry in the last one. If a batch fails, the
    /// rows already moved are removed again. Returns the import's number and its rows.
    pub fn commit(
        mut self,
        source: &str,
        who: &Who,
        mut after_batch: impl FnMut(usize),
    ) -> Result<(i64, usize)> {
        self.end_chunk()?;
        let at = now_text();
        let conn = &mut self.store.conn;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO ledger_import (source, state, user_id, user_name, started_at)
             VALUES (?1, 'loading', ?2, ?3, ?4)",
            params![source, who.user_id, who.name, at],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        match move_in_batches(conn, id, source, &at, &mut after_batch) {
            Ok(moved) => {
                let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
                tx.execute(
                    "UPDATE ledger_import SET state = 'done', rows = ?2, finished_at = ?3 WHERE id = ?1",
                    params![id, moved as i64, now_text()],
                )?;
                append(
                    &tx,
                    who,
                    None,
                    "导入台账",
                    &format!("从 {source} 导入台账 {moved} 行（导入 #{id}）"),
                    &serde_json::json!({ "import_id": id, "source": source, "rows": moved }),
                )?;
                tx.commit()?;
                Ok((id, moved))
            }
            Err(e) => {
                // Best effort: the rows are hidden anyway, and `ledger undo` clears them.
                let _ = conn.execute("DELETE FROM ledger_record WHERE import_id = ?1", [id]);
                let _ = conn.execute(
                    "UPDATE ledger_import SET state = 'undone' WHERE id = ?1",
                    [id],
                );
                Err(e)
            }
        }
    }
}

fn move_in_batches(
    conn: &mut rusqlite::Connection,
    id: i64,
    source: &str,
    at: &str,
    after_batch: &mut impl FnMut(usize),
) -> Result<usize> {
    let (mut moved, mut last) = (0usize, 0i64);
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let upto: Option<i64> = tx.query_row(
            "SELECT max(row_no) FROM (SELECT row_no FROM temp.ledger_stage
               WHERE row_no > ?1 ORDER BY row_no LIMIT ?2)",
            params![last, IMPORT_BATCH_ROWS as i64],
            |r| r.get(0),
        )?;
        let Some(upto) = upto else {
            return Ok(moved);
        };
        let n = tx.execute(
            "INSERT INTO ledger_record (case_no, data, source, imported_at, import_id)
             SELECT case_no, data, ?3, ?4, ?5 FROM temp.ledger_stage
             WHERE row_no > ?1 AND row_no <= ?2 ORDER BY row_no",
            params![last, upto, source, at, id],
        )?;
        tx.commit()?;
        moved += n;
        last = upto;
        after_batch(moved);
    }
}

impl Drop for LedgerStage<'_> {
    fn drop(&mut self) {
        let conn = &self.store.conn;
        if !conn.is_autocommit() {
            let _ = conn.execute_batch("ROLLBACK");
        }
        let _ = conn.execute_batch("DROP TABLE IF EXISTS temp.ledger_stage");
    }
}

#[cfg(test)]
mod tests;
