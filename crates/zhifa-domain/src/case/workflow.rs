//! The procedure as a state machine: `propose` and `decide_on_spot` create cases,
//! `transition` applies one [`Action`] after every gate passes, and `precheck` tells a menu
//! which steps this user may take now (and why not).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::action::{Action, ActionKind};
use super::gates::*;
use super::model::*;
use super::party::Party;
use super::penalty;
use super::rule::{RuleError, RuleResult};
use crate::calendar::Calendar;
use crate::catalog::{PenaltyKind, TierName};
use crate::money::Fen;
use crate::people::{Role, User};
use crate::procedure_settings::ProcedureSettings;
use crate::text::{self, TextKind};

/// What the rules need besides the case: today, the calendar, settings and the staff.
pub struct Ctx<'a> {
    pub today: NaiveDate,
    pub calendar: &'a Calendar,
    pub settings: &'a ProcedureSettings,
    pub users: &'a BTreeMap<i64, User>,
}

impl Ctx<'_> {
    fn user(&self, id: i64) -> RuleResult<&User> {
        self.users
            .get(&id)
            .ok_or_else(|| RuleError::input(format!("没有编号为 {id} 的人员")))
    }

    fn users_of(&self, ids: &[i64]) -> RuleResult<Vec<&User>> {
        ids.iter().map(|id| self.user(*id)).collect()
    }
}

/// The result of a step: the new case and the documents it makes due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Transition {
    pub case: Case,
    pub summary: String,
    pub documents_due: Vec<&'static str>,
}

/// A required free-text field of a step (see `domain::text` for what is refused).
fn require_text(what: &'static str, s: &str, kind: TextKind) -> RuleResult {
    text::checked(what, s, kind)?;
    Ok(())
}

fn check_people(
    new_handlers: &[i64],
    assistants: &[i64],
    date: NaiveDate,
    ctx: &Ctx,
) -> RuleResult {
    let handlers = ctx.users_of(new_handlers)?;
    let everyone: Vec<&User> = handlers
        .iter()
        .copied()
        .chain(ctx.users_of(assistants)?)
        .collect();
    each_person_once(&everyone, "承办人和协助人员")?;
    for h in &handlers {
        if !h.certified_on(date) {
            return Err(RuleError::new(
                "行政处罚法第四十二条",
                format!("{} 无有效执法证，不能作为承办人，只能列为协助人员", h.name),
            ));
        }
    }
    two_certified_officers(&handlers, date)?;
    Ok(())
}

fn enter(case: &mut Case, stage: Stage, date: NaiveDate) {
    case.stage = stage;
    case.timeline.push((stage, date));
}

fn dated(date: NaiveDate, case: &Case, ctx: &Ctx, what: &str) -> RuleResult {
    not_in_future(date, ctx.today, what)?;
    if case.procedure == Procedure::General {
        not_before_filing(case, date, what)?;
    }
    Ok(())
}

fn nth<'a, T>(items: &'a mut [T], index: usize, what: &str) -> RuleResult<&'a mut T> {
    let n = items.len();
    items
        .get_mut(index)
        .ok_or_else(|| RuleError::input(format!("没有第 {} 项{what}（共 {n} 项）", index + 1)))
}

/// Applies one step after its gates pass. Never mutates `case`; returns the next version.
pub fn transition(case: &Case, action: &Action, actor: &User, ctx: &Ctx) -> RuleResult<Transition> {
    // What was typed is checked first: bad text is refused the same way in every stage.
    action.check_text()?;
    precheck(case, action.kind(), actor)?;
    not_before_last_step(case, action)?;
    let mut c = case.clone();
    let mut docs: Vec<&'static str> = Vec::new();
    use ActionKind as K;
    let summary = match action.kind() {
        K::ApproveFiling
        | K::AddEvidence
        | K::AddRecord
        | K::Preserve
        | K::DecidePreservation
        | K::Seize
        | K::ExtendSeizure
        | K::ExcludeSeizureDays
        | K::ReleaseSeizure
        | K::EndInvestigation
        | K::Withdraw => investigation::apply(case, &mut c, action, actor, ctx, &mut docs)?,
        K::Serve
        | K::Pay
        | K::ApprovePlan
        | K::Demand
        | K::ApplyCourt
        | K::RemedyStarted
        | K::RemedyEnded
        | K::TerminateExecution
        | K::ProposeClosing
        | K::ApproveClosing
        | K::Archive => execution::apply(case, &mut c, action, actor, ctx, &mut docs)?,
        _ => review::apply(case, &mut c, action, actor, ctx, &mut docs)?,
    };
    c.version += 1;
    Ok(Transition {
        case: c,
        summary,
        documents_due: docs,
    })
}

