//! 台账 (case ledger) rows with the columns offices use, and the 公示 rows (行政处罚法 Art 48)
//! with personal data masked through `domain::privacy` (no mask of its own).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::case::model::{Case, Outcome, Stage};
use super::money::Fen;
use super::people::User;
use super::privacy::{mask_case_text, shown_party};

/// One ledger line. Also the shape of an imported line (imported ledgers keep text for
/// what zhifa does not model).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerRow {
    pub case_no: String,
    pub party: String,
    pub cause: String,
    pub place: String,
    pub filed_on: Option<NaiveDate>,
    pub decided_on: Option<NaiveDate>,
    pub penalty: String,
    pub fine: Fen,
    pub paid: Fen,
    pub handlers: String,
    pub squad: String,
    pub status: String,
    pub closed_on: Option<NaiveDate>,
}

/// Column headers, in order (also what the importer recognises first).
pub const COLUMNS: [&str; 13] = [
    "案号",
    "当事人",
    "案由",
    "违法地点",
    "立案日期",
    "决定日期",
    "处罚种类",
    "罚款金额(元)",
    "已缴金额(元)",
    "承办人",
    "中队",
    "办理状态",
    "结案日期",
];

fn date_text(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

impl LedgerRow {
    pub fn from_case(case: &Case, case_no: &str, users: &BTreeMap<i64, User>) -> LedgerRow {
        let names: Vec<String> = case
            .handlers
            .iter()
            .filter_map(|h| users.get(h))
            .map(|u| u.name.clone())
            .collect();
        let squad = case
            .handlers
            .first()
            .and_then(|h| users.get(h))
            .map(|u| u.squad.clone())
            .unwrap_or_default();
        let penalty = match (&case.outcome, &case.decision) {
            (Some(Outcome::Penalty), Some(d)) => d
                .kinds
                .iter()
                .map(|k| k.name())
                .collect::<Vec<_>>()
                .join("、"),
            (Some(o), _) => o.label().to_string(),
            (None, _) => String::new(),
        };
        LedgerRow {
            case_no: case_no.into(),
            party: case
                .parties
                .iter()
                .map(|p| p.display_name())
                .collect::<Vec<_>>()
                .join("、"),
            cause: case.power.power.cause(),
            place: case.place.clone(),
            filed_on: case.filed_on(),
            decided_on: case.decision.as_ref().map(|d| d.date),
            penalty,
            fine: case.fine_due(),
            paid: case.paid(),
            handlers: names.join("、"),
            squad,
            status: case.stage.name().into(),
            closed_on: case.entered(Stage::Closed),
        }
    }

    pub fn cells(&self) -> Vec<String> {
        vec![
            self.case_no.clone(),
            self.party.clone(),
            self.cause.clone(),
            self.place.clone(),
            date_text(self.filed_on),
            date_text(self.decided_on),
            self.penalty.clone(),
            self.fine.yuan_text(),
            self.paid.yuan_text(),
            self.handlers.clone(),
            self.squad.clone(),
            self.status.clone(),
            date_text(self.closed_on),
        ]
    }
}

/// 公示 columns.
pub const PUBLIC_COLUMNS: [&str; 9] = [
    "决定书文号",
    "当事人",
    "身份证件号码",
    "住所",
    "违法事实",
    "处罚依据",
    "处罚种类",
    "罚款金额(元)",
    "决定日期",
];

/// A decided penalty case as published (行政处罚法 Art 48): ID numbers, phones and personal
/// addresses masked by `privacy::shown_party`, and in the facts by `privacy::mask_case_text`.
/// `None` for cases without a penalty decision, or not marked for publication unless `all`.
pub fn public_row(case: &Case, case_no: &str, all: bool) -> Option<Vec<String>> {
    let d = case.decision.as_ref()?;
    if case.outcome != Some(Outcome::Penalty) || !(all || d.publish) {
        return None;
    }
    let shown: Vec<_> = case.parties.iter().map(|p| shown_party(p, false)).collect();
    let join = |f: &dyn Fn(&super::privacy::ShownParty) -> String| {
        shown.iter().map(f).collect::<Vec<_>>().join("；")
    };
    let p = &case.power.power;
    Some(vec![
        case_no.into(),
        join(&|s| s.name.clone()),
        join(&|s| s.id_number.clone()),
        join(&|s| s.address.clone()),
        // Facts are typed freely and may quote an ID, a phone or the party's address.
        mask_case_text(&case.facts, &case.parties),
        p.name.clone(),
        d.kinds
            .iter()
            .map(|k| k.name())
            .collect::<Vec<_>>()
            .join("、"),
        d.fine.yuan_text(),
        d.date.to_string(),
    ])
}
