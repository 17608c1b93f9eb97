//! 现场检查记录: one inspection, of a named object or (a street patrol) of none — when and
//! where, the two officers, what was checked and found, photos, and the result. A 责令改正
//! issued on inspection carries its deadline and 复查 date and is followed up.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::case::gates::{
    correction_deadline_after_issue, each_person_once, two_certified_officers,
};
use crate::case::model::{Attachment, Recheck};
use crate::case::rule::{RuleError, RuleResult};
use crate::case::Ctx;
use crate::patrol::PatrolOutcome;
use crate::text::{self, NOTE, PLACE, TITLE};

/// Why the inspection took place. A complaint or a risk, with its reason recorded, may bring
/// an object inspected recently back (`burden::reinspection_warning`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum InspectionReason {
    #[serde(rename = "日常巡查")]
    Routine,
    /// Drawn under a plan (双随机).
    #[serde(rename = "双随机抽查")]
    Drawn { plan: i64 },
    /// Driven by a complaint, with the lead where there is one.
    #[serde(rename = "投诉举报")]
    Complaint {
        #[serde(default)]
        lead: Option<i64>,
        reason: String,
    },
    /// Driven by a risk (an accident, a warning, a season).
    #[serde(rename = "风险监测")]
    Risk { reason: String },
}

impl InspectionReason {
    /// The reason's name, as its serde name reads (`投诉举报`).
    pub fn label(&self) -> &'static str {
        match self {
            InspectionReason::Routine => "日常巡查",
            InspectionReason::Drawn { .. } => "双随机抽查",
            InspectionReason::Complaint { .. } => "投诉举报",
            InspectionReason::Risk { .. } => "风险监测",
        }
    }
}

/// The result of an inspection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum InspectionResult {
    #[serde(rename = "合格")]
    Passed,
    /// 责令改正 (行政处罚法第二十八条第一款): what, by when, when it will be rechecked, and the
    /// 复查 once done.
    #[serde(rename = "责令改正")]
    CorrectionOrdered {
        content: String,
        deadline: NaiveDate,
        recheck_on: NaiveDate,
        #[serde(default)]
        recheck: Option<Recheck>,
    },
    /// Became a lead (its id once registered).
    #[serde(rename = "转为线索")]
    ToLead {
        #[serde(default)]
        lead: Option<i64>,
    },
    /// A case was filed (its id).
    #[serde(rename = "立案")]
    Filed { case_id: i64 },
}

/// The kinds of result without their data, for statistics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ResultKind {
    #[serde(rename = "合格")]
    Passed,
    #[serde(rename = "责令改正")]
    CorrectionOrdered,
    #[serde(rename = "转为线索")]
    ToLead,
    #[serde(rename = "立案")]
    Filed,
}

impl ResultKind {
    pub const ALL: [ResultKind; 4] = [
        ResultKind::Passed,
        ResultKind::CorrectionOrdered,
        ResultKind::ToLead,
        ResultKind::Filed,
    ];
}

