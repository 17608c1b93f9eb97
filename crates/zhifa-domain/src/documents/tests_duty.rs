//! Issue 17, the papers of an order to act: each built from a case taken through the
//! enforcement steps and read back — every item its article requires, the dates the record
//! or the gates' own functions give, and nothing said that did not happen.

use super::tests::{agency, all_text, ctx, numbered};
use super::tests_served::receipt_of;
use super::*;
use crate::case::fixtures::*;
use crate::case::fixtures_duty::*;
use crate::case::model::Attachment;
use crate::case::{Action, ServedDoc};
use crate::enforcement::{
    earliest_enforcement_day, notice_period_end, order_remedy_periods_end, DutyKind,
};

fn text_of(c: &Case, w: &World, kind: DocKind) -> (Vec<Paper>, String) {
    let a = agency();
    let papers = build(kind, &ctx(c, &a, w)).unwrap();
    let t = all_text(&papers);
    (papers, t)
}

fn has_all(t: &str, needles: &[&str]) {
    for n in needles {
        assert!(t.contains(n), "missing “{n}”:\n{t}");
    }
}

fn signature_lines(p: &Paper) -> Vec<String> {
    p.blocks
        .iter()
        .find_map(|b| match b {
            Block::Signatures { lines } => Some(lines.clone()),
            _ => None,
        })
        .unwrap_or_default()
}

/// The demolition case enforced on Monday 2026-10-12, as `day` records it, changed by `edit`.
fn demolished(w: &World, edit: impl FnOnce(&mut Action)) -> Case {
    let c = demolition_before_enforcing(w);
    let mut a = day("2026-10-12", false, true);
    edit(&mut a);
    numbered(w.step(&c, ZHANG, a))
}

/// 城乡规划法第六十五条 order: the facts, the duty with its deadline and basis, the
/// 催告 and enforcement that follow (行政强制法第三十五条、第三十七条、第四十四条), and the
/// remedies, under its own title and number, dated the day it was made.
#[test]
fn the_order_states_duty_deadline_basis_what_follows_and_remedies() {
    let w = World::new();
    let c = demolished(&w, |_| {});
    let (papers, t) = text_of(&c, &w, DocKind::DutyOrder);
    let p = &papers[0];
    assert_eq!(p.title, "责令限期拆除决定书");
    assert_eq!(p.number.as_deref(), Some("合综执责履〔2026〕1号"));
    assert_eq!(p.date, "2026年3月2日");
    has_all(
        &t,
        &[
            "于2026年2月27日在合隆镇某村东侧农田",
            "违反了《中华人民共和国城乡规划法》第四十一条第一款",
            "依据《中华人民共和国城乡规划法》第六十五条的规定，本机关责令你于2026年3月16日前拆除东侧未经许可建设的二层砖房。",
            "《中华人民共和国行政强制法》第三十五条、第三十七条的规定书面催告",
            "依法作出强制执行决定并强制执行",
            "第四十四条予以公告",
            "六十日内向农安县人民政府申请行政复议",
            "六个月内直接向农安县人民法院提起行政诉讼",
        ],
    );
    // "该法" never points back at the 城乡规划法.
    assert!(!t.contains("第六十五条和该法"), "{t}");
    // The remedies paragraph is check::remedy_text's, word for word.
    let a = agency();
    assert!(t.contains(&check::remedy_text(&a, false)));
}

/// 土地管理法第八十三条: the 责令限期拆除 of a house on illegally occupied land (ZR-003) tells
/// the party it may sue within fifteen days of receipt; the 复议 route keeps its sixty days.
#[test]
fn tudi_art_83_a_land_demolition_order_prints_fifteen_days_to_sue() {
    let w = World::new();
    let c = filed(&w, "ZR-003", "2026-02-27", "2026-03-02");
    let c = w.step(
        &c,
        SUN,
        order(DutyKind::Demolish, "2026-03-02", "2026-03-16"),
    );
    let o = c.duty.as_ref().unwrap();
    assert_eq!(
        o.suit,
        Some(crate::enforcement::SpecialSuit::LandDemolition)
    );
    assert_eq!(o.power, crate::enforcement::EnforcementPower::ApplyToCourt);
    let c = numbered(w.step(&c, ZHANG, serve(ServedDoc::DutyOrder, "2026-03-02")));
    let (papers, t) = text_of(&c, &w, DocKind::DutyOrder);
    assert_eq!(papers[0].title, "责令限期拆除决定书");
    has_all(
        &t,
        &[
            "依据《中华人民共和国土地管理法》第七十八条第一款的规定，本机关责令你于2026年3月16日前",
            "自收到本决定书之日起六十日内向农安县人民政府申请行政复议",
            "依照《中华人民共和国土地管理法》第八十三条的规定，自收到本决定书之日起十五日内直接向农安县人民法院提起行政诉讼",
            "申请人民法院强制执行",
        ],
    );
    assert!(!t.contains("六个月"), "{t}");
    // The same periods the court window asks.
    let (basis, _) = order_remedy_periods_end(c.duty.as_ref().unwrap(), &w.calendar)
        .unwrap()
        .unwrap();
    assert!(basis.contains("土地管理法第八十三条"), "{basis}");
}

