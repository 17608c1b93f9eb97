//! 案件摘要: one page on a case for a leader or an archive check — parties, power and
//! provisions, facts, the stage timeline, decision and amount, payment, deadlines, remarks.

use super::amount::figures_and_capitals;
use super::common::{cause, cite, date, party_names, violated};
use super::{DocCtx, DocKind, Paper};
use crate::case::deadlines::Deadline;

/// The summary sheet. Not a 文书 of the file: it carries no number and is never bound.
pub fn build(ctx: &DocCtx<'_>, deadlines: &[Deadline]) -> Paper {
    let case = ctx.case;
    let mut p = Paper::new(
        DocKind::Cover,
        &ctx.agency.full_name,
        ctx.number(crate::case::number::FILING),
    );
    p.title = "案件摘要".into();
    p.compact = true;
    p.date = date(ctx.today);
    p.fields([
        ("当事人", party_names(case)),
        (
            "案由",
            format!("{}（{}）", cause(case), case.power.power.code),
        ),
        ("违反条款", violated(case)),
        ("处罚依据", cite(&case.power.power.penalty)),
        ("办理程序", crate::serde_name(&case.procedure)),
        ("当前环节", case.stage.name().to_string()),
        ("承办人", ctx.labels(&case.handlers)),
    ]);
    p.heading("违法事实");
    p.para(case.facts.clone());
    p.heading("办案进程");
    p.table(
        &["环节", "日期"],
        case.timeline
            .iter()
            .map(|(s, d)| vec![s.name().to_string(), date(*d)])
            .collect(),
    );
    p.heading("处理结果与执行");
    let decision = match &case.decision {
        Some(d) => format!(
            "{}作出决定：{}",
            date(d.date),
            super::build_execution::result_text(ctx)
        ),
        None => case
            .outcome
            .as_ref()
            .map(|o| o.label().to_string())
            .unwrap_or_else(|| "尚未作出决定".into()),
    };
    let due = case.fine_due();
    let payment = if due.0 == 0 {
        "无应缴罚款".to_string()
    } else {
        format!(
            "应缴{}，已缴{}",
            figures_and_capitals(due),
            figures_and_capitals(case.paid())
        )
    };
    p.fields([("决定", decision), ("缴款情况", payment)]);
    if !deadlines.is_empty() {
        p.heading("期限");
        p.table(
            &["期限", "届满日", "状态"],
            deadlines
                .iter()
                .map(|d| {
                    vec![
                        d.label().to_string(),
                        d.due.map(date).unwrap_or_else(|| "—".into()),
                        d.status.describe(),
                    ]
                })
                .collect(),
        );
    }
    let remarks: Vec<String> = case
        .squad_review
        .iter()
        .chain(case.legal_reviews.iter())
        .chain(case.review_outcome.iter().map(|(a, _)| a))
        .filter(|a| !a.opinion.trim().is_empty())
        .map(|a| format!("{}（{}，{}）", a.opinion, ctx.name(a.by), date(a.date)))
        .collect();
    if !remarks.is_empty() {
        p.heading("审核意见");
        for r in remarks {
            p.para(r);
        }
    }
    ctx.chain_head_block(&mut p);
    p
}
