//! The register of confiscated, seized and preserved goods (罚没物品) and their movements,
//! the rules for returning and disposing of them, and the tallies computed from it.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;
use crate::case::model::Attachment;
use crate::case::rule::{RuleError, RuleResult};
use crate::money::Fen;

/// How the goods came into the agency's hands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum GoodsOrigin {
    /// 没收非法财物 by a penalty decision.
    #[serde(rename = "没收")]
    Confiscated,
    /// 查封、扣押 (行政强制法第二十二条至第二十八条).
    #[serde(rename = "查封扣押")]
    Seized,
    /// 先行登记保存 (行政处罚法第五十六条).
    #[serde(rename = "先行登记保存")]
    Preserved,
}

impl GoodsOrigin {
    pub const ALL: [GoodsOrigin; 3] = [
        GoodsOrigin::Confiscated,
        GoodsOrigin::Seized,
        GoodsOrigin::Preserved,
    ];
}

/// What happened to the goods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum MovementKind {
    #[serde(rename = "入库")]
    StoreIn,
    #[serde(rename = "移交")]
    Transfer,
    #[serde(rename = "退还")]
    Return,
    #[serde(rename = "拍卖")]
    Auction,
    #[serde(rename = "销毁")]
    Destroy,
}

impl MovementKind {
    /// After these the goods are gone from the agency: nothing may follow.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            MovementKind::Return | MovementKind::Auction | MovementKind::Destroy
        )
    }
}

/// One audited movement of an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoodsMovement {
    pub kind: MovementKind,
    pub date: NaiveDate,
    /// The user who approved it.
    pub approver: i64,
    #[serde(default)]
    pub witnesses: Vec<String>,
    /// The store, the receiving body, or the person the goods went back to.
    #[serde(default)]
    pub to: String,
    /// What an auction raised.
    #[serde(default)]
    pub proceeds: Option<Fen>,
    /// The treasury payment voucher for the proceeds (行政处罚法第七十四条第二款).
    #[serde(default)]
    pub treasury_ref: String,
    #[serde(default)]
    pub note: String,
}

/// An item in a case's goods register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoodsItem {
    pub description: String,
    pub quantity: u32,
    /// 件, 个, 台, 千克 ….
    pub unit: String,
    pub estimated_value: Fen,
    pub storage_place: String,
    pub custodian: String,
    #[serde(default)]
    pub photos: Vec<Attachment>,
    pub origin: GoodsOrigin,
    /// The day the goods were taken (seized, preserved or confiscated).
    pub taken_on: NaiveDate,
    /// The day the 查封扣押 was lifted or the 先行登记保存 ended without confiscation.
    #[serde(default)]
    pub released_on: Option<NaiveDate>,
    /// The penalty decision that confiscated them (for seized or preserved goods, later).
    #[serde(default)]
    pub confiscated_on: Option<NaiveDate>,
    #[serde(default)]
    pub movements: Vec<GoodsMovement>,
}

/// Where an item stands, from its movements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum GoodsState {
    #[serde(rename = "已登记")]
    Registered,
    #[serde(rename = "在库")]
    Stored,
    #[serde(rename = "已移交")]
    Transferred,
    #[serde(rename = "已退还")]
    Returned,
    #[serde(rename = "已拍卖")]
    Auctioned,
    #[serde(rename = "已销毁")]
    Destroyed,
}

impl GoodsItem {
    pub fn state(&self) -> GoodsState {
        match self.movements.last().map(|m| m.kind) {
            None => GoodsState::Registered,
            Some(MovementKind::StoreIn) => GoodsState::Stored,
            Some(MovementKind::Transfer) => GoodsState::Transferred,
            Some(MovementKind::Return) => GoodsState::Returned,
            Some(MovementKind::Auction) => GoodsState::Auctioned,
            Some(MovementKind::Destroy) => GoodsState::Destroyed,
        }
    }

    /// Confiscated by a decision, at the outset or later.
    pub fn is_confiscated(&self) -> bool {
        self.origin == GoodsOrigin::Confiscated || self.confiscated_on.is_some()
    }

