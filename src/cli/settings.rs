//! `zhifa settings`: the agency settings printed on documents, and policy switches.

use clap::Subcommand;

use super::{print_json, CliResult, Context, JsonFlag};
use crate::desk::admin::{other_label, procedure_label};
use crate::text::pad;

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
        /// 或 calendar.makeup_days_are_working_days / calendar.roll_periods_past_rest_days（true/false），
        /// procedure.*（见 settings show），security.idle_lock_minutes（空闲锁定分钟数，0 不锁），security.attachment_max_mb（证据附件上限，MB）
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
                    &serde_json::json!({ "agency": agency, "calendar_policy": policy, "procedure": store.procedure_settings()?, "security": store.security_settings()? }),
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
                pad(other_label("calendar.makeup_days_are_working_days"), 10),
                policy.makeup_days_are_working_days
            );
            println!(
                "{} calendar.roll_periods_past_rest_days  {}",
                pad(other_label("calendar.roll_periods_past_rest_days"), 10),
                policy.roll_periods_past_rest_days
            );
            let procedure = serde_json::to_value(store.procedure_settings()?)?;
            for (k, v) in procedure.as_object().into_iter().flatten() {
                let shown = v
                    .as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| v.to_string());
                println!("{} procedure.{k}  {shown}", pad(procedure_label(k), 10));
            }
            let security = store.security_settings()?;
            println!(
                "{} security.idle_lock_minutes  {}",
                pad(other_label("security.idle_lock_minutes"), 10),
                security.idle_lock_minutes
            );
            println!(
                "{} security.attachment_max_mb  {}",
                pad(other_label("security.attachment_max_mb"), 10),
                security.attachment_max_mb
            );
            Ok(())
        }
        SettingsCommand::Set { key, value } => {
            let admin = ctx.login_admin(&mut store)?;
            let name = crate::desk::Desk::new(store).set_setting(&key, &value, &admin)?;
            println!("已保存：{name} = {}", value.trim());
            Ok(())
        }
    }
}
