//! A lead's two deadlines: verification (decide where it goes) and the reply to a named
//! reporter. Both count working days on the holiday tables; the numbers are settings
//! (provinces differ: M). A lead left past its verification deadline is what 行政处罚法
//! 第七十六条 makes a disciplinary matter, so the 工作台 and the dashboard list it.

use chrono::NaiveDate;

use super::model::{Lead, LeadStage};
use crate::calendar::{Calendar, CalendarError};
use crate::procedure_settings::ProcedureSettings;

/// The last day to decide the lead: `lead_verification_working_days` working days after its
/// receipt, plus `lead_extension_working_days` once a 负责人 has extended it.
pub fn verification_due(
    lead: &Lead,
    settings: &ProcedureSettings,
    calendar: &Calendar,
) -> Result<NaiveDate, CalendarError> {
    let due =
        calendar.add_working_days(lead.received_on, settings.lead_verification_working_days)?;
    match lead.extension {
        Some(_) => calendar.add_working_days(due, settings.lead_extension_working_days),
        None => Ok(due),
    }
}

/// Whether the lead is still undecided after its verification deadline (the day after the
/// last day is the first day overdue).
pub fn is_overdue(
    lead: &Lead,
    today: NaiveDate,
    settings: &ProcedureSettings,
    calendar: &Calendar,
) -> Result<bool, CalendarError> {
    if lead.stage == LeadStage::Decided {
        return Ok(false);
    }
    Ok(today > verification_due(lead, settings, calendar)?)
}

/// The last day to reply to a named reporter: `lead_reply_working_days` working days after the
/// outcome. `None` for an anonymous lead or one not yet decided.
pub fn reply_due(
    lead: &Lead,
    settings: &ProcedureSettings,
    calendar: &Calendar,
) -> Result<Option<NaiveDate>, CalendarError> {
    match (lead.reporter.is_named(), lead.decided_on()) {
        (true, Some(decided)) => calendar
            .add_working_days(decided, settings.lead_reply_working_days)
            .map(Some),
        _ => Ok(None),
    }
}

/// Whether a reply is due, not recorded, and its last day has passed.
pub fn reply_overdue(
    lead: &Lead,
    today: NaiveDate,
    settings: &ProcedureSettings,
    calendar: &Calendar,
) -> Result<bool, CalendarError> {
    if !lead.replies.is_empty() {
        return Ok(false);
    }
    Ok(reply_due(lead, settings, calendar)?.is_some_and(|due| today > due))
}

/// Working days from receipt to the outcome (for statistics), `None` while undecided.
pub fn working_days_to_decision(
    lead: &Lead,
    calendar: &Calendar,
) -> Result<Option<u32>, CalendarError> {
    lead.decided_on()
        .map(|d| calendar.working_days_between(lead.received_on, d))
        .transpose()
}
