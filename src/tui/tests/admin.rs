//! An administrator's tasks by keys (issue 19, 领导在界面中): roles and passwords on the
//! 用户管理 screen, the 设置 screen; each checked in the database and the audit trail.

use super::*;

/// Moves the 用户管理 selection to `username`.
fn select_user(a: &mut App, username: &str) {
    let at = a
        .desk
        .store()
        .users()
        .unwrap()
        .values()
        .position(|u| u.username == username)
        .unwrap();
    press(a, &vec![KeyCode::Down; at]);
}

fn roles_of(a: &App, username: &str) -> Vec<crate::domain::people::Role> {
    a.desk
        .store()
        .user_by_username(username)
        .unwrap()
        .unwrap()
        .roles
}

#[test]
fn an_admin_changes_roles_by_ticks_and_the_last_admin_stays() {
    use crate::domain::people::Role;
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "admin");
    press(&mut a, &[KeyCode::Char('u')]);
    select_user(&mut a, "zhangwei");
    press(&mut a, &[KeyCode::Char('r')]);
    // 承办人 is ticked; tick 中队长 too (second row).
    press(&mut a, &[KeyCode::Down, KeyCode::Char(' ')]);
    snapshot_both("users_roles", &a);
    press(&mut a, &[KeyCode::Enter]);
    assert!(
        a.status.contains("已调整 张伟 的岗位：承办人、中队长"),
        "{}",
        a.status
    );
    assert_eq!(
        roles_of(&a, "zhangwei"),
        vec![Role::Handler, Role::SquadLeader]
    );
    let audit = a.desk.store().recent_audit(3).unwrap();
    assert!(
        audit
            .iter()
            .any(|e| e.action == "调整岗位" && e.summary.contains("zhangwei")),
        "{audit:?}"
    );
    // No role at all is refused, with the ticks kept.
    press(&mut a, &[KeyCode::Char('r'), KeyCode::Char(' ')]);
    press(&mut a, &[KeyCode::Down, KeyCode::Char(' '), KeyCode::Enter]);
    assert!(a.status.contains("至少选择一个岗位"), "{}", a.status);
    assert!(render(&a, 80, 24).contains("[ ] 中队长"));
    press(&mut a, &[KeyCode::Esc]);
    // The only administrator cannot take the role from themself.
    let mut a = app(&path);
    login(&mut a, "admin");
    press(&mut a, &[KeyCode::Char('u')]);
    select_user(&mut a, "admin");
    press(&mut a, &[KeyCode::Char('r')]);
    press(&mut a, &[KeyCode::Down; 4]);
    press(&mut a, &[KeyCode::Char(' '), KeyCode::Enter]);
    assert!(a.status.contains("唯一在用的管理员"), "{}", a.status);
    assert!(roles_of(&a, "admin").contains(&Role::Admin));
}

#[test]
fn only_an_admin_changes_roles_or_opens_the_settings() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "sunzhen");
    press(&mut a, &[KeyCode::Char('u'), KeyCode::Char('r')]);
    assert!(a.status.contains("只有管理员"), "{}", a.status);
    press(&mut a, &[KeyCode::Char('s')]);
    assert!(a.status.contains("只有管理员"), "{}", a.status);
    a.run_command("settings");
    assert!(a.status.contains("只有管理员"), "{}", a.status);
    assert!(!matches!(a.stack.last(), Some(Screen::Settings(_))));
}

#[test]
fn an_admin_resets_a_password_and_the_account_logs_in_with_it() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "admin");
    press(&mut a, &[KeyCode::Char('u')]);
    select_user(&mut a, "zhangwei");
    press(&mut a, &[KeyCode::Char('/')]);
    type_text(&mut a, "新密码abc123");
    press(&mut a, &[KeyCode::Enter]);
    assert!(a.status.contains("已重置密码"), "{}", a.status);
    assert!(a.desk.login("zhangwei", "新密码abc123").is_ok());
    assert!(a
        .desk
        .login("zhangwei", crate::demo::DEMO_PASSWORD)
        .is_err());
}

