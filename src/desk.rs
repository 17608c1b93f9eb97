//! The desk: one place that joins store and domain for every case operation, so that the
//! CLI, the UI and the demo builder all take exactly the same path:
//! load → domain rule → save (one transaction, with deadlines and audit).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::Path;
use std::rc::Rc;

use chrono::NaiveDate;

use crate::domain::calendar::Calendar;
use crate::domain::case::{
    self, Action, ActionKind, Case, NewCase, OnSpot, PowerRef, RuleError, RuleResult,
};
use crate::domain::people::User;
use crate::domain::procedure_settings::ProcedureSettings;
use crate::store::{DeadlineCtx, Store, StoreError, Who};

pub mod admin;
pub mod catalog;
mod exports;
pub mod goods;
pub mod inspections;
pub use exports::LedgerExport;
mod leader;
pub mod leads;
pub mod object_import;
pub mod restore;
mod stats;
pub mod summaries;
pub use admin::{SettingKind, SettingRow};
pub use leader::{
    may_record_fault, may_review, parse_deduction, NewFault, NewPatrol, QualityBy, SHEET_KEY,
};

#[derive(Debug, thiserror::Error)]
pub enum DeskError {
    #[error("{0}")]
    Rule(#[from] RuleError),
    #[error("{0}")]
    Store(#[from] StoreError),
    /// A refusal in the desk's own words (who may review, what a record needs).
    #[error("{0}")]
    Refused(String),
}

pub type DeskResult<T> = Result<T, DeskError>;

pub struct Desk {
    /// Read through `store()`; audited writes go through the desk's own methods, so every
    /// write of a screen or command is one named operation here.
    store: Store,
    /// The staff list, calendar and settings the rules read, kept between steps: loading
    /// them (the holiday tables are parsed from JSON) cost more than the step itself.
    rules: RefCell<Option<(RulesKey, Rc<Rules>)>>,
}

/// What the rules read besides the case.
struct Rules {
    users: BTreeMap<i64, User>,
    calendar: Calendar,
    settings: ProcedureSettings,
}

/// When the cached rules were loaded: SQLite's `data_version` (moves when another process
/// commits) and this connection's own change count (moves when this process writes, e.g. a
/// settings change). Either moving means reload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct RulesKey {
    others: i64,
    own: u64,
}

/// Today's local date.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

impl Desk {
    pub fn open(path: &Path) -> DeskResult<Desk> {
        Ok(Desk::new(Store::open(path)?))
    }

    pub fn new(store: Store) -> Desk {
        Desk {
            store,
            rules: RefCell::new(None),
        }
    }

    fn rules_key(&self) -> Result<RulesKey, StoreError> {
        Ok(RulesKey {
            others: self.store.data_version()?,
            own: self.store.conn().total_changes(),
        })
    }

    /// The rules' inputs, from the cache unless anything was written since.
    fn rule_data(&self) -> Result<Rc<Rules>, StoreError> {
        let key = self.rules_key()?;
        if let Some((k, r)) = self.rules.borrow().as_ref() {
            if *k == key {
                return Ok(r.clone());
            }
        }
        let r = Rc::new(Rules {
            users: self.store.users()?,
            calendar: self.store.calendar()?,
            settings: self.store.procedure_settings()?,
        });
        *self.rules.borrow_mut() = Some((key, r.clone()));
        Ok(r)
    }

    /// After this desk saved a case (which changes no rule input), the cache stays valid,
    /// unless another process also committed meanwhile.
    fn keep_rules_after_own_save(&self, r: &Rc<Rules>) -> DeskResult<()> {
        let now = self.rules_key()?;
        let mut cache = self.rules.borrow_mut();
        let loaded = cache.as_ref().map(|(k, _)| k.others);
        *cache = (loaded == Some(now.others)).then(|| (now, r.clone()));
        Ok(())
    }

