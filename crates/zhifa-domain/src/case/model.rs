//! The case file (案件) as the rules see it: header facts plus every record the procedure
//! produces. A case changes only through [`super::workflow::transition`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::party::Party;
use crate::catalog::{PartyType, PenaltyKind, Power, TierName};
use crate::money::{Dec4, Fen};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Procedure {
    /// 一般程序.
    #[serde(rename = "一般程序")]
    General,
    /// 简易程序 (当场处罚, 行政处罚法 Art 51–52).
    #[serde(rename = "简易程序")]
    Simple,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    #[serde(rename = "现场检查")]
    Inspection,
    #[serde(rename = "举报")]
    Report,
    #[serde(rename = "上级交办")]
    Assigned,
    #[serde(rename = "部门移送")]
    Referred,
    #[serde(rename = "其他")]
    Other,
}

/// Where a case is in the procedure. The order is the order of the case file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Stage {
    /// 立案审批: proposed, awaiting the head's approval.
    #[serde(rename = "立案审批")]
    Proposed,
    #[serde(rename = "调查取证")]
    Investigating,
    /// 审查: investigation ended; squad review, legal review, discussion, head decision.
    #[serde(rename = "审查")]
    Reviewing,
    /// 告知: prior notice issued; statements, hearing.
    #[serde(rename = "告知")]
    Notifying,
    /// 决定: ready for (or awaiting) the decision.
    #[serde(rename = "决定")]
    Deciding,
    /// 送达: decision made, not yet served.
    #[serde(rename = "送达")]
    Serving,
    /// 执行: decision served; payment, 催告, court.
    #[serde(rename = "执行")]
    Executing,
    /// 结案审批: closing proposed.
    #[serde(rename = "结案审批")]
    Closing,
    #[serde(rename = "结案")]
    Closed,
    #[serde(rename = "归档")]
    Archived,
}

impl Stage {
    pub const ALL: [Stage; 10] = [
        Stage::Proposed,
        Stage::Investigating,
        Stage::Reviewing,
        Stage::Notifying,
        Stage::Deciding,
        Stage::Serving,
        Stage::Executing,
        Stage::Closing,
        Stage::Closed,
        Stage::Archived,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Stage::Proposed => "立案审批",
            Stage::Investigating => "调查取证",
            Stage::Reviewing => "审查",
            Stage::Notifying => "告知",
            Stage::Deciding => "决定",
            Stage::Serving => "送达",
            Stage::Executing => "执行",
            Stage::Closing => "结案审批",
            Stage::Closed => "结案",
            Stage::Archived => "归档",
        }
    }

    pub fn parse(s: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|st| st.name() == s.trim())
    }
}

/// Why no penalty was given (行政处罚法 Art 30, 31, 33).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NoPenaltyReason {
    /// Art 33 para 1: minor, corrected in time, no harmful consequence (mandatory).
    #[serde(rename = "轻微并及时改正")]
    Minor,
    /// Art 33 para 1: first violation, slight harm, corrected in time (may).
    #[serde(rename = "初次违法")]
    FirstViolation,
    /// Art 33 para 2: the party proves it had no fault.
    #[serde(rename = "无主观过错")]
    NoFault,
    /// Art 30: under 14 at the time of the act.
    #[serde(rename = "未满十四周岁")]
    Under14,
    /// Art 31: no capacity through mental illness or intellectual disability.
    #[serde(rename = "无责任能力")]
    Incapacity,
}

impl NoPenaltyReason {
    pub fn article(self) -> &'static str {
        match self {
            NoPenaltyReason::Minor | NoPenaltyReason::FirstViolation => {
                "行政处罚法第三十三条第一款"
            }
            NoPenaltyReason::NoFault => "行政处罚法第三十三条第二款",
            NoPenaltyReason::Under14 => "行政处罚法第三十条",
            NoPenaltyReason::Incapacity => "行政处罚法第三十一条",
        }
    }
}

/// How the case ended (or is heading).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Outcome {
    /// 给予行政处罚.
    Penalty,
    /// 不予行政处罚 (Art 57(2) with Art 30/31/33); education recorded.
    NoPenalty {
        reason: NoPenaltyReason,
        education: String,
    },
    /// 违法事实不能成立 (Art 57(3)).
    NotEstablished,
    /// 移送: to the judicial organs (Art 27, 57(4)) or another agency with jurisdiction.
    Transferred { to: String, judicial: bool },
    /// 不予立案.
    NotFiled { reason: String },
    /// 撤销立案.
    Withdrawn { reason: String },
}

