//! Leads (案源/线索) in the database: each lead's record as JSON (bound to the chain, see
//! `state::KINDS`), numbered per year of receipt (线索〔2026〕12号), with its stage and linked
//! case copied out for lists. Every write is one transaction with its audit entry; a save
//! over a lead someone else changed since it was loaded is refused as stale.

use rusqlite::{params, OptionalExtension, TransactionBehavior};

use super::audit::{append, Who};
use super::{now_text, Result, Store, StoreError};
use crate::domain::lead::{Lead, LeadActionKind};

/// A lead's number as printed and typed: 线索〔2026〕12号.
pub fn lead_number(year: i32, serial: u32) -> String {
    format!("线索〔{year}〕{serial}号")
}

/// `线索〔2026〕12号`, `2026-12`, `L2026-12` or `#id` as (year, serial) or an id.
enum LeadRef {
    Id(i64),
    Number(i32, u32),
}

fn parse_ref(text: &str) -> Option<LeadRef> {
    let t = text.trim();
    if let Some(id) = t.strip_prefix('#').and_then(|s| s.parse().ok()) {
        return Some(LeadRef::Id(id));
    }
    let t = t.trim_start_matches("线索").trim_start_matches(['L', 'l']);
    let digits: Vec<&str> = t
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .collect();
    match digits.as_slice() {
        [year, serial] if year.len() == 4 => {
            Some(LeadRef::Number(year.parse().ok()?, serial.parse().ok()?))
        }
        _ => None,
    }
}

fn bad_json(e: serde_json::Error) -> StoreError {
    StoreError::Rule(format!("线索记录无法解析：{e}"))
}

/// One lead as lists show it.
#[derive(Debug, Clone)]
pub struct LeadRow {
    pub number: String,
    /// The year and serial of the number, which papers numbered by the lead take.
    pub serial: (i32, u32),
    pub lead: Lead,
}

