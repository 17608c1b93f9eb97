//! The gates a case with an order to act or goods in its register must pass: the order
//! carried out (or lawfully ended) before closing, and goods taken, moved and settled as the
//! law requires.

use crate::case::model::Case;
use crate::case::rule::{RuleError, RuleResult};
use crate::catalog::PenaltyKind;
use crate::enforcement::{GoodsOrigin, GoodsState, MovementKind};
use crate::people::{Role, User};

/// 结案条件: an order to act is settled — performed, enforced to the end, ended under
/// 行政强制法第四十条, or handed to the court (第五十三条) — before the case closes.
pub fn duty_settled(case: &Case) -> RuleResult {
    let Some(order) = case.duty.as_ref() else {
        return Ok(());
    };
    let e = &order.enforcement;
    if order.complied_on.is_some()
        || e.termination.is_some()
        || e.days.iter().any(|d| d.completed)
        || case.court.is_some()
    {
        return Ok(());
    }
    Err(RuleError::new(
        "结案条件",
        format!(
            "{}（{}）尚未履行完毕，不能结案；可登记履行、依法强制执行或代履行、申请人民法院强制执行，或终结执行（行政强制法第四十条）",
            order.kind.name(),
            order.obligation
        ),
    ))
}

/// 结案条件: no goods left in the agency's hands — each returned, auctioned, destroyed or
/// handed over (行政强制法第二十八条; 行政处罚法第七十四条).
pub fn goods_settled(case: &Case) -> RuleResult {
    let held: Vec<String> = case
        .goods
        .iter()
        .enumerate()
        .filter(|(_, g)| {
            !matches!(
                g.state(),
                GoodsState::Returned
                    | GoodsState::Auctioned
                    | GoodsState::Destroyed
                    | GoodsState::Transferred
            )
        })
        .map(|(i, g)| format!("第{}项 {}", i + 1, g.description))
        .collect();
    if held.is_empty() {
        return Ok(());
    }
    Err(RuleError::new(
        "行政强制法第二十八条",
        format!(
            "罚没物品尚未处置完毕（{}），请登记退还、拍卖、销毁或移交后再结案",
            held.join("、")
        ),
    ))
}

/// Goods enter the register only under the measure that took them: a 查封扣押 decided in
/// the case (行政强制法第二十四条), a 先行登记保存 (行政处罚法第五十六条), or a decision that
/// confiscates property (行政处罚法第九条第（二）项).
pub fn goods_origin_recorded(case: &Case, origin: GoodsOrigin) -> RuleResult {
    let (ok, rule, what) = match origin {
        GoodsOrigin::Seized => (
            !case.seizures.is_empty(),
            "行政强制法第二十四条",
            "本案没有查封扣押决定，不能登记查封扣押的物品",
        ),
        GoodsOrigin::Preserved => (
            !case.preservations.is_empty(),
            "行政处罚法第五十六条",
            "本案没有先行登记保存，不能登记先行登记保存的物品",
        ),
        GoodsOrigin::Confiscated => (
            case.decision
                .as_ref()
                .is_some_and(|d| d.kinds.contains(&PenaltyKind::ConfiscateProperty)),
            "行政处罚法第九条第（二）项",
            "本案的处罚决定没有没收非法财物，不能登记没收的物品",
        ),
    };
    if ok {
        Ok(())
    } else {
        Err(RuleError::new(rule, what))
    }
}

/// A movement of goods is approved by a 负责人, and a disposal (拍卖、销毁) names its
/// witnesses, so the record shows who saw the goods go (行政处罚法第七十四条 says how they
/// are disposed of, not who watches: the witnesses are the agency's record-keeping rule).
pub fn goods_movement_approved(
    approver: &User,
    kind: MovementKind,
    witnesses: &[String],
) -> RuleResult {
    if !approver.roles.contains(&Role::Head) {
        return Err(RuleError::new(
            "罚没物品管理",
            format!("{} 不是负责人，罚没物品的处置须经负责人批准", approver.name),
        ));
    }
    if matches!(kind, MovementKind::Destroy | MovementKind::Auction)
        && witnesses.iter().all(|w| w.trim().is_empty())
    {
        return Err(RuleError::new(
            "罚没物品处置记录",
            "拍卖、销毁罚没物品须登记在场见证人",
        ));
    }
    Ok(())
}

/// Goods the case still holds that it should not: seized goods not returned once every
/// 查封扣押 is lifted (行政强制法第二十八条第二款), and preserved goods whose
/// 先行登记保存 was not decided within seven working days (行政处罚法第五十六条) — a
/// preservation decided in time keeps its goods lawfully until the decision.
pub fn goods_held_unlawfully(
    case: &Case,
    today: chrono::NaiveDate,
    cal: &crate::calendar::Calendar,
) -> RuleResult<Vec<crate::enforcement::Unreturned>> {
    let decided_in_time = |taken: chrono::NaiveDate| {
        case.preservations.iter().any(|p| {
            p.date <= taken
                && p.decided_on
                    .is_some_and(|d| cal.add_working_days(p.date, 7).is_ok_and(|due| d <= due))
        })
    };
    Ok(
        crate::enforcement::seized_goods_unreturned(&case.goods, today, cal)?
            .into_iter()
            .filter(|u| {
                let g = &case.goods[u.index];
                !(g.origin == GoodsOrigin::Preserved
                    && g.released_on.is_none()
                    && decided_in_time(g.taken_on))
            })
            .collect(),
    )
}
