//! Inspections on screen (issue 18): the records, a record, the new-inspection form, the
//! objects and the plans with a 公示 as snapshots on the demo; by keys alone, an object
//! added (credit code checked as typed), an inspection with a correction, the
//! re-inspection warning on a second one, the 工作台's 复查 line and the 复查 recorded; a
//! plan drawn by its key and its 公示 exported without clobbering.

use super::*;
use crate::domain::inspection::InspectionResult;
use crate::tui::screens::{inspection_form, inspections};
use chrono::Datelike;

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn screen(a: &App) -> &inspections::State {
    match a.stack.last() {
        Some(Screen::Inspections(s)) => s,
        _ => panic!("not on the 检查 screen: {}", a.status),
    }
}

fn form(a: &App) -> &inspection_form::State {
    match a.stack.last() {
        Some(Screen::InspectionForm(f)) => f,
        _ => panic!("no inspection form open: {}", a.status),
    }
}

/// Moves to the field whose key or label is `name`, clears it and types `value`.
fn fill(a: &mut App, values: &[(&str, &str)]) {
    for (name, value) in values {
        let f = form(a);
        let n = f.specs.len();
        let target = f
            .specs
            .iter()
            .position(|s| s.key == *name || s.label == *name)
            .unwrap_or_else(|| panic!("no field {name}"));
        let (focus, len) = (f.form.focus, f.form.raw(target).chars().count());
        for _ in 0..(target + n - focus) % n {
            press(a, &[KeyCode::Tab]);
        }
        for _ in 0..len {
            press(a, &[KeyCode::Backspace]);
        }
        type_text(a, value);
    }
}

/// Moves to field `key` without clearing it.
fn focus(a: &mut App, key: &str) {
    let f = form(a);
    let n = f.specs.len();
    let target = f.specs.iter().position(|s| s.key == key).unwrap();
    for _ in 0..(target + n - f.form.focus) % n {
        press(a, &[KeyCode::Tab]);
    }
}

#[test]
fn the_inspection_screens_on_the_demo() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "sunzhen");
    press(&mut a, &[KeyCode::Char('i')]);
    snapshot_both("inspections", &a);
    let s = screen(&a);
    assert!(
        s.records.len() > 200,
        "the demo's year: {}",
        s.records.len()
    );
    assert!(
        s.records.windows(2).all(|w| w[0].date >= w[1].date),
        "newest first"
    );
    // Every key that acts in the list and in a record is in the help, whole at 80×24.
    for (section, open) in [
        ("inspections", vec![]),
        ("inspection", vec![KeyCode::Enter]),
    ] {
        press(&mut a, &open);
        press(&mut a, &[KeyCode::Char('?')]);
        let help = render(&a, 80, 24);
        let view = a.stack.last().unwrap().view();
        for (keys, desc) in a.keymap.help_where(section, &|act| view.acts(act)) {
            assert!(help.contains(&desc), "{keys} {desc}: {help}");
        }
        press(&mut a, &[KeyCode::Esc]);
    }
    snapshot_both("inspection_record", &a);
    let record = render(&a, 120, 36);
    assert!(
        record.contains("检查人员：") && record.contains("检查结果："),
        "{record}"
    );
    press(&mut a, &[KeyCode::Esc]);
    // The 待复查 filter keeps exactly the corrections whose 复查 is due.
    press(&mut a, &[KeyCode::Char('o')]);
    let due = crate::domain::inspection::rechecks_due(&screen(&a).records, today()).len();
    assert_eq!(screen(&a).shown().len(), due);
    press(&mut a, &[KeyCode::Char('o')]);
    // f changes the period: November only.
    press(&mut a, &[KeyCode::Char('f')]);
    for _ in 0..10 {
        press(&mut a, &[KeyCode::Backspace]);
    }
    type_text(&mut a, "2026-11-01");
    a.on_key(ctrl('s'));
    assert!(
        a.status.contains("期间：2026-11-01 至 2026-11-26"),
        "{}",
        a.status
    );
    let november = screen(&a).records.len();
    assert!(
        november > 0 && november < 40 && screen(&a).records.iter().all(|r| r.date.month() == 11),
        "{november}"
    );
    press(&mut a, &[KeyCode::Char('n')]);
    snapshot_both("inspection_new_form", &a);
    press(&mut a, &[KeyCode::Esc]);
    press(&mut a, &[KeyCode::Tab]);
    snapshot_both("inspection_objects", &a);
    assert_eq!(screen(&a).objects.len(), 12);
    press(&mut a, &[KeyCode::Enter]);
    let history = render(&a, 120, 36);
    assert!(history.contains("2026年检查"), "{history}");
    press(&mut a, &[KeyCode::Esc, KeyCode::Tab]);
    snapshot_both("inspection_plans", &a);
    press(&mut a, &[KeyCode::Enter]);
    snapshot_both("inspection_publication", &a);
    let publication = render(&a, 120, 36);
    assert!(
        publication.contains("随机数种子") && publication.contains("抽取方法"),
        "{publication}"
    );
}

