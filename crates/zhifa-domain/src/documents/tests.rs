//! Documents built from cases taken through the real workflow (fixtures).

use super::*;
use crate::agency::Agency;
use crate::case::fixtures::*;
use crate::case::{Action, PaymentMethod, ServedDoc};
use crate::money::Fen;

pub(super) fn agency() -> Agency {
    Agency::new("合隆镇", "合").unwrap().with_county("农安县")
}

pub(super) fn ctx<'a>(case: &'a Case, agency: &'a Agency, w: &'a World) -> DocCtx<'a> {
    DocCtx {
        case,
        agency,
        users: &w.users,
        today: w.today,
        statement_days: 5,
        chain_head: None,
        calendar: &w.calendar,
    }
}

/// Notified for 600 yuan, decided, served, paid, closed and archived.
fn archived(w: &World) -> Case {
    let c = notified(w, 600);
    let c = w.step(&c, SUN, decide("2026-06-24", 600));
    let c = w.step(&c, ZHANG, serve(ServedDoc::Decision, "2026-06-25"));
    let c = w.step(
        &c,
        ZHANG,
        Action::Pay {
            date: d("2026-06-30"),
            amount: Fen::from_yuan(600),
            method: PaymentMethod::Bank,
            receipt_no: "NO.1".into(),
            cash_ground: None,
        },
    );
    let c = w.step(
        &c,
        ZHANG,
        Action::ProposeClosing {
            date: d("2026-07-01"),
        },
    );
    let c = w.step(
        &c,
        SUN,
        Action::ApproveClosing {
            date: d("2026-07-02"),
            opinion: "同意结案".into(),
        },
    );
    numbered(w.step(
        &c,
        ZHANG,
        Action::Archive {
            date: d("2026-07-03"),
            archive_no: "2026-HJ-001".into(),
            retention: "长期".into(),
        },
    ))
}

/// The store assigns the serial when it saves a filed case; the fixtures never saved.
pub(super) fn numbered(mut c: Case) -> Case {
    c.year = Some(2026);
    c.serial = Some(1);
    c
}

