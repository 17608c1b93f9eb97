//! `zhifa report`: statistics for a period (text or JSON) and their export.

use clap::Subcommand;

use super::{print_json, CliResult, Context};
use crate::desk::Desk;
use crate::domain::chinese::parse_date;
use crate::domain::stats::TeamStats;
use crate::report::stats::stats_text;

#[derive(Debug, Subcommand)]
pub(crate) enum ReportCommand {
    /// 统计：各阶段、中队、人员、月份、领域的案件数，逾期期限，各阶段平均天数，罚没款，巡查成果；
    /// 线索（来源、处理结果、处理用时）和现场检查（结果、领域、重复检查）
    Stats {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        /// 以 JSON 输出
        #[arg(long)]
        json: bool,
    },
    /// 把统计导出为 .xlsx 或 .csv（类别、项目、数值三列）
    Export {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[arg(long)]
        out: std::path::PathBuf,
        /// 覆盖已存在的同名文件（数据库、附件和备份目录始终不会被覆盖）
        #[arg(long)]
        force: bool,
    },
}

pub(crate) fn compute(desk: &Desk, from: &str, to: &str) -> Result<TeamStats, super::CliError> {
    let (from, to) = (parse_date(from)?, parse_date(to)?);
    if from > to {
        return Err(super::CliError(format!(
            "起始日期 {from} 晚于截止日期 {to}，请对调"
        )));
    }
    Ok(desk.team_stats(from, to, crate::desk::today())?)
}

pub(crate) fn run(ctx: &Context, cmd: ReportCommand) -> CliResult {
    match cmd {
        ReportCommand::Stats { from, to, json } => {
            let desk = Desk::new(ctx.open_store()?);
            let s = compute(&desk, &from, &to)?;
            if json {
                return print_json(&s);
            }
            print!("{}", stats_text(&s));
            Ok(())
        }
        ReportCommand::Export {
            from,
            to,
            out,
            force,
        } => {
            let desk = Desk::new(ctx.open_store()?);
            let target = crate::output::guard(&out, force, desk.store().path())?;
            let s = compute(&desk, &from, &to)?;
            crate::report::table::write(&target, &[crate::report::stats::stats_table(&s)])
                .map_err(super::CliError)?;
            println!("已导出统计：{}", out.display());
            Ok(())
        }
    }
}
