//! The papers of a lead (线索), before any case: the 案件来源登记表, the 线索核查报告, the
//! 不予立案审批表 (the approval sheet a case's 立案审批表 is laid out by) and the 案件移送函
//! (the 移送 sentence of the case's 案件移送书). All of them are internal papers or go to
//! another authority, so they may name the reporter; the register and the report do (masked
//! unless the caller asks, and records, the full view). What the party sees never does
//! (`lead::printing::for_party`, used by the inspection papers).

use std::collections::BTreeMap;

use super::common::{date, sentence};
use super::{shared, staff, DocError, DocKind, Paper};
use crate::agency::Agency;
use crate::catalog::Power;
use crate::lead::printing::without_reporter;
use crate::lead::{shown_reporter, Lead, LeadOutcome, LeadSource};
use crate::people::User;

/// What a lead's papers are built from.
pub struct LeadDocCtx<'a> {
    pub lead: &'a Lead,
    /// `线索〔2026〕3号`.
    pub number: &'a str,
    /// The lead's year and serial, which the 移送函's own number takes.
    pub serial: (i32, u32),
    pub agency: &'a Agency,
    pub users: &'a BTreeMap<i64, User>,
    /// The catalog item the lead names (`power_code`), for its 案由.
    pub power: Option<&'a Power>,
    /// The reporter printed whole (the caller records that access in the audit log);
    /// otherwise masked as lists show it.
    pub full_reporter: bool,
}

impl LeadDocCtx<'_> {
    /// Text typed on the lead as this print shows it: whole when the reporter is printed in
    /// full, else with the reporter's name, numbers and address taken out, as the masked
    /// rows are.
    fn text(&self, typed: &str) -> String {
        if self.full_reporter {
            typed.to_string()
        } else {
            without_reporter(typed, &self.lead.reporter)
        }
    }
}

/// The papers this lead has now, in order.
pub fn lead_documents(lead: &Lead) -> Vec<DocKind> {
    let mut out = vec![DocKind::LeadRegister];
    if lead.findings_on().is_some() {
        out.push(DocKind::LeadReport);
    }
    match lead.outcome() {
        Some(LeadOutcome::NotFiled { .. }) => out.push(DocKind::NotFiling),
        Some(LeadOutcome::Transferred { .. }) => out.push(DocKind::LeadTransfer),
        _ => {}
    }
    out
}

/// One paper of the lead, or why the lead has none of that kind yet.
pub fn build_lead(kind: DocKind, ctx: &LeadDocCtx<'_>) -> Result<Paper, DocError> {
    let lead = ctx.lead;
    let none = |why: &str| DocError::NotApplicable(kind.name(), why.to_string());
    match kind {
        DocKind::LeadRegister => Ok(register(ctx)),
        DocKind::LeadReport => report(ctx).ok_or_else(|| none("线索尚未登记核查情况")),
        DocKind::NotFiling => match lead.outcome() {
            Some(LeadOutcome::NotFiled { reason }) => Ok(not_filing(ctx, reason)),
            _ => Err(none("线索未作不予立案处理")),
        },
        DocKind::LeadTransfer => match lead.outcome() {
            Some(LeadOutcome::Transferred {
                to,
                judicial,
                reason,
            }) => Ok(transfer(ctx, to, *judicial, reason)),
            _ => Err(none("线索未作移送处理")),
        },
        _ => Err(none(
            "该文书不属于线索；线索可打印案件来源登记表、线索核查报告、不予立案审批表、案件移送函",
        )),
    }
}

fn paper(ctx: &LeadDocCtx<'_>, kind: DocKind) -> Paper {
    Paper::new(kind, &ctx.agency.full_name, Some(ctx.number.to_string()))
}

/// `举报投诉（12345工单 20261203001）`.
fn source_text(source: &LeadSource) -> String {
    match source {
        LeadSource::Complaint { work_order } if !work_order.trim().is_empty() => {
            format!(
                "{}（12345工单 {}）",
                source.kind().name(),
                work_order.trim()
            )
        }
        _ => source.kind().name(),
    }
}

/// `HJ-001 露天焚烧秸秆`, or the code alone when the catalog no longer has it.
fn power_text(ctx: &LeadDocCtx<'_>) -> String {
    match (&ctx.lead.power_code, ctx.power) {
        (Some(code), Some(p)) => format!("{code} {}", p.cause()),
        (Some(code), None) => code.clone(),
        (None, _) => "尚未确定".to_string(),
    }
}

fn findings(lead: &Lead) -> Option<(chrono::NaiveDate, &str)> {
    lead.verification
        .as_ref()
        .and_then(|v| v.findings.as_ref())
        .map(|(d, f)| (*d, f.as_str()))
}

