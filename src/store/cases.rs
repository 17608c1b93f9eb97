//! Cases in the database: the domain `Case` as JSON plus indexed columns for lists, the
//! handler table, the computed deadlines, and the audit entry — all in one transaction per
//! change. Saves use an optimistic version check: a second writer is refused, never merged.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, OptionalExtension, Transaction, TransactionBehavior};

use super::audit::{self, Who};
use super::codes::{code, Code};
use super::{now_text, Result, Store, StoreError};
use crate::domain::calendar::Calendar;
use crate::domain::case::deadlines::{self, Deadline, DeadlineState};
use crate::domain::case::{number, Action, Case, Procedure, Stage, Transition};
use crate::domain::procedure_settings::ProcedureSettings;
use crate::domain::search;
use crate::domain::security_settings::SecuritySettings;

/// One open deadline for the deadline calendar.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DueItem {
    pub case_id: i64,
    pub case_no: String,
    pub label: String,
    pub due: NaiveDate,
    pub state: DeadlineState,
}

fn json<T: serde::Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| StoreError::Rule(e.to_string()))
}

/// Top-level fields that differ between two JSON objects: (before, after).
fn diff(
    before: &serde_json::Value,
    after: &serde_json::Value,
) -> (serde_json::Value, serde_json::Value) {
    let (mut b, mut a) = (serde_json::Map::new(), serde_json::Map::new());
    if let (Some(bo), Some(ao)) = (before.as_object(), after.as_object()) {
        for (k, av) in ao {
            let bv = bo.get(k).cloned().unwrap_or(serde_json::Value::Null);
            if &bv != av && k != "version" {
                b.insert(k.clone(), bv);
                a.insert(k.clone(), av.clone());
            }
        }
    }
    (b.into(), a.into())
}

/// Cases per transaction when recomputing every case's deadlines.
const RECOMPUTE_BATCH: i64 = 2_000;

/// The inputs needed to recompute deadlines.
pub struct DeadlineCtx<'a> {
    pub calendar: &'a Calendar,
    pub settings: &'a ProcedureSettings,
    pub today: NaiveDate,
}

/// Replaces the stored deadlines of a case.
fn write_deadlines(tx: &Transaction<'_>, case_id: i64, ds: &[Deadline]) -> Result<()> {
    tx.prepare_cached("DELETE FROM deadline WHERE case_id = ?1")?
        .execute([case_id])?;
    let mut ins = tx.prepare_cached(
        "INSERT INTO deadline (case_id, kind, idx, due, state, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for d in ds {
        ins.execute(params![
            case_id,
            crate::domain::serde_name(&d.kind),
            d.index,
            d.due.map(|x| x.to_string()),
            Code(d.status.state()),
            json(d)?
        ])?;
    }
    Ok(())
}

