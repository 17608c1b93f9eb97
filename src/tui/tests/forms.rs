//! Losing work and the forms a clerk fills all day: quitting asks once, Esc stays on the
//! 工作台, nothing acts behind the "窗口太小" message; each field edited by the widget its
//! kind calls for (toggle, picker, checkboxes, staff picker, multi-line editor), with a
//! cursor, word moves and paste, checked as it is typed, and sensible defaults.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::domain::case::ActionKind;
use crate::tui::action::UiAction;
use crate::tui::screens::form;

fn ctrl(app: &mut App, c: char) {
    app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

fn ctrl_key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::CONTROL));
}

fn step_form(app: &App) -> &form::State {
    match app.stack.last() {
        Some(Screen::Form(f)) => f,
        _ => panic!("no step form open: {}", app.status),
    }
}

fn new_case_form(app: &App) -> &crate::tui::screens::new_case::State {
    match app.stack.last() {
        Some(Screen::NewCase(f)) => f,
        _ => panic!("no new-case form open: {}", app.status),
    }
}

/// The value of the step form's field `key`, as its reader gets it.
fn field(app: &App, key: &str) -> String {
    let f = step_form(app);
    let i = f.specs.iter().position(|s| s.key == key).unwrap();
    f.form.value(i)
}

fn focused_key(app: &App) -> &'static str {
    let f = step_form(app);
    f.specs[f.form.focus].key
}

/// The head opens 立案审批 on case 191 (日期, 是否同意, 意见).
fn approve_filing_form(path: &std::path::Path) -> App {
    let mut a = app(path);
    login(&mut a, "sunzhen");
    open_case(&mut a, "191");
    open_step(&mut a, ActionKind::ApproveFiling);
    a
}

/// Case 191 approved by the head; its first handler logged in on it.
fn approved_case_as_handler(path: &std::path::Path) -> App {
    let mut a = approve_filing_form(path);
    press(&mut a, &[KeyCode::Tab, KeyCode::Tab]);
    type_text(&mut a, "同意立案");
    ctrl(&mut a, 's');
    assert!(a.status.contains("已办理"), "{}", a.status);
    let id = a.desk.store().find_case("2026-191").unwrap().unwrap();
    let case = a.desk.store().load_case(id).unwrap();
    let handler = a.desk.store().users().unwrap()[&case.handlers[0]]
        .username
        .clone();
    switch_to(&mut a, &handler, "合综执立〔2026〕191号");
    a
}

#[test]
fn q_asks_once_and_quits_on_the_second_press() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "zhangwei");
    press(&mut a, &[KeyCode::Char('q')]);
    assert!(!a.quit);
    assert!(
        a.status.contains("再按一次 q 退出") && a.status.contains("演示数据不会保存"),
        "{}",
        a.status
    );
    // Another key in between: the question starts again.
    press(&mut a, &[KeyCode::Char('j'), KeyCode::Char('q')]);
    assert!(!a.quit, "one q after another key only asks");
    press(&mut a, &[KeyCode::Char('q')]);
    assert!(a.quit);
}

#[test]
fn q_on_the_case_list_asks_too_and_quit_command_does_not() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "zhangwei");
    press(&mut a, &[KeyCode::Char('c'), KeyCode::Char('q')]);
    assert!(!a.quit && a.status.contains("再按一次"), "{}", a.status);
    type_text(&mut a, ":quit");
    press(&mut a, &[KeyCode::Enter]);
    assert!(a.quit, "the command typed in full quits");
}

#[test]
fn esc_on_the_desk_does_not_quit() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "zhangwei");
    press(&mut a, &[KeyCode::Esc, KeyCode::Esc]);
    assert!(!a.quit);
    assert_eq!(a.stack.len(), 1);
    assert!(a.status.contains("退出请按 q"), "{}", a.status);
}

#[test]
fn keys_do_nothing_behind_the_too_small_message() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "zhangwei");
    let small = render(&a, 60, 20);
    assert!(small.contains("窗口太小"), "{small}");
    press(&mut a, &[KeyCode::Char('c'), KeyCode::Enter, KeyCode::Esc]);
    assert_eq!(a.stack.len(), 1, "no screen opened behind the message");
    assert!(matches!(a.stack.last(), Some(Screen::Home(_))));
    // Quitting still works, and asks first.
    press(&mut a, &[KeyCode::Char('q')]);
    assert!(!a.quit);
    assert!(render(&a, 60, 20).contains("再按一次"));
    // Large enough again: keys act.
    render(&a, 80, 24);
    press(&mut a, &[KeyCode::Char('c')]);
    assert!(matches!(a.stack.last(), Some(Screen::Cases(_))));
}

