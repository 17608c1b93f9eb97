fn main() -> std::process::ExitCode {
    zhifa::cli::run()
}
