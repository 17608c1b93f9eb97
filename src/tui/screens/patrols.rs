//! 巡查记录: the hand-typed patrol log of a period and the summary sentence (`zhifa patrol
//! list/summary`), whose numbers come from the inspection records and cases as well as this
//! log (`Desk::patrol_tally`); `n` records one (date, place, who took part from the
//! staff picker, a count per outcome, a note) through the desk's `add_patrol`, as
//! `zhifa patrol add` does; `f` changes the period.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use crate::desk::NewPatrol;
use crate::domain::patrol::{self, Patrol};
use crate::domain::people::User;
use crate::step_input::{self, FieldKind, FieldSpec};
use crate::tui::action::UiAction;
use crate::tui::app::{Env, Outcome, Screen};
use crate::tui::choices;
use crate::tui::form_core::{self, FormCore, FormStep};
use crate::tui::screens::fields;
use crate::tui::ui;
use crate::tui::view::View;

const PERIOD: [FieldSpec; 2] = [
    FieldSpec {
        key: "from",
        label: "巡查日期自",
        hint: "",
        kind: FieldKind::Date,
    },
    FieldSpec {
        key: "to",
        label: "至",
        hint: "",
        kind: FieldKind::Date,
    },
];

/// Fields before the outcome counts, and the note after them.
const HEAD: usize = 3;

/// The form of one inspection: date, place, who, one count per outcome (labelled with its
/// unit), note.
fn add_specs() -> Vec<FieldSpec> {
    let labels = choices::interned(
        patrol::typed_outcomes()
            .iter()
            .map(|o| format!("{}（{}）", o.name(), o.unit()))
            .collect(),
    );
    let mut specs = vec![
        FieldSpec {
            key: "date",
            label: "巡查日期",
            hint: "",
            kind: FieldKind::Date,
        },
        FieldSpec {
            key: "place",
            label: "巡查地点",
            hint: "",
            kind: FieldKind::Text,
        },
        FieldSpec {
            key: "with",
            label: "同行人员",
            hint: "本人自动计入",
            kind: FieldKind::Persons,
        },
    ];
    specs.extend(labels.iter().map(|l| FieldSpec {
        key: "count",
        label: l,
        hint: "空则为 0",
        kind: FieldKind::Count,
    }));
    specs.push(FieldSpec {
        key: "note",
        label: "备注",
        hint: "",
        kind: FieldKind::Text,
    });
    specs
}

pub enum Mode {
    List,
    Add(Box<FormCore>),
    Period(Box<FormCore>),
}

pub struct State {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub patrols: Vec<Patrol>,
    /// The period's tallies from every record (inspections, cases, this log).
    pub tally: patrol::PatrolTally,
    pub sel: usize,
    pub mode: Mode,
    pub users: BTreeMap<i64, User>,
    pub today: NaiveDate,
    pub error: Option<String>,
}

pub fn open(env: &mut Env) -> Outcome {
    if env.user.is_none() {
        return Outcome::Error("请先登录".into());
    }
    Outcome::Push(Screen::Patrols(Box::new(State::load(env))))
}

impl State {
    pub fn load(env: &mut Env) -> State {
        let mut s = State {
            from: NaiveDate::from_ymd_opt(env.today.year(), env.today.month(), 1)
                .unwrap_or(env.today),
            to: env.today,
            patrols: Vec::new(),
            tally: patrol::PatrolTally::default(),
            sel: 0,
            mode: Mode::List,
            users: BTreeMap::new(),
            today: env.today,
            error: None,
        };
        s.reload(env);
        s
    }

    pub fn reload(&mut self, env: &mut Env) {
        self.error = None;
        self.today = env.today;
        let store = env.desk.store();
        self.users = super::or_note(store.users(), "人员", &mut self.error);
        let mut ps = super::or_note(
            store.patrols_between(self.from, self.to),
            "巡查记录",
            &mut self.error,
        );
        ps.reverse();
        self.patrols = ps;
        self.tally = super::or_note(
            env.desk.patrol_tally(self.from, self.to),
            "巡查统计",
            &mut self.error,
        );
        self.sel = self.sel.min(self.patrols.len().saturating_sub(1));
    }