#[test]
fn settings_screen_edits_a_number_and_a_switch_and_keeps_a_bad_value() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "admin");
    press(&mut a, &[KeyCode::Char('u'), KeyCode::Char('s')]);
    assert!(matches!(a.stack.last(), Some(Screen::Settings(_))));
    snapshot_both("settings", &a);
    let rows = a.desk.settings_rows().unwrap();
    let at = |key: &str| rows.iter().position(|r| r.key == key).unwrap();
    // A number: 立案时限 typed over, first wrongly, then right.
    press(
        &mut a,
        &vec![KeyCode::Down; at("procedure.filing_limit_days")],
    );
    press(&mut a, &[KeyCode::Enter]);
    for _ in 0..5 {
        press(&mut a, &[KeyCode::Backspace]);
    }
    type_text(&mut a, "十");
    press(&mut a, &[KeyCode::Enter]);
    assert!(a.status.contains("应为数字"), "{}", a.status);
    assert!(render(&a, 80, 24).contains("立案时限（日）：十▏"));
    press(&mut a, &[KeyCode::Backspace]);
    type_text(&mut a, "１０");
    press(&mut a, &[KeyCode::Enter]);
    assert!(
        a.status.contains("已保存：立案时限（日） = １０"),
        "{}",
        a.status
    );
    assert_eq!(
        a.desk
            .store()
            .procedure_settings()
            .unwrap()
            .filing_limit_days,
        10
    );
    // A switch: 期满遇休息日顺延 flipped with the space bar.
    let was = a
        .desk
        .store()
        .calendar_policy()
        .unwrap()
        .roll_periods_past_rest_days;
    press(&mut a, &vec![KeyCode::Up; 40]);
    press(
        &mut a,
        &vec![KeyCode::Down; at("calendar.roll_periods_past_rest_days")],
    );
    press(&mut a, &[KeyCode::Enter, KeyCode::Char(' ')]);
    snapshot_both("settings_switch", &a);
    press(&mut a, &[KeyCode::Enter]);
    assert_eq!(
        a.desk
            .store()
            .calendar_policy()
            .unwrap()
            .roll_periods_past_rest_days,
        !was
    );
    // Too long an idle lock is refused by the security rule, as at the CLI.
    press(&mut a, &vec![KeyCode::Down; 40]);
    press(
        &mut a,
        &vec![KeyCode::Up; rows.len() - 1 - at("security.idle_lock_minutes")],
    );
    press(
        &mut a,
        &[KeyCode::Enter, KeyCode::Backspace, KeyCode::Backspace],
    );
    type_text(&mut a, "9999");
    press(&mut a, &[KeyCode::Enter]);
    assert!(a.status.contains("240"), "{}", a.status);
    assert_eq!(
        a.desk
            .store()
            .security_settings()
            .unwrap()
            .idle_lock_minutes,
        crate::domain::security_settings::SecuritySettings::default().idle_lock_minutes
    );
    // Both saved changes are on the audit trail under the admin's name.
    let audit = a.desk.store().recent_audit(10).unwrap();
    let by_admin = |key: &str| {
        audit
            .iter()
            .any(|e| e.action == "系统设置" && e.user_name == "吴敏" && e.summary.contains(key))
    };
    assert!(by_admin("procedure"), "{audit:?}");
    assert!(by_admin("calendar"), "{audit:?}");
}

/// A team catalog of one power (HJ-001), as `tests/common::TEAM_CATALOG`; `max` is the
/// statutory maximum for a person (the template says 2000).
fn team_catalog(max: u32) -> String {
    format!(
        r#"
[catalog]
name = "合隆镇综合行政执法事项清单"
version = "2026-1"
effective_from = "2026-12-01"

[[power]]
code = "HJ-001"
field = "生态环境"
subfield = "大气"
name = "对露天焚烧秸秆的处罚"
penalty_kinds = ["罚款"]
own_name = true
[[power.violated]]
law = "大气污染防治法"
version = "2018-10-26"
article = 77
[power.penalty]
law = "大气污染防治法"
version = "2018-10-26"
article = 119
paragraph = 1
[power.statutory]
kind = "range"
individual = {{ min = 500, max = {max} }}
[[power.tier]]
name = "一般"
condition = "一般情形"
individual = {{ min = 500, max = 1000 }}
[[power.tier]]
name = "严重"
condition = "严重情形"
individual = {{ min = 1000, max = {max} }}
"#
    )
}

fn open_powers(a: &App) -> usize {
    a.desk
        .store()
        .powers_on("2026-12-02".parse().unwrap(), None)
        .unwrap()
        .len()
}

/// Clears the focused one-line input.
fn clear(a: &mut App, n: usize) {
    press(a, &vec![KeyCode::Backspace; n]);
}

