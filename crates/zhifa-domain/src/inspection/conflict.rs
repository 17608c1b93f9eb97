//! 回避: an officer's recorded conflict of interest with an object (行政处罚法第四十三条第一款:
//! an officer with a direct interest, or another tie that may affect fair enforcement, steps
//! aside). The draw never picks the officer for the object; the object's page lists them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::case::rule::{RuleError, RuleResult};
use crate::text::{self, NOTE};

/// A recorded conflict of interest: `officer` is never drawn for `object`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    pub officer: i64,
    pub object: i64,
    pub reason: String,
    /// The day the conflict was declared; `None` for one recorded before the date was kept.
    #[serde(default)]
    pub recorded_on: Option<NaiveDate>,
}

/// 行政处罚法第四十三条第一款: a conflict is recorded with its reason (what ties the officer to
/// the object) and the day it was declared, not after `today`.
pub fn check_conflict(c: &Conflict, today: NaiveDate) -> RuleResult<Conflict> {
    let reason = text::checked("回避理由", &c.reason, NOTE)?;
    let Some(on) = c.recorded_on else {
        return Err(RuleError::input("请填写回避登记日期"));
    };
    if on > today {
        return Err(RuleError::new(
            "行政处罚法第四十三条第一款",
            format!("回避登记日期 {on} 晚于今天（{today}），请核对"),
        ));
    }
    Ok(Conflict {
        reason,
        ..c.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::fixtures::{d, ZHANG};

    fn conflict(reason: &str, on: Option<&str>) -> Conflict {
        Conflict {
            officer: ZHANG,
            object: 3,
            reason: reason.into(),
            recorded_on: on.map(d),
        }
    }

    /// 行政处罚法第四十三条第一款.
    #[test]
    fn a_conflict_needs_its_reason_and_a_day_not_in_the_future() {
        let today = d("2026-11-20");
        let ok = check_conflict(&conflict(" 系经营者近亲属 ", Some("2026-11-20")), today).unwrap();
        assert_eq!(ok.reason, "系经营者近亲属");
        let e = check_conflict(&conflict("", Some("2026-11-20")), today).unwrap_err();
        assert!(e.message.contains("回避理由"), "{e:?}");
        let e = check_conflict(&conflict("近亲属", None), today).unwrap_err();
        assert!(e.message.contains("日期"), "{e:?}");
        let e = check_conflict(&conflict("近亲属", Some("2026-11-21")), today).unwrap_err();
        assert_eq!(e.rule, "行政处罚法第四十三条第一款");
    }
}
