//! Finding a case from the list: by any reference the CLI accepts, by full pinyin, a new
//! query typed over the old one, and the stage order of the procedure (issue 19).

use super::*;
use crate::domain::case::Stage;
use crate::tui::screens::cases;

fn case_list(a: &App) -> &cases::State {
    match a.stack.last() {
        Some(Screen::Cases(s)) => s,
        _ => panic!("not on the case list: {}", a.status),
    }
}

fn selected_no(a: &App) -> String {
    case_list(a)
        .selected()
        .map(|r| r.case_no.clone())
        .unwrap_or_default()
}

#[test]
fn the_search_box_takes_every_case_reference_and_full_pinyin() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "zhangwei");
    press(&mut a, &[KeyCode::Char('c'), KeyCode::Char('/')]);
    type_text(&mut a, "2026-183");
    assert_eq!(case_list(&a).total, 1, "{}", render(&a, 120, 36));
    assert!(
        selected_no(&a).contains("〔2026〕183号"),
        "{}",
        selected_no(&a)
    );
    // `/` again selects the query: typing replaces it instead of appending.
    press(&mut a, &[KeyCode::Enter, KeyCode::Char('/')]);
    assert!(render(&a, 120, 36).contains("输入新内容即替换"));
    let id = case_list(&a).selected().unwrap().id;
    type_text(&mut a, &format!("#{id}"));
    assert_eq!(case_list(&a).total, 1);
    assert_eq!(case_list(&a).selected().unwrap().id, id);
    // A document number of the case finds it too.
    press(&mut a, &[KeyCode::Enter, KeyCode::Char('/')]);
    type_text(&mut a, "合综执立〔2026〕183号");
    assert!(selected_no(&a).contains("〔2026〕183号"));
    // Full pinyin of the party's name, as the initials do.
    press(&mut a, &[KeyCode::Enter, KeyCode::Char('/')]);
    type_text(&mut a, "qushufen");
    let screen = render(&a, 120, 36);
    assert!(screen.contains("曲淑芬"), "{screen}");
}

#[test]
fn sorting_by_stage_follows_the_procedure() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "sunzhen");
    press(&mut a, &[KeyCode::Char('c')]);
    type_text(&mut a, ":sort 阶段");
    press(&mut a, &[KeyCode::Enter]);
    assert!(a.status.contains("按阶段排序"), "{}", a.status);
    let rows = &case_list(&a).rows;
    let order: Vec<usize> = rows
        .iter()
        .map(|r| Stage::ALL.iter().position(|s| *s == r.stage).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] <= w[1]), "{order:?}");
    assert_eq!(rows[0].stage, Stage::Proposed);
    // The README's name for the deadline column works too.
    type_text(&mut a, ":sort 期限");
    press(&mut a, &[KeyCode::Enter]);
    assert!(a.status.contains("按下一期限排序"), "{}", a.status);
}

#[test]
fn the_key_bar_names_keys_in_chinese_and_only_those_that_act() {
    let (_d, path) = demo_copy();
    // Outside the demo the login screen offers no demo users to pick.
    let desk = Desk::open(&path).unwrap();
    let plain = App::new(desk, Keymap::load(None).unwrap(), false, today());
    let screen = render(&plain, 120, 36);
    assert!(!screen.contains("选演示用户"), "{screen}");
    let mut a = app(&path);
    assert!(render(&a, 120, 36).contains("选演示用户"));
    login(&mut a, "zhangwei");
    press(&mut a, &[KeyCode::Char('c')]);
    let bar = render(&a, 120, 36);
    let last = bar.lines().rev().find(|l| !l.trim().is_empty()).unwrap();
    assert!(
        last.contains("下翻页") && last.contains("回车 打开"),
        "{last}"
    );
    assert!(
        !last.contains("pagedown") && !last.contains("enter"),
        "{last}"
    );
}

#[test]
fn the_command_line_shows_what_is_typed_with_the_matching_commands_and_completes() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "sunzhen");
    type_text(&mut a, ":ca");
    let screen = render(&a, 80, 24);
    assert!(
        screen.contains(":ca▏  cases calendar（Tab 补全）"),
        "{screen}"
    );
    press(&mut a, &[KeyCode::Tab]);
    assert!(render(&a, 80, 24).contains(":cases▏  cases 案件列表"));
    press(&mut a, &[KeyCode::Enter]);
    assert!(case_list_open(&a), "{}", a.status);
    // On the list its filters complete too, with their argument.
    type_text(&mut a, ":stag");
    press(&mut a, &[KeyCode::Tab]);
    assert!(
        render(&a, 120, 36).contains(":stage ▏"),
        "{}",
        render(&a, 120, 36)
    );
    type_text(&mut a, "告知");
    press(&mut a, &[KeyCode::Enter]);
    assert!(a.status.contains("阶段：告知"), "{}", a.status);
}

fn case_list_open(a: &App) -> bool {
    matches!(a.stack.last(), Some(Screen::Cases(_)))
}

#[test]
fn filing_shows_the_matching_powers_as_a_list_to_choose_from_with_full_pinyin() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "zhangwei");
    press(&mut a, &[KeyCode::Char('n')]);
    type_text(&mut a, "jiegan");
    let codes = |a: &App| match a.stack.last() {
        Some(Screen::NewCase(s)) => (
            s.matches()
                .iter()
                .map(|v| v.power.code.clone())
                .collect::<Vec<_>>(),
            s.power_sel,
        ),
        _ => panic!("not on the new-case form"),
    };
    let (found, sel) = codes(&a);
    assert!(found.iter().any(|c| c == "HJ-001"), "{found:?}");
    assert_eq!(sel, 0);
    let screen = render(&a, 120, 36);
    assert!(screen.contains(&format!(">{}", found[0])), "{screen}");
    // Initials that match several powers: ↓ chooses another, and it is marked.
    for _ in 0.."jiegan".len() {
        press(&mut a, &[KeyCode::Backspace]);
    }
    type_text(&mut a, "jg");
    let (found, _) = codes(&a);
    assert!(found.len() > 1, "{found:?}");
    press(&mut a, &[KeyCode::Down]);
    let (_, sel) = codes(&a);
    assert_eq!(sel, 1);
    let screen = render(&a, 120, 36);
    assert!(screen.contains(&format!(">{}", found[1])), "{screen}");
}