/// Recomputes a stored case's deadlines and writes them, with the list's next-deadline
/// columns, only where they changed: the case itself did not change, and most days most
/// deadlines do not either. Returns whether anything was written.
fn refresh_deadlines(tx: &Transaction<'_>, case: &Case, dl: &DeadlineCtx<'_>) -> Result<bool> {
    let ds = deadlines::compute(case, dl.calendar, dl.settings, dl.today);
    let mut stored: Vec<String> = tx
        .prepare_cached("SELECT detail FROM deadline WHERE case_id = ?1")?
        .query_map([case.id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut fresh: Vec<String> = ds.iter().map(json).collect::<Result<_>>()?;
    stored.sort();
    fresh.sort();
    if stored == fresh {
        return Ok(false);
    }
    write_deadlines(tx, case.id, &ds)?;
    let next = deadlines::next_open(&ds);
    tx.prepare_cached(
        "UPDATE case_file SET next_due = ?2, next_due_kind = ?3, next_due_state = ?4 WHERE id = ?1",
    )?
    .execute(params![
        case.id,
        next.and_then(|d| d.shown_due()).map(|d| d.to_string()),
        next.map(|d| Code(d.kind)),
        next.map(|d| Code(d.status.state())),
    ])?;
    Ok(true)
}

/// Everything stored about a case that is computed from its JSON: the list columns (the
/// vocabulary ones as codes, `store::codes`), the deadlines and the search text. `check` compares it with what is stored; saves write it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Projection {
    pub stage: String,
    pub outcome: Option<String>,
    pub party_names: String,
    pub party_ids: String,
    pub place: String,
    pub fine: i64,
    pub next_due: Option<String>,
    pub next_due_kind: Option<String>,
    pub next_due_state: Option<String>,
    pub search_text: String,
    pub deadlines: Vec<Deadline>,
}

/// What instant search looks in (fields apart, see `domain::search`): number, parties, ID
/// numbers, place, power, facts, and the parties' names as pinyin initials and as full
/// pinyin. A field added here raises `search::SEARCH_TEXT_VERSION`.
pub(super) fn search_text(case: &Case, case_no: &str) -> String {
    let party_names: Vec<String> = case.parties.iter().map(|p| p.display_name()).collect();
    let party_ids: Vec<&str> = case.parties.iter().map(|p| p.id_number()).collect();
    let pinyin = |f: fn(&str) -> String| {
        party_names
            .iter()
            .map(|n| f(n))
            .collect::<Vec<_>>()
            .join(" ")
    };
    [
        case_no,
        &party_names.join(" "),
        &party_ids.join(" "),
        &case.place,
        &case.power.power.name,
        &case.power.power.code,
        &case.facts,
        &pinyin(search::initials),
        &pinyin(search::full_pinyin),
    ]
    .join(&search::FIELD_SEP.to_string())
    .to_lowercase()
}

pub(super) fn project(case: &Case, case_no: &str, dl: &DeadlineCtx<'_>) -> Projection {
    let ds = deadlines::compute(case, dl.calendar, dl.settings, dl.today);
    let next = deadlines::next_open(&ds);
    let party_names: Vec<String> = case.parties.iter().map(|p| p.display_name()).collect();
    let party_ids: Vec<&str> = case.parties.iter().map(|p| p.id_number()).collect();
    let search_text = search_text(case, case_no);
    Projection {
        stage: code(&case.stage),
        outcome: case.outcome.as_ref().map(|o| o.code().to_string()),
        party_names: party_names.join("、"),
        party_ids: party_ids.join(" "),
        place: case.place.clone(),
        fine: case.decision.as_ref().map(|d| d.fine.0).unwrap_or(0),
        next_due: next.and_then(|d| d.shown_due()).map(|d| d.to_string()),
        next_due_kind: next.map(|d| code(&d.kind)),
        next_due_state: next.map(|d| code(&d.status.state())),
        search_text,
        deadlines: ds,
    }
}

/// Writes a case's derived data: deadlines, search index entry, list columns, handlers.
pub(super) fn write_derived(tx: &Transaction<'_>, case: &Case, p: &Projection) -> Result<()> {
    write_deadlines(tx, case.id, &p.deadlines)?;
    let (list_key, old_search): (i64, String) = tx
        .prepare_cached(
            "SELECT year * 10000000 + serial, search_text FROM case_file WHERE id = ?1",
        )?
        .query_row([case.id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    if p.search_text != old_search {
        tx.prepare_cached("DELETE FROM case_search WHERE rowid = ?1")?
            .execute([list_key])?;
        tx.prepare_cached("INSERT INTO case_search (rowid, terms) VALUES (?1, ?2)")?
            .execute(params![list_key, search::index_terms(&p.search_text)])?;
    }
    tx.prepare_cached(
        "UPDATE case_file SET stage = ?2, outcome = ?3, party_names = ?4, party_ids = ?5, place = ?6,
             fine = ?7, next_due = ?8, next_due_kind = ?9, next_due_state = ?10, search_text = ?11
         WHERE id = ?1",
    )?
    .execute(params![
        case.id,
        p.stage,
        p.outcome,
        p.party_names,
        p.party_ids,
        p.place,
        p.fine,
        p.next_due,
        p.next_due_kind,
        p.next_due_state,
        p.search_text
    ])?;
    tx.prepare_cached("DELETE FROM case_handler WHERE case_id = ?1")?
        .execute([case.id])?;
    let mut ins =
        tx.prepare_cached("INSERT INTO case_handler (case_id, user_id) VALUES (?1, ?2)")?;
    for h in &case.handlers {
        ins.execute(params![case.id, h])?;
    }
    Ok(())
}

pub(super) fn write_projection(
    tx: &Transaction<'_>,
    case: &Case,
    dl: &DeadlineCtx<'_>,
    who: &Who,
) -> Result<()> {
    let case_no: String = tx
        .prepare_cached("SELECT case_no FROM case_file WHERE id = ?1")?
        .query_row([case.id], |r| r.get(0))?;
    write_derived(tx, case, &project(case, &case_no, dl))?;
    tx.prepare_cached(
        "UPDATE case_file SET data = ?2, version = ?3, updated_at = ?4, updated_by = ?5 WHERE id = ?1",
    )?
    .execute(params![case.id, json(case)?, case.version, now_text(), who.name])?;
    Ok(())
}

/// Inserts the row of a new case: takes the year's next serial, numbers the case and sets
/// its id, year and serial. The caller writes the projection and the audit entry.
pub(super) fn insert_row(
    tx: &Transaction<'_>,
    case: &mut Case,
    agency: &crate::domain::agency::Agency,
    squad: &str,
    who: &Who,
) -> Result<String> {
    let year = case.proposed_on.year();
    let serial: u32 = tx
        .prepare_cached(
            "INSERT INTO case_serial (year, last) VALUES (?1, 1)
             ON CONFLICT(year) DO UPDATE SET last = last + 1
             RETURNING last",
        )?
        .query_row([year], |r| r.get(0))?;
    let code = match case.procedure {
        Procedure::General => number::FILING,
        Procedure::Simple => number::ON_SPOT,
    };
    let case_no = number::format(&agency.case_no_pattern, &agency.abbr, code, year, serial);
    case.year = Some(year);
    case.serial = Some(serial);
    tx.execute(
            "INSERT INTO case_file (year, serial, case_no, procedure, stage, power_id, power_code, power_name, field,
                                    party_names, party_ids, place, squad, proposed_on, data, version, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, '', '', '', ?10, ?11, '{}', 0, ?12, ?13)",
            params![
                year,
                serial,
                case_no,
                crate::domain::serde_name(&case.procedure),
                Code(case.stage),
                case.power.id,
                case.power.power.code,
                case.power.power.name,
                case.power.power.field.name(),
                squad,
                case.proposed_on.to_string(),
                now_text(),
                who.name
            ],
        )
        .map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::ConstraintViolation) => serial_taken(year, serial, &case_no),
            _ => StoreError::Sqlite(e),
        })?;
    case.id = tx.last_insert_rowid();
    Ok(case_no)
}