/// An order only a court may enforce (CG-011) says so, and names 代履行 (第五十条).
#[test]
fn an_order_the_township_cannot_enforce_points_to_the_court() {
    let w = World::new();
    let c = numbered(substitute_ready(&w));
    let (papers, t) = text_of(&c, &w, DocKind::DutyOrder);
    assert_eq!(papers[0].title, "责令清除障碍物决定书");
    has_all(
        &t,
        &[
            "第五十三条、第五十四条的规定催告后申请人民法院强制执行",
            "第五十条的规定代履行",
        ],
    );
    assert!(!t.contains("作出强制执行决定"), "{t}");
}

/// 行政强制法第三十五条: in writing, the period, the way, the right to state and defend; the
/// order it follows with its number and the day it was served.
#[test]
fn the_demand_carries_every_article_35_item() {
    let w = World::new();
    let c = demolished(&w, |_| {});
    let (papers, t) = text_of(&c, &w, DocKind::DutyDemand);
    assert_eq!(papers[0].number.as_deref(), Some("合综执履催〔2026〕1号"));
    assert_eq!(papers[0].date, "2026年3月17日");
    has_all(
        &t,
        &[
            "刘某：",
            "责令限期拆除决定书（合综执责履〔2026〕1号），于2026年3月2日送达你",
            "行政强制法》第三十五条",
            "一、履行义务的期限：2026年3月27日前。",
            "二、履行义务的方式：自行拆除并清运建筑垃圾。",
            "三、你依法享有陈述权和申辩权",
            "联系人：张三、李四。",
            "第三十六条",
        ],
    );
}

/// 行政强制法第三十七条第二款: party and address, reasons and basis (the order and the 催告
/// with their dates), way and time, remedies, agency and date; for a building the 公告 and
/// the remedy periods first (第四十四条). Without a review body it is not printed.
#[test]
fn the_enforcement_decision_carries_every_article_37_item() {
    let w = World::new();
    let c = demolished(&w, |_| {});
    let (papers, t) = text_of(&c, &w, DocKind::EnforcementDecision);
    let p = &papers[0];
    assert_eq!(p.number.as_deref(), Some("合综执强决〔2026〕1号"));
    assert_eq!(p.date, "2026年3月30日");
    has_all(
        &t,
        &[
            "当事人",
            "刘某",
            "地址",
            "农安县合隆镇某村",
            "于2026年3月17日送达你，催告你于2026年3月27日前履行",
            "强制执行的理由和依据：",
            "《中华人民共和国城乡规划法》第六十五条",
            "行政强制法》第三十七条的规定，本机关决定强制执行",
            "强制执行的方式和时间：公告期满后组织强制拆除。",
            "行政强制法》第四十四条的规定予以公告",
            "六十日内向农安县人民政府申请行政复议",
            "合隆镇人民政府",
        ],
    );
    let mut a = agency();
    a.review_body = String::new();
    let e = build(DocKind::EnforcementDecision, &ctx(&c, &a, &w)).unwrap_err();
    assert!(
        matches!(
            e,
            DocError::MissingItem {
                article: "行政强制法第三十七条第二款",
                item: "申请行政复议的途径",
                ..
            }
        ),
        "{e:?}"
    );
}

