//! 线索: the lead register (案源/线索) as `zhifa lead list` shows it — newest first, filtered
//! by stage and to the overdue, searched over number, place and allegation — and one lead's
//! detail with the reporter masked (shown whole on request, recorded in the audit log as for
//! a party's data) and the menu of its steps: those this user may take now, and the others
//! with the rule that stops them. The forms are `lead_form`; the rules are the domain's,
//! reached through the desk as `zhifa lead …` reaches them.

use std::collections::BTreeMap;

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use crate::desk::leads::{outcome_text, LeadLine};
use crate::domain::case::rule::RuleKind;
use crate::domain::lead::{self, LeadAction, LeadActionKind, LeadSource, LeadStage, ReplyWay};
use crate::domain::people::User;
use crate::text::fit;
use crate::tui::action::UiAction;
use crate::tui::app::{Env, Outcome, Screen};
use crate::tui::input::TextInput;
use crate::tui::screens::lead_form;
use crate::tui::ui;
use crate::tui::view::View;

/// The stage filter's steps, in the order the key cycles through them.
const STAGES: [LeadStage; 3] = [
    LeadStage::Registered,
    LeadStage::Verifying,
    LeadStage::Decided,
];

pub struct Menu {
    pub items: Vec<(LeadActionKind, Result<(), String>)>,
    pub sel: usize,
}

/// One lead open.
pub struct Detail {
    pub id: i64,
    /// The reporter in full (each reveal is recorded).
    pub full: bool,
    pub scroll: u16,
    pub menu: Option<Menu>,
}

pub struct State {
    keys: Keys,
    /// Every lead with its deadlines as of today, newest first.
    pub lines: Vec<LeadLine>,
    /// The selection among the leads shown (after the filters).
    pub sel: usize,
    pub stage: Option<LeadStage>,
    pub overdue_only: bool,
    pub query: TextInput,
    pub searching: bool,
    pub detail: Option<Detail>,
    pub users: BTreeMap<i64, User>,
    pub error: Option<String>,
}

/// Opens the register (everyone may read it; the steps say who may take them).
pub fn open(env: &mut Env) -> Outcome {
    if env.user.is_none() {
        return Outcome::Error("请先登录".into());
    }
    Outcome::Push(Screen::Leads(Box::new(State::load(env))))
}

/// The leads filed as or merged into a case, as the case's 基本信息 names them.
pub fn of_case(env: &Env, case_id: i64) -> String {
    match env.desk.store().leads_of_case(case_id) {
        Ok(rows) => rows
            .iter()
            .map(|r| r.number.clone())
            .collect::<Vec<_>>()
            .join("、"),
        Err(e) => format!("无法读取：{e}"),
    }
}

impl State {
    pub fn load(env: &mut Env) -> State {
        let mut s = State {
            keys: Keys::new(env),
            lines: Vec::new(),
            sel: 0,
            stage: None,
            overdue_only: false,
            query: TextInput::default(),
            searching: false,
            detail: None,
            users: BTreeMap::new(),
            error: None,
        };
        s.reload(env);
        s
    }

    pub fn reload(&mut self, env: &mut Env) {
        self.error = None;
        self.users = super::or_note(env.desk.store().users(), "人员", &mut self.error);
        self.lines = super::or_note(env.desk.lead_lines(env.today), "线索", &mut self.error);
        self.sel = self.sel.min(self.shown().len().saturating_sub(1));
        if let Some(d) = &mut self.detail {
            // A menu opened on the lead as it was is closed: its steps may have changed.
            d.menu = None;
        }
    }

    /// The leads the filters and the search let through, newest first.
    pub fn shown(&self) -> Vec<&LeadLine> {
        let q = self.query.value.trim().to_lowercase();
        self.lines
            .iter()
            .filter(|l| self.stage.is_none_or(|s| l.row.lead.stage == s))
            .filter(|l| !self.overdue_only || l.overdue || l.reply_overdue)
            .filter(|l| {
                q.is_empty()
                    || [&l.row.number, &l.row.lead.place, &l.row.lead.allegation]
                        .iter()
                        .any(|t| t.to_lowercase().contains(&q))
            })
            .collect()
    }

