//! Screens rendered on ratatui's TestBackend (insta snapshots at 80×24 and 120×36) and
//! scripted key sequences against the demo township, checked in the database.

use std::path::PathBuf;
use std::sync::OnceLock;

use chrono::NaiveDate;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;

use super::app::{App, Screen};
use super::keymap::Keymap;
use crate::desk::Desk;

mod admin;
mod dashboard;
mod enforcement;
mod finding;
mod forms;
mod holidays;
mod inspections;
mod leaders;
mod leads;
mod meaning;
mod menu;

const TODAY: &str = "2026-11-26";

fn today() -> NaiveDate {
    TODAY.parse().unwrap()
}

/// The demo database, built once per test run; each test works on its own copy.
fn demo_copy() -> (tempfile::TempDir, PathBuf) {
    static BUILT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, src) = BUILT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo.sqlite3");
        let report = crate::demo::build(&path, today()).unwrap();
        assert!(report.refused.is_empty());
        (dir, path)
    });
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("zhifa.sqlite3");
    std::fs::copy(src, &path).unwrap();
    (dir, path)
}

/// The demo without its leads and inspections, for tests that build their own register
/// (a hand-built fixture the counts can be checked against); each test works on a copy.
fn demo_copy_without_intake() -> (tempfile::TempDir, PathBuf) {
    static BUILT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, src) = BUILT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo.sqlite3");
        let report = crate::demo::build_before_intake(&path, today()).unwrap();
        assert!(report.refused.is_empty());
        (dir, path)
    });
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("zhifa.sqlite3");
    std::fs::copy(src, &path).unwrap();
    (dir, path)
}

fn app(path: &std::path::Path) -> App {
    let desk = Desk::open(path).unwrap();
    App::new(desk, Keymap::load(None).unwrap(), true, today())
}

fn key(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

fn press(app: &mut App, keys: &[KeyCode]) {
    for k in keys {
        app.on_key(key(*k));
    }
}

/// Ctrl-S: submits a form from any field.
fn submit(app: &mut App) {
    app.on_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.on_key(key(KeyCode::Char(c)));
    }
}

/// Logs in as `username` (password `demo`) by typing.
fn login(app: &mut App, username: &str) {
    // Clear the prefilled demo user name, type ours, then the password.
    for _ in 0..20 {
        app.on_key(key(KeyCode::Backspace));
    }
    type_text(app, username);
    press(app, &[KeyCode::Tab]);
    for _ in 0..10 {
        app.on_key(key(KeyCode::Backspace));
    }
    type_text(app, "demo");
    press(app, &[KeyCode::Enter]);
    assert_eq!(
        app.user.as_ref().map(|u| u.username.as_str()),
        Some(username),
        "{}",
        app.status
    );
}

/// The screen as plain text, one line per row: a double-width character is written once
/// (its second cell is skipped), so the snapshot reads like the terminal looks.
fn render(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| app.draw(f)).unwrap();
    buffer_text(t.backend().buffer(), w, h)
}

fn buffer_text(buf: &ratatui::buffer::Buffer, w: u16, h: u16) -> String {
    let mut out = String::new();
    for y in 0..h {
        let mut x = 0;
        let mut line = String::new();
        while x < w {
            let sym = buf[(x, y)].symbol();
            line.push_str(sym);
            x += unicode_width::UnicodeWidthStr::width(sym).max(1) as u16;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn snapshot_both(name: &str, app: &App) {
    insta::assert_snapshot!(format!("{name}_80x24"), render(app, 80, 24));
    insta::assert_snapshot!(format!("{name}_120x36"), render(app, 120, 36));
}

#[test]
fn login_screen() {
    let (_d, path) = demo_copy();
    let a = app(&path);
    snapshot_both("login", &a);
}

#[test]
fn home_screen_of_the_head() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "sunzhen");
    snapshot_both("home_head", &a);
}

#[test]
fn case_list_search_by_pinyin_initials() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "zhangwei");
    press(&mut a, &[KeyCode::Char('c')]);
    snapshot_both("cases", &a);
    press(&mut a, &[KeyCode::Char('/')]);
    type_text(&mut a, "qsf");
    let screen = render(&a, 120, 36);
    assert!(screen.contains("曲淑芬"), "{screen}");
    snapshot_both("cases_search", &a);
}

#[test]
fn case_view_tabs_and_menu() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "sunzhen");
    open_case(&mut a, "191");
    snapshot_both("case_view", &a);
    press(&mut a, &[KeyCode::Tab]);
    snapshot_both("case_view_parties", &a);
    press(&mut a, &[KeyCode::BackTab, KeyCode::Char('a')]);
    snapshot_both("case_menu", &a);
}

#[test]
fn scrolling_across_windows_keeps_the_selection_on_the_right_case() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "zhangwei");
    press(&mut a, &[KeyCode::Char('c')]);
    let all: Vec<i64> = a
        .desk
        .store()
        .list_cases(&crate::store::CaseFilter::default())
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect();
    assert!(all.len() > 200, "more cases than one window");
    let selected = |a: &App| match a.stack.last() {
        Some(Screen::Cases(s)) => (s.sel, s.selected().map(|r| r.id)),
        _ => panic!("not on the case list"),
    };
    // Page down through the whole list (crossing the 200-row window by key), then back.
    for _ in 0..all.len() / 15 + 2 {
        press(&mut a, &[KeyCode::PageDown]);
        let (sel, id) = selected(&a);
        assert_eq!(id, Some(all[sel]), "down at {sel}");
    }
    assert_eq!(selected(&a).0, all.len() - 1);
    for _ in 0..all.len() / 15 + 2 {
        press(&mut a, &[KeyCode::PageUp]);
        let (sel, id) = selected(&a);
        assert_eq!(id, Some(all[sel]), "up at {sel}");
    }
    press(&mut a, &[KeyCode::Char('G')]);
    assert_eq!(selected(&a), (all.len() - 1, all.last().copied()));
    press(&mut a, &[KeyCode::Char('g')]);
    assert_eq!(selected(&a), (0, Some(all[0])));
}

