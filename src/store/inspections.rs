//! Inspections (行政检查) in the database: objects, recorded conflicts of interest, plans
//! with their one draw, and inspection records, each as JSON bound to the audit chain
//! (`state::KINDS`). Every write is one transaction with its audit entry.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, TransactionBehavior};

use super::audit::{append, Who};
use super::{now_text, Result, Store, StoreError};
use crate::domain::inspection::{
    Conflict, Draw, InspectionObject, InspectionPlan, InspectionRecord,
};

fn bad_json(what: &str, e: serde_json::Error) -> StoreError {
    StoreError::Rule(format!("{what}记录无法解析：{e}"))
}

fn to_json<T: serde::Serialize>(what: &str, v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| bad_json(what, e))
}

impl Store {
    /// Saves a checked object; a second object with the same credit code is refused.
    pub fn insert_object(&mut self, o: &InspectionObject, who: &Who) -> Result<InspectionObject> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let code = o.credit_code.as_ref().map(|c| c.as_str().to_string());
        if let Some(c) = &code {
            let existing: Option<String> = tx
                .query_row(
                    "SELECT name FROM inspection_object WHERE credit_code = ?1",
                    [c],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(name) = existing {
                return Err(StoreError::Rule(format!(
                    "统一社会信用代码 {c} 已登记为检查对象“{name}”，请勿重复登记"
                )));
            }
        }
        tx.execute(
            "INSERT INTO inspection_object (name, credit_code, field, data, updated_at) VALUES (?1, ?2, ?3, '', ?4)",
            params![o.name, code, o.field.name(), now_text()],
        )?;
        let mut saved = o.clone();
        saved.id = tx.last_insert_rowid();
        tx.execute(
            "UPDATE inspection_object SET data = ?2 WHERE id = ?1",
            params![saved.id, to_json("检查对象", &saved)?],
        )?;
        append(
            &tx,
            who,
            None,
            "登记检查对象",
            &format!("登记检查对象 #{}：{}", saved.id, saved.name),
            &serde_json::json!({ "inspection_object": saved.id }),
        )?;
        tx.commit()?;
        Ok(saved)
    }

    pub fn objects(&self) -> Result<Vec<InspectionObject>> {
        self.json_rows("SELECT data FROM inspection_object ORDER BY id", "检查对象")
    }