    fn open_line(&self) -> Option<&LeadLine> {
        let id = self.detail.as_ref()?.id;
        self.lines.iter().find(|l| l.row.lead.id == id)
    }

    /// The case the open lead was filed as or merged into.
    fn linked_case(&self) -> Option<i64> {
        self.open_line()?.row.lead.outcome()?.case_id()
    }

    fn name(&self, id: &i64) -> String {
        self.users
            .get(id)
            .map_or_else(|| format!("#{id}"), |u| u.name.clone())
    }

    fn cycle_stage(&mut self, forward: bool) -> Outcome {
        let at = self.stage.and_then(|s| STAGES.iter().position(|x| *x == s));
        self.stage = match (at, forward) {
            (None, true) => Some(STAGES[0]),
            (None, false) => Some(STAGES[STAGES.len() - 1]),
            (Some(i), true) => STAGES.get(i + 1).copied(),
            (Some(0), false) => None,
            (Some(i), false) => STAGES.get(i - 1).copied(),
        };
        self.sel = 0;
        Outcome::Status(match self.stage {
            Some(s) => format!("只看“{}”阶段的线索", s.name()),
            None => "显示全部阶段的线索".into(),
        })
    }

    pub fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        if self.searching {
            match a {
                UiAction::Input(c) => {
                    self.query.push(c);
                    self.sel = 0;
                }
                UiAction::DeleteBack => {
                    self.query.backspace();
                    self.sel = 0;
                }
                UiAction::Submit => self.searching = false,
                UiAction::Back => {
                    self.searching = false;
                    self.query = TextInput::default();
                    self.sel = 0;
                }
                _ => {}
            }
            return Outcome::Stay;
        }
        if self.detail.is_some() {
            return self.handle_detail(a, env);
        }
        match a {
            UiAction::Down => {
                self.sel = (self.sel + 1).min(self.shown().len().saturating_sub(1));
            }
            UiAction::Up => self.sel = self.sel.saturating_sub(1),
            UiAction::Search => self.searching = true,
            UiAction::NextTab => return self.cycle_stage(true),
            UiAction::PrevTab => return self.cycle_stage(false),
            UiAction::ToggleOverdue => {
                self.overdue_only = !self.overdue_only;
                self.sel = 0;
                return Outcome::Status(
                    if self.overdue_only {
                        "只看逾期未处理或未按期答复举报人的线索"
                    } else {
                        "显示全部线索"
                    }
                    .into(),
                );
            }
            UiAction::New => {
                let roles = lead::workflow::REGISTERING_ROLES;
                if let Some(u) = env.user.filter(|u| !roles.iter().any(|r| u.has(*r))) {
                    let names: Vec<&str> = roles.iter().map(|r| r.name()).collect();
                    return Outcome::Error(format!(
                        "{} 不能登记线索：线索由{}登记",
                        u.name,
                        names.join("、")
                    ));
                }
                return Outcome::Push(lead_form::new_lead(env));
            }
            UiAction::Open => {
                if let Some(l) = self.shown().get(self.sel) {
                    self.detail = Some(Detail {
                        id: l.row.lead.id,
                        full: false,
                        scroll: 0,
                        menu: None,
                    });
                    // A filter's message is about the list, not the lead.
                    return Outcome::Status(String::new());
                }
            }
            UiAction::Back => return Outcome::Pop(None),
            UiAction::Quit => return Outcome::Quit,
            _ => {}
        }
        Outcome::Stay
    }

    fn handle_detail(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        let Some(d) = self.detail.as_mut() else {
            return Outcome::Stay;
        };
        if let Some(menu) = &mut d.menu {
            match a {
                UiAction::Down => menu.sel = (menu.sel + 1).min(menu.items.len().saturating_sub(1)),
                UiAction::Up => menu.sel = menu.sel.saturating_sub(1),
                UiAction::Back => d.menu = None,
                UiAction::Open => {
                    let Some((kind, allowed)) = menu.items.get(menu.sel).cloned() else {
                        return Outcome::Error("这条线索现在没有您可以办理的环节".into());
                    };
                    if let Err(e) = allowed {
                        return Outcome::Error(format!("不能{}：{e}", kind.label()));
                    }
                    d.menu = None;
                    let Some(line) = self.open_line() else {
                        return Outcome::Stay;
                    };
                    return Outcome::Push(lead_form::step(&line.row, kind, env));
                }
                UiAction::Quit => return Outcome::Quit,
                _ => {}
            }
            return Outcome::Stay;
        }
        match a {
            UiAction::Down => d.scroll = d.scroll.saturating_add(1),
            UiAction::Up => d.scroll = d.scroll.saturating_sub(1),
            UiAction::Menu | UiAction::Open => return self.open_menu(env),
            UiAction::RevealPersonal => return self.toggle_reporter(env),
            // The reporter whole only while revealed (that reveal is already recorded).
            UiAction::PrintDoc => {
                let (id, full) = (d.id, d.full);
                let papers = crate::documents::intake::lead(env.desk.store(), id, None, full);
                return crate::tui::exports::papers(env, papers);
            }
            UiAction::GoCases => {
                let Some(case_id) = self.linked_case() else {
                    return Outcome::Error("这条线索尚未立案或并案，没有关联的案件".into());
                };
                return match super::case_view::State::load(case_id, env) {
                    Ok(view) => Outcome::Push(Screen::Case(Box::new(view))),
                    Err(e) => Outcome::Error(e),
                };
            }
            UiAction::Back => self.detail = None,
            UiAction::Quit => return Outcome::Quit,
            _ => {}
        }
        Outcome::Stay
    }

    /// The steps this user may take now, then those refused by role or by the separation
    /// of duties (a step of another stage is left out, as on a case).
    fn open_menu(&mut self, env: &Env) -> Outcome {
        let Some(user) = env.user else {
            return Outcome::Error("请先登录".into());
        };
        let Some(lead) = self.open_line().map(|l| l.row.lead.clone()) else {
            return Outcome::Stay;
        };
        let today = env.today;
        // The step's own gate on a blank form: only who may take it is known before the
        // form is filled (the verifiers record, others approve).
        let duty = |k: LeadActionKind| -> Result<(), String> {
            let verdict = env
                .desk
                .rule_ctx(today, |ctx| blank(k, today).gate(&lead, ctx, user));
            match verdict {
                Ok(Err(e)) if e.kind == RuleKind::Role => Err(e.to_string()),
                _ => Ok(()),
            }
        };
        let mut items: Vec<(LeadActionKind, Result<(), String>)> = LeadActionKind::ALL
            .into_iter()
            // Steps of another stage are left out even when the role also refuses them.
            .filter(|k| k.stages().contains(&lead.stage))
            .filter_map(|k| match lead::precheck(&lead, k, user) {
                Ok(()) => Some((k, duty(k))),
                Err(e) if e.kind == RuleKind::Stage => None,
                Err(e) => Some((k, Err(e.to_string()))),
            })
            .collect();
        items.sort_by_key(|(_, r)| r.is_err());
        if let Some(d) = &mut self.detail {
            d.menu = Some(Menu { items, sel: 0 });
        }
        Outcome::Stay
    }

    /// Shows the reporter in full after recording who asked; hides it again unrecorded.
    fn toggle_reporter(&mut self, env: &mut Env) -> Outcome {
        let Some(d) = self.detail.as_mut() else {
            return Outcome::Stay;
        };
        if d.full {
            d.full = false;
            return Outcome::Status("已隐去举报人完整信息".into());
        }
        let Some(user) = env.user else {
            return Outcome::Error("请先登录".into());
        };
        let who = crate::store::Who::user(user);
        match env.desk.store_mut().record_lead_access(d.id, &who) {
            Ok(()) => {
                d.full = true;
                Outcome::Status(format!(
                    "已显示举报人完整信息（已记入审计记录）；再按 {} 隐去",
                    self.keys.reveal
                ))
            }
            Err(e) => Outcome::Error(format!("无法记录查看，未显示完整信息（{e}）")),
        }
    }

    /// The open lead, every field, as the detail shows it.
    fn detail_lines(&self, l: &LeadLine, full: bool) -> Vec<String> {
        let lead = &l.row.lead;
        let mut out = Vec::new();
        let work_order = match &lead.source {
            LeadSource::Complaint { work_order } if !work_order.is_empty() => {
                format!("（12345工单 {work_order}）")
            }
            _ => String::new(),
        };
        out.push(format!("来源：{}{work_order}", lead.source.kind().name()));
        out.push(format!(
            "收到：{}{}，登记人 {}",
            lead.received_on,
            if lead.received_time.is_empty() {
                String::new()
            } else {
                format!(" {}", lead.received_time)
            },
            self.name(&lead.received_by)
        ));
        let r = lead::shown_reporter(&lead.reporter, full);
        let contact: Vec<String> = [
            ("电话", &r.phone),
            ("身份证号", &r.id_number),
            ("住址", &r.address),
        ]
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k} {v}"))
        .collect();
        out.push(format!("举报人：{}  {}", r.name, contact.join("  ")));
        if lead.reporter.is_named() && !full {
            out.push(format!(
                "  （举报人信息保密，已部分隐去；按 {} 显示完整信息，将记入审计记录）",
                self.keys.reveal
            ));
        }
        out.push(format!("地点：{}", lead.place));
        out.push(format!("反映的问题：{}", lead.allegation));
        out.push(format!(
            "可能涉及的事项：{}",
            lead.power_code.as_deref().unwrap_or("未定")
        ));
        for a in &lead.attachments {
            out.push(format!("附件：{}（{} 字节）", a.file_name, a.size));
        }
        if let Some(v) = &lead.verification {
            let officers: Vec<String> = v.officers.iter().map(|i| self.name(i)).collect();
            out.push(format!(
                "核查人员：{}（{} 由 {} 分派）",
                officers.join("、"),
                v.assigned_on,
                self.name(&v.assigned_by)
            ));
            match &v.findings {
                Some((d, f)) => out.push(format!("核查情况（{d}）：{f}")),
                None => out.push("核查情况：尚未登记".into()),
            }
        }
        if let Some(e) = &lead.extension {
            out.push(format!(
                "延长核查期限：{} 经 {} 批准，理由：{}",
                e.date,
                self.name(&e.approved_by),
                e.reason
            ));
        }
        match (&lead.decision, l.due) {
            (Some(d), _) => out.push(format!(
                "处理结果（{}，{}）：{}",
                d.date,
                self.name(&d.by),
                outcome_text(&d.outcome)
            )),
            (None, Some(due)) => out.push(format!(
                "核查期限：{due}{}",
                if l.overdue { "（已逾期）" } else { "" }
            )),
            (None, None) => out.push("核查期限：无法计算（缺少节假日表）".into()),
        }
        if let Some(due) = l.reply_due {
            out.push(format!(
                "答复举报人期限：{due}{}",
                if l.reply_overdue {
                    "（已逾期）"
                } else {
                    ""
                }
            ));
        }
        for rp in &lead.replies {
            out.push(format!(
                "答复举报人（{}，{}，{}）：{}",
                rp.date,
                crate::domain::serde_name(&rp.way),
                self.name(&rp.by),
                rp.content
            ));
        }
        out
    }
}