#[test]
fn the_case_list_help_shows_every_key_and_the_commands_at_80x24() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "zhangwei");
    press(&mut a, &[KeyCode::Char('c'), KeyCode::Char('?')]);
    let screen = render(&a, 80, 24);
    for shown in ["下翻页", "q Ctrl-C", "from to sort clear", "只看逾期"] {
        assert!(screen.contains(shown), "{shown} missing:\n{screen}");
    }
}

#[test]
fn powers_screen_and_help() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "zhangwei");
    press(&mut a, &[KeyCode::Char('p')]);
    snapshot_both("powers", &a);
    press(&mut a, &[KeyCode::Char('?')]);
    snapshot_both("powers_help", &a);
}

#[test]
fn below_80x24_shows_a_message() {
    let (_d, path) = demo_copy();
    let a = app(&path);
    let screen = render(&a, 60, 20);
    assert!(screen.contains("窗口太小"), "{screen}");
}

#[test]
fn a_file_that_failed_its_integrity_checks_shows_a_red_read_only_banner() {
    let (_d, path) = demo_copy();
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute(
            "UPDATE staff SET roles = '[\"管理员\"]' WHERE username = 'zhangwei'",
            [],
        )
        .unwrap();
    let a = app(&path);
    let screen = render(&a, 120, 36);
    let first = screen.lines().next().unwrap_or_default();
    assert!(
        first.contains("数据库未通过完整性检查") && first.contains("zhangwei"),
        "{screen}"
    );
}

#[test]
fn keys_approve_a_filing_and_record_an_inspection() {
    let (_d, path) = demo_copy();
    // The head approves a case waiting for filing approval.
    let mut a = app(&path);
    login(&mut a, "sunzhen");
    let first = a.desk.store().find_case("2026-191").unwrap().unwrap();
    open_case(&mut a, "191");
    press(&mut a, &[KeyCode::Char('a'), KeyCode::Enter]);
    // Form: 日期 (today), 是否同意 (true), 意见.
    press(&mut a, &[KeyCode::Down, KeyCode::Down]);
    type_text(&mut a, "同意立案");
    submit(&mut a);
    assert!(a.status.contains("已办理"), "{}", a.status);
    let case = a.desk.store().load_case(first).unwrap();
    assert_eq!(case.stage.name(), "调查取证");

    // A refused step keeps the input and names the rule: a handler records with one officer.
    let handler = a.desk.store().users().unwrap()[&case.handlers[0]]
        .username
        .clone();
    let mut b = app(&path);
    login(&mut b, &handler);
    press(&mut b, &[KeyCode::Char('c'), KeyCode::Char('/')]);
    type_text(&mut b, "191");
    press(
        &mut b,
        &[KeyCode::Enter, KeyCode::Enter, KeyCode::Char('a')],
    );
    // The menu lists 登记证据 first, then 制作笔录.
    press(&mut b, &[KeyCode::Down, KeyCode::Enter]);
    type_text(&mut b, "现场检查(勘验)笔录");
    // date, start, end, place, officers
    press(&mut b, &[KeyCode::Tab, KeyCode::Tab]);
    type_text(&mut b, "09:00");
    press(&mut b, &[KeyCode::Tab]);
    type_text(&mut b, "09:30");
    press(&mut b, &[KeyCode::Tab]);
    type_text(&mut b, "现场");
    press(&mut b, &[KeyCode::Tab]);
    for _ in 0..40 {
        b.on_key(key(KeyCode::Backspace));
    }
    type_text(&mut b, &handler);
    press(&mut b, &[KeyCode::Tab]);
    type_text(&mut b, "当事人");
    press(&mut b, &[KeyCode::Tab]);
    type_text(&mut b, "0");
    press(&mut b, &[KeyCode::Tab]);
    type_text(&mut b, "现场检查情况");
    submit(&mut b);
    assert!(b.status.contains("第四十二条"), "{}", b.status);
    // Nothing typed was lost; add the second officer and submit again.
    let other = a.desk.store().users().unwrap()[&case.handlers[1]]
        .username
        .clone();
    press(&mut b, &[KeyCode::Up, KeyCode::Up, KeyCode::Up]);
    type_text(&mut b, &format!(",{other}"));
    submit(&mut b);
    assert!(b.status.contains("已办理"), "{}", b.status);
    let case = b.desk.store().load_case(first).unwrap();
    assert_eq!(case.records.len(), 1);
    assert_eq!(case.records[0].officers.len(), 2);
}

#[test]
fn leaving_a_changed_form_asks_first() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "sunzhen");
    open_case(&mut a, "191");
    press(&mut a, &[KeyCode::Char('a'), KeyCode::Enter]);
    type_text(&mut a, "x");
    press(&mut a, &[KeyCode::Esc]);
    assert!(a.status.contains("未提交"), "{}", a.status);
    // 工作台, case list, case, form.
    assert_eq!(a.stack.len(), 4, "still on the form");
    press(&mut a, &[KeyCode::Esc]);
    assert_eq!(a.stack.len(), 3, "back on the case");
}

#[test]
fn wide_text_never_spills_into_the_next_row() {
    // A double-width character in the last column once wrote its second half into column 0
    // of the next row; the UI keeps a one-column right margin so that cannot happen.
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "zhangwei");
    press(&mut a, &[KeyCode::Char('p')]);
    for (w, h) in [(80, 24), (81, 24), (120, 36)] {
        let screen = render(&a, w, h);
        for line in screen.lines().skip(3).take(15) {
            assert!(line.starts_with("CG-"), "{w}x{h}: {line:?}\n{screen}");
        }
    }
}

