//! Calendar tests against the shipped 2025 and 2026 tables. The expected lists below are
//! typed in independently from legal-rules.md §8 (not derived from the data files), so a
//! mistake in either shows up here.

use super::*;
use proptest::prelude::*;

pub(crate) fn shipped_calendar(policy: CalendarPolicy) -> Calendar {
    let t25 =
        HolidayYear::parse_toml(include_str!("../../../../assets/holidays/2025.toml")).unwrap();
    let t26 =
        HolidayYear::parse_toml(include_str!("../../../../assets/holidays/2026.toml")).unwrap();
    Calendar::with_years(policy, [&t25, &t26])
}

fn cal() -> Calendar {
    shipped_calendar(CalendarPolicy::default())
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Weekdays that are not working days, per legal-rules.md §8.
const WEEKDAYS_OFF: [&str; 37] = [
    // 2025
    "2025-01-01",
    "2025-01-28",
    "2025-01-29",
    "2025-01-30",
    "2025-01-31",
    "2025-02-03",
    "2025-02-04",
    "2025-04-04",
    "2025-05-01",
    "2025-05-02",
    "2025-05-05",
    "2025-06-02",
    "2025-10-01",
    "2025-10-02",
    "2025-10-03",
    "2025-10-06",
    "2025-10-07",
    "2025-10-08",
    // 2026
    "2026-01-01",
    "2026-01-02",
    "2026-02-16",
    "2026-02-17",
    "2026-02-18",
    "2026-02-19",
    "2026-02-20",
    "2026-02-23",
    "2026-04-06",
    "2026-05-01",
    "2026-05-04",
    "2026-05-05",
    "2026-06-19",
    "2026-09-25",
    "2026-10-01",
    "2026-10-02",
    "2026-10-05",
    "2026-10-06",
    "2026-10-07",
];

/// Weekend days worked under 调休, per legal-rules.md §8.
const MAKEUP: [&str; 11] = [
    "2025-01-26",
    "2025-02-08",
    "2025-04-27",
    "2025-09-28",
    "2025-10-11",
    "2026-01-04",
    "2026-02-14",
    "2026-02-28",
    "2026-05-09",
    "2026-09-20",
    "2026-10-10",
];

#[test]
fn every_day_of_2025_and_2026_matches_the_state_council_notices() {
    let cal = cal();
    let off: BTreeSet<NaiveDate> = WEEKDAYS_OFF.iter().map(|s| d(s)).collect();
    let makeup: BTreeSet<NaiveDate> = MAKEUP.iter().map(|s| d(s)).collect();
    let mut day = d("2025-01-01");
    while day <= d("2026-12-31") {
        let weekday = !matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
        let want = (weekday && !off.contains(&day)) || makeup.contains(&day);
        assert_eq!(cal.is_working_day(day).unwrap(), want, "{day}");
        day = day.succ_opt().unwrap();
    }
}

#[test]
fn makeup_saturdays_are_working_days_and_named() {
    let cal = cal();
    for s in MAKEUP {
        assert!(cal.is_working_day(d(s)).unwrap(), "{s}");
        assert!(matches!(cal.day_type(d(s)).unwrap(), DayType::Makeup(_)));
    }
    assert_eq!(
        cal.day_type(d("2026-10-01")).unwrap(),
        DayType::Holiday("国庆节".into())
    );
}

#[test]
fn seven_working_days_across_national_day_2026() {
    // Art 61 service period from a decision on 2026-09-28: 9-29, 9-30, (10-1..10-7 off),
    // 10-8, 10-9, 10-10 (调休 Saturday), 10-12, 10-13.
    assert_eq!(
        cal().add_working_days(d("2026-09-28"), 7).unwrap(),
        d("2026-10-13")
    );
}

#[test]
fn working_days_across_holiday_boundaries() {
    let cal = cal();
    let cases = [
        // (from, n, expected)
        ("2025-09-26", 1, "2025-09-28"), // Friday → 调休 Sunday
        ("2025-09-30", 1, "2025-10-09"), // over 国庆+中秋 2025
        ("2025-10-09", 2, "2025-10-11"), // 10-10 Fri, 10-11 调休 Sat
        ("2025-04-30", 5, "2025-05-12"), // over 劳动节 2025
        ("2025-01-24", 1, "2025-01-26"), // Friday → 春节 调休 Sunday
        ("2025-01-26", 1, "2025-01-27"),
        ("2025-01-27", 1, "2025-02-05"), // over 春节 2025
        ("2025-12-31", 1, "2026-01-04"), // 元旦 2026, 调休 Sunday
        ("2026-02-13", 1, "2026-02-14"), // 调休 Saturday before 春节 2026
        ("2026-02-13", 2, "2026-02-24"), // over 春节 2026
        ("2026-02-27", 1, "2026-02-28"), // 调休 Saturday after 春节 2026
        ("2026-04-03", 1, "2026-04-07"), // 清明 2026 (Mon 04-06 off)
        ("2026-04-30", 3, "2026-05-08"), // 劳动节 2026: 5-6, 5-7, 5-8
        ("2026-05-08", 1, "2026-05-09"), // 调休 Saturday
        ("2026-06-18", 1, "2026-06-22"), // 端午 2026
        ("2026-09-24", 1, "2026-09-28"), // 中秋 2026
        ("2026-09-18", 1, "2026-09-20"), // 调休 Sunday before 国庆 2026
    ];
    for (from, n, want) in cases {
        assert_eq!(
            cal.add_working_days(d(from), n).unwrap(),
            d(want),
            "{from} + {n} WD"
        );
    }
}

#[test]
fn makeup_days_can_be_configured_off() {
    let cal = shipped_calendar(CalendarPolicy {
        makeup_days_are_working_days: false,
        ..CalendarPolicy::default()
    });
    assert_eq!(
        cal.add_working_days(d("2025-09-26"), 1).unwrap(),
        d("2025-09-29")
    );
}

#[test]
fn calendar_day_periods_roll_past_rest_days() {
    let cal = cal();
    // 15 days to pay (Art 67) from service on 2026-09-18 ends on 10-03, a holiday → 10-08.
    assert_eq!(
        cal.days_period_end(d("2026-09-18"), 15).unwrap(),
        d("2026-10-08")
    );
    // Ends on a working day: unchanged.
    assert_eq!(
        cal.days_period_end(d("2026-09-28"), 15).unwrap(),
        d("2026-10-13")
    );
    // Ends on a Sunday → Monday.
    assert_eq!(
        cal.days_period_end(d("2026-03-07"), 15).unwrap(),
        d("2026-03-23")
    );
    // Ends on the 调休 Saturday 2026-02-28: a working day, unchanged.
    assert_eq!(
        cal.days_period_end(d("2026-02-13"), 15).unwrap(),
        d("2026-02-28")
    );
}

#[test]
fn roll_forward_can_be_configured_off() {
    let cal = shipped_calendar(CalendarPolicy {
        roll_periods_past_rest_days: false,
        ..CalendarPolicy::default()
    });
    assert_eq!(
        cal.days_period_end(d("2026-09-18"), 15).unwrap(),
        d("2026-10-03")
    );
}

#[test]
fn month_periods() {
    let cal = cal();
    // 6 months to sue from 2025-10-13 → 2026-04-13 (Monday).
    assert_eq!(
        cal.months_period_end(d("2025-10-13"), 6).unwrap(),
        d("2026-04-13")
    );
    // 2025-08-31 + 6 months → 2026-02-28 (no 31st; the 调休 Saturday is a working day).
    assert_eq!(
        cal.months_period_end(d("2025-08-31"), 6).unwrap(),
        d("2026-02-28")
    );
    // 2025-10-04 + 6 months → 2026-04-04, 清明 holiday → 2026-04-07.
    assert_eq!(
        cal.months_period_end(d("2025-10-04"), 6).unwrap(),
        d("2026-04-07")
    );
}

#[test]
fn a_year_without_a_table_is_an_error_naming_it() {
    let cal = cal();
    assert_eq!(
        cal.is_working_day(d("2027-01-04")),
        Err(CalendarError::MissingYear(2027))
    );
    // A period that runs into 2027 fails rather than guessing.
    assert_eq!(
        cal.add_working_days(d("2026-12-28"), 7),
        Err(CalendarError::MissingYear(2027))
    );
    assert_eq!(
        cal.months_period_end(d("2026-09-28"), 6),
        Err(CalendarError::MissingYear(2027))
    );
    assert!(CalendarError::MissingYear(2027)
        .to_string()
        .contains("2027"));
    assert_eq!(
        cal.is_working_day(d("2024-12-31")),
        Err(CalendarError::MissingYear(2024))
    );
}

#[test]
fn working_days_between_counts_after_the_start() {
    let cal = cal();
    assert_eq!(
        cal.working_days_between(d("2026-09-28"), d("2026-10-13"))
            .unwrap(),
        7
    );
    assert_eq!(
        cal.working_days_between(d("2026-10-13"), d("2026-09-28"))
            .unwrap(),
        0
    );
}

/// 全国年节及纪念日放假办法 (2024) Art 2: the statutory days derived for 2025 and 2026 are
/// all days off in the State Council's notices for those years (the notices add 调休 and
/// bridge days, never fewer days off), so the rule and the lunar table agree with the facts.
#[test]
fn fangjia_banfa_art_2_statutory_days_are_inside_the_published_notices() {
    let shipped = cal();
    for year in [2025, 2026] {
        let table = statutory::statutory_year(year).unwrap();
        let days: Vec<NaiveDate> = table.days().map(|(date, _, _)| date).collect();
        // 1 + 4 + 1 + 2 + 1 + 1 + 3 = 13 days.
        assert_eq!(days.len(), 13, "{year}");
        for date in days {
            assert!(
                matches!(shipped.day_type(date).unwrap(), DayType::Holiday(_)),
                "{date} should be a holiday in the {year} notice"
            );
        }
    }
    // 2028: 中秋 (10-03) inside 国庆 is one block, still 12 distinct days plus none lost.
    let y28 = statutory::statutory_year(2028).unwrap();
    assert_eq!(y28.days().count(), 12);
    assert!(statutory::statutory_year(2040).is_none());
}

#[test]
fn estimates_fill_only_years_without_a_notice() {
    let strict = cal();
    assert!(strict.add_working_days(d("2026-12-28"), 5).is_err());
    let est = strict.with_statutory_estimates();
    // 12-28 (Mon) + 5 WD: 29, 30, 31, 01-01 元旦 off, 01-04 (Mon) → 5th WD is 01-05? 29,30,31,
    // 01-04, 01-05.
    assert_eq!(
        est.add_working_days(d("2026-12-28"), 5).unwrap(),
        d("2027-01-05")
    );
    // 2027 春节: 除夕 02-05 to 02-08 are off.
    assert!(!est.is_working_day(d("2027-02-08")).unwrap());
    assert!(est.is_working_day(d("2027-02-09")).unwrap());
    // An imported year is never replaced by the estimate.
    assert_eq!(
        est.day_type(d("2026-10-08")).unwrap(),
        strict.day_type(d("2026-10-08")).unwrap()
    );
    assert!(!est.has_year(2024) && est.has_year(2027) && !strict.has_year(2027));
}

fn date_in_tables() -> impl Strategy<Value = NaiveDate> {
    // 2025-01-01 .. 2026-11-30, leaving room for 20 working days inside 2026.
    (0i64..699).prop_map(|off| d("2025-01-01") + chrono::Duration::days(off))
}

proptest! {
    #[test]
    fn n_working_days_lands_on_a_working_day(from in date_in_tables(), n in 1u32..20) {
        let cal = cal();
        let due = cal.add_working_days(from, n).unwrap();
        prop_assert!(cal.is_working_day(due).unwrap());
        prop_assert!(due > from);
        prop_assert_eq!(cal.working_days_between(from, due).unwrap(), n);
    }

    #[test]
    fn working_day_periods_are_monotonic_in_n(from in date_in_tables(), n in 0u32..19) {
        let cal = cal();
        let a = cal.add_working_days(from, n).unwrap();
        let b = cal.add_working_days(from, n + 1).unwrap();
        prop_assert!(a < b);
    }

    #[test]
    fn calendar_periods_end_on_a_working_day_not_before_the_nominal_end(
        from in date_in_tables(), days in 0u32..25
    ) {
        let cal = cal();
        let end = cal.days_period_end(from, days).unwrap();
        prop_assert!(cal.is_working_day(end).unwrap());
        prop_assert!(end >= from + chrono::Duration::days(days.into()));
        // Rolled at most past one holiday block (9 days is the longest in 2025/2026).
        prop_assert!(end <= from + chrono::Duration::days(i64::from(days) + 9));
    }
}

#[test]
fn the_coming_year_s_table_is_asked_for_from_december_and_a_missing_current_one_always() {
    let c = cal(); // 2025 and 2026
    assert_eq!(c.table_wanted(d("2026-11-30")), None);
    assert_eq!(c.table_wanted(d("2026-12-01")), Some(2027));
    assert_eq!(c.table_wanted(d("2025-12-31")), None, "2026 is there");
    assert_eq!(c.table_wanted(d("2027-01-04")), Some(2027));
    assert_eq!(c.table_wanted(d("2024-06-01")), Some(2024));
}
