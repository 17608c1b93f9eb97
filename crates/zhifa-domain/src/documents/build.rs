//! Builds each document of a case from its records: the dispatcher, the shared pieces
//! (party details, citations) and the 立案 and 调查取证 documents.

use super::{build_execution, build_review, DocCtx, DocError, DocKind, DocState, Paper};
use crate::case::{Case, Decision, Outcome, Party, RecordKind, ServedDoc, Signature};
use crate::catalog::cite_provisions;
use crate::catalog::Provision;
use crate::chinese;
use crate::serde_name;

/// Every instance of `kind` the case has (one per 笔录, per service …), ready to print.
/// A decision that fails the statutory check is refused here, never printed.
pub fn build(kind: DocKind, ctx: &DocCtx<'_>) -> Result<Vec<Paper>, DocError> {
    // Exhaustive on purpose: a document added to the `kinds!` table does not compile until
    // it has its builder here.
    let papers = match kind {
        DocKind::FilingForm => filing(ctx),
        DocKind::InspectionRecord | DocKind::InquiryRecord => records(ctx, kind),
        DocKind::CorrectionOrder => correction(ctx),
        DocKind::Preservation => preservations(ctx),
        DocKind::Seizure => seizures(ctx),
        DocKind::InvestigationReport => build_review::report(ctx),
        DocKind::LegalReview => build_review::legal_reviews(ctx),
        DocKind::Discussion => build_review::discussions(ctx),
        DocKind::PriorNotice => build_review::notice(ctx, false),
        DocKind::HearingRightNotice => build_review::notice(ctx, true),
        DocKind::HearingNotice => build_review::hearing_notice(ctx),
        DocKind::HearingRecord => build_review::hearing_record(ctx),
        DocKind::StatementRecord => statement_papers(ctx),
        DocKind::Decision | DocKind::OnSpotDecision => build_review::decision(ctx, kind)?,
        DocKind::NoPenaltyDecision => build_review::no_penalty(ctx),
        DocKind::ServiceReceipt => build_execution::receipts(ctx),
        DocKind::PaymentPlan => build_execution::plan(ctx),
        DocKind::Demand => build_execution::demands(ctx),
        DocKind::Surcharge => build_execution::surcharge(ctx),
        DocKind::CourtApplication => build_execution::court(ctx),
        DocKind::Transfer => build_execution::transfer(ctx),
        DocKind::ClosingForm => build_execution::closing(ctx),
        // The binding sheets exist once the case has its number.
        DocKind::Cover => ctx
            .case
            .serial
            .map(|_| build_execution::cover(ctx))
            .into_iter()
            .collect(),
        // Its page numbers come from laying out the whole file, which the renderer does
        // (`documents::Loaded::binding_sheet`); the core has no page measure to guess with.
        DocKind::Contents => match ctx.case.serial {
            Some(_) => return Err(DocError::NeedsLayout(DocKind::Contents.name())),
            None => Vec::new(),
        },
        DocKind::Notes => ctx
            .case
            .serial
            .map(|_| build_execution::notes(ctx, 0, 0))
            .into_iter()
            .collect(),
    };
    if papers.is_empty() {
        return Err(DocError::NotApplicable(kind.name(), why_not(kind).into()));
    }
    Ok(papers)
}

fn why_not(kind: DocKind) -> &'static str {
    match kind.phase() {
        super::Phase::Filing => "案件尚未提请立案",
        super::Phase::Investigation => "调查中没有相应的记录",
        super::Phase::Review => "审查阶段没有相应的记录",
        super::Phase::Notice => "尚未办理相应的告知、听证或陈述申辩",
        super::Phase::Decision => "尚未作出相应的决定",
        super::Phase::Service => "尚无送达记录",
        super::Phase::Execution => "执行中没有相应的记录",
        super::Phase::Closing => "尚未提请结案",
        super::Phase::Binding => "案件尚无文书",
    }
}