    fn add(&mut self, env: &mut Env) -> Outcome {
        let Mode::Add(form) = &mut self.mode else {
            return Outcome::Stay;
        };
        let Some(user) = env.user else {
            return Outcome::Stay;
        };
        let specs = add_specs();
        let field = |i: usize, e: String| format!("“{}”：{e}", specs[i].label);
        let date = match step_input::read_date(&form.value(0), env.today) {
            Ok(d) => d,
            Err(e) => return Outcome::Error(field(0, e)),
        };
        let officers = match form.value(2) {
            v if v.is_empty() => Vec::new(),
            v => match step_input::read_persons(&v, &self.users) {
                Ok(ids) => ids,
                Err(e) => return Outcome::Error(field(2, e)),
            },
        };
        let mut outcomes = BTreeMap::new();
        for (k, o) in patrol::typed_outcomes().iter().enumerate() {
            let i = HEAD + k;
            let v = form.value(i);
            if v.is_empty() {
                continue;
            }
            match step_input::read_count(&v) {
                Ok(0) => {}
                Ok(n) => {
                    outcomes.insert(*o, n);
                }
                Err(e) => return Outcome::Error(field(i, e)),
            }
        }
        let new = NewPatrol {
            date,
            place: form.value(1),
            officers,
            outcomes,
            note: form.value(specs.len() - 1),
        };
        match env.desk.add_patrol(&new, user, env.today) {
            Ok(id) => {
                form.saved();
                self.mode = Mode::List;
                if date < self.from || date > self.to {
                    // Show the period the new record is in.
                    self.from =
                        NaiveDate::from_ymd_opt(date.year(), date.month(), 1).unwrap_or(date);
                    self.to = self.to.max(date);
                }
                self.sel = 0;
                self.reload(env);
                Outcome::Status(format!(
                    "已登记巡查 #{id}：{} {}",
                    date,
                    ui::clean(new.place.trim())
                ))
            }
            Err(e) => Outcome::Error(e.to_string()),
        }
    }

    fn set_period(&mut self, env: &mut Env) -> Outcome {
        let Mode::Period(form) = &self.mode else {
            return Outcome::Stay;
        };
        let read = |i: usize| {
            step_input::read_date(&form.value(i), env.today)
                .map_err(|e| format!("“{}”：{e}", PERIOD[i].label))
        };
        match (read(0), read(1)) {
            (Ok(f), Ok(t)) if f <= t => {
                self.from = f;
                self.to = t;
                self.mode = Mode::List;
                self.sel = 0;
                self.reload(env);
                Outcome::Status(format!("期间：{f} 至 {t}"))
            }
            (Ok(f), Ok(t)) => Outcome::Error(format!("起日 {f} 晚于止日 {t}，请改正")),
            (Err(e), _) | (_, Err(e)) => Outcome::Error(e),
        }
    }

    pub fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        let step = match &mut self.mode {
            Mode::Add(form) | Mode::Period(form) => Some(form.handle(a)),
            Mode::List => None,
        };
        if let Some(step) = step {
            return match step {
                FormStep::Done(o) => *o,
                FormStep::Edited | FormStep::Other(_) => Outcome::Stay,
                FormStep::Leave => {
                    self.mode = Mode::List;
                    Outcome::Stay
                }
                FormStep::Submit => match self.mode {
                    Mode::Add(_) => self.add(env),
                    _ => self.set_period(env),
                },
            };
        }
        match a {
            UiAction::Down => self.sel = (self.sel + 1).min(self.patrols.len().saturating_sub(1)),
            UiAction::Up => self.sel = self.sel.saturating_sub(1),
            UiAction::New => {
                let specs = add_specs();
                let mut values = vec![String::new(); specs.len()];
                values[0] = env.today.to_string();
                self.mode = Mode::Add(Box::new(FormCore::typed(&specs, values, &self.users, env)));
            }
            UiAction::EditPeriod => {
                let values = [self.from.to_string(), self.to.to_string()];
                self.mode =
                    Mode::Period(Box::new(FormCore::typed(&PERIOD, values, &self.users, env)));
            }
            UiAction::Back => return Outcome::Pop(None),
            UiAction::Quit => return Outcome::Quit,
            _ => {}
        }
        Outcome::Stay
    }
}

