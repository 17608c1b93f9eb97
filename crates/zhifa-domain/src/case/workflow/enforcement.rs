//! Steps that enforce an order to act (行政强制法第四章第一节、第三节): the order, its 催告
//! and 陈述申辩, the 强制执行决定, the 公告 before demolition, 代履行 and 立即代履行, the
//! 执行协议, 中止 and 终结, and the days of enforcement. Each step builds the domain record
//! and asks the named gates in `crate::enforcement`; none repeats a rule.

use chrono::NaiveTime;

use super::*;
use crate::calendar::Period;
use crate::catalog::cite_provisions;
use crate::enforcement::{self as enf, DutyKind, DutyOrder, EnforcementDay};

/// The case's order to act, or why there is none.
fn order_of(case: &Case) -> RuleResult<&DutyOrder> {
    case.duty
        .as_ref()
        .ok_or_else(|| RuleError::input("本案尚未作出责令限期履行决定，请先登记“责令限期履行”"))
}

fn order_mut(c: &mut Case) -> RuleResult<&mut DutyOrder> {
    c.duty
        .as_mut()
        .ok_or_else(|| RuleError::input("本案尚未作出责令限期履行决定，请先登记“责令限期履行”"))
}

/// A step about the order is dated on or after the order itself.
fn not_before_order(order: &DutyOrder, date: NaiveDate, what: &str) -> RuleResult {
    if date < order.issued_on {
        return Err(RuleError::input(format!(
            "{what}日期 {date} 早于责令限期履行决定的日期 {}，请核对",
            order.issued_on
        )));
    }
    Ok(())
}

/// The party's name and address as the decisions print them (the first party).
fn party_of(case: &Case) -> (String, String) {
    case.parties
        .first()
        .map(|p| (p.display_name(), p.address().to_string()))
        .unwrap_or_default()
}

/// The reasons and basis of a decision to enforce: the duty, the provision behind it and
/// the one that grants the power to enforce it, where that is another.
fn reasons_and_basis(order: &DutyOrder) -> String {
    let mut basis = vec![order.basis.clone()];
    if let Some(grant) = order.enforce_basis.as_ref().filter(|g| **g != order.basis) {
        basis.push(grant.clone());
    }
    format!(
        "当事人逾期未履行{}（{}），经催告仍未履行；依据{}",
        order.kind.name(),
        order.obligation,
        cite_provisions(&basis)
    )
}

/// The remedies a decision to enforce states (行政强制法第三十七条第二款第（四）项); the
/// printed paper names the review body and the court from the agency's settings.
const REMEDIES: &str = "可以自收到本决定书之日起六十日内申请行政复议，也可以自收到本决定书之日起六个月内依法提起行政诉讼";

/// 责令限期履行: the 负责人 orders the party to act under a provision the item lists.
pub(super) fn order_duty(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
    kind: &DutyKind,
    obligation: &str,
    deadline: &NaiveDate,
) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    dated(*date, case, ctx, "责令限期履行")?;
    if case.duty.is_some() {
        return Err(RuleError::input("本案已作出责令限期履行决定"));
    }
    let grant = duty_order_provided(&case.power.power, *kind)?;
    require_text("应履行的义务", obligation, text::NOTE)?;
    if deadline < date {
        return Err(RuleError::input(format!(
            "履行期限 {deadline} 早于决定日期 {date}，请核对"
        )));
    }
    c.duty = Some(DutyOrder {
        kind: *kind,
        obligation: obligation.trim().into(),
        issued_on: *date,
        served_on: None,
        deadline: *deadline,
        basis: grant.basis.clone(),
        power: grant.enforce,
        enforce_basis: grant.enforce_basis.clone(),
        direct_suit: true,
        suit: grant.suit,
        remedies: Vec::new(),
        complied_on: None,
        enforcement: Default::default(),
    });
    done(
        format!(
            "{}：{}（期限至 {deadline}）",
            kind.name(),
            obligation.trim()
        ),
        [DocKind::DutyOrder],
    )
}

