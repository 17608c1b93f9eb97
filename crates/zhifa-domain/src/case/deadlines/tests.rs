//! One test per deadline rule, on the 2025/2026 working-day calendar.

use super::*;
use crate::case::action::Action;
use crate::case::fixtures::*;

fn find(ds: &[Deadline], kind: DeadlineKind) -> &Deadline {
    ds.iter()
        .find(|d| d.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} in {ds:#?}"))
}

fn filed_on(w: &World, date: &str) -> Case {
    let mut new = new_case("2026-09-01");
    new.proposed_on = d("2026-09-01");
    let c = workflow_propose(w, new);
    w.step(
        &c,
        SUN,
        Action::ApproveFiling {
            date: d(date),
            agree: true,
            opinion: "同意".into(),
        },
    )
}

fn workflow_propose(w: &World, new: crate::case::NewCase) -> Case {
    crate::case::workflow::propose(new, Some(straw_power()), "HJ-001", w.u(ZHANG), &w.ctx())
        .unwrap()
}

#[test]
fn art_56_preservation_decided_within_7_working_days_across_national_day() {
    let mut w = World::new();
    w.today = d("2026-10-09");
    let c = filed_on(&w, "2026-09-25");
    let c = w.step(
        &c,
        SUN,
        Action::Preserve {
            date: d("2026-09-28"),
            items: "焚烧工具一批".into(),
        },
    );
    let ds = compute(&c, &w.calendar, &w.settings, w.today);
    let p = find(&ds, DeadlineKind::Preservation);
    assert_eq!(p.due, Some(d("2026-10-13")));
    // 10-09 → 10-13 is 3 working days (10-10 调休, 10-12, 10-13): due soon.
    assert_eq!(p.status, DeadlineStatus::DueSoon);
    w.today = d("2026-10-14");
    let c = w.step(
        &c,
        ZHANG,
        Action::DecidePreservation {
            index: 0,
            date: d("2026-10-14"),
            decision: "予以没收".into(),
        },
    );
    let ds = compute(&c, &w.calendar, &w.settings, w.today);
    assert_eq!(
        find(&ds, DeadlineKind::Preservation).status,
        DeadlineStatus::Met {
            on: d("2026-10-14"),
            late: true
        }
    );
}

#[test]
fn qiangzhi_art_25_seizure_period_excludes_test_time() {
    let mut w = World::new();
    w.today = d("2026-09-30");
    let c = filed_on(&w, "2026-09-02");
    let c = w.step(
        &c,
        SUN,
        Action::Seize {
            date: d("2026-09-03"),
            items: "燃烧物".into(),
            days: 30,
        },
    );
    let ds = compute(&c, &w.calendar, &w.settings, w.today);
    // 09-03 + 30 = 10-03, a holiday → 10-08.
    assert_eq!(find(&ds, DeadlineKind::Seizure).due, Some(d("2026-10-08")));
    let c = w.step(&c, ZHANG, Action::ExcludeSeizureDays { index: 0, days: 10 });
    let ds = compute(&c, &w.calendar, &w.settings, w.today);
    // 09-03 + 40 = 10-13.
    assert_eq!(find(&ds, DeadlineKind::Seizure).due, Some(d("2026-10-13")));
}

#[test]
fn art_60_decision_due_90_days_after_filing() {
    let w = World::new();
    let c = notified(&w, 1000); // filed 06-04
    let ds = compute(&c, &w.calendar, &w.settings, d("2026-08-01"));
    let dec = find(&ds, DeadlineKind::Decision);
    assert_eq!(dec.due, Some(d("2026-09-02")));
    assert_eq!(dec.status, DeadlineStatus::Pending);
    let ds = compute(&c, &w.calendar, &w.settings, d("2026-09-03"));
    assert_eq!(
        find(&ds, DeadlineKind::Decision).status,
        DeadlineStatus::Overdue
    );
}

#[test]
fn art_61_service_within_7_working_days_and_art_67_payment_in_15_days() {
    let w = World::new();
    let c = notified(&w, 1000);
    let c = w.step(&c, SUN, decide("2026-06-24", 1000));
    let ds = compute(&c, &w.calendar, &w.settings, d("2026-06-25"));
    // 06-24 + 7 WD = 07-03.
    assert_eq!(find(&ds, DeadlineKind::Service).due, Some(d("2026-07-03")));
    let c = w.step(
        &c,
        ZHANG,
        serve(crate::case::ServedDoc::Decision, "2026-06-25"),
    );
    let ds = compute(&c, &w.calendar, &w.settings, d("2026-06-26"));
    assert_eq!(
        find(&ds, DeadlineKind::Service).status,
        DeadlineStatus::Met {
            on: d("2026-06-25"),
            late: false
        }
    );
    assert_eq!(find(&ds, DeadlineKind::Payment).due, Some(d("2026-07-10")));
}

#[test]
fn art_64_statement_and_hearing_request_periods() {
    let w = World::new();
    let c = notified(&w, 2000); // served 06-15; hearing right
    let ds = compute(&c, &w.calendar, &w.settings, d("2026-06-16"));
    assert_eq!(
        find(&ds, DeadlineKind::HearingRequest).due,
        Some(d("2026-06-23"))
    );
    assert_eq!(
        find(&ds, DeadlineKind::Statement).due,
        Some(d("2026-06-23"))
    );
    assert!(find(&ds, DeadlineKind::Statement).status.is_open());
}

#[test]
fn art_48_publication_deadline_when_required() {
    let w = World::new();
    let c = notified(&w, 1000);
    let mut a = decide("2026-06-24", 1000);
    if let Action::Decide { publish, .. } = &mut a {
        *publish = true;
    }
    let c = w.step(&c, SUN, a);
    let ds = compute(&c, &w.calendar, &w.settings, d("2026-06-25"));
    // 20 working days after 06-24 → 07-22.
    assert_eq!(
        find(&ds, DeadlineKind::Publication).due,
        Some(d("2026-07-22"))
    );
}

#[test]
fn a_missing_holiday_table_gives_an_estimate_never_a_final_date() {
    // Issue 15 item 21: filed 2026-11-02, 90 days (行政处罚法 Art 60) → 2027-01-31 (Sun);
    // with no 2027 notice the final date is not guessed, but weekends and the statutory
    // holidays of 全国年节及纪念日放假办法 give the estimate 2027-02-01.
    let w = World::new();
    let c = filed_on(&w, "2026-11-02");
    let ds = compute(&c, &w.calendar, &w.settings, d("2026-11-20"));
    let decision = find(&ds, DeadlineKind::Decision);
    assert_eq!(decision.due, None, "no final date without the notice");
    // Lists show and sort by the estimate; its state says it is one.
    assert_eq!(decision.shown_due(), Some(d("2027-02-01")));
    assert_eq!(
        decision.status,
        DeadlineStatus::Estimated {
            estimate: d("2027-02-01"),
            year: 2027
        }
    );
    assert_eq!(
        decision.status.describe(),
        "预计 2027-02-01（待国务院公布 2027 年放假安排后确定）"
    );
    assert!(decision.status.is_open());
    // Once the notice is imported the date is final.
    let mut cal = w.calendar.clone();
    cal.insert(&crate::holiday_table::HolidayYear {
        year: 2027,
        source: "test".into(),
        holidays: vec![],
    });
    let ds = compute(&c, &cal, &w.settings, d("2026-11-20"));
    assert_eq!(find(&ds, DeadlineKind::Decision).due, Some(d("2027-02-01")));
    assert_eq!(
        find(&ds, DeadlineKind::Decision).status,
        DeadlineStatus::Pending
    );
}

#[test]
fn a_met_deadline_or_an_archived_case_never_shows_a_calendar_error() {
    let w = World::new();
    let c = notified(&w, 1000);
    let mut c = w.step(&c, SUN, decide("2026-06-24", 1000));
    // Filed so that the 90 days end in 2027, decided in time.
    c.filing.as_mut().unwrap().date = d("2026-11-02");
    c.decision.as_mut().unwrap().date = d("2026-12-01");
    let ds = compute(&c, &w.calendar, &w.settings, d("2026-12-02"));
    assert!(ds
        .iter()
        .all(|d| !matches!(d.status, DeadlineStatus::Unknown { .. })));
    assert_eq!(
        find(&ds, DeadlineKind::Decision).status,
        DeadlineStatus::Met {
            on: d("2026-12-01"),
            late: false
        }
    );
    let mut archived = filed_on(&w, "2026-11-02");
    archived.stage = crate::case::Stage::Archived;
    let ds = compute(&archived, &w.calendar, &w.settings, d("2026-12-02"));
    assert!(
        ds.iter().all(|d| d.kind != DeadlineKind::Decision),
        "{ds:?}"
    );
}
