//! Lead statistics for the dashboard and `report stats`: how many came in from where, where
//! they went, how long the decision took (working days), and how many are still open or
//! overdue. Pure: the store hands in the leads.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::deadlines::{is_overdue, working_days_to_decision};
use super::model::{Lead, OutcomeKind, SourceKind};
use crate::calendar::{Calendar, CalendarError};
use crate::procedure_settings::ProcedureSettings;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeadStats {
    /// Leads received in the period.
    pub received: usize,
    /// In the order of `SourceKind::ALL`, kinds with none left out.
    pub by_source: Vec<(SourceKind, usize)>,
    /// In the order of `OutcomeKind::ALL`, outcomes with none left out.
    pub by_outcome: Vec<(OutcomeKind, usize)>,
    /// Not yet decided.
    pub open: usize,
    /// Not decided and past the verification deadline on `today`.
    pub overdue: usize,
    /// Average working days from receipt to outcome, in tenths, over the decided leads.
    pub avg_working_days_to_decision: Option<u32>,
    /// Their median, in tenths (the mean of the two middle ones for an even count): one
    /// lead left for months moves the mean, not the median.
    pub median_working_days_to_decision: Option<u32>,
    /// The longest of them.
    pub max_working_days_to_decision: Option<u32>,
}

/// Statistics over the leads received in `from..=to`, overdue as of `today`.
pub fn lead_stats(
    leads: &[Lead],
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
    settings: &ProcedureSettings,
    calendar: &Calendar,
) -> Result<LeadStats, CalendarError> {
    let mut by_source: BTreeMap<SourceKind, usize> = BTreeMap::new();
    let mut by_outcome: BTreeMap<OutcomeKind, usize> = BTreeMap::new();
    let (mut received, mut open, mut overdue) = (0, 0, 0);
    let mut days = Vec::new();
    for lead in leads
        .iter()
        .filter(|l| from <= l.received_on && l.received_on <= to)
    {
        received += 1;
        *by_source.entry(lead.source.kind()).or_default() += 1;
        match lead.outcome() {
            Some(o) => *by_outcome.entry(o.kind()).or_default() += 1,
            None => open += 1,
        }
        if is_overdue(lead, today, settings, calendar)? {
            overdue += 1;
        }
        days.extend(working_days_to_decision(lead, calendar)?);
    }
    let n = days.len() as u64;
    let sum: u64 = days.iter().map(|d| u64::from(*d)).sum();
    Ok(LeadStats {
        received,
        by_source: SourceKind::ALL
            .into_iter()
            .filter_map(|k| by_source.get(&k).map(|n| (k, *n)))
            .collect(),
        by_outcome: OutcomeKind::ALL
            .into_iter()
            .filter_map(|k| by_outcome.get(&k).map(|n| (k, *n)))
            .collect(),
        open,
        overdue,
        avg_working_days_to_decision: (n > 0).then(|| ((sum * 10 + n / 2) / n) as u32),
        median_working_days_to_decision: median_tenths(&mut days),
        max_working_days_to_decision: days.iter().copied().max(),
    })
}

/// The median of `days` in tenths of a day, rounded half up; `None` for no days.
fn median_tenths(days: &mut [u32]) -> Option<u32> {
    days.sort_unstable();
    let n = days.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(days[n / 2] * 10),
        _ => Some((days[n / 2 - 1] + days[n / 2]) * 5),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_median_of_odd_and_even_counts() {
        assert_eq!(super::median_tenths(&mut []), None);
        assert_eq!(super::median_tenths(&mut [9, 1, 4]), Some(40));
        assert_eq!(super::median_tenths(&mut [30, 1, 4, 6]), Some(50));
        assert_eq!(super::median_tenths(&mut [1, 2]), Some(15));
    }
}
