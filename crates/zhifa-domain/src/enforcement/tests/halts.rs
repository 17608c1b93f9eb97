//! 执行协议, 中止 and 终结 (行政强制法第三十九条、第四十条、第四十二条).

use super::*;

#[test]
fn qiangzhi_art_42_agreement_waits_until_broken() {
    let agreement = EnforcementAgreement {
        date: d("2026-09-01"),
        terms: "当事人于9月20日前自行拆除二层，10月20日前拆除一层".into(),
        stages: vec![(d("2026-09-20"), "拆除二层".into())],
        no_harm_to_public_or_others: true,
        breached_on: None,
        fulfilled_on: None,
    };
    assert!(agreement_allowed(&agreement).is_ok());
    let harmful = EnforcementAgreement {
        no_harm_to_public_or_others: false,
        ..agreement.clone()
    };
    assert_eq!(
        agreement_allowed(&harmful).unwrap_err().rule,
        "行政强制法第四十二条第一款"
    );
    let mut o = village_house();
    o.enforcement.agreement = Some(agreement);
    let e = no_enforcement_under_agreement(&o, d("2026-09-21")).unwrap_err();
    assert_eq!(e.rule, "行政强制法第四十二条第二款");
    o.enforcement.agreement.as_mut().unwrap().breached_on = Some(d("2026-09-21"));
    assert!(no_enforcement_under_agreement(&o, d("2026-09-21")).is_ok());
}

#[test]
fn qiangzhi_art_39_40_suspended_or_terminated_enforcement_halts() {
    let mut o = village_house();
    let s = Suspension {
        date: d("2026-09-04"),
        ground: SuspensionGround::ThirdPartyClaim,
        reason: "其兄主张房屋共有，确有理由".into(),
        resumed_on: None,
    };
    assert!(suspension_recorded(&s).is_ok());
    assert!(suspension_recorded(&Suspension {
        reason: String::new(),
        ..s.clone()
    })
    .is_err());
    o.enforcement.suspension = Some(s);
    assert!(enforcement_not_halted(&o, d("2026-09-03")).is_ok());
    let e = enforcement_not_halted(&o, d("2026-09-10")).unwrap_err();
    assert_eq!(e.rule, "行政强制法第三十九条第二款");
    o.enforcement.suspension.as_mut().unwrap().resumed_on = Some(d("2026-09-15"));
    assert!(enforcement_not_halted(&o, d("2026-09-15")).is_ok());
    o.enforcement.termination = Some(Termination {
        date: d("2026-09-20"),
        ground: TerminationGround::ObjectGone,
        reason: "房屋因暴雨倒塌".into(),
    });
    let e = enforcement_not_halted(&o, d("2026-09-21")).unwrap_err();
    assert_eq!(e.rule, "行政强制法第四十条");
}

#[test]
fn qiangzhi_art_39_2_no_further_enforcement_only_after_three_years_suspended() {
    let mut o = village_house();
    o.enforcement.suspension = Some(Suspension {
        date: d("2026-09-04"),
        ground: SuspensionGround::UnableToPerform,
        reason: "当事人重病，暂无履行能力".into(),
        resumed_on: None,
    });
    let early = Termination {
        date: d("2029-09-03"),
        ground: TerminationGround::SuspendedThreeYears,
        reason: "中止满三年".into(),
    };
    assert_eq!(
        termination_allowed(&o, &early).unwrap_err().rule,
        "行政强制法第三十九条第二款"
    );
    let due = Termination {
        date: d("2029-09-04"),
        ..early
    };
    assert!(termination_allowed(&o, &due).is_ok());
    let unexplained = Termination {
        reason: String::new(),
        ground: TerminationGround::ObjectGone,
        ..due
    };
    assert_eq!(
        termination_allowed(&o, &unexplained).unwrap_err().rule,
        "行政强制法第四十条"
    );
}
