//! One year's statutory holidays and 调休 make-up working days, as published by the State
//! Council each year, parsed from the text format of `assets/holidays/YYYY.toml`.
//!
//! Parsing takes the file's text (reading the file is the caller's job) and checks it hard:
//! a wrong table silently shifts every legal deadline of the year.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// What a date is, when the holiday table mentions it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DayKind {
    /// A day off under the notice (a statutory holiday or a weekday given off by 调休).
    Off,
    /// A Saturday or Sunday that is an official working day (调休上班).
    Makeup,
}

/// One named holiday block of the notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayBlock {
    pub name: String,
    /// First and last day off, inclusive.
    pub off: [NaiveDate; 2],
    /// Weekend days that are working days because of this holiday.
    #[serde(default)]
    pub makeup: Vec<NaiveDate>,
}

/// The holiday table for one calendar year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayYear {
    pub year: i32,
    /// The notice the table comes from (document number and date).
    pub source: String,
    #[serde(rename = "holiday")]
    pub holidays: Vec<HolidayBlock>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HolidayTableError {
    #[error("节假日表格式错误：{0}")]
    Syntax(String),
    #[error("节假日表缺少来源（source），请填写国务院办公厅通知的文号和日期")]
    MissingSource,
    #[error("节假日表年份 {0} 不合理，应为 2000 至 2100 之间的年份")]
    BadYear(i32),
    #[error("“{name}”的日期 {date} 不在 {year} 年内")]
    OutsideYear {
        name: String,
        date: NaiveDate,
        year: i32,
    },
    #[error("“{name}”的放假起止日期颠倒：{start} 晚于 {end}")]
    Reversed {
        name: String,
        start: NaiveDate,
        end: NaiveDate,
    },
    #[error("“{name}”的调休上班日 {date} 不是周六或周日；调休上班日只能是周末")]
    MakeupNotWeekend { name: String, date: NaiveDate },
    #[error("日期 {date} 在节假日表中出现两次（{first}、{second}）")]
    Duplicate {
        date: NaiveDate,
        first: String,
        second: String,
    },
}

impl HolidayYear {
    /// Parses and checks a holiday table from its TOML text.
    pub fn parse_toml(text: &str) -> Result<Self, HolidayTableError> {
        let table: HolidayYear =
            toml::from_str(text).map_err(|e| HolidayTableError::Syntax(e.to_string()))?;
        table.check()?;
        Ok(table)
    }

    /// Checks that every date lies in the year, ranges run forward, make-up days are weekend
    /// days and no date is listed twice.
    pub fn check(&self) -> Result<(), HolidayTableError> {
        if !(2000..=2100).contains(&self.year) {
            return Err(HolidayTableError::BadYear(self.year));
        }
        if self.source.trim().is_empty() {
            return Err(HolidayTableError::MissingSource);
        }
        let mut seen: BTreeMap<NaiveDate, String> = BTreeMap::new();
        let mut note = |date: NaiveDate, name: &str| -> Result<(), HolidayTableError> {
            if date.year() != self.year {
                return Err(HolidayTableError::OutsideYear {
                    name: name.to_string(),
                    date,
                    year: self.year,
                });
            }
            if let Some(first) = seen.insert(date, name.to_string()) {
                return Err(HolidayTableError::Duplicate {
                    date,
                    first,
                    second: name.to_string(),
                });
            }
            Ok(())
        };
        for block in &self.holidays {
            let [start, end] = block.off;
            if start > end {
                return Err(HolidayTableError::Reversed {
                    name: block.name.clone(),
                    start,
                    end,
                });
            }
            for day in start.iter_days().take_while(|d| *d <= end) {
                note(day, &block.name)?;
            }
            for &day in &block.makeup {
                if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
                    return Err(HolidayTableError::MakeupNotWeekend {
                        name: block.name.clone(),
                        date: day,
                    });
                }
                note(day, &block.name)?;
            }
        }
        Ok(())
    }

    /// Every date the table mentions, with its kind and holiday name.
    pub fn days(&self) -> impl Iterator<Item = (NaiveDate, DayKind, &str)> + '_ {
        self.holidays.iter().flat_map(|block| {
            let [start, end] = block.off;
            let off = start
                .iter_days()
                .take_while(move |d| *d <= end)
                .map(move |d| (d, DayKind::Off, block.name.as_str()));
            let makeup = block
                .makeup
                .iter()
                .map(move |d| (*d, DayKind::Makeup, block.name.as_str()));
            off.chain(makeup)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    const GOOD: &str = r#"
year = 2030
source = "test"
[[holiday]]
name = "春节"
off = ["2030-02-02", "2030-02-08"]
makeup = ["2030-01-26"]
"#;

    #[test]
    fn parses_a_good_table() {
        let t = HolidayYear::parse_toml(GOOD).unwrap();
        assert_eq!(t.days().count(), 8);
        assert!(t
            .days()
            .any(|(day, kind, _)| day == d("2030-01-26") && kind == DayKind::Makeup));
    }

    #[test]
    fn rejects_dates_outside_the_year() {
        let text = GOOD.replace("2030-02-08", "2031-02-08");
        assert!(matches!(
            HolidayYear::parse_toml(&text),
            Err(HolidayTableError::OutsideYear { .. })
        ));
    }

    #[test]
    fn rejects_reversed_ranges() {
        let text = GOOD.replace(
            "\"2030-02-02\", \"2030-02-08\"",
            "\"2030-02-08\", \"2030-02-02\"",
        );
        assert!(matches!(
            HolidayYear::parse_toml(&text),
            Err(HolidayTableError::Reversed { .. })
        ));
    }

    #[test]
    fn rejects_weekday_makeup_days() {
        // 2030-01-28 is a Monday: it cannot be a 调休 working day.
        let text = GOOD.replace("2030-01-26", "2030-01-28");
        assert!(matches!(
            HolidayYear::parse_toml(&text),
            Err(HolidayTableError::MakeupNotWeekend { .. })
        ));
    }

    #[test]
    fn rejects_a_day_listed_twice() {
        let text = GOOD.replace("2030-01-26", "2030-02-02");
        assert!(matches!(
            HolidayYear::parse_toml(&text),
            Err(HolidayTableError::MakeupNotWeekend { .. } | HolidayTableError::Duplicate { .. })
        ));
        let text =
            format!("{GOOD}\n[[holiday]]\nname = \"x\"\noff = [\"2030-02-08\", \"2030-02-09\"]\n");
        assert!(matches!(
            HolidayYear::parse_toml(&text),
            Err(HolidayTableError::Duplicate { .. })
        ));
    }

    #[test]
    fn rejects_unknown_keys_and_bad_dates() {
        assert!(HolidayYear::parse_toml(&GOOD.replace("makeup", "make_up")).is_err());
        assert!(HolidayYear::parse_toml(&GOOD.replace("2030-02-08", "2030-02-30")).is_err());
        assert!(HolidayYear::parse_toml("").is_err());
    }
}
