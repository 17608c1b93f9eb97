//! Keeping the file healthy: `check` (integrity, foreign keys, audit chain, attachments,
//! each with what to do about it) and online backups with SQLite's backup API, attachments
//! included, rotated 7 daily / 4 weekly / 12 monthly.
//!
//! A backup is only worth keeping if it is good, so: the live file is checked first and a
//! failing one is not backed up; the copy is written under a temporary name, checked again,
//! and only then given its final name; rotation counts and deletes only complete backups,
//! so a damaged or half-written file can never push out a good one. Each database has its
//! own folder (`backups/<file stem>-<township>-<created>/`), so two files in one folder never
//! rotate each other's backups away.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use super::attachments;
use super::{Result, Store, StoreError};

/// One check and its result.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CheckItem {
    pub name: &'static str,
    pub ok: bool,
    pub detail: String,
    /// What to do when it failed.
    pub advice: String,
}

/// The checks whose failure leaves the file read-only until a check passes again or an
/// administrator acknowledges (see `Store::acknowledge`).
pub const BINDS_READ_ONLY: [&str; 5] = [
    TRIGGERS_CHECK,
    CHAIN_CHECK,
    RECORDS_CHECK,
    DERIVED_CHECK,
    READABLE_CHECK,
];
const TRIGGERS_CHECK: &str = "审计记录防篡改触发器";
const CHAIN_CHECK: &str = "审计记录哈希链";
const RECORDS_CHECK: &str = "记录与审计记录一致（案件、人员、设置、权限清单、节假日表）";
const DERIVED_CHECK: &str = "派生数据（列表列、期限、承办人、检索索引、编号计数器）";
const READABLE_CHECK: &str = "案件数据可读";

const BACKUP_PREFIX: &str = "zhifa-";
const BACKUP_SUFFIX: &str = ".sqlite3";
const STAMP: &str = "%Y%m%d-%H%M%S";

/// A folder only the owner may enter, created with its parents if needed.
pub(super) fn private_dir(dir: &Path) -> Result<()> {
    crate::paths::create_private_dir(dir).map_err(|source| StoreError::CreateDir {
        path: dir.to_path_buf(),
        source,
    })?;
    #[cfg(unix)]
    {
        // `mode` covers only folders created now; an existing one is tightened too.
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
    }
    Ok(())
}

/// Copies a folder tree (attachments), folders owner-only; skips bookkeeping files (locks,
/// copies in progress).
pub(super) fn copy_tree(from: &Path, to: &Path) -> std::io::Result<u64> {
    let mut n = 0;
    if !from.is_dir() {
        return Ok(0);
    }
    private_dir(to).map_err(std::io::Error::other)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        if attachments::is_bookkeeping(&entry.file_name()) {
            continue;
        }
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            n += copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
            n += 1;
        }
    }
    Ok(n)
}

/// The folder under which backups go unless told otherwise: `backups/` beside the database.
/// Each database writes into its own subfolder (`Store::backup_dir`).
pub fn backups_root(db: &Path) -> PathBuf {
    db.parent()
        .map(|p| p.join("backups"))
        .unwrap_or_else(|| PathBuf::from("backups"))
}

/// The attachment folder that belongs beside a database (or backup) file.
pub(super) fn files_dir(db: &Path) -> PathBuf {
    attachments::root_dir(db)
}

