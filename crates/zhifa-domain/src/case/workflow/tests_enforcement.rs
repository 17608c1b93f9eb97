//! Orders to act and the goods register through `transition`: each step wired to its gate,
//! the refusals the law requires, and the case closing only when the order is settled.

use super::*;
use crate::case::fixtures::*;
use crate::case::fixtures_duty::*;
use crate::case::gates;
use crate::enforcement::{Clearable, DutyKind, GoodsOrigin, MovementKind, PublicSpace};

#[test]
fn an_order_not_listed_for_the_item_is_refused_citing_article_34() {
    let w = World::new();
    let c = filed(&w, "HJ-001", "2026-06-01", "2026-06-04");
    let e = w.refuse(
        &c,
        SUN,
        order(DutyKind::Demolish, "2026-06-04", "2026-06-20"),
    );
    assert_eq!(e.rule, "行政强制法第三十四条");
    // A handler may not make the order: it is the 负责人's decision.
    let c = filed(&w, "GH-003", "2026-02-27", "2026-03-02");
    let e = w.refuse(
        &c,
        ZHANG,
        order(DutyKind::Demolish, "2026-03-02", "2026-03-16"),
    );
    assert_eq!(e.kind, crate::case::rule::RuleKind::Role);
}

#[test]
fn demolition_waits_for_the_remedy_periods_and_never_on_a_holiday() {
    let w = World::new();
    let c = demolition_before_enforcing(&w);
    // 行政强制法第四十四条: the six-month suit period from 03-02 runs to 09-02.
    let e = w.refuse(&c, ZHANG, day("2026-04-20", false, true));
    assert!(e.rule.contains("第四十四条"), "{e:?}");
    // 第四十三条: not on 国庆 nor on a Sunday.
    let e = w.refuse(&c, ZHANG, day("2026-10-05", false, true));
    assert!(e.rule.contains("第四十三条"), "{e:?}");
    let e = w.refuse(&c, ZHANG, day("2026-09-06", false, true));
    assert!(e.rule.contains("第四十三条"), "{e:?}");
    // Closing before the order is carried out is refused.
    assert!(gates::duty_settled(&c).is_err());
    let c = w.step(&c, ZHANG, day("2026-10-12", false, true));
    assert!(gates::duty_settled(&c).is_ok());
    assert_eq!(c.duty.as_ref().unwrap().enforcement.days.len(), 1);
}

#[test]
fn a_pending_lawsuit_stops_demolition_until_it_ends() {
    let w = World::new();
    let c = demolition_before_enforcing(&w);
    let c = w.step(
        &c,
        ZHANG,
        Action::RemedyStarted {
            kind: RemedyKind::Litigation,
            date: d("2026-08-01"),
        },
    );
    assert_eq!(c.duty.as_ref().unwrap().remedies.len(), 1);
    let e = w.refuse(&c, ZHANG, day("2026-10-12", false, true));
    assert!(e.rule.contains("第四十四条"), "{e:?}");
}

#[test]
fn performing_in_time_settles_the_order_and_closes_the_enforcement_menu() {
    let w = World::new();
    let c = filed(&w, "GH-004", "2026-02-27", "2026-03-02");
    let c = w.step(
        &c,
        SUN,
        order(DutyKind::Correct, "2026-03-02", "2026-03-16"),
    );
    let c = w.step(&c, ZHANG, serve(ServedDoc::DutyOrder, "2026-03-02"));
    let c = w.step(
        &c,
        ZHANG,
        Action::RecordPerformance {
            date: d("2026-03-12"),
            note: "当事人已自行拆除超出许可的部分".into(),
        },
    );
    assert!(gates::duty_settled(&c).is_ok());
    let e = precheck(&c, ActionKind::DemandDuty, w.u(ZHANG)).unwrap_err();
    assert_eq!(e.kind, crate::case::rule::RuleKind::Stage);
}

