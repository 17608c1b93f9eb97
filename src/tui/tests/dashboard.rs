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