#[test]
fn calendar_and_users_screens() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "admin");
    press(
        &mut a,
        &[KeyCode::Char('d'), KeyCode::Char('['), KeyCode::Char('[')],
    );
    let screen = render(&a, 120, 36);
    assert!(
        screen.contains("2026年9月") && screen.contains("休") && screen.contains("班"),
        "{screen}"
    );
    snapshot_both("calendar_sept_2026", &a);
    press(&mut a, &[KeyCode::Esc, KeyCode::Char('u')]);
    snapshot_both("users", &a);
    // An admin adds a member of staff; a bad certificate number is refused with the reason.
    press(&mut a, &[KeyCode::Char('n')]);
    for (i, text) in [
        "wanghong",
        "王红",
        "承办人",
        "第二中队",
        "12",
        "否",
        "pw1234",
    ]
    .iter()
    .enumerate()
    {
        if i > 0 {
            press(&mut a, &[KeyCode::Tab]);
        }
        type_text(&mut a, text);
    }
    press(&mut a, &[KeyCode::Enter]);
    assert!(a.status.contains("执法证号格式"), "{}", a.status);
    press(&mut a, &[KeyCode::Up, KeyCode::Up]);
    press(&mut a, &[KeyCode::Backspace, KeyCode::Backspace]);
    type_text(&mut a, "22012219999");
    submit(&mut a);
    assert!(a.status.contains("已添加"), "{}", a.status);
    assert!(a
        .desk
        .store()
        .user_by_username("wanghong")
        .unwrap()
        .is_some());
    // x deactivates the selected member of staff, who then cannot log in; x again undoes it.
    let at = a
        .desk
        .store()
        .users()
        .unwrap()
        .values()
        .position(|u| u.username == "zhoujie")
        .unwrap();
    press(&mut a, &vec![KeyCode::Down; at]);
    press(&mut a, &[KeyCode::Char('x')]);
    assert!(a.status.contains("已停用：周杰"), "{}", a.status);
    assert!(matches!(
        a.desk.login("zhoujie", crate::demo::DEMO_PASSWORD),
        Err(crate::store::LoginError::Inactive)
    ));
    press(&mut a, &[KeyCode::Char('x')]);
    assert!(a.status.contains("已启用：周杰"), "{}", a.status);
    assert!(a.desk.login("zhoujie", crate::demo::DEMO_PASSWORD).is_ok());
}

#[test]
fn new_case_by_keys_goes_to_filing_approval() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "zhangwei");
    press(&mut a, &[KeyCode::Char('n')]);
    type_text(&mut a, "HJ-001");
    snapshot_both("new_case", &a);
    let fields = [
        (2, "合隆镇东岗村村东农田"),
        (5, "当事人在禁烧区露天焚烧玉米秸秆约两亩。"),
        (7, "刘长海"),
        (8, "220122198001010018"),
        (10, "农安县合隆镇东岗村3组"),
        (12, "liqiang"),
    ];
    let mut at = 0;
    for (field, text) in fields {
        while at < field {
            press(&mut a, &[KeyCode::Tab]);
            at += 1;
        }
        type_text(&mut a, text);
    }
    // A bad ID first: the checksum error names the position; nothing typed is lost.
    press(
        &mut a,
        &[
            KeyCode::BackTab,
            KeyCode::BackTab,
            KeyCode::BackTab,
            KeyCode::BackTab,
        ],
    );
    press(&mut a, &[KeyCode::Backspace]);
    type_text(&mut a, "9");
    submit(&mut a);
    assert!(
        a.status.contains("第 18 位") || a.status.contains("校验"),
        "{}",
        a.status
    );
    press(&mut a, &[KeyCode::Backspace]);
    type_text(&mut a, "8");
    submit(&mut a);
    assert!(a.status.contains("已提请立案"), "{}", a.status);
    let id = a
        .desk
        .store()
        .find_case("2026-194")
        .unwrap()
        .expect("new case 194");
    let case = a.desk.store().load_case(id).unwrap();
    assert_eq!(case.stage.name(), "立案审批");
    assert_eq!(case.power.power.code, "HJ-001");
}

/// Opens `step` from the case's menu (by its label), leaving its form on top.
fn open_step(app: &mut App, step: crate::domain::case::ActionKind) {
    press(app, &[KeyCode::Char('a')]);
    let index = match app.stack.last() {
        Some(super::app::Screen::Case(view)) => view
            .menu
            .as_ref()
            .and_then(|m| m.items.iter().position(|(k, r)| *k == step && r.is_ok()))
            .unwrap_or_else(|| panic!("{} not offered: {}", step.label(), app.status)),
        _ => panic!("not on a case"),
    };
    for _ in 0..index {
        press(app, &[KeyCode::Down]);
    }
    press(app, &[KeyCode::Enter]);
}

/// Fills the fields named by key (clearing what is there) and submits the form.
fn fill_and_submit(app: &mut App, values: &[(&str, &str)]) {
    fill(app, values);
    submit(app);
    assert!(app.status.contains("已办理"), "{}", app.status);
}

/// Fills the fields named by key, clearing what is there, without submitting.
fn fill(app: &mut App, values: &[(&str, &str)]) {
    for (key, value) in values {
        let (target, focus, len) = match app.stack.last() {
            Some(super::app::Screen::Form(f)) => {
                let target = f
                    .specs
                    .iter()
                    .position(|s| s.key == *key)
                    .unwrap_or_else(|| panic!("no field {key}"));
                (target, f.form.focus, f.form.raw(target).chars().count())
            }
            _ => panic!("no form open: {}", app.status),
        };
        let n = f_len(app);
        for _ in 0..(target + n - focus) % n {
            press(app, &[KeyCode::Tab]);
        }
        for _ in 0..len {
            press(app, &[KeyCode::Backspace]);
        }
        type_text(app, value);
    }
}

fn f_len(app: &App) -> usize {
    match app.stack.last() {
        Some(super::app::Screen::Form(f)) => f.specs.len(),
        _ => 0,
    }
}

/// Logs out through the command palette and in as `username`, then opens `case_no`.
fn switch_to(app: &mut App, username: &str, case_no: &str) {
    type_text(app, ":logout");
    press(app, &[KeyCode::Enter]);
    assert!(app.user.is_none());
    login(app, username);
    open_case(app, case_no);
}

/// Opens `case_no` through the case list's search.
fn open_case(app: &mut App, case_no: &str) {
    type_text(app, ":cases");
    press(app, &[KeyCode::Enter, KeyCode::Char('/')]);
    type_text(app, case_no);
    press(app, &[KeyCode::Enter, KeyCode::Enter]);
    assert!(
        matches!(app.stack.last(), Some(super::app::Screen::Case(_))),
        "{}",
        app.status
    );
}

