//! `restore`: put a backup back. The backup is first copied aside, opened (which refuses a
//! foreign or newer file) and put through every `check`; only a copy that passes may replace
//! the live file. The live file is itself backed up first, and the restore is written into
//! it with SQLite's backup API, so desks that have it open see a consistent database.
//! Both sides are described (agency, cases, newest case, newest audit entry) before anyone
//! confirms, and another agency's backup replaces nothing unless asked for explicitly.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use super::maintenance::{copy_tree, files_dir, private_dir};
use super::{audit, CheckItem, Result, Store, StoreError, Who};

/// What a database holds, in the words a clerk checks before replacing one with another.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Contents {
    pub township: String,
    pub abbr: String,
    pub cases: i64,
    /// The number of the case created last, if any.
    pub newest_case: Option<String>,
    pub audit_entries: i64,
    /// Time of the newest audit entry: how recent the content is.
    pub last_change: String,
}

impl Contents {
    pub fn of(store: &Store) -> Result<Contents> {
        let agency = store.agency()?;
        let (cases, newest_case, audit_entries, last_change) = store.conn().query_row(
            "SELECT (SELECT COUNT(*) FROM case_file),
                    (SELECT case_no FROM case_file ORDER BY id DESC LIMIT 1),
                    (SELECT COUNT(*) FROM audit),
                    (SELECT COALESCE(MAX(at), '') FROM audit)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
        Ok(Contents {
            township: agency.township,
            abbr: agency.abbr,
            cases,
            newest_case,
            audit_entries,
            last_change,
        })
    }

    /// `合隆镇（合）：案件 300 件，最新 合综执立〔2026〕300号，审计记录 …，最后改动 …`.
    pub fn describe(&self) -> String {
        format!(
            "{}（{}）：案件 {} 件，最新案件 {}，审计记录 {} 条，最后一次改动 {}",
            self.township,
            self.abbr,
            self.cases,
            self.newest_case.as_deref().unwrap_or("无"),
            self.audit_entries,
            if self.last_change.is_empty() {
                "无"
            } else {
                &self.last_change
            }
        )
    }

    /// Refuses replacing these contents with `backup` of another agency, unless
    /// `other_agency` says it is meant.
    pub fn may_be_replaced_by(&self, backup: &Contents, other_agency: bool) -> Result<()> {
        let same = self.township == backup.township && self.abbr == backup.abbr;
        if same || other_agency {
            return Ok(());
        }
        Err(StoreError::Rule(format!(
            "备份属于另一个机关，未做任何替换：当前数据库是{}（{}），备份是{}（{}）。确需用它替换，请加 --other-agency",
            self.township, self.abbr, backup.township, backup.abbr
        )))
    }
}

/// A backup copied aside and checked, ready to restore.
pub struct CheckedBackup {
    /// Where the checked copy lives until restored (removed with the folder).
    _dir: tempfile::TempDir,
    copy: PathBuf,
    source: PathBuf,
    pub checks: Vec<CheckItem>,
    pub contents: Contents,
}

impl CheckedBackup {
    pub fn passed(&self) -> bool {
        self.checks.iter().all(|c| c.ok)
    }
}

fn io(what: &str, path: &Path, e: std::io::Error) -> StoreError {
    StoreError::Rule(format!("{what} {}：{e}", path.display()))
}

/// Copies `backup` (with its attachments) into a private folder beside `target` and runs
/// every check on the copy. Never writes to `backup` or `target`.
pub fn check_backup(backup: &Path, target: &Path) -> Result<CheckedBackup> {
    if !backup.is_file() {
        return Err(StoreError::NotFound(backup.to_path_buf()));
    }
    let parent = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    private_dir(parent)?;
    let dir = tempfile::Builder::new()
        .prefix(".zhifa-restore-")
        .tempdir_in(parent)
        .map_err(|e| io("无法建立临时目录于", parent, e))?;
    let copy = dir.path().join("restore.sqlite3");
    std::fs::copy(backup, &copy).map_err(|e| io("无法读取备份文件", backup, e))?;
    copy_tree(&files_dir(backup), &files_dir(&copy))
        .map_err(|e| io("无法复制备份的证据附件", &files_dir(backup), e))?;
    let store = Store::open(&copy)?;
    let checks = store.check()?;
    let contents = Contents::of(&store)?;
    drop(store);
    Ok(CheckedBackup {
        _dir: dir,
        copy,
        source: backup.to_path_buf(),
        checks,
        contents,
    })
}

/// What a restore did.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Restored {
    /// The backup of the replaced database, if there was a readable one.
    pub previous_saved_as: Option<PathBuf>,
    /// A file that could not be opened as a zhifa database, moved aside instead.
    pub broken_moved_to: Option<PathBuf>,
}

