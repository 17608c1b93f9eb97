//! The SQLite file: opening it safely, migrating it, and reading/writing what the domain needs.
//!
//! One file per agency. WAL mode and a busy timeout let several zhifa processes (clerks over
//! SSH on the office server) share it; every write is one short transaction.

mod agency;
pub mod attachments;
pub mod audit;
mod bulk;
mod calendar;
mod case_list;
mod cases;
mod catalog;
mod codes;
mod derived;
mod init;
pub mod inspections;
mod integrity;
mod leader;
pub mod leads;
mod ledger;
pub mod maintenance;
mod migrations;
pub mod restore;
mod search_text;
mod staff;
mod state;
pub mod witness;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

pub use audit::{AuditEntry, AuditReport, Who};
pub use bulk::{BulkCase, CASE_NO_MARK};
pub use calendar::HolidayImport;
pub use case_list::{CaseFilter, CaseRow, CaseSort, PageAt};
pub use cases::{DeadlineCtx, DueItem};
pub use catalog::{ImportReport, PowerVersion};
pub use codes::Code;
pub use init::InitReport;
pub use integrity::Integrity;
pub use ledger::{LedgerImportInfo, LedgerStage, PriorCheck, IMPORT_BATCH_ROWS};
pub use maintenance::CheckItem;
pub use migrations::{APPLICATION_ID, LATEST as SCHEMA_VERSION};
pub use staff::{hash_password, LoginError, NewUser};
pub use state::StateFinding;
pub use witness::Head;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("数据库文件不存在：{0}\n请先运行 `zhifa init --township 镇名 --abbr 简称` 建库，或用 --db 指定已有的数据库")]
    NotFound(PathBuf),
    #[error(
        "数据库已存在：{0}\n为保护已有数据，init 不会覆盖它。如需重新建库，请先备份并移走该文件"
    )]
    AlreadyExists(PathBuf),
    #[error("数据库 {path} 的结构版本为 {found}，本程序只支持到 {supported}。\n请升级 zhifa 后再打开；为保护数据，未对文件做任何修改")]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("{0} 不是 zhifa 数据库，或文件已损坏。请检查 --db 路径；如是损坏，请用备份恢复")]
    NotZhifa(PathBuf),
    #[error("数据库尚未初始化（没有机关信息）。请运行 `zhifa init`")]
    NotInitialised,
    #[error("无法创建目录 {path}：{source}")]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("数据库升级失败：{0}")]
    Migration(String),
    #[error("数据库 {path} 记录的结构版本（{found}）低于它实际的结构（{actual}）：版本号被绕过 zhifa 改动过。\n为保护数据，未对文件做任何修改。请用最近的备份恢复，或请技术人员把 user_version 改回 {actual}")]
    Rewound {
        path: PathBuf,
        found: i64,
        actual: i64,
    },
    #[error("数据库未通过完整性检查：{0}。\n当前只读，本次操作未保存。请管理员运行 zhifa check 查看，核实后用 zhifa check --acknowledge 确认")]
    ReadOnly(String),
    #[error("{0}")]
    Rule(String),
    #[error("案件已被 {by} 于 {at} 修改，本次操作未保存（您填写的内容已保留）。请查看最新情况后重新提交")]
    Conflict { by: String, at: String },
    #[error("{}", sqlite_message(.0))]
    Sqlite(#[from] rusqlite::Error),
}

/// What SQLite's failures mean for a clerk, and what to do; the rest verbatim.
fn sqlite_message(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode as C;
    match e.sqlite_error_code() {
        Some(C::DiskFull) => {
            "磁盘空间已满，本次操作未保存（已填写的内容仍在）。请清理磁盘或联系管理员后重试".into()
        }
        Some(C::ReadOnly) => {
            "数据库文件只读，本次操作未保存。请检查数据库文件和所在目录的写权限，或联系管理员"
                .into()
        }
        Some(C::DatabaseBusy | C::DatabaseLocked) => {
            "数据库正忙（其他人正在保存），本次操作未保存。请稍后重试".into()
        }
        Some(C::DatabaseCorrupt | C::NotADatabase) => {
            "数据库文件已损坏。请运行 zhifa check 查看，并用 zhifa restore 从备份恢复".into()
        }
        Some(C::CannotOpen) => "无法打开数据库文件：请检查路径、目录是否存在以及读写权限".into(),
        Some(C::SystemIoFailure) => {
            format!("读写数据库文件失败（磁盘错误或空间不足），本次操作未保存：{e}")
        }
        _ => format!("数据库错误：{e}"),
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open, migrated zhifa database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Why the file is read-only (it failed the checks of `open`), until acknowledged.
    block: Option<String>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(Duration::from_secs(10))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // FULL: a committed decision survives a power cut too, not only a crashed process.
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

fn is_not_a_database(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt)
    )
}