impl InspectionResult {
    pub fn kind(&self) -> ResultKind {
        match self {
            InspectionResult::Passed => ResultKind::Passed,
            InspectionResult::CorrectionOrdered { .. } => ResultKind::CorrectionOrdered,
            InspectionResult::ToLead { .. } => ResultKind::ToLead,
            InspectionResult::Filed { .. } => ResultKind::Filed,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InspectionRecord {
    /// Row id (0 before the store saves it).
    pub id: i64,
    pub date: NaiveDate,
    /// `HH:MM`.
    pub start: String,
    pub end: String,
    pub place: String,
    /// The object inspected; `None` for a street or an area (the old patrol log).
    pub object: Option<i64>,
    pub officers: Vec<i64>,
    pub reason: InspectionReason,
    /// What was checked (items of the power's checklist where the catalog has one; the
    /// shipped catalog has none, so the officer types them).
    pub items: Vec<String>,
    /// The items of `items` found 不合格; the others were 合格.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub failed_items: Vec<String>,
    pub findings: String,
    pub photos: Vec<Attachment>,
    pub result: InspectionResult,
    /// What was done on the spot, for the patrol tallies (收缴违规用品 3 件 …). 责令整改 is not
    /// typed here: it is counted from the result.
    #[serde(default)]
    pub measures: BTreeMap<PatrolOutcome, u32>,
}

/// Checks a record before it is saved (`ctx`: today and the staff): real times in order, place
/// and findings, photos' names, two distinct certified officers among `record.officers`
/// (行政处罚法第四十二条, the case's own gates), the reasons a complaint or risk inspection
/// records, the correction's deadline and 复查 date, and no 责令整改 typed among the measures.
pub fn check_record(record: &InspectionRecord, ctx: &Ctx<'_>) -> RuleResult {
    let today = ctx.today;
    if record.date > today {
        return Err(RuleError::input(format!(
            "检查日期 {} 晚于今天（{today}），请核对",
            record.date
        )));
    }
    let start = text::time("检查开始时间", &record.start)?;
    let end = text::time("检查结束时间", &record.end)?;
    if !start.is_empty() && !end.is_empty() && end < start {
        return Err(RuleError::input(format!(
            "检查结束时间 {end} 早于开始时间 {start}，请核对"
        )));
    }
    text::checked("检查地点", &record.place, PLACE)?;
    text::checked("检查情况", &record.findings, NOTE)?;
    for item in &record.items {
        text::checked("检查事项", item, TITLE)?;
    }
    items_judged(record)?;
    for p in &record.photos {
        text::checked("照片文件名", &p.file_name, PLACE)?;
        text::no_path("照片文件名", &p.file_name)?;
    }
    let officers = ctx.users_of(&record.officers)?;
    each_person_once(&officers, "检查人员")?;
    two_certified_officers(&officers, record.date)?;
    match &record.reason {
        InspectionReason::Complaint { reason, .. } => {
            text::checked("投诉举报检查的原因", reason, NOTE)?;
        }
        InspectionReason::Risk { reason } => {
            text::checked("风险监测检查的原因", reason, NOTE)?;
        }
        InspectionReason::Routine | InspectionReason::Drawn { .. } => {}
    }
    if let InspectionResult::CorrectionOrdered {
        content,
        deadline,
        recheck_on,
        ..
    } = &record.result
    {
        text::checked("责令改正内容", content, NOTE)?;
        correction_deadline_after_issue(record.date, *deadline)?;
        recheck_after_deadline(*deadline, *recheck_on)?;
    }
    if record.measures.contains_key(&PatrolOutcome::Rectifications) {
        return Err(RuleError::input(
            "“责令整改”由检查结果（责令改正）自动计数，请不要在成果中重复填写",
        ));
    }
    Ok(())
}

/// Each item found 不合格 is one of the items checked, and an inspection with one is not
/// 合格: it ends in a correction ordered, a lead or a case.
pub fn items_judged(record: &InspectionRecord) -> RuleResult {
    if let Some(item) = record
        .failed_items
        .iter()
        .find(|f| !record.items.contains(f))
    {
        return Err(RuleError::input(format!(
            "不合格事项“{item}”不在检查事项中；请先把它列为检查事项"
        )));
    }
    match (&record.failed_items[..], &record.result) {
        ([first, ..], InspectionResult::Passed) => Err(RuleError::input(format!(
            "检查事项“{first}”不合格，检查结果不能为合格；请选择责令改正、转为线索或立案"
        ))),
        _ => Ok(()),
    }
}

/// 行政处罚法第二十八条第一款: the 复查 looks at whether the correction was made, so it is
/// set on or after the deadline.
pub fn recheck_after_deadline(deadline: NaiveDate, recheck_on: NaiveDate) -> RuleResult {
    if recheck_on >= deadline {
        Ok(())
    } else {
        Err(RuleError::new(
            "行政处罚法第二十八条第一款",
            format!("复查日期 {recheck_on} 早于改正期限 {deadline}；复查应在期限届满后进行"),
        ))
    }
}

/// The record with its 复查 entered: only for a 责令改正 not yet rechecked, dated on or after
/// the inspection, by one of its officers.
pub fn record_recheck(record: &InspectionRecord, recheck: Recheck) -> RuleResult<InspectionRecord> {
    let mut next = record.clone();
    let InspectionResult::CorrectionOrdered { recheck: slot, .. } = &mut next.result else {
        return Err(RuleError::new(
            "行政处罚法第二十八条第一款",
            "该次检查未责令改正，没有可复查的事项",
        ));
    };
    if slot.is_some() {
        return Err(RuleError::input("该次检查的责令改正已复查，不能重复登记"));
    }
    if recheck.date < record.date {
        return Err(RuleError::input(format!(
            "复查日期 {} 早于检查日期 {}，请核对",
            recheck.date, record.date
        )));
    }
    if !record.officers.contains(&recheck.by) {
        return Err(RuleError::role(
            "行政处罚法第五十五条",
            "复查由该次检查的执法人员登记",
        ));
    }
    let note = text::checked("复查情况", &recheck.note, NOTE)?;
    *slot = Some(Recheck { note, ..recheck });
    Ok(next)
}

/// The corrections ordered on inspection whose 复查 is due by `today` and not recorded: (record
/// id, 复查 date), for the 工作台.
pub fn rechecks_due(records: &[InspectionRecord], today: NaiveDate) -> Vec<(i64, NaiveDate)> {
    records
        .iter()
        .filter_map(|r| match &r.result {
            InspectionResult::CorrectionOrdered {
                recheck_on,
                recheck: None,
                ..
            } if *recheck_on <= today => Some((r.id, *recheck_on)),
            _ => None,
        })
        .collect()
}
