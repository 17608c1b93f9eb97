//! The demo's orders to act and goods: each path of 行政强制法 Chapter IV the issue asks the
//! demo to hold (a village house demolished after its 公告, one corrected in time, 代履行 of
//! an obstacle with its cost, 立即代履行, a court application for demolition) and goods
//! confiscated and destroyed. Dates come from the domain's own deadlines, so each step lands
//! on the first day the gates allow.

use chrono::NaiveDate;
use serde::Deserialize;

use super::{DemoError, Run};
use crate::domain::case::{Action, ServedDoc, ServiceMethod};
use crate::domain::enforcement::{
    self as enf, Clearable, DutyKind, GoodsOrigin, MovementKind, PublicSpace, SubstituteHarm,
};
use crate::domain::money::Fen;

/// Which enforcement path a demo case takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DutyPath {
    /// 责令限期拆除, 催告, 强制执行决定, 公告, demolished once the remedy periods ended.
    Demolish,
    /// 责令限期改正, performed before the deadline.
    Corrected,
    /// 责令清除障碍物, 催告, 代履行决定, 代履行催告, 代履行 with its actual cost.
    Substitute,
    /// 立即代履行 of an obstacle on the road, the party absent, notified after.
    Immediate,
    /// 责令限期拆除 an agency may not force: 催告, then the court.
    Court,
}

impl DutyPath {
    /// Orders about an obstacle are made at once, at the scene; orders to demolish or
    /// correct come with the decision.
    pub fn at_scene(self) -> bool {
        matches!(self, DutyPath::Substitute | DutyPath::Immediate)
    }
}

/// Which goods path a demo case takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoodsPath {
    /// Registered under 先行登记保存, confiscated by the decision, stored, destroyed.
    Destroyed,
}

/// The step a path stops at when the next date is after today: the stage as it stands.
macro_rules! at {
    ($run:expr, $date:expr) => {
        match $date {
            Some(d) if d <= $run.today => {
                $run.date = d;
                d
            }
            _ => return Ok(false),
        }
    };
}

fn officers(r: &Run<'_>) -> Vec<i64> {
    r.handlers.clone()
}

fn day(r: &Run<'_>, performer: &str, removed: &str, substitute: bool, cost: Option<Fen>) -> Action {
    Action::EnforceDay {
        date: r.date,
        start: "08:30".into(),
        end: "15:30".into(),
        officers: officers(r),
        performer: performer.into(),
        witnesses: vec!["村民委员会主任".into()],
        removed: removed.into(),
        party_signed: false,
        emergency: String::new(),
        completed: true,
        substitute,
        cost,
        attachments: vec![],
    }
}

fn order(
    r: &mut Run<'_>,
    kind: DutyKind,
    obligation: &str,
    deadline: NaiveDate,
) -> Result<(), DemoError> {
    let date = r.date;
    r.act(
        r.head,
        Action::OrderDuty {
            date,
            kind,
            obligation: obligation.into(),
            deadline,
        },
    )
}

fn demand(r: &mut Run<'_>, way: &str) -> Result<bool, DemoError> {
    let deadline = at!(r, r.wd(1));
    let Some(give) = r.cal.add_working_days(deadline, 5).ok() else {
        return Ok(false);
    };
    r.act(
        r.handler,
        Action::DemandDuty {
            date: deadline,
            deadline: give,
            way: way.into(),
        },
    )?;
    r.serve(ServedDoc::DutyDemand, ServiceMethod::Direct)?;
    r.date = give;
    Ok(true)
}