/// 登记履行义务: the party did what was ordered (and 代履行 stops, 第五十一条).
pub(super) fn record_performance(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
    note: &str,
) -> RuleResult<StepOutcome> {
    let Step { ctx, .. } = *step;
    not_in_future(*date, ctx.today, "登记履行")?;
    require_text("履行情况", note, text::NOTE)?;
    let order = order_mut(c)?;
    not_before_order(order, *date, "履行")?;
    if let Some(done) = order.complied_on {
        return Err(RuleError::input(format!("已登记当事人于 {done} 履行")));
    }
    order.complied_on = Some(*date);
    if let Some(sub) = order.enforcement.substitute.as_mut() {
        sub.complied_on.get_or_insert(*date);
    }
    done(format!("当事人已履行：{}", note.trim()), [])
}

/// 催告履行义务 (行政强制法第三十五条): after the order's deadline passed unperformed.
pub(super) fn demand_duty(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
    deadline: &NaiveDate,
    way: &str,
) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    dated(*date, case, ctx, "催告")?;
    let order = order_of(case)?;
    enf::duty_overdue_for_demand(order, *date)?;
    if order.enforcement.demand.is_some() {
        return Err(RuleError::input("已制作履行义务催告书"));
    }
    require_text("履行方式", way, text::NOTE)?;
    if deadline <= date {
        return Err(RuleError::input("催告书给予的履行期限须晚于催告日期"));
    }
    order_mut(c)?.enforcement.demand = Some(enf::EnforcementDemand {
        date: *date,
        served_on: None,
        deadline: *deadline,
        way: way.trim().into(),
        states_statement_right: true,
    });
    done(
        format!("催告履行{}，期限至 {deadline}", order.kind.name()),
        [DocKind::DutyDemand],
    )
}

/// 强制执行陈述申辩及复核 (行政强制法第三十六条).
pub(super) fn hear_duty_statement(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
    summary: &str,
    review: &str,
    adopted: &bool,
) -> RuleResult<StepOutcome> {
    let Step { ctx, .. } = *step;
    not_in_future(*date, ctx.today, "陈述申辩")?;
    require_text("陈述申辩内容", summary, text::LONG)?;
    require_text("复核意见", review, text::LONG)?;
    let order = order_mut(c)?;
    let Some(demand) = order.enforcement.demand.as_ref() else {
        return Err(RuleError::input("尚未催告，没有催告后的陈述申辩可登记"));
    };
    if *date < demand.date {
        return Err(RuleError::input("陈述申辩日期早于催告日期"));
    }
    order
        .enforcement
        .statements
        .push(enf::EnforcementStatement {
            date: *date,
            summary: summary.trim().into(),
            reviewed_on: Some(*date),
            review: review.trim().into(),
            adopted: *adopted,
        });
    done(
        format!(
            "记录陈述申辩及复核（{}）",
            if *adopted { "采纳" } else { "不采纳" }
        ),
        [],
    )
}

/// 强制执行决定 (行政强制法第三十七条): only by an agency with the power to enforce, after the
/// 催告 was served and its period passed, and the 陈述申辩 heard.
pub(super) fn decide_enforcement(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
    way_and_time: &str,
) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    dated(*date, case, ctx, "强制执行决定")?;
    let order = order_of(case)?;
    if order.enforcement.decision.is_some() {
        return Err(RuleError::input("已作出强制执行决定"));
    }
    may_enforce_itself(order)?;
    enf::demand_before_enforcement(order, *date)?;
    enf::statement_heard(order, *date)?;
    let (party_name, party_address) = party_of(case);
    let decision = enf::EnforcementDecision {
        date: *date,
        party_name,
        party_address,
        reasons_and_basis: reasons_and_basis(order),
        way_and_time: way_and_time.trim().into(),
        remedies: REMEDIES.into(),
        agency: "本机关".into(),
        sealed: true,
        served_on: None,
        service_method: None,
    };
    enf::enforcement_decision_contents(&decision)?;
    order_mut(c)?.enforcement.decision = Some(decision);
    done("作出强制执行决定", [DocKind::EnforcementDecision])
}

