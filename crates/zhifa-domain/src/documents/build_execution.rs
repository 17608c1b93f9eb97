//! 送达, 执行 and 结案 documents: 送达回证, the payment, demand and court papers, 移送书,
//! 结案审批表, and the binding sheets of the case file (封面, 目录, 备考表).

use super::amount::figures_and_capitals;
use chrono::NaiveDate;

use super::common::{
    case_name, correction_object, date, owed_on, party_names, payment_place, penalty_decision,
    served_doc_title, served_title, violated, you,
};
use super::{DocCtx, DocError, DocKind, Paper};
use crate::case::{gates, Outcome, Procedure, ServedDoc, Service};
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
            p.note = served_title(ctx, s.doc).to_string();
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

/// The service of the 催告书 issued on `on` (the first one dated on or after it).
fn demand_service<'a>(ctx: &DocCtx<'a>, on: NaiveDate) -> Option<&'a Service> {
    ctx.case
        .services
        .iter()
        .filter(|s| s.doc == ServedDoc::Demand && s.date >= on)
        .min_by_key(|s| s.date)
}

/// The day by which the 催告 of `on` asks the party to perform: ten working days from its
/// service ([`gates::demand_period_end`]); before it is served, from the day it is issued.
fn demand_deadline(ctx: &DocCtx<'_>, doc: DocKind, on: NaiveDate) -> Result<NaiveDate, DocError> {
    let from = demand_service(ctx, on).map_or(on, |s| s.served_on);
    gates::demand_period_end(from, ctx.calendar).map_err(|e| DocError::Uncountable {
        doc: doc.name(),
        reason: e.message,
    })
}

/// 催告书 (行政强制法 Art 35): the obligation (the decision, the fine unpaid and the
/// 加处罚款 to date), the deadline to perform as a date, the way to pay, and the party's
/// right to state and defend — how, and by when.
pub(super) fn demands(ctx: &DocCtx<'_>) -> Result<Vec<Paper>, DocError> {
    let case = ctx.case;
    let kind = DocKind::Demand;
    let uncountable = |e: crate::case::RuleError| DocError::Uncountable {
        doc: kind.name(),
        reason: e.message,
    };
    let mut out = Vec::new();
    for d in &case.demands {
        let mut p = Paper::new(kind, &ctx.agency.full_name, number(ctx, kind));
        p.date = date(d.date);
        let owed = owed_on(ctx, kind, d.date)?;
        let you = you(case);
        let decided = case
            .decision
            .as_ref()
            .map(|x| date(x.date))
            .unwrap_or_default();
        let served = case
            .served(ServedDoc::Decision)
            .map(|s| format!("，已于{}送达{you}", date(s.served_on)))
            .unwrap_or_default();
        let due = gates::payment_due(case, ctx.calendar)
            .map_err(uncountable)?
            .map(|due| format!("，缴款期限于{}届满", date(due)))
            .unwrap_or_default();
        p.para(format!("{}：", party_names(case)));
        p.para(format!(
            "本机关于{decided}作出{}行政处罚决定书，决定对{you}罚款{}{served}{due}。",
            decision_number(ctx),
            figures_and_capitals(case.fine_due()),
        ));
        let paid = if owed.paid.0 > 0 {
            format!("已缴纳{}，", figures_and_capitals(owed.paid))
        } else {
            String::new()
        };
        p.para(format!(
            "截至{}，{you}{paid}尚未缴纳罚款{}。依据《中华人民共和国行政处罚法》第七十二条第一款第（一）项的规定，\
             到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，截至{}加处罚款{}，合计应缴{}。",
            date(d.date),
            figures_and_capitals(owed.unpaid),
            date(d.date),
            figures_and_capitals(owed.surcharge),
            figures_and_capitals(owed.total())
        ));
        let deadline = date(demand_deadline(ctx, kind, d.date)?);
        p.para(format!(
            "依据《中华人民共和国行政强制法》第三十五条、第五十四条的规定，现催告{you}自收到本催告书之日起\
             十个工作日内（{deadline}前）履行上述缴纳义务。"
        ));
        p.para(format!(
            "履行方式：将上述款项缴至{}，缴款时注明行政处罚决定书文号，并将缴款凭证交本机关。",
            payment_place(ctx)
        ));
        let office = match (ctx.agency.address.trim(), ctx.agency.phone.trim()) {
            ("", "") => String::new(),
            (a, "") => format!("（地址：{a}）"),
            ("", t) => format!("（电话：{t}）"),
            (a, t) => format!("（地址：{a}，电话：{t}）"),
        };
        p.para(format!(
            "依据《中华人民共和国行政强制法》第三十六条的规定，{you}收到本催告书后有权进行陈述和申辩。\
             {you}可以在{deadline}前向本机关{office}提交书面陈述、申辩意见，或者到本机关口头陈述、申辩，由本机关记录。\
             本机关将充分听取{you}的意见，对{you}提出的事实、理由和证据进行记录、复核；事实、理由或者证据成立的，本机关予以采纳。"
        ));
        p.para(
            "逾期无正当理由仍不履行的，本机关将依据《中华人民共和国行政强制法》第五十三条、第五十四条的规定申请人民法院强制执行。",
    );
        p.closing(&ctx.agency.full_name, &date(d.date));
        out.push(p);
    }
    Ok(out)
}

