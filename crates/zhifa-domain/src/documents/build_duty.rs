//! The papers of an order to act and its forced enforcement (行政强制法第四章第一节): the
//! order, its 催告书, the 强制执行决定书, the 强制拆除公告, the 执行协议 and the 强制执行笔录.
//! Each reads the record the workflow kept; a date it states is a recorded one or comes
//! from the function the gates ask (`notice_period_end`, `order_remedy_periods_end`), and
//! a step that did not happen is never stated.

use super::check::{contestable, order_remedy_text, remedy_text};
use super::common::{
    cause, cite, correction_object, date, party_names, party_rows, sentence, violated, you,
};
use super::{Block, DocCtx, DocError, DocKind, Paper};
use crate::enforcement::{
    notice_period_end, order_remedy_periods_end, DutyOrder, EnforcementDay, EnforcementPower,
};

const LAW: &str = "《中华人民共和国行政强制法》";

/// Where the order and the decisions are contested from: 行政复议法第二十条第三款.
const REMEDY_NOTICE: &str = "行政复议法第二十条第三款";

pub(super) fn number(ctx: &DocCtx<'_>, kind: DocKind) -> Option<String> {
    kind.code().and_then(|c| ctx.number(c))
}

/// The order's own title: `责令限期拆除决定书`, `责令清除障碍物决定书` …
pub(super) fn order_title(order: &DutyOrder) -> String {
    order.kind.order_title()
}

/// A paper as another one names it: its title and, when numbered, its number in brackets.
pub(super) fn reference(ctx: &DocCtx<'_>, kind: DocKind, title: &str) -> String {
    match number(ctx, kind) {
        Some(n) => format!("{title}（{n}）"),
        None => title.to_string(),
    }
}

pub(super) fn order_ref(ctx: &DocCtx<'_>, order: &DutyOrder) -> String {
    reference(ctx, DocKind::DutyOrder, &order_title(order))
}

/// The order's basis and, where another provision grants the power to enforce it, that one.
pub(super) fn bases(order: &DutyOrder) -> String {
    let mut all = vec![order.basis.clone()];
    if let Some(grant) = order.enforce_basis.as_ref().filter(|g| **g != order.basis) {
        all.push(grant.clone());
    }
    crate::catalog::cite_provisions(&all)
}

/// What the party must do, as the object of `责令` (a leading 责令 dropped).
pub(super) fn duty(order: &DutyOrder) -> String {
    correction_object(&order.obligation)
}

/// `本机关于2026年3月2日作出责令限期拆除决定书（…），于2026年3月2日送达你，责令你于…前…。`:
/// the order as a later paper recounts it; its service only when recorded.
pub(super) fn order_history(ctx: &DocCtx<'_>, order: &DutyOrder) -> String {
    let you = you(ctx.case);
    let served = order
        .served_on
        .map(|s| format!("，于{}送达{you}", date(s)))
        .unwrap_or_default();
    format!(
        "本机关于{}作出{}{served}，责令{you}于{}前{}。",
        date(order.issued_on),
        order_ref(ctx, order),
        date(order.deadline),
        duty(order)
    )
}

/// The 催告 as a later paper recounts it, when there was one.
pub(super) fn demand_history(ctx: &DocCtx<'_>, order: &DutyOrder) -> String {
    let you = you(ctx.case);
    let Some(d) = order.enforcement.demand.as_ref() else {
        return String::new();
    };
    let served = d
        .served_on
        .map(|s| format!("，于{}送达{you}", date(s)))
        .unwrap_or_default();
    format!(
        "本机关于{}作出{}{served}，催告{you}于{}前履行。",
        date(d.date),
        reference(ctx, DocKind::DutyDemand, DocKind::DutyDemand.name()),
        date(d.deadline)
    )
}

/// After the order's deadline: what follows if the party does not perform.
fn consequence_of_order(order: &DutyOrder, you: &str) -> String {
    match order.power {
        EnforcementPower::SelfEnforce => format!(
            "{you}逾期不履行的，本机关将依照{LAW}第三十五条、第三十七条的规定书面催告，经催告仍不履行的，依法作出强制执行决定并强制执行{}。",
            demolition_clause(order)
        ),
        EnforcementPower::ApplyToCourt => format!(
            "{you}在法定期限内不申请行政复议或者提起行政诉讼，又不履行的，本机关将依照{LAW}第五十三条、第五十四条的规定催告后申请人民法院强制执行；{}",
            substitute_clause()
        ),
    }
}

