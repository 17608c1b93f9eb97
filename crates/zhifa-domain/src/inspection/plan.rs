//! 抽查计划: what a 双随机 draw is for — a field, a period, a scope and how many objects.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::case::rule::{RuleError, RuleResult};
use crate::field::Field;
use crate::text::{self, NOTE, TITLE};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InspectionPlan {
    /// Row id (0 before the store saves it).
    pub id: i64,
    pub name: String,
    /// The objects of this field make the draw's pool.
    pub field: Field,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    /// 抽查事项 and range, as published (e.g. 占道经营、户外广告设置).
    pub scope: String,
    /// How many objects to draw.
    pub object_count: u32,
}

impl InspectionPlan {
    /// Name and scope present and plain, the period in order, at least one object.
    pub fn check(&self) -> RuleResult {
        text::checked("计划名称", &self.name, TITLE)?;
        text::checked("抽查范围和事项", &self.scope, NOTE)?;
        if self.period_to < self.period_from {
            return Err(RuleError::input(format!(
                "计划期间的结束日期 {} 早于开始日期 {}，请核对",
                self.period_to, self.period_from
            )));
        }
        if self.object_count == 0 {
            return Err(RuleError::input("抽取对象数量至少为 1"));
        }
        Ok(())
    }
}
