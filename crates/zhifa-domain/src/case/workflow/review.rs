//! Steps of 审查, 告知 and 决定: squad and legal review, collective discussion, the head's
//! choice, the prior notice, statements, hearings, extensions, the decision and publication.

use super::*;

/// 中队长审核.
pub(super) fn squad_review(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
    agree: &bool,
    opinion: &str,
) -> RuleResult<StepOutcome> {
    let Step { case, actor, ctx } = *step;
    dated(*date, case, ctx, "审核")?;
    own_squad_leader(case, actor, ctx.users)?;
    require_text("审核意见", opinion, text::NOTE)?;
    c.squad_review = Some(Approval {
        by: actor.id,
        date: *date,
        agree: *agree,
        opinion: opinion.trim().into(),
    });
    if !agree {
        // 退回补充调查.
        enter(c, Stage::Investigating, *date);
        c.squad_review = None;
        c.proposal = None;
    }
    done(
        format!(
            "{} 审核{}",
            actor.name,
            if *agree {
                "同意"
            } else {
                "退回补充调查"
            }
        ),
        [],
    )
}

/// 法制审核.
pub(super) fn legal_review(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
    passed: &bool,
    opinion: &str,
) -> RuleResult<StepOutcome> {
    let Step { case, actor, ctx } = *step;
    dated(*date, case, ctx, "法制审核")?;
    review_apart_from_hearing(case, actor, "法制审核", ctx.settings)?;
    require_text("法制审核意见", opinion, text::NOTE)?;
    c.legal_reviews.push(Approval {
        by: actor.id,
        date: *date,
        agree: *passed,
        opinion: opinion.trim().into(),
    });
    done(
        format!(
            "{} 法制审核{}",
            actor.name,
            if *passed { "通过" } else { "未通过" }
        ),
        [DocKind::LegalReview],
    )
}

/// The fields of a 集体讨论 step, as `Action::Discuss` has them.
pub(super) struct Discussed<'a> {
    pub date: NaiveDate,
    pub attendees: &'a [i64],
    pub conclusion: &'a str,
    pub recorder: Option<i64>,
    pub opinions: &'a [String],
}

/// 集体讨论: the chair (the head taking the step), the recorder, each attendee's opinion
/// and the conclusion.
pub(super) fn discuss(step: &Step, c: &mut Case, s: Discussed) -> RuleResult<StepOutcome> {
    let Step { case, actor, ctx } = *step;
    dated(s.date, case, ctx, "集体讨论")?;
    require_text("讨论结论", s.conclusion, text::NOTE)?;
    discussion_quorum(actor, &ctx.users_of(s.attendees)?, ctx.settings)?;
    let recorder = s.recorder.map(|r| ctx.user(r)).transpose()?;
    discussion_recorded(actor, recorder, s.attendees.len(), s.opinions)?;
    c.discussions.push(Discussion {
        date: s.date,
        chair: actor.id,
        attendees: s.attendees.to_vec(),
        conclusion: s.conclusion.trim().into(),
        recorder: s.recorder,
        opinions: s
            .attendees
            .iter()
            .zip(s.opinions)
            .map(|(member, opinion)| MemberOpinion {
                member: *member,
                opinion: opinion.trim().into(),
            })
            .collect(),
    });
    done("负责人集体讨论", [DocKind::Discussion])
}