impl Outcome {
    /// The stable code lists store (never shown; `label` is what people read).
    pub fn code(&self) -> &'static str {
        match self {
            Outcome::Penalty => "penalty",
            Outcome::NoPenalty { .. } => "no_penalty",
            Outcome::NotEstablished => "not_established",
            Outcome::Transferred { judicial: true, .. } => "transferred_judicial",
            Outcome::Transferred { .. } => "transferred",
            Outcome::NotFiled { .. } => "not_filed",
            Outcome::Withdrawn { .. } => "withdrawn",
        }
    }

    pub fn label(&self) -> &'static str {
        match self {
            Outcome::Penalty => "给予行政处罚",
            Outcome::NoPenalty { .. } => "不予行政处罚",
            Outcome::NotEstablished => "违法事实不能成立",
            Outcome::Transferred { judicial: true, .. } => "移送司法机关",
            Outcome::Transferred { .. } => "移送有关机关",
            Outcome::NotFiled { .. } => "不予立案",
            Outcome::Withdrawn { .. } => "撤销立案",
        }
    }
}

/// The catalog power a case is about, frozen at the version that applied on the act date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PowerRef {
    /// Row id of the power version in the store.
    pub id: i64,
    pub version: i64,
    pub power: Power,
}

/// The 8 kinds of evidence of 行政处罚法 Art 46.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EvidenceKind {
    #[serde(rename = "书证")]
    Documentary,
    #[serde(rename = "物证")]
    Physical,
    #[serde(rename = "视听资料")]
    AudioVisual,
    #[serde(rename = "电子数据")]
    Electronic,
    #[serde(rename = "证人证言")]
    Witness,
    #[serde(rename = "当事人的陈述")]
    PartyStatement,
    #[serde(rename = "鉴定意见")]
    ExpertOpinion,
    #[serde(rename = "勘验笔录、现场笔录")]
    InspectionRecord,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// File name inside the case's attachment folder.
    pub file_name: String,
    pub sha256: String,
    pub size: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub kind: EvidenceKind,
    pub description: String,
    pub collected_on: NaiveDate,
    /// Time of collection, `HH:MM` (optional).
    #[serde(default)]
    pub time: String,
    pub place: String,
    pub collectors: Vec<i64>,
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// From an electronic monitoring device (Art 41): usable only once reviewed.
    #[serde(default)]
    pub electronic_monitor: bool,
    #[serde(default)]
    pub monitor_reviewed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RecordKind {
    #[serde(rename = "现场检查(勘验)笔录")]
    Inspection,
    #[serde(rename = "询问笔录")]
    Inquiry,
    #[serde(rename = "陈述申辩笔录")]
    Statement,
    #[serde(rename = "听证笔录")]
    Hearing,
}

impl RecordKind {
    pub fn name(self) -> &'static str {
        match self {
            RecordKind::Inspection => "现场检查(勘验)笔录",
            RecordKind::Inquiry => "询问笔录",
            RecordKind::Statement => "陈述申辩笔录",
            RecordKind::Hearing => "听证笔录",
        }
    }
}

/// How the person recorded signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Signature {
    Signed,
    /// Refused; the refusal is noted (行政强制法 Art 18(8)).
    Refused,
    /// Party absent; a witness signed (行政强制法 Art 18(9)).
    Witness {
        name: String,
    },
}

/// 笔录.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub kind: RecordKind,
    pub date: NaiveDate,
    /// `HH:MM`.
    pub start: String,
    pub end: String,
    pub place: String,
    pub officers: Vec<i64>,
    /// People recorded: the one person questioned (询问笔录), or those present.
    pub persons: Vec<String>,
    /// n-th questioning of that person (询问笔录).
    #[serde(default)]
    pub nth: u32,
    pub content: String,
    pub signature: Signature,
}

/// 先行登记保存 (Art 56).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preservation {
    pub approved_by: i64,
    pub date: NaiveDate,
    pub items: String,
    pub decided_on: Option<NaiveDate>,
    pub decision: Option<String>,
}

/// 查封、扣押 (行政强制法 Art 24–28).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seizure {
    pub approved_by: i64,
    pub date: NaiveDate,
    pub items: String,
    /// Period in days (≤ 30).
    pub days: u32,
    /// One extension of ≤ 30 days (complex cases, head's approval).
    pub extended_days: u32,
    /// Days of testing, inspection, quarantine or appraisal, excluded from the period.
    pub excluded_days: u32,
    pub released_on: Option<NaiveDate>,
}