#[test]
fn keys_alone_take_a_case_from_filing_to_archive() {
    use crate::domain::case::ActionKind as K;
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "zhangwei");
    // 提请立案.
    press(&mut a, &[KeyCode::Char('n')]);
    for (i, text) in [
        "HJ-001",
        "",
        "合隆镇东岗村村东农田",
        "2026-09-01",
        "2026-09-01",
        "当事人在禁烧区露天焚烧玉米秸秆约两亩。",
        "",
        "刘长海",
        "220122198001010018",
        "",
        "农安县合隆镇东岗村3组",
        "",
        "liqiang",
        "2026-09-01",
    ]
    .iter()
    .enumerate()
    {
        if i > 0 {
            press(&mut a, &[KeyCode::Tab]);
        }
        if matches!(i, 3 | 4 | 13) {
            for _ in 0..10 {
                press(&mut a, &[KeyCode::Backspace]);
            }
        }
        type_text(&mut a, text);
    }
    submit(&mut a);
    assert!(a.status.contains("已提请立案"), "{}", a.status);
    let no = "合综执立〔2026〕194号";

    switch_to(&mut a, "sunzhen", no);
    open_step(&mut a, K::ApproveFiling);
    fill_and_submit(&mut a, &[("date", "2026-09-02"), ("opinion", "同意立案")]);

    switch_to(&mut a, "zhangwei", no);
    open_step(&mut a, K::AddRecord);
    fill_and_submit(
        &mut a,
        &[
            ("kind", "现场检查(勘验)笔录"),
            ("date", "2026-09-03"),
            ("start", "09:00"),
            ("end", "09:40"),
            ("place", "现场"),
            ("persons", "刘长海"),
            ("nth", "0"),
            ("content", "检查情况"),
        ],
    );
    open_step(&mut a, K::EndInvestigation);
    fill_and_submit(
        &mut a,
        &[
            ("date", "2026-09-05"),
            ("kinds", "罚款"),
            ("tier", "轻微"),
            ("fine", "800"),
            ("confiscation", "0"),
            ("reasoning", "面积小，及时扑灭"),
            ("complex_or_major", "否"),
            ("legal_review_flags", ""),
        ],
    );

    switch_to(&mut a, "zhaogang", no);
    open_step(&mut a, K::SquadReview);
    fill_and_submit(&mut a, &[("date", "2026-09-07"), ("opinion", "同意")]);

    switch_to(&mut a, "sunzhen", no);
    open_step(&mut a, K::ReviewDecision);
    fill_and_submit(
        &mut a,
        &[
            ("date", "2026-09-08"),
            ("outcome", "给予行政处罚"),
            ("opinion", "同意处罚"),
        ],
    );

    switch_to(&mut a, "zhangwei", no);
    open_step(&mut a, K::IssueNotice);
    fill_and_submit(&mut a, &[("date", "2026-09-09")]);
    open_step(&mut a, K::Serve);
    fill_and_submit(
        &mut a,
        &[
            ("doc", "行政处罚事先告知书"),
            ("method", "直接送达"),
            ("date", "2026-09-09"),
        ],
    );

    switch_to(&mut a, "sunzhen", no);
    open_step(&mut a, K::Decide);
    fill_and_submit(
        &mut a,
        &[
            ("date", "2026-09-18"),
            ("correction_order", "停止焚烧"),
            ("payment_place", "指定银行"),
        ],
    );

    switch_to(&mut a, "zhangwei", no);
    open_step(&mut a, K::Serve);
    fill_and_submit(
        &mut a,
        &[
            ("doc", "行政处罚决定书"),
            ("method", "直接送达"),
            ("date", "2026-09-21"),
        ],
    );
    open_step(&mut a, K::Pay);
    fill_and_submit(&mut a, &[("date", "2026-09-25"), ("method", "银行缴纳")]);
    // Paid in full: the menu says so beside 催告 and 登记缴款 before any form opens.
    press(&mut a, &[KeyCode::Char('a')]);
    match a.stack.last() {
        Some(super::app::Screen::Case(view)) => {
            for kind in [K::Demand, K::Pay] {
                let (_, why) = view
                    .menu
                    .as_ref()
                    .unwrap()
                    .items
                    .iter()
                    .find(|(k, _)| *k == kind)
                    .unwrap();
                let why = why.as_ref().unwrap_err().to_string();
                assert!(why.contains("已于 2026-09-25 缴清"), "{why}");
            }
        }
        _ => panic!("not on the case"),
    }
    press(&mut a, &[KeyCode::Esc]);
    open_step(&mut a, K::ProposeClosing);
    fill_and_submit(&mut a, &[("date", "2026-09-28")]);

    switch_to(&mut a, "sunzhen", no);
    open_step(&mut a, K::ApproveClosing);
    fill_and_submit(&mut a, &[("date", "2026-09-29"), ("opinion", "同意结案")]);

    switch_to(&mut a, "zhangwei", no);
    open_step(&mut a, K::Archive);
    match a.stack.last() {
        Some(super::app::Screen::Form(f)) => {
            let i = f.specs.iter().position(|s| s.key == "archive_no").unwrap();
            assert_eq!(f.form.value(i), "2026-194", "proposed in its format");
        }
        _ => panic!("no archive form"),
    }
    press(&mut a, &[KeyCode::Tab]);
    let screen = render(&a, 80, 24);
    assert!(screen.contains("格式：归档年度-案件序号"), "{screen}");
    fill_and_submit(
        &mut a,
        &[
            ("date", "2026-10-09"),
            ("archive_no", "2026-HJ-188"),
            ("retention", "长期"),
        ],
    );

    let id = a.desk.store().find_case(no).unwrap().unwrap();
    let case = a.desk.store().load_case(id).unwrap();
    assert_eq!(case.stage.name(), "归档");
    assert_eq!(case.paid(), crate::domain::money::Fen::from_yuan(800));
    assert!(a
        .desk
        .store()
        .verify_audit()
        .unwrap()
        .first_broken
        .is_none());
    // And it is read-only now: the menu offers nothing.
    press(&mut a, &[KeyCode::Char('a')]);
    match a.stack.last() {
        Some(super::app::Screen::Case(view)) => assert!(view
            .menu
            .as_ref()
            .unwrap()
            .items
            .iter()
            .all(|(_, r)| r.is_err())),
        _ => panic!("not on the case"),
    }
    press(&mut a, &[KeyCode::Esc]);

    // The 案件摘要 and the whole 卷宗 printed to files from the 文书 tab.
    let out = tempfile::tempdir().unwrap();
    a.export_dir = Some(out.path().to_path_buf());
    press(&mut a, &[KeyCode::Tab; 4]);
    press(&mut a, &[KeyCode::Char('S')]);
    assert!(a.status.contains("案件摘要"), "{}", a.status);
    press(&mut a, &[KeyCode::Char('E')]);
    assert!(a.status.contains("已导出"), "{}", a.status);
    let files: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(files.iter().all(|f| f.ends_with(".pdf")), "{files:?}");

    // A legal reviewer's 评查 round takes the case (decided on 09-18) and is saved.
    type_text(&mut a, ":logout");
    press(&mut a, &[KeyCode::Enter]);
    login(&mut a, "qianli");
    press(&mut a, &[KeyCode::Char('v'), KeyCode::Char('n')]);
    for date in ["2026-09-18", "2026-09-18"] {
        press(&mut a, &[KeyCode::Tab]);
        for _ in 0..10 {
            press(&mut a, &[KeyCode::Backspace]);
        }
        type_text(&mut a, date);
    }
    submit(&mut a);
    assert!(a.status.contains("已选"), "{}", a.status);
    submit(&mut a);
    assert!(a.status.contains("已保存本轮评查"), "{}", a.status);
    let rounds = a
        .desk
        .store()
        .review_rounds_between(d("2026-01-01"), d("2026-12-31"))
        .unwrap();
    assert!(rounds
        .iter()
        .any(|r| r.case_id == id && r.reviewer_name == "钱丽"));

    // And the head records a 过错责任 found in the review on it, picked by keys.
    type_text(&mut a, ":logout");
    press(&mut a, &[KeyCode::Enter]);
    login(&mut a, "sunzhen");
    let faults = a.desk.store().faults().unwrap().len();
    press(&mut a, &[KeyCode::Char('f'), KeyCode::Char('n')]);
    type_text(&mut a, no);
    press(&mut a, &[KeyCode::Tab]);
    type_text(&mut a, "zhangwei");
    press(&mut a, &[KeyCode::Enter, KeyCode::Tab]);
    type_text(&mut a, "76");
    press(&mut a, &[KeyCode::Enter]);
    type_text(&mut a, "卷内目录页码不连续，未及时更正");
    submit(&mut a);
    assert!(a.status.contains("已登记过错责任"), "{}", a.status);
    let all = a.desk.store().faults().unwrap();
    assert_eq!(all.len(), faults + 1);
    assert!(all
        .iter()
        .any(|f| f.case_id == id && f.finding.contains("未及时更正")));
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn first_run_setup_creates_the_database_and_keeps_input_on_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.sqlite3");
    let mut s = super::setup::Setup::default();
    let typing = |s: &mut super::setup::Setup, text: &str| {
        for c in text.chars() {
            s.on_key(key(KeyCode::Char(c)), &path);
        }
    };
    typing(&mut s, "合隆镇");
    s.on_key(key(KeyCode::Tab), &path);
    typing(&mut s, "HL"); // not Chinese: refused
    s.on_key(key(KeyCode::Enter), &path);
    assert!(
        s.error.as_deref().unwrap_or("").contains("简称"),
        "{:?}",
        s.error
    );
    assert!(!path.exists());
    assert_eq!(s.inputs[0].value, "合隆镇", "input kept");
    s.on_key(key(KeyCode::Backspace), &path);
    s.on_key(key(KeyCode::Backspace), &path);
    typing(&mut s, "合");
    s.on_key(key(KeyCode::Tab), &path);
    typing(&mut s, "农安县");
    for _ in 0..5 {
        s.on_key(key(KeyCode::Tab), &path);
    }
    typing(&mut s, "pw1234");
    s.on_key(key(KeyCode::Tab), &path);
    typing(&mut s, "pw1234");
    for (w, h) in [(80u16, 24u16), (120, 36)] {
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| s.draw(f)).unwrap();
        let text = buffer_text(t.backend().buffer(), w, h);
        assert!(
            text.contains("首次使用") && text.contains("乡镇名称"),
            "{w}x{h}"
        );
    }
    s.on_key(key(KeyCode::Enter), &path);
    assert!(s.done, "{:?}", s.error);
    let mut store = crate::store::Store::open(&path).unwrap();
    assert_eq!(store.agency().unwrap().court, "农安县人民法院");
    assert!(store.login("admin", "pw1234").is_ok());
}