/// The documents this case has, in case-file order, with how many of each and their state.
pub fn documents(case: &Case) -> Vec<(DocKind, usize, DocState)> {
    let count = |k: DocKind| -> usize {
        match k {
            DocKind::FilingForm => usize::from(case.procedure_general()),
            DocKind::InspectionRecord => case.records_of(RecordKind::Inspection),
            DocKind::InquiryRecord => case.records_of(RecordKind::Inquiry),
            DocKind::CorrectionOrder => usize::from(
                penalty_decision(case).is_some_and(|d| !d.correction_order.trim().is_empty()),
            ),
            DocKind::Preservation => case.preservations.len(),
            DocKind::Seizure => case.seizures.len(),
            DocKind::InvestigationReport => {
                usize::from(case.proposal.is_some() && case.procedure_general())
            }
            DocKind::LegalReview => case.legal_reviews.len(),
            DocKind::Discussion => case.discussions.len(),
            DocKind::PriorNotice => usize::from(case.notice.is_some()),
            DocKind::HearingRightNotice => {
                usize::from(case.notice.as_ref().is_some_and(|n| n.hearing_right))
            }
            DocKind::HearingNotice => usize::from(
                case.hearing
                    .as_ref()
                    .is_some_and(|h| h.notified_on.is_some()),
            ),
            DocKind::HearingRecord => {
                let recs = case.records_of(RecordKind::Hearing);
                if recs == 0 && case.hearing.as_ref().is_some_and(|h| h.held_on.is_some()) {
                    1
                } else {
                    recs
                }
            }
            DocKind::StatementRecord => case
                .records_of(RecordKind::Statement)
                .max(case.statements.len()),
            DocKind::Decision => {
                usize::from(penalty_decision(case).is_some() && case.procedure_general())
            }
            DocKind::OnSpotDecision => {
                usize::from(penalty_decision(case).is_some() && !case.procedure_general())
            }
            DocKind::NoPenaltyDecision => usize::from(no_penalty_decided(case)),
            DocKind::ServiceReceipt => case.services.len(),
            DocKind::PaymentPlan => usize::from(case.plan.is_some()),
            DocKind::Demand => case.demands.len(),
            DocKind::Surcharge => usize::from(case.demands.iter().any(|d| d.surcharge.0 > 0)),
            DocKind::CourtApplication => usize::from(case.court.is_some()),
            DocKind::Transfer => usize::from(matches!(
                case.outcome,
                Some(crate::case::Outcome::Transferred { .. })
            )),
            DocKind::ClosingForm => usize::from(case.closing_proposed_on.is_some()),
            DocKind::Cover | DocKind::Contents | DocKind::Notes => {
                usize::from(case.serial.is_some())
            }
        }
    };
    DocKind::ALL
        .iter()
        .map(|k| (*k, count(*k)))
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| (k, n, state(case, k)))
        .collect()
}

fn state(case: &Case, kind: DocKind) -> DocState {
    let served = |d: ServedDoc| case.served(d).is_some();
    let done = match kind {
        DocKind::PriorNotice | DocKind::HearingRightNotice => served(ServedDoc::Notice),
        DocKind::HearingNotice => served(ServedDoc::HearingNotice),
        DocKind::Decision | DocKind::CorrectionOrder => served(ServedDoc::Decision),
        DocKind::NoPenaltyDecision => served(ServedDoc::NoPenaltyDecision),
        DocKind::Demand | DocKind::Surcharge => served(ServedDoc::Demand),
        // Handed over and signed on the spot (Art 52).
        DocKind::OnSpotDecision | DocKind::ServiceReceipt => true,
        DocKind::InspectionRecord
        | DocKind::InquiryRecord
        | DocKind::HearingRecord
        | DocKind::StatementRecord => !case.records.is_empty(),
        DocKind::FilingForm => case.filing.is_some(),
        DocKind::ClosingForm => case.closing.is_some(),
        DocKind::LegalReview | DocKind::Discussion | DocKind::InvestigationReport => true,
        DocKind::Preservation | DocKind::Seizure | DocKind::PaymentPlan => true,
        DocKind::CourtApplication | DocKind::Transfer => true,
        DocKind::Cover | DocKind::Contents | DocKind::Notes => case.archive.is_some(),
    };
    if done {
        DocState::SignedServed
    } else {
        DocState::Due
    }
}

impl Case {
    fn procedure_general(&self) -> bool {
        self.procedure == crate::case::Procedure::General
    }

    fn records_of(&self, kind: RecordKind) -> usize {
        self.records.iter().filter(|r| r.kind == kind).count()
    }
}

