//! 代履行 and 立即代履行 (行政强制法第五十条至第五十二条).

use chrono::NaiveDate;

use crate::calendar::Calendar;
use crate::case::rule::{RuleError, RuleResult};
use crate::enforcement::order::DutyOrder;
use crate::enforcement::record::{
    Clearable, EnforcementDay, ImmediateSubstitute, PublicSpace, SubstituteDecision,
};

/// 行政强制法第五十条、第五十一条第一款第（一）（二）项: 代履行 only after its decision
/// (naming the party, address, reasons and basis, way and time, object, cost estimate and
/// performer) was served, where not performing harms traffic safety, causes pollution or
/// damages natural resources, and a 催告 was given at least three working days before
/// (第六十九条: periods of ten days or less are working days); if the party performed, 代履行
/// stops.
pub fn substitute_performance_demand(
    order: &DutyOrder,
    day: NaiveDate,
    cal: &Calendar,
) -> RuleResult {
    let Some(sub) = order.enforcement.substitute.as_ref() else {
        return Err(RuleError::new(
            "行政强制法第五十一条",
            "尚未作出代履行决定，不能代履行",
        ));
    };
    let dec = &sub.decision;
    substitute_decision_contents(dec)?;
    match dec.served_on {
        Some(s) if s <= day => {}
        _ => {
            return Err(RuleError::new(
                "行政强制法第五十一条第一款第（一）项",
                "代履行前须送达代履行决定书",
            ))
        }
    }
    let Some(demand_on) = sub.demand_on.filter(|d| *d <= day) else {
        return Err(RuleError::new(
            "行政强制法第五十一条第一款第（二）项",
            "代履行三日前须催告当事人履行，尚未登记代履行催告",
        ));
    };
    let earliest = cal.add_working_days(demand_on, 3)?;
    if day < earliest {
        return Err(RuleError::new(
            "行政强制法第五十一条第一款第（二）项",
            format!("代履行催告于 {demand_on} 作出，须满三个工作日（第六十九条），{earliest} 起方可代履行"),
        ));
    }
    if let Some(done) = sub.complied_on.or(order.complied_on).filter(|d| *d <= day) {
        return Err(RuleError::new(
            "行政强制法第五十一条第一款第（二）项",
            format!("当事人已于 {done} 履行，应当停止代履行"),
        ));
    }
    Ok(())
}

/// 行政强制法第五十条、第五十一条第一款第（一）项: the 代履行决定书 names the party, address,
/// reasons and basis, way and time, object, cost estimate and performer, and the harm that
/// makes 代履行 available.
pub fn substitute_decision_contents(dec: &SubstituteDecision) -> RuleResult {
    if dec.harm.is_none() {
        return Err(RuleError::new(
            "行政强制法第五十条",
            "代履行限于不履行的后果已经或者将危害交通安全、造成环境污染或者破坏自然资源的情形，请登记所属情形",
        ));
    }
    let fields = [
        ("当事人的姓名或者名称", dec.party_name.as_str()),
        ("地址", dec.party_address.as_str()),
        ("代履行的理由和依据", dec.reasons_and_basis.as_str()),
        ("方式和时间", dec.way_and_time.as_str()),
        ("标的", dec.object.as_str()),
        ("代履行人", dec.performer.as_str()),
    ];
    let mut missing: Vec<&str> = fields
        .iter()
        .filter(|(_, v)| v.trim().is_empty())
        .map(|(n, _)| *n)
        .collect();
    if dec.cost_estimate.0 <= 0 {
        missing.push("费用预算");
    }
    if missing.is_empty() {
        Ok(())
    } else {
        Err(RuleError::new(
            "行政强制法第五十一条第一款第（一）项",
            format!("代履行决定书缺少：{}", missing.join("、")),
        ))
    }
}

/// 行政强制法第五十条: 代履行 is decided only when the party, ordered to act, did not act
/// and still did not after a 催告 (served, its period passed).
pub fn substitute_after_demand(order: &DutyOrder, decided_on: NaiveDate) -> RuleResult {
    let demand = order
        .enforcement
        .demand
        .as_ref()
        .filter(|d| d.served_on.is_some_and(|s| s <= decided_on));
    let Some(demand) = demand else {
        return Err(RuleError::new(
            "行政强制法第五十条",
            "代履行须在当事人逾期不履行、经催告仍不履行后决定，请先制作并送达催告书",
        ));
    };
    if decided_on <= demand.deadline {
        return Err(RuleError::new(
            "行政强制法第五十条",
            format!(
                "催告书给予的履行期限至 {} 届满，期满仍不履行的方可决定代履行",
                demand.deadline
            ),
        ));
    }
    if let Some(done) = order.complied_on.filter(|d| *d <= decided_on) {
        return Err(RuleError::new(
            "行政强制法第五十条",
            format!("当事人已于 {done} 履行义务，不得代履行"),
        ));
    }
    Ok(())
}

/// 行政强制法第五十一条第一款第（三）（四）项: an officer of the agency supervises on the day,
/// and the record is signed by the officer, the performer, and the party or a witness.
pub fn substitute_performance_recorded(day: &EnforcementDay) -> RuleResult {
    if day.officers.is_empty() {
        return Err(RuleError::new(
            "行政强制法第五十一条第一款第（三）项",
            "代履行时作出决定的行政机关应当派员到场监督，请登记到场工作人员",
        ));
    }
    if day.performer.trim().is_empty() {
        return Err(RuleError::new(
            "行政强制法第五十一条第一款第（四）项",
            "请登记代履行人",
        ));
    }
    if !day.party_signed && day.witnesses.iter().all(|w| w.trim().is_empty()) {
        return Err(RuleError::new(
            "行政强制法第五十一条第一款第（四）项",
            "代履行完毕，当事人或者见证人应当在执行文书上签名或者盖章，请登记当事人签名或见证人",
        ));
    }
    Ok(())
}

/// 行政强制法第五十二条: 立即代履行 only to clear spills, obstacles or pollutants from a
/// road, river, waterway or public place that the party cannot clear; a party who was
/// absent is told immediately afterwards.
pub fn immediate_substitute_allowed(im: &ImmediateSubstitute) -> RuleResult {
    if im.space == PublicSpace::Other {
        return Err(RuleError::new(
            "行政强制法第五十二条",
            "立即代履行限于道路、河道、航道或者公共场所；其他场所请按第五十一条先送达代履行决定书并催告",
        ));
    }
    if im.what == Clearable::Other {
        return Err(RuleError::new(
            "行政强制法第五十二条",
            "立即代履行限于清除遗洒物、障碍物或者污染物；拆除建筑物、设施等请按第四十四条、第五十一条办理",
        ));
    }
    if !im.party_unable {
        return Err(RuleError::new(
            "行政强制法第五十二条",
            "当事人能够自行清除的，不得立即代履行，请责令当事人清除",
        ));
    }
    Ok(())
}

/// 行政强制法第五十二条: when the party was absent, the notice afterwards is due; `today`
/// past the day of clearing without it is refused (the 工作台 shows it as overdue).
pub fn immediate_substitute_notified(im: &ImmediateSubstitute, today: NaiveDate) -> RuleResult {
    if im.party_present || im.notified_on.is_some() || today <= im.date {
        return Ok(());
    }
    Err(RuleError::new(
        "行政强制法第五十二条",
        format!(
            "当事人不在场，{} 立即代履行后应当立即通知当事人，请制作并送达立即代履行事后通知书",
            im.date
        ),
    ))
}
