//! `--demo` and `zhifa demo`: the demo township, built from `sample-data/` by running the
//! real workflow. `--demo` uses a throw-away copy in a temporary directory, so trying zhifa
//! never touches a real case file.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::Args;

use super::{print_json, CliError, CliResult, Context, JsonFlag};
use crate::demo;

/// A demo database that is deleted (with its directory) when dropped.
pub(crate) struct DemoDb {
    dir: tempfile::TempDir,
}

impl DemoDb {
    pub(crate) fn create() -> Result<Self, CliError> {
        let dir = tempfile::Builder::new()
            .prefix("zhifa-demo-")
            .tempdir()
            .map_err(|e| CliError(format!("无法创建演示数据目录：{e}")))?;
        let path = dir.path().join(crate::paths::DB_FILE_NAME);
        // A few seconds of work before the UI starts: say so on a terminal, with progress.
        let shown = std::io::stderr().is_terminal();
        let mut progress = |done: usize, total: usize| {
            if shown && done.is_multiple_of(10) {
                eprint!("\r正在建立演示数据库… {done}/{total} 件");
            }
        };
        let report = demo::build_with_progress(&path, crate::desk::today(), &mut progress)
            .map_err(|e| CliError(e.to_string()))?;
        if shown {
            // Clear the line: the UI takes the screen next.
            eprint!("\r\x1b[K");
        }
        if !report.refused.is_empty() {
            tracing::warn!(refused = ?report.refused, "demo cases refused");
        }
        Ok(DemoDb { dir })
    }

    pub(crate) fn path(&self) -> PathBuf {
        self.dir.path().join(crate::paths::DB_FILE_NAME)
    }
}

#[derive(Debug, Args)]
pub(crate) struct DemoArgs {
    #[command(flatten)]
    json: JsonFlag,
}

/// `zhifa demo --db PATH`: builds the demo township into a new file.
pub(crate) fn run(ctx: &Context, args: DemoArgs) -> CliResult {
    let path = ctx.db_path()?;
    let report = demo::build(&path, crate::desk::today()).map_err(|e| CliError(e.to_string()))?;
    if args.json.json {
        return print_json(&report);
    }
    println!("已建演示库：{}", path.display());
    println!(
        "人员 {} 名（密码均为 {}），案件 {} 件",
        report.staff,
        demo::DEMO_PASSWORD,
        report.cases
    );
    let stages: Vec<String> = report
        .by_stage
        .iter()
        .map(|(s, n)| format!("{s} {n}"))
        .collect();
    println!("{}", stages.join("，"));
    for r in &report.refused {
        eprintln!("未能建立：{r}");
    }
    Ok(())
}
