//! One test per gate of non-monetary enforcement, passing and refusing; names cite the
//! article of 行政强制法 (verified against /work/shared/laws/行政强制法(2011-06-30).md).

use chrono::NaiveTime;

use super::*;
use crate::calendar::Period;
use crate::case::fixtures::{calendar, d};
use crate::case::model::{Remedy, RemedyKind, ServiceMethod};
use crate::catalog::Provision;
use crate::money::Fen;

fn t(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").unwrap()
}

/// 城乡规划法第六十五条: the township orders correction and may demolish itself.
fn planning_65() -> Provision {
    Provision {
        law: "城乡规划法".into(),
        version: d("2019-04-23"),
        in_force: None,
        article: 65,
        paragraph: None,
        item: None,
    }
}

fn demand(date: &str, served: &str, deadline: &str) -> EnforcementDemand {
    EnforcementDemand {
        date: d(date),
        served_on: Some(d(served)),
        deadline: d(deadline),
        way: "自行拆除违法建设".into(),
        states_statement_right: true,
    }
}

fn decision(date: &str, served: &str) -> EnforcementDecision {
    EnforcementDecision {
        date: d(date),
        party_name: "赵六".into(),
        party_address: "合隆镇东村12号".into(),
        reasons_and_basis: "逾期未拆除；城乡规划法第六十五条、行政强制法第三十七条".into(),
        way_and_time: "2026年9月3日起强制拆除".into(),
        remedies: "六十日内申请行政复议或六个月内提起行政诉讼".into(),
        agency: "合隆镇人民政府".into(),
        sealed: true,
        served_on: Some(d(served)),
        service_method: Some(ServiceMethod::Direct),
    }
}

/// A village house ordered demolished, served 2026-03-02 (its remedy periods end on
/// 2026-09-02, six months later), 催告 and decision served, 公告 of ten days given.
fn village_house() -> DutyOrder {
    DutyOrder {
        kind: DutyKind::Demolish,
        obligation: "拆除未取得乡村建设规划许可证建设的二层砖房".into(),
        issued_on: d("2026-03-02"),
        served_on: Some(d("2026-03-02")),
        deadline: d("2026-03-16"),
        basis: planning_65(),
        power: EnforcementPower::SelfEnforce,
        direct_suit: true,
        remedies: vec![],
        complied_on: None,
        enforcement: Enforcement {
            demand: Some(demand("2026-03-20", "2026-03-20", "2026-03-30")),
            decision: Some(decision("2026-04-01", "2026-04-01")),
            public_notice: Some(DemolitionNotice {
                date: d("2026-04-02"),
                period: Period::Days(10),
                place: "东村村委会公告栏及现场".into(),
            }),
            ..Enforcement::default()
        },
    }
}

fn day(date: &str, start: &str, end: &str) -> EnforcementDay {
    EnforcementDay {
        date: d(date),
        start: t(start),
        end: t(end),
        officers: vec![1, 2],
        performer: "合隆镇综合行政执法队".into(),
        witnesses: vec!["东村村委会 孙七".into()],
        removed: "二层砖房一处（约80平方米）".into(),
        attachments: vec![],
        party_signed: false,
        emergency: None,
        completed: true,
    }
}

#[test]
fn qiangzhi_art_43_enforcement_on_a_sunday_or_during_guoqing_refused() {
    let cal = calendar();
    let night = NightHours::default();
    let sunday = day("2026-06-07", "09:00", "12:00");
    let e = not_at_night_or_on_holidays(&sunday, night, &cal).unwrap_err();
    assert_eq!(e.rule, "行政强制法第四十三条");
    assert!(e.message.contains("休息日"), "{e:?}");
    let guoqing = day("2026-10-05", "09:00", "12:00");
    let e = not_at_night_or_on_holidays(&guoqing, night, &cal).unwrap_err();
    assert!(e.message.contains("国庆节"), "{e:?}");
    // A working day passes; so does the 调休 Saturday worked after 国庆.
    assert!(not_at_night_or_on_holidays(&day("2026-09-03", "09:00", "17:00"), night, &cal).is_ok());
    assert!(not_at_night_or_on_holidays(&day("2026-10-10", "09:00", "17:00"), night, &cal).is_ok());
    // An emergency recorded lifts the bar (第四十三条第一款但书).
    let urgent = EnforcementDay {
        emergency: Some("违法建筑倒塌危及行人".into()),
        ..sunday
    };
    assert!(not_at_night_or_on_holidays(&urgent, night, &cal).is_ok());
}

