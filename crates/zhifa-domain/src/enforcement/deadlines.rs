//! The due dates the 工作台 shows for a duty order: the correction deadline, the end of the
//! 公告 period, the 代履行 催告 and the earliest day the order may lawfully be enforced.

use chrono::NaiveDate;
use serde::Serialize;

use super::gates::order_remedy_periods_end;
use super::order::{DutyOrder, EnforcementPower};
use crate::calendar::Calendar;
use crate::case::rule::{RuleError, RuleResult};

/// The day the party must have performed by, while it still matters (not performed, not
/// terminated).
pub fn correction_due(order: &DutyOrder) -> Option<NaiveDate> {
    (order.complied_on.is_none() && order.enforcement.termination.is_none())
        .then_some(order.deadline)
}

/// The last day of the period a 强制拆除公告 gives the party (行政强制法第四十四条).
pub fn notice_period_end(order: &DutyOrder, cal: &Calendar) -> RuleResult<Option<NaiveDate>> {
    match order.enforcement.public_notice.as_ref() {
        Some(n) => Ok(Some(cal.period_end(n.date, n.period)?)),
        None => Ok(None),
    }
}

/// The last day to give the 代履行催告 for the planned day: three working days before it
/// (行政强制法第五十一条第一款第（二）项; 第六十九条). `None` without a 代履行 decision or
/// once the 催告 was given.
pub fn substitute_demand_due(order: &DutyOrder, cal: &Calendar) -> RuleResult<Option<NaiveDate>> {
    let Some(sub) = order.enforcement.substitute.as_ref() else {
        return Ok(None);
    };
    if sub.demand_on.is_some() {
        return Ok(None);
    }
    let planned = sub.decision.planned_on;
    // The latest day D with D + 3 working days <= planned: step back to the third working
    // day before `planned`, counting `planned` itself out.
    let mut day = planned;
    let mut left = 3;
    while left > 0 {
        day = day
            .pred_opt()
            .ok_or(crate::calendar::CalendarError::OutOfRange)?;
        if cal.is_working_day(day)? {
            left -= 1;
        }
    }
    // Any day between that working day and the next one also gives three working days.
    let mut latest = day;
    while let Some(next) = latest.succ_opt() {
        if next >= planned || cal.is_working_day(next)? {
            break;
        }
        latest = next;
    }
    Ok(Some(latest))
}

/// The earliest lawful day of enforcement and the rule that sets it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EarliestDay {
    pub date: NaiveDate,
    pub rule: &'static str,
    /// Why not before, in Chinese.
    pub why: String,
}

