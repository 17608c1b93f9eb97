//! The procedure as a state machine: `propose` and `decide_on_spot` create cases,
//! `transition` applies one [`Action`] after every gate passes, and `precheck` tells a menu
//! which steps this user may take now (and why not).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::action::{Action, ActionKind};
use super::gates::*;
use super::model::*;
use super::party::Party;
use super::penalty;
use super::rule::{RuleError, RuleResult};
use crate::catalog::{PenaltyKind, TierName};
use crate::documents::DocKind;
use crate::money::Fen;
use crate::people::{Role, User};
use crate::text::{self, TextKind};

pub use super::ctx::Ctx;

/// The result of a step: the new case and the documents it makes due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Transition {
    pub case: Case,
    pub summary: String,
    pub documents_due: Vec<DocKind>,
}

/// A step being applied: the case as it was, who takes the step, and what the rules need.
#[derive(Clone, Copy)]
struct Step<'a> {
    case: &'a Case,
    actor: &'a User,
    ctx: &'a Ctx<'a>,
}

/// What one step did besides changing the case: the audit summary and the documents it
/// makes due (typed, so each names a document zhifa builds).
struct StepOutcome {
    summary: String,
    documents_due: Vec<DocKind>,
}

/// A step's outcome: its audit summary and the documents it makes due.
fn done(
    summary: impl Into<String>,
    documents_due: impl IntoIterator<Item = DocKind>,
) -> RuleResult<StepOutcome> {
    Ok(StepOutcome {
        summary: summary.into(),
        documents_due: documents_due.into_iter().collect(),
    })
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
    let step = Step { case, actor, ctx };
    let outcome = apply(&step, &mut c, action)?;
    enforcement::sync_duty(&mut c);
    goods::sync_goods(&mut c);
    c.version += 1;
    Ok(Transition {
        case: c,
        summary: outcome.summary,
        documents_due: outcome.documents_due,
    })
}

