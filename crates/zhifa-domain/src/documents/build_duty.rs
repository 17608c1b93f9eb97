//! The papers of an order to act and its enforcement (行政强制法第四章): the order, its 催告书,
//! the 强制执行决定书, the 强制拆除公告, the 代履行 papers, the 执行协议 and the 强制执行笔录;
//! and the goods register (罚没物品清单, 处置记录). Each reads the record the workflow kept;
//! dates and periods come from the same functions the gates ask.

use super::amount::figures_and_capitals;
use super::check::remedy_text;
use super::common::{cause, cite, date, party_names, party_rows, you};
use super::{DocCtx, DocKind, Paper};
use crate::enforcement::{notice_period_end, DutyOrder, EnforcementPower, GoodsItem, GoodsOrigin};
use crate::serde_name;

fn number(ctx: &DocCtx<'_>, kind: DocKind) -> Option<String> {
    kind.code().and_then(|c| ctx.number(c))
}

pub(super) fn order_title(order: &DutyOrder) -> String {
    format!("{}决定书", order.kind.name())
}

/// How the order is enforced if not performed, as the order and its 催告 tell the party.
fn consequence(order: &DutyOrder) -> String {
    match order.power {
        EnforcementPower::SelfEnforce => format!(
            "逾期不履行的，本机关将依照《中华人民共和国行政强制法》第四章的规定催告并依法强制执行（{}）。",
            cite(order.enforce_basis_or_basis())
        ),
        EnforcementPower::ApplyToCourt => {
            "逾期不履行，又不在法定期限内申请行政复议或者提起行政诉讼的，本机关将依照《中华人民共和国行政强制法》第五十三条、第五十四条的规定申请人民法院强制执行；不履行的后果已经或者将危害交通安全、造成环境污染或者破坏自然资源的，本机关可以依照该法第五十条的规定代履行。".to_string()
        }
    }
}

/// 责令限期拆除（改正、恢复原状 …）决定书.
pub(super) fn order(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    let Some(order) = case.duty.as_ref() else {
        return Vec::new();
    };
    let kind = DocKind::DutyOrder;
    let mut p = Paper::new(kind, &ctx.agency.full_name, number(ctx, kind));
    p.title = order_title(order);
    p.date = date(order.issued_on);
    p.fields(party_rows(case, order.issued_on));
    let you = you(case);
    p.para(format!(
        "经查，{you}{}（{}）。{}",
        cause(case),
        case.place,
        case.facts.trim()
    ));
    p.para(format!(
        "依据{}的规定，本机关责令{you}：{}。履行期限：{}前。",
        cite(&order.basis),
        order.obligation.trim_end_matches('。'),
        date(order.deadline)
    ));
    p.para(consequence(order));
    p.para(remedy_text(ctx, false));
    p.closing(&ctx.agency.full_name, &date(order.issued_on));
    vec![p]
}

/// 催告书 for the duty (行政强制法第三十五条: the duty, its deadline, the way to perform, the
/// right to state and defend).
pub(super) fn demand(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    let Some(order) = case.duty.as_ref() else {
        return Vec::new();
    };
    let Some(d) = order.enforcement.demand.as_ref() else {
        return Vec::new();
    };
    let kind = DocKind::DutyDemand;
    let mut p = Paper::new(kind, &ctx.agency.full_name, number(ctx, kind));
    p.date = date(d.date);
    let you = you(case);
    let served = order
        .served_on
        .map(|s| format!("，已于{}送达{you}", date(s)))
        .unwrap_or_default();
    p.para(format!("{}：", party_names(case)));
    p.para(format!(
        "本机关于{}作出{}{}，责令{you}于{}前{}。{you}至今未履行。",
        date(order.issued_on),
        order_title(order),
        served,
        date(order.deadline),
        order.obligation.trim_end_matches('。')
    ));
    p.para(format!(
        "依据《中华人民共和国行政强制法》第三十五条的规定，现催告{you}于{}前履行上述义务。履行方式：{}。",
        date(d.deadline),
        d.way.trim_end_matches('。')
    ));
    p.para(format!(
        "{you}收到本催告书后有权进行陈述和申辩（《中华人民共和国行政强制法》第三十六条），可以在{}前向本机关提出书面意见或者口头陈述，本机关将记录、复核，事实、理由或者证据成立的予以采纳。",
        date(d.deadline)
    ));
    p.para(consequence(order));
    p.closing(&ctx.agency.full_name, &date(d.date));
    vec![p]
}