impl Store {
    /// Visits every case, loaded or with why it cannot be ("案件 号（#id）的数据无法解析：…"),
    /// newest first: one unreadable case does not stop a check or an export.
    pub fn for_each_case(
        &self,
        mut visit: impl FnMut(i64, std::result::Result<crate::domain::case::Case, String>),
    ) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, case_no, data FROM case_file ORDER BY year DESC, serial DESC")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (id, no, data): (i64, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            visit(
                id,
                serde_json::from_str(&data)
                    .map_err(|e| format!("案件 {no}（#{id}）的数据无法解析：{e}")),
            );
        }
        Ok(())
    }

    /// Every health check, in order; none of them changes the file.
    pub fn check(&self) -> Result<Vec<CheckItem>> {
        let mut out = Vec::new();
        let integrity: Vec<String> = {
            let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let ok = integrity == ["ok"];
        out.push(CheckItem {
            name: "数据库完整性（integrity_check）",
            ok,
            detail: if ok {
                "正常".into()
            } else {
                integrity.join("；")
            },
            advice: "数据库文件已损坏：停止使用，用 zhifa backup 的最近备份恢复，并检查磁盘".into(),
        });
        let fk: i64 =
            self.conn
                .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                    r.get(0)
                })?;
        out.push(CheckItem {
            name: "外键一致性（foreign_key_check）",
            ok: fk == 0,
            detail: if fk == 0 {
                "正常".into()
            } else {
                format!("{fk} 处引用指向不存在的记录")
            },
            advice: "数据被绕过 zhifa 修改过：用最近备份核对并恢复".into(),
        });
        let triggers = super::audit::triggers_present(&self.conn)?;
        out.push(CheckItem {
            name: TRIGGERS_CHECK,
            ok: triggers,
            detail: if triggers {
                "存在".into()
            } else {
                super::audit::MISSING_TRIGGERS.into()
            },
            advice: "有人绕过 zhifa 删除或改动了触发器：zhifa 拒绝写入；核实后由管理员运行 zhifa check --acknowledge 恢复".into(),
        });
        let integrity = self.integrity()?;
        let audit = &integrity.chain;
        let mut detail = match &audit.first_broken {
            None => format!("共 {} 条，完整", audit.entries),
            Some(_) => audit
                .problems
                .iter()
                .take(5)
                .map(|(_, why)| why.clone())
                .collect::<Vec<_>>()
                .join("；"),
        };
        if !audit.acknowledged.is_empty() {
            detail.push_str(&format!(
                "（另有 {} 项已经管理员确认）",
                audit.acknowledged.len()
            ));
        }
        detail.push_str(&format!("；{}", audit.witness));
        out.push(CheckItem {
            name: CHAIN_CHECK,
            ok: audit.first_broken.is_none(),
            detail,
            advice: "审计记录被改动、删除或伪造：保留现场，用备份和记下的链头（zhifa audit head）核对，查明改动来源".into(),
        });
        let records = &integrity.records;
        out.push(CheckItem {
            name: RECORDS_CHECK,
            ok: records.is_empty(),
            detail: if records.is_empty() {
                "均与审计记录记载的最新状态一致".into()
            } else {
                let mut d = records
                    .iter()
                    .take(5)
                    .map(|f| f.text.clone())
                    .collect::<Vec<_>>()
                    .join("；");
                if records.len() > 5 {
                    d.push_str(&format!("；共 {} 处", records.len()));
                }
                d
            },
            advice: "记录被绕过 zhifa 改动过：用备份核对；查明后由管理员运行 zhifa check --acknowledge 确认".into(),
        });
        let derived = self.derived_findings()?;
        out.push(CheckItem {
            name: DERIVED_CHECK,
            ok: derived.is_empty(),
            detail: if derived.is_empty() {
                "均与案件数据一致".into()
            } else {
                let mut d = derived
                    .iter()
                    .take(5)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("；");
                if derived.len() > 5 {
                    d.push_str(&format!("；共 {} 处", derived.len()));
                }
                d
            },
            advice: "查明原因后由管理员运行 zhifa check --rebuild-derived 按案件数据重建".into(),
        });
        let mut problems = Vec::new();
        let mut unreadable = Vec::new();
        let mut files = 0usize;
        self.for_each_case(|_, loaded| match loaded {
            Ok(case) => {
                files += case.attachments().count();
                problems.extend(attachments::verify(self.path(), &case));
            }
            Err(e) => unreadable.push(e),
        })?;
        // Inspection photos are checked the same way (`case_id` 0 names the record in `file`).
        match self.all_inspections() {
            Ok(records) => {
                for record in records {
                    files += record.photos.len();
                    problems.extend(attachments::verify_photos(self.path(), &record));
                }
            }
            Err(e) => unreadable.push(e.to_string()),
        }
        out.push(CheckItem {
            name: READABLE_CHECK,
            ok: unreadable.is_empty(),
            detail: if unreadable.is_empty() {
                "全部可以解析".into()
            } else {
                unreadable.join("；")
            },
            advice: "这些案件的数据已损坏：用备份核对并恢复".into(),
        });
        out.push(CheckItem {
            name: "证据附件（SHA-256）",
            ok: problems.is_empty(),
            detail: if problems.is_empty() {
                format!("共 {files} 个，均与登记一致")
            } else {
                problems
                    .iter()
                    .map(|p| match p.case_id {
                        0 => format!("{}：{}", p.file, p.problem),
                        id => format!("案件 #{id} {}：{}", p.file, p.problem),
                    })
                    .collect::<Vec<_>>()
                    .join("；")
            },
            advice: "从备份目录中同名的附件文件夹恢复缺失或被改动的文件".into(),
        });
        Ok(out)
    }

    /// This database's own backup folder under `root` (default `backups/` beside it):
    /// `<file stem>-<township>-<creation time>`, so that two databases in one folder, or
    /// two agencies' files backed up into one place, never share (and rotate) a folder.
    pub fn backup_dir(&self, root: Option<&Path>) -> Result<PathBuf> {
        let root = root
            .map(Path::to_path_buf)
            .unwrap_or_else(|| backups_root(self.path()));
        let (township, created): (String, String) = self.conn.query_row(
            "SELECT township, created_at FROM agency WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let stem = self
            .path()
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let created: String = created.chars().filter(char::is_ascii_digit).collect();
        let name: String = format!("{stem}-{township}-{created}")
            .chars()
            .map(|c| {
                if matches!(c, '/' | '\\' | ':' | '\0') || c.is_control() {
                    '_'
                } else {
                    c
                }
            })
            .collect();
        Ok(root.join(name))
    }

    /// Writes an online backup (a consistent copy even while others use the file) into
    /// `dir`, with the attachments beside it, then rotates the backups there. Refuses when
    /// the live file fails a check: a bad copy must never replace a good one.
    /// Returns the new backup's path and the backups removed by rotation.
    pub fn backup_to(&self, dir: &Path, now: NaiveDateTime) -> Result<(PathBuf, Vec<PathBuf>)> {
        let failed: Vec<String> = self
            .check()?
            .into_iter()
            .filter(|c| !c.ok)
            .map(|c| format!("{}（{}）", c.name, c.detail))
            .collect();
        if !failed.is_empty() {
            return Err(StoreError::Rule(format!(
                "数据库未通过检查，未做备份（以免有问题的备份挤掉此前完好的备份）：{}。请运行 zhifa check 查看处理办法",
                failed.join("；")
            )));
        }
        private_dir(dir)?;
        // One backup at a time per folder; whatever temporary file is found then is stale.
        let _lock = lock_folder(dir)?;
        remove_stale_parts(dir);
        let name = format!("{BACKUP_PREFIX}{}{BACKUP_SUFFIX}", now.format(STAMP));
        let path = dir.join(&name);
        if path.exists() {
            return Err(StoreError::Rule(format!(
                "备份文件已存在：{}，请稍后再试",
                path.display()
            )));
        }
        let part = dir.join(format!("{PART_PREFIX}{name}{PART_SUFFIX}"));
        let written = self.backup_file(&part).and_then(|()| check_copy(&part));
        if let Err(e) = written {
            remove_backup(&part);
            return Err(e);
        }
        let rename = |from: &Path, to: &Path| {
            std::fs::rename(from, to)
                .map_err(|e| StoreError::Rule(format!("无法完成备份 {}：{e}", to.display())))
        };
        // Attachments first: a backup file with its final name always has its folder.
        if files_dir(&part).exists() {
            rename(&files_dir(&part), &files_dir(&path))?;
        }
        rename(&part, &path)?;
        sync_dir(dir);
        // The backup is complete and checked under its final name from here on: whatever is
        // recorded about a finished backup (such as the audit head for the folder) goes here.
        if let Some(head) = self.audit_head()? {
            // Both the database's own witness and one kept with this backup folder.
            super::witness::record_head(self.path(), &head);
            super::witness::record(dir, self.path(), &head);
        }
        let removed = rotate(dir)?;
        Ok((path, removed))
    }

    /// An online copy of the database at `path` (owner-only from the start, so that not
    /// even a half-written copy is readable by others), attachments beside it.
    pub(super) fn backup_file(&self, path: &Path) -> Result<()> {
        let mut o = std::fs::OpenOptions::new();
        o.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
        o.open(path)
            .map_err(|e| StoreError::Rule(format!("无法写入备份 {}：{e}", path.display())))?;
        self.conn.backup("main", path, None)?;
        super::restrict_to_owner(path);
        copy_tree(&files_dir(self.path()), &files_dir(path))
            .map_err(|e| StoreError::Rule(format!("复制证据附件失败：{e}")))?;
        Ok(())
    }
}

