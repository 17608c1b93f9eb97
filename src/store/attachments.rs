//! Evidence files (photos, scans, audio, video): copied into a per-case folder beside the
//! database, named by content (`<first 12 hex of SHA-256>-<original name>`), with their
//! SHA-256 recorded in the case so that a later change or loss is detected. Inspection photos
//! go the same way into one `inspections/` folder (a record has no id before it is saved;
//! names by content keep records apart), their SHA-256 recorded in the inspection record.
//!
//! A step may be refused or lose a version race after its files were copied. Since the
//! same content under the same name is the same file, a refused step must never delete a
//! file some committed step (its own earlier run, or a desk racing it) relies on. So:
//! a copy is written under a temporary name and moved into place only if the name is free;
//! a step holds a shared lock on the case's folder from the first copy until its commit
//! is decided; and a refused step, holding the lock alone, removes only the files it placed
//! itself that the committed case does not name.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::maintenance::private_dir;
use super::{Result, Store, StoreError};
use crate::domain::case::{Attachment, Case};
use crate::domain::inspection::InspectionRecord;

/// `<folder of the database>/<db file name>.files/`: every case's evidence files.
pub fn root_dir(db_path: &Path) -> PathBuf {
    let mut name = db_path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".files");
    db_path.with_file_name(name)
}

/// `<folder of the database>/<db file name>.files/<case id>/`.
pub fn case_dir(db_path: &Path, case_id: i64) -> PathBuf {
    root_dir(db_path).join(case_id.to_string())
}

/// `<folder of the database>/<db file name>.files/inspections/`: every inspection's photos.
pub fn inspections_dir(db_path: &Path) -> PathBuf {
    root_dir(db_path).join("inspections")
}

/// Whose files a staging holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    Case(i64),
    Inspections,
}

/// Names in an attachment folder that are not attachments (the lock, copies in progress);
/// attachment names always start with hex digits.
pub(super) fn is_bookkeeping(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

const LOCK_NAME: &str = ".lock";
const TEMP_PREFIX: &str = ".tmp-";

fn sha256_of(path: &Path) -> std::io::Result<(String, u64)> {
    let mut f = File::open(path)?;
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

fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_048_576.0)
}

/// The evidence files of one step, from the first copy until the step is saved or refused.
/// While it lives, no refused step on the same case removes anything.
pub struct Staging {
    dir: PathBuf,
    owner: Owner,
    lock: File,
    max_bytes: u64,
    /// What the step records, in the order added.
    attachments: Vec<Attachment>,
    /// Files this step moved into place itself (the rest were there already).
    placed: Vec<String>,
}

impl Staging {
    /// Opens the case's folder for a step's files, with the attachment size limit of the
    /// agency's settings.
    pub fn begin(store: &Store, case_id: i64) -> Result<Staging> {
        Staging::open(store, Owner::Case(case_id))
    }

    /// Opens the inspections' folder for one record's photos, with the same size limit.
    pub fn begin_inspection(store: &Store) -> Result<Staging> {
        Staging::open(store, Owner::Inspections)
    }

    fn open(store: &Store, owner: Owner) -> Result<Staging> {
        let max_bytes = store.security_settings()?.attachment_max_bytes();
        private_dir(&root_dir(store.path()))?;
        let dir = match owner {
            Owner::Case(id) => case_dir(store.path(), id),
            Owner::Inspections => inspections_dir(store.path()),
        };
        private_dir(&dir)?;
        let lock_path = dir.join(LOCK_NAME);
        let lock =
            private_file(&lock_path).map_err(|e| io_err("无法打开附件目录锁", &lock_path, e))?;
        lock.lock_shared()
            .map_err(|e| io_err("无法锁定附件目录", &dir, e))?;
        Ok(Staging {
            dir,
            owner,
            lock,
            max_bytes,
            attachments: Vec::new(),
            placed: Vec::new(),
        })
    }

    /// What the step should record.
    pub fn attachments(&self) -> &[Attachment] {
        &self.attachments
    }