impl Store {
    /// Saves a newly registered lead with the next number of its year; audited.
    pub fn insert_lead(&mut self, lead: &Lead, who: &Who) -> Result<LeadRow> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let year = chrono::Datelike::year(&lead.received_on);
        let serial: u32 = tx.query_row(
            "SELECT COALESCE(MAX(serial), 0) + 1 FROM lead WHERE year = ?1",
            [year],
            |r| r.get(0),
        )?;
        let mut saved = lead.clone();
        saved.version = 1;
        let data = serde_json::to_string(&saved).map_err(bad_json)?;
        tx.execute(
            "INSERT INTO lead (year, serial, received_on, stage, case_id, version, data, updated_by, updated_at)
             VALUES (?1, ?2, ?3, ?4, NULL, 1, ?5, ?6, ?7)",
            params![
                year,
                serial,
                saved.received_on.to_string(),
                saved.stage.name(),
                data,
                who.name,
                now_text()
            ],
        )?;
        saved.id = tx.last_insert_rowid();
        let number = lead_number(year, serial);
        append(
            &tx,
            who,
            None,
            "登记线索",
            &format!("登记线索 {number}（{}）", saved.source.kind().name()),
            &serde_json::json!({ "lead": saved.id }),
        )?;
        tx.commit()?;
        Ok(LeadRow {
            number,
            serial: (year, serial),
            lead: saved,
        })
    }

    /// Saves `after` (the result of one step on `before`); refuses if the lead changed since
    /// `before` was loaded. The entry names the case the lead went into.
    pub fn save_lead(
        &mut self,
        before: &Lead,
        after: &Lead,
        step: LeadActionKind,
        who: &Who,
    ) -> Result<LeadRow> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (version, by, at, year, serial): (i64, String, String, i32, u32) = tx
            .query_row(
                "SELECT version, updated_by, updated_at, year, serial FROM lead WHERE id = ?1",
                [before.id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?
            .ok_or_else(|| StoreError::Rule(format!("没有编号为 {} 的线索", before.id)))?;
        if version != before.version {
            return Err(StoreError::Conflict { by, at });
        }
        let data = serde_json::to_string(after).map_err(bad_json)?;
        let case_id = after.decision.as_ref().and_then(|d| d.outcome.case_id());
        tx.execute(
            "UPDATE lead SET stage = ?2, case_id = ?3, version = ?4, data = ?5, updated_by = ?6, updated_at = ?7
             WHERE id = ?1",
            params![
                after.id,
                after.stage.name(),
                case_id,
                after.version,
                data,
                who.name,
                now_text()
            ],
        )?;
        let number = lead_number(year, serial);
        // Not filed under the case's id: the open-time check reads the state of every
        // record but cases from the entries without one (the case is named in the detail).
        append(
            &tx,
            who,
            None,
            step.label(),
            &format!("线索 {number}：{}", step.label()),
            &serde_json::json!({ "lead": after.id, "step": step.code(), "case": case_id }),
        )?;
        tx.commit()?;
        Ok(LeadRow {
            number,
            serial: (year, serial),
            lead: after.clone(),
        })
    }

    fn lead_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(i64, i32, u32, String)> {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
    }

    fn to_lead_row((id, year, serial, data): (i64, i32, u32, String)) -> Result<LeadRow> {
        let mut lead: Lead = serde_json::from_str(&data).map_err(bad_json)?;
        lead.id = id;
        Ok(LeadRow {
            number: lead_number(year, serial),
            serial: (year, serial),
            lead,
        })
    }

    /// Records that `who` was shown a lead's reporter in full (the identity is confidential).
    pub fn record_lead_access(&mut self, id: i64, who: &Who) -> Result<()> {
        self.append_alone(
            who,
            None,
            "查看举报人信息",
            &format!("{}：查看线索 #{id} 的举报人完整信息", who.name),
            &serde_json::json!({ "lead": id, "access": "reporter" }),
        )
    }

    /// One lead by id.
    pub fn load_lead(&self, id: i64) -> Result<LeadRow> {
        let row = self
            .conn
            .prepare_cached("SELECT id, year, serial, data FROM lead WHERE id = ?1")?
            .query_row([id], Store::lead_row)
            .optional()?
            .ok_or_else(|| StoreError::Rule(format!("没有编号为 {id} 的线索")))?;
        Store::to_lead_row(row)
    }

    /// The lead a user names (线索〔2026〕12号, 2026-12, #id), if there is one.
    pub fn find_lead(&self, text: &str) -> Result<Option<i64>> {
        Ok(match parse_ref(text) {
            None => None,
            Some(LeadRef::Id(id)) => self
                .conn
                .prepare_cached("SELECT id FROM lead WHERE id = ?1")?
                .query_row([id], |r| r.get(0))
                .optional()?,
            Some(LeadRef::Number(year, serial)) => self
                .conn
                .prepare_cached("SELECT id FROM lead WHERE year = ?1 AND serial = ?2")?
                .query_row(params![year, serial], |r| r.get(0))
                .optional()?,
        })
    }

    /// Every lead, newest first (a township registers a few hundred a year).
    pub fn leads(&self) -> Result<Vec<LeadRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, year, serial, data FROM lead ORDER BY year DESC, serial DESC",
        )?;
        let rows = stmt.query_map([], Store::lead_row)?;
        let mut out = Vec::new();
        for r in rows {
            out.push(Store::to_lead_row(r?)?);
        }
        Ok(out)
    }

    /// The leads that went into a case (立案 or 并案): the link from the case back.
    pub fn leads_of_case(&self, case_id: i64) -> Result<Vec<LeadRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, year, serial, data FROM lead WHERE case_id = ?1 ORDER BY year, serial",
        )?;
        let rows = stmt.query_map([case_id], Store::lead_row)?;
        let mut out = Vec::new();
        for r in rows {
            out.push(Store::to_lead_row(r?)?);
        }
        Ok(out)
    }
}
