//! Demo team-leader data: a season of patrols typed by hand before the inspection records
//! were kept, and review rounds on a few finished cases (one with a manual deduction).
use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};

use crate::desk::{Desk, DeskError, NewPatrol};
use crate::domain::case::Stage;
use crate::domain::patrol::PatrolOutcome;
use crate::domain::review::sheet;
use crate::store::StoreError;

/// A desk refusal while building the demo, as the builder reports errors.
fn refused(e: DeskError) -> StoreError {
    match e {
        DeskError::Store(e) => e,
        other => StoreError::Rule(other.to_string()),
    }
}

const PLACES: [&str; 6] = [
    "合隆镇主街",
    "陈家店村",
    "东岗村",
    "合隆镇农贸市场",
    "新立村",
    "合隆镇火车站广场",
];

pub(super) fn add(desk: &mut Desk, today: NaiveDate) -> Result<(), StoreError> {
    let users = desk.store().users()?;
    let handlers: Vec<_> = users
        .values()
        .filter(|u| u.cert_no.is_some() && u.active)
        .cloned()
        .collect();
    if handlers.len() < 2 {
        return Ok(());
    }
    use PatrolOutcome::*;
    // The hand-typed log from before the inspection records were kept (those reach back a
    // year, src/demo/intake.rs): what it typed counts where no record does.
    for i in 0..24u64 {
        let date = today
            .checked_sub_days(Days::new(370 + i * 5))
            .unwrap_or(today);
        let a = &handlers[(i as usize * 2) % handlers.len()];
        let b = &handlers[(i as usize * 2 + 1) % handlers.len()];
        let mut outcomes = BTreeMap::new();
        match i % 4 {
            0 => {
                outcomes.insert(SeizedItems, (i % 5 + 1) as u32);
                outcomes.insert(Persuaded, 3);
            }
            1 => {
                outcomes.insert(DemolishedBuildings, 1);
                outcomes.insert(DemolishedArea, (20 + i * 3) as u32);
            }
            2 => {
                outcomes.insert(AbandonedVehicles, 1);
                outcomes.insert(RemovedSigns, 2);
            }
            _ => {
                outcomes.insert(RegulatedSigns, 4);
                outcomes.insert(MunicipalFixes, 1);
            }
        }
        // Through the desk, as the CLI and the UI record one (the recorder's squad).
        let p = NewPatrol {
            date,
            place: PLACES[i as usize % PLACES.len()].into(),
            officers: vec![b.id],
            outcomes,
            note: String::new(),
        };
        desk.add_patrol(&p, a, today).map_err(refused)?;
    }
    let Some(reviewer) = users
        .values()
        .find(|u| u.legal_qualified && crate::desk::may_review(u).is_ok())
        .cloned()
    else {
        return Ok(());
    };
    let sh = sheet::Sheet::default_sheet();
    let done: Vec<_> = desk
        .store()
        .all_cases()?
        .into_iter()
        .filter(|c| c.stage >= Stage::Closed)
        .take(3)
        .collect();
    for (n, c) in done.iter().enumerate() {
        let manual = if n == 0 {
            sheet::manual_deduction(&sh, "卷面", "0.5", "卷内目录页码不连续")
                .into_iter()
                .collect()
        } else {
            Vec::new()
        };
        desk.review_case(c.id, &manual, today, &reviewer)
            .map_err(refused)?;
    }
    Ok(())
}
