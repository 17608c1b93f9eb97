//! Procedural settings an agency configures because the statute leaves them open
//! (legal-rules.md tags them M or says the value is set by provinces or sector rules).

use serde::{Deserialize, Serialize};

use super::money::Fen;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProcedureSettings {
    /// "较大数额罚款" for citizens (行政处罚法 Art 63(1)): provinces set it. Fines at or above
    /// this carry the hearing right. The default is deliberately low: granting a hearing that
    /// was not required is harmless, missing one is not.
    pub hearing_threshold_individual: Fen,
    /// The same for legal persons and other organisations.
    pub hearing_threshold_organisation: Fen,
    /// Working days the party has to state and defend after the prior notice is served. The
    /// law sets none; forms commonly give 3 or 5. Default 5, the hearing-request window.
    pub statement_period_working_days: u32,
    /// Calendar days of one extension of the 90-day decision limit (Art 60 allows none
    /// itself; sector rules commonly allow 30 with the head's approval).
    pub decision_extension_days: u32,
    /// How many such extensions may be approved.
    pub decision_extensions_allowed: u32,
    /// Days after the lead within which a case should be filed (Art 54 says only "及时").
    pub filing_limit_days: u32,
    /// Working days to publish a decision with social impact (Art 48 sets none; local
    /// 公开目录 commonly say 20 working days, the 住建 rule 7 days).
    pub publication_working_days: u32,
    /// Members a 集体讨论 needs in all (Art 57 para 2 says only "负责人集体讨论"; at least two
    /// heads are always required, and a head presides). Default 3.
    pub discussion_min_members: u32,
    /// Whether the case's hearing presider may also do its 法制审核. The law leaves who
    /// reviews to the agency (Art 58: "法制审核人员"); the default keeps them apart, since the
    /// review re-examines the hearing. Handlers and the deciding head never review their own
    /// case whatever this says (separation of duties, `permissions::APPROVING_STEPS`).
    pub legal_reviewer_may_preside_hearing: bool,
    /// Working days from a lead's receipt to verify it and decide where it goes (案源核查).
    /// Art 54 says only "及时立案"; provinces and sectors set their own numbers (M). Default 15.
    pub lead_verification_working_days: u32,
    /// Working days the 负责人 may add, once, to a lead's verification period (M). Default 15.
    pub lead_extension_working_days: u32,
    /// Working days after a lead's outcome to reply to a named reporter (M: local 信访/举报
    /// rules differ). Default 15.
    pub lead_reply_working_days: u32,
    /// Calendar days within which inspecting the same object again warns, unless the
    /// inspection is driven by a complaint or a risk with its reason recorded (limits on
    /// burdening businesses; local rules differ, M). Default 30.
    pub reinspection_interval_days: u32,
    /// The hour night begins for 行政强制法第四十三条 (no enforcement at night). The statute
    /// sets no hours; the default 22 follows 噪声污染防治法第八十八条 (M).
    pub night_starts_hour: u32,
    /// The hour night ends. Default 6.
    pub night_ends_hour: u32,
}

impl Default for ProcedureSettings {
    fn default() -> Self {
        Self {
            hearing_threshold_individual: Fen::from_yuan(2_000),
            hearing_threshold_organisation: Fen::from_yuan(20_000),
            statement_period_working_days: 5,
            decision_extension_days: 30,
            decision_extensions_allowed: 1,
            filing_limit_days: 15,
            publication_working_days: 20,
            discussion_min_members: 3,
            legal_reviewer_may_preside_hearing: false,
            lead_verification_working_days: 15,
            lead_extension_working_days: 15,
            lead_reply_working_days: 15,
            reinspection_interval_days: 30,
            night_starts_hour: 22,
            night_ends_hour: 6,
        }
    }
}

impl ProcedureSettings {
    /// The night hours enforcement must avoid (行政强制法第四十三条); an hour out of range
    /// falls back to the default.
    pub fn night_hours(&self) -> crate::enforcement::NightHours {
        let default = crate::enforcement::NightHours::default();
        let at =
            |h: u32, or: chrono::NaiveTime| chrono::NaiveTime::from_hms_opt(h, 0, 0).unwrap_or(or);
        crate::enforcement::NightHours {
            starts: at(self.night_starts_hour, default.starts),
            ends: at(self.night_ends_hour, default.ends),
        }
    }
}
