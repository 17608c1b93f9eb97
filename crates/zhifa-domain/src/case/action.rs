//! The vocabulary of workflow steps: every change to a case is one [`Action`]. The CLI takes
//! them as `zhifa case do CASE ACTION key=value…`, the UI builds them from forms, the demo
//! builder from sample data, and tests from code — all through the same `transition`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::model::{
    CashGround, Evidence, Instalment, PaymentMethod, Proposal, Record, RemedyKind, RemedyResult,
    ReviewOutcome, ServedDoc, ServiceMethod, Signature,
};
use crate::catalog::PenaltyKind;
use crate::money::Fen;
use crate::text::{self, TextError, TextKind, CODE, LONG, NAME, NOTE, PLACE, TITLE};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
pub enum Action {
    /// 负责人 approves (or refuses: 不予立案) the filing.
    ApproveFiling {
        date: NaiveDate,
        agree: bool,
        opinion: String,
    },
    /// 承办人 registers evidence (Art 46).
    AddEvidence {
        evidence: Evidence,
    },
    /// 承办人 records a 笔录 (Art 55).
    AddRecord {
        record: Record,
    },
    /// 负责人 approves 先行登记保存 (Art 56).
    Preserve {
        date: NaiveDate,
        items: String,
    },
    /// Decision on preserved items (within 7 working days, Art 56).
    DecidePreservation {
        index: usize,
        date: NaiveDate,
        decision: String,
    },
    /// 负责人 approves 查封、扣押 (行政强制法 Art 18, 24, 25).
    Seize {
        date: NaiveDate,
        items: String,
        days: u32,
    },
    /// 负责人 extends a seizure once by ≤ 30 days.
    ExtendSeizure {
        index: usize,
        date: NaiveDate,
        days: u32,
    },
    /// Days of testing or appraisal, excluded from the seizure period.
    ExcludeSeizureDays {
        index: usize,
        days: u32,
    },
    ReleaseSeizure {
        index: usize,
        date: NaiveDate,
    },
    /// 承办人 ends the investigation with a proposal (调查终结报告).
    EndInvestigation {
        proposal: Proposal,
    },
    /// 中队长 reviews the proposal (审核).
    SquadReview {
        date: NaiveDate,
        agree: bool,
        opinion: String,
    },
    /// 法制审核员 reviews legality (Art 58).
    LegalReview {
        date: NaiveDate,
        passed: bool,
        opinion: String,
    },
    /// 负责人 chairs a collective discussion (Art 57 para 2).
    Discuss {
        date: NaiveDate,
        attendees: Vec<i64>,
        conclusion: String,
    },
    /// 负责人 chooses one of the four outcomes of Art 57.
    ReviewDecision {
        date: NaiveDate,
        outcome: ReviewOutcome,
        opinion: String,
    },
    /// 承办人 issues the prior notice (Art 44); the hearing right follows Art 63.
    IssueNotice {
        date: NaiveDate,
    },
    /// Service of a document (民事诉讼法 Art 87–95; 行政处罚法 Art 61).
    Serve {
        doc: ServedDoc,
        method: ServiceMethod,
        date: NaiveDate,
        recipient: String,
        officers: Vec<i64>,
        #[serde(default)]
        confirmation: bool,
    },
    /// The party's statement and defence, and its re-examination (Art 45).
    RecordStatement {
        date: NaiveDate,
        content: String,
        adopted: bool,
        reexamination: String,
    },
    /// The party asks for a hearing (Art 64(1)).
    RequestHearing {
        date: NaiveDate,
    },
    /// The hearing is notified (Art 64(2), (4)).
    ScheduleHearing {
        notified_on: NaiveDate,
        date: NaiveDate,
        place: String,
        presiding: i64,
    },
    /// The hearing took place (or the party did not appear, Art 64(6)).
    HoldHearing {
        date: NaiveDate,
        party_absent: bool,
    },
    /// The party expressly waives statement and hearing (Art 62).
    Waive {
        date: NaiveDate,
    },
    /// 负责人 approves an extension of the decision period (configured rule, Art 60).
    ExtendDecisionPeriod {
        date: NaiveDate,
        reason: String,
    },
    /// 负责人 makes the decision (Art 57, 59): penalty, or no penalty after a no-penalty outcome.
    Decide {
        date: NaiveDate,
        kinds: Vec<PenaltyKind>,
        fine: Fen,
        #[serde(default)]
        confiscation: Fen,
        #[serde(default)]
        correction_order: String,
        #[serde(default)]
        payment_place: String,
        #[serde(default)]
        publish: bool,
    },
    /// The decision was published (Art 48).
    Publish {
        date: NaiveDate,
    },
    /// A payment (or court-enforced recovery).
    Pay {
        date: NaiveDate,
        amount: Fen,
        method: PaymentMethod,
        #[serde(default)]
        receipt_no: String,
        /// For on-the-spot collection: its lawful ground (Art 68, 69).
        #[serde(default)]
        cash_ground: Option<CashGround>,
    },
    /// 负责人 approves deferral or instalments (Art 66).
    ApprovePlan {
        date: NaiveDate,
        instalments: Vec<Instalment>,
    },
    /// 催告 (行政强制法 Art 35).
    Demand {
        date: NaiveDate,
    },
    /// Application to the court for enforcement (行政强制法 Art 53–55).
    ApplyCourt {
        date: NaiveDate,
        court: String,
    },
    /// A 复议 or 诉讼 was brought.
    RemedyStarted {
        kind: RemedyKind,
        date: NaiveDate,
    },
    /// A 复议 or 诉讼 ended.
    RemedyEnded {
        kind: RemedyKind,
        date: NaiveDate,
        result: RemedyResult,
        #[serde(default)]
        changed_fine: Option<Fen>,
    },
    /// 负责人 ends execution (终结执行, 行政强制法 Art 39–40).
    TerminateExecution {
        date: NaiveDate,
        reason: String,
    },
    /// 负责人 revokes the filing (撤销立案).
    Withdraw {
        date: NaiveDate,
        reason: String,
    },
    /// 承办人 proposes closing (结案审批表).
    ProposeClosing {
        date: NaiveDate,
    },
    /// 负责人 approves closing.
    ApproveClosing {
        date: NaiveDate,
        opinion: String,
    },
    /// The file is archived; the case becomes read-only.
    Archive {
        date: NaiveDate,
        archive_no: String,
        retention: String,
    },
}