/// 行政强制法第四十四条: the 公告's period ends on the day `notice_period_end` gives, and the
/// remedy periods on the day `order_remedy_periods_end` gives — the days the demolition gate
/// asks, so the earliest lawful day falls after both.
#[test]
fn the_demolition_notice_states_the_days_the_gate_asks() {
    let w = World::new();
    let c = numbered(demolition_before_enforcing(&w));
    let o = c.duty.as_ref().unwrap();
    let ends = notice_period_end(o, &w.calendar).unwrap().unwrap();
    let (_, remedies) = order_remedy_periods_end(o, &w.calendar).unwrap().unwrap();
    assert_eq!((ends, remedies), (d("2026-04-15"), d("2026-09-02")));
    let earliest = earliest_enforcement_day(o, &w.calendar).unwrap().unwrap();
    assert!(earliest.date > remedies && earliest.date > ends);
    let (papers, t) = text_of(&c, &w, DocKind::DemolitionNotice);
    assert_eq!(papers[0].number.as_deref(), Some("合综执拆告〔2026〕1号"));
    assert_eq!(papers[0].date, "2026年3月31日");
    has_all(
        &t,
        &[
            "行政强制法》第四十四条",
            "自本公告发布之日起十个工作日内（至2026年4月15日）自行拆除",
            "申请行政复议（六十日）和提起行政诉讼（六个月）的期限至2026年9月2日届满",
            "经本机关于2026年3月17日书面催告",
            "公告张贴地点：东村村委会公告栏及现场。",
        ],
    );
}

/// A 公告 posted straight after the order was served says no 催告 that was never made.
#[test]
fn a_notice_before_any_demand_does_not_claim_one() {
    let w = World::new();
    let c = filed(&w, "GH-003", "2026-02-27", "2026-03-02");
    let c = w.step(
        &c,
        SUN,
        order(DutyKind::Demolish, "2026-03-02", "2026-03-16"),
    );
    let c = w.step(&c, ZHANG, serve(ServedDoc::DutyOrder, "2026-03-02"));
    let c = numbered(w.step(
        &c,
        ZHANG,
        Action::PostDemolitionNotice {
            date: d("2026-03-17"),
            days: 30,
            place: "现场".into(),
        },
    ));
    let (_, t) = text_of(&c, &w, DocKind::DemolitionNotice);
    assert!(!t.contains("催告"), "{t}");
    has_all(&t, &["于2026年3月2日送达", "三十日内（至2026年4月16日）"]);
}

/// A 公告 posted while the next year's holiday table is not out still prints: the remedy
/// periods end on the day the law names, with the rule that may still move it.
#[test]
fn a_notice_whose_remedy_periods_end_in_an_unpublished_year_states_the_statutory_day() {
    let w = World::new();
    let c = filed(&w, "GH-003", "2026-07-31", "2026-08-03");
    let c = w.step(
        &c,
        SUN,
        order(DutyKind::Demolish, "2026-08-03", "2026-08-17"),
    );
    let c = w.step(&c, ZHANG, serve(ServedDoc::DutyOrder, "2026-08-03"));
    let c = numbered(w.step(
        &c,
        ZHANG,
        Action::PostDemolitionNotice {
            date: d("2026-08-18"),
            days: 30,
            place: "现场".into(),
        },
    ));
    let o = c.duty.as_ref().unwrap();
    assert!(
        order_remedy_periods_end(o, &w.calendar).is_err(),
        "2027 has no table here"
    );
    let (_, t) = text_of(&c, &w, DocKind::DemolitionNotice);
    has_all(
        &t,
        &["期限至2027年2月3日届满（该日如逢休息日或法定节假日，以其后的第一个工作日为届满日）"],
    );
}

/// The record's signature lines follow who signed: the party only when the party signed,
/// witnesses only when there were; the files listed with their hashes.
#[test]
fn the_enforcement_record_signs_as_it_happened() {
    let w = World::new();
    let c = demolished(&w, |a| {
        if let Action::EnforceDay { attachments, .. } = a {
            attachments.push(Attachment {
                file_name: "拆除前.jpg".into(),
                sha256: "ab".repeat(32),
                size: 1024,
            });
        }
    });
    let (papers, t) = text_of(&c, &w, DocKind::EnforcementRecord);
    assert_eq!(papers.len(), 1);
    assert_eq!(papers[0].date, "2026年10月12日");
    assert_eq!(
        signature_lines(&papers[0]),
        ["执法人员（签名）：", "实施人（签名）：", "见证人（签名）："]
    );
    has_all(
        &t,
        &[
            "2026年10月12日 09:00至16:00",
            "强制执行（行政强制法第三十七条）",
            "责令限期拆除决定书（合综执责履〔2026〕1号）；强制执行决定书（合综执强决〔2026〕1号）",
            "张三（执法证号 22010010001）",
            "村委会主任赵某",
            "当事人未在本笔录上签名。",
            "执行完毕。",
            "拆除前.jpg",
            &"ab".repeat(32),
        ],
    );
    let c = demolished(&w, |a| {
        if let Action::EnforceDay {
            party_signed,
            witnesses,
            ..
        } = a
        {
            *party_signed = true;
            witnesses.clear();
        }
    });
    let (papers, t) = text_of(&c, &w, DocKind::EnforcementRecord);
    assert_eq!(
        signature_lines(&papers[0]),
        [
            "执法人员（签名）：",
            "实施人（签名）：",
            "当事人（签名或者盖章）："
        ]
    );
    assert!(!t.contains("未在本笔录上签名"), "{t}");
    assert!(!t.contains("见证人（签名）"), "{t}");
}

