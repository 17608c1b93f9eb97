//! Inspections (行政检查): the objects inspected, plans and their random draws (双随机、
//! 一公开), the records of each inspection, the limits on inspecting the same business again,
//! and the statistics and patrol tallies computed from the records.
//!
//! - [`object`]: 检查对象 with the credit code checked; [`import`]: objects from a table;
//!   [`plan`]: 抽查计划.
//! - [`conflict`]: 回避, an officer's recorded conflict with an object.
//! - [`draw`]: the reproducible draw from a recorded seed, and its 公示.
//! - [`record`]: 现场检查记录, its checks, the 责令改正's 复查.
//! - [`burden`]: the re-inspection warning and the annual count per object.
//! - [`stats`]: counts by result and the patrol tallies from the records.

pub mod burden;
pub mod conflict;
pub mod draw;
pub mod import;
pub mod object;
pub mod plan;
pub mod record;
pub mod stats;

#[cfg(test)]
pub(crate) mod fixtures;
#[cfg(test)]
mod tests;

pub use burden::{annual_count, reinspection_warning, ReinspectionWarning};
pub use conflict::check_conflict;
pub use draw::{
    conflict_of, draw, drawable_on, officer_pool, officers_pool, publication, Conflict, Draw,
    DrawnObject, Exclusion, OfficerPool, PublishedDraw, DRAW_METHOD,
};
pub use import::{check_object_rows, ObjectColumn, ObjectImport, ObjectMapping, Skipped};
pub use object::{InspectionObject, ObjectInput, RiskLevel};
pub use plan::InspectionPlan;
pub use record::{
    check_record, rechecks_due, record_recheck, InspectionReason, InspectionRecord,
    InspectionResult, ResultKind,
};
pub use stats::{
    case_rectifications, inspection_stats, patrol_tally, period_tally, InspectionStats, Reinspected,
};