/// 强制执行决定书 (行政强制法第三十七条第二款).
pub(super) fn decision(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    let Some(d) = case
        .duty
        .as_ref()
        .and_then(|o| o.enforcement.decision.as_ref())
    else {
        return Vec::new();
    };
    let kind = DocKind::EnforcementDecision;
    let mut p = Paper::new(kind, &ctx.agency.full_name, number(ctx, kind));
    p.date = date(d.date);
    p.fields([
        ("当事人", d.party_name.clone()),
        ("地址", d.party_address.clone()),
    ]);
    p.para(format!(
        "强制执行的理由和依据：{}。",
        d.reasons_and_basis.trim_end_matches('。')
    ));
    p.para("依据《中华人民共和国行政强制法》第三十七条的规定，本机关决定强制执行。");
    p.para(format!(
        "强制执行的方式和时间：{}。",
        d.way_and_time.trim_end_matches('。')
    ));
    p.para(remedy_text(ctx, false));
    p.closing(&ctx.agency.full_name, &date(d.date));
    vec![p]
}

/// 强制拆除公告 (行政强制法第四十四条).
pub(super) fn notice(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    let Some(order) = case.duty.as_ref() else {
        return Vec::new();
    };
    let Some(n) = order.enforcement.public_notice.as_ref() else {
        return Vec::new();
    };
    let kind = DocKind::DemolitionNotice;
    let mut p = Paper::new(kind, &ctx.agency.full_name, number(ctx, kind));
    p.date = date(n.date);
    let ends = notice_period_end(order, ctx.calendar)
        .ok()
        .flatten()
        .map(|e| format!("（至{}）", date(e)))
        .unwrap_or_default();
    p.para(format!(
        "{}位于{}的建筑物、构筑物或者设施，经本机关于{}作出{}，责令其{}，当事人逾期未履行。",
        party_names(case),
        case.place,
        date(order.issued_on),
        order_title(order),
        order.obligation.trim_end_matches('。')
    ));
    p.para(format!(
        "依据《中华人民共和国行政强制法》第四十四条的规定，现予公告：限当事人自本公告发布之日起{}{ends}内自行拆除。期满仍未拆除，且在法定期限内不申请行政复议或者提起行政诉讼的，本机关将依法强制拆除。",
        n.period
    ));
    p.para(format!("公告张贴地点：{}。", n.place));
    p.closing(&ctx.agency.full_name, &date(n.date));
    vec![p]
}

/// 代履行决定书 (行政强制法第五十一条第一款第（一）项).
pub(super) fn substitute_decision(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let Some(s) = ctx
        .case
        .duty
        .as_ref()
        .and_then(|o| o.enforcement.substitute.as_ref())
    else {
        return Vec::new();
    };
    let d = &s.decision;
    let kind = DocKind::SubstituteDecision;
    let mut p = Paper::new(kind, &ctx.agency.full_name, number(ctx, kind));
    p.date = date(d.date);
    p.fields([
        ("当事人", d.party_name.clone()),
        ("地址", d.party_address.clone()),
    ]);
    p.para(format!(
        "代履行的理由和依据：{}。",
        d.reasons_and_basis.trim_end_matches('。')
    ));
    if let Some(h) = d.harm {
        p.para(format!(
            "当事人不履行的后果{}，依据《中华人民共和国行政强制法》第五十条、第五十一条的规定，本机关决定代履行。",
            serde_name(&h)
        ));
    }
    p.fields([
        (
            "代履行的方式和时间",
            format!("{}（{}）", d.way_and_time, date(d.planned_on)),
        ),
        ("标的", d.object.clone()),
        ("费用预算", figures_and_capitals(d.cost_estimate)),
        ("代履行人", d.performer.clone()),
    ]);
    p.para("代履行的费用按照成本合理确定，由当事人承担（《中华人民共和国行政强制法》第五十一条第二款）。代履行三日前本机关将催告当事人履行；当事人履行的，停止代履行。");
    p.para(remedy_text(ctx, false));
    p.closing(&ctx.agency.full_name, &date(d.date));
    vec![p]
}