#[test]
fn keys_record_an_inspection_with_a_correction_a_warning_and_its_recheck() {
    let (_d, path) = demo_copy_without_intake();
    let mut a = app(&path);
    login(&mut a, "zhangwei");
    assert!(!render(&a, 80, 24).contains("复查日期未复查"));
    type_text(&mut a, ":inspect");
    press(&mut a, &[KeyCode::Enter]);
    assert!(screen(&a).records.is_empty(), "{}", a.status);
    // An object, its credit code checked as it is typed.
    press(&mut a, &[KeyCode::Tab, KeyCode::Char('n')]);
    fill(
        &mut a,
        &[
            ("name", "合隆镇好运来超市"),
            ("credit_code", "91220122MA0000000X"),
        ],
    );
    let typed = render(&a, 80, 24);
    assert!(typed.contains("校验码"), "{typed}");
    fill(
        &mut a,
        &[
            ("credit_code", "91350100M000100Y43"),
            ("address", "合隆镇兴隆街8号"),
        ],
    );
    a.on_key(ctrl('s'));
    assert!(a.status.contains("已登记检查对象"), "{}", a.status);
    let object = a.desk.store().objects().unwrap()[0].id;
    // The first inspection: a correction ordered, the object picked by its initials.
    press(&mut a, &[KeyCode::BackTab, KeyCode::Char('n')]);
    fill(
        &mut a,
        &[
            ("date", "2026-11-10"),
            ("start", "09:00"),
            ("end", "09:40"),
            ("object", "hyl"),
        ],
    );
    press(&mut a, &[KeyCode::Enter]);
    focus(&mut a, "officers");
    type_text(&mut a, "liqiang");
    press(&mut a, &[KeyCode::Enter]);
    fill(
        &mut a,
        &[
            ("items", "店外占道经营"),
            ("findings", "店外人行道摆放货架三组，占道约6平方米。"),
            ("result", "责令改正"),
            ("content", "撤除店外货架，恢复人行道通行"),
            ("deadline", "2026-11-15"),
            ("recheck_on", "2026-11-20"),
            ("劝导教育（人次）", "1"),
        ],
    );
    a.on_key(ctrl('s'));
    assert!(
        a.status.contains("已登记现场检查") && !a.status.contains("提示"),
        "{}",
        a.status
    );
    let records = a
        .desk
        .store()
        .inspections_between(d("2026-01-01"), today())
        .unwrap();
    assert_eq!(records.len(), 1);
    let first = &records[0];
    assert_eq!(first.object, Some(object));
    assert_eq!(first.place, "合隆镇兴隆街8号", "the object's address");
    assert_eq!(first.officers.len(), 2);
    assert!(matches!(
        first.result,
        InspectionResult::CorrectionOrdered { recheck: None, .. }
    ));
    assert_eq!(first.measures.values().sum::<u32>(), 1);
    // A second, routine inspection ten days later warns on the status line.
    press(&mut a, &[KeyCode::Char('n')]);
    fill(&mut a, &[("date", "2026-11-20"), ("object", "hyl")]);
    press(&mut a, &[KeyCode::Enter]);
    focus(&mut a, "officers");
    type_text(&mut a, "liqiang");
    press(&mut a, &[KeyCode::Enter]);
    fill(&mut a, &[("findings", "货架已撤除。")]);
    a.on_key(ctrl('s'));
    assert!(
        a.status.contains("提示") && a.status.contains("30 天内再次检查"),
        "{}",
        a.status
    );
    // The 工作台 names the 复查 due and the key.
    type_text(&mut a, ":home");
    press(&mut a, &[KeyCode::Enter]);
    let home = render(&a, 80, 24);
    assert!(
        home.contains("检查：1 项责令改正已到复查日期未复查（按 i 查看）"),
        "{home}"
    );
    // 复查 from the record, found by the 待复查 filter.
    press(&mut a, &[KeyCode::Char('i'), KeyCode::Char('o')]);
    assert_eq!(screen(&a).shown().len(), 1);
    press(&mut a, &[KeyCode::Enter]);
    assert!(render(&a, 80, 24).contains("已到复查日期，尚未复查"));
    press(&mut a, &[KeyCode::Char('r')]);
    fill(&mut a, &[("note", "货架已撤除，人行道畅通。")]);
    a.on_key(ctrl('s'));
    assert!(a.status.contains("复查"), "{}", a.status);
    let rechecked = a.desk.store().inspection(first.id).unwrap();
    let InspectionResult::CorrectionOrdered {
        recheck: Some(r), ..
    } = rechecked.result
    else {
        panic!("no 复查: {rechecked:?}");
    };
    assert!(r.corrected);
    assert!(render(&a, 120, 36).contains("已按要求改正"));
    // Once more is refused, and the 工作台's line is gone.
    press(&mut a, &[KeyCode::Char('r')]);
    assert!(a.status.contains("没有待复查"), "{}", a.status);
    type_text(&mut a, ":检查");
    press(&mut a, &[KeyCode::Enter]);
    assert!(matches!(a.stack.last(), Some(Screen::Inspections(_))));
    type_text(&mut a, ":home");
    press(&mut a, &[KeyCode::Enter]);
    assert!(!render(&a, 80, 24).contains("复查日期未复查"));
}

