fn main() -> std::process::ExitCode {
    // `zhifa case list | head` should end quietly when the reader goes away, as Unix tools do.
    // Rust ignores SIGPIPE, which turns the closed pipe into a panic in `println!`; restore
    // the default action instead.
    #[cfg(unix)]
    // SAFETY: called first thing, before any thread exists; SIG_DFL is a valid disposition.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    // Everything zhifa creates (database, evidence, documents, exports, logs) holds personal
    // data: owner-only unless a file says otherwise.
    #[cfg(unix)]
    // SAFETY: umask only sets the process's file-creation mask; no memory is involved.
    unsafe {
        libc::umask(0o077);
    }
    zhifa::cli::run()
}
