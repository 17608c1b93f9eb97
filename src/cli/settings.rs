//! `zhifa settings`: the agency settings printed on documents, and policy switches.

use clap::Subcommand;

use super::text::pad;
use super::{print_json, CliError, CliResult, Context, JsonFlag};
use crate::domain::agency::AGENCY_KEYS;
use crate::store::Who;

#[derive(Debug, Subcommand)]
pub(crate) enum SettingsCommand {
    /// 查看机关设置
    Show {
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 修改一项设置，例如：zhifa settings set court 农安县人民法院
    Set {
        /// 设置项：township full_name abbr address phone review_body court case_no_pattern，
        /// 或 calendar.makeup_days_are_working_days / calendar.roll_periods_past_rest_days（true/false）
        key: String,
        value: String,
    },
}

pub(crate) fn run(ctx: &Context, cmd: SettingsCommand) -> CliResult {
    let mut store = ctx.open_store()?;
    match cmd {
        SettingsCommand::Show { json } => {
            let agency = store.agency()?;
            let policy = store.calendar_policy()?;
            if json.json {
                return print_json(
                    &serde_json::json!({ "agency": agency, "calendar_policy": policy }),
                );
            }
            for (key, name, value) in agency.rows() {
                let shown = if value.is_empty() {
                    "（未设置）"
                } else {
                    value
                };
                println!("{} {}  {}", pad(name, 10), pad(key, 16), shown);
            }
            println!(
                "{} calendar.makeup_days_are_working_days  {}",
                pad("调休上班日计入工作日", 10),
                policy.makeup_days_are_working_days
            );
            println!(
                "{} calendar.roll_periods_past_rest_days  {}",
                pad("期满遇休息日顺延", 10),
                policy.roll_periods_past_rest_days
            );
            Ok(())
        }
        SettingsCommand::Set { key, value } => {
            let admin = ctx.login_admin(&mut store)?;
            let who = Who::user(&admin);
            if let Some(flag) = key.strip_prefix("calendar.") {
                let on = match value.trim() {
                    "true" | "是" | "1" => true,
                    "false" | "否" | "0" => false,
                    other => {
                        return Err(CliError(format!("“{other}”不是开关值，请填 true 或 false")))
                    }
                };
                let mut policy = store.calendar_policy()?;
                match flag {
                    "makeup_days_are_working_days" => policy.makeup_days_are_working_days = on,
                    "roll_periods_past_rest_days" => policy.roll_periods_past_rest_days = on,
                    _ => return Err(CliError(format!("未知的日历设置“{key}”"))),
                }
                store.set_calendar_policy(policy, &who)?;
            } else {
                let mut agency = store.agency()?;
                agency.set(&key, &value)?;
                store.save_agency(&agency, &who)?;
            }
            let name = AGENCY_KEYS
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, n)| *n)
                .unwrap_or(key.as_str());
            println!("已保存：{name} = {}", value.trim());
            Ok(())
        }
    }
}