/// The statutory circumstance that allows a 从轻 or 减轻 penalty (行政处罚法 Art 30–32),
/// recorded with the tier so the report, the decision and the 评查 rule can name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Mitigation {
    /// Art 30: aged 14 to 17 on the act date.
    #[serde(rename = "已满十四周岁不满十八周岁")]
    Minor,
    /// Art 31: a mentally ill or intellectually disabled person not wholly unable to
    /// recognise or control the conduct.
    #[serde(rename = "尚未完全丧失辨认或者控制能力")]
    LimitedCapacity,
    /// Art 32(1).
    #[serde(rename = "主动消除或者减轻危害后果")]
    ReducedHarm,
    /// Art 32(2).
    #[serde(rename = "受他人胁迫或者诱骗")]
    CoercedOrInduced,
    /// Art 32(3).
    #[serde(rename = "主动供述尚未掌握的违法行为")]
    Confessed,
    /// Art 32(4).
    #[serde(rename = "配合查处有立功表现")]
    Meritorious,
    /// Art 32(5): another law, regulation or rule requires it.
    #[serde(rename = "法律法规规章规定的其他情形")]
    OtherProvision,
}

impl Mitigation {
    pub const ALL: [Mitigation; 7] = [
        Mitigation::Minor,
        Mitigation::LimitedCapacity,
        Mitigation::ReducedHarm,
        Mitigation::CoercedOrInduced,
        Mitigation::Confessed,
        Mitigation::Meritorious,
        Mitigation::OtherProvision,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Mitigation::Minor => "已满十四周岁不满十八周岁",
            Mitigation::LimitedCapacity => "尚未完全丧失辨认或者控制能力",
            Mitigation::ReducedHarm => "主动消除或者减轻危害后果",
            Mitigation::CoercedOrInduced => "受他人胁迫或者诱骗",
            Mitigation::Confessed => "主动供述尚未掌握的违法行为",
            Mitigation::Meritorious => "配合查处有立功表现",
            Mitigation::OtherProvision => "法律法规规章规定的其他情形",
        }
    }

    /// The article that lists it.
    pub fn article(self) -> &'static str {
        match self {
            Mitigation::Minor => "行政处罚法第三十条",
            Mitigation::LimitedCapacity => "行政处罚法第三十一条",
            _ => "行政处罚法第三十二条",
        }
    }

    /// Chinese names, for refusals that list the allowed values.
    pub fn names() -> String {
        Mitigation::ALL.map(Mitigation::name).join("、")
    }
}

/// 承办人's proposal at the end of the investigation (调查终结报告 / 处理建议).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    pub date: NaiveDate,
    pub kinds: Vec<PenaltyKind>,
    /// The discretion tier chosen, for penalties with amounts.
    pub tier: Option<TierName>,
    /// The tier is in the statutory alternative band.
    #[serde(default)]
    pub alternative_band: bool,
    /// The statutory circumstance for a 从轻 or 减轻 tier (Art 30–32).
    #[serde(default)]
    pub mitigation: Option<Mitigation>,
    /// The statutory conditions of the item's `triggered` measures the investigation found
    /// (拒不改正, 情节严重 …), by the catalog's names; their measures become mandatory.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub triggers: Vec<String>,
    /// Fine in fen (0 when no fine).
    pub fine: Fen,
    /// For multiples: the base (工程造价, 货值 …) in fen; for per-unit: the number of units.
    pub base_amount: Option<Fen>,
    pub units: Option<Dec4>,
    pub confiscation: Fen,
    pub reasoning: String,
    /// 情节复杂或者重大违法行为 (Art 57 para 2: collective discussion).
    pub complex_or_major: bool,
    /// Art 58(1)(3)(4): major public interest, difficult/complex, or required by law.
    pub legal_review_flags: Vec<String>,
}