#[test]
fn the_decision_form_shows_the_discretion_helper() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "sunzhen");
    type_text(&mut a, ":cases");
    press(&mut a, &[KeyCode::Enter]);
    type_text(&mut a, ":stage 告知");
    press(&mut a, &[KeyCode::Enter, KeyCode::Down, KeyCode::Enter]);
    open_step(&mut a, crate::domain::case::ActionKind::Decide);
    let screen = render(&a, 120, 36);
    assert!(
        screen.contains("裁量参考") && screen.contains("法定："),
        "{screen}"
    );
    snapshot_both("decide_form", &a);
}

#[test]
fn forms_check_as_you_type_and_name_the_field() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "sunzhen");
    open_case(&mut a, "191");
    open_step(&mut a, crate::domain::case::ActionKind::ApproveFiling);
    press(&mut a, &[KeyCode::Backspace]);
    type_text(&mut a, "9"); // 2026-11-29: a valid date; the form is complete but for 意见
    let err = |a: &App| match a.stack.last() {
        // The form's message, and each field's own.
        Some(super::app::Screen::Form(f)) => {
            let mut all: Vec<String> = f.checks.iter().flatten().cloned().collect();
            all.extend(f.error.clone());
            all.join("\n")
        }
        _ => panic!("no form"),
    };
    assert!(err(&a).contains("意见"), "{}", err(&a));
    for _ in 0..3 {
        press(&mut a, &[KeyCode::Backspace]);
    }
    type_text(&mut a, "2-30");
    assert!(
        err(&a).contains("日期") && err(&a).contains("不存在"),
        "{}",
        err(&a)
    );
    // Multi-line text with ctrl-j.
    press(&mut a, &[KeyCode::Tab, KeyCode::Tab]);
    type_text(&mut a, "同意");
    a.on_key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL));
    type_text(&mut a, "立案");
    match a.stack.last() {
        Some(super::app::Screen::Form(f)) => assert_eq!(f.form.inputs[2].value, "同意\n立案"),
        _ => panic!("no form"),
    }
}

