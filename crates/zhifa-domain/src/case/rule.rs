//! The typed error every gate returns: which rule refused, what kind of rule it is, and
//! why, in Chinese.

use std::fmt;

use crate::calendar::CalendarError;

/// What kind of rule refused, so that callers decide by meaning, not by the wording of the
/// message (the case menu leaves out steps of other stages; a missing holiday table names
/// its year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// A provision of law or of the agency's procedure (the default).
    Statute,
    /// Who may do it: roles, the handler, separation of duties, an inactive account.
    Role,
    /// Not at this stage of the case.
    Stage,
    /// Bad or missing input, or a missing record the step needs.
    Input,
    /// The working-day calendar cannot answer (e.g. a year with no holiday table).
    Calendar(CalendarError),
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RuleError {
    /// The provision or rule, e.g. `行政处罚法第四十二条`, or `系统规则` for non-legal checks.
    pub rule: &'static str,
    pub kind: RuleKind,
    /// What is wrong and what to do, in Chinese.
    pub message: String,
}

impl RuleError {
    /// A refusal by a provision (kind `Statute`); the other kinds have their own constructors.
    pub fn new(rule: &'static str, message: impl Into<String>) -> Self {
        RuleError {
            rule,
            kind: RuleKind::Statute,
            message: message.into(),
        }
    }

    /// The same as `new`, said explicitly.
    pub fn statute(rule: &'static str, message: impl Into<String>) -> Self {
        Self::new(rule, message)
    }

    /// Who may take the step (roles, handler, separation of duties).
    pub fn role(rule: &'static str, message: impl Into<String>) -> Self {
        RuleError {
            kind: RuleKind::Role,
            ..Self::new(rule, message)
        }
    }

    /// The case is not at a stage where the step is taken.
    pub fn stage(message: impl Into<String>) -> Self {
        RuleError {
            kind: RuleKind::Stage,
            ..Self::new("输入检查", message)
        }
    }

    /// A refusal that is not a statutory rule (bad input, missing record).
    pub fn input(message: impl Into<String>) -> Self {
        RuleError {
            kind: RuleKind::Input,
            ..Self::new("输入检查", message)
        }
    }

    /// The year whose holiday table is missing, if that is why this was refused.
    pub fn missing_year(&self) -> Option<i32> {
        match self.kind {
            RuleKind::Calendar(CalendarError::MissingYear(y)) => Some(y),
            _ => None,
        }
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}（{}）", self.message, self.rule)
    }
}

impl std::error::Error for RuleError {}

impl From<crate::text::TextError> for RuleError {
    fn from(e: crate::text::TextError) -> Self {
        RuleError::input(e.to_string())
    }
}

/// A calendar question that cannot be answered refuses under `工作日历`, keeping the error.
impl From<CalendarError> for RuleError {
    fn from(e: CalendarError) -> Self {
        RuleError {
            kind: RuleKind::Calendar(e),
            ..Self::new("工作日历", e.to_string())
        }
    }
}

pub type RuleResult<T = ()> = Result<T, RuleError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_holiday_table_is_typed_with_its_year() {
        let e = RuleError::from(CalendarError::MissingYear(2031));
        assert_eq!(e.missing_year(), Some(2031));
        assert_eq!(e.kind, RuleKind::Calendar(CalendarError::MissingYear(2031)));
        assert_eq!(RuleError::input("缺少 2031 年").missing_year(), None);
    }

    #[test]
    fn refusals_say_their_kind_without_being_read() {
        use crate::case::fixtures::{proposed, World, SUN, ZHANG};
        use crate::case::{precheck, ActionKind};
        let w = World::new();
        let case = proposed(&w, "2026-03-02");
        // A step of a later stage, a step for another role, and the head's own step.
        let kind = |k, who| precheck(&case, k, w.u(who)).map_err(|e| e.kind);
        assert_eq!(
            kind(ActionKind::EndInvestigation, ZHANG),
            Err(RuleKind::Stage)
        );
        assert_eq!(kind(ActionKind::ApproveFiling, ZHANG), Err(RuleKind::Role));
        assert_eq!(kind(ActionKind::ApproveFiling, SUN), Ok(()));
    }
}