#[test]
fn qiangzhi_art_43_no_enforcement_at_night_hours_configurable() {
    let cal = calendar();
    let night = NightHours::default();
    for (start, end) in [("21:00", "22:30"), ("05:00", "08:00"), ("20:00", "01:00")] {
        let e =
            not_at_night_or_on_holidays(&day("2026-09-03", start, end), night, &cal).unwrap_err();
        assert!(e.message.contains("夜间"), "{start}–{end}: {e:?}");
    }
    assert!(not_at_night_or_on_holidays(&day("2026-09-03", "06:00", "22:00"), night, &cal).is_ok());
    // A team that counts night from 20:00 to 07:00.
    let strict = NightHours {
        starts: t("20:00"),
        ends: t("07:00"),
    };
    assert!(
        not_at_night_or_on_holidays(&day("2026-09-03", "19:00", "20:30"), strict, &cal).is_err()
    );
    assert!(
        not_at_night_or_on_holidays(&day("2026-09-03", "06:30", "09:00"), strict, &cal).is_err()
    );
    assert!(
        not_at_night_or_on_holidays(&day("2026-09-03", "07:00", "20:00"), strict, &cal).is_ok()
    );
}

#[test]
fn qiangzhi_art_44_demolition_before_the_remedy_periods_end_refused() {
    let cal = calendar();
    let o = village_house();
    // Six months from service on 2026-03-02 end on 2026-09-02.
    let e = demolition_after_remedies(&o, d("2026-09-02"), &cal).unwrap_err();
    assert_eq!(e.rule, "行政强制法第四十四条");
    assert!(e.message.contains("2026-09-02"), "{e:?}");
    assert!(demolition_after_remedies(&o, d("2026-05-06"), &cal).is_err());
    assert!(demolition_after_remedies(&o, d("2026-09-03"), &cal).is_ok());
    // A lawsuit pending bars it, whatever the date.
    let mut sued = village_house();
    sued.remedies.push(Remedy {
        kind: RemedyKind::Litigation,
        started_on: d("2026-08-01"),
        ended_on: None,
        result: None,
        changed_fine: None,
    });
    let e = demolition_after_remedies(&sued, d("2026-10-12"), &cal).unwrap_err();
    assert!(e.message.contains("尚未终结"), "{e:?}");
    // After a 复议 ended late, the 15 days to sue run past the six months.
    let mut reconsidered = village_house();
    reconsidered.remedies.push(Remedy {
        kind: RemedyKind::Reconsideration,
        started_on: d("2026-04-20"),
        ended_on: Some(d("2026-08-31")),
        result: None,
        changed_fine: None,
    });
    assert!(demolition_after_remedies(&reconsidered, d("2026-09-15"), &cal).is_err());
    assert!(demolition_after_remedies(&reconsidered, d("2026-09-16"), &cal).is_ok());
}

#[test]
fn qiangzhi_art_44_demolition_needs_a_public_notice_and_its_period() {
    let cal = calendar();
    let mut o = village_house();
    o.enforcement.public_notice = None;
    let e = demolition_after_remedies(&o, d("2026-09-03"), &cal).unwrap_err();
    assert!(e.message.contains("公告"), "{e:?}");
    let mut late = village_house();
    late.enforcement.public_notice = Some(DemolitionNotice {
        date: d("2026-09-01"),
        period: Period::Days(10),
        place: "现场".into(),
    });
    // The ten days end on 2026-09-11.
    assert!(demolition_after_remedies(&late, d("2026-09-11"), &cal).is_err());
    assert!(demolition_after_remedies(&late, d("2026-09-14"), &cal).is_ok());
    // An order that demolishes nothing needs neither.
    let restore = DutyOrder {
        kind: DutyKind::Restore,
        ..o
    };
    assert!(demolition_after_remedies(&restore, d("2026-04-10"), &cal).is_ok());
}

