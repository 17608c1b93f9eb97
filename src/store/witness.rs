//! The audit chain's anchor outside the database file: a small owner-only text file beside
//! the backups (`<backup dir>/<database file name>.witness`), to which lines are only ever
//! appended:
//!
//! ```text
//! key <hex> <from id> <time>        signing key for the entries after <from id>
//! head <id> <hash> <time>           the chain's newest entry when a zhifa process closed it
//! base <id> <hash> <time> <why>     a new baseline (restore, acknowledged findings)
//! fail <time> <summary>             `zhifa check` failed: read-only until it passes again
//! ok <time>                         `zhifa check` passed
//! ```
//!
//! Each entry written after the key line carries an HMAC-SHA256 of its hash under the key,
//! so an entry appended behind zhifa's back (with a valid chain hash) has no valid MAC; a
//! `head` line whose entry is gone (truncation) or whose hash differs (the chain re-hashed)
//! names what happened. Someone who can write the witness file too can defeat both: then
//! only a head written down on paper (`zhifa audit head`) is left to compare.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use sha2::{Digest, Sha256};

/// The chain's newest entry: what `zhifa audit head` prints and the witness records.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Head {
    /// The entry's number, which is also how many entries the chain holds.
    pub entries: i64,
    pub hash: String,
    pub at: String,
}

/// The witness of a database: where it lives and what it says.
#[derive(Debug, Clone, Default)]
pub struct Witness {
    pub path: PathBuf,
    /// The signing key and the last entry it does not cover.
    pub(crate) key: Option<(Vec<u8>, i64)>,
    /// The newest baseline (restore or acknowledgement): (id, hash).
    pub base: Option<(i64, String)>,
    /// Heads recorded since the newest baseline: (id, hash, time).
    pub heads: Vec<(i64, String, String)>,
    /// The newest `fail` line after the newest baseline and `ok` line.
    pub failed: Option<String>,
}

/// Where the witness of the database at `db` lives: beside its backups.
pub fn path_for(db: &Path) -> PathBuf {
    let name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "zhifa.sqlite3".into());
    super::maintenance::backups_root(db).join(format!("{name}.witness"))
}