impl Store {
    /// Opens an existing database, migrating it to this binary's schema. Refuses a missing
    /// file, a file that is not a zhifa database, and a file written by a newer zhifa — in
    /// each case without writing anything.
    pub fn open(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(StoreError::NotFound(path.to_path_buf()));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        let not_zhifa = |e: rusqlite::Error| {
            if is_not_a_database(&e) {
                StoreError::NotZhifa(path.to_path_buf())
            } else {
                StoreError::Sqlite(e)
            }
        };
        // Read before anything writes: journal_mode=WAL itself writes the header.
        let app_id: i32 = conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .map_err(not_zhifa)?;
        if app_id != APPLICATION_ID {
            return Err(StoreError::NotZhifa(path.to_path_buf()));
        }
        let found: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(not_zhifa)?;
        if found > migrations::LATEST {
            return Err(StoreError::TooNew {
                path: path.to_path_buf(),
                found,
                supported: migrations::LATEST,
            });
        }
        if found < migrations::LATEST {
            let actual = migrations::actual_version(&conn).map_err(not_zhifa)?;
            if actual > found {
                return Err(StoreError::Rewound {
                    path: path.to_path_buf(),
                    found,
                    actual,
                });
            }
        }
        configure(&conn).map_err(not_zhifa)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            block: None,
        };
        if found < migrations::LATEST {
            store.migrate()?;
        }
        store.agency()?;
        state::install(&store.conn)?;
        store.finish_search_index()?;
        store.seal_if_pending()?;
        store.note_codes_migration()?;
        store.apply_open_checks()?;
        Ok(store)
    }

    /// Creates a new database file with the schema, refusing if the file exists. The caller
    /// fills it (see `init`); the file is readable by its owner only.
    pub fn create(path: &Path) -> Result<Store> {
        if path.exists() {
            return Err(StoreError::AlreadyExists(path.to_path_buf()));
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            create_private_dir(dir)?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        restrict_to_owner(path);
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        configure(&conn)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            block: None,
        };
        store.migrate()?;
        // A new file has nothing to seal: every record is bound from its first entry on.
        store.conn.execute(
            "DELETE FROM setting WHERE key IN ('chain.seal_pending', 'codes.migrated_pending')",
            [],
        )?;
        state::install(&store.conn)?;
        store.finish_search_index()?;
        Ok(store)
    }

    /// Brings the search texts up to this binary's fields (once per `SEARCH_TEXT_VERSION`)
    /// and fills the search index when a migration asked for it (see migration V5). A file
    /// that cannot be written (read-only) keeps its old texts: search still works on them.
    fn finish_search_index(&mut self) -> Result<()> {
        use search_text::SEARCH_TEXT_VERSION_KEY;
        let wanted = crate::domain::search::SEARCH_TEXT_VERSION.to_string();
        if self.setting(SEARCH_TEXT_VERSION_KEY)?.as_deref() != Some(wanted.as_str()) {
            match self.refresh_search_texts() {
                Ok(n) => tracing::info!(cases = n, "search texts refreshed"),
                Err(e) => tracing::warn!(error = %e, "search texts not refreshed"),
            }
        }
        if self.setting("search.rebuild")?.is_some() {
            let n = self.rebuild_search_index()?;
            tracing::info!(cases = n, "search index rebuilt");
        }
        Ok(())
    }

    fn migrate(&mut self) -> Result<()> {
        migrations::migrations()
            .to_latest(&mut self.conn)
            // The first line says what failed; the rest is a dump of the migration.
            .map_err(|e| {
                StoreError::Migration(e.to_string().lines().next().unwrap_or_default().into())
            })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version recorded in the file.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// SQLite's `data_version`: changes whenever another connection commits to the file.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))?)
    }

    /// Raw connection, for tests and for the few places that need SQL the store lacks.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }
}

/// Creates `dir` (and parents) readable by the owner only where it is new.
fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.exists() {
        return Ok(());
    }
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

/// Case files hold personal data: the database is readable by its owner only (0600).
pub(super) fn restrict_to_owner(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// Today's date and time as stored in the file (local time, ISO 8601).
pub(crate) fn now_text() -> String {
    chrono::Local::now().format("%Y-%m-%dT%H:%M:%S").to_string()
}

#[cfg(test)]
mod failure_tests;
#[cfg(test)]
mod list_tests;
#[cfg(test)]
mod tests;