/// After the 催告's deadline.
fn consequence_of_demand(order: &DutyOrder, you: &str) -> String {
    match order.power {
        EnforcementPower::SelfEnforce => format!(
            "{you}逾期仍不履行且无正当理由的，本机关将依据{}和{LAW}第三十七条的规定作出强制执行决定，依法强制执行{}。",
            bases(order),
            demolition_clause(order)
        ),
        EnforcementPower::ApplyToCourt => format!(
            "本催告书送达十个工作日后{you}仍未履行，且在法定期限内不申请行政复议或者提起行政诉讼的，本机关将依照{LAW}第五十三条、第五十四条的规定申请人民法院强制执行；{}",
            substitute_clause()
        ),
    }
}

/// `十个工作日`, `三十日`: a period in words, as a notice states it.
fn period_text(p: crate::calendar::Period) -> String {
    use crate::calendar::Period;
    use crate::chinese::numeral;
    match p {
        Period::WorkingDays(n) => format!("{}个工作日", numeral(n)),
        Period::Days(n) => format!("{}日", numeral(n)),
        Period::Months(n) => format!("{}个月", numeral(n)),
    }
}

fn demolition_clause(order: &DutyOrder) -> &'static str {
    if order.kind.is_demolition() {
        "（强制拆除前依照该法第四十四条予以公告，限期自行拆除）"
    } else {
        ""
    }
}

fn substitute_clause() -> String {
    format!("不履行的后果已经或者将危害交通安全、造成环境污染或者破坏自然资源的，本机关可以依照{LAW}第五十条的规定代履行，费用由当事人承担。")
}

/// 责令限期拆除（改正、恢复原状 …）决定书: the facts, the duty with its deadline and basis,
/// what follows if it is not performed, and the remedies.
pub(super) fn order(ctx: &DocCtx<'_>) -> Result<Vec<Paper>, DocError> {
    let case = ctx.case;
    let Some(order) = case.duty.as_ref() else {
        return Ok(Vec::new());
    };
    let kind = DocKind::DutyOrder;
    let (name, address) = first_party(ctx);
    contestable(ctx, kind, REMEDY_NOTICE, (&name, &address))?;
    let mut p = Paper::new(kind, &ctx.agency.full_name, number(ctx, kind));
    p.title = order_title(order);
    p.date = date(order.issued_on);
    p.fields(party_rows(case, order.issued_on));
    let you = you(case);
    p.para(format!(
        "经查，{you}于{}在{}{}：{}{you}的行为违反了{}的规定。",
        date(case.act_date),
        case.place,
        cause(case),
        sentence(&case.facts),
        violated(case)
    ));
    p.para(format!(
        "依据{}的规定，本机关责令{you}于{}前{}。",
        cite(&order.basis),
        date(order.deadline),
        duty(order)
    ));
    p.para(consequence_of_order(order, you));
    p.para(order_remedy_text(ctx.agency, order.suit));
    p.closing(&ctx.agency.full_name, &date(order.issued_on));
    Ok(vec![p])
}

/// How the party reaches the agency to state, defend or report performance: the
/// handlers, the phone and the address, those the settings have.
pub(super) fn contact(ctx: &DocCtx<'_>) -> String {
    let a = ctx.agency;
    let parts: Vec<String> = [
        ("联系人", ctx.names(&ctx.case.handlers)),
        ("联系电话", a.phone.clone()),
        ("机关地址", a.address.clone()),
    ]
    .into_iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .map(|(k, v)| format!("{k}：{v}"))
    .collect();
    format!("{}。", parts.join("；"))
}

/// A decision to enforce or to perform in the party's place, headed by the party and the
/// address it records, once `contestable` found every item it must name.
pub(super) fn decision_paper(
    ctx: &DocCtx<'_>,
    kind: DocKind,
    article: &'static str,
    party: (&str, &str),
    on: chrono::NaiveDate,
) -> Result<Paper, DocError> {
    contestable(ctx, kind, article, party)?;
    let mut p = Paper::new(kind, &ctx.agency.full_name, number(ctx, kind));
    p.date = date(on);
    p.fields([("当事人", party.0), ("地址", party.1)]);
    Ok(p)
}

/// The party the decisions name: the first one, as the workflow records them.
pub(super) fn first_party(ctx: &DocCtx<'_>) -> (String, String) {
    ctx.case
        .parties
        .first()
        .map(|p| (p.display_name(), p.address().to_string()))
        .unwrap_or_default()
}

