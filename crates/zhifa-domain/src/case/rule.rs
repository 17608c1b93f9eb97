//! The typed error every gate returns: which rule refused, and why, in Chinese.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RuleError {
    /// The provision or rule, e.g. `行政处罚法第四十二条`, or `系统规则` for non-legal checks.
    pub rule: &'static str,
    /// What is wrong and what to do, in Chinese.
    pub message: String,
}

impl RuleError {
    pub fn new(rule: &'static str, message: impl Into<String>) -> Self {
        RuleError {
            rule,
            message: message.into(),
        }
    }

    /// A refusal that is not a statutory rule (bad input, wrong stage, missing record).
    pub fn input(message: impl Into<String>) -> Self {
        Self::new("输入检查", message)
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

pub type RuleResult<T = ()> = Result<T, RuleError>;
