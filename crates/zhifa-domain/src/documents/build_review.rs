//! 审查, 告知 and 决定 documents: 调查终结报告, 法制审核意见书, 集体讨论记录, the notices,
//! the hearing papers and the decisions.

use super::amount::figures_and_capitals;
use super::common::{
    cite, correction_object, date, no_penalty_outcome, notice_title, party_names, party_rows,
    payment_place, penalty_decision, record_papers, sentence, violated, you,
};
use super::reasoning::discretion;
use super::{check, DocCtx, DocError, DocKind, Paper};
use crate::case::{
    gates, Case, CashGround, Hearing, NoPenaltyReason, Outcome, PaymentMethod, RecordKind,
};
use crate::catalog::PenaltyKind;
use crate::money::Fen;

fn number(ctx: &DocCtx<'_>, kind: DocKind) -> Option<String> {
    kind.code().and_then(|c| ctx.number(c))
}

/// `罚款2000元（人民币贰仟元整）`, `警告`, `没收违法所得500元（人民币伍佰元整）`.
pub(super) fn penalty_text(kinds: &[PenaltyKind], fine: Fen, confiscation: Fen) -> String {
    kinds
        .iter()
        .map(|k| match k {
            PenaltyKind::Fine => format!("罚款{}", figures_and_capitals(fine)),
            PenaltyKind::ConfiscateGains | PenaltyKind::ConfiscateProperty
                if confiscation.0 > 0 =>
            {
                format!("{}{}", k.name(), figures_and_capitals(confiscation))
            }
            _ => k.name().to_string(),
        })
        .collect::<Vec<_>>()
        .join("，")
}

/// The evidence that existed on the document's date `as_of` (`Case::evidence_on`).
fn evidence_list(case: &Case, as_of: chrono::NaiveDate) -> String {
    let (evidence, records) = case.evidence_on(as_of);
    let mut items: Vec<String> = evidence
        .iter()
        .map(|e| format!("{}（{}）", e.description, crate::serde_name(&e.kind)))
        .collect();
    items.extend(
        records
            .iter()
            .map(|r| format!("{}（{}）", r.kind.name(), date(r.date))),
    );
    if items.is_empty() {
        "（无）".into()
    } else {
        items.join("；")
    }
}

pub(super) fn report(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    let Some(pr) = case
        .proposal
        .as_ref()
        .filter(|_| case.procedure == crate::case::Procedure::General)
    else {
        return Vec::new();
    };
    let mut p = Paper::new(DocKind::InvestigationReport, &ctx.agency.full_name, None);
    p.date = date(pr.date);
    p.fields(party_rows(case, pr.date));
    p.heading("违法事实");
    p.para(case.facts.clone());
    p.heading("证据");
    p.para(evidence_list(case, pr.date));
    p.heading("法律依据");
    p.para(format!(
        "当事人的行为违反了{}，依据{}予以处罚。",
        violated(case),
        cite(&case.power.power.penalty)
    ));
    if !case.statements.is_empty() {
        p.heading("当事人的陈述申辩");
        for s in &case.statements {
            p.para(s.content.clone());
        }
    }
    p.heading("承办人处理意见");
    p.para(match &case.outcome {
        // The head decided no penalty: the report does not propose one the outcome contradicts.
        Some(o @ (Outcome::NoPenalty { .. } | Outcome::NotEstablished)) => {
            format!("建议{}。{}", o.label(), sentence(&pr.reasoning))
        }
        _ => format!(
            "建议给予{}。{}{}",
            penalty_text(&pr.kinds, pr.fine, pr.confiscation),
            sentence(&pr.reasoning),
            discretion(case, pr, pr.fine, "建议罚款")
        ),
    });
    p.signatures(
        case.handlers
            .iter()
            .map(|h| format!("承办人：{}    {}", ctx.label(*h), date(pr.date))),
    );
    if let Some(a) = &case.squad_review {
        p.heading("审核意见");
        p.para(a.opinion.clone());
        p.signatures([format!("审核人：{}    {}", ctx.name(a.by), date(a.date))]);
    }
    if let Some((a, _)) = &case.review_outcome {
        p.heading("审批意见");
        p.para(a.opinion.clone());
        p.signatures([format!("负责人：{}    {}", ctx.name(a.by), date(a.date))]);
    }
    vec![p]
}

