//! What the rules need besides the case. Its own module so the review rules and the
//! workflow both read it without depending on each other.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::rule::{RuleError, RuleResult};
use crate::calendar::Calendar;
use crate::people::User;
use crate::procedure_settings::ProcedureSettings;

/// What the rules need besides the case: today, the calendar, settings and the staff.
pub struct Ctx<'a> {
    pub today: NaiveDate,
    pub calendar: &'a Calendar,
    pub settings: &'a ProcedureSettings,
    pub users: &'a BTreeMap<i64, User>,
}

impl Ctx<'_> {
    pub(crate) fn user(&self, id: i64) -> RuleResult<&User> {
        self.users
            .get(&id)
            .ok_or_else(|| RuleError::input(format!("没有编号为 {id} 的人员")))
    }

    pub(crate) fn users_of(&self, ids: &[i64]) -> RuleResult<Vec<&User>> {
        ids.iter().map(|id| self.user(*id)).collect()
    }
}
