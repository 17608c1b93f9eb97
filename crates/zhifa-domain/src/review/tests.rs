//! Each review rule on a passing and a failing case; the scoring arithmetic.

use super::rules::run;
use super::sheet::{manual_deduction, score, Deduction, Sheet};
use super::*;
use crate::case::fixtures::*;
use crate::case::model::*;
use crate::catalog::PenaltyKind;
use crate::money::Fen;

/// A clean penalty case: decided 2026-06-25 (800 yuan), decision served the same day.
fn good(w: &World) -> Case {
    let c = notified(w, 800);
    let c = w.step(&c, SUN, decide("2026-06-25", 800));
    w.step(&c, ZHANG, serve(ServedDoc::Decision, "2026-06-25"))
}

fn fails(code: &str, w: &World, c: &Case) -> String {
    assert!(rule(code).is_some(), "{code} is a rule");
    run(code, c, &w.ctx()).unwrap_or_else(|| panic!("{code} should fail"))
}

fn passes(code: &str, w: &World, c: &Case) {
    assert_eq!(run(code, c, &w.ctx()), None, "{code} should pass");
}

#[test]
fn a_clean_case_has_no_findings() {
    let w = World::new();
    let c = good(&w);
    assert_eq!(check(&c, &w.ctx()), vec![]);
}

#[test]
fn r01_handlers_certified_art42() {
    let w = World::new();
    let mut c = good(&w);
    passes("R01", &w, &c);
    c.handlers = vec![ZHANG, WANG];
    assert!(fails("R01", &w, &c).contains("王五"));
}

#[test]
fn r02_two_officers_on_each_record_art42() {
    let w = World::new();
    let mut c = good(&w);
    passes("R02", &w, &c);
    c.records[0].officers = vec![ZHANG, WANG];
    assert!(fails("R02", &w, &c).contains("须两名"));
}

#[test]
fn r03_no_procedural_inversion_art54() {
    let w = World::new();
    let mut c = good(&w);
    passes("R03", &w, &c);
    c.records[0].date = d("2026-06-02");
    assert!(fails("R03", &w, &c).contains("程序倒置"));
}

#[test]
fn r04_party_identified_art59() {
    let w = World::new();
    let mut c = good(&w);
    passes("R04", &w, &c);
    c.parties.clear();
    fails("R04", &w, &c);
}

#[test]
fn r05_provision_valid_on_act_date_art37() {
    let w = World::new();
    let mut c = good(&w);
    passes("R05", &w, &c);
    c.power.power.effective_from = Some(d("2027-01-01"));
    assert!(fails("R05", &w, &c).contains("适用法律错误"));
}

#[test]
fn r06_fine_in_statutory_range_and_tier_art34() {
    let w = World::new();
    let mut c = good(&w);
    passes("R06", &w, &c);
    c.decision.as_mut().unwrap().fine = Fen::from_yuan(5000);
    assert!(fails("R06", &w, &c).contains("超出"));
}

#[test]
fn r07_simple_procedure_limits_art51() {
    let w = World::new();
    let mut c = good(&w);
    c.procedure = Procedure::Simple;
    c.decision.as_mut().unwrap().fine = Fen::from_yuan(100);
    passes("R07", &w, &c);
    c.decision.as_mut().unwrap().fine = Fen::from_yuan(800);
    fails("R07", &w, &c);
}

#[test]
fn r08_notice_before_decision_art44() {
    let w = World::new();
    let mut c = good(&w);
    passes("R08", &w, &c);
    c.services.retain(|s| s.doc != ServedDoc::Notice);
    assert!(fails("R08", &w, &c).contains("未送达"));
    let mut c = good(&w);
    c.notice = None;
    fails("R08", &w, &c);
}

#[test]
fn r09_not_heavier_than_notified_art45() {
    let w = World::new();
    let mut c = good(&w);
    passes("R09", &w, &c);
    c.decision.as_mut().unwrap().fine = Fen::from_yuan(900);
    assert!(fails("R09", &w, &c).contains("不得加重"));
}

#[test]
fn r10_hearing_right_and_requested_hearing_art63_64() {
    let w = World::new();
    let mut c = good(&w);
    passes("R10", &w, &c);
    c.hearing = Some(Hearing::requested(d("2026-06-16")));
    assert!(fails("R10", &w, &c).contains("听证"));
    let mut c = good(&w);
    let n = c.notice.as_mut().unwrap();
    n.kinds = vec![PenaltyKind::SuspendBusiness];
    n.hearing_right = false;
    assert!(fails("R10", &w, &c).contains("听证权利"));
}

