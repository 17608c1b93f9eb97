//! The 队长看板 reads at a glance: overdue counts of the year shown, labelled months,
//! grouped money (issue 19); it and `report stats` count leads and inspections exactly as a
//! hand-built register says (issue 18).

use super::leads::{act, seed, seed_register, user};
use super::*;
use crate::domain::field::Field;
use crate::domain::inspection::{
    InspectionReason, InspectionRecord, InspectionResult, ObjectInput, RiskLevel,
};
use crate::domain::lead::LeadActionKind;
use crate::domain::patrol::PatrolOutcome;

/// Five leads (`seed_register`'s four and one handed down and not filed) and four
/// inspections: a shop twice (passed, then a correction), a farm once (a lead), a street.
fn seed_fixture(a: &mut App) {
    seed_register(a);
    let handed = seed(
        a,
        &[
            ("source", "上级交办"),
            ("received_on", "2026-11-09"),
            ("place", "合隆镇北街"),
            ("allegation", "县局交办：北街商户占道经营"),
        ],
    );
    for (kind, who, values) in [
        (
            LeadActionKind::Assign,
            "sunzhen",
            &[("date", "2026-11-09"), ("officers", "zhangwei,liqiang")][..],
        ),
        (
            LeadActionKind::RecordFindings,
            "zhangwei",
            &[("date", "2026-11-10"), ("findings", "现场已清理")][..],
        ),
        (
            LeadActionKind::NotFile,
            "sunzhen",
            &[("date", "2026-11-10"), ("reason", "违法事实不存在")][..],
        ),
    ] {
        act(a, handed.lead.id, kind, who, values);
    }
    let zhang = user(a, "zhangwei");
    let officers = vec![zhang.id, user(a, "liqiang").id];
    let mut object = |name: &str, code: &str, field: Field| {
        a.desk
            .add_object(
                ObjectInput {
                    name: name.into(),
                    credit_code: code.into(),
                    address: "合隆镇兴隆街8号".into(),
                    field,
                    risk: RiskLevel::Medium,
                },
                &zhang,
            )
            .unwrap()
            .id
    };
    let shop = object(
        "合隆镇好运来超市",
        "91350100M000100Y43",
        Field::UrbanManagement,
    );
    let farm = object("东岗村养殖场", "", Field::Environment);
    let correction = InspectionResult::CorrectionOrdered {
        content: "撤除店外货架".into(),
        deadline: d("2026-11-15"),
        recheck_on: d("2026-11-20"),
        recheck: None,
    };
    for (date, object, result) in [
        ("2026-11-02", Some(shop), InspectionResult::Passed),
        ("2026-11-10", Some(shop), correction),
        (
            "2026-11-12",
            Some(farm),
            InspectionResult::ToLead { lead: None },
        ),
        ("2026-11-15", None, InspectionResult::Passed),
    ] {
        let rec = InspectionRecord {
            id: 0,
            date: d(date),
            start: "09:00".into(),
            end: "09:40".into(),
            place: "合隆镇兴隆街".into(),
            object,
            officers: officers.clone(),
            reason: InspectionReason::Routine,
            items: vec!["占道经营".into()],
            findings: "逐项检查".into(),
            photos: Vec::new(),
            result,
            failed_items: Vec::new(),
            measures: if object.is_none() {
                [(PatrolOutcome::SeizedItems, 3)].into_iter().collect()
            } else {
                Default::default()
            },
        };
        a.desk.add_inspection(rec, &zhang, today()).unwrap();
    }
}

