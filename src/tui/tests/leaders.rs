//! A leader's work on screen (issue 19, "Leaders in the UI"): a 评查 round chosen, scored
//! and saved by keys alone and seen in the list and the quality report; a 过错责任 recorded
//! and followed up by keys alone; who may open these screens.

use super::*;
use crate::domain::review::fault::FaultCategory;

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// Every round saved so far, with the case and its manual deductions.
fn rounds(a: &App) -> Vec<crate::domain::review::ReviewRound> {
    a.desk
        .store()
        .review_rounds_between("1900-01-01".parse().unwrap(), "9999-12-31".parse().unwrap())
        .unwrap()
}

#[test]
fn a_legal_reviewer_saves_a_sampled_review_round_by_keys_alone() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "qianli");
    press(&mut a, &[KeyCode::Char('?')]);
    let help = render(&a, 120, 36);
    assert!(
        help.contains("案卷评查") && help.contains("过错责任"),
        "the keys are listed: {help}"
    );
    press(&mut a, &[KeyCode::Esc]);
    let before = rounds(&a).len();
    press(&mut a, &[KeyCode::Char('v')]);
    snapshot_both("review_list", &a);
    press(&mut a, &[KeyCode::Char('n')]);
    snapshot_both("review_choose", &a);
    // Field 6 of 7: a sample of 2 (the seed stays the day's).
    press(&mut a, &[KeyCode::Tab; 5]);
    type_text(&mut a, "2");
    a.on_key(ctrl('s'));
    assert!(
        a.status.contains("已选 2 件") && a.status.contains("种子 20261126"),
        "{}",
        a.status
    );
    snapshot_both("review_score", &a);
    // A manual deduction on the first case: the section picked from the sheet's list.
    press(&mut a, &[KeyCode::Char('n')]);
    let screen = render(&a, 80, 24);
    assert!(screen.contains("评分表部分"), "{screen}");
    press(&mut a, &[KeyCode::Enter]);
    type_text(&mut a, "0.5");
    press(&mut a, &[KeyCode::Tab]);
    type_text(&mut a, "目录页码不连续");
    a.on_key(ctrl('s'));
    assert!(a.status.contains("已扣分"), "{}", a.status);
    let screen = render(&a, 80, 24);
    assert!(
        screen.contains("-0.5 [") && screen.contains("人工：目录页码不连续"),
        "{screen}"
    );
    // A bad one is refused in Chinese and changes nothing.
    press(&mut a, &[KeyCode::Char('n'), KeyCode::Enter]);
    type_text(&mut a, "0.3");
    press(&mut a, &[KeyCode::Tab]);
    type_text(&mut a, "x");
    a.on_key(ctrl('s'));
    assert!(a.status.contains("0.5 的整数倍"), "{}", a.status);
    press(&mut a, &[KeyCode::Esc, KeyCode::Esc]);
    // The second case, then save the round.
    press(&mut a, &[KeyCode::Char(']')]);
    assert!(render(&a, 80, 24).contains("第 2/2 件"));
    a.on_key(ctrl('s'));
    assert!(a.status.contains("已保存本轮评查：2 件"), "{}", a.status);
    let after = rounds(&a);
    assert_eq!(after.len(), before + 2);
    let manual: Vec<_> = after
        .iter()
        .flat_map(|r| r.score.manual.iter())
        .filter(|d| d.reason == "目录页码不连续" && d.points == 5)
        .collect();
    assert!(!manual.is_empty(), "the deduction was saved");
    assert!(after
        .iter()
        .rev()
        .take(2)
        .all(|r| r.reviewer_name == "钱丽"));
    // The list shows the round and how its cases were chosen.
    let screen = render(&a, 120, 36);
    assert!(
        screen.contains("2026-11-26") && screen.contains("钱丽"),
        "{screen}"
    );
    assert!(screen.contains("随机抽取2件（种子 20261126）"), "{screen}");
    // The first case drawn (listed second, newest first) shows its sheet with the deduction.
    press(&mut a, &[KeyCode::Char('j'), KeyCode::Enter]);
    let screen = render(&a, 80, 24);
    assert!(
        screen.contains("评查人 钱丽") && screen.contains("人工：目录页码不连续"),
        "{screen}"
    );
    snapshot_both("review_detail", &a);
    press(&mut a, &[KeyCode::Esc]);
    // And the quality report counts them.
    press(&mut a, &[KeyCode::Char('r')]);
    let screen = render(&a, 120, 36);
    assert!(
        screen.contains("[中队]") && screen.contains("平均分"),
        "{screen}"
    );
    press(&mut a, &[KeyCode::Tab, KeyCode::Tab]);
    let screen = render(&a, 120, 36);
    assert!(
        screen.contains("[月份]")
            && screen.lines().any(|l| l.starts_with("2026-11")
                && l.split_whitespace().nth(1) == Some(&(before + 2).to_string())),
        "{screen}"
    );
    snapshot_both("quality", &a);
}

