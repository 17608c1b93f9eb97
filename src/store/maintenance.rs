//! Keeping the file healthy: `check` (integrity, foreign keys, audit chain, attachments,
//! each with what to do about it) and online backups with SQLite's backup API, attachments
//! included, rotated 7 daily / 4 weekly / 12 monthly.

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

pub(super) fn private_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
        path: dir.to_path_buf(),
        source,
    })?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
    }
    Ok(())
}

pub(super) fn copy_tree(from: &Path, to: &Path) -> std::io::Result<u64> {
    let mut n = 0;
    if !from.is_dir() {
        return Ok(0);
    }
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
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

/// Where backups go unless told otherwise: `backups/` beside the database.
pub fn default_backup_dir(db: &Path) -> PathBuf {
    db.parent()
        .map(|p| p.join("backups"))
        .unwrap_or_else(|| PathBuf::from("backups"))
}

/// The attachment folder that belongs beside a database (or backup) file.
pub(super) fn files_dir(db: &Path) -> PathBuf {
    attachments::case_dir(db, 0)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
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
                files += case
                    .evidence
                    .iter()
                    .map(|e| e.attachments.len())
                    .sum::<usize>();
                problems.extend(attachments::verify(self.path(), &case));
            }
            Err(e) => unreadable.push(e),
        })?;
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
                    .map(|p| format!("案件 #{} {}：{}", p.case_id, p.file, p.problem))
                    .collect::<Vec<_>>()
                    .join("；")
            },
            advice: "从备份目录中同名的附件文件夹恢复缺失或被改动的文件".into(),
        });
        Ok(out)
    }

    /// Writes an online backup (a consistent copy even while others use the file) into
    /// `dir`, with the attachments beside it, then rotates the backups there.
    /// Returns the new backup's path and the backups removed by rotation.
    pub fn backup_to(&self, dir: &Path, now: NaiveDateTime) -> Result<(PathBuf, Vec<PathBuf>)> {
        private_dir(dir)?;
        let path = dir.join(format!(
            "{BACKUP_PREFIX}{}{BACKUP_SUFFIX}",
            now.format(STAMP)
        ));
        if path.exists() {
            return Err(StoreError::Rule(format!(
                "备份文件已存在：{}，请稍后再试",
                path.display()
            )));
        }
        self.backup_file(&path)?;
        if let Some(head) = self.audit_head()? {
            super::witness::record(dir, self.path(), &head);
        }
        let removed = rotate(dir)?;
        Ok((path, removed))
    }

    /// An online copy of the database at `path` (owner-only), attachments beside it.
    pub(super) fn backup_file(&self, path: &Path) -> Result<()> {
        self.conn.backup("main", path, None)?;
        super::restrict_to_owner(path);
        copy_tree(&files_dir(self.path()), &files_dir(path))
            .map_err(|e| StoreError::Rule(format!("复制证据附件失败：{e}")))?;
        Ok(())
    }
}

/// Backups in `dir` with the time in their names, oldest first.
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
            Some((t, e.path()))
        })
        .collect();
    out.sort();
    out
}

/// Deletes backups the retention policy does not keep (with their attachment folders).
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

    fn demo() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("z.sqlite3");
        let agency = crate::domain::agency::Agency::new("合隆镇", "合").unwrap();
        let catalog = crate::assets::catalog_template().unwrap();
        Store::init(
            &path,
            &agency,
            &catalog,
            "t",
            &crate::assets::holiday_tables().unwrap(),
            None,
        )
        .unwrap();
        (dir, path)
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
}
