//! Test objects and staff for the inspection tests: the case fixtures' staff, an officer whose
//! certificate has expired, and objects with valid credit codes. Test-only.

use std::collections::BTreeMap;

use super::object::{InspectionObject, ObjectInput, RiskLevel};
use super::plan::InspectionPlan;
use crate::case::fixtures::{d, users};
use crate::field::Field;
use crate::identity::CreditCode;
use crate::people::User;

/// Certified until 2026-06-30 only.
pub const EXPIRED: i64 = 9;

pub fn staff() -> BTreeMap<i64, User> {
    let mut all = users();
    let mut expired = all[&crate::case::fixtures::LI].clone();
    expired.id = EXPIRED;
    expired.name = "郑过期".into();
    expired.cert_no = Some("22010010009".into());
    expired.cert_valid_until = Some(d("2026-06-30"));
    all.insert(EXPIRED, expired);
    all
}

pub fn credit_code(id: i64) -> String {
    let first17 = format!("91220122MA{id:07}");
    let check = CreditCode::check_char(&first17).expect("17 code characters");
    format!("{first17}{check}")
}

pub fn object(id: i64, field: Field, risk: RiskLevel) -> InspectionObject {
    let mut o = ObjectInput {
        name: format!("合隆镇第{id}号商户"),
        credit_code: credit_code(id),
        address: format!("合隆镇兴隆街{id}号"),
        field,
        risk,
    }
    .into_object()
    .unwrap();
    o.id = id;
    o
}

/// Objects 1–10 of 城市管理 and 11–13 of 生态环境.
pub fn pool() -> Vec<InspectionObject> {
    (1..=13)
        .map(|id| {
            let field = if id <= 10 {
                Field::UrbanManagement
            } else {
                Field::Environment
            };
            object(id, field, RiskLevel::Medium)
        })
        .collect()
}

pub fn plan(count: u32) -> InspectionPlan {
    InspectionPlan {
        id: 1,
        name: "2026年第三季度市容秩序双随机抽查".into(),
        field: Field::UrbanManagement,
        period_from: d("2026-07-01"),
        period_to: d("2026-09-30"),
        scope: "占道经营、户外广告设置".into(),
        object_count: count,
    }
}