/// One function per step, in the phase file of its stage. The match is exhaustive: a step
/// added to the `steps!` table does not compile until it has its function here.
fn apply(step: &Step, c: &mut Case, action: &Action) -> RuleResult<StepOutcome> {
    match action {
        Action::ApproveFiling {
            date,
            agree,
            opinion,
        } => investigation::approve_filing(step, c, date, agree, opinion),
        Action::AddEvidence { evidence } => investigation::add_evidence(step, c, evidence),
        Action::AddRecord { record } => investigation::add_record(step, c, record),
        Action::OrderCorrection {
            date,
            content,
            deadline,
        } => investigation::order_correction(step, c, date, content, deadline),
        Action::Recheck {
            date,
            corrected,
            note,
        } => execution::recheck(step, c, date, corrected, note),
        Action::Preserve { date, items } => investigation::preserve(step, c, date, items),
        Action::DecidePreservation {
            index,
            date,
            decision,
        } => investigation::decide_preservation(step, c, index, date, decision),
        Action::Seize { date, items, days } => investigation::seize(step, c, date, items, days),
        Action::ExtendSeizure { index, date, days } => {
            investigation::extend_seizure(step, c, index, date, days)
        }
        Action::ExcludeSeizureDays { index, days } => {
            investigation::exclude_seizure_days(c, index, days)
        }
        Action::ReleaseSeizure { index, date } => {
            investigation::release_seizure(step, c, index, date)
        }
        Action::EndInvestigation { proposal } => {
            investigation::end_investigation(step, c, proposal)
        }
        Action::Withdraw { date, reason } => investigation::withdraw(step, c, date, reason),
        Action::SquadReview {
            date,
            agree,
            opinion,
        } => review::squad_review(step, c, date, agree, opinion),
        Action::LegalReview {
            date,
            passed,
            opinion,
        } => review::legal_review(step, c, date, passed, opinion),
        Action::Discuss {
            date,
            attendees,
            conclusion,
            recorder,
            opinions,
        } => review::discuss(
            step,
            c,
            review::Discussed {
                date: *date,
                attendees,
                conclusion,
                recorder: *recorder,
                opinions,
            },
        ),
        Action::ReviewDecision {
            date,
            outcome,
            opinion,
        } => review::review_decision(step, c, date, outcome, opinion),
        Action::IssueNotice { date } => review::issue_notice(step, c, date),
        Action::RecordStatement {
            date,
            content,
            adopted,
            reexamination,
        } => review::record_statement(step, c, date, content, adopted, reexamination),
        Action::RequestHearing { date } => review::request_hearing(step, c, date),
        Action::ScheduleHearing {
            notified_on,
            date,
            place,
            presiding,
            time,
            public,
            closed_reason,
            hearing_officers,
            recorder,
        } => review::schedule_hearing(
            step,
            c,
            review::Scheduled {
                notified_on: *notified_on,
                date: *date,
                time,
                place,
                public: *public,
                closed_reason,
                presiding: *presiding,
                hearing_officers,
                recorder: *recorder,
            },
        ),
        Action::HoldHearing {
            date,
            party_absent,
            investigators_case,
            party_statement,
        } => review::hold_hearing(
            step,
            c,
            date,
            party_absent,
            investigators_case,
            party_statement,
        ),
        Action::Waive { date } => review::waive(step, c, date),
        Action::ExtendDecisionPeriod { date, reason } => {
            review::extend_decision_period(step, c, date, reason)
        }
        Action::Decide {
            date,
            kinds,
            fine,
            confiscation,
            correction_order,
            payment_place,
            publish,
        } => review::decide(
            step,
            c,
            date,
            kinds,
            fine,
            confiscation,
            correction_order,
            payment_place,
            publish,
        ),
        Action::Publish { date } => review::publish(step, c, date),
        Action::Serve {
            doc,
            method,
            date,
            recipient,
            officers,
            confirmation,
        } => execution::serve(
            step,
            c,
            doc,
            method,
            date,
            recipient,
            officers,
            confirmation,
        ),
        Action::Pay {
            date,
            amount,
            method,
            receipt_no,
            cash_ground,
        } => execution::pay(step, c, date, amount, method, receipt_no, cash_ground),
        Action::ApprovePlan { date, instalments } => {
            execution::approve_plan(step, c, date, instalments)
        }
        Action::Demand { date } => execution::demand(step, c, date),
        Action::ApplyCourt { date, court } => execution::apply_court(step, c, date, court),
        Action::RemedyStarted { kind, date } => execution::remedy_started(step, c, kind, date),
        Action::RemedyEnded {
            kind,
            date,
            result,
            changed_fine,
        } => execution::remedy_ended(step, c, kind, date, result, changed_fine),
        Action::TerminateExecution { date, reason } => {
            execution::terminate_execution(step, c, date, reason)
        }
        Action::FileOnSpot { date } => execution::file_on_spot(step, c, date),
        Action::ProposeClosing { date } => execution::propose_closing(step, c, date),
        Action::ApproveClosing { date, opinion } => {
            execution::approve_closing(step, c, date, opinion)
        }
        Action::Archive {
            date,
            archive_no,
            retention,
        } => execution::archive(step, c, date, archive_no, retention),
        Action::OrderDuty {
            date,
            kind,
            obligation,
            deadline,
        } => enforcement::order_duty(step, c, date, kind, obligation, deadline),
        Action::RecordPerformance { date, note } => {
            enforcement::record_performance(step, c, date, note)
        }
        Action::DemandDuty {
            date,
            deadline,
            way,
        } => enforcement::demand_duty(step, c, date, deadline, way),
        Action::HearDutyStatement {
            date,
            summary,
            review,
            adopted,
        } => enforcement::hear_duty_statement(step, c, date, summary, review, adopted),
        Action::DecideEnforcement { date, way_and_time } => {
            enforcement::decide_enforcement(step, c, date, way_and_time)
        }
        Action::PostDemolitionNotice { date, days, place } => {
            enforcement::post_demolition_notice(step, c, date, days, place)
        }
        Action::DecideSubstitute {
            date,
            planned_on,
            object,
            cost_estimate,
            performer,
            harm,
            way_and_time,
        } => enforcement::decide_substitute(
            step,
            c,
            date,
            planned_on,
            object,
            cost_estimate,
            performer,
            harm,
            way_and_time,
        ),
        Action::DemandSubstitute { date } => enforcement::demand_substitute(step, c, date),
        Action::ImmediateSubstitute {
            date,
            space,
            what,
            description,
            party_unable,
            party_present,
        } => enforcement::immediate_substitute(
            step,
            c,
            date,
            space,
            what,
            description,
            party_unable,
            party_present,
        ),
        Action::NotifyImmediate { date } => enforcement::notify_immediate(step, c, date),
        Action::AgreeEnforcement {
            date,
            terms,
            no_harm_to_public,
        } => enforcement::agree_enforcement(step, c, date, terms, no_harm_to_public),
        Action::AgreementResult { date, kept } => {
            enforcement::agreement_result(step, c, date, kept)
        }
        Action::SuspendEnforcement {
            date,
            ground,
            reason,
        } => enforcement::suspend_enforcement(step, c, date, ground, reason),
        Action::ResumeEnforcement { date } => enforcement::resume_enforcement(step, c, date),
        Action::EndEnforcement {
            date,
            ground,
            reason,
        } => enforcement::end_enforcement(step, c, date, ground, reason),
        Action::EnforceDay {
            date,
            start,
            end,
            officers,
            performer,
            witnesses,
            removed,
            party_signed,
            emergency,
            completed,
            substitute,
            cost,
            attachments,
        } => enforcement::enforce_day(
            step,
            c,
            enforcement::DayTyped {
                date: *date,
                start,
                end,
                officers,
                performer,
                witnesses,
                removed,
                party_signed: *party_signed,
                emergency,
                completed: *completed,
                substitute: *substitute,
                cost: *cost,
                attachments,
            },
        ),
        Action::RegisterGoods {
            origin,
            description,
            quantity,
            unit,
            estimated_value,
            storage_place,
            custodian,
            taken_on,
            photos,
        } => goods::register_goods(
            step,
            c,
            goods::GoodsTyped {
                origin: *origin,
                description,
                quantity: *quantity,
                unit,
                estimated_value: *estimated_value,
                storage_place,
                custodian,
                taken_on: *taken_on,
                photos,
            },
        ),
        Action::MoveGoods {
            index,
            kind,
            date,
            approver,
            witnesses,
            to,
            proceeds,
            treasury_ref,
            note,
        } => goods::move_goods(
            step,
            c,
            goods::MoveTyped {
                index: *index,
                kind: *kind,
                date: *date,
                approver: *approver,
                witnesses,
                to,
                proceeds: *proceeds,
                treasury_ref,
                note,
            },
        ),
        Action::Correct {
            date,
            target,
            item,
            new_date,
            new_text,
            reason,
        } => correction::correct(
            step,
            c,
            correction::Asked {
                date: *date,
                target: *target,
                item: *item,
                new_date: *new_date,
                new_text,
                reason,
            },
        ),
    }
}