/// The earliest day the township may lawfully enforce the order itself: after the order's
/// deadline and the 催告's (行政强制法第三十五条、第三十七条), on or after the service of the
/// 强制执行决定书 or 代履行决定书 (第三十八条、第五十一条), three working days after the
/// 代履行催告 (第五十一条), for demolition after the 公告 period and the remedy periods
/// (第四十四条), and on a working day (第四十三条). `Ok(None)`: nothing left to enforce.
/// An error says what must be recorded first (a 催告, a 公告, service) or why it may not be
/// enforced at all (no power, suspended, an agreement being kept).
pub fn earliest_enforcement_day(
    order: &DutyOrder,
    cal: &Calendar,
) -> RuleResult<Option<EarliestDay>> {
    let e = &order.enforcement;
    if order.complied_on.is_some() || e.termination.is_some() || e.days.iter().any(|d| d.completed)
    {
        return Ok(None);
    }
    if order.power != EnforcementPower::SelfEnforce {
        return Err(RuleError::new(
            "行政强制法第十三条第二款",
            "本机关对该决定没有行政强制执行权，期满不履行的应申请人民法院强制执行",
        ));
    }
    let mut best = EarliestDay {
        date: next(order.deadline),
        rule: "履行期限",
        why: format!("责令履行的期限至 {} 届满", order.deadline),
    };
    let mut raise = |date: NaiveDate, rule: &'static str, why: String| {
        if date > best.date {
            best = EarliestDay { date, rule, why };
        }
    };
    let Some(demand) = e.demand.as_ref() else {
        return Err(RuleError::new(
            "行政强制法第三十五条",
            "尚未催告：强制执行前须书面催告当事人履行义务",
        ));
    };
    let Some(demand_served) = demand.served_on else {
        return Err(RuleError::new(
            "行政强制法第三十八条",
            "催告书尚未送达当事人",
        ));
    };
    raise(
        next(demand.deadline.max(demand_served)),
        "行政强制法第三十七条第一款",
        format!("催告书给予的履行期限至 {} 届满", demand.deadline),
    );
    if let Some(sub) = e.substitute.as_ref() {
        let Some(served) = sub.decision.served_on else {
            return Err(RuleError::new(
                "行政强制法第五十一条第一款第（一）项",
                "代履行决定书尚未送达",
            ));
        };
        raise(
            served,
            "行政强制法第五十一条第一款第（一）项",
            format!("代履行决定书于 {served} 送达"),
        );
        let Some(demand_on) = sub.demand_on else {
            return Err(RuleError::new(
                "行政强制法第五十一条第一款第（二）项",
                format!(
                    "尚未作出代履行催告（须在代履行三个工作日前，计划代履行日 {}）",
                    sub.decision.planned_on
                ),
            ));
        };
        raise(
            cal.add_working_days(demand_on, 3)?,
            "行政强制法第五十一条第一款第（二）项",
            format!("代履行催告于 {demand_on} 作出，须满三个工作日"),
        );
    } else {
        match e.decision.as_ref().and_then(|d| d.served_on) {
            Some(served) => raise(
                served,
                "行政强制法第三十八条",
                format!("强制执行决定书于 {served} 送达"),
            ),
            None => {
                return Err(RuleError::new(
                    "行政强制法第三十七条、第三十八条",
                    format!(
                        "尚未作出或送达强制执行决定书（催告期限 {} 届满后方可作出）",
                        demand.deadline
                    ),
                ))
            }
        }
    }
    if order.kind.is_demolition() {
        let Some(end) = super::deadlines::notice_period_end(order, cal)? else {
            return Err(RuleError::new(
                "行政强制法第四十四条",
                "强制拆除前须先公告，限期当事人自行拆除",
            ));
        };
        raise(
            next(end),
            "行政强制法第四十四条",
            format!("强制拆除公告的期限至 {end} 届满"),
        );
        if order.remedies.iter().any(|r| r.ended_on.is_none()) {
            return Err(RuleError::new(
                "行政强制法第四十四条",
                "当事人的行政复议或者行政诉讼尚未终结，不得强制拆除",
            ));
        }
        let Some((basis, end)) = order_remedy_periods_end(order, cal)? else {
            return Err(RuleError::new(
                "行政强制法第四十四条",
                "责令拆除决定尚未登记送达，无法计算复议、诉讼期限",
            ));
        };
        raise(
            next(end),
            "行政强制法第四十四条",
            format!("当事人的{basis}至 {end} 届满"),
        );
    }
    if let Some(s) = e.suspension.as_ref().filter(|s| s.resumed_on.is_none()) {
        return Err(RuleError::new(
            "行政强制法第三十九条",
            format!("已于 {} 中止执行，尚未恢复执行", s.date),
        ));
    }
    if let Some(a) = e.agreement.as_ref() {
        match a.breached_on {
            None if a.fulfilled_on.is_none() => {
                return Err(RuleError::new(
                    "行政强制法第四十二条第二款",
                    "执行协议正在履行，当事人不履行协议的方可恢复强制执行",
                ))
            }
            Some(b) => raise(
                b,
                "行政强制法第四十二条第二款",
                format!("当事人于 {b} 不履行执行协议，恢复强制执行"),
            ),
            None => {}
        }
    }
    let working = cal.next_working_day_from(best.date)?;
    if working > best.date {
        best = EarliestDay {
            date: working,
            rule: "行政强制法第四十三条",
            why: format!(
                "{}；{} 起的第一个工作日（不得在法定节假日实施强制执行）",
                best.why, best.date
            ),
        };
    }
    Ok(Some(best))
}

