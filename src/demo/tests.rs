//! The demo township builds through the real workflow, every case accepted.

use super::*;

#[test]
fn demo_builds_with_every_case_lawful() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.sqlite3");
    let today: NaiveDate = "2026-11-26".parse().unwrap();
    let report = build(&path, today).unwrap();
    assert!(
        report.refused.is_empty(),
        "refused:\n{}",
        report.refused.join("\n")
    );
    assert_eq!(report.staff, 49);
    assert!(report.cases >= 280, "{}", report.cases);
    // Every stage is represented.
    for stage in [
        "立案审批",
        "调查取证",
        "审查",
        "告知",
        "送达",
        "执行",
        "结案",
        "归档",
    ] {
        assert!(
            report.by_stage.get(stage).copied().unwrap_or(0) > 0,
            "no case at {stage}: {:?}",
            report.by_stage
        );
    }
    let store = Store::open(&path).unwrap();
    let users = store.users().unwrap();
    assert_eq!(users.values().filter(|u| u.cert_no.is_some()).count(), 25);
    assert!(store.verify_audit().unwrap().first_broken.is_none());
    // Each branch of the file has an archived case: 先行登记保存 decided, 查封扣押
    // released, a 责令改正通知书 served and followed up (复查).
    let archived: Vec<crate::domain::case::Case> = store
        .list_cases(&crate::store::CaseFilter {
            stage: Some(crate::domain::case::Stage::Archived),
            ..Default::default()
        })
        .unwrap()
        .iter()
        .map(|r| store.load_case(r.id).unwrap())
        .collect();
    let with = |what: &str, f: &dyn Fn(&crate::domain::case::Case) -> bool| {
        assert!(archived.iter().any(f), "no archived demo case with {what}");
    };
    with("a decided preservation", &|c| {
        c.preservations.iter().any(|p| p.decided_on.is_some())
    });
    with("a released seizure", &|c| {
        c.seizures.iter().any(|s| s.released_on.is_some())
    });
    with("a served correction notice and its recheck", &|c| {
        c.correction_notice.is_some()
            && c.correction_recheck.is_some()
            && c.served(crate::domain::case::ServedDoc::CorrectionOrder)
                .is_some()
    });
    // Each path of 行政强制法 Chapter IV the issue names, archived (sample-data/enforcement.toml).
    let duty = |c: &crate::domain::case::Case| c.duty.clone();
    with(
        "a house demolished by the township after its 公告",
        &|c| {
            duty(c).is_some_and(|o| {
                o.power == crate::domain::enforcement::EnforcementPower::SelfEnforce
                    && o.enforcement.public_notice.is_some()
                    && o.enforcement.days.iter().any(|d| d.completed)
            })
        },
    );
    with("an order performed in time", &|c| {
        duty(c).is_some_and(|o| o.complied_on.is_some_and(|d| d <= o.deadline))
    });
    with("代履行 of an obstacle with its cost", &|c| {
        duty(c).is_some_and(|o| {
            o.enforcement
                .substitute
                .as_ref()
                .is_some_and(|s| s.cost.is_some() && s.demand_on.is_some())
        })
    });
    with("立即代履行 notified afterwards", &|c| {
        duty(c).is_some_and(|o| {
            o.enforcement
                .immediate
                .as_ref()
                .is_some_and(|i| i.notified_on.is_some())
        })
    });
    with("a demolition order sent to the court", &|c| {
        c.court.is_some()
            && duty(c).is_some_and(|o| {
                o.power == crate::domain::enforcement::EnforcementPower::ApplyToCourt
            })
    });
    with("goods confiscated and destroyed", &|c| {
        c.goods.iter().any(|g| {
            g.is_confiscated() && g.state() == crate::domain::enforcement::GoodsState::Destroyed
        })
    });
    let overdue = store
        .list_cases(&crate::store::CaseFilter {
            overdue_only: true,
            ..Default::default()
        })
        .unwrap();
    assert!(!overdue.is_empty(), "some demo cases should be overdue");

    // Deadline states move with the date: a month later more cases are overdue.
    let mut desk = crate::desk::Desk::new(store);
    desk.refresh_deadlines_if_stale(today).unwrap();
    let later: NaiveDate = "2026-12-28".parse().unwrap();
    desk.refresh_deadlines_if_stale(later).unwrap();
    assert_eq!(desk.store().deadlines_refreshed_on().unwrap(), Some(later));
    let overdue_later = desk
        .store()
        .list_cases(&crate::store::CaseFilter {
            overdue_only: true,
            ..Default::default()
        })
        .unwrap();
    assert!(
        overdue_later.len() > overdue.len(),
        "{} vs {}",
        overdue_later.len(),
        overdue.len()
    );
}
