//! Security settings an agency chooses: how long an unattended desk stays open, and how
//! large an evidence file may be.

use serde::{Deserialize, Serialize};

/// The longest idle time allowed before the screen locks (a working morning).
pub const MAX_IDLE_LOCK_MINUTES: u32 = 240;

/// The largest attachment limit an agency may set (a long video), in MB.
pub const MAX_ATTACHMENT_MB: u32 = 4096;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SecuritySettings {
    /// Minutes without a key press after which the UI locks and asks for the password
    /// again; 0 turns the lock off (only for a desk in a locked room).
    pub idle_lock_minutes: u32,
    /// The largest evidence file accepted, in MB (1 MB = 1,048,576 bytes).
    pub attachment_max_mb: u32,
}

impl Default for SecuritySettings {
    fn default() -> Self {
        SecuritySettings {
            idle_lock_minutes: 10,
            attachment_max_mb: 200,
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
        if !(1..=MAX_ATTACHMENT_MB).contains(&self.attachment_max_mb) {
            return Err(format!(
                "附件大小上限 {} MB 无效：请填 1 到 {MAX_ATTACHMENT_MB} 之间的整数",
                self.attachment_max_mb
            ));
        }
        Ok(())
    }

    /// The largest evidence file accepted, in bytes.
    pub fn attachment_max_bytes(&self) -> u64 {
        u64::from(self.attachment_max_mb) * 1_048_576
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
                idle_lock_minutes: 0,
                ..SecuritySettings::default()
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
            ..SecuritySettings::default()
        };
        assert!(long.check().unwrap_err().contains("240"));
    }

    #[test]
    fn attachments_are_limited_to_200_mb_unless_set_within_bounds() {
        let s = SecuritySettings::default();
        assert_eq!(s.attachment_max_bytes(), 200 * 1_048_576);
        for bad in [0, MAX_ATTACHMENT_MB + 1] {
            let s = SecuritySettings {
                attachment_max_mb: bad,
                ..SecuritySettings::default()
            };
            assert!(s.check().unwrap_err().contains("附件大小上限"), "{bad}");
        }
    }
}