#[test]
fn a_yes_no_field_is_a_toggle() {
    let (_d, path) = demo_copy();
    let mut a = approve_filing_form(&path);
    assert_eq!(field(&a, "agree"), "是");
    press(&mut a, &[KeyCode::Tab]);
    assert_eq!(focused_key(&a), "agree");
    snapshot_both("form_toggle", &a);
    type_text(&mut a, " ");
    assert_eq!(field(&a, "agree"), "否");
    press(&mut a, &[KeyCode::Right]);
    assert_eq!(field(&a, "agree"), "是");
    press(&mut a, &[KeyCode::Left]);
    assert_eq!(field(&a, "agree"), "否");
    let screen = render(&a, 80, 24);
    assert!(screen.contains("[ ] 是  [x] 否"), "{screen}");
}

#[test]
fn a_choice_is_a_picker_that_filters_as_you_type() {
    let (_d, path) = demo_copy();
    let mut a = approved_case_as_handler(&path);
    open_step(&mut a, ActionKind::AddEvidence);
    assert_eq!(focused_key(&a), "kind");
    snapshot_both("form_picker", &a);
    // ↓ twice and Enter: the third kind, then on to the next field.
    press(&mut a, &[KeyCode::Down, KeyCode::Down, KeyCode::Enter]);
    assert_eq!(field(&a, "kind"), "视听资料");
    assert_eq!(focused_key(&a), "description");
    // Typing filters (pinyin initials): dzsj → 电子数据 alone.
    press(&mut a, &[KeyCode::BackTab]);
    for _ in 0..4 {
        press(&mut a, &[KeyCode::Backspace]);
    }
    type_text(&mut a, "dzsj");
    let screen = render(&a, 80, 24);
    assert!(
        screen.contains("电子数据") && !screen.contains("物证"),
        "{screen}"
    );
    press(&mut a, &[KeyCode::Enter]);
    assert_eq!(field(&a, "kind"), "电子数据");
    // The typed text still works, brackets an input method adds and all.
    press(&mut a, &[KeyCode::BackTab]);
    for _ in 0..4 {
        press(&mut a, &[KeyCode::Backspace]);
    }
    type_text(&mut a, "【书证】");
    assert!(
        step_form(&a).checks[0].is_none(),
        "{:?}",
        step_form(&a).checks
    );
}

/// A case of the demo at 调查取证 with its handler logged in, on its 调查终结 form.
fn end_investigation_form(path: &std::path::Path) -> App {
    let mut a = app(path);
    login(&mut a, "sunzhen");
    let (case_no, handler) = {
        let rows = a
            .desk
            .store()
            .list_cases(&crate::store::CaseFilter {
                stage: Some(crate::domain::case::Stage::Investigating),
                ..Default::default()
            })
            .unwrap();
        let case = rows
            .iter()
            .map(|r| a.desk.store().load_case(r.id).unwrap())
            .find(|c| !c.records.is_empty())
            .expect("a case under investigation");
        let users = a.desk.store().users().unwrap();
        (
            a.desk.store().case_no(case.id).unwrap(),
            users[&case.handlers[0]].username.clone(),
        )
    };
    switch_to(&mut a, &handler, &case_no);
    open_step(&mut a, ActionKind::EndInvestigation);
    a
}

#[test]
fn kinds_are_checkboxes_and_confiscation_starts_at_zero() {
    let (_d, path) = demo_copy();
    let mut a = end_investigation_form(&path);
    assert_eq!(field(&a, "confiscation"), "0");
    assert_eq!(field(&a, "date"), TODAY);
    press(&mut a, &[KeyCode::Tab]);
    assert_eq!(focused_key(&a), "kinds");
    type_text(&mut a, " ");
    assert_eq!(field(&a, "kinds"), "警告");
    press(&mut a, &[KeyCode::Down, KeyCode::Down]);
    type_text(&mut a, " ");
    assert_eq!(field(&a, "kinds"), "警告、罚款");
    snapshot_both("form_checkboxes", &a);
    press(&mut a, &[KeyCode::Up, KeyCode::Up]);
    type_text(&mut a, " ");
    assert_eq!(field(&a, "kinds"), "罚款");
}