/// The Chinese message for a new case whose number is taken: the year's serial counter
/// is behind the cases (edited behind zhifa's back).
fn serial_taken(year: i32, serial: u32, case_no: &str) -> StoreError {
    StoreError::Rule(format!(
        "{year} 年的案件编号计数器（{serial}）落后于已有案件，新案号 {case_no} 已被占用：\
         计数器可能被绕过 zhifa 改动过。本次未保存。请管理员运行 zhifa check 查看，\
         再用 zhifa check --rebuild-derived 按已有案件重建计数器"
    ))
}

impl Store {
    /// Saves a new case: assigns the year's next serial and the case number, writes its
    /// deadlines and the audit entry, in one transaction.
    pub fn insert_case(&mut self, mut case: Case, who: &Who, dl: &DeadlineCtx<'_>) -> Result<Case> {
        let agency = self.agency()?;
        let squad = match case.handlers.first() {
            Some(h) => self.user(*h)?.map(|u| u.squad).unwrap_or_default(),
            None => String::new(),
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let case_no = insert_row(&tx, &mut case, &agency, &squad, who)?;
        write_projection(&tx, &case, dl, who)?;
        let summary = match case.procedure {
            Procedure::General => format!("提请立案 {case_no}"),
            Procedure::Simple => format!("当场作出行政处罚决定 {case_no}"),
        };
        let action = match case.procedure {
            Procedure::General => "提请立案",
            Procedure::Simple => "当场处罚",
        };
        audit::append(
            &tx,
            who,
            Some(case.id),
            action,
            &summary,
            &serde_json::json!({ "after": case }),
        )?;
        tx.commit()?;
        Ok(case)
    }

    /// Saves a transition if nobody changed the case since `before` was loaded; otherwise
    /// refuses with who changed it and when (the caller keeps the user's input).
    pub fn save_transition(
        &mut self,
        before: &Case,
        t: &Transition,
        action: &Action,
        who: &Who,
        dl: &DeadlineCtx<'_>,
    ) -> Result<Case> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (version, by, at): (i64, String, String) = tx
            .prepare_cached("SELECT version, updated_by, updated_at FROM case_file WHERE id = ?1")?
            .query_row([before.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        if version != before.version {
            return Err(StoreError::Conflict {
                by,
                at: readable_time(at),
            });
        }
        write_projection(&tx, &t.case, dl, who)?;
        let b = serde_json::to_value(before).unwrap_or_default();
        let a = serde_json::to_value(&t.case).unwrap_or_default();
        let (before_diff, after_diff) = diff(&b, &a);
        // Documents by their printed title, as the entries before typed kinds had them.
        let documents: Vec<&str> = t.documents_due.iter().map(|k| k.name()).collect();
        let detail = serde_json::json!({ "action": action, "before": before_diff, "after": after_diff, "documents": documents });
        audit::append(
            &tx,
            who,
            Some(before.id),
            action.kind().label(),
            &t.summary,
            &detail,
        )?;
        tx.commit()?;
        Ok(t.case.clone())
    }

    /// Who saved the case last, and when (views and prints in the audit trail don't count).
    pub fn last_change(&self, id: i64) -> Result<(String, String)> {
        let (by, at): (String, String) = self
            .conn
            .prepare_cached("SELECT updated_by, updated_at FROM case_file WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok((by, readable_time(at)))
    }

    pub fn load_case(&self, id: i64) -> Result<Case> {
        let data: String = self
            .conn
            .prepare_cached("SELECT data FROM case_file WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::Rule(format!("没有编号为 {id} 的案件")))?;
        serde_json::from_str(&data)
            .map_err(|e| StoreError::Rule(format!("案件 {id} 的数据已损坏：{e}")))
    }

    /// Fines already decided in other cases against a party with one of `party_ids`, for the
    /// one-fine-per-act gate (行政处罚法第二十九条). `except` is the case being decided.
    pub fn prior_fines(
        &self,
        party_ids: &[&str],
        except: Option<i64>,
    ) -> Result<Vec<crate::domain::case::gates::PriorFine>> {
        let mut ids = std::collections::BTreeSet::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT id FROM case_file WHERE fine > 0 AND id IS NOT ?1
               AND instr(' ' || party_ids || ' ', ' ' || ?2 || ' ') > 0",
        )?;
        for pid in party_ids.iter().filter(|p| !p.trim().is_empty()) {
            let rows = stmt.query_map(params![except, pid.trim()], |r| r.get::<_, i64>(0))?;
            for id in rows {
                ids.insert(id?);
            }
        }
        let mut out = Vec::new();
        for id in ids {
            let case = self.load_case(id)?;
            let Some(decision) = &case.decision else {
                continue;
            };
            out.push(crate::domain::case::gates::PriorFine {
                case_no: self.case_no(id)?,
                code: case.power.power.code.clone(),
                party_ids: case
                    .parties
                    .iter()
                    .map(|p| p.id_number().to_string())
                    .collect(),
                act_date: case.act_date,
                place: case.place.clone(),
                fine: decision.fine,
            });
        }
        Ok(out)
    }

    pub fn case_no(&self, id: i64) -> Result<String> {
        Ok(self
            .conn
            .prepare_cached("SELECT case_no FROM case_file WHERE id = ?1")?
            .query_row([id], |r| r.get(0))?)
    }

    /// Finds a case by its number in any document's form (`合综执罚决〔2026〕12号`), the short
    /// form `2026-12`, or `#id`.
    pub fn find_case(&self, text: &str) -> Result<Option<i64>> {
        let t = text.trim();
        if let Some(id) = t.strip_prefix('#').and_then(|s| s.parse::<i64>().ok()) {
            return Ok(self
                .conn
                .prepare_cached("SELECT id FROM case_file WHERE id = ?1")?
                .query_row([id], |r| r.get(0))
                .optional()?);
        }
        let Some((year, serial)) = number::parse_year_serial(t) else {
            return Ok(None);
        };
        Ok(self
            .conn
            .prepare_cached("SELECT id FROM case_file WHERE year = ?1 AND serial = ?2")?
            .query_row(params![year, serial], |r| r.get(0))
            .optional()?)
    }

    /// The stored deadlines of a case.
    pub fn case_deadlines(&self, case_id: i64) -> Result<Vec<Deadline>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT detail FROM deadline WHERE case_id = ?1 ORDER BY due IS NULL, due",
        )?;
        let rows = stmt.query_map([case_id], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for r in rows {
            out.push(serde_json::from_str(&r?).map_err(|e| StoreError::Rule(e.to_string()))?);
        }
        Ok(out)
    }

    /// Recomputes the deadlines of every case not archived (after a holiday table or a
    /// setting changed, or a new day began). Returns how many cases were updated.
    ///
    /// In transactions of `RECOMPUTE_BATCH` cases, each reading the cases it writes, so a
    /// clerk's save waits for one batch at most, never for the whole file.
    pub fn recompute_deadlines(&mut self, dl: &DeadlineCtx<'_>) -> Result<usize> {
        let who = Who::system();
        let mut done = 0;
        let mut after = 0i64;
        loop {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            let batch: Vec<(i64, String, bool)> = {
                let mut stmt = tx.prepare_cached(
                    "SELECT id, data, search_text = '' FROM case_file WHERE stage != '归档' AND id > ?1 ORDER BY id LIMIT ?2",
                )?;
                let rows = stmt.query_map(params![after, RECOMPUTE_BATCH], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?;
                rows.collect::<rusqlite::Result<_>>()?
            };
            for (_, data, unprojected) in &batch {
                let case: Case =
                    serde_json::from_str(data).map_err(|e| StoreError::Rule(e.to_string()))?;
                if *unprojected {
                    // Saved before the list columns existed (schema V3): project it whole.
                    write_projection(&tx, &case, dl, &who)?;
                } else {
                    refresh_deadlines(&tx, &case, dl)?;
                }
            }
            audit::record_dirty(&tx, &who, "补写旧版本案件的列表数据")?;
            tx.commit()?;
            done += batch.len();
            match batch.last() {
                Some((id, ..)) if batch.len() == RECOMPUTE_BATCH as usize => after = *id,
                _ => return Ok(done),
            }
        }
    }

    /// Open deadlines due between `from` and `to` (inclusive), by date.
    pub fn deadlines_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<DueItem>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.case_id, c.case_no, d.detail, d.due, d.state FROM deadline d JOIN case_file c ON c.id = d.case_id
             WHERE d.due BETWEEN ?1 AND ?2 AND d.state IN ('pending', 'due_soon', 'overdue')
             ORDER BY d.due, c.case_no",
        )?;
        let rows = stmt.query_map(params![from.to_string(), to.to_string()], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Code<DeadlineState>>(4)?.0,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, no, detail, due, state) = row?;
            let d: Deadline =
                serde_json::from_str(&detail).map_err(|e| StoreError::Rule(e.to_string()))?;
            let due = due
                .parse()
                .map_err(|_| StoreError::Rule(format!("期限日期损坏：{due}")))?;
            out.push(DueItem {
                case_id: id,
                case_no: no,
                label: d.label().to_string(),
                due,
                state,
            });
        }
        Ok(out)
    }