pub(super) fn legal_reviews(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    case.legal_reviews
        .iter()
        .map(|a| {
            let mut p = Paper::new(
                DocKind::LegalReview,
                &ctx.agency.full_name,
                number(ctx, DocKind::LegalReview),
            );
            p.date = date(a.date);
            p.fields([
                ("案件名称", super::common::case_name(case)),
                ("当事人", party_names(case)),
                (
                    "审核依据",
                    "《中华人民共和国行政处罚法》第五十八条".to_string(),
                ),
                (
                    "审核结论",
                    if a.agree { "通过" } else { "不通过" }.to_string(),
                ),
                // Art 58 para 2: a first-time reviewer holds the qualification.
                (
                    "法律职业资格",
                    match ctx.users.get(&a.by) {
                        Some(u) if u.legal_qualified => "已取得国家统一法律职业资格",
                        _ => "未登记",
                    }
                    .to_string(),
                ),
            ]);
            p.heading("审核意见");
            p.para(a.opinion.clone());
            p.signatures([format!(
                "法制审核人员：{}    {}",
                ctx.label(a.by),
                date(a.date)
            )]);
            p
        })
        .collect()
}

pub(super) fn discussions(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    case.discussions
        .iter()
        .map(|d| {
            let mut p = Paper::new(DocKind::Discussion, &ctx.agency.full_name, None);
            p.date = date(d.date);
            p.fields([
                ("案件名称", super::common::case_name(case)),
                ("时间", date(d.date)),
                ("地点", ctx.agency.full_name.clone()),
                ("主持人", ctx.name(d.chair)),
                (
                    "汇报人",
                    case.handlers
                        .first()
                        .map(|h| ctx.name(*h))
                        .unwrap_or_default(),
                ),
                ("出席人员", ctx.names(&d.attendees)),
                (
                    "记录人",
                    d.recorder.map(|r| ctx.name(r)).unwrap_or_default(),
                ),
                (
                    "依据",
                    "《中华人民共和国行政处罚法》第五十七条第二款".to_string(),
                ),
            ]);
            // Each attendee's opinion under their name (discussions recorded before the
            // opinions were asked have none to print).
            if !d.opinions.is_empty() {
                p.heading("讨论意见");
                for o in &d.opinions {
                    p.para(format!("{}：{}", ctx.name(o.member), sentence(&o.opinion)));
                }
            }
            p.heading("讨论结论");
            p.para(sentence(&d.conclusion));
            // Each attendee signs against their own name.
            let mut lines = vec![format!("主持人：{}（签名）：", ctx.name(d.chair))];
            lines.extend(
                d.attendees
                    .iter()
                    .filter(|a| **a != d.chair)
                    .map(|a| format!("出席人员：{}（签名）：", ctx.name(*a))),
            );
            lines.push(format!(
                "记录人：{}（签名）：",
                d.recorder.map(|r| ctx.name(r)).unwrap_or_default()
            ));
            p.signatures(lines);
            p
        })
        .collect()
}

/// 行政处罚事先告知书, or where the hearing right applies the one 行政处罚（听证）告知书 that
/// states it beside the statement right (行政处罚法第四十四条、第六十三条、第六十四条第（一）项).
pub(super) fn notice(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    let Some(n) = case.notice.as_ref() else {
        return Vec::new();
    };
    let kind = DocKind::PriorNotice;
    let mut p = Paper::new(kind, &ctx.agency.full_name, number(ctx, kind));
    p.title = notice_title(case).to_string();
    p.date = date(n.date);
    let you = you(case);
    p.para(format!("{}：", party_names(case)));
    p.para(format!(
        "经查，{you}于{}在{}，{}",
        date(case.act_date),
        case.place,
        sentence(&case.facts)
    ));
    p.para(format!("主要证据：{}。", evidence_list(case, n.date)));
    p.para(format!(
        "{you}的行为违反了{}的规定，依据{}的规定，本机关拟对{you}作出如下行政处罚：{}。",
        violated(case),
        cite(&case.power.power.penalty),
        penalty_text(&n.kinds, n.fine, n.confiscation)
    ));
    p.para(format!(
        "根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，{you}有权进行陈述和申辩。\
         请在收到本告知书之日起{}个工作日内向本机关提出陈述、申辩，逾期未提出的，视为放弃此权利。",
        // In words, as every other period in the documents (五个工作日, 十五日).
        crate::chinese::numeral(ctx.statement_days)
    ));
    if n.hearing_right {
        p.para(format!(
            "根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，{you}有权要求举行听证。\
             如要求听证，应当在收到本告知书之日起五个工作日内向本机关提出，逾期未提出的，视为放弃听证权利。"
        ));
    }
    p.fields([
        ("机关地址", ctx.agency.address.clone()),
        ("联系电话", ctx.agency.phone.clone()),
        ("联系人", ctx.names(&case.handlers)),
    ]);
    p.closing(&ctx.agency.full_name, &date(n.date));
    vec![p]
}

