//! 执法质量考评: each officer's record over a period — cases decided as 承办人, the latest
//! 评查 score of each of them, how many had a veto, and the 过错责任 found against the officer.
//! The figures are what an agency's own appraisal rules weigh; no grade is given here, since
//! the grading rules differ by province (legal-rules.md marks them M).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::fault::FaultRecord;
use super::ReviewRound;

/// One officer's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Appraisal {
    pub officer: i64,
    /// Cases decided in the period with the officer among the 承办人.
    pub decided: usize,
    /// Of those, how many have a 评查 round.
    pub reviewed: usize,
    /// Average of their latest scores, tenths of a point (None: none reviewed).
    pub average: Option<u32>,
    /// Of the reviewed, how many had a veto (否决项).
    pub vetoed: usize,
    /// 过错责任 records dated in the period naming the officer.
    pub faults: usize,
}

/// The appraisal of every officer who handled a case decided in `from..=to` or has a fault
/// in it. `decided` holds each such case's id and handlers.
pub fn appraisal(
    decided: &[(i64, Vec<i64>)],
    rounds: &[ReviewRound],
    faults: &[FaultRecord],
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<Appraisal> {
    let mut latest: BTreeMap<i64, &ReviewRound> = BTreeMap::new();
    for r in rounds {
        let e = latest.entry(r.case_id).or_insert(r);
        if r.round > e.round {
            *e = r;
        }
    }
    let mut by: BTreeMap<i64, (usize, Vec<u32>, usize, usize)> = BTreeMap::new();
    for (case, handlers) in decided {
        for h in handlers {
            let e = by.entry(*h).or_default();
            e.0 += 1;
            if let Some(r) = latest.get(case) {
                e.1.push(r.score.score);
                if !r.score.vetoes.is_empty() {
                    e.2 += 1;
                }
            }
        }
    }
    for f in faults.iter().filter(|f| from <= f.date && f.date <= to) {
        for o in &f.officers {
            by.entry(*o).or_default().3 += 1;
        }
    }
    by.into_iter()
        .map(|(officer, (decided, scores, vetoed, faults))| {
            let n = scores.len() as u32;
            Appraisal {
                officer,
                decided,
                reviewed: scores.len(),
                average: (n > 0).then(|| (scores.iter().sum::<u32>() + n / 2) / n),
                vetoed,
                faults,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::fault::FaultCategory;
    use crate::review::sheet::Score;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn round(case: i64, n: u32, score: u32, veto: bool) -> ReviewRound {
        ReviewRound {
            id: 0,
            case_id: case,
            round: n,
            reviewer_id: 9,
            reviewer_name: "钱丽".into(),
            date: d("2026-11-01"),
            score: Score {
                sheet: "默认".into(),
                total: 1000,
                sections: vec![],
                automatic: vec![],
                manual: vec![],
                vetoes: if veto {
                    vec!["R01：未立案".into()]
                } else {
                    vec![]
                },
                score,
                grade: String::new(),
            },
        }
    }

    /// A hand-built period: 张伟 (1) handled cases 10 and 11 with 李强 (2); 10 was reviewed
    /// twice (the later 98.0 counts), 11 once with a veto; 李强 also has a fault in the
    /// period and one outside it.
    #[test]
    fn officers_figures_from_decided_cases_latest_rounds_and_faults() {
        let decided = vec![(10, vec![1, 2]), (11, vec![1, 2]), (12, vec![1, 3])];
        let rounds = vec![
            round(10, 1, 900, false),
            round(10, 2, 980, false),
            round(11, 1, 600, true),
        ];
        let fault = |date: &str| FaultRecord {
            id: 0,
            case_id: 11,
            officers: vec![2],
            category: FaultCategory::parse("76").unwrap(),
            finding: "未及时立案".into(),
            outcome: String::new(),
            date: d(date),
            recorded_by: 5,
        };
        let faults = vec![fault("2026-10-01"), fault("2025-01-01")];
        let a = appraisal(&decided, &rounds, &faults, d("2026-01-01"), d("2026-12-31"));
        let zhang = &a[0];
        assert_eq!((zhang.officer, zhang.decided, zhang.reviewed), (1, 3, 2));
        assert_eq!(zhang.average, Some(790));
        assert_eq!((zhang.vetoed, zhang.faults), (1, 0));
        let li = &a[1];
        assert_eq!(
            (li.decided, li.reviewed, li.vetoed, li.faults),
            (2, 2, 1, 1)
        );
        let third = &a[2];
        assert_eq!((third.officer, third.reviewed, third.average), (3, 0, None));
    }
}
