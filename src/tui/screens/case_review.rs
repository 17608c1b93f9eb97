//! The 评查 tab of the case view: the review rules run on the case as it stands (so a
//! problem shows before the step that would make it final), vetoes first, then the saved
//! review rounds. Loaded by the handler; the tab only formats.

use chrono::NaiveDate;

use crate::desk::Desk;
use crate::domain::case::Case;
use crate::domain::review::{points_text, Finding, ReviewRound, Severity};

#[derive(Default)]
pub struct ReviewTab {
    pub findings: Vec<Finding>,
    pub rounds: Vec<ReviewRound>,
    pub error: Option<String>,
}

impl ReviewTab {
    pub fn load(desk: &Desk, case: &Case, today: NaiveDate) -> ReviewTab {
        let loaded = (|| -> Result<ReviewTab, crate::store::StoreError> {
            let mut findings = desk.findings(case, today)?;
            findings.sort_by_key(|f| match f.severity {
                Severity::Veto => 0,
                Severity::Deduct(_) => 1,
                Severity::Hint => 2,
            });
            Ok(ReviewTab {
                findings,
                rounds: desk.store().review_rounds(case.id)?,
                error: None,
            })
        })();
        loaded.unwrap_or_else(|e| ReviewTab {
            error: Some(format!("评查失败：{e}")),
            ..ReviewTab::default()
        })
    }

    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(e) = &self.error {
            out.push(e.clone());
            return out;
        }
        if self.findings.is_empty() {
            out.push("自动评查：未发现问题".into());
        } else {
            let vetoes = self
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Veto)
                .count();
            out.push(format!(
                "自动评查：{} 项问题{}",
                self.findings.len(),
                if vetoes > 0 {
                    format!("，其中否决 {vetoes} 项（消除前不能结案）")
                } else {
                    String::new()
                }
            ));
        }
        for f in &self.findings {
            out.push(format!(
                "[{}] {} {}：{}（{}）",
                f.severity.label(),
                f.code,
                f.name,
                f.message,
                f.source
            ));
        }
        for r in &self.rounds {
            out.push(format!(
                "第{}轮评查 {} {}：{}分 {}",
                r.round,
                r.date,
                r.reviewer_name,
                r.score.score_text(),
                r.score.grade
            ));
            for d in r.score.automatic.iter().chain(&r.score.manual) {
                out.push(format!(
                    "  -{} [{}] {}",
                    points_text(d.points),
                    d.section,
                    d.reason
                ));
            }
        }
        out
    }
}
