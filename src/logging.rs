//! Logging to a file in the state directory, never to the terminal (the TUI owns it).

use tracing_appender::non_blocking::WorkerGuard;

/// Starts file logging. Returns a guard that flushes the log when dropped; returns `None`
/// (and logs nothing) when no log directory can be created: logging must never stop the app.
pub fn init() -> Option<WorkerGuard> {
    let dir = crate::paths::log_dir()?;
    // Logs name cases and people: the folder and its files are the owner's only (files
    // through the umask set in `main`, since the appender has no mode of its own).
    crate::paths::create_private_dir(&dir).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700));
        for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let _ = std::fs::set_permissions(e.path(), std::fs::Permissions::from_mode(0o600));
        }
    }
    let appender = tracing_appender::rolling::Builder::new()
        .rotation(tracing_appender::rolling::Rotation::DAILY)
        .filename_prefix("zhifa")
        .filename_suffix("log")
        .max_log_files(14)
        .build(&dir)
        .ok()?;
    let (writer, guard) = tracing_appender::non_blocking(appender);
    let level = match std::env::var("ZHIFA_LOG").as_deref() {
        Ok("debug") => tracing::Level::DEBUG,
        Ok("trace") => tracing::Level::TRACE,
        _ => tracing::Level::INFO,
    };
    tracing_subscriber::fmt()
        .with_writer(writer)
        .with_ansi(false)
        .with_max_level(level)
        .try_init()
        .ok()?;
    Some(guard)
}