#[test]
fn the_quality_report_exports_under_a_new_name_and_changes_its_period() {
    let (dir, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "sunzhen");
    type_text(&mut a, ":quality");
    press(&mut a, &[KeyCode::Enter]);
    let out = dir.path().join("exports");
    match a.stack.last_mut() {
        Some(Screen::Quality(q)) => q.export_dir = Some(out.clone()),
        _ => panic!("not the report: {}", a.status),
    }
    // The demo's rounds are this year's: the period of another year has none.
    press(&mut a, &[KeyCode::Char('f')]);
    for _ in 0..12 {
        press(&mut a, &[KeyCode::Backspace]);
    }
    type_text(&mut a, "2024-01-01");
    press(&mut a, &[KeyCode::Tab]);
    for _ in 0..12 {
        press(&mut a, &[KeyCode::Backspace]);
    }
    type_text(&mut a, "2024年12月31日");
    a.on_key(ctrl('s'));
    assert!(
        a.status.contains("2024-01-01 至 2024-12-31"),
        "{}",
        a.status
    );
    assert!(render(&a, 80, 24).contains("本期间没有评查记录"));
    press(&mut a, &[KeyCode::Char('x')]);
    assert!(a.status.contains("无可导出"), "{}", a.status);
    press(&mut a, &[KeyCode::Char('f')]);
    for _ in 0..12 {
        press(&mut a, &[KeyCode::Backspace]);
    }
    type_text(&mut a, "2026-01-01");
    press(&mut a, &[KeyCode::Tab]);
    for _ in 0..12 {
        press(&mut a, &[KeyCode::Backspace]);
    }
    type_text(&mut a, "今天");
    a.on_key(ctrl('s'));
    assert!(!render(&a, 80, 24).contains("本期间没有评查记录"));
    press(&mut a, &[KeyCode::Char('x')]);
    assert!(
        a.status.contains("已导出：") && a.status.contains("评查质量_中队_"),
        "{}",
        a.status
    );
    assert!(
        a.status.contains(&out.display().to_string()),
        "{}",
        a.status
    );
    let first: Vec<_> = std::fs::read_dir(&out).unwrap().collect();
    assert_eq!(first.len(), 1);
    let first = first[0].as_ref().unwrap().path();
    std::fs::write(&first, b"kept").unwrap();
    press(&mut a, &[KeyCode::Char('x')]);
    assert!(a.status.contains(" (2)."), "{}", a.status);
    assert_eq!(std::fs::read(&first).unwrap(), b"kept", "never clobbered");
}

