//! The bulk path for generated benchmark databases (`zhifa bench gen`): many new cases in
//! one transaction, through the same row insert, projection (deadlines, search index,
//! handlers) and audit hash chain as a clerk's save. Only the fsync policy differs
//! (`bulk_mode`); nothing else in zhifa writes this way.

use rusqlite::TransactionBehavior;

use super::audit::{self, Who};
use super::cases::{insert_row, write_projection, DeadlineCtx};
use super::{Result, Store};
use crate::domain::case::Case;

/// Written in an audit summary where the new case's number goes.
pub const CASE_NO_MARK: &str = "{案号}";

/// One generated case with the audit entries that record its history.
pub struct BulkCase {
    pub case: Case,
    /// (who, action, summary with `CASE_NO_MARK` for the case number), oldest first.
    pub audit: Vec<(Who, String, String)>,
    /// The detail every one of its audit entries carries.
    pub detail: serde_json::Value,
}

impl Store {
    /// Turns the generator's write policy on or off: without fsync while on (a crash
    /// loses the half-built file, which is simply built again); FULL again when off.
    pub fn bulk_mode(&self, on: bool) -> Result<()> {
        self.conn
            .pragma_update(None, "synchronous", if on { "OFF" } else { "FULL" })?;
        Ok(())
    }

    /// Inserts `cases` as new cases in one transaction; returns how many.
    pub fn bulk_insert(&mut self, cases: Vec<BulkCase>, dl: &DeadlineCtx<'_>) -> Result<usize> {
        let agency = self.agency()?;
        let squads: std::collections::BTreeMap<i64, String> = self
            .users()?
            .into_values()
            .map(|u| (u.id, u.squad))
            .collect();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut prev = audit::last_hash(&tx)?;
        let n = cases.len();
        for mut b in cases {
            let squad = b
                .case
                .handlers
                .first()
                .and_then(|h| squads.get(h))
                .cloned()
                .unwrap_or_default();
            let first = b.audit.first().map(|(w, ..)| w.clone());
            let who = first.unwrap_or_else(Who::system);
            let case_no = insert_row(&tx, &mut b.case, &agency, &squad, &who)?;
            write_projection(&tx, &b.case, dl, &who)?;
            for (w, action, summary) in &b.audit {
                prev = audit::append_after(
                    &tx,
                    &prev,
                    w,
                    Some(b.case.id),
                    action,
                    &summary.replace(CASE_NO_MARK, &case_no),
                    &b.detail,
                )?;
            }
        }
        tx.commit()?;
        Ok(n)
    }
}
