//! Inspection records, the re-inspection warning and the statistics, against hand-built
//! fixtures.

use std::collections::BTreeMap;

use super::fixtures::{credit_code, object, staff, EXPIRED};
use super::*;
use crate::case::fixtures::{d, World, LI, WANG, ZHANG};
use crate::case::model::Recheck;
use crate::case::rule::RuleKind;
use crate::field::Field;
use crate::patrol::{self, Patrol, PatrolOutcome};
use crate::procedure_settings::ProcedureSettings;

fn record(id: i64, date: &str, object: Option<i64>, result: InspectionResult) -> InspectionRecord {
    InspectionRecord {
        id,
        date: d(date),
        start: "09:30".into(),
        end: "10:10".into(),
        place: "合隆镇兴隆街".into(),
        object,
        officers: vec![ZHANG, LI],
        reason: InspectionReason::Routine,
        items: vec!["是否占道经营".into(), "户外广告是否经批准".into()],
        findings: "店外摆放桌椅4张。".into(),
        photos: vec![],
        result,
        failed_items: Vec::new(),
        measures: BTreeMap::new(),
    }
}

fn correction(deadline: &str, recheck_on: &str) -> InspectionResult {
    InspectionResult::CorrectionOrdered {
        content: "清理店外桌椅，恢复人行道通行".into(),
        deadline: d(deadline),
        recheck_on: d(recheck_on),
        recheck: None,
    }
}

fn check(r: &InspectionRecord, who: &[i64]) -> Result<(), crate::case::rule::RuleError> {
    let mut w = World::new();
    w.users = staff();
    let r = InspectionRecord {
        officers: who.to_vec(),
        ..r.clone()
    };
    check_record(&r, &w.ctx())
}

#[test]
fn an_object_carries_a_checked_credit_code() {
    let mut input = ObjectInput {
        name: "合隆镇兴隆烧烤店".into(),
        credit_code: credit_code(1),
        address: "合隆镇兴隆街18号".into(),
        field: Field::UrbanManagement,
        risk: RiskLevel::High,
    };
    assert!(input.clone().into_object().is_ok());
    input.credit_code.pop();
    input.credit_code.push('Z');
    let e = input.clone().into_object().unwrap_err();
    assert!(e.message.contains("统一社会信用代码"), "{e}");
    input.credit_code = String::new();
    assert_eq!(input.into_object().unwrap().credit_code, None, "a place");
    assert_eq!(RiskLevel::parse("较高风险"), Some(RiskLevel::High));
}

#[test]
fn a_plan_has_a_period_in_order_and_something_to_draw() {
    let mut p = fixtures::plan(3);
    assert_eq!(p.check(), Ok(()));
    p.object_count = 0;
    assert!(p.check().is_err());
    p = fixtures::plan(3);
    p.period_to = d("2026-06-30");
    assert!(p.check().is_err());
}

#[test]
fn an_inspection_needs_two_distinct_certified_officers_art_42() {
    let r = record(1, "2026-07-06", Some(1), InspectionResult::Passed);
    assert_eq!(check(&r, &[ZHANG, LI]), Ok(()));
    let e = check(&r, &[ZHANG, WANG]).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第四十二条");
    let e = check(&r, &[ZHANG, EXPIRED]).unwrap_err();
    assert_eq!(
        e.rule, "行政处罚法第四十二条",
        "certificate expired on 06-30"
    );
    let e = check(&r, &[ZHANG, ZHANG]).unwrap_err();
    assert!(e.message.contains("不止一次"), "{e}");
    // A street patrol has no object and the same rule.
    let street = record(2, "2026-07-06", None, InspectionResult::Passed);
    assert_eq!(check(&street, &[ZHANG, LI]), Ok(()));
}

