//! What stops or pauses enforcement: an 执行协议, 中止 and 终结 (行政强制法第三十九条、第四十条、第四十二条).

use chrono::NaiveDate;

use crate::case::rule::{RuleError, RuleResult};
use crate::enforcement::order::DutyOrder;
use crate::enforcement::record::{
    EnforcementAgreement, Suspension, SuspensionGround, Termination, TerminationGround,
};

/// 行政强制法第四十二条第一款: an 执行协议 may not harm the public interest or others' lawful
/// rights, and states its terms.
pub fn agreement_allowed(a: &EnforcementAgreement) -> RuleResult {
    if !a.no_harm_to_public_or_others {
        return Err(RuleError::new(
            "行政强制法第四十二条第一款",
            "执行协议须不损害公共利益和他人合法权益，请记录审查结论",
        ));
    }
    if a.terms.trim().is_empty() {
        return Err(RuleError::new(
            "行政强制法第四十二条第一款",
            "请填写执行协议的内容",
        ));
    }
    Ok(())
}

/// 行政强制法第四十二条第二款: while an 执行协议 is being kept, force waits; once the party
/// breaks it, enforcement resumes.
pub fn no_enforcement_under_agreement(order: &DutyOrder, day: NaiveDate) -> RuleResult {
    match order.enforcement.agreement.as_ref() {
        Some(a) if a.date <= day && a.breached_on.is_none_or(|b| b > day) => Err(RuleError::new(
            "行政强制法第四十二条第二款",
            format!(
                "{} 已与当事人达成执行协议，当事人不履行协议的方可恢复强制执行；请先登记不履行协议",
                a.date
            ),
        )),
        _ => Ok(()),
    }
}

/// 行政强制法第三十九条第一款: a suspension records its ground and the reason.
pub fn suspension_recorded(s: &Suspension) -> RuleResult {
    if s.reason.trim().is_empty() {
        return Err(RuleError::new(
            "行政强制法第三十九条第一款",
            format!("中止执行须写明理由（{}）", crate::serde_name(&s.ground)),
        ));
    }
    Ok(())
}

/// 行政强制法第三十九条、第四十条: nothing is enforced while suspended (until resumed) or
/// after execution was terminated.
pub fn enforcement_not_halted(order: &DutyOrder, day: NaiveDate) -> RuleResult {
    if let Some(t) = order
        .enforcement
        .termination
        .as_ref()
        .filter(|t| t.date <= day)
    {
        return Err(RuleError::new(
            "行政强制法第四十条",
            format!("已于 {} 终结执行，不得再实施强制执行", t.date),
        ));
    }
    if let Some(s) = order
        .enforcement
        .suspension
        .as_ref()
        .filter(|s| s.date <= day && s.resumed_on.is_none_or(|r| r > day))
    {
        return Err(RuleError::new(
            "行政强制法第三十九条第二款",
            format!("已于 {} 中止执行，中止的情形消失后应先恢复执行", s.date),
        ));
    }
    Ok(())
}

/// 行政强制法第三十九条第二款、第四十条: a termination records its ground and reason; the
/// three-year ground needs a suspension for inability to perform that lasted three full
/// years without resuming.
pub fn termination_allowed(order: &DutyOrder, t: &Termination) -> RuleResult {
    if t.reason.trim().is_empty() {
        return Err(RuleError::new(
            "行政强制法第四十条",
            format!("终结执行须写明理由（{}）", crate::serde_name(&t.ground)),
        ));
    }
    if t.ground == TerminationGround::SuspendedThreeYears {
        let lapsed = order.enforcement.suspension.as_ref().is_some_and(|s| {
            s.ground == SuspensionGround::UnableToPerform
                && s.resumed_on.is_none()
                && s.date
                    .checked_add_months(chrono::Months::new(36))
                    .is_some_and(|end| t.date >= end)
        });
        if !lapsed {
            return Err(RuleError::new(
                "行政强制法第三十九条第二款",
                "不再执行须以当事人确无能力履行而中止执行满三年未恢复执行为前提",
            ));
        }
    }
    Ok(())
}
