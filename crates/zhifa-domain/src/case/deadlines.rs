//! Every legal deadline of a case, with its status, computed from the case and the
//! working-day calendar. Pure: the store saves the result for lists and recomputes it
//! whenever the case or a holiday table changes.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::gates;
use super::model::{Case, Outcome, ServedDoc, Stage};
use super::rule::{RuleError, RuleKind};
use crate::calendar::{Calendar, CalendarError};
use crate::procedure_settings::ProcedureSettings;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// 立案: file promptly after discovery (Art 54 "及时"; the number of days is a setting).
    Filing,
    /// 先行登记保存: decide within 7 working days (Art 56).
    Preservation,
    /// 查封扣押: period of ≤ 30 (+30) days, test time excluded (行政强制法 Art 25).
    Seizure,
    /// 陈述申辩: the statement period after the notice is served.
    Statement,
    /// 听证申请: 5 working days after the notice is served (Art 64(1)).
    HearingRequest,
    /// 作出决定: 90 days from filing plus approved extensions (Art 60).
    Decision,
    /// 送达决定书: 7 working days after the decision (Art 61).
    Service,
    /// 缴纳罚款: 15 days after service (Art 67), or the plan's last instalment (Art 66).
    Payment,
    /// 申请强制执行: window closes 3 months after the lawsuit period (行政强制法 Art 53).
    CourtApplication,
    /// 公示: publish decisions with social impact (Art 48; the period is a setting).
    Publication,
    /// 履行期限: the day an order to act must be performed by; after it, 催告.
    DutyPerformance,
    /// 催告履行期限: the period a 催告 gives (行政强制法第三十五条).
    DutyDemand,
    /// 公告期限: the period a 强制拆除公告 gives (行政强制法第四十四条).
    DemolitionNotice,
    /// 最早可强制执行日: the earliest lawful day of enforcement (第三十五条至第四十四条).
    Enforcement,
    /// 代履行催告: three working days before the planned 代履行 (第五十一条).
    SubstituteDemand,
    /// 退还物品: seized or preserved goods to return once released (行政强制法第二十八条).
    GoodsReturn,
}

