//! Evidence files (photos, scans, audio, video): copied into a per-case folder beside the
//! database, named by content hash, with their SHA-256 recorded in the case so that a later
//! change or loss is detected.

use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::{Result, StoreError};
use crate::domain::case::{Attachment, Case};

/// `<folder of the database>/<db file name>.files/<case id>/`.
pub fn case_dir(db_path: &Path, case_id: i64) -> PathBuf {
    let mut name = db_path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".files");
    db_path.with_file_name(name).join(case_id.to_string())
}

fn sha256_of(path: &Path) -> std::io::Result<(String, u64)> {
    let mut f = std::fs::File::open(path)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut size = 0u64;
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        size += n as u64;
        h.update(&buf[..n]);
    }
    Ok((format!("{:x}", h.finalize()), size))
}

fn io_err(what: &str, path: &Path, e: std::io::Error) -> StoreError {
    StoreError::Rule(format!("{what} {}：{e}", path.display()))
}

/// Copies `src` into the case's folder and returns its record. The copy is named
/// `<first 12 hex of SHA-256>-<original name>` and readable by the owner only.
pub fn copy_in(db_path: &Path, case_id: i64, src: &Path) -> Result<Attachment> {
    let meta = std::fs::metadata(src).map_err(|e| io_err("找不到附件文件", src, e))?;
    if !meta.is_file() {
        return Err(StoreError::Rule(format!("{} 不是文件", src.display())));
    }
    let (sha, _) = sha256_of(src).map_err(|e| io_err("无法读取附件", src, e))?;
    let original = src
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "附件".into());
    let file_name = format!("{}-{original}", &sha[..12]);
    let dir = case_dir(db_path, case_id);
    std::fs::create_dir_all(&dir).map_err(|e| io_err("无法创建附件目录", &dir, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700));
    }
    let dest = dir.join(&file_name);
    std::fs::copy(src, &dest).map_err(|e| io_err("无法复制附件", src, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&dest, std::fs::Permissions::from_mode(0o600));
    }
    // Hash the copy, not the source: what is recorded is what is stored.
    let (stored_sha, size) = sha256_of(&dest).map_err(|e| io_err("无法读取附件", &dest, e))?;
    if stored_sha != sha {
        let _ = std::fs::remove_file(&dest);
        return Err(StoreError::Rule(format!(
            "复制 {} 时内容发生变化，请重试",
            src.display()
        )));
    }
    Ok(Attachment {
        file_name,
        sha256: sha,
        size,
    })
}

/// Removes copies made for a step that was then refused.
pub fn remove(db_path: &Path, case_id: i64, files: &[Attachment]) {
    let dir = case_dir(db_path, case_id);
    for a in files {
        let _ = std::fs::remove_file(dir.join(&a.file_name));
    }
}

/// One attachment that no longer matches its record.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AttachmentProblem {
    pub case_id: i64,
    pub file: String,
    pub problem: String,
}

/// Checks every attachment of `case` against its recorded SHA-256.
pub fn verify(db_path: &Path, case: &Case) -> Vec<AttachmentProblem> {
    let dir = case_dir(db_path, case.id);
    let mut out = Vec::new();
    for a in case.evidence.iter().flat_map(|e| &e.attachments) {
        let path = dir.join(&a.file_name);
        let problem = match sha256_of(&path) {
            Err(_) => Some("文件缺失，请从备份恢复".to_string()),
            Ok((sha, _)) if sha != a.sha256 => Some(format!(
                "内容与登记时不符（登记 SHA-256 {}…，现为 {}…），可能被改动，请从备份恢复并查明原因",
                a.sha256.get(..12).unwrap_or(&a.sha256),
                sha.get(..12).unwrap_or(&sha)
            )),
            Ok(_) => None,
        };
        if let Some(problem) = problem {
            out.push(AttachmentProblem {
                case_id: case.id,
                file: a.file_name.clone(),
                problem,
            });
        }
    }
    out
}
