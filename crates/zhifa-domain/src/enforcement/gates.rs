//! The gates of non-monetary enforcement: one named function per provision of 行政强制法,
//! each refusing with the article and a Chinese reason.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::order::DutyOrder;
use super::record::{
    Clearable, EnforcementAgreement, EnforcementDay, EnforcementDecision, ImmediateSubstitute,
    PublicSpace, Suspension, SuspensionGround, Termination, TerminationGround,
};
use crate::calendar::Calendar;
use crate::case::gates::remedy_periods_after_service;
use crate::case::rule::{RuleError, RuleResult};

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

/// What counts as night for 行政强制法第四十三条. The statute does not fix the hours; the
/// default 22:00–06:00 follows the one national definition (噪声污染防治法第八十八条第（二）项:
/// "晚上十点至次日早晨六点"), and a team may configure its own (a practice reading: M).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct NightHours {
    pub starts: NaiveTime,
    pub ends: NaiveTime,
}

impl Default for NightHours {
    fn default() -> Self {
        Self {
            starts: NaiveTime::from_hms_opt(22, 0, 0).unwrap_or(NaiveTime::MIN),
            ends: NaiveTime::from_hms_opt(6, 0, 0).unwrap_or(NaiveTime::MIN),
        }
    }
}

impl NightHours {
    /// Whether work from `start` to `end` on one day touches the night (a span past
    /// midnight always does; the night may wrap past midnight or not).
    pub fn overlaps(&self, start: NaiveTime, end: NaiveTime) -> bool {
        if end < start {
            return true;
        }
        if self.starts > self.ends {
            start < self.ends || end > self.starts
        } else {
            start < self.ends && end > self.starts
        }
    }
}

/// 行政强制法第四十三条第一款: no enforcement at night or on a day that is not a working day
/// by the holiday tables (weekends and statutory holidays), unless an emergency is recorded.
pub fn not_at_night_or_on_holidays(
    day: &EnforcementDay,
    night: NightHours,
    cal: &Calendar,
) -> RuleResult {
    if day.emergency.as_ref().is_some_and(|e| !e.trim().is_empty()) {
        return Ok(());
    }
    if !cal.is_working_day(day.date)? {
        let what = match cal.day_type(day.date)? {
            crate::calendar::DayType::Holiday(name) => format!("法定节假日（{name}）"),
            _ => "休息日".to_string(),
        };
        return Err(RuleError::new(
            "行政强制法第四十三条",
            format!(
                "{} 是{what}，不得实施行政强制执行；情况紧急的须记录紧急情况",
                day.date
            ),
        ));
    }
    if night.overlaps(day.start, day.end) {
        return Err(RuleError::new(
            "行政强制法第四十三条",
            format!(
                "{}–{} 涉及夜间（{}至次日{}），不得实施行政强制执行；情况紧急的须记录紧急情况",
                day.start.format("%H:%M"),
                day.end.format("%H:%M"),
                night.starts.format("%H:%M"),
                night.ends.format("%H:%M")
            ),
        ));
    }
    Ok(())
}

/// The last day the party may still start a 复议 or lawsuit against the order, with which
/// period ends last; the same periods the court-application window uses
/// ([`remedy_periods_after_service`]). `None` until the order is served.
pub fn order_remedy_periods_end(
    order: &DutyOrder,
    cal: &Calendar,
) -> RuleResult<Option<(&'static str, NaiveDate)>> {
    let Some(served) = order.served_on else {
        return Ok(None);
    };
    remedy_periods_after_service(
        served,
        order.direct_suit,
        order.reconsideration_ended(),
        Some(cal),
    )
    .map(Some)
}

/// 行政强制法第四十四条: a building, structure or facility is demolished by force only after
/// a 公告 gave the party a period to demolish it and that period passed, and only when the
/// party can no longer start a 复议 or lawsuit against the order and none is pending.
pub fn demolition_after_remedies(order: &DutyOrder, day: NaiveDate, cal: &Calendar) -> RuleResult {
    if !order.kind.is_demolition() {
        return Ok(());
    }
    let Some(notice) = order.enforcement.public_notice.as_ref() else {
        return Err(RuleError::new(
            "行政强制法第四十四条",
            "强制拆除前须由行政机关予以公告，限期当事人自行拆除；请先发布强制拆除公告",
        ));
    };
    let notice_end = cal.period_end(notice.date, notice.period)?;
    if day <= notice_end {
        return Err(RuleError::new(
            "行政强制法第四十四条",
            format!("公告限期当事人自行拆除至 {notice_end} 届满，期满仍不拆除的方可强制拆除"),
        ));
    }
    if order.remedy_pending_on(day) {
        return Err(RuleError::new(
            "行政强制法第四十四条",
            "当事人已对责令拆除决定申请行政复议或者提起行政诉讼且尚未终结，不得强制拆除",
        ));
    }
    let Some((basis, end)) = order_remedy_periods_end(order, cal)? else {
        return Err(RuleError::new(
            "行政强制法第四十四条",
            "责令拆除决定尚未登记送达，无法确定当事人申请复议、提起诉讼的法定期限，不得强制拆除",
        ));
    };
    if day <= end {
        return Err(RuleError::new(
            "行政强制法第四十四条",
            format!("当事人的{basis}至 {end} 届满，期满未申请复议、未起诉又不拆除的，方可自次日起强制拆除"),
        ));
    }
    Ok(())
}

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
    let missing: Vec<&str> = fields
        .iter()
        .filter(|(_, v)| v.trim().is_empty())
        .map(|(n, _)| *n)
        .collect();
    if !missing.is_empty() || dec.cost_estimate.0 <= 0 {
        let mut missing = missing;
        if dec.cost_estimate.0 <= 0 {
            missing.push("费用预算");
        }
        return Err(RuleError::new(
            "行政强制法第五十一条第一款第（一）项",
            format!("代履行决定书缺少：{}", missing.join("、")),
        ));
    }
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
