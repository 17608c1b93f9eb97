//! Steps of 送达, 执行, 结案 and 归档: service, payment, instalments, 催告, court, remedies,
//! termination, closing and archiving.

use super::*;

/// 送达.
#[allow(clippy::too_many_arguments)] // the step's own fields, as `Action` has them
pub(super) fn serve(
    step: &Step,
    c: &mut Case,
    doc: &ServedDoc,
    method: &ServiceMethod,
    date: &NaiveDate,
    recipient: &str,
    officers: &[i64],
    confirmation: &bool,
) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    dated(*date, case, ctx, "送达")?;
    require_text("受送达人", recipient, text::TITLE)?;
    electronic_service_confirmed(*method, *confirmation)?;
    let people = ctx.users_of(officers)?;
    each_person_once(&people, "送达人员")?;
    two_certified_officers(&people, *date)?;
    let issued = match doc {
        ServedDoc::Notice => case.notice.as_ref().map(|n| n.date),
        ServedDoc::HearingNotice => case.hearing.as_ref().and_then(|h| h.notified_on),
        ServedDoc::Decision => case
            .decision
            .as_ref()
            .filter(|_| case.outcome == Some(Outcome::Penalty))
            .map(|d| d.date),
        ServedDoc::NoPenaltyDecision => case
            .decision
            .as_ref()
            .filter(|_| case.outcome != Some(Outcome::Penalty))
            .map(|d| d.date),
        ServedDoc::Demand => case.demands.last().map(|d| d.date),
        ServedDoc::CorrectionOrder => case.correction_notice.as_ref().map(|n| n.date),
        ServedDoc::Surcharge => case.surcharge_demand().map(|d| d.date),
        ServedDoc::DutyOrder => case.duty.as_ref().map(|d| d.issued_on),
        ServedDoc::DutyDemand => duty_record(case, |e| e.demand.as_ref().map(|d| d.date)),
        ServedDoc::EnforcementDecision => {
            duty_record(case, |e| e.decision.as_ref().map(|d| d.date))
        }
        ServedDoc::SubstituteDecision => {
            duty_record(case, |e| e.substitute.as_ref().map(|s| s.decision.date))
        }
    };
    let issued =
        issued.ok_or_else(|| RuleError::input(format!("{} 尚未制作，不能送达", doc.name())))?;
    if *date < issued {
        return Err(RuleError::input(format!(
            "送达日期早于{}的制作日期 {issued}",
            doc.name()
        )));
    }
    let served_on = deemed_served_on(*method, *date);
    c.services.push(Service {
        doc: *doc,
        method: *method,
        date: *date,
        served_on,
        recipient: recipient.trim().into(),
        officers: officers.to_vec(),
        confirmation: *confirmation,
    });
    if matches!(doc, ServedDoc::Decision | ServedDoc::NoPenaltyDecision)
        && case.stage == Stage::Serving
    {
        // A stage is dated by the event that happened (the notice published, the
        // paper handed over); periods run from `served_on`, the deemed date.
        enter(c, Stage::Executing, *date);
    }
    done(
        format!("送达{}（{}）", doc.name(), crate::serde_name(&method)),
        [DocKind::ServiceReceipt],
    )
}

/// The date of a paper in the enforcement record of the case's order, if made.
fn duty_record(
    case: &Case,
    date_of: impl Fn(&crate::enforcement::Enforcement) -> Option<NaiveDate>,
) -> Option<NaiveDate> {
    case.duty.as_ref().and_then(|d| date_of(&d.enforcement))
}

/// The date service takes effect: the day of the act, except 公告送达, which is deemed
/// served 30 days after the notice is issued (民事诉讼法 (2023) Art 95).
pub(super) fn deemed_served_on(method: ServiceMethod, date: NaiveDate) -> NaiveDate {
    if method == ServiceMethod::PublicNotice {
        date.checked_add_days(chrono::Days::new(30)).unwrap_or(date)
    } else {
        date
    }
}

/// 复查: whether the correction ordered (by the notice or the decision) was carried out.
pub(super) fn recheck(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
    corrected: &bool,
    note: &str,
) -> RuleResult<StepOutcome> {
    let Step { case, actor, ctx } = *step;
    not_in_future(*date, ctx.today, "复查")?;
    correction_order_issued(case)?;
    if let Some(ordered) = correction_ordered_on(case).filter(|o| date < o) {
        return Err(RuleError::input(format!(
            "复查日期 {date} 早于责令改正的日期 {ordered}，请核对"
        )));
    }
    require_text("复查情况", note, text::NOTE)?;
    c.correction_recheck = Some(Recheck {
        date: *date,
        corrected: *corrected,
        note: note.trim().into(),
        by: actor.id,
    });
    done(
        format!("复查：{}", if *corrected { "已改正" } else { "未改正" }),
        [],
    )
}

