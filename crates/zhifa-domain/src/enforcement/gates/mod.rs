//! The gates of non-monetary enforcement: one named function per provision of 行政强制法,
//! each refusing with the article and a Chinese reason.

use chrono::NaiveDate;

use super::order::DutyOrder;
use super::record::EnforcementDay;
use crate::calendar::Calendar;
use crate::case::rule::{RuleError, RuleResult};

mod demand;
mod halts;
mod substitute;
mod timing;
pub use demand::{
    decision_served_before_enforcing, demand_before_enforcement, duty_overdue_for_demand,
    enforcement_decision_contents, statement_heard,
};
pub use halts::{
    agreement_allowed, enforcement_not_halted, no_enforcement_under_agreement, suspension_recorded,
    termination_allowed,
};
pub use substitute::{
    immediate_substitute_allowed, immediate_substitute_notified, substitute_after_demand,
    substitute_decision_contents, substitute_performance_demand, substitute_performance_recorded,
};
pub use timing::{
    demolition_after_remedies, not_at_night_or_on_holidays, order_remedy_periods_end, NightHours,
};

/// Every gate a day of forced enforcement (not 代履行) must pass, in the order of the law:
/// the decision served (第三十八条), not halted (第三十九条、第四十条), no 执行协议 being
/// kept (第四十二条), not at night or on holidays (第四十三条), and for demolition the
/// 公告 and the remedy periods (第四十四条). Only for orders the township enforces itself.
pub fn enforcement_day_lawful(
    order: &DutyOrder,
    day: &EnforcementDay,
    night: NightHours,
    cal: &Calendar,
) -> RuleResult {
    if order.power != super::order::EnforcementPower::SelfEnforce {
        return Err(RuleError::new(
            "行政强制法第十三条第二款",
            "本机关对该决定没有行政强制执行权，应当申请人民法院强制执行",
        ));
    }
    decision_served_before_enforcing(order, day.date)?;
    enforcement_not_halted(order, day.date)?;
    no_enforcement_under_agreement(order, day.date)?;
    not_at_night_or_on_holidays(day, night, cal)?;
    demolition_after_remedies(order, day.date, cal)
}

/// Every gate a day of 代履行 must pass: its decision, harm and 催告 (第五十条、第五十一条),
/// not halted (第三十九条、第四十条), no 执行协议 being kept (第四十二条), not at night or on
/// holidays (第四十三条: 代履行 is a way of 行政强制执行, 第十二条第（五）项), and the day's
/// record with the supervising officer and signatures (第五十一条第一款第（三）（四）项).
/// 代履行 is set by a law, 第五十条 itself (第十三条第一款), so no court is needed.
pub fn substitute_day_lawful(
    order: &DutyOrder,
    day: &EnforcementDay,
    night: NightHours,
    cal: &Calendar,
) -> RuleResult {
    substitute_performance_demand(order, day.date, cal)?;
    enforcement_not_halted(order, day.date)?;
    no_enforcement_under_agreement(order, day.date)?;
    not_at_night_or_on_holidays(day, night, cal)?;
    substitute_performance_recorded(day)
}

/// 行政强制法第五十三条、第五十四条: an order the township may not enforce itself goes to
/// the court once the 催告 was served ten working days before and the party's remedy
/// periods ended with no 复议 or lawsuit pending, and within three months after.
pub fn order_court_application_window(
    order: &DutyOrder,
    date: NaiveDate,
    cal: &Calendar,
) -> RuleResult {
    if order.remedy_pending_on(date) {
        return Err(RuleError::new(
            "行政强制法第五十三条",
            "当事人已申请行政复议或者提起行政诉讼且尚未终结，不能申请人民法院强制执行",
        ));
    }
    let Some((opens, closes)) = super::deadlines::order_court_window(order, cal)? else {
        return Err(RuleError::new(
            "行政强制法第五十四条",
            "申请人民法院强制执行前须先催告，且责令决定和催告书均须登记送达",
        ));
    };
    if date < opens {
        return Err(RuleError::new(
            "行政强制法第五十三条、第五十四条",
            format!("催告书送达满十个工作日且当事人的复议、诉讼期限届满后（{opens} 起）方可申请人民法院强制执行"),
        ));
    }
    if date > closes {
        return Err(RuleError::new(
            "行政强制法第五十三条",
            format!("申请人民法院强制执行的期限已于 {closes} 届满"),
        ));
    }
    Ok(())
}
