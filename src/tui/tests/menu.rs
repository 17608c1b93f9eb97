//! The step menu offers a step as 可办理 only when it would pass today.

use ratatui::crossterm::event::KeyCode;

use super::*;
use crate::domain::case::{ActionKind, ServedDoc, Stage};
use crate::domain::people::Role;

/// 行政处罚法第四十五条: on the day the prior notice is served the party's statement period
/// runs, so the head's menu lists 作出决定 as 不可办 with the domain's reason (it was offered
/// as 可办理 and refused only after the form was filled); the next day's menu after the
/// period offers it.
#[test]
fn the_menu_does_not_offer_a_decision_while_the_party_may_still_state_a_case() {
    let (_d, path) = demo_copy();
    let desk = Desk::open(&path).unwrap();
    let users = desk.store().users().unwrap();
    let (case, served) = desk
        .store()
        .all_cases()
        .unwrap()
        .into_iter()
        .filter(|c| c.stage == Stage::Notifying && c.hearing.is_none())
        .find_map(|c| {
            let on = c.served(ServedDoc::Notice)?.served_on;
            Some((c, on))
        })
        .expect("the demo has a case waiting after its prior notice");
    let head = users
        .values()
        .find(|u| u.has(Role::Head) && !case.handlers.contains(&u.id))
        .unwrap();
    drop(desk);

    let menu_entry = |today: NaiveDate| {
        let mut a = App::new(
            Desk::open(&path).unwrap(),
            Keymap::load(None).unwrap(),
            true,
            today,
        );
        login(&mut a, &head.username);
        open_case(
            &mut a,
            &format!("{}-{}", case.year.unwrap(), case.serial.unwrap()),
        );
        press(&mut a, &[KeyCode::Char('a')]);
        let (index, entry) = match a.stack.last() {
            Some(Screen::Case(view)) => view
                .menu
                .as_ref()
                .unwrap()
                .items
                .iter()
                .enumerate()
                .find(|(_, (k, _))| *k == ActionKind::Decide)
                .map(|(i, (_, r))| (i, r.clone()))
                .unwrap(),
            _ => panic!("not on the case: {}", a.status),
        };
        // Select it, so the popup scrolls to it.
        for _ in 0..index {
            press(&mut a, &[KeyCode::Down]);
        }
        let entry = Some(entry);
        (entry, render(&a, 120, 36), render(&a, 80, 24))
    };
    let (on_the_day, screen, narrow) = menu_entry(served);
    let why = on_the_day.unwrap().unwrap_err().to_string();
    assert!(why.contains("第四十五条") || why.contains("陈述"), "{why}");
    assert!(screen.contains("不可办  作出决定"), "{screen}");
    // At 80 columns the reason wraps inside the popup instead of being cut.
    let squeeze = |s: &str| -> String { s.chars().filter(|c| !" │\n".contains(*c)).collect() };
    assert!(squeeze(&narrow).contains(&squeeze(&why)), "{narrow}");
    let (later, screen, _) = menu_entry(served + chrono::Days::new(30));
    assert!(later.unwrap().is_ok());
    assert!(screen.contains("可办理  作出决定"), "{screen}");
}