/// The decision record when it imposes a penalty. A 不予处罚 case holds a decision record
/// too (no kinds, no fine): it is the 不予行政处罚决定, never a 行政处罚决定书.
pub(super) fn penalty_decision(case: &Case) -> Option<&Decision> {
    case.decision.as_ref().filter(|_| !no_penalty_outcome(case))
}

/// The case ends without a penalty: 不予处罚 (Art 30, 31, 33) or facts not established
/// (Art 57 para 1 item 3); both are decided by a 不予行政处罚决定书.
pub(super) fn no_penalty_outcome(case: &Case) -> bool {
    matches!(
        case.outcome,
        Some(Outcome::NoPenalty { .. } | Outcome::NotEstablished)
    )
}

/// The head has reviewed the case and decided no penalty.
fn no_penalty_decided(case: &Case) -> bool {
    no_penalty_outcome(case) && case.review_outcome.is_some()
}

/// `你`, `你单位` or `你们`, as the party is addressed (a form's `你（单位）` resolved).
pub(super) fn you(case: &Case) -> &'static str {
    match case.parties.as_slice() {
        [Party::Organisation(_)] => "你单位",
        [_] => "你",
        _ => "你们",
    }
}

/// `text` as a sentence: trimmed, ending with `。` (or the `！？；` it already has).
pub(super) fn sentence(text: &str) -> String {
    let t = text.trim().trim_end_matches(['，', ',', '、', '；', ';']);
    if t.is_empty() || t.ends_with(['。', '！', '？', '.', '!', '?']) {
        t.to_string()
    } else {
        format!("{t}。")
    }
}

/// A correction order as the object of `责令`: `停止焚烧，清理现场` (a leading 责令 dropped,
/// so the paper never reads 责令责令).
pub(super) fn correction_object(order: &str) -> String {
    let t = order.trim().trim_end_matches('。');
    t.strip_prefix("责令").unwrap_or(t).trim().to_string()
}

/// `《中华人民共和国大气污染防治法》第一百一十九条第一款`.
pub(super) fn cite(p: &Provision) -> String {
    p.citation()
}

/// The violated provisions as one citation, each statute's title once.
pub(super) fn violated(case: &Case) -> String {
    cite_provisions(&case.power.power.violated)
}

pub(super) fn date(d: chrono::NaiveDate) -> String {
    chinese::date(d)
}

/// `刘某`, `刘某、王某`.
pub(super) fn party_names(case: &Case) -> String {
    case.parties
        .iter()
        .map(Party::display_name)
        .collect::<Vec<_>>()
        .join("、")
}

/// 案件名称: `刘某在禁止区域内露天焚烧秸秆案`.
pub(super) fn case_name(case: &Case) -> String {
    format!("{}{}案", party_names(case), cause(case))
}

/// 案由: the power's name without the catalog's `对……的处罚` frame.
pub(super) fn cause(case: &Case) -> String {
    let name = case.power.power.name.trim();
    let name = name.strip_prefix('对').unwrap_or(name);
    let name = name
        .strip_suffix("的行政处罚")
        .or_else(|| name.strip_suffix("的处罚"))
        .unwrap_or(name);
    name.to_string()
}

