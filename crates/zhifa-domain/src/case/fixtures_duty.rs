//! Cases with an order to act, taken through the enforcement steps: shared by the
//! workflow's tests and the documents' tests. Test-only.

use super::fixtures::*;
use super::model::*;
use super::workflow;
use super::Action;
use crate::enforcement::{
    Clearable, DutyKind, EnforcementPower, GoodsOrigin, MovementKind, PublicSpace, SubstituteHarm,
};
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

/// CG-011: steel pipes on the road cleared at once (第五十二条) on 2026-06-01, the party
/// `present` or not.
pub fn immediate_cleared(w: &World, present: bool) -> Case {
    let c = filed(w, "CG-011", "2026-06-01", "2026-06-01");
    let c = w.step(
        &c,
        SUN,
        order(DutyKind::ClearObstacle, "2026-06-01", "2026-06-01"),
    );
    let c = w.step(
        &c,
        SUN,
        Action::ImmediateSubstitute {
            date: d("2026-06-01"),
            space: PublicSpace::Road,
            what: Clearable::Obstacle,
            description: "货车遗落的钢管横在镇中街车行道上".into(),
            party_unable: true,
            party_present: present,
        },
    );
    w.step(&c, ZHANG, day("2026-06-01", true, true))
}

/// `substitute_ready`, its 催告 on 06-12 and the 代履行 of 06-17 by the 环卫所 at 760 yuan.
pub fn substitute_done(w: &World) -> Case {
    let c = substitute_ready(w);
    let c = w.step(
        &c,
        ZHANG,
        Action::DemandSubstitute {
            date: d("2026-06-12"),
        },
    );
    let mut a = day("2026-06-17", true, true);
    if let Action::EnforceDay {
        cost,
        performer,
        removed,
        ..
    } = &mut a
    {
        *cost = Some(Fen::from_yuan(760));
        *performer = "合隆镇环卫所".into();
        *removed = "清运人行道上的砂石、砖块约5立方米".into();
    }
    w.step(&c, ZHANG, a)
}

/// `investigated`, a baler seized on 06-10 and registered, released 07-01 and returned
/// 07-02 on the head's approval.
pub fn goods_returned(w: &World) -> Case {
    let c = investigated(w);
    let c = w.step(
        &c,
        SUN,
        Action::Seize {
            date: d("2026-06-10"),
            items: "秸秆打捆机一台".into(),
            days: 30,
        },
    );
    let c = w.step(
        &c,
        ZHANG,
        Action::RegisterGoods {
            origin: GoodsOrigin::Seized,
            description: "秸秆打捆机（红色）".into(),
            quantity: 1,
            unit: "台".into(),
            estimated_value: Fen::from_yuan(12_000),
            storage_place: "执法队罚没物品仓库".into(),
            custodian: "王某".into(),
            taken_on: d("2026-06-10"),
            photos: vec![],
        },
    );
    let c = w.step(
        &c,
        ZHANG,
        Action::ReleaseSeizure {
            index: 0,
            date: d("2026-07-01"),
        },
    );
    w.step(
        &c,
        ZHANG,
        Action::MoveGoods {
            index: 0,
            kind: MovementKind::Return,
            date: d("2026-07-02"),
            approver: SUN,
            witnesses: vec![],
            to: "刘某".into(),
            proceeds: None,
            treasury_ref: String::new(),
            note: String::new(),
        },
    )
}

/// `demolition_before_enforcing`, then an 执行协议 on 04-01.
pub fn agreed(w: &World) -> Case {
    let c = demolition_before_enforcing(w);
    w.step(
        &c,
        SUN,
        Action::AgreeEnforcement {
            date: d("2026-04-01"),
            terms: "乙方于2026年4月30日前自行拆除二层砖房并清运建筑垃圾".into(),
            no_harm_to_public: true,
        },
    )
}