impl DeadlineKind {
    pub fn label(self) -> &'static str {
        match self {
            DeadlineKind::Filing => "立案",
            DeadlineKind::Preservation => "先行登记保存处理",
            DeadlineKind::Seizure => "查封扣押期限",
            DeadlineKind::Statement => "陈述申辩",
            DeadlineKind::HearingRequest => "听证申请",
            DeadlineKind::Decision => "作出决定",
            DeadlineKind::Service => "送达决定书",
            DeadlineKind::Payment => "缴纳罚款",
            DeadlineKind::CourtApplication => "申请强制执行",
            DeadlineKind::Publication => "公示",
            DeadlineKind::DutyPerformance => "履行期限",
            DeadlineKind::DutyDemand => "催告履行期限",
            DeadlineKind::DemolitionNotice => "拆除公告期限",
            DeadlineKind::Enforcement => "可强制执行",
            DeadlineKind::SubstituteDemand => "代履行催告",
            DeadlineKind::GoodsReturn => "退还物品",
        }
    }

    pub fn basis(self) -> &'static str {
        match self {
            DeadlineKind::Filing => "行政处罚法第五十四条（天数为本机关设置）",
            DeadlineKind::Preservation => "行政处罚法第五十六条",
            DeadlineKind::Seizure => "行政强制法第二十五条",
            DeadlineKind::Statement => "行政处罚法第四十四条、第六十二条",
            DeadlineKind::HearingRequest => "行政处罚法第六十四条",
            DeadlineKind::Decision => "行政处罚法第六十条",
            DeadlineKind::Service => "行政处罚法第六十一条",
            DeadlineKind::Payment => "行政处罚法第六十六条、第六十七条",
            DeadlineKind::CourtApplication => "行政强制法第五十三条、第五十四条",
            DeadlineKind::Publication => "行政处罚法第四十八条（天数为本机关设置）",
            DeadlineKind::DutyPerformance => "责令限期履行决定",
            DeadlineKind::DutyDemand => "行政强制法第三十五条",
            DeadlineKind::DemolitionNotice => "行政强制法第四十四条",
            DeadlineKind::Enforcement => "行政强制法第三十五条至第四十四条",
            DeadlineKind::SubstituteDemand => "行政强制法第五十一条",
            DeadlineKind::GoodsReturn => "行政强制法第二十八条；行政处罚法第五十六条",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum DeadlineStatus {
    /// Done (on `on`, which may be late).
    Met {
        on: NaiveDate,
        late: bool,
    },
    Pending,
    /// Due within 3 working days.
    DueSoon,
    Overdue,
    /// The period cannot be computed, e.g. the calendar has no table for a year it touches
    /// (`calendar`, kept typed so a screen can name the year to import).
    Unknown {
        reason: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        calendar: Option<CalendarError>,
    },
    /// No table yet for `year`, but the date counted from what the law fixes (weekends and
    /// the statutory holidays, `calendar::statutory`) is `estimate`. Never final: recomputed
    /// when the year's notice is imported, and no step is refused or allowed on it.
    Estimated {
        estimate: NaiveDate,
        year: i32,
    },
}

impl DeadlineStatus {
    /// The status without its details: what lists store, filter by and colour by.
    pub fn state(&self) -> DeadlineState {
        match self {
            DeadlineStatus::Met { late: false, .. } => DeadlineState::Met,
            DeadlineStatus::Met { late: true, .. } => DeadlineState::MetLate,
            DeadlineStatus::Pending => DeadlineState::Pending,
            DeadlineStatus::DueSoon => DeadlineState::DueSoon,
            DeadlineStatus::Overdue => DeadlineState::Overdue,
            DeadlineStatus::Unknown { .. } => DeadlineState::Unknown,
            DeadlineStatus::Estimated { .. } => DeadlineState::Estimated,
        }
    }

    pub fn label(&self) -> &'static str {
        self.state().label()
    }

    /// Open deadlines still need action.
    pub fn is_open(&self) -> bool {
        self.state().is_open()
    }

    /// The status as a clerk reads it: an estimate says what it waits for.
    pub fn describe(&self) -> String {
        match self {
            DeadlineStatus::Estimated { estimate, year } => {
                format!("预计 {estimate}（待国务院公布 {year} 年放假安排后确定）")
            }
            other => other.label().to_string(),
        }
    }

    /// The year whose holiday table is missing, if that is why the status is unknown.
    pub fn missing_year(&self) -> Option<i32> {
        match self {
            DeadlineStatus::Unknown {
                calendar: Some(CalendarError::MissingYear(y)),
                ..
            } => Some(*y),
            _ => None,
        }
    }

    fn unknown(e: RuleError) -> DeadlineStatus {
        let calendar = match e.kind {
            RuleKind::Calendar(c) => Some(c),
            _ => None,
        };
        DeadlineStatus::Unknown {
            reason: e.message,
            calendar,
        }
    }
}

/// A deadline's state as lists keep it. Its serde name is the code the store writes
/// (stable, never shown); `label` is what people read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineState {
    Met,
    MetLate,
    Pending,
    DueSoon,
    Overdue,
    Unknown,
    /// Counted from the statutory holidays of a year with no notice yet: open, never final.
    Estimated,
}

impl DeadlineState {
    pub const ALL: [DeadlineState; 7] = [
        DeadlineState::Met,
        DeadlineState::MetLate,
        DeadlineState::Pending,
        DeadlineState::DueSoon,
        DeadlineState::Overdue,
        DeadlineState::Unknown,
        DeadlineState::Estimated,
    ];

    /// The states that still need action.
    pub const OPEN: [DeadlineState; 4] = [
        DeadlineState::Pending,
        DeadlineState::DueSoon,
        DeadlineState::Overdue,
        DeadlineState::Estimated,
    ];

    pub fn label(self) -> &'static str {
        match self {
            DeadlineState::Met => "已完成",
            DeadlineState::MetLate => "逾期完成",
            DeadlineState::Pending => "未到期",
            DeadlineState::DueSoon => "即将到期",
            DeadlineState::Overdue => "已逾期",
            DeadlineState::Unknown => "无法计算",
            DeadlineState::Estimated => "预计",
        }
    }

    pub fn is_open(self) -> bool {
        Self::OPEN.contains(&self)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    pub kind: DeadlineKind,
    /// Which instance (e.g. the n-th preservation); 0 for single deadlines.
    pub index: u32,
    pub due: Option<NaiveDate>,
    pub status: DeadlineStatus,
}

