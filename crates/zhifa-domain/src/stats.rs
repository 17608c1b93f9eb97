//! Team statistics for the leader dashboard and `zhifa report stats`: cases per stage,
//! squad, officer, month and field; overdue deadlines; average days per stage; fines
//! decided, collected, outstanding and surcharges; patrol tallies; and with them
//! (`TeamStats`) the leads' and the inspections' own statistics. Pure: the store hands in
//! the cases, staff, overdue count and the tallies.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::case::model::{Case, Outcome, Stage};
use super::inspection::InspectionStats;
use super::lead::LeadStats;
use super::money::Fen;
use super::patrol::{self, PatrolTally};
use super::people::User;

/// Everything `report stats`, its export and the 队长看板 count for a period: the cases (the
/// JSON's top-level keys, as before leads and inspections were counted), the leads received
/// and the inspections made in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TeamStats {
    #[serde(flatten)]
    pub cases: Stats,
    pub leads: LeadStats,
    pub inspections: InspectionStats,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub cases: usize,
    pub by_stage: Vec<(String, usize)>,
    pub by_squad: Vec<(String, usize)>,
    pub by_officer: Vec<(String, usize)>,
    /// `2026-06` → cases proposed that month.
    pub by_month: Vec<(String, usize)>,
    pub by_field: Vec<(String, usize)>,
    /// Cases of the period whose next open deadline is past due (as of the store's last
    /// refresh).
    pub overdue_deadlines: usize,
    /// Stage → average days spent in it (tenths of a day), over cases that left it.
    pub avg_days_per_stage: Vec<(String, u32)>,
    pub fines_decided: Fen,
    pub fines_collected: Fen,
    pub fines_outstanding: Fen,
    pub surcharges: Fen,
    pub patrols: PatrolTally,
    pub patrol_summary: String,
}

fn sorted(m: BTreeMap<String, usize>) -> Vec<(String, usize)> {
    m.into_iter().collect()
}

/// Statistics over cases proposed in `from..=to`, with the period's patrol tallies (computed
/// from its inspection records and hand-typed patrols by the caller).
pub fn compute(
    cases: &[Case],
    users: &BTreeMap<i64, User>,
    tally: PatrolTally,
    overdue_deadlines: usize,
    from: NaiveDate,
    to: NaiveDate,
) -> Stats {
    let in_period: Vec<&Case> = cases
        .iter()
        .filter(|c| from <= c.proposed_on && c.proposed_on <= to)
        .collect();
    let mut by_stage: BTreeMap<Stage, usize> = BTreeMap::new();
    let mut by_squad = BTreeMap::new();
    let mut by_officer = BTreeMap::new();
    let mut by_month = BTreeMap::new();
    let mut by_field = BTreeMap::new();
    let mut stage_days: BTreeMap<Stage, (i64, i64)> = BTreeMap::new();
    let (mut decided, mut collected, mut outstanding, mut surcharges) = (0i64, 0i64, 0i64, 0i64);
    for c in &in_period {
        *by_stage.entry(c.stage).or_default() += 1;
        let squad = c
            .handlers
            .first()
            .and_then(|id| users.get(id))
            .map(|u| u.squad.clone())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "未分中队".into());
        *by_squad.entry(squad).or_default() += 1;
        for h in &c.handlers {
            let name = users
                .get(h)
                .map(|u| u.name.clone())
                .unwrap_or_else(|| format!("#{h}"));
            *by_officer.entry(name).or_default() += 1;
        }
        *by_month
            .entry(c.proposed_on.format("%Y-%m").to_string())
            .or_default() += 1;
        *by_field
            .entry(c.power.power.field.name().to_string())
            .or_default() += 1;
        for w in c.timeline.windows(2) {
            let days = (w[1].1 - w[0].1).num_days().max(0);
            let e = stage_days.entry(w[0].0).or_default();
            e.0 += days;
            e.1 += 1;
        }
        if c.outcome == Some(Outcome::Penalty) && c.decision.is_some() {
            let due = c.fine_due().0;
            let paid = c.paid().0;
            decided += due;
            // Payments can exceed the fine (surcharges, confiscated gains paid with it); the
            // fine columns must add up: decided = collected + outstanding.
            collected += paid.min(due);
            outstanding += (due - paid).max(0);
            surcharges += c.demands.last().map(|d| d.surcharge.0).unwrap_or(0);
        }
    }
    let by_stage = Stage::ALL
        .iter()
        .filter_map(|s| by_stage.get(s).map(|n| (s.name().to_string(), *n)))
        .collect();
    let avg_days_per_stage = stage_days
        .into_iter()
        .map(|(s, (days, n))| (s.name().to_string(), ((days * 10 + n / 2) / n) as u32))
        .collect();
    Stats {
        from,
        to,
        cases: in_period.len(),
        by_stage,
        by_squad: sorted(by_squad),
        by_officer: sorted(by_officer),
        by_month: sorted(by_month),
        by_field: sorted(by_field),
        overdue_deadlines,
        avg_days_per_stage,
        fines_decided: Fen(decided),
        fines_collected: Fen(collected),
        fines_outstanding: Fen(outstanding),
        surcharges: Fen(surcharges),
        patrol_summary: patrol::summary(&tally),
        patrols: tally,
    }
}

