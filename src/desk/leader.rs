//! The team leaders' records through the desk: 案卷评查 (who may review, the agency's
//! sheet, scoring and saving a round, the quality report) and 过错责任 (who may record,
//! what a record needs, the follow-up). `zhifa review` / `zhifa fault` and the UI's
//! screens call these, so each rule lives here once.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{Desk, DeskError, DeskResult};
use crate::domain::case::Case;
use crate::domain::people::{Role, User};
use crate::domain::review::fault::{FaultCategory, FaultRecord};
use crate::domain::review::selection::{self, Selection};
use crate::domain::review::sheet::{self, Deduction, Sheet};
use crate::domain::review::{self, QualityLine, ReviewRound};
use crate::store::Who;

/// The setting key holding an agency's own scoring sheet (TOML text).
pub const SHEET_KEY: &str = "review.sheet";

/// Whether `user` may review case files: 负责人、法制审核人员、中队长.
pub fn may_review(user: &User) -> Result<(), String> {
    if user.has(Role::Head) || user.has(Role::LegalReviewer) || user.has(Role::SquadLeader) {
        Ok(())
    } else {
        Err(format!(
            "{} 不是负责人、法制审核人员或中队长，不能评查案卷",
            user.name
        ))
    }
}

/// Whether `user` may record a 过错责任 (负责人, or an administrator).
pub fn may_record_fault(user: &User) -> Result<(), String> {
    if user.has(Role::Head) || user.has(Role::Admin) {
        Ok(())
    } else {
        Err(format!("{} 不是负责人，不能登记过错责任", user.name))
    }
}

/// A manual deduction written as one text, `部分:分值:理由` (the CLI's `--deduct`).
pub fn parse_deduction(sheet: &Sheet, text: &str) -> Result<Deduction, String> {
    let mut parts = text.splitn(3, [':', '：']);
    let (Some(sec), Some(pts), Some(reason)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(format!(
            "人工扣分“{text}”应写成 部分:分值:理由，如 卷面:0.5:目录页码不连续"
        ));
    };
    sheet::manual_deduction(sheet, sec, pts, reason)
}

/// How the quality report groups the latest round of each case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QualityBy {
    Squad,
    Officer,
    Month,
}

impl QualityBy {
    pub const ALL: [QualityBy; 3] = [QualityBy::Squad, QualityBy::Officer, QualityBy::Month];

    pub fn label(self) -> &'static str {
        match self {
            QualityBy::Squad => "中队",
            QualityBy::Officer => "人员",
            QualityBy::Month => "月份",
        }
    }

    pub fn parse(s: &str) -> Result<QualityBy, String> {
        QualityBy::ALL
            .into_iter()
            .find(|b| b.label() == s.trim())
            .ok_or_else(|| format!("分组“{}”不支持：可选 中队、人员、月份", s.trim()))
    }
}

/// A 过错责任 as a leader records it.
#[derive(Debug, Clone)]
pub struct NewFault {
    pub case_id: i64,
    pub officers: Vec<i64>,
    pub category: FaultCategory,
    pub finding: String,
    pub outcome: String,
    pub date: NaiveDate,
}

/// One inspection (巡查) as an officer records it; the recorder takes part and the
/// record is of the recorder's squad.
#[derive(Debug, Clone)]
pub struct NewPatrol {
    pub date: NaiveDate,
    pub place: String,
    /// Others who took part (the recorder is added).
    pub officers: Vec<i64>,
    pub outcomes: BTreeMap<crate::domain::patrol::PatrolOutcome, u32>,
    pub note: String,
}

fn refused(msg: String) -> DeskError {
    DeskError::Refused(msg)
}

impl Desk {
    /// The agency's scoring sheet, else the shipped one.
    pub fn review_sheet(&self) -> DeskResult<Sheet> {
        match self.store.setting(SHEET_KEY)? {
            Some(text) => Sheet::parse(&text)
                .map_err(|e| refused(format!("本机关评分表有误：{}", e.join("；")))),
            None => Ok(Sheet::default_sheet()),
        }
    }