#[test]
fn qiangzhi_art_35_demand_served_and_passed_before_the_decision() {
    let o = village_house();
    assert!(demand_before_enforcement(&o, d("2026-03-31")).is_ok());
    let e = demand_before_enforcement(&o, d("2026-03-30")).unwrap_err();
    assert_eq!(e.rule, "行政强制法第三十七条第一款");
    let mut none = village_house();
    none.enforcement.demand = None;
    let e = demand_before_enforcement(&none, d("2026-04-01")).unwrap_err();
    assert_eq!(e.rule, "行政强制法第三十五条");
    let mut unserved = village_house();
    unserved.enforcement.demand.as_mut().unwrap().served_on = None;
    let e = demand_before_enforcement(&unserved, d("2026-04-01")).unwrap_err();
    assert_eq!(e.rule, "行政强制法第三十八条");
    let mut silent = village_house();
    silent
        .enforcement
        .demand
        .as_mut()
        .unwrap()
        .states_statement_right = false;
    assert!(demand_before_enforcement(&silent, d("2026-04-01")).is_err());
    let mut done = village_house();
    done.complied_on = Some(d("2026-03-28"));
    assert!(demand_before_enforcement(&done, d("2026-04-01")).is_err());
}

#[test]
fn qiangzhi_art_36_statements_recorded_and_reviewed() {
    let mut o = village_house();
    o.enforcement.statements.push(EnforcementStatement {
        date: d("2026-03-25"),
        summary: "房屋系自住，请求宽限".into(),
        reviewed_on: None,
        review: String::new(),
        adopted: false,
    });
    let e = statement_heard(&o, d("2026-04-01")).unwrap_err();
    assert_eq!(e.rule, "行政强制法第三十六条");
    let s = &mut o.enforcement.statements[0];
    s.reviewed_on = Some(d("2026-03-27"));
    s.review = "未提出新的事实和证据，不予采纳".into();
    assert!(statement_heard(&o, d("2026-04-01")).is_ok());
    o.enforcement.statements[0].adopted = true;
    assert!(statement_heard(&o, d("2026-04-01")).is_err());
}

#[test]
fn qiangzhi_art_37_decision_states_every_required_item() {
    let full = decision("2026-04-01", "2026-04-01");
    assert!(enforcement_decision_contents(&full).is_ok());
    let bare = EnforcementDecision {
        remedies: String::new(),
        party_address: " ".into(),
        sealed: false,
        ..full
    };
    let e = enforcement_decision_contents(&bare).unwrap_err();
    assert_eq!(e.rule, "行政强制法第三十七条第二款");
    for item in ["地址", "申请行政复议或者提起行政诉讼的途径和期限", "印章"]
    {
        assert!(e.message.contains(item), "{item}: {e:?}");
    }
}

#[test]
fn qiangzhi_art_38_decision_served_before_enforcing() {
    let o = village_house();
    assert!(decision_served_before_enforcing(&o, d("2026-04-01")).is_ok());
    assert!(decision_served_before_enforcing(&o, d("2026-03-31")).is_err());
    let mut unserved = village_house();
    unserved.enforcement.decision.as_mut().unwrap().served_on = None;
    let e = decision_served_before_enforcing(&unserved, d("2026-09-03")).unwrap_err();
    assert_eq!(e.rule, "行政强制法第三十八条");
}

