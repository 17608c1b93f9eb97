//! The goods register of a case (罚没物品): registering what was confiscated, seized or
//! preserved, and each movement, through the gates in `gates::duty` and
//! `crate::enforcement::goods`.

use super::*;
use crate::enforcement::{self as enf, GoodsItem, GoodsMovement, GoodsOrigin, MovementKind};

/// The fields of a goods entry, as the step has them.
pub(super) struct GoodsTyped<'a> {
    pub origin: GoodsOrigin,
    pub description: &'a str,
    pub quantity: u32,
    pub unit: &'a str,
    pub estimated_value: Fen,
    pub storage_place: &'a str,
    pub custodian: &'a str,
    pub taken_on: NaiveDate,
    pub photos: &'a [Attachment],
}

/// 登记罚没物品.
pub(super) fn register_goods(step: &Step, c: &mut Case, t: GoodsTyped) -> RuleResult<StepOutcome> {
    let Step { case, ctx, .. } = *step;
    dated(t.taken_on, case, ctx, "物品登记")?;
    goods_origin_recorded(case, t.origin)?;
    require_text("物品名称及特征", t.description, text::NOTE)?;
    require_text("计量单位", t.unit, text::CODE)?;
    require_text("存放地点", t.storage_place, text::PLACE)?;
    require_text("保管人", t.custodian, text::NAME)?;
    if t.quantity == 0 {
        return Err(RuleError::input("数量须大于 0"));
    }
    if t.estimated_value.0 < 0 {
        return Err(RuleError::input("估价不能为负数"));
    }
    let confiscated_on = match t.origin {
        GoodsOrigin::Confiscated => case.decision.as_ref().map(|d| d.date),
        GoodsOrigin::Seized | GoodsOrigin::Preserved => None,
    };
    c.goods.push(GoodsItem {
        description: t.description.trim().into(),
        quantity: t.quantity,
        unit: t.unit.trim().into(),
        estimated_value: t.estimated_value,
        storage_place: t.storage_place.trim().into(),
        custodian: t.custodian.trim().into(),
        photos: t.photos.to_vec(),
        origin: t.origin,
        taken_on: t.taken_on,
        released_on: None,
        confiscated_on,
        movements: Vec::new(),
    });
    sync_goods(c);
    done(
        format!(
            "登记{}物品：{} {}{}",
            crate::serde_name(&t.origin),
            t.description.trim(),
            t.quantity,
            t.unit.trim()
        ),
        [DocKind::GoodsList],
    )
}

/// The fields of a movement, as the step has them.
pub(super) struct MoveTyped<'a> {
    pub index: usize,
    pub kind: MovementKind,
    pub date: NaiveDate,
    pub approver: i64,
    pub witnesses: &'a [String],
    pub to: &'a str,
    pub proceeds: Option<Fen>,
    pub treasury_ref: &'a str,
    pub note: &'a str,
}

/// 罚没物品出入库处置: one movement, approved, in a lawful sequence, and a disposal only as
/// the law allows (行政强制法第二十八条; 行政处罚法第七十四条).
pub(super) fn move_goods(step: &Step, c: &mut Case, t: MoveTyped) -> RuleResult<StepOutcome> {
    let Step { ctx, .. } = *step;
    not_in_future(t.date, ctx.today, "物品处置")?;
    let approver = ctx.user(t.approver)?;
    goods_movement_approved(approver, t.kind, t.witnesses)?;
    let item = nth(&mut c.goods, t.index, "罚没物品")?;
    if t.date < item.taken_on {
        return Err(RuleError::input(format!(
            "处置日期 {} 早于物品登记的日期 {}",
            t.date, item.taken_on
        )));
    }
    let mut next = item.clone();
    next.movements.push(GoodsMovement {
        kind: t.kind,
        date: t.date,
        approver: t.approver,
        witnesses: t
            .witnesses
            .iter()
            .map(|w| w.trim().to_string())
            .filter(|w| !w.is_empty())
            .collect(),
        to: t.to.trim().into(),
        proceeds: t.proceeds,
        treasury_ref: t.treasury_ref.trim().into(),
        note: t.note.trim().into(),
    });
    enf::movement_sequence_lawful(&next)?;
    enf::disposal_lawful(&next)?;
    let summary = format!(
        "{}：{} {}{}",
        crate::serde_name(&t.kind),
        next.description,
        next.quantity,
        next.unit
    );
    *item = next;
    done(summary, [DocKind::GoodsDisposal])
}

/// Keeps the register in step with the measures of the case: seized goods are released when
/// every 查封扣押 is lifted (行政强制法第二十八条), preserved goods when every 先行登记保存
/// is decided without confiscation, and held goods confiscated by a decision that
/// confiscates property.
pub(super) fn sync_goods(c: &mut Case) {
    let seizure_lifted = (!c.seizures.is_empty()
        && c.seizures.iter().all(|s| s.released_on.is_some()))
    .then(|| c.seizures.iter().filter_map(|s| s.released_on).max())
    .flatten();
    let confiscation = c
        .decision
        .as_ref()
        .filter(|d| {
            d.kinds
                .contains(&crate::catalog::PenaltyKind::ConfiscateProperty)
        })
        .map(|d| d.date);
    for g in &mut c.goods {
        if g.origin == GoodsOrigin::Confiscated {
            continue;
        }
        if g.confiscated_on.is_none() && g.released_on.is_none() {
            g.confiscated_on = confiscation.filter(|d| *d >= g.taken_on);
        }
        if g.origin == GoodsOrigin::Seized && g.confiscated_on.is_none() {
            g.released_on = seizure_lifted;
        }
    }
}
