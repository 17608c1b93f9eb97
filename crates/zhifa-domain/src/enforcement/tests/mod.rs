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
pub(crate) fn village_house() -> DutyOrder {
    DutyOrder {
        kind: DutyKind::Demolish,
        obligation: "拆除未取得乡村建设规划许可证建设的二层砖房".into(),
        issued_on: d("2026-03-02"),
        served_on: Some(d("2026-03-02")),
        deadline: d("2026-03-16"),
        basis: planning_65(),
        power: EnforcementPower::SelfEnforce,
        enforce_basis: Some(planning_65()),
        direct_suit: true,
        suit: None,
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

pub(crate) fn day(date: &str, start: &str, end: &str) -> EnforcementDay {
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
        substitute: false,
    }
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

mod deadlines;
mod demand;
mod halts;
mod substitute;
mod timing;