#[test]
fn a_correction_on_inspection_has_a_later_deadline_and_recheck_art_28() {
    let ok = record(
        1,
        "2026-07-06",
        Some(1),
        correction("2026-07-13", "2026-07-14"),
    );
    assert_eq!(check(&ok, &[ZHANG, LI]), Ok(()));
    let same_day = record(
        1,
        "2026-07-06",
        Some(1),
        correction("2026-07-06", "2026-07-14"),
    );
    assert_eq!(
        check(&same_day, &[ZHANG, LI]).unwrap_err().rule,
        "行政处罚法第二十八条第一款"
    );
    let early = record(
        1,
        "2026-07-06",
        Some(1),
        correction("2026-07-13", "2026-07-10"),
    );
    assert_eq!(
        check(&early, &[ZHANG, LI]).unwrap_err().rule,
        "行政处罚法第二十八条第一款"
    );
    assert_eq!(rechecks_due(std::slice::from_ref(&ok), d("2026-07-13")), []);
    assert_eq!(
        rechecks_due(std::slice::from_ref(&ok), d("2026-07-14")),
        [(1, d("2026-07-14"))]
    );
    let recheck = |by| Recheck {
        date: d("2026-07-14"),
        corrected: true,
        note: "桌椅已清理".into(),
        by,
    };
    assert_eq!(
        record_recheck(&ok, recheck(WANG)).unwrap_err().kind,
        RuleKind::Role
    );
    let done = record_recheck(&ok, recheck(LI)).unwrap();
    assert_eq!(
        rechecks_due(std::slice::from_ref(&done), d("2026-07-20")),
        []
    );
    assert!(
        record_recheck(&done, recheck(LI)).is_err(),
        "rechecked once"
    );
    let passed = record(2, "2026-07-06", Some(1), InspectionResult::Passed);
    assert!(record_recheck(&passed, recheck(LI)).is_err());
}

#[test]
fn a_record_refuses_bad_times_missing_reasons_and_typed_rectifications() {
    let mut r = record(1, "2026-07-06", Some(1), InspectionResult::Passed);
    r.end = "09:00".into();
    assert!(check(&r, &[ZHANG, LI])
        .unwrap_err()
        .message
        .contains("早于开始时间"));
    r.end = "25:00".into();
    assert_eq!(check(&r, &[ZHANG, LI]).unwrap_err().kind, RuleKind::Input);
    let mut r = record(1, "2026-07-06", Some(1), InspectionResult::Passed);
    r.reason = InspectionReason::Risk { reason: " ".into() };
    assert!(check(&r, &[ZHANG, LI]).is_err());
    let mut r = record(1, "2026-07-06", Some(1), InspectionResult::Passed);
    r.measures.insert(PatrolOutcome::Rectifications, 1);
    assert!(check(&r, &[ZHANG, LI])
        .unwrap_err()
        .message
        .contains("自动计数"));
    let future = record(1, "2026-11-21", Some(1), InspectionResult::Passed);
    assert!(check(&future, &[ZHANG, LI]).is_err());
}

#[test]
fn an_item_found_not_compliant_is_one_checked_and_the_result_is_not_passed() {
    let mut r = record(1, "2026-07-06", Some(1), InspectionResult::Passed);
    assert_eq!(check(&r, &[ZHANG, LI]), Ok(()), "every item 合格");
    r.failed_items = vec!["户外广告是否经批准".into()];
    let e = check(&r, &[ZHANG, LI]).unwrap_err();
    assert!(
        e.message
            .contains("“户外广告是否经批准”不合格，检查结果不能为合格"),
        "{e:?}"
    );
    r.result = correction("2026-07-10", "2026-07-11");
    assert_eq!(check(&r, &[ZHANG, LI]), Ok(()));
    r.failed_items = vec!["消防通道".into()];
    let e = check(&r, &[ZHANG, LI]).unwrap_err();
    assert!(e.message.contains("不在检查事项中"), "{e:?}");
    // Written only when an item failed, so records without verdicts read back unchanged.
    let passed = record(2, "2026-07-06", None, InspectionResult::Passed);
    let json = serde_json::to_string(&passed).unwrap();
    assert!(!json.contains("failed_items"), "{json}");
    let back: InspectionRecord = serde_json::from_str(&json).unwrap();
    assert_eq!(back, passed);
}

