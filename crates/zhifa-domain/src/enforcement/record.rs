//! The record that follows a duty order: 催告, 陈述申辩, 强制执行决定, 公告, 代履行,
//! 执行协议, 中止/终结 and the days of enforcement.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::calendar::Period;
use crate::case::model::{Attachment, ServiceMethod};
use crate::money::Fen;

/// Everything done to enforce one order. Empty until the deadline passes unperformed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Enforcement {
    pub demand: Option<EnforcementDemand>,
    pub statements: Vec<EnforcementStatement>,
    pub decision: Option<EnforcementDecision>,
    pub public_notice: Option<DemolitionNotice>,
    pub substitute: Option<SubstitutePerformance>,
    pub immediate: Option<ImmediateSubstitute>,
    pub agreement: Option<EnforcementAgreement>,
    pub suspension: Option<Suspension>,
    pub termination: Option<Termination>,
    pub days: Vec<EnforcementDay>,
}

/// 催告书 (行政强制法第三十五条): the period and way to perform and the right to state
/// and defend, served directly or per 民事诉讼法 (第三十八条).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnforcementDemand {
    pub date: NaiveDate,
    #[serde(default)]
    pub served_on: Option<NaiveDate>,
    /// The last day the 催告 gives to perform.
    pub deadline: NaiveDate,
    /// How to perform (第三十五条第（二）项).
    pub way: String,
    /// The 催告书 states the right to 陈述 and 申辩 (第三十五条第（四）项).
    pub states_statement_right: bool,
}

/// A 陈述 or 申辩 after the 催告 and its 复核 (行政强制法第三十六条).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnforcementStatement {
    pub date: NaiveDate,
    /// The facts, reasons and evidence the party gave.
    pub summary: String,
    #[serde(default)]
    pub reviewed_on: Option<NaiveDate>,
    /// The 复核's finding.
    #[serde(default)]
    pub review: String,
    /// The party's points held good and were adopted.
    #[serde(default)]
    pub adopted: bool,
}

/// 强制执行决定书 (行政强制法第三十七条第二款) and its service (第三十八条).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnforcementDecision {
    pub date: NaiveDate,
    pub party_name: String,
    pub party_address: String,
    pub reasons_and_basis: String,
    pub way_and_time: String,
    /// The route and time limit for 复议 or 诉讼.
    pub remedies: String,
    pub agency: String,
    pub sealed: bool,
    #[serde(default)]
    pub served_on: Option<NaiveDate>,
    #[serde(default)]
    pub service_method: Option<ServiceMethod>,
}

/// 强制拆除公告 (行政强制法第四十四条): the period the party is given to demolish.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemolitionNotice {
    pub date: NaiveDate,
    pub period: Period,
    /// Where it was posted.
    pub place: String,
}

/// 代履行 (行政强制法第五十条、第五十一条).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubstitutePerformance {
    pub decision: SubstituteDecision,
    /// The 代履行催告 (第五十一条第一款第（二）项).
    #[serde(default)]
    pub demand_on: Option<NaiveDate>,
    /// The party performed after the 催告: 代履行 stops.
    #[serde(default)]
    pub complied_on: Option<NaiveDate>,
    /// The actual cost charged to the party (第五十一条第二款).
    #[serde(default)]
    pub cost: Option<Fen>,
}

/// What makes 代履行 available (行政强制法第五十条): the consequence of not performing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SubstituteHarm {
    #[serde(rename = "危害交通安全")]
    TrafficSafety,
    #[serde(rename = "造成环境污染")]
    Pollution,
    #[serde(rename = "破坏自然资源")]
    NaturalResources,
}

/// 代履行决定书 (行政强制法第五十一条第一款第（一）项).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubstituteDecision {
    pub date: NaiveDate,
    pub party_name: String,
    pub party_address: String,
    pub reasons_and_basis: String,
    pub way_and_time: String,
    /// The day set for 代履行; its 催告 is due three working days before.
    pub planned_on: NaiveDate,
    /// 标的: what is to be removed or restored.
    pub object: String,
    pub cost_estimate: Fen,
    /// 代履行人: the agency or a third party with no interest in the matter.
    pub performer: String,
    #[serde(default)]
    pub harm: Option<SubstituteHarm>,
    #[serde(default)]
    pub served_on: Option<NaiveDate>,
}