pub(super) fn hearing_notice(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    let Some(h) = case.hearing.as_ref() else {
        return Vec::new();
    };
    let Some(notified) = h.notified_on else {
        return Vec::new();
    };
    let mut p = Paper::new(
        DocKind::HearingNotice,
        &ctx.agency.full_name,
        number(ctx, DocKind::HearingNotice),
    );
    p.date = date(notified);
    let you = you(case);
    p.para(format!("{}：", party_names(case)));
    p.para(format!(
        "根据{you}于{}提出的听证要求，依据《中华人民共和国行政处罚法》第六十四条的规定，\
         本机关决定就{}举行听证。",
        date(h.requested_on),
        super::common::case_name(case)
    ));
    let mut rows = vec![
        ("听证时间", hearing_time(h)),
        ("听证地点", h.place.clone()),
        ("听证方式", public_text(h)),
        (
            "主持人",
            h.presiding.map(|i| ctx.name(i)).unwrap_or_default(),
        ),
    ];
    if !h.hearing_officers.is_empty() {
        rows.push(("听证员", ctx.names(&h.hearing_officers)));
    }
    rows.push((
        "记录人",
        h.recorder.map(|i| ctx.name(i)).unwrap_or_default(),
    ));
    rows.push(("联系电话", ctx.agency.phone.clone()));
    p.fields(rows);
    p.para(format!(
        "依据《中华人民共和国行政处罚法》第六十四条的规定，{you}享有下列权利：\
         {you}认为主持人、听证员或者记录人与本案有直接利害关系的，有权申请回避；\
         {you}可以亲自参加听证，也可以委托一至二人代理，委托代理人参加听证的，应当提交授权委托书；\
         {you}可以在听证中进行申辩和质证。"
    ));
    p.para(format!(
        "{you}及其代理人无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利，本机关终止听证。"
    ));
    p.closing(&ctx.agency.full_name, &date(notified));
    vec![p]
}

/// `2026年7月1日 09:00` (the day alone for hearings notified before the time was asked).
fn hearing_time(h: &Hearing) -> String {
    let day = h.date.map(date).unwrap_or_default();
    if h.time.is_empty() {
        day
    } else {
        format!("{day} {}", h.time)
    }
}

/// 公开举行, or 不公开举行 with its reason (行政处罚法第六十四条第（三）项).
fn public_text(h: &Hearing) -> String {
    if h.public {
        "公开举行".into()
    } else {
        format!(
            "不公开举行（理由：{}）",
            h.closed_reason.trim().trim_end_matches('。')
        )
    }
}

