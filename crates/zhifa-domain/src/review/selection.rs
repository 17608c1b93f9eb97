//! Which cases a 评查 round takes: those decided (or archived) in a period, optionally of
//! one squad or one officer, and optionally a random sample of N of them. The sample is
//! drawn by a seeded generator (ChaCha8, Fisher–Yates, as the 双随机 draw), so the same selection and seed
//! give the same cases again; the seed is recorded with the round.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::case::model::Case;
use crate::people::User;

/// Which date puts a case in the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum DateBasis {
    /// The decision's date (作出决定).
    Decided,
    /// The archive date (归档).
    Archived,
}

impl DateBasis {
    /// The choices as a form lists them.
    pub const LABELS: &'static [&'static str] = &["决定日期", "归档日期"];

    pub fn label(self) -> &'static str {
        match self {
            DateBasis::Decided => "决定日期",
            DateBasis::Archived => "归档日期",
        }
    }

    pub fn parse(s: &str) -> Option<DateBasis> {
        match s.trim() {
            "决定日期" | "决定" => Some(DateBasis::Decided),
            "归档日期" | "归档" => Some(DateBasis::Archived),
            _ => None,
        }
    }

    fn date_of(self, case: &Case) -> Option<NaiveDate> {
        match self {
            DateBasis::Decided => case.decision.as_ref().map(|d| d.date),
            DateBasis::Archived => case.archive.as_ref().map(|a| a.date),
        }
    }
}

/// How a round's cases are chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Selection {
    pub basis: DateBasis,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Only cases whose first handler is of this squad.
    pub squad: Option<String>,
    /// Only cases this officer handled (user id).
    pub officer: Option<i64>,
    /// A random sample of this many (all when fewer match).
    pub sample: Option<usize>,
    pub seed: u64,
}

/// The seed a round uses unless the reviewer gives one: the day it is drawn, as 20261203.
pub fn seed_of_day(d: NaiveDate) -> u64 {
    d.year().max(0) as u64 * 10_000 + d.month() as u64 * 100 + d.day() as u64
}

/// The squad a case counts for: its first handler's (as the quality report groups it).
pub fn squad_of(case: &Case, users: &BTreeMap<i64, User>) -> String {
    case.handlers
        .first()
        .and_then(|h| users.get(h))
        .map(|u| u.squad.clone())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "未分中队".into())
}

/// The ids of the cases `sel` takes from `cases`, in case-id order.
pub fn select(cases: &[Case], users: &BTreeMap<i64, User>, sel: &Selection) -> Vec<i64> {
    let mut ids: Vec<i64> = cases
        .iter()
        .filter(|c| {
            sel.basis
                .date_of(c)
                .is_some_and(|d| d >= sel.from && d <= sel.to)
        })
        .filter(|c| sel.squad.as_deref().is_none_or(|s| squad_of(c, users) == s))
        .filter(|c| sel.officer.is_none_or(|o| c.handlers.contains(&o)))
        .map(|c| c.id)
        .collect();
    ids.sort_unstable();
    if let Some(n) = sel.sample {
        ids = sample(ids, n, sel.seed);
    }
    ids
}

/// `n` of `ids` drawn with `seed` (all of them when there are no more than `n`), returned
/// in their original order: the same generator and shuffle as the 双随机 draw
/// (`inspection::draw`), so one method of drawing serves both.
pub fn sample(ids: Vec<i64>, n: usize, seed: u64) -> Vec<i64> {
    use rand::seq::SliceRandom;
    use rand_chacha::rand_core::SeedableRng;
    if ids.len() <= n {
        return ids;
    }
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let mut pool = ids;
    let (chosen, _) = pool.partial_shuffle(&mut rng, n);
    let mut out = chosen.to_vec();
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sample_is_the_same_for_the_same_seed_and_differs_for_another() {
        let ids: Vec<i64> = (1..=50).collect();
        let a = sample(ids.clone(), 5, 20261203);
        assert_eq!(a, sample(ids.clone(), 5, 20261203));
        assert_eq!(a.len(), 5);
        assert!(a.windows(2).all(|w| w[0] < w[1]), "distinct, in order");
        assert_ne!(a, sample(ids.clone(), 5, 20261204));
        assert_ne!(a, (1..=5).collect::<Vec<i64>>(), "not simply the first");
        assert_eq!(sample(ids[..3].to_vec(), 5, 1), vec![1, 2, 3]);
    }

    #[test]
    fn the_seed_of_a_day_reads_as_the_date() {
        assert_eq!(
            seed_of_day(NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()),
            20261203
        );
    }
}