/// 登记缴款.
pub(super) fn pay(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
    amount: &Fen,
    method: &PaymentMethod,
    receipt_no: &str,
    cash_ground: &Option<CashGround>,
) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    not_in_future(*date, ctx.today, "缴款")?;
    let decided = case
        .decision
        .as_ref()
        .map(|d| d.date)
        .unwrap_or(case.act_date);
    if *date < decided {
        return Err(RuleError::input("缴款日期早于决定日期"));
    }
    if amount.0 <= 0 {
        return Err(RuleError::input("缴款金额须大于 0"));
    }
    if *method == PaymentMethod::OnSpot {
        cash_on_spot_allowed(case, *cash_ground)?;
        require_text(
            "财政部门统一制发的专用票据号（行政处罚法第七十条）",
            receipt_no,
            text::CODE,
        )?;
    }
    let owed =
        case.fine_due().0 + outstanding_surcharge(case, *date, ctx.calendar)?.0 - case.paid().0;
    if amount.0 > owed {
        return Err(RuleError::input(format!(
            "缴款 {amount} 超过应缴余额 {}",
            Fen(owed.max(0))
        )));
    }
    c.payments.push(Payment {
        date: *date,
        amount: *amount,
        method: *method,
        receipt_no: receipt_no.trim().into(),
        cash_ground: cash_ground.filter(|_| *method == PaymentMethod::OnSpot),
    });
    done(format!("登记缴款 {amount}"), [])
}

/// 批准延期分期缴纳.
pub(super) fn approve_plan(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
    instalments: &[Instalment],
) -> RuleResult<StepOutcome> {
    let Step { case, actor, ctx } = *step;
    dated(*date, case, ctx, "延期分期审批")?;
    if case.plan.is_some() {
        return Err(RuleError::input("已批准过延期（分期）缴纳"));
    }
    if instalments.is_empty() {
        return Err(RuleError::input("请填写至少一期的缴纳日期和金额"));
    }
    let total: i64 = instalments.iter().map(|i| i.amount.0).sum();
    let outstanding = case.fine_due().0 - case.paid().0;
    if total != outstanding {
        return Err(RuleError::input(format!(
            "各期金额合计 {} 应等于未缴罚款 {}",
            Fen(total),
            Fen(outstanding)
        )));
    }
    if instalments
        .iter()
        .any(|i| i.due <= *date || i.amount.0 <= 0)
    {
        return Err(RuleError::input("每期缴纳日期须晚于批准日期，金额须大于 0"));
    }
    c.plan = Some(PaymentPlan {
        approved_by: actor.id,
        date: *date,
        instalments: instalments.to_vec(),
    });
    done(
        format!(
            "批准{}缴纳",
            if instalments.len() > 1 {
                "分期"
            } else {
                "延期"
            }
        ),
        [DocKind::PaymentPlan],
    )
}

/// 催告.
pub(super) fn demand(step: &Step, c: &mut Case, date: &NaiveDate) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    let mut docs = Vec::new();
    dated(*date, case, ctx, "催告")?;
    let due =
        payment_due(case, ctx.calendar)?.ok_or_else(|| RuleError::input("处罚决定尚未送达"))?;
    if *date <= due {
        return Err(RuleError::new(
            "行政强制法第三十五条",
            format!("缴款期限至 {due}，期满未缴方可催告"),
        ));
    }
    fine_not_paid_in_full(case, "催告")?;
    let surcharge = outstanding_surcharge(case, *date, ctx.calendar)?;
    let outstanding = case.fine_due().0 - case.paid().0;
    if outstanding <= 0 {
        return Err(RuleError::input("没有应缴的罚款，无需催告"));
    }
    c.demands.push(Demand {
        date: *date,
        amount: Fen(outstanding + surcharge.0),
        surcharge,
    });
    docs.push(DocKind::Demand);
    if surcharge.0 > 0 {
        docs.push(DocKind::Surcharge);
    }
    done(
        format!("催告：罚款 {} 加处罚款 {surcharge}", Fen(outstanding)),
        docs,
    )
}

/// 申请法院强制执行.
pub(super) fn apply_court(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
    court: &str,
) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    dated(*date, case, ctx, "申请强制执行")?;
    require_text("人民法院", court, text::TITLE)?;
    // An order to act the agency may not force goes to the court in its own window; an
    // unpaid fine in the money window (both when both are owed).
    let order = case
        .duty
        .as_ref()
        .filter(|d| d.power == crate::enforcement::EnforcementPower::ApplyToCourt)
        .filter(|d| d.complied_on.is_none() && d.enforcement.termination.is_none());
    if let Some(order) = order {
        crate::enforcement::order_court_application_window(order, *date, ctx.calendar)?;
    }
    if order.is_none() || case.fine_due().0 > case.paid().0 {
        court_application_window(case, *date, ctx.calendar)?;
    }
    c.court = Some(CourtApplication {
        date: *date,
        court: court.trim().into(),
    });
    done(
        format!("向{}申请强制执行", court.trim()),
        [DocKind::CourtApplication],
    )
}

