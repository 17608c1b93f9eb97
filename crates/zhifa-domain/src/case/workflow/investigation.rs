//! Steps of 立案 and 调查取证: filing approval, evidence, records, preservation, seizure,
//! the end of the investigation, and 撤销立案.

use super::*;

/// 责令（限期）改正通知书 (行政处罚法第二十八条第一款), dated the day it was issued: on
/// inspection (not before the act was found) or later, and served like any notice.
pub(super) fn order_correction(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
    content: &str,
    deadline: &NaiveDate,
) -> RuleResult<StepOutcome> {
    let Step { case, actor, ctx } = *step;
    not_in_future(*date, ctx.today, "责令改正通知")?;
    if *date < case.discovered_on {
        return Err(RuleError::input(format!(
            "责令改正通知日期 {date} 早于发现违法行为的日期 {}，请核对",
            case.discovered_on
        )));
    }
    require_text("责令改正内容", content, text::NOTE)?;
    correction_deadline_after_issue(*date, *deadline)?;
    c.correction_notice = Some(CorrectionNotice {
        date: *date,
        content: content.trim().into(),
        deadline: *deadline,
        issued_by: actor.id,
    });
    done(
        format!("制发责令改正通知书，限 {deadline} 前改正"),
        [DocKind::CorrectionOrder],
    )
}

/// 立案审批.
pub(super) fn approve_filing(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
    agree: &bool,
    opinion: &str,
) -> RuleResult<StepOutcome> {
    let Step { case, actor, ctx } = *step;
    let mut docs = Vec::new();
    let summary: String;
    not_in_future(*date, ctx.today, "立案审批")?;
    if *date < case.proposed_on {
        return Err(RuleError::input("审批日期早于提请日期，请核对"));
    }
    require_text("审批意见", opinion, text::NOTE)?;
    let approval = Approval {
        by: actor.id,
        date: *date,
        agree: *agree,
        opinion: opinion.trim().into(),
    };
    c.filing = Some(approval);
    if *agree {
        check_people(&case.handlers, &case.assistants, *date, ctx)?;
        enter(c, Stage::Investigating, *date);
        docs.push(DocKind::FilingForm);
        summary = format!("{} 批准立案", actor.name);
    } else {
        c.outcome = Some(Outcome::NotFiled {
            reason: opinion.trim().into(),
        });
        enter(c, Stage::Closed, *date);
        summary = format!("{} 决定不予立案", actor.name);
    }
    done(summary, docs)
}

/// 登记证据.
pub(super) fn add_evidence(
    step: &Step,
    c: &mut Case,
    evidence: &Evidence,
) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    dated(evidence.collected_on, case, ctx, "取证")?;
    require_text("证据说明", &evidence.description, text::NOTE)?;
    let collectors = ctx.users_of(&evidence.collectors)?;
    each_person_once(&collectors, "取证人员")?;
    two_certified_officers(&collectors, evidence.collected_on)?;
    electronic_monitor_reviewed(evidence)?;
    c.evidence.push(evidence.clone());
    done(
        format!("登记证据（{}）", crate::serde_name(&evidence.kind)),
        [],
    )
}

/// 制作笔录.
pub(super) fn add_record(step: &Step, c: &mut Case, record: &Record) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    dated(record.date, case, ctx, "制作笔录")?;
    require_text("笔录内容", &record.content, text::LONG)?;
    let officers = ctx.users_of(&record.officers)?;
    each_person_once(&officers, "执法人员")?;
    two_certified_officers(&officers, record.date)?;
    if record.kind == RecordKind::Inquiry {
        if record.persons.len() != 1 {
            return Err(RuleError::new(
                "询问笔录规范",
                "询问笔录一人一份，请只填写一名被询问人",
            ));
        }
        let earlier = c
            .records
            .iter()
            .filter(|r| r.kind == RecordKind::Inquiry && r.persons == record.persons)
            .count();
        if record.nth != earlier as u32 + 1 {
            return Err(RuleError::input(format!(
                "这是对 {} 的第 {} 次询问，请将次数填为 {}",
                record.persons[0],
                earlier + 1,
                earlier + 1
            )));
        }
    }
    if let Signature::Witness { name } = &record.signature {
        require_text("见证人姓名", name, text::NAME)?;
    }
    c.records.push(record.clone());
    done(
        format!("制作{}", record.kind.name()),
        [DocKind::of_record(record.kind)],
    )
}

/// 先行登记保存.
pub(super) fn preserve(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
    items: &str,
) -> RuleResult<StepOutcome> {
    let Step { case, actor, ctx } = *step;
    dated(*date, case, ctx, "先行登记保存")?;
    require_text("保存物品清单", items, text::NOTE)?;
    c.preservations.push(Preservation {
        approved_by: actor.id,
        date: *date,
        items: items.trim().into(),
        decided_on: None,
        decision: None,
    });
    done(
        format!("{} 批准先行登记保存", actor.name),
        [DocKind::Preservation],
    )
}