const PART_PREFIX: &str = ".";
const PART_SUFFIX: &str = ".part";

/// The copy passes every check, attachments included, before it gets its final name.
fn check_copy(part: &Path) -> Result<()> {
    let copy = Store::open(part)?;
    let failed: Vec<String> = copy
        .check()?
        .into_iter()
        .filter(|c| !c.ok)
        .map(|c| c.name.to_string())
        .collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(StoreError::Rule(format!(
            "备份副本未通过检查（{}），已丢弃；请检查备份目录所在磁盘",
            failed.join("、")
        )))
    }
}

/// Holds `<dir>/.lock` exclusively until dropped.
fn lock_folder(dir: &Path) -> Result<std::fs::File> {
    let path = dir.join(".lock");
    let mut o = std::fs::OpenOptions::new();
    o.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
    let f = o
        .open(&path)
        .map_err(|e| StoreError::Rule(format!("无法锁定备份目录 {}：{e}", dir.display())))?;
    f.lock()
        .map_err(|e| StoreError::Rule(format!("无法锁定备份目录 {}：{e}", dir.display())))?;
    Ok(f)
}

/// A backup (database, journal, attachments) that never got its final name.
fn remove_backup(part: &Path) {
    let _ = std::fs::remove_file(part);
    let mut journal = part.as_os_str().to_os_string();
    journal.push("-journal");
    let _ = std::fs::remove_file(PathBuf::from(journal));
    let _ = std::fs::remove_dir_all(files_dir(part));
}

