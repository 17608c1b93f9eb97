//! The powers catalog in the database, versioned so that an old case keeps the law that
//! applied to it: each import closes the versions it changes (effective_to) and adds new ones.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Transaction, TransactionBehavior};

use super::audit::{self, Who};
use super::{now_text, Result, Store, StoreError};
use crate::domain::catalog::import_check::{check_import, consent_covers, ImportConsent};
use crate::domain::catalog::{Catalog, Power};
use crate::domain::field::Field;

/// What an import changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportReport {
    pub added: Vec<String>,
    pub changed: Vec<String>,
    pub unchanged: usize,
    pub retired: Vec<String>,
}

/// One stored version of a power.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PowerVersion {
    /// Row id; cases point at this.
    pub id: i64,
    pub version: i64,
    pub power: Power,
}

struct Current {
    id: i64,
    version: i64,
    effective_from: NaiveDate,
    data: String,
}

/// The power as JSON without its effective dates: two versions with equal content are the same.
fn content_key(p: &Power) -> String {
    let mut p = p.clone();
    p.effective_from = None;
    p.effective_to = None;
    serde_json::to_string(&p).unwrap_or_default()
}

/// Codes with a version still open (in effect now or from a future date).
fn open_codes(conn: &rusqlite::Connection) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare("SELECT code FROM power WHERE effective_to IS NULL ORDER BY code")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn to_date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn parse_power(data: &str) -> rusqlite::Result<Power> {
    serde_json::from_str(data).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

impl Store {
    /// Imports a checked catalog as one transaction: applies whole or changes nothing.
    ///
    /// For each code: same content → unchanged; new content → the current version ends the
    /// day before the new one starts, and a new version is added; codes missing from the new
    /// list end the day before the list's effective date. A version that would end before it
    /// began (the new list starts no later than it) is replaced outright.
    ///
    /// This is the path of `init` and of trusted lists; a team's file goes through
    /// [`Store::import_catalog_as`], which compares it with the shipped template first.
    pub fn import_catalog(
        &mut self,
        catalog: &Catalog,
        source: &str,
        who: &Who,
    ) -> Result<ImportReport> {
        self.import_catalog_checked(catalog, source, who, None)
    }

    /// What importing `catalog` would do, read only: the statutory ranges that differ from
    /// the shipped template and the items in effect now it would retire (the same check the
    /// import makes, shown before anyone confirms).
    pub fn catalog_import_preview(
        &self,
        catalog: &Catalog,
    ) -> Result<crate::domain::catalog::import_check::ImportCheck> {
        let template = crate::assets::catalog_template().map_err(|issues| {
            StoreError::Rule(format!("内置权限清单模板有 {} 处问题", issues.len()))
        })?;
        Ok(check_import(catalog, &template, &open_codes(&self.conn)?))
    }

    /// Imports a team's catalog after `catalog::import_check`: a statutory range that
    /// differs from the shipped template's needs `consent.override_statutory` (a reason), and
    /// retiring items the file leaves out needs `consent.retire_missing`; otherwise nothing is
    /// changed and the error lists every item concerned. The consent, the changed ranges and
    /// the retired codes go into the audit entry.
    pub fn import_catalog_as(
        &mut self,
        catalog: &Catalog,
        source: &str,
        who: &Who,
        consent: &ImportConsent,
    ) -> Result<ImportReport> {
        self.import_catalog_checked(catalog, source, who, Some(consent))
    }

    fn import_catalog_checked(
        &mut self,
        catalog: &Catalog,
        source: &str,
        who: &Who,
        consent: Option<&ImportConsent>,
    ) -> Result<ImportReport> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let checked = match consent {
            Some(consent) => {
                let template = crate::assets::catalog_template().map_err(|issues| {
                    StoreError::Rule(format!("内置权限清单模板有 {} 处问题", issues.len()))
                })?;
                let check = check_import(catalog, &template, &open_codes(&tx)?);
                consent_covers(&check, consent).map_err(StoreError::Rule)?;
                Some(serde_json::json!({ "consent": consent, "check": check }))
            }
            None => None,
        };
        tx.execute(
            "INSERT INTO catalog_import (name, version, template, effective_from, source, imported_at,
                                         added, changed, retired)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, 0, 0)",
            params![
                catalog.meta.name,
                catalog.meta.version,
                catalog.meta.template,
                to_date_text(catalog.meta.effective_from),
                source,
                now_text()
            ],
        )?;
        let import_id = tx.last_insert_rowid();
        let mut report = ImportReport::default();
        for power in &catalog.powers {
            let from = power.resolved_effective_from(catalog.meta.effective_from);
            match current_version(&tx, &power.code)? {
                Some(cur) if cur.data == content_key(power) => report.unchanged += 1,
                Some(cur) => {
                    end_version(&tx, &cur, from, &power.code)?;
                    insert_version(&tx, power, cur.version + 1, from, import_id)?;
                    report.changed.push(power.code.clone());
                }
                None => {
                    let next = next_version_number(&tx, &power.code)?;
                    insert_version(&tx, power, next, from, import_id)?;
                    report.added.push(power.code.clone());
                }
            }
        }
        let listed: std::collections::HashSet<&str> =
            catalog.powers.iter().map(|p| p.code.as_str()).collect();
        for code in open_codes(&tx)?
            .into_iter()
            .filter(|c| !listed.contains(c.as_str()))
        {
            if let Some(cur) = current_version(&tx, &code)? {
                end_version(&tx, &cur, catalog.meta.effective_from, &code)?;
                report.retired.push(code);
            }
        }
        tx.execute(
            "UPDATE catalog_import SET added = ?1, changed = ?2, retired = ?3 WHERE id = ?4",
            params![
                report.added.len() as i64,
                report.changed.len() as i64,
                report.retired.len() as i64,
                import_id
            ],
        )?;
        audit::append(
            &tx,
            who,
            None,
            "导入权限清单",
            &format!(
                "导入“{}”（{}）：新增 {}，修改 {}，停用 {}",
                catalog.meta.name,
                source,
                report.added.len(),
                report.changed.len(),
                report.retired.len()
            ),
            &serde_json::json!({ "meta": catalog.meta, "report": report, "checked": checked }),
        )?;
        tx.commit()?;
        Ok(report)
    }

    /// Powers in effect on `date`, optionally of one field, ordered by code.
    pub fn powers_on(&self, date: NaiveDate, field: Option<Field>) -> Result<Vec<PowerVersion>> {
        let field_name = field.map(Field::name);
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, version, data, effective_from, effective_to FROM power
             WHERE effective_from <= ?1 AND (effective_to IS NULL OR effective_to >= ?1)
               AND (?2 IS NULL OR field = ?2)
             ORDER BY code",
        )?;
        let rows = stmt.query_map(params![to_date_text(date), field_name], row_to_version)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The version of `code` in effect on `date`, if any.
    pub fn power_on(&self, code: &str, date: NaiveDate) -> Result<Option<PowerVersion>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, version, data, effective_from, effective_to FROM power
                 WHERE code = ?1 AND effective_from <= ?2 AND (effective_to IS NULL OR effective_to >= ?2)",
                params![code, to_date_text(date)],
                row_to_version,
            )
            .optional()?)
    }

    /// Every stored version of `code`, oldest first.
    pub fn power_history(&self, code: &str) -> Result<Vec<PowerVersion>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, version, data, effective_from, effective_to FROM power
             WHERE code = ?1 ORDER BY version",
        )?;
        let rows = stmt.query_map([code], row_to_version)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Number of powers in effect on `date`.
    pub fn power_count_on(&self, date: NaiveDate) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM power
             WHERE effective_from <= ?1 AND (effective_to IS NULL OR effective_to >= ?1)",
            [to_date_text(date)],
            |r| r.get(0),
        )?)
    }
}