/// 强制拆除公告 (行政强制法第四十四条): for a building, structure or facility, a period for
/// the party to demolish it, posted before any forced demolition.
pub(super) fn post_demolition_notice(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
    days: &u32,
    place: &str,
) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    dated(*date, case, ctx, "公告")?;
    let order = order_of(case)?;
    if !order.kind.is_demolition() {
        return Err(RuleError::input(format!(
            "{}不涉及强制拆除，无需公告（行政强制法第四十四条）",
            order.kind.name()
        )));
    }
    if order.served_on.is_none() {
        return Err(RuleError::new(
            "行政强制法第四十四条",
            "责令限期拆除决定尚未送达，不能公告",
        ));
    }
    if order.enforcement.public_notice.is_some() {
        return Err(RuleError::input("已发布强制拆除公告"));
    }
    require_text("公告张贴地点", place, text::PLACE)?;
    if *days == 0 {
        return Err(RuleError::input(
            "公告须给予当事人自行拆除的期限（日数大于 0）",
        ));
    }
    // 行政强制法第六十九条: a period of ten days or less counts working days.
    let period = if *days <= 10 {
        Period::WorkingDays(*days)
    } else {
        Period::Days(*days)
    };
    order_mut(c)?.enforcement.public_notice = Some(enf::DemolitionNotice {
        date: *date,
        period,
        place: place.trim().into(),
    });
    done(
        format!("发布强制拆除公告，限期{period}自行拆除"),
        [DocKind::DemolitionNotice],
    )
}

/// 代履行决定 (行政强制法第五十条、第五十一条第一款第（一）项).
#[allow(clippy::too_many_arguments)] // the step's own fields, as `Action` has them
pub(super) fn decide_substitute(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
    planned_on: &NaiveDate,
    object: &str,
    cost_estimate: &Fen,
    performer: &str,
    harm: &enf::SubstituteHarm,
    way_and_time: &str,
) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    dated(*date, case, ctx, "代履行决定")?;
    let order = order_of(case)?;
    if order.enforcement.substitute.is_some() {
        return Err(RuleError::input("已作出代履行决定"));
    }
    enf::substitute_after_demand(order, *date)?;
    if planned_on <= date {
        return Err(RuleError::input("代履行日期须晚于决定日期"));
    }
    let (party_name, party_address) = party_of(case);
    let decision = enf::SubstituteDecision {
        date: *date,
        party_name,
        party_address,
        reasons_and_basis: reasons_and_basis(order),
        way_and_time: way_and_time.trim().into(),
        planned_on: *planned_on,
        object: object.trim().into(),
        cost_estimate: *cost_estimate,
        performer: performer.trim().into(),
        harm: Some(*harm),
        served_on: None,
    };
    enf::substitute_decision_contents(&decision)?;
    order_mut(c)?.enforcement.substitute = Some(enf::SubstitutePerformance {
        decision,
        demand_on: None,
        complied_on: None,
        cost: None,
    });
    done(
        format!("作出代履行决定，预算 {cost_estimate}，{planned_on} 实施"),
        [DocKind::SubstituteDecision],
    )
}

/// 代履行催告 (行政强制法第五十一条第一款第（二）项): after the decision was served.
pub(super) fn demand_substitute(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    dated(*date, case, ctx, "代履行催告")?;
    let sub = order_of(case)?
        .enforcement
        .substitute
        .as_ref()
        .ok_or_else(|| RuleError::input("尚未作出代履行决定"))?;
    match sub.decision.served_on {
        Some(s) if s <= *date => {}
        _ => {
            return Err(RuleError::new(
                "行政强制法第五十一条第一款第（一）项",
                "代履行决定书尚未送达，送达后方可催告",
            ))
        }
    }
    if sub.demand_on.is_some() {
        return Err(RuleError::input("已登记代履行催告"));
    }
    if let Some(sub) = order_mut(c)?.enforcement.substitute.as_mut() {
        sub.demand_on = Some(*date);
    }
    done("代履行催告", [DocKind::SubstituteDemand])
}

