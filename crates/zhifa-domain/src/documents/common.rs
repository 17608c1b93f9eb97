//! The pieces every document builder shares: how a party, a date, a citation, a sentence
//! and a record read on paper. Builders use them; they use no builder, so the builders'
//! modules depend on this one and never on each other's helpers.

use chrono::NaiveDate;

use super::{DocCtx, DocError, DocKind, Paper};
use crate::case::{gates, Case, Decision, Outcome, Party, RecordKind, ServedDoc, Signature};
use crate::catalog::cite_provisions;
use crate::catalog::Provision;
use crate::chinese;
use crate::money::Fen;

/// The decision record when it imposes a penalty. A 不予处罚 case holds a decision record
/// too (no kinds, no fine): it is the 不予行政处罚决定, never a 行政处罚决定书.
pub(crate) fn penalty_decision(case: &Case) -> Option<&Decision> {
    case.decision.as_ref().filter(|_| !no_penalty_outcome(case))
}

/// The case ends without a penalty: 不予处罚 (Art 30, 31, 33) or facts not established
/// (Art 57 para 1 item 3); both are decided by a 不予行政处罚决定书.
pub(crate) fn no_penalty_outcome(case: &Case) -> bool {
    matches!(
        case.outcome,
        Some(Outcome::NoPenalty { .. } | Outcome::NotEstablished)
    )
}

/// The head has reviewed the case and decided no penalty.
pub(crate) fn no_penalty_decided(case: &Case) -> bool {
    no_penalty_outcome(case) && case.review_outcome.is_some()
}

/// `你`, `你单位` or `你们`, as the party is addressed (a form's `你（单位）` resolved).
pub(crate) fn you(case: &Case) -> &'static str {
    match case.parties.as_slice() {
        [Party::Organisation(_)] => "你单位",
        [_] => "你",
        _ => "你们",
    }
}

/// `text` as a sentence: trimmed, ending with `。` (or the `！？；` it already has).
pub(crate) fn sentence(text: &str) -> String {
    let t = text.trim().trim_end_matches(['，', ',', '、', '；', ';']);
    if t.is_empty() || t.ends_with(['。', '！', '？', '.', '!', '?']) {
        t.to_string()
    } else {
        format!("{t}。")
    }
}

/// A correction order as the object of `责令`: `停止焚烧，清理现场` (a leading 责令 dropped,
/// so the paper never reads 责令责令).
pub(crate) fn correction_object(order: &str) -> String {
    let t = order.trim().trim_end_matches('。');
    t.strip_prefix("责令").unwrap_or(t).trim().to_string()
}

/// `《中华人民共和国大气污染防治法》第一百一十九条第一款`.
pub(crate) fn cite(p: &Provision) -> String {
    p.citation()
}

/// The violated provisions as one citation, each statute's title once.
pub(crate) fn violated(case: &Case) -> String {
    cite_provisions(&case.power.power.violated)
}

pub(crate) fn date(d: chrono::NaiveDate) -> String {
    chinese::date(d)
}

/// `刘某`, `刘某、王某`.
pub(crate) fn party_names(case: &Case) -> String {
    case.parties
        .iter()
        .map(Party::display_name)
        .collect::<Vec<_>>()
        .join("、")
}

/// 案件名称: `刘某露天焚烧秸秆案`.
pub(crate) fn case_name(case: &Case) -> String {
    format!("{}{}案", party_names(case), cause(case))
}

/// 案由: the item's short name (`露天焚烧秸秆`), never the full statutory wording.
pub(crate) fn cause(case: &Case) -> String {
    case.power.power.cause()
}

