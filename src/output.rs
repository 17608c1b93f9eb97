//! Files written where a user said (`print -o`, `ledger export --out`, the UI's export
//! folder). One rule for all of them: never over the database, its journals, its evidence
//! files or its backups (not even when forced); never over an existing file unless forced;
//! always whole (a temporary file renamed into place), readable by the owner only.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::store::{attachments, maintenance};

/// Why a file may not be written there.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("{0} 已存在，未覆盖：请换一个文件名，或确需覆盖时加 --force")]
    Exists(PathBuf),
    #[error("不能写到 {path}：{why}（加 --force 也不行），请换一个位置")]
    Protected { path: PathBuf, why: &'static str },
    #[error("无法写入 {0}：{1}")]
    Io(PathBuf, std::io::Error),
}

/// A path checked by `guard`, ready to be written once.
#[derive(Debug, Clone)]
pub struct Target {
    path: PathBuf,
    force: bool,
}

/// The path as the file system will resolve it: links followed as far as the path exists.
fn resolve(path: &Path) -> PathBuf {
    if let Ok(p) = std::fs::canonicalize(path) {
        return p;
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    while let Some(parent) = existing.parent() {
        if let Some(name) = existing.file_name() {
            rest.push(name.to_os_string());
        }
        existing = parent;
        if let Ok(mut p) = std::fs::canonicalize(existing) {
            for part in rest.iter().rev() {
                p.push(part);
            }
            return p;
        }
    }
    absolute
}

fn is_sqlite_file(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && &head == b"SQLite format 3\0"
}

/// Checks that `path` may be written by a command working on the database `db`. Refused
/// always: the database and its `-wal`/`-shm`/`-journal`, anything under its evidence
/// folder or its backups folder, any existing SQLite database, a folder, a path that names
/// no file (`..`). Refused unless `force`: any other existing file.
pub fn guard(path: &Path, force: bool, db: &Path) -> Result<Target, OutputError> {
    let protected = |why| OutputError::Protected {
        path: path.to_path_buf(),
        why,
    };
    if path.file_name().is_none() {
        return Err(protected("这不是一个文件名"));
    }
    let target = resolve(path);
    let db = resolve(db);
    for side in ["", "-wal", "-shm", "-journal"] {
        let mut name = db.as_os_str().to_os_string();
        name.push(side);
        if target.as_os_str() == name {
            return Err(protected("这是数据库文件本身或它的日志文件"));
        }
    }
    if target.starts_with(resolve(&attachments::root_dir(&db))) {
        return Err(protected("这是证据附件目录"));
    }
    if target.starts_with(resolve(&maintenance::backups_root(&db))) {
        return Err(protected("这是备份目录"));
    }
    match std::fs::metadata(&target) {
        Ok(m) if m.is_dir() => Err(protected("这是一个目录")),
        Ok(_) if is_sqlite_file(&target) => Err(protected("这是一个数据库文件")),
        Ok(_) if !force => Err(OutputError::Exists(path.to_path_buf())),
        _ => Ok(Target {
            path: path.to_path_buf(),
            force,
        }),
    }
}

impl Target {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes `bytes` to a temporary file beside the target (owner-only), flushes it to
    /// disk and renames it into place — over an existing file only when forced, and never
    /// over one that appeared since `guard` looked.
    pub fn write(&self, bytes: &[u8]) -> Result<(), OutputError> {
        let io = |e| OutputError::Io(self.path.clone(), e);
        let dir = match self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            Some(d) => d.to_path_buf(),
            None => PathBuf::from("."),
        };
        crate::paths::create_private_dir(&dir).map_err(io)?;
        let mut tmp = tempfile::Builder::new()
            .prefix(".zhifa-")
            .suffix(".tmp")
            .tempfile_in(&dir)
            .map_err(io)?;
        tmp.write_all(bytes).map_err(io)?;
        tmp.as_file().sync_all().map_err(io)?;
        let placed = if self.force {
            tmp.persist(&self.path).map(|_| ())
        } else {
            tmp.persist_noclobber(&self.path).map(|_| ())
        };
        match placed {
            Ok(()) => {
                if let Ok(d) = std::fs::File::open(&dir) {
                    let _ = d.sync_all();
                }
                Ok(())
            }
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
                Err(OutputError::Exists(self.path.clone()))
            }
            Err(e) => Err(io(e.error)),
        }
    }
}

