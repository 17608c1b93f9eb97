//! Derived data — the list columns of `case_file`, the deadline table, the handler table,
//! the search index and the per-year serial counters — recomputed from the cases and
//! compared (`check`), and rebuilt in one command once a mismatch is explained
//! (`zhifa check --rebuild-derived`, audited).

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rusqlite::{params, TransactionBehavior};

use super::audit::{self, Who};
use super::cases::{project, write_derived, DeadlineCtx, Projection};
use super::{Result, Store};
use crate::domain::case::deadlines::{Deadline, DeadlineState};
use crate::domain::case::{Case, Stage};

/// Cases per transaction when rebuilding.
const BATCH: usize = 2_000;

/// Stored derived columns of one case.
struct Stored {
    id: i64,
    case_no: String,
    data: String,
    updated_on: Option<NaiveDate>,
    columns: Projection,
}

fn deadline_key(d: &Deadline) -> (String, u32, Option<NaiveDate>) {
    (crate::domain::serde_name(&d.kind), d.index, d.due)
}

impl Store {
    /// Years whose serial counter disagrees with the cases: cheap (one indexed pass).
    pub(crate) fn serial_findings(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT y.year, s.last, y.top FROM
                (SELECT year, max(serial) AS top FROM case_file GROUP BY year) y
                LEFT JOIN case_serial s ON s.year = y.year
             WHERE s.last IS NOT y.top
             UNION ALL
             SELECT s.year, s.last, NULL FROM case_serial s
             WHERE NOT EXISTS (SELECT 1 FROM case_file c WHERE c.year = s.year)",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<i64>>(1)?,
                r.get::<_, Option<i64>>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (year, last, top) = row?;
            out.push(format!(
                "{year} 年案件编号计数器（case_serial）为 {}，已有案件的最大编号为 {}",
                last.map(|n| n.to_string())
                    .unwrap_or_else(|| "（无）".into()),
                top.map(|n| n.to_string())
                    .unwrap_or_else(|| "（无）".into()),
            ));
        }
        Ok(out)
    }

    /// Compares every case's derived data with what its JSON gives; names each case.
    pub(crate) fn derived_findings(&self) -> Result<Vec<String>> {
        let calendar = self.calendar()?;
        let settings = self.procedure_settings()?;
        let refreshed = self.deadlines_refreshed_on()?;
        let mut out = self.serial_findings()?;
        let mut stmt = self.conn.prepare(
            "SELECT id, case_no, data, substr(updated_at, 1, 10), stage, outcome, party_names, party_ids,
                    place, fine, next_due, next_due_kind, next_due_state, search_text
             FROM case_file ORDER BY id",
        )?;
        let mut rows = stmt.query([])?;
        let mut dl_stmt = self
            .conn
            .prepare("SELECT detail FROM deadline WHERE case_id = ?1")?;
        let mut h_stmt = self
            .conn
            .prepare("SELECT user_id FROM case_handler WHERE case_id = ?1 ORDER BY user_id")?;
        while let Some(r) = rows.next()? {
            let stored = Stored {
                id: r.get(0)?,
                case_no: r.get(1)?,
                data: r.get(2)?,
                updated_on: r.get::<_, String>(3)?.parse().ok(),
                columns: Projection {
                    stage: r.get(4)?,
                    outcome: r.get(5)?,
                    party_names: r.get(6)?,
                    party_ids: r.get(7)?,
                    place: r.get(8)?,
                    fine: r.get(9)?,
                    next_due: r.get(10)?,
                    next_due_kind: r.get(11)?,
                    next_due_state: r.get(12)?,
                    search_text: r.get(13)?,
                    deadlines: Vec::new(),
                },
            };
            let Ok(case) = serde_json::from_str::<Case>(&stored.data) else {
                out.push(format!(
                    "案件 {}（#{}）：数据无法解析，无法核对其派生数据",
                    stored.case_no, stored.id
                ));
                continue;
            };
            // Deadline states are as of the day they were last computed.
            let today = match (refreshed, stored.updated_on) {
                (Some(a), Some(b)) => a.max(b),
                (a, b) => a.or(b).unwrap_or_else(|| chrono::Local::now().date_naive()),
            };
            let dl = DeadlineCtx {
                calendar: &calendar,
                settings: &settings,
                today,
            };
            let fresh = project(&case, &stored.case_no, &dl);
            let name = format!("案件 {}（#{}）", stored.case_no, stored.id);
            let s = &stored.columns;
            let columns: [(&str, String, String); 7] = [
                ("阶段", s.stage.clone(), fresh.stage.clone()),
                (
                    "结果",
                    s.outcome.clone().unwrap_or_default(),
                    fresh.outcome.clone().unwrap_or_default(),
                ),
                ("当事人", s.party_names.clone(), fresh.party_names.clone()),
                ("证件号", s.party_ids.clone(), fresh.party_ids.clone()),
                ("地点", s.place.clone(), fresh.place.clone()),
                ("罚款（分）", s.fine.to_string(), fresh.fine.to_string()),
                ("检索文本", s.search_text.clone(), fresh.search_text.clone()),
            ];
            for (label, have, want) in columns {
                if have != want {
                    out.push(format!(
                        "{name}：列表列“{label}”为 {have}，按案件数据应为 {want}"
                    ));
                }
            }
            let stored_deadlines: Vec<Deadline> = dl_stmt
                .query_map([stored.id], |r| r.get::<_, String>(0))?
                .filter_map(|d| d.ok().and_then(|t| serde_json::from_str(&t).ok()))
                .collect();
            let have: BTreeSet<_> = stored_deadlines.iter().map(deadline_key).collect();
            let want: BTreeSet<_> = fresh.deadlines.iter().map(deadline_key).collect();
            if let Some((kind, idx, _)) = have.symmetric_difference(&want).next() {
                let date = |set: &BTreeSet<(String, u32, Option<NaiveDate>)>| {
                    set.iter()
                        .find(|(k, i, _)| k == kind && i == idx)
                        .map(|(_, _, d)| d.map(|d| d.to_string()).unwrap_or_else(|| "无".into()))
                        .unwrap_or_else(|| "（无此期限）".into())
                };
                out.push(format!(
                    "{name}：期限表中的 {kind} 为 {}，按案件数据推算应为 {}",
                    date(&have),
                    date(&want)
                ));
            }
            let next_stored = crate::domain::case::deadlines::next_open(&stored_deadlines);
            let next_due = next_stored
                .and_then(|d| d.shown_due())
                .map(|d| d.to_string());
            let next_state = next_stored.map(|d| super::codes::code(&d.status.state()));
            // States change with the day: compared where the day they were computed is known.
            let open = s.stage != super::codes::code(&Stage::Archived);
            if open && s.next_due_state != fresh.next_due_state {
                out.push(format!(
                    "{name}：列表中的下一期限状态为 {}，按案件数据推算应为 {}",
                    state_label(&s.next_due_state),
                    state_label(&fresh.next_due_state),
                ));
            }
            if s.next_due != next_due || s.next_due_state != next_state {
                out.push(format!(
                    "{name}：列表中的下一期限为 {}（{}），期限表为 {}（{}）",
                    s.next_due.clone().unwrap_or_else(|| "无".into()),
                    state_label(&s.next_due_state),
                    next_due.unwrap_or_else(|| "无".into()),
                    state_label(&next_state),
                ));
            }
            let handlers: Vec<i64> = h_stmt
                .query_map([stored.id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let mut want_handlers = case.handlers.clone();
            want_handlers.sort_unstable();
            want_handlers.dedup();
            if handlers != want_handlers {
                out.push(format!(
                    "{name}：承办人表为 {handlers:?}，按案件数据应为 {want_handlers:?}"
                ));
            }
        }
        let (indexed, cases): (i64, i64) = self.conn.query_row(
            "SELECT (SELECT count(*) FROM case_search), (SELECT count(*) FROM case_file)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if indexed != cases {
            out.push(format!("检索索引有 {indexed} 条，案件有 {cases} 件"));
        }
        Ok(out)
    }

    /// Rebuilds every case's derived data from its JSON, the search index and the serial
    /// counters, with one audit entry. Returns how many cases it rebuilt.
    pub fn rebuild_derived(&mut self, who: &Who) -> Result<usize> {
        let calendar = self.calendar()?;
        let settings = self.procedure_settings()?;
        let today = chrono::Local::now().date_naive();
        let dl = DeadlineCtx {
            calendar: &calendar,
            settings: &settings,
            today,
        };
        let ids: Vec<(i64, String, String)> = {
            let mut stmt = self
                .conn
                .prepare("SELECT id, case_no, data FROM case_file ORDER BY id")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let mut skipped = Vec::new();
        let mut done = 0;
        for batch in ids.chunks(BATCH) {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            for (id, case_no, data) in batch {
                match serde_json::from_str::<Case>(data) {
                    Ok(case) => {
                        write_derived(&tx, &case, &project(&case, case_no, &dl))?;
                        done += 1;
                    }
                    Err(_) => skipped.push(format!("{case_no}（#{id}）")),
                }
            }
            tx.commit()?;
        }
        self.rebuild_search_index()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let serials = tx.execute(
            "INSERT INTO case_serial (year, last) SELECT year, max(serial) FROM case_file WHERE true GROUP BY year
             ON CONFLICT(year) DO UPDATE SET last = excluded.last WHERE last IS NOT excluded.last",
            [],
        )?;
        tx.execute(
            "DELETE FROM case_serial WHERE year NOT IN (SELECT year FROM case_file)",
            [],
        )?;
        tx.execute(
            "INSERT INTO setting (key, value) VALUES ('deadlines.refreshed_on', ?1)
             ON CONFLICT(key) DO UPDATE SET value = ?1",
            params![today.to_string()],
        )?;
        audit::append_sealing(
            &tx,
            who,
            None,
            "重建派生数据",
            &format!("按案件数据重建列表列、期限、承办人、检索索引和编号计数器：{done} 件"),
            &serde_json::json!({ "cases": done, "serials": serials, "skipped": skipped }),
            &[],
        )?;
        tx.commit()?;
        Ok(done)
    }
}

/// A stored deadline state code as people read it (an unknown code as it is).
fn state_label(code: &Option<String>) -> String {
    match code {
        None => "无".into(),
        Some(c) => crate::domain::from_serde_name::<DeadlineState>(c)
            .map_or_else(|| c.clone(), |s| s.label().to_string()),
    }
}
