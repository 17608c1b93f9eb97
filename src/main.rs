fn main() -> std::process::ExitCode {
    // `zhifa case list | head` should end quietly when the reader goes away, as Unix tools do.
    // Rust ignores SIGPIPE, which turns the closed pipe into a panic in `println!`; restore
    // the default action instead.
    #[cfg(unix)]
    // SAFETY: called first thing, before any thread exists; SIG_DFL is a valid disposition.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    zhifa::cli::run()
}
