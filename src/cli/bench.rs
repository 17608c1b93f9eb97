//! `zhifa bench gen`: builds a large, realistic database for the benchmarks
//! (see `generate.rs` and BENCHMARKS.md).

use clap::Subcommand;

use super::{CliError, CliResult, Context};

#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// 生成压测数据库：以演示案件为原型，批量生成 N 件案件（含当事人、证据、笔录、期限、审计记录）
    Gen {
        /// 案件总数（不少于演示库的 300 件）
        #[arg(long)]
        cases: u64,
        /// 随机种子（相同种子生成相同数据）
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// 以 JSON 输出结果
        #[arg(long)]
        json: bool,
    },
}

pub fn run(ctx: &Context, cmd: BenchCommand) -> CliResult {
    let BenchCommand::Gen { cases, seed, json } = cmd;
    let path = ctx.db_path()?;
    if path.exists() {
        return Err(CliError(format!(
            "{} 已存在。压测库只生成到新文件，请换一个 --db 路径",
            path.display()
        )));
    }
    let bar = indicatif::ProgressBar::new(cases);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} 件 {elapsed_precise}")
            .map_err(|e| CliError(e.to_string()))?,
    );
    let report =
        crate::generate::generate(&path, cases, seed, |n| bar.set_position(n)).map_err(CliError)?;
    bar.finish_and_clear();
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!(
            "已生成 {}：案件 {} 件（在办 {}，归档 {}），期限 {} 条，审计记录 {} 条，文件 {:.1} MB，用时 {:.1} 秒",
            path.display(),
            report.cases,
            report.open,
            report.archived,
            report.deadlines,
            report.audit_entries,
            report.file_bytes as f64 / 1e6,
            report.seconds
        );
    }
    Ok(())
}