/// 听证笔录 (行政处罚法第六十四条第（七）、（八）项): the hearing as notified (time, place,
/// public or not), every role by name with a signature line each, and what each side said
/// as recorded. A hearing not held prints the 听证-kind 笔录 the case has, if any.
pub(super) fn hearing_record(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    let Some((h, held)) = case
        .hearing
        .as_ref()
        .and_then(|h| h.held_on.map(|held| (h, held)))
    else {
        return record_papers(ctx, DocKind::HearingRecord, RecordKind::Hearing);
    };
    let name = |id: Option<i64>| id.map(|i| ctx.name(i)).unwrap_or_default();
    let mut p = Paper::new(DocKind::HearingRecord, &ctx.agency.full_name, None);
    p.date = date(held);
    let mut rows = vec![
        ("案件名称", super::common::case_name(case)),
        ("听证机关", ctx.agency.full_name.clone()),
        ("时间", hearing_time(h)),
        ("地点", h.place.clone()),
        ("听证方式", public_text(h)),
        ("主持人", name(h.presiding)),
    ];
    if !h.hearing_officers.is_empty() {
        rows.push(("听证员", ctx.names(&h.hearing_officers)));
    }
    rows.push(("记录人", name(h.recorder)));
    rows.push(("案件调查人员", ctx.labels(&case.handlers)));
    rows.push(("当事人", party_names(case)));
    p.fields(rows);
    p.para(
        "主持人宣布听证开始，核对了当事人和案件调查人员的身份，宣布了听证纪律，\
         告知当事人有申请主持人、听证员、记录人回避和委托一至二人代理的权利。",
    );
    p.heading("案件调查人员提出的违法事实、证据和行政处罚建议");
    p.para(recorded(&h.investigators_case));
    p.heading("当事人的陈述、申辩和质证意见");
    p.para(recorded(&h.party_statement));
    // 听证-kind 笔录 registered for that day add to what was recorded.
    for r in case
        .records
        .iter()
        .filter(|r| r.kind == RecordKind::Hearing && r.date == held)
    {
        p.heading("听证记录");
        for line in r.content.lines().filter(|l| !l.trim().is_empty()) {
            p.para(line.trim().to_string());
        }
    }
    p.para("本笔录交当事人或者其代理人核对无误后签字或者盖章（行政处罚法第六十四条第（八）项）。");
    let mut lines = vec![format!("主持人：{}（签名）：", name(h.presiding))];
    lines.extend(
        h.hearing_officers
            .iter()
            .map(|i| format!("听证员：{}（签名）：", ctx.name(*i))),
    );
    lines.push(format!("记录人：{}（签名）：", name(h.recorder)));
    lines.extend(
        case.handlers
            .iter()
            .map(|i| format!("案件调查人员：{}（签名）：", ctx.name(*i))),
    );
    lines.push("当事人或者其代理人（签名）：".to_string());
    p.signatures(lines);
    vec![p]
}

/// A recorded text, or a note that this hearing was held before each side was recorded.
fn recorded(text: &str) -> String {
    if text.trim().is_empty() {
        "（本听证登记时未逐项记录，详见所附听证记录。）".into()
    } else {
        sentence(text)
    }
}