fn outcomes_text(p: &Patrol) -> String {
    p.outcomes
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(o, n)| format!("{}{n}{}", o.name(), o.unit()))
        .collect::<Vec<_>>()
        .join("，")
}

fn draw_list(f: &mut Frame, area: Rect, s: &State) {
    let [head, body] = Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(area);
    f.render_widget(
        Paragraph::new(vec![
            Line::from(Span::styled(
                format!(
                    "{} 至 {}（含现场检查记录，案件的责令改正、罚没物品和拆除）",
                    s.from, s.to
                ),
                ui::title_style(),
            )),
            Line::from(Span::styled(patrol::summary(&s.tally), ui::warn())),
        ])
        .wrap(Wrap { trim: false }),
        head,
    );
    let body = ui::load_error(f, body, &s.error);
    if s.patrols.is_empty() {
        f.render_widget(
            Paragraph::new(
                "本期间没有手工登记的巡查（现场检查记录在“检查”屏幕）。没有检查记录的巡查按 n 登记。",
            )
            .wrap(Wrap { trim: false })
            .style(ui::dim()),
            body,
        );
        return;
    }
    let lines: Vec<Line> = s
        .patrols
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let style = if i == s.sel {
                ui::selected()
            } else {
                Style::default()
            };
            let who: Vec<String> = p
                .officers
                .iter()
                .filter_map(|o| s.users.get(o))
                .map(|u| u.name.clone())
                .collect();
            Line::from(Span::styled(
                ui::clean(&format!(
                    "#{} {} {}{}（{}）{}",
                    p.id,
                    p.date,
                    if p.squad.is_empty() {
                        String::new()
                    } else {
                        format!("{} ", p.squad)
                    },
                    p.place,
                    who.join("、"),
                    outcomes_text(p)
                )),
                style,
            ))
        })
        .collect();
    let skip = (s.sel + 1).saturating_sub(body.height as usize);
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((skip as u16, 0)),
        body,
    );
}

pub fn draw(f: &mut Frame, area: Rect, s: &State) {
    match &s.mode {
        Mode::List => draw_list(f, area, s),
        Mode::Add(form) => {
            let [head, body] =
                Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
            f.render_widget(
                Paragraph::new(Span::styled(
                    "登记巡查（各项成果空则为 0；Ctrl-S 提交）",
                    ui::title_style(),
                )),
                head,
            );
            let specs = add_specs();
            let checks = choices::checks(&specs, form, &s.users, s.today);
            fields::draw(f, body, &specs, form, &checks);
        }
        Mode::Period(form) => {
            let checks = choices::checks(&PERIOD, form, &s.users, s.today);
            fields::draw(f, area, &PERIOD, form, &checks);
        }
    }
}

impl View for State {
    fn title(&self) -> String {
        "巡查记录".into()
    }
    fn section(&self) -> &'static str {
        match self.mode {
            Mode::List => "patrols",
            Mode::Add(_) | Mode::Period(_) => form_core::SECTION,
        }
    }
    fn takes_text(&self) -> bool {
        !matches!(self.mode, Mode::List)
    }
    fn acts(&self, a: UiAction) -> bool {
        match self.mode {
            Mode::List => !matches!(a, UiAction::Up | UiAction::Down) || self.patrols.len() > 1,
            _ => a != UiAction::FillAmount,
        }
    }
    fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        State::handle(self, a, env)
    }
    fn paste(&mut self, text: &str, _env: &mut Env) -> Outcome {
        if let Mode::Add(form) | Mode::Period(form) = &mut self.mode {
            form.paste(text);
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
