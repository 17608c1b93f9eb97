//! `zhifa report`: statistics for a period (text or JSON) and their export.

use clap::Subcommand;

use super::{print_json, CliResult, Context};
use crate::domain::chinese::parse_date;
use crate::domain::stats::{days_text, Stats};
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub(crate) enum ReportCommand {
    /// 统计：各阶段、中队、人员、月份、领域的案件数，逾期期限，各阶段平均天数，罚没款，巡查成果
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

pub(crate) fn compute(store: &Store, from: &str, to: &str) -> Result<Stats, super::CliError> {
    let (from, to) = (parse_date(from)?, parse_date(to)?);
    if from > to {
        return Err(super::CliError(format!(
            "起始日期 {from} 晚于截止日期 {to}，请对调"
        )));
    }
    Ok(store.stats_between(from, to)?)
}

pub(crate) fn run(ctx: &Context, cmd: ReportCommand) -> CliResult {
    match cmd {
        ReportCommand::Stats { from, to, json } => {
            let store = ctx.open_store()?;
            let s = compute(&store, &from, &to)?;
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
            let store = ctx.open_store()?;
            let target = crate::output::guard(&out, force, store.path())?;
            let s = compute(&store, &from, &to)?;
            crate::report::table::write(&target, &[crate::report::stats::stats_table(&s)])
                .map_err(super::CliError)?;
            println!("已导出统计：{}", out.display());
            Ok(())
        }
    }
}

/// The statistics as plain text lines.
pub(crate) fn stats_text(s: &Stats) -> String {
    let mut out = format!("统计期间：{} 至 {}\n案件总数：{}\n", s.from, s.to, s.cases);
    let list = |title: &str, v: &[(String, usize)], out: &mut String| {
        let items: Vec<String> = v.iter().map(|(k, n)| format!("{k} {n}")).collect();
        out.push_str(&format!(
            "{title}：{}\n",
            if items.is_empty() {
                "无".into()
            } else {
                items.join("，")
            }
        ));
    };
    list("按阶段", &s.by_stage, &mut out);
    list("按中队", &s.by_squad, &mut out);
    list("按承办人", &s.by_officer, &mut out);
    list("按月份", &s.by_month, &mut out);
    list("按领域", &s.by_field, &mut out);
    out.push_str(&format!("期限已逾期的案件：{}\n", s.overdue_deadlines));
    let avg: Vec<String> = s
        .avg_days_per_stage
        .iter()
        .map(|(k, t)| format!("{k} {}天", days_text(*t)))
        .collect();
    out.push_str(&format!(
        "各阶段平均用时：{}\n",
        if avg.is_empty() {
            "无".into()
        } else {
            avg.join("，")
        }
    ));
    out.push_str(&format!(
        "罚款：决定 {}，已缴 {}，未缴 {}，加处罚款 {}\n",
        s.fines_decided, s.fines_collected, s.fines_outstanding, s.surcharges
    ));
    out.push_str(&format!("巡查：{}\n", s.patrol_summary));
    crate::text::clean_lines(&out)
}