#[test]
fn a_plan_is_drawn_by_its_key_and_its_publication_exported_without_clobbering() {
    let (_d, path) = demo_copy();
    let out = tempfile::tempdir().unwrap();
    let mut a = app(&path);
    a.export_dir = Some(out.path().to_path_buf());
    login(&mut a, "sunzhen");
    press(&mut a, &[KeyCode::Char('i'), KeyCode::Tab, KeyCode::Tab]);
    let before = screen(&a).plans.len();
    press(&mut a, &[KeyCode::Char('n')]);
    fill(
        &mut a,
        &[
            ("name", "2026年12月市容专项抽查"),
            ("from", "2026-12-01"),
            ("to", "2026-12-31"),
            ("scope", "占道经营、户外广告设置"),
            ("count", "2"),
        ],
    );
    a.on_key(ctrl('s'));
    assert!(a.status.contains("已登记抽查计划"), "{}", a.status);
    assert_eq!(screen(&a).plans.len(), before + 1);
    for _ in 0..before {
        press(&mut a, &[KeyCode::Down]);
    }
    assert!(render(&a, 80, 24).contains("未抽取"));
    press(&mut a, &[KeyCode::Char('d')]);
    assert!(a.status.contains("已抽取抽查计划"), "{}", a.status);
    let shown = render(&a, 120, 36);
    assert!(
        shown.contains("2026年12月市容专项抽查") && shown.contains("随机数种子"),
        "{shown}"
    );
    // Drawn once: the key again is refused with the rule.
    press(&mut a, &[KeyCode::Esc, KeyCode::Char('d')]);
    assert!(a.status.contains("不能重新抽取"), "{}", a.status);
    // x writes the 公示 and, the second time, a new name beside it.
    press(&mut a, &[KeyCode::Enter, KeyCode::Char('x')]);
    assert!(
        a.status.contains("已导出公示") && a.status.contains(&out.path().display().to_string()),
        "{}",
        a.status
    );
    press(&mut a, &[KeyCode::Char('x')]);
    let mut files: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files.len(), 2, "{files:?}");
    let text = std::fs::read_to_string(out.path().join(&files[0])).unwrap();
    assert!(text.contains("2026年12月市容专项抽查"), "{text}");
    // p prints the draw's record; on a record, its 笔录 (and 通知书 where it ordered one).
    press(&mut a, &[KeyCode::Char('p')]);
    assert!(
        a.status.contains("已导出双随机抽查抽取记录"),
        "{}",
        a.status
    );
    press(&mut a, &[KeyCode::Esc, KeyCode::BackTab, KeyCode::BackTab]);
    press(&mut a, &[KeyCode::Enter, KeyCode::Char('p')]);
    assert!(
        a.status.contains("已导出现场检查（勘验）笔录"),
        "{}",
        a.status
    );
    let pdfs = std::fs::read_dir(out.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "pdf")
        })
        .count();
    assert_eq!(pdfs, 2);
}