#[test]
fn substitute_performance_needs_its_demand_three_working_days_before() {
    let w = World::new();
    let c = substitute_ready(&w);
    let e = w.refuse(&c, ZHANG, day("2026-06-17", true, true));
    assert!(e.rule.contains("第五十一条"), "{e:?}");
    // 催告 on Friday 06-12: three working days run to Wednesday 06-17.
    let c = w.step(
        &c,
        ZHANG,
        Action::DemandSubstitute {
            date: d("2026-06-12"),
        },
    );
    let e = w.refuse(&c, ZHANG, day("2026-06-16", true, true));
    assert!(e.rule.contains("第五十一条第一款第（二）项"), "{e:?}");
    let mut done = day("2026-06-17", true, true);
    if let Action::EnforceDay {
        cost, performer, ..
    } = &mut done
    {
        *cost = Some(Fen::from_yuan(760));
        *performer = "合隆镇环卫所".into();
    }
    let c = w.step(&c, ZHANG, done);
    let sub = c
        .duty
        .as_ref()
        .unwrap()
        .enforcement
        .substitute
        .as_ref()
        .unwrap();
    assert_eq!(sub.cost, Some(Fen::from_yuan(760)));
    assert!(gates::duty_settled(&c).is_ok());
}

#[test]
fn immediate_substitute_on_a_road_is_done_the_same_day_and_notified() {
    let w = World::new();
    let c = filed(&w, "CG-011", "2026-06-01", "2026-06-01");
    let c = w.step(
        &c,
        SUN,
        order(DutyKind::ClearObstacle, "2026-06-01", "2026-06-01"),
    );
    let immediate = |space| Action::ImmediateSubstitute {
        date: d("2026-06-01"),
        space,
        what: Clearable::Obstacle,
        description: "货车遗落的钢管横在镇中街车行道上".into(),
        party_unable: true,
        party_present: false,
    };
    let e = w.refuse(&c, SUN, immediate(PublicSpace::Other));
    assert_eq!(e.rule, "行政强制法第五十二条");
    let c = w.step(&c, SUN, immediate(PublicSpace::Road));
    let c = w.step(&c, ZHANG, day("2026-06-01", true, true));
    let c = w.step(
        &c,
        ZHANG,
        Action::NotifyImmediate {
            date: d("2026-06-02"),
        },
    );
    assert!(gates::duty_settled(&c).is_ok());
}

#[test]
fn seized_goods_released_but_not_returned_are_flagged_and_block_closing() {
    let w = World::new();
    let c = investigated(&w);
    let c = w.step(
        &c,
        SUN,
        Action::Seize {
            date: d("2026-06-10"),
            items: "秸秆打捆机一台".into(),
            days: 30,
        },
    );
    let register = |origin| Action::RegisterGoods {
        origin,
        description: "秸秆打捆机（红色）".into(),
        quantity: 1,
        unit: "台".into(),
        estimated_value: Fen::from_yuan(12_000),
        storage_place: "执法队罚没物品仓库".into(),
        custodian: "王某".into(),
        taken_on: d("2026-06-10"),
        photos: vec![],
    };
    // 行政处罚法第五十六条: no preserved goods without a 先行登记保存.
    let e = w.refuse(&c, ZHANG, register(GoodsOrigin::Preserved));
    assert_eq!(e.rule, "行政处罚法第五十六条");
    let c = w.step(&c, ZHANG, register(GoodsOrigin::Seized));
    let c = w.step(
        &c,
        ZHANG,
        Action::ReleaseSeizure {
            index: 0,
            date: d("2026-07-01"),
        },
    );
    assert_eq!(c.goods[0].released_on, Some(d("2026-07-01")));
    let flagged =
        crate::enforcement::seized_goods_unreturned(&c.goods, d("2026-07-03"), &w.calendar)
            .unwrap();
    assert_eq!(flagged.len(), 1);
    assert!(gates::goods_settled(&c).is_err());
    let give_back = |approver| Action::MoveGoods {
        index: 0,
        kind: MovementKind::Return,
        date: d("2026-07-01"),
        approver,
        witnesses: vec![],
        to: "刘某".into(),
        proceeds: None,
        treasury_ref: String::new(),
        note: String::new(),
    };
    // Only a 负责人 approves a movement.
    let e = w.refuse(&c, ZHANG, give_back(ZHAO));
    assert_eq!(e.rule, "罚没物品管理");
    let c = w.step(&c, ZHANG, give_back(SUN));
    assert!(gates::goods_settled(&c).is_ok());
    let flagged =
        crate::enforcement::seized_goods_unreturned(&c.goods, d("2026-07-03"), &w.calendar)
            .unwrap();
    assert!(flagged.is_empty());
}