/// 负责人审查决定.
pub(super) fn review_decision(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
    outcome: &ReviewOutcome,
    opinion: &str,
) -> RuleResult<StepOutcome> {
    let Step { case, actor, ctx } = *step;
    let mut docs = Vec::new();
    let summary: String;
    dated(*date, case, ctx, "审查决定")?;
    require_text("审批意见", opinion, text::NOTE)?;
    collective_discussion_held(case)?;
    let approval = Approval {
        by: actor.id,
        date: *date,
        agree: true,
        opinion: opinion.trim().into(),
    };
    match outcome {
        ReviewOutcome::Penalty => {
            if case.proposal.as_ref().is_none_or(|p| p.kinds.is_empty()) {
                return Err(RuleError::new(
                    "行政处罚法第五十七条",
                    "承办人的处理建议未拟处罚种类，不能决定给予处罚；请退回补充调查",
                ));
            }
            let proposed = case.proposal.as_ref().map(|p| p.kinds.as_slice());
            township_may_decide(&case.power.power, proposed.unwrap_or_default())?;
            if let Some(p) = &case.proposal {
                minor_treated_by_age(&case.parties, case.act_date, &p.kinds, p.tier, p.mitigation)?;
            }
            c.outcome = Some(Outcome::Penalty);
            summary = format!("{} 决定给予行政处罚，进入告知程序", actor.name);
        }
        ReviewOutcome::NoPenalty { reason, education } => {
            require_text("教育情况", education, text::NOTE)?;
            c.outcome = Some(Outcome::NoPenalty {
                reason: *reason,
                education: education.trim().into(),
            });
            enter(c, Stage::Deciding, *date);
            summary = format!("{} 决定不予行政处罚（{}）", actor.name, reason.article());
        }
        ReviewOutcome::NotEstablished => {
            c.outcome = Some(Outcome::NotEstablished);
            enter(c, Stage::Deciding, *date);
            summary = format!("{} 认定违法事实不能成立，不予行政处罚", actor.name);
        }
        ReviewOutcome::Transfer { to, judicial } => {
            require_text("移送机关", to, text::TITLE)?;
            c.outcome = Some(Outcome::Transferred {
                to: to.trim().into(),
                judicial: *judicial,
            });
            docs.push(DocKind::Transfer);
            summary = format!("{} 决定移送{}", actor.name, to.trim());
        }
    }
    c.review_outcome = Some((approval, outcome.clone()));
    done(summary, docs)
}

/// 事先告知.
pub(super) fn issue_notice(step: &Step, c: &mut Case, date: &NaiveDate) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    let mut docs = Vec::new();
    dated(*date, case, ctx, "告知")?;
    let p = case
        .proposal
        .as_ref()
        .ok_or_else(|| RuleError::input("尚无处理建议"))?;
    let hearing_right = penalty::hearing_right(
        &p.kinds,
        p.fine,
        p.confiscation,
        case.party_type(),
        ctx.settings,
    );
    c.notice = Some(Notice {
        date: *date,
        kinds: p.kinds.clone(),
        fine: p.fine,
        confiscation: p.confiscation,
        hearing_right,
    });
    enter(c, Stage::Notifying, *date);
    // One notice carries the hearing right where it applies (行政处罚法第四十四条、第六十三条):
    // the file holds one 告知书, served once, with one 送达回证.
    docs.push(DocKind::PriorNotice);
    done(
        format!(
            "制发事先告知书{}",
            if hearing_right {
                "（含听证权利）"
            } else {
                ""
            }
        ),
        docs,
    )
}

/// 陈述申辩及复核.
pub(super) fn record_statement(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
    content: &str,
    adopted: &bool,
    reexamination: &str,
) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    dated(*date, case, ctx, "陈述申辩")?;
    require_text("陈述申辩内容", content, text::LONG)?;
    require_text("复核意见", reexamination, text::LONG)?;
    c.statements.push(StatementRecord {
        date: *date,
        content: content.trim().into(),
        adopted: *adopted,
        reexamination: reexamination.trim().into(),
    });
    done(
        format!(
            "登记陈述申辩并复核（{}）",
            if *adopted { "采纳" } else { "不予采纳" }
        ),
        [],
    )
}

/// 登记听证申请.
pub(super) fn request_hearing(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    dated(*date, case, ctx, "听证申请")?;
    if case.hearing.is_some() {
        return Err(RuleError::input("已登记听证申请"));
    }
    hearing_request_in_time(case, *date, ctx.calendar)?;
    c.hearing = Some(Hearing::requested(*date));
    done("当事人申请听证", [])
}

