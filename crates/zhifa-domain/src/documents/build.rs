//! Builds each document of a case from its records: the dispatcher and the 立案 and 调查取证
//! documents (the shared pieces are in `common`).

use super::common::*;
use super::shared;
use super::{
    build_duty, build_execution, build_goods, build_review, build_substitute, DocCtx, DocError,
    DocKind, DocState, Paper,
};
use crate::case::{Case, Party, RecordKind, ServedDoc};
use crate::serde_name;

/// Every instance of `kind` the case has (one per 笔录, per service …), ready to print.
/// A decision that fails the statutory check is refused here, never printed.
pub fn build(kind: DocKind, ctx: &DocCtx<'_>) -> Result<Vec<Paper>, DocError> {
    // Exhaustive on purpose: a document added to the `kinds!` table does not compile until
    // it has its builder here.
    let papers = match kind {
        // Printed from a lead, an inspection or a draw (`lead`, `inspection`), never a case.
        DocKind::LeadRegister
        | DocKind::LeadReport
        | DocKind::LeadTransfer
        | DocKind::DrawRecord
        | DocKind::NotFiling => Vec::new(),
        DocKind::FilingForm => filing(ctx),
        DocKind::InspectionRecord | DocKind::InquiryRecord => records(ctx, kind),
        DocKind::CorrectionOrder => correction(ctx),
        DocKind::Preservation => preservations(ctx),
        DocKind::Seizure => seizures(ctx),
        DocKind::InvestigationReport => build_review::report(ctx),
        DocKind::LegalReview => build_review::legal_reviews(ctx),
        DocKind::Discussion => build_review::discussions(ctx),
        DocKind::PriorNotice => build_review::notice(ctx),
        DocKind::HearingNotice => build_review::hearing_notice(ctx),
        DocKind::HearingRecord => build_review::hearing_record(ctx),
        DocKind::StatementRecord => statement_papers(ctx),
        DocKind::Decision | DocKind::OnSpotDecision => build_review::decision(ctx, kind)?,
        DocKind::NoPenaltyDecision => build_review::no_penalty(ctx),
        DocKind::ServiceReceipt => build_execution::receipts(ctx),
        DocKind::PaymentPlan => build_execution::plan(ctx),
        DocKind::Demand => build_execution::demands(ctx)?,
        DocKind::Surcharge => build_execution::surcharge(ctx)?,
        DocKind::CourtApplication => build_execution::court(ctx)?,
        DocKind::Transfer => build_execution::transfer(ctx),
        DocKind::DutyOrder => build_duty::order(ctx)?,
        DocKind::DutyDemand => build_duty::demand(ctx),
        DocKind::EnforcementDecision => build_duty::decision(ctx)?,
        DocKind::DemolitionNotice => build_duty::notice(ctx)?,
        DocKind::SubstituteDecision => build_substitute::decision(ctx)?,
        DocKind::SubstituteDemand => build_substitute::demand(ctx),
        DocKind::ImmediateNotice => build_substitute::immediate_notice(ctx)?,
        DocKind::EnforcementAgreement => build_duty::agreement(ctx),
        DocKind::EnforcementRecord => build_duty::records(ctx),
        DocKind::GoodsList => build_goods::list(ctx),
        DocKind::GoodsDisposal => build_goods::disposal(ctx),
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
    if kind == DocKind::NotFiling {
        return "不予立案审批表由不予立案的线索打印（zhifa lead print 线索编号 --doc not-filing）；\
                案件未获批准立案的，负责人的意见载于立案审批表";
    }
    match kind.phase() {
        super::Phase::Intake => {
            "该文书属于线索或检查，请从线索或检查记录打印（zhifa lead print、zhifa inspect print）"
        }
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
    let enforcement = case.duty.as_ref().map(|d| &d.enforcement);
    let count = |k: DocKind| -> usize {
        match k {
            DocKind::LeadRegister
            | DocKind::LeadReport
            | DocKind::LeadTransfer
            | DocKind::DrawRecord
            | DocKind::NotFiling => 0,
            DocKind::FilingForm => usize::from(case.procedure_general()),
            DocKind::InspectionRecord => case.records_of(RecordKind::Inspection),
            DocKind::InquiryRecord => case.records_of(RecordKind::Inquiry),
            DocKind::CorrectionOrder => usize::from(case.correction_notice.is_some()),
            DocKind::Preservation => case.preservations.len(),
            DocKind::Seizure => case.seizures.len(),
            DocKind::InvestigationReport => {
                usize::from(case.proposal.is_some() && case.procedure_general())
            }
            DocKind::LegalReview => case.legal_reviews.len(),
            DocKind::Discussion => case.discussions.len(),
            DocKind::PriorNotice => usize::from(case.notice.is_some()),
            DocKind::HearingNotice => usize::from(
                case.hearing
                    .as_ref()
                    .is_some_and(|h| h.notified_on.is_some()),
            ),
            // A held hearing has one 笔录 (its 听证-kind records print inside it).
            DocKind::HearingRecord => {
                if case.hearing.as_ref().is_some_and(|h| h.held_on.is_some()) {
                    1
                } else {
                    case.records_of(RecordKind::Hearing)
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
            DocKind::Surcharge => usize::from(case.surcharge_demand().is_some()),
            DocKind::CourtApplication => usize::from(case.court.is_some()),
            DocKind::Transfer => usize::from(matches!(
                case.outcome,
                Some(crate::case::Outcome::Transferred { .. })
            )),
            DocKind::DutyOrder => usize::from(case.duty.is_some()),
            DocKind::DutyDemand => usize::from(enforcement.is_some_and(|e| e.demand.is_some())),
            DocKind::EnforcementDecision => {
                usize::from(enforcement.is_some_and(|e| e.decision.is_some()))
            }
            DocKind::DemolitionNotice => {
                usize::from(enforcement.is_some_and(|e| e.public_notice.is_some()))
            }
            DocKind::SubstituteDecision => {
                usize::from(enforcement.is_some_and(|e| e.substitute.is_some()))
            }
            DocKind::SubstituteDemand => usize::from(
                enforcement
                    .is_some_and(|e| e.substitute.as_ref().is_some_and(|s| s.demand_on.is_some())),
            ),
            // Only a party who was absent is notified afterwards (行政强制法第五十二条).
            DocKind::ImmediateNotice => usize::from(enforcement.is_some_and(|e| {
                e.immediate
                    .as_ref()
                    .is_some_and(|i| !i.party_present && i.notified_on.is_some())
            })),
            DocKind::EnforcementAgreement => {
                usize::from(enforcement.is_some_and(|e| e.agreement.is_some()))
            }
            DocKind::EnforcementRecord => enforcement.map_or(0, |e| e.days.len()),
            DocKind::GoodsList => usize::from(!case.goods.is_empty()),
            DocKind::GoodsDisposal => {
                usize::from(case.goods.iter().any(|g| !g.movements.is_empty()))
            }
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
    let served = |d: ServedDoc| match case.served(d) {
        Some(s) => DocState::Served(s.served_on),
        None => DocState::Unserved,
    };
    match kind {
        DocKind::PriorNotice => served(ServedDoc::Notice),
        DocKind::HearingNotice => served(ServedDoc::HearingNotice),
        DocKind::Decision => served(ServedDoc::Decision),
        DocKind::CorrectionOrder => served(ServedDoc::CorrectionOrder),
        DocKind::Surcharge => served(ServedDoc::Surcharge),
        DocKind::NoPenaltyDecision => served(ServedDoc::NoPenaltyDecision),
        DocKind::Demand => served(ServedDoc::Demand),
        DocKind::DutyOrder => served(ServedDoc::DutyOrder),
        DocKind::DutyDemand => served(ServedDoc::DutyDemand),
        DocKind::EnforcementDecision => served(ServedDoc::EnforcementDecision),
        DocKind::SubstituteDecision => served(ServedDoc::SubstituteDecision),
        // Posted, not served (行政强制法第四十四条); the others are records or notices
        // handed over with the record.
        DocKind::DemolitionNotice
        | DocKind::SubstituteDemand
        | DocKind::ImmediateNotice
        | DocKind::EnforcementAgreement
        | DocKind::EnforcementRecord
        | DocKind::GoodsList
        | DocKind::GoodsDisposal => DocState::Internal,
        // Handed over on the spot and signed for (行政处罚法第五十二条第一款).
        DocKind::OnSpotDecision => match &case.decision {
            Some(d) => DocState::Served(d.date),
            None => DocState::Unserved,
        },
        DocKind::ServiceReceipt
        | DocKind::InspectionRecord
        | DocKind::InquiryRecord
        | DocKind::HearingRecord
        | DocKind::StatementRecord
        | DocKind::FilingForm
        | DocKind::NotFiling
        | DocKind::LeadRegister
        | DocKind::LeadReport
        | DocKind::LeadTransfer
        | DocKind::DrawRecord
        | DocKind::ClosingForm
        | DocKind::LegalReview
        | DocKind::Discussion
        | DocKind::InvestigationReport
        | DocKind::Preservation
        | DocKind::Seizure
        | DocKind::PaymentPlan
        | DocKind::CourtApplication
        | DocKind::Transfer
        | DocKind::Cover
        | DocKind::Contents
        | DocKind::Notes => DocState::Internal,
    }
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
    let approval = case.filing.as_ref().map(|a| {
        let opinion = if a.opinion.trim().is_empty() {
            if a.agree {
                "同意立案。"
            } else {
                "不同意立案。"
            }
            .to_string()
        } else {
            a.opinion.clone()
        };
        (opinion, ctx.name(a.by), a.date)
    });
    shared::approval_sheet(
        &mut p,
        shared::ApprovalSheet {
            rows,
            sections: vec![("案件基本情况", case.facts.clone())],
            opinion: format!(
                "经初步核实，当事人涉嫌违反{}，符合立案条件，建议立案调查。",
                violated(case)
            ),
            signers: case
                .handlers
                .iter()
                .map(|h| format!("承办人：{}    {}", ctx.label(*h), date(case.proposed_on)))
                .collect(),
            approval,
        },
    );
    vec![p]
}

fn records(ctx: &DocCtx<'_>, kind: DocKind) -> Vec<Paper> {
    let rk = if kind == DocKind::InquiryRecord {
        RecordKind::Inquiry
    } else {
        RecordKind::Inspection
    };
    record_papers(ctx, kind, rk)
}

/// 责令（限期）改正通知书 (行政处罚法第二十八条第一款), dated the day it was issued: what
/// to correct, by which day, and the legal basis from the case's power.
fn correction(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    let Some(n) = &case.correction_notice else {
        return Vec::new();
    };
    let you = you(case);
    let mut p = numbered(ctx, DocKind::CorrectionOrder);
    shared::correction_order(
        &mut p,
        ctx.agency,
        shared::CorrectionOrder {
            addressee: party_names(case),
            you,
            found: format!(
                "经查，{}在{}：{}{you}的行为违反了{}的规定。",
                date(case.act_date),
                case.place,
                sentence(&case.facts),
                violated(case)
            ),
            basis: Some(cite(&case.power.power.penalty)),
            content: &n.content,
            deadline: n.deadline,
            recheck_on: None,
            contact: ctx.names(&case.handlers),
            date: n.date,
        },
    );
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
            // The granting provision first (行政强制法第十条、第十七条), then the procedure.
            let grants = case.power.power.coercive_bases();
            let basis = if grants.is_empty() {
                String::new()
            } else {
                format!("{}和", crate::catalog::cite_provisions(grants))
            };
            p.para(format!(
                "因{}涉嫌{}，依据{basis}《中华人民共和国行政强制法》第二十四条的规定，\
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
            p.para(super::check::remedy_text(ctx.agency, false));
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