    fn power_for(&self, code: &str, on: NaiveDate) -> DeskResult<Option<PowerRef>> {
        Ok(self
            .store
            .power_on(&code.trim().to_ascii_uppercase(), on)?
            .map(|v| PowerRef {
                id: v.id,
                version: v.version,
                power: v.power,
            }))
    }

    /// The version of `code` in effect on the act date; when the catalog's earliest version
    /// starts after the act, the refusal of 行政处罚法第三十七条 (the text that applied is not
    /// in the catalog) instead of the generic "not in the catalog".
    fn power_for_act(&self, code: &str, act_date: NaiveDate) -> DeskResult<Option<PowerRef>> {
        let found = self.power_for(code, act_date)?;
        if found.is_none() {
            let history = self
                .store
                .power_history(&code.trim().to_ascii_uppercase())?;
            if let Some(from) = history.iter().filter_map(|v| v.power.effective_from).min() {
                case::gates::act_within_catalog_texts(code.trim(), act_date, from)?;
            }
        }
        Ok(found)
    }

    /// 行政处罚法第二十九条: refuses a fine when another case already fined the same act.
    fn check_one_fine_per_act(
        &self,
        case: &Case,
        fine: crate::domain::money::Fen,
    ) -> DeskResult<()> {
        if fine.0 <= 0 {
            return Ok(());
        }
        let ids: Vec<&str> = case.parties.iter().map(|p| p.id_number()).collect();
        let others = self
            .store
            .prior_fines(&ids, (case.id != 0).then_some(case.id))?;
        case::gates::one_fine_per_act(
            &case.power.power,
            &ids,
            case.act_date,
            &case.place,
            fine,
            &others,
        )?;
        Ok(())
    }

    /// The database, for reads. Writes go through the desk's methods (steps, staff,
    /// access records, patrols) or, for the CLI's own commands, `store_mut`.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The database for a write the desk has no method for (the CLI's login, which records
    /// failed attempts, and printing, which audits each print).
    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// Runs `f` with the rules' context (staff, calendar, settings and `today`): what the
    /// review command, the 评查 tab and the demo read the rules through.
    pub fn rule_ctx<T>(
        &self,
        today: NaiveDate,
        f: impl FnOnce(&case::Ctx) -> T,
    ) -> Result<T, StoreError> {
        let r = self.rule_data()?;
        Ok(f(&case::Ctx {
            today,
            calendar: &r.calendar,
            settings: &r.settings,
            users: &r.users,
        }))
    }

    /// The 评查 rules' findings on `case` as of `today`.
    pub fn findings(
        &self,
        case: &Case,
        today: NaiveDate,
    ) -> Result<Vec<crate::domain::review::Finding>, StoreError> {
        self.rule_ctx(today, |ctx| crate::domain::review::check(case, ctx))
    }

    /// Sets a user's password (an admin's reset lifts a lockout); audited.
    pub fn set_password(&mut self, user_id: i64, password: &str, who: &Who) -> DeskResult<()> {
        Ok(self.store.set_password(user_id, password, who)?)
    }

    /// Adds a member of staff; audited.
    pub fn add_user(
        &mut self,
        u: &crate::store::NewUser,
        password: &str,
        who: &Who,
    ) -> DeskResult<User> {
        Ok(self.store.add_user(u, password, who)?)
    }

    /// Logs a user in (counts failed attempts, so it writes).
    pub fn login(
        &mut self,
        username: &str,
        password: &str,
    ) -> Result<User, crate::store::LoginError> {
        self.store.login(username, password)
    }

    /// Disables or enables an account (admin only, never one's own); audited.
    pub fn set_user_active(&mut self, user_id: i64, active: bool, who: &Who) -> DeskResult<User> {
        Ok(self.store.set_user_active(user_id, active, who)?)
    }

    /// Records that `who` viewed a case's full personal data.
    pub fn record_access(&mut self, case_id: i64, who: &Who, what: &str) -> DeskResult<()> {
        Ok(self.store.record_access(case_id, who, what)?)
    }