/// The screen with the temporary folder's path written as `<dir>`, for a snapshot.
fn redacted(a: &App, w: u16, h: u16, dir: &std::path::Path) -> String {
    render(a, w, h).replace(&dir.display().to_string(), "<dir>")
}

#[test]
fn catalog_import_shows_the_report_first_and_keeps_the_path_on_refusal() {
    let (dir, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "admin");
    let before = open_powers(&a);
    press(
        &mut a,
        &[KeyCode::Char('u'), KeyCode::Char('s'), KeyCode::Char('i')],
    );
    assert!(matches!(a.stack.last(), Some(Screen::CatalogImport(_))));
    // A missing file: a Chinese message, the typed path kept.
    type_text(&mut a, "~/没有这个清单.toml");
    press(&mut a, &[KeyCode::Enter]);
    assert!(a.status.contains("找不到文件"), "{}", a.status);
    assert!(render(&a, 80, 24).contains("没有这个清单.toml"));
    clear(&mut a, 20);
    // A file with problems: every one listed, and Enter does not import.
    let bad = dir.path().join("bad.toml");
    let one = team_catalog(2000);
    let power = one.split("[[power]]").nth(1).unwrap();
    std::fs::write(&bad, format!("{one}\n[[power]]{power}")).unwrap();
    type_text(&mut a, &bad.display().to_string());
    press(&mut a, &[KeyCode::Enter]);
    let screen = render(&a, 80, 24);
    assert!(
        screen.contains("编码重复") && screen.contains("不能导入"),
        "{screen}"
    );
    press(&mut a, &[KeyCode::Enter]);
    assert!(a.status.contains("未导入"), "{}", a.status);
    assert!(render(&a, 120, 36).contains("bad.toml▏"));
    assert_eq!(open_powers(&a), before);
    // The good file: the report says what the import retires; Enter imports.
    clear(&mut a, "bad.toml".chars().count());
    type_text(&mut a, "team.toml");
    std::fs::write(dir.path().join("team.toml"), team_catalog(2000)).unwrap();
    press(&mut a, &[KeyCode::Enter]);
    insta::assert_snapshot!("catalog_report_80x24", redacted(&a, 80, 24, dir.path()));
    insta::assert_snapshot!("catalog_report_120x36", redacted(&a, 120, 36, dir.path()));
    let retiring = before - 1;
    assert!(
        render(&a, 120, 36).contains(&format!("导入后将停用文件未列出的现行 {retiring} 项：")),
        "{}",
        render(&a, 120, 36)
    );
    press(
        &mut a,
        &[KeyCode::Char('j'), KeyCode::PageDown, KeyCode::Enter],
    );
    assert!(
        a.status.contains(&format!(
            "已导入权限清单：新增 0 项，修改 1 项，停用 {retiring} 项，未变 0 项"
        )),
        "{}",
        a.status
    );
    assert!(matches!(a.stack.last(), Some(Screen::Settings(_))));
    assert_eq!(open_powers(&a), 1);
    let audit = a.desk.store().recent_audit(3).unwrap();
    assert!(
        audit
            .iter()
            .any(|e| e.action == "导入权限清单" && e.user_name == "吴敏"),
        "{audit:?}"
    );
}

#[test]
fn a_changed_statutory_range_imports_only_with_a_reason() {
    let (dir, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "admin");
    let file = dir.path().join("wider.toml");
    std::fs::write(&file, team_catalog(3000)).unwrap();
    a.run_command("settings");
    press(&mut a, &[KeyCode::Char('i')]);
    type_text(&mut a, &file.display().to_string());
    press(&mut a, &[KeyCode::Enter]);
    let screen = render(&a, 120, 36);
    assert!(
        screen.contains("1 项的法定处罚幅度与内置模板不同") && screen.contains("HJ-001"),
        "{screen}"
    );
    press(&mut a, &[KeyCode::Enter]);
    assert!(render(&a, 80, 24).contains("理由："));
    press(&mut a, &[KeyCode::Enter]);
    assert!(a.status.contains("请写明"), "{}", a.status);
    assert!(open_powers(&a) > 1);
    type_text(&mut a, "大气污染防治法修正");
    press(&mut a, &[KeyCode::Enter]);
    assert!(a.status.contains("已导入"), "{}", a.status);
    assert_eq!(open_powers(&a), 1);
    let audit = a.desk.store().recent_audit(3).unwrap();
    assert!(
        audit
            .iter()
            .any(|e| e.action == "导入权限清单" && e.detail.contains("大气污染防治法修正")),
        "{audit:?}"
    );
}