/// The order and its enforcement made at the scene (obstacles): `Ok(false)` when the story
/// runs past today.
pub(super) fn at_scene(r: &mut Run<'_>, path: DutyPath) -> Result<bool, DemoError> {
    match path {
        DutyPath::Immediate => {
            let today = r.date;
            order(
                r,
                DutyKind::ClearObstacle,
                "立即清除倾倒在饮马河河道内的建筑渣土",
                today,
            )?;
            r.act(
                r.head,
                Action::ImmediateSubstitute {
                    date: today,
                    space: PublicSpace::River,
                    what: Clearable::Obstacle,
                    description:
                        "倾倒在饮马河合隆段河槽内的建筑渣土约十立方米，汛期将至，阻碍行洪，当事人不在现场"
                            .into(),
                    party_unable: true,
                    party_present: false,
                },
            )?;
            let done = day(
                r,
                "合隆镇环卫所",
                "清运河槽内的建筑渣土，恢复河道行洪断面",
                true,
                None,
            );
            r.act(r.handler, done)?;
            at!(r, r.wd(1));
            let date = r.date;
            r.act(r.handler, Action::NotifyImmediate { date })?;
            Ok(true)
        }
        DutyPath::Substitute => substitute(r),
        _ => Ok(true),
    }
}

/// 代履行 of materials piled on the road: ordered, demanded, decided, demanded again three
/// working days before, performed with its cost.
fn substitute(r: &mut Run<'_>) -> Result<bool, DemoError> {
    let issued = r.date;
    let deadline = at!(r, r.wd(3));
    r.date = issued;
    order(
        r,
        DutyKind::ClearObstacle,
        "清除堆放在幸福小区3号楼北侧消防车通道上的砂石、砖块，恢复通道畅通",
        deadline,
    )?;
    r.serve(ServedDoc::DutyOrder, ServiceMethod::Direct)?;
    r.date = deadline;
    if !demand(r, "自行清运并恢复路面")? {
        return Ok(false);
    }
    let decided = at!(r, r.wd(1));
    let Some(planned) = r.cal.add_working_days(decided, 5).ok() else {
        return Ok(false);
    };
    r.act(
        r.head,
        Action::DecideSubstitute {
            date: decided,
            planned_on: planned,
            object: "堆放在消防车通道上的砂石、砖块约6立方米".into(),
            cost_estimate: Fen::from_yuan(900),
            performer: "合隆镇环卫所".into(),
            harm: SubstituteHarm::TrafficSafety,
            way_and_time: "由合隆镇环卫所派车清运，恢复消防车通道畅通".into(),
        },
    )?;
    r.serve(ServedDoc::SubstituteDecision, ServiceMethod::Direct)?;
    let case = r.desk.store().load_case(r.id)?;
    let due = case
        .duty
        .as_ref()
        .and_then(|o| enf::substitute_demand_due(o, &r.cal).ok().flatten());
    at!(r, due);
    let date = r.date;
    r.act(r.handler, Action::DemandSubstitute { date })?;
    at!(r, Some(planned));
    let done = day(
        r,
        "合隆镇环卫所",
        "清运砂石、砖块约6立方米，清扫通道路面",
        true,
        Some(Fen::from_yuan(860)),
    );
    r.act(r.handler, done)?;
    Ok(true)
}

/// The order made with the decision and what follows: `Ok(false)` when the story runs past
/// today (the case stays in 执行).
pub(super) fn after_decision(r: &mut Run<'_>, path: DutyPath) -> Result<bool, DemoError> {
    match path {
        DutyPath::Demolish => demolish(r),
        DutyPath::Corrected => {
            let deadline = at!(r, r.days(15));
            r.date = r
                .date
                .checked_sub_days(chrono::Days::new(15))
                .unwrap_or(r.date);
            order(
                r,
                DutyKind::Correct,
                "停止建设，按乡村建设规划许可证核定的面积拆除超建部分",
                deadline,
            )?;
            r.serve(ServedDoc::DutyOrder, ServiceMethod::Direct)?;
            at!(r, r.days(10));
            let date = r.date;
            r.act(
                r.handler,
                Action::RecordPerformance {
                    date,
                    note: "经复查，当事人已自行拆除超建部分，符合许可内容".into(),
                },
            )?;
            Ok(true)
        }
        DutyPath::Court => court(r),
        DutyPath::Substitute | DutyPath::Immediate => Ok(true),
    }
}

