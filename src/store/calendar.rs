//! Holiday tables in the database, and the working-day calendar built from them.

use rusqlite::{params, OptionalExtension, TransactionBehavior};

use super::audit::{self, Who};
use super::{now_text, Result, Store, StoreError};
use crate::domain::calendar::Calendar;
use crate::domain::holiday_table::HolidayYear;

/// What importing one year's table did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HolidayImport {
    Added,
    Replaced,
    Unchanged,
}

impl HolidayImport {
    /// What the import did, as a message says it.
    pub fn label(self) -> &'static str {
        match self {
            HolidayImport::Added => "已导入",
            HolidayImport::Replaced => "已更新",
            HolidayImport::Unchanged => "内容相同，未修改",
        }
    }
}

impl Store {
    /// Stores one year's (checked) table, replacing an earlier table for that year.
    pub fn import_holiday_year(&mut self, table: &HolidayYear, who: &Who) -> Result<HolidayImport> {
        table.check().map_err(|e| StoreError::Rule(e.to_string()))?;
        let json = serde_json::to_string(table).map_err(|e| StoreError::Rule(e.to_string()))?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let existing: Option<String> = tx
            .query_row(
                "SELECT data FROM holiday_year WHERE year = ?1",
                [table.year],
                |r| r.get(0),
            )
            .optional()?;
        let outcome = match existing {
            Some(old) if old == json => HolidayImport::Unchanged,
            Some(_) => HolidayImport::Replaced,
            None => HolidayImport::Added,
        };
        if outcome != HolidayImport::Unchanged {
            tx.execute(
                "INSERT INTO holiday_year (year, source, data, imported_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(year) DO UPDATE SET source = ?2, data = ?3, imported_at = ?4",
                params![table.year, table.source, json, now_text()],
            )?;
            audit::append(
                &tx,
                who,
                None,
                "导入节假日表",
                &format!("导入 {} 年节假日表（{}）", table.year, table.source),
                &serde_json::json!({ "year": table.year, "source": table.source }),
            )?;
        }
        tx.commit()?;
        Ok(outcome)
    }

    /// Every stored holiday table, by year.
    pub fn holiday_years(&self) -> Result<Vec<HolidayYear>> {
        let mut stmt = self
            .conn
            .prepare("SELECT year, data FROM holiday_year ORDER BY year")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i32>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (year, data) = row?;
            let table: HolidayYear = serde_json::from_str(&data).map_err(|e| {
                StoreError::Rule(format!(
                    "{year} 年节假日表在数据库中已损坏：{e}。请重新导入"
                ))
            })?;
            out.push(table);
        }
        Ok(out)
    }

    /// The working-day calendar: the stored tables under the agency's policy.
    pub fn calendar(&self) -> Result<Calendar> {
        let tables = self.holiday_years()?;
        Ok(Calendar::with_years(self.calendar_policy()?, &tables))
    }
}
