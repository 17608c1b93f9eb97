//! The 文书 of a case as plain values: which documents a case has, what each says, and the
//! legal checks a document must pass before it may be printed (legal-rules.md §4.2).
//!
//! Everything here is pure: a document is built from the case, the agency settings and the
//! staff as a [`Paper`] (title, number, blocks of text), which `crate::documents` lays out as
//! plain text or as a PDF through the typst templates.

pub mod amount;
mod build;
mod build_duty;
mod build_execution;
mod build_goods;
mod build_review;
mod build_substitute;
pub mod casefile;
pub mod check;
mod common;
pub mod inspection;
mod kind;
pub mod lead;
mod paper;
mod reasoning;
mod shared;
mod staff;
pub mod summary;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_duty;
#[cfg(test)]
mod tests_intake;
#[cfg(test)]
mod tests_served;

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::agency::Agency;
use crate::calendar::Calendar;
use crate::case::Case;
use crate::people::User;

pub use build::{build, documents};
pub use kind::{DocKind, DocState, Phase};
pub use paper::{Block, Paper};

/// What a document is built from.
pub struct DocCtx<'a> {
    pub case: &'a Case,
    pub agency: &'a Agency,
    pub users: &'a BTreeMap<i64, User>,
    /// The date printed where a document carries the day it was made and the case has none.
    pub today: NaiveDate,
    /// Working days the party has to state and defend (陈述申辩期, an agency setting).
    pub statement_days: u32,
    /// The audit chain's head when printed (entries, hash), for comparing the paper with
    /// the file later (`zhifa audit verify`, `zhifa audit head`).
    pub chain_head: Option<(i64, &'a str)>,
    /// The working-day calendar, for what a document states as of its date: the 加处罚款
    /// owed (`gates::outstanding_surcharge`), the 催告's deadline, the periods that ended.
    pub calendar: &'a Calendar,
}

impl DocCtx<'_> {
    /// The chain head as the 备考表 and the case summary print it: a sentence, then the
    /// 64-digit hash on a line of its own (a `Digest` block, small enough to fit the line).
    pub fn chain_head_block(&self, p: &mut Paper) {
        if let Some((n, hash)) = self.chain_head {
            p.digest(format!("打印时本机关审计记录共{n}条，链头哈希："), hash);
        }
    }
}

impl DocCtx<'_> {
    /// A staff member's name (or `#id` if the account is gone).
    pub fn name(&self, id: i64) -> String {
        staff::name(self.users, id)
    }

    /// `张三（执法证号 22010012345）`.
    pub fn label(&self, id: i64) -> String {
        staff::label(self.users, id)
    }

    pub fn names(&self, ids: &[i64]) -> String {
        staff::names(self.users, ids)
    }

    pub fn labels(&self, ids: &[i64]) -> String {
        staff::labels(self.users, ids)
    }

    /// The case number with a document's 文书代字, e.g. `合综执罚决〔2026〕12号`.
    pub fn number(&self, code: &str) -> Option<String> {
        let (year, serial) = (self.case.year?, self.case.serial?);
        Some(crate::case::number::format(
            &self.agency.case_no_pattern,
            &self.agency.abbr,
            code,
            year,
            serial,
        ))
    }
}

/// Why a document cannot be printed. The message names what is missing and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocError {
    #[error("本案没有{0}：{1}")]
    NotApplicable(&'static str, String),
    /// A decision lacking an item of 行政处罚法 Art 59 (or Art 52 on the spot).
    #[error("{doc}缺少{article}规定的事项“{item}”：{hint}，不能打印")]
    MissingItem {
        doc: &'static str,
        article: &'static str,
        item: &'static str,
        hint: String,
    },
    /// A sheet that states page numbers, asked for without a layout to count them.
    #[error("{0}的页号须排版整本案卷后得出，请随整本案卷打印")]
    NeedsLayout(&'static str),
    /// A date the document states cannot be counted (a year without a holiday table).
    #[error("{doc}不能打印：{reason}")]
    Uncountable { doc: &'static str, reason: String },
    /// The decision is heavier than the notified penalty (Art 45 para 2).
    #[error("{doc}不能打印：{detail}，重于事先告知的处罚（行政处罚法第四十五条第二款：不得因当事人陈述、申辩而给予更重的处罚）")]
    Heavier { doc: &'static str, detail: String },
}