/// 立即代履行 (行政强制法第五十二条): obstacles, spills and pollutants on roads, rivers,
/// waterways and public places that the party cannot clear.
#[allow(clippy::too_many_arguments)] // the step's own fields, as `Action` has them
pub(super) fn immediate_substitute(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
    space: &enf::PublicSpace,
    what: &enf::Clearable,
    description: &str,
    party_unable: &bool,
    party_present: &bool,
) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    dated(*date, case, ctx, "立即代履行")?;
    let order = order_of(case)?;
    if order.enforcement.immediate.is_some() {
        return Err(RuleError::input("已登记立即代履行"));
    }
    require_text("清除的物品及情况", description, text::NOTE)?;
    let im = enf::ImmediateSubstitute {
        date: *date,
        space: *space,
        what: *what,
        description: description.trim().into(),
        party_unable: *party_unable,
        party_present: *party_present,
        notified_on: None,
    };
    enf::immediate_substitute_allowed(&im)?;
    order_mut(c)?.enforcement.immediate = Some(im);
    done("决定立即实施代履行", [])
}

/// 立即代履行事后通知 (行政强制法第五十二条): when the party was absent.
pub(super) fn notify_immediate(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
) -> RuleResult<StepOutcome> {
    let Step { ctx, .. } = *step;
    not_in_future(*date, ctx.today, "事后通知")?;
    let im = order_mut(c)?
        .enforcement
        .immediate
        .as_mut()
        .ok_or_else(|| RuleError::input("没有立即代履行，无需事后通知"))?;
    if *date < im.date {
        return Err(RuleError::input("事后通知日期早于立即代履行日期"));
    }
    if im.notified_on.is_some() {
        return Err(RuleError::input("已登记事后通知"));
    }
    if im.party_present {
        return Err(RuleError::new(
            "行政强制法第五十二条",
            "立即代履行时当事人在场，无需事后通知（事后通知限于当事人不在场的情形）",
        ));
    }
    im.notified_on = Some(*date);
    done("立即代履行后通知当事人", [DocKind::ImmediateNotice])
}

/// 达成执行协议 (行政强制法第四十二条第一款).
pub(super) fn agree_enforcement(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
    terms: &str,
    no_harm: &bool,
) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    dated(*date, case, ctx, "执行协议")?;
    let order = order_of(case)?;
    if order.enforcement.agreement.is_some() {
        return Err(RuleError::input("已达成执行协议"));
    }
    not_before_order(order, *date, "执行协议")?;
    require_text("协议内容", terms, text::LONG)?;
    let agreement = enf::EnforcementAgreement {
        date: *date,
        terms: terms.trim().into(),
        stages: Vec::new(),
        no_harm_to_public_or_others: *no_harm,
        breached_on: None,
        fulfilled_on: None,
    };
    enf::agreement_allowed(&agreement)?;
    order_mut(c)?.enforcement.agreement = Some(agreement);
    done("与当事人达成执行协议", [DocKind::EnforcementAgreement])
}

/// 执行协议履行情况: kept (the duty is performed) or not (enforcement resumes, 第四十二条第二款).
pub(super) fn agreement_result(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
    kept: &bool,
) -> RuleResult<StepOutcome> {
    let Step { ctx, .. } = *step;
    not_in_future(*date, ctx.today, "执行协议履行情况")?;
    let order = order_mut(c)?;
    let a = order
        .enforcement
        .agreement
        .as_mut()
        .ok_or_else(|| RuleError::input("没有执行协议"))?;
    if a.breached_on.is_some() || a.fulfilled_on.is_some() {
        return Err(RuleError::input("已登记执行协议的履行情况"));
    }
    if *date < a.date {
        return Err(RuleError::input("登记日期早于协议日期"));
    }
    if *kept {
        a.fulfilled_on = Some(*date);
        order.complied_on.get_or_insert(*date);
        done("当事人履行了执行协议", [])
    } else {
        a.breached_on = Some(*date);
        done("当事人不履行执行协议，恢复强制执行", [])
    }
}

