//! Orders that impose a duty to act, and who may enforce them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::record::Enforcement;
use crate::case::model::Remedy;
use crate::catalog::Provision;

/// The kinds of order that impose a duty to act rather than to pay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum DutyKind {
    /// 责令停止建设、限期改正 (e.g. 城乡规划法第六十五条).
    #[default]
    #[serde(rename = "责令限期改正")]
    Correct,
    #[serde(rename = "责令限期拆除")]
    Demolish,
    #[serde(rename = "责令恢复原状")]
    Restore,
    #[serde(rename = "责令清除障碍物")]
    ClearObstacle,
    #[serde(rename = "责令拆除违法设置的广告设施")]
    RemoveAdvertising,
}

impl DutyKind {
    pub const ALL: [DutyKind; 5] = [
        DutyKind::Correct,
        DutyKind::Demolish,
        DutyKind::Restore,
        DutyKind::ClearObstacle,
        DutyKind::RemoveAdvertising,
    ];

    pub fn name(self) -> &'static str {
        match self {
            DutyKind::Correct => "责令限期改正",
            DutyKind::Demolish => "责令限期拆除",
            DutyKind::Restore => "责令恢复原状",
            DutyKind::ClearObstacle => "责令清除障碍物",
            DutyKind::RemoveAdvertising => "责令拆除违法设置的广告设施",
        }
    }

    /// The title the order prints under (责令限期拆除决定书 …); `DocKind::parse` accepts it.
    pub fn order_title(self) -> String {
        format!("{}决定书", self.name())
    }

    /// Whether forcing it means demolishing a building, structure or facility, which needs
    /// a 公告 and the end of the remedy periods first (行政强制法第四十四条: "建筑物、构筑物、
    /// 设施等需要强制拆除的").
    pub fn is_demolition(self) -> bool {
        matches!(self, DutyKind::Demolish | DutyKind::RemoveAdvertising)
    }
}

/// A law's own time to sue against an order, instead of the six months of 行政诉讼法第四十六条
/// (the 60-day 复议 of 行政复议法第二十条 is untouched: the special law names only the suit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SpecialSuit {
    /// 土地管理法（2019-08-26）第八十三条: a 责令限期拆除 of what was newly built on illegally
    /// occupied land may be sued within fifteen days of its receipt; when that passes without
    /// a suit or demolition, the agency applies to the court.
    #[serde(rename = "土地管理法第八十三条")]
    LandDemolition,
}

impl SpecialSuit {
    /// Days from receipt of the order within which it may be sued.
    pub fn days(self) -> u32 {
        match self {
            SpecialSuit::LandDemolition => 15,
        }
    }

    /// The days as the papers write them (十五日).
    pub fn days_text(self) -> String {
        format!("{}日", crate::chinese::numeral(self.days()))
    }

    /// The provision as the papers cite it.
    pub fn cited(self) -> &'static str {
        match self {
            SpecialSuit::LandDemolition => "《中华人民共和国土地管理法》第八十三条",
        }
    }

    /// The remedy periods it leaves, as the gates and papers name them.
    pub fn periods_name(self) -> &'static str {
        match self {
            SpecialSuit::LandDemolition => {
                "申请行政复议（六十日）和提起行政诉讼（十五日，土地管理法第八十三条）的期限"
            }
        }
    }

    /// Whether it covers an order of `kind` made under `basis`: 第八十三条 speaks of the
    /// 责令限期拆除 of this law only (catalog validation asks).
    pub fn covers(self, kind: DutyKind, basis: &Provision) -> bool {
        match self {
            SpecialSuit::LandDemolition => {
                kind == DutyKind::Demolish && basis.law.trim() == "土地管理法"
            }
        }
    }
}

/// Who carries out the order if the party does not: the township itself where a law gives
/// it the power (城乡规划法第六十五条: "可以拆除"), else the court (行政强制法第十三条、第五十三条).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum EnforcementPower {
    #[serde(rename = "自行强制执行")]
    SelfEnforce,
    /// The safe default: without a statute granting the power, only a court may enforce.
    #[default]
    #[serde(rename = "申请人民法院强制执行")]
    ApplyToCourt,
}

/// An order imposing a duty to act, with what follows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DutyOrder {
    pub kind: DutyKind,
    /// What the party must do, as the order states it.
    pub obligation: String,
    pub issued_on: NaiveDate,
    /// When the order was served; the party's remedy periods run from it.
    #[serde(default)]
    pub served_on: Option<NaiveDate>,
    /// The last day to perform.
    pub deadline: NaiveDate,
    pub basis: Provision,
    #[serde(default)]
    pub power: EnforcementPower,
    /// The law that grants the agency the power to enforce the order itself, when it has it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enforce_basis: Option<Provision>,
    /// Whether the order may be sued directly (6 months) besides 复议 (60 days); `false`
    /// only where 复议 must come first.
    #[serde(default = "yes")]
    pub direct_suit: bool,
    /// A law's own, shorter time to sue (from the catalog's grant); `None`: six months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suit: Option<SpecialSuit>,
    /// 复议 and lawsuits against the order.
    #[serde(default)]
    pub remedies: Vec<Remedy>,
    /// The day the party performed (a recheck found it done).
    #[serde(default)]
    pub complied_on: Option<NaiveDate>,
    #[serde(default)]
    pub enforcement: Enforcement,
}

fn yes() -> bool {
    true
}

impl DutyOrder {
    /// The provision the agency enforces under: the grant of the power, else the order's own.
    pub fn enforce_basis_or_basis(&self) -> &Provision {
        self.enforce_basis.as_ref().unwrap_or(&self.basis)
    }

    /// Whether a 复议 or lawsuit against the order is pending on `date`.
    pub fn remedy_pending_on(&self, date: NaiveDate) -> bool {
        self.remedies
            .iter()
            .any(|r| r.started_on <= date && r.ended_on.is_none_or(|e| date <= e))
    }

    /// The latest day a 复议 against the order ended, if any.
    pub fn reconsideration_ended(&self) -> Option<NaiveDate> {
        self.remedies
            .iter()
            .filter(|r| r.kind == crate::case::model::RemedyKind::Reconsideration)
            .filter_map(|r| r.ended_on)
            .max()
    }
}
