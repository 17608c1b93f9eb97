//! Cases with an order to act, taken through the enforcement steps: shared by the
//! workflow's tests and the documents' tests. Test-only.

use super::fixtures::*;
use super::model::*;
use super::workflow;
use super::Action;
use crate::enforcement::{DutyKind, EnforcementPower, SubstituteHarm};
use crate::money::Fen;

pub fn power(code: &str) -> PowerRef {
    let catalog = crate::assets::catalog_template().unwrap();
    let power = catalog.powers.into_iter().find(|p| p.code == code).unwrap();
    PowerRef {
        id: 1,
        version: 1,
        power,
    }
}

/// A case under `code`, filed on `filed`.
pub fn filed(w: &World, code: &str, act: &str, filed: &str) -> Case {
    let mut nc = new_case(act);
    nc.facts = "当事人未经批准在村庄规划区内建设二层砖房约120平方米。".into();
    let c = workflow::propose(nc, Some(power(code)), code, w.u(ZHANG), &w.ctx()).unwrap();
    w.step(
        &c,
        SUN,
        Action::ApproveFiling {
            date: d(filed),
            agree: true,
            opinion: "同意立案".into(),
        },
    )
}

pub fn order(kind: DutyKind, date: &str, deadline: &str) -> Action {
    Action::OrderDuty {
        date: d(date),
        kind,
        obligation: "拆除东侧未经许可建设的二层砖房".into(),
        deadline: d(deadline),
    }
}

pub fn day(date: &str, substitute: bool, completed: bool) -> Action {
    Action::EnforceDay {
        date: d(date),
        start: "09:00".into(),
        end: "16:00".into(),
        officers: vec![ZHANG, LI],
        performer: "合隆镇综合行政执法队".into(),
        witnesses: vec!["村委会主任赵某".into()],
        removed: "拆除二层砖房，清运建筑垃圾".into(),
        party_signed: false,
        emergency: String::new(),
        completed,
        substitute,
        cost: None,
        attachments: vec![],
    }
}

/// GH-003 (城乡规划法第六十五条): a village house ordered demolished on 2026-03-02, served
/// that day, 催告 served 03-17 with a period to 03-27, decision 03-30 served, 公告 03-31.
pub fn demolition_before_enforcing(w: &World) -> Case {
    let c = filed(w, "GH-003", "2026-02-27", "2026-03-02");
    let c = w.step(
        &c,
        SUN,
        order(DutyKind::Demolish, "2026-03-02", "2026-03-16"),
    );
    let o = c.duty.as_ref().unwrap();
    assert_eq!(o.power, EnforcementPower::SelfEnforce);
    assert_eq!(o.basis.article, 65);
    let c = w.step(&c, ZHANG, serve(ServedDoc::DutyOrder, "2026-03-02"));
    assert_eq!(c.duty.as_ref().unwrap().served_on, Some(d("2026-03-02")));
    let demand = |date: &str| Action::DemandDuty {
        date: d(date),
        deadline: d("2026-03-27"),
        way: "自行拆除并清运建筑垃圾".into(),
    };
    // 行政强制法第三十五条: not before the order's deadline has passed.
    let e = w.refuse(&c, ZHANG, demand("2026-03-16"));
    assert_eq!(e.rule, "行政强制法第三十五条");
    let c = w.step(&c, ZHANG, demand("2026-03-17"));
    let decide = |date: &str| Action::DecideEnforcement {
        date: d(date),
        way_and_time: "公告期满后组织强制拆除".into(),
    };
    // 第三十八条: the 催告 must be served first.
    let e = w.refuse(&c, SUN, decide("2026-03-30"));
    assert_eq!(e.rule, "行政强制法第三十八条");
    let c = w.step(&c, ZHANG, serve(ServedDoc::DutyDemand, "2026-03-17"));
    // 第三十七条第一款: not while the 催告's period runs.
    let e = w.refuse(&c, SUN, decide("2026-03-27"));
    assert_eq!(e.rule, "行政强制法第三十七条第一款");
    let c = w.step(&c, SUN, decide("2026-03-30"));
    let c = w.step(
        &c,
        ZHANG,
        serve(ServedDoc::EnforcementDecision, "2026-03-30"),
    );
    w.step(
        &c,
        ZHANG,
        Action::PostDemolitionNotice {
            date: d("2026-03-31"),
            days: 10,
            place: "东村村委会公告栏及现场".into(),
        },
    )
}

/// CG-011: materials piled on the street, ordered cleared by 06-03; the township has no
/// power to force it, but 代履行 is set by 行政强制法第五十条 itself.
pub fn substitute_ready(w: &World) -> Case {
    let c = filed(w, "CG-011", "2026-06-01", "2026-06-01");
    let mut o = order(DutyKind::ClearObstacle, "2026-06-01", "2026-06-03");
    if let Action::OrderDuty { obligation, .. } = &mut o {
        *obligation = "清除堆放在镇中街人行道上的建筑材料".into();
    }
    let c = w.step(&c, SUN, o);
    assert_eq!(
        c.duty.as_ref().unwrap().power,
        EnforcementPower::ApplyToCourt
    );
    let c = w.step(&c, ZHANG, serve(ServedDoc::DutyOrder, "2026-06-01"));
    let c = w.step(
        &c,
        ZHANG,
        Action::DemandDuty {
            date: d("2026-06-04"),
            deadline: d("2026-06-08"),
            way: "自行清除并恢复通行".into(),
        },
    );
    let c = w.step(&c, ZHANG, serve(ServedDoc::DutyDemand, "2026-06-04"));
    // No forced enforcement without the power (行政强制法第十三条).
    let e = w.refuse(
        &c,
        SUN,
        Action::DecideEnforcement {
            date: d("2026-06-09"),
            way_and_time: "强制清除".into(),
        },
    );
    assert_eq!(e.rule, "行政强制法第十三条第二款");
    let c = w.step(
        &c,
        SUN,
        Action::DecideSubstitute {
            date: d("2026-06-09"),
            planned_on: d("2026-06-17"),
            object: "人行道上的砂石、砖块约5立方米".into(),
            cost_estimate: Fen::from_yuan(800),
            performer: "合隆镇环卫所".into(),
            harm: SubstituteHarm::TrafficSafety,
            way_and_time: "2026年6月17日上午组织清运".into(),
        },
    );
    w.step(
        &c,
        ZHANG,
        serve(ServedDoc::SubstituteDecision, "2026-06-09"),
    )
}