#[test]
fn the_deadlines_show_the_party_periods_and_the_earliest_lawful_day() {
    use crate::case::deadlines::{compute, DeadlineKind};
    let w = World::new();
    let c = demolition_before_enforcing(&w);
    let all = compute(&c, &w.calendar, &w.settings, d("2026-08-01"));
    let due = |k: DeadlineKind| all.iter().find(|x| x.kind == k).and_then(|x| x.due);
    assert_eq!(due(DeadlineKind::DutyPerformance), Some(d("2026-03-16")));
    assert_eq!(due(DeadlineKind::DutyDemand), Some(d("2026-03-27")));
    // Ten days are working days (第六十九条): from 03-31, ten working days skip the
    // weekend and 清明 (04-04 to 04-06) and end on 04-15.
    assert_eq!(due(DeadlineKind::DemolitionNotice), Some(d("2026-04-15")));
    // After the suit period (six months from 03-02), on a working day.
    assert_eq!(due(DeadlineKind::Enforcement), Some(d("2026-09-03")));
    let c = w.step(&c, ZHANG, day("2026-10-12", false, true));
    let all = compute(&c, &w.calendar, &w.settings, d("2026-10-13"));
    assert!(all
        .iter()
        .filter(|x| x.kind == DeadlineKind::Enforcement)
        .all(|x| !x.status.is_open()));
}

/// The earliest lawful day and the court's window fall in a year whose holiday table is not
/// out: the 工作台 shows them as estimates, as the case view does, never drops them.
#[test]
fn an_enforcement_day_in_an_unpublished_year_is_an_estimate_on_the_desk() {
    use crate::case::deadlines::{compute, DeadlineKind, DeadlineStatus};
    let w = World::new();
    let mut c = demolition_before_enforcing(&w);
    // Served 2026-08-25: the six months end on 2027-02-25, with no 2027 table.
    c.duty.as_mut().unwrap().served_on = Some(d("2026-08-25"));
    let all = compute(&c, &w.calendar, &w.settings, d("2026-12-04"));
    let enforcement = all
        .iter()
        .find(|x| x.kind == DeadlineKind::Enforcement)
        .unwrap_or_else(|| panic!("no enforcement day in {all:#?}"));
    assert_eq!(enforcement.due, None);
    let DeadlineStatus::Estimated { estimate, year } = enforcement.status else {
        panic!("{:?}", enforcement.status);
    };
    assert_eq!(year, 2027);
    assert!(estimate > d("2027-02-25"), "{estimate}");
    // The same for an order only the court may enforce: the window's close is estimated.
    let o = c.duty.as_mut().unwrap();
    o.power = crate::enforcement::EnforcementPower::ApplyToCourt;
    o.enforce_basis = None;
    let all = compute(&c, &w.calendar, &w.settings, d("2026-12-04"));
    let court = all
        .iter()
        .find(|x| x.kind == DeadlineKind::CourtApplication)
        .unwrap_or_else(|| panic!("no court window in {all:#?}"));
    assert!(
        matches!(court.status, DeadlineStatus::Estimated { year: 2027, .. }),
        "{:?}",
        court.status
    );
}
