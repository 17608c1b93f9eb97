//! Limits on burdening businesses: the same object inspected again within a configurable
//! interval warns, unless a complaint or a risk drives the inspection and its reason is
//! recorded; and the count of inspections per object and year its page shows. The interval is
//! a setting (local rules differ: M).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::object::InspectionObject;
use super::record::{InspectionReason, InspectionRecord};
use crate::procedure_settings::ProcedureSettings;

/// An inspection of `object` on `date` would come soon after the last one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReinspectionWarning {
    pub object: i64,
    pub last: NaiveDate,
    pub days_since: i64,
    pub interval_days: u32,
    /// In Chinese, saying what to do.
    pub message: String,
}

/// Whether inspecting `object` on `date` for `reason` warns: the latest inspection of it on or
/// before `date` in `history` is fewer than `reinspection_interval_days` days earlier, and the
/// inspection is not complaint- or risk-driven with a reason recorded.
pub fn reinspection_warning(
    object: &InspectionObject,
    history: &[InspectionRecord],
    date: NaiveDate,
    reason: &InspectionReason,
    settings: &ProcedureSettings,
) -> Option<ReinspectionWarning> {
    let reasoned = match reason {
        InspectionReason::Complaint { reason, .. } | InspectionReason::Risk { reason } => {
            !reason.trim().is_empty()
        }
        InspectionReason::Routine | InspectionReason::Drawn { .. } => false,
    };
    if reasoned {
        return None;
    }
    let last = history
        .iter()
        .filter(|r| r.object == Some(object.id) && r.date <= date)
        .map(|r| r.date)
        .max()?;
    let days_since = (date - last).num_days();
    let interval = settings.reinspection_interval_days;
    (days_since < i64::from(interval)).then(|| ReinspectionWarning {
        object: object.id,
        last,
        days_since,
        interval_days: interval,
        message: format!(
            "“{}”已于 {last} 检查过（{days_since} 天前），{interval} 天内再次检查须因投诉举报或风险监测并写明原因，以免重复检查增加企业负担",
            object.name
        ),
    })
}

/// How many times `object` was inspected in `year`.
pub fn annual_count(object: i64, history: &[InspectionRecord], year: i32) -> usize {
    history
        .iter()
        .filter(|r| r.object == Some(object) && r.date.year() == year)
        .count()
}