/// 履行义务催告书 (行政强制法第三十五条: the period, the way to perform, the right to state
/// and defend; money is not owed here, so item (三) does not arise).
pub(super) fn demand(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    let Some(order) = case.duty.as_ref() else {
        return Vec::new();
    };
    let Some(d) = order.enforcement.demand.as_ref() else {
        return Vec::new();
    };
    let kind = DocKind::DutyDemand;
    let mut p = Paper::new(kind, &ctx.agency.full_name, number(ctx, kind));
    p.date = date(d.date);
    let you = you(case);
    p.para(format!("{}：", party_names(case)));
    p.para(format!("{}{you}逾期未履行。", order_history(ctx, order)));
    p.para(format!(
        "依据{LAW}第三十五条的规定，现书面催告{you}履行上述义务："
    ));
    p.para(format!("一、履行义务的期限：{}前。", date(d.deadline)));
    p.para(format!(
        "二、履行义务的方式：{}。",
        d.way.trim().trim_end_matches('。')
    ));
    p.para(format!(
        "三、{you}依法享有陈述权和申辩权。{you}收到本催告书后可以向本机关陈述和申辩，本机关将充分听取意见，对{you}提出的事实、理由和证据进行记录、复核；成立的，予以采纳（该法第三十六条）。"
    ));
    p.para(consequence_of_demand(order, you));
    p.para(contact(ctx));
    p.closing(&ctx.agency.full_name, &date(d.date));
    vec![p]
}

/// 强制执行决定书 (行政强制法第三十七条第二款): the party and address, the reasons and basis
/// (the order, the 催告, the 陈述申辩 heard), the way and time, the remedies, the agency and
/// date. Refused when an item cannot be printed.
pub(super) fn decision(ctx: &DocCtx<'_>) -> Result<Vec<Paper>, DocError> {
    let case = ctx.case;
    let Some(order) = case.duty.as_ref() else {
        return Ok(Vec::new());
    };
    let Some(d) = order.enforcement.decision.as_ref() else {
        return Ok(Vec::new());
    };
    let you = you(case);
    let mut p = decision_paper(
        ctx,
        DocKind::EnforcementDecision,
        "行政强制法第三十七条第二款",
        (&d.party_name, &d.party_address),
        d.date,
    )?;
    let mut history = format!(
        "{}{you}逾期未履行。{}{you}逾期仍未履行，且无正当理由。",
        order_history(ctx, order),
        demand_history(ctx, order)
    );
    for s in order
        .enforcement
        .statements
        .iter()
        .filter(|s| s.date <= d.date)
    {
        history.push_str(&format!(
            "{you}于{}提出陈述和申辩，经本机关复核：{}",
            date(s.date),
            sentence(&s.review)
        ));
    }
    p.para(format!(
        "强制执行的理由和依据：{history}依据{}和{LAW}第三十七条的规定，本机关决定强制执行。",
        bases(order)
    ));
    p.para(format!(
        "强制执行的方式和时间：{}。",
        d.way_and_time.trim().trim_end_matches('。')
    ));
    if order.kind.is_demolition() {
        p.para(format!(
            "强制拆除前，本机关将依照{LAW}第四十四条的规定予以公告，限期{you}自行拆除；公告期限届满，{you}在法定期限内不申请行政复议或者提起行政诉讼，又不拆除的，本机关方依法强制拆除。"
        ));
    }
    p.para(remedy_text(ctx.agency, false));
    p.closing(&ctx.agency.full_name, &date(d.date));
    Ok(vec![p])
}

