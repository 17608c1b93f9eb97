//! `zhifa workload …` (hidden): the seeded operation mix the crash and concurrency harnesses
//! drive. Not for users; kept in the binary so the harnesses test the real executable.

use std::path::PathBuf;

use clap::Subcommand;

use super::{CliError, CliResult, Context};
use crate::store::Store;
use crate::workload::{self, Done};

#[derive(Debug, Subcommand)]
pub enum WorkloadCommand {
    /// Create a small office database at --db.
    Setup,
    /// Run COUNT operations from SEED, printing a `done …` line after each commit.
    Run {
        #[arg(long)]
        seed: u64,
        #[arg(long)]
        count: u64,
    },
    /// Check that every `done` line in FILE is in the database.
    Verify { log: PathBuf },
}

pub fn run(ctx: &Context, cmd: WorkloadCommand) -> CliResult {
    let path = ctx.db_path()?;
    match cmd {
        WorkloadCommand::Setup => workload::setup(&path).map_err(CliError),
        WorkloadCommand::Run { seed, count } => {
            let stdout = std::io::stdout();
            let stats = workload::run(&path, seed, count, &mut stdout.lock()).map_err(CliError)?;
            eprintln!("{}", serde_json::to_string(&stats)?);
            Ok(())
        }
        WorkloadCommand::Verify { log } => {
            // The harness's own log of committed actions, not user input: no size limit.
            let text = super::read_text_file(&log, u64::MAX - 1)?;
            let done: Vec<Done> = text.lines().filter_map(Done::parse).collect();
            let problems = workload::verify(&Store::open(&path)?, &done)?;
            if problems.is_empty() {
                println!("{} 项操作全部在库", done.len());
                Ok(())
            } else {
                Err(CliError(problems.join("\n")))
            }
        }
    }
}