/// 中止执行 (行政强制法第三十九条第一款).
pub(super) fn suspend_enforcement(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
    ground: &enf::SuspensionGround,
    reason: &str,
) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    dated(*date, case, ctx, "中止执行")?;
    let order = order_of(case)?;
    if order
        .enforcement
        .suspension
        .as_ref()
        .is_some_and(|s| s.resumed_on.is_none())
    {
        return Err(RuleError::input("执行已中止，尚未恢复"));
    }
    let s = enf::Suspension {
        date: *date,
        ground: *ground,
        reason: reason.trim().into(),
        resumed_on: None,
    };
    enf::suspension_recorded(&s)?;
    order_mut(c)?.enforcement.suspension = Some(s);
    done(format!("中止执行：{}", crate::serde_name(ground)), [])
}

/// 恢复执行 (行政强制法第三十九条第二款).
pub(super) fn resume_enforcement(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
) -> RuleResult<StepOutcome> {
    let Step { ctx, .. } = *step;
    not_in_future(*date, ctx.today, "恢复执行")?;
    let s = order_mut(c)?
        .enforcement
        .suspension
        .as_mut()
        .filter(|s| s.resumed_on.is_none())
        .ok_or_else(|| RuleError::input("执行没有中止，无需恢复"))?;
    if *date < s.date {
        return Err(RuleError::input("恢复日期早于中止日期"));
    }
    s.resumed_on = Some(*date);
    done("恢复执行", [])
}

/// 终结强制执行 (行政强制法第四十条).
pub(super) fn end_enforcement(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
    ground: &enf::TerminationGround,
    reason: &str,
) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    dated(*date, case, ctx, "终结执行")?;
    let order = order_of(case)?;
    if order.enforcement.termination.is_some() {
        return Err(RuleError::input("已终结执行"));
    }
    let t = enf::Termination {
        date: *date,
        ground: *ground,
        reason: reason.trim().into(),
    };
    enf::termination_allowed(order, &t)?;
    order_mut(c)?.enforcement.termination = Some(t);
    done(format!("终结执行：{}", crate::serde_name(ground)), [])
}

/// The fields of a day of enforcement, as the step has them.
pub(super) struct DayTyped<'a> {
    pub date: NaiveDate,
    pub start: &'a str,
    pub end: &'a str,
    pub officers: &'a [i64],
    pub performer: &'a str,
    pub witnesses: &'a [String],
    pub removed: &'a str,
    pub party_signed: bool,
    pub emergency: &'a str,
    pub completed: bool,
    pub substitute: bool,
    pub cost: Option<Fen>,
    pub attachments: &'a [Attachment],
}

fn time_of(label: &str, typed: &str) -> RuleResult<NaiveTime> {
    NaiveTime::parse_from_str(typed.trim(), "%H:%M")
        .map_err(|_| RuleError::input(format!("{label}“{typed}”不是 时:分 格式（如 09:30）")))
}