/// 强制拆除公告 (行政强制法第四十四条): the order, the period to demolish with its last day
/// (`notice_period_end`), and the last day of the party's remedy periods
/// (`order_remedy_periods_end`), the same days the demolition gate asks.
pub(super) fn notice(ctx: &DocCtx<'_>) -> Result<Vec<Paper>, DocError> {
    let case = ctx.case;
    let Some(order) = case.duty.as_ref() else {
        return Ok(Vec::new());
    };
    let Some(n) = order.enforcement.public_notice.as_ref() else {
        return Ok(Vec::new());
    };
    let kind = DocKind::DemolitionNotice;
    let uncountable = |e: crate::case::rule::RuleError| DocError::Uncountable {
        doc: kind.name(),
        reason: e.message,
    };
    let ends = notice_period_end(order, ctx.calendar)
        .map_err(uncountable)?
        .ok_or_else(|| DocError::NotApplicable(kind.name(), "没有公告".into()))?;
    let mut p = Paper::new(kind, &ctx.agency.full_name, number(ctx, kind));
    p.date = date(n.date);
    let names = party_names(case);
    let served = order
        .served_on
        .map(|s| format!("，于{}送达", date(s)))
        .unwrap_or_default();
    p.para(format!(
        "本机关于{}对{names}作出{}{served}，责令其于{}前{}（地点：{}）。当事人逾期未履行。{}",
        date(order.issued_on),
        order_ref(ctx, order),
        date(order.deadline),
        duty(order),
        case.place,
        order
            .enforcement
            .demand
            .as_ref()
            .map(|d| format!("经本机关于{}书面催告，仍未履行。", date(d.date)))
            .unwrap_or_default()
    ));
    p.para(format!(
        "依据{LAW}第四十四条的规定，现予公告：限当事人自本公告发布之日起{}内（至{}）自行拆除上述违法建筑物、构筑物、设施。",
        period_text(n.period),
        date(ends)
    ));
    let periods = match order_remedy_periods_end(order, ctx.calendar) {
        Ok(end) => end.map(|(basis, end)| format!("当事人对上述决定{basis}至{}届满。", date(end))),
        // The holiday table of the year the periods end in is not out yet: the day the law
        // names, and (where the calendar policy rolls periods) the rule that may still move it.
        Err(_) => order.served_on.and_then(|served| {
            let (basis, end) = crate::case::gates::remedy_periods_after_service(
                served,
                order.direct_suit,
                order.suit,
                order.reconsideration_ended(),
                None,
            )
            .ok()?;
            let moved = if ctx.calendar.policy().roll_periods_past_rest_days {
                "（该日如逢休息日或法定节假日，以其后的第一个工作日为届满日）"
            } else {
                ""
            };
            Some(format!(
                "当事人对上述决定{basis}至{}届满{moved}。",
                date(end)
            ))
        }),
    }
    .unwrap_or_default();
    p.para(format!(
        "{periods}公告期限届满，当事人在法定期限内不申请行政复议或者提起行政诉讼，又不拆除的，本机关将依法强制拆除。"
    ));
    p.para(format!(
        "公告张贴地点：{}。",
        n.place.trim().trim_end_matches('。')
    ));
    p.closing(&ctx.agency.full_name, &date(n.date));
    Ok(vec![p])
}

/// 执行协议 (行政强制法第四十二条): the order it settles, the terms and stages, the finding that
/// it harms neither the public interest nor others, and that breaking it resumes enforcement.
pub(super) fn agreement(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    let Some(order) = case.duty.as_ref() else {
        return Vec::new();
    };
    let Some(a) = order.enforcement.agreement.as_ref() else {
        return Vec::new();
    };
    let kind = DocKind::EnforcementAgreement;
    let mut p = Paper::new(kind, &ctx.agency.full_name, None);
    p.date = date(a.date);
    p.fields([
        ("甲方（行政机关）", ctx.agency.full_name.clone()),
        ("乙方（当事人）", party_names(case)),
    ]);
    p.para(format!(
        "甲方于{}作出{}，责令乙方于{}前{}。为执行该决定，依据{LAW}第四十二条第一款的规定，双方在不损害公共利益和他人合法权益的情况下，达成如下执行协议：",
        date(order.issued_on),
        order_ref(ctx, order),
        date(order.deadline),
        duty(order)
    ));
    p.para(sentence(&a.terms));
    for (i, (due, what)) in a.stages.iter().enumerate() {
        p.para(format!(
            "第{}阶段：{}前{}",
            crate::chinese::numeral(i as u32 + 1),
            date(*due),
            sentence(what)
        ));
    }
    p.para(format!(
        "执行协议应当履行。乙方不履行本协议的，甲方将依照{LAW}第四十二条第二款的规定恢复强制执行。"
    ));
    p.signatures([
        format!("甲方：{}（盖章）", ctx.agency.full_name),
        "乙方（签名或者盖章）：".to_string(),
    ]);
    p.blocks.push(Block::Closing {
        lines: vec![format!("签订日期：{}", date(a.date))],
    });
    vec![p]
}

