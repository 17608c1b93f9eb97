//! Restoring the database from a backup at the desk: the database's own backups listed
//! with their times, a chosen one copied aside and checked, both sides described before
//! anyone confirms, then the restore (the live file saved aside first). `zhifa restore`
//! prints the same report; the UI's 从备份恢复 shows it.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use super::{Desk, DeskError, DeskResult};
use crate::domain::case::RuleError;
use crate::domain::people::{self, User};
use crate::store::restore::{self, CheckedBackup, Contents, Restored};
use crate::store::Who;

/// A backup checked and ready to restore over the open database.
pub struct RestorePlan {
    pub backup: PathBuf,
    pub checked: CheckedBackup,
    /// What the open database holds now.
    pub current: Option<Contents>,
}

/// The check report of both sides, as `zhifa restore` prints it: each check of the
/// backup, then what would be replaced and by what.
pub fn report_lines(
    backup: &Path,
    checked: &CheckedBackup,
    current: Option<&Contents>,
) -> Vec<String> {
    let mut out = vec![format!("备份：{}", backup.display())];
    out.extend(checked.checks.iter().map(|c| {
        format!(
            "{} {}：{}",
            if c.ok { "[正常]" } else { "[异常]" },
            c.name,
            c.detail
        )
    }));
    if !checked.passed() {
        return out;
    }
    out.push(match current {
        Some(c) => format!("将被替换：{}", c.describe()),
        None => "将被替换：（当前没有可读的数据库）".into(),
    });
    out.push(format!("用来替换：{}", checked.contents.describe()));
    out
}

impl Desk {
    /// This database's backups in its default backup folder, newest first.
    pub fn list_backups(&self) -> DeskResult<Vec<(NaiveDateTime, PathBuf)>> {
        let dir = self.store.backup_dir(None)?;
        let mut all = crate::store::maintenance::backups_in(&dir);
        all.reverse();
        Ok(all)
    }

    /// Copies `backup` aside and checks it like `check` does; nothing is written to either
    /// file. An administrator's task.
    pub fn plan_restore(&self, backup: &Path, admin: &User) -> DeskResult<RestorePlan> {
        people::may_administer(admin).map_err(|e| RuleError::role("岗位权限", e.to_string()))?;
        let checked = restore::check_backup(backup, self.store.path())?;
        Ok(RestorePlan {
            backup: backup.to_path_buf(),
            checked,
            current: Some(Contents::of(&self.store)?),
        })
    }

    /// Restores a checked backup of this agency over the open database (saved aside
    /// first), recorded in the restored file's audit log.
    pub fn restore(&mut self, plan: &RestorePlan, admin: &User) -> DeskResult<Restored> {
        people::may_administer(admin).map_err(|e| RuleError::role("岗位权限", e.to_string()))?;
        if !plan.checked.passed() {
            return Err(DeskError::Refused(
                "备份未通过检查，不能用于恢复；请换一个备份（较早的一个）".into(),
            ));
        }
        let db = self.store.path().to_path_buf();
        Ok(restore::restore(
            &plan.checked,
            &db,
            &crate::store::maintenance::backups_root(&db),
            &Who::user(admin),
            chrono::Local::now().naive_local(),
            false,
        )?)
    }
}
