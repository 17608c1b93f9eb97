//! Where zhifa keeps its files: the database (data dir) and the log (state dir).

use std::path::PathBuf;

use directories::ProjectDirs;

/// Name of the database file inside the data directory.
pub const DB_FILE_NAME: &str = "zhifa.sqlite3";

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("cn", "zhifa", "zhifa")
}

/// The default database path (`$XDG_DATA_HOME/zhifa/zhifa.sqlite3` on Linux), if the system
/// has a home directory.
pub fn default_db_path() -> Option<PathBuf> {
    project_dirs().map(|d| d.data_dir().join(DB_FILE_NAME))
}

/// Directory for the log file: the state dir where the platform has one, else the local data dir.
pub fn log_dir() -> Option<PathBuf> {
    project_dirs().map(|d| {
        d.state_dir()
            .map(PathBuf::from)
            .unwrap_or_else(|| d.data_local_dir().join("logs"))
    })
}

/// The user's config directory (`~/.config/zhifa` on Linux): template overrides
/// (`templates/*.typ`) and `documents.toml` (fonts) for printing.
pub fn config_dir() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().to_path_buf())
}

/// Where the UI writes exported documents: `zhifa-文书` in the user's documents folder (or
/// home), so a clerk can find them from the desktop; `ZHIFA_EXPORT_DIR` overrides it.
pub fn exports_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("ZHIFA_EXPORT_DIR") {
        return Some(PathBuf::from(dir));
    }
    let dirs = directories::UserDirs::new()?;
    let base = dirs
        .document_dir()
        .map(PathBuf::from)
        .unwrap_or_else(|| dirs.home_dir().to_path_buf());
    Some(base.join("zhifa-文书"))
}

/// Creates `dir` and its missing parents readable by the owner only (0700): case files,
/// documents, exports and logs hold personal data.
pub fn create_private_dir(dir: &std::path::Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}
