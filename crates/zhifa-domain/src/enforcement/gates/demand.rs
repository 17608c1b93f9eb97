//! Before enforcing: the 催告, the 陈述申辩, the decision and its service (行政强制法第三十五条至第三十八条).

use chrono::NaiveDate;

use crate::case::rule::{RuleError, RuleResult};
use crate::enforcement::order::DutyOrder;
use crate::enforcement::record::EnforcementDecision;

/// 行政强制法第三十五条: a 催告 comes after the order took effect (served, 第三十八条) and
/// its deadline passed with the duty not performed.
pub fn duty_overdue_for_demand(order: &DutyOrder, date: NaiveDate) -> RuleResult {
    if order.served_on.is_none_or(|s| s > date) {
        return Err(RuleError::new(
            "行政强制法第三十五条",
            "责令限期履行决定尚未送达当事人，不能催告；请先登记送达",
        ));
    }
    if date <= order.deadline {
        return Err(RuleError::new(
            "行政强制法第三十五条",
            format!("履行期限至 {}，期满仍不履行的方可催告", order.deadline),
        ));
    }
    if let Some(done) = order.complied_on.filter(|d| *d <= date) {
        return Err(RuleError::new(
            "行政强制法第三十五条",
            format!("当事人已于 {done} 履行义务，无需催告"),
        ));
    }
    Ok(())
}

/// 行政强制法第三十五条、第三十七条第一款: a 强制执行决定 only after a written 催告 was
/// served and its period passed without performance.
pub fn demand_before_enforcement(order: &DutyOrder, decision_on: NaiveDate) -> RuleResult {
    let Some(demand) = order.enforcement.demand.as_ref() else {
        return Err(RuleError::new(
            "行政强制法第三十五条",
            "作出强制执行决定前须先书面催告当事人履行义务，请先制作并送达催告书",
        ));
    };
    if !demand.states_statement_right || demand.way.trim().is_empty() {
        return Err(RuleError::new(
            "行政强制法第三十五条",
            "催告书须载明履行义务的期限、方式和当事人依法享有的陈述权和申辩权，请补全催告书",
        ));
    }
    let Some(served) = demand.served_on else {
        return Err(RuleError::new(
            "行政强制法第三十八条",
            "催告书尚未送达当事人，请先登记送达",
        ));
    };
    if decision_on <= demand.deadline || decision_on < served {
        return Err(RuleError::new(
            "行政强制法第三十七条第一款",
            format!(
                "催告书给予的履行期限至 {} 届满，逾期仍不履行的方可作出强制执行决定（{} 起）",
                demand.deadline,
                demand.deadline.succ_opt().unwrap_or(demand.deadline)
            ),
        ));
    }
    if let Some(done) = order.complied_on.filter(|d| *d <= decision_on) {
        return Err(RuleError::new(
            "行政强制法第三十七条第一款",
            format!("当事人已于 {done} 履行义务，不得作出强制执行决定"),
        ));
    }
    Ok(())
}

/// 行政强制法第三十六条: every 陈述 or 申辩 made after the 催告 is recorded and reviewed
/// (复核) before the decision; points found to hold are adopted.
pub fn statement_heard(order: &DutyOrder, decision_on: NaiveDate) -> RuleResult {
    for s in order
        .enforcement
        .statements
        .iter()
        .filter(|s| s.date <= decision_on)
    {
        if s.reviewed_on.is_none_or(|r| r > decision_on) || s.review.trim().is_empty() {
            return Err(RuleError::new(
                "行政强制法第三十六条",
                format!(
                    "当事人 {} 提出的陈述申辩尚未复核，请先记录复核意见再作出强制执行决定",
                    s.date
                ),
            ));
        }
        if s.adopted {
            return Err(RuleError::new(
                "行政强制法第三十六条",
                format!(
                    "当事人 {} 提出的事实、理由或者证据经复核成立并已采纳，不应作出强制执行决定；如需执行请重新审查",
                    s.date
                ),
            ));
        }
    }
    Ok(())
}

/// 行政强制法第三十七条第二款: the decision states the party's name and address, the
/// reasons and basis, the way and time, the route and limit for 复议 or 诉讼, and the
/// agency's name, seal and date.
pub fn enforcement_decision_contents(d: &EnforcementDecision) -> RuleResult {
    let fields = [
        ("当事人的姓名或者名称", d.party_name.as_str()),
        ("地址", d.party_address.as_str()),
        ("强制执行的理由和依据", d.reasons_and_basis.as_str()),
        ("强制执行的方式和时间", d.way_and_time.as_str()),
        (
            "申请行政复议或者提起行政诉讼的途径和期限",
            d.remedies.as_str(),
        ),
        ("行政机关的名称", d.agency.as_str()),
    ];
    let mut missing: Vec<&str> = fields
        .iter()
        .filter(|(_, v)| v.trim().is_empty())
        .map(|(name, _)| *name)
        .collect();
    if !d.sealed {
        missing.push("行政机关的印章");
    }
    if missing.is_empty() {
        Ok(())
    } else {
        Err(RuleError::new(
            "行政强制法第三十七条第二款",
            format!("强制执行决定书缺少：{}，请补全后再制作", missing.join("、")),
        ))
    }
}

/// 行政强制法第三十八条: the 强制执行决定书 is served before anything is enforced.
pub fn decision_served_before_enforcing(order: &DutyOrder, day: NaiveDate) -> RuleResult {
    match order
        .enforcement
        .decision
        .as_ref()
        .and_then(|d| d.served_on)
    {
        Some(served) if served <= day => Ok(()),
        Some(served) => Err(RuleError::new(
            "行政强制法第三十八条",
            format!("强制执行决定书于 {served} 才送达，不能在 {day} 实施强制执行"),
        )),
        None => Err(RuleError::new(
            "行政强制法第三十八条",
            "强制执行决定书尚未送达当事人，不得实施强制执行；请先登记送达",
        )),
    }
}
