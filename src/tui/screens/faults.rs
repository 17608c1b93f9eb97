//! 过错责任: the records of fault accountability (行政处罚法第七十六至八十三条、行政强制法
//! 第六十一至六十四条), as `zhifa fault list` shows them; the head records one (`n`: the
//! case by number, the officers from the staff picker, the category from the statutes'
//! list) and follows it up (回车: the outcome). The rules are the desk's (`add_fault`,
//! `set_fault_outcome`), as for `zhifa fault add`.

use std::collections::BTreeMap;

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use crate::desk::NewFault;
use crate::domain::people::User;
use crate::domain::review::fault::{FaultCategory, FaultRecord};
use crate::step_input::{self, FieldKind, FieldSpec};
use crate::tui::action::UiAction;
use crate::tui::app::{Env, Outcome, Screen};
use crate::tui::choices;
use crate::tui::form_core::{self, FormCore, FormStep};
use crate::tui::screens::fields;
use crate::tui::ui;
use crate::tui::view::View;

/// A category as the picker lists it: the article in short, then what it covers (fits 80
/// columns; the full article shows once picked).
fn category_label(c: FaultCategory) -> String {
    let art = c.article();
    let (law, rest) = if let Some(r) = art.strip_prefix("行政处罚法第") {
        ("处罚法", r)
    } else {
        ("强制法", art.strip_prefix("行政强制法第").unwrap_or(art))
    };
    let n = crate::domain::chinese::parse_number(rest.trim_end_matches('条'))
        .map_or(rest.to_string(), |n| format!("{n}条"));
    format!("{law}{n} {}", c.name())
}

fn category_labels() -> &'static [&'static str] {
    choices::interned(
        FaultCategory::ALL
            .iter()
            .map(|c| category_label(*c))
            .collect(),
    )
}

fn add_specs() -> [FieldSpec; 6] {
    [
        FieldSpec {
            key: "case",
            label: "案件",
            hint: "案号、2026-12 或 #编号",
            kind: FieldKind::Text,
        },
        FieldSpec {
            // Not "officers": the two-officer rule of Art 42 is about acting, not fault.
            key: "responsible",
            label: "责任人员",
            hint: "",
            kind: FieldKind::Persons,
        },
        FieldSpec {
            key: "category",
            label: "过错类别",
            hint: "",
            kind: FieldKind::Choice(category_labels()),
        },
        FieldSpec {
            key: "finding",
            label: "认定事实",
            hint: "",
            kind: FieldKind::MultiLine,
        },
        FieldSpec {
            key: "outcome",
            label: "处理结果",
            hint: "可暂空，之后在列表中按回车补记",
            kind: FieldKind::Text,
        },
        FieldSpec {
            key: "date",
            label: "认定日期",
            hint: "",
            kind: FieldKind::Date,
        },
    ]
}

const OUTCOME_SPEC: [FieldSpec; 1] = [FieldSpec {
    key: "outcome",
    label: "处理结果",
    hint: "如 批评教育、通报批评、暂扣执法证",
    kind: FieldKind::Text,
}];

/// One record as listed.
pub struct Row {
    pub record: FaultRecord,
    pub case_no: String,
    pub officers: String,
}

pub enum Mode {
    List,
    Add(Box<FormCore>),
    Follow { id: i64, form: Box<FormCore> },
}

pub struct State {
    pub rows: Vec<Row>,
    pub sel: usize,
    pub mode: Mode,
    pub users: BTreeMap<i64, User>,
    pub today: chrono::NaiveDate,
    pub error: Option<String>,
    /// What the case field names now (number and party), or why not.
    pub case_line: Option<Result<String, String>>,
}

/// Opens the screen for a leader; others are told who may.
pub fn open(env: &mut Env) -> Outcome {
    let Some(u) = env.user else {
        return Outcome::Error("请先登录".into());
    };
    if crate::desk::may_review(u).is_err() && crate::desk::may_record_fault(u).is_err() {
        return Outcome::Error(format!(
            "{} 不是负责人、法制审核员或中队长，不能查看过错责任记录",
            u.name
        ));
    }
    Outcome::Push(Screen::Faults(Box::new(State::load(env))))
}

impl State {
    pub fn load(env: &mut Env) -> State {
        let mut s = State {
            rows: Vec::new(),
            sel: 0,
            mode: Mode::List,
            users: BTreeMap::new(),
            today: env.today,
            error: None,
            case_line: None,
        };
        s.reload(env);
        s
    }

    pub fn reload(&mut self, env: &mut Env) {
        self.error = None;
        self.today = env.today;
        let store = env.desk.store();
        self.users = super::or_note(store.users(), "人员", &mut self.error);
        let faults = super::or_note(store.faults(), "过错责任记录", &mut self.error);
        // Newest first.
        self.rows = faults
            .into_iter()
            .rev()
            .map(|f| Row {
                case_no: store
                    .case_no(f.case_id)
                    .unwrap_or_else(|_| format!("#{}", f.case_id)),
                officers: f
                    .officers
                    .iter()
                    .map(|i| {
                        self.users
                            .get(i)
                            .map_or(format!("#{i}"), |u| u.name.clone())
                    })
                    .collect::<Vec<_>>()
                    .join("、"),
                record: f,
            })
            .collect();
        self.sel = self.sel.min(self.rows.len().saturating_sub(1));
    }

