//! The lead (案源/线索) as the rules see it: what came in, from whom, and where it went.
//! A lead changes only through [`super::workflow::transition`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::reporter::Reporter;
use crate::case::model::{Attachment, Source};

/// Where a lead came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum LeadSource {
    /// 举报投诉: by the 12345 hotline (with its work-order number), in person, by letter.
    #[serde(rename = "举报投诉")]
    Complaint {
        /// 12345 工单号; empty when the complaint did not come through the hotline.
        #[serde(default)]
        work_order: String,
    },
    #[serde(rename = "巡查发现")]
    Patrol,
    #[serde(rename = "检查发现")]
    Inspection,
    #[serde(rename = "部门移送")]
    DepartmentReferral,
    #[serde(rename = "上级交办")]
    Superior,
    #[serde(rename = "媒体曝光")]
    Media,
}

/// The kinds of source without their data, for lists, filters and statistics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SourceKind {
    #[serde(rename = "举报投诉")]
    Complaint,
    #[serde(rename = "巡查发现")]
    Patrol,
    #[serde(rename = "检查发现")]
    Inspection,
    #[serde(rename = "部门移送")]
    DepartmentReferral,
    #[serde(rename = "上级交办")]
    Superior,
    #[serde(rename = "媒体曝光")]
    Media,
}

impl SourceKind {
    pub const ALL: [SourceKind; 6] = [
        SourceKind::Complaint,
        SourceKind::Patrol,
        SourceKind::Inspection,
        SourceKind::DepartmentReferral,
        SourceKind::Superior,
        SourceKind::Media,
    ];

    pub fn name(self) -> String {
        crate::serde_name(&self)
    }
}

impl LeadSource {
    pub fn kind(&self) -> SourceKind {
        match self {
            LeadSource::Complaint { .. } => SourceKind::Complaint,
            LeadSource::Patrol => SourceKind::Patrol,
            LeadSource::Inspection => SourceKind::Inspection,
            LeadSource::DepartmentReferral => SourceKind::DepartmentReferral,
            LeadSource::Superior => SourceKind::Superior,
            LeadSource::Media => SourceKind::Media,
        }
    }

    /// The 案件来源 a case filed from this lead records (the 立案审批表's field).
    pub fn case_source(&self) -> Source {
        match self {
            LeadSource::Complaint { .. } => Source::Report,
            LeadSource::Patrol | LeadSource::Inspection => Source::Inspection,
            LeadSource::DepartmentReferral => Source::Referred,
            LeadSource::Superior => Source::Assigned,
            LeadSource::Media => Source::Other,
        }
    }
}

/// Where a lead is in its life: 登记 → 核查 → 已处理.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum LeadStage {
    #[serde(rename = "登记")]
    Registered,
    #[serde(rename = "核查")]
    Verifying,
    /// One outcome recorded; only the reply to the reporter may follow.
    #[serde(rename = "已处理")]
    Decided,
}

impl LeadStage {
    pub fn name(self) -> String {
        crate::serde_name(&self)
    }
}

/// 核查: the two officers assigned, and what they found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verification {
    pub assigned_on: NaiveDate,
    pub assigned_by: i64,
    /// Two (or more) distinct certified officers (行政处罚法第四十二条).
    pub officers: Vec<i64>,
    /// 核查情况, once recorded, with its date.
    pub findings: Option<(NaiveDate, String)>,
}

/// The one outcome of a lead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum LeadOutcome {
    /// 立案: the case filed from this lead (linked both ways: the case's id is here).
    Filed { case_id: i64, case_number: String },
    /// 不予立案: the reason, approved by a 负责人 who did not verify the lead.
    NotFiled { reason: String },
    /// 移送: to the competent department or, for a suspected crime, a judicial organ; the
    /// data of the 移送函.
    Transferred {
        to: String,
        judicial: bool,
        reason: String,
    },
    /// 并案: merged into an existing case.
    Merged { case_id: i64, case_number: String },
    /// 告知: outside the agency's jurisdiction; where the reporter was told to go.
    Told { where_to: String },
}

