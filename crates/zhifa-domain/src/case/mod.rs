//! Cases and the procedure they go through: 立案 → 调查取证 → 审查 → 告知 → 决定 → 送达 →
//! 执行 → 结案 → 归档, and the branches (不予立案, 不予处罚, 移送, 撤销立案, 终结执行).
//!
//! - [`model`]: the case file and its records.
//! - [`party`]: parties with checked identity numbers.
//! - [`action`]: the vocabulary of steps.
//! - [`workflow`]: creating cases and applying steps (`transition`), role and stage rules.
//! - [`gates`]: one function per legal rule, each citing its article.
//! - [`penalty`]: fine ranges, hearing right, legal review, 加处罚款.
//! - [`deadlines`]: every deadline with its status.
//! - [`number`]: case numbers.

pub mod action;
pub mod ctx;
pub mod deadlines;
pub mod gates;
pub mod model;
pub mod number;
pub mod party;
pub mod penalty;
pub mod rule;
pub mod workflow;

#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures;
#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures_duty;

pub use action::{Action, ActionKind};
pub use ctx::Ctx;
pub use model::*;
pub use party::{Party, PartyInput};
pub use rule::{RuleError, RuleResult};
pub use workflow::{
    available, available_today, decide_on_spot, precheck, propose, ready_today, transition,
    NewCase, OnSpot, Transition,
};
