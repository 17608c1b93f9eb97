//! The holiday table of a new year: the 工作台 asks for it from December, and an admin
//! imports it from the 期限日历 (issue 15 item 21).

use super::*;

/// A 2027 table made for this test only (the State Council's notice for 2027 is not out):
/// valid in form, so the import can be driven end to end.
const TEST_2027: &str = r#"
year = 2027
source = "测试用表（非国务院通知）"

[[holiday]]
name = "元旦"
off = ["2027-01-01", "2027-01-03"]
makeup = []
"#;

fn app_on(path: &std::path::Path, today: &str) -> App {
    let desk = Desk::open(path).unwrap();
    App::new(
        desk,
        Keymap::load(None).unwrap(),
        true,
        today.parse().unwrap(),
    )
}

#[test]
fn december_asks_for_next_year_s_table_and_an_admin_imports_it_from_the_calendar() {
    let (dir, path) = demo_copy();
    let mut a = app_on(&path, "2026-12-03");
    login(&mut a, "sunzhen");
    let home = render(&a, 80, 24);
    assert!(
        home.contains("尚未导入2027年节假日表") && home.contains("按 i 导入"),
        "{home}"
    );
    // Only an admin imports.
    press(&mut a, &[KeyCode::Char('d'), KeyCode::Char('i')]);
    assert!(a.status.contains("只有管理员"), "{}", a.status);

    let mut a = app_on(&path, "2026-12-03");
    login(&mut a, "admin");
    press(&mut a, &[KeyCode::Char('d'), KeyCode::Char('i')]);
    // A wrong path is a Chinese message and the typed path stays to be fixed.
    type_text(&mut a, "~/没有这个文件.toml");
    press(&mut a, &[KeyCode::Enter]);
    assert!(a.status.contains("找不到文件"), "{}", a.status);
    assert!(render(&a, 80, 24).contains("没有这个文件.toml"));
    for _ in 0.."~/没有这个文件.toml".chars().count() {
        press(&mut a, &[KeyCode::Backspace]);
    }
    let file = dir.path().join("2027.toml");
    std::fs::write(&file, TEST_2027).unwrap();
    type_text(&mut a, &file.display().to_string());
    press(&mut a, &[KeyCode::Enter]);
    assert!(
        a.status
            .contains("已导入：2027 年节假日表（测试用表（非国务院通知））"),
        "{}",
        a.status
    );
    assert!(a.desk.store().calendar().unwrap().has_year(2027));
    // Back on the 工作台 the banner is gone.
    press(&mut a, &[KeyCode::Esc]);
    let home = render(&a, 80, 24);
    assert!(!home.contains("节假日表"), "{home}");
    // The import is on the audit trail.
    let admin = a.user.as_ref().map(|u| u.name.clone()).unwrap();
    let audit = a.desk.store().recent_audit(5).unwrap();
    assert!(
        audit.iter().any(|e| e.action == "导入节假日表"
            && e.user_name == admin
            && e.summary.contains("2027")),
        "{audit:?}"
    );
}