/// 代履行 (行政强制法第五十条、第五十一条): the decision names every item of 第五十一条第一款
/// 第（一）项; the 催告 names the decision and the day; the day's record names the
/// supervising officer, the 代履行人 and the cost charged.
#[test]
fn substitute_papers_carry_every_article_51_item() {
    let w = World::new();
    let c = numbered(substitute_done(&w));
    let (papers, t) = text_of(&c, &w, DocKind::SubstituteDecision);
    assert_eq!(papers[0].number.as_deref(), Some("合综执代决〔2026〕1号"));
    assert_eq!(papers[0].date, "2026年6月9日");
    has_all(
        &t,
        &[
            "刘某",
            "农安县合隆镇某村",
            "代履行的理由和依据：",
            "《城市市容和环境卫生管理条例》第三十六条第（二）项",
            "其后果已经或者将危害交通安全",
            "2026年6月17日上午组织清运；代履行日期：2026年6月17日",
            "人行道上的砂石、砖块约5立方米",
            "800元（人民币捌佰元整）",
            "合隆镇环卫所",
            "第五十一条、第六十九条",
            "费用按照成本合理确定",
            "六十日内向农安县人民政府申请行政复议",
        ],
    );
    let (papers, t) = text_of(&c, &w, DocKind::SubstituteDemand);
    assert_eq!(papers[0].number.as_deref(), Some("合综执代催〔2026〕1号"));
    assert_eq!(papers[0].date, "2026年6月12日");
    has_all(
        &t,
        &[
            "代履行决定书（合综执代决〔2026〕1号），于2026年6月9日送达你",
            "决定于2026年6月17日由合隆镇环卫所",
            "第五十一条第一款第（二）项",
            "你履行的，本机关停止代履行",
        ],
    );
    let (papers, t) = text_of(&c, &w, DocKind::EnforcementRecord);
    has_all(
        &t,
        &[
            "代履行（行政强制法第五十条、第五十一条）",
            "代履行决定书（合综执代决〔2026〕1号）",
            "到场监督的工作人员",
            "代履行费用：760元",
        ],
    );
    assert_eq!(
        signature_lines(&papers[0]),
        [
            "到场监督的工作人员（签名）：",
            "代履行人（签名或者盖章）：",
            "见证人（签名）："
        ]
    );
}

/// 行政强制法第五十二条: the notice afterwards is for a party who was absent; it says what was
/// cleared, when and by whom, and the remedies against the decision to clear it.
#[test]
fn the_immediate_notice_is_only_for_an_absent_party() {
    let w = World::new();
    let c = immediate_cleared(&w, true);
    let e = w.refuse(
        &c,
        ZHANG,
        Action::NotifyImmediate {
            date: d("2026-06-02"),
        },
    );
    assert_eq!(e.rule, "行政强制法第五十二条");
    assert!(!documents(&c)
        .iter()
        .any(|(k, _, _)| *k == DocKind::ImmediateNotice));
    let c = immediate_cleared(&w, false);
    let c = numbered(w.step(
        &c,
        ZHANG,
        Action::NotifyImmediate {
            date: d("2026-06-02"),
        },
    ));
    let (papers, t) = text_of(&c, &w, DocKind::ImmediateNotice);
    assert_eq!(papers[0].number.as_deref(), Some("合综执代通〔2026〕1号"));
    assert_eq!(papers[0].date, "2026年6月2日");
    has_all(
        &t,
        &[
            "2026年6月1日，货车遗落的钢管横在镇中街车行道上（道路，障碍物）",
            "你不能清除且不在现场",
            "第五十二条",
            "当日09:00至16:00由合隆镇综合行政执法队实施",
            "如不服本机关立即实施代履行的决定，可以自收到本通知书之日起六十日内",
        ],
    );
    let (_, t) = text_of(&c, &w, DocKind::EnforcementRecord);
    has_all(&t, &["立即代履行（行政强制法第五十二条）"]);
}

