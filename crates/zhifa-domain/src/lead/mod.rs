//! Leads (案源/线索): what comes in before a case — complaints (12345 and others), patrol and
//! inspection findings, referrals, matters handed down, media reports — and where each went.
//! 行政处罚法第五十四条 requires filing promptly once the filing standard is met, and 第七十六条
//! makes a failure to file a disciplinary matter, so every lead is verified by two officers and
//! ends in exactly one outcome: 立案, 不予立案, 移送, 并案 or 告知.
//!
//! - [`model`]: the lead and its records.
//! - [`reporter`]: the reporter, checked and masked; [`printing`]: what the party may see.
//! - [`action`]: the one table of steps (name, who, from which stage, gate).
//! - [`gates`]: one function per rule, each citing its source.
//! - [`workflow`]: `register`, `precheck`, `available`, `transition`.
//! - [`links`]: the case a lead is filed as, the lead an inspection becomes.
//! - [`deadlines`]: the verification and reply deadlines.
//! - [`stats`]: counts by source, outcome and time to decision.

pub mod action;
pub mod deadlines;
pub mod gates;
pub mod links;
pub mod model;
pub mod printing;
pub mod reporter;
pub mod stats;
pub mod workflow;

#[cfg(test)]
mod tests;

pub use action::{LeadAction, LeadActionKind};
pub use deadlines::{is_overdue, reply_due, reply_overdue, verification_due};
pub use links::{case_from_lead, lead_from_inspection};
pub use model::*;
pub use printing::{for_party, PartyView};
pub use reporter::{shown_reporter, Reporter, ReporterIdentity, ReporterInput, ShownReporter};
pub use stats::{lead_stats, LeadStats};
pub use workflow::{available, precheck, register, transition, NewLead};
