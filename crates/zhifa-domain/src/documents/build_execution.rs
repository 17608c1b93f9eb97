//! 送达, 执行 and 结案 documents: 送达回证, the payment, demand and court papers, 移送书,
//! 结案审批表, and the binding sheets of the case file (封面, 目录, 备考表).

use super::amount::figures_and_capitals;
use super::common::{
    case_name, correction_object, date, party_names, penalty_decision, served_doc_title,
    served_kind, violated, you,
};
use super::{DocCtx, DocKind, Paper};
use crate::case::{Outcome, Procedure};
use crate::serde_name;

fn number(ctx: &DocCtx<'_>, kind: DocKind) -> Option<String> {
    kind.code().and_then(|c| ctx.number(c))
}

fn decision_number(ctx: &DocCtx<'_>) -> String {
    let kind = if ctx.case.procedure == Procedure::Simple {
        DocKind::OnSpotDecision
    } else {
        DocKind::Decision
    };
    number(ctx, kind).unwrap_or_default()
}

/// 送达回证, one per service: the recipient signs and dates it by hand (民事诉讼法第八十七条),
/// so those cells are left blank; the remark records refusal, notice or electronic service.
pub(super) fn receipts(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    case.services
        .iter()
        .map(|s| {
            let mut p = Paper::new(DocKind::ServiceReceipt, &ctx.agency.full_name, None);
            p.date = date(s.served_on);
            p.note = served_kind(ctx, s.doc).name().to_string();
            p.fields([
                ("案件名称", case_name(case)),
                ("受送达人", party_names(case)),
                ("送达文书名称及文号", served_doc_title(ctx, s.doc)),
                (
                    "送达地点",
                    case.parties
                        .first()
                        .map(|x| x.address().to_string())
                        .unwrap_or_default(),
                ),
                ("送达方式", serde_name(&s.method)),
                ("送达人", ctx.names(&s.officers)),
            ]);
            let remark = match s.method {
                crate::case::ServiceMethod::Left => {
                    "受送达人拒绝签收，已邀请有关基层组织或者所在单位的代表到场，说明情况，\
                     在送达回证上记明拒收事由和日期，把文书留在受送达人的住所（民事诉讼法第八十九条）。"
                        .to_string()
                }
                crate::case::ServiceMethod::PublicNotice => format!(
                    "公告送达：公告发出之日为{}，经过三十日即视为送达（民事诉讼法第九十五条）。",
                    date(s.date)
                ),
                crate::case::ServiceMethod::Electronic => {
                    "经受送达人同意并签订确认书，以电子方式送达（行政处罚法第六十一条）。".into()
                }
                _ => String::new(),
            };
            if !remark.is_empty() {
            p.fields([("备注", remark)]);
            }
            p.signatures([
                "受送达人（签名或盖章）：",
                "签收日期：          年    月    日",
                "送达人（签名）：",
                "送达日期：          年    月    日",
            ]);
            p
        })
        .collect()
}

pub(super) fn plan(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    let Some(pl) = &case.plan else {
        return Vec::new();
    };
    let mut p = Paper::new(
        DocKind::PaymentPlan,
        &ctx.agency.full_name,
        number(ctx, DocKind::PaymentPlan),
    );
    p.date = date(pl.date);
    let you = you(case);
    p.para(format!("{}：", party_names(case)));
    p.para(format!(
        "{you}申请延期（分期）缴纳本机关{}行政处罚决定书所确定的罚款{}。经本机关负责人{}批准，\
         依据《中华人民共和国行政处罚法》第六十六条第二款的规定，同意{you}按下列期限缴纳：",
        decision_number(ctx),
        figures_and_capitals(case.fine_due()),
        ctx.name(pl.approved_by)
    ));
    p.table(
        &["期次", "缴纳期限", "金额"],
        pl.instalments
            .iter()
            .enumerate()
            .map(|(i, x)| {
                vec![
                    format!("第{}期", i + 1),
                    date(x.due),
                    figures_and_capitals(x.amount),
                ]
            })
            .collect(),
    );
    p.closing(&ctx.agency.full_name, &date(pl.date));
    vec![p]
}

pub(super) fn demands(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    case.demands
        .iter()
        .map(|d| {
            let mut p = Paper::new(DocKind::Demand, &ctx.agency.full_name, number(ctx, DocKind::Demand));
            p.date = date(d.date);
            let decided = case.decision.as_ref().map(|x| date(x.date)).unwrap_or_default();
            let you = you(case);
            p.para(format!("{}：", party_names(case)));
            p.para(format!(
                "本机关于{decided}作出{}行政处罚决定书，决定对{you}罚款{}。{you}至今未履行。",
                decision_number(ctx),
                figures_and_capitals(case.fine_due())
            ));
            p.para(format!(
                "依据《中华人民共和国行政强制法》第三十五条、第五十四条的规定，现催告{you}自收到本催告书之日起十日内履行。\
                 截至{}，加处罚款{}，合计应缴{}。",
                date(d.date),
                figures_and_capitals(d.surcharge),
                figures_and_capitals(d.amount)
            ));
            p.para(format!("{you}有权进行陈述和申辩。逾期仍不履行的，本机关将依法申请人民法院强制执行。"));
            p.closing(&ctx.agency.full_name, &date(d.date));
            p
        })
        .collect()
}