    /// How many 件 the item counts for in the patrol tally: its quantity when counted in
    /// pieces, else one (a batch weighed in 千克 is one item).
    pub fn pieces(&self) -> u32 {
        const PIECE_UNITS: [&str; 10] =
            ["件", "个", "台", "只", "把", "套", "辆", "块", "张", "根"];
        if PIECE_UNITS.contains(&self.unit.trim()) {
            self.quantity
        } else {
            1
        }
    }
}

/// A movement sequence is lawful: in date order, each approved, and nothing after the goods
/// left the agency (no 销毁 after 退还, no movement after 拍卖 or 销毁) — except returning
/// the proceeds of seized perishables sold (行政强制法第二十八条第二款).
pub fn movement_sequence_lawful(item: &GoodsItem) -> RuleResult {
    let mut prev: Option<&GoodsMovement> = None;
    for m in &item.movements {
        if m.approver <= 0 {
            return Err(RuleError::input(format!(
                "{} {} 未登记审批人，请补登审批人",
                m.date,
                crate::serde_name(&m.kind)
            )));
        }
        if let Some(p) = prev {
            let proceeds_back = p.kind == MovementKind::Auction
                && m.kind == MovementKind::Return
                && !item.is_confiscated();
            if p.kind.is_final() && !proceeds_back {
                return Err(RuleError::new(
                    "罚没物品管理",
                    format!(
                        "“{}”已于 {} {}，不能再{}",
                        item.description,
                        p.date,
                        crate::serde_name(&p.kind),
                        crate::serde_name(&m.kind)
                    ),
                ));
            }
            if m.date < p.date {
                return Err(RuleError::input(format!(
                    "“{}”的{}日期 {} 早于上一次{}（{}），请按时间顺序登记",
                    item.description,
                    crate::serde_name(&m.kind),
                    m.date,
                    crate::serde_name(&p.kind),
                    p.date
                )));
            }
        }
        if m.date < item.taken_on {
            return Err(RuleError::input(format!(
                "“{}”的{}日期 {} 早于收缴日期 {}",
                item.description,
                crate::serde_name(&m.kind),
                m.date,
                item.taken_on
            )));
        }
        prev = Some(m);
    }
    Ok(())
}

/// 行政处罚法第七十四条: confiscated goods are auctioned publicly or dealt with per state
/// rules, the proceeds paid in full to the treasury; goods not confiscated are the party's
/// and may not be destroyed (行政强制法第二十六条: 不得使用或者损毁), only sold when
/// perishable or hard to keep, with the reason and the proceeds recorded (第二十八条第二款,
/// the proceeds go back on release); a destruction is recorded with witnesses.
pub fn disposal_lawful(item: &GoodsItem) -> RuleResult {
    for m in &item.movements {
        match m.kind {
            MovementKind::Destroy if !item.is_confiscated() => {
                return Err(RuleError::new(
                    "行政强制法第二十六条",
                    format!(
                        "“{}”未经没收，属于当事人财物，不得销毁；解除后应当退还",
                        item.description
                    ),
                ))
            }
            MovementKind::Destroy if m.witnesses.iter().all(|w| w.trim().is_empty()) => {
                return Err(RuleError::new(
                    "行政处罚法第七十四条",
                    format!("销毁“{}”须有见证人在场并记录，请登记见证人", item.description),
                ))
            }
            MovementKind::Auction
                if item.is_confiscated()
                    && (m.proceeds.is_none() || m.treasury_ref.trim().is_empty()) =>
            {
                return Err(RuleError::new(
                    "行政处罚法第七十四条第二款",
                    format!(
                        "没收物品“{}”拍卖的款项必须全部上缴国库，请登记拍卖所得和缴库凭证号",
                        item.description
                    ),
                ))
            }
            MovementKind::Auction
                if !item.is_confiscated() && (m.proceeds.is_none() || m.note.trim().is_empty()) =>
            {
                return Err(RuleError::new(
                    "行政强制法第二十八条第二款",
                    format!(
                        "“{}”未经没收，仅鲜活物品或者其他不易保管的财物可以拍卖或者变卖，请在备注中说明理由并登记所得款项",
                        item.description
                    ),
                ))
            }
            MovementKind::Return if item.is_confiscated() => {
                return Err(RuleError::new(
                    "行政处罚法第七十四条第一款",
                    format!(
                        "“{}”已依法没收，应当公开拍卖或者按照国家有关规定处理，不能退还；决定被撤销的请先登记撤销",
                        item.description
                    ),
                ))
            }
            _ => {}
        }
    }
    Ok(())
}