/// The party's particulars as the decision forms list them (legal-rules.md §4.2; the
/// Guangxi 2024 rule for natural persons and individual businesses).
pub(crate) fn party_rows(case: &Case, on: chrono::NaiveDate) -> Vec<(String, String)> {
    let mut rows = Vec::new();
    for p in &case.parties {
        match p {
            Party::Person(x) => {
                rows.push(("当事人".into(), x.name.clone()));
                rows.push(("性别".into(), x.sex.name().into()));
                rows.push(("出生日期".into(), date(x.birth_date)));
                rows.push(("年龄".into(), format!("{}岁", x.age_on(on))));
                rows.push(("居民身份证号码".into(), x.id_no.as_str().into()));
                rows.push(("住址".into(), x.address.clone()));
                rows.push(("联系电话".into(), x.phone.clone()));
                if !x.employer.is_empty() {
                    rows.push(("工作单位".into(), x.employer.clone()));
                }
            }
            Party::Organisation(o) => {
                rows.push(("当事人".into(), o.name.clone()));
                rows.push(("统一社会信用代码".into(), o.credit_code.as_str().into()));
                rows.push(("法定代表人(负责人)".into(), o.legal_rep.clone()));
                rows.push(("地址".into(), o.address.clone()));
                rows.push(("联系电话".into(), o.phone.clone()));
            }
            Party::Business(b) => {
                rows.push(("当事人".into(), b.trade_name.clone()));
                if let Some(c) = &b.credit_code {
                    rows.push(("统一社会信用代码".into(), c.as_str().into()));
                }
                rows.push(("经营者".into(), b.operator.name.clone()));
                rows.push(("性别".into(), b.operator.sex.name().into()));
                rows.push(("居民身份证号码".into(), b.operator.id_no.as_str().into()));
                rows.push(("住址".into(), b.operator.address.clone()));
                rows.push(("联系电话".into(), b.operator.phone.clone()));
            }
        }
    }
    rows
}

fn signature_note(s: &Signature) -> String {
    match s {
        Signature::Signed => "被记录人已签名".into(),
        Signature::Refused => {
            "当事人拒绝签名，执法人员已在笔录上注明（行政强制法第十八条第（八）项）".into()
        }
        Signature::Witness { name } => {
            format!("当事人不在场，见证人{name}签名（行政强制法第十八条第（九）项）")
        }
    }
}

/// 行政处罚法第五十五条 (证件出示) and 第四十三条 (回避): what the officers said before they
/// inspected or asked, as the 笔录 records it, and the line the person fills in by hand.
pub(crate) fn identification(p: &mut Paper, officers: &str, inquiry: bool) {
    p.para(format!(
        "执法人员{officers}出示了行政执法证件，表明身份，告知{}：对执法人员有权申请回避，\
         有权陈述和申辩；{}。",
        if inquiry {
            "被询问人"
        } else {
            "当事人或在场人"
        },
        if inquiry {
            "应当如实回答询问，协助调查，不得阻挠"
        } else {
            "应当配合检查，如实提供有关情况"
        }
    ));
    p.para("是否申请执法人员回避（亲笔填写）：");
}

/// 现场检查(勘验)笔录, 询问笔录, 听证笔录, 陈述申辩笔录: one paper per record.
pub(crate) fn record_papers(ctx: &DocCtx<'_>, kind: DocKind, rk: RecordKind) -> Vec<Paper> {
    let case = ctx.case;
    let recs: Vec<_> = case.records.iter().filter(|r| r.kind == rk).collect();
    let total = recs.len();
    recs.into_iter()
        .enumerate()
        .map(|(i, r)| {
            let mut p = Paper::new(kind, &ctx.agency.full_name, None);
            p.date = date(r.date);
            if total > 1 {
                p.note = format!("第{}份", i + 1);
            }
            let mut rows = vec![
                (
                    "时间".to_string(),
                    format!("{} {} 至 {}", date(r.date), r.start, r.end),
                ),
                ("地点".to_string(), r.place.clone()),
                ("执法人员及执法证号".to_string(), ctx.labels(&r.officers)),
            ];
            match rk {
                RecordKind::Inquiry => {
                    rows.push(("被询问人".into(), r.persons.join("、")));
                    rows.extend(person_rows(case, &r.persons, r.date));
                    rows.push(("询问次数".into(), format!("第{}次询问", r.nth.max(1))));
                    // Two officers at least (Art 55): the last records, the others ask.
                    let (recorder, askers) = match r.officers.split_last() {
                        Some((last, rest)) if !rest.is_empty() => (ctx.name(*last), ctx.names(rest)),
                        _ => (String::new(), ctx.names(&r.officers)),
                    };
                    rows.push(("询问人".into(), askers));
                    rows.push(("记录人".into(), recorder));
                }
                RecordKind::Inspection => {
                    rows.push(("被检查人".into(), party_names(case)));
                    rows.push(("在场人".into(), r.persons.join("、")));
                }
                _ => {
                    rows.push(("案件名称".into(), case_name(case)));
                    rows.push(("参加人".into(), r.persons.join("、")));
                }
            }
            p.fields(rows);
            if rk == RecordKind::Inquiry || rk == RecordKind::Inspection {
                identification(
                    &mut p,
                    &ctx.labels(&r.officers),
                    rk == RecordKind::Inquiry,
                );
            }
            p.heading(if rk == RecordKind::Inspection {
                "检查情况"
            } else {
                "记录"
            });
            for line in question_and_answer_lines(&r.content) {
                p.para(line);
            }
            if rk == RecordKind::Inquiry {
                p.para("被询问人核对意见（亲笔书写）：以上笔录我已看过，与我说的相符。被询问人在每页签名。");
            }
            p.para(format!("签名情况：{}。", signature_note(&r.signature)));
            let who = match rk {
                RecordKind::Inquiry => "被询问人（签名）：",
                RecordKind::Inspection => "当事人或在场人（签名）：",
                _ => "当事人（签名）：",
            };
            p.signatures([
                format!("执法人员（签名）：{}", ctx.names(&r.officers)),
                who.to_string(),
                format!("{}    年  月  日", "记录人（签名）："),
            ]);
            p
        })
        .collect()
}

