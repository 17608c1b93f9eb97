//! 代履行 and 立即代履行 (行政强制法第五十条至第五十二条).

use super::*;

#[test]
fn qiangzhi_art_51_substitute_performance_without_the_demand_refused() {
    let cal = calendar();
    let mut o = obstacle();
    o.enforcement.substitute.as_mut().unwrap().demand_on = None;
    let e = substitute_performance_demand(&o, d("2026-06-10"), &cal).unwrap_err();
    assert_eq!(e.rule, "行政强制法第五十一条第一款第（二）项");
    assert!(e.message.contains("催告"), "{e:?}");
}

#[test]
fn qiangzhi_art_51_and_69_the_demand_three_working_days_before() {
    let cal = calendar();
    let o = obstacle();
    // 催告 on Thursday 2026-06-04: Friday, Monday, Tuesday — 代履行 from 2026-06-09.
    let e = substitute_performance_demand(&o, d("2026-06-08"), &cal).unwrap_err();
    assert!(e.message.contains("2026-06-09"), "{e:?}");
    assert!(substitute_performance_demand(&o, d("2026-06-09"), &cal).is_ok());
    // The party performed after the 催告: 代履行 stops.
    let mut complied = obstacle();
    complied
        .enforcement
        .substitute
        .as_mut()
        .unwrap()
        .complied_on = Some(d("2026-06-08"));
    let e = substitute_performance_demand(&complied, d("2026-06-10"), &cal).unwrap_err();
    assert!(e.message.contains("停止代履行"), "{e:?}");
}

#[test]
fn qiangzhi_art_50_51_substitute_decision_served_with_its_items_and_a_harm() {
    let cal = calendar();
    let mut unserved = obstacle();
    unserved
        .enforcement
        .substitute
        .as_mut()
        .unwrap()
        .decision
        .served_on = None;
    let e = substitute_performance_demand(&unserved, d("2026-06-10"), &cal).unwrap_err();
    assert_eq!(e.rule, "行政强制法第五十一条第一款第（一）项");
    let mut bare = obstacle();
    let dec = &mut bare.enforcement.substitute.as_mut().unwrap().decision;
    dec.performer.clear();
    dec.cost_estimate = Fen(0);
    let e = substitute_performance_demand(&bare, d("2026-06-10"), &cal).unwrap_err();
    assert!(
        e.message.contains("代履行人") && e.message.contains("费用预算"),
        "{e:?}"
    );
    let mut harmless = obstacle();
    harmless
        .enforcement
        .substitute
        .as_mut()
        .unwrap()
        .decision
        .harm = None;
    let e = substitute_performance_demand(&harmless, d("2026-06-10"), &cal).unwrap_err();
    assert_eq!(e.rule, "行政强制法第五十条");
}

#[test]
fn qiangzhi_art_51_officer_present_and_record_signed() {
    let mut d1 = day("2026-06-10", "09:00", "11:00");
    assert!(substitute_performance_recorded(&d1).is_ok());
    d1.witnesses.clear();
    let e = substitute_performance_recorded(&d1).unwrap_err();
    assert_eq!(e.rule, "行政强制法第五十一条第一款第（四）项");
    d1.party_signed = true;
    assert!(substitute_performance_recorded(&d1).is_ok());
    d1.officers.clear();
    let e = substitute_performance_recorded(&d1).unwrap_err();
    assert_eq!(e.rule, "行政强制法第五十一条第一款第（三）项");
}

#[test]
fn qiangzhi_art_52_immediate_substitute_only_for_public_spaces_and_obstacles() {
    assert!(immediate_substitute_allowed(&spill()).is_ok());
    for bad in [
        ImmediateSubstitute {
            space: PublicSpace::Other,
            ..spill()
        },
        ImmediateSubstitute {
            what: Clearable::Other,
            ..spill()
        },
        ImmediateSubstitute {
            party_unable: false,
            ..spill()
        },
    ] {
        let e = immediate_substitute_allowed(&bad).unwrap_err();
        assert_eq!(e.rule, "行政强制法第五十二条");
    }
}

#[test]
fn qiangzhi_art_52_absent_party_notified_afterwards() {
    let im = spill();
    assert!(immediate_substitute_notified(&im, d("2026-06-03")).is_ok());
    let e = immediate_substitute_notified(&im, d("2026-06-04")).unwrap_err();
    assert!(e.message.contains("事后通知书"), "{e:?}");
    let told = ImmediateSubstitute {
        notified_on: Some(d("2026-06-03")),
        ..spill()
    };
    assert!(immediate_substitute_notified(&told, d("2026-06-20")).is_ok());
    let present = ImmediateSubstitute {
        party_present: true,
        ..spill()
    };
    assert!(immediate_substitute_notified(&present, d("2026-06-20")).is_ok());
}

#[test]
fn qiangzhi_art_43_and_51_a_substitute_day_passes_every_gate_or_names_the_first_refusal() {
    let cal = calendar();
    let night = NightHours::default();
    let o = obstacle();
    let tuesday = day("2026-06-09", "09:00", "11:00");
    assert!(substitute_day_lawful(&o, &tuesday, night, &cal).is_ok());
    // Even with the 催告 long past, not on a Sunday.
    let sunday = day("2026-06-14", "09:00", "11:00");
    assert_eq!(
        substitute_day_lawful(&o, &sunday, night, &cal)
            .unwrap_err()
            .rule,
        "行政强制法第四十三条"
    );
    let unsigned = EnforcementDay {
        witnesses: vec![],
        ..tuesday
    };
    assert_eq!(
        substitute_day_lawful(&o, &unsigned, night, &cal)
            .unwrap_err()
            .rule,
        "行政强制法第五十一条第一款第（四）项"
    );
}
