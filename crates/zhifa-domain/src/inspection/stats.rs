//! Inspection statistics (by result, by the object's field, the objects inspected more than
//! once), and the patrol tallies computed from inspection records so they are
//! not typed twice: the measures recorded on each inspection, and 责令整改 counted from the
//! results. Hand-typed patrols (`patrol::Patrol`) stay only for what has no record; the two
//! tallies add up with [`PatrolTally::merge`].

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::object::InspectionObject;
use super::record::{InspectionRecord, InspectionResult, ResultKind};
use crate::case::model::Case;
use crate::enforcement::DutyKind;
use crate::field::Field;
use crate::patrol::Patrol;
use crate::patrol::{PatrolOutcome, PatrolTally};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InspectionStats {
    pub inspections: usize,
    /// Of a named object (the rest are street or area patrols).
    pub of_objects: usize,
    /// In the order of `ResultKind::ALL`, results with none left out.
    pub by_result: Vec<(ResultKind, usize)>,
    /// Inspections of named objects by the object's field, in the order of `Field::ALL`,
    /// fields with none left out.
    pub by_field: Vec<(Field, usize)>,
    /// The objects inspected more than once in the period, most often first.
    pub reinspected: Vec<Reinspected>,
    /// Inspections after an object's first in the period (the burden on businesses).
    pub reinspections: usize,
    /// The tallies of the leaders' summary sentence, from these records.
    pub tally: PatrolTally,
}

/// An object inspected more than once in a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reinspected {
    pub object: i64,
    pub name: String,
    pub times: usize,
}

/// Statistics over the inspections dated in `from..=to`; `objects` give the fields and names
/// (an object missing from them is counted by result, not by field).
pub fn inspection_stats(
    records: &[InspectionRecord],
    objects: &[InspectionObject],
    from: NaiveDate,
    to: NaiveDate,
) -> InspectionStats {
    let in_period: Vec<&InspectionRecord> = records
        .iter()
        .filter(|r| from <= r.date && r.date <= to)
        .collect();
    let mut by_result: BTreeMap<ResultKind, usize> = BTreeMap::new();
    let mut per_object: BTreeMap<i64, usize> = BTreeMap::new();
    for r in &in_period {
        *by_result.entry(r.result.kind()).or_default() += 1;
        if let Some(o) = r.object {
            *per_object.entry(o).or_default() += 1;
        }
    }
    let object = |id: i64| objects.iter().find(|o| o.id == id);
    let mut by_field: BTreeMap<Field, usize> = BTreeMap::new();
    for (id, n) in &per_object {
        if let Some(o) = object(*id) {
            *by_field.entry(o.field).or_default() += n;
        }
    }
    let mut reinspected: Vec<Reinspected> = per_object
        .iter()
        .filter(|(_, n)| **n > 1)
        .map(|(id, n)| Reinspected {
            object: *id,
            name: object(*id).map_or_else(|| format!("#{id}"), |o| o.name.clone()),
            times: *n,
        })
        .collect();
    reinspected.sort_by(|a, b| b.times.cmp(&a.times).then(a.object.cmp(&b.object)));
    InspectionStats {
        inspections: in_period.len(),
        of_objects: in_period.iter().filter(|r| r.object.is_some()).count(),
        by_result: ResultKind::ALL
            .into_iter()
            .filter_map(|k| by_result.get(&k).map(|n| (k, *n)))
            .collect(),
        by_field: Field::ALL
            .into_iter()
            .filter_map(|k| by_field.get(&k).map(|n| (k, *n)))
            .collect(),
        reinspections: reinspected.iter().map(|r| r.times - 1).sum(),
        reinspected,
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

/// The 责令整改 the cases ordered in `from..=to`: one for each case whose 责令（限期）改正
/// 通知书 is dated in the period, or, without a notice, whose decision dated in it orders a
/// correction. From the case records, so nobody types them again.
pub fn case_rectifications(cases: &[Case], from: NaiveDate, to: NaiveDate) -> u32 {
    let within = |d: NaiveDate| from <= d && d <= to;
    let ordered = cases
        .iter()
        .filter(|c| match (&c.correction_notice, &c.decision) {
            (Some(n), _) => within(n.date),
            (None, Some(d)) => !d.correction_order.trim().is_empty() && within(d.date),
            (None, None) => false,
        });
    ordered.count() as u32
}

/// What the cases' orders to act took down in `from..=to`: for each 责令限期拆除 or order to
/// remove advertising, the day the party was found to have done it or, failing that, the first
/// day of enforcement that completed it. Buildings and structures count as 拆除违法建筑, signs
/// as 拆除广告牌匾 (issue 17: from the case records, not typed again).
pub fn case_removals(cases: &[Case], from: NaiveDate, to: NaiveDate) -> PatrolTally {
    let mut t = PatrolTally::default();
    for order in cases.iter().filter_map(|c| c.duty.as_ref()) {
        let outcome = match order.kind {
            DutyKind::Demolish => PatrolOutcome::DemolishedBuildings,
            DutyKind::RemoveAdvertising => PatrolOutcome::RemovedSigns,
            _ => continue,
        };
        let done = order.complied_on.or_else(|| {
            order
                .enforcement
                .days
                .iter()
                .filter(|d| d.completed)
                .map(|d| d.date)
                .min()
        });
        if done.is_some_and(|d| from <= d && d <= to) {
            *t.outcomes.entry(outcome).or_default() += 1;
        }
    }
    t
}

/// The period's patrol tallies, each counted once from where it is recorded: the inspection
/// records (every inspection, the measures taken on the spot, the corrections ordered), the
/// cases (the corrections they ordered, the goods their registers took in —
/// `enforcement::patrol_seized_items` — and what their orders took down) and, for what has no
/// record, the hand-typed patrol log (kept readable as it was entered, 责令整改 included for
/// the entries made before it was counted).
pub fn period_tally(
    records: &[InspectionRecord],
    cases: &[Case],
    typed: &[Patrol],
    from: NaiveDate,
    to: NaiveDate,
) -> PatrolTally {
    let within = |d: NaiveDate| from <= d && d <= to;
    let mut t = patrol_tally(records.iter().filter(|r| within(r.date)));
    let from_cases = case_rectifications(cases, from, to);
    if from_cases > 0 {
        *t.outcomes.entry(PatrolOutcome::Rectifications).or_default() += from_cases;
    }
    let seized = crate::enforcement::patrol_seized_items(
        cases.iter().flat_map(|c| c.goods.iter()),
        from,
        to,
    );
    if seized > 0 {
        *t.outcomes.entry(PatrolOutcome::SeizedItems).or_default() += seized;
    }
    t.merge(&case_removals(cases, from, to));
    t.merge(&crate::patrol::tally(
        typed.iter().filter(|p| within(p.date)),
    ));
    t
}
