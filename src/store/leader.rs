//! Team-leader records: 案卷评查 rounds, 过错责任 records, the patrol log, and the
//! whole-team reads statistics need (imported ledger rows are `ledger.rs`). Each write is one transaction with its
//! audit entry.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, TransactionBehavior};

use super::audit::{append, Who};
use super::{now_text, Result, Store, StoreError};
use crate::domain::case::Case;
use crate::domain::patrol::Patrol;
use crate::domain::review::fault::{FaultCategory, FaultRecord};
use crate::domain::review::sheet::Score;
use crate::domain::review::ReviewRound;

fn bad_json(what: &str, e: serde_json::Error) -> StoreError {
    StoreError::Rule(format!("{what}数据已损坏：{e}"))
}

fn date(s: &str) -> Result<NaiveDate> {
    s.parse()
        .map_err(|_| StoreError::Rule(format!("日期“{s}”已损坏")))
}

impl Store {
    /// Every case, for statistics and ledgers.
    pub fn all_cases(&self) -> Result<Vec<Case>> {
        let mut st = self
            .conn
            .prepare("SELECT id, data FROM case_file ORDER BY id")?;
        let rows = st.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (id, data) = row?;
            out.push(
                serde_json::from_str(&data).map_err(|e| bad_json(&format!("案件 {id} 的"), e))?,
            );
        }
        Ok(out)
    }

    /// Open deadlines past due across the team.
    /// Cases proposed in `from..=to` whose next open deadline is past due (as of the last
    /// refresh): the period's own overdue work, so a year without cases shows none.
    pub fn overdue_count(&self, from: NaiveDate, to: NaiveDate) -> Result<usize> {
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM case_file
             WHERE next_due_state = ?1 AND proposed_on >= ?2 AND proposed_on <= ?3",
            params![
                super::Code(crate::domain::case::deadlines::DeadlineState::Overdue),
                from.to_string(),
                to.to_string()
            ],
            |r| r.get(0),
        )?;
        Ok(n as usize)
    }

    /// Saves the next review round of a case.
    pub fn add_review_round(
        &mut self,
        case_id: i64,
        reviewer: &crate::domain::people::User,
        on: NaiveDate,
        score: &Score,
    ) -> Result<ReviewRound> {
        let mut saved = self.add_review_rounds(&[(case_id, score.clone())], reviewer, on, None)?;
        saved
            .pop()
            .ok_or_else(|| StoreError::Rule("评查未保存".into()))
    }

    /// Saves the next review round of each case in one transaction, each with its audit
    /// entry; with `selection` (how the cases were chosen: period, squad, officer, sample
    /// size and seed) one more entry records it, so the sample can be drawn again.
    pub fn add_review_rounds(
        &mut self,
        scored: &[(i64, Score)],
        reviewer: &crate::domain::people::User,
        on: NaiveDate,
        selection: Option<(&str, serde_json::Value)>,
    ) -> Result<Vec<ReviewRound>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut out = Vec::new();
        for (case_id, score) in scored {
            let case_id = *case_id;
            let round: i64 = tx.query_row(
                "SELECT coalesce(max(round), 0) + 1 FROM review_round WHERE case_id = ?1",
                [case_id],
                |r| r.get(0),
            )?;
            let data = serde_json::to_string(score).map_err(|e| bad_json("评分", e))?;
            tx.execute(
                "INSERT INTO review_round (case_id, round, reviewer_id, reviewer_name, date, score, grade, data, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![case_id, round, reviewer.id, reviewer.name, on.to_string(), score.score, score.grade, data, now_text()],
            )?;
            let id = tx.last_insert_rowid();
            append(
                &tx,
                &Who::user(reviewer),
                Some(case_id),
                "案卷评查",
                &format!("第{round}轮评查：{}分，{}", score.score_text(), score.grade),
                &serde_json::json!({ "round": round, "score": score.score }),
            )?;
            out.push(ReviewRound {
                id,
                case_id,
                round: round as u32,
                reviewer_id: reviewer.id,
                reviewer_name: reviewer.name.clone(),
                date: on,
                score: score.clone(),
            });
        }
        if let Some((summary, detail)) = selection {
            append(
                &tx,
                &Who::user(reviewer),
                None,
                "评查选案",
                summary,
                &detail,
            )?;
        }
        tx.commit()?;
        Ok(out)
    }

    /// The selections of earlier review rounds (the "评查选案" audit entries), newest first:
    /// when, by whom, and what was chosen how.
    pub fn review_selections(&self) -> Result<Vec<(String, String, String)>> {
        let mut st = self.conn.prepare(
            "SELECT at, user_name, summary FROM audit WHERE action = '评查选案' ORDER BY id DESC",
        )?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn rounds_where(
        &self,
        sql_where: &str,
        args: &[&dyn rusqlite::ToSql],
    ) -> Result<Vec<ReviewRound>> {
        let sql = format!(
            "SELECT id, case_id, round, reviewer_id, reviewer_name, date, data FROM review_round {sql_where} ORDER BY date, case_id, round"
        );
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(args, |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, case_id, round, reviewer_id, reviewer_name, d, data) = row?;
            out.push(ReviewRound {
                id,
                case_id,
                round: round as u32,
                reviewer_id,
                reviewer_name,
                date: date(&d)?,
                score: serde_json::from_str(&data).map_err(|e| bad_json("评查", e))?,
            });
        }
        Ok(out)
    }

    pub fn review_rounds(&self, case_id: i64) -> Result<Vec<ReviewRound>> {
        self.rounds_where("WHERE case_id = ?1", &[&case_id])
    }

    pub fn review_rounds_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<ReviewRound>> {
        self.rounds_where(
            "WHERE date >= ?1 AND date <= ?2",
            &[&from.to_string(), &to.to_string()],
        )
    }

    pub fn add_fault(&mut self, f: &FaultRecord, who: &Who) -> Result<i64> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO fault_record (case_id, category, finding, outcome, date, recorded_by, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                f.case_id,
                crate::domain::serde_name(&f.category),
                f.finding,
                f.outcome,
                f.date.to_string(),
                f.recorded_by,
                now_text()
            ],
        )?;
        let id = tx.last_insert_rowid();
        for o in &f.officers {
            tx.execute(
                "INSERT OR IGNORE INTO fault_officer (fault_id, user_id) VALUES (?1, ?2)",
                params![id, o],
            )?;
        }
        append(
            &tx,
            who,
            Some(f.case_id),
            "过错责任",
            &format!(
                "登记过错责任：{}（{}）",
                f.category.name(),
                f.category.article()
            ),
            &serde_json::to_value(f).unwrap_or_default(),
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// Records how a fault was dealt with (处理结果) — the follow-up of a record made
    /// before the outcome was known; audited with the earlier outcome.
    pub fn set_fault_outcome(&mut self, id: i64, outcome: &str, who: &Who) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (case_id, before): (i64, String) = tx
            .query_row(
                "SELECT case_id, outcome FROM fault_record WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| StoreError::Rule(format!("没有编号为 #{id} 的过错责任记录")))?;
        tx.execute(
            "UPDATE fault_record SET outcome = ?1 WHERE id = ?2",
            params![outcome, id],
        )?;
        append(
            &tx,
            who,
            Some(case_id),
            "过错责任",
            &format!("过错责任 #{id} 处理结果：{outcome}"),
            &serde_json::json!({ "fault": id, "outcome": outcome, "before": before }),
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn faults(&self) -> Result<Vec<FaultRecord>> {
        let mut st = self.conn.prepare(
            "SELECT id, case_id, category, finding, outcome, date, recorded_by FROM fault_record ORDER BY date, id",
        )?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, i64>(6)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, case_id, cat, finding, outcome, d, recorded_by) = row?;
            let mut st2 = self.conn.prepare(
                "SELECT user_id FROM fault_officer WHERE fault_id = ?1 ORDER BY user_id",
            )?;
            let officers = st2
                .query_map([id], |r| r.get::<_, i64>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            out.push(FaultRecord {
                id,
                case_id,
                officers,
                category: FaultCategory::parse(&cat)
                    .ok_or_else(|| StoreError::Rule(format!("过错类别“{cat}”已损坏")))?,
                finding,
                outcome,
                date: date(&d)?,
                recorded_by,
            });
        }
        Ok(out)
    }

    pub fn add_patrol(&mut self, p: &Patrol, who: &Who) -> Result<i64> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let data = serde_json::to_string(p).map_err(|e| bad_json("巡查", e))?;
        tx.execute(
            "INSERT INTO patrol (date, squad, data, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![p.date.to_string(), p.squad, data, who.user_id.unwrap_or(0), now_text()],
        )?;
        let id = tx.last_insert_rowid();
        append(
            &tx,
            who,
            None,
            "巡查记录",
            &format!("登记巡查：{} {}", p.date, p.place),
            &serde_json::json!({ "patrol": id }),
        )?;
        tx.commit()?;
        Ok(id)
    }

    pub fn patrols_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Patrol>> {
        let mut st = self.conn.prepare(
            "SELECT id, data FROM patrol WHERE date >= ?1 AND date <= ?2 ORDER BY date, id",
        )?;
        let rows = st.query_map(params![from.to_string(), to.to_string()], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, data) = row?;
            let mut p: Patrol = serde_json::from_str(&data).map_err(|e| bad_json("巡查", e))?;
            p.id = id;
            out.push(p);
        }
        Ok(out)
    }
}