    fn case_line(&self, env: &Env, typed: &str) -> Option<Result<String, String>> {
        if typed.trim().is_empty() {
            return None;
        }
        let store = env.desk.store();
        Some(match store.find_case(typed) {
            Ok(Some(id)) => match store.load_case(id) {
                Ok(c) => Ok(format!(
                    "{} {}",
                    store.case_no(id).unwrap_or_default(),
                    c.parties
                        .first()
                        .map(|p| p.display_name())
                        .unwrap_or_default()
                )),
                Err(e) => Err(e.to_string()),
            },
            Ok(None) => Err(format!(
                "找不到案件“{}”：请填案号、2026-12 或 #编号",
                typed.trim()
            )),
            Err(e) => Err(e.to_string()),
        })
    }

    pub fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        match &mut self.mode {
            Mode::Add(form) => {
                return match form.handle(a) {
                    FormStep::Done(o) => *o,
                    FormStep::Edited => {
                        let typed = form.value(0);
                        self.case_line = self.case_line(env, &typed);
                        Outcome::Stay
                    }
                    FormStep::Other(_) => Outcome::Stay,
                    FormStep::Submit => self.add(env),
                    FormStep::Leave => {
                        self.mode = Mode::List;
                        Outcome::Stay
                    }
                }
            }
            Mode::Follow { id, form } => {
                let id = *id;
                return match form.handle(a) {
                    FormStep::Done(o) => *o,
                    FormStep::Edited | FormStep::Other(_) => Outcome::Stay,
                    FormStep::Submit => {
                        let Some(user) = env.user else {
                            return Outcome::Stay;
                        };
                        let outcome = form.value(0);
                        match env.desk.set_fault_outcome(id, &outcome, user) {
                            Ok(()) => {
                                self.mode = Mode::List;
                                self.reload(env);
                                Outcome::Status(format!(
                                    "已记录过错责任 #{id} 的处理结果：{}",
                                    ui::clean(&outcome)
                                ))
                            }
                            Err(e) => Outcome::Error(e.to_string()),
                        }
                    }
                    FormStep::Leave => {
                        self.mode = Mode::List;
                        Outcome::Stay
                    }
                };
            }
            Mode::List => {}
        }
        match a {
            UiAction::Down => self.sel = (self.sel + 1).min(self.rows.len().saturating_sub(1)),
            UiAction::Up => self.sel = self.sel.saturating_sub(1),
            UiAction::New => {
                if let Some(Err(e)) = env.user.map(crate::desk::may_record_fault) {
                    return Outcome::Error(e);
                }
                let specs = add_specs();
                let today = env.today.to_string();
                let form = FormCore::typed(
                    &specs,
                    ["", "", "", "", "", today.as_str()],
                    &self.users,
                    env,
                );
                self.case_line = None;
                self.mode = Mode::Add(Box::new(form));
            }
            UiAction::Open => {
                if let Some(Err(e)) = env.user.map(crate::desk::may_record_fault) {
                    return Outcome::Error(e);
                }
                let Some(row) = self.rows.get(self.sel) else {
                    return Outcome::Stay;
                };
                let form = FormCore::typed(
                    &OUTCOME_SPEC,
                    [row.record.outcome.as_str()],
                    &self.users,
                    env,
                );
                self.mode = Mode::Follow {
                    id: row.record.id,
                    form: Box::new(form),
                };
            }
            UiAction::Back => return Outcome::Pop(None),
            UiAction::Quit => return Outcome::Quit,
            _ => {}
        }
        Outcome::Stay
    }

    /// Collects the form and records the fault through the desk; a refusal keeps what
    /// was typed.
    fn add(&mut self, env: &mut Env) -> Outcome {
        let Mode::Add(form) = &mut self.mode else {
            return Outcome::Stay;
        };
        let Some(user) = env.user else {
            return Outcome::Stay;
        };
        let specs = add_specs();
        let case_id = match env.desk.store().find_case(&form.value(0)) {
            Ok(Some(id)) => id,
            Ok(None) if form.value(0).is_empty() => {
                return Outcome::Error("请填写案件：案号、2026-12 或 #编号".into())
            }
            Ok(None) => {
                return Outcome::Error(format!(
                    "找不到案件“{}”：请填案号、2026-12 或 #编号",
                    form.value(0)
                ))
            }
            Err(e) => return Outcome::Error(e.to_string()),
        };
        let officers = match step_input::read_persons(&form.value(1), &self.users) {
            Ok(ids) => ids,
            Err(e) => return Outcome::Error(format!("“责任人员”：{e}")),
        };
        let labels = category_labels();
        let Some(category) = step_input::read_choice(&form.value(2), labels)
            .ok()
            .and_then(|l| labels.iter().position(|x| *x == l))
            .map(|i| FaultCategory::ALL[i])
        else {
            return Outcome::Error("请在列表中选择过错类别（↑/↓ 选，回车选定）".into());
        };
        let date = match step_input::read_date(&form.value(5), env.today) {
            Ok(d) => d,
            Err(e) => return Outcome::Error(format!("“{}”：{e}", specs[5].label)),
        };
        let new = NewFault {
            case_id,
            officers,
            category,
            finding: form.raw(3),
            outcome: form.value(4),
            date,
        };
        match env.desk.add_fault(&new, user) {
            Ok(id) => {
                form.saved();
                self.mode = Mode::List;
                self.sel = 0;
                self.reload(env);
                Outcome::Status(format!(
                    "已登记过错责任 #{id}：{}（{}）",
                    category.name(),
                    category.article()
                ))
            }
            Err(e) => Outcome::Error(e.to_string()),
        }
    }
}