/// A step cannot be dated before the step that brought the case to its stage (evidence and
/// records may be registered later than they were made, so they are exempt), and a decision
/// not before the hearing, legal review or statements it rests on.
fn not_before_last_step(case: &Case, action: &Action) -> RuleResult {
    let date = match action {
        // A correction order is issued on inspection or at 立案 and its 复查 on the deadline;
        // both may be registered after the case moved on, so each step checks its own dates.
        Action::AddEvidence { .. }
        | Action::AddRecord { .. }
        | Action::OrderCorrection { .. }
        | Action::Recheck { .. }
        | Action::ExcludeSeizureDays { .. } => return Ok(()),
        // The order and its enforcement run beside the penalty procedure (an order to stop
        // building is often made at 立案, its enforcement after the decision), and goods are
        // registered as they come in: each checks its own dates against the order or the item.
        Action::OrderDuty { .. }
        | Action::RecordPerformance { .. }
        | Action::DemandDuty { .. }
        | Action::HearDutyStatement { .. }
        | Action::DecideEnforcement { .. }
        | Action::PostDemolitionNotice { .. }
        | Action::DecideSubstitute { .. }
        | Action::DemandSubstitute { .. }
        | Action::ImmediateSubstitute { .. }
        | Action::NotifyImmediate { .. }
        | Action::AgreeEnforcement { .. }
        | Action::AgreementResult { .. }
        | Action::SuspendEnforcement { .. }
        | Action::ResumeEnforcement { .. }
        | Action::EndEnforcement { .. }
        | Action::EnforceDay { .. }
        | Action::RegisterGoods { .. }
        | Action::MoveGoods { .. } => return Ok(()),
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
        | Action::FileOnSpot { date }
        | Action::ApproveClosing { date, .. }
        | Action::Archive { date, .. } => *date,
        // A correction is dated when approved; the date it corrects is checked by its own rule.
        Action::Correct { .. } => return Ok(()),
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
        // …but the conditions it records must be the item's own.
        return mandatory_measures_included(&case.power.power, false, &p.triggers, &[]);
    }
    let power = &case.power.power;
    if let Some(k) = p.kinds.iter().find(|k| !power.penalty_kinds.contains(k)) {
        return Err(RuleError::new(
            "行政处罚法第三十八条",
            format!("{} 的处罚条款没有“{}”，不能适用", power.code, k.name()),
        ));
    }
    mandatory_measures_included(power, p.alternative_band, &p.triggers, &p.kinds)?;
    minor_treated_by_age(&case.parties, case.act_date, &p.kinds, p.tier, p.mitigation)?;
    penalty::check_fine(power, case.party_type(), p)
}

mod correction;
mod create;
mod enforcement;
mod execution;
mod goods;
mod investigation;
mod permissions;
mod readiness;
mod review;

pub use create::{decide_on_spot, propose, NewCase, OnSpot};
pub use permissions::{available, precheck};
pub use readiness::{available_today, ready_today};

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_enforcement;