fn next(d: NaiveDate) -> NaiveDate {
    d.succ_opt().unwrap_or(d)
}

/// For an order the township may not enforce itself, the window to apply to the court
/// (opens, closes), computed as for fines: ten working days after the 催告 was served
/// (行政强制法第五十四条, [`demand_period_end`]) and after the party's remedy periods ended,
/// closing three months after they ended (第五十三条). `None` until the order and the 催告
/// are served.
///
/// [`demand_period_end`]: crate::case::gates::demand_period_end
pub fn order_court_window(
    order: &DutyOrder,
    cal: &Calendar,
) -> RuleResult<Option<(NaiveDate, NaiveDate)>> {
    let Some(served) = order.enforcement.demand.as_ref().and_then(|d| d.served_on) else {
        return Ok(None);
    };
    let Some((_, end)) = order_remedy_periods_end(order, cal)? else {
        return Ok(None);
    };
    let after_demand = crate::case::gates::demand_period_end(served, cal)?;
    let closes = cal.months_period_end(end, 3)?;
    Ok(Some((after_demand.max(next(end)), closes)))
}

/// What may lawfully be done next about the order, in one Chinese sentence for the case
/// view: asked of the same functions the gates use, never computed again here.
pub fn next_lawful_step(order: &DutyOrder, cal: &Calendar) -> String {
    let e = &order.enforcement;
    if let Some(done) = order.complied_on {
        return format!("当事人已于 {done} 履行义务");
    }
    if let Some(t) = &e.termination {
        return format!(
            "已于 {} 终结执行（{}）",
            t.date,
            crate::serde_name(&t.ground)
        );
    }
    if let Some(d) = e.days.iter().find(|d| d.completed) {
        return format!("已于 {} 执行完毕", d.date);
    }
    if let Some(im) = &e.immediate {
        return if e.days.is_empty() {
            format!(
                "下一步：{} 当日实施立即代履行并制作笔录（行政强制法第五十二条）",
                im.date
            )
        } else {
            "立即代履行已实施".into()
        };
    }
    if order.served_on.is_none() {
        return "下一步：送达责令限期履行决定书".into();
    }
    if e.demand.is_none() {
        return format!(
            "履行期限至 {}；期满不履行的，下一步催告（行政强制法第三十五条）",
            order.deadline
        );
    }
    if e.substitute.is_some() {
        return match substitute_demand_due(order, cal) {
            Ok(Some(due)) => format!("下一步：代履行催告，最迟 {due}（行政强制法第五十一条）"),
            _ => "下一步：按代履行决定实施代履行并制作笔录（行政强制法第五十一条）".into(),
        };
    }
    if order.power == EnforcementPower::ApplyToCourt {
        return match order_court_window(order, cal) {
            Ok(Some((opens, closes))) => format!(
                "本机关无强制执行权：{opens} 至 {closes} 可申请人民法院强制执行（行政强制法第五十三条）；符合第五十条的也可代履行"
            ),
            Ok(None) => "本机关无强制执行权：催告书送达后，期满可申请人民法院强制执行".into(),
            Err(err) => format!("尚不能申请人民法院强制执行：{}（{}）", err.message, err.rule),
        };
    }
    match earliest_enforcement_day(order, cal) {
        Ok(Some(day)) => format!(
            "最早可于 {} 依法强制执行：{}（{}）",
            day.date, day.why, day.rule
        ),
        Ok(None) => "没有待执行的义务".into(),
        // A year without its table: the estimate from the statutory holidays, marked so.
        Err(err) if matches!(err.kind, crate::case::rule::RuleKind::Calendar(_)) => {
            match earliest_enforcement_day(order, &cal.with_statutory_estimates()) {
                Ok(Some(day)) => format!(
                    "预计最早可于 {} 依法强制执行：{}（{}；该年放假安排尚未导入，以导入后计算为准）",
                    day.date, day.why, day.rule
                ),
                _ => format!("尚不能强制执行：{}", err.message),
            }
        }
        Err(err) => format!("尚不能强制执行：{}（{}）", err.message, err.rule),
    }
}