/// Step `k` with nothing filled in, for asking its gate who may take it.
fn blank(k: LeadActionKind, date: chrono::NaiveDate) -> LeadAction {
    use LeadActionKind as K;
    let case_id = 0;
    let (reason, case_number) = (String::new(), String::new());
    match k {
        K::Assign => LeadAction::Assign {
            date,
            officers: Vec::new(),
        },
        K::RecordFindings => LeadAction::RecordFindings {
            date,
            findings: reason,
            attachments: Vec::new(),
        },
        K::Extend => LeadAction::Extend { date, reason },
        K::File => LeadAction::File {
            date,
            case_id,
            case_number,
        },
        K::NotFile => LeadAction::NotFile { date, reason },
        K::Transfer => LeadAction::Transfer {
            date,
            to: String::new(),
            judicial: false,
            reason,
        },
        K::Merge => LeadAction::Merge {
            date,
            case_id,
            case_number,
        },
        K::Tell => LeadAction::Tell {
            date,
            where_to: reason,
        },
        K::Reply => LeadAction::Reply {
            date,
            way: ReplyWay::Phone,
            content: reason,
        },
    }
}

/// The stage, or the outcome once decided.
fn stage_text(l: &LeadLine) -> String {
    match l.row.lead.outcome() {
        Some(o) => o.kind().name(),
        None => l.row.lead.stage.name(),
    }
}

