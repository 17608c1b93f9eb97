//! Security settings an agency chooses: how long an unattended desk stays open.

use serde::{Deserialize, Serialize};

/// The longest idle time allowed before the screen locks (a working morning).
pub const MAX_IDLE_LOCK_MINUTES: u32 = 240;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SecuritySettings {
    /// Minutes without a key press after which the UI locks and asks for the password
    /// again; 0 turns the lock off (only for a desk in a locked room).
    pub idle_lock_minutes: u32,
}

impl Default for SecuritySettings {
    fn default() -> Self {
        SecuritySettings {
            idle_lock_minutes: 10,
        }
    }
}

impl SecuritySettings {
    pub fn check(&self) -> Result<(), String> {
        if self.idle_lock_minutes > MAX_IDLE_LOCK_MINUTES {
            return Err(format!(
                "空闲锁定时间 {} 分钟过长：最长 {MAX_IDLE_LOCK_MINUTES} 分钟（填 0 表示不锁定）",
                self.idle_lock_minutes
            ));
        }
        Ok(())
    }

    /// The idle time after which to lock, if any.
    pub fn idle_lock(&self) -> Option<std::time::Duration> {
        (self.idle_lock_minutes > 0)
            .then(|| std::time::Duration::from_secs(u64::from(self.idle_lock_minutes) * 60))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_turns_the_lock_off_and_long_times_are_refused() {
        assert_eq!(
            SecuritySettings {
                idle_lock_minutes: 0
            }
            .idle_lock(),
            None
        );
        assert_eq!(
            SecuritySettings::default().idle_lock(),
            Some(std::time::Duration::from_secs(600))
        );
        let long = SecuritySettings {
            idle_lock_minutes: 241,
        };
        assert!(long.check().unwrap_err().contains("240"));
    }
}
