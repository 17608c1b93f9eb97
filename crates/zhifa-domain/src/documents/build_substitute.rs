//! The papers of 代履行 (行政强制法第五十条至第五十二条): the 代履行决定书, the 代履行催告书
//! and the notice after 立即代履行. Each reads the record the workflow kept.

use super::amount::figures_and_capitals;
use super::build_duty::{
    bases, contact, decision_paper, demand_history, first_party, number, order_history, order_ref,
    reference,
};
use super::check::{contestable, remedy_against, remedy_text};
use super::common::{date, party_names, sentence, you};
use super::{DocCtx, DocError, DocKind, Paper};
use crate::serde_name;

const LAW: &str = "《中华人民共和国行政强制法》";

/// 代履行决定书 (行政强制法第五十条; 第五十一条第一款第（一）项: the party and address, the
/// reasons and basis, the way and time, the object, the cost estimate and the performer).
pub(super) fn decision(ctx: &DocCtx<'_>) -> Result<Vec<Paper>, DocError> {
    let case = ctx.case;
    let Some(order) = case.duty.as_ref() else {
        return Ok(Vec::new());
    };
    let Some(s) = order.enforcement.substitute.as_ref() else {
        return Ok(Vec::new());
    };
    let d = &s.decision;
    let you = you(case);
    let mut p = decision_paper(
        ctx,
        DocKind::SubstituteDecision,
        "行政强制法第五十一条第一款第（一）项",
        (&d.party_name, &d.party_address),
        d.date,
    )?;
    let harm = d
        .harm
        .map(|h| format!("其后果已经或者将{}。", serde_name(&h)))
        .unwrap_or_default();
    p.para(format!(
        "代履行的理由和依据：{}{you}逾期未履行。{}{you}逾期仍未履行，{harm}依据{}和{LAW}第五十条、第五十一条的规定，本机关决定代履行。",
        order_history(ctx, order),
        demand_history(ctx, order),
        bases(order)
    ));
    p.fields([
        (
            "代履行的方式和时间",
            format!(
                "{}；代履行日期：{}",
                d.way_and_time.trim().trim_end_matches('。'),
                date(d.planned_on)
            ),
        ),
        ("代履行的标的", d.object.clone()),
        ("费用预算", figures_and_capitals(d.cost_estimate)),
        ("代履行人", d.performer.clone()),
    ]);
    p.para(format!(
        "本机关将在代履行三日（工作日）前催告{you}履行，{you}履行的，停止代履行；代履行时本机关派员到场监督；代履行的费用按照成本合理确定，由{you}承担（{LAW}第五十一条、第六十九条）。"
    ));
    p.para(remedy_text(ctx.agency, false));
    p.closing(&ctx.agency.full_name, &date(d.date));
    Ok(vec![p])
}

/// 代履行催告书 (行政强制法第五十一条第一款第（二）项): the decision, the day and the object of
/// 代履行, and that performing stops it.
pub(super) fn demand(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    let Some(order) = case.duty.as_ref() else {
        return Vec::new();
    };
    let Some(s) = order.enforcement.substitute.as_ref() else {
        return Vec::new();
    };
    let Some(on) = s.demand_on else {
        return Vec::new();
    };
    let d = &s.decision;
    let kind = DocKind::SubstituteDemand;
    let mut p = Paper::new(kind, &ctx.agency.full_name, number(ctx, kind));
    p.date = date(on);
    let you = you(case);
    let served = d
        .served_on
        .map(|s| format!("，于{}送达{you}", date(s)))
        .unwrap_or_default();
    p.para(format!("{}：", party_names(case)));
    p.para(format!(
        "本机关于{}作出{}{served}，决定于{}由{}对{}实施代履行，费用预算{}。",
        date(d.date),
        reference(
            ctx,
            DocKind::SubstituteDecision,
            DocKind::SubstituteDecision.name()
        ),
        date(d.planned_on),
        d.performer,
        d.object,
        d.cost_estimate
    ));
    p.para(format!(
        "依据{LAW}第五十一条第一款第（二）项的规定，现催告{you}在{}前自行履行{}所确定的义务；{you}履行的，本机关停止代履行，请及时告知本机关。{you}仍不履行的，本机关将于{}实施代履行，费用按照成本合理确定，由{you}承担（该法第五十一条第二款）。",
        date(d.planned_on),
        order_ref(ctx, order),
        date(d.planned_on)
    ));
    p.para(contact(ctx));
    p.closing(&ctx.agency.full_name, &date(on));
    vec![p]
}

/// 立即代履行事后通知书 (行政强制法第五十二条): only where the party was absent; what was
/// cleared, where and when, and by whom as the day's record says.
pub(super) fn immediate_notice(ctx: &DocCtx<'_>) -> Result<Vec<Paper>, DocError> {
    let case = ctx.case;
    let Some(im) = case
        .duty
        .as_ref()
        .and_then(|o| o.enforcement.immediate.as_ref())
        .filter(|im| !im.party_present)
    else {
        return Ok(Vec::new());
    };
    let Some(on) = im.notified_on else {
        return Ok(Vec::new());
    };
    let kind = DocKind::ImmediateNotice;
    let (name, address) = first_party(ctx);
    contestable(ctx, kind, "行政复议法第二十条第三款", (&name, &address))?;
    let mut p = Paper::new(kind, &ctx.agency.full_name, number(ctx, kind));
    p.date = date(on);
    let you = you(case);
    p.para(format!("{}：", party_names(case)));
    let done = case
        .duty
        .as_ref()
        .and_then(|o| o.enforcement.days.iter().find(|d| d.date == im.date))
        .map(|d| {
            format!(
                "当日{}至{}由{}实施：{}",
                d.start.format("%H:%M"),
                d.end.format("%H:%M"),
                d.performer,
                sentence(&d.removed)
            )
        })
        .unwrap_or_default();
    p.para(format!(
        "{}，{}（{}，{}）需要立即清除，{you}不能清除且不在现场。依据{LAW}第五十二条的规定，本机关决定立即实施代履行。{done}",
        date(im.date),
        im.description.trim().trim_end_matches('。'),
        serde_name(&im.space),
        serde_name(&im.what),
    ));
    p.para(format!("现依照该条规定将上述情况通知{you}。"));
    p.para(remedy_against(
        ctx.agency,
        "本机关立即实施代履行的决定",
        "本通知书",
    ));
    p.closing(&ctx.agency.full_name, &date(on));
    Ok(vec![p])
}
