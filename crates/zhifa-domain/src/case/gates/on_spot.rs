//! The on-the-spot decision after it is made: reported to the agency for the record.

use crate::case::rule::{RuleError, RuleResult};
use crate::case::Case;

/// 行政处罚法第五十二条第三款: an on-the-spot decision is reported to the agency for the
/// record; an on-the-spot case does not close before it is. 提请结案 asks this.
pub fn on_spot_decision_filed(case: &Case) -> RuleResult {
    if case.procedure == crate::case::Procedure::Simple
        && case.decision.is_some()
        && case.on_spot_filed.is_none()
    {
        Err(RuleError::new(
            "行政处罚法第五十二条第三款",
            "当场作出的行政处罚决定应当报所属行政机关备案；请先办理“当场处罚备案”再提请结案",
        ))
    } else {
        Ok(())
    }
}