impl Deadline {
    pub fn label(&self) -> &'static str {
        self.kind.label()
    }

    /// The date a list shows and sorts by: the due date, or for a year without a holiday
    /// notice the estimate (its state, 预计, says it is not final).
    pub fn shown_due(&self) -> Option<NaiveDate> {
        match self.status {
            DeadlineStatus::Estimated { estimate, .. } => Some(estimate),
            _ => self.due,
        }
    }
}

struct Builder<'a> {
    cal: &'a Calendar,
    today: NaiveDate,
    out: Vec<Deadline>,
}

impl Builder<'_> {
    fn push(
        &mut self,
        kind: DeadlineKind,
        index: u32,
        due: Result<NaiveDate, RuleError>,
        met: Option<NaiveDate>,
    ) {
        let (due, status) = match due {
            Err(e) => (None, DeadlineStatus::unknown(e)),
            Ok(due) => {
                let status = match met {
                    Some(on) => DeadlineStatus::Met { on, late: on > due },
                    None if self.today > due => DeadlineStatus::Overdue,
                    None => match self.cal.working_days_between(self.today, due) {
                        Ok(n) if n <= 3 => DeadlineStatus::DueSoon,
                        Ok(_) => DeadlineStatus::Pending,
                        Err(e) => DeadlineStatus::unknown(e.into()),
                    },
                };
                (Some(due), status)
            }
        };
        self.out.push(Deadline {
            kind,
            index,
            due,
            status,
        });
    }
}

/// All deadlines of `case` as of `today`. Deadlines that no longer apply (the case ended
/// another way) are left out. A deadline the calendar cannot count for want of a year's
/// holiday table is counted again with the statutory estimate of that year
/// (`Calendar::with_statutory_estimates`): met, it is met; open, it shows the estimate; in
/// an archived case it is left out — none of these shows a calendar error.
pub fn compute(
    case: &Case,
    cal: &Calendar,
    settings: &ProcedureSettings,
    today: NaiveDate,
) -> Vec<Deadline> {
    let strict = compute_with(case, cal, settings, today);
    if !strict
        .iter()
        .any(|d| matches!(d.status, DeadlineStatus::Unknown { .. }))
    {
        return strict;
    }
    let estimated = compute_with(case, &cal.with_statutory_estimates(), settings, today);
    strict
        .into_iter()
        .filter_map(|d| {
            if !matches!(d.status, DeadlineStatus::Unknown { .. }) {
                return Some(d);
            }
            let est = estimated
                .iter()
                .find(|e| e.kind == d.kind && e.index == d.index)?;
            let estimate = est.due?;
            let status = match est.status {
                DeadlineStatus::Met { on, .. } => DeadlineStatus::Met {
                    on,
                    late: on > estimate,
                },
                _ if case.is_read_only() => return None,
                _ => DeadlineStatus::Estimated {
                    estimate,
                    year: (today.year()..=estimate.year())
                        .find(|y| !cal.has_year(*y))
                        .unwrap_or(estimate.year()),
                },
            };
            Some(Deadline {
                due: None,
                status,
                ..d
            })
        })
        .collect()
}

