//! The Chinese working-day calendar and the three ways the law counts a period.
//!
//! - **Working days** (工作日): 行政处罚法 Art 85 (its 二日/三日/五日/七日 are working days),
//!   行政强制法 Art 69 (its periods of ten days or less). The start day is not counted.
//! - **Calendar days** (日): 民事诉讼法 (2023) Art 85 — the start day is not counted, and a
//!   period whose last day is a rest day ends on the next working day.
//! - **Months** (月): the same Art 85; the period ends on the same date N months later (the
//!   last day of that month if it has no such date), rolled forward past rest days.
//!
//! Two readings are practice, not statute (legal-rules.md marks them M), so they are policy
//! switches rather than hard-coded: whether a 调休 weekend working day counts as a working day,
//! and whether the roll-forward of 民诉法 Art 85 applies to 行政处罚法's calendar-day periods.
//!
//! A date in a year with no holiday table is an error naming the year, never a guess.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Months, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::holiday_table::{DayKind, HolidayYear};

pub mod statutory;

/// Practice readings that a team may configure (legal-rules.md: tagged M).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarPolicy {
    /// A 调休 Saturday or Sunday that is an official working day counts as a working day.
    pub makeup_days_are_working_days: bool,
    /// A calendar-day or month period ending on a rest day moves to the next working day.
    pub roll_periods_past_rest_days: bool,
}

impl Default for CalendarPolicy {
    fn default() -> Self {
        Self {
            makeup_days_are_working_days: true,
            roll_periods_past_rest_days: true,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum CalendarError {
    #[error("缺少 {0} 年的节假日表，无法计算该年的期限。请用 `zhifa calendar import 文件` 导入国务院办公厅公布的 {0} 年放假安排")]
    MissingYear(i32),
    #[error("期限超出可计算的日期范围")]
    OutOfRange,
}

/// How long a legal period is, in the unit the statute uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "unit", content = "count", rename_all = "snake_case")]
pub enum Period {
    WorkingDays(u32),
    Days(u32),
    Months(u32),
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Period::WorkingDays(n) => write!(f, "{n}个工作日"),
            Period::Days(n) => write!(f, "{n}日"),
            Period::Months(n) => write!(f, "{n}个月"),
        }
    }
}

/// What kind of day a date is, for display (the deadline calendar) and for explanations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum DayType {
    Workday,
    Weekend,
    /// Off by the holiday notice; carries the holiday's name.
    Holiday(String),
    /// A weekend day worked under 调休; carries the holiday's name.
    Makeup(String),
}

#[derive(Debug, Clone, Default)]
struct YearDays {
    off: BTreeSet<NaiveDate>,
    makeup: BTreeSet<NaiveDate>,
    names: BTreeMap<NaiveDate, String>,
}

/// The working-day calendar built from the holiday tables that are loaded.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    years: BTreeMap<i32, YearDays>,
    policy: CalendarPolicy,
}

impl Calendar {
    pub fn new(policy: CalendarPolicy) -> Self {
        Self {
            years: BTreeMap::new(),
            policy,
        }
    }

