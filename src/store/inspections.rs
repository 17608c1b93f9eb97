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
        let saved = insert_object_row(&tx, o)?;
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

    /// Saves the objects of an import in one transaction with one audit entry naming the
    /// file: all of them, or (a credit code registered meanwhile) none.
    pub fn insert_objects(
        &mut self,
        objects: &[InspectionObject],
        source: &str,
        who: &Who,
    ) -> Result<Vec<InspectionObject>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let saved = objects
            .iter()
            .map(|o| insert_object_row(&tx, o))
            .collect::<Result<Vec<_>>>()?;
        let ids: Vec<i64> = saved.iter().map(|o| o.id).collect();
        append(
            &tx,
            who,
            None,
            "导入检查对象",
            &format!("从 {source} 导入检查对象 {} 个", saved.len()),
            &serde_json::json!({ "inspection_objects": ids }),
        )?;
        tx.commit()?;
        Ok(saved)
    }

    pub fn objects(&self) -> Result<Vec<InspectionObject>> {
        self.json_rows("SELECT data FROM inspection_object ORDER BY id", "检查对象")
    }

    /// Records that `officer` must not inspect `object` (回避); a second record of the same
    /// pair replaces its reason and date.
    pub fn insert_conflict(&mut self, c: &Conflict, who: &Who) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO inspection_conflict (officer, object, reason, recorded_on) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (officer, object) DO UPDATE SET reason = excluded.reason, recorded_on = excluded.recorded_on",
            params![c.officer, c.object, c.reason, c.recorded_on.map(|d| d.to_string())],
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

    /// Removes a recorded conflict (回避 no longer applies), with the reason in the audit entry.
    pub fn delete_conflict(
        &mut self,
        officer: i64,
        object: i64,
        why: &str,
        who: &Who,
    ) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let n = tx.execute(
            "DELETE FROM inspection_conflict WHERE officer = ?1 AND object = ?2",
            params![officer, object],
        )?;
        if n == 0 {
            return Err(StoreError::Rule(format!(
                "人员 #{officer} 与检查对象 #{object} 没有登记回避"
            )));
        }
        append(
            &tx,
            who,
            None,
            "撤销回避情形",
            &format!("撤销回避：人员 #{officer} 与对象 #{object}（{why}）"),
            &serde_json::json!({ "inspection_conflict": [officer, object], "reason": why }),
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn conflicts(&self) -> Result<Vec<Conflict>> {
        let mut st = self.conn.prepare_cached(
            "SELECT officer, object, reason, recorded_on FROM inspection_conflict ORDER BY id",
        )?;
        let rows = st.query_map([], |r| {
            Ok((
                Conflict {
                    officer: r.get(0)?,
                    object: r.get(1)?,
                    reason: r.get(2)?,
                    recorded_on: None,
                },
                r.get::<_, Option<String>>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (mut c, on) = row?;
            c.recorded_on = on
                .map(|d| d.parse())
                .transpose()
                .map_err(|e| StoreError::Rule(format!("回避记录的日期无法解析：{e}")))?;
            out.push(c);
        }
        Ok(out)
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

    /// The file names of every inspection's photos (a refused record's copies are removed
    /// only if no saved record names them).
    pub fn inspection_photo_names(&self) -> Result<std::collections::HashSet<String>> {
        let records: Vec<InspectionRecord> =
            self.json_rows("SELECT data FROM inspection ORDER BY id", "检查记录")?;
        Ok(records
            .into_iter()
            .flat_map(|r| r.photos)
            .map(|p| p.file_name)
            .collect())
    }

    /// Every inspection record, oldest first (the photos' check).
    pub fn all_inspections(&self) -> Result<Vec<InspectionRecord>> {
        self.json_rows("SELECT data FROM inspection ORDER BY date, id", "检查记录")
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

/// One object row, refused if its credit code is already registered.
fn insert_object_row(tx: &rusqlite::Transaction, o: &InspectionObject) -> Result<InspectionObject> {
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
    Ok(saved)
}