pub(super) fn decision(ctx: &DocCtx<'_>, kind: DocKind) -> Result<Vec<Paper>, DocError> {
    let case = ctx.case;
    let on_spot = kind == DocKind::OnSpotDecision;
    if penalty_decision(case).is_none()
        || (case.procedure == crate::case::Procedure::Simple) != on_spot
    {
        return Ok(Vec::new());
    }
    let d = check::decision(ctx, kind)?;
    let mut p = Paper::new(kind, &ctx.agency.full_name, number(ctx, kind));
    p.date = date(d.date);
    // The on-the-spot form is filled in and handed over at the scene: set a size smaller,
    // so it fits one sheet as the pre-printed forms do (行政处罚法第五十二条).
    p.compact = on_spot;
    p.fields(party_rows(case, d.date));
    if on_spot {
        p.para(format!(
            "{} {}，执法人员当场查明：{}",
            date(d.date),
            d.on_spot_place.clone().unwrap_or_default(),
            sentence(&case.facts)
        ));
    } else {
        p.para(format!(
            "经查，{}在{}：{}本机关于{}立案调查。",
            date(case.act_date),
            case.place,
            sentence(&case.facts),
            case.filed_on().map(date).unwrap_or_default()
        ));
        p.para(format!(
            "以上事实有下列证据为证：{}。",
            evidence_list(case, d.date)
        ));
        if let Some(n) = &case.notice {
            p.para(format!(
                "本机关于{}向当事人送达了{}，告知了拟作出的行政处罚内容及事实、理由、依据和当事人依法享有的权利。{}",
                date(n.date),
                notice_title(case),
                if let Some(held) = d.hearing_held_on {
                    // Art 65: decided on the hearing record, answering its points.
                    let answers = case.hearing_answers();
                    format!(
                        "当事人要求听证，本机关于{}依法举行了听证。对当事人在听证中提出的意见，本机关进行了复核：{}",
                        date(held),
                        answers.iter().map(|s| s.reexamination.as_str()).collect::<Vec<_>>().join("；")
                    )
                } else if case.statements.is_empty() {
                    "当事人在规定期限内未提出陈述、申辩。".to_string()
                } else {
                    format!(
                        "当事人提出了陈述、申辩，本机关进行了复核：{}",
                        sentence(&case.statements.iter().map(|s| s.reexamination.trim().trim_end_matches('。')).collect::<Vec<_>>().join("；"))
                    )
                }
            ));
        }
    }
    let mitigation = case
        .proposal
        .as_ref()
        .map(|pr| discretion(case, pr, d.fine, "确定罚款"))
        .unwrap_or_default();
    p.para(format!(
        "当事人的上述行为违反了{}的规定。{}依据{}的规定，本机关决定给予当事人如下行政处罚：{}。",
        violated(case),
        mitigation,
        cite(&case.power.power.penalty),
        penalty_text(&d.kinds, d.fine, d.confiscation)
    ));
    if !d.correction_order.trim().is_empty() {
        p.para(format!(
            "同时责令当事人：{}。{}",
            correction_object(&d.correction_order),
            earlier_correction_notice(ctx, d.date)
        ));
    }
    if d.fine.0 > 0 {
        let place = payment_place(ctx);
        p.para(format!(
            "当事人应当自收到本决定书之日起十五日内，到{place}缴纳罚款（行政处罚法第六十七条第三款）。\
             到期不缴纳罚款的，本机关将依据《中华人民共和国行政处罚法》第七十二条第一款第（一）项的规定，\
             每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额。"
        ));
    }
    if on_spot && d.fine.0 > 0 {
        p.para(on_spot_cash(case));
    }
    p.para(check::remedy_text(ctx.agency, on_spot));
    if on_spot {
        p.signatures([
            format!("执法人员（签名）：{}", ctx.labels(&case.handlers)),
            "当事人（签名）：".to_string(),
        ]);
    }
    p.closing(&ctx.agency.full_name, &date(d.date));
    Ok(vec![p])
}

pub(super) fn no_penalty(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    let Some((a, _)) = case
        .review_outcome
        .as_ref()
        .filter(|_| no_penalty_outcome(case))
    else {
        return Vec::new();
    };
    // The decision carries the day it was made; before 决定 the head's approval date.
    let on = case.decision.as_ref().map_or(a.date, |d| d.date);
    let mut p = Paper::new(
        DocKind::NoPenaltyDecision,
        &ctx.agency.full_name,
        number(ctx, DocKind::NoPenaltyDecision),
    );
    p.date = date(on);
    p.fields(party_rows(case, on));
    let filed = case
        .filed_on()
        .map(|f| format!("本机关于{}立案调查。", date(f)))
        .unwrap_or_default();
    match &case.outcome {
        Some(Outcome::NoPenalty { reason, education }) => {
            p.para(format!(
                "经查，{}在{}：{}{filed}",
                date(case.act_date),
                case.place,
                sentence(&case.facts)
            ));
            p.para(format!(
                "以上事实有下列证据为证：{}。",
                evidence_list(case, on)
            ));
            p.para(format!(
                "当事人的上述行为违反了{}的规定。{}依据《中华人民共和国行政处罚法》{}的规定，\
                 本机关决定对当事人不予行政处罚。",
                violated(case),
                grounds(*reason),
                reason.article().trim_start_matches("行政处罚法")
            ));
            if !education.trim().is_empty() {
                p.para(format!(
                    "依据《中华人民共和国行政处罚法》第三十三条第三款的规定，本机关已对当事人进行教育：{}",
                    sentence(education)
                ));
            }
        }
        _ => {
            p.para(format!(
                "{filed}经调查，{}涉嫌{}的违法事实不能成立。\
                 依据《中华人民共和国行政处罚法》第五十七条第一款第（三）项的规定，本机关决定对{}不予行政处罚。",
                party_names(case),
                super::common::cause(case),
                you(case),
            ));
        }
    }
    p.para(check::remedy_text(ctx.agency, false));
    p.closing(&ctx.agency.full_name, &date(on));
    vec![p]
}