/// The fields of a 通知听证 step, as `Action::ScheduleHearing` has them.
pub(super) struct Scheduled<'a> {
    pub notified_on: NaiveDate,
    pub date: NaiveDate,
    pub time: &'a str,
    pub place: &'a str,
    pub public: bool,
    pub closed_reason: &'a str,
    pub presiding: i64,
    pub hearing_officers: &'a [i64],
    pub recorder: Option<i64>,
}

/// 通知听证: when (day and time of day), where, public or why not, and who presides, sits
/// and records (行政处罚法第六十四条第（二）至（四）项).
pub(super) fn schedule_hearing(step: &Step, c: &mut Case, s: Scheduled) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    dated(s.notified_on, case, ctx, "听证通知")?;
    require_text("听证地点", s.place, text::PLACE)?;
    let presiding_user = ctx.user(s.presiding)?;
    presiding_not_investigator(case, presiding_user)?;
    review_apart_from_hearing(case, presiding_user, "主持听证", ctx.settings)?;
    hearing_notified_in_time(s.notified_on, s.date, ctx.calendar)?;
    hearing_time_given(s.time)?;
    hearing_public_or_reason(s.public, s.closed_reason)?;
    let officers = ctx.users_of(s.hearing_officers)?;
    let recorder = s.recorder.map(|r| ctx.user(r)).transpose()?;
    hearing_panel_apart(case, presiding_user, &officers, recorder)?;
    let h = c
        .hearing
        .as_mut()
        .ok_or_else(|| RuleError::input("尚未申请听证"))?;
    if s.notified_on < h.requested_on {
        return Err(RuleError::input("通知日期早于申请日期"));
    }
    h.notified_on = Some(s.notified_on);
    h.date = Some(s.date);
    h.place = s.place.trim().into();
    h.presiding = Some(s.presiding);
    h.time = text::time("听证时间", s.time)?;
    h.public = s.public;
    h.closed_reason = if s.public {
        String::new()
    } else {
        s.closed_reason.trim().into()
    };
    h.hearing_officers = s.hearing_officers.to_vec();
    h.recorder = s.recorder;
    done(
        format!(
            "通知听证：{} {} {}，主持人 {}",
            s.date,
            h.time,
            s.place.trim(),
            presiding_user.name
        ),
        [DocKind::HearingNotice],
    )
}

/// 举行听证.
pub(super) fn hold_hearing(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
    party_absent: &bool,
    investigators_case: &str,
    party_statement: &str,
) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    let summary: String;
    dated(*date, case, ctx, "听证")?;
    hearing_notice_served(case)?;
    hearing_recorded(*party_absent, investigators_case, party_statement)?;
    let h = c
        .hearing
        .as_mut()
        .ok_or_else(|| RuleError::input("尚未申请听证"))?;
    if Some(*date) != h.date {
        return Err(RuleError::input(format!(
            "听证通知的日期是 {}，请按通知日期登记（改期须重新通知）",
            h.date.map(|d| d.to_string()).unwrap_or_default()
        )));
    }
    h.investigators_case = investigators_case.trim().into();
    h.party_statement = party_statement.trim().into();
    if *party_absent {
        h.party_absent = true;
        summary = "当事人无正当理由未到场，视为放弃听证".into();
    } else {
        h.held_on = Some(*date);
        summary = "举行听证".into();
    }
    done(summary, [])
}

/// 登记放弃陈述申辩听证.
pub(super) fn waive(step: &Step, c: &mut Case, date: &NaiveDate) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    dated(*date, case, ctx, "放弃")?;
    if case.served(ServedDoc::Notice).is_none() {
        return Err(RuleError::input("告知书尚未送达"));
    }
    c.waived_on = Some(*date);
    done("当事人明确放弃陈述、申辩和听证", [])
}