/// A step cannot be dated before the step that brought the case to its stage (evidence and
/// records may be registered later than they were made, so they are exempt), and a decision
/// not before the hearing, legal review or statements it rests on.
fn not_before_last_step(case: &Case, action: &Action) -> RuleResult {
    let date = match action {
        Action::AddEvidence { .. }
        | Action::AddRecord { .. }
        | Action::ExcludeSeizureDays { .. } => return Ok(()),
        Action::ApproveFiling { date, .. }
        | Action::Preserve { date, .. }
        | Action::DecidePreservation { date, .. }
        | Action::Seize { date, .. }
        | Action::ExtendSeizure { date, .. }
        | Action::ReleaseSeizure { date, .. }
        | Action::SquadReview { date, .. }
        | Action::LegalReview { date, .. }
        | Action::Discuss { date, .. }
        | Action::ReviewDecision { date, .. }
        | Action::IssueNotice { date }
        | Action::Serve { date, .. }
        | Action::RecordStatement { date, .. }
        | Action::RequestHearing { date }
        | Action::HoldHearing { date, .. }
        | Action::Waive { date }
        | Action::ExtendDecisionPeriod { date, .. }
        | Action::Decide { date, .. }
        | Action::Publish { date }
        | Action::Pay { date, .. }
        | Action::ApprovePlan { date, .. }
        | Action::Demand { date }
        | Action::ApplyCourt { date, .. }
        | Action::RemedyStarted { date, .. }
        | Action::RemedyEnded { date, .. }
        | Action::TerminateExecution { date, .. }
        | Action::Withdraw { date, .. }
        | Action::ProposeClosing { date }
        | Action::ApproveClosing { date, .. }
        | Action::Archive { date, .. } => *date,
        Action::EndInvestigation { proposal } => proposal.date,
        Action::ScheduleHearing { notified_on, .. } => *notified_on,
    };
    if let Some((stage, since)) = case.timeline.last() {
        if date < *since {
            return Err(RuleError::input(format!(
                "{}日期 {date} 早于本案进入“{}”阶段的日期 {since}，请核对",
                action.kind().label(),
                stage.name()
            )));
        }
    }
    if let Action::Decide { date, .. } = action {
        let basis = case
            .hearing
            .as_ref()
            .and_then(|h| h.held_on)
            .into_iter()
            .chain(case.legal_reviews.iter().map(|r| r.date))
            .chain(case.statements.iter().map(|s| s.date))
            .chain(case.discussions.iter().map(|d| d.date))
            .chain(case.served(ServedDoc::Notice).map(|s| s.served_on))
            .max();
        if let Some(basis) = basis.filter(|b| date < b) {
            return Err(RuleError::input(format!(
                "决定日期 {date} 早于其依据的听证、审核、讨论或告知送达日期 {basis}，请核对"
            )));
        }
    }
    Ok(())
}

/// The proposal at the end of the investigation: kinds allowed by the power and a fine
/// inside the statutory range and the chosen tier (Art 34, 38).
fn check_proposal(case: &Case, p: &Proposal) -> RuleResult {
    if p.kinds.is_empty() {
        // A proposal not to punish (or to transfer): nothing to check against the range.
        if p.fine.0 != 0 {
            return Err(RuleError::input("未选处罚种类时罚款金额应为 0"));
        }
        return Ok(());
    }
    let power = &case.power.power;
    if let Some(k) = p.kinds.iter().find(|k| !power.penalty_kinds.contains(k)) {
        return Err(RuleError::new(
            "行政处罚法第三十八条",
            format!("{} 的处罚条款没有“{}”，不能适用", power.code, k.name()),
        ));
    }
    mandatory_measures_included(power, &p.kinds)?;
    minor_treated_by_age(&case.parties, case.act_date, &p.kinds, p.tier, p.mitigation)?;
    penalty::check_fine(power, case.party_type(), p)
}

mod create;
mod execution;
mod investigation;
mod permissions;
mod review;

pub use create::{decide_on_spot, propose, NewCase, OnSpot};
pub use permissions::{available, precheck};

#[cfg(test)]
mod tests;
