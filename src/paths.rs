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