/// The verification deadline as a column: overdue marked, nothing once decided.
fn due_text(l: &LeadLine) -> String {
    if l.overdue {
        let due = l.due.map(|d| d.to_string()).unwrap_or_default();
        return format!("核查期限 {due} 已逾期");
    }
    if l.reply_overdue {
        let due = l.reply_due.map(|d| d.to_string()).unwrap_or_default();
        return format!("答复期限 {due} 已逾期");
    }
    match (l.row.lead.decision.is_none(), l.due) {
        (true, Some(d)) => format!("核查期限 {d}"),
        _ => String::new(),
    }
}

fn draw_list(f: &mut Frame, area: Rect, s: &State) {
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let shown = s.shown();
    let mut filters = vec![
        format!("线索 {}/{} 条", shown.len(), s.lines.len()),
        format!(
            "阶段：{}（{}）",
            s.stage.map_or("全部".into(), |st| st.name()),
            s.keys.stage
        ),
        format!(
            "只看逾期：{}（{}）",
            if s.overdue_only { "是" } else { "否" },
            s.keys.overdue
        ),
    ];
    if s.searching || !s.query.value.is_empty() {
        filters.push(format!(
            "搜索：{}{}",
            ui::clean(&s.query.value),
            if s.searching { "_" } else { "" }
        ));
    } else {
        filters.push(format!("搜索（{}）", s.keys.search));
    }
    f.render_widget(
        Paragraph::new(Span::styled(filters.join("  "), ui::title_style())),
        head,
    );
    let body = ui::load_error(f, body, &s.error);
    if shown.is_empty() {
        let msg = if s.lines.is_empty() {
            format!("暂无线索。按 {} 登记线索。", s.keys.new)
        } else {
            "没有符合条件的线索".to_string()
        };
        f.render_widget(Paragraph::new(msg).style(ui::dim()), body);
        return;
    }
    // Each lead on two rows: the number (线索〔2026〕123号 is 17 cells), received, source,
    // stage or outcome and deadline; then the place and the allegation, wrapped whole.
    let widths = [18, 11, 9, 10];
    let mut lines: Vec<Line> = Vec::new();
    let mut sel_at = 0;
    for (i, l) in shown.iter().enumerate() {
        let lead = &l.row.lead;
        let style = if i == s.sel {
            sel_at = lines.len();
            ui::selected()
        } else if l.overdue || l.reply_overdue {
            ui::bad()
        } else {
            ratatui::style::Style::default()
        };
        lines.push(Line::from(Span::styled(
            format!(
                "{}{}{}{}{}",
                fit(&l.row.number, widths[0]),
                fit(&lead.received_on.to_string(), widths[1]),
                fit(&lead.source.kind().name(), widths[2]),
                fit(&stage_text(l), widths[3]),
                due_text(l)
            ),
            style,
        )));
        lines.push(Line::from(format!(
            "    {}：{}",
            ui::clean(&lead.place),
            ui::clean(&lead.allegation.replace('\n', " "))
        )));
    }
    // Wrapped rows: keep the selected lead in sight by scrolling to it.
    let skip = sel_at.saturating_sub(body.height as usize / 2);
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((skip as u16, 0)),
        body,
    );
}