/// The particulars of the people questioned who are parties of the case (a party, or an
/// individual business's operator, or an organisation's 法定代表人 questioned for it), as
/// the record form asks: sex, age on the day, ID number, address, phone, employer.
fn person_rows(case: &Case, persons: &[String], on: chrono::NaiveDate) -> Vec<(String, String)> {
    let mut rows = Vec::new();
    for name in persons {
        let name = name.trim();
        for party in &case.parties {
            let (person, employer) = match party {
                Party::Person(x) if x.name == name => (Some(x), None),
                Party::Business(b) if b.operator.name == name || b.trade_name == name => {
                    (Some(&b.operator), Some(b.trade_name.clone()))
                }
                Party::Organisation(o) if o.legal_rep == name || o.name == name => {
                    rows.push((
                        "工作单位及职务".into(),
                        format!("{}（法定代表人或负责人）", o.name),
                    ));
                    rows.push(("单位地址".into(), o.address.clone()));
                    rows.push(("联系电话".into(), o.phone.clone()));
                    continue;
                }
                _ => (None, None),
            };
            if let Some(x) = person {
                rows.push(("性别".into(), x.sex.name().into()));
                rows.push(("年龄".into(), format!("{}岁", x.age_on(on))));
                rows.push(("居民身份证号码".into(), x.id_no.as_str().into()));
                rows.push(("住址".into(), x.address.clone()));
                rows.push(("联系电话".into(), x.phone.clone()));
                if let Some(e) = employer {
                    rows.push(("工作单位".into(), format!("{e}（经营者）")));
                } else if !x.employer.is_empty() {
                    rows.push(("工作单位".into(), x.employer.clone()));
                }
            }
        }
    }
    rows
}

/// A record's text as the paper prints it: each line a paragraph, and each 问：/答： starting
/// its own, so questions and answers stand apart even when typed on one line.
pub(crate) fn question_and_answer_lines(content: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in content.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let mut rest = line;
        loop {
            // A marker after the first character (one at the start begins this piece).
            let skip = rest.chars().next().map_or(0, char::len_utf8);
            let next = ["问：", "答："]
                .iter()
                .filter_map(|m| rest[skip..].find(m).map(|i| i + skip))
                .min();
            match next {
                Some(i) => {
                    out.push(rest[..i].trim().to_string());
                    rest = &rest[i..];
                }
                _ => {
                    out.push(rest.to_string());
                    break;
                }
            }
        }
    }
    out
}

/// The document a service record served: an on-the-spot case's decision is the
/// 当场行政处罚决定书, a 不予处罚 case's the 不予行政处罚决定书.
pub(crate) fn served_kind(ctx: &DocCtx<'_>, doc: ServedDoc) -> DocKind {
    match doc {
        ServedDoc::Notice => DocKind::PriorNotice,
        ServedDoc::HearingNotice => DocKind::HearingNotice,
        ServedDoc::Decision if no_penalty_outcome(ctx.case) => DocKind::NoPenaltyDecision,
        ServedDoc::Decision if !ctx.case.procedure_general() => DocKind::OnSpotDecision,
        ServedDoc::Decision => DocKind::Decision,
        ServedDoc::NoPenaltyDecision => DocKind::NoPenaltyDecision,
        ServedDoc::Demand => DocKind::Demand,
        ServedDoc::CorrectionOrder => DocKind::CorrectionOrder,
        ServedDoc::Surcharge => DocKind::Surcharge,
        ServedDoc::DutyOrder => DocKind::DutyOrder,
        ServedDoc::DutyDemand => DocKind::DutyDemand,
        ServedDoc::EnforcementDecision => DocKind::EnforcementDecision,
        ServedDoc::SubstituteDecision => DocKind::SubstituteDecision,
    }
}

