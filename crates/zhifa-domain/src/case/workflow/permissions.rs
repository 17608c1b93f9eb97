//! Who may take which step at which stage: the role and stage rules every step checks
//! first, and the menu of steps with the reason a step is not allowed.

use super::*;

/// The approving steps of a case and the level of the approval chain each belongs to. One
/// person takes steps of one level only on a case (`gates::one_approving_level`): the squad
/// leader's review, the legal review (independent of the decision, 行政处罚法 Art 58) and the
/// head's approvals are three different people. The head's own steps — filing approval,
/// presiding over the 集体讨论, the review decision, the decision, the closing approval — are
/// one level: Art 57 gives the review and the decision to the same 负责人.
pub const APPROVING_STEPS: [(ActionKind, &str); 7] = [
    (ActionKind::ApproveFiling, HEAD_LEVEL),
    (ActionKind::SquadReview, "中队长审核"),
    (ActionKind::LegalReview, "法制审核"),
    (ActionKind::Discuss, HEAD_LEVEL),
    (ActionKind::ReviewDecision, HEAD_LEVEL),
    (ActionKind::Decide, HEAD_LEVEL),
    (ActionKind::ApproveClosing, HEAD_LEVEL),
];
const HEAD_LEVEL: &str = "负责人审批";

/// The approving level of a step, if it is one.
pub fn approving_level(kind: ActionKind) -> Option<&'static str> {
    APPROVING_STEPS
        .iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, level)| *level)
}

/// Who took which approving step of this case, as recorded in it.
fn approvals_taken(case: &Case) -> Vec<(ActionKind, i64)> {
    use ActionKind as K;
    let mut out = Vec::new();
    out.extend(case.filing.as_ref().map(|a| (K::ApproveFiling, a.by)));
    out.extend(case.squad_review.as_ref().map(|a| (K::SquadReview, a.by)));
    out.extend(case.legal_reviews.iter().map(|a| (K::LegalReview, a.by)));
    out.extend(case.discussions.iter().map(|d| (K::Discuss, d.chair)));
    out.extend(
        case.review_outcome
            .as_ref()
            .map(|(a, _)| (K::ReviewDecision, a.by)),
    );
    // An on-the-spot decision is the officers', not an approval.
    if case.procedure == Procedure::General {
        out.extend(case.decision.as_ref().map(|d| (K::Decide, d.by)));
    }
    out.extend(case.closing.as_ref().map(|a| (K::ApproveClosing, a.by)));
    out
}

/// The approving level `actor` already holds on this case, if any.
pub fn level_held(case: &Case, actor: i64) -> Option<&'static str> {
    approvals_taken(case)
        .into_iter()
        .filter(|(_, by)| *by == actor)
        .find_map(|(k, _)| approving_level(k))
}

fn separate_levels(case: &Case, kind: ActionKind, actor: &User) -> RuleResult {
    match approving_level(kind) {
        Some(wanted) => one_approving_level(actor, wanted, level_held(case, actor.id)),
        None => Ok(()),
    }
}

fn head_not_own(case: &Case, actor: &User) -> RuleResult {
    has_role(actor, Role::Head)?;
    not_own_case(case, actor)
}

const OPEN: [Stage; 6] = [
    Stage::Investigating,
    Stage::Reviewing,
    Stage::Notifying,
    Stage::Deciding,
    Stage::Serving,
    Stage::Executing,
];
const INQUIRY: [Stage; 4] = [
    Stage::Investigating,
    Stage::Reviewing,
    Stage::Notifying,
    Stage::Deciding,
];

/// Role and stage rules of a step, without its data: what a menu shows as allowed, or the
/// reason it is not.
pub fn precheck(case: &Case, kind: ActionKind, actor: &User) -> RuleResult {
    not_archived(case)?;
    if !actor.active {
        return Err(RuleError::role(
            "岗位权限",
            format!("{} 的账号已停用", actor.name),
        ));
    }
    role_and_stage(case, kind, actor)?;
    separate_levels(case, kind, actor)
}