#[test]
fn on_the_spot_decision_by_keys() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "zhangwei");
    press(&mut a, &[KeyCode::Char('N')]);
    snapshot_both("on_spot_form", &a);
    // power, place, date, time, facts, party_type, name, id, rep, address, phone, officers, kinds, fine, tier, mitigation
    let values = [
        (0, "HJ-001"),
        (1, "合隆镇前进村路口"),
        (3, "10:20"),
        (4, "焚烧落叶，当场熄灭"),
        (6, "刘长海"),
        (7, "220122198001010018"),
        (9, "农安县合隆镇前进村"),
        (11, "liqiang"),
        (13, "300"),
        (14, "减轻"),
        (15, "主动消除或者减轻危害后果"),
    ];
    let mut at = 0;
    for (field, text) in values {
        while at < field {
            press(&mut a, &[KeyCode::Tab]);
            at += 1;
        }
        type_text(&mut a, text);
    }
    submit(&mut a);
    // 300 yuan is above the Art 51 cap of 200 for a citizen: refused, input kept.
    assert!(a.status.contains("第五十一条"), "{}", a.status);
    press(
        &mut a,
        &[
            KeyCode::BackTab,
            KeyCode::BackTab,
            KeyCode::Backspace,
            KeyCode::Backspace,
            KeyCode::Backspace,
        ],
    );
    type_text(&mut a, "100");
    submit(&mut a);
    assert!(
        a.status.contains("当场处罚决定") && a.status.contains("复议"),
        "{}",
        a.status
    );
    let id = a
        .desk
        .store()
        .find_case("合综执当罚〔2026〕194号")
        .unwrap()
        .unwrap();
    assert_eq!(a.desk.store().load_case(id).unwrap().stage.name(), "执行");
}

#[test]
fn evidence_with_an_attachment_through_the_form() {
    let (dir, path) = demo_copy();
    let photo = dir.path().join("现场照片.jpg");
    std::fs::write(&photo, b"JPEG").unwrap();
    let mut a = app(&path);
    login(&mut a, "sunzhen");
    let first = a.desk.store().find_case("2026-191").unwrap().unwrap();
    open_case(&mut a, "191");
    open_step(&mut a, crate::domain::case::ActionKind::ApproveFiling);
    fill_and_submit(&mut a, &[("opinion", "同意立案")]);
    let handler = {
        let case = a.desk.store().load_case(first).unwrap();
        a.desk.store().users().unwrap()[&case.handlers[0]]
            .username
            .clone()
    };
    switch_to(&mut a, &handler, "合综执立〔2026〕191号");
    open_step(&mut a, crate::domain::case::ActionKind::AddEvidence);
    fill_and_submit(
        &mut a,
        &[
            ("kind", "视听资料"),
            ("description", "现场照片"),
            ("time", "09:30"),
            ("place", "现场"),
            ("attach", photo.to_str().unwrap()),
        ],
    );
    let case = a.desk.store().load_case(first).unwrap();
    assert_eq!(case.evidence[0].attachments.len(), 1);
    assert!(crate::store::attachments::verify(&path, &case).is_empty());
}

#[test]
fn discretion_helper_fills_a_fine_inside_the_tier_and_queue_filter() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    // The head's 工作台 can show only the approval queue.
    login(&mut a, "sunzhen");
    press(&mut a, &[KeyCode::Char('r')]);
    match a.stack.last() {
        Some(super::app::Screen::Home(h)) => {
            assert!(!h.items.is_empty() && h.items.iter().all(|i| i.why.starts_with('待')))
        }
        _ => panic!("not home"),
    }
    // A handler's case at 调查取证: 调查终结 form, type the tier, ctrl-f fills the fine.
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
            .find(|c| {
                c.power.power.statutory.kind == crate::domain::catalog::StatutoryKind::Range
                    && !c.records.is_empty()
            })
            .expect("a range-kind case under investigation");
        let users = a.desk.store().users().unwrap();
        (
            a.desk.store().case_no(case.id).unwrap(),
            users[&case.handlers[0]].username.clone(),
        )
    };
    switch_to(&mut a, &handler, &case_no);
    open_step(&mut a, crate::domain::case::ActionKind::EndInvestigation);
    let tier = match a.stack.last() {
        Some(super::app::Screen::Form(f)) => f
            .power
            .tiers
            .iter()
            .find(|t| t.bounds(f.party).is_some())
            .unwrap()
            .name
            .name(),
        _ => panic!("no form"),
    };
    press(&mut a, &[KeyCode::Tab, KeyCode::Tab]);
    type_text(&mut a, tier);
    a.on_key(KeyEvent::new(KeyCode::Char('f'), KeyModifiers::CONTROL));
    assert!(a.status.contains("建议罚款"), "{}", a.status);
    match a.stack.last() {
        Some(super::app::Screen::Form(f)) => {
            let fine = crate::domain::money::Fen::parse_yuan(&f.form.inputs[3].value).unwrap();
            let (min, max) = crate::domain::case::penalty::allowed_fine_range(
                &f.power,
                f.party,
                serde_json::from_value(serde_json::Value::String(tier.into())).ok(),
                false,
                None,
                None,
            )
            .unwrap();
            assert!(min <= fine && fine <= max, "{fine} not in {min}..{max}");
        }
        _ => panic!("no form"),
    }
}