#[test]
fn the_head_records_and_follows_up_a_fault_by_keys_alone() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "sunzhen");
    let before = a.desk.store().faults().unwrap().len();
    press(&mut a, &[KeyCode::Char('f')]);
    assert!(render(&a, 80, 24).contains("过错责任"));
    press(&mut a, &[KeyCode::Char('n')]);
    type_text(&mut a, "#1");
    assert!(
        render(&a, 120, 36).contains("登记过错责任：合"),
        "the case is named"
    );
    press(&mut a, &[KeyCode::Tab]);
    type_text(&mut a, "zhangwei");
    press(&mut a, &[KeyCode::Enter]);
    type_text(&mut a, "liqiang");
    press(&mut a, &[KeyCode::Enter, KeyCode::Tab]);
    // The category picked from the statutes' list, found by its article number.
    type_text(&mut a, "76");
    snapshot_both("fault_form", &a);
    press(&mut a, &[KeyCode::Enter]);
    type_text(&mut a, "未及时立案");
    a.on_key(ctrl('s'));
    assert!(
        a.status.contains("已登记过错责任 #") && a.status.contains("行政处罚法第七十六条"),
        "{}",
        a.status
    );
    let faults = a.desk.store().faults().unwrap();
    assert_eq!(faults.len(), before + 1);
    let rec = faults.last().unwrap();
    let ids = |names: &[&str]| -> Vec<i64> {
        let mut v: Vec<i64> = names
            .iter()
            .map(|n| a.desk.store().user_by_username(n).unwrap().unwrap().id)
            .collect();
        v.sort();
        v
    };
    assert_eq!(rec.officers, ids(&["zhangwei", "liqiang"]));
    assert_eq!(rec.category, FaultCategory::UnlawfulPenalty);
    assert_eq!(rec.finding, "未及时立案");
    assert_eq!(rec.outcome, "");
    snapshot_both("faults", &a);
    // Followed up: the outcome recorded on the newest record.
    press(&mut a, &[KeyCode::Enter]);
    type_text(&mut a, "批评教育");
    press(&mut a, &[KeyCode::Enter]);
    assert!(a.status.contains("处理结果：批评教育"), "{}", a.status);
    let rec = a.desk.store().faults().unwrap().pop().unwrap();
    assert_eq!(rec.outcome, "批评教育");
    assert!(render(&a, 80, 24).contains("→ 批评教育"));
}

#[test]
fn only_leaders_open_the_review_and_fault_screens() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "zhangwei");
    press(&mut a, &[KeyCode::Char('?')]);
    let help = render(&a, 120, 36);
    assert!(!help.contains("案卷评查"), "no key for a clerk: {help}");
    press(&mut a, &[KeyCode::Esc]);
    press(&mut a, &[KeyCode::Char('v')]);
    assert!(a.status.contains("不能评查案卷"), "{}", a.status);
    type_text(&mut a, ":faults");
    press(&mut a, &[KeyCode::Enter]);
    assert!(a.status.contains("不能查看过错责任记录"), "{}", a.status);
    type_text(&mut a, ":评查");
    press(&mut a, &[KeyCode::Enter]);
    assert!(a.status.contains("不能评查案卷"), "{}", a.status);
    assert!(matches!(a.stack.last(), Some(Screen::Home(_))));
    // A squad leader may review but not record a fault.
    type_text(&mut a, ":logout");
    press(&mut a, &[KeyCode::Enter]);
    login(&mut a, "zhaogang");
    press(&mut a, &[KeyCode::Char('f'), KeyCode::Char('n')]);
    assert!(a.status.contains("不能登记过错责任"), "{}", a.status);
}

