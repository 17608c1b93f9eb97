//! The due dates, the earliest lawful day, the court path and the stored form.

use super::*;

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

/// 土地管理法第八十三条: a 责令限期拆除 of a house on illegally occupied land may be sued
/// within fifteen days of its receipt, not six months; 复议 keeps its sixty days (行政复议法
/// 第二十条). The periods end with the later of the two, and the court application window
/// (行政强制法第五十三条) opens the next day, not six months after service.
#[test]
fn tudi_art_83_a_land_demolition_order_goes_to_court_after_fifteen_days_to_sue_and_sixty_for_fuyi()
{
    let cal = calendar();
    let mut o = village_house();
    o.power = EnforcementPower::ApplyToCourt;
    o.enforce_basis = None;
    o.suit = Some(SpecialSuit::LandDemolition);
    // Served 2026-03-02: 复议 to 2026-05-01 (sixty days), 劳动节, so 05-06; the suit to 03-17.
    let (basis, end) = order_remedy_periods_end(&o, &cal).unwrap().unwrap();
    assert_eq!(end, d("2026-05-06"));
    assert!(basis.contains("十五日，土地管理法第八十三条"), "{basis}");
    let (opens, closes) = order_court_window(&o, &cal).unwrap().unwrap();
    assert_eq!(opens, d("2026-05-07"));
    assert_eq!(closes, cal.months_period_end(d("2026-05-06"), 3).unwrap());
    assert!(order_court_application_window(&o, d("2026-05-06"), &cal).is_err());
    assert!(order_court_application_window(&o, d("2026-05-07"), &cal).is_ok());
    // The same order without the special law waits for the six months.
    let mut general = o.clone();
    general.suit = None;
    assert!(order_court_application_window(&general, d("2026-05-07"), &cal).is_err());
    // After a 复议 ended on 2026-05-10 the party has fifteen days to sue (行政诉讼法第四十五条),
    // to 05-25, later than the sixty days.
    o.remedies.push(Remedy {
        kind: RemedyKind::Reconsideration,
        started_on: d("2026-03-20"),
        ended_on: Some(d("2026-05-10")),
        result: None,
        changed_fine: None,
    });
    let (basis, end) = order_remedy_periods_end(&o, &cal).unwrap().unwrap();
    assert_eq!(end, d("2026-05-25"));
    assert!(basis.contains("复议决定后"), "{basis}");
}