/// Removes what a killed backup left under its temporary name (only called with the
/// folder's lock held, so no backup is in progress).
fn remove_stale_parts(dir: &Path) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(PART_PREFIX) else {
            continue;
        };
        if rest.starts_with(BACKUP_PREFIX) && name.contains(PART_SUFFIX) {
            let path = e.path();
            if path.is_dir() {
                let _ = std::fs::remove_dir_all(&path);
            } else {
                let _ = std::fs::remove_file(&path);
            }
        }
    }
}

fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// A backup file that is whole: a zhifa database header, as many bytes as its header says
/// pages, and no journal of an unfinished write beside it. Cheap, so rotation can ask it of
/// every backup; anything else is never counted as a good backup, nor deleted.
pub fn is_complete(path: &Path) -> bool {
    use std::io::Read;
    let mut journal = path.as_os_str().to_os_string();
    journal.push("-journal");
    if PathBuf::from(journal).exists() {
        return false;
    }
    let mut header = [0u8; 100];
    let Ok(mut f) = std::fs::File::open(path) else {
        return false;
    };
    let Ok(len) = f.metadata().map(|m| m.len()) else {
        return false;
    };
    if f.read_exact(&mut header).is_err() || &header[..16] != b"SQLite format 3\0" {
        return false;
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536u64,
        n => u64::from(n),
    };
    let pages = u64::from(u32::from_be_bytes([
        header[28], header[29], header[30], header[31],
    ]));
    let app_id = i32::from_be_bytes([header[68], header[69], header[70], header[71]]);
    app_id == super::APPLICATION_ID && page_size * pages == len
}