    /// Copies `src` into the case's folder (owner-only) and returns its record. Refuses
    /// anything but a regular file (after following links) and files over the size limit.
    pub fn add(&mut self, src: &Path) -> Result<Attachment> {
        let resolved = std::fs::canonicalize(src).map_err(|e| io_err("找不到附件文件", src, e))?;
        let meta = std::fs::metadata(&resolved).map_err(|e| io_err("找不到附件文件", src, e))?;
        if !meta.is_file() {
            return Err(StoreError::Rule(format!(
                "{} 不是普通文件（目录、设备或管道），不能作为证据附件；请选择照片、扫描件等文件本身",
                src.display()
            )));
        }
        let too_big = |size: u64| {
            StoreError::Rule(format!(
                "附件 {} 有 {}，超过上限 {}；请压缩后再附，或由管理员调整 security.attachment_max_mb",
                src.display(),
                mb(size),
                mb(self.max_bytes)
            ))
        };
        if meta.len() > self.max_bytes {
            return Err(too_big(meta.len()));
        }
        let mut input = File::open(&resolved).map_err(|e| io_err("无法读取附件", src, e))?;
        if !input
            .metadata()
            .map_err(|e| io_err("无法读取附件", src, e))?
            .is_file()
        {
            return Err(StoreError::Rule(format!("{} 不是普通文件", src.display())));
        }
        let mut tmp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .tempfile_in(&self.dir)
            .map_err(|e| io_err("无法在附件目录中写入", &self.dir, e))?;
        // Hash what is written, so what is recorded is what is stored; stop at the limit
        // even if the file grows while it is read.
        let mut h = Sha256::new();
        let mut buf = vec![0u8; 64 * 1024];
        let mut size = 0u64;
        loop {
            let n = input
                .read(&mut buf)
                .map_err(|e| io_err("无法读取附件", src, e))?;
            if n == 0 {
                break;
            }
            size += n as u64;
            if size > self.max_bytes {
                return Err(too_big(size));
            }
            h.update(&buf[..n]);
            tmp.write_all(&buf[..n])
                .map_err(|e| io_err("无法复制附件", src, e))?;
        }
        tmp.as_file()
            .sync_all()
            .map_err(|e| io_err("无法复制附件", src, e))?;
        let sha = format!("{:x}", h.finalize());
        let original = src
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "附件".into());
        let file_name = format!("{}-{original}", &sha[..12]);
        let dest = self.dir.join(&file_name);
        match tmp.persist_noclobber(&dest) {
            Ok(_) => {
                sync_dir(&self.dir);
                self.placed.push(file_name.clone());
            }
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
                // Same name, so the same content — unless someone changed the stored file.
                let (there, _) = sha256_of(&dest).map_err(|e| io_err("无法读取附件", &dest, e))?;
                if there != sha {
                    return Err(StoreError::Rule(format!(
                        "附件目录中已有同名文件 {} 但内容与登记时不同：请先运行 zhifa check 查明原因，再附此文件",
                        dest.display()
                    )));
                }
            }
            Err(e) => return Err(io_err("无法复制附件", src, e.error)),
        }
        let a = Attachment {
            file_name,
            sha256: sha,
            size,
        };
        self.attachments.push(a.clone());
        Ok(a)
    }

    /// The step was refused or lost a race: removes the files this step placed that the
    /// case, as committed, does not name. Waits until no other step holds the folder; if
    /// the case cannot be read, removes nothing (a stray file is harmless, a lost one is not).
    pub fn abandon(self, store: &Store) {
        if self.placed.is_empty() || self.lock.lock().is_err() {
            return;
        }
        let named: std::collections::HashSet<String> = match self.owner {
            Owner::Case(id) => match store.load_case(id) {
                Ok(case) => case.attachments().map(|a| a.file_name.clone()).collect(),
                Err(_) => return,
            },
            Owner::Inspections => match store.inspection_photo_names() {
                Ok(names) => names,
                Err(_) => return,
            },
        };
        for name in &self.placed {
            if !named.contains(name) {
                let _ = std::fs::remove_file(self.dir.join(name));
            }
        }
        sync_dir(&self.dir);
    }
}

/// Creates (or opens) a file readable by the owner only.
fn private_file(path: &Path) -> std::io::Result<File> {
    let mut o = std::fs::OpenOptions::new();
    o.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
    o.open(path)
}

/// Makes a rename in `dir` durable.
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
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
    let files = case.attachments();
    verify_in(&case_dir(db_path, case.id), case.id, files)
}

/// Checks the photos of an inspection record against their recorded SHA-256 (`case_id` 0:
/// the problem names the record in `file`).
pub fn verify_photos(db_path: &Path, record: &InspectionRecord) -> Vec<AttachmentProblem> {
    let mut out = verify_in(&inspections_dir(db_path), 0, &record.photos);
    for p in &mut out {
        p.file = format!("检查记录 #{} 的照片 {}", record.id, p.file);
    }
    out
}

fn verify_in<'a>(
    dir: &Path,
    case_id: i64,
    files: impl IntoIterator<Item = &'a Attachment>,
) -> Vec<AttachmentProblem> {
    let mut out = Vec::new();
    for a in files {
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
                case_id,
                file: a.file_name.clone(),
                problem,
            });
        }
    }
    out
}