/// 先行登记保存处理决定.
pub(super) fn decide_preservation(
    step: &Step,
    c: &mut Case,
    index: &usize,
    date: &NaiveDate,
    decision: &str,
) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    dated(*date, case, ctx, "处理保存物品")?;
    require_text("处理决定", decision, text::NOTE)?;
    let p = nth(&mut c.preservations, *index, "先行登记保存")?;
    if p.decided_on.is_some() {
        return Err(RuleError::input("该批物品已作出处理决定"));
    }
    if *date < p.date {
        return Err(RuleError::input("处理日期早于保存日期"));
    }
    p.decided_on = Some(*date);
    p.decision = Some(decision.trim().into());
    done("作出先行登记保存处理决定", [])
}

/// 查封扣押.
pub(super) fn seize(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
    items: &str,
    days: &u32,
) -> RuleResult<StepOutcome> {
    let Step { case, actor, ctx } = *step;
    dated(*date, case, ctx, "查封扣押")?;
    coercive_measure_granted(&case.power.power)?;
    require_text("查封扣押清单", items, text::NOTE)?;
    seizure_period(*days, 0, 0)?;
    c.seizures.push(Seizure {
        approved_by: actor.id,
        date: *date,
        items: items.trim().into(),
        days: *days,
        extended_days: 0,
        excluded_days: 0,
        released_on: None,
    });
    done(
        format!("{} 批准查封扣押 {days} 日", actor.name),
        [DocKind::Seizure],
    )
}

/// 延长查封扣押.
pub(super) fn extend_seizure(
    step: &Step,
    c: &mut Case,
    index: &usize,
    date: &NaiveDate,
    days: &u32,
) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    dated(*date, case, ctx, "延长查封扣押")?;
    let s = nth(&mut c.seizures, *index, "查封扣押")?;
    if s.released_on.is_some() {
        return Err(RuleError::input("已解除的查封扣押不能延长"));
    }
    seizure_period(s.days, s.extended_days, *days)?;
    seizure_extended_before_expiry(s, *date, ctx.calendar)?;
    s.extended_days = *days;
    done(format!("延长查封扣押 {days} 日"), [])
}

/// 登记检测鉴定期间.
pub(super) fn exclude_seizure_days(
    c: &mut Case,
    index: &usize,
    days: &u32,
) -> RuleResult<StepOutcome> {
    let s = nth(&mut c.seizures, *index, "查封扣押")?;
    s.excluded_days += days;
    done(
        format!("登记检测、检验、检疫或技术鉴定期间 {days} 日（不计入查封扣押期限）"),
        [],
    )
}

/// 解除查封扣押.
pub(super) fn release_seizure(
    step: &Step,
    c: &mut Case,
    index: &usize,
    date: &NaiveDate,
) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    dated(*date, case, ctx, "解除查封扣押")?;
    let s = nth(&mut c.seizures, *index, "查封扣押")?;
    if s.released_on.is_some() {
        return Err(RuleError::input("已经解除"));
    }
    s.released_on = Some(*date);
    done("解除查封扣押", [])
}

/// 调查终结.
pub(super) fn end_investigation(
    step: &Step,
    c: &mut Case,
    proposal: &Proposal,
) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    dated(proposal.date, case, ctx, "调查终结")?;
    if case.evidence.is_empty() && case.records.is_empty() {
        return Err(RuleError::new(
            "行政处罚法第四十条",
            "尚无任何证据或笔录，违法事实不清、证据不足的不得给予行政处罚",
        ));
    }
    if let Some(open) = case.preservations.iter().find(|p| p.decided_on.is_none()) {
        return Err(RuleError::new(
            "行政处罚法第五十六条",
            format!("{} 先行登记保存的物品尚未作出处理决定", open.date),
        ));
    }
    require_text(
        "调查终结报告（处理建议理由）",
        &proposal.reasoning,
        text::LONG,
    )?;
    check_proposal(case, proposal)?;
    c.proposal = Some(proposal.clone());
    c.squad_review = None;
    enter(c, Stage::Reviewing, proposal.date);
    done("调查终结，提出处理建议", [DocKind::InvestigationReport])
}

/// 撤销立案.
pub(super) fn withdraw(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
    reason: &str,
) -> RuleResult<StepOutcome> {
    let Step { case, actor, ctx } = *step;
    dated(*date, case, ctx, "撤销立案")?;
    require_text("撤销理由", reason, text::NOTE)?;
    c.outcome = Some(Outcome::Withdrawn {
        reason: reason.trim().into(),
    });
    done(format!("{} 撤销立案", actor.name), [])
}