/// The party's particulars as the decision forms list them (legal-rules.md §4.2; the
/// Guangxi 2024 rule for natural persons and individual businesses).
pub(super) fn party_rows(case: &Case, on: chrono::NaiveDate) -> Vec<(String, String)> {
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

fn filing(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    if !case.procedure_general() {
        return Vec::new();
    }
    let mut p = numbered(ctx, DocKind::FilingForm);
    p.date = date(case.proposed_on);
    let first = case.parties.first();
    let mut rows = vec![
        ("案由".to_string(), cause(case)),
        ("案件名称".to_string(), case_name(case)),
        ("案件来源".to_string(), serde_name(&case.source)),
        ("案件发生时间".to_string(), date(case.act_date)),
        ("案件发生地点".to_string(), case.place.clone()),
        ("当事人".to_string(), party_names(case)),
    ];
    if let Some(party) = first {
        let phone = match party {
            Party::Person(x) => x.phone.clone(),
            Party::Organisation(o) => o.phone.clone(),
            Party::Business(b) => b.operator.phone.clone(),
        };
        let rep = match party {
            Party::Organisation(o) => o.legal_rep.clone(),
            Party::Business(b) => b.operator.name.clone(),
            Party::Person(_) => "—".into(),
        };
        rows.push(("电话".into(), phone));
        rows.push(("法定代表人或负责人".into(), rep));
        rows.push(("地址".into(), party.address().to_string()));
    }
    p.fields(rows);
    p.heading("案件基本情况");
    p.para(case.facts.clone());
    p.heading("承办人意见");
    p.para(format!(
        "经初步核实，当事人涉嫌违反{}，符合立案条件，建议立案调查。",
        violated(case)
    ));
    p.signatures(
        case.handlers
            .iter()
            .map(|h| format!("承办人：{}    {}", ctx.label(*h), date(case.proposed_on))),
    );
    if let Some(a) = &case.filing {
        p.heading("审批意见");
        p.para(if a.opinion.trim().is_empty() {
            if a.agree {
                "同意立案。"
            } else {
                "不同意立案。"
            }
            .to_string()
        } else {
            a.opinion.clone()
        });
        p.signatures([format!("负责人：{}    {}", ctx.name(a.by), date(a.date))]);
    }
    vec![p]
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

/// 现场检查(勘验)笔录, 询问笔录, 听证笔录, 陈述申辩笔录: one paper per record.
pub(super) fn record_papers(ctx: &DocCtx<'_>, kind: DocKind, rk: RecordKind) -> Vec<Paper> {
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
                p.para(format!(
                    "执法人员出示了行政执法证件，表明身份，告知了当事人依法享有的权利，{}。",
                    if rk == RecordKind::Inquiry {
                        "被询问人应当如实回答询问"
                    } else {
                        "进行现场检查"
                    }
                ));
            }
            p.heading("记录");
            for line in r.content.lines().filter(|l| !l.trim().is_empty()) {
                p.para(line.trim().to_string());
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

fn records(ctx: &DocCtx<'_>, kind: DocKind) -> Vec<Paper> {
    let rk = if kind == DocKind::InquiryRecord {
        RecordKind::Inquiry
    } else {
        RecordKind::Inspection
    };
    record_papers(ctx, kind, rk)
}

fn correction(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    let Some(d) = penalty_decision(case).filter(|d| !d.correction_order.trim().is_empty()) else {
        return Vec::new();
    };
    let mut p = numbered(ctx, DocKind::CorrectionOrder);
    p.date = date(d.date);
    p.para(format!("{}：", party_names(case)));
    p.para(format!(
        "经查，{}在{}：{}{}的行为违反了{}的规定。",
        date(case.act_date),
        case.place,
        sentence(&case.facts),
        you(case),
        violated(case)
    ));
    p.para(format!(
        "依据《中华人民共和国行政处罚法》第二十八条第一款和{}的规定，现责令{}：{}。",
        cite(&case.power.power.penalty),
        you(case),
        correction_object(&d.correction_order)
    ));
    p.para(super::check::remedy_text(ctx, false));
    p.closing(&ctx.agency.full_name, &date(d.date));
    vec![p]
}

/// A paper of `kind` carrying the agency's name and the case's number for that kind.
fn numbered(ctx: &DocCtx<'_>, kind: DocKind) -> Paper {
    Paper::new(
        kind,
        &ctx.agency.full_name,
        ctx.number(kind.code().unwrap_or_default()),
    )
}

/// The non-empty lines of an item list as numbered table rows (序号, text).
fn numbered_lines(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| vec![(i + 1).to_string(), l.trim().to_string()])
        .collect()
}

fn preservations(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    case.preservations
        .iter()
        .map(|s| {
            let mut p = numbered(ctx, DocKind::Preservation);
            p.date = date(s.date);
            p.para(format!("{}：", party_names(case)));
            p.para(format!(
                "因调查{}，在证据可能灭失或者以后难以取得的情况下，经本机关负责人{}批准，\
                 依据《中华人民共和国行政处罚法》第五十六条的规定，决定对下列物品先行登记保存。\
                 在此期间，当事人或者有关人员不得损毁、销毁或者转移证据。本机关将在七日内作出处理决定。",
                case_name(case),
                ctx.name(s.approved_by)
            ));
            p.heading("先行登记保存物品清单");
            p.table(
                &["序号", "名称、规格、数量"],
                numbered_lines(&s.items),
            );
            if let (Some(on), Some(dec)) = (s.decided_on, &s.decision) {
                p.para(format!("处理决定（{}）：{}", date(on), dec));
            }
            p.signatures(["当事人（签名）：", "执法人员（签名）："]);
            p.closing(&ctx.agency.full_name, &date(s.date));
            p
        })
        .collect()
}

fn seizures(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    case.seizures
        .iter()
        .map(|s| {
            let mut p = numbered(ctx, DocKind::Seizure);
            p.date = date(s.date);
            let end = s.date + chrono::Days::new(u64::from(s.days + s.extended_days));
            p.para(format!("{}：", party_names(case)));
            p.para(format!(
                "因{}涉嫌{}，依据《中华人民共和国行政强制法》第二十四条的规定，\
                 经本机关负责人{}批准，决定对下列场所、设施或者财物予以查封、扣押。",
                you(case),
                cause(case),
                ctx.name(s.approved_by)
            ));
            p.fields([
                (
                    "查封、扣押期限",
                    format!(
                        "{}起{}日（至{}）",
                        date(s.date),
                        s.days + s.extended_days,
                        date(end)
                    ),
                ),
                (
                    "检测、检验、检疫或者技术鉴定期间（不计入期限）",
                    format!("{}日", s.excluded_days),
                ),
            ]);
            p.heading("查封、扣押清单");
            p.table(&["序号", "名称、规格、数量"], numbered_lines(&s.items));
            p.para(super::check::remedy_text(ctx, false));
            p.signatures(["当事人（签名）：", "执法人员（签名）："]);
            p.closing(&ctx.agency.full_name, &date(s.date));
            p
        })
        .collect()
}

/// The statement-defence record when it was kept as a 笔录, or the statements the case has.
pub(super) fn statement_papers(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let recs = record_papers(ctx, DocKind::StatementRecord, RecordKind::Statement);
    if !recs.is_empty() {
        return recs;
    }
    let case = ctx.case;
    case.statements
        .iter()
        .map(|s| {
            let mut p = Paper::new(DocKind::StatementRecord, &ctx.agency.full_name, None);
            p.date = date(s.date);
            p.fields([
                ("案件名称", case_name(case)),
                ("时间", date(s.date)),
                ("陈述申辩人", party_names(case)),
                ("承办人", ctx.labels(&case.handlers)),
            ]);
            p.heading("陈述申辩内容");
            p.para(s.content.clone());
            p.heading("复核意见");
            p.para(format!(
                "{}（{}）",
                s.reexamination,
                if s.adopted { "采纳" } else { "不予采纳" }
            ));
            p.signatures([
                "陈述申辩人（签名）：",
                "承办人（签名）：",
                "记录人（签名）：",
            ]);
            p
        })
        .collect()
}

/// The document a service record served: an on-the-spot case's decision is the
/// 当场行政处罚决定书, a 不予处罚 case's the 不予行政处罚决定书.
pub(super) fn served_kind(ctx: &DocCtx<'_>, doc: ServedDoc) -> DocKind {
    match doc {
        ServedDoc::Notice => DocKind::PriorNotice,
        ServedDoc::HearingNotice => DocKind::HearingNotice,
        ServedDoc::Decision if no_penalty_outcome(ctx.case) => DocKind::NoPenaltyDecision,
        ServedDoc::Decision if !ctx.case.procedure_general() => DocKind::OnSpotDecision,
        ServedDoc::Decision => DocKind::Decision,
        ServedDoc::NoPenaltyDecision => DocKind::NoPenaltyDecision,
        ServedDoc::Demand => DocKind::Demand,
    }
}

/// `当场行政处罚决定书 合综执当罚〔2026〕1号`, as a receipt names what it served.
pub(super) fn served_doc_title(ctx: &DocCtx<'_>, doc: ServedDoc) -> String {
    let kind = served_kind(ctx, doc);
    match kind.code().and_then(|c| ctx.number(c)) {
        Some(n) => format!("{} {n}", kind.name()),
        None => kind.name().to_string(),
    }
}