fn compute_with(
    case: &Case,
    cal: &Calendar,
    settings: &ProcedureSettings,
    today: NaiveDate,
) -> Vec<Deadline> {
    let mut b = Builder {
        cal,
        today,
        out: Vec::new(),
    };
    let ended = matches!(
        case.outcome,
        Some(Outcome::NotFiled { .. } | Outcome::Withdrawn { .. } | Outcome::Transferred { .. })
    );
    if (case.stage == Stage::Proposed || case.filing.is_some())
        && case.procedure == super::model::Procedure::General
    {
        let due = cal
            .days_period_end(case.discovered_on, settings.filing_limit_days)
            .map_err(RuleError::from);
        b.push(
            DeadlineKind::Filing,
            0,
            due,
            case.filing.as_ref().map(|a| a.date),
        );
    }
    for (i, p) in case.preservations.iter().enumerate() {
        let due = cal.add_working_days(p.date, 7).map_err(RuleError::from);
        b.push(DeadlineKind::Preservation, i as u32, due, p.decided_on);
    }
    for (i, s) in case.seizures.iter().enumerate() {
        let due = gates::seizure_period_end(s, cal);
        b.push(DeadlineKind::Seizure, i as u32, due, s.released_on);
    }
    duty_deadlines(&mut b, case);
    goods_deadlines(&mut b, case);
    if ended && case.decision.is_none() {
        return b.out;
    }
    if let Some(notice) = &case.notice {
        if case.served(ServedDoc::Notice).is_some() {
            let end = gates::statement_period_end(case, cal, settings)
                .and_then(|e| e.ok_or_else(|| RuleError::input("告知书未送达")));
            let met = case
                .waived_on
                .or_else(|| end.as_ref().ok().copied().filter(|e| *e < today));
            b.push(DeadlineKind::Statement, 0, end, met);
            if notice.hearing_right {
                let served = case
                    .served(ServedDoc::Notice)
                    .map(|s| s.served_on)
                    .unwrap_or(notice.date);
                let due = cal.add_working_days(served, 5).map_err(RuleError::from);
                let met = case
                    .hearing
                    .as_ref()
                    .map(|h| h.requested_on)
                    .or(case.waived_on)
                    .or_else(|| due.as_ref().ok().copied().filter(|d| *d < today));
                b.push(DeadlineKind::HearingRequest, 0, due, met);
            }
        }
    }
    if case.filed_on().is_some() && matches!(case.outcome, None | Some(Outcome::Penalty)) {
        let due = gates::decision_due(case, cal)
            .and_then(|d| d.ok_or_else(|| RuleError::input("未立案")));
        b.push(
            DeadlineKind::Decision,
            0,
            due,
            case.decision.as_ref().map(|d| d.date),
        );
    }
    if let Some(d) = &case.decision {
        let doc = if case.outcome == Some(Outcome::Penalty) {
            ServedDoc::Decision
        } else {
            ServedDoc::NoPenaltyDecision
        };
        let due = cal.add_working_days(d.date, 7).map_err(RuleError::from);
        b.push(
            DeadlineKind::Service,
            0,
            due,
            case.served(doc).map(|s| s.date),
        );
        if d.fine.0 > 0 {
            if let Ok(Some(due)) = gates::payment_due(case, cal) {
                let paid_on = (case.paid() >= case.fine_due())
                    .then(|| case.payments.iter().map(|p| p.date).max())
                    .flatten()
                    .or_else(|| case.termination.as_ref().map(|t| t.0));
                b.push(DeadlineKind::Payment, 0, Ok(due), paid_on);
            }
        }
        if d.publish {
            let due = cal
                .add_working_days(d.date, settings.publication_working_days)
                .map_err(RuleError::from);
            b.push(DeadlineKind::Publication, 0, due, case.published_on);
        }
        if case.served(ServedDoc::Demand).is_some() {
            // An error (a year without a table) is pushed, so it shows as an estimate.
            let closes = gates::court_window(case, cal).and_then(|w| {
                w.map(|(_, closes)| closes)
                    .ok_or_else(|| RuleError::input("处罚决定书尚未送达"))
            });
            let met = case
                .court
                .as_ref()
                .map(|c| c.date)
                .or_else(|| (case.paid() >= case.fine_due()).then_some(today));
            b.push(DeadlineKind::CourtApplication, 0, closes, met);
        }
    }
    b.out
}