    /// Runs `f` with the rule context (staff, calendar, settings, today).
    fn with_ctx<T>(
        &self,
        today: NaiveDate,
        f: impl FnOnce(&case::Ctx) -> DeskResult<T>,
    ) -> DeskResult<T> {
        self.rule_ctx(today, f)?
    }

    fn save_new(&mut self, case: Case, actor: &User, today: NaiveDate) -> DeskResult<Case> {
        let r = self.rule_data()?;
        let dl = DeadlineCtx {
            calendar: &r.calendar,
            settings: &r.settings,
            today,
        };
        let saved = self.store.insert_case(case, &Who::user(actor), &dl)?;
        self.keep_rules_after_own_save(&r)?;
        Ok(saved)
    }

    /// 提请立案: a new 一般程序 case under the catalog power in effect on the act date.
    pub fn propose(
        &mut self,
        new: NewCase,
        power_code: &str,
        actor: &User,
        today: NaiveDate,
    ) -> DeskResult<Case> {
        let power = self.power_for_act(power_code, new.act_date)?;
        let case = self.with_ctx(today, |ctx| {
            Ok(case::propose(
                new,
                power,
                power_code,
                as_now(ctx, actor),
                ctx,
            )?)
        })?;
        self.save_new(case, actor, today)
    }

    /// 当场处罚 (简易程序).
    pub fn on_spot(
        &mut self,
        input: OnSpot,
        power_code: &str,
        actor: &User,
        today: NaiveDate,
    ) -> DeskResult<Case> {
        let power = self.power_for_act(power_code, input.date)?;
        let case = self.with_ctx(today, |ctx| {
            Ok(case::decide_on_spot(
                input,
                power,
                power_code,
                as_now(ctx, actor),
                ctx,
            )?)
        })?;
        let fine = case
            .decision
            .as_ref()
            .map_or(crate::domain::money::Fen(0), |d| d.fine);
        self.check_one_fine_per_act(&case, fine)?;
        self.save_new(case, actor, today)
    }

    /// Applies one step to a case. With `expected_version`, refuses if the case changed since
    /// the user loaded it (optimistic check); the store refuses a concurrent save either way.
    pub fn act(
        &mut self,
        case_id: i64,
        expected_version: Option<i64>,
        action: &Action,
        actor: &User,
        today: NaiveDate,
    ) -> DeskResult<Case> {
        let before = self.store.load_case(case_id)?;
        if expected_version.is_some_and(|v| v != before.version) {
            let (by, at) = self.store.last_change(case_id)?;
            return Err(StoreError::Conflict { by, at }.into());
        }
        let t = self.with_ctx(today, |ctx| {
            Ok(case::transition(&before, action, as_now(ctx, actor), ctx)?)
        })?;
        if let Action::Decide { fine, .. } = action {
            self.check_one_fine_per_act(&before, *fine)?;
        }
        let r = self.rule_data()?;
        let dl = DeadlineCtx {
            calendar: &r.calendar,
            settings: &r.settings,
            today,
        };
        let saved = self
            .store
            .save_transition(&before, &t, action, &Who::user(actor), &dl)?;
        self.keep_rules_after_own_save(&r)?;
        Ok(saved)
    }

    /// Every step with whether `actor` could take it on `today`, and why not: the role and
    /// stage, then the step's own gates that need no input (the menu offers only what passes).
    pub fn available(
        &self,
        case: &Case,
        actor: &User,
        today: NaiveDate,
    ) -> Result<Vec<(ActionKind, RuleResult)>, StoreError> {
        self.rule_ctx(today, |ctx| case::available_today(case, actor, ctx))
    }

    /// Deadline states move with the date (未到期 → 即将到期 → 已逾期): on the first use of a
    /// day, recompute them for every open case.
    /// Returns whether it recomputed (false: already done today).
    pub fn refresh_deadlines_if_stale(&mut self, today: NaiveDate) -> DeskResult<bool> {
        if self.store.deadlines_refreshed_on()? == Some(today) {
            return Ok(false);
        }
        self.recompute_deadlines(today)?;
        self.store.mark_deadlines_refreshed(today)?;
        Ok(true)
    }

