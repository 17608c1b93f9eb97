//! What of a lead may be printed on documents the party sees (a 责令改正通知书 or a 现场检查
//! 笔录 that cites the lead, a case filed from it): never the reporter. Internal papers (the
//! 线索登记表, the reply record) read the lead itself.

use chrono::NaiveDate;
use serde::Serialize;

use super::model::{Lead, SourceKind};
use super::reporter::{Reporter, ReporterIdentity};
use crate::privacy::mask_free_text;

/// The lead as the party may see it: no reporter, no 12345 work order (which leads to the
/// reporter in the hotline's system), and the allegation with the reporter's name, numbers and
/// address taken out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartyView {
    pub source: SourceKind,
    pub received_on: NaiveDate,
    pub place: String,
    pub allegation: String,
    pub power_code: Option<String>,
}

/// What stands in for the reporter in text the party sees.
pub const REPORTER_REDACTED: &str = "（举报人信息已隐去）";

pub fn for_party(lead: &Lead) -> PartyView {
    PartyView {
        source: lead.source.kind(),
        received_on: lead.received_on,
        place: without_reporter(&lead.place, &lead.reporter),
        allegation: without_reporter(&lead.allegation, &lead.reporter),
        power_code: lead.power_code.clone(),
    }
}

/// `text` with every mention of the reporter (name, phone as stored and as its bare digits,
/// ID number, address) replaced, then every other recognisable number masked.
pub fn without_reporter(text: &str, reporter: &Reporter) -> String {
    let mut out = text.to_string();
    if let Some(r) = reporter.identity() {
        for piece in mentions(r) {
            out = out.replace(&piece, REPORTER_REDACTED);
        }
    }
    mask_free_text(&out)
}

/// The strings that identify the reporter, longest first so a name inside an address does not
/// leave the rest of the address behind.
fn mentions(r: &ReporterIdentity) -> Vec<String> {
    let mut m = vec![r.name.clone(), r.address.clone(), r.phone.clone()];
    m.push(r.phone.chars().filter(char::is_ascii_digit).collect());
    if let Some(id) = &r.id_no {
        m.push(id.as_str().to_string());
        m.push(id.as_str().to_lowercase());
    }
    m.retain(|s| !s.trim().is_empty());
    m.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    m
}