#[test]
fn an_officer_records_a_patrol_by_keys_and_sees_the_month_s_tally() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "zhangwei");
    let (from, to) = ("2026-11-01".parse().unwrap(), today());
    let before = a.desk.store().patrols_between(from, to).unwrap();
    // The month's tallies as the screen counts them: records, cases and the typed log.
    let seized_before = a
        .desk
        .patrol_tally(from, to)
        .unwrap()
        .outcomes
        .get(&crate::domain::patrol::PatrolOutcome::SeizedItems)
        .copied()
        .unwrap_or(0);
    type_text(&mut a, ":巡查");
    press(&mut a, &[KeyCode::Enter]);
    snapshot_both("patrols", &a);
    press(&mut a, &[KeyCode::Char('n')]);
    // Date (today), place, who else, then the first outcome: 收缴违规用品.
    press(&mut a, &[KeyCode::Tab]);
    type_text(&mut a, "合隆镇中心街");
    press(&mut a, &[KeyCode::Tab]);
    type_text(&mut a, "liqiang");
    press(&mut a, &[KeyCode::Enter, KeyCode::Tab]);
    type_text(&mut a, "3");
    snapshot_both("patrol_form", &a);
    a.on_key(ctrl('s'));
    assert!(a.status.contains("已登记巡查 #"), "{}", a.status);
    let after = a.desk.store().patrols_between(from, to).unwrap();
    assert_eq!(after.len(), before.len() + 1);
    let new = after.iter().max_by_key(|p| p.id).unwrap();
    let me = a
        .desk
        .store()
        .user_by_username("zhangwei")
        .unwrap()
        .unwrap();
    let li = a.desk.store().user_by_username("liqiang").unwrap().unwrap();
    assert_eq!(new.officers, vec![me.id, li.id]);
    assert_eq!(new.place, "合隆镇中心街");
    let screen = render(&a, 120, 36);
    let want = format!("收缴违规用品{}件", seized_before + 3);
    assert!(screen.contains(&want), "{want}:\n{screen}");
    // A date after today is refused in Chinese; nothing is saved.
    press(&mut a, &[KeyCode::Char('n')]);
    for _ in 0..12 {
        press(&mut a, &[KeyCode::Backspace]);
    }
    type_text(&mut a, "2026-12-30");
    press(&mut a, &[KeyCode::Tab]);
    type_text(&mut a, "某地");
    a.on_key(ctrl('s'));
    assert!(a.status.contains("晚于今天"), "{}", a.status);
    assert_eq!(
        a.desk.store().patrols_between(from, to).unwrap().len(),
        after.len()
    );
}

/// 执法质量考评: after 月份 the Tab cycle shows each officer's figures for the period (cases
/// decided, reviewed, average, vetoes, faults), the same as `review appraisal`, and exports them.
#[test]
fn the_quality_screen_shows_each_officers_appraisal_and_exports_it() {
    let (dir, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "sunzhen");
    type_text(&mut a, ":quality");
    press(&mut a, &[KeyCode::Enter]);
    press(&mut a, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Tab]);
    let screen = render(&a, 80, 24);
    assert!(
        screen.contains("[考评]") && screen.contains("作出决定") && screen.contains("过错责任"),
        "{screen}"
    );
    let desk_lines = a
        .desk
        .officer_appraisal("2026-01-01".parse().unwrap(), today())
        .unwrap();
    assert!(!desk_lines.is_empty());
    let (u, first) = &desk_lines[0];
    let row = screen
        .lines()
        .find(|l| l.contains(u.name.as_str()))
        .unwrap_or_else(|| panic!("{} not shown:\n{screen}", u.name));
    assert!(row.contains(&first.decided.to_string()), "{row}");
    snapshot_both("appraisal", &a);
    // Longer than the screen: it scrolls.
    let last = &desk_lines.last().unwrap().0.name;
    assert!(!render(&a, 80, 24).contains(last.as_str()));
    for _ in 0..desk_lines.len() {
        press(&mut a, &[KeyCode::Char('j')]);
    }
    assert!(render(&a, 80, 24).contains(last.as_str()));
    let out = dir.path().join("exports");
    match a.stack.last_mut() {
        Some(Screen::Quality(q)) => q.export_dir = Some(out.clone()),
        _ => panic!("not the report"),
    }
    press(&mut a, &[KeyCode::Char('x')]);
    assert!(a.status.contains("评查质量_考评_"), "{}", a.status);
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 1);
    // Tab once more: back to 中队.
    press(&mut a, &[KeyCode::Tab]);
    assert!(render(&a, 120, 36).contains("[中队]"));
}
