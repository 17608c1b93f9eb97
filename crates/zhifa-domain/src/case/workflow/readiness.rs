//! Whether a step would pass today on the case as it stands, before any input: the menus
//! mark a step 可办理 only then, and say the reason otherwise. Each step asks here the same
//! gates its workflow function asks, so the menu and the step never disagree.

use super::*;

/// The gates of 作出决定 that depend on the case and a date that is not later than the
/// decision's: legal review (行政处罚法 Art 58), collective discussion (Art 57 ¶2), the notice
/// served and the party heard (Arts 44, 45, 62, 64), the hearing answered. Each that fails
/// today fails for every earlier date too, so the menu may refuse on it; the decision period
/// (Art 60, checked by the step) is left out, because a decision recorded late may be dated
/// within it.
pub(super) fn decision_ready(case: &Case, date: NaiveDate, ctx: &Ctx) -> RuleResult {
    legal_review_passed(case)?;
    collective_discussion_held(case)?;
    if case.outcome == Some(Outcome::Penalty) {
        notice_served_by(case, Some(date))?;
        party_heard(case, date, ctx.calendar, ctx.settings)?;
        hearing_answered(case)?;
    }
    Ok(())
}

/// Whether `kind` would pass today as far as the case alone decides it: the role and stage
/// first, then the step's input-free gates dated today (only those that no earlier date
/// could pass either, since a clerk may record a step done on paper days ago).
pub fn ready_today(case: &Case, kind: ActionKind, actor: &User, ctx: &Ctx) -> RuleResult {
    precheck(case, kind, actor)?;
    match kind {
        ActionKind::Decide => decision_ready(case, ctx.today, ctx),
        _ => Ok(()),
    }
}

/// Every step with whether this user could take it today, and why not: for menus.
pub fn available_today(case: &Case, actor: &User, ctx: &Ctx) -> Vec<(ActionKind, RuleResult)> {
    ActionKind::ALL
        .into_iter()
        .map(|k| (k, ready_today(case, k, actor, ctx)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::super::fixtures::*;
    use super::*;

    fn decide_entry(w: &World, case: &Case) -> RuleResult {
        let all = available_today(case, w.u(SUN), &w.ctx());
        all.into_iter()
            .find(|(k, _)| *k == ActionKind::Decide)
            .map(|(_, r)| r)
            .unwrap()
    }

    /// 行政处罚法第四十五条、第六十二条: while the party's statement period runs the menu does
    /// not offer 作出决定 (the role and stage alone would), and says why; once it has run,
    /// it does, and the step passes with the same date.
    #[test]
    fn art_45_decision_offered_only_after_the_statement_period() {
        let mut w = World::new();
        let case = notified(&w, 1200);
        w.today = d("2026-06-16");
        assert!(precheck(&case, ActionKind::Decide, w.u(SUN)).is_ok());
        let refused = decide_entry(&w, &case).unwrap_err();
        let by_step = w.refuse(&case, SUN, decide("2026-06-16", 1200));
        assert_eq!(refused.to_string(), by_step.to_string());
        w.today = d("2026-07-01");
        assert!(decide_entry(&w, &case).is_ok());
        w.step(&case, SUN, decide("2026-07-01", 1200));
    }
}
