//! An administrator's operations at the desk: roles and passwords of staff, and the
//! agency's settings. `zhifa user` / `zhifa settings` and the UI's 用户管理 and 设置 screens
//! call these, so a rule (who may, what a value must be) lives here once.

use super::{Desk, DeskError, DeskResult};
use crate::domain::agency::AGENCY_KEYS;
use crate::domain::case::RuleError;
use crate::domain::people::{self, Role, User};
use crate::store::Who;

/// The refusal when `actor` is not an administrator.
fn admin_only(actor: &User) -> DeskResult<()> {
    people::may_administer(actor).map_err(|e| RuleError::role("岗位权限", e.to_string()).into())
}

/// How a setting's value is typed and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingKind {
    /// 是 / 否.
    Switch,
    /// A whole number (days, minutes, people).
    Number,
    /// An amount in yuan.
    Amount,
}

/// One setting as the 设置 screen lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingRow {
    /// The key `zhifa settings set` takes (`procedure.filing_limit_days`).
    pub key: String,
    pub label: &'static str,
    pub kind: SettingKind,
    /// The value as shown and typed (是/否, a number, yuan).
    pub value: String,
}

/// The procedural settings (these are M-tagged or left to provinces) with their Chinese
/// names, in the order the 设置 screen and `settings show` list them.
pub const PROCEDURE_LABELS: [(&str, &str); 15] = [
    ("filing_limit_days", "立案时限（日）"),
    ("statement_period_working_days", "陈述申辩期（工作日）"),
    ("hearing_threshold_individual", "听证标准（个人，元）"),
    ("hearing_threshold_organisation", "听证标准（单位，元）"),
    (
        "legal_reviewer_may_preside_hearing",
        "听证主持人可兼任本案法制审核",
    ),
    ("discussion_min_members", "集体讨论最少参加人数"),
    ("decision_extension_days", "办案期限每次延长（日）"),
    ("decision_extensions_allowed", "办案期限可延长次数"),
    ("publication_working_days", "公示时限（工作日）"),
    ("lead_verification_working_days", "线索核查期限（工作日）"),
    (
        "lead_extension_working_days",
        "线索核查期限每次延长（工作日）",
    ),
    ("lead_reply_working_days", "答复举报人期限（工作日）"),
    (
        "reinspection_interval_days",
        "同一对象再次检查的提示间隔（日）",
    ),
    ("night_starts_hour", "夜间开始（时，不得强制执行）"),
    ("night_ends_hour", "夜间结束（时）"),
];

/// The Chinese name of a procedural setting ("" for one without).
pub fn procedure_label(key: &str) -> &'static str {
    PROCEDURE_LABELS
        .iter()
        .find(|(k, _)| *k == key)
        .map_or("", |(_, l)| l)
}

/// Chinese names of the calendar and security settings.
pub fn other_label(key: &str) -> &'static str {
    match key {
        "calendar.makeup_days_are_working_days" => "调休上班日计入工作日",
        "calendar.roll_periods_past_rest_days" => "期满遇休息日顺延",
        "security.idle_lock_minutes" => "空闲锁定（分钟，0 不锁）",
        "security.attachment_max_mb" => "证据附件上限（MB）",
        _ => "",
    }
}

/// A typed switch: 是/否 (and true/false, 1/0 as `settings set` always took).
pub fn parse_switch(typed: &str) -> Result<bool, String> {
    match typed.trim() {
        "true" | "是" | "1" => Ok(true),
        "false" | "否" | "0" => Ok(false),
        other => Err(format!("“{other}”不是开关值，请填 是 或 否（true/false）")),
    }
}

/// The rows of a settings section (`procedure` or `security`) from its serialised form.
fn rows_of<T: serde::Serialize>(section: &str, settings: &T) -> DeskResult<Vec<SettingRow>> {
    let json = serde_json::to_value(settings).map_err(|e| DeskError::Refused(e.to_string()))?;
    let mut rows = Vec::new();
    let mut fields: Vec<_> = json.as_object().into_iter().flatten().collect();
    // The procedure settings in the table's order (the rest keep theirs).
    fields.sort_by_key(|(k, _)| PROCEDURE_LABELS.iter().position(|(p, _)| p == k));
    for (k, v) in fields {
        let key = format!("{section}.{k}");
        let label = if section == "procedure" {
            procedure_label(k)
        } else {
            other_label(&key)
        };
        let (kind, value) = match v {
            serde_json::Value::Bool(b) => (SettingKind::Switch, yes_no(*b).to_string()),
            serde_json::Value::String(s) => (SettingKind::Amount, s.clone()),
            other => (SettingKind::Number, other.to_string()),
        };
        rows.push(SettingRow {
            key,
            label,
            kind,
            value,
        });
    }
    Ok(rows)
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "是"
    } else {
        "否"
    }
}