#[test]
fn full_personal_data_is_shown_on_request_and_recorded() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "sunzhen");
    press(&mut a, &[KeyCode::Enter, KeyCode::Tab]);
    let masked = render(&a, 120, 36);
    assert!(masked.contains("********"), "{masked}");
    let Some(Screen::Case(view)) = a.stack.last() else {
        panic!("not on the case view")
    };
    let id = view.id;
    let full_id = view.case.parties[0].id_number().to_string();
    assert!(!masked.contains(&full_id));
    press(&mut a, &[KeyCode::Char('v')]);
    let shown = render(&a, 120, 36);
    assert!(shown.contains(&full_id), "{shown}");
    let trail = a.desk.store().case_audit(id).unwrap();
    let last = trail.last().unwrap();
    assert_eq!(last.action, crate::domain::privacy::PERSONAL_DATA_VIEWED);
    assert_eq!(last.user_name, a.user.as_ref().unwrap().name);
    press(&mut a, &[KeyCode::Char('v')]);
    assert!(!render(&a, 120, 36).contains(&full_id));
}

#[test]
fn an_idle_desk_locks_and_only_its_user_unlocks_it_with_input_kept() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    assert_eq!(a.idle_limit, Some(std::time::Duration::from_secs(600)));
    login(&mut a, "zhangwei");
    press(&mut a, &[KeyCode::Char('n')]);
    type_text(&mut a, "违法建设");
    let before = render(&a, 120, 36);
    assert!(before.contains("违法建设"), "{before}");
    // Not yet idle long enough: nothing happens.
    a.on_idle(std::time::Duration::from_secs(599));
    assert!(a.lock.is_none());
    a.on_idle(std::time::Duration::from_secs(600));
    let locked = render(&a, 80, 24);
    assert!(
        locked.contains("已锁定") && !locked.contains("违法建设"),
        "{locked}"
    );
    insta::assert_snapshot!("idle_lock_80x24", locked);
    // A wrong password keeps it locked with the reason shown.
    type_text(&mut a, "wrong");
    press(&mut a, &[KeyCode::Enter]);
    assert!(a.lock.is_some());
    assert!(a.status.contains("密码"), "{}", a.status);
    type_text(&mut a, "demo");
    press(&mut a, &[KeyCode::Enter]);
    assert!(a.lock.is_none(), "{}", a.status);
    assert!(render(&a, 120, 36).contains("违法建设"));
}

#[test]
fn esc_on_the_lock_logs_out() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "zhangwei");
    a.on_idle(std::time::Duration::from_secs(3600));
    press(&mut a, &[KeyCode::Esc]);
    assert!(a.user.is_none() && a.lock.is_none());
    assert!(matches!(a.stack.last(), Some(Screen::Login(_))));
}

/// Two desks fill the same step on one case. The first save wins; the second is refused with
/// who changed the case and when, the typed input stays in the form, and a second Enter
/// re-applies it on the version now saved — never a silent overwrite.
#[test]
fn a_concurrent_save_is_refused_with_input_kept_and_can_be_reapplied() {
    use crate::domain::case::ActionKind as K;
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    let mut b = app(&path);
    login(&mut a, "zhangwei");
    login(&mut b, "zhangwei");
    let me = a.user.as_ref().unwrap().id;
    let rows = a
        .desk
        .store()
        .list_cases(&crate::store::CaseFilter {
            stage: Some(crate::domain::case::Stage::Investigating),
            handler: Some(me),
            ..Default::default()
        })
        .unwrap();
    let row = rows.first().expect("a case under investigation");
    let (id, no) = (row.id, row.case_no.clone());
    let before = a.desk.store().load_case(id).unwrap();
    let record = |content: &'static str| {
        [
            ("kind", "现场检查(勘验)笔录"),
            ("date", "2026-11-20"),
            ("start", "09:00"),
            ("end", "09:40"),
            ("place", "现场"),
            ("persons", "当事人"),
            ("nth", "0"),
            ("content", content),
        ]
    };
    for (desk, content) in [(&mut a, "甲的询问内容"), (&mut b, "乙的询问内容")] {
        open_case(desk, &no);
        open_step(desk, K::AddRecord);
        fill(desk, &record(content));
    }
    submit(&mut a);
    assert!(a.status.contains("已办理"), "{}", a.status);
    submit(&mut b);
    assert!(
        b.status.contains("已被") && b.status.contains("张伟") && b.status.contains("重新提交"),
        "{}",
        b.status
    );
    let typed = match b.stack.last() {
        Some(super::app::Screen::Form(f)) => {
            f.form.inputs.iter().any(|i| i.value == "乙的询问内容")
        }
        _ => false,
    };
    assert!(typed, "the form with its input is still open: {}", b.status);
    let after_a = a.desk.store().load_case(id).unwrap();
    assert_eq!(after_a.records.len(), before.records.len() + 1);
    submit(&mut b);
    assert!(b.status.contains("已办理"), "{}", b.status);
    let after_b = b.desk.store().load_case(id).unwrap();
    assert_eq!(after_b.records.len(), before.records.len() + 2);
    assert_eq!(after_b.version, after_a.version + 1);
}

#[test]
fn leader_dashboard_by_key_and_command() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "sunzhen");
    press(&mut a, &[KeyCode::Char('t')]);
    let screen = render(&a, 120, 36);
    assert!(
        screen.contains("各阶段案件数")
            && screen.contains("共开展检查")
            && screen.contains("罚款决定"),
        "{screen}"
    );
    snapshot_both("dashboard", &a);
    // The previous year has no cases: the screen still draws.
    press(&mut a, &[KeyCode::Char('[')]);
    assert!(render(&a, 80, 24).contains("2025年"));
    press(&mut a, &[KeyCode::Esc, KeyCode::Char(':')]);
    type_text(&mut a, "stats");
    press(&mut a, &[KeyCode::Enter]);
    assert!(render(&a, 120, 36).contains("队长看板"));
}

