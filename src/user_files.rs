//! Files a user names (a case file, a catalog, a holiday table): read with limits and
//! Chinese messages, the same for the CLI and the terminal UI.

use std::path::{Path, PathBuf};

/// The largest holiday table, case file or settings file read (a catalog may be larger).
pub const TEXT_FILE_LIMIT: u64 = 1024 * 1024;

/// A path as a user types it: `~` or `~/…` is their home directory (a shell would expand it;
/// a form field does not).
pub fn expand_home(typed: &str) -> PathBuf {
    let home = || directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
    match typed.strip_prefix('~') {
        Some("") => home().unwrap_or_else(|| PathBuf::from(typed)),
        Some(rest) if rest.starts_with('/') => match home() {
            Some(h) => h.join(rest.trim_start_matches('/')),
            None => PathBuf::from(typed),
        },
        _ => PathBuf::from(typed),
    }
}

/// Reads a text file a user named, at most `limit` bytes, with Chinese messages for the
/// usual failures. Only regular files (after following links): a device such as /dev/zero or
/// a pipe would never end, a directory is not text.
pub fn read_text(path: &Path, limit: u64) -> Result<String, String> {
    use std::io::Read;
    let failed = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => format!("找不到文件：{}", path.display()),
        std::io::ErrorKind::PermissionDenied => format!("没有权限读取文件：{}", path.display()),
        _ => format!("无法读取文件 {}：{e}", path.display()),
    };
    let not_regular = || {
        format!(
            "{} 不是普通文件（而是目录、设备或管道），请指定一个文本文件",
            path.display()
        )
    };
    // Checked before opening (opening a pipe would wait for a writer) and again on the
    // opened file, in case the path was swapped in between.
    if !std::fs::metadata(path).map_err(failed)?.is_file() {
        return Err(not_regular());
    }
    let file = std::fs::File::open(path).map_err(failed)?;
    if !file.metadata().map_err(failed)?.is_file() {
        return Err(not_regular());
    }
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(failed)?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "文件 {} 超过 {} MB 的上限，请检查是否选错了文件",
            path.display(),
            limit / (1024 * 1024)
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "文件 {} 不是 UTF-8 编码（第 {} 字节处），请用文本编辑器另存为 UTF-8 后再试",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}