/// The deadlines of an order to act: the party's deadline and the 催告's, the 公告 period,
/// the 代履行催告, the earliest lawful day of enforcement, and the court window of an order
/// only a court may enforce. Each is met by what ends it: performance, the next step, the
/// end of enforcement.
fn duty_deadlines(b: &mut Builder, case: &Case) {
    use crate::enforcement as enf;
    let Some(order) = case.duty.as_ref() else {
        return;
    };
    let e = &order.enforcement;
    let done_day = e.days.iter().filter(|d| d.completed).map(|d| d.date).min();
    let settled = order
        .complied_on
        .or(e.termination.as_ref().map(|t| t.date))
        .or(done_day)
        .or(case.court.as_ref().map(|c| c.date));
    if order.served_on.is_some() {
        let met = order
            .complied_on
            .or(e.demand.as_ref().map(|d| d.date))
            .or(settled);
        b.push(DeadlineKind::DutyPerformance, 0, Ok(order.deadline), met);
    }
    if let Some(d) = e.demand.as_ref().filter(|d| d.served_on.is_some()) {
        let next = e
            .decision
            .as_ref()
            .map(|x| x.date)
            .or(e.substitute.as_ref().map(|s| s.decision.date));
        b.push(
            DeadlineKind::DutyDemand,
            0,
            Ok(d.deadline),
            next.or(settled),
        );
    }
    if e.public_notice.is_some() {
        let end = enf::notice_period_end(order, b.cal)
            .and_then(|x| x.ok_or_else(|| RuleError::input("未公告")));
        // The party's period: once it has run, what follows is the enforcement's own day.
        let ran = end.as_ref().ok().copied().filter(|end| *end < b.today);
        let met = settled.or(e.days.first().map(|d| d.date)).or(ran);
        b.push(DeadlineKind::DemolitionNotice, 0, end, met);
    }
    if let Some(sub) = e.substitute.as_ref() {
        if sub.decision.served_on.is_some() {
            let planned = sub.decision.planned_on;
            let due = match enf::substitute_demand_due(order, b.cal) {
                Ok(Some(d)) => Ok(d),
                Ok(None) => Ok(sub.demand_on.unwrap_or(planned)),
                Err(e) => Err(e),
            };
            b.push(
                DeadlineKind::SubstituteDemand,
                0,
                due,
                sub.demand_on.or(settled),
            );
        }
    }
    if order.power == enf::EnforcementPower::SelfEnforce || e.substitute.is_some() {
        // Only once the day can be counted: an error here says what is still to be recorded,
        // except a year without its holiday table, which `compute` counts again as an
        // estimate. A completed day makes it `Ok(None)`, and the day is shown as met.
        match enf::earliest_enforcement_day(order, b.cal) {
            Ok(Some(earliest)) => b.push(DeadlineKind::Enforcement, 0, Ok(earliest.date), settled),
            Err(e) if matches!(e.kind, RuleKind::Calendar(_)) => {
                b.push(DeadlineKind::Enforcement, 0, Err(e), settled)
            }
            _ => {
                if let Some(done) = done_day {
                    b.push(DeadlineKind::Enforcement, 0, Ok(done), Some(done));
                }
            }
        }
    }
    if order.power == enf::EnforcementPower::ApplyToCourt && e.substitute.is_none() {
        match enf::order_court_window(order, b.cal) {
            Ok(Some((_, closes))) => b.push(DeadlineKind::CourtApplication, 1, Ok(closes), settled),
            Err(e) if matches!(e.kind, RuleKind::Calendar(_)) => {
                b.push(DeadlineKind::CourtApplication, 1, Err(e), settled)
            }
            _ => {}
        }
    }
}

/// Goods held after their measure ended: returned on the day the register records.
fn goods_deadlines(b: &mut Builder, case: &Case) {
    use crate::enforcement::{GoodsOrigin, MovementKind};
    for (i, g) in case.goods.iter().enumerate() {
        if g.origin == GoodsOrigin::Confiscated || g.confiscated_on.is_some() {
            continue;
        }
        let Some(released) = g.released_on else {
            continue;
        };
        let returned = g
            .movements
            .iter()
            .find(|m| m.kind == MovementKind::Return)
            .map(|m| m.date);
        b.push(DeadlineKind::GoodsReturn, i as u32, Ok(released), returned);
    }
}

/// The earliest open deadline, for lists and the home screen (an estimate ranks by its
/// estimated date).
pub fn next_open(deadlines: &[Deadline]) -> Option<&Deadline> {
    deadlines
        .iter()
        .filter(|d| d.status.is_open())
        .min_by_key(|d| d.shown_due())
}

#[cfg(test)]
mod tests;