/// The name of each action, for menus, permissions and the CLI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    ApproveFiling,
    AddEvidence,
    AddRecord,
    Preserve,
    DecidePreservation,
    Seize,
    ExtendSeizure,
    ExcludeSeizureDays,
    ReleaseSeizure,
    EndInvestigation,
    SquadReview,
    LegalReview,
    Discuss,
    ReviewDecision,
    IssueNotice,
    Serve,
    RecordStatement,
    RequestHearing,
    ScheduleHearing,
    HoldHearing,
    Waive,
    ExtendDecisionPeriod,
    Decide,
    Publish,
    Pay,
    ApprovePlan,
    Demand,
    ApplyCourt,
    RemedyStarted,
    RemedyEnded,
    TerminateExecution,
    Withdraw,
    ProposeClosing,
    ApproveClosing,
    Archive,
}

impl ActionKind {
    pub const ALL: [ActionKind; 35] = [
        ActionKind::ApproveFiling,
        ActionKind::AddEvidence,
        ActionKind::AddRecord,
        ActionKind::Preserve,
        ActionKind::DecidePreservation,
        ActionKind::Seize,
        ActionKind::ExtendSeizure,
        ActionKind::ExcludeSeizureDays,
        ActionKind::ReleaseSeizure,
        ActionKind::EndInvestigation,
        ActionKind::SquadReview,
        ActionKind::LegalReview,
        ActionKind::Discuss,
        ActionKind::ReviewDecision,
        ActionKind::IssueNotice,
        ActionKind::Serve,
        ActionKind::RecordStatement,
        ActionKind::RequestHearing,
        ActionKind::ScheduleHearing,
        ActionKind::HoldHearing,
        ActionKind::Waive,
        ActionKind::ExtendDecisionPeriod,
        ActionKind::Decide,
        ActionKind::Publish,
        ActionKind::Pay,
        ActionKind::ApprovePlan,
        ActionKind::Demand,
        ActionKind::ApplyCourt,
        ActionKind::RemedyStarted,
        ActionKind::RemedyEnded,
        ActionKind::TerminateExecution,
        ActionKind::Withdraw,
        ActionKind::ProposeClosing,
        ActionKind::ApproveClosing,
        ActionKind::Archive,
    ];