/// 实施强制执行 / 代履行: one day, through every gate of the way it is done.
pub(super) fn enforce_day(step: &Step, c: &mut Case, t: DayTyped) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    dated(t.date, case, ctx, "强制执行")?;
    let order = order_of(case)?;
    let people = ctx.users_of(t.officers)?;
    each_person_once(&people, "到场执法人员")?;
    require_text("执行情况", t.removed, text::NOTE)?;
    let day = EnforcementDay {
        date: t.date,
        start: time_of("开始时间", t.start)?,
        end: time_of("结束时间", t.end)?,
        officers: t.officers.to_vec(),
        performer: t.performer.trim().into(),
        witnesses: t.witnesses.iter().map(|w| w.trim().to_string()).collect(),
        removed: t.removed.trim().into(),
        attachments: t.attachments.to_vec(),
        party_signed: t.party_signed,
        emergency: Some(t.emergency.trim().to_string()).filter(|e| !e.is_empty()),
        completed: t.completed,
        substitute: t.substitute,
    };
    if day.end <= day.start {
        return Err(RuleError::input("结束时间须晚于开始时间"));
    }
    let night = ctx.settings.night_hours();
    let immediate = order.enforcement.immediate.as_ref();
    match (t.substitute, immediate) {
        (true, Some(im)) if order.enforcement.substitute.is_none() => {
            enf::immediate_substitute_allowed(im)?;
            if t.date != im.date {
                return Err(RuleError::input(format!(
                    "立即代履行应当在决定当日（{}）实施",
                    im.date
                )));
            }
            enf::substitute_performance_recorded(&day)?;
        }
        (true, _) => enf::substitute_day_lawful(order, &day, night, ctx.calendar)?,
        (false, _) => {
            two_certified_officers(&people, t.date)?;
            enf::enforcement_day_lawful(order, &day, night, ctx.calendar)?
        }
    }
    if t.cost.is_some() && !t.substitute {
        return Err(RuleError::input(
            "只有代履行登记费用（行政强制法第五十一条第二款）",
        ));
    }
    let order = order_mut(c)?;
    order.enforcement.days.push(day);
    if let (Some(cost), Some(sub)) = (t.cost, order.enforcement.substitute.as_mut()) {
        sub.cost = Some(cost);
    }
    let how = if t.substitute {
        "代履行"
    } else {
        "强制执行"
    };
    done(
        format!("{how}{}", if t.completed { "，执行完毕" } else { "" }),
        [DocKind::EnforcementRecord],
    )
}

/// The order is enforceable by the agency itself (行政强制法第十三条).
fn may_enforce_itself(order: &DutyOrder) -> RuleResult {
    if order.power == enf::EnforcementPower::SelfEnforce {
        Ok(())
    } else {
        Err(RuleError::new(
            "行政强制法第十三条第二款",
            "本机关对该决定没有行政强制执行权，期满不履行的应申请人民法院强制执行（或依法代履行）",
        ))
    }
}

/// Keeps the order's own dates in step with the case's record of service and remedies: the
/// gates read `served_on` and `remedies` from the order, the case records them once in
/// `services` and `remedies` (and a 更正 of a service date flows through here).
pub(super) fn sync_duty(c: &mut Case) {
    let served = |doc: ServedDoc| {
        c.services
            .iter()
            .filter(|s| s.doc == doc)
            .max_by_key(|s| s.served_on)
            .map(|s| (s.served_on, s.method))
    };
    let order_served = served(ServedDoc::DutyOrder);
    let demand_served = served(ServedDoc::DutyDemand);
    let decision_served = served(ServedDoc::EnforcementDecision);
    let substitute_served = served(ServedDoc::SubstituteDecision);
    let remedies = c.remedies.clone();
    let Some(order) = c.duty.as_mut() else {
        return;
    };
    order.served_on = order_served.map(|(d, _)| d);
    order.remedies = remedies
        .into_iter()
        .filter(|r| r.started_on >= order.issued_on)
        .collect();
    let e = &mut order.enforcement;
    if let Some(d) = e.demand.as_mut() {
        d.served_on = demand_served.map(|(d, _)| d);
    }
    if let Some(d) = e.decision.as_mut() {
        d.served_on = decision_served.map(|(d, _)| d);
        d.service_method = decision_served.map(|(_, m)| m);
    }
    if let Some(s) = e.substitute.as_mut() {
        s.decision.served_on = substitute_served.map(|(d, _)| d);
    }
}