/// 案件来源登记表: where the matter came from, when and to whom, the reporter, the place,
/// what is alleged, the likely power, and the 负责人's handling opinion (who verifies).
fn register(ctx: &LeadDocCtx<'_>) -> Paper {
    let lead = ctx.lead;
    let mut p = paper(ctx, DocKind::LeadRegister);
    p.date = date(lead.received_on);
    let r = shown_reporter(&lead.reporter, ctx.full_reporter);
    let or_dash = |s: String| if s.is_empty() { "—".to_string() } else { s };
    let mut rows = vec![
        ("案件来源".to_string(), source_text(&lead.source)),
        (
            "收到时间".to_string(),
            format!("{} {}", date(lead.received_on), lead.received_time)
                .trim()
                .to_string(),
        ),
        (
            "登记人".to_string(),
            staff::name(ctx.users, lead.received_by),
        ),
        ("举报人".to_string(), r.name),
    ];
    if lead.reporter.is_named() {
        rows.push(("举报人电话".into(), or_dash(r.phone)));
        rows.push(("举报人身份证号码".into(), or_dash(r.id_number)));
        rows.push(("举报人地址".into(), or_dash(r.address)));
    }
    rows.push(("发生地点".into(), ctx.text(&lead.place)));
    rows.push(("可能涉及的事项".into(), power_text(ctx)));
    let files: Vec<&str> = lead
        .attachments
        .iter()
        .map(|a| a.file_name.as_str())
        .collect();
    rows.push((
        "附件".into(),
        if files.is_empty() {
            "无".into()
        } else {
            files.join("、")
        },
    ));
    p.fields(rows);
    p.heading("反映的问题");
    p.para(ctx.text(&lead.allegation));
    if lead.reporter.is_named() {
        p.para("举报人信息依法保密，不得在当事人可见的文书中载明。");
    }
    p.heading("负责人处理意见");
    match &lead.verification {
        Some(v) => {
            p.para(format!(
                "请{}核查，核查后提出处理意见。",
                staff::names(ctx.users, &v.officers)
            ));
            p.signatures([format!(
                "负责人：{}    {}",
                staff::name(ctx.users, v.assigned_by),
                date(v.assigned_on)
            )]);
        }
        None => {
            p.para("（尚未分派核查）");
            p.signatures(["负责人（签名）：    年  月  日"]);
        }
    }
    p.signatures([format!(
        "登记人：{}    {}",
        staff::name(ctx.users, lead.received_by),
        date(lead.received_on)
    )]);
    p
}

/// 线索核查报告: the two officers, the dates, the findings, the outcome proposed and its
/// reasons, and the 负责人's decision once made.
fn report(ctx: &LeadDocCtx<'_>) -> Option<Paper> {
    let lead = ctx.lead;
    let v = lead.verification.as_ref()?;
    let (found_on, found) = findings(lead)?;
    let mut p = paper(ctx, DocKind::LeadReport);
    p.date = date(found_on);
    let reporter = shown_reporter(&lead.reporter, ctx.full_reporter);
    p.fields([
        ("案件来源".to_string(), source_text(&lead.source)),
        ("收到日期".to_string(), date(lead.received_on)),
        ("举报人".to_string(), reporter.name),
        ("发生地点".to_string(), ctx.text(&lead.place)),
        ("可能涉及的事项".to_string(), power_text(ctx)),
        (
            "核查人员".to_string(),
            staff::labels(ctx.users, &v.officers),
        ),
        ("分派日期".to_string(), date(v.assigned_on)),
        ("核查完成日期".to_string(), date(found_on)),
    ]);
    p.heading("反映的问题");
    p.para(ctx.text(&lead.allegation));
    p.heading("核查情况");
    p.para(ctx.text(found));
    p.heading("处理建议及理由");
    p.para(match lead.outcome() {
        Some(o) => ctx.text(&proposal(o)),
        None => "（核查人员填写：立案、不予立案、移送、并案或告知，并说明理由）".to_string(),
    });
    p.signatures(v.officers.iter().map(|o| {
        format!(
            "核查人：{}    {}",
            staff::label(ctx.users, *o),
            date(found_on)
        )
    }));
    if let Some(d) = &lead.decision {
        p.heading("负责人审批意见");
        p.para(format!("同意{}。", d.outcome.kind().name()));
        p.signatures([format!(
            "负责人：{}    {}",
            staff::name(ctx.users, d.by),
            date(d.date)
        )]);
    }
    Some(p)
}