#[test]
fn a_reinspection_inside_the_interval_warns_unless_reasoned() {
    let shop = object(1, Field::UrbanManagement, RiskLevel::Medium);
    let other = object(2, Field::UrbanManagement, RiskLevel::Medium);
    let history = [
        record(1, "2026-06-01", Some(1), InspectionResult::Passed),
        record(2, "2026-07-06", Some(1), InspectionResult::Passed),
        record(3, "2026-07-20", None, InspectionResult::Passed),
    ];
    let s = ProcedureSettings::default();
    let routine = InspectionReason::Routine;
    // 29 days after 07-06 warns; 30 days after does not.
    let w = reinspection_warning(&shop, &history, d("2026-08-04"), &routine, &s).unwrap();
    assert_eq!(
        (w.last, w.days_since, w.interval_days),
        (d("2026-07-06"), 29, 30)
    );
    assert!(w.message.contains("投诉举报或风险监测"), "{}", w.message);
    assert_eq!(
        reinspection_warning(&shop, &history, d("2026-08-05"), &routine, &s),
        None
    );
    let drawn = InspectionReason::Drawn { plan: 1 };
    assert!(reinspection_warning(&shop, &history, d("2026-07-10"), &drawn, &s).is_some());
    let complaint = InspectionReason::Complaint {
        lead: Some(4),
        reason: "群众举报夜间占道经营".into(),
    };
    assert_eq!(
        reinspection_warning(&shop, &history, d("2026-07-10"), &complaint, &s),
        None
    );
    let unreasoned = InspectionReason::Risk {
        reason: String::new(),
    };
    assert!(reinspection_warning(&shop, &history, d("2026-07-10"), &unreasoned, &s).is_some());
    assert_eq!(
        reinspection_warning(&other, &history, d("2026-07-10"), &routine, &s),
        None
    );
    let mut sixty = s.clone();
    sixty.reinspection_interval_days = 60;
    assert!(reinspection_warning(&shop, &history, d("2026-08-05"), &routine, &sixty).is_some());
    assert_eq!(annual_count(1, &history, 2026), 2);
    assert_eq!(annual_count(1, &history, 2025), 0);
    assert_eq!(annual_count(2, &history, 2026), 0);
}

#[test]
fn statistics_and_tallies_come_from_the_records() {
    let mut seized = record(1, "2026-07-06", None, InspectionResult::Passed);
    seized.measures.insert(PatrolOutcome::SeizedItems, 3);
    let mut demolished = record(
        2,
        "2026-07-08",
        Some(1),
        correction("2026-07-15", "2026-07-16"),
    );
    demolished
        .measures
        .insert(PatrolOutcome::DemolishedBuildings, 1);
    demolished
        .measures
        .insert(PatrolOutcome::DemolishedArea, 40);
    let records = [
        seized,
        demolished,
        record(
            3,
            "2026-07-09",
            Some(2),
            correction("2026-07-16", "2026-07-17"),
        ),
        // Object 1 again: a re-inspection.
        record(
            4,
            "2026-07-10",
            Some(1),
            InspectionResult::ToLead { lead: Some(9) },
        ),
        record(
            5,
            "2026-07-11",
            Some(4),
            InspectionResult::Filed { case_id: 7 },
        ),
        record(6, "2026-08-01", Some(5), InspectionResult::Passed),
    ];
    // Object 4 is not among the objects: counted by result, not by field.
    let objects = [
        object(1, Field::UrbanManagement, RiskLevel::Medium),
        object(2, Field::Environment, RiskLevel::Low),
        object(5, Field::Forestry, RiskLevel::Low),
    ];
    let s = inspection_stats(&records, &objects, d("2026-07-01"), d("2026-07-31"));
    assert_eq!((s.inspections, s.of_objects), (5, 4));
    assert_eq!(
        s.by_field,
        [(Field::UrbanManagement, 2), (Field::Environment, 1)]
    );
    assert_eq!(
        s.reinspected,
        [Reinspected {
            object: 1,
            name: "合隆镇第1号商户".into(),
            times: 2
        }]
    );
    assert_eq!(s.reinspections, 1);
    assert_eq!(
        s.by_result,
        [
            (ResultKind::Passed, 1),
            (ResultKind::CorrectionOrdered, 2),
            (ResultKind::ToLead, 1),
            (ResultKind::Filed, 1)
        ]
    );
    assert_eq!(
        patrol::summary(&s.tally),
        "共开展检查5次，收缴违规用品3件，拆除违法建筑1处（40平方米），责令整改2起。"
    );
    // A hand-typed patrol (no record) adds to the same sentence.
    let typed = Patrol {
        id: 1,
        date: d("2026-07-20"),
        place: "合隆镇南街".into(),
        squad: "第一中队".into(),
        officers: vec![ZHANG, LI],
        outcomes: [(PatrolOutcome::SeizedItems, 2)].into_iter().collect(),
        note: String::new(),
    };
    let mut all = s.tally.clone();
    all.merge(&patrol::tally([&typed]));
    assert_eq!(
        patrol::summary(&all),
        "共开展检查6次，收缴违规用品5件，拆除违法建筑1处（40平方米），责令整改2起。"
    );
}