fn row_to_version(r: &rusqlite::Row<'_>) -> rusqlite::Result<PowerVersion> {
    let data: String = r.get(2)?;
    let mut power = parse_power(&data)?;
    // The row's dates are authoritative: closing a version updates them, not the JSON.
    power.effective_from = r.get::<_, String>(3)?.parse().ok();
    power.effective_to = r.get::<_, Option<String>>(4)?.and_then(|t| t.parse().ok());
    Ok(PowerVersion {
        id: r.get(0)?,
        version: r.get(1)?,
        power,
    })
}

fn current_version(tx: &Transaction<'_>, code: &str) -> Result<Option<Current>> {
    let row = tx
        .query_row(
            "SELECT id, version, effective_from, data FROM power
             WHERE code = ?1 AND effective_to IS NULL",
            [code],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                ))
            },
        )
        .optional()?;
    let Some((id, version, from, data)) = row else {
        return Ok(None);
    };
    let power = parse_power(&data)?;
    let effective_from = from
        .parse()
        .map_err(|_| StoreError::Rule(format!("{code} 的生效日期在数据库中已损坏：{from}")))?;
    Ok(Some(Current {
        id,
        version,
        effective_from,
        data: content_key(&power),
    }))
}

fn next_version_number(tx: &Transaction<'_>, code: &str) -> Result<i64> {
    Ok(tx.query_row(
        "SELECT coalesce(max(version), 0) + 1 FROM power WHERE code = ?1",
        [code],
        |r| r.get(0),
    )?)
}

/// Ends `cur` the day before `new_from`; a version that would end before it began is deleted
/// (a case that uses it makes the foreign key refuse, and the whole import rolls back).
fn end_version(tx: &Transaction<'_>, cur: &Current, new_from: NaiveDate, code: &str) -> Result<()> {
    match new_from.pred_opt().filter(|end| *end >= cur.effective_from) {
        Some(end) => {
            tx.execute(
                "UPDATE power SET effective_to = ?1 WHERE id = ?2",
                params![to_date_text(end), cur.id],
            )?;
        }
        None => {
            tx.execute("DELETE FROM power WHERE id = ?1", [cur.id])
                .map_err(|e| match e.sqlite_error_code() {
                    Some(rusqlite::ErrorCode::ConstraintViolation) => StoreError::Rule(format!(
                        "{code}：现行版本自 {} 起生效且已有案件使用，新清单的生效日期 {new_from} 不能早于它；导入未做任何修改",
                        cur.effective_from
                    )),
                    _ => StoreError::Sqlite(e),
                })?;
        }
    }
    Ok(())
}

fn insert_version(
    tx: &Transaction<'_>,
    power: &Power,
    version: i64,
    from: NaiveDate,
    import_id: i64,
) -> Result<()> {
    let mut stored = power.clone();
    stored.effective_from = Some(from);
    stored.effective_to = None;
    let data = serde_json::to_string(&stored).map_err(|e| StoreError::Rule(e.to_string()))?;
    tx.execute(
        "INSERT INTO power (code, version, effective_from, effective_to, field, subfield, name,
                            own_name, data, import_id)
         VALUES (?1, ?2, ?3, NULL, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            power.code,
            version,
            to_date_text(from),
            power.field.name(),
            power.subfield,
            power.name,
            power.own_name,
            data,
            import_id
        ],
    )?;
    Ok(())
}