impl Proposal {
    /// The recorded 从轻/减轻 circumstance as a sentence of the report and the decision's
    /// reasoning (empty when none).
    pub fn mitigation_text(&self) -> String {
        match (self.mitigation, self.tier) {
            (Some(m), Some(t)) => format!(
                "当事人有{}的情节，依照{}，{}处罚。",
                m.name(),
                m.article(),
                t.name()
            ),
            _ => String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approval {
    pub by: i64,
    pub date: NaiveDate,
    pub agree: bool,
    pub opinion: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Discussion {
    pub date: NaiveDate,
    pub chair: i64,
    pub attendees: Vec<i64>,
    pub conclusion: String,
    /// Who kept the record (absent in discussions recorded before it was asked).
    #[serde(default)]
    pub recorder: Option<i64>,
    /// Each attendee's opinion, in the order of `attendees`.
    #[serde(default)]
    pub opinions: Vec<MemberOpinion>,
}

/// One attendee's opinion at a 集体讨论.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberOpinion {
    pub member: i64,
    pub opinion: String,
}

/// The head's choice after review (Art 57 para 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ReviewOutcome {
    Penalty,
    NoPenalty {
        reason: NoPenaltyReason,
        education: String,
    },
    NotEstablished,
    Transfer {
        to: String,
        judicial: bool,
    },
}

/// 行政处罚事先告知 (Art 44).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub date: NaiveDate,
    pub kinds: Vec<PenaltyKind>,
    pub fine: Fen,
    pub confiscation: Fen,
    /// Art 63: the hearing right was notified.
    pub hearing_right: bool,
}

/// The documents whose service is tracked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ServedDoc {
    #[serde(rename = "行政处罚事先告知书")]
    Notice,
    #[serde(rename = "听证通知书")]
    HearingNotice,
    #[serde(rename = "行政处罚决定书")]
    Decision,
    #[serde(rename = "不予行政处罚决定书")]
    NoPenaltyDecision,
    #[serde(rename = "催告书")]
    Demand,
    /// 责令（限期）改正通知书 (行政处罚法第二十八条第一款).
    #[serde(rename = "责令改正通知书")]
    CorrectionOrder,
    /// 加处罚款决定书 (行政处罚法第七十二条第一款第（一）项).
    #[serde(rename = "加处罚款决定书")]
    Surcharge,
    /// The order to act: 责令限期拆除（改正、恢复原状 …）决定书.
    #[serde(rename = "责令限期履行决定书")]
    DutyOrder,
    /// 催告书 for a duty to act (行政强制法第三十五条、第三十八条).
    #[serde(rename = "履行义务催告书")]
    DutyDemand,
    /// 强制执行决定书 (行政强制法第三十七条、第三十八条).
    #[serde(rename = "强制执行决定书")]
    EnforcementDecision,
    /// 代履行决定书 (行政强制法第五十一条第一款第（一）项).
    #[serde(rename = "代履行决定书")]
    SubstituteDecision,
}

impl ServedDoc {
    pub fn name(self) -> &'static str {
        match self {
            ServedDoc::Notice => "行政处罚事先告知书",
            ServedDoc::HearingNotice => "听证通知书",
            ServedDoc::Decision => "行政处罚决定书",
            ServedDoc::NoPenaltyDecision => "不予行政处罚决定书",
            ServedDoc::Demand => "催告书",
            ServedDoc::CorrectionOrder => "责令改正通知书",
            ServedDoc::Surcharge => "加处罚款决定书",
            ServedDoc::DutyOrder => "责令限期履行决定书",
            ServedDoc::DutyDemand => "履行义务催告书",
            ServedDoc::EnforcementDecision => "强制执行决定书",
            ServedDoc::SubstituteDecision => "代履行决定书",
        }
    }
}

/// 民事诉讼法 (2023) Art 87–95 service methods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ServiceMethod {
    /// 直接送达 (Art 87–88), including handing over on announcement.
    #[serde(rename = "直接送达")]
    Direct,
    /// 留置送达 (Art 89).
    #[serde(rename = "留置送达")]
    Left,
    /// 邮寄送达 (Art 91): served on the date of the return receipt.
    #[serde(rename = "邮寄送达")]
    Post,
    /// 电子送达 (Art 90; 行政处罚法 Art 61 requires the party's signed 确认书).
    #[serde(rename = "电子送达")]
    Electronic,
    /// 公告送达 (Art 95): served 30 days after the notice is issued.
    #[serde(rename = "公告送达")]
    PublicNotice,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Service {
    pub doc: ServedDoc,
    pub method: ServiceMethod,
    /// The date of the act: handed over, left, receipt date, arrival, or notice issued.
    pub date: NaiveDate,
    /// The date service took effect (for 公告送达, 30 days after `date`).
    pub served_on: NaiveDate,
    pub recipient: String,
    pub officers: Vec<i64>,
    /// For electronic service: the party signed a 确认书.
    #[serde(default)]
    pub confirmation: bool,
}

/// 责令（限期）改正通知书 (行政处罚法第二十八条第一款): issued when the act is found —
/// usually on inspection or at 立案, before any decision — with what to correct and by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorrectionNotice {
    /// The day it was issued (the notice's date).
    pub date: NaiveDate,
    /// What the party is ordered to correct.
    pub content: String,
    /// The day by which to correct.
    pub deadline: NaiveDate,
    /// The officer who registered it.
    pub issued_by: i64,
}