/// Complete backups in `dir` with the time in their names, oldest first. Temporary,
/// incomplete and differently named files are not backups.
pub fn backups_in(dir: &Path) -> Vec<(NaiveDateTime, PathBuf)> {
    let mut out: Vec<(NaiveDateTime, PathBuf)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let stamp = name
                .strip_prefix(BACKUP_PREFIX)?
                .strip_suffix(BACKUP_SUFFIX)?
                .to_string();
            let t = NaiveDateTime::parse_from_str(&stamp, STAMP).ok()?;
            is_complete(&e.path()).then(|| (t, e.path()))
        })
        .collect();
    out.sort();
    out
}

/// Deletes complete backups the retention policy does not keep (with their attachment
/// folders). Each one deleted is superseded by a newer complete one in its period, and the
/// newest (just written and checked) is always kept, so the good backups are never thinned
/// out by bad ones.
fn rotate(dir: &Path) -> Result<Vec<PathBuf>> {
    let all = backups_in(dir);
    let times: Vec<NaiveDateTime> = all.iter().map(|(t, _)| *t).collect();
    let keep = crate::domain::retention::keep(&times);
    let mut removed = Vec::new();
    for (i, (_, path)) in all.into_iter().enumerate() {
        if !keep.contains(&i) {
            std::fs::remove_file(&path)
                .map_err(|e| StoreError::Rule(format!("无法删除旧备份 {}：{e}", path.display())))?;
            let _ = std::fs::remove_dir_all(files_dir(&path));
            removed.push(path);
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn init_at(path: &Path) {
        Store::init_for_test(path, "合隆镇", "合");
    }

    fn demo() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("z.sqlite3");
        init_at(&path);
        (dir, path)
    }

    fn at(s: &str) -> NaiveDateTime {
        s.parse().unwrap()
    }

    fn mode(p: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn check_passes_on_a_healthy_file_and_names_a_broken_chain() {
        let (_d, path) = demo();
        let store = Store::open(&path).unwrap();
        assert!(store.check().unwrap().iter().all(|c| c.ok));
        store
            .conn()
            .execute_batch(
                "DROP TRIGGER audit_no_update; UPDATE audit SET summary = 'x' WHERE id = 1;",
            )
            .unwrap();
        let items = store.check().unwrap();
        let chain = items.iter().find(|c| c.name.contains("哈希链")).unwrap();
        assert!(!chain.ok && chain.detail.contains("第 1 条"), "{chain:?}");
    }

    #[test]
    fn backup_is_a_readable_zhifa_file_and_rotation_keeps_recent_ones() {
        let (dir, path) = demo();
        let store = Store::open(&path).unwrap();
        let backups = dir.path().join("backups");
        let t0: NaiveDateTime = "2026-01-01T08:00:00".parse().unwrap();
        for day in 0..40 {
            store
                .backup_to(&backups, t0 + chrono::Duration::days(day))
                .unwrap();
        }
        let left = backups_in(&backups);
        assert!(left.len() <= 23 && left.len() >= 7, "{}", left.len());
        let (_, newest) = left.last().unwrap();
        let copy = Store::open(newest).unwrap();
        assert_eq!(
            copy.power_count_on("2026-01-01".parse().unwrap()).unwrap(),
            148
        );
        assert!(copy.check().unwrap().iter().all(|c| c.ok));
    }

    #[test]
    fn a_damaged_live_file_is_not_backed_up_and_the_good_backup_stays() {
        let (dir, path) = demo();
        let store = Store::open(&path).unwrap();
        let backups = dir.path().join("backups");
        let (good, _) = store
            .backup_to(&backups, at("2026-03-02T08:00:00"))
            .unwrap();
        store
            .conn()
            .execute_batch(
                "DROP TRIGGER audit_no_update; UPDATE audit SET summary = 'x' WHERE id = 1;",
            )
            .unwrap();
        // Later the same day: rotation would keep only the newest backup of the day.
        let err = store
            .backup_to(&backups, at("2026-03-02T18:00:00"))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("未通过检查") && err.contains("哈希链"),
            "{err}"
        );
        let left: Vec<PathBuf> = backups_in(&backups).into_iter().map(|(_, p)| p).collect();
        assert_eq!(left, vec![good.clone()]);
        assert!(Store::open(&good)
            .unwrap()
            .check()
            .unwrap()
            .iter()
            .all(|c| c.ok));
        let names: Vec<String> = std::fs::read_dir(&backups)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with('.') && !n.ends_with(".witness"))
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn what_a_killed_backup_left_is_never_counted_and_temporary_files_are_cleaned() {
        let (dir, path) = demo();
        let store = Store::open(&path).unwrap();
        let backups = dir.path().join("backups");
        let (first, _) = store
            .backup_to(&backups, at("2026-03-02T08:00:00"))
            .unwrap();
        let bytes = std::fs::read(&first).unwrap();
        // A backup killed midway under its final name (as before temporary names), with
        // its journal; and one killed under a temporary name.
        let torn = backups.join("zhifa-20260303-080000.sqlite3");
        std::fs::write(&torn, &bytes[..bytes.len() / 2]).unwrap();
        std::fs::write(backups.join("zhifa-20260303-080000.sqlite3-journal"), b"j").unwrap();
        let part = backups.join(".zhifa-20260303-090000.sqlite3.part");
        std::fs::write(&part, &bytes[..bytes.len() / 3]).unwrap();
        let (second, _) = store
            .backup_to(&backups, at("2026-03-03T10:00:00"))
            .unwrap();
        let good: Vec<PathBuf> = backups_in(&backups).into_iter().map(|(_, p)| p).collect();
        assert_eq!(good, vec![first, second]);
        assert!(!part.exists(), "a stale temporary backup was left");
        assert!(!is_complete(&torn));
        // Not ours to judge beyond that: the torn file is left for a person to look at.
        assert!(torn.exists());
    }

    #[test]
    fn two_databases_in_one_folder_keep_their_own_backups_private() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (
            dir.path().join("zhifa.sqlite3"),
            dir.path().join("test.sqlite3"),
        );
        init_at(&a);
        init_at(&b);
        let (a, b) = (Store::open(&a).unwrap(), Store::open(&b).unwrap());
        let (da, db) = (a.backup_dir(None).unwrap(), b.backup_dir(None).unwrap());
        assert_ne!(da, db);
        assert!(
            da.starts_with(dir.path().join("backups")),
            "{}",
            da.display()
        );
        let t0 = at("2026-01-01T08:00:00");
        for day in 0..10 {
            a.backup_to(&da, t0 + chrono::Duration::days(day)).unwrap();
            b.backup_to(
                &db,
                t0 + chrono::Duration::days(day) + chrono::Duration::hours(1),
            )
            .unwrap();
        }
        assert!(backups_in(&da).len() >= 7);
        assert!(backups_in(&db).len() >= 7);
        let (_, newest) = backups_in(&da).pop().unwrap();
        assert_eq!(mode(&newest), 0o600);
        assert_eq!(mode(&da), 0o700);
    }
}