#[test]
fn r11_legal_review_where_required_art58() {
    let w = World::new();
    let mut c = good(&w);
    passes("R11", &w, &c);
    c.proposal.as_mut().unwrap().legal_review_flags = vec!["重大公共利益".into()];
    assert!(fails("R11", &w, &c).contains("法制审核"));
}

#[test]
fn r12_collective_discussion_art57() {
    let w = World::new();
    let mut c = good(&w);
    passes("R12", &w, &c);
    c.proposal.as_mut().unwrap().complex_or_major = true;
    assert!(fails("R12", &w, &c).contains("集体讨论"));
}

#[test]
fn r13_notice_service_proof() {
    let w = World::new();
    let mut c = good(&w);
    passes("R13", &w, &c);
    c.services.retain(|s| s.doc != ServedDoc::Notice);
    fails("R13", &w, &c);
}

#[test]
fn r14_hearing_notice_service_proof_art64() {
    let w = World::new();
    let mut c = good(&w);
    passes("R14", &w, &c);
    c.hearing = Some(hearing_of_06_29(QIAN, false));
    assert!(fails("R14", &w, &c).contains("尚未送达"));
}

#[test]
fn r15_decision_service_proof_art61() {
    let w = World::new();
    let mut c = good(&w);
    c.stage = Stage::Closing;
    passes("R15", &w, &c);
    c.services.retain(|s| s.doc != ServedDoc::Decision);
    fails("R15", &w, &c);
}

#[test]
fn r16_demand_service_proof() {
    let w = World::new();
    let mut c = good(&w);
    passes("R16", &w, &c);
    c.demands.push(Demand {
        date: d("2026-08-01"),
        amount: Fen::from_yuan(800),
        surcharge: Fen(0),
    });
    c.court = Some(CourtApplication {
        date: d("2026-09-01"),
        court: "农安县人民法院".into(),
    });
    fails("R16", &w, &c);
}

#[test]
fn r17_decision_within_90_days_art60() {
    let w = World::new();
    let mut c = good(&w);
    passes("R17", &w, &c);
    c.decision.as_mut().unwrap().date = d("2026-10-20");
    assert!(fails("R17", &w, &c).contains("期限"));
}

#[test]
fn r18_service_within_7_working_days_art61() {
    let w = World::new();
    let mut c = good(&w);
    passes("R18", &w, &c);
    for s in c
        .services
        .iter_mut()
        .filter(|s| s.doc == ServedDoc::Decision)
    {
        s.date = d("2026-07-20");
    }
    assert!(fails("R18", &w, &c).contains("七个工作日"));
}

#[test]
fn r19_preservation_decided_in_7_working_days_art56() {
    let w = World::new();
    let mut c = good(&w);
    c.preservations.push(Preservation {
        approved_by: SUN,
        date: d("2026-06-05"),
        items: "秸秆".into(),
        decided_on: Some(d("2026-06-10")),
        decision: Some("退还".into()),
    });
    passes("R19", &w, &c);
    c.preservations[0].decided_on = Some(d("2026-06-30"));
    fails("R19", &w, &c);
}

#[test]
fn r20_statements_reexamined_art45() {
    let w = World::new();
    let mut c = good(&w);
    c.statements.push(StatementRecord {
        date: d("2026-06-16"),
        content: "家庭困难".into(),
        adopted: false,
        reexamination: "经复核不予采纳".into(),
    });
    passes("R20", &w, &c);
    c.statements[0].reexamination.clear();
    fails("R20", &w, &c);
}

#[test]
fn r21_key_documents_present() {
    let w = World::new();
    let mut c = good(&w);
    passes("R21", &w, &c);
    c.proposal = None;
    assert!(fails("R21", &w, &c).contains("调查终结报告"));
}

#[test]
fn r22_documents_in_order() {
    let w = World::new();
    let mut c = good(&w);
    passes("R22", &w, &c);
    c.notice.as_mut().unwrap().date = d("2026-06-30");
    assert!(fails("R22", &w, &c).contains("顺序"));
}

#[test]
fn r23_r24_hints() {
    let w = World::new();
    let mut c = good(&w);
    passes("R23", &w, &c);
    passes("R24", &w, &c);
    c.stage = Stage::Closed;
    fails("R23", &w, &c);
    c.stage = Stage::Deciding;
    fails("R24", &w, &c);
}

#[test]
fn every_rule_has_a_source_and_unique_code() {
    let mut codes: Vec<_> = RULES.iter().map(|r| r.code).collect();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), RULES.len());
    assert!(RULES
        .iter()
        .all(|r| !r.source.is_empty() && !r.name.is_empty()));
}