    /// The Chinese name shown in menus and the audit trail.
    pub fn label(self) -> &'static str {
        match self {
            ActionKind::ApproveFiling => "立案审批",
            ActionKind::AddEvidence => "登记证据",
            ActionKind::AddRecord => "制作笔录",
            ActionKind::Preserve => "先行登记保存",
            ActionKind::DecidePreservation => "先行登记保存处理决定",
            ActionKind::Seize => "查封扣押",
            ActionKind::ExtendSeizure => "延长查封扣押",
            ActionKind::ExcludeSeizureDays => "登记检测鉴定期间",
            ActionKind::ReleaseSeizure => "解除查封扣押",
            ActionKind::EndInvestigation => "调查终结",
            ActionKind::SquadReview => "中队长审核",
            ActionKind::LegalReview => "法制审核",
            ActionKind::Discuss => "集体讨论",
            ActionKind::ReviewDecision => "负责人审查决定",
            ActionKind::IssueNotice => "事先告知",
            ActionKind::Serve => "送达",
            ActionKind::RecordStatement => "陈述申辩及复核",
            ActionKind::RequestHearing => "登记听证申请",
            ActionKind::ScheduleHearing => "通知听证",
            ActionKind::HoldHearing => "举行听证",
            ActionKind::Waive => "登记放弃陈述申辩听证",
            ActionKind::ExtendDecisionPeriod => "延长办案期限",
            ActionKind::Decide => "作出决定",
            ActionKind::Publish => "公示决定",
            ActionKind::Pay => "登记缴款",
            ActionKind::ApprovePlan => "批准延期分期缴纳",
            ActionKind::Demand => "催告",
            ActionKind::ApplyCourt => "申请法院强制执行",
            ActionKind::RemedyStarted => "登记复议诉讼",
            ActionKind::RemedyEnded => "登记复议诉讼结果",
            ActionKind::TerminateExecution => "终结执行",
            ActionKind::Withdraw => "撤销立案",
            ActionKind::ProposeClosing => "提请结案",
            ActionKind::ApproveClosing => "结案审批",
            ActionKind::Archive => "归档",
        }
    }

    pub fn parse(s: &str) -> Option<ActionKind> {
        let t = s.trim();
        ActionKind::ALL.into_iter().find(|k| {
            k.label() == t
                || serde_json::to_value(k)
                    .ok()
                    .and_then(|v| v.as_str().map(|x| x == t))
                    == Some(true)
        })
    }

    /// The snake_case name used by the CLI and in files.
    pub fn code(self) -> String {
        crate::serde_name(&self)
    }
}

impl Action {
    pub fn kind(&self) -> ActionKind {
        match self {
            Action::ApproveFiling { .. } => ActionKind::ApproveFiling,
            Action::AddEvidence { .. } => ActionKind::AddEvidence,
            Action::AddRecord { .. } => ActionKind::AddRecord,
            Action::Preserve { .. } => ActionKind::Preserve,
            Action::DecidePreservation { .. } => ActionKind::DecidePreservation,
            Action::Seize { .. } => ActionKind::Seize,
            Action::ExtendSeizure { .. } => ActionKind::ExtendSeizure,
            Action::ExcludeSeizureDays { .. } => ActionKind::ExcludeSeizureDays,
            Action::ReleaseSeizure { .. } => ActionKind::ReleaseSeizure,
            Action::EndInvestigation { .. } => ActionKind::EndInvestigation,
            Action::SquadReview { .. } => ActionKind::SquadReview,
            Action::LegalReview { .. } => ActionKind::LegalReview,
            Action::Discuss { .. } => ActionKind::Discuss,
            Action::ReviewDecision { .. } => ActionKind::ReviewDecision,
            Action::IssueNotice { .. } => ActionKind::IssueNotice,
            Action::Serve { .. } => ActionKind::Serve,
            Action::RecordStatement { .. } => ActionKind::RecordStatement,
            Action::RequestHearing { .. } => ActionKind::RequestHearing,
            Action::ScheduleHearing { .. } => ActionKind::ScheduleHearing,
            Action::HoldHearing { .. } => ActionKind::HoldHearing,
            Action::Waive { .. } => ActionKind::Waive,
            Action::ExtendDecisionPeriod { .. } => ActionKind::ExtendDecisionPeriod,
            Action::Decide { .. } => ActionKind::Decide,
            Action::Publish { .. } => ActionKind::Publish,
            Action::Pay { .. } => ActionKind::Pay,
            Action::ApprovePlan { .. } => ActionKind::ApprovePlan,
            Action::Demand { .. } => ActionKind::Demand,
            Action::ApplyCourt { .. } => ActionKind::ApplyCourt,
            Action::RemedyStarted { .. } => ActionKind::RemedyStarted,
            Action::RemedyEnded { .. } => ActionKind::RemedyEnded,
            Action::TerminateExecution { .. } => ActionKind::TerminateExecution,
            Action::Withdraw { .. } => ActionKind::Withdraw,
            Action::ProposeClosing { .. } => ActionKind::ProposeClosing,
            Action::ApproveClosing { .. } => ActionKind::ApproveClosing,
            Action::Archive { .. } => ActionKind::Archive,
        }
    }
}