/// The 责令改正通知书 issued before the decision (行政处罚法第二十八条第一款), and its 复查
/// when it came before the decision, as the decision refers to them; empty when none.
fn earlier_correction_notice(ctx: &DocCtx<'_>, decided: chrono::NaiveDate) -> String {
    let case = ctx.case;
    let Some(n) = case
        .correction_notice
        .as_ref()
        .filter(|n| n.date <= decided)
    else {
        return String::new();
    };
    let number = number(ctx, DocKind::CorrectionOrder)
        .map(|x| format!("以{x}"))
        .unwrap_or_default();
    let recheck = match case
        .correction_recheck
        .as_ref()
        .filter(|r| r.date <= decided)
    {
        Some(r) if r.corrected => format!("经{}复查，当事人已改正。", date(r.date)),
        Some(r) => format!(
            "经{}复查，当事人未改正：{}",
            date(r.date),
            sentence(&r.note)
        ),
        None => String::new(),
    };
    format!(
        "本机关已于{}{number}责令改正通知书责令当事人于{}前改正（{}）。{recheck}",
        date(n.date),
        date(n.deadline),
        correction_object(&n.content)
    )
}

/// On-the-spot collection (行政处罚法 Art 68–70): the cash the officers took and on which
/// ground, or, where the fine allows it (Art 68(1), asked of `gates::cash_on_spot_allowed`),
/// that they may take it; otherwise that the fine is not taken in cash (Art 67 para 2).
fn on_spot_cash(case: &Case) -> String {
    let taken: Vec<String> = case
        .payments
        .iter()
        .filter(|x| x.method == PaymentMethod::OnSpot)
        .map(|x| {
            let ground = x
                .cash_ground
                .map(|g| {
                    format!(
                        "依据《中华人民共和国行政处罚法》{}的规定，",
                        g.article().trim_start_matches("行政处罚法")
                    )
                })
                .unwrap_or_default();
            format!(
                "{ground}执法人员于{}当场收缴罚款{}，出具财政部门统一制发的专用票据（票据号{}）",
                date(x.date),
                figures_and_capitals(x.amount),
                x.receipt_no
            )
        })
        .collect();
    if !taken.is_empty() {
        return format!("{}（行政处罚法第七十条）。", taken.join("；"));
    }
    if gates::cash_on_spot_allowed(case, Some(CashGround::SmallFine)).is_ok() {
        "本案罚款在一百元以下，依据《中华人民共和国行政处罚法》第六十八条第（一）项的规定，执法人员可以当场收缴罚款，\
         并向当事人出具财政部门统一制发的专用票据（第七十条）；当事人也可以按上述方式自行缴纳。"
            .to_string()
    } else {
        "本决定的罚款不当场收缴，请当事人按上述方式缴纳（行政处罚法第六十七条第二款）。".to_string()
    }
}

/// What the decision finds for each condition of the article it relies on.
fn grounds(reason: NoPenaltyReason) -> &'static str {
    match reason {
        NoPenaltyReason::Minor => {
            "鉴于当事人的违法行为轻微，已及时改正，且没有造成危害后果，符合第三十三条第一款前段规定的条件，"
        }
        NoPenaltyReason::FirstViolation => {
            "鉴于当事人系初次违法，危害后果轻微，且已及时改正，符合第三十三条第一款后段规定的条件，"
        }
        NoPenaltyReason::NoFault => {
            "鉴于当事人有证据足以证明其没有主观过错，符合第三十三条第二款规定的条件，"
        }
        NoPenaltyReason::Under14 => "鉴于当事人实施违法行为时不满十四周岁，",
        NoPenaltyReason::Incapacity => {
            "鉴于当事人系在不能辨认或者不能控制自己行为时有违法行为的精神病人、智力残疾人，"
        }
    }
}