/// The prior notice's title. Where the hearing right applies one notice carries it beside
/// the statement right, titled so (行政处罚法第六十三条、第六十四条第（一）项); the file
/// then holds no second 听证告知书 that would need a service of its own.
pub(crate) fn notice_title(case: &Case) -> &'static str {
    if case.notice.as_ref().is_some_and(|n| n.hearing_right) {
        "行政处罚（听证）告知书"
    } else {
        DocKind::PriorNotice.name()
    }
}

/// The title a served document prints under (the notice's depends on the hearing right).
pub(crate) fn served_title(ctx: &DocCtx<'_>, doc: ServedDoc) -> &'static str {
    match served_kind(ctx, doc) {
        DocKind::PriorNotice => notice_title(ctx.case),
        kind => kind.name(),
    }
}

/// `当场行政处罚决定书 合综执当罚〔2026〕1号`, as a receipt names what it served.
pub(crate) fn served_doc_title(ctx: &DocCtx<'_>, doc: ServedDoc) -> String {
    let kind = served_kind(ctx, doc);
    let specific = ctx
        .case
        .duty
        .as_ref()
        .filter(|_| kind == DocKind::DutyOrder)
        .map(|o| format!("{}决定书", o.kind.name()));
    let title = specific.as_deref().unwrap_or(served_title(ctx, doc));
    match kind.code().and_then(|c| ctx.number(c)) {
        Some(n) => format!("{title} {n}"),
        None => title.to_string(),
    }
}

impl Case {
    pub(crate) fn procedure_general(&self) -> bool {
        self.procedure == crate::case::Procedure::General
    }

    pub(crate) fn records_of(&self, kind: RecordKind) -> usize {
        self.records.iter().filter(|r| r.kind == kind).count()
    }
}

/// What the party owed on a day, by the case's own arithmetic.
pub(crate) struct Owed {
    pub paid: Fen,
    /// The fine not yet paid.
    pub unpaid: Fen,
    /// 加处罚款 to that day ([`gates::outstanding_surcharge`]).
    pub surcharge: Fen,
}

impl Owed {
    pub fn total(&self) -> Fen {
        Fen(self.unpaid.0 + self.surcharge.0)
    }
}

/// What the party owed on `on`: the case as it stood that day (the payments made by then)
/// through the one surcharge computation the workflow uses, so a paper never states an
/// amount of its own. A payment registered late but dated earlier counts from its date.
pub(crate) fn owed_on(ctx: &DocCtx<'_>, doc: DocKind, on: NaiveDate) -> Result<Owed, DocError> {
    let mut then = ctx.case.clone();
    then.payments.retain(|p| p.date <= on);
    let surcharge = gates::outstanding_surcharge(&then, on, ctx.calendar).map_err(|e| {
        DocError::Uncountable {
            doc: doc.name(),
            reason: e.message,
        }
    })?;
    let paid = then.paid();
    Ok(Owed {
        paid,
        unpaid: Fen((then.fine_due().0 - paid.0).max(0)),
        surcharge,
    })
}

/// Where the party pays: the decision's bank, account or e-payment (罚缴分离, 行政处罚法
/// Art 67), else the agency's collecting bank and account.
pub(crate) fn payment_place(ctx: &DocCtx<'_>) -> String {
    let a = ctx.agency;
    let (bank, account) = (a.payment_bank.trim(), a.payment_account.trim());
    match ctx.case.decision.as_ref().map(|d| d.payment_place.trim()) {
        Some(p) if !p.is_empty() => p.to_string(),
        _ if !bank.is_empty() && !account.is_empty() => format!("{bank}（账号：{account}）"),
        _ if !bank.is_empty() => bank.to_string(),
        // Never the agency itself: the one who fines does not collect (Art 67 para 1).
        _ => "指定的银行或者通过电子支付系统".to_string(),
    }
}