    /// Checks the whole file (`zhifa check`, the UI's `:check`) and records the result: a
    /// failed record-versus-chain check leaves the file read-only at the next open.
    pub fn check_file(&mut self) -> DeskResult<Vec<crate::store::maintenance::CheckItem>> {
        let items = self.store.check()?;
        // The record-versus-chain findings make the file read-only at the next open; a
        // missing attachment or a damaged page has its own remedy (restore) and does not.
        let failed: Vec<&str> = items
            .iter()
            .filter(|c| !c.ok && crate::store::maintenance::BINDS_READ_ONLY.contains(&c.name))
            .map(|c| c.name)
            .collect();
        self.store
            .record_check_result((!failed.is_empty()).then(|| failed.join("、")).as_deref());
        Ok(items)
    }

    /// Backs the file and its evidence up now into `to` or the default folder, pruning old
    /// backups by the retention rule. Returns the backup and the removed ones.
    pub fn backup_now(
        &self,
        to: Option<&Path>,
    ) -> DeskResult<(std::path::PathBuf, Vec<std::path::PathBuf>)> {
        let dir = self.store.backup_dir(to)?;
        Ok(self
            .store
            .backup_to(&dir, chrono::Local::now().naive_local())?)
    }

    /// Imports one year's holiday table (the State Council's notice) as an administrator,
    /// then recomputes every open case's deadlines, which depend on the calendar (estimated
    /// dates of that year become final). The CLI's `calendar import` and the UI's 期限日历
    /// both come here. Returns what the import did and how many cases changed.
    pub fn import_holiday_year(
        &mut self,
        table: &crate::domain::holiday_table::HolidayYear,
        admin: &User,
        today: NaiveDate,
    ) -> DeskResult<(crate::store::HolidayImport, usize)> {
        crate::domain::people::may_administer(admin)
            .map_err(|e| RuleError::role("岗位权限", e.to_string()))?;
        let outcome = self.store.import_holiday_year(table, &Who::user(admin))?;
        let updated = self.recompute_deadlines(today)?;
        Ok((outcome, updated))
    }

    /// Recomputes every open case's deadlines (after a holiday table or settings change).
    pub fn recompute_deadlines(&mut self, today: NaiveDate) -> DeskResult<usize> {
        let r = self.rule_data()?;
        let dl = DeadlineCtx {
            calendar: &r.calendar,
            settings: &r.settings,
            today,
        };
        Ok(self.store.recompute_deadlines(&dl)?)
    }
}

/// The actor as the staff table says now: a session logged in before an admin deactivated
/// the account or changed its roles acts with what holds now.
fn as_now<'a>(ctx: &'a case::Ctx, actor: &'a User) -> &'a User {
    ctx.users.get(&actor.id).unwrap_or(actor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_are_cached_until_anything_else_writes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.sqlite3");
        crate::workload::setup(&path).unwrap();
        let desk = Desk::open(&path).unwrap();
        let first = desk.rule_data().unwrap();
        assert!(Rc::ptr_eq(&first, &desk.rule_data().unwrap()), "cached");
        // Another process (connection) changes a setting: reload, and see the change.
        let mut other = Store::open(&path).unwrap();
        let mut s = other.procedure_settings().unwrap();
        s.statement_period_working_days += 2;
        other.set_procedure_settings(&s, &Who::system()).unwrap();
        let second = desk.rule_data().unwrap();
        assert!(
            !Rc::ptr_eq(&first, &second),
            "reloaded after another writer"
        );
        assert_eq!(
            second.settings.statement_period_working_days,
            s.statement_period_working_days
        );
        // This desk's own write outside a case save: reload too.
        desk.store.mark_deadlines_refreshed(today()).unwrap();
        assert!(!Rc::ptr_eq(&second, &desk.rule_data().unwrap()));
    }
}