    /// A calendar holding the given (already checked) tables.
    pub fn with_years<'a>(
        policy: CalendarPolicy,
        tables: impl IntoIterator<Item = &'a HolidayYear>,
    ) -> Self {
        let mut cal = Self::new(policy);
        for t in tables {
            cal.insert(t);
        }
        cal
    }

    /// Adds or replaces one year's table.
    pub fn insert(&mut self, table: &HolidayYear) {
        let mut days = YearDays::default();
        for (date, kind, name) in table.days() {
            match kind {
                DayKind::Off => days.off.insert(date),
                DayKind::Makeup => days.makeup.insert(date),
            };
            days.names.insert(date, name.to_string());
        }
        self.years.insert(table.year, days);
    }

    pub fn policy(&self) -> CalendarPolicy {
        self.policy
    }

    /// A copy of this calendar where each year without an imported table, among those
    /// [`statutory::statutory_year`] can estimate, counts only weekends and the statutory
    /// holidays. Its dates are estimates ("预计"), never a basis for a step.
    pub fn with_statutory_estimates(&self) -> Calendar {
        let mut cal = self.clone();
        for year in statutory::estimable_years() {
            if !cal.years.contains_key(&year) {
                if let Some(table) = statutory::statutory_year(year) {
                    cal.insert(&table);
                }
            }
        }
        cal
    }

    /// Whether `year` has an imported table (not an estimate).
    pub fn has_year(&self, year: i32) -> bool {
        self.years.contains_key(&year)
    }

    /// The year whose State Council notice should be imported now, if any: this year's
    /// when it has no table, and from December on the coming year's (the notice is usually
    /// published in November, and the first cases of December already run into it). Until
    /// then that year's deadlines are only estimates (`DeadlineState::Estimated`).
    pub fn table_wanted(&self, today: NaiveDate) -> Option<i32> {
        if !self.has_year(today.year()) {
            Some(today.year())
        } else if today.month() == 12 && !self.has_year(today.year() + 1) {
            Some(today.year() + 1)
        } else {
            None
        }
    }

    /// The years that have a table, ascending.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.years.keys().copied()
    }

    fn year(&self, date: NaiveDate) -> Result<&YearDays, CalendarError> {
        self.years
            .get(&date.year())
            .ok_or(CalendarError::MissingYear(date.year()))
    }

    /// What kind of day `date` is.
    pub fn day_type(&self, date: NaiveDate) -> Result<DayType, CalendarError> {
        let y = self.year(date)?;
        let name = || y.names.get(&date).cloned().unwrap_or_default();
        Ok(if y.off.contains(&date) {
            DayType::Holiday(name())
        } else if y.makeup.contains(&date) {
            DayType::Makeup(name())
        } else if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
            DayType::Weekend
        } else {
            DayType::Workday
        })
    }

    /// Whether `date` is a working day: Monday to Friday and not off under the notice, or a
    /// 调休 make-up day (when the policy counts those).
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, CalendarError> {
        Ok(match self.day_type(date)? {
            DayType::Workday => true,
            DayType::Makeup(_) => self.policy.makeup_days_are_working_days,
            DayType::Weekend | DayType::Holiday(_) => false,
        })
    }

    /// The `n`-th working day after `from` (the start day is not counted). `n = 0` gives `from`.
    pub fn add_working_days(&self, from: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        let mut day = from;
        let mut left = n;
        while left > 0 {
            day = day.succ_opt().ok_or(CalendarError::OutOfRange)?;
            if self.is_working_day(day)? {
                left -= 1;
            }
        }
        Ok(day)
    }

    /// `date` itself if it is a working day, else the next working day.
    pub fn next_working_day_from(&self, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        let mut day = date;
        while !self.is_working_day(day)? {
            day = day.succ_opt().ok_or(CalendarError::OutOfRange)?;
        }
        Ok(day)
    }

    fn roll(&self, end: NaiveDate) -> Result<NaiveDate, CalendarError> {
        if self.policy.roll_periods_past_rest_days {
            self.next_working_day_from(end)
        } else {
            // Still refuse a date in a year without a table: the caller would act on it.
            self.year(end)?;
            Ok(end)
        }
    }

    /// Last day of a period of `days` calendar days starting after `from`.
    pub fn days_period_end(&self, from: NaiveDate, days: u32) -> Result<NaiveDate, CalendarError> {
        let end = from
            .checked_add_days(chrono::Days::new(days.into()))
            .ok_or(CalendarError::OutOfRange)?;
        self.roll(end)
    }

    /// Last day of a period of `months` months from `from` (same date N months later, or the
    /// last day of that month when it has no such date).
    pub fn months_period_end(
        &self,
        from: NaiveDate,
        months: u32,
    ) -> Result<NaiveDate, CalendarError> {
        let end = from
            .checked_add_months(Months::new(months))
            .ok_or(CalendarError::OutOfRange)?;
        self.roll(end)
    }

    /// Last day of `period` counted from `from`.
    pub fn period_end(&self, from: NaiveDate, period: Period) -> Result<NaiveDate, CalendarError> {
        match period {
            Period::WorkingDays(n) => self.add_working_days(from, n),
            Period::Days(n) => self.days_period_end(from, n),
            Period::Months(n) => self.months_period_end(from, n),
        }
    }

    /// Working days strictly after `from` up to and including `to` (0 if `to <= from`).
    pub fn working_days_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<u32, CalendarError> {
        let mut count = 0;
        let mut day = from;
        while day < to {
            day = day.succ_opt().ok_or(CalendarError::OutOfRange)?;
            if self.is_working_day(day)? {
                count += 1;
            }
        }
        Ok(count)
    }
}

#[cfg(test)]
pub mod tests;
