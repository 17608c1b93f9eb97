//! Keeping the stored search texts in step with the fields this binary searches: when a
//! field is added (`search::SEARCH_TEXT_VERSION`), every case's text is recomputed once on
//! open and the index rebuilt. The texts are derived data (not bound to the chain), so
//! this writes no audit entry; `check` compares them with the cases as before.

use rusqlite::{params, TransactionBehavior};

use super::cases::search_text;
use super::{Result, Store, StoreError};
use crate::domain::case::Case;
use crate::domain::search::SEARCH_TEXT_VERSION;

/// The setting that records which version the stored texts follow (bookkeeping).
pub(super) const SEARCH_TEXT_VERSION_KEY: &str = "search.text_version";

/// Cases per transaction, so a clerk's save waits for one batch at most.
const BATCH: i64 = 2_000;

impl Store {
    /// Recomputes every case's search text, asks for the index to be rebuilt, and records
    /// the version. Returns how many texts changed.
    pub(super) fn refresh_search_texts(&mut self) -> Result<usize> {
        let mut changed = 0;
        let mut after = 0i64;
        loop {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            let rows: Vec<(i64, String, String, String)> = {
                let mut stmt = tx.prepare_cached(
                    "SELECT id, case_no, data, search_text FROM case_file
                     WHERE id > ?1 ORDER BY id LIMIT ?2",
                )?;
                let rows = stmt.query_map(params![after, BATCH], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })?;
                rows.collect::<rusqlite::Result<_>>()?
            };
            let Some(last) = rows.last().map(|r| r.0) else {
                tx.commit()?;
                break;
            };
            for (id, case_no, data, old) in &rows {
                let case: Case =
                    serde_json::from_str(data).map_err(|e| StoreError::Rule(e.to_string()))?;
                let text = search_text(&case, case_no);
                if &text != old {
                    tx.execute(
                        "UPDATE case_file SET search_text = ?2 WHERE id = ?1",
                        params![id, text],
                    )?;
                    changed += 1;
                }
            }
            tx.commit()?;
            after = last;
        }
        self.conn.execute(
            "INSERT INTO setting (key, value) VALUES ('search.rebuild', '1'), (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![SEARCH_TEXT_VERSION_KEY, SEARCH_TEXT_VERSION.to_string()],
        )?;
        Ok(changed)
    }
}
