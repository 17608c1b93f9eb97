//! Fine ranges, hearing right and 加处罚款.

use super::*;
use crate::case::action::Action;
use crate::case::fixtures::*;
use crate::case::model::{PaymentMethod, RemedyKind, RemedyResult, ServedDoc};

#[test]
fn art_34_range_narrows_to_the_chosen_tier() {
    let p = straw_power().power;
    let all = allowed_fine_range(&p, PartyType::Individual, None, false, None, None);
    assert!(all.is_err(), "a published benchmark needs a tier");
    let r = allowed_fine_range(
        &p,
        PartyType::Individual,
        Some(TierName::Minor),
        false,
        None,
        None,
    )
    .unwrap();
    assert_eq!(r, (Fen::from_yuan(500), Fen::from_yuan(1000)));
}

#[test]
fn art_32_mitigation_goes_below_the_minimum() {
    let p = straw_power().power;
    let r = allowed_fine_range(
        &p,
        PartyType::Individual,
        Some(TierName::Mitigated),
        false,
        None,
        None,
    )
    .unwrap();
    assert_eq!(r, (Fen(0), Fen::from_yuan(500)));
}

#[test]
fn multiples_use_the_base_amount() {
    let catalog = crate::assets::catalog_template().unwrap();
    let p = catalog.powers.iter().find(|p| p.code == "GH-001").unwrap();
    // 城乡规划法 Art 64: 5%–10% of the construction cost.
    let e = allowed_fine_range(
        p,
        PartyType::Individual,
        Some(TierName::Ordinary),
        false,
        None,
        None,
    );
    assert!(e.unwrap_err().message.contains("建设工程造价"));
    let base = Fen::from_yuan(100_000);
    let (min, max) = allowed_fine_range(
        p,
        PartyType::Individual,
        Some(TierName::Ordinary),
        false,
        Some(base),
        None,
    )
    .unwrap();
    assert!(
        min >= Fen::from_yuan(5_000) && max <= Fen::from_yuan(10_000),
        "{min} {max}"
    );
}

#[test]
fn local_amounts_cannot_be_fined_until_the_catalog_has_them() {
    let catalog = crate::assets::catalog_template().unwrap();
    let p = catalog
        .powers
        .iter()
        .find(|p| p.statutory.kind == StatutoryKind::Local)
        .unwrap();
    let e = allowed_fine_range(p, PartyType::Individual, None, false, None, None).unwrap_err();
    assert!(e.message.contains("地方性法规"));
}

#[test]
fn art_63_hearing_right_by_threshold_and_kind() {
    let s = ProcedureSettings::default();
    assert!(!hearing_right(
        &[PenaltyKind::Fine],
        Fen::from_yuan(1999),
        Fen(0),
        PartyType::Individual,
        &s
    ));
    assert!(hearing_right(
        &[PenaltyKind::Fine],
        Fen::from_yuan(2000),
        Fen(0),
        PartyType::Individual,
        &s
    ));
    assert!(!hearing_right(
        &[PenaltyKind::Fine],
        Fen::from_yuan(2000),
        Fen(0),
        PartyType::Organisation,
        &s
    ));
    assert!(hearing_right(
        &[PenaltyKind::SuspendBusiness],
        Fen(0),
        Fen(0),
        PartyType::Organisation,
        &s
    ));
}

fn served_case(w: &World) -> crate::case::model::Case {
    let c = notified(w, 1000);
    let c = w.step(&c, SUN, decide("2026-06-24", 1000));
    w.step(&c, ZHANG, serve(ServedDoc::Decision, "2026-06-25")) // due 07-10
}

#[test]
fn art_72_surcharge_three_percent_a_day_capped_at_the_fine() {
    let w = World::new();
    let c = served_case(&w);
    let due = d("2026-07-10");
    assert_eq!(surcharge(&c, due, d("2026-07-10")), Fen(0));
    assert_eq!(surcharge(&c, due, d("2026-07-11")), Fen::from_yuan(30));
    assert_eq!(surcharge(&c, due, d("2026-07-20")), Fen::from_yuan(300));
    // 34 days → 1020 yuan, capped at the 1000-yuan fine.
    assert_eq!(surcharge(&c, due, d("2026-08-13")), Fen::from_yuan(1000));
}

#[test]
fn art_73_no_surcharge_while_a_remedy_is_pending() {
    let w = World::new();
    let c = served_case(&w);
    let c = w.step(
        &c,
        ZHANG,
        Action::RemedyStarted {
            kind: RemedyKind::Reconsideration,
            date: d("2026-07-05"),
        },
    );
    assert_eq!(surcharge(&c, d("2026-07-10"), d("2026-07-20")), Fen(0));
    let c = w.step(
        &c,
        ZHANG,
        Action::RemedyEnded {
            kind: RemedyKind::Reconsideration,
            date: d("2026-07-15"),
            result: RemedyResult::Upheld,
            changed_fine: None,
        },
    );
    // Days 07-16 .. 07-20 count: 5 days → 150 yuan.
    assert_eq!(
        surcharge(&c, d("2026-07-10"), d("2026-07-20")),
        Fen::from_yuan(150)
    );
}

#[test]
fn partial_payment_reduces_the_base() {
    let w = World::new();
    let c = served_case(&w);
    let c = w.step(
        &c,
        ZHANG,
        Action::Pay {
            date: d("2026-07-08"),
            amount: Fen::from_yuan(500),
            method: PaymentMethod::Bank,
            receipt_no: String::new(),
            cash_ground: None,
        },
    );
    assert_eq!(
        surcharge(&c, d("2026-07-10"), d("2026-07-11")),
        Fen::from_yuan(15)
    );
}

proptest::proptest! {
    #[test]
    fn surcharge_never_exceeds_the_fine(days in 0i64..400) {
        let w = World::new();
        let c = served_case(&w);
        let s = surcharge(&c, d("2026-07-10"), d("2026-07-10") + chrono::Duration::days(days));
        proptest::prop_assert!(s <= c.fine_due());
        proptest::prop_assert!(s.0 >= 0);
    }
}