/// 代履行催告书 (行政强制法第五十一条第一款第（二）项).
pub(super) fn substitute_demand(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    let Some(s) = case
        .duty
        .as_ref()
        .and_then(|o| o.enforcement.substitute.as_ref())
    else {
        return Vec::new();
    };
    let Some(on) = s.demand_on else {
        return Vec::new();
    };
    let kind = DocKind::SubstituteDemand;
    let mut p = Paper::new(kind, &ctx.agency.full_name, number(ctx, kind));
    p.date = date(on);
    let you = you(case);
    p.para(format!("{}：", party_names(case)));
    p.para(format!(
        "本机关于{}作出代履行决定，定于{}对{}实施代履行。依据《中华人民共和国行政强制法》第五十一条第一款第（二）项的规定，现催告{you}在代履行前自行履行；{you}履行的，本机关停止代履行。",
        date(s.decision.date),
        date(s.decision.planned_on),
        s.decision.object
    ));
    p.closing(&ctx.agency.full_name, &date(on));
    vec![p]
}

/// 立即代履行事后通知书 (行政强制法第五十二条).
pub(super) fn immediate_notice(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    let Some(im) = case
        .duty
        .as_ref()
        .and_then(|o| o.enforcement.immediate.as_ref())
    else {
        return Vec::new();
    };
    let Some(on) = im.notified_on else {
        return Vec::new();
    };
    let kind = DocKind::ImmediateNotice;
    let mut p = Paper::new(kind, &ctx.agency.full_name, number(ctx, kind));
    p.date = date(on);
    p.para(format!("{}：", party_names(case)));
    p.para(format!(
        "{}，{}位于{}的{}（{}）需要立即清除，当事人不能清除且不在场。依据《中华人民共和国行政强制法》第五十二条的规定，本机关决定立即实施代履行，现将有关情况通知如下：{}。",
        date(im.date),
        serde_name(&im.space),
        case.place,
        serde_name(&im.what),
        cause(case),
        im.description.trim_end_matches('。')
    ));
    p.para(remedy_text(ctx, false));
    p.closing(&ctx.agency.full_name, &date(on));
    vec![p]
}

/// 执行协议 (行政强制法第四十二条).
pub(super) fn agreement(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    let Some(a) = case
        .duty
        .as_ref()
        .and_then(|o| o.enforcement.agreement.as_ref())
    else {
        return Vec::new();
    };
    let kind = DocKind::EnforcementAgreement;
    let mut p = Paper::new(kind, &ctx.agency.full_name, None);
    p.date = date(a.date);
    p.fields([
        ("甲方（行政机关）", ctx.agency.full_name.clone()),
        ("乙方（当事人）", party_names(case)),
    ]);
    p.para("依据《中华人民共和国行政强制法》第四十二条的规定，在不损害公共利益和他人合法权益的情况下，双方达成如下执行协议：");
    p.para(a.terms.clone());
    p.para("乙方不履行本协议的，甲方将恢复强制执行。");
    p.signatures(["甲方（盖章）：", "乙方（签名）："]);
    p.closing(&ctx.agency.full_name, &date(a.date));
    vec![p]
}

