//! Which backups to keep: the newest of each of the last 7 days that have one, the newest of
//! each of the last 4 ISO weeks, and the newest of each of the last 12 months.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDateTime};

/// Indexes (into `taken`) of the backups to keep.
pub fn keep(taken: &[NaiveDateTime]) -> BTreeSet<usize> {
    let mut order: Vec<usize> = (0..taken.len()).collect();
    // Newest first, so the first backup seen in a period is that period's newest.
    order.sort_by(|a, b| taken[*b].cmp(&taken[*a]));
    let mut kept = BTreeSet::new();
    let mut pick = |limit: usize, key: &dyn Fn(&NaiveDateTime) -> (i32, u32)| {
        let mut periods: Vec<(i32, u32)> = Vec::new();
        for &i in &order {
            let k = key(&taken[i]);
            if periods.contains(&k) {
                continue;
            }
            if periods.len() == limit {
                break;
            }
            periods.push(k);
            kept.insert(i);
        }
    };
    pick(7, &|t| (t.year(), t.ordinal()));
    pick(4, &|t| (t.iso_week().year(), t.iso_week().week()));
    pick(12, &|t| (t.year(), t.month()));
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(day: i64) -> NaiveDateTime {
        "2026-01-01T09:00:00".parse::<NaiveDateTime>().unwrap() + chrono::Duration::days(day)
    }

    #[test]
    fn a_year_of_daily_backups_keeps_at_most_23() {
        let taken: Vec<NaiveDateTime> = (0..365).map(at).collect();
        let kept = keep(&taken);
        assert!(kept.len() <= 7 + 4 + 12, "{}", kept.len());
        // The newest seven days are all kept.
        for d in 358..365 {
            assert!(kept.contains(&(d as usize)), "day {d}");
        }
        // The oldest is gone.
        assert!(!kept.contains(&0));
    }

    #[test]
    fn two_backups_on_one_day_keep_the_newer() {
        let taken = vec![at(0), at(0) + chrono::Duration::hours(5)];
        let kept = keep(&taken);
        assert!(kept.contains(&1));
        assert!(!kept.contains(&0) || kept.len() == 2);
    }

    proptest! {
        #[test]
        fn the_newest_backup_is_always_kept(days in proptest::collection::vec(0i64..800, 1..60)) {
            let taken: Vec<NaiveDateTime> = days.iter().map(|d| at(*d)).collect();
            let kept = keep(&taken);
            let newest = *taken.iter().max().unwrap();
            prop_assert!(kept.iter().any(|i| taken[*i] == newest));
            prop_assert!(kept.len() <= 23);
        }
    }
}
