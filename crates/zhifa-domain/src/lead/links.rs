//! Where leads meet cases and inspections: the case a lead is filed as (prefilled from it,
//! so 立案 from a lead is one step for the clerk) and the lead an inspection turns into.

use chrono::NaiveDate;

use super::gates;
use super::model::{Lead, LeadSource, LeadStage};
use super::printing::without_reporter;
use super::workflow::NewLead;
use crate::case::party::Party;
use crate::case::rule::RuleResult;
use crate::case::workflow::NewCase;
use crate::inspection::InspectionRecord;

/// The case to propose from a verified lead: its source as the 案件来源, its place, the
/// verified findings as the facts (with the reporter taken out: the facts reach the party's
/// papers), discovered on the day the lead was received (行政处罚法第三十六条 counts from
/// then), and the verifying officers as 承办人. The caller proposes it (`case::propose`, with
/// the power chosen) and then records [`super::LeadAction::File`] with the new case's id.
pub fn case_from_lead(
    lead: &Lead,
    act_date: NaiveDate,
    parties: Vec<Party>,
    proposed_on: NaiveDate,
) -> RuleResult<NewCase> {
    if lead.stage == LeadStage::Decided {
        gates::one_outcome(lead)?;
    }
    gates::findings_recorded(lead)?;
    let findings = lead
        .verification
        .as_ref()
        .and_then(|v| v.findings.as_ref())
        .map(|(_, f)| f.as_str())
        .unwrap_or_default();
    Ok(NewCase {
        source: lead.source.case_source(),
        place: without_reporter(&lead.place, &lead.reporter),
        act_date,
        act_end_date: None,
        discovered_on: lead.received_on,
        grave_harm: false,
        facts: without_reporter(findings, &lead.reporter),
        parties,
        handlers: lead.officers().to_vec(),
        assistants: Vec::new(),
        proposed_on,
    })
}

/// The lead an inspection turns into (结果 转为线索): 检查发现 for a named object, 巡查发现
/// for a street or area, received on the inspection's day with its place, findings and
/// photos. The caller registers it (`lead::register`) and stores its id on the record.
pub fn lead_from_inspection(record: &InspectionRecord) -> NewLead {
    NewLead {
        source: if record.object.is_some() {
            LeadSource::Inspection
        } else {
            LeadSource::Patrol
        },
        received_on: record.date,
        received_time: record.start.clone(),
        reporter: None,
        place: record.place.clone(),
        allegation: record.findings.clone(),
        attachments: record.photos.clone(),
        power_code: None,
    }
}
