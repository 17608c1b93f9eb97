//! Inspection statistics, and the patrol tallies computed from inspection records so they are
//! not typed twice: the measures recorded on each inspection, and 责令整改 counted from the
//! results. Hand-typed patrols (`patrol::Patrol`) stay only for what has no record; the two
//! tallies add up with [`PatrolTally::merge`].

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::record::{InspectionRecord, InspectionResult, ResultKind};
use crate::patrol::{PatrolOutcome, PatrolTally};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InspectionStats {
    pub inspections: usize,
    /// Of a named object (the rest are street or area patrols).
    pub of_objects: usize,
    /// In the order of `ResultKind::ALL`, results with none left out.
    pub by_result: Vec<(ResultKind, usize)>,
    /// The tallies of the leaders' summary sentence, from these records.
    pub tally: PatrolTally,
}

/// Statistics over the inspections dated in `from..=to`.
pub fn inspection_stats(
    records: &[InspectionRecord],
    from: NaiveDate,
    to: NaiveDate,
) -> InspectionStats {
    let in_period: Vec<&InspectionRecord> = records
        .iter()
        .filter(|r| from <= r.date && r.date <= to)
        .collect();
    let mut by_result: BTreeMap<ResultKind, usize> = BTreeMap::new();
    for r in &in_period {
        *by_result.entry(r.result.kind()).or_default() += 1;
    }
    InspectionStats {
        inspections: in_period.len(),
        of_objects: in_period.iter().filter(|r| r.object.is_some()).count(),
        by_result: ResultKind::ALL
            .into_iter()
            .filter_map(|k| by_result.get(&k).map(|n| (k, *n)))
            .collect(),
        tally: patrol_tally(in_period),
    }
}

/// The patrol tallies of `records`: one inspection each, their measures added up, and one
/// 责令整改 for each correction ordered.
pub fn patrol_tally<'a>(records: impl IntoIterator<Item = &'a InspectionRecord>) -> PatrolTally {
    let mut t = PatrolTally::default();
    for r in records {
        t.inspections += 1;
        for (o, n) in &r.measures {
            *t.outcomes.entry(*o).or_default() += n;
        }
        if matches!(r.result, InspectionResult::CorrectionOrdered { .. }) {
            *t.outcomes.entry(PatrolOutcome::Rectifications).or_default() += 1;
        }
    }
    t
}