fn finding(code: &'static str) -> Finding {
    let def = rule(code).unwrap();
    Finding {
        code,
        name: def.name,
        source: def.source,
        severity: def.severity,
        message: "x".into(),
    }
}

#[test]
fn scoring_arithmetic() {
    let sheet = Sheet::default_sheet();
    assert_eq!(sheet.total, 1000);
    // R21 (卷面 3) + R22 (卷面 1) + R13 (内容 2) + manual 内容 0.5 = 6.5 → 93.5, 优秀.
    let manual = vec![manual_deduction(&sheet, "内容", "0.5", "笔录字迹潦草").unwrap()];
    let s = score(
        &sheet,
        &[
            finding("R21"),
            finding("R22"),
            finding("R13"),
            finding("R23"),
        ],
        &manual,
    );
    assert_eq!(s.score, 935);
    assert_eq!(s.score_text(), "93.5");
    assert_eq!(s.grade, "优秀");
    assert_eq!(s.automatic.len(), 3, "hints are not scored");
    // A section never goes below zero: 25 points asked from 卷面 (20) → 80.
    let many = vec![Deduction {
        rule: String::new(),
        section: "卷面".into(),
        points: 250,
        reason: "卷面混乱".into(),
    }];
    let s = score(&sheet, &[], &many);
    assert_eq!(s.score, 800);
    assert_eq!(s.sections[0].deducted, 200);
    // A veto scores the file veto_score.
    let s = score(&sheet, &[finding("R08")], &[]);
    assert_eq!(s.score, 0);
    assert!(s.grade.contains("否决"));
    assert_eq!(s.vetoes.len(), 1);
}

#[test]
fn sheet_errors_are_all_reported() {
    let bad = r#"
name = "坏表"
total = 100
[[sections]]
name = "卷面"
points = 30
[[items]]
rule = "R99"
section = "内容"
points = 0.3
[[items]]
rule = "R08"
section = "卷面"
points = 1
"#;
    let errs = Sheet::parse(bad).unwrap_err();
    let all = errs.join("\n");
    assert!(all.contains("合计"), "{all}");
    assert!(all.contains("R99"), "{all}");
    assert!(all.contains("否决项"), "{all}");
    assert!(manual_deduction(&Sheet::default_sheet(), "内容", "abc", "x").is_err());
    assert!(manual_deduction(&Sheet::default_sheet(), "内容", "1", " ").is_err());
    assert!(manual_deduction(&Sheet::default_sheet(), "外观", "1", "x").is_err());
}

#[test]
fn fault_categories_cite_the_verified_articles() {
    use fault::FaultCategory;
    assert_eq!(
        FaultCategory::parse("76"),
        Some(FaultCategory::UnlawfulPenalty)
    );
    assert_eq!(
        FaultCategory::parse("强制64"),
        Some(FaultCategory::CoercionForGain)
    );
    assert_eq!(FaultCategory::Omission.article(), "行政处罚法第八十三条");
    assert_eq!(FaultCategory::parse("99"), None);
}

/// R25 (行政强制法 Art 43): a 催告 or its service on a rest day or a statutory holiday is
/// flagged, naming the day; on a working day it passes.
#[test]
fn r25_demand_on_a_holiday_or_rest_day_is_flagged() {
    let w = World::new();
    let c = good(&w);
    let on = |date: &str| {
        let c = w.step(&c, ZHANG, crate::case::Action::Demand { date: d(date) });
        w.step(&c, ZHANG, serve(ServedDoc::Demand, date))
    };
    passes("R25", &w, &on("2026-07-20"));
    let weekend = fails("R25", &w, &on("2026-07-18"));
    assert!(
        weekend.contains("催告日期 2026-07-18 是休息日")
            && weekend.contains("催告书送达日期 2026-07-18 是休息日"),
        "{weekend}"
    );
    let holiday = fails("R25", &w, &on("2026-10-02"));
    assert!(holiday.contains("法定节假日（国庆节）"), "{holiday}");
    // Any other service: a statutory holiday is flagged, a weekend is not.
    let served_on = |date: &str| {
        let mut c = c.clone();
        let s = c
            .services
            .iter_mut()
            .find(|s| s.doc == ServedDoc::Decision)
            .unwrap();
        s.date = d(date);
        c
    };
    passes("R25", &w, &served_on("2026-07-18"));
    let holiday = fails("R25", &w, &served_on("2026-10-01"));
    assert!(
        holiday.contains("行政处罚决定书送达日期 2026-10-01 是法定节假日（国庆节）"),
        "{holiday}"
    );
}