/// 加处罚款决定书 (行政处罚法 Art 72(1)), dated with the 催告 that found the surcharge: the
/// amount is what the case's own arithmetic says on that day (never a figure of its own),
/// with the time and the place to pay it.
pub(super) fn surcharge(ctx: &DocCtx<'_>) -> Result<Vec<Paper>, DocError> {
    let case = ctx.case;
    let kind = DocKind::Surcharge;
    let Some(d) = case.surcharge_demand() else {
        return Ok(Vec::new());
    };
    let owed = owed_on(ctx, kind, d.date)?;
    let due = gates::payment_due(case, ctx.calendar)
        .map_err(|e| DocError::Uncountable {
            doc: kind.name(),
            reason: e.message,
        })?
        .map(|due| format!("，缴款期限于{}届满", date(due)))
        .unwrap_or_default();
    // It goes out with the 催告 of the same day: one deadline for the whole sum owed.
    let deadline = date(demand_deadline(ctx, kind, d.date)?);
    let mut p = Paper::new(kind, &ctx.agency.full_name, number(ctx, kind));
    p.date = date(d.date);
    let you = you(case);
    p.para(format!("{}：", party_names(case)));
    p.para(format!(
        "本机关{}行政处罚决定书决定对{you}罚款{}{due}。截至{}，{you}尚有罚款{}未缴纳。\
         依据《中华人民共和国行政处罚法》第七十二条第一款第（一）项的规定，到期不缴纳罚款的，\
         每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额。本机关决定对{you}加处罚款，\
         截至{}，加处罚款{}。",
        decision_number(ctx),
        figures_and_capitals(case.fine_due()),
        date(d.date),
        figures_and_capitals(owed.unpaid),
        date(d.date),
        figures_and_capitals(owed.surcharge)
    ));
    p.para(format!(
        "请{you}自收到本决定书之日起十个工作日内（{deadline}前），将加处罚款连同尚未缴纳的罚款，\
         合计{}，缴至{}，缴款时注明行政处罚决定书文号。逾期仍未缴纳的，加处罚款继续计算至实际缴纳之日，\
         但不超出罚款的数额。",
        figures_and_capitals(owed.total()),
        payment_place(ctx)
    ));
    p.para(super::check::remedy_text(ctx.agency, false));
    p.closing(&ctx.agency.full_name, &date(d.date));
    Ok(vec![p])
}

