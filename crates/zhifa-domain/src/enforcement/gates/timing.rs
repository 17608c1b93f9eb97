//! When force may be used: not at night or on holidays, and for demolition not before the 公告 period and the remedy periods (行政强制法第四十三条、第四十四条).

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;
use crate::case::gates::remedy_periods_after_service;
use crate::case::rule::{RuleError, RuleResult};
use crate::enforcement::order::DutyOrder;
use crate::enforcement::record::EnforcementDay;

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
        order.suit,
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
    let ends = match order_remedy_periods_end(order, cal) {
        // A year without its holiday table: a day before the statutory estimate is refused
        // all the same (the real end is never earlier than the period's plain end), saying so.
        Err(e) if matches!(e.kind, crate::case::rule::RuleKind::Calendar(_)) => {
            match order_remedy_periods_end(order, &cal.with_statutory_estimates()) {
                Ok(Some((basis, estimate))) if day <= estimate => {
                    return Err(RuleError::new(
                        "行政强制法第四十四条",
                        format!("当事人的{basis}预计至 {estimate} 届满（相关年度的放假安排尚未导入，导入后以其计算为准），期满前不得强制拆除"),
                    ))
                }
                _ => return Err(e),
            }
        }
        other => other?,
    };
    let Some((basis, end)) = ends else {
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