#[test]
fn who_may_not_record_or_draw_is_told_before_the_form_opens() {
    let (_d, path) = demo_copy();
    let mut a = app(&path);
    login(&mut a, "qianli");
    press(&mut a, &[KeyCode::Char('i'), KeyCode::Char('n')]);
    assert!(a.status.contains("不能登记检查事项"), "{}", a.status);
    assert!(matches!(a.stack.last(), Some(Screen::Inspections(_))));
    type_text(&mut a, ":logout");
    press(&mut a, &[KeyCode::Enter]);
    login(&mut a, "zhangwei");
    press(&mut a, &[KeyCode::Char('i'), KeyCode::Tab, KeyCode::Tab]);
    for k in ['n', 'd'] {
        press(&mut a, &[KeyCode::Char(k)]);
        assert!(a.status.contains("不能制定抽查计划"), "{k}: {}", a.status);
        assert!(matches!(a.stack.last(), Some(Screen::Inspections(_))));
    }
}

#[test]
fn objects_are_imported_by_keys_after_the_report_and_not_without_the_confirmation() {
    let (_d, path) = demo_copy_without_intake();
    let files = tempfile::tempdir().unwrap();
    std::fs::write(
        files.path().join("objects.csv"),
        "企业名称,统一社会信用代码,经营地址,领域,风险等级\n\
         好运来超市,91350100M000100Y43,兴隆街8号,城市管理,低风险\n\
         中心广场,,镇中心,CG,一般风险\n",
    )
    .unwrap();
    let mut a = app(&path);
    login(&mut a, "zhangwei");
    type_text(&mut a, ":inspect");
    press(&mut a, &[KeyCode::Enter, KeyCode::Tab]);
    assert!(render(&a, 80, 24).contains("从表格导入"));
    press(&mut a, &[KeyCode::Char('i')]);
    assert!(render(&a, 80, 24).contains("导入检查对象"), "{}", a.status);
    // The folder typed lists its file; Enter takes it, Enter again checks it.
    type_text(&mut a, &format!("{}/", files.path().display()));
    assert!(render(&a, 120, 36).contains("> objects.csv"));
    press(&mut a, &[KeyCode::Enter, KeyCode::Enter]);
    let report = render(&a, 120, 36);
    assert!(
        report.contains("第1列 “企业名称” → 名称") && report.contains("可导入 2 个"),
        "{report}"
    );
    // Esc: nothing written, the path kept.
    press(&mut a, &[KeyCode::Esc]);
    assert!(a.status.contains("未导入"), "{}", a.status);
    assert!(a.desk.store().objects().unwrap().is_empty());
    press(&mut a, &[KeyCode::Enter, KeyCode::Enter]);
    assert!(a.status.contains("已导入检查对象 2 个"), "{}", a.status);
    assert_eq!(screen(&a).objects.len(), 2);
}