/// 延长办案期限.
pub(super) fn extend_decision_period(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
    reason: &str,
) -> RuleResult<StepOutcome> {
    let Step { case, actor, ctx } = *step;
    dated(*date, case, ctx, "延期审批")?;
    require_text("延期理由", reason, text::NOTE)?;
    if case.extensions.len() as u32 >= ctx.settings.decision_extensions_allowed {
        return Err(RuleError::new(
            "行政处罚法第六十条",
            format!(
                "本机关规则只允许延期 {} 次",
                ctx.settings.decision_extensions_allowed
            ),
        ));
    }
    if let Some(due) = decision_due(case, ctx.calendar)? {
        if *date > due {
            return Err(RuleError::new(
                "行政处罚法第六十条",
                format!("办案期限已于 {due} 届满，须在届满前批准延期"),
            ));
        }
    }
    c.extensions.push(Extension {
        by: actor.id,
        date: *date,
        days: ctx.settings.decision_extension_days,
        reason: reason.trim().into(),
    });
    done(
        format!(
            "批准延长办案期限 {} 日",
            ctx.settings.decision_extension_days
        ),
        [],
    )
}

/// 作出决定.
#[allow(clippy::too_many_arguments)] // the step's own fields, as `Action` has them
pub(super) fn decide(
    step: &Step,
    c: &mut Case,
    date: &NaiveDate,
    kinds: &[PenaltyKind],
    fine: &Fen,
    confiscation: &Fen,
    correction_order: &str,
    payment_place: &str,
    publish: &bool,
) -> RuleResult<StepOutcome> {
    let Step { case, actor, ctx } = *step;
    let mut docs = Vec::new();
    dated(*date, case, ctx, "决定")?;
    super::readiness::decision_ready(case, *date, ctx)?;
    within_decision_limit(case, *date, ctx.calendar)?;
    let penalty_case = case.outcome == Some(Outcome::Penalty);
    if penalty_case {
        if kinds.is_empty() {
            return Err(RuleError::input("请选择处罚种类"));
        }
        township_may_decide(&case.power.power, kinds)?;
        // The decision stays in the proposal's band (check_decided_fine reads the same).
        // …and keeps the conditions the investigation found (their measures stay mandatory).
        let (alternative_band, triggers) = case
            .proposal
            .as_ref()
            .map_or((false, &[][..]), |p| (p.alternative_band, &p.triggers[..]));
        mandatory_measures_included(&case.power.power, alternative_band, triggers, kinds)?;
        correction_ordered(correction_order)?;
        not_heavier_than_notified(case, kinds, *fine, *confiscation)?;
        penalty::check_decided_fine(case, kinds, *fine, *confiscation)?;
        if kinds.contains(&PenaltyKind::Fine) {
            require_text(
                "缴款地点（指定银行或电子支付方式）",
                payment_place,
                text::TITLE,
            )?;
        }
        require_text("责令改正内容", correction_order, text::NOTE)?;
        docs.push(DocKind::Decision);
    } else {
        if case.stage != Stage::Deciding {
            return Err(RuleError::input("负责人尚未作出不予处罚的审查决定"));
        }
        if fine.0 != 0 || !kinds.is_empty() {
            return Err(RuleError::input("不予行政处罚的决定不得含处罚种类或罚款"));
        }
        // The 不予行政处罚决定书 states an Art 33 ground; for facts not established
        // (Art 57(1)(3)) zhifa prints no decision, so none is due.
        if matches!(case.outcome, Some(Outcome::NoPenalty { .. })) {
            docs.push(DocKind::NoPenaltyDecision);
        }
    }
    c.decision = Some(Decision {
        date: *date,
        by: actor.id,
        kinds: kinds.to_vec(),
        fine: *fine,
        confiscation: *confiscation,
        correction_order: correction_order.trim().into(),
        payment_place: payment_place.trim().into(),
        on_spot_place: None,
        publish: *publish,
        hearing_held_on: case.hearing.as_ref().and_then(|h| h.held_on),
    });
    enter(c, Stage::Serving, *date);
    done(
        format!(
            "{} 作出{}",
            actor.name,
            if penalty_case {
                format!("行政处罚决定（罚款 {fine}）")
            } else {
                "不予行政处罚决定".to_string()
            }
        ),
        docs,
    )
}

/// 公示决定.
pub(super) fn publish(step: &Step, c: &mut Case, date: &NaiveDate) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    dated(*date, case, ctx, "公示")?;
    c.published_on = Some(*date);
    done("公示处罚决定", [])
}