/// Seized or preserved goods still held when they should have gone back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unreturned {
    /// Index in the register.
    pub index: usize,
    pub description: String,
    pub rule: &'static str,
    /// Since when they are due back or a decision is due.
    pub due_since: NaiveDate,
    pub reason: String,
}

/// The goods that should no longer be held: seized or preserved goods released but not
/// returned (行政强制法第二十八条第二款: 解除查封、扣押应当立即退还财物), and goods under
/// 先行登记保存 with no decision seven working days after (行政处罚法第五十六条, 第八十五条).
pub fn seized_goods_unreturned(
    items: &[GoodsItem],
    today: NaiveDate,
    cal: &Calendar,
) -> RuleResult<Vec<Unreturned>> {
    let mut out = Vec::new();
    for (index, item) in items.iter().enumerate() {
        if item.origin == GoodsOrigin::Confiscated
            || item.state() == GoodsState::Returned
            || item.confiscated_on.is_some_and(|c| c <= today)
        {
            continue;
        }
        if let Some(released) = item.released_on.filter(|r| *r <= today) {
            out.push(Unreturned {
                index,
                description: item.description.clone(),
                // 先行登记保存 has no return rule of its own; the release of a 查封扣押 does.
                rule: if item.origin == GoodsOrigin::Seized {
                    "行政强制法第二十八条第二款"
                } else {
                    "行政处罚法第五十六条"
                },
                due_since: released,
                reason: format!(
                    "{released} 已解除{}，应当立即退还财物，尚未登记退还",
                    crate::serde_name(&item.origin)
                ),
            });
        } else if item.origin == GoodsOrigin::Preserved && item.released_on.is_none() {
            let due = cal.add_working_days(item.taken_on, 7)?;
            if today > due {
                out.push(Unreturned {
                    index,
                    description: item.description.clone(),
                    rule: "行政处罚法第五十六条",
                    due_since: due,
                    reason: format!(
                        "先行登记保存应在七日内（{due} 前）作出处理决定，尚未登记处理或解除"
                    ),
                });
            }
        }
    }
    Ok(out)
}

/// Counts and estimated values by origin and state.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct GoodsSummary {
    pub by_origin: BTreeMap<GoodsOrigin, (usize, Fen)>,
    pub by_state: BTreeMap<GoodsState, (usize, Fen)>,
    pub items: usize,
    pub value: Fen,
}

/// The register summary for the finance office and the dashboard.
pub fn goods_summary<'a>(items: impl IntoIterator<Item = &'a GoodsItem>) -> GoodsSummary {
    let mut s = GoodsSummary::default();
    for item in items {
        let add = |e: &mut (usize, Fen)| {
            e.0 += 1;
            e.1 = Fen(e.1 .0 + item.estimated_value.0);
        };
        add(s.by_origin.entry(item.origin).or_default());
        add(s.by_state.entry(item.state()).or_default());
        s.items += 1;
        s.value = Fen(s.value.0 + item.estimated_value.0);
    }
    s
}

/// The patrol tally "收缴违规用品 N 件": pieces of goods taken (confiscated, seized or
/// preserved) from `from` to `to` inclusive, from the register rather than typed twice.
pub fn patrol_seized_items<'a>(
    items: impl IntoIterator<Item = &'a GoodsItem>,
    from: NaiveDate,
    to: NaiveDate,
) -> u32 {
    items
        .into_iter()
        .filter(|i| from <= i.taken_on && i.taken_on <= to)
        .map(GoodsItem::pieces)
        .sum()
}

#[cfg(test)]
mod tests;