/// 强制执行申请书 (行政强制法 Art 53–55): the applicant with its 法定代表人, the decision and
/// the day it was served, the periods that ended (the party's 复议 and lawsuit periods, the
/// 催告's), and what is claimed: the fine unpaid and the 加处罚款 by the case's arithmetic
/// on the application's date.
pub(super) fn court(ctx: &DocCtx<'_>) -> Result<Vec<Paper>, DocError> {
    let case = ctx.case;
    let kind = DocKind::CourtApplication;
    let Some(c) = &case.court else {
        return Ok(Vec::new());
    };
    let uncountable = |e: crate::case::RuleError| DocError::Uncountable {
        doc: kind.name(),
        reason: e.message,
    };
    let owed = owed_on(ctx, kind, c.date)?;
    let mut p = Paper::new(kind, &ctx.agency.full_name, number(ctx, kind));
    p.date = date(c.date);
    p.para(format!("{}：", c.court));
    p.fields([
        ("申请人", ctx.agency.full_name.clone()),
        ("住所", ctx.agency.address.clone()),
        // Blank for handwriting until the agency setting names the 法定代表人.
        ("法定代表人", ctx.agency.legal_rep.clone()),
        ("被申请人", party_names(case)),
        (
            "被申请人地址",
            case.parties
                .first()
                .map(|x| x.address().to_string())
                .unwrap_or_default(),
        ),
    ]);
    let mut facts = format!(
        "本机关于{}作出{}行政处罚决定书，决定对被申请人罚款{}。",
        case.decision
            .as_ref()
            .map(|d| date(d.date))
            .unwrap_or_default(),
        decision_number(ctx),
        figures_and_capitals(case.fine_due())
    );
    if let Some(s) = case.served(ServedDoc::Decision) {
        facts.push_str(&format!("该决定书于{}送达被申请人", date(s.served_on)));
        if let Some(due) = gates::payment_due(case, ctx.calendar).map_err(uncountable)? {
            facts.push_str(&format!("，缴款期限于{}届满", date(due)));
        }
        facts.push('。');
    }
    if let Some((basis, end)) =
        gates::remedy_periods_end(case, ctx.calendar).map_err(uncountable)?
    {
        let ended: Vec<String> = case
            .remedies
            .iter()
            .filter_map(|r| {
                let result = r.result.map(|x| crate::serde_name(&x)).unwrap_or_default();
                r.ended_on.map(|e| {
                    format!(
                        "{}已于{}终结（{result}）",
                        crate::serde_name(&r.kind),
                        date(e)
                    )
                })
            })
            .collect();
        if ended.is_empty() {
            facts.push_str(&format!(
                "被申请人{basis}已于{}届满，被申请人在法定期限内未申请行政复议，也未提起行政诉讼。",
                date(end)
            ));
        } else {
            facts.push_str(&format!(
                "被申请人提出的{}；{basis}已于{}届满。",
                ended.join("，"),
                date(end)
            ));
        }
    }
    for d in &case.demands {
        facts.push_str(&format!("本机关于{}作出催告书", date(d.date)));
        if let Some(s) = demand_service(ctx, d.date) {
            facts.push_str(&format!(
                "，于{}送达被申请人，催告期限于{}届满",
                date(s.served_on),
                date(demand_deadline(ctx, kind, d.date)?)
            ));
        }
        facts.push('。');
    }
    facts.push_str("被申请人经催告仍未履行。");
    p.para(facts);
    let paid = if owed.paid.0 > 0 {
        format!("被申请人已缴纳罚款{}，", figures_and_capitals(owed.paid))
    } else {
        String::new()
    };
    p.para(format!(
        "截至{}，{paid}尚欠罚款{}；依据《中华人民共和国行政处罚法》第七十二条第一款第（一）项的规定，\
         加处罚款{}。申请执行标的：罚款{}、加处罚款{}，合计{}。",
        date(c.date),
        figures_and_capitals(owed.unpaid),
        figures_and_capitals(owed.surcharge),
        figures_and_capitals(owed.unpaid),
        figures_and_capitals(owed.surcharge),
        figures_and_capitals(owed.total())
    ));
    p.para(
        "依据《中华人民共和国行政强制法》第五十三条、第五十四条、第五十五条的规定，申请人民法院强制执行。",
    );
    p.para("附：行政处罚决定书及作出决定的事实、理由和依据；当事人的意见及催告情况；申请强制执行标的情况。");
    p.signatures(["本机关负责人（签名）："]);
    p.closing(&ctx.agency.full_name, &date(c.date));
    Ok(vec![p])
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
    p.para(super::shared::transfer_sentence(
        &format!("办理{}", case_name(case)),
        &case.facts,
        if *judicial {
            "第二十七条第一款、第五十七条第一款第（四）项"
        } else {
            "第二十七条第一款"
        },
        "案",
        *judicial,
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
    if let Some(c) = correction_carried_out(ctx) {
        s.push_str(&format!("；{c}"));
    }
    s
}

/// Whether the correction ordered (by the notice or the decision) was carried out, as the
/// 复查 found; `None` when no correction was ordered.
fn correction_carried_out(ctx: &DocCtx<'_>) -> Option<String> {
    let case = ctx.case;
    gates::correction_order_issued(case).ok()?;
    Some(match (&case.correction_recheck, &case.correction_notice) {
        (Some(r), _) if r.corrected => format!("责令改正：经{}复查，已改正", date(r.date)),
        (Some(r), _) => format!(
            "责令改正：经{}复查，未改正（{}）",
            date(r.date),
            r.note.trim().trim_end_matches('。')
        ),
        (None, Some(n)) => format!("责令改正：限于{}前改正，尚未复查", date(n.deadline)),
        (None, None) => "责令改正：未登记复查".to_string(),
    })
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
    let mut rows = vec![
        ("案件名称", case_name(case)),
        ("当事人", party_names(case)),
        opened_row(ctx),
        ("违反条款", violated(case)),
        ("处理结果", result_text(ctx)),
        ("执行情况", execution_text(ctx)),
    ];
    // 行政处罚法第五十二条第三款: the on-the-spot decision reported to the agency.
    if let Some((on, by)) = case.on_spot_filed {
        rows.push((
            "备案情况",
            format!("{}由{}报本机关备案", date(on), ctx.name(by)),
        ));
    }
    p.fields(rows);
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
