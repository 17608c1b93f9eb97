//! What the law itself fixes about a year's days off, for provisional dates before the State
//! Council's notice for that year is imported: weekends and the statutory holidays of
//! 全国年节及纪念日放假办法 (2024 revision) Art 2 — 元旦 1 day, 春节 4 days from 除夕, 清明 1,
//! 劳动节 2, 端午 1, 中秋 1, 国庆 3. The notice's 调休 (Art 7) and the 补假 of a holiday on a
//! weekend (Art 6) are unknown until it is published, so a date counted with such a table is
//! an estimate: shown as "预计", never a basis to refuse or allow a step.

use chrono::{Days, NaiveDate};

use crate::holiday_table::{HolidayBlock, HolidayYear};

/// 除夕, 清明, 端午 and 中秋 by Gregorian year, as (month, day). Taken from the lunar-python
/// 1.4.8 library (6tail/lunar); the tests check the rule against the shipped 2025 and 2026
/// notices, whose holidays must contain every day derived here.
const LUNAR_DAYS: [(i32, [(u32, u32); 4]); 11] = [
    (2025, [(1, 28), (4, 4), (5, 31), (10, 6)]),
    (2026, [(2, 16), (4, 5), (6, 19), (9, 25)]),
    (2027, [(2, 5), (4, 5), (6, 9), (9, 15)]),
    (2028, [(1, 25), (4, 4), (5, 28), (10, 3)]),
    (2029, [(2, 12), (4, 4), (6, 16), (9, 22)]),
    (2030, [(2, 2), (4, 5), (6, 5), (9, 12)]),
    (2031, [(1, 22), (4, 5), (6, 24), (10, 1)]),
    (2032, [(2, 10), (4, 4), (6, 12), (9, 19)]),
    (2033, [(1, 30), (4, 4), (6, 1), (9, 8)]),
    (2034, [(2, 18), (4, 5), (6, 20), (9, 27)]),
    (2035, [(2, 7), (4, 5), (6, 10), (9, 16)]),
];

/// The years this module can estimate.
pub fn estimable_years() -> impl Iterator<Item = i32> {
    LUNAR_DAYS.iter().map(|(y, _)| *y)
}

/// The statutory days off of `year` as a holiday table without 调休, or `None` outside the
/// years the lunar table covers.
pub fn statutory_year(year: i32) -> Option<HolidayYear> {
    let (_, lunar) = LUNAR_DAYS.iter().find(|(y, _)| *y == year)?;
    let day = |m: u32, d: u32| NaiveDate::from_ymd_opt(year, m, d);
    let block = |name: &str, first: NaiveDate, days: u64| -> Option<HolidayBlock> {
        Some(HolidayBlock {
            name: name.to_string(),
            off: [first, first.checked_add_days(Days::new(days - 1))?],
            makeup: vec![],
        })
    };
    let [eve, qingming, duanwu, zhongqiu] = *lunar;
    let mut holidays = vec![
        block("元旦", day(1, 1)?, 1)?,
        block("春节", day(eve.0, eve.1)?, 4)?,
        block("清明节", day(qingming.0, qingming.1)?, 1)?,
        block("劳动节", day(5, 1)?, 2)?,
        block("端午节", day(duanwu.0, duanwu.1)?, 1)?,
    ];
    // 中秋 may fall inside 国庆 (2028-10-03, 2031-10-01): one block, as the notices do.
    let national = day(10, 1)?;
    let mid_autumn = day(zhongqiu.0, zhongqiu.1)?;
    if (national..=day(10, 3)?).contains(&mid_autumn) {
        holidays.push(block("国庆节、中秋节", national, 3)?);
    } else {
        holidays.push(block("中秋节", mid_autumn, 1)?);
        holidays.push(block("国庆节", national, 3)?);
    }
    Some(HolidayYear {
        year,
        source:
            "全国年节及纪念日放假办法（2024年修订）第二条（未含调休，待国务院公布当年放假安排）"
                .to_string(),
        holidays,
    })
}
