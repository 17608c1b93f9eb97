//! The holiday-table importer on arbitrary text: parse, check, and build a calendar from
//! whatever passes; nothing panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use zhifa::domain::calendar::{Calendar, CalendarPolicy};
use zhifa::domain::holiday_table::HolidayYear;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(year) = HolidayYear::parse_toml(text) {
        if year.check().is_ok() {
            let _ = year.days().count();
            let mut cal = Calendar::new(CalendarPolicy::default());
            cal.insert(&year);
            if let Some((day, _, _)) = year.days().next() {
                let _ = cal.add_working_days(day, 5);
            }
        }
    }
});