pub(super) fn surcharge(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    let Some(d) = case.demands.iter().rev().find(|d| d.surcharge.0 > 0) else {
        return Vec::new();
    };
    let mut p = Paper::new(
        DocKind::Surcharge,
        &ctx.agency.full_name,
        number(ctx, DocKind::Surcharge),
    );
    p.date = date(d.date);
    let you = you(case);
    p.para(format!("{}：", party_names(case)));
    p.para(format!(
        "本机关{}行政处罚决定书决定对{you}罚款{}，{you}到期未缴纳。依据《中华人民共和国行政处罚法》\
         第七十二条第一款第（一）项的规定，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额。\
         截至{}，加处罚款{}。",
        decision_number(ctx),
        figures_and_capitals(case.fine_due()),
        date(d.date),
        figures_and_capitals(d.surcharge)
    ));
    p.para(super::check::remedy_text(ctx, false));
    p.closing(&ctx.agency.full_name, &date(d.date));
    vec![p]
}

pub(super) fn court(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    let Some(c) = &case.court else {
        return Vec::new();
    };
    let mut p = Paper::new(
        DocKind::CourtApplication,
        &ctx.agency.full_name,
        number(ctx, DocKind::CourtApplication),
    );
    p.date = date(c.date);
    p.para(format!("{}：", c.court));
    p.fields([
        ("申请人", ctx.agency.full_name.clone()),
        ("被申请人", party_names(case)),
        (
            "被申请人地址",
            case.parties
                .first()
                .map(|x| x.address().to_string())
                .unwrap_or_default(),
        ),
    ]);
    p.para(format!(
        "本机关于{}作出{}行政处罚决定书，决定对被申请人罚款{}。被申请人在法定期限内未申请行政复议或者提起行政诉讼，\
         经催告仍未履行。依据《中华人民共和国行政强制法》第五十三条、第五十四条、第五十五条的规定，申请强制执行。",
        case.decision.as_ref().map(|d| date(d.date)).unwrap_or_default(),
        decision_number(ctx),
        figures_and_capitals(case.fine_due())
    ));
    p.para("附：行政处罚决定书及作出决定的事实、理由和依据；当事人的意见及催告情况；申请强制执行标的情况。");
    p.signatures(["本机关负责人（签名）："]);
    p.closing(&ctx.agency.full_name, &date(c.date));
    vec![p]
}

pub(super) fn transfer(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    let Some(Outcome::Transferred { to, judicial }) = &case.outcome else {
        return Vec::new();
    };
    let on = case
        .review_outcome
        .as_ref()
        .map(|(a, _)| a.date)
        .unwrap_or(ctx.today);
    let mut p = Paper::new(
        DocKind::Transfer,
        &ctx.agency.full_name,
        number(ctx, DocKind::Transfer),
    );
    p.date = date(on);
    p.para(format!("{to}："));
    p.para(format!(
        "本机关在办理{}中发现，{}依据《中华人民共和国行政处罚法》{}的规定，现将该案移送你单位{}。",
        case_name(case),
        case.facts,
        if *judicial {
            "第二十七条第一款、第五十七条第一款第（四）项"
        } else {
            "第二十七条第一款"
        },
        if *judicial {
            "依法追究刑事责任"
        } else {
            "依法处理"
        }
    ));
    p.para(format!(
        "附：案件材料{}份（证据{}项、笔录{}份）。",
        case.evidence.len() + case.records.len(),
        case.evidence.len(),
        case.records.len()
    ));
    p.closing(&ctx.agency.full_name, &date(on));
    vec![p]
}

/// 处理结果 for every outcome: the penalty (with the correction ordered), 不予处罚 with its
/// ground, not established, transferred, not filed, withdrawn.
pub(super) fn result_text(ctx: &DocCtx<'_>) -> String {
    let case = ctx.case;
    match (&case.outcome, penalty_decision(case)) {
        (_, Some(d)) => format!(
            "{}{}",
            super::build_review::penalty_text(&d.kinds, d.fine, d.confiscation),
            if d.correction_order.trim().is_empty() {
                String::new()
            } else {
                format!("，责令{}", correction_object(&d.correction_order))
            }
        ),
        (Some(Outcome::NoPenalty { reason, .. }), None) => format!(
            "不予行政处罚（{}，{}）",
            crate::serde_name(reason),
            reason.article()
        ),
        (Some(Outcome::NotEstablished), None) => {
            "违法事实不能成立，不予行政处罚（行政处罚法第五十七条第一款第（三）项）".into()
        }
        (Some(Outcome::Transferred { to, .. }), None) => format!("移送{to}"),
        (Some(o), None) => o.label().to_string(),
        (None, None) => "尚未处理".into(),
    }
}