#[test]
fn people_are_picked_from_staff_with_the_two_officer_rule_live() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "zhangwei");
    press(&mut a, &[KeyCode::Char('n')]);
    let handlers = {
        let f = new_case_form(&a);
        f.specs.iter().position(|s| s.key == "handlers").unwrap()
    };
    for _ in 0..handlers {
        press(&mut a, &[KeyCode::Tab]);
    }
    assert_eq!(new_case_form(&a).form.value(handlers), "zhangwei");
    let screen = render(&a, 120, 36);
    assert!(
        screen.contains("张伟(zhangwei)") && screen.contains("行政处罚法第四十二条"),
        "{screen}"
    );
    // Pinyin initials find 李强; space adds him; the rule is met.
    type_text(&mut a, "lq");
    let screen = render(&a, 80, 24);
    assert!(screen.contains("李强 liqiang（持证）"), "{screen}");
    type_text(&mut a, " ");
    assert_eq!(new_case_form(&a).form.value(handlers), "zhangwei,liqiang");
    let screen = render(&a, 80, 24);
    assert!(
        screen.contains("已选 2 名持证人员") && !screen.contains("第四十二条"),
        "{screen}"
    );
    snapshot_both("form_people", &a);
    // Backspace on an empty search removes the last one chosen.
    press(&mut a, &[KeyCode::Backspace]);
    assert_eq!(new_case_form(&a).form.value(handlers), "zhangwei");
}

#[test]
fn the_record_form_starts_with_the_cases_officers_and_today() {
    let (_d, path) = demo_copy();
    let mut a = approved_case_as_handler(&path);
    open_step(&mut a, ActionKind::AddRecord);
    let id = a.desk.store().find_case("2026-191").unwrap().unwrap();
    let case = a.desk.store().load_case(id).unwrap();
    let users = a.desk.store().users().unwrap();
    let logins: Vec<&str> = case
        .handlers
        .iter()
        .map(|h| users[h].username.as_str())
        .collect();
    assert_eq!(field(&a, "officers"), logins.join(","));
    assert_eq!(field(&a, "date"), TODAY);
    let screen = render(&a, 120, 36);
    assert!(screen.contains("已选 2 名持证人员"), "{screen}");
}

#[test]
fn fields_edit_at_the_cursor_with_word_moves() {
    let (_d, path) = demo_copy();
    let mut a = approve_filing_form(&path);
    press(&mut a, &[KeyCode::Tab, KeyCode::Tab]);
    type_text(&mut a, "同意 立案abc");
    press(&mut a, &[KeyCode::Left, KeyCode::Left]);
    type_text(&mut a, "X");
    assert_eq!(field(&a, "opinion"), "同意 立案aXbc");
    press(&mut a, &[KeyCode::Home, KeyCode::Delete]);
    assert_eq!(field(&a, "opinion"), "意 立案aXbc");
    ctrl_key(&mut a, KeyCode::Right);
    ctrl_key(&mut a, KeyCode::Right);
    type_text(&mut a, "，");
    assert_eq!(field(&a, "opinion"), "意 立案，aXbc");
    ctrl_key(&mut a, KeyCode::Left);
    ctrl_key(&mut a, KeyCode::Left);
    press(&mut a, &[KeyCode::Backspace]);
    assert_eq!(field(&a, "opinion"), "意立案，aXbc");
    press(&mut a, &[KeyCode::End, KeyCode::Backspace]);
    assert_eq!(field(&a, "opinion"), "意立案，aXb");
}

#[test]
fn paste_goes_in_at_the_cursor_with_lines_only_in_multi_line_fields() {
    let (_d, path) = demo_copy();
    let mut a = approve_filing_form(&path);
    // 意见 is multi-line: the pasted lines stay.
    press(&mut a, &[KeyCode::Tab, KeyCode::Tab]);
    type_text(&mut a, "同意。");
    press(&mut a, &[KeyCode::Home]);
    a.on_paste("经审查：\r\n事实清楚，");
    assert_eq!(field(&a, "opinion"), "经审查：\n事实清楚，同意。");
    // 日期 is one line: a line break becomes a space (and the date check says so).
    press(&mut a, &[KeyCode::Tab]);
    assert_eq!(focused_key(&a), "date");
    for _ in 0..10 {
        press(&mut a, &[KeyCode::Backspace]);
    }
    a.on_paste("2026-11-20\n");
    assert_eq!(field(&a, "date"), "2026-11-20");
    assert!(step_form(&a).checks[0].is_none());
}