fn role_and_stage(case: &Case, kind: ActionKind, actor: &User) -> RuleResult {
    use ActionKind as K;
    match kind {
        K::ApproveFiling => {
            at_stage(case, &[Stage::Proposed], "审批立案")?;
            head_not_own(case, actor)
        }
        K::AddEvidence | K::AddRecord => {
            at_stage(case, &INQUIRY, "登记调查材料")?;
            is_handler(case, actor)
        }
        K::OrderCorrection => {
            at_stage(case, &INQUIRY, "责令改正")?;
            if case.correction_notice.is_some() {
                return Err(RuleError::input("本案已制发责令改正通知书"));
            }
            is_handler(case, actor)
        }
        K::Recheck => {
            at_stage(case, &OPEN, "复查")?;
            if case.correction_recheck.is_some() {
                return Err(RuleError::input("本案已登记复查"));
            }
            correction_order_issued(case)?;
            is_handler(case, actor)
        }
        K::Preserve | K::Seize => {
            at_stage(case, &[Stage::Investigating], "采取证据保全或强制措施")?;
            head_not_own(case, actor)
        }
        K::DecidePreservation => {
            at_stage(case, &OPEN, "处理保全物品")?;
            if !case.preservations.iter().any(|p| p.decided_on.is_none()) {
                return Err(RuleError::input("没有待处理的先行登记保存物品"));
            }
            is_handler(case, actor)
        }
        K::ExcludeSeizureDays | K::ReleaseSeizure => {
            at_stage(case, &OPEN, "处理查封扣押")?;
            if !case.seizures.iter().any(|s| s.released_on.is_none()) {
                return Err(RuleError::input("没有未解除的查封扣押"));
            }
            is_handler(case, actor)
        }
        K::ExtendSeizure => {
            at_stage(case, &OPEN, "延长查封扣押")?;
            seizure_extendable(case)?;
            head_not_own(case, actor)
        }
        K::EndInvestigation => {
            at_stage(case, &[Stage::Investigating], "调查终结")?;
            is_handler(case, actor)
        }
        K::SquadReview => {
            at_stage(case, &[Stage::Reviewing], "审核")?;
            if case.squad_review.as_ref().is_some_and(|r| r.agree) {
                return Err(RuleError::input("中队长已审核同意"));
            }
            has_role(actor, Role::SquadLeader)?;
            not_own_case(case, actor)
        }
        K::LegalReview => {
            at_stage(
                case,
                &[Stage::Reviewing, Stage::Notifying, Stage::Deciding],
                "法制审核",
            )?;
            has_role(actor, Role::LegalReviewer)?;
            legal_reviewer_qualified(actor)?;
            not_own_case(case, actor)
        }
        K::Discuss => {
            at_stage(
                case,
                &[Stage::Reviewing, Stage::Notifying, Stage::Deciding],
                "集体讨论",
            )?;
            has_role(actor, Role::Head)
        }
        K::ReviewDecision => {
            at_stage(case, &[Stage::Reviewing], "作出审查决定")?;
            if case.review_outcome.is_some() {
                return Err(RuleError::input("负责人已作出审查决定"));
            }
            if !case.squad_review.as_ref().is_some_and(|r| r.agree) {
                return Err(RuleError::new("审核审批制度", "须先经中队长审核同意"));
            }
            head_not_own(case, actor)
        }
        K::IssueNotice => {
            at_stage(case, &[Stage::Reviewing], "事先告知")?;
            if !matches!(case.review_outcome, Some((_, ReviewOutcome::Penalty))) {
                return Err(RuleError::new(
                    "行政处罚法第五十七条",
                    "负责人尚未决定给予处罚，不能告知",
                ));
            }
            is_handler(case, actor)
        }
        // A correction notice or an order to act is served when issued, before the other
        // papers exist.
        K::Serve if case.correction_notice.is_some() || case.duty.is_some() => {
            at_stage(case, &OPEN, "送达")?;
            is_handler(case, actor)
        }
        K::Serve => {
            at_stage(
                case,
                &[
                    Stage::Notifying,
                    Stage::Deciding,
                    Stage::Serving,
                    Stage::Executing,
                ],
                "送达",
            )?;
            is_handler(case, actor)
        }
        K::RecordStatement | K::RequestHearing | K::Waive => {
            at_stage(case, &[Stage::Notifying], "登记当事人陈述、申辩或听证申请")?;
            if case.served(ServedDoc::Notice).is_none() {
                return Err(RuleError::input("事先告知书尚未送达"));
            }
            if kind == K::RequestHearing {
                if !case.notice.as_ref().is_some_and(|n| n.hearing_right) {
                    return Err(RuleError::new(
                        "行政处罚法第六十三条",
                        "本案拟作出的处罚不属于听证范围",
                    ));
                }
                if case.hearing.is_some() {
                    return Err(RuleError::input("已登记听证申请"));
                }
            }
            is_handler(case, actor)
        }
        K::ScheduleHearing => {
            at_stage(case, &[Stage::Notifying], "通知听证")?;
            if case.hearing.is_none() {
                return Err(RuleError::input("当事人尚未申请听证"));
            }
            head_not_own(case, actor)
        }
        K::HoldHearing => {
            at_stage(case, &[Stage::Notifying], "举行听证")?;
            let presiding = case.hearing.as_ref().and_then(|h| h.presiding);
            if presiding.is_none() {
                return Err(RuleError::input("听证尚未通知"));
            }
            if presiding != Some(actor.id) && !actor.has(Role::Head) {
                return Err(RuleError::role(
                    "岗位权限",
                    "只有听证主持人或负责人可以登记听证",
                ));
            }
            Ok(())
        }
        K::ExtendDecisionPeriod => {
            at_stage(case, &INQUIRY, "延长办案期限")?;
            head_not_own(case, actor)
        }
        K::Decide => {
            // Before the notice stage a decision would skip 事先告知: that is the law's
            // refusal, not only the stage's.
            if matches!(case.stage, Stage::Investigating | Stage::Reviewing) {
                notice_served(case)?;
            }
            at_stage(case, &[Stage::Notifying, Stage::Deciding], "作出决定")?;
            head_not_own(case, actor)
        }
        K::Publish => {
            if case.decision.is_none() {
                return Err(RuleError::input("尚未作出决定"));
            }
            is_handler(case, actor)
        }
        K::Pay | K::Demand => {
            at_stage(case, &[Stage::Serving, Stage::Executing], "办理执行事项")?;
            fine_not_paid_in_full(case, kind.label())?;
            is_handler(case, actor)
        }
        // An order to act may be challenged as soon as it is served, whatever the stage.
        K::RemedyStarted | K::RemedyEnded if case.duty.is_some() => {
            at_stage(case, &OPEN, "登记复议诉讼")?;
            is_handler(case, actor)
        }
        K::RemedyStarted | K::RemedyEnded => {
            at_stage(case, &[Stage::Serving, Stage::Executing], "办理执行事项")?;
            is_handler(case, actor)
        }
        K::ApprovePlan | K::TerminateExecution => {
            at_stage(case, &[Stage::Executing], "审批执行事项")?;
            head_not_own(case, actor)
        }
        K::ApplyCourt => {
            at_stage(case, &[Stage::Executing], "申请强制执行")?;
            if case.procedure == Procedure::Simple && case.fine_due().0 == 0 {
                return Err(RuleError::input("没有待执行的罚款"));
            }
            head_not_own(case, actor)
        }
        K::OrderDuty => {
            at_stage(case, &OPEN, "责令限期履行")?;
            if case.duty.is_some() {
                return Err(RuleError::input("本案已作出责令限期履行决定"));
            }
            head_not_own(case, actor)
        }
        K::DecideEnforcement
        | K::DecideSubstitute
        | K::ImmediateSubstitute
        | K::AgreeEnforcement
        | K::SuspendEnforcement
        | K::ResumeEnforcement
        | K::EndEnforcement => {
            at_stage(case, &OPEN, "决定强制执行事项")?;
            duty_open(case)?;
            head_not_own(case, actor)
        }
        K::RecordPerformance
        | K::DemandDuty
        | K::HearDutyStatement
        | K::PostDemolitionNotice
        | K::DemandSubstitute
        | K::NotifyImmediate
        | K::AgreementResult
        | K::EnforceDay => {
            at_stage(case, &OPEN, "办理强制执行事项")?;
            duty_open(case)?;
            is_handler(case, actor)
        }
        K::RegisterGoods => {
            at_stage(case, &OPEN, "登记罚没物品")?;
            is_handler(case, actor)
        }
        K::MoveGoods => {
            at_stage(case, &OPEN, "处置罚没物品")?;
            if case.goods.is_empty() {
                return Err(RuleError::input("本案没有登记罚没物品"));
            }
            is_handler(case, actor)
        }
        K::Withdraw => {
            at_stage(case, &INQUIRY, "撤销立案")?;
            head_not_own(case, actor)
        }
        K::FileOnSpot => {
            if case.procedure != Procedure::Simple || case.decision.is_none() {
                return Err(RuleError::input("只有当场作出的行政处罚决定需要报送备案"));
            }
            if let Some((on, _)) = case.on_spot_filed {
                return Err(RuleError::input(format!("本案当场处罚决定已于 {on} 备案")));
            }
            is_handler(case, actor)
        }
        K::ProposeClosing => {
            if matches!(case.stage, Stage::Proposed | Stage::Closing | Stage::Closed) {
                return Err(RuleError::stage(format!(
                    "案件处于“{}”阶段，不能提请结案",
                    case.stage.name()
                )));
            }
            let undecided_penalty =
                case.outcome == Some(Outcome::Penalty) && case.decision.is_none();
            if case.outcome.is_none() || undecided_penalty {
                return Err(RuleError::new("结案条件", "案件尚未作出处理决定，不能结案"));
            }
            is_handler(case, actor)
        }
        K::ApproveClosing => {
            at_stage(case, &[Stage::Closing], "结案审批")?;
            head_not_own(case, actor)
        }
        // A clerical error may be found at any stage before the file is sealed (归档 is
        // refused above by `not_archived`); the head approves it, not a handler alone.
        K::Correct => head_not_own(case, actor),
        K::Archive => {
            at_stage(case, &[Stage::Closed], "归档")?;
            if case.handlers.contains(&actor.id) || actor.has(Role::Admin) {
                Ok(())
            } else {
                Err(RuleError::role("岗位权限", "由本案承办人或管理员归档"))
            }
        }
    }
}

/// The case has an order to act that is still to be carried out: a menu leaves out the
/// enforcement steps of a case without one, or whose order was performed or ended.
fn duty_open(case: &Case) -> RuleResult {
    match case.duty.as_ref() {
        None => Err(RuleError::stage("本案没有责令限期履行决定")),
        Some(d) if d.complied_on.is_some() => Err(RuleError::stage(format!(
            "当事人已于 {} 履行义务",
            d.complied_on.map(|d| d.to_string()).unwrap_or_default()
        ))),
        Some(d) if d.enforcement.termination.is_some() => {
            Err(RuleError::stage("本案强制执行已终结"))
        }
        Some(_) => Ok(()),
    }
}

/// Every step with whether this user may take it now, for menus.
pub fn available(case: &Case, actor: &User) -> Vec<(ActionKind, RuleResult)> {
    ActionKind::ALL
        .into_iter()
        .map(|k| (k, precheck(case, k, actor)))
        .collect()
}
