//! Registering a lead and taking it through its steps. `transition` is the only way a lead
//! changes: role and stage from the step's row of the table (`precheck`), then the step's
//! gate, then the record.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::action::{LeadAction, LeadActionKind};
use super::gates;
use super::model::{
    Decision, Lead, LeadExtension, LeadOutcome, LeadSource, LeadStage, Reply, Verification,
};
use super::reporter::{Reporter, ReporterInput};
use crate::case::model::Attachment;
use crate::case::rule::{RuleError, RuleResult};
use crate::case::Ctx;
use crate::people::{Role, User};
use crate::text::{self, CODE, LONG, PLACE};

/// A lead as registered (登记).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewLead {
    pub source: LeadSource,
    pub received_on: NaiveDate,
    #[serde(default)]
    pub received_time: String,
    /// `None` for an anonymous report or a source without a reporter.
    #[serde(default)]
    pub reporter: Option<ReporterInput>,
    pub place: String,
    pub allegation: String,
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    #[serde(default)]
    pub power_code: Option<String>,
}

/// The roles that register leads: whoever takes a complaint or finds a matter.
pub const REGISTERING_ROLES: [Role; 3] = [Role::Handler, Role::SquadLeader, Role::Head];

/// 登记: the lead checked and recorded, received by `actor`.
pub fn register(new: NewLead, actor: &User, ctx: &Ctx<'_>) -> RuleResult<Lead> {
    if !REGISTERING_ROLES.iter().any(|r| actor.has(*r)) {
        return Err(RuleError::role(
            "岗位权限",
            format!("{} 不是承办人、中队长或负责人，无权登记线索", actor.name),
        ));
    }
    if new.received_on > ctx.today {
        return Err(RuleError::input(format!(
            "收到日期 {} 晚于今天（{}），请核对",
            new.received_on, ctx.today
        )));
    }
    let source = match new.source {
        LeadSource::Complaint { work_order } => LeadSource::Complaint {
            work_order: text::optional("12345工单号", &work_order, CODE)?,
        },
        other => other,
    };
    let reporter = match new.reporter {
        Some(r) => r.into_reporter()?,
        None => Reporter::Anonymous,
    };
    gates::attachment_names(&new.attachments)?;
    let power_code = match new.power_code.as_deref().map(str::trim) {
        Some(c) if !c.is_empty() => Some(text::checked("事项编码", c, CODE)?),
        _ => None,
    };
    Ok(Lead {
        id: 0,
        source,
        received_on: new.received_on,
        received_time: text::time("收到时间", &new.received_time)?,
        received_by: actor.id,
        reporter,
        place: text::checked("发生地点", &new.place, PLACE)?,
        allegation: text::checked("反映问题", &new.allegation, LONG)?,
        attachments: new.attachments,
        power_code,
        stage: LeadStage::Registered,
        verification: None,
        extension: None,
        decision: None,
        replies: Vec::new(),
        version: 1,
    })
}

/// Role and stage, from the step's row of the table. A decided lead refuses another outcome
/// with what it was decided as (`gates::one_outcome`).
pub fn precheck(lead: &Lead, kind: LeadActionKind, actor: &User) -> RuleResult {
    if !kind.roles().iter().any(|r| actor.has(*r)) {
        let names: Vec<&str> = kind.roles().iter().map(|r| r.name()).collect();
        return Err(RuleError::role(
            "岗位权限",
            format!(
                "{} 无权{}：此步骤由{}办理",
                actor.name,
                kind.label(),
                names.join("或")
            ),
        ));
    }
    if kind.stages().contains(&lead.stage) {
        return Ok(());
    }
    if kind.is_outcome() {
        gates::one_outcome(lead).map_err(|e| RuleError {
            kind: crate::case::rule::RuleKind::Stage,
            ..e
        })?;
    }
    let from: Vec<String> = kind.stages().iter().map(|s| s.name()).collect();
    Err(RuleError::stage(format!(
        "线索处于“{}”阶段，不能{}（须在“{}”阶段）",
        lead.stage.name(),
        kind.label(),
        from.join("”或“")
    )))
}

/// The steps `actor` may take on the lead now (role and stage), for menus.
pub fn available(lead: &Lead, actor: &User) -> Vec<LeadActionKind> {
    LeadActionKind::ALL
        .into_iter()
        .filter(|k| precheck(lead, *k, actor).is_ok())
        .collect()
}

/// The next version of the lead after `action` by `actor`, or the rule that refused it.
pub fn transition(
    lead: &Lead,
    action: LeadAction,
    actor: &User,
    ctx: &Ctx<'_>,
) -> RuleResult<Lead> {
    precheck(lead, action.kind(), actor)?;
    action.gate(lead, ctx, actor)?;
    let mut next = lead.clone();
    apply(&mut next, action, actor.id);
    next.version += 1;
    Ok(next)
}

fn decide(lead: &mut Lead, date: NaiveDate, by: i64, outcome: LeadOutcome) {
    lead.decision = Some(Decision { date, by, outcome });
    lead.stage = LeadStage::Decided;
}

/// Records a step that passed its gate (texts trimmed as they are checked).
fn apply(lead: &mut Lead, action: LeadAction, by: i64) {
    let trim = |s: String| s.trim().to_string();
    match action {
        LeadAction::Assign { date, officers } => {
            lead.verification = Some(Verification {
                assigned_on: date,
                assigned_by: by,
                officers,
                findings: None,
            });
            lead.stage = LeadStage::Verifying;
        }
        LeadAction::RecordFindings {
            date,
            findings,
            attachments,
        } => {
            if let Some(v) = lead.verification.as_mut() {
                v.findings = Some((date, trim(findings)));
            }
            lead.attachments.extend(attachments);
        }
        LeadAction::Extend { date, reason } => {
            lead.extension = Some(LeadExtension {
                date,
                approved_by: by,
                reason: trim(reason),
            });
        }
        LeadAction::File {
            date,
            case_id,
            case_number,
        } => decide(
            lead,
            date,
            by,
            LeadOutcome::Filed {
                case_id,
                case_number: trim(case_number),
            },
        ),
        LeadAction::NotFile { date, reason } => decide(
            lead,
            date,
            by,
            LeadOutcome::NotFiled {
                reason: trim(reason),
            },
        ),
        LeadAction::Transfer {
            date,
            to,
            judicial,
            reason,
        } => decide(
            lead,
            date,
            by,
            LeadOutcome::Transferred {
                to: trim(to),
                judicial,
                reason: trim(reason),
            },
        ),
        LeadAction::Merge {
            date,
            case_id,
            case_number,
        } => decide(
            lead,
            date,
            by,
            LeadOutcome::Merged {
                case_id,
                case_number: trim(case_number),
            },
        ),
        LeadAction::Tell { date, where_to } => decide(
            lead,
            date,
            by,
            LeadOutcome::Told {
                where_to: trim(where_to),
            },
        ),
        LeadAction::Reply { date, way, content } => lead.replies.push(Reply {
            date,
            way,
            content: trim(content),
            by,
        }),
    }
}