/// The patrol tallies are counted once, from where each is recorded: inspections (with
/// their corrections), the corrections the cases ordered, and the hand-typed log for the rest.
#[test]
fn the_period_tally_counts_records_cases_and_the_typed_log_once_each() {
    use crate::case::fixtures::proposed;
    use crate::case::model::CorrectionNotice;
    let w = World::new();
    let notice = |date: &str| CorrectionNotice {
        date: d(date),
        content: "拆除违法搭建的彩钢房".into(),
        deadline: d("2026-08-30"),
        issued_by: ZHANG,
    };
    let mut with_notice = proposed(&w, "2026-07-02");
    with_notice.correction_notice = Some(notice("2026-07-03"));
    let mut notice_before = proposed(&w, "2026-06-20");
    notice_before.correction_notice = Some(notice("2026-06-21"));
    let without = proposed(&w, "2026-07-05");
    let cases = [with_notice, notice_before, without];
    assert_eq!(
        case_rectifications(&cases, d("2026-07-01"), d("2026-07-31")),
        1
    );
    let mut street = record(1, "2026-07-06", None, InspectionResult::Passed);
    street.measures.insert(PatrolOutcome::SeizedItems, 3);
    let records = [
        street,
        record(
            2,
            "2026-07-08",
            Some(1),
            correction("2026-07-15", "2026-07-16"),
        ),
        record(
            3,
            "2026-08-02",
            Some(1),
            correction("2026-08-15", "2026-08-16"),
        ),
    ];
    let typed = Patrol {
        id: 1,
        date: d("2026-07-20"),
        place: "合隆镇南街".into(),
        squad: "第一中队".into(),
        officers: vec![ZHANG, LI],
        outcomes: [(PatrolOutcome::AbandonedVehicles, 2)]
            .into_iter()
            .collect(),
        note: String::new(),
    };
    let t = period_tally(&records, &cases, &[typed], d("2026-07-01"), d("2026-07-31"));
    assert_eq!(
        patrol::summary(&t),
        "共开展检查3次，收缴违规用品3件，清理僵尸车辆2辆，责令整改2起。"
    );
    // The cases' goods registers and the orders they enforced count too (issue 17): 4
    // pieces taken in July, a house demolished by force on 07-10, a sign the party took
    // down itself on 07-12; a house demolished in August is the next period's.
    use crate::enforcement::tests::{day, village_house};
    use crate::enforcement::{DutyKind, GoodsItem, GoodsOrigin};
    let goods = |taken: &str, quantity: u32| GoodsItem {
        description: "烟花爆竹".into(),
        quantity,
        unit: "件".into(),
        estimated_value: crate::money::Fen::from_yuan(100),
        storage_place: "罚没物品库".into(),
        custodian: "钱八".into(),
        photos: vec![],
        origin: GoodsOrigin::Seized,
        taken_on: d(taken),
        released_on: None,
        confiscated_on: None,
        movements: vec![],
    };
    let mut forced = proposed(&w, "2026-06-01");
    let mut order = village_house();
    order.enforcement.days = vec![day("2026-07-10", "09:00", "11:00")];
    forced.duty = Some(order);
    forced.goods = vec![goods("2026-07-09", 4), goods("2026-06-30", 9)];
    let mut sign = proposed(&w, "2026-06-02");
    let mut order = village_house();
    order.kind = DutyKind::RemoveAdvertising;
    order.complied_on = Some(d("2026-07-12"));
    sign.duty = Some(order);
    let mut later = proposed(&w, "2026-06-03");
    let mut order = village_house();
    order.enforcement.days = vec![day("2026-08-03", "09:00", "11:00")];
    later.duty = Some(order);
    let cases = [cases.to_vec(), vec![forced, sign, later]].concat();
    let typed = Patrol {
        id: 1,
        date: d("2026-07-20"),
        place: "合隆镇南街".into(),
        squad: "第一中队".into(),
        officers: vec![ZHANG, LI],
        outcomes: [(PatrolOutcome::AbandonedVehicles, 2)]
            .into_iter()
            .collect(),
        note: String::new(),
    };
    let t = period_tally(&records, &cases, &[typed], d("2026-07-01"), d("2026-07-31"));
    assert_eq!(
        patrol::summary(&t),
        "共开展检查3次，收缴违规用品7件，拆除违法建筑1处，清理僵尸车辆2辆，拆除广告牌匾1块，责令整改2起。"
    );
    // 责令整改 has its records: the log takes everything else, never it.
    assert!(patrol::typed_by_hand(PatrolOutcome::Rectifications).is_err());
    assert!(!patrol::typed_outcomes().contains(&PatrolOutcome::Rectifications));
    assert_eq!(patrol::typed_outcomes().len(), PatrolOutcome::ALL.len() - 1);
}