    /// Records that `officer` must not inspect `object` (回避).
    pub fn insert_conflict(&mut self, c: &Conflict, who: &Who) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO inspection_conflict (officer, object, reason) VALUES (?1, ?2, ?3)
             ON CONFLICT (officer, object) DO UPDATE SET reason = excluded.reason",
            params![c.officer, c.object, c.reason],
        )?;
        append(
            &tx,
            who,
            None,
            "登记回避情形",
            &format!("登记回避：人员 #{} 不检查对象 #{}", c.officer, c.object),
            &serde_json::json!({ "inspection_conflict": [c.officer, c.object] }),
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn conflicts(&self) -> Result<Vec<Conflict>> {
        let mut st = self.conn.prepare_cached(
            "SELECT officer, object, reason FROM inspection_conflict ORDER BY id",
        )?;
        let rows = st.query_map([], |r| {
            Ok(Conflict {
                officer: r.get(0)?,
                object: r.get(1)?,
                reason: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn insert_plan(&mut self, p: &InspectionPlan, who: &Who) -> Result<InspectionPlan> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO inspection_plan (data, created_at) VALUES ('', ?1)",
            [now_text()],
        )?;
        let mut saved = p.clone();
        saved.id = tx.last_insert_rowid();
        tx.execute(
            "UPDATE inspection_plan SET data = ?2 WHERE id = ?1",
            params![saved.id, to_json("抽查计划", &saved)?],
        )?;
        append(
            &tx,
            who,
            None,
            "登记抽查计划",
            &format!("登记抽查计划 #{}：{}", saved.id, saved.name),
            &serde_json::json!({ "inspection_plan": saved.id }),
        )?;
        tx.commit()?;
        Ok(saved)
    }

    /// Every plan with its draw, if drawn.
    pub fn plans(&self) -> Result<Vec<(InspectionPlan, Option<Draw>)>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT data, draw FROM inspection_plan ORDER BY id")?;
        let rows = st.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (plan, draw) = row?;
            let plan = serde_json::from_str(&plan).map_err(|e| bad_json("抽查计划", e))?;
            let draw = draw
                .map(|d| serde_json::from_str(&d))
                .transpose()
                .map_err(|e| bad_json("抽取结果", e))?;
            out.push((plan, draw));
        }
        Ok(out)
    }

    /// Records a plan's draw, once: a second draw would let a result be chosen.
    pub fn save_draw(&mut self, d: &Draw, who: &Who) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let existing: Option<Option<String>> = tx
            .query_row(
                "SELECT draw FROM inspection_plan WHERE id = ?1",
                [d.plan],
                |r| r.get(0),
            )
            .optional()?;
        match existing {
            None => {
                return Err(StoreError::Rule(format!(
                    "没有编号为 {} 的抽查计划",
                    d.plan
                )))
            }
            Some(Some(_)) => {
                return Err(StoreError::Rule(format!(
                    "抽查计划 #{} 已经抽取过，结果已记录；同一计划不能重新抽取",
                    d.plan
                )))
            }
            Some(None) => {}
        }
        tx.execute(
            "UPDATE inspection_plan SET draw = ?2 WHERE id = ?1",
            params![d.plan, to_json("抽取结果", d)?],
        )?;
        append(
            &tx,
            who,
            None,
            "双随机抽取",
            &format!(
                "抽查计划 #{} 抽取 {} 个对象（种子 {}）",
                d.plan,
                d.objects.len(),
                d.seed
            ),
            &serde_json::json!({ "inspection_plan": d.plan, "seed": d.seed.to_string() }),
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn insert_inspection(
        &mut self,
        rec: &InspectionRecord,
        who: &Who,
    ) -> Result<InspectionRecord> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO inspection (date, object_id, data, updated_at) VALUES (?1, ?2, '', ?3)",
            params![rec.date.to_string(), rec.object, now_text()],
        )?;
        let mut saved = rec.clone();
        saved.id = tx.last_insert_rowid();
        tx.execute(
            "UPDATE inspection SET data = ?2 WHERE id = ?1",
            params![saved.id, to_json("检查记录", &saved)?],
        )?;
        append(
            &tx,
            who,
            None,
            "现场检查",
            &format!("登记现场检查 #{}：{} {}", saved.id, saved.date, saved.place),
            &serde_json::json!({ "inspection": saved.id }),
        )?;
        tx.commit()?;
        Ok(saved)
    }

    /// Replaces a record after a step on it (the 复查).
    pub fn update_inspection(
        &mut self,
        rec: &InspectionRecord,
        what: &str,
        who: &Who,
    ) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let n = tx.execute(
            "UPDATE inspection SET data = ?2, updated_at = ?3 WHERE id = ?1",
            params![rec.id, to_json("检查记录", rec)?, now_text()],
        )?;
        if n == 0 {
            return Err(StoreError::Rule(format!(
                "没有编号为 {} 的检查记录",
                rec.id
            )));
        }
        append(
            &tx,
            who,
            None,
            what,
            &format!("检查记录 #{}：{what}", rec.id),
            &serde_json::json!({ "inspection": rec.id }),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Inspection records dated in `from..=to`, oldest first.
    pub fn inspections_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<InspectionRecord>> {
        let mut st = self.conn.prepare_cached(
            "SELECT data FROM inspection WHERE date >= ?1 AND date <= ?2 ORDER BY date, id",
        )?;
        let rows = st.query_map(params![from.to_string(), to.to_string()], |r| {
            r.get::<_, String>(0)
        })?;
        let mut out = Vec::new();
        for r in rows {
            out.push(serde_json::from_str(&r?).map_err(|e| bad_json("检查记录", e))?);
        }
        Ok(out)
    }

    /// Every inspection of `object`, oldest first.
    pub fn inspections_of(&self, object: i64) -> Result<Vec<InspectionRecord>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT data FROM inspection WHERE object_id = ?1 ORDER BY date, id")?;
        let rows = st.query_map([object], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for r in rows {
            out.push(serde_json::from_str(&r?).map_err(|e| bad_json("检查记录", e))?);
        }
        Ok(out)
    }

    pub fn inspection(&self, id: i64) -> Result<InspectionRecord> {
        let data: String = self
            .conn
            .prepare_cached("SELECT data FROM inspection WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::Rule(format!("没有编号为 {id} 的检查记录")))?;
        serde_json::from_str(&data).map_err(|e| bad_json("检查记录", e))
    }

    fn json_rows<T: serde::de::DeserializeOwned>(&self, sql: &str, what: &str) -> Result<Vec<T>> {
        let mut st = self.conn.prepare_cached(sql)?;
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for r in rows {
            out.push(serde_json::from_str(&r?).map_err(|e| bad_json(what, e))?);
        }
        Ok(out)
    }
}
