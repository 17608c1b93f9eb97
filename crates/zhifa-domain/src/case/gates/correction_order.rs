//! 责令改正 (行政处罚法第二十八条第一款): the notice's deadline, and the 复查 that follows a
//! correction order. The steps, the closing and review rule R26 ask these.

use chrono::NaiveDate;

use crate::case::model::Case;
use crate::case::rule::{RuleError, RuleResult};

const ARTICLE: &str = "行政处罚法第二十八条第一款";

/// 限期改正: the deadline is a day after the notice is issued.
pub fn correction_deadline_after_issue(issued: NaiveDate, deadline: NaiveDate) -> RuleResult {
    if deadline > issued {
        Ok(())
    } else {
        Err(RuleError::new(
            ARTICLE,
            format!("改正期限 {deadline} 须晚于通知日期 {issued}；请填写当事人改正的截止日期"),
        ))
    }
}

/// A correction was ordered — by a 责令改正通知书 or in the decision — so there is
/// something to follow up (复查).
pub fn correction_order_issued(case: &Case) -> RuleResult {
    let by_decision = case
        .decision
        .as_ref()
        .is_some_and(|d| !d.correction_order.trim().is_empty());
    if case.correction_notice.is_some() || by_decision {
        Ok(())
    } else {
        Err(RuleError::new(
            ARTICLE,
            "本案尚未责令改正（责令改正通知书或决定书中的责令改正），没有可复查的事项",
        ))
    }
}

/// The first day a 复查 may be dated: the notice's (or else the decision's) date.
pub fn correction_ordered_on(case: &Case) -> Option<NaiveDate> {
    case.correction_notice
        .as_ref()
        .map(|n| n.date)
        .or_else(|| case.decision.as_ref().map(|d| d.date))
}

/// A correction ordered by a notice is followed up (复查) before the case closes: the
/// 结案审批表 states whether it was carried out. 提请结案 and review rule R26 ask this.
pub fn correction_followed_up(case: &Case) -> RuleResult {
    match (&case.correction_notice, &case.correction_recheck) {
        (Some(n), None) => Err(RuleError::new(
            ARTICLE,
            format!(
                "责令改正通知书限期 {} 前改正，尚未登记复查；请复查改正情况并登记后再结案",
                n.deadline
            ),
        )),
        _ => Ok(()),
    }
}