/// An obstacle on a village road: 代履行 decided on 2026-06-01 and served, planned for
/// 2026-06-10.
fn obstacle() -> DutyOrder {
    let mut o = village_house();
    o.kind = DutyKind::ClearObstacle;
    o.obligation = "清除堆放在村道上的建筑材料".into();
    o.enforcement.public_notice = None;
    o.enforcement.decision = None;
    o.enforcement.substitute = Some(SubstitutePerformance {
        decision: SubstituteDecision {
            date: d("2026-06-01"),
            party_name: "赵六".into(),
            party_address: "合隆镇东村12号".into(),
            reasons_and_basis: "逾期未清除，危害交通安全；行政强制法第五十条".into(),
            way_and_time: "2026年6月10日由保洁公司清运".into(),
            planned_on: d("2026-06-10"),
            object: "村道上的砂石约5立方米".into(),
            cost_estimate: Fen::from_yuan(800),
            performer: "合隆镇环卫保洁公司".into(),
            harm: Some(SubstituteHarm::TrafficSafety),
            served_on: Some(d("2026-06-01")),
        },
        demand_on: Some(d("2026-06-04")),
        complied_on: None,
        cost: None,
    });
    o
}

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

fn spill() -> ImmediateSubstitute {
    ImmediateSubstitute {
        date: d("2026-06-03"),
        space: PublicSpace::Road,
        what: Clearable::Spill,
        description: "运输车辆遗洒的渣土".into(),
        party_unable: true,
        party_present: false,
        notified_on: None,
    }
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

#[test]
fn qiangzhi_art_13_without_the_power_only_the_court_enforces() {
    let cal = calendar();
    let mut o = village_house();
    assert!(enforcement_day_lawful(
        &o,
        &day("2026-09-03", "09:00", "17:00"),
        NightHours::default(),
        &cal
    )
    .is_ok());
    o.power = EnforcementPower::ApplyToCourt;
    let e = enforcement_day_lawful(
        &o,
        &day("2026-09-03", "09:00", "17:00"),
        NightHours::default(),
        &cal,
    )
    .unwrap_err();
    assert_eq!(e.rule, "行政强制法第十三条第二款");
    assert_eq!(
        earliest_enforcement_day(&o, &cal).unwrap_err().rule,
        "行政强制法第十三条第二款"
    );
}

#[test]
fn earliest_day_for_a_demolition_is_after_the_remedy_periods() {
    let cal = calendar();
    let e = earliest_enforcement_day(&village_house(), &cal)
        .unwrap()
        .unwrap();
    assert_eq!(e.date, d("2026-09-03"));
    assert_eq!(e.rule, "行政强制法第四十四条");
    assert!(e.why.contains("2026-09-02"), "{e:?}");
    // The earliest day passes every gate; the day before does not.
    let o = village_house();
    let night = NightHours::default();
    assert!(enforcement_day_lawful(&o, &day("2026-09-03", "08:00", "17:00"), night, &cal).is_ok());
    assert!(enforcement_day_lawful(&o, &day("2026-09-02", "08:00", "17:00"), night, &cal).is_err());
    // Without a 催告 there is no day yet, and the reason says why.
    let mut o = village_house();
    o.enforcement.demand = None;
    assert_eq!(
        earliest_enforcement_day(&o, &cal).unwrap_err().rule,
        "行政强制法第三十五条"
    );
    // Done: nothing left to enforce.
    let mut done = village_house();
    done.complied_on = Some(d("2026-04-05"));
    assert_eq!(earliest_enforcement_day(&done, &cal).unwrap(), None);
}

#[test]
fn earliest_day_rolls_past_rest_days_and_counts_the_substitute_demand_in_working_days() {
    let cal = calendar();
    // A restoration decision served on a Saturday: the Monday after (第四十三条).
    let mut o = village_house();
    o.kind = DutyKind::Restore;
    o.enforcement.public_notice = None;
    o.enforcement.decision = Some(decision("2026-06-05", "2026-06-06"));
    o.enforcement.demand = Some(demand("2026-05-20", "2026-05-20", "2026-06-03"));
    let e = earliest_enforcement_day(&o, &cal).unwrap().unwrap();
    assert_eq!((e.date, e.rule), (d("2026-06-08"), "行政强制法第四十三条"));
    // A 代履行 催告 on Monday 2026-09-28: 9-29, 9-30, then 国庆 — 10-08 is the third.
    let mut sub = obstacle();
    sub.enforcement.substitute.as_mut().unwrap().demand_on = Some(d("2026-09-28"));
    sub.enforcement
        .substitute
        .as_mut()
        .unwrap()
        .decision
        .served_on = Some(d("2026-09-25"));
    let e = earliest_enforcement_day(&sub, &cal).unwrap().unwrap();
    assert_eq!(
        (e.date, e.rule),
        (d("2026-10-08"), "行政强制法第五十一条第一款第（二）项")
    );
}

#[test]
fn due_dates_for_the_desk() {
    let cal = calendar();
    let o = village_house();
    assert_eq!(correction_due(&o), Some(d("2026-03-16")));
    // Ten days from 2026-04-02 end on Sunday 04-12, moved to Monday 04-13.
    assert_eq!(notice_period_end(&o, &cal).unwrap(), Some(d("2026-04-13")));
    let mut sub = obstacle();
    sub.enforcement.substitute.as_mut().unwrap().demand_on = None;
    // 代履行 planned Wednesday 2026-06-10: a 催告 up to Sunday 06-07 still leaves
    // Monday, Tuesday and Wednesday.
    assert_eq!(
        substitute_demand_due(&sub, &cal).unwrap(),
        Some(d("2026-06-07"))
    );
    sub.enforcement
        .substitute
        .as_mut()
        .unwrap()
        .decision
        .planned_on = d("2026-10-09");
    assert_eq!(
        substitute_demand_due(&sub, &cal).unwrap(),
        Some(d("2026-09-29"))
    );
    let mut done = village_house();
    done.complied_on = Some(d("2026-03-15"));
    assert_eq!(correction_due(&done), None);
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

#[test]
fn a_case_holds_orders_as_json_and_older_records_still_read() {
    let o = village_house();
    let json = serde_json::to_string(&o).unwrap();
    assert!(
        json.contains("责令限期拆除") && json.contains("自行强制执行"),
        "{json}"
    );
    let back: DutyOrder = serde_json::from_str(&json).unwrap();
    assert_eq!(back, o);
    // An order saved before its enforcement began: everything after it defaults.
    let bare = serde_json::json!({
        "kind": "责令限期改正",
        "obligation": "恢复被占用的绿地",
        "issued_on": "2026-03-02",
        "deadline": "2026-03-16",
        "basis": {"law": "城乡规划法", "version": "2019-04-23", "article": 65},
    });
    let read: DutyOrder = serde_json::from_value(bare).unwrap();
    assert_eq!(read.enforcement, Enforcement::default());
    assert_eq!(read.power, EnforcementPower::ApplyToCourt);
    assert!(read.direct_suit);
}

#[test]
fn qiangzhi_art_53_54_an_order_without_the_power_goes_to_court_in_its_window() {
    let cal = calendar();
    let mut o = village_house();
    o.power = EnforcementPower::ApplyToCourt;
    // Remedy periods end 2026-09-02; three months later, 2026-12-02.
    assert_eq!(
        order_court_window(&o, &cal).unwrap(),
        Some((d("2026-09-03"), d("2026-12-02")))
    );
    assert!(order_court_application_window(&o, d("2026-09-02"), &cal).is_err());
    assert!(order_court_application_window(&o, d("2026-09-03"), &cal).is_ok());
    assert!(order_court_application_window(&o, d("2026-12-02"), &cal).is_ok());
    let e = order_court_application_window(&o, d("2026-12-03"), &cal).unwrap_err();
    assert_eq!(e.rule, "行政强制法第五十三条");
    // A 催告 served late: ten working days after it (2026-09-01 → 09-15).
    o.enforcement.demand = Some(demand("2026-09-01", "2026-09-01", "2026-09-11"));
    assert!(order_court_application_window(&o, d("2026-09-14"), &cal).is_err());
    assert!(order_court_application_window(&o, d("2026-09-15"), &cal).is_ok());
    o.enforcement.demand = None;
    assert_eq!(
        order_court_application_window(&o, d("2026-10-12"), &cal)
            .unwrap_err()
            .rule,
        "行政强制法第五十四条"
    );
}
