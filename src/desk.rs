//! The desk: one place that joins store and domain for every case operation, so that the
//! CLI, the UI and the demo builder all take exactly the same path:
//! load → domain rule → save (one transaction, with deadlines and audit).

use std::path::Path;

use chrono::NaiveDate;

use crate::domain::calendar::Calendar;
use crate::domain::case::{
    self, Action, ActionKind, Case, NewCase, OnSpot, PowerRef, RuleError, RuleResult,
};
use crate::domain::people::User;
use crate::domain::procedure_settings::ProcedureSettings;
use crate::store::{DeadlineCtx, Store, StoreError, Who};

#[derive(Debug, thiserror::Error)]
pub enum DeskError {
    #[error("{0}")]
    Rule(#[from] RuleError),
    #[error("{0}")]
    Store(#[from] StoreError),
}

pub type DeskResult<T> = Result<T, DeskError>;

pub struct Desk {
    pub store: Store,
}

/// Today's local date.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

impl Desk {
    pub fn open(path: &Path) -> DeskResult<Desk> {
        Ok(Desk {
            store: Store::open(path)?,
        })
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

    /// Runs `f` with the rule context (staff, calendar, settings, today) loaded from the store.
    fn with_ctx<T>(
        &self,
        today: NaiveDate,
        f: impl FnOnce(&case::Ctx) -> DeskResult<T>,
    ) -> DeskResult<T> {
        let users = self.store.users()?;
        let (calendar, settings) = self.rules()?;
        let ctx = case::Ctx {
            today,
            calendar: &calendar,
            settings: &settings,
            users: &users,
        };
        f(&ctx)
    }

    /// The calendar and procedural settings the rules and deadlines use.
    fn rules(&self) -> DeskResult<(Calendar, ProcedureSettings)> {
        Ok((self.store.calendar()?, self.store.procedure_settings()?))
    }

    fn save_new(&mut self, case: Case, actor: &User, today: NaiveDate) -> DeskResult<Case> {
        let (calendar, settings) = self.rules()?;
        let dl = DeadlineCtx {
            calendar: &calendar,
            settings: &settings,
            today,
        };
        Ok(self.store.insert_case(case, &Who::user(actor), &dl)?)
    }

    /// 提请立案: a new 一般程序 case under the catalog power in effect on the act date.
    pub fn propose(
        &mut self,
        new: NewCase,
        power_code: &str,
        actor: &User,
        today: NaiveDate,
    ) -> DeskResult<Case> {
        let power = self.power_for(power_code, new.act_date)?;
        let case = self.with_ctx(today, |ctx| {
            Ok(case::propose(new, power, power_code, actor, ctx)?)
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
        let power = self.power_for(power_code, input.date)?;
        let case = self.with_ctx(today, |ctx| {
            Ok(case::decide_on_spot(input, power, power_code, actor, ctx)?)
        })?;
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
            Ok(case::transition(&before, action, actor, ctx)?)
        })?;
        let (calendar, settings) = self.rules()?;
        let dl = DeadlineCtx {
            calendar: &calendar,
            settings: &settings,
            today,
        };
        Ok(self
            .store
            .save_transition(&before, &t, action, &Who::user(actor), &dl)?)
    }

    /// Every step with whether `actor` may take it now, and why not.
    pub fn available(&self, case: &Case, actor: &User) -> Vec<(ActionKind, RuleResult)> {
        case::available(case, actor)
    }

    /// Deadline states move with the date (未到期 → 即将到期 → 已逾期): on the first use of a
    /// day, recompute them for every open case.
    pub fn refresh_deadlines_if_stale(&mut self, today: NaiveDate) -> DeskResult<()> {
        if self.store.deadlines_refreshed_on()? != Some(today) {
            self.recompute_deadlines(today)?;
            self.store.mark_deadlines_refreshed(today)?;
        }
        Ok(())
    }

    /// Recomputes every open case's deadlines (after a holiday table or settings change).
    pub fn recompute_deadlines(&mut self, today: NaiveDate) -> DeskResult<usize> {
        let (calendar, settings) = self.rules()?;
        let dl = DeadlineCtx {
            calendar: &calendar,
            settings: &settings,
            today,
        };
        Ok(self.store.recompute_deadlines(&dl)?)
    }
}
