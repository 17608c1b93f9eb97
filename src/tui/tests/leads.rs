//! Leads on screen (issue 18): the register, a lead's detail, the new-lead form and a step's
//! form as snapshots; a complaint taken by keys alone from registration through two
//! officers and their findings to a case filed from it, linked both ways; a refusal kept on
//! screen with the input intact; the reporter shown in full only on request, recorded; the
//! 工作台 and the dashboard counting the overdue.

use super::*;
use crate::domain::lead::{LeadActionKind, LeadOutcome, LeadStage};
use crate::step_input::lead as forms;
use crate::store::leads::LeadRow;

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn pairs(values: &[(&str, &str)]) -> Vec<(String, String)> {
    values
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

pub(super) fn user(a: &App, username: &str) -> crate::domain::people::User {
    a.desk
        .store()
        .users()
        .unwrap()
        .into_values()
        .find(|u| u.username == username)
        .unwrap()
}

/// A lead registered through the desk by the head, from the form's fields as typed.
pub(super) fn seed(a: &mut App, values: &[(&str, &str)]) -> LeadRow {
    let users = a.desk.store().users().unwrap();
    let new = forms::build_new_lead(&pairs(values), &users, today()).unwrap();
    let head = user(a, "sunzhen");
    a.desk.register_lead(new, &head, today()).unwrap()
}

/// One step on a seeded lead through the desk, by `who`.
pub(super) fn act(a: &mut App, id: i64, kind: LeadActionKind, who: &str, values: &[(&str, &str)]) {
    let users = a.desk.store().users().unwrap();
    let none = |_: &str| -> Result<(i64, String), String> { Err("no case".into()) };
    let action = forms::build_lead_action(kind, &pairs(values), &users, today(), &none).unwrap();
    let actor = user(a, who);
    a.desk.lead_act(id, None, action, &actor, today()).unwrap();
}

/// Four leads: a complaint told elsewhere whose reporter was not answered, a patrol finding
/// past its verification deadline, a referral not filed, and a named complaint being
/// verified (the newest).
pub(super) fn seed_register(a: &mut App) {
    let told = seed(
        a,
        &[
            ("source", "举报投诉"),
            ("received_on", "2026-10-09"),
            ("reporter_name", "赵举报"),
            ("reporter_phone", "13712345678"),
            ("place", "合隆镇西街"),
            ("allegation", "国道边有人收购野生动物"),
        ],
    );
    for (kind, who, values) in [
        (
            LeadActionKind::Assign,
            "sunzhen",
            &[("date", "2026-10-10"), ("officers", "zhangwei,liqiang")][..],
        ),
        (
            LeadActionKind::RecordFindings,
            "zhangwei",
            &[("date", "2026-10-15"), ("findings", "属森林公安管辖")][..],
        ),
        (
            LeadActionKind::Tell,
            "zhangwei",
            &[("date", "2026-10-20"), ("where_to", "农安县森林公安局")][..],
        ),
    ] {
        act(a, told.lead.id, kind, who, values);
    }
    seed(
        a,
        &[
            ("source", "巡查发现"),
            ("received_on", "2026-10-20"),
            ("place", "合隆镇陈家村路口"),
            ("allegation", "路边违规堆放建筑垃圾约十车"),
        ],
    );
    let referred = seed(
        a,
        &[
            ("source", "部门移送"),
            ("received_on", "2026-11-02"),
            ("place", "合隆镇东岗村"),
            ("allegation", "县生态环境局移送：养殖场粪污直排沟渠"),
        ],
    );
    act(
        a,
        referred.lead.id,
        LeadActionKind::Assign,
        "sunzhen",
        &[("date", "2026-11-03"), ("officers", "zhangwei,liqiang")],
    );
    act(
        a,
        referred.lead.id,
        LeadActionKind::RecordFindings,
        "liqiang",
        &[
            ("date", "2026-11-05"),
            ("findings", "现场未发现直排，已整改"),
        ],
    );
    act(
        a,
        referred.lead.id,
        LeadActionKind::NotFile,
        "sunzhen",
        &[("date", "2026-11-06"), ("reason", "违法事实不存在")],
    );
    let named = seed(
        a,
        &[
            ("source", "举报投诉"),
            ("work_order", "20261118002"),
            ("received_on", "2026-11-18"),
            ("received_time", "21:40"),
            ("reporter_name", "王举报"),
            ("reporter_phone", "13912345678"),
            ("reporter_address", "合隆镇东岗村五组8号"),
            ("place", "合隆镇东岗村"),
            ("allegation", "工地夜间施工噪声扰民，持续到凌晨"),
            ("power", "HJ-001"),
        ],
    );
    act(
        a,
        named.lead.id,
        LeadActionKind::Assign,
        "sunzhen",
        &[("date", "2026-11-19"), ("officers", "zhangwei,liqiang")],
    );
}

fn leads_state(a: &App) -> &crate::tui::screens::leads::State {
    match a.stack.last() {
        Some(Screen::Leads(s)) => s,
        _ => panic!("not on the leads screen: {}", a.status),
    }
}

fn lead_form(a: &App) -> &crate::tui::screens::lead_form::State {
    match a.stack.last() {
        Some(Screen::LeadForm(f)) => f,
        _ => panic!("no lead form open: {}", a.status),
    }
}

/// Opens `step` from the open lead's menu (it must be offered).
fn open_lead_step(a: &mut App, step: LeadActionKind) {
    press(a, &[KeyCode::Char('a')]);
    let index = leads_state(a)
        .detail
        .as_ref()
        .and_then(|d| d.menu.as_ref())
        .and_then(|m| m.items.iter().position(|(k, r)| *k == step && r.is_ok()))
        .unwrap_or_else(|| panic!("{} not offered: {}", step.label(), render(a, 120, 36)));
    for _ in 0..index {
        press(a, &[KeyCode::Down]);
    }
    press(a, &[KeyCode::Enter]);
    assert_eq!(
        lead_form(a).kind,
        match step {
            LeadActionKind::File => crate::tui::screens::lead_form::Kind::File,
            k => crate::tui::screens::lead_form::Kind::Step(k),
        }
    );
}

/// Moves to the field named `key` of the open lead form, clears it and types `value`.
fn fill_lead(a: &mut App, values: &[(&str, &str)]) {
    for (key, value) in values {
        let f = lead_form(a);
        let n = f.specs.len();
        let target = f.specs.iter().position(|s| s.key == *key).unwrap();
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

#[test]
fn the_lead_register_detail_and_forms_on_screen() {
    let (_d, path) = demo_copy_without_intake();
    let mut a = app(&path);
    seed_register(&mut a);
    login(&mut a, "sunzhen");
    press(&mut a, &[KeyCode::Char('l')]);
    snapshot_both("leads", &a);
    // Every key of the list and of the detail that acts is in the help, whole at 80×24.
    for (section, open) in [("leads", vec![]), ("lead", vec![KeyCode::Enter])] {
        press(&mut a, &open);
        press(&mut a, &[KeyCode::Char('?')]);
        let help = render(&a, 80, 24);
        // The keys that act here (打开关联案件 only on a lead with a case).
        let view = a.stack.last().unwrap().view();
        for (keys, desc) in a.keymap.help_where(section, &|act| view.acts(act)) {
            assert!(help.contains(&desc), "{keys} {desc}: {help}");
        }
        press(&mut a, &[KeyCode::Esc]);
    }
    press(&mut a, &[KeyCode::Esc]);
    assert!(leads_state(&a).detail.is_none());
    let list = render(&a, 80, 24);
    assert!(
        list.contains("核查期限")
            && list.contains("已逾期")
            && list.contains("答复期限")
            && list.contains("不予立案"),
        "{list}"
    );
    // The stage filter, the overdue filter and the search narrow the list.
    let shown = |a: &App| leads_state(a).shown().len();
    assert_eq!(shown(&a), 4);
    press(&mut a, &[KeyCode::Tab]);
    assert_eq!(shown(&a), 1, "登记: {}", a.status);
    press(&mut a, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Tab]);
    press(&mut a, &[KeyCode::Char('o')]);
    assert_eq!(shown(&a), 2, "overdue or unanswered");
    press(&mut a, &[KeyCode::Char('o'), KeyCode::Char('/')]);
    type_text(&mut a, "噪声");
    assert_eq!(shown(&a), 1);
    press(&mut a, &[KeyCode::Enter, KeyCode::Enter]);
    snapshot_both("lead_detail", &a);
    let detail = render(&a, 80, 24);
    assert!(
        detail.contains("王**") && !detail.contains("13912345678"),
        "masked: {detail}"
    );
    // v shows the reporter whole, and the log records who looked.
    press(&mut a, &[KeyCode::Char('v')]);
    let full = render(&a, 120, 36);
    assert!(
        full.contains("王举报") && full.contains("13912345678"),
        "{full}"
    );
    let log = a.desk.store().recent_audit(3).unwrap();
    assert!(
        log.iter()
            .any(|e| e.action == "查看举报人信息" && e.user_name == "孙振"),
        "{log:?}"
    );
    press(&mut a, &[KeyCode::Char('v')]);
    assert!(!render(&a, 120, 36).contains("13912345678"));
    // p exports the lead's papers as PDF (the reporter masked again) and logs the print.
    let out = tempfile::tempdir().unwrap();
    a.export_dir = Some(out.path().to_path_buf());
    press(&mut a, &[KeyCode::Char('p')]);
    assert!(a.status.contains("已导出案件来源登记表"), "{}", a.status);
    let files: Vec<_> = std::fs::read_dir(out.path()).unwrap().collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let log = a.desk.store().recent_audit(1).unwrap();
    assert!(log[0].summary.contains("打印文书：线索"), "{log:?}");
    // The head's menu: 延长 may be taken, 登记核查情况 is the verifiers' (shown with why).
    press(&mut a, &[KeyCode::Char('a')]);
    let menu = render(&a, 80, 24);
    assert!(
        menu.contains("可办理  延长核查期限") && menu.contains("不可办  登记核查情况"),
        "{menu}"
    );
    // Esc closes the menu, then the detail.
    press(&mut a, &[KeyCode::Esc, KeyCode::Esc]);
    // A step's form: 分派核查 on the patrol finding, one officer picked, the rule live.
    press(
        &mut a,
        &[KeyCode::Char('/'), KeyCode::Backspace, KeyCode::Backspace],
    );
    type_text(&mut a, "建筑垃圾");
    press(&mut a, &[KeyCode::Enter, KeyCode::Enter]);
    open_lead_step(&mut a, LeadActionKind::Assign);
    press(&mut a, &[KeyCode::Tab]);
    type_text(&mut a, "zhangwei");
    press(&mut a, &[KeyCode::Enter]);
    snapshot_both("lead_step_form", &a);
    let form = render(&a, 80, 24);
    assert!(form.contains("行政处罚法第四十二条"), "{form}");
    // Leaving the changed form asks once; then the detail closes.
    press(&mut a, &[KeyCode::Esc, KeyCode::Esc, KeyCode::Esc]);
    assert!(leads_state(&a).detail.is_none());
    // The new-lead form as it opens.
    press(&mut a, &[KeyCode::Char('n')]);
    snapshot_both("lead_new_form", &a);
}

#[test]
fn a_complaint_goes_by_keys_from_registration_to_a_case_linked_both_ways() {
    let (_d, path) = demo_copy_without_intake();
    let mut a = app(&path);
    login(&mut a, "sunzhen");
    // The 工作台 names the key; the palette opens the same screen.
    press(&mut a, &[KeyCode::Char('?')]);
    assert!(render(&a, 120, 36).contains("线索"));
    press(&mut a, &[KeyCode::Esc]);
    type_text(&mut a, ":leads");
    press(&mut a, &[KeyCode::Enter]);
    assert!(render(&a, 80, 24).contains("暂无线索"), "{}", a.status);
    // 登记线索: a bad phone is refused with everything typed kept.
    press(&mut a, &[KeyCode::Char('n')]);
    fill_lead(
        &mut a,
        &[
            ("work_order", "20261125003"),
            ("received_time", "09:30"),
            ("reporter_name", "刘举报"),
            ("reporter_phone", "12345"),
            ("place", "合隆镇东岗村村东农田"),
            ("allegation", "有人在农田露天焚烧秸秆，浓烟很大。"),
            ("power", "HJ-001"),
        ],
    );
    a.on_key(ctrl('s'));
    assert!(a.status.contains("举报人电话"), "{}", a.status);
    let f = lead_form(&a);
    assert_eq!(f.form.raw(5), "12345");
    assert_eq!(f.form.raw(9), "有人在农田露天焚烧秸秆，浓烟很大。");
    assert!(
        render(&a, 80, 24).contains("举报人电话"),
        "the refusal stays on screen"
    );
    fill_lead(&mut a, &[("reporter_phone", "13812345678")]);
    a.on_key(ctrl('s'));
    assert!(
        a.status.contains("已登记线索 线索〔2026〕1号"),
        "{}",
        a.status
    );
    let id = a.desk.store().find_lead("2026-1").unwrap().unwrap();
    // The menu of a registered lead: its own stage's steps only.
    press(&mut a, &[KeyCode::Enter, KeyCode::Char('a')]);
    let menu = render(&a, 80, 24);
    assert!(
        menu.contains("可办理  分派核查") && !menu.contains("不予立案"),
        "{menu}"
    );
    press(&mut a, &[KeyCode::Esc]);
    // 分派核查: one officer is refused by the two-officer rule, shown as it is picked.
    open_lead_step(&mut a, LeadActionKind::Assign);
    press(&mut a, &[KeyCode::Tab]);
    type_text(&mut a, "zhangwei");
    press(&mut a, &[KeyCode::Enter]);
    assert!(
        render(&a, 80, 24).contains("行政处罚法第四十二条"),
        "the rule shows live"
    );
    a.on_key(ctrl('s'));
    assert!(a.status.contains("行政处罚法第四十二条"), "{}", a.status);
    type_text(&mut a, "liqiang");
    press(&mut a, &[KeyCode::Enter]);
    assert!(render(&a, 80, 24).contains("已选 2 名持证人员"));
    a.on_key(ctrl('s'));
    assert!(a.status.contains("分派核查"), "{}", a.status);
    assert_eq!(
        a.desk.store().load_lead(id).unwrap().lead.stage,
        LeadStage::Verifying
    );
    // The verifier records the findings and files the case from the lead.
    type_text(&mut a, ":logout");
    press(&mut a, &[KeyCode::Enter]);
    login(&mut a, "zhangwei");
    press(&mut a, &[KeyCode::Char('l'), KeyCode::Enter]);
    open_lead_step(&mut a, LeadActionKind::RecordFindings);
    press(&mut a, &[KeyCode::Tab]);
    type_text(&mut a, "现场查见焚烧痕迹约两亩，当事人刘长海承认焚烧。");
    a.on_key(ctrl('s'));
    assert!(a.status.contains("登记核查情况"), "{}", a.status);
    open_lead_step(&mut a, LeadActionKind::File);
    snapshot_both("lead_file_form", &a);
    assert!(
        render(&a, 120, 36).contains(">HJ-001"),
        "the lead's power is found"
    );
    fill_lead(
        &mut a,
        &[
            ("party_name", "刘长海"),
            ("id_no", "220122198001010018"),
            ("address", "农安县合隆镇东岗村3组"),
        ],
    );
    a.on_key(ctrl('s'));
    assert!(a.status.contains("提请立案"), "{}", a.status);
    let lead = a.desk.store().load_lead(id).unwrap().lead;
    let Some(LeadOutcome::Filed {
        case_id,
        case_number,
    }) = lead.outcome().cloned()
    else {
        panic!("not filed: {lead:?}");
    };
    // The lead shows the case's number; the case shows the lead.
    assert!(!case_number.is_empty());
    let detail = render(&a, 120, 36);
    assert!(detail.contains(&case_number), "{detail}");
    let case = a.desk.store().load_case(case_id).unwrap();
    assert_eq!(case.handlers.len(), 2);
    assert_eq!(case.power.power.code, "HJ-001");
    // From the lead to its case by its key, and by the case list's search.
    press(&mut a, &[KeyCode::Char('c')]);
    let basic = render(&a, 120, 36);
    assert!(
        basic.contains(&case_number) && basic.contains("来源线索：线索〔2026〕1号"),
        "{basic}"
    );
    press(&mut a, &[KeyCode::Esc, KeyCode::Esc]);
    open_case(&mut a, &case_number);
    let basic = render(&a, 120, 36);
    assert!(basic.contains("来源线索：线索〔2026〕1号"), "{basic}");
    // Filed once: the lead offers no second outcome.
    assert!(
        crate::domain::lead::available(&lead, &user(&a, "zhangwei"))
            .iter()
            .all(|k| !k.is_outcome()),
        "no second outcome"
    );
}

#[test]
fn the_desk_and_the_dashboard_count_overdue_leads() {
    let (_d, path) = demo_copy_without_intake();
    let mut a = app(&path);
    login(&mut a, "sunzhen");
    assert!(
        !render(&a, 80, 24).contains("超过核查期限"),
        "no line without overdue leads"
    );
    seed_register(&mut a);
    type_text(&mut a, ":home");
    press(&mut a, &[KeyCode::Enter]);
    let home = render(&a, 80, 24);
    assert!(
        home.contains("线索：1 条超过核查期限未处理，1 条未按期答复举报人（按 l 查看）"),
        "{home}"
    );
    press(&mut a, &[KeyCode::Char('t')]);
    let dash = render(&a, 120, 36);
    assert!(
        dash.contains("收到 4 条，未处理 2，逾期 1")
            && dash.contains("来源：举报投诉2 巡查发现1 部门移送1")
            && dash.contains("结果：不予立案1 告知1"),
        "{dash}"
    );
}

#[test]
fn a_legal_reviewer_reads_the_register_but_is_told_who_registers() {
    let (_d, path) = demo_copy_without_intake();
    let mut a = app(&path);
    seed_register(&mut a);
    login(&mut a, "qianli");
    press(&mut a, &[KeyCode::Char('l'), KeyCode::Char('n')]);
    assert!(
        a.status.contains("不能登记线索") && a.status.contains("承办人"),
        "{}",
        a.status
    );
    assert!(matches!(a.stack.last(), Some(Screen::Leads(_))));
    // On the registered patrol finding the menu says who takes its steps, and leaves out
    // those of other stages (不予立案 is decided after verification).
    press(&mut a, &[KeyCode::Char('/')]);
    type_text(&mut a, "建筑垃圾");
    press(
        &mut a,
        &[KeyCode::Enter, KeyCode::Enter, KeyCode::Char('a')],
    );
    let menu = render(&a, 80, 24);
    assert!(
        menu.contains("不可办  分派核查") && !menu.contains("不予立案"),
        "{menu}"
    );
}