#[test]
fn enter_moves_on_or_starts_a_line_and_ctrl_s_submits() {
    let (_d, path) = demo_copy();
    let mut a = approve_filing_form(&path);
    let screen = render(&a, 80, 24);
    assert!(screen.contains("Ctrl-S 提交"), "{screen}");
    press(&mut a, &[KeyCode::Enter]);
    assert_eq!(focused_key(&a), "agree");
    press(&mut a, &[KeyCode::Enter]);
    assert_eq!(focused_key(&a), "opinion");
    type_text(&mut a, "同意");
    press(&mut a, &[KeyCode::Enter]);
    type_text(&mut a, "立案");
    assert_eq!(field(&a, "opinion"), "同意\n立案");
    assert!(
        matches!(a.stack.last(), Some(Screen::Form(_))),
        "Enter did not submit"
    );
    ctrl(&mut a, 's');
    assert!(a.status.contains("已办理"), "{}", a.status);
    let id = a.desk.store().find_case("2026-191").unwrap().unwrap();
    let case = a.desk.store().load_case(id).unwrap();
    assert_eq!(case.stage.name(), "调查取证");
}

#[test]
fn a_multi_line_field_shows_its_text_with_the_cursor_and_scrolls() {
    let (_d, path) = demo_copy();
    let mut a = approve_filing_form(&path);
    press(&mut a, &[KeyCode::Tab, KeyCode::Tab]);
    let text: Vec<String> = (1..=12).map(|n| format!("第{n}行意见")).collect();
    a.on_paste(&text.join("\n"));
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| a.draw(f)).unwrap();
    let screen = buffer_text(t.backend().buffer(), 80, 24);
    assert!(
        screen.contains("第12行意见") && !screen.contains("第1行意见"),
        "the end with the cursor shows:\n{screen}"
    );
    let cursor = t.get_cursor_position().unwrap();
    let row: String = screen.lines().nth(cursor.y as usize).unwrap().to_string();
    assert!(row.contains("第12行意见"), "cursor on {row:?}");
    assert_eq!(
        cursor.x,
        4 + unicode_width::UnicodeWidthStr::width("第12行意见") as u16,
        "after the last character"
    );
    snapshot_both("form_multiline", &a);
    // Up moves through the lines, then on to the field above.
    for _ in 0..11 {
        press(&mut a, &[KeyCode::Up]);
    }
    assert_eq!(focused_key(&a), "opinion");
    let screen = render(&a, 80, 24);
    assert!(screen.contains("第1行意见"), "{screen}");
    press(&mut a, &[KeyCode::Up]);
    assert_eq!(focused_key(&a), "agree");
}

#[test]
fn each_field_checks_itself_once_and_the_message_goes_when_fixed() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "zhangwei");
    press(&mut a, &[KeyCode::Char('n')]);
    let id_no = {
        let f = new_case_form(&a);
        f.specs.iter().position(|s| s.key == "id_no").unwrap()
    };
    for _ in 0..id_no {
        press(&mut a, &[KeyCode::Tab]);
    }
    type_text(&mut a, "220122198001010019");
    let check = new_case_form(&a).checks[id_no].clone().unwrap_or_default();
    assert!(check.contains("身份证号"), "{check}");
    let screen = render(&a, 120, 36);
    assert_eq!(
        screen.matches("校验").count(),
        1,
        "the message once:\n{screen}"
    );
    press(&mut a, &[KeyCode::Backspace]);
    type_text(&mut a, "8");
    assert_eq!(new_case_form(&a).checks[id_no], None);
    assert!(!render(&a, 120, 36).contains("校验"));
    // A date field too.
    let act_date = {
        let f = new_case_form(&a);
        f.specs.iter().position(|s| s.key == "act_date").unwrap()
    };
    while new_case_form(&a).form.focus != act_date {
        press(&mut a, &[KeyCode::BackTab]);
    }
    type_text(&mut a, "x");
    assert!(new_case_form(&a).checks[act_date]
        .as_deref()
        .is_some_and(|c| c.contains("不是日期")));
    press(&mut a, &[KeyCode::Backspace]);
    assert_eq!(new_case_form(&a).checks[act_date], None);
}

#[test]
fn the_archive_number_is_proposed_in_its_format() {
    assert_eq!(
        form::proposed_archive_no("合综执立〔2026〕188号", today()),
        "2026-188"
    );
    assert_eq!(form::proposed_archive_no("无号", today()), "");
}

