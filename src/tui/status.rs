//! The status line: a message and how serious it is. The colour comes from the severity
//! the handler gave, never from the wording (a success may well contain parentheses).

use std::fmt;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Severity {
    /// Done, or what to do next.
    #[default]
    Info,
    /// Refused or failed: nothing was changed.
    Error,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatusLine {
    pub text: String,
    pub severity: Severity,
}

impl StatusLine {
    pub fn info(text: impl Into<String>) -> StatusLine {
        StatusLine {
            text: text.into(),
            severity: Severity::Info,
        }
    }

    pub fn error(text: impl Into<String>) -> StatusLine {
        StatusLine {
            text: text.into(),
            severity: Severity::Error,
        }
    }

    pub fn contains(&self, pattern: &str) -> bool {
        self.text.contains(pattern)
    }

    pub fn clear(&mut self) {
        *self = StatusLine::default();
    }
}

impl fmt::Display for StatusLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}