/// Tenths of a day as text (`3.5`).
pub fn days_text(tenths: u32) -> String {
    format!("{}.{}", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::fixtures::*;
    use crate::case::model::{Payment, PaymentMethod, ServedDoc};
    use crate::patrol::{Patrol, PatrolOutcome};

    #[test]
    fn stats_against_a_hand_built_fixture() {
        let w = World::new();
        // Case A: decided 800, paid 300. Case B: only proposed. Case C: outside the period.
        let a = notified(&w, 800);
        let a = w.step(&a, SUN, decide("2026-06-25", 800));
        let mut a = w.step(&a, ZHANG, serve(ServedDoc::Decision, "2026-06-25"));
        a.payments.push(Payment {
            date: d("2026-07-01"),
            amount: Fen::from_yuan(300),
            method: PaymentMethod::Bank,
            receipt_no: "001".into(),
            cash_ground: None,
        });
        let b = proposed(&w, "2026-07-02");
        let mut c = proposed(&w, "2026-05-01");
        c.proposed_on = d("2026-05-03");
        let p = Patrol {
            id: 1,
            date: d("2026-06-10"),
            place: "合隆镇".into(),
            squad: "第一中队".into(),
            officers: vec![ZHANG],
            outcomes: [(PatrolOutcome::SeizedItems, 4)].into_iter().collect(),
            note: String::new(),
        };
        let s = compute(
            &[a.clone(), b, c],
            &w.users,
            patrol::tally([&p]),
            2,
            d("2026-06-01"),
            d("2026-07-31"),
        );
        assert_eq!(s.cases, 2);
        assert_eq!(s.by_stage, vec![("立案审批".into(), 1), ("执行".into(), 1)]);
        assert_eq!(s.by_squad, vec![("第一中队".into(), 2)]);
        assert_eq!(s.by_officer, vec![("张三".into(), 2), ("李四".into(), 2)]);
        assert_eq!(
            s.by_month,
            vec![("2026-06".into(), 1), ("2026-07".into(), 1)]
        );
        assert_eq!(s.fines_decided, Fen::from_yuan(800));
        assert_eq!(s.fines_collected, Fen::from_yuan(300));
        assert_eq!(s.fines_outstanding, Fen::from_yuan(500));
        assert_eq!(s.overdue_deadlines, 2);
        assert_eq!(s.patrol_summary, "共开展检查1次，收缴违规用品4件。");
        // Case A: 立案审批 2026-06-01 → 调查取证 2026-06-04: 3 days.
        let first = &s.avg_days_per_stage[0];
        assert_eq!(first, &("立案审批".to_string(), 30));
        assert_eq!(days_text(35), "3.5");
    }
}