fn draw_list(f: &mut Frame, area: Rect, s: &State) {
    let area = ui::load_error(f, area, &s.error);
    if s.rows.is_empty() {
        f.render_widget(
            Paragraph::new("暂无过错责任记录。负责人按 n 登记。").style(ui::dim()),
            area,
        );
        return;
    }
    let mut lines: Vec<Line> = Vec::new();
    let mut sel_at = 0;
    for (i, r) in s.rows.iter().enumerate() {
        let f = &r.record;
        let style = if i == s.sel {
            ui::selected()
        } else {
            ratatui::style::Style::default()
        };
        if i == s.sel {
            sel_at = lines.len();
        }
        let outcome = if f.outcome.is_empty() {
            "待处理".to_string()
        } else {
            ui::clean(&f.outcome)
        };
        lines.push(Line::from(Span::styled(
            format!(
                "#{} {} {} {} → {}",
                f.id,
                f.date,
                ui::clean(&r.case_no),
                f.category.article(),
                outcome
            ),
            style,
        )));
        lines.push(Line::from(format!(
            "    {}：{}",
            ui::clean(&r.officers),
            ui::clean(&f.finding)
        )));
    }
    // Wrapped rows: keep the selected record in sight by scrolling to it.
    let skip = sel_at.saturating_sub(area.height as usize / 2);
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((skip as u16, 0)),
        area,
    );
}

pub fn draw(f: &mut Frame, area: Rect, s: &State) {
    match &s.mode {
        Mode::List => draw_list(f, area, s),
        Mode::Add(form) => {
            let [head, body] =
                Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
            let line = match &s.case_line {
                Some(Ok(c)) => Span::raw(format!("登记过错责任：{}", ui::clean(c))),
                Some(Err(e)) => Span::styled(ui::clean(e), ui::bad()),
                None => Span::styled("登记过错责任（Ctrl-S 提交）", ui::title_style()),
            };
            f.render_widget(Paragraph::new(Line::from(line)), head);
            let specs = add_specs();
            let mut checks = choices::checks(&specs, form, &s.users, s.today);
            // The case is found by the store, not by a reader: its line says it.
            checks[0] = None;
            fields::draw(f, body, &specs, form, &checks);
        }
        Mode::Follow { id, form } => {
            let [head, body] =
                Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(area);
            let rec = s.rows.iter().find(|r| r.record.id == *id);
            let text = rec.map_or(String::new(), |r| {
                format!(
                    "过错责任 #{id} {} {}：补记处理结果",
                    ui::clean(&r.case_no),
                    r.record.category.article()
                )
            });
            f.render_widget(
                Paragraph::new(text)
                    .wrap(Wrap { trim: false })
                    .style(ui::title_style()),
                head,
            );
            let checks = choices::checks(&OUTCOME_SPEC, form, &s.users, s.today);
            fields::draw(f, body, &OUTCOME_SPEC, form, &checks);
        }
    }
}

impl View for State {
    fn title(&self) -> String {
        "过错责任".into()
    }
    fn section(&self) -> &'static str {
        match self.mode {
            Mode::List => "faults",
            Mode::Add(_) | Mode::Follow { .. } => form_core::SECTION,
        }
    }
    fn takes_text(&self) -> bool {
        !matches!(self.mode, Mode::List)
    }
    fn acts(&self, a: UiAction) -> bool {
        match self.mode {
            Mode::List => {
                !matches!(a, UiAction::Open | UiAction::Up | UiAction::Down)
                    || !self.rows.is_empty()
            }
            Mode::Add(_) | Mode::Follow { .. } => a != UiAction::FillAmount,
        }
    }
    fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        State::handle(self, a, env)
    }
    fn paste(&mut self, text: &str, env: &mut Env) -> Outcome {
        let form = match &mut self.mode {
            Mode::Add(form) => form,
            Mode::Follow { form, .. } => form,
            Mode::List => return Outcome::Stay,
        };
        form.paste(text);
        if matches!(self.mode, Mode::Add(_)) {
            if let Mode::Add(form) = &self.mode {
                let typed = form.value(0);
                self.case_line = self.case_line(env, &typed);
            }
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