#[test]
fn case_view_review_tab_shows_findings_before_the_step() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "sunzhen");
    // The first case of the head's queue awaits a decision past its deadline.
    press(&mut a, &[KeyCode::Enter, KeyCode::BackTab]);
    let screen = render(&a, 120, 36);
    assert!(screen.contains("自动评查"), "{screen}");
    snapshot_both("case_view_review", &a);
}

#[test]
fn documents_tab_lists_previews_and_exports() {
    let (dir, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "sunzhen");
    open_case(&mut a, "191");
    press(&mut a, &[KeyCode::Tab; 4]);
    let screen = render(&a, 120, 36);
    assert!(screen.contains("── 预览"), "{screen}");
    snapshot_both("case_documents", &a);
    // At 80×24 the preview of a long document turns by pages, and back.
    let narrow = render(&a, 80, 24);
    assert!(narrow.contains("── 预览 1–"), "{narrow}");
    press(&mut a, &[KeyCode::PageDown]);
    let turned = render(&a, 80, 24);
    assert!(turned.contains("── 预览 9–"), "{turned}");
    press(&mut a, &[KeyCode::PageUp]);
    assert_eq!(render(&a, 80, 24), narrow);
    press(&mut a, &[KeyCode::Char('j')]);
    let out = dir.path().join("exports");
    a.export_dir = Some(out.clone());
    press(&mut a, &[KeyCode::Char('e')]);
    assert!(a.status.contains("已导出"), "{}", a.status);
    let files: Vec<_> = std::fs::read_dir(&out).unwrap().collect();
    assert_eq!(files.len(), 1);
    let shown = out.display().to_string();
    assert!(a.status.contains(&shown), "{}", a.status);
    // Exported again: a new name beside the first, which stays as it was; both private.
    let first = files[0].as_ref().unwrap().path();
    let before = std::fs::read(&first).unwrap();
    std::fs::write(&first, b"the clerk's edited copy").unwrap();
    press(&mut a, &[KeyCode::Char('e')]);
    assert!(a.status.contains(" (2)."), "{}", a.status);
    assert_eq!(std::fs::read(&first).unwrap(), b"the clerk's edited copy");
    let mut files: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 2, "{files:?}");
    let second = files.iter().find(|p| **p != first).unwrap();
    assert_eq!(std::fs::read(second).unwrap().len(), before.len());
    use std::os::unix::fs::PermissionsExt;
    for f in &files {
        let mode = std::fs::metadata(f).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", f.display());
    }
    // After an export the selected document stays selected and previewed.
    let screen = render(&a, 120, 36);
    let selected = screen
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("> "))
        .map(|l| l.split("  [").next().unwrap().to_string())
        .unwrap();
    let preview = screen.split("── 预览").nth(1).unwrap();
    assert!(
        preview.contains(&selected.replace(['（', '）'], "")) || preview.contains(&selected),
        "{selected}:\n{screen}"
    );
    assert!(
        !preview.contains("立案审批表") || selected == "立案审批表",
        "{screen}"
    );
    // The one-page 案件摘要 from the UI.
    press(&mut a, &[KeyCode::Char('S')]);
    assert!(
        a.status.contains("案件摘要") && a.status.contains(&shown),
        "{}",
        a.status
    );
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 3);
    // The 队长看板 exports the year's statistics beside them (the same test: it alone sets
    // the export folder).
    type_text(&mut a, ":stats");
    press(&mut a, &[KeyCode::Enter, KeyCode::Char('x')]);
    assert!(
        a.status.contains("已导出统计") && a.status.contains("2026年统计.xlsx"),
        "{}",
        a.status
    );
    let xlsx = out.join("2026年统计.xlsx");
    let table = crate::report::table::read(&xlsx).unwrap();
    assert!(format!("{table:?}").contains("期限已逾期"), "{table:?}");
}

/// The help overlay lists exactly the `COMMANDS` table (the command line's own), in order.
#[test]
fn the_help_lists_exactly_the_commands_table() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "admin");
    press(&mut a, &[KeyCode::Char('c'), KeyCode::Char('?')]);
    let screen = render(&a, 80, 24);
    // The text inside the overlay's borders, row by row.
    let inside = screen
        .lines()
        .filter_map(|l| l.split('│').nth(1))
        .collect::<Vec<_>>()
        .join(" ");
    let start = inside.find(": 命令").expect("commands in the help");
    let listed: Vec<&str> = inside[start..]
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .take_while(|w| super::commands::COMMANDS.iter().any(|c| c.name == *w))
        .collect();
    let table: Vec<&str> = super::commands::COMMANDS.iter().map(|c| c.name).collect();
    assert_eq!(listed, table, "{screen}");
    // Every listed name runs: a case-list command elsewhere says where it works.
    press(&mut a, &[KeyCode::Esc, KeyCode::Esc, KeyCode::Char(':')]);
    type_text(&mut a, "stage 调查取证");
    press(&mut a, &[KeyCode::Enter]);
    assert!(a.status.contains("只在案件列表中可用"), "{}", a.status);
}

/// Typed text is an action (`UiAction::Input`), and every form shares one core: 添加人员
/// now asks before dropping what was typed, as the step and new-case forms do.
#[test]
fn typed_text_is_an_action_and_every_form_asks_before_dropping_input() {
    use super::action::UiAction;
    use super::screens::users::Mode;
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "admin");
    press(&mut a, &[KeyCode::Char('u'), KeyCode::Char('n')]);
    a.dispatch(UiAction::Input('王'));
    a.dispatch(UiAction::Input('红'));
    a.dispatch(UiAction::DeleteBack);
    let first = |a: &App| match a.stack.last() {
        Some(Screen::Users(u)) => match &u.mode {
            Mode::Add(form) => Some(form.inputs[0].value.clone()),
            _ => None,
        },
        _ => panic!("not on 用户管理"),
    };
    assert_eq!(first(&a).as_deref(), Some("王"));
    press(&mut a, &[KeyCode::Esc]);
    assert!(a.status.contains("再按一次 Esc 放弃"), "{}", a.status);
    assert_eq!(first(&a).as_deref(), Some("王"), "input kept");
    press(&mut a, &[KeyCode::Esc]);
    assert_eq!(first(&a), None, "back on the list");
}