fn execution_text(ctx: &DocCtx<'_>) -> String {
    let case = ctx.case;
    let due = case.fine_due();
    let paid = case.paid();
    let surcharge = case
        .demands
        .iter()
        .map(|d| d.surcharge)
        .max()
        .filter(|s| s.0 > 0);
    let mut s = if due.0 == 0 {
        "无罚款".to_string()
    } else if paid >= due {
        format!("罚款{}已全部缴纳", figures_and_capitals(due))
    } else {
        format!(
            "应缴{}，已缴{}",
            figures_and_capitals(due),
            figures_and_capitals(paid)
        )
    };
    if let Some(x) = surcharge {
        s.push_str(&format!("；加处罚款{}", figures_and_capitals(x)));
    }
    if let Some((d, why)) = &case.termination {
        s.push_str(&format!("；{}终结执行：{why}", date(*d)));
    }
    s
}

/// `立案日期`, or for a simple-procedure case (never filed) the day of the on-the-spot decision.
fn opened_row(ctx: &DocCtx<'_>) -> (&'static str, String) {
    let case = ctx.case;
    if case.procedure == Procedure::Simple {
        (
            "当场处罚日期",
            case.decision
                .as_ref()
                .map(|d| date(d.date))
                .unwrap_or_default(),
        )
    } else {
        ("立案日期", case.filed_on().map(date).unwrap_or_default())
    }
}

pub(super) fn closing(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    let Some(proposed) = case.closing_proposed_on else {
        return Vec::new();
    };
    let mut p = Paper::new(
        DocKind::ClosingForm,
        &ctx.agency.full_name,
        number(ctx, DocKind::ClosingForm),
    );
    p.date = date(proposed);
    p.fields([
        ("案件名称", case_name(case)),
        ("当事人", party_names(case)),
        opened_row(ctx),
        ("违反条款", violated(case)),
        ("处理结果", result_text(ctx)),
        ("执行情况", execution_text(ctx)),
    ]);
    p.signatures(
        case.handlers
            .iter()
            .map(|h| format!("承办人：{}    {}", ctx.label(*h), date(proposed))),
    );
    if let Some(a) = &case.closing {
        p.heading("审批意见");
        p.para(a.opinion.clone());
        p.signatures([format!("负责人：{}    {}", ctx.name(a.by), date(a.date))]);
    }
    vec![p]
}

pub(super) fn cover(ctx: &DocCtx<'_>) -> Paper {
    let case = ctx.case;
    let mut p = Paper::new(DocKind::Cover, &ctx.agency.full_name, None);
    p.title = "行政处罚案卷".into();
    // A simple-procedure case never had a 立案 number: its file goes by the decision's.
    p.number = if case.procedure == Procedure::Simple {
        number(ctx, DocKind::OnSpotDecision)
    } else {
        ctx.number(crate::case::number::FILING)
    };
    let closed = case
        .closing
        .as_ref()
        .map(|a| date(a.date))
        .unwrap_or_default();
    p.fields([
        ("案件名称", case_name(case)),
        ("案由", super::common::cause(case)),
        ("处理结果", result_text(ctx)),
        opened_row(ctx),
        ("结案日期", closed),
        ("承办人", ctx.labels(&case.handlers)),
        (
            "归档日期",
            case.archive
                .as_ref()
                .map(|a| date(a.date))
                .unwrap_or_default(),
        ),
        (
            "归档号",
            case.archive
                .as_ref()
                .map(|a| a.archive_no.clone())
                .unwrap_or_default(),
        ),
        (
            "保存期限",
            case.archive
                .as_ref()
                .map(|a| a.retention.clone())
                .unwrap_or_default(),
        ),
    ]);
    p.closing(&ctx.agency.full_name, "");
    p
}

/// 备考表: what the file holds, who bound and checked it.
pub(super) fn notes(ctx: &DocCtx<'_>, documents: usize, pages: u32) -> Paper {
    let case = ctx.case;
    let mut p = Paper::new(DocKind::Notes, &ctx.agency.full_name, None);
    p.title = "卷内备考表".into();
    let count = if documents > 0 {
        format!("本卷共有文件{documents}件，共{pages}页（不含封面、卷内文件目录和备考表）。")
    } else {
        "本卷文件件数和页数见卷内文件目录。".to_string()
    };
    p.para(count);
    p.para("本卷文件齐全，排列有序，页号连续。");
    if !case.corrections.is_empty() {
        p.para(format!(
            "本案记录经负责人批准更正{}处：",
            case.corrections.len()
        ));
        for (i, k) in case.corrections.iter().enumerate() {
            p.para(format!(
                "{}. {}，{}批准：{}。理由：{}",
                i + 1,
                date(k.date),
                ctx.name(k.approved_by),
                k.describe(),
                super::common::sentence(&k.reason)
            ));
        }
    }
    ctx.chain_head_block(&mut p);
    p.fields([
        ("立卷人", ctx.names(&case.handlers)),
        (
            "检查人",
            case.closing
                .as_ref()
                .map(|a| ctx.name(a.by))
                .unwrap_or_default(),
        ),
        (
            "立卷时间",
            case.archive
                .as_ref()
                .map(|a| date(a.date))
                .unwrap_or_default(),
        ),
    ]);
    p
}
