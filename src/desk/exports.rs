//! The 台账 and the 公示 list as tables, made once for `zhifa ledger export/publish` and the
//! UI's `:ledger` / `:publish`: the cases (and imported old ledgers) as rows, personal data
//! masked in the public list.

use chrono::NaiveDate;

use super::{Desk, DeskResult};
use crate::domain::ledger::{self, LedgerRow};
use crate::report::table::Table;

/// The 台账: the cases filed (proposed) within the dates, then the imported old ledgers.
pub struct LedgerExport {
    pub table: Table<'static>,
    /// Rows from cases.
    pub cases: usize,
    /// Rows from imported ledgers.
    pub imported: usize,
    /// Cases that could not be read, named (left out; the rest is exported).
    pub unreadable: Vec<String>,
}

impl Desk {
    /// The case ledger between `from` and `to` (立案/提请 dates), with the imported rows.
    pub fn ledger_export(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> DeskResult<LedgerExport> {
        let store = &self.store;
        let users = store.users()?;
        let mut cases = Vec::new();
        let mut unreadable = Vec::new();
        // One damaged case is named and left out; the rest of the ledger is exported.
        store.for_each_case(|_, loaded| match loaded {
            Ok(c) => cases.push(c),
            Err(e) => unreadable.push(e),
        })?;
        cases.sort_by_key(|c| c.id);
        let mut rows = Vec::new();
        for c in cases {
            if from.is_some_and(|f| c.proposed_on < f) || to.is_some_and(|t| c.proposed_on > t) {
                continue;
            }
            let no = store.case_no(c.id)?;
            rows.push(LedgerRow::from_case(&c, &no, &users).cells());
        }
        let imported = store.ledger_records()?;
        let n = rows.len();
        rows.extend(imported.iter().map(LedgerRow::cells));
        Ok(LedgerExport {
            table: Table {
                name: "案件台账",
                headers: ledger::COLUMNS.iter().map(|s| s.to_string()).collect(),
                rows,
            },
            cases: n,
            imported: imported.len(),
            unreadable,
        })
    }

    /// The 公示 list (行政处罚法第四十八条): decisions marked to publish, or all with `all`;
    /// ID numbers, phones and personal addresses masked.
    pub fn publish_export(&self, all: bool) -> DeskResult<Table<'static>> {
        let mut rows = Vec::new();
        for c in self.store.all_cases()? {
            let no = self.store.case_no(c.id)?;
            if let Some(r) = ledger::public_row(&c, &no, all) {
                rows.push(r);
            }
        }
        Ok(Table {
            name: "行政处罚公示",
            headers: ledger::PUBLIC_COLUMNS
                .iter()
                .map(|s| s.to_string())
                .collect(),
            rows,
        })
    }
}