/// 复查: the follow-up of a correction order (the notice's, or the decision's own).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recheck {
    pub date: NaiveDate,
    /// The act was corrected as ordered.
    pub corrected: bool,
    /// What the officers found.
    pub note: String,
    pub by: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementRecord {
    pub date: NaiveDate,
    pub content: String,
    /// Re-examined (复核) and adopted or not (Art 45).
    pub adopted: bool,
    pub reexamination: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hearing {
    pub requested_on: NaiveDate,
    pub notified_on: Option<NaiveDate>,
    pub date: Option<NaiveDate>,
    pub place: String,
    pub presiding: Option<i64>,
    pub held_on: Option<NaiveDate>,
    /// The party failed to appear or left without reason: treated as waiver (Art 64(6)).
    #[serde(default)]
    pub party_absent: bool,
    /// The time of day it begins, `HH:MM` (Art 64(2): the notice states the time).
    #[serde(default)]
    pub time: String,
    /// Held in public (Art 64(3)); otherwise `closed_reason` says why.
    #[serde(default = "held_in_public")]
    pub public: bool,
    /// Why it is not public: a state secret, a trade secret or personal privacy.
    #[serde(default)]
    pub closed_reason: String,
    /// 听证员 beside the presider.
    #[serde(default)]
    pub hearing_officers: Vec<i64>,
    /// 记录人 of the 听证笔录.
    #[serde(default)]
    pub recorder: Option<i64>,
    /// The investigators' case as recorded: facts, evidence and proposed penalty (Art 64(7)).
    #[serde(default)]
    pub investigators_case: String,
    /// The party's statements, defence and cross-examination as recorded (Art 64(7)).
    #[serde(default)]
    pub party_statement: String,
}

impl Hearing {
    /// A hearing the party asked for on `on`, nothing scheduled yet (public unless a reason
    /// is recorded later).
    pub fn requested(on: NaiveDate) -> Hearing {
        Hearing {
            requested_on: on,
            notified_on: None,
            date: None,
            place: String::new(),
            presiding: None,
            held_on: None,
            party_absent: false,
            time: String::new(),
            public: held_in_public(),
            closed_reason: String::new(),
            hearing_officers: Vec::new(),
            recorder: None,
            investigators_case: String::new(),
            party_statement: String::new(),
        }
    }
}

/// A hearing is public unless a reason is recorded (行政处罚法第六十四条第（三）项); hearings
/// stored before the choice was asked were public.
pub fn held_in_public() -> bool {
    true
}

/// 行政处罚决定 (Art 59) or the on-the-spot decision (Art 52).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub date: NaiveDate,
    pub by: i64,
    pub kinds: Vec<PenaltyKind>,
    pub fine: Fen,
    pub confiscation: Fen,
    pub correction_order: String,
    /// Where and how to pay (bank, account, e-payment): 罚缴分离, Art 67.
    pub payment_place: String,
    /// Time and place of an on-the-spot decision (Art 52).
    #[serde(default)]
    pub on_spot_place: Option<String>,
    /// The decision has social impact and must be published (Art 48).
    #[serde(default)]
    pub publish: bool,
    /// The day of the hearing the decision rests on (Art 65: decided on the hearing record),
    /// so the decision says it was heard and answers the points raised there.
    #[serde(default)]
    pub hearing_held_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PaymentMethod {
    #[serde(rename = "银行缴纳")]
    Bank,
    #[serde(rename = "电子支付")]
    Electronic,
    /// 当场收缴 (Art 68, 69).
    #[serde(rename = "当场收缴")]
    OnSpot,
    /// 法院强制执行所得.
    #[serde(rename = "强制执行")]
    Enforced,
}

/// The lawful grounds for officers to take a fine in cash on the spot (行政处罚法 Art 68, 69);
/// outside them the party pays at the bank or electronically (Art 67 para 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CashGround {
    /// Art 68(1): an on-the-spot decision (Art 51) of a fine of at most 100 yuan.
    #[serde(rename = "一百元以下罚款")]
    SmallFine,
    /// Art 68(2): an on-the-spot decision whose fine would be hard to enforce afterwards.
    #[serde(rename = "事后难以执行")]
    HardToEnforceLater,
    /// Art 69: a remote, on-water or poorly connected area where paying at the bank or
    /// electronically is really difficult, and the party asked to pay on the spot.
    #[serde(rename = "边远地区当事人提出")]
    RemoteAreaOnRequest,
}