/// The 附件 field lists the folder typed so far, filtered by the name after the last `/`;
/// ↓ and Enter take a file, whose size and type show before saving; a missing path is a
/// Chinese message under the field; the chosen file is saved with the evidence.
#[test]
fn evidence_files_are_picked_from_a_listing_with_size_and_type() {
    let (dir, path) = demo_copy();
    let photos = dir.path().join("照片");
    std::fs::create_dir(&photos).unwrap();
    std::fs::write(photos.join("现场照片1.jpg"), vec![0u8; 2048]).unwrap();
    std::fs::write(photos.join("现场照片2.jpg"), b"JPEG").unwrap();
    std::fs::write(photos.join("询问录音.m4a"), b"AAC").unwrap();
    let mut a = app(&path);
    login(&mut a, "sunzhen");
    let id = a.desk.store().find_case("2026-191").unwrap().unwrap();
    open_case(&mut a, "191");
    open_step(&mut a, ActionKind::ApproveFiling);
    fill_and_submit(&mut a, &[("opinion", "同意立案")]);
    let handler = {
        let case = a.desk.store().load_case(id).unwrap();
        a.desk.store().users().unwrap()[&case.handlers[0]]
            .username
            .clone()
    };
    switch_to(&mut a, &handler, "合综执立〔2026〕191号");
    open_step(&mut a, ActionKind::AddEvidence);
    fill(
        &mut a,
        &[
            ("kind", "视听资料"),
            ("description", "现场照片"),
            ("time", "09:30"),
            ("place", "现场"),
            ("attach", "/no/such/现场.jpg，"),
        ],
    );
    let screen = render(&a, 80, 24);
    assert!(screen.contains("找不到文件：/no/such/现场.jpg"), "{screen}");
    // Clear it and type the folder and the start of a name: the listing narrows.
    for _ in 0.."/no/such/现场.jpg，".chars().count() {
        press(&mut a, &[KeyCode::Backspace]);
    }
    type_text(&mut a, &format!("{}/现场", photos.display()));
    let screen = render(&a, 120, 36);
    assert!(screen.contains("现场照片1.jpg  2.0 KB"), "{screen}");
    assert!(!screen.contains("询问录音"), "{screen}");
    press(&mut a, &[KeyCode::Down, KeyCode::Enter]);
    let screen = render(&a, 80, 24);
    assert!(
        screen.contains("已选：现场照片2.jpg  4 字节  JPEG 图片"),
        "{screen}"
    );
    assert!(!screen.contains("找不到文件"), "{screen}");
    submit(&mut a);
    assert!(a.status.contains("已办理"), "{}", a.status);
    let case = a.desk.store().load_case(id).unwrap();
    let files = &case.evidence.last().unwrap().attachments;
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].size, 4);
}

/// Shift with the cursor keys selects, and typing, pasting or deleting replaces the
/// selection; Ctrl-A selects the whole field; a plain move ends the selection.
#[test]
fn text_is_selected_with_shift_and_replaced_by_what_is_typed() {
    let shift = |a: &mut App, code: KeyCode| a.on_key(KeyEvent::new(code, KeyModifiers::SHIFT));
    let (_d, path) = demo_copy();
    let mut a = approve_filing_form(&path);
    press(&mut a, &[KeyCode::Tab, KeyCode::Tab]);
    assert_eq!(focused_key(&a), "opinion");
    type_text(&mut a, "同意立案调查");
    shift(&mut a, KeyCode::Left);
    shift(&mut a, KeyCode::Left);
    type_text(&mut a, "查处");
    assert_eq!(field(&a, "opinion"), "同意立案查处");
    shift(&mut a, KeyCode::Home);
    press(&mut a, &[KeyCode::Delete]);
    assert_eq!(field(&a, "opinion"), "");
    type_text(&mut a, "不同意");
    ctrl(&mut a, 'a');
    a.on_paste("同意立案");
    assert_eq!(field(&a, "opinion"), "同意立案");
    shift(&mut a, KeyCode::Left);
    press(&mut a, &[KeyCode::Left]);
    type_text(&mut a, "，");
    assert_eq!(field(&a, "opinion"), "同意立，案");
    // The selection keys are named as the help names them.
    let keys = Keymap::load(None).unwrap();
    assert_eq!(keys.key_label("fields", UiAction::SelectLeft), "Shift-左");
    assert_eq!(keys.key_label("fields", UiAction::SelectAll), "Ctrl-A");
}
