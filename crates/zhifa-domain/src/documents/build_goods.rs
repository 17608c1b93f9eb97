//! The goods register on paper: the 罚没物品清单 and the 罚没物品处置记录, read from the
//! case's register and its movements.

use super::common::{cause, date, party_names};
use super::{DocCtx, DocKind, Paper};
use crate::enforcement::{GoodsItem, GoodsOrigin, MovementKind};
use crate::serde_name;

/// `查封扣押（2026年7月1日没收）`: how the goods came in, and their confiscation if later.
fn origin_text(g: &GoodsItem) -> String {
    match (g.origin, g.confiscated_on) {
        (GoodsOrigin::Confiscated, _) => serde_name(&GoodsOrigin::Confiscated),
        (o, Some(c)) => format!("{}（{}没收）", serde_name(&o), date(c)),
        (o, None) => serde_name(&o),
    }
}

fn confiscated(g: &GoodsItem) -> bool {
    g.origin == GoodsOrigin::Confiscated || g.confiscated_on.is_some()
}

/// 罚没物品清单: every item of the register, dated the day the first was taken.
pub(super) fn list(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    let Some(first) = case.goods.iter().map(|g| g.taken_on).min() else {
        return Vec::new();
    };
    let kind = DocKind::GoodsList;
    let mut p = Paper::new(kind, &ctx.agency.full_name, None);
    p.date = date(first);
    p.fields([("案由", cause(case)), ("当事人", party_names(case))]);
    let rows = case
        .goods
        .iter()
        .enumerate()
        .map(|(i, g)| {
            vec![
                (i + 1).to_string(),
                g.description.clone(),
                format!("{}{}", g.quantity, g.unit),
                g.estimated_value.to_string(),
                format!("{}，{}", origin_text(g), date(g.taken_on)),
                format!("{}，{}", g.storage_place, g.custodian),
                serde_name(&g.state()),
            ]
        })
        .collect();
    p.table(
        &[
            "序号",
            "名称及特征",
            "数量",
            "估价",
            "来源及日期",
            "存放地点及保管人",
            "状态",
        ],
        rows,
    );
    p.signatures(["执法人员（签名）：", "当事人（签名）：", "保管人（签名）："]);
    vec![p]
}

/// 罚没物品处置记录: every movement of the register with its approver and witnesses, dated
/// the last movement, and the rule each kind of disposal followed.
pub(super) fn disposal(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    let moves = || {
        case.goods
            .iter()
            .enumerate()
            .flat_map(|(i, g)| g.movements.iter().map(move |m| (i, g, m)))
    };
    let Some(last) = moves().map(|(_, _, m)| m.date).max() else {
        return Vec::new();
    };
    let rows = moves()
        .map(|(i, g, m)| {
            let money = m
                .proceeds
                .map(|f| format!("所得{f}，缴库凭证{}", m.treasury_ref))
                .unwrap_or_default();
            vec![
                (i + 1).to_string(),
                g.description.clone(),
                serde_name(&m.kind),
                date(m.date),
                m.to.clone(),
                ctx.name(m.approver),
                m.witnesses.join("、"),
                [money, m.note.clone()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join("；"),
            ]
        })
        .collect();
    let kind = DocKind::GoodsDisposal;
    let mut p = Paper::new(kind, &ctx.agency.full_name, None);
    p.date = date(last);
    p.fields([("案由", cause(case)), ("当事人", party_names(case))]);
    p.table(
        &[
            "序号",
            "名称",
            "处置",
            "日期",
            "去向",
            "批准人",
            "见证人",
            "备注",
        ],
        rows,
    );
    let disposed =
        |kinds: &[MovementKind]| moves().any(|(_, g, m)| confiscated(g) && kinds.contains(&m.kind));
    if disposed(&[MovementKind::Auction, MovementKind::Destroy]) {
        p.para("没收的非法财物，除依法应当销毁的以外，按照国家规定公开拍卖或者按照国家有关规定处理；拍卖款项全部上缴国库（《中华人民共和国行政处罚法》第七十四条第一款、第二款）。");
    }
    if moves().any(|(_, g, m)| {
        g.origin == GoodsOrigin::Seized && !confiscated(g) && m.kind == MovementKind::Return
    }) {
        p.para("解除查封、扣押的，财物立即退还当事人（《中华人民共和国行政强制法》第二十八条第二款）。");
    }
    let mut lines = vec!["经办人（签名）：", "批准人（签名）："];
    if moves().any(|(_, _, m)| m.witnesses.iter().any(|w| !w.trim().is_empty())) {
        lines.push("见证人（签名）：");
    }
    p.signatures(lines);
    vec![p]
}