    /// The day deadlines were last recomputed for every case (bookkeeping, not audited).
    pub fn deadlines_refreshed_on(&self) -> Result<Option<NaiveDate>> {
        Ok(self
            .setting("deadlines.refreshed_on")?
            .and_then(|t| t.parse().ok()))
    }

    pub fn mark_deadlines_refreshed(&self, day: NaiveDate) -> Result<()> {
        self.conn.execute(
            "INSERT INTO setting (key, value) VALUES ('deadlines.refreshed_on', ?1)
             ON CONFLICT(key) DO UPDATE SET value = ?1",
            [day.to_string()],
        )?;
        Ok(())
    }

    /// Count of cases per stage.
    pub fn stage_counts(&self) -> Result<Vec<(Stage, i64)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT stage, count(*) FROM case_file GROUP BY stage")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, Code<Stage>>(0)?.0, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The agency's procedural settings (defaults where unset).
    pub fn procedure_settings(&self) -> Result<ProcedureSettings> {
        Ok(match self.setting("procedure")? {
            Some(text) => serde_json::from_str(&text)
                .map_err(|e| StoreError::Rule(format!("程序设置已损坏：{e}")))?,
            None => ProcedureSettings::default(),
        })
    }

    pub fn set_procedure_settings(&mut self, s: &ProcedureSettings, who: &Who) -> Result<()> {
        self.set_setting("procedure", &json(s)?, who)
    }

    pub fn security_settings(&self) -> Result<SecuritySettings> {
        Ok(match self.setting("security")? {
            Some(text) => serde_json::from_str(&text)
                .map_err(|e| StoreError::Rule(format!("安全设置已损坏：{e}")))?,
            None => SecuritySettings::default(),
        })
    }

    pub fn set_security_settings(&mut self, s: &SecuritySettings, who: &Who) -> Result<()> {
        s.check().map_err(StoreError::Rule)?;
        self.set_setting("security", &json(s)?, who)
    }
}

/// A stored time as a clerk writes it (`2026-11-27 09:46`), not as stored.
fn readable_time(at: String) -> String {
    match chrono::NaiveDateTime::parse_from_str(&at, "%Y-%m-%dT%H:%M:%S") {
        Ok(t) => t.format("%Y-%m-%d %H:%M").to_string(),
        Err(_) => at,
    }
}
