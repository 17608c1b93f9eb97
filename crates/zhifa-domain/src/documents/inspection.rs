//! The papers of an inspection without a case — the 现场检查笔录 and the 责令（限期）改正通知书
//! issued on it, both seen by the party, so the reporter of the lead that prompted the
//! inspection never appears (its text goes through `lead::printing::without_reporter`) — and
//! the 双随机 draw's record (the 公示's own lines, the pools and who was left out).

use std::collections::BTreeMap;

use super::common::{correction_object, date, identification, sentence};
use super::{shared, staff, DocError, DocKind, Paper};
use crate::agency::Agency;
use crate::inspection::{
    Exclusion, InspectionObject, InspectionReason, InspectionRecord, InspectionResult, OfficerPool,
    PublishedDraw,
};
use crate::lead::printing::without_reporter;
use crate::lead::Lead;
use crate::people::User;

/// 文书代字 of a correction order issued on inspection, numbered by the record (its own
/// series: a case's 责改 is numbered by the case).
pub const INSPECTION_CORRECTION_CODE: &str = "检责改";

/// What an inspection's papers are built from.
pub struct InspectionDocCtx<'a> {
    pub record: &'a InspectionRecord,
    pub object: Option<&'a InspectionObject>,
    /// The lead the inspection answered (投诉举报), whose reporter these papers keep out.
    pub lead: Option<&'a Lead>,
    pub agency: &'a Agency,
    pub users: &'a BTreeMap<i64, User>,
}

impl InspectionDocCtx<'_> {
    /// Text typed on the inspection, as the party may read it: the reporter taken out.
    fn public(&self, text: &str) -> String {
        match self.lead {
            Some(l) => without_reporter(text, &l.reporter),
            None => text.to_string(),
        }
    }
}

/// The papers this inspection has: its 笔录, and the 通知书 where it ordered a correction.
pub fn inspection_documents(record: &InspectionRecord) -> Vec<DocKind> {
    let mut out = vec![DocKind::InspectionRecord];
    if matches!(record.result, InspectionResult::CorrectionOrdered { .. }) {
        out.push(DocKind::CorrectionOrder);
    }
    out
}

/// One paper of the inspection, or why it has none of that kind.
pub fn build_inspection(kind: DocKind, ctx: &InspectionDocCtx<'_>) -> Result<Paper, DocError> {
    match kind {
        DocKind::InspectionRecord => Ok(record(ctx)),
        DocKind::CorrectionOrder => correction(ctx),
        _ => Err(DocError::NotApplicable(
            kind.name(),
            "该文书不属于现场检查；检查记录可打印现场检查（勘验）笔录、责令（限期）改正通知书"
                .into(),
        )),
    }
}

fn reason_text(ctx: &InspectionDocCtx<'_>) -> String {
    let r = &ctx.record.reason;
    match r {
        InspectionReason::Complaint { reason, .. } | InspectionReason::Risk { reason } => {
            format!("{}：{}", r.label(), ctx.public(reason))
        }
        InspectionReason::Routine | InspectionReason::Drawn { .. } => r.label().to_string(),
    }
}

/// The result as the record states it.
fn result_text(ctx: &InspectionDocCtx<'_>) -> String {
    match &ctx.record.result {
        InspectionResult::Passed => "合格".into(),
        InspectionResult::CorrectionOrdered {
            content,
            deadline,
            recheck_on,
            ..
        } => format!(
            "责令{}，限{}前改正，{}复查",
            correction_object(&ctx.public(content)),
            date(*deadline),
            date(*recheck_on)
        ),
        InspectionResult::ToLead { .. } => "发现违法线索，转为线索登记核查".into(),
        InspectionResult::Filed { .. } => "发现违法行为，立案调查".into(),
    }
}

