//! `zhifa settings`: the agency settings printed on documents, and policy switches.

use clap::Subcommand;

use super::{print_json, CliError, CliResult, Context, JsonFlag};
use crate::domain::agency::AGENCY_KEYS;
use crate::store::Who;
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
                pad("调休上班日计入工作日", 10),
                policy.makeup_days_are_working_days
            );
            println!(
                "{} calendar.roll_periods_past_rest_days  {}",
                pad("期满遇休息日顺延", 10),
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
                pad("空闲锁定（分钟，0 不锁）", 10),
                security.idle_lock_minutes
            );
            println!(
                "{} security.attachment_max_mb  {}",
                pad("证据附件上限（MB）", 10),
                security.attachment_max_mb
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
            } else if let Some(field) = key.strip_prefix("procedure.") {
                let settings = with_field(store.procedure_settings()?, &key, field, &value)?;
                store.set_procedure_settings(&settings, &who)?;
            } else if let Some(field) = key.strip_prefix("security.") {
                let settings = with_field(store.security_settings()?, &key, field, &value)?;
                store.set_security_settings(&settings, &who)?;
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

/// `settings` with its field `field` set from the typed `value` (a number or text, as the
/// field already is).
fn with_field<T>(settings: T, key: &str, field: &str, value: &str) -> Result<T, CliError>
where
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    let mut json = serde_json::to_value(settings)?;
    let slot = json
        .get_mut(field)
        .ok_or_else(|| CliError(format!("未知的设置“{key}”；zhifa settings show 列出全部")))?;
    *slot = if slot.is_string() {
        serde_json::Value::String(value.trim().to_string())
    } else {
        serde_json::from_str(value.trim()).map_err(|_| CliError(format!("“{value}”应为数字")))?
    };
    serde_json::from_value(json).map_err(|e| CliError(format!("“{value}”不是有效的值：{e}")))
}

/// Chinese names of the procedural settings (these are M-tagged or left to provinces).
fn procedure_label(key: &str) -> &'static str {
    match key {
        "hearing_threshold_individual" => "听证标准（个人，元）",
        "hearing_threshold_organisation" => "听证标准（单位，元）",
        "statement_period_working_days" => "陈述申辩期（工作日）",
        "decision_extension_days" => "办案期限每次延长（日）",
        "decision_extensions_allowed" => "办案期限可延长次数",
        "filing_limit_days" => "立案时限（日）",
        "publication_working_days" => "公示时限（工作日）",
        "discussion_min_members" => "集体讨论最少参加人数",
        "legal_reviewer_may_preside_hearing" => "听证主持人可兼任本案法制审核（true/false）",
        "lead_verification_working_days" => "线索核查期限（工作日）",
        "lead_extension_working_days" => "线索核查期限每次延长（工作日）",
        "lead_reply_working_days" => "答复举报人期限（工作日）",
        "reinspection_interval_days" => "同一对象再次检查的提示间隔（日）",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    /// `settings show` names every procedure setting (a new one without a label printed
    /// a bare key).
    #[test]
    fn every_procedure_setting_has_a_label() {
        let all =
            serde_json::to_value(crate::domain::procedure_settings::ProcedureSettings::default())
                .unwrap();
        for key in all.as_object().unwrap().keys() {
            assert!(!super::procedure_label(key).is_empty(), "{key}");
        }
    }
}