/// Replaces the database at `target` with a checked backup. Refuses a backup that failed a
/// check, and a backup of another agency than the readable target's unless
/// `other_agency` says that is meant. A readable target is backed up into its own backup
/// folder under `backups_root` first and then overwritten through the backup API (safe
/// while other desks have it open); an unreadable one is moved aside. The restore is
/// recorded in the restored file's audit log.
pub fn restore(
    checked: &CheckedBackup,
    target: &Path,
    backups_root: &Path,
    who: &Who,
    now: NaiveDateTime,
    other_agency: bool,
) -> Result<Restored> {
    if !checked.passed() {
        return Err(StoreError::Rule(
            "备份未通过检查，不能用于恢复；请换一个备份文件".into(),
        ));
    }
    if let Ok(live) = Store::open(target) {
        Contents::of(&live)?.may_be_replaced_by(&checked.contents, other_agency)?;
    }
    let mut done = Restored {
        previous_saved_as: None,
        broken_moved_to: None,
    };
    let mut live = match Store::open(target) {
        Ok(store) => {
            // Named apart from the daily backups so rotation never removes it.
            let backups_dir = store.backup_dir(Some(backups_root))?;
            private_dir(&backups_dir)?;
            let saved = backups_dir.join(format!(
                "before-restore-{}.sqlite3",
                now.format("%Y%m%d-%H%M%S")
            ));
            store.backup_file(&saved)?;
            done.previous_saved_as = Some(saved);
            Some(store)
        }
        Err(StoreError::NotFound(_)) => None,
        Err(_) => {
            // Unreadable (corrupt, truncated, foreign): keep it for inspection, never delete.
            let aside = target.with_extension(format!("broken-{}", now.format("%Y%m%d-%H%M%S")));
            std::fs::rename(target, &aside).map_err(|e| io("无法移开损坏的数据库", target, e))?;
            for ext in ["-wal", "-shm"] {
                let mut side = target.as_os_str().to_os_string();
                side.push(ext);
                let _ = std::fs::remove_file(PathBuf::from(side));
            }
            done.broken_moved_to = Some(aside);
            None
        }
    };
    match live.as_mut() {
        Some(store) => {
            store.conn.restore(
                "main",
                &checked.copy,
                None::<fn(rusqlite::backup::Progress)>,
            )?;
        }
        None => {
            std::fs::copy(&checked.copy, target).map_err(|e| io("无法写入", target, e))?;
            super::restrict_to_owner(target);
        }
    }
    copy_tree(&files_dir(&checked.copy), &files_dir(target))
        .map_err(|e| io("无法恢复证据附件到", &files_dir(target), e))?;
    let mut store = match live {
        Some(s) => s,
        None => Store::open(target)?,
    };
    let tx = store
        .conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    // The way out of a read-only file: written even when the replaced file failed its checks.
    audit::append_sealing(
        &tx,
        who,
        None,
        "从备份恢复",
        &format!("从备份 {} 恢复数据库", checked.source.display()),
        &serde_json::json!({
            "backup": checked.source,
            "previous_saved_as": done.previous_saved_as,
            "broken_moved_to": done.broken_moved_to,
        }),
        &[],
    )?;
    tx.commit()?;
    store.rebase_witness("从备份恢复")?;
    store.apply_open_checks()?;
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> NaiveDateTime {
        "2026-11-26T09:00:00".parse().unwrap()
    }

    /// A small office with one case, and a backup of it taken before a second case.
    /// Restores `checked` over `db` as the system, the replaced file saved under `dir`/b.
    fn restore_here(
        checked: &CheckedBackup,
        db: &Path,
        dir: &tempfile::TempDir,
    ) -> Result<Restored> {
        restore(
            checked,
            db,
            &dir.path().join("b"),
            &Who::system(),
            now(),
            false,
        )
    }

    fn office_with_backup() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("z.sqlite3");
        crate::workload::setup(&db).unwrap();
        crate::workload::run(&db, 1, 5, &mut std::io::sink()).unwrap();
        let store = Store::open(&db).unwrap();
        let folder = store.backup_dir(Some(&dir.path().join("b"))).unwrap();
        let (backup, _) = store.backup_to(&folder, now()).unwrap();
        drop(store);
        crate::workload::run(&db, 2, 20, &mut std::io::sink()).unwrap();
        (dir, db, backup)
    }

    fn audit_count(db: &Path) -> i64 {
        Store::open(db)
            .unwrap()
            .conn()
            .query_row("SELECT COUNT(*) FROM audit", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn restore_brings_back_the_backup_keeps_the_replaced_file_and_records_itself() {
        let (dir, db, backup) = office_with_backup();
        let before_restore = audit_count(&db);
        let checked = check_backup(&backup, &db).unwrap();
        assert!(checked.passed(), "{:?}", checked.checks);
        let backup_entries = checked.contents.audit_entries;
        assert!(backup_entries < before_restore);
        let done = restore_here(&checked, &db, &dir).unwrap();
        // The restored file: the backup's entries plus the restore's own, chain intact.
        assert_eq!(audit_count(&db), backup_entries + 1);
        let store = Store::open(&db).unwrap();
        assert!(store.check().unwrap().iter().all(|c| c.ok));
        let last = store.recent_audit(1).unwrap();
        assert_eq!(last[0].action, "从备份恢复");
        // The replaced file was saved first, with everything it had.
        let saved = done.previous_saved_as.unwrap();
        assert_eq!(audit_count(&saved), before_restore);
    }

    #[test]
    fn a_tampered_backup_is_refused_and_nothing_is_replaced() {
        let (dir, db, backup) = office_with_backup();
        let conn = rusqlite::Connection::open(&backup).unwrap();
        conn.execute_batch(
            "DROP TRIGGER audit_no_update; UPDATE audit SET summary = '篡改' WHERE id = 2;",
        )
        .unwrap();
        drop(conn);
        let before = std::fs::read(&db).unwrap();
        let checked = check_backup(&backup, &db).unwrap();
        assert!(!checked.passed());
        let err = restore_here(&checked, &db, &dir);
        assert!(matches!(err, Err(StoreError::Rule(m)) if m.contains("未通过检查")));
        assert_eq!(std::fs::read(&db).unwrap(), before);
    }

    #[test]
    fn a_truncated_backup_is_refused_with_a_message() {
        let (_dir, db, backup) = office_with_backup();
        let bytes = std::fs::read(&backup).unwrap();
        std::fs::write(&backup, &bytes[..bytes.len() / 3]).unwrap();
        match check_backup(&backup, &db) {
            Err(e) => assert!(!e.to_string().is_empty()),
            Ok(c) => assert!(!c.passed(), "a third of a database passed every check"),
        }
    }

    #[test]
    fn an_unreadable_live_file_is_moved_aside_not_deleted() {
        let (dir, db, backup) = office_with_backup();
        std::fs::write(&db, b"this is not a database at all, but a clerk's mistake").unwrap();
        let checked = check_backup(&backup, &db).unwrap();
        let done = restore_here(&checked, &db, &dir).unwrap();
        let aside = done.broken_moved_to.unwrap();
        assert!(std::fs::read(aside).unwrap().starts_with(b"this is not"));
        assert!(Store::open(&db)
            .unwrap()
            .check()
            .unwrap()
            .iter()
            .all(|c| c.ok));
    }
}

#[cfg(test)]
mod other_agency_tests {
    use super::*;

    #[test]
    fn another_agencys_backup_is_refused_unless_asked_for_and_both_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("z.sqlite3");
        crate::workload::setup(&db).unwrap();
        crate::workload::run(&db, 1, 5, &mut std::io::sink()).unwrap();
        let other = dir.path().join("other.sqlite3");
        Store::init_for_test(&other, "万顺乡", "万");
        let before = std::fs::read(&db).unwrap();
        let checked = check_backup(&other, &db).unwrap();
        assert!(checked.passed(), "{:?}", checked.checks);
        assert_eq!(checked.contents.township, "万顺乡");
        let root = dir.path().join("b");
        let now: NaiveDateTime = "2026-11-26T09:00:00".parse().unwrap();
        let err = restore(&checked, &db, &root, &Who::system(), now, false)
            .expect_err("another agency's backup replaced the database")
            .to_string();
        assert!(
            err.contains("万顺乡") && err.contains("--other-agency"),
            "{err}"
        );
        let live = Store::open(&db).unwrap();
        let current = Contents::of(&live).unwrap();
        assert!(err.contains(&current.township), "{err}");
        assert!(current.cases > 0);
        drop(live);
        assert_eq!(std::fs::read(&db).unwrap(), before);
        // Asked for explicitly, it goes ahead.
        restore(&checked, &db, &root, &Who::system(), now, true).unwrap();
        let live = Store::open(&db).unwrap();
        assert_eq!(Contents::of(&live).unwrap().township, "万顺乡");
    }
}
