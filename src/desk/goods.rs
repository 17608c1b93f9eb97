//! The register of confiscated, seized and preserved goods across cases (罚没物品登记簿):
//! one row per item for the finance office, made once for `zhifa goods export` and the UI's
//! `:goods`.

use crate::domain::enforcement::{GoodsItem, GoodsState};
use crate::report::table::Table;

use super::{Desk, DeskResult};

/// The columns of the register, in order.
pub const COLUMNS: [&str; 16] = [
    "案件编号",
    "当事人",
    "序号",
    "名称及特征",
    "数量",
    "单位",
    "估价（元）",
    "来源",
    "取得日期",
    "存放地点",
    "保管人",
    "状态",
    "最后处置",
    "处置日期",
    "拍卖所得（元）",
    "缴库凭证号",
];

/// One item of one case, as the register lists it.
pub struct GoodsRow {
    pub case_id: i64,
    pub case_no: String,
    pub party: String,
    /// 1-based, as the case's 清单 numbers it.
    pub index: usize,
    pub item: GoodsItem,
}

impl GoodsRow {
    pub fn cells(&self) -> Vec<String> {
        let g = &self.item;
        let last = g.movements.last();
        let proceeds: i64 = g
            .movements
            .iter()
            .filter_map(|m| m.proceeds)
            .map(|f| f.0)
            .sum();
        vec![
            self.case_no.clone(),
            self.party.clone(),
            self.index.to_string(),
            g.description.clone(),
            g.quantity.to_string(),
            g.unit.clone(),
            g.estimated_value.to_string(),
            crate::domain::serde_name(&g.origin),
            g.taken_on.to_string(),
            g.storage_place.clone(),
            g.custodian.clone(),
            crate::domain::serde_name(&g.state()),
            last.map(|m| crate::domain::serde_name(&m.kind))
                .unwrap_or_default(),
            last.map(|m| m.date.to_string()).unwrap_or_default(),
            if proceeds > 0 {
                crate::domain::money::Fen(proceeds).to_string()
            } else {
                String::new()
            },
            g.movements
                .iter()
                .map(|m| m.treasury_ref.as_str())
                .filter(|r| !r.is_empty())
                .collect::<Vec<_>>()
                .join("、"),
        ]
    }

    /// Still in the agency's hands (not returned, sold, destroyed or handed over).
    pub fn held(&self) -> bool {
        matches!(
            self.item.state(),
            GoodsState::Registered | GoodsState::Stored
        )
    }
}

impl Desk {
    /// Every item of every case's register, case by case. A case that cannot be read is
    /// named in the second list and left out.
    pub fn goods_register(&self) -> DeskResult<(Vec<GoodsRow>, Vec<String>)> {
        let store = &self.store;
        let mut rows = Vec::new();
        let mut unreadable = Vec::new();
        let mut cases = Vec::new();
        store.for_each_case(|_, loaded| match loaded {
            Ok(c) if !c.goods.is_empty() => cases.push(c),
            Ok(_) => {}
            Err(e) => unreadable.push(e),
        })?;
        cases.sort_by_key(|c| c.id);
        for c in cases {
            let case_no = store.case_no(c.id)?;
            let party = c
                .parties
                .first()
                .map(|p| p.display_name())
                .unwrap_or_default();
            for (i, item) in c.goods.iter().enumerate() {
                rows.push(GoodsRow {
                    case_id: c.id,
                    case_no: case_no.clone(),
                    party: party.clone(),
                    index: i + 1,
                    item: item.clone(),
                });
            }
        }
        Ok((rows, unreadable))
    }

    /// The register as a table for XLSX/CSV.
    pub fn goods_export(&self) -> DeskResult<(Table<'static>, Vec<String>)> {
        let (rows, unreadable) = self.goods_register()?;
        Ok((
            Table {
                name: "罚没物品登记簿",
                headers: COLUMNS.iter().map(|s| s.to_string()).collect(),
                rows: rows.iter().map(GoodsRow::cells).collect(),
            },
            unreadable,
        ))
    }
}