/// 登记复议诉讼.
pub(super) fn remedy_started(
    step: &Step,
    c: &mut Case,
    kind: &RemedyKind,
    date: &NaiveDate,
) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    not_in_future(*date, ctx.today, "复议诉讼")?;
    if case
        .remedies
        .iter()
        .any(|r| r.kind == *kind && r.ended_on.is_none())
    {
        return Err(RuleError::input("已有未结束的同类复议或诉讼"));
    }
    c.remedies.push(Remedy {
        kind: *kind,
        started_on: *date,
        ended_on: None,
        result: None,
        changed_fine: None,
    });
    done(format!("登记{}", crate::serde_name(&kind)), [])
}

/// 登记复议诉讼结果.
pub(super) fn remedy_ended(
    step: &Step,
    c: &mut Case,
    kind: &RemedyKind,
    date: &NaiveDate,
    result: &RemedyResult,
    changed_fine: &Option<Fen>,
) -> RuleResult<StepOutcome> {
    let Step { ctx, .. } = *step;
    not_in_future(*date, ctx.today, "复议诉讼结果")?;
    let r = c
        .remedies
        .iter_mut()
        .rev()
        .find(|r| r.kind == *kind && r.ended_on.is_none())
        .ok_or_else(|| RuleError::input("没有进行中的该类复议或诉讼"))?;
    if *date < r.started_on {
        return Err(RuleError::input("结束日期早于开始日期"));
    }
    if *result == RemedyResult::Changed && changed_fine.is_none() {
        return Err(RuleError::input("变更的结果须填写变更后的罚款金额"));
    }
    r.ended_on = Some(*date);
    r.result = Some(*result);
    r.changed_fine = *changed_fine;
    done("登记复议诉讼结果", [])
}

/// 终结执行.
pub(super) fn terminate_execution(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
    reason: &str,
) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    dated(*date, case, ctx, "终结执行")?;
    require_text(
        "终结执行理由（行政强制法第三十九条、第四十条）",
        reason,
        text::NOTE,
    )?;
    c.termination = Some((*date, reason.trim().into()));
    done("终结执行", [])
}

/// 提请结案.
pub(super) fn propose_closing(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    not_in_future(*date, ctx.today, "提请结案")?;
    closable(case, *date, ctx.calendar)?;
    duty_settled(case)?;
    goods_settled(case)?;
    correction_followed_up(case)?;
    on_spot_decision_filed(case)?;
    crate::review::no_review_vetoes(&crate::review::vetoes(case, ctx))?;
    c.closing_proposed_on = Some(*date);
    enter(c, Stage::Closing, *date);
    done("提请结案", [DocKind::ClosingForm])
}

/// 当场处罚备案: the decision reported to the agency (行政处罚法第五十二条第三款).
pub(super) fn file_on_spot(step: &Step, c: &mut Case, date: &NaiveDate) -> RuleResult<StepOutcome> {
    let Step { case, actor, ctx } = *step;
    not_in_future(*date, ctx.today, "备案")?;
    if let Some(d) = &case.decision {
        if *date < d.date {
            return Err(RuleError::input(format!(
                "备案日期早于当场处罚决定的日期 {}",
                d.date
            )));
        }
    }
    c.on_spot_filed = Some((*date, actor.id));
    done(format!("{} 将当场处罚决定报本机关备案", actor.name), [])
}

/// 结案审批.
pub(super) fn approve_closing(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
    opinion: &str,
) -> RuleResult<StepOutcome> {
    let Step { case, actor, ctx } = *step;
    not_in_future(*date, ctx.today, "结案审批")?;
    require_text("审批意见", opinion, text::NOTE)?;
    closable(case, *date, ctx.calendar)?;
    crate::review::no_review_vetoes(&crate::review::vetoes(case, ctx))?;
    c.closing = Some(Approval {
        by: actor.id,
        date: *date,
        agree: true,
        opinion: opinion.trim().into(),
    });
    enter(c, Stage::Closed, *date);
    done(format!("{} 批准结案", actor.name), [])
}

/// 归档.
pub(super) fn archive(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
    archive_no: &str,
    retention: &str,
) -> RuleResult<StepOutcome> {
    let Step { ctx, .. } = *step;
    not_in_future(*date, ctx.today, "归档")?;
    require_text("归档号", archive_no, text::NAME)?;
    require_text("保存期限", retention, text::CODE)?;
    c.archive = Some(ArchiveInfo {
        date: *date,
        archive_no: archive_no.trim().into(),
        retention: retention.trim().into(),
    });
    enter(c, Stage::Archived, *date);
    done("归档", [DocKind::Cover, DocKind::Contents, DocKind::Notes])
}