/// The outcome as the officers propose it, with its reason.
fn proposal(o: &LeadOutcome) -> String {
    let case = |id: i64, number: &str| {
        if number.is_empty() {
            format!("案件#{id}")
        } else {
            number.to_string()
        }
    };
    match o {
        LeadOutcome::Filed {
            case_id,
            case_number,
        } => format!(
            "经核查，反映的违法行为基本属实，符合立案条件（行政处罚法第五十四条），建议立案调查（{}）。",
            case(*case_id, case_number.as_str())
        ),
        LeadOutcome::NotFiled { reason } => {
            format!("建议不予立案。理由：{}", sentence(reason))
        }
        LeadOutcome::Transferred {
            to,
            judicial,
            reason,
        } => format!(
            "建议移送{to}{}。理由：{}",
            if *judicial { "（涉嫌犯罪）" } else { "" },
            sentence(reason)
        ),
        LeadOutcome::Merged {
            case_id,
            case_number,
        } => format!(
            "反映的问题属已立案件的同一违法行为，建议并入{}办理。",
            case(*case_id, case_number.as_str())
        ),
        LeadOutcome::Told { where_to } => format!(
            "反映的问题不属本机关管辖，建议告知举报人向{where_to}反映。"
        ),
    }
}

/// 不予立案审批表: the approval sheet of the case's 立案审批表, built from the lead.
fn not_filing(ctx: &LeadDocCtx<'_>, reason: &str) -> Paper {
    let lead = ctx.lead;
    let mut p = paper(ctx, DocKind::NotFiling);
    let decided = lead.decision.as_ref();
    p.date = decided.map(|d| date(d.date)).unwrap_or_default();
    let found = findings(lead);
    let found_on = found.map(|(d, _)| date(d)).unwrap_or_default();
    shared::approval_sheet(
        &mut p,
        shared::ApprovalSheet {
            rows: vec![
                ("案件来源".to_string(), source_text(&lead.source)),
                ("收到日期".to_string(), date(lead.received_on)),
                ("发生地点".to_string(), ctx.text(&lead.place)),
                ("可能涉及的事项".to_string(), power_text(ctx)),
            ],
            sections: vec![
                ("反映的问题", ctx.text(&lead.allegation)),
                (
                    "核查情况",
                    found.map(|(_, f)| ctx.text(f)).unwrap_or_default(),
                ),
            ],
            opinion: format!("建议不予立案。理由：{}", sentence(&ctx.text(reason))),
            signers: lead
                .officers()
                .iter()
                .map(|o| format!("承办人：{}    {found_on}", staff::label(ctx.users, *o)))
                .collect(),
            approval: decided.map(|d| {
                (
                    "同意不予立案。".to_string(),
                    staff::name(ctx.users, d.by),
                    d.date,
                )
            }),
        },
    );
    p
}

/// 案件移送函: to whom, the facts, the legal basis, the materials handed over. A suspected
/// crime goes under 行政处罚法第二十七条第一款 (the case's 案件移送书 says the same); a matter
/// outside the powers the township was given (第二十四条) goes to the department that has them.
fn transfer(ctx: &LeadDocCtx<'_>, to: &str, judicial: bool, reason: &str) -> Paper {
    let lead = ctx.lead;
    let number = crate::case::number::format(
        &ctx.agency.case_no_pattern,
        &ctx.agency.abbr,
        DocKind::LeadTransfer.code().unwrap_or_default(),
        ctx.serial.0,
        ctx.serial.1,
    );
    let mut p = Paper::new(DocKind::LeadTransfer, &ctx.agency.full_name, Some(number));
    let on = lead.decided_on().unwrap_or(lead.received_on);
    p.date = date(on);
    p.para(format!("{to}："));
    let facts = findings(lead).map_or(lead.allegation.as_str(), |(_, f)| f);
    p.para(shared::transfer_sentence(
        &format!("核查{}", ctx.number),
        &ctx.text(facts),
        if judicial {
            "第二十七条第一款"
        } else {
            "第二十四条"
        },
        "线索",
        judicial,
    ));
    p.para(format!("移送理由：{}", sentence(&ctx.text(reason))));
    p.heading("移送材料");
    let mut materials = vec![
        DocKind::LeadRegister.name().to_string(),
        DocKind::LeadReport.name().to_string(),
    ];
    materials.extend(lead.attachments.iter().map(|a| a.file_name.clone()));
    p.table(
        &["序号", "材料名称"],
        materials
            .into_iter()
            .enumerate()
            .map(|(i, m)| vec![(i + 1).to_string(), m])
            .collect(),
    );
    p.fields([
        ("联系人", staff::names(ctx.users, lead.officers())),
        ("联系电话", ctx.agency.phone.clone()),
    ]);
    p.signatures(["接收单位（签章）：", "接收人（签名）：    年  月  日"]);
    p.closing(&ctx.agency.full_name, &date(on));
    p
}
