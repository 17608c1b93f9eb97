//! Meaning carried as types, not read back from text: the status line's severity, the date
//! from the clock, the 工作台 queue paged to the end, database errors shown, and charts in
//! unambiguous characters.

use std::sync::{Arc, Mutex};

use chrono::Days;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Color;

use super::*;
use crate::tui::status::Severity;

/// The colour the status line is drawn in (the second row from the bottom).
fn status_colour(app: &App) -> Option<Color> {
    let (w, h) = (120, 36);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| app.draw(f)).unwrap();
    t.backend().buffer()[(0, h - 2)].fg.into()
}

#[test]
fn a_success_in_parentheses_is_not_red_and_a_refusal_is() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "sunzhen");
    press(&mut a, &[KeyCode::Enter, KeyCode::Tab]);
    press(&mut a, &[KeyCode::Char('v')]);
    assert!(a.status.contains("（已记入审计记录）"), "{}", a.status);
    assert_eq!(a.status.severity, Severity::Info);
    assert_eq!(status_colour(&a), Some(Color::Yellow));
    type_text(&mut a, ":nonsense");
    press(&mut a, &[KeyCode::Enter]);
    assert_eq!(a.status.severity, Severity::Error, "{}", a.status);
    assert_eq!(status_colour(&a), Some(Color::Red));
}

#[test]
fn a_desk_left_open_past_midnight_takes_the_new_date_and_runs_the_day_jobs() {
    let (_d, path) = demo_copy();
    let now = Arc::new(Mutex::new(today()));
    let clock = {
        let now = now.clone();
        Arc::new(move || *now.lock().unwrap())
    };
    let mut a = app(&path).with_clock(clock);
    login(&mut a, "sunzhen");
    let tomorrow = today() + Days::new(1);
    *now.lock().unwrap() = tomorrow;
    press(&mut a, &[KeyCode::Char('j')]);
    assert_eq!(a.today, tomorrow);
    assert!(a.daily.is_some(), "the day's jobs start on the new day");
    while a.poll_daily() {
        std::thread::yield_now();
    }
    assert!(
        a.status.contains("已按今天的日期更新各案期限状态"),
        "{}",
        a.status
    );
    let store = crate::store::Store::open(&path).unwrap();
    assert_eq!(store.deadlines_refreshed_on().unwrap(), Some(tomorrow));
    // Forms take the new date too.
    type_text(&mut a, ":new");
    press(&mut a, &[KeyCode::Enter]);
    assert!(
        render(&a, 120, 36).contains(&tomorrow.to_string()),
        "{}",
        render(&a, 120, 36)
    );
}

#[test]
fn every_case_awaiting_the_head_is_reachable_past_200_in_a_stage() {
    use crate::domain::case::Stage;
    use crate::store::{BulkCase, CaseFilter, DeadlineCtx, Who, CASE_NO_MARK};
    let (_d, path) = demo_copy();
    let waiting: Vec<i64> = {
        let mut desk = Desk::open(&path).unwrap();
        let store = desk.store_mut();
        let proposed = CaseFilter {
            stage: Some(Stage::Proposed),
            ..CaseFilter::default()
        };
        let model = store
            .load_case(store.list_cases(&proposed).unwrap()[0].id)
            .unwrap();
        let (calendar, settings) = (
            store.calendar().unwrap(),
            store.procedure_settings().unwrap(),
        );
        let dl = DeadlineCtx {
            calendar: &calendar,
            settings: &settings,
            today: today(),
        };
        let copies = (0..230)
            .map(|_| BulkCase {
                case: model.clone(),
                audit: vec![(
                    Who::system(),
                    "propose".into(),
                    format!("提请立案 {CASE_NO_MARK}"),
                )],
                detail: serde_json::json!({}),
            })
            .collect();
        store.bulk_insert(copies, &dl).unwrap();
        let ids: Vec<i64> = store
            .list_cases(&proposed)
            .unwrap()
            .iter()
            .map(|r| r.id)
            .collect();
        assert!(ids.len() > 200);
        ids
    };
    let mut a = app(&path);
    login(&mut a, "sunzhen");
    let mut last = usize::MAX;
    loop {
        let Some(Screen::Home(home)) = a.stack.last() else {
            panic!("not on the home screen")
        };
        if home.sel == last {
            break;
        }
        last = home.sel;
        press(&mut a, &[KeyCode::Char('j')]);
    }
    let Some(Screen::Home(home)) = a.stack.last() else {
        panic!("not on the home screen")
    };
    let shown: std::collections::BTreeSet<i64> = home
        .items
        .iter()
        .filter(|i| i.why.contains("立案"))
        .map(|i| i.row.id)
        .collect();
    for id in &waiting {
        assert!(shown.contains(id), "case #{id} is not reachable");
    }
    // Each case once.
    let ids: Vec<i64> = home.items.iter().map(|i| i.row.id).collect();
    let unique: std::collections::BTreeSet<&i64> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len());
}

#[test]
fn a_database_error_is_shown_not_an_empty_screen() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "sunzhen");
    a.desk
        .store()
        .conn()
        .execute_batch("ALTER TABLE deadline RENAME TO deadline_gone")
        .unwrap();
    type_text(&mut a, ":calendar");
    press(&mut a, &[KeyCode::Enter]);
    let screen = render(&a, 120, 36);
    assert!(screen.contains("无法读取本月期限"), "{screen}");
    press(&mut a, &[KeyCode::Esc, KeyCode::Enter]);
    let screen = render(&a, 120, 36);
    assert!(
        matches!(a.stack.last(), Some(Screen::Case(_))),
        "{}",
        a.status
    );
    assert!(screen.contains("无法读取期限"), "{screen}");
}

#[test]
fn charts_use_no_ambiguous_width_block_characters() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "sunzhen");
    type_text(&mut a, ":stats");
    press(&mut a, &[KeyCode::Enter]);
    let screen = render(&a, 120, 36);
    assert!(screen.contains("各阶段案件数"), "{screen}");
    let blocks: Vec<char> = screen
        .chars()
        .filter(|c| ('\u{2580}'..='\u{259f}').contains(c))
        .collect();
    assert!(blocks.is_empty(), "{blocks:?}\n{screen}");
    assert!(screen.contains('#'), "{screen}");
}
