//! The vocabulary of workflow steps: every change to a case is one [`Action`]. The CLI takes
//! them as `zhifa case do CASE ACTION key=value…`, the UI builds them from forms, the demo
//! builder from sample data, and tests from code — all through the same `transition`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::model::{
    held_in_public, CashGround, CorrectionTarget, Evidence, Instalment, PaymentMethod, Proposal,
    Record, RemedyKind, RemedyResult, ReviewOutcome, ServedDoc, ServiceMethod, Signature,
};
use crate::catalog::PenaltyKind;
use crate::enforcement::{
    Clearable, DutyKind, GoodsOrigin, MovementKind, PublicSpace, SubstituteHarm, SuspensionGround,
    TerminationGround,
};
use crate::money::Fen;
use crate::text::{self, TextError, TextKind, CODE, LONG, NAME, NOTE, PLACE, TITLE};

/// The one table of steps: each row is a variant of [`Action`] (its fields as the file format
/// has them) and the Chinese name menus and the audit trail show. The macro makes `Action`,
/// `ActionKind`, `ActionKind::ALL`, `ActionKind::label` and `Action::kind` from it, so a step
/// exists everywhere or nowhere; the exhaustive matches over `Action` and `ActionKind`
/// (`transition`'s dispatch, `permissions::role_and_stage`, `Action::texts`, the step forms)
/// then refuse to compile until they handle it.
macro_rules! steps {
    ($( $(#[$meta:meta])* $step:ident => $label:literal { $($fields:tt)* }, )*) => {
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
        pub enum Action {
            $( $(#[$meta])* $step { $($fields)* }, )*
        }

        /// The name of each action, for menus, permissions and the CLI.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum ActionKind {
            $( $step, )*
        }

        const STEP_COUNT: usize = [$( ActionKind::$step, )*].len();

        impl ActionKind {
            pub const ALL: [ActionKind; STEP_COUNT] = [$( ActionKind::$step, )*];

            /// The Chinese name shown in menus and the audit trail.
            pub fn label(self) -> &'static str {
                match self {
                    $( ActionKind::$step => $label, )*
                }
            }
        }

        impl Action {
            pub fn kind(&self) -> ActionKind {
                match self {
                    $( Action::$step { .. } => ActionKind::$step, )*
                }
            }
        }
    };
}

steps! {
    /// 负责人 approves (or refuses: 不予立案) the filing.
    ApproveFiling => "立案审批" {
        date: NaiveDate,
        agree: bool,
        opinion: String,
    },
    /// 承办人 registers evidence (Art 46).
    AddEvidence => "登记证据" {
        evidence: Evidence,
    },
    /// 承办人 records a 笔录 (Art 55).
    AddRecord => "制作笔录" {
        record: Record,
    },
    /// 承办人 issues the 责令（限期）改正通知书 (Art 28 para 1): what to correct and by when,
    /// dated the day it was issued (on inspection or at 立案).
    OrderCorrection => "责令改正" {
        date: NaiveDate,
        content: String,
        deadline: NaiveDate,
    },
    /// 承办人 records the follow-up (复查) of the correction ordered.
    Recheck => "复查" {
        date: NaiveDate,
        corrected: bool,
        note: String,
    },
    /// 负责人 approves 先行登记保存 (Art 56).
    Preserve => "先行登记保存" {
        date: NaiveDate,
        items: String,
    },
    /// Decision on preserved items (within 7 working days, Art 56).
    DecidePreservation => "先行登记保存处理决定" {
        index: usize,
        date: NaiveDate,
        decision: String,
    },
    /// 负责人 approves 查封、扣押 (行政强制法 Art 18, 24, 25).
    Seize => "查封扣押" {
        date: NaiveDate,
        items: String,
        days: u32,
    },
    /// 负责人 extends a seizure once by ≤ 30 days.
    ExtendSeizure => "延长查封扣押" {
        index: usize,
        date: NaiveDate,
        days: u32,
    },
    /// Days of testing or appraisal, excluded from the seizure period.
    ExcludeSeizureDays => "登记检测鉴定期间" {
        index: usize,
        days: u32,
    },
    ReleaseSeizure => "解除查封扣押" {
        index: usize,
        date: NaiveDate,
    },
    /// 承办人 ends the investigation with a proposal (调查终结报告).
    EndInvestigation => "调查终结" {
        proposal: Proposal,
    },
    /// 中队长 reviews the proposal (审核).
    SquadReview => "中队长审核" {
        date: NaiveDate,
        agree: bool,
        opinion: String,
    },
    /// 法制审核员 reviews legality (Art 58).
    LegalReview => "法制审核" {
        date: NaiveDate,
        passed: bool,
        opinion: String,
    },
    /// 负责人 chairs a collective discussion (Art 57 para 2).
    Discuss => "集体讨论" {
        date: NaiveDate,
        attendees: Vec<i64>,
        conclusion: String,
        /// Who kept the record: a member of staff, not the chair.
        #[serde(default)]
        recorder: Option<i64>,
        /// Each attendee's opinion, in the order of `attendees`.
        #[serde(default)]
        opinions: Vec<String>,
    },
    /// 负责人 chooses one of the four outcomes of Art 57.
    ReviewDecision => "负责人审查决定" {
        date: NaiveDate,
        outcome: ReviewOutcome,
        opinion: String,
    },
    /// 承办人 issues the prior notice (Art 44); the hearing right follows Art 63.
    IssueNotice => "事先告知" {
        date: NaiveDate,
    },
    /// Service of a document (民事诉讼法 Art 87–95; 行政处罚法 Art 61).
    Serve => "送达" {
        doc: ServedDoc,
        method: ServiceMethod,
        date: NaiveDate,
        recipient: String,
        officers: Vec<i64>,
        #[serde(default)]
        confirmation: bool,
    },
    /// The party's statement and defence, and its re-examination (Art 45).
    RecordStatement => "陈述申辩及复核" {
        date: NaiveDate,
        content: String,
        adopted: bool,
        reexamination: String,
    },
    /// The party asks for a hearing (Art 64(1)).
    RequestHearing => "登记听证申请" {
        date: NaiveDate,
    },
    /// The hearing is notified (Art 64(2), (4)).
    ScheduleHearing => "通知听证" {
        notified_on: NaiveDate,
        date: NaiveDate,
        place: String,
        presiding: i64,
        /// The time of day, `HH:MM`.
        #[serde(default)]
        time: String,
        #[serde(default = "held_in_public")]
        public: bool,
        /// Why not public (Art 64(3)).
        #[serde(default)]
        closed_reason: String,
        /// 听证员.
        #[serde(default)]
        hearing_officers: Vec<i64>,
        /// 记录人.
        #[serde(default)]
        recorder: Option<i64>,
    },
    /// The hearing took place (or the party did not appear, Art 64(6)), with what was said
    /// on each side as the 听证笔录 records it (Art 64(7), (8)).
    HoldHearing => "举行听证" {
        date: NaiveDate,
        party_absent: bool,
        #[serde(default)]
        investigators_case: String,
        #[serde(default)]
        party_statement: String,
    },
    /// The party expressly waives statement and hearing (Art 62).
    Waive => "登记放弃陈述申辩听证" {
        date: NaiveDate,
    },
    /// 负责人 approves an extension of the decision period (configured rule, Art 60).
    ExtendDecisionPeriod => "延长办案期限" {
        date: NaiveDate,
        reason: String,
    },
    /// 负责人 makes the decision (Art 57, 59): penalty, or no penalty after a no-penalty outcome.
    Decide => "作出决定" {
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
    Publish => "公示决定" {
        date: NaiveDate,
    },
    /// A payment (or court-enforced recovery).
    Pay => "登记缴款" {
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
    ApprovePlan => "批准延期分期缴纳" {
        date: NaiveDate,
        instalments: Vec<Instalment>,
    },
    /// 催告 (行政强制法 Art 35).
    Demand => "催告" {
        date: NaiveDate,
    },
    /// Application to the court for enforcement (行政强制法 Art 53–55).
    ApplyCourt => "申请法院强制执行" {
        date: NaiveDate,
        court: String,
    },
    /// A 复议 or 诉讼 was brought.
    RemedyStarted => "登记复议诉讼" {
        kind: RemedyKind,
        date: NaiveDate,
    },
    /// A 复议 or 诉讼 ended.
    RemedyEnded => "登记复议诉讼结果" {
        kind: RemedyKind,
        date: NaiveDate,
        result: RemedyResult,
        #[serde(default)]
        changed_fine: Option<Fen>,
    },
    /// 负责人 ends execution (终结执行, 行政强制法 Art 39–40).
    TerminateExecution => "终结执行" {
        date: NaiveDate,
        reason: String,
    },
    /// 负责人 orders the party to act (责令限期拆除、改正、恢复原状、清除障碍物 …) under a
    /// provision the catalog item lists (`[[power.duty]]`).
    OrderDuty => "责令限期履行" {
        date: NaiveDate,
        kind: DutyKind,
        obligation: String,
        deadline: NaiveDate,
    },
    /// 承办人 records that the party performed the duty (a 复查 found it done).
    RecordPerformance => "登记履行义务" {
        date: NaiveDate,
        note: String,
    },
    /// 承办人 issues the 催告书 for the duty (行政强制法第三十五条).
    DemandDuty => "催告履行义务" {
        date: NaiveDate,
        deadline: NaiveDate,
        way: String,
    },
    /// The party's 陈述申辩 after the 催告 and its 复核 (行政强制法第三十六条).
    HearDutyStatement => "强制执行陈述申辩及复核" {
        date: NaiveDate,
        summary: String,
        review: String,
        adopted: bool,
    },
    /// 负责人 decides to enforce (强制执行决定书, 行政强制法第三十七条).
    DecideEnforcement => "强制执行决定" {
        date: NaiveDate,
        way_and_time: String,
    },
    /// 强制拆除公告 giving the party a period to demolish (行政强制法第四十四条).
    PostDemolitionNotice => "强制拆除公告" {
        date: NaiveDate,
        days: u32,
        place: String,
    },
    /// 负责人 decides on 代履行 (代履行决定书, 行政强制法第五十条、第五十一条).
    DecideSubstitute => "代履行决定" {
        date: NaiveDate,
        planned_on: NaiveDate,
        object: String,
        cost_estimate: Fen,
        performer: String,
        harm: SubstituteHarm,
        way_and_time: String,
    },
    /// The 代履行催告, three working days before (行政强制法第五十一条第一款第（二）项).
    DemandSubstitute => "代履行催告" {
        date: NaiveDate,
    },
    /// 负责人 decides on 立即代履行 (行政强制法第五十二条).
    ImmediateSubstitute => "立即代履行" {
        date: NaiveDate,
        space: PublicSpace,
        what: Clearable,
        description: String,
        party_unable: bool,
        party_present: bool,
    },
    /// The notice to an absent party after 立即代履行 (行政强制法第五十二条).
    NotifyImmediate => "立即代履行事后通知" {
        date: NaiveDate,
    },
    /// 负责人 agrees an 执行协议 with the party (行政强制法第四十二条).
    AgreeEnforcement => "达成执行协议" {
        date: NaiveDate,
        terms: String,
        no_harm_to_public: bool,
    },
    /// Whether the party kept the 执行协议 (第四十二条第二款: if not, enforcement resumes).
    AgreementResult => "登记执行协议履行情况" {
        date: NaiveDate,
        kept: bool,
    },
    /// 负责人 suspends enforcement (中止执行, 行政强制法第三十九条).
    SuspendEnforcement => "中止执行" {
        date: NaiveDate,
        ground: SuspensionGround,
        reason: String,
    },
    /// 负责人 resumes a suspended enforcement (第三十九条第二款).
    ResumeEnforcement => "恢复执行" {
        date: NaiveDate,
    },
    /// 负责人 ends enforcement of the duty (终结执行, 行政强制法第四十条).
    EndEnforcement => "终结强制执行" {
        date: NaiveDate,
        ground: TerminationGround,
        reason: String,
    },
    /// A day of forced enforcement or 代履行, as the 强制执行笔录 records it.
    EnforceDay => "实施强制执行" {
        date: NaiveDate,
        /// `HH:MM`.
        start: String,
        end: String,
        /// The agency's officers present.
        officers: Vec<i64>,
        /// Who did the work (the agency, or the 代履行人).
        performer: String,
        #[serde(default)]
        witnesses: Vec<String>,
        /// What was removed, demolished or restored.
        removed: String,
        #[serde(default)]
        party_signed: bool,
        /// Why it could not wait, when at night or on a holiday (第四十三条).
        #[serde(default)]
        emergency: String,
        #[serde(default)]
        completed: bool,
        /// A day of 代履行 rather than forced enforcement.
        #[serde(default)]
        substitute: bool,
        /// The actual cost of 代履行 charged to the party (第五十一条第二款).
        #[serde(default)]
        cost: Option<Fen>,
        #[serde(default)]
        attachments: Vec<super::model::Attachment>,
    },
    /// 承办人 registers goods confiscated, seized or preserved (罚没物品登记).
    RegisterGoods => "登记罚没物品" {
        origin: GoodsOrigin,
        description: String,
        quantity: u32,
        unit: String,
        estimated_value: Fen,
        storage_place: String,
        custodian: String,
        taken_on: NaiveDate,
        #[serde(default)]
        photos: Vec<super::model::Attachment>,
    },
    /// A movement of registered goods (入库、移交、退还、拍卖、销毁), approved by a 负责人.
    MoveGoods => "罚没物品出入库处置" {
        index: usize,
        kind: MovementKind,
        date: NaiveDate,
        approver: i64,
        #[serde(default)]
        witnesses: Vec<String>,
        #[serde(default)]
        to: String,
        #[serde(default)]
        proceeds: Option<Fen>,
        #[serde(default)]
        treasury_ref: String,
        #[serde(default)]
        note: String,
    },
    /// 负责人 revokes the filing (撤销立案).
    Withdraw => "撤销立案" {
        date: NaiveDate,
        reason: String,
    },
    /// An officer reports the on-the-spot decision to the agency for the record (备案,
    /// 行政处罚法第五十二条第三款).
    FileOnSpot => "当场处罚备案" {
        date: NaiveDate,
    },
    /// 承办人 proposes closing (结案审批表).
    ProposeClosing => "提请结案" {
        date: NaiveDate,
    },
    /// 负责人 approves closing.
    ApproveClosing => "结案审批" {
        date: NaiveDate,
        opinion: String,
    },
    /// 负责人 approves the correction of a clerical error in recorded data (更正/补正): a
    /// date or a name recorded wrongly, so the case is not left stuck on a typo.
    Correct => "更正补正" {
        date: NaiveDate,
        target: CorrectionTarget,
        #[serde(default = "first_item")]
        item: usize,
        #[serde(default)]
        new_date: Option<NaiveDate>,
        #[serde(default)]
        new_text: String,
        reason: String,
    },
    /// The file is archived; the case becomes read-only.
    Archive => "归档" {
        date: NaiveDate,
        archive_no: String,
        retention: String,
    },
}

/// A numbered correction target defaults to the first (the only one, usually).
fn first_item() -> usize {
    1
}

impl ActionKind {
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

    /// Whether the step attaches files (kept beside the database with their SHA-256):
    /// the steps whose `Action::attachments_mut` is `Some`.
    pub fn takes_files(self) -> bool {
        matches!(
            self,
            ActionKind::AddEvidence | ActionKind::EnforceDay | ActionKind::RegisterGoods
        )
    }

    /// The snake_case name used by the CLI and in files.
    pub fn code(self) -> String {
        crate::serde_name(&self)
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
            Action::OrderCorrection { content, .. } => t.push(("责令改正内容", content, NOTE)),
            Action::Recheck { note, .. } => t.push(("复查情况", note, NOTE)),
            Action::EndInvestigation { proposal } => {
                t.push(("处理建议理由", &proposal.reasoning, LONG));
                for f in &proposal.legal_review_flags {
                    t.push(("法制审核情形", f, TITLE));
                }
            }
            Action::Discuss {
                conclusion,
                opinions,
                ..
            } => {
                t.push(("讨论结论", conclusion, NOTE));
                for o in opinions {
                    t.push(("参加人员意见", o, NOTE));
                }
            }
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
            Action::ScheduleHearing {
                place,
                closed_reason,
                ..
            } => {
                t.push(("听证地点", place, PLACE));
                t.push(("不公开举行的理由", closed_reason, NOTE));
            }
            Action::HoldHearing {
                investigators_case,
                party_statement,
                ..
            } => {
                t.push((
                    "调查人员提出的事实、证据和处罚建议",
                    investigators_case,
                    LONG,
                ));
                t.push(("当事人的陈述、申辩和质证意见", party_statement, LONG));
            }
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
            Action::Correct {
                new_text, reason, ..
            } => {
                t.push(("更正后的内容", new_text, NOTE));
                t.push(("更正理由", reason, NOTE));
            }
            Action::ApplyCourt { court, .. } => t.push(("人民法院", court, TITLE)),
            Action::Archive {
                archive_no,
                retention,
                ..
            } => {
                t.push(("归档号", archive_no, CODE));
                t.push(("保存期限", retention, CODE));
            }
            Action::OrderDuty { obligation, .. } => t.push(("应履行的义务", obligation, NOTE)),
            Action::RecordPerformance { note, .. } => t.push(("履行情况", note, NOTE)),
            Action::DemandDuty { way, .. } => t.push(("履行方式", way, NOTE)),
            Action::HearDutyStatement {
                summary, review, ..
            } => {
                t.push(("陈述申辩内容", summary, LONG));
                t.push(("复核意见", review, LONG));
            }
            Action::DecideEnforcement { way_and_time, .. } => {
                t.push(("强制执行的方式和时间", way_and_time, NOTE))
            }
            Action::PostDemolitionNotice { place, .. } => t.push(("公告张贴地点", place, PLACE)),
            Action::DecideSubstitute {
                object,
                performer,
                way_and_time,
                ..
            } => {
                t.push(("代履行标的", object, NOTE));
                t.push(("代履行人", performer, TITLE));
                t.push(("代履行的方式和时间", way_and_time, NOTE));
            }
            Action::ImmediateSubstitute { description, .. } => {
                t.push(("清除的物品及情况", description, NOTE))
            }
            Action::AgreeEnforcement { terms, .. } => t.push(("协议内容", terms, LONG)),
            Action::SuspendEnforcement { reason, .. } | Action::EndEnforcement { reason, .. } => {
                t.push(("理由", reason, NOTE))
            }
            Action::EnforceDay {
                performer,
                witnesses,
                removed,
                emergency,
                attachments,
                ..
            } => {
                t.push(("实施人", performer, TITLE));
                for w in witnesses {
                    t.push(("见证人", w, NAME));
                }
                t.push(("执行情况", removed, NOTE));
                t.push(("紧急情况说明", emergency, NOTE));
                for a in attachments {
                    t.push(("附件文件名", &a.file_name, PLACE));
                }
            }
            Action::RegisterGoods {
                description,
                unit,
                storage_place,
                custodian,
                photos,
                ..
            } => {
                t.push(("物品名称及特征", description, NOTE));
                t.push(("计量单位", unit, CODE));
                t.push(("存放地点", storage_place, PLACE));
                t.push(("保管人", custodian, NAME));
                for a in photos {
                    t.push(("附件文件名", &a.file_name, PLACE));
                }
            }
            Action::MoveGoods {
                witnesses,
                to,
                treasury_ref,
                note,
                ..
            } => {
                for w in witnesses {
                    t.push(("见证人", w, NAME));
                }
                t.push(("去向（仓库、接收单位或领回人）", to, TITLE));
                t.push(("缴库凭证号", treasury_ref, CODE));
                t.push(("备注", note, NOTE));
            }
            Action::DemandSubstitute { .. }
            | Action::NotifyImmediate { .. }
            | Action::AgreementResult { .. }
            | Action::ResumeEnforcement { .. }
            | Action::ExtendSeizure { .. }
            | Action::ExcludeSeizureDays { .. }
            | Action::ReleaseSeizure { .. }
            | Action::IssueNotice { .. }
            | Action::RequestHearing { .. }
            | Action::Waive { .. }
            | Action::Publish { .. }
            | Action::ApprovePlan { .. }
            | Action::Demand { .. }
            | Action::RemedyStarted { .. }
            | Action::RemedyEnded { .. }
            | Action::FileOnSpot { .. }
            | Action::ProposeClosing { .. } => {}
        }
        t
    }

    /// Times of day the step carries: (label, value); empty means not given. Exhaustive, so
    /// a new step says whether it carries one.
    pub fn times(&self) -> Vec<(&'static str, &str)> {
        match self {
            Action::AddEvidence { evidence } => vec![("取证时间", &evidence.time)],
            Action::AddRecord { record } => {
                vec![("开始时间", &record.start), ("结束时间", &record.end)]
            }
            Action::ScheduleHearing { time, .. } => vec![("听证时间", time)],
            Action::EnforceDay { start, end, .. } => vec![("开始时间", start), ("结束时间", end)],
            Action::ApproveFiling { .. }
            | Action::OrderCorrection { .. }
            | Action::Recheck { .. }
            | Action::Preserve { .. }
            | Action::DecidePreservation { .. }
            | Action::Seize { .. }
            | Action::ExtendSeizure { .. }
            | Action::ExcludeSeizureDays { .. }
            | Action::ReleaseSeizure { .. }
            | Action::EndInvestigation { .. }
            | Action::SquadReview { .. }
            | Action::LegalReview { .. }
            | Action::Discuss { .. }
            | Action::ReviewDecision { .. }
            | Action::IssueNotice { .. }
            | Action::Serve { .. }
            | Action::RecordStatement { .. }
            | Action::RequestHearing { .. }
            | Action::HoldHearing { .. }
            | Action::Waive { .. }
            | Action::ExtendDecisionPeriod { .. }
            | Action::Decide { .. }
            | Action::Publish { .. }
            | Action::Pay { .. }
            | Action::ApprovePlan { .. }
            | Action::Demand { .. }
            | Action::ApplyCourt { .. }
            | Action::RemedyStarted { .. }
            | Action::RemedyEnded { .. }
            | Action::TerminateExecution { .. }
            | Action::Withdraw { .. }
            | Action::ProposeClosing { .. }
            | Action::ApproveClosing { .. }
            | Action::Correct { .. }
            | Action::FileOnSpot { .. }
            | Action::OrderDuty { .. }
            | Action::RecordPerformance { .. }
            | Action::DemandDuty { .. }
            | Action::HearDutyStatement { .. }
            | Action::DecideEnforcement { .. }
            | Action::PostDemolitionNotice { .. }
            | Action::DecideSubstitute { .. }
            | Action::DemandSubstitute { .. }
            | Action::ImmediateSubstitute { .. }
            | Action::NotifyImmediate { .. }
            | Action::AgreeEnforcement { .. }
            | Action::AgreementResult { .. }
            | Action::SuspendEnforcement { .. }
            | Action::ResumeEnforcement { .. }
            | Action::EndEnforcement { .. }
            | Action::RegisterGoods { .. }
            | Action::MoveGoods { .. }
            | Action::Archive { .. } => vec![],
        }
    }

    /// The files the step attaches (evidence, photos of a day of enforcement or of goods).
    pub fn attachments(&self) -> &[super::model::Attachment] {
        match self {
            Action::AddEvidence { evidence } => &evidence.attachments,
            Action::EnforceDay { attachments, .. } => attachments,
            Action::RegisterGoods { photos, .. } => photos,
            _ => &[],
        }
    }

    /// Where the files a step attaches go, for steps that take files.
    pub fn attachments_mut(&mut self) -> Option<&mut Vec<super::model::Attachment>> {
        match self {
            Action::AddEvidence { evidence } => Some(&mut evidence.attachments),
            Action::EnforceDay { attachments, .. } => Some(attachments),
            Action::RegisterGoods { photos, .. } => Some(photos),
            _ => None,
        }
    }

    /// Checks every text and time the step carries (the one input check shared by the CLI,
    /// the UI, files and the demo): control characters, line breaks, lengths, real times,
    /// and attachment names that cannot leave their folder.
    pub fn check_text(&self) -> Result<(), TextError> {
        for (label, value, kind) in self.texts() {
            text::optional(label, value, kind)?;
        }
        for a in self.attachments() {
            text::no_path("附件文件名", &a.file_name)?;
        }
        for (label, value) in self.times() {
            text::time(label, value)?;
        }
        Ok(())
    }
}