impl CashGround {
    pub const ALL: [CashGround; 3] = [
        CashGround::SmallFine,
        CashGround::HardToEnforceLater,
        CashGround::RemoteAreaOnRequest,
    ];

    /// The name a clerk types and reads (the serde name).
    pub fn name(self) -> &'static str {
        match self {
            CashGround::SmallFine => "一百元以下罚款",
            CashGround::HardToEnforceLater => "事后难以执行",
            CashGround::RemoteAreaOnRequest => "边远地区当事人提出",
        }
    }

    /// The provision that allows it.
    pub fn article(self) -> &'static str {
        match self {
            CashGround::SmallFine => "行政处罚法第六十八条第（一）项",
            CashGround::HardToEnforceLater => "行政处罚法第六十八条第（二）项",
            CashGround::RemoteAreaOnRequest => "行政处罚法第六十九条",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    pub date: NaiveDate,
    pub amount: Fen,
    pub method: PaymentMethod,
    /// Finance receipt number (Art 70 for on-the-spot collection).
    pub receipt_no: String,
    /// Why cash was taken on the spot (Art 68, 69), for [`PaymentMethod::OnSpot`].
    #[serde(default)]
    pub cash_ground: Option<CashGround>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instalment {
    pub due: NaiveDate,
    pub amount: Fen,
}

/// 暂缓或者分期缴纳 (Art 66), approved by the head.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentPlan {
    pub approved_by: i64,
    pub date: NaiveDate,
    pub instalments: Vec<Instalment>,
}

impl PaymentPlan {
    pub fn end(&self) -> Option<NaiveDate> {
        self.instalments.iter().map(|i| i.due).max()
    }
}

