//! `zhifa calendar`: legal period calculation on the working-day calendar, holiday tables.

use std::path::PathBuf;

use clap::{ArgGroup, Subcommand};

use super::{print_json, read_text_file, CliError, CliResult, Context, JsonFlag};
use crate::assets;
use crate::domain::calendar::{Calendar, CalendarPolicy, DayType, Period};
use crate::domain::chinese::{self, parse_date};
use crate::domain::holiday_table::HolidayYear;
use crate::store::StoreError;

#[derive(Debug, Subcommand)]
pub(crate) enum CalendarCommand {
    /// 计算期限届满日，例如：zhifa calendar due --from 2026-09-28 --working-days 7
    #[command(group(ArgGroup::new("period").required(true).args(["working_days", "days", "months"])))]
    Due {
        /// 起算日（当日不计入）
        #[arg(long)]
        from: String,
        /// N 个工作日（行政处罚法第八十五条、行政强制法第六十九条）
        #[arg(long, value_name = "N")]
        working_days: Option<u32>,
        /// N 日（自然日，期满遇休息日顺延）
        #[arg(long, value_name = "N")]
        days: Option<u32>,
        /// N 个月（期满遇休息日顺延）
        #[arg(long, value_name = "N")]
        months: Option<u32>,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 导入一年的节假日表（国务院办公厅放假通知），格式见 assets/holidays/
    Import {
        file: PathBuf,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 列出已有节假日表的年份及放假、调休日期
    Show {
        /// 只看某一年
        #[arg(long)]
        year: Option<i32>,
        #[command(flatten)]
        json: JsonFlag,
    },
}

/// The calendar from the database; with no database yet, the tables built into this binary.
fn load_calendar(ctx: &Context) -> Result<(Calendar, &'static str), CliError> {
    match ctx.open_store() {
        Ok(store) => Ok((store.calendar()?, "数据库")),
        Err(CliError(_)) if !ctx.db_path()?.exists() => {
            let tables = assets::holiday_tables()?;
            Ok((
                Calendar::with_years(CalendarPolicy::default(), &tables),
                "内置节假日表（未建库）",
            ))
        }
        Err(e) => Err(e),
    }
}

pub(crate) fn run(ctx: &Context, cmd: CalendarCommand) -> CliResult {
    match cmd {
        CalendarCommand::Due {
            from,
            working_days,
            days,
            months,
            json,
        } => {
            let from = parse_date(&from)?;
            let period = match (working_days, days, months) {
                (Some(n), _, _) => Period::WorkingDays(n),
                (_, Some(n), _) => Period::Days(n),
                (_, _, Some(n)) => Period::Months(n),
                _ => {
                    return Err(CliError(
                        "请给出 --working-days、--days 或 --months 之一".into(),
                    ))
                }
            };
            let (cal, source) = load_calendar(ctx)?;
            let due = cal.period_end(from, period)?;
            let nominal = match period {
                Period::WorkingDays(_) => due,
                Period::Days(n) => from + chrono::Duration::days(n.into()),
                Period::Months(n) => from
                    .checked_add_months(chrono::Months::new(n))
                    .unwrap_or(due),
            };
            if json.json {
                return print_json(&serde_json::json!({
                    "from": from,
                    "period": period,
                    "due": due,
                    "weekday": chinese::weekday(due),
                    "nominal_end": nominal,
                    "rolled_forward": nominal != due,
                    "calendar": source,
                }));
            }
            println!("{due}（{}）", chinese::weekday(due));
            println!("自 {from} 起 {period}，起算日不计入");
            if nominal != due {
                println!(
                    "期满日 {nominal}（{}）为休息日，顺延至 {due}",
                    describe_day(&cal, nominal)
                );
            }
            Ok(())
        }
        CalendarCommand::Import { file, json } => {
            let text = read_text_file(&file, super::INPUT_FILE_LIMIT)?;
            let table = HolidayYear::parse_toml(&text)
                .map_err(|e| CliError(format!("{}：{e}", file.display())))?;
            let mut store = ctx.open_store()?;
            let admin = ctx.login_admin(&mut store)?;
            let (outcome, updated) = crate::desk::Desk::new(store).import_holiday_year(
                &table,
                &admin,
                crate::desk::today(),
            )?;
            tracing::info!(year = table.year, ?outcome, "holiday table imported");
            if json.json {
                return print_json(&serde_json::json!({ "year": table.year, "outcome": outcome }));
            }
            let what = outcome.label();
            println!(
                "{what}：{} 年节假日表（{}）；已重新计算 {updated} 件案件的期限",
                table.year, table.source
            );
            Ok(())
        }
        CalendarCommand::Show { year, json } => {
            let tables = match ctx.open_store() {
                Ok(store) => store.holiday_years()?,
                Err(_) if !ctx.db_path()?.exists() => assets::holiday_tables()?,
                Err(e) => return Err(e),
            };
            let tables: Vec<_> = tables
                .into_iter()
                .filter(|t| year.is_none_or(|y| y == t.year))
                .collect();
            if tables.is_empty() {
                return Err(CliError(match year {
                    Some(y) => StoreError::Rule(format!(
                        "没有 {y} 年的节假日表；用 zhifa calendar import 导入"
                    ))
                    .to_string(),
                    None => "没有任何节假日表".to_string(),
                }));
            }
            if json.json {
                return print_json(&tables);
            }
            for t in &tables {
                println!("{} 年（{}）", t.year, t.source);
                for h in &t.holidays {
                    let makeup: Vec<String> = h
                        .makeup
                        .iter()
                        .map(|d| d.format("%m-%d").to_string())
                        .collect();
                    println!(
                        "  {}  放假 {} 至 {}{}",
                        h.name,
                        h.off[0].format("%m-%d"),
                        h.off[1].format("%m-%d"),
                        if makeup.is_empty() {
                            String::new()
                        } else {
                            format!("，调休上班 {}", makeup.join("、"))
                        }
                    );
                }
            }
            Ok(())
        }
    }
}

fn describe_day(cal: &Calendar, d: chrono::NaiveDate) -> String {
    match cal.day_type(d) {
        Ok(DayType::Holiday(name)) => format!("{name}假期"),
        Ok(DayType::Weekend) => chinese::weekday(d).to_string(),
        Ok(DayType::Makeup(name)) => format!("{name}调休上班"),
        Ok(DayType::Workday) => "工作日".to_string(),
        Err(_) => String::new(),
    }
}