/// 强制执行笔录, one per day of enforcement or 代履行.
pub(super) fn records(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    let Some(order) = case.duty.as_ref() else {
        return Vec::new();
    };
    let kind = DocKind::EnforcementRecord;
    let name = |id: &i64| {
        ctx.users
            .get(id)
            .map(|u| match &u.cert_no {
                Some(no) => format!("{}（执法证号 {no}）", u.name),
                None => u.name.clone(),
            })
            .unwrap_or_default()
    };
    let days = &order.enforcement.days;
    days.iter()
        .enumerate()
        .map(|(i, d)| {
            let mut p = Paper::new(kind, &ctx.agency.full_name, None);
            p.date = date(d.date);
            if days.len() > 1 {
                p.note = format!("第{}次", i + 1);
            }
            p.fields([
                (
                    "时间",
                    format!(
                        "{} {}至{}",
                        date(d.date),
                        d.start.format("%H:%M"),
                        d.end.format("%H:%M")
                    ),
                ),
                ("地点", case.place.clone()),
                ("当事人", party_names(case)),
                ("执行依据", order_title(order)),
                (
                    "到场执法人员",
                    d.officers.iter().map(name).collect::<Vec<_>>().join("、"),
                ),
                ("实施人", d.performer.clone()),
                ("见证人", d.witnesses.join("、")),
            ]);
            p.para(format!("执行情况：{}", d.removed));
            if let Some(e) = &d.emergency {
                p.para(format!("夜间或者法定节假日实施的紧急情况：{e}"));
            }
            if !d.attachments.is_empty() {
                p.para(format!(
                    "现场照片、视频{}份（文件名及SHA-256校验值见附件清单）。",
                    d.attachments.len()
                ));
            }
            p.para(if d.completed {
                "执行完毕。"
            } else {
                "本次未执行完毕。"
            });
            let party = if d.party_signed {
                "当事人（签名）："
            } else {
                "见证人（签名）："
            };
            p.signatures(["执法人员（签名）：", "实施人（签名）：", party]);
            p
        })
        .collect()
}

fn origin_text(g: &GoodsItem) -> String {
    match (g.origin, g.confiscated_on) {
        (GoodsOrigin::Confiscated, _) => "没收".to_string(),
        (o, Some(c)) => format!("{}（{}没收）", serde_name(&o), date(c)),
        (o, None) => serde_name(&o),
    }
}

/// 罚没物品清单: the case's goods register.
pub(super) fn goods_list(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    if case.goods.is_empty() {
        return Vec::new();
    }
    let kind = DocKind::GoodsList;
    let mut p = Paper::new(kind, &ctx.agency.full_name, None);
    let first = case
        .goods
        .iter()
        .map(|g| g.taken_on)
        .min()
        .unwrap_or(ctx.today);
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
                origin_text(g),
                g.storage_place.clone(),
                g.custodian.clone(),
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
            "来源",
            "存放地点",
            "保管人",
            "状态",
        ],
        rows,
    );
    p.signatures(["执法人员（签名）：", "当事人（签名）：", "保管人（签名）："]);
    vec![p]
}

/// 罚没物品处置记录: every movement of the register, with its approval and witnesses.
pub(super) fn goods_disposal(ctx: &DocCtx<'_>) -> Vec<Paper> {
    let case = ctx.case;
    let rows: Vec<Vec<String>> = case
        .goods
        .iter()
        .enumerate()
        .flat_map(|(i, g)| {
            g.movements.iter().map(move |m| {
                let approver = ctx
                    .users
                    .get(&m.approver)
                    .map(|u| u.name.clone())
                    .unwrap_or_default();
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
                    approver,
                    m.witnesses.join("、"),
                    [money, m.note.clone()]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join("；"),
                ]
            })
        })
        .collect();
    if rows.is_empty() {
        return Vec::new();
    }
    let kind = DocKind::GoodsDisposal;
    let mut p = Paper::new(kind, &ctx.agency.full_name, None);
    let last = case
        .goods
        .iter()
        .flat_map(|g| g.movements.iter().map(|m| m.date))
        .max()
        .unwrap_or(ctx.today);
    p.date = date(last);
    p.fields([("案由", cause(case)), ("当事人", party_names(case))]);
    p.table(
        &[
            "物品序号",
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
    p.para("依法没收的非法财物，除依法应当销毁的外，按照国家规定公开拍卖或者按照国家有关规定处理，拍卖款项全部上缴国库（《中华人民共和国行政处罚法》第七十四条）。");
    vec![p]
}