/// Where 立即代履行 is allowed (行政强制法第五十二条: 道路、河道、航道或者公共场所).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PublicSpace {
    #[serde(rename = "道路")]
    Road,
    #[serde(rename = "河道")]
    River,
    #[serde(rename = "航道")]
    Waterway,
    #[serde(rename = "公共场所")]
    PublicPlace,
    /// Anywhere else (a yard, a field): not covered.
    #[serde(rename = "其他场所")]
    Other,
}

/// What 立即代履行 may clear (第五十二条: 遗洒物、障碍物或者污染物).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Clearable {
    #[serde(rename = "遗洒物")]
    Spill,
    #[serde(rename = "障碍物")]
    Obstacle,
    #[serde(rename = "污染物")]
    Pollutant,
    /// A building, a sign, goods: not covered.
    #[serde(rename = "其他物品")]
    Other,
}

/// 立即代履行 (行政强制法第五十二条).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImmediateSubstitute {
    pub date: NaiveDate,
    pub space: PublicSpace,
    pub what: Clearable,
    pub description: String,
    /// The party could not clear it.
    pub party_unable: bool,
    pub party_present: bool,
    /// 事后通知: required when the party was absent.
    #[serde(default)]
    pub notified_on: Option<NaiveDate>,
}

/// 执行协议 (行政强制法第四十二条).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnforcementAgreement {
    pub date: NaiveDate,
    pub terms: String,
    /// Stages agreed (第四十二条第一款: 可以约定分阶段履行): due day and what.
    #[serde(default)]
    pub stages: Vec<(NaiveDate, String)>,
    /// Recorded finding that the agreement harms neither the public interest nor others.
    pub no_harm_to_public_or_others: bool,
    /// The party failed to keep it: enforcement resumes (第四十二条第二款).
    #[serde(default)]
    pub breached_on: Option<NaiveDate>,
    #[serde(default)]
    pub fulfilled_on: Option<NaiveDate>,
}

/// 中止执行的情形 (行政强制法第三十九条第一款).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SuspensionGround {
    #[serde(rename = "当事人履行行政决定确有困难或者暂无履行能力")]
    UnableToPerform,
    #[serde(rename = "第三人对执行标的主张权利，确有理由")]
    ThirdPartyClaim,
    #[serde(rename = "执行可能造成难以弥补的损失，且中止执行不损害公共利益")]
    IrreparableLoss,
    #[serde(rename = "行政机关认为需要中止执行的其他情形")]
    Other,
}

/// 中止执行 (行政强制法第三十九条).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suspension {
    pub date: NaiveDate,
    pub ground: SuspensionGround,
    pub reason: String,
    #[serde(default)]
    pub resumed_on: Option<NaiveDate>,
}

/// 终结执行的情形 (行政强制法第四十条).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TerminationGround {
    #[serde(rename = "公民死亡，无遗产可供执行，又无义务承受人")]
    PartyDied,
    #[serde(rename = "法人或者其他组织终止，无财产可供执行，又无义务承受人")]
    OrganisationEnded,
    #[serde(rename = "执行标的灭失")]
    ObjectGone,
    #[serde(rename = "据以执行的行政决定被撤销")]
    DecisionRevoked,
    #[serde(rename = "行政机关认为需要终结执行的其他情形")]
    Other,
    /// 第三十九条第二款: suspended three years without resuming, no obvious social harm,
    /// the party truly unable.
    #[serde(rename = "中止执行满三年未恢复执行")]
    SuspendedThreeYears,
}

/// 终结执行 (行政强制法第四十条; 第三十九条第二款).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Termination {
    pub date: NaiveDate,
    pub ground: TerminationGround,
    pub reason: String,
}

/// One day of enforcement (强制执行笔录 / 现场记录): who enforced, who witnessed, what was
/// removed, and the photos and video with their hashes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnforcementDay {
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
    /// The agency's officers present (user ids); for 代履行 the supervising officer
    /// (第五十一条第一款第（三）项).
    pub officers: Vec<i64>,
    /// Who did the work (the agency, or the 代履行人).
    pub performer: String,
    #[serde(default)]
    pub witnesses: Vec<String>,
    pub removed: String,
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// The party signed the record (else witnesses must, 第五十一条第一款第（四）项).
    #[serde(default)]
    pub party_signed: bool,
    /// Why it could not wait, when enforcing at night or on a holiday (第四十三条).
    #[serde(default)]
    pub emergency: Option<String>,
    /// The order was carried out in full that day.
    #[serde(default)]
    pub completed: bool,
    /// Done as 代履行 (第五十条至第五十二条) rather than by force: the record names the
    /// supervising officer and the 代履行人 (第五十一条第一款第（三）（四）项).
    #[serde(default)]
    pub substitute: bool,
}