/// 现场检查（勘验）笔录 of an inspection: when and where, the object, the two officers with
/// their 执法证号 (行政处罚法第四十二条、第五十五条), what was checked and found, the result,
/// and the lines the party or a witness signs.
fn record(ctx: &InspectionDocCtx<'_>) -> Paper {
    let r = ctx.record;
    let mut p = Paper::new(DocKind::InspectionRecord, &ctx.agency.full_name, None);
    p.date = date(r.date);
    let time = match (r.start.is_empty(), r.end.is_empty()) {
        (false, false) => format!("{} {} 至 {}", date(r.date), r.start, r.end),
        (false, true) => format!("{} {}", date(r.date), r.start),
        _ => date(r.date),
    };
    let mut rows = vec![
        ("检查时间".to_string(), time),
        ("检查地点".to_string(), ctx.public(&r.place)),
    ];
    match ctx.object {
        Some(o) => {
            rows.push(("被检查对象".into(), o.name.clone()));
            if let Some(c) = &o.credit_code {
                rows.push(("统一社会信用代码".into(), c.as_str().to_string()));
            }
            rows.push(("地址".into(), o.address.clone()));
        }
        None => rows.push(("被检查对象".into(), "街面、区域巡查（无具体对象）".into())),
    }
    rows.push((
        "执法人员及执法证号".into(),
        staff::labels(ctx.users, &r.officers),
    ));
    rows.push(("检查原因".into(), reason_text(ctx)));
    p.fields(rows);
    identification(&mut p, &staff::labels(ctx.users, &r.officers), false);
    if !r.items.is_empty() {
        p.heading("检查事项");
        p.table(
            &["序号", "检查事项", "结论"],
            r.items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let verdict = if r.failed_items.contains(item) {
                        "不合格"
                    } else {
                        "合格"
                    };
                    vec![(i + 1).to_string(), ctx.public(item), verdict.to_string()]
                })
                .collect(),
        );
    }
    p.heading("检查情况");
    for line in ctx
        .public(&r.findings)
        .lines()
        .filter(|l| !l.trim().is_empty())
    {
        p.para(line.trim().to_string());
    }
    p.heading("检查结果");
    p.para(sentence(&result_text(ctx)));
    if !r.photos.is_empty() {
        p.para(format!("现场拍摄照片{}张，附后。", r.photos.len()));
    }
    // The party checks the record and says so in their own hand; a witness signs where the
    // party is absent or refuses.
    p.para("被检查人或在场人核对意见（亲笔书写）：");
    p.signatures([
        format!("执法人员（签名）：{}", staff::names(ctx.users, &r.officers)),
        "被检查人或在场人（签名）：    年  月  日".to_string(),
        "见证人（签名）：    年  月  日".to_string(),
        "记录人（签名）：    年  月  日".to_string(),
    ]);
    p
}

/// 责令（限期）改正通知书 issued on the inspection: the case's wording (`shared`), addressed to
/// the object inspected, with the 复查 date set on the record.
fn correction(ctx: &InspectionDocCtx<'_>) -> Result<Paper, DocError> {
    let r = ctx.record;
    let kind = DocKind::CorrectionOrder;
    let InspectionResult::CorrectionOrdered {
        content,
        deadline,
        recheck_on,
        ..
    } = &r.result
    else {
        return Err(DocError::NotApplicable(
            kind.name(),
            "该次检查未责令改正".into(),
        ));
    };
    let Some(object) = ctx.object else {
        return Err(DocError::NotApplicable(
            kind.name(),
            "该次检查没有登记检查对象，通知书无法写明当事人；请以检查对象重新登记该次检查".into(),
        ));
    };
    let you = if object.credit_code.is_some() {
        "你单位"
    } else {
        "你"
    };
    let number = crate::case::number::format(
        &ctx.agency.case_no_pattern,
        &ctx.agency.abbr,
        INSPECTION_CORRECTION_CODE,
        chrono::Datelike::year(&r.date),
        u32::try_from(r.id).unwrap_or_default(),
    );
    let mut p = Paper::new(kind, &ctx.agency.full_name, Some(number));
    let content = ctx.public(content);
    shared::correction_order(
        &mut p,
        ctx.agency,
        shared::CorrectionOrder {
            addressee: object.name.clone(),
            you,
            found: format!(
                "经查，本机关执法人员于{}在{}检查时发现：{}",
                date(r.date),
                ctx.public(&r.place),
                // Findings typed as `发现…` would read 发现：发现.
                sentence(ctx.public(&r.findings).trim().trim_start_matches("发现"))
            ),
            basis: None,
            content: &content,
            deadline: *deadline,
            recheck_on: Some(*recheck_on),
            contact: staff::names(ctx.users, &r.officers),
            date: r.date,
        },
    );
    // No case, so no 送达回证: the party signs for the notice on it.
    p.signatures(["被检查人签收：    年  月  日"]);
    Ok(p)
}