/// 催告 (行政强制法 Art 35, 54).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Demand {
    pub date: NaiveDate,
    /// Fine outstanding plus 加处罚款 to the date of the demand.
    pub amount: Fen,
    pub surcharge: Fen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RemedyKind {
    #[serde(rename = "行政复议")]
    Reconsideration,
    #[serde(rename = "行政诉讼")]
    Litigation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RemedyResult {
    #[serde(rename = "维持")]
    Upheld,
    #[serde(rename = "撤销")]
    Revoked,
    #[serde(rename = "变更")]
    Changed,
    #[serde(rename = "确认违法")]
    DeclaredUnlawful,
    #[serde(rename = "驳回")]
    Dismissed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remedy {
    pub kind: RemedyKind,
    pub started_on: NaiveDate,
    pub ended_on: Option<NaiveDate>,
    pub result: Option<RemedyResult>,
    /// The fine after a 变更 result.
    pub changed_fine: Option<Fen>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourtApplication {
    pub date: NaiveDate,
    pub court: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extension {
    pub by: i64,
    pub date: NaiveDate,
    pub days: u32,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchiveInfo {
    pub date: NaiveDate,
    pub archive_no: String,
    /// 保存期限, e.g. 永久 / 长期 / 30年.
    pub retention: String,
}

/// What a correction (更正/补正) changes: a clerical error in one recorded fact. Dates and
/// texts only — what was decided (kinds, amounts, outcomes) is not a clerical error and is
/// changed only through the procedure (复核, 复议, 撤销).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CorrectionTarget {
    #[serde(rename = "违法行为发生日期")]
    ActDate,
    #[serde(rename = "发现日期")]
    DiscoveredOn,
    #[serde(rename = "违法行为地点")]
    Place,
    #[serde(rename = "当事人姓名或名称")]
    PartyName,
    #[serde(rename = "当事人地址")]
    PartyAddress,
    #[serde(rename = "事先告知日期")]
    NoticeDate,
    #[serde(rename = "陈述申辩日期")]
    StatementDate,
    #[serde(rename = "放弃陈述申辩听证日期")]
    WaiverDate,
    #[serde(rename = "决定日期")]
    DecisionDate,
    #[serde(rename = "送达日期")]
    ServiceDate,
    #[serde(rename = "缴款日期")]
    PaymentDate,
    #[serde(rename = "缴款票据号")]
    ReceiptNo,
}

impl CorrectionTarget {
    pub const ALL: [CorrectionTarget; 12] = [
        CorrectionTarget::ActDate,
        CorrectionTarget::DiscoveredOn,
        CorrectionTarget::Place,
        CorrectionTarget::PartyName,
        CorrectionTarget::PartyAddress,
        CorrectionTarget::NoticeDate,
        CorrectionTarget::StatementDate,
        CorrectionTarget::WaiverDate,
        CorrectionTarget::DecisionDate,
        CorrectionTarget::ServiceDate,
        CorrectionTarget::PaymentDate,
        CorrectionTarget::ReceiptNo,
    ];

    /// The name forms, the audit trail and the 备考表 print.
    pub fn label(self) -> String {
        crate::serde_name(&self)
    }

    /// Whether the corrected value is a date (else a text).
    pub fn is_date(self) -> bool {
        !matches!(
            self,
            CorrectionTarget::Place
                | CorrectionTarget::PartyName
                | CorrectionTarget::PartyAddress
                | CorrectionTarget::ReceiptNo
        )
    }

    /// Whether the target is one of several (parties, statements, services, payments),
    /// so the correction names which one.
    pub fn is_numbered(self) -> bool {
        matches!(
            self,
            CorrectionTarget::PartyName
                | CorrectionTarget::PartyAddress
                | CorrectionTarget::StatementDate
                | CorrectionTarget::ServiceDate
                | CorrectionTarget::PaymentDate
                | CorrectionTarget::ReceiptNo
        )
    }
}

/// One approved correction of a clerical error (更正/补正), kept in the case and printed in
/// the file's 备考表, so the paper says what was changed, from what, why and by whose leave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    pub date: NaiveDate,
    pub target: CorrectionTarget,
    /// Which of several (1-based, as the clerk counts); 1 for a single fact.
    pub item: usize,
    pub before: String,
    pub after: String,
    pub reason: String,
    /// The 负责人 who approved it.
    pub approved_by: i64,
}

impl Correction {
    /// "决定日期：2026-12-10 更正为 2026-12-09" (with "第2次" for a numbered target).
    pub fn describe(&self) -> String {
        let which = if self.target.is_numbered() {
            format!("（第{}项）", self.item)
        } else {
            String::new()
        };
        format!(
            "{}{which}：“{}”更正为“{}”",
            self.target.label(),
            self.before,
            self.after
        )
    }
}

/// The whole case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    /// Row id (0 before the store saves it).
    pub id: i64,
    /// Year and serial of the case number; assigned when filed (or decided on the spot).
    pub year: Option<i32>,
    pub serial: Option<u32>,
    pub procedure: Procedure,
    pub stage: Stage,
    pub outcome: Option<Outcome>,
    pub source: Source,
    pub power: PowerRef,
    pub place: String,
    pub act_date: NaiveDate,
    /// End of a continuing or repeated act (Art 36 para 2).
    pub act_end_date: Option<NaiveDate>,
    pub discovered_on: NaiveDate,
    /// The act involved citizens' life, health or financial safety and had harmful
    /// consequences: 5-year limitation (Art 36 para 1).
    pub grave_harm: bool,
    pub facts: String,
    pub parties: Vec<Party>,
    /// 承办人: at least two certified officers (Art 42).
    pub handlers: Vec<i64>,
    /// 协管 staff without certificates; never counted toward the two.
    pub assistants: Vec<i64>,
    pub created_by: i64,
    pub proposed_on: NaiveDate,
    pub filing: Option<Approval>,
    pub evidence: Vec<Evidence>,
    pub records: Vec<Record>,
    pub preservations: Vec<Preservation>,
    pub seizures: Vec<Seizure>,
    pub proposal: Option<Proposal>,
    pub squad_review: Option<Approval>,
    pub legal_reviews: Vec<Approval>,
    pub discussions: Vec<Discussion>,
    pub review_outcome: Option<(Approval, ReviewOutcome)>,
    pub notice: Option<Notice>,
    pub statements: Vec<StatementRecord>,
    pub hearing: Option<Hearing>,
    /// The party expressly waived statement and hearing (Art 62).
    pub waived_on: Option<NaiveDate>,
    pub extensions: Vec<Extension>,
    pub decision: Option<Decision>,
    pub services: Vec<Service>,
    pub payments: Vec<Payment>,
    pub plan: Option<PaymentPlan>,
    pub demands: Vec<Demand>,
    pub court: Option<CourtApplication>,
    pub remedies: Vec<Remedy>,
    pub termination: Option<(NaiveDate, String)>,
    pub published_on: Option<NaiveDate>,
    pub closing: Option<Approval>,
    pub closing_proposed_on: Option<NaiveDate>,
    pub archive: Option<ArchiveInfo>,
    /// When each stage was entered, for the timeline.
    pub timeline: Vec<(Stage, NaiveDate)>,
    /// Approved corrections of clerical errors (更正/补正), oldest first. Left out of the
    /// stored form while empty, so a case without one serialises as it always did.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
    /// An on-the-spot decision reported to the agency for the record (行政处罚法第五十二条
    /// 第三款): when, and the officer who reported it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_spot_filed: Option<(NaiveDate, i64)>,
    /// The 责令（限期）改正通知书, when one was issued (left out of the stored form while
    /// absent, so older cases serialise as before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correction_notice: Option<CorrectionNotice>,
    /// The 复查 of the correction ordered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correction_recheck: Option<Recheck>,
    /// The order to act (责令限期拆除、恢复原状 …) with everything done to enforce it
    /// (行政强制法第四章).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duty: Option<crate::enforcement::DutyOrder>,
    /// The register of goods confiscated, seized or preserved in this case (罚没物品).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goods: Vec<crate::enforcement::GoodsItem>,
    /// Optimistic-lock version: bumped by every change.
    pub version: i64,
}

impl Case {
    /// The party type that selects the statutory range (the first party's).
    pub fn party_type(&self) -> PartyType {
        self.parties
            .first()
            .map(Party::party_type)
            .unwrap_or(PartyType::Individual)
    }

    pub fn filed_on(&self) -> Option<NaiveDate> {
        self.filing.as_ref().filter(|a| a.agree).map(|a| a.date)
    }

    /// The latest service of `doc`, if served.
    pub fn served(&self, doc: ServedDoc) -> Option<&Service> {
        self.services
            .iter()
            .filter(|s| s.doc == doc)
            .max_by_key(|s| s.served_on)
    }

    /// The 催告 the 加处罚款决定书 goes out with: the latest that found a surcharge. The
    /// document is dated and built from it, and served as issued that day.
    pub fn surcharge_demand(&self) -> Option<&Demand> {
        self.demands.iter().rev().find(|d| d.surcharge.0 > 0)
    }

    /// The fine in force: the decision's, or the amount after a 变更 remedy.
    pub fn fine_due(&self) -> Fen {
        let changed = self
            .remedies
            .iter()
            .filter(|r| r.result == Some(RemedyResult::Changed))
            .filter_map(|r| r.changed_fine)
            .next_back();
        let revoked = self
            .remedies
            .iter()
            .any(|r| r.result == Some(RemedyResult::Revoked));
        if revoked {
            return Fen(0);
        }
        changed.unwrap_or_else(|| self.decision.as_ref().map(|d| d.fine).unwrap_or_default())
    }

    pub fn paid(&self) -> Fen {
        Fen(self.payments.iter().map(|p| p.amount.0).sum())
    }

    /// Whether a 复议 or 诉讼 is pending (no surcharge accrues meanwhile, Art 73).
    pub fn remedy_pending_on(&self, date: NaiveDate) -> bool {
        self.remedies
            .iter()
            .any(|r| r.started_on <= date && r.ended_on.is_none_or(|e| date <= e))
    }

    pub fn is_read_only(&self) -> bool {
        self.stage == Stage::Archived
    }

    /// The evidence and 笔录 that existed on `date`: a document lists only these (a 告知书
    /// or an investigation report cannot cite a 听证笔录 made after it).
    pub fn evidence_on(&self, date: NaiveDate) -> (Vec<&Evidence>, Vec<&Record>) {
        (
            self.evidence
                .iter()
                .filter(|e| e.collected_on <= date)
                .collect(),
            self.records.iter().filter(|r| r.date <= date).collect(),
        )
    }

    /// The 复核 of the points raised at a held hearing: statements recorded on or after it.
    pub fn hearing_answers(&self) -> Vec<&StatementRecord> {
        match self.hearing.as_ref().and_then(|h| h.held_on) {
            Some(held) => self.statements.iter().filter(|s| s.date >= held).collect(),
            None => Vec::new(),
        }
    }

    /// Every file attached to the case with its recorded hash: evidence, the photos and video
    /// of days of enforcement, and photos of goods in the register.
    pub fn attachments(&self) -> impl Iterator<Item = &Attachment> {
        let days = self
            .duty
            .iter()
            .flat_map(|d| &d.enforcement.days)
            .flat_map(|d| &d.attachments);
        self.evidence
            .iter()
            .flat_map(|e| &e.attachments)
            .chain(days)
            .chain(self.goods.iter().flat_map(|g| &g.photos))
    }

    /// When the case entered `stage`.
    pub fn entered(&self, stage: Stage) -> Option<NaiveDate> {
        self.timeline
            .iter()
            .find(|(s, _)| *s == stage)
            .map(|(_, d)| *d)
    }
}
