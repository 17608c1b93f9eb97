//! The steps of a lead: one table, [`lead_steps!`], gives each step its fields, its Chinese
//! name, who may take it, the stages it is taken from and its gate (the named rules of
//! [`super::gates`] it must pass). The macro makes [`LeadAction`], [`LeadActionKind`] (with
//! `ALL`, `label`, `roles`, `stages`) and [`LeadAction::gate`] from it, so a step's permissions
//! and rules sit on its own row; `workflow::apply` records it through an exhaustive match.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::gates;
use super::model::{Lead, LeadStage, ReplyWay};
use crate::case::gates::{each_person_once, two_certified_officers};
use crate::case::model::Attachment;
use crate::case::rule::RuleResult;
use crate::case::Ctx;
use crate::people::{Role, User};
use crate::text::{self, LONG, NOTE, TITLE};

macro_rules! lead_steps {
    ($(
        $(#[$meta:meta])*
        $step:ident => $label:literal,
        who [$($role:ident),+], from [$($stage:ident),+],
        { $( $(#[$fmeta:meta])* $field:ident : $fty:ty ),* $(,)? }
        gate |$lead:ident, $ctx:ident, $actor:ident| $gate:block,
    )*) => {
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
        pub enum LeadAction {
            $( $(#[$meta])* $step { $( $(#[$fmeta])* $field: $fty ),* }, )*
        }

        /// The name of each step, for menus, permissions and the CLI.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum LeadActionKind {
            $( $step, )*
        }

        const STEP_COUNT: usize = [$( LeadActionKind::$step, )*].len();

        impl LeadActionKind {
            pub const ALL: [LeadActionKind; STEP_COUNT] = [$( LeadActionKind::$step, )*];

            /// The Chinese name shown in menus and the audit trail.
            pub fn label(self) -> &'static str {
                match self {
                    $( LeadActionKind::$step => $label, )*
                }
            }

            /// The roles that may take the step (any one of them).
            pub fn roles(self) -> &'static [Role] {
                match self {
                    $( LeadActionKind::$step => &[$( Role::$role ),+], )*
                }
            }

            /// The stages the step is taken from.
            pub fn stages(self) -> &'static [LeadStage] {
                match self {
                    $( LeadActionKind::$step => &[$( LeadStage::$stage ),+], )*
                }
            }
        }

        impl LeadAction {
            pub fn kind(&self) -> LeadActionKind {
                match self {
                    $( LeadAction::$step { .. } => LeadActionKind::$step, )*
                }
            }

            /// The step's own rules (after role and stage: `workflow::precheck`).
            #[allow(unused_variables)]
            pub fn gate(&self, on: &Lead, ctx: &Ctx<'_>, by: &User) -> RuleResult {
                match self {
                    $( LeadAction::$step { $( $field ),* } => {
                        let ($lead, $ctx, $actor) = (on, ctx, by);
                        $gate
                    } )*
                }
            }
        }
    };
}

lead_steps! {
    /// Two certified officers, distinct, are assigned to verify the lead (核查).
    Assign => "分派核查", who [Head, SquadLeader], from [Registered],
    { date: NaiveDate, officers: Vec<i64> }
    gate |lead, ctx, actor| {
        gates::dated("分派日期", *date, lead.received_on, ctx.today)?;
        let people = ctx.users_of(officers)?;
        each_person_once(&people, "核查人员")?;
        two_certified_officers(&people, *date)
    },
    /// One of the verifying officers records what was found (核查情况), with the files the
    /// verification produced (photos, the 12345 work order's print).
    RecordFindings => "登记核查情况", who [Handler, SquadLeader, Head], from [Verifying],
    { date: NaiveDate, findings: String, #[serde(default)] attachments: Vec<Attachment> }
    gate |lead, ctx, actor| {
        gates::verifier_records(lead, actor)?;
        gates::dated("核查日期", *date, assigned_on(lead), ctx.today)?;
        text::checked("核查情况", findings, LONG)?;
        gates::attachment_names(attachments)
    },
    /// The 负责人 extends the verification period, once, before it runs out.
    Extend => "延长核查期限", who [Head], from [Registered, Verifying],
    { date: NaiveDate, reason: String }
    gate |lead, ctx, actor| {
        gates::dated("批准日期", *date, lead.received_on, ctx.today)?;
        text::checked("延长理由", reason, NOTE)?;
        gates::extension_once(lead)?;
        gates::extension_before_due(lead, *date, ctx.settings, ctx.calendar)
    },
    /// 立案: the case filed from the lead (its id and number), recorded once.
    File => "立案", who [Handler, Head], from [Verifying],
    { date: NaiveDate, case_id: i64, case_number: String }
    gate |lead, ctx, actor| {
        gates::findings_recorded(lead)?;
        gates::dated("立案日期", *date, findings_date(lead), ctx.today)?;
        gates::case_named(*case_id, case_number)
    },
    /// 不予立案: the reason, approved by a 负责人 who did not verify the lead.
    NotFile => "不予立案", who [Head], from [Verifying],
    { date: NaiveDate, reason: String }
    gate |lead, ctx, actor| {
        gates::findings_recorded(lead)?;
        gates::approver_not_verifier(lead, actor)?;
        gates::dated("审批日期", *date, findings_date(lead), ctx.today)?;
        text::checked("不予立案理由", reason, NOTE)?;
        Ok(())
    },
    /// 移送: to the competent department or a judicial organ, approved by a 负责人 (the data
    /// of the 移送函).
    Transfer => "移送", who [Head], from [Verifying],
    { date: NaiveDate, to: String, judicial: bool, reason: String }
    gate |lead, ctx, actor| {
        gates::findings_recorded(lead)?;
        gates::approver_not_verifier(lead, actor)?;
        gates::dated("移送日期", *date, findings_date(lead), ctx.today)?;
        gates::transfer_stated(to, *judicial, reason)
    },
    /// 并案: into an existing case.
    Merge => "并案", who [Handler, Head], from [Verifying],
    { date: NaiveDate, case_id: i64, case_number: String }
    gate |lead, ctx, actor| {
        gates::findings_recorded(lead)?;
        gates::dated("并案日期", *date, findings_date(lead), ctx.today)?;
        gates::case_named(*case_id, case_number)
    },
    /// 告知: outside the agency's jurisdiction; where the reporter was told to go.
    Tell => "告知", who [Handler, Head], from [Verifying],
    { date: NaiveDate, where_to: String }
    gate |lead, ctx, actor| {
        gates::findings_recorded(lead)?;
        gates::dated("告知日期", *date, findings_date(lead), ctx.today)?;
        text::checked("告知去向（有权处理的机关）", where_to, TITLE)?;
        Ok(())
    },
    /// The reply to a named reporter (date, way, content).
    Reply => "答复举报人", who [Handler, SquadLeader, Head], from [Decided],
    { date: NaiveDate, way: ReplyWay, content: String }
    gate |lead, ctx, actor| {
        gates::reporter_to_answer(lead)?;
        let decided = lead.decided_on().unwrap_or(lead.received_on);
        gates::dated("答复日期", *date, decided, ctx.today)?;
        text::checked("答复内容", content, NOTE)?;
        Ok(())
    },
}

fn assigned_on(lead: &Lead) -> NaiveDate {
    lead.verification
        .as_ref()
        .map_or(lead.received_on, |v| v.assigned_on)
}

fn findings_date(lead: &Lead) -> NaiveDate {
    lead.findings_on().unwrap_or(lead.received_on)
}

impl LeadActionKind {
    /// By Chinese label or snake_case code.
    pub fn parse(s: &str) -> Option<LeadActionKind> {
        let t = s.trim();
        LeadActionKind::ALL
            .into_iter()
            .find(|k| k.label() == t || k.code() == t)
    }

    /// The snake_case name used by the CLI and in files.
    pub fn code(self) -> String {
        crate::serde_name(&self)
    }

    /// The steps that record the lead's one outcome.
    pub fn is_outcome(self) -> bool {
        use LeadActionKind as K;
        matches!(
            self,
            K::File | K::NotFile | K::Transfer | K::Merge | K::Tell
        )
    }
}