/// Writes `bytes` as `<dir>/<stem>.<ext>`, or `<stem> (2).<ext>`, `(3)`… if that name is
/// taken: an export never replaces an earlier one. Returns the path written.
pub fn write_new_name(
    dir: &Path,
    stem: &str,
    ext: &str,
    bytes: &[u8],
    db: &Path,
) -> Result<PathBuf, OutputError> {
    for n in 1..=999 {
        let name = if n == 1 {
            format!("{stem}.{ext}")
        } else {
            format!("{stem} ({n}).{ext}")
        };
        let path = dir.join(name);
        match guard(&path, false, db).and_then(|t| t.write(bytes)) {
            Ok(()) => return Ok(path),
            Err(OutputError::Exists(_)) => continue,
            Err(e) => return Err(e),
        }
    }
    Err(OutputError::Exists(dir.join(format!("{stem}.{ext}"))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode(p: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn the_database_its_journals_attachments_and_backups_are_never_written() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("zhifa.sqlite3");
        std::fs::write(&db, b"SQLite format 3\0rest").unwrap();
        let files = attachments::root_dir(&db);
        std::fs::create_dir_all(files.join("7")).unwrap();
        std::fs::create_dir_all(maintenance::backups_root(&db)).unwrap();
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&db, &link).unwrap();
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        for p in [
            db.clone(),
            dir.path().join("zhifa.sqlite3-wal"),
            dir.path().join("zhifa.sqlite3-journal"),
            files.join("7").join("x.pdf"),
            maintenance::backups_root(&db).join("new.txt"),
            link,
            sub.join("..").join("zhifa.sqlite3"),
            sub.clone(),
        ] {
            for force in [false, true] {
                let e = guard(&p, force, &db).unwrap_err();
                assert!(
                    matches!(e, OutputError::Protected { .. }),
                    "{} force={force}: {e}",
                    p.display()
                );
            }
        }
    }

    #[test]
    fn an_existing_file_needs_force_and_writes_are_private_and_whole() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("zhifa.sqlite3");
        let out = dir.path().join("新目录").join("决定书.txt");
        guard(&out, false, &db).unwrap().write(b"one").unwrap();
        assert_eq!(mode(&out), 0o600);
        assert_eq!(mode(out.parent().unwrap()), 0o700);
        let e = guard(&out, false, &db).unwrap_err();
        assert!(e.to_string().contains("--force"), "{e}");
        guard(&out, true, &db).unwrap().write(b"two").unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"two");
        // A file that appears after the check is still not replaced.
        let late = dir.path().join("late.txt");
        let t = guard(&late, false, &db).unwrap();
        std::fs::write(&late, b"someone else's").unwrap();
        assert!(matches!(t.write(b"mine"), Err(OutputError::Exists(_))));
        assert_eq!(std::fs::read(&late).unwrap(), b"someone else's");
        // No temporary file is left behind.
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with(".zhifa-"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn exporting_again_picks_a_new_name() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("zhifa.sqlite3");
        let a = write_new_name(dir.path(), "决定书", "pdf", b"1", &db).unwrap();
        let b = write_new_name(dir.path(), "决定书", "pdf", b"2", &db).unwrap();
        assert_eq!(a.file_name().unwrap(), "决定书.pdf");
        assert_eq!(b.file_name().unwrap(), "决定书 (2).pdf");
        assert_eq!(std::fs::read(&a).unwrap(), b"1");
        assert_eq!(std::fs::read(&b).unwrap(), b"2");
    }
}