    /// The scoring sheet of `case` as of `on`: the rules' findings pre-filled, plus the
    /// reviewer's manual deductions. Nothing is saved.
    pub fn score_case(
        &self,
        case: &Case,
        manual: &[Deduction],
        on: NaiveDate,
    ) -> DeskResult<sheet::Score> {
        let sh = self.review_sheet()?;
        let fs = self.findings(case, on)?;
        Ok(sheet::score(&sh, &fs, manual))
    }

    /// Reviews one case and saves its next round (`zhifa review run`).
    pub fn review_case(
        &mut self,
        case_id: i64,
        manual: &[Deduction],
        on: NaiveDate,
        reviewer: &User,
    ) -> DeskResult<ReviewRound> {
        let mut saved = self.review_cases(&[(case_id, manual.to_vec())], on, reviewer, None)?;
        saved.pop().ok_or_else(|| refused("评查未保存".into()))
    }

    /// Reviews several cases and saves each one's next round in one transaction; with
    /// `chosen_by`, how the cases were chosen is recorded too (the seed of a sample).
    pub fn review_cases(
        &mut self,
        items: &[(i64, Vec<Deduction>)],
        on: NaiveDate,
        reviewer: &User,
        chosen_by: Option<&Selection>,
    ) -> DeskResult<Vec<ReviewRound>> {
        may_review(reviewer).map_err(refused)?;
        if items.is_empty() {
            return Err(refused("没有选中任何案件，无法保存评查".into()));
        }
        let sh = self.review_sheet()?;
        let mut scored = Vec::new();
        for (id, manual) in items {
            let case = self.store.load_case(*id)?;
            let fs = self.findings(&case, on)?;
            scored.push((*id, sheet::score(&sh, &fs, manual)));
        }
        let note = chosen_by.map(|sel| {
            let mut how = format!("{} {}至{}", sel.basis.label(), sel.from, sel.to);
            if let Some(s) = &sel.squad {
                how.push_str(&format!("，{s}"));
            }
            if let Some(o) = sel.officer {
                let name = self
                    .store
                    .users()
                    .ok()
                    .and_then(|u| u.get(&o).map(|u| u.name.clone()))
                    .unwrap_or_else(|| format!("#{o}"));
                how.push_str(&format!("，承办人{name}"));
            }
            if let Some(n) = sel.sample {
                how.push_str(&format!("，随机抽取{n}件（种子 {}）", sel.seed));
            }
            (
                format!("评查选案：{how}，共{}件", items.len()),
                serde_json::json!({
                    "selection": sel,
                    "cases": items.iter().map(|(id, _)| id).collect::<Vec<_>>(),
                }),
            )
        });
        Ok(self.store.add_review_rounds(
            &scored,
            reviewer,
            on,
            note.as_ref().map(|(s, d)| (s.as_str(), d.clone())),
        )?)
    }

    /// The cases a selection takes (see `review::selection`).
    pub fn select_for_review(&self, sel: &Selection) -> DeskResult<Vec<Case>> {
        let cases = self.store.all_cases()?;
        let users = self.store.users()?;
        let ids = selection::select(&cases, &users, sel);
        Ok(cases.into_iter().filter(|c| ids.contains(&c.id)).collect())
    }