pub(super) fn all_text(p: &[Paper]) -> String {
    p.iter()
        .flat_map(|p| p.texts().into_iter().map(|(_, t)| t.to_string()))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn decision_carries_every_article_59_item() {
    let w = World::new();
    let c = archived(&w);
    let a = agency();
    let papers = build(DocKind::Decision, &ctx(&c, &a, &w)).unwrap();
    let t = all_text(&papers);
    assert_eq!(papers[0].number.as_deref(), Some("合综执罚决〔2026〕1号"));
    for needle in [
        "刘某",                           // (一) name
        "农安县",                         // (一) address
        "焚烧",                           // (二) facts
        "证据",                           // (二) evidence
        "罚款600元（人民币陆佰元整）",    // (三) penalty in figures and capitals
        "大气污染防治法》第一百一十九条", // (三) basis
        "十五日内",                       // (四) time limit
        "六十日内向农安县人民政府申请行政复议",
        "六个月内直接向农安县人民法院提起行政诉讼", // (五)
        "合隆镇人民政府",                           // (六) agency
        "2026年6月24日",                            // (六) date
    ] {
        assert!(t.contains(needle), "missing {needle}:\n{t}");
    }
}

#[test]
fn decision_without_review_body_is_refused_naming_the_item() {
    let w = World::new();
    let c = archived(&w);
    let mut a = agency();
    a.review_body.clear();
    let e = build(DocKind::Decision, &ctx(&c, &a, &w)).unwrap_err();
    let msg = e.to_string();
    assert!(
        msg.contains("第五十九条") && msg.contains("申请行政复议的途径"),
        "{msg}"
    );
}

#[test]
fn decision_without_address_is_refused() {
    let w = World::new();
    let mut c = archived(&w);
    if let crate::case::Party::Person(p) = &mut c.parties[0] {
        p.address.clear();
    }
    let a = agency();
    let msg = build(DocKind::Decision, &ctx(&c, &a, &w))
        .unwrap_err()
        .to_string();
    assert!(msg.contains("当事人的地址"), "{msg}");
}

#[test]
fn decision_heavier_than_the_notice_is_refused() {
    let w = World::new();
    let mut c = archived(&w);
    if let Some(d) = &mut c.decision {
        d.fine = Fen::from_yuan(800);
    }
    let a = agency();
    let msg = build(DocKind::Decision, &ctx(&c, &a, &w))
        .unwrap_err()
        .to_string();
    assert!(msg.contains("第四十五条") && msg.contains("800元"), "{msg}");
}

#[test]
fn notice_names_the_proposed_penalty_and_rights() {
    let w = World::new();
    let c = numbered(notified(&w, 600));
    let a = agency();
    let p = build(DocKind::PriorNotice, &ctx(&c, &a, &w)).unwrap();
    let t = all_text(&p);
    assert_eq!(p[0].number.as_deref(), Some("合综执告〔2026〕1号"));
    assert!(
        t.contains("陈述") && t.contains("申辩") && t.contains("五个工作日"),
        "{t}"
    );
    assert!(t.contains("人民币陆佰元整"));
}

#[test]
fn case_file_is_in_filing_order_with_numbered_pages() {
    let w = World::new();
    let c = archived(&w);
    let a = agency();
    // Two pages a document, as a renderer would measure them.
    let f = casefile::assemble_with(&ctx(&c, &a, &w), &|_| 2).unwrap();
    let phases: Vec<Phase> = f.documents.iter().map(|p| p.kind.phase()).collect();
    let mut sorted = phases.clone();
    sorted.sort();
    assert_eq!(phases, sorted);
    assert_eq!(
        f.documents.first().map(|p| p.kind),
        Some(DocKind::FilingForm)
    );
    assert_eq!(
        f.documents.last().map(|p| p.kind),
        Some(DocKind::ClosingForm)
    );
    assert_eq!(f.first_pages[0], 1);
    assert!(f.first_pages.windows(2).all(|w| w[0] < w[1]));
    let Block::Table { rows, .. } = &f.contents.blocks[0] else {
        panic!("目录 is a table")
    };
    assert_eq!(rows.len(), f.documents.len());
    assert_eq!(rows[0][4], "1");
}

#[test]
fn documents_list_states() {
    let w = World::new();
    let c = archived(&w);
    let list = documents(&c);
    let get = |k| list.iter().find(|(x, _, _)| *x == k).map(|(_, _, s)| *s);
    assert_eq!(
        get(DocKind::Decision),
        Some(DocState::Served(d("2026-06-25")))
    );
    assert_eq!(get(DocKind::InvestigationReport), Some(DocState::Internal));
    // A decision made and not yet served is marked as such.
    let c = w.step(&notified(&w, 600), SUN, decide("2026-06-24", 600));
    let list = documents(&c);
    assert!(list.contains(&(DocKind::Decision, 1, DocState::Unserved)));
    assert_eq!(get(DocKind::OnSpotDecision), None);
    let c = notified(&w, 600);
    let list = documents(&c);
    assert!(list.iter().all(|(k, _, _)| *k != DocKind::Decision));
}

#[test]
fn every_kind_parses_from_name_and_slug() {
    for k in DocKind::ALL {
        assert_eq!(DocKind::parse(k.name()), Some(*k));
        assert_eq!(DocKind::parse(k.slug()), Some(*k));
    }
    assert_eq!(
        DocKind::parse("现场检查勘验笔录"),
        Some(DocKind::InspectionRecord)
    );
    // The order to act also under the title it prints with.
    for title in [
        "责令限期拆除决定书",
        "责令恢复原状决定书",
        "责令清除障碍物决定书",
    ] {
        assert_eq!(DocKind::parse(title), Some(DocKind::DutyOrder), "{title}");
    }
    assert_eq!(DocKind::parse("责令限期打扫决定书"), None);
}

#[test]
fn every_applicable_document_builds() {
    let w = World::new();
    let c = archived(&w);
    let a = agency();
    for (k, n, _) in documents(&c) {
        if k == DocKind::Contents {
            // Page numbers need a layout: the renderer numbers the 目录, never a guess here.
            assert!(matches!(
                build(k, &ctx(&c, &a, &w)),
                Err(DocError::NeedsLayout(_))
            ));
            continue;
        }
        let p = build(k, &ctx(&c, &a, &w)).unwrap_or_else(|e| panic!("{k:?}: {e}"));
        assert_eq!(p.len(), n, "{k:?}");
    }
}

/// Issue 15 item 11 (行政处罚法 Art 45, 65): after a hearing the decision says so and
/// answers its points; the notice does not list the 听证笔录 made after it.
#[test]
fn hearing_decision_says_it_was_heard_and_earlier_papers_list_only_earlier_evidence() {
    use crate::case::{RecordKind, StatementRecord};
    let w = World::new();
    let mut c = numbered(notified(&w, 600));
    c.hearing = Some(hearing_of_06_29(ZHOU, true));
    c.records
        .push(record(RecordKind::Hearing, "2026-06-29", &["刘某"], 0));
    c.statements.push(StatementRecord {
        date: d("2026-06-29"),
        content: "听证中称面积较小".into(),
        adopted: false,
        reexamination: "经复核，现场勘验面积约两亩，不予采纳".into(),
    });
    c.legal_reviews.push(crate::case::Approval {
        by: QIAN,
        date: d("2026-06-30"),
        agree: true,
        opinion: "同意".into(),
    });
    let c = w.step(&c, SUN, decide("2026-07-02", 600));
    let a = agency();
    let decision = all_text(&build(DocKind::Decision, &ctx(&c, &a, &w)).unwrap());
    assert!(decision.contains("举行了听证"), "{decision}");
    assert!(
        decision.contains("经复核，现场勘验面积约两亩"),
        "{decision}"
    );
    assert!(!decision.contains("未提出陈述、申辩"), "{decision}");
    assert!(decision.contains("听证笔录"), "the decision may cite it");
    let notice = all_text(&build(DocKind::PriorNotice, &ctx(&c, &a, &w)).unwrap());
    assert!(!notice.contains("听证笔录"), "{notice}");
}

/// A 不予处罚 case (首违不罚), decided, served and closed: its decision record has no kind,
/// which is no 行政处罚决定书 (it failed the Art 59 check and stopped the whole file).
fn no_penalty_closed(w: &World) -> Case {
    let c = no_penalty_reviewed(w);
    let c = w.step(&c, SUN, decide_no_penalty("2026-06-13"));
    let c = w.step(&c, ZHANG, serve(ServedDoc::NoPenaltyDecision, "2026-06-15"));
    numbered(w.step(
        &c,
        ZHANG,
        Action::ProposeClosing {
            date: d("2026-06-16"),
        },
    ))
}

#[test]
fn a_no_penalty_case_files_its_no_penalty_decision_with_the_outcome() {
    let w = World::new();
    let c = no_penalty_closed(&w);
    let a = agency();
    let x = ctx(&c, &a, &w);
    let kinds: Vec<DocKind> = documents(&c).into_iter().map(|(k, _, _)| k).collect();
    assert!(kinds.contains(&DocKind::NoPenaltyDecision), "{kinds:?}");
    assert!(!kinds.contains(&DocKind::Decision), "{kinds:?}");
    let file = casefile::assemble_with(&x, &|_| 1).unwrap();
    let decision = all_text(&build(DocKind::NoPenaltyDecision, &x).unwrap());
    assert!(
        decision.contains("初次违法")
            && decision.contains("第三十三条第一款")
            && decision.contains("证据"),
        "{decision}"
    );
    assert!(
        decision.contains("2026年6月13日"),
        "dated when decided: {decision}"
    );
    for p in [build_execution::cover(&x)]
        .into_iter()
        .chain(build(DocKind::ClosingForm, &x).unwrap())
    {
        let t = all_text(std::slice::from_ref(&p));
        assert!(t.contains("不予行政处罚（初次违法"), "{t}");
    }
    let report = all_text(&build(DocKind::InvestigationReport, &x).unwrap());
    assert!(
        report.contains("建议不予行政处罚") && !report.contains("建议给予"),
        "{report}"
    );
    assert!(file.documents.iter().all(|p| p.kind != DocKind::Decision));
}

#[test]
fn wording_resolves_the_party_and_never_doubles_the_order() {
    assert_eq!(common::sentence("当事人焚烧秸秆，"), "当事人焚烧秸秆。");
    assert_eq!(common::sentence("已改正。"), "已改正。");
    assert_eq!(
        common::correction_object("责令立即停止焚烧。"),
        "立即停止焚烧"
    );
    let w = World::new();
    let c = archived(&w);
    assert_eq!(common::you(&c), "你");
}

// ---- Issue 16: what the execution papers and the reasoning say (helper "docs") ----

pub(super) fn pay(c: &Case, w: &World, date: &str, yuan: i64) -> Case {
    w.step(
        c,
        ZHANG,
        Action::Pay {
            date: d(date),
            amount: Fen::from_yuan(yuan),
            method: PaymentMethod::Bank,
            receipt_no: format!("NO.{date}"),
            cash_ground: None,
        },
    )
}

/// Fined 1,000 yuan on 2026-06-24, served 2026-06-25 (payment due 2026-07-10), 400 paid on
/// 2026-07-06, 催告 on 2026-07-20 (a Monday) and served that day.
pub(super) fn demanded(w: &World) -> Case {
    let c = notified(w, 1000);
    let c = w.step(&c, SUN, decide("2026-06-24", 1000));
    let c = w.step(&c, ZHANG, serve(ServedDoc::Decision, "2026-06-25"));
    let c = pay(&c, w, "2026-07-06", 400);
    let c = w.step(
        &c,
        ZHANG,
        Action::Demand {
            date: d("2026-07-20"),
        },
    );
    numbered(w.step(&c, ZHANG, serve(ServedDoc::Demand, "2026-07-20")))
}

/// 行政强制法 Art 35: the 催告书 states the obligation, a dated deadline, how to pay, and how
/// and by when the party may state and defend.
#[test]
fn demand_states_obligation_deadline_way_to_pay_and_the_right_to_be_heard() {
    let w = World::new();
    let c = demanded(&w);
    let mut a = agency();
    a.address = "农安县合隆镇政府街1号".into();
    a.phone = "0431-12345678".into();
    let t = all_text(&build(DocKind::Demand, &ctx(&c, &a, &w)).unwrap());
    for needle in [
        "2026年6月24日作出合综执罚决〔2026〕1号行政处罚决定书", // the decision, dated and numbered
        "已于2026年6月25日送达",
        "缴款期限于2026年7月10日届满",
        "已缴纳400元",
        "尚未缴纳罚款600元（人民币陆佰元整）", // the amount still unpaid
        // 10 days late × 3 % × 600 yuan (the case's own arithmetic).
        "加处罚款180元",
        "合计应缴780元",
        // Ten working days after 2026-07-20.
        "十个工作日内（2026年8月3日前）履行",
        "缴至农安县农村商业银行合隆支行（电子缴款）", // the way to pay
        "陈述和申辩",
        "在2026年8月3日前向本机关（地址：农安县合隆镇政府街1号，电话：0431-12345678）提交书面",
        "口头陈述、申辩",
    ] {
        assert!(t.contains(needle), "missing {needle}:\n{t}");
    }
}

/// A payment registered after the 催告 but made before it counts from its own date: the
/// 催告书 states what the arithmetic says on its date, not what was stored when it was made.
#[test]
fn demand_counts_a_payment_made_before_it_but_registered_later() {
    let w = World::new();
    let c = demanded(&w);
    let c = pay(&c, &w, "2026-07-15", 100);
    let a = agency();
    let t = all_text(&build(DocKind::Demand, &ctx(&c, &a, &w)).unwrap());
    assert!(
        t.contains("已缴纳500元") && t.contains("尚未缴纳罚款500元"),
        "{t}"
    );
    let owed = crate::case::gates::outstanding_surcharge(&c, d("2026-07-20"), &w.calendar).unwrap();
    assert!(
        t.contains(&format!("加处罚款{}", figures(owed))),
        "{owed}: {t}"
    );
}

fn figures(f: Fen) -> String {
    amount::figures_and_capitals(f)
}

/// 行政处罚法 Art 72(1): the 加处罚款决定书 states the amount the case's own arithmetic gives
/// on its date — here after a partial payment registered after the 催告 — and when and
/// where to pay it.
#[test]
fn surcharge_decision_states_the_arithmetic_and_the_time_and_place_to_pay() {
    let w = World::new();
    let c = pay(&demanded(&w), &w, "2026-07-15", 100);
    let a = agency();
    let t = all_text(&build(DocKind::Surcharge, &ctx(&c, &a, &w)).unwrap());
    let owed = crate::case::gates::outstanding_surcharge(&c, d("2026-07-20"), &w.calendar).unwrap();
    assert_eq!(owed, Fen::from_yuan(150), "500 yuan × 3 % × 10 days");
    assert!(c.demands[0].surcharge != owed, "the stored figure is stale");
    for needle in [
        format!("截至2026年7月20日，加处罚款{}", figures(owed)),
        "尚有罚款500元（人民币伍佰元整）未缴纳".to_string(),
        format!("合计{}", figures(Fen::from_yuan(650))),
        "十个工作日内（2026年8月3日前）".to_string(),
        "缴至农安县农村商业银行合隆支行（电子缴款）".to_string(),
    ] {
        assert!(t.contains(&needle), "missing {needle}:\n{t}");
    }
}

/// 行政强制法 Art 53–55: the 强制执行申请书 names the applicant's 法定代表人, the day the
/// decision was served and the periods that ended, and claims the 加处罚款 the case's
/// arithmetic gives on its date.
#[test]
fn court_application_names_the_legal_rep_the_periods_ended_and_the_surcharge_claimed() {
    let mut w = World::new();
    // The court window's close (three months after 2026-12-25) lies in 2027.
    w.calendar.insert(&crate::holiday_table::HolidayYear {
        year: 2027,
        source: "t".into(),
        holidays: vec![],
    });
    w.today = d("2026-12-31");
    let c = demanded(&w);
    let c = numbered(w.step(
        &c,
        SUN,
        Action::ApplyCourt {
            date: d("2026-12-28"),
            court: "农安县人民法院".into(),
        },
    ));
    let mut a = agency();
    a.set("legal_rep", "王五一").unwrap();
    let t = all_text(&build(DocKind::CourtApplication, &ctx(&c, &a, &w)).unwrap());
    let owed = crate::case::gates::outstanding_surcharge(&c, d("2026-12-28"), &w.calendar).unwrap();
    for needle in [
        "法定代表人\n王五一".to_string(),
        "该决定书于2026年6月25日送达被申请人，缴款期限于2026年7月10日届满".to_string(),
        "提起行政诉讼（六个月）的期限已于2026年12月25日届满".to_string(),
        "于2026年7月20日送达被申请人，催告期限于2026年8月3日届满".to_string(),
        "尚欠罚款600元（人民币陆佰元整）".to_string(),
        format!("加处罚款{}", figures(owed)),
        format!("合计{}", figures(Fen(Fen::from_yuan(600).0 + owed.0))),
    ] {
        assert!(t.contains(&needle), "missing {needle}:\n{t}");
    }
}

/// The discretion reasoning (tier, its condition, the range and the amount chosen) reads
/// the same in the 调查终结报告 and the 行政处罚决定书.
#[test]
fn decision_and_report_state_the_tier_its_condition_and_the_amount_chosen_in_its_range() {
    let w = World::new();
    let c = archived(&w);
    let a = agency();
    let reasoning = "依据本机关适用的行政处罚裁量基准，本案属于“轻微”情形\
                     （初次焚烧、面积小、及时扑灭，未造成明显污染），罚款幅度为500元至1000元，";
    for (kind, chosen) in [
        (DocKind::Decision, "确定罚款600元。"),
        (DocKind::InvestigationReport, "建议罚款600元。"),
    ] {
        let t = all_text(&build(kind, &ctx(&c, &a, &w)).unwrap());
        assert!(
            t.contains(&format!("{reasoning}{chosen}")),
            "{kind:?}:\n{t}"
        );
    }
}

/// A per-unit fine (土地管理法实施条例第五十七条: 元/平方米) shows its arithmetic: the
/// recorded area, the tier's rate range, the range it gives and the rate chosen; a 从轻
/// circumstance recorded on the proposal is stated with its article.
#[test]
fn a_per_unit_fine_states_the_area_the_rates_and_the_product() {
    use crate::case::Mitigation;
    use crate::catalog::TierName;
    use crate::money::Dec4;
    let w = World::new();
    let mut c = archived(&w);
    c.power.power = crate::assets::catalog_template()
        .unwrap()
        .powers
        .into_iter()
        .find(|p| p.code == "ZR-001")
        .unwrap();
    let pr = c.proposal.as_mut().unwrap();
    pr.units = Some(Dec4(267 * Dec4::SCALE));
    pr.tier = Some(TierName::Heavier);
    pr.fine = Fen::from_yuan(267 * 800);
    let a = agency();
    let t = all_text(&build(DocKind::InvestigationReport, &ctx(&c, &a, &w)).unwrap());
    for needle in [
        "本案属于“从重”情形（占用耕地",
        "非法占用土地面积267平方米，按每平方米600元至1000元计，罚款幅度为160200元至267000元",
        "建议罚款213600元（267平方米×800元/平方米）。",
    ] {
        assert!(t.contains(needle), "missing {needle}:\n{t}");
    }
    let pr = c.proposal.as_mut().unwrap();
    pr.tier = Some(TierName::Lighter);
    pr.mitigation = Some(Mitigation::ReducedHarm);
    pr.fine = Fen::from_yuan(267 * 150);
    let t = all_text(&build(DocKind::InvestigationReport, &ctx(&c, &a, &w)).unwrap());
    for needle in [
        "当事人有主动消除或者减轻危害后果的情节",
        "本案属于“从轻”情形",
        "按每平方米100元至300元计，罚款幅度为26700元至80100元，建议罚款40050元（267平方米×150元/平方米）。",
    ] {
        assert!(t.contains(needle), "missing {needle}:\n{t}");
    }
}

/// 行政处罚法 Art 67–70: the 当场行政处罚决定书 names the collecting bank and account from
/// the agency settings, says that a fine of 100 yuan or less may be taken on the spot, and
/// once it was, on which ground and with which receipt; a larger fine is not taken in cash.
#[test]
fn on_spot_decision_names_the_bank_and_account_and_when_cash_may_be_taken() {
    use crate::case::workflow::{decide_on_spot, OnSpot};
    use crate::case::{CashGround, Mitigation};
    use crate::catalog::{PenaltyKind, TierName};
    let w = World::new();
    let spot = |fine: i64, tier, mitigation| OnSpot {
        date: d("2026-10-12"),
        time: "10:20".into(),
        place: "合隆镇某村路口".into(),
        facts: "当事人露天焚烧落叶。".into(),
        party: adult(),
        officers: vec![ZHANG, LI],
        kinds: vec![PenaltyKind::Fine],
        fine: Fen::from_yuan(fine),
        tier: Some(tier),
        mitigation,
        correction_order: "立即熄灭".into(),
    };
    let decide = |s: OnSpot| {
        numbered(decide_on_spot(s, Some(straw_power()), "HJ-001", w.u(ZHANG), &w.ctx()).unwrap())
    };
    let mut a = agency();
    a.set("payment_bank", "农安县农村商业银行合隆支行").unwrap();
    a.set("payment_account", "0710 0000 1234 5678").unwrap();
    let text = |c: &Case| all_text(&build(DocKind::OnSpotDecision, &ctx(c, &a, &w)).unwrap());

    let small = decide(spot(
        100,
        TierName::Mitigated,
        Some(Mitigation::ReducedHarm),
    ));
    let t = text(&small);
    for needle in [
        "到农安县农村商业银行合隆支行（账号：0710 0000 1234 5678）缴纳罚款",
        "本案罚款在一百元以下，依据《中华人民共和国行政处罚法》第六十八条第（一）项的规定，执法人员可以当场收缴罚款",
    ] {
        assert!(t.contains(needle), "missing {needle}:\n{t}");
    }
    let paid = w.step(
        &small,
        ZHANG,
        Action::Pay {
            date: d("2026-10-12"),
            amount: Fen::from_yuan(100),
            method: PaymentMethod::OnSpot,
            receipt_no: "吉财罚0012345".into(),
            cash_ground: Some(CashGround::SmallFine),
        },
    );
    let t = text(&paid);
    assert!(
        t.contains("依据《中华人民共和国行政处罚法》第六十八条第（一）项的规定，执法人员于2026年10月12日当场收缴罚款100元")
            && t.contains("票据号吉财罚0012345"),
        "{t}"
    );

    // A 减轻 fine of 150 yuan is over the Art 68(1) limit: paid at the bank, not in cash.
    let larger = decide(spot(
        150,
        TierName::Mitigated,
        Some(Mitigation::ReducedHarm),
    ));
    let t = text(&larger);
    assert!(!t.contains("可以当场收缴"), "{t}");
    assert!(t.contains("本决定的罚款不当场收缴"), "{t}");
}

/// The 立案审批表's value of one field, read back from the printed rows.
fn field_value(papers: &[Paper], label: &str) -> Option<String> {
    papers.iter().flat_map(|p| &p.blocks).find_map(|b| match b {
        Block::Fields { rows } => rows
            .iter()
            .find(|(k, _)| k == label)
            .map(|(_, v)| v.clone()),
        _ => None,
    })
}

#[test]
fn the_cause_is_the_short_name_of_the_act_not_the_statutory_wording() {
    // Issue 16: 案由 “刘某露天焚烧秸秆案”, not the catalog's full 对……的处罚 wording.
    let w = World::new();
    let c = archived(&w);
    let a = agency();
    let filing = build(DocKind::FilingForm, &ctx(&c, &a, &w)).unwrap();
    assert_eq!(
        field_value(&filing, "案由").as_deref(),
        Some("露天焚烧秸秆")
    );
    assert_eq!(
        field_value(&filing, "案件名称").as_deref(),
        Some("刘某露天焚烧秸秆案")
    );
    for kind in [DocKind::ClosingForm, DocKind::Cover] {
        let t = all_text(&build(kind, &ctx(&c, &a, &w)).unwrap());
        assert!(t.contains("刘某露天焚烧秸秆案"), "{kind:?}:\n{t}");
        assert!(
            !t.contains("在禁止区域内露天焚烧秸秆、落叶等产生烟尘污染物质"),
            "{kind:?} prints the statutory wording as the cause:\n{t}"
        );
    }
    // The 案件摘要 and the 台账 line use the same 案由.
    let sheet = summary::build(&ctx(&c, &a, &w), &[]);
    assert_eq!(
        field_value(&[sheet], "案由").as_deref(),
        Some("露天焚烧秸秆（HJ-001）")
    );
    let row = crate::ledger::LedgerRow::from_case(&c, "合综执罚决〔2026〕1号", &w.users);
    assert_eq!(row.cause, "露天焚烧秸秆");
}

#[test]
fn an_inquiry_record_names_the_person_the_recusal_right_and_sets_questions_apart() {
    assert_eq!(
        common::question_and_answer_lines(
            "问：你是否知道该行为违法？答：知道了。\n问：还有补充吗？答：没有。"
        ),
        vec![
            "问：你是否知道该行为违法？",
            "答：知道了。",
            "问：还有补充吗？",
            "答：没有。"
        ]
    );
    let w = World::new();
    let mut c = investigated(&w);
    if let crate::case::Party::Person(p) = &mut c.parties[0] {
        p.employer = "农安县合隆镇某某农机合作社 驾驶员".into();
    }
    let party = match &c.parties[0] {
        crate::case::Party::Person(p) => p.clone(),
        _ => panic!("the fixture's party is a person"),
    };
    let mut rec = record(
        crate::case::RecordKind::Inquiry,
        "2026-06-06",
        &[party.name.as_str()],
        1,
    );
    rec.content = "问：你是否知道该行为违法？答：知道了。".into();
    let c = numbered(w.step(&c, ZHANG, Action::AddRecord { record: rec }));
    let a = agency();
    let text = all_text(&build(DocKind::InquiryRecord, &ctx(&c, &a, &w)).unwrap());
    assert!(text.contains("\n答：知道了。"), "{text}");
    let questioned = c
        .records
        .iter()
        .find(|r| r.kind == crate::case::RecordKind::Inquiry)
        .unwrap();
    assert!(questioned.persons.contains(&party.name));
    for want in [
        party.sex.name(),
        party.id_no.as_str(),
        party.address.as_str(),
        "有权申请回避",
        "是否申请执法人员回避（亲笔填写）",
        "农安县合隆镇某某农机合作社 驾驶员",
    ] {
        assert!(text.contains(want), "{want}: {text}");
    }
    assert!(text.contains(&format!("{}岁", party.age_on(questioned.date))));
}

#[test]
fn the_file_orders_each_part_by_date_not_by_kind() {
    let w = World::new();
    let c = investigated(&w); // 现场检查笔录 of 2026-06-05
    let mut rec = record(crate::case::RecordKind::Inquiry, "2026-06-04", &["刘某"], 1);
    rec.content = "问：……答：……".into();
    let c = numbered(w.step(&c, ZHANG, Action::AddRecord { record: rec }));
    let a = agency();
    let kinds: Vec<DocKind> = casefile::ordered_documents(&ctx(&c, &a, &w))
        .unwrap()
        .iter()
        .map(|p| p.kind)
        .collect();
    let at = |k: DocKind| kinds.iter().position(|x| *x == k).unwrap();
    assert!(
        at(DocKind::InquiryRecord) < at(DocKind::InspectionRecord),
        "{kinds:?}"
    );
    assert!(
        at(DocKind::FilingForm) < at(DocKind::InquiryRecord),
        "parts first"
    );
}

#[test]
fn periods_are_written_in_words_throughout_a_document() {
    let w = World::new();
    let c = numbered(notified(&w, 2000));
    let a = agency();
    let t = all_text(&build(DocKind::PriorNotice, &ctx(&c, &a, &w)).unwrap());
    assert!(t.contains("之日起五个工作日内向本机关提出陈述"), "{t}");
    let digits_then_period = t
        .char_indices()
        .filter(|(_, ch)| ch.is_ascii_digit())
        .any(|(i, _)| t[i..].chars().nth(1).is_some_and(|n| n == '个'));
    assert!(!digits_then_period, "{t}");
}

/// 行政强制法第十条、第十七条、第二十四条: the 查封扣押决定书 cites the provision that grants the
/// measure for the item (秸秆, HJ-001: 大气污染防治法第三十条) beside the procedure article.
#[test]
fn seizure_decision_cites_the_granting_provision_and_qiangzhi_art_24() {
    let w = World::new();
    let c = w.step(
        &investigated(&w),
        SUN,
        Action::Seize {
            date: d("2026-06-10"),
            items: "秸秆打捆机一台".into(),
            days: 30,
        },
    );
    let c = numbered(c);
    let a = agency();
    let text = all_text(&build(DocKind::Seizure, &ctx(&c, &a, &w)).unwrap());
    assert!(
        text.contains(
            "依据《中华人民共和国大气污染防治法》第三十条和《中华人民共和国行政强制法》第二十四条的规定"
        ),
        "{text}"
    );
}

/// 行政处罚法第四条、第五十九条: the statutory condition the investigation found (大气污染防治法
/// 第一百一十八条第一款: 拒不改正) and the measure it makes mandatory are in the decision's reasons.
#[test]
fn decision_states_the_statutory_condition_found_and_its_measure() {
    use crate::case::Proposal;
    use crate::catalog::{PenaltyKind, TierName};
    let w = World::new();
    let mut c = investigated(&w);
    c.power.power = crate::assets::catalog_template()
        .unwrap()
        .powers
        .into_iter()
        .find(|p| p.code == "HJ-005")
        .unwrap();
    let proposal = Proposal {
        kinds: vec![PenaltyKind::Fine, PenaltyKind::SuspendBusiness],
        triggers: vec!["拒不改正".into()],
        ..proposal("2026-06-10", 10_000, TierName::Minor)
    };
    let c = notified_with(&w, c, proposal);
    let c = match decide("2026-06-24", 10_000) {
        Action::Decide {
            date,
            fine,
            confiscation,
            correction_order,
            payment_place,
            publish,
            ..
        } => w.step(
            &c,
            SUN,
            Action::Decide {
                date,
                kinds: vec![PenaltyKind::Fine, PenaltyKind::SuspendBusiness],
                fine,
                confiscation,
                correction_order,
                payment_place,
                publish,
            },
        ),
        _ => unreachable!("decide builds Action::Decide"),
    };
    let c = numbered(c);
    let a = agency();
    let text = all_text(&build(DocKind::Decision, &ctx(&c, &a, &w)).unwrap());
    assert!(
        text.contains(
            "当事人有“拒不改正”的情形，依照《中华人民共和国大气污染防治法》第一百一十八条第一款，应当责令停业整治。"
        ),
        "{text}"
    );
}