/// 回避 from the object's page (行政处罚法第四十三条): recorded with its reason and day, listed
/// there, removed with a reason; both in the audit log.
#[test]
fn a_conflict_is_recorded_and_removed_from_the_object_s_page() {
    let (_d, path) = demo_copy_without_intake();
    let mut a = app(&path);
    login(&mut a, "sunzhen");
    let head = a.desk.store().user_by_username("sunzhen").unwrap().unwrap();
    a.desk
        .add_object(
            crate::domain::inspection::ObjectInput {
                name: "合隆镇好运来超市".into(),
                credit_code: String::new(),
                address: "合隆镇兴隆街8号".into(),
                field: crate::domain::field::Field::UrbanManagement,
                risk: crate::domain::inspection::RiskLevel::Medium,
            },
            &head,
        )
        .unwrap();
    type_text(&mut a, ":inspect");
    press(&mut a, &[KeyCode::Enter, KeyCode::Tab, KeyCode::Enter]);
    let page = render(&a, 120, 36);
    assert!(
        page.contains("h 登记回避") && page.contains("回避（不参加对该对象的检查和抽取）："),
        "{page}"
    );
    press(&mut a, &[KeyCode::Char('h')]);
    fill(
        &mut a,
        &[
            ("officer", "zhangwei"),
            ("reason", "系该超市经营者的近亲属"),
            ("date", "2026-11-20"),
        ],
    );
    a.on_key(ctrl('s'));
    assert!(a.status.contains("已登记回避：张伟"), "{}", a.status);
    let page = render(&a, 120, 36);
    assert!(
        page.contains("张伟  2026-11-20  系该超市经营者的近亲属"),
        "{page}"
    );
    assert_eq!(a.desk.store().conflicts().unwrap().len(), 1);
    snapshot_both("inspection_object_conflicts", &a);
    press(&mut a, &[KeyCode::Char('u')]);
    fill(&mut a, &[("reason", "经营者已变更")]);
    a.on_key(ctrl('s'));
    assert!(a.status.contains("已撤销回避"), "{}", a.status);
    assert!(a.desk.store().conflicts().unwrap().is_empty());
    assert!(render(&a, 120, 36).contains("  无"));
    press(&mut a, &[KeyCode::Char('u')]);
    assert!(a.status.contains("没有登记回避情形"), "{}", a.status);
    // A handler is told who records conflicts before a form opens.
    type_text(&mut a, ":logout");
    press(&mut a, &[KeyCode::Enter]);
    login(&mut a, "zhangwei");
    type_text(&mut a, ":inspect");
    press(
        &mut a,
        &[
            KeyCode::Enter,
            KeyCode::Tab,
            KeyCode::Enter,
            KeyCode::Char('h'),
        ],
    );
    assert!(
        a.status.contains("不能制定抽查计划、抽取或登记回避"),
        "{}",
        a.status
    );
}

/// The form takes items found 合格 and 不合格 and photos; a photo is stored with its SHA-256
/// and shown on the record.
#[test]
fn an_inspection_with_a_failed_item_and_a_photo_by_keys() {
    let (_d, path) = demo_copy_without_intake();
    let files = tempfile::tempdir().unwrap();
    let photo = files.path().join("现场1.jpg");
    std::fs::write(&photo, b"jpeg").unwrap();
    let mut a = app(&path);
    login(&mut a, "zhangwei");
    type_text(&mut a, ":inspect");
    press(&mut a, &[KeyCode::Enter, KeyCode::Char('n')]);
    fill(
        &mut a,
        &[
            ("date", "2026-11-10"),
            ("place", "合隆镇南街"),
            ("items", "门前三包"),
            ("failed_items", "店外堆放"),
            ("findings", "店外堆放纸箱"),
        ],
    );
    focus(&mut a, "officers");
    type_text(&mut a, "liqiang");
    press(&mut a, &[KeyCode::Enter]);
    fill(&mut a, &[("photos", &photo.display().to_string())]);
    // 不合格 with the result left at 合格: refused, the input kept.
    a.on_key(ctrl('s'));
    assert!(a.status.contains("检查结果不能为合格"), "{}", a.status);
    fill(&mut a, &[("result", "转为线索")]);
    a.on_key(ctrl('s'));
    assert!(a.status.contains("（照片 1 张）"), "{}", a.status);
    let records = a
        .desk
        .store()
        .inspections_between(d("2026-11-10"), d("2026-11-10"))
        .unwrap();
    let r = &records[0];
    assert_eq!(r.items, ["门前三包", "店外堆放"]);
    assert_eq!(r.failed_items, ["店外堆放"]);
    assert_eq!(r.photos.len(), 1);
    press(&mut a, &[KeyCode::Enter]);
    let shown = render(&a, 120, 36);
    assert!(
        shown.contains("检查事项：门前三包  合格")
            && shown.contains("检查事项：店外堆放  不合格")
            && shown.contains(&format!("SHA-256 {}", &r.photos[0].sha256[..16])),
        "{shown}"
    );
}