/// What the draw record is built from: the 公示 (its lines are the record's wording), the
/// officers' pool as the draw saw it, the staff (for the names of those left out) and the
/// objects drawn (for the conflicts' objects).
pub struct DrawDocCtx<'a> {
    pub published: &'a PublishedDraw,
    pub pool: &'a OfficerPool,
    pub users: &'a BTreeMap<i64, User>,
    pub objects: &'a [InspectionObject],
    pub agency: &'a Agency,
}

/// 双随机抽查抽取记录: the plan, the pools, the seed and method, what and who was drawn, and
/// the officers left out with the reason (行政处罚法第四十二条 uncertified, 第四十三条 回避).
pub fn draw_record(ctx: &DrawDocCtx<'_>) -> Paper {
    let d = ctx.published;
    let mut p = Paper::new(DocKind::DrawRecord, &ctx.agency.full_name, None);
    p.date = date(d.drawn_on);
    p.fields([("抽查计划", d.plan.clone())]);
    for line in d.particulars() {
        p.para(line);
    }
    p.para(format!(
        "执法人员库 {} 名，抽取日持有效执法证 {} 名。",
        ctx.pool.size, ctx.pool.certified
    ));
    p.heading("抽取结果");
    for line in d.object_lines() {
        p.para(line);
    }
    p.heading("未参加抽取或回避的执法人员");
    // The uncertified in one sentence (a township may have many); each conflict on a row
    // of its own, with its object and reason.
    let uncertified: Vec<String> = ctx
        .pool
        .excluded
        .iter()
        .filter(|(_, why)| *why == Exclusion::Uncertified)
        .map(|(o, _)| staff::name(ctx.users, *o))
        .collect();
    let object_name = |id: i64| {
        ctx.objects
            .iter()
            .find(|o| o.id == id)
            .map_or_else(|| format!("#{id}"), |o| o.name.clone())
    };
    let conflicts: Vec<Vec<String>> = ctx
        .pool
        .excluded
        .iter()
        .filter_map(|(officer, why)| match why {
            Exclusion::Conflict { object, reason } => Some((*officer, *object, reason)),
            Exclusion::Uncertified => None,
        })
        .enumerate()
        .map(|(i, (officer, object, reason))| {
            vec![
                (i + 1).to_string(),
                staff::name(ctx.users, officer),
                object_name(object),
                reason.clone(),
            ]
        })
        .collect();
    if uncertified.is_empty() && conflicts.is_empty() {
        p.para("无。");
    }
    if !uncertified.is_empty() {
        p.para(format!(
            "抽取日无有效行政执法证，不参加抽取（行政处罚法第四十二条）：{}。",
            uncertified.join("、")
        ));
    }
    if !conflicts.is_empty() {
        p.para("有回避情形，不抽取检查该对象（行政处罚法第四十三条）：");
        p.table(&["序号", "执法人员", "检查对象", "回避原因"], conflicts);
    }
    p.para("任何人可用上述随机数种子和抽取方法，对同一对象库和人员库重新抽取，核对结果。");
    p.signatures(["抽取人（签名）：", "监督人（签名）："]);
    p.closing(&ctx.agency.full_name, &date(d.drawn_on));
    p
}