/// `settings` with its field `field` set from the typed `value`, read as the field already
/// is (a switch, a whole number, an amount in yuan).
fn with_field<T>(settings: T, key: &str, field: &str, value: &str) -> DeskResult<T>
where
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    let refused = |m: String| DeskError::Refused(m);
    let mut json = serde_json::to_value(settings).map_err(|e| refused(e.to_string()))?;
    let slot = json
        .get_mut(field)
        .ok_or_else(|| refused(format!("未知的设置“{key}”；zhifa settings show 列出全部")))?;
    let typed: String = value
        .trim()
        .chars()
        .map(crate::domain::chinese::fold_full_width)
        .collect();
    *slot = match slot {
        serde_json::Value::String(_) => serde_json::Value::String(typed.replace(',', "")),
        serde_json::Value::Bool(_) => {
            serde_json::Value::Bool(parse_switch(&typed).map_err(refused)?)
        }
        _ => typed
            .parse::<u32>()
            .map(serde_json::Value::from)
            .map_err(|_| refused(format!("“{value}”应为数字（不带小数的整数）")))?,
    };
    serde_json::from_value(json).map_err(|e| refused(format!("“{value}”不是有效的值：{e}")))
}

impl Desk {
    /// Replaces a member of staff's roles (and the legal-qualification flag); an
    /// administrator's task, audited, and the last active administrator stays one.
    pub fn set_user_roles(
        &mut self,
        user_id: i64,
        roles: &[Role],
        legal_qualified: bool,
        admin: &User,
    ) -> DeskResult<User> {
        admin_only(admin)?;
        if roles.is_empty() {
            return Err(DeskError::Refused("至少选择一个岗位".into()));
        }
        Ok(self
            .store
            .set_user_roles(user_id, roles, legal_qualified, &Who::user(admin))?)
    }

    /// Sets a new password: an administrator for anyone (lifting a lockout), anyone else
    /// only for themself; audited.
    pub fn reset_password(&mut self, user_id: i64, password: &str, actor: &User) -> DeskResult<()> {
        people::may_set_password(actor, user_id)
            .map_err(|e| RuleError::role("岗位权限", e.to_string()))?;
        Ok(self
            .store
            .set_password(user_id, password, &Who::user(actor))?)
    }

    /// The calendar, procedure and security settings with their Chinese names and values.
    pub fn settings_rows(&self) -> DeskResult<Vec<SettingRow>> {
        let policy = self.store.calendar_policy()?;
        let mut rows = vec![
            SettingRow {
                key: "calendar.makeup_days_are_working_days".into(),
                label: other_label("calendar.makeup_days_are_working_days"),
                kind: SettingKind::Switch,
                value: yes_no(policy.makeup_days_are_working_days).into(),
            },
            SettingRow {
                key: "calendar.roll_periods_past_rest_days".into(),
                label: other_label("calendar.roll_periods_past_rest_days"),
                kind: SettingKind::Switch,
                value: yes_no(policy.roll_periods_past_rest_days).into(),
            },
        ];
        rows.extend(rows_of("procedure", &self.store.procedure_settings()?)?);
        rows.extend(rows_of("security", &self.store.security_settings()?)?);
        Ok(rows)
    }

    /// Sets one setting from its typed value (`zhifa settings set`, the UI's 设置): an
    /// agency field, a calendar switch, a procedure or security value. An administrator's
    /// task, checked and audited. Returns the setting's Chinese name.
    pub fn set_setting(&mut self, key: &str, value: &str, admin: &User) -> DeskResult<String> {
        admin_only(admin)?;
        let who = Who::user(admin);
        if let Some(flag) = key.strip_prefix("calendar.") {
            let on = parse_switch(value).map_err(DeskError::Refused)?;
            let mut policy = self.store.calendar_policy()?;
            match flag {
                "makeup_days_are_working_days" => policy.makeup_days_are_working_days = on,
                "roll_periods_past_rest_days" => policy.roll_periods_past_rest_days = on,
                _ => return Err(DeskError::Refused(format!("未知的日历设置“{key}”"))),
            }
            self.store.set_calendar_policy(policy, &who)?;
            return Ok(other_label(key).into());
        }
        if let Some(field) = key.strip_prefix("procedure.") {
            let settings = with_field(self.store.procedure_settings()?, key, field, value)?;
            self.store.set_procedure_settings(&settings, &who)?;
            return Ok(procedure_label(field).into());
        }
        if let Some(field) = key.strip_prefix("security.") {
            let settings = with_field(self.store.security_settings()?, key, field, value)?;
            self.store.set_security_settings(&settings, &who)?;
            return Ok(other_label(key).into());
        }
        let mut agency = self.store.agency()?;
        agency
            .set(key, value)
            .map_err(|e| DeskError::Refused(e.to_string()))?;
        self.store.save_agency(&agency, &who)?;
        Ok(AGENCY_KEYS
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, n)| n.to_string())
            .unwrap_or_else(|| key.to_string()))
    }
}

#[cfg(test)]
mod tests {
    /// `settings show` and the 设置 screen name every procedure setting (a new one
    /// without a label showed a bare key).
    #[test]
    fn every_procedure_setting_has_a_label() {
        let all =
            serde_json::to_value(crate::domain::procedure_settings::ProcedureSettings::default())
                .unwrap();
        for key in all.as_object().unwrap().keys() {
            assert!(!super::procedure_label(key).is_empty(), "{key}");
        }
        let all =
            serde_json::to_value(crate::domain::security_settings::SecuritySettings::default())
                .unwrap();
        for key in all.as_object().unwrap().keys() {
            assert!(
                !super::other_label(&format!("security.{key}")).is_empty(),
                "{key}"
            );
        }
    }
}
