//! The agency settings row and the key/value settings table.

use rusqlite::{params, OptionalExtension};

use super::audit::{self, Who};
use super::{now_text, Result, Store, StoreError};
use crate::domain::agency::Agency;
use crate::domain::calendar::CalendarPolicy;

const POLICY_MAKEUP: &str = "calendar.makeup_days_are_working_days";
const POLICY_ROLL: &str = "calendar.roll_periods_past_rest_days";

/// Agency settings added after the agency table (法定代表人, the bank and account fines are
/// paid into): kept as settings, so no migration changes the agency row the chain binds.
const AGENCY_EXTRA: [&str; 3] = [
    "agency.legal_rep",
    "agency.payment_bank",
    "agency.payment_account",
];

impl Store {
    /// The agency settings; an error if `init` never completed.
    pub fn agency(&self) -> Result<Agency> {
        self.conn
            .prepare_cached("SELECT township, full_name, abbr, address, phone, review_body, court, case_no_pattern
                 FROM agency WHERE id = 1")?
            .query_row(
                [],
                |r| {
                    Ok(Agency {
                        township: r.get(0)?,
                        full_name: r.get(1)?,
                        abbr: r.get(2)?,
                        address: r.get(3)?,
                        phone: r.get(4)?,
                        review_body: r.get(5)?,
                        court: r.get(6)?,
                        case_no_pattern: r.get(7)?,
                        legal_rep: String::new(),
                        payment_bank: String::new(),
                        payment_account: String::new(),
                    })
                },
            )
            .optional()?
            .ok_or(StoreError::NotInitialised)
            .and_then(|mut a| {
                let [rep, bank, account] = AGENCY_EXTRA;
                a.legal_rep = self.setting(rep)?.unwrap_or_default();
                a.payment_bank = self.setting(bank)?.unwrap_or_default();
                a.payment_account = self.setting(account)?.unwrap_or_default();
                Ok(a)
            })
    }

    /// Writes the agency settings (insert on init, update afterwards), with an audit entry.
    pub fn save_agency(&mut self, a: &Agency, who: &Who) -> Result<()> {
        a.check().map_err(|e| StoreError::Rule(e.to_string()))?;
        let before = self.agency().ok();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO agency (id, township, full_name, abbr, address, phone, review_body, court,
                                 case_no_pattern, created_at)
             VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT(id) DO UPDATE SET township = ?1, full_name = ?2, abbr = ?3, address = ?4,
                 phone = ?5, review_body = ?6, court = ?7, case_no_pattern = ?8",
            params![
                a.township,
                a.full_name,
                a.abbr,
                a.address,
                a.phone,
                a.review_body,
                a.court,
                a.case_no_pattern,
                now_text()
            ],
        )?;
        for (key, value) in
            AGENCY_EXTRA
                .iter()
                .zip([&a.legal_rep, &a.payment_bank, &a.payment_account])
        {
            tx.execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = ?2",
                params![key, value],
            )?;
        }
        audit::append(
            &tx,
            who,
            None,
            "机关设置",
            "修改机关设置",
            &serde_json::json!({ "before": before, "after": a }),
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT value FROM setting WHERE key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?)
    }

    /// Sets one setting, with an audit entry of the old and new value.
    pub fn set_setting(&mut self, key: &str, value: &str, who: &Who) -> Result<()> {
        let before = self.setting(key)?;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = ?2",
            params![key, value],
        )?;
        audit::append(
            &tx,
            who,
            None,
            "系统设置",
            &format!("修改设置 {key}"),
            &serde_json::json!({ "key": key, "before": before, "after": value }),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The calendar policy (M-tagged practice readings), defaulting where unset.
    pub fn calendar_policy(&self) -> Result<CalendarPolicy> {
        let default = CalendarPolicy::default();
        let flag = |key: &str, fallback: bool| -> Result<bool> {
            Ok(match self.setting(key)?.as_deref() {
                Some("true") => true,
                Some("false") => false,
                _ => fallback,
            })
        };
        Ok(CalendarPolicy {
            makeup_days_are_working_days: flag(
                POLICY_MAKEUP,
                default.makeup_days_are_working_days,
            )?,
            roll_periods_past_rest_days: flag(POLICY_ROLL, default.roll_periods_past_rest_days)?,
        })
    }

    pub fn set_calendar_policy(&mut self, p: CalendarPolicy, who: &Who) -> Result<()> {
        self.set_setting(
            POLICY_MAKEUP,
            &p.makeup_days_are_working_days.to_string(),
            who,
        )?;
        self.set_setting(POLICY_ROLL, &p.roll_periods_past_rest_days.to_string(), who)
    }
}