fn now() -> String {
    super::now_text()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// HMAC-SHA256 (RFC 2104) of `msg` under `key`, hex.
pub(crate) fn mac(key: &[u8], msg: &str) -> String {
    let mut block = [0u8; 64];
    if key.len() > 64 {
        block[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let pad = |b: u8| block.iter().map(|k| k ^ b).collect::<Vec<u8>>();
    let inner = Sha256::new()
        .chain_update(pad(0x36))
        .chain_update(msg.as_bytes())
        .finalize();
    let outer = Sha256::new()
        .chain_update(pad(0x5c))
        .chain_update(inner)
        .finalize();
    hex(&outer)
}

/// Reads the witness of `db`; `None` when there is none (a new file, or one moved here).
pub fn read(db: &Path) -> Option<Witness> {
    let path = path_for(db);
    let text = std::fs::read_to_string(&path).ok()?;
    let mut w = Witness {
        path,
        ..Witness::default()
    };
    for line in text.lines() {
        let f: Vec<&str> = line.split(' ').collect();
        let id = |i: usize| f.get(i).and_then(|t| t.parse::<i64>().ok());
        match f.first().copied() {
            Some("key") if w.key.is_none() => {
                if let (Some(k), Some(from)) = (f.get(1).and_then(|t| unhex(t)), id(2)) {
                    w.key = Some((k, from));
                    w.base = Some((from, String::new()));
                }
            }
            Some("head") => {
                if let (Some(n), Some(h)) = (id(1), f.get(2)) {
                    w.heads
                        .push((n, h.to_string(), f.get(3).unwrap_or(&"").to_string()));
                }
            }
            Some("base") => {
                if let (Some(n), Some(h)) = (id(1), f.get(2)) {
                    w.base = Some((n, h.to_string()));
                    w.heads.clear();
                    w.failed = None;
                }
            }
            Some("fail") => w.failed = Some(f[1..].join(" ")),
            Some("ok") => w.failed = None,
            _ => {}
        }
    }
    Some(w)
}

fn append_line(path: &Path, line: &str) -> std::io::Result<()> {
    append_line_to(path, line, false)
}

/// `append_line`, creating the file when `create` (a backup folder's own copy of the heads;
/// the database's witness is created only with its key, by `signing_key`).
fn append_line_to(path: &Path, line: &str, create: bool) -> std::io::Result<()> {
    let mut opts = std::fs::OpenOptions::new();
    opts.append(true).create(create);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    // One write per line: lines from several processes never interleave.
    opts.open(path)?.write_all(format!("{line}\n").as_bytes())
}

/// A signing key and the last entry it does not cover.
type Key = (Vec<u8>, i64);

/// Keys already read, by witness path (one read per process and database).
fn keys() -> &'static Mutex<HashMap<PathBuf, Key>> {
    static KEYS: OnceLock<Mutex<HashMap<PathBuf, Key>>> = OnceLock::new();
    KEYS.get_or_init(Default::default)
}

/// The key that signs the entry `next_id` of `db`, creating the witness (with a new key that
/// covers entries from `next_id` on) if there is none. Called inside the write transaction,
/// so no other writer can append between reading `next_id` and creating the file.
/// `None` when the witness cannot be written (a read-only folder): the entry is unsigned.
pub(crate) fn signing_key(db: &Path, next_id: i64) -> Option<Vec<u8>> {
    let path = path_for(db);
    if let Some((k, from)) = keys().lock().ok()?.get(&path) {
        if *from < next_id && path.exists() {
            return Some(k.clone());
        }
    }
    let key = match read(db).and_then(|w| w.key) {
        Some(k) => k,
        None => {
            let dir = path.parent()?;
            super::maintenance::private_dir(dir).ok()?;
            let mut bytes = [0u8; 32];
            use argon2::password_hash::rand_core::{OsRng, RngCore};
            OsRng.fill_bytes(&mut bytes);
            let from = next_id - 1;
            let mut opts = std::fs::OpenOptions::new();
            opts.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                opts.mode(0o600);
            }
            match opts.open(&path) {
                Ok(mut f) => {
                    f.write_all(format!("key {} {from} {}\n", hex(&bytes), now()).as_bytes())
                        .ok()?;
                    (bytes.to_vec(), from)
                }
                // Another process created it first: use its key.
                Err(_) => read(db)?.key?,
            }
        }
    };
    keys().lock().ok()?.insert(path, key.clone());
    (key.1 < next_id).then_some(key.0)
}

/// Records `head` in the witness of `db` unless it is already its newest head.
pub(crate) fn record_head(db: &Path, head: &Head) {
    let Some(w) = read(db) else { return };
    if w.heads
        .last()
        .is_some_and(|(n, h, _)| *n == head.entries && *h == head.hash)
    {
        return;
    }
    if let Err(e) = append_line(
        &w.path,
        &format!("head {} {} {}", head.entries, head.hash, now()),
    ) {
        tracing::warn!(error = %e, "witness not written");
    }
}

/// Records the head in the witness kept in a backup folder (`zhifa backup`): the backup
/// folder gets its own line even when it is not the default one beside the database.
pub fn record(backup_dir: &Path, db: &Path, head: &Head) {
    let name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let path = backup_dir.join(format!("{name}.witness"));
    let line = format!("head {} {} {}", head.entries, head.hash, now());
    if path != path_for(db) || path.exists() {
        if let Err(e) = append_line_to(&path, &line, path != path_for(db)) {
            tracing::warn!(error = %e, "witness not written");
        }
    }
}

/// A new baseline: earlier heads no longer bind (after a restore, or when an administrator
/// acknowledged the findings of a check).
pub(crate) fn rebase(db: &Path, head: &Head, why: &str) -> std::io::Result<()> {
    let path = path_for(db);
    if !path.exists() {
        return Ok(());
    }
    append_line(
        &path,
        &format!("base {} {} {} {why}", head.entries, head.hash, now()),
    )
}

/// Records the result of a full `zhifa check`: a failure makes the file read-only at the
/// next open until a check passes or an administrator acknowledges it.
pub(crate) fn record_check(db: &Path, failed: Option<&str>) {
    let path = path_for(db);
    if !path.exists() {
        return;
    }
    let line = match failed {
        Some(summary) => format!("fail {} {}", now(), summary.replace('\n', " ")),
        None => format!("ok {}", now()),
    };
    if let Err(e) = append_line(&path, &line) {
        tracing::warn!(error = %e, "witness not written");
    }
}