/// The kinds of outcome without their data, for lists and statistics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum OutcomeKind {
    #[serde(rename = "立案")]
    Filed,
    #[serde(rename = "不予立案")]
    NotFiled,
    #[serde(rename = "移送")]
    Transferred,
    #[serde(rename = "并案")]
    Merged,
    #[serde(rename = "告知")]
    Told,
}

impl OutcomeKind {
    pub const ALL: [OutcomeKind; 5] = [
        OutcomeKind::Filed,
        OutcomeKind::NotFiled,
        OutcomeKind::Transferred,
        OutcomeKind::Merged,
        OutcomeKind::Told,
    ];

    pub fn name(self) -> String {
        crate::serde_name(&self)
    }
}

impl LeadOutcome {
    pub fn kind(&self) -> OutcomeKind {
        match self {
            LeadOutcome::Filed { .. } => OutcomeKind::Filed,
            LeadOutcome::NotFiled { .. } => OutcomeKind::NotFiled,
            LeadOutcome::Transferred { .. } => OutcomeKind::Transferred,
            LeadOutcome::Merged { .. } => OutcomeKind::Merged,
            LeadOutcome::Told { .. } => OutcomeKind::Told,
        }
    }

    /// The case the lead went into (立案 or 并案), for the link from the case back.
    pub fn case_id(&self) -> Option<i64> {
        match self {
            LeadOutcome::Filed { case_id, .. } | LeadOutcome::Merged { case_id, .. } => {
                Some(*case_id)
            }
            _ => None,
        }
    }
}

/// The outcome with when and by whom it was decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub date: NaiveDate,
    /// Who recorded it (for 不予立案 and 移送: the approving 负责人).
    pub by: i64,
    pub outcome: LeadOutcome,
}

/// The one extension of the verification period, approved by a 负责人.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadExtension {
    pub date: NaiveDate,
    pub approved_by: i64,
    pub reason: String,
}

/// How the reporter was answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReplyWay {
    #[serde(rename = "电话")]
    Phone,
    #[serde(rename = "短信")]
    Sms,
    #[serde(rename = "书面")]
    Letter,
    #[serde(rename = "当面")]
    InPerson,
    /// Through the 12345 platform's work order.
    #[serde(rename = "12345平台")]
    Hotline,
}

/// The reply to a named reporter (date, way, content).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    pub date: NaiveDate,
    pub way: ReplyWay,
    pub content: String,
    pub by: i64,
}

/// The whole lead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lead {
    /// Row id (0 before the store saves it).
    pub id: i64,
    pub source: LeadSource,
    pub received_on: NaiveDate,
    /// `HH:MM` (as the 12345 work order or the duty log has it); empty when not known.
    #[serde(default)]
    pub received_time: String,
    pub received_by: i64,
    pub reporter: Reporter,
    pub place: String,
    /// What is alleged (反映的问题).
    pub allegation: String,
    /// Files kept with the lead (those received with it and those the verification added),
    /// content-addressed as a case's evidence files are.
    pub attachments: Vec<Attachment>,
    /// The catalog item the matter likely falls under (事项编码), if known yet.
    pub power_code: Option<String>,
    pub stage: LeadStage,
    pub verification: Option<Verification>,
    pub extension: Option<LeadExtension>,
    pub decision: Option<Decision>,
    pub replies: Vec<Reply>,
    /// Optimistic-lock version: bumped by every change.
    pub version: i64,
}

impl Lead {
    pub fn outcome(&self) -> Option<&LeadOutcome> {
        self.decision.as_ref().map(|d| &d.outcome)
    }

    pub fn decided_on(&self) -> Option<NaiveDate> {
        self.decision.as_ref().map(|d| d.date)
    }

    /// The officers verifying the lead (empty before 核查 is assigned).
    pub fn officers(&self) -> &[i64] {
        self.verification
            .as_ref()
            .map(|v| v.officers.as_slice())
            .unwrap_or_default()
    }

    /// When the findings were recorded.
    pub fn findings_on(&self) -> Option<NaiveDate> {
        self.verification
            .as_ref()
            .and_then(|v| v.findings.as_ref())
            .map(|(d, _)| *d)
    }
}