#[test]
fn report_stats_and_the_dashboard_count_a_hand_built_register() {
    let (_d, path) = demo_copy_without_intake();
    let mut a = app(&path);
    seed_fixture(&mut a);
    // Working days to a decision: 告知 10-09 → 10-20 is 8 (10-10 is a make-up working
    // day), 不予立案 11-02 → 11-06 is 4, 11-09 → 11-10 is 1: mean 4.3, median 4.0.
    let stats = a
        .desk
        .team_stats(d("2026-10-01"), d("2026-11-30"), today())
        .unwrap();
    let text = crate::report::stats::stats_text(&stats);
    for want in [
        "线索：收到 5，未处理 2，逾期未处理 1\n",
        "线索来源：举报投诉 2，巡查发现 1，部门移送 1，上级交办 1\n",
        "线索处理结果：不予立案 2，告知 1\n",
        "线索处理用时(工作日)：平均 4.3，中位 4.0，最长 8\n",
        "检查：总数 4，有名对象 3，街面巡查 1\n",
        "检查结果：合格 2，责令改正 1，转为线索 1\n",
        "检查领域：城市管理 2，生态环境 1\n",
        "重复检查：对象数 1，重复次数 1，合隆镇好运来超市 2次\n",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
    // The patrol tallies count the inspections with whatever the demo's patrol log typed.
    let typed = a
        .desk
        .store()
        .patrols_between(d("2026-10-01"), d("2026-11-30"))
        .unwrap()
        .len();
    assert_eq!(stats.cases.patrols.inspections as usize, 4 + typed);
    login(&mut a, "sunzhen");
    press(&mut a, &[KeyCode::Char('t')]);
    let dash = render(&a, 120, 36);
    for want in [
        "收到 5 条，未处理 2，逾期 1",
        "来源：举报投诉2 巡查发现1 部门移送1 上级交办1",
        // (wrapped at the space before 告知 at this width)
        "结果：不予立案2",
        "告知1；用时均4.3中位4.0工作日",
        "检查 4 次（街面 1）",
        "结果：合格2 责令改正1 转为线索1",
        "领域：城市管理2 生态环境1",
        "重复检查 1 个对象 1 次",
    ] {
        assert!(dash.contains(want), "{want}\n{dash}");
    }
    let narrow = render(&a, 80, 24);
    assert!(narrow.contains("检查 4 次"), "{narrow}");
}

#[test]
fn the_dashboard_counts_the_year_it_shows_and_labels_its_months_and_money() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "sunzhen");
    press(&mut a, &[KeyCode::Char('t')]);
    let screen = render(&a, 120, 36);
    for want in ["1月", "6月", "12月", "期限已逾期"] {
        assert!(screen.contains(want), "{want}:\n{screen}");
    }
    assert!(
        screen
            .lines()
            .any(|l| l.contains("罚款决定") && l.contains(',')),
        "{screen}"
    );
    // A year without cases has nothing overdue.
    press(&mut a, &[KeyCode::Char('['), KeyCode::Char('[')]);
    let screen = render(&a, 120, 36);
    assert!(screen.contains("2024年"), "{screen}");
    assert!(screen.contains("案件 0 件，期限已逾期 0 件"), "{screen}");
    let screen = render(&a, 80, 24);
    assert!(screen.contains("12月"), "{screen}");
}

#[test]
fn the_legal_reviewer_s_desk_lists_the_cases_before_the_decision_without_a_review() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "qianli");
    let screen = render(&a, 120, 36);
    assert!(!screen.contains("暂无待办事项"), "{screen}");
    assert!(screen.contains("可法制审核 "), "{screen}");
}

#[test]
fn an_admin_checks_and_backs_up_from_the_command_line() {
    let (dir, path) = demo_copy();
    let mut a = app(&path);
    // The test demo was built for an earlier day; `check` compares the deadline columns
    // with the real today, so bring them to it first.
    a.desk
        .refresh_deadlines_if_stale(crate::desk::today())
        .unwrap();
    login(&mut a, "zhangwei");
    type_text(&mut a, ":backup");
    press(&mut a, &[KeyCode::Enter]);
    assert!(a.status.contains("只有管理员可以备份"), "{}", a.status);
    type_text(&mut a, ":check");
    press(&mut a, &[KeyCode::Enter]);
    assert!(a.status.contains("项全部正常"), "{}", a.status);
    type_text(&mut a, ":logout");
    press(&mut a, &[KeyCode::Enter]);
    login(&mut a, "admin");
    type_text(&mut a, ":备份");
    press(&mut a, &[KeyCode::Enter]);
    assert!(a.status.contains("已备份"), "{}", a.status);
    let backups = crate::store::maintenance::backups_root(&path);
    assert!(backups.starts_with(dir.path()), "{}", backups.display());
    assert!(
        crate::store::maintenance::backups_in(&backups).len()
            + std::fs::read_dir(&backups).map_or(0, |d| d.count())
            > 0
    );
    // A changed case behind zhifa's back is named by :check.
    a.desk
        .store()
        .conn()
        .execute("UPDATE case_file SET data = replace(data, '\"place\":\"', '\"place\":\"X') WHERE id = 1", [])
        .unwrap();
    type_text(&mut a, ":check");
    press(&mut a, &[KeyCode::Enter]);
    assert!(
        a.status.contains("检查发现") && a.status.contains("记录与审计记录一致"),
        "{}",
        a.status
    );
}
