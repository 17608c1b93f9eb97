//! The team's statistics at the desk: cases, leads and inspections of a period, each from its
//! records, and the patrol tallies computed once (`inspection::period_tally`) from the
//! inspection records, the cases and, for what has no record, the hand-typed patrol log.
//! `report stats`, its export, `lead stats`, `inspect stats`, `patrol summary`, the 巡查 screen
//! and the 队长看板 all read these, so they show the same numbers.

use chrono::NaiveDate;

use super::{Desk, DeskError, DeskResult};
use crate::domain::case::Case;
use crate::domain::inspection::{self, InspectionStats};
use crate::domain::lead::{self, LeadStats};
use crate::domain::patrol::PatrolTally;
use crate::domain::stats::{self, Stats, TeamStats};

impl Desk {
    /// The period's patrol tallies (the summary sentence's numbers).
    pub fn patrol_tally(&self, from: NaiveDate, to: NaiveDate) -> DeskResult<PatrolTally> {
        self.tally_with(&self.store.all_cases()?, from, to)
    }

    fn tally_with(
        &self,
        cases: &[Case],
        from: NaiveDate,
        to: NaiveDate,
    ) -> DeskResult<PatrolTally> {
        Ok(inspection::period_tally(
            &self.store.inspections_between(from, to)?,
            cases,
            &self.store.patrols_between(from, to)?,
            from,
            to,
        ))
    }

    /// Inspections dated in the period, with the period's patrol tallies.
    pub fn inspection_stats(&self, from: NaiveDate, to: NaiveDate) -> DeskResult<InspectionStats> {
        self.inspection_stats_with(&self.store.all_cases()?, from, to)
    }

    fn inspection_stats_with(
        &self,
        cases: &[Case],
        from: NaiveDate,
        to: NaiveDate,
    ) -> DeskResult<InspectionStats> {
        let records = self.store.inspections_between(from, to)?;
        let objects = self.store.objects()?;
        let mut stats = inspection::inspection_stats(&records, &objects, from, to);
        stats.tally = self.tally_with(cases, from, to)?;
        Ok(stats)
    }

    /// Leads received in the period, overdue as of `today`.
    pub fn lead_stats(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        today: NaiveDate,
    ) -> DeskResult<LeadStats> {
        let leads = self.lead_records()?;
        self.rule_ctx(today, |ctx| {
            lead::lead_stats(&leads, from, to, today, ctx.settings, ctx.calendar)
        })?
        .map_err(|e| DeskError::Refused(format!("线索无法统计：{e}")))
    }

    /// Cases proposed in the period, with the period's patrol tallies.
    pub fn case_stats(&self, from: NaiveDate, to: NaiveDate) -> DeskResult<Stats> {
        self.case_stats_with(&self.store.all_cases()?, from, to)
    }

    fn case_stats_with(&self, cases: &[Case], from: NaiveDate, to: NaiveDate) -> DeskResult<Stats> {
        Ok(stats::compute(
            cases,
            &self.store.users()?,
            self.tally_with(cases, from, to)?,
            self.store.overdue_count(from, to)?,
            from,
            to,
        ))
    }

    /// Cases, leads and inspections of the period.
    pub fn team_stats(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        today: NaiveDate,
    ) -> DeskResult<TeamStats> {
        let cases = self.store.all_cases()?;
        Ok(TeamStats {
            cases: self.case_stats_with(&cases, from, to)?,
            leads: self.lead_stats(from, to, today)?,
            inspections: self.inspection_stats_with(&cases, from, to)?,
        })
    }
}