fn draw_detail(f: &mut Frame, area: Rect, s: &State, d: &Detail) {
    let Some(l) = s.open_line() else {
        f.render_widget(
            Paragraph::new("这条线索已不在列表中").style(ui::bad()),
            area,
        );
        return;
    };
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let head_text = format!(
        "{}  [{}]  {}",
        l.row.number,
        stage_text(l),
        l.row.lead.source.kind().name()
    );
    f.render_widget(Paragraph::new(Span::styled(head_text, ui::warn())), head);
    let body = ui::load_error(f, body, &s.error);
    let lines: Vec<Line> = s
        .detail_lines(l, d.full)
        .into_iter()
        .map(|t| Line::from(ui::clean(&t)))
        .collect();
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((d.scroll, 0)),
        body,
    );
    if let Some(menu) = &d.menu {
        draw_menu(f, area, menu, &s.keys.menu_title);
    }
}

fn draw_menu(f: &mut Frame, area: Rect, menu: &Menu, title: &str) {
    let inner = ui::popup(
        f,
        ui::centered(area, 76, area.height.saturating_sub(2)),
        title,
    );
    let mut lines: Vec<Line> = Vec::new();
    for (i, (k, r)) in menu.items.iter().enumerate() {
        let text = match r {
            Ok(()) => format!("可办理  {}", k.label()),
            Err(e) => format!("不可办  {}：{e}", k.label()),
        };
        let style = if i == menu.sel {
            ui::selected()
        } else if r.is_ok() {
            ratatui::style::Style::default()
        } else {
            ui::dim()
        };
        for row in ui::wrap_columns(&ui::clean(&text), inner.width as usize, 8) {
            lines.push(Line::from(Span::styled(row, style)));
        }
    }
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(
            "这条线索现在没有您可以办理的环节",
            ui::dim(),
        )));
    }
    f.render_widget(Paragraph::new(lines), inner);
}