    /// 执法质量考评 over `from..=to`: each officer's cases decided in the period, the latest
    /// 评查 score of each (rounds of any date), vetoes and faults; with the officer's name
    /// and squad, by squad then name.
    pub fn officer_appraisal(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> DeskResult<Vec<(User, review::appraisal::Appraisal)>> {
        let decided: Vec<(i64, Vec<i64>)> = self
            .store
            .all_cases()?
            .into_iter()
            .filter(|c| {
                c.decision
                    .as_ref()
                    .is_some_and(|d| from <= d.date && d.date <= to)
            })
            .map(|c| (c.id, c.handlers))
            .collect();
        let rounds = self
            .store
            .review_rounds_between(NaiveDate::MIN, NaiveDate::MAX)?;
        let faults = self.store.faults()?;
        let users = self.store.users()?;
        let mut out: Vec<(User, review::appraisal::Appraisal)> =
            review::appraisal::appraisal(&decided, &rounds, &faults, from, to)
                .into_iter()
                .filter_map(|a| users.get(&a.officer).cloned().map(|u| (u, a)))
                .collect();
        out.sort_by(|(a, _), (b, _)| a.squad.cmp(&b.squad).then(a.name.cmp(&b.name)));
        Ok(out)
    }

    /// The quality report over the rounds dated `from..=to` (`zhifa review report`, the
    /// UI's 评查质量 screen): the latest round of each case, grouped.
    pub fn quality_report(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        by: QualityBy,
    ) -> DeskResult<Vec<QualityLine>> {
        let rounds = self.store.review_rounds_between(from, to)?;
        let cases: BTreeMap<i64, Case> = self
            .store
            .all_cases()?
            .into_iter()
            .map(|c| (c.id, c))
            .collect();
        let users = self.store.users()?;
        let handlers = |r: &ReviewRound| -> Vec<i64> {
            cases
                .get(&r.case_id)
                .map(|c| c.handlers.clone())
                .unwrap_or_default()
        };
        Ok(match by {
            QualityBy::Squad => review::quality_report(&rounds, |r| {
                let sq = handlers(r)
                    .first()
                    .and_then(|h| users.get(h))
                    .map(|u| u.squad.clone())
                    .unwrap_or_else(|| "未分中队".into());
                vec![sq]
            }),
            QualityBy::Officer => review::quality_report(&rounds, |r| {
                handlers(r)
                    .iter()
                    .map(|h| {
                        users
                            .get(h)
                            .map(|u| u.name.clone())
                            .unwrap_or_else(|| format!("#{h}"))
                    })
                    .collect()
            }),
            QualityBy::Month => {
                review::quality_report(&rounds, |r| vec![r.date.format("%Y-%m").to_string()])
            }
        })
    }

    /// Records a 过错责任 (`zhifa fault add`, the UI's 过错责任 screen); returns its number.
    pub fn add_fault(&mut self, f: &NewFault, actor: &User) -> DeskResult<i64> {
        may_record_fault(actor).map_err(refused)?;
        if f.officers.is_empty() {
            return Err(refused("请填写至少一名责任人员".into()));
        }
        if f.finding.trim().is_empty() {
            return Err(refused("请写明认定的事实".into()));
        }
        use crate::domain::text;
        text::checked("认定事实", &f.finding, text::NOTE).map_err(|e| refused(e.to_string()))?;
        text::optional("处理结果", &f.outcome, text::NOTE).map_err(|e| refused(e.to_string()))?;
        let rec = FaultRecord {
            id: 0,
            case_id: f.case_id,
            officers: f.officers.clone(),
            category: f.category,
            finding: f.finding.trim().into(),
            outcome: f.outcome.trim().into(),
            date: f.date,
            recorded_by: actor.id,
        };
        Ok(self.store.add_fault(&rec, &Who::user(actor))?)
    }

    /// Records an inspection (`zhifa patrol add`, the UI's 巡查 screen); returns its number.
    pub fn add_patrol(&mut self, p: &NewPatrol, actor: &User, today: NaiveDate) -> DeskResult<i64> {
        use crate::domain::text;
        if p.date > today {
            return Err(refused(format!("巡查日期 {} 晚于今天，请核对", p.date)));
        }
        if p.place.trim().is_empty() {
            return Err(refused("请填写巡查地点".into()));
        }
        text::checked("巡查地点", &p.place, text::PLACE).map_err(|e| refused(e.to_string()))?;
        text::optional("备注", &p.note, text::NOTE).map_err(|e| refused(e.to_string()))?;
        for (o, n) in &p.outcomes {
            crate::domain::patrol::check_count(*o, *n).map_err(refused)?;
            crate::domain::patrol::typed_by_hand(*o).map_err(refused)?;
        }
        let mut officers = vec![actor.id];
        for o in &p.officers {
            if !officers.contains(o) {
                officers.push(*o);
            }
        }
        let rec = crate::domain::patrol::Patrol {
            id: 0,
            date: p.date,
            place: p.place.trim().into(),
            squad: actor.squad.clone(),
            officers,
            outcomes: p.outcomes.clone(),
            note: p.note.trim().into(),
        };
        Ok(self.store.add_patrol(&rec, &Who::user(actor))?)
    }

    /// Follows a 过错责任 up: records how it was dealt with (处理结果).
    pub fn set_fault_outcome(&mut self, id: i64, outcome: &str, actor: &User) -> DeskResult<()> {
        may_record_fault(actor).map_err(refused)?;
        if outcome.trim().is_empty() {
            return Err(refused("请写明处理结果".into()));
        }
        crate::domain::text::checked("处理结果", outcome, crate::domain::text::NOTE)
            .map_err(|e| refused(e.to_string()))?;
        Ok(self
            .store
            .set_fault_outcome(id, outcome.trim(), &Who::user(actor))?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> (tempfile::TempDir, Desk) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.sqlite3");
        crate::demo::build(&path, "2026-11-26".parse().unwrap()).unwrap();
        let desk = Desk::open(&path).unwrap();
        (dir, desk)
    }

    fn user(desk: &Desk, login: &str) -> User {
        desk.store().user_by_username(login).unwrap().unwrap()
    }

    #[test]
    fn a_fault_s_outcome_is_followed_up_by_the_head_and_audited() {
        let (_d, mut desk) = demo();
        let head = user(&desk, "sunzhen");
        let clerk = user(&desk, "zhangwei");
        let on = "2026-11-26".parse().unwrap();
        let f = NewFault {
            case_id: 1,
            officers: vec![clerk.id],
            category: FaultCategory::Omission,
            finding: "未及时制止".into(),
            outcome: String::new(),
            date: on,
        };
        let e = desk.add_fault(&f, &clerk).unwrap_err().to_string();
        assert!(e.contains("不能登记过错责任"), "{e}");
        let id = desk.add_fault(&f, &head).unwrap();
        let e = desk
            .set_fault_outcome(id, "通报批评", &clerk)
            .unwrap_err()
            .to_string();
        assert!(e.contains("不能登记过错责任"), "{e}");
        assert!(desk.set_fault_outcome(id, "  ", &head).is_err());
        desk.set_fault_outcome(id, "通报批评", &head).unwrap();
        let saved = desk.store().faults().unwrap();
        let rec = saved.iter().find(|r| r.id == id).unwrap();
        assert_eq!(rec.outcome, "通报批评");
        let trail = desk.store().case_audit(1).unwrap();
        assert!(
            trail.iter().any(|e| e
                .summary
                .contains(&format!("过错责任 #{id} 处理结果：通报批评"))),
            "audited"
        );
        let e = desk
            .set_fault_outcome(9999, "x", &head)
            .unwrap_err()
            .to_string();
        assert!(e.contains("#9999"), "{e}");
    }

    #[test]
    fn a_sampled_round_saves_every_case_and_records_its_seed() {
        let (_d, mut desk) = demo();
        let reviewer = user(&desk, "qianli");
        let on: NaiveDate = "2026-11-26".parse().unwrap();
        let sel = Selection {
            basis: selection::DateBasis::Decided,
            from: "2020-01-01".parse().unwrap(),
            to: on,
            squad: None,
            officer: None,
            sample: Some(2),
            seed: 7,
        };
        let chosen = desk.select_for_review(&sel).unwrap();
        assert_eq!(chosen.len(), 2);
        let again = desk.select_for_review(&sel).unwrap();
        assert_eq!(
            chosen.iter().map(|c| c.id).collect::<Vec<_>>(),
            again.iter().map(|c| c.id).collect::<Vec<_>>()
        );
        let items: Vec<(i64, Vec<Deduction>)> = chosen.iter().map(|c| (c.id, Vec::new())).collect();
        let clerk = user(&desk, "zhangwei");
        assert!(desk.review_cases(&items, on, &clerk, Some(&sel)).is_err());
        let saved = desk
            .review_cases(&items, on, &reviewer, Some(&sel))
            .unwrap();
        assert_eq!(saved.len(), 2);
        let sels = desk.store().review_selections().unwrap();
        assert!(
            sels[0].2.contains("种子 7") && sels[0].2.contains("共2件"),
            "{sels:?}"
        );
    }
}