/// How a day was carried out, as its record names it, and the paper that authorised it.
fn way_of(ctx: &DocCtx<'_>, order: &DutyOrder, day: &EnforcementDay) -> (&'static str, String) {
    let e = &order.enforcement;
    if !day.substitute {
        let basis = reference(
            ctx,
            DocKind::EnforcementDecision,
            DocKind::EnforcementDecision.name(),
        );
        return ("强制执行（行政强制法第三十七条）", basis);
    }
    match (&e.immediate, &e.substitute) {
        (Some(im), None) if im.date == day.date => (
            "立即代履行（行政强制法第五十二条）",
            format!(
                "{}（{}决定立即实施代履行）",
                order_ref(ctx, order),
                date(im.date)
            ),
        ),
        _ => (
            "代履行（行政强制法第五十条、第五十一条）",
            reference(
                ctx,
                DocKind::SubstituteDecision,
                DocKind::SubstituteDecision.name(),
            ),
        ),
    }
}

/// 强制执行笔录, one per day of enforcement or 代履行: who was there, what was done, the
/// files with their hashes, and a signature line for each who signs — the party only when
/// the party signed, witnesses only when there were (第五十一条第一款第（四）项).
pub(super) fn records(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    let Some(order) = case.duty.as_ref() else {
        return Vec::new();
    };
    let kind = DocKind::EnforcementRecord;
    let days = &order.enforcement.days;
    days.iter()
        .enumerate()
        .map(|(i, d)| {
            let mut p = Paper::new(kind, &ctx.agency.full_name, None);
            p.date = date(d.date);
            if days.len() > 1 {
                p.note = format!("第{}次", i + 1);
            }
            let (way, basis) = way_of(ctx, order, d);
            let witnesses = d
                .witnesses
                .iter()
                .filter(|w| !w.trim().is_empty())
                .cloned()
                .collect::<Vec<_>>();
            p.fields([
                (
                    "时间",
                    format!(
                        "{} {}至{}",
                        date(d.date),
                        d.start.format("%H:%M"),
                        d.end.format("%H:%M")
                    ),
                ),
                ("地点", case.place.clone()),
                ("当事人", party_names(case)),
                ("执行方式", way.to_string()),
                ("执行依据", format!("{}；{basis}", order_ref(ctx, order))),
                (
                    if d.substitute {
                        "到场监督的工作人员"
                    } else {
                        "到场执法人员"
                    },
                    d.officers
                        .iter()
                        .map(|id| ctx.label(*id))
                        .collect::<Vec<_>>()
                        .join("、"),
                ),
                (
                    if d.substitute { "代履行人" } else { "实施人" },
                    d.performer.clone(),
                ),
                (
                    "见证人",
                    if witnesses.is_empty() {
                        "无".to_string()
                    } else {
                        witnesses.join("、")
                    },
                ),
            ]);
            p.para(format!("执行情况：{}", sentence(&d.removed)));
            if let Some(e) = &d.emergency {
                p.para(format!(
                    "在夜间或者法定节假日实施的紧急情况（行政强制法第四十三条第一款）：{}",
                    sentence(e)
                ));
            }
            if let Some(cost) = order
                .enforcement
                .substitute
                .as_ref()
                .and_then(|s| s.cost)
                .filter(|_| d.substitute && d.completed)
            {
                p.para(format!(
                    "代履行费用：{cost}，按照成本合理确定，由当事人承担（行政强制法第五十一条第二款）。"
                ));
            }
            if !d.attachments.is_empty() {
                p.para(format!(
                    "现场照片、视频{}份，文件名及SHA-256校验值如下：",
                    d.attachments.len()
                ));
                for a in &d.attachments {
                    p.digest(format!("{}：", a.file_name), a.sha256.clone());
                }
            }
            p.para(if d.completed {
                "执行完毕。"
            } else {
                "本次未执行完毕。"
            });
            if !d.party_signed {
                p.para("当事人未在本笔录上签名。");
            }
            let mut lines = vec![
                if d.substitute {
                    "到场监督的工作人员（签名）："
                } else {
                    "执法人员（签名）："
                },
                if d.substitute {
                    "代履行人（签名或者盖章）："
                } else {
                    "实施人（签名）："
                },
            ];
            if d.party_signed {
                lines.push("当事人（签名或者盖章）：");
            }
            if !witnesses.is_empty() {
                lines.push("见证人（签名）：");
            }
            p.signatures(lines);
            p
        })
        .collect()
}