/// 行政强制法第四十二条: the order it settles, the terms, and enforcement resumed on breach.
#[test]
fn the_agreement_names_the_order_and_what_a_breach_brings() {
    let w = World::new();
    let c = numbered(agreed(&w));
    let (papers, t) = text_of(&c, &w, DocKind::EnforcementAgreement);
    assert_eq!(papers[0].date, "2026年4月1日");
    has_all(
        &t,
        &[
            "责令限期拆除决定书（合综执责履〔2026〕1号）",
            "第四十二条第一款",
            "不损害公共利益和他人合法权益",
            "乙方于2026年4月30日前自行拆除二层砖房并清运建筑垃圾。",
            "第四十二条第二款的规定恢复强制执行",
            "签订日期：2026年4月1日",
        ],
    );
}

/// Each of the four served papers has its receipt naming it by its own title and number.
#[test]
fn each_served_paper_has_a_receipt_naming_it() {
    let w = World::new();
    let c = demolished(&w, |_| {});
    for title in [
        "责令限期拆除决定书 合综执责履〔2026〕1号",
        "履行义务催告书 合综执履催〔2026〕1号",
        "强制执行决定书 合综执强决〔2026〕1号",
    ] {
        receipt_of(&c, &w, title);
    }
    let c = numbered(substitute_ready(&w));
    let t = receipt_of(&c, &w, "代履行决定书 合综执代决〔2026〕1号");
    has_all(&t, &["直接送达"]);
    receipt_of(&c, &w, "责令清除障碍物决定书 合综执责履〔2026〕1号");
}

/// The 卷宗 files the order with the decisions, its receipts with the service, and the
/// enforcement papers in the order of their dates.
#[test]
fn the_case_file_lists_the_papers_in_order() {
    let w = World::new();
    let c = demolished(&w, |_| {});
    let a = agency();
    let papers = casefile::ordered_documents(&ctx(&c, &a, &w)).unwrap();
    let titles: Vec<(&str, &str)> = papers
        .iter()
        .map(|p| (p.title.as_str(), p.date.as_str()))
        .collect();
    assert_eq!(
        titles,
        [
            ("立案审批表", "2026年2月27日"),
            ("责令限期拆除决定书", "2026年3月2日"),
            ("送达回证", "2026年3月2日"),
            ("送达回证", "2026年3月17日"),
            ("送达回证", "2026年3月30日"),
            ("履行义务催告书", "2026年3月17日"),
            ("强制执行决定书", "2026年3月30日"),
            ("强制拆除公告", "2026年3月31日"),
            ("强制执行笔录", "2026年10月12日"),
        ]
    );
}

/// Seized goods released and given back: the 清单 lists them, the 处置记录 their return with
/// its approver, under 行政强制法第二十八条第二款 (not the confiscation rule).
#[test]
fn goods_list_and_disposal_read_the_register() {
    let w = World::new();
    let c = numbered(goods_returned(&w));
    let (papers, t) = text_of(&c, &w, DocKind::GoodsList);
    assert_eq!(papers[0].date, "2026年6月10日");
    has_all(
        &t,
        &[
            "秸秆打捆机（红色）",
            "1台",
            "12000元",
            "查封扣押，2026年6月10日",
            "执法队罚没物品仓库，王某",
            "已退还",
        ],
    );
    let (papers, t) = text_of(&c, &w, DocKind::GoodsDisposal);
    assert_eq!(papers[0].date, "2026年7月2日");
    has_all(&t, &["退还", "2026年7月2日", "孙八", "第二十八条第二款"]);
    assert!(!t.contains("第七十四条"), "{t}");
}

/// Every numbered kind has a 文书代字 of its own, so two papers never share a number.
#[test]
fn each_numbered_kind_has_its_own_code() {
    let mut seen = std::collections::BTreeMap::new();
    for k in DocKind::ALL {
        if let Some(code) = k.code() {
            if let Some(other) = seen.insert(code, k.name()) {
                panic!("{} and {other} share 文书代字 {code}", k.name());
            }
        }
    }
}