#[test]
fn an_admin_restores_a_backup_after_seeing_both_sides() {
    let (dir, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "admin");
    // No backup yet: the screen says how to make one.
    press(
        &mut a,
        &[KeyCode::Char('u'), KeyCode::Char('s'), KeyCode::Char('R')],
    );
    assert!(matches!(a.stack.last(), Some(Screen::Restore(_))));
    assert!(render(&a, 80, 24).contains("还没有备份"));
    press(&mut a, &[KeyCode::Enter]);
    assert!(a.status.contains("没有可用的备份"), "{}", a.status);
    press(&mut a, &[KeyCode::Esc]);
    // The demo was built on an earlier day: bring its deadline states to today (the
    // daily job) so the file passes the check a backup makes first.
    a.desk
        .recompute_deadlines(chrono::Local::now().date_naive())
        .unwrap();
    a.run_command("backup");
    assert!(a.status.contains("已备份"), "{}", a.status);
    let admin = a.user.clone().unwrap();
    a.desk.set_setting("court", "某某人民法院", &admin).unwrap();
    press(&mut a, &[KeyCode::Char('R')]);
    let (t, backup) = a.desk.list_backups().unwrap().remove(0);
    let folder = backup.parent().unwrap().display().to_string();
    let redact = |s: String| {
        s.replace(&folder, "<备份目录>")
            .replace(&dir.path().display().to_string(), "<dir>")
            .replace(&t.format("%Y-%m-%d %H:%M:%S").to_string(), "<备份时间>")
            .replace(&t.format("%Y%m%d-%H%M%S").to_string(), "<时间>")
    };
    insta::assert_snapshot!("restore_list_80x24", redact(render(&a, 80, 24)));
    insta::assert_snapshot!("restore_list_120x36", redact(render(&a, 120, 36)));
    press(&mut a, &[KeyCode::Enter]);
    let report = render(&a, 120, 36);
    assert!(
        report.contains("[正常]")
            && report.contains("将被替换：")
            && report.contains("用来替换：")
            && report.contains(&backup.file_name().unwrap().to_string_lossy().to_string()),
        "{report}"
    );
    press(&mut a, &[KeyCode::Char('j'), KeyCode::Enter]);
    assert!(a.user.is_none());
    assert!(
        a.status.text.contains(&format!(
            "已从备份 {} 恢复，原数据库已另存在备份目录",
            backup.file_stem().unwrap().to_string_lossy()
        )),
        "{}",
        a.status.text
    );
    assert_ne!(a.desk.store().agency().unwrap().court, "某某人民法院");
    let audit = a.desk.store().recent_audit(1).unwrap();
    assert_eq!(audit[0].action, "从备份恢复");
    let saved = std::fs::read_dir(backup.parent().unwrap())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("before-restore-")
        })
        .count();
    assert_eq!(saved, 1);
    login(&mut a, "admin");
}

/// `:ledger`, `:publish` and `:goods` by the command line, into the app's export folder.
#[test]
fn ledger_and_public_list_export_to_new_names_with_the_full_path() {
    let (dir, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "sunzhen");
    // A year that is not one is refused before anything is written.
    a.run_command("ledger 20x6");
    assert!(a.status.contains("不是年份"), "{}", a.status);
    let out = dir.path().join("导出");
    a.export_dir = Some(out.clone());
    let first = out.join("2026年案件台账.xlsx");
    a.run_command("ledger ２０２６年");
    let cases = a
        .desk
        .ledger_export("2026-01-01".parse().ok(), "2026-12-31".parse().ok())
        .unwrap()
        .cases;
    assert!(cases > 0);
    assert_eq!(
        a.status.to_string(),
        format!("已导出台账 {cases} 行：{}", first.display())
    );
    // Again: a new name beside the first, which stays as the clerk left it.
    std::fs::write(&first, b"edited").unwrap();
    a.run_command("ledger 2026");
    let second = out.join("2026年案件台账 (2).xlsx");
    assert!(
        a.status
            .to_string()
            .ends_with(&second.display().to_string()),
        "{}",
        a.status
    );
    assert_eq!(std::fs::read(&first).unwrap(), b"edited");
    assert!(std::fs::metadata(&second).unwrap().len() > 1000);
    a.run_command("publish");
    let published = a.desk.publish_export(false).unwrap().rows.len();
    let msg = a.status.to_string();
    assert!(
        msg.contains(&format!(
            "已导出公示清单 {published} 条（已遮蔽个人信息）："
        )) && msg.ends_with(&out.join("行政处罚公示.xlsx").display().to_string()),
        "{msg}"
    );
    // The goods register: the demo's fireworks cases hold 82 箱 in two items.
    a.run_command("goods");
    let (rows, _) = a.desk.goods_register().unwrap();
    assert_eq!(rows.len(), 2);
    let msg = a.status.to_string();
    assert!(
        msg == format!(
            "已导出罚没物品 2 项：{}",
            out.join("罚没物品登记簿.xlsx").display()
        ),
        "{msg}"
    );
    assert!(
        std::fs::metadata(out.join("罚没物品登记簿.xlsx"))
            .unwrap()
            .len()
            > 1000
    );
}