pub fn draw(f: &mut Frame, area: Rect, s: &State) {
    match &s.detail {
        Some(d) => draw_detail(f, area, s, d),
        None => draw_list(f, area, s),
    }
}

impl View for State {
    fn title(&self) -> String {
        match self.open_line() {
            Some(l) => l.row.number.clone(),
            None => "线索".into(),
        }
    }
    fn section(&self) -> &'static str {
        match &self.detail {
            _ if self.searching => "search",
            Some(d) if d.menu.is_some() => "menu",
            Some(_) => "lead",
            None => "leads",
        }
    }
    fn takes_text(&self) -> bool {
        self.searching
    }
    fn acts(&self, a: UiAction) -> bool {
        match &self.detail {
            Some(d) => d.menu.is_some() || a != UiAction::GoCases || self.linked_case().is_some(),
            None => {
                !matches!(a, UiAction::Open | UiAction::Up | UiAction::Down)
                    || !self.shown().is_empty()
            }
        }
    }
    fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        State::handle(self, a, env)
    }
    fn paste(&mut self, text: &str, _env: &mut Env) -> Outcome {
        if self.searching {
            self.query.paste(text, false, " ");
            self.sel = 0;
        }
        Outcome::Stay
    }
    fn reload(&mut self, env: &mut Env) {
        State::reload(self, env)
    }
    fn draw(&self, f: &mut Frame, area: Rect) {
        draw(f, area, self)
    }
}

/// The key letters the screen names in its own lines, as the keymap binds them.
struct Keys {
    reveal: String,
    search: String,
    stage: String,
    overdue: String,
    new: String,
    menu_title: String,
}

impl Keys {
    fn new(env: &Env) -> Keys {
        let key = |section, a| env.keymap.key_label(section, a);
        Keys {
            reveal: key("lead", UiAction::RevealPersonal),
            search: key("leads", UiAction::Search),
            stage: key("leads", UiAction::NextTab),
            overdue: key("leads", UiAction::ToggleOverdue),
            new: key("leads", UiAction::New),
            menu_title: format!(
                "办理环节（{} 办理，{} 关闭）",
                key("menu", UiAction::Open),
                key("menu", UiAction::Back)
            ),
        }
    }
}