fn demolish(r: &mut Run<'_>) -> Result<bool, DemoError> {
    let issued = r.date;
    let deadline = at!(r, r.days(15));
    r.date = issued;
    order(
        r,
        DutyKind::Demolish,
        "拆除未取得乡村建设规划许可证建设的二层砖房",
        deadline,
    )?;
    r.serve(ServedDoc::DutyOrder, ServiceMethod::Direct)?;
    r.date = deadline;
    if !demand(r, "自行拆除并清运建筑垃圾")? {
        return Ok(false);
    }
    let decided = at!(r, r.wd(1));
    r.act(
        r.head,
        Action::DecideEnforcement {
            date: decided,
            way_and_time: "公告期满且法定复议、诉讼期限届满后组织强制拆除".into(),
        },
    )?;
    r.serve(ServedDoc::EnforcementDecision, ServiceMethod::Direct)?;
    at!(r, r.wd(1));
    let date = r.date;
    r.act(
        r.handler,
        Action::PostDemolitionNotice {
            date,
            days: 10,
            place: "村民委员会公告栏及违法建筑现场".into(),
        },
    )?;
    let case = r.desk.store().load_case(r.id)?;
    let earliest = case
        .duty
        .as_ref()
        .and_then(|o| enf::earliest_enforcement_day(o, &r.cal).ok().flatten())
        .map(|e| e.date);
    at!(r, earliest);
    let done = day(
        r,
        "合隆镇综合行政执法队",
        "拆除二层砖房约120平方米，清运建筑垃圾",
        false,
        None,
    );
    r.act(r.handler, done)?;
    Ok(true)
}

fn court(r: &mut Run<'_>) -> Result<bool, DemoError> {
    let issued = r.date;
    let deadline = at!(r, r.days(15));
    r.date = issued;
    order(
        r,
        DutyKind::Demolish,
        "退还非法占用的土地，拆除在非法占用的土地上新建的房屋",
        deadline,
    )?;
    r.serve(ServedDoc::DutyOrder, ServiceMethod::Direct)?;
    r.date = deadline;
    if !demand(r, "自行拆除房屋并退还土地")? {
        return Ok(false);
    }
    let case = r.desk.store().load_case(r.id)?;
    let opens = case
        .duty
        .as_ref()
        .and_then(|o| enf::order_court_window(o, &r.cal).ok().flatten())
        .map(|(opens, _)| opens);
    let date = at!(r, opens);
    let court = r.desk.store().agency()?.court;
    r.act(r.head, Action::ApplyCourt { date, court })?;
    Ok(true)
}

/// Goods taken under 先行登记保存 on `date`, entered in the register.
pub(super) fn register_preserved(r: &mut Run<'_>, date: NaiveDate) -> Result<(), DemoError> {
    r.act(
        r.handler,
        Action::RegisterGoods {
            origin: GoodsOrigin::Preserved,
            description: "无证销售的烟花爆竹（组合烟花、爆竹）".into(),
            quantity: 59,
            unit: "箱".into(),
            estimated_value: Fen::from_yuan(8_850),
            storage_place: "合隆镇综合行政执法队罚没物品仓库".into(),
            custodian: "执法队物品保管员".into(),
            taken_on: date,
            photos: vec![],
        },
    )?;
    r.act(
        r.handler,
        Action::MoveGoods {
            index: 0,
            kind: MovementKind::StoreIn,
            date,
            approver: r.head,
            witnesses: vec![],
            to: "合隆镇综合行政执法队罚没物品仓库".into(),
            proceeds: None,
            treasury_ref: String::new(),
            note: "入库登记".into(),
        },
    )
}

/// Confiscated goods destroyed after the decision, before witnesses (行政处罚法第七十四条).
pub(super) fn destroy(r: &mut Run<'_>) -> Result<bool, DemoError> {
    at!(r, r.wd(3));
    let date = r.date;
    r.act(
        r.handler,
        Action::MoveGoods {
            index: 0,
            kind: MovementKind::Destroy,
            date,
            approver: r.head,
            witnesses: vec!["镇应急管理办公室工作人员".into(), "村民委员会主任".into()],
            to: "农安县烟花爆竹销毁场".into(),
            proceeds: None,
            treasury_ref: String::new(),
            note: "依法统一销毁".into(),
        },
    )?;
    Ok(true)
}
