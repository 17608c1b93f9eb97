//! The 队长看板 reads at a glance: overdue counts of the year shown, labelled months,
//! grouped money (issue 19).

use super::*;

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