impl Action {
    /// Every free-text field of the step: (label, value, kind). `check_text` runs them all
    /// through `domain::text`, so no step takes text the others would refuse; whether a
    /// field is required is the step's own rule.
    pub fn texts(&self) -> Vec<(&'static str, &str, TextKind)> {
        let mut t: Vec<(&'static str, &str, TextKind)> = Vec::new();
        match self {
            Action::ApproveFiling { opinion, .. }
            | Action::SquadReview { opinion, .. }
            | Action::LegalReview { opinion, .. }
            | Action::ApproveClosing { opinion, .. } => t.push(("审批或审核意见", opinion, NOTE)),
            Action::AddEvidence { evidence } => {
                t.push(("证据说明", &evidence.description, NOTE));
                t.push(("取证地点", &evidence.place, PLACE));
                for a in &evidence.attachments {
                    t.push(("附件文件名", &a.file_name, PLACE));
                }
            }
            Action::AddRecord { record } => {
                t.push(("笔录地点", &record.place, PLACE));
                for p in &record.persons {
                    t.push(("被询问人/在场人", p, NAME));
                }
                t.push(("笔录内容", &record.content, LONG));
                if let Signature::Witness { name } = &record.signature {
                    t.push(("见证人姓名", name, NAME));
                }
            }
            Action::Preserve { items, .. } | Action::Seize { items, .. } => {
                t.push(("物品清单", items, NOTE))
            }
            Action::DecidePreservation { decision, .. } => t.push(("处理决定", decision, NOTE)),
            Action::EndInvestigation { proposal } => {
                t.push(("处理建议理由", &proposal.reasoning, LONG));
                for f in &proposal.legal_review_flags {
                    t.push(("法制审核情形", f, TITLE));
                }
            }
            Action::Discuss { conclusion, .. } => t.push(("讨论结论", conclusion, NOTE)),
            Action::ReviewDecision {
                outcome, opinion, ..
            } => {
                t.push(("审批意见", opinion, NOTE));
                match outcome {
                    ReviewOutcome::NoPenalty { education, .. } => {
                        t.push(("教育情况", education, NOTE))
                    }
                    ReviewOutcome::Transfer { to, .. } => t.push(("移送机关", to, TITLE)),
                    ReviewOutcome::Penalty | ReviewOutcome::NotEstablished => {}
                }
            }
            Action::Serve { recipient, .. } => t.push(("受送达人", recipient, TITLE)),
            Action::RecordStatement {
                content,
                reexamination,
                ..
            } => {
                t.push(("陈述申辩内容", content, LONG));
                t.push(("复核意见", reexamination, LONG));
            }
            Action::ScheduleHearing { place, .. } => t.push(("听证地点", place, PLACE)),
            Action::ExtendDecisionPeriod { reason, .. }
            | Action::TerminateExecution { reason, .. }
            | Action::Withdraw { reason, .. } => t.push(("理由", reason, NOTE)),
            Action::Decide {
                correction_order,
                payment_place,
                ..
            } => {
                t.push(("责令改正内容", correction_order, NOTE));
                t.push(("缴款地点", payment_place, TITLE));
            }
            Action::Pay { receipt_no, .. } => t.push(("票据号", receipt_no, CODE)),
            Action::ApplyCourt { court, .. } => t.push(("人民法院", court, TITLE)),
            Action::Archive {
                archive_no,
                retention,
                ..
            } => {
                t.push(("归档号", archive_no, CODE));
                t.push(("保存期限", retention, CODE));
            }
            Action::ExtendSeizure { .. }
            | Action::ExcludeSeizureDays { .. }
            | Action::ReleaseSeizure { .. }
            | Action::IssueNotice { .. }
            | Action::RequestHearing { .. }
            | Action::HoldHearing { .. }
            | Action::Waive { .. }
            | Action::Publish { .. }
            | Action::ApprovePlan { .. }
            | Action::Demand { .. }
            | Action::RemedyStarted { .. }
            | Action::RemedyEnded { .. }
            | Action::ProposeClosing { .. } => {}
        }
        t
    }

    /// Times of day the step carries: (label, value); empty means not given.
    pub fn times(&self) -> Vec<(&'static str, &str)> {
        match self {
            Action::AddEvidence { evidence } => vec![("取证时间", &evidence.time)],
            Action::AddRecord { record } => {
                vec![("开始时间", &record.start), ("结束时间", &record.end)]
            }
            _ => vec![],
        }
    }

    /// Checks every text and time the step carries (the one input check shared by the CLI,
    /// the UI, files and the demo): control characters, line breaks, lengths, real times,
    /// and attachment names that cannot leave their folder.
    pub fn check_text(&self) -> Result<(), TextError> {
        for (label, value, kind) in self.texts() {
            text::optional(label, value, kind)?;
        }
        if let Action::AddEvidence { evidence } = self {
            for a in &evidence.attachments {
                text::no_path("附件文件名", &a.file_name)?;
            }
        }
        for (label, value) in self.times() {
            text::time(label, value)?;
        }
        Ok(())
    }
}
