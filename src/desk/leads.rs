//! Leads (案源/线索) at the desk: register, take a step, file a case from a lead in one go,
//! and the lead list with each lead's deadlines as of a day. The CLI and the UI call these.

use chrono::NaiveDate;

use super::{as_now, Desk, DeskError, DeskResult};
use crate::domain::case::{Case, Party};
use crate::domain::lead::{self, Lead, LeadAction, NewLead};
use crate::domain::people::User;
use crate::store::leads::LeadRow;
use crate::store::Who;

/// A lead with what its deadlines say on a day.
#[derive(Debug, Clone)]
pub struct LeadLine {
    pub row: LeadRow,
    /// The last day to decide it (None: no holiday table for the year).
    pub due: Option<NaiveDate>,
    pub overdue: bool,
    /// The last day to answer a named reporter, once decided.
    pub reply_due: Option<NaiveDate>,
    pub reply_overdue: bool,
}

impl Desk {
    /// 登记线索: checked by the domain, numbered and saved; audited.
    pub fn register_lead(
        &mut self,
        new: NewLead,
        actor: &User,
        today: NaiveDate,
    ) -> DeskResult<LeadRow> {
        let lead = self.rule_ctx(today, |ctx| lead::register(new, as_now(ctx, actor), ctx))??;
        Ok(self.store.insert_lead(&lead, &Who::user(actor))?)
    }

    /// One step on a lead. With `expected_version`, refuses if it changed since loaded.
    pub fn lead_act(
        &mut self,
        id: i64,
        expected_version: Option<i64>,
        action: LeadAction,
        actor: &User,
        today: NaiveDate,
    ) -> DeskResult<LeadRow> {
        let before = self.store.load_lead(id)?.lead;
        if expected_version.is_some_and(|v| v != before.version) {
            return Err(DeskError::Refused(
                "该线索已被他人修改，请重新打开后再办理".into(),
            ));
        }
        let step = action.kind();
        let after = self.rule_ctx(today, |ctx| {
            lead::transition(&before, action, as_now(ctx, actor), ctx)
        })??;
        Ok(self
            .store
            .save_lead(&before, &after, step, &Who::user(actor))?)
    }

    /// 立案 from a verified lead: the case proposed with the lead's data (`case_from_lead`),
    /// then the lead's outcome recorded with the new case's id. The lead's step is checked
    /// before the case is made, so a lead that cannot be filed leaves no case behind.
    #[allow(clippy::too_many_arguments)] // the filing form's own fields
    pub fn file_lead(
        &mut self,
        id: i64,
        power_code: &str,
        act_date: NaiveDate,
        parties: Vec<Party>,
        date: NaiveDate,
        actor: &User,
        today: NaiveDate,
    ) -> DeskResult<(LeadRow, Case)> {
        let before = self.store.load_lead(id)?.lead;
        let new = lead::case_from_lead(&before, act_date, parties, date)?;
        // Checked with a stand-in id: the gates ask only that a case is named.
        let trial = LeadAction::File {
            date,
            case_id: i64::MAX,
            case_number: String::new(),
        };
        self.rule_ctx(today, |ctx| {
            lead::transition(&before, trial, as_now(ctx, actor), ctx)
        })??;
        let case = self.propose(new, power_code, actor, today)?;
        let filed = LeadAction::File {
            date,
            case_id: case.id,
            case_number: self.store.case_no(case.id)?,
        };
        let row = self
            .lead_act(id, Some(before.version), filed, actor, today)
            .map_err(|e| {
                DeskError::Refused(format!(
                    "案件已提请立案（#{}），但线索未能关联：{e}。请在该线索上办理“并案”指向此案",
                    case.id
                ))
            })?;
        Ok((row, case))
    }

    /// Every lead with its deadlines as of `today`, newest first.
    pub fn lead_lines(&self, today: NaiveDate) -> DeskResult<Vec<LeadLine>> {
        let rows = self.store.leads()?;
        Ok(self.rule_ctx(today, |ctx| {
            rows.into_iter()
                .map(|row| lead_line(row, today, ctx))
                .collect()
        })?)
    }

    /// The leads, as the domain's statistics read them.
    pub fn lead_records(&self) -> DeskResult<Vec<Lead>> {
        Ok(self.store.leads()?.into_iter().map(|r| r.lead).collect())
    }
}

fn lead_line(row: LeadRow, today: NaiveDate, ctx: &crate::domain::case::Ctx) -> LeadLine {
    let (settings, calendar) = (ctx.settings, ctx.calendar);
    let l = &row.lead;
    LeadLine {
        due: lead::verification_due(l, settings, calendar).ok(),
        overdue: lead::is_overdue(l, today, settings, calendar).unwrap_or(false),
        reply_due: lead::reply_due(l, settings, calendar).ok().flatten(),
        reply_overdue: lead::reply_overdue(l, today, settings, calendar).unwrap_or(false),
        row,
    }
}

/// A lead's outcome in one line, as the CLI and the UI show it.
pub fn outcome_text(o: &lead::LeadOutcome) -> String {
    use crate::text::clean;
    use lead::LeadOutcome as O;
    match o {
        O::Filed {
            case_id,
            case_number,
        }
        | O::Merged {
            case_id,
            case_number,
        } => format!(
            "{} 案件 {}",
            o.kind().name(),
            if case_number.is_empty() {
                format!("#{case_id}")
            } else {
                clean(case_number)
            }
        ),
        O::NotFiled { reason } => format!("不予立案：{}", clean(reason)),
        O::Transferred {
            to,
            judicial,
            reason,
        } => format!(
            "移送{}{}：{}",
            if *judicial { "司法机关 " } else { "" },
            clean(to),
            clean(reason)
        ),
        O::Told { where_to } => format!("告知向 {} 反映", clean(where_to)),
    }
}
