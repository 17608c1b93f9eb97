//! The hearing as notified and held (行政处罚法第六十四条): its time of day, whether public,
//! who presides, sits and records, and what each side said as the 听证笔录 records it.

use crate::case::gates::each_person_once;
use crate::case::model::Case;
use crate::case::rule::{RuleError, RuleResult};
use crate::people::User;

/// Art 64(2): the party is told the time of the hearing, a time of day besides the date.
pub fn hearing_time_given(time: &str) -> RuleResult {
    if time.trim().is_empty() {
        Err(RuleError::new(
            "行政处罚法第六十四条第（二）项",
            "请填写听证开始的时间（如 09:00）：听证通知须写明听证的时间、地点",
        ))
    } else {
        Ok(())
    }
}

/// Art 64(3): a hearing is public unless it concerns a state secret, a trade secret or
/// personal privacy, and then the reason is recorded.
pub fn hearing_public_or_reason(public: bool, closed_reason: &str) -> RuleResult {
    if public || !closed_reason.trim().is_empty() {
        Ok(())
    } else {
        Err(RuleError::new(
            "行政处罚法第六十四条第（三）项",
            "听证应当公开举行；不公开举行的，请填写理由（涉及国家秘密、商业秘密或者个人隐私）",
        ))
    }
}

/// Art 64(4): the presider, the 听证员 and the 记录人 are not the case's investigators, each
/// is one person once, and the hearing has a recorder (Art 64(8): a 笔录 is made).
pub fn hearing_panel_apart(
    case: &Case,
    presiding: &User,
    officers: &[&User],
    recorder: Option<&User>,
) -> RuleResult {
    let rule = "行政处罚法第六十四条第（四）项";
    let recorder = recorder.ok_or_else(|| {
        RuleError::new(
            "行政处罚法第六十四条第（八）项",
            "请指定听证记录人（非本案调查人员）",
        )
    })?;
    let mut panel: Vec<&User> = vec![presiding];
    panel.extend(officers.iter().copied());
    panel.push(recorder);
    each_person_once(&panel, "听证主持人、听证员和记录人")
        .map_err(|e| RuleError::new(rule, e.message))?;
    if let Some(u) = panel[1..].iter().find(|u| case.handlers.contains(&u.id)) {
        return Err(RuleError::new(
            rule,
            format!(
                "{} 是本案调查人员，不能担任听证员或记录人；听证由非本案调查人员主持和记录",
                u.name
            ),
        ));
    }
    Ok(())
}

/// Art 64(7), (8): at a hearing the party attended the investigators state the facts,
/// evidence and proposed penalty and the party states, defends and cross-examines; the
/// 笔录 records both.
pub fn hearing_recorded(
    party_absent: bool,
    investigators_case: &str,
    party_statement: &str,
) -> RuleResult {
    if party_absent {
        return Ok(());
    }
    let missing: Vec<&str> = [
        (investigators_case, "调查人员提出的违法事实、证据和处罚建议"),
        (party_statement, "当事人的陈述、申辩和质证意见"),
    ]
    .into_iter()
    .filter(|(t, _)| t.trim().is_empty())
    .map(|(_, what)| what)
    .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(RuleError::new(
            "行政处罚法第六十四条第（七）项、第（八）项",
            format!(
                "听证笔录须记录{}；请填写后再登记举行听证",
                missing.join("和")
            ),
        ))
    }
}
