//! The kinds of 文书, their 文书代字 and where each belongs in the case file.

use serde::Serialize;

use crate::case::{number, RecordKind};

/// The phases of the case file, in filing order (legal-rules.md §4.2, 卷内文件目录:
/// 立案 → 调查取证 → 审查 → 告知 → 决定 → 送达 → 执行 → 结案).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Phase {
    /// Before a case: the papers of a lead (线索) or an inspection (行政检查), printed from
    /// the lead or the inspection (`documents::lead`, `documents::inspection`).
    Intake,
    Filing,
    Investigation,
    Review,
    Notice,
    Decision,
    Service,
    Execution,
    Closing,
    /// Cover, 目录 and 备考表: around the documents, never numbered.
    Binding,
}

impl Phase {
    pub fn name(self) -> &'static str {
        match self {
            Phase::Intake => "案源与检查",
            Phase::Filing => "立案",
            Phase::Investigation => "调查取证",
            Phase::Review => "审查",
            Phase::Notice => "告知",
            Phase::Decision => "决定",
            Phase::Service => "送达",
            Phase::Execution => "执行",
            Phase::Closing => "结案",
            Phase::Binding => "卷宗",
        }
    }
}

macro_rules! kinds {
    ($( $v:ident => $name:literal, $slug:literal, $code:expr, $phase:ident; )*) => {
        /// Every document zhifa prints.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        pub enum DocKind { $( $v, )* }

        impl DocKind {
            pub const ALL: &'static [DocKind] = &[ $( DocKind::$v, )* ];

            /// The document's title as printed.
            pub fn name(self) -> &'static str {
                match self { $( DocKind::$v => $name, )* }
            }

            /// ASCII name for the command line and file names (`--doc decision`).
            pub fn slug(self) -> &'static str {
                match self { $( DocKind::$v => $slug, )* }
            }

            /// The 文书代字 of its number, for documents numbered from the case serial.
            pub fn code(self) -> Option<&'static str> {
                match self { $( DocKind::$v => $code, )* }
            }

            pub fn phase(self) -> Phase {
                match self { $( DocKind::$v => Phase::$phase, )* }
            }
        }
    };
}

kinds! {
    LeadRegister => "案件来源登记表", "lead-register", None, Intake;
    LeadReport => "线索核查报告", "lead-report", None, Intake;
    LeadTransfer => "案件移送函", "lead-transfer", Some("线移"), Intake;
    DrawRecord => "双随机抽查抽取记录", "draw", None, Intake;
    FilingForm => "立案审批表", "filing", Some(number::FILING), Filing;
    NotFiling => "不予立案审批表", "not-filing", None, Filing;
    InspectionRecord => "现场检查（勘验）笔录", "inspection", None, Investigation;
    InquiryRecord => "询问笔录", "inquiry", None, Investigation;
    CorrectionOrder => "责令（限期）改正通知书", "correction", Some("责改"), Investigation;
    Preservation => "先行登记保存通知书", "preservation", Some("先保"), Investigation;
    Seizure => "查封扣押决定书", "seizure", Some("强措"), Investigation;
    InvestigationReport => "调查终结报告", "report", None, Review;
    LegalReview => "法制审核意见书", "legal-review", Some("法审"), Review;
    Discussion => "集体讨论记录", "discussion", None, Review;
    PriorNotice => "行政处罚事先告知书", "notice", Some(number::NOTICE), Notice;
    HearingNotice => "听证通知书", "hearing-notice", Some("听通"), Notice;
    HearingRecord => "听证笔录", "hearing-record", None, Notice;
    StatementRecord => "陈述申辩笔录", "statement", None, Notice;
    Decision => "行政处罚决定书", "decision", Some(number::DECISION), Decision;
    OnSpotDecision => "当场行政处罚决定书", "on-spot", Some(number::ON_SPOT), Decision;
    NoPenaltyDecision => "不予行政处罚决定书", "no-penalty", Some(number::NO_PENALTY), Decision;
    ServiceReceipt => "送达回证", "receipt", None, Service;
    PaymentPlan => "延期（分期）缴纳罚款批准书", "payment-plan", Some("缓缴"), Execution;
    Demand => "催告书", "demand", Some(number::DEMAND), Execution;
    Surcharge => "加处罚款决定书", "surcharge", Some("加罚"), Execution;
    CourtApplication => "强制执行申请书", "court", Some("强执"), Execution;
    Transfer => "案件移送书", "transfer", Some("移"), Execution;
    DutyOrder => "责令限期履行决定书", "duty-order", Some("责履"), Decision;
    DutyDemand => "履行义务催告书", "duty-demand", Some("履催"), Execution;
    EnforcementDecision => "强制执行决定书", "enforcement", Some("强决"), Execution;
    DemolitionNotice => "强制拆除公告", "demolition-notice", Some("拆告"), Execution;
    SubstituteDecision => "代履行决定书", "substitute", Some("代决"), Execution;
    SubstituteDemand => "代履行催告书", "substitute-demand", Some("代催"), Execution;
    ImmediateNotice => "立即代履行事后通知书", "immediate-notice", Some("代通"), Execution;
    EnforcementAgreement => "执行协议", "agreement", None, Execution;
    EnforcementRecord => "强制执行笔录", "enforcement-record", None, Execution;
    GoodsList => "罚没物品清单", "goods", None, Execution;
    GoodsDisposal => "罚没物品处置记录", "goods-disposal", None, Execution;
    ClosingForm => "结案审批表", "closing", Some(number::CLOSING), Closing;
    Cover => "案卷封面", "cover", None, Binding;
    Contents => "卷内文件目录", "contents", None, Binding;
    Notes => "备考表", "notes", None, Binding;
}

impl DocKind {
    /// Printed from a case (`zhifa print`); the others from a lead, an inspection or a draw.
    pub fn of_case(self) -> bool {
        self.phase() != Phase::Intake && self != DocKind::NotFiling
    }

    /// The document a 笔录 of this kind prints as.
    pub fn of_record(kind: RecordKind) -> DocKind {
        match kind {
            RecordKind::Inspection => DocKind::InspectionRecord,
            RecordKind::Inquiry => DocKind::InquiryRecord,
            RecordKind::Statement => DocKind::StatementRecord,
            RecordKind::Hearing => DocKind::HearingRecord,
        }
    }

    /// Finds a kind by its Chinese name (with or without the brackets) or its slug.
    pub fn parse(text: &str) -> Option<DocKind> {
        let t = text.trim();
        let plain = |s: &str| s.replace(['(', ')', '（', '）'], "");
        DocKind::ALL
            .iter()
            .copied()
            .find(|k| k.slug() == t || k.name() == t || plain(k.name()) == plain(t))
            // The order to act prints under its own kind's title (责令限期拆除决定书).
            .or_else(|| {
                crate::enforcement::DutyKind::ALL
                    .iter()
                    .any(|d| d.order_title() == t)
                    .then_some(DocKind::DutyOrder)
            })
    }
}

/// Whether a document of a case is served on someone, and whether it has been.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum DocState {
    /// A paper of the file itself (records, reports, approvals, receipts): served on no one.
    Internal,
    /// A document the party must receive, not served yet.
    Unserved,
    /// Served; the date service took effect (公告送达: the deemed date).
    Served(chrono::NaiveDate),
}

impl DocState {
    pub fn name(self) -> String {
        match self {
            DocState::Internal => "无需送达".into(),
            DocState::Unserved => "未送达".into(),
            DocState::Served(on) => format!("已送达 {on}"),
        }
    }
}