#[test]
fn summaries_of_the_filtered_list_print_in_steps_with_a_progress_bar() {
    use crate::domain::case::Stage;
    use crate::store::CaseFilter;
    let (dir, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "sunzhen");
    // The stage with the fewest cases (at least two), so the batch stays short.
    let count = |s: Stage| {
        a.desk
            .store()
            .count_cases(&CaseFilter {
                stage: Some(s),
                ..CaseFilter::default()
            })
            .unwrap()
    };
    let stage = Stage::ALL
        .into_iter()
        .filter(|s| count(*s) >= 2)
        .min_by_key(|s| count(*s))
        .unwrap();
    let n = count(stage);
    press(&mut a, &[KeyCode::Char('c')]);
    a.run_command(&format!("stage {}", stage.name()));
    press(&mut a, &[KeyCode::Char('P')]);
    let Some(Screen::BatchPrint(batch)) = a.stack.last_mut() else {
        panic!("{}", a.status);
    };
    let out = dir.path().join("摘要");
    batch.dir = out.clone();
    let redact = |s: String| s.replace(&out.display().to_string(), "<文件夹>");
    insta::assert_snapshot!("batch_print_ready_80x24", redact(render(&a, 80, 24)));
    insta::assert_snapshot!("batch_print_ready_120x36", redact(render(&a, 120, 36)));
    assert!(render(&a, 80, 24).contains(&format!("阶段 {}", stage.name())));
    // Nothing is written before Enter; then one case per step, the bar moving.
    a.step_screen();
    assert!(!out.exists());
    press(&mut a, &[KeyCode::Enter]);
    assert!(a.busy());
    a.step_screen();
    let screen = render(&a, 80, 24);
    assert!(screen.contains(&format!("1/{n}")), "{screen}");
    insta::assert_snapshot!("batch_print_running_80x24", redact(render(&a, 80, 24)));
    insta::assert_snapshot!("batch_print_running_120x36", redact(render(&a, 120, 36)));
    while a.busy() {
        a.step_screen();
    }
    assert!(
        a.status
            .contains(&format!("已生成 {n} 份案件摘要：{}", out.display())),
        "{}",
        a.status
    );
    let files = std::fs::read_dir(&out).unwrap().count();
    assert_eq!(files, n);
    // Each print is on its case's audit trail.
    let audit = a.desk.store().recent_audit(n as u32).unwrap();
    assert_eq!(
        audit
            .iter()
            .filter(|e| e.summary.contains("案件摘要"))
            .count(),
        n,
        "{audit:?}"
    );
}

#[test]
fn a_batch_stops_on_esc_after_the_case_in_hand() {
    let (dir, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "sunzhen");
    press(&mut a, &[KeyCode::Char('c'), KeyCode::Char('P')]);
    let Some(Screen::BatchPrint(batch)) = a.stack.last_mut() else {
        panic!("{}", a.status);
    };
    let out = dir.path().join("摘要");
    batch.dir = out.clone();
    assert!(render(&a, 120, 36).contains("全部案件"));
    press(&mut a, &[KeyCode::Enter]);
    a.step_screen();
    press(&mut a, &[KeyCode::Esc]);
    assert!(!a.busy());
    a.step_screen();
    assert!(a.status.contains("已停止：生成了 1 份"), "{}", a.status);
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 1);
    press(&mut a, &[KeyCode::Esc]);
    assert!(matches!(a.stack.last(), Some(Screen::Cases(_))));
}
