//! The forms of a lead: 登记线索 (`n` on the register), each step of its life (from the
//! detail's menu), and 立案 from a lead in one step — the power found by the same live search
//! as 提请立案, the act's date and the party, then `Desk::file_lead` proposes the case and
//! links it both ways. Every form reads its fields with the CLI's builders
//! (`step_input::lead`); a refusal is shown with its rule and everything typed is kept.

use std::collections::BTreeMap;

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;

use crate::desk::DeskError;
use crate::domain::lead::LeadActionKind;
use crate::domain::people::User;
use crate::step_input::{lead as forms, FieldKind, FieldSpec};
use crate::store::leads::LeadRow;
use crate::store::{PowerVersion, StoreError};
use crate::tui::action::UiAction;
use crate::tui::app::{Env, Outcome, Screen};
use crate::tui::choices;
use crate::tui::form_core::{self, FormCore, FormStep};
use crate::tui::screens::fields;
use crate::tui::screens::new_case::{search_powers, PowerKeys};
use crate::tui::ui;
use crate::tui::view::View;

/// The filing form's first field: the power, chosen from the live search beside the form.
const POWER: FieldSpec = FieldSpec {
    key: "power",
    label: "权限事项",
    hint: "编码、名称或拼音首字母",
    kind: FieldKind::Text,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// 登记线索.
    New,
    /// One step of the lead's life (not 立案, which is `File`).
    Step(LeadActionKind),
    /// 立案 from the lead: a new case proposed with the lead's data.
    File,
}

/// The catalog search on a form's power field (the new lead's likely power, the filed
/// case's power), as 提请立案 searches it.
struct PowerSearch {
    /// The power field's index.
    at: usize,
    powers: Vec<PowerVersion>,
    keys: Vec<PowerKeys>,
}

/// The powers in force today for the search on field `at`, or why they could not be read.
fn power_search(env: &Env, at: usize) -> (PowerSearch, Option<String>) {
    let mut load_error = None;
    let powers = super::or_note(
        env.desk.store().powers_on(env.today, None),
        "权限清单",
        &mut load_error,
    );
    let search = PowerSearch {
        at,
        keys: powers.iter().map(PowerKeys::of).collect(),
        powers,
    };
    (search, load_error)
}

const NO_MATCH: &str = "权限事项：没有匹配的事项，请输入编码（如 HJ-001）、名称中的词或拼音";

pub struct State {
    pub kind: Kind,
    /// The lead the step is on (0 for a new one), its number and the version loaded.
    pub lead_id: i64,
    pub lead_no: String,
    pub version: i64,
    pub specs: Vec<FieldSpec>,
    pub form: FormCore,
    /// Each field's own check, as typed.
    pub checks: Vec<Option<String>>,
    /// The last refusal, kept on screen until the next submit.
    pub error: Option<String>,
    users: BTreeMap<i64, User>,
    today: chrono::NaiveDate,
    search: Option<PowerSearch>,
    /// The match chosen with ↑/↓ on the power field (0: the first).
    pub power_sel: usize,
    /// The submit key as the keymap binds it, for the title line.
    submit_key: String,
    /// What of the lead the step acts on, shown under the title.
    pub context: String,
}

/// 登记线索: a complaint received today, unless the clerk says otherwise.
pub fn new_lead(env: &mut Env) -> Screen {
    let specs = forms::new_lead_fields();
    let today = env.today.to_string();
    let defaults: Vec<&str> = specs
        .iter()
        .map(|s| match s.key {
            "source" => "举报投诉",
            "received_on" => today.as_str(),
            _ => "",
        })
        .collect();
    let at = specs.iter().position(|s| s.key == "power").unwrap_or(0);
    let (search, load_error) = power_search(env, at);
    let mut s = State::with(Kind::New, None, specs, &defaults, Some(search), env);
    s.error = s.error.or(load_error);
    Screen::LeadForm(Box::new(s))
}

/// The form of `kind` on the lead; 立案 is the filing form.
pub fn step(row: &LeadRow, kind: LeadActionKind, env: &mut Env) -> Screen {
    let today = env.today.to_string();
    if kind == LeadActionKind::File {
        let mut specs = vec![POWER];
        specs.extend(forms::filing_fields());
        let received = row.lead.received_on.to_string();
        let power = row.lead.power_code.clone().unwrap_or_default();
        let defaults: Vec<&str> = specs
            .iter()
            .map(|s| match s.key {
                "power" => power.as_str(),
                "act_date" => received.as_str(),
                "date" => today.as_str(),
                "party_type" => "个人",
                _ => "",
            })
            .collect();
        let (search, load_error) = power_search(env, 0);
        let mut s = State::with(Kind::File, Some(row), specs, &defaults, Some(search), env);
        s.error = s.error.or(load_error);
        return Screen::LeadForm(Box::new(s));
    }
    let specs = forms::lead_fields(kind);
    let defaults: Vec<&str> = specs
        .iter()
        .map(|s| match s.key {
            "date" => today.as_str(),
            "judicial" => "否",
            _ => "",
        })
        .collect();
    Screen::LeadForm(Box::new(State::with(
        Kind::Step(kind),
        Some(row),
        specs,
        &defaults,
        None,
        env,
    )))
}

impl State {
    fn with(
        kind: Kind,
        row: Option<&LeadRow>,
        specs: Vec<FieldSpec>,
        defaults: &[&str],
        search: Option<PowerSearch>,
        env: &mut Env,
    ) -> State {
        let mut error = None;
        let users = super::or_note(env.desk.store().users(), "人员", &mut error);
        let form = FormCore::typed(&specs, defaults.iter().copied(), &users, env);
        let mut s = State {
            kind,
            lead_id: row.map_or(0, |r| r.lead.id),
            lead_no: row.map(|r| r.number.clone()).unwrap_or_default(),
            version: row.map_or(0, |r| r.lead.version),
            specs,
            form,
            checks: Vec::new(),
            error,
            users,
            today: env.today,
            search,
            power_sel: 0,
            submit_key: env.keymap.key_label(form_core::SECTION, UiAction::Submit),
            context: row.map(|r| context(kind, r)).unwrap_or_default(),
        };
        s.check();
        s
    }

    fn what(&self) -> &'static str {
        match self.kind {
            Kind::New => "登记线索",
            Kind::Step(k) => k.label(),
            Kind::File => "由线索立案",
        }
    }

    /// The power field's index, on a form that searches the catalog.
    fn power_at(&self) -> Option<usize> {
        self.search.as_ref().map(|s| s.at)
    }

    /// The powers matching what the power field holds.
    pub fn matches(&self) -> Vec<&PowerVersion> {
        match &self.search {
            Some(s) => search_powers(&s.powers, &s.keys, &self.form.value(s.at)),
            None => Vec::new(),
        }
    }

    /// The code of the match chosen (None: nothing typed).
    fn chosen_power(&self) -> Result<Option<String>, String> {
        let Some(at) = self.power_at() else {
            return Ok(None);
        };
        if self.form.value(at).is_empty() {
            return Ok(None);
        }
        let matches = self.matches();
        matches
            .get(self.power_sel.min(matches.len().saturating_sub(1)))
            .map(|v| Some(v.power.code.clone()))
            .ok_or_else(|| NO_MATCH.to_string())
    }

    fn check(&mut self) {
        self.checks = choices::checks(&self.specs, &self.form, &self.users, self.today);
        if let Some(at) = self.power_at() {
            // The search's list speaks for the power.
            self.checks[at] = None;
        }
    }

    /// Every field as typed, the power as the code chosen from the search (the filing
    /// form's power goes to the desk apart, so it is left out).
    fn pairs(&self) -> Result<Vec<(String, String)>, String> {
        let power = self.chosen_power()?.unwrap_or_default();
        Ok(self
            .specs
            .iter()
            .enumerate()
            .filter(|(_, s)| s.key != POWER.key || self.kind != Kind::File)
            .map(|(i, s)| {
                let value = if Some(i) == self.power_at() {
                    power.clone()
                } else {
                    self.form.raw(i)
                };
                (s.key.to_string(), value)
            })
            .collect())
    }

    pub fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        if self.power_at() == Some(self.form.focus) {
            let n = self.matches().len();
            match a {
                UiAction::Down if self.power_sel + 1 < n => {
                    self.power_sel += 1;
                    return Outcome::Stay;
                }
                UiAction::Up if self.power_sel > 0 => {
                    self.power_sel -= 1;
                    return Outcome::Stay;
                }
                UiAction::Input(_) | UiAction::DeleteBack => self.power_sel = 0,
                _ => {}
            }
        }
        match self.form.handle(a) {
            FormStep::Done(o) => *o,
            FormStep::Edited => {
                self.check();
                Outcome::Stay
            }
            FormStep::Other(_) => Outcome::Stay,
            FormStep::Submit => {
                let outcome = self.submit(env);
                if let Outcome::Error(e) = &outcome {
                    self.error = Some(e.clone());
                }
                outcome
            }
            FormStep::Leave => Outcome::Pop(None),
        }
    }

    fn submit(&mut self, env: &mut Env) -> Outcome {
        let Some(user) = env.user else {
            return Outcome::Error("请先登录".into());
        };
        let pairs = match self.pairs() {
            Ok(p) => p,
            Err(e) => return Outcome::Error(e),
        };
        let done = match self.kind {
            Kind::New => forms::build_new_lead(&pairs, &self.users, self.today)
                .and_then(|new| {
                    env.desk
                        .register_lead(new, user, env.today)
                        .map_err(|e| e.to_string())
                })
                .map(|row| format!("已登记线索 {}", row.number)),
            Kind::Step(kind) => {
                let store = env.desk.store();
                let find_case = |t: &str| -> Result<(i64, String), String> {
                    let id = store
                        .find_case(t)
                        .map_err(|e| e.to_string())?
                        .ok_or_else(|| format!("找不到案件“{t}”：请填案号、2026-12 或 #编号"))?;
                    Ok((id, store.case_no(id).map_err(|e| e.to_string())?))
                };
                let action = match forms::build_lead_action(
                    kind,
                    &pairs,
                    &self.users,
                    self.today,
                    &find_case,
                ) {
                    Ok(a) => a,
                    Err(e) => return Outcome::Error(e),
                };
                match env
                    .desk
                    .lead_act(self.lead_id, Some(self.version), action, user, env.today)
                {
                    Ok(row) => Ok(format!(
                        "已办理：线索 {} {}（第 {} 版）",
                        row.number,
                        kind.label(),
                        row.lead.version
                    )),
                    Err(e) => return self.refused(e, env),
                }
            }
            Kind::File => {
                let Ok(Some(code)) = self.chosen_power() else {
                    return Outcome::Error(NO_MATCH.into());
                };
                let filing = match forms::build_filing(&pairs, &self.users, self.today) {
                    Ok(f) => f,
                    Err(e) => return Outcome::Error(e),
                };
                match env.desk.file_lead(
                    self.lead_id,
                    &code,
                    filing.act_date,
                    vec![filing.party],
                    filing.date,
                    user,
                    env.today,
                ) {
                    Ok((row, case)) => Ok(format!(
                        "已由线索 {} 提请立案：{}，待负责人审批",
                        row.number,
                        env.desk
                            .store()
                            .case_no(case.id)
                            .unwrap_or_else(|_| format!("#{}", case.id))
                    )),
                    Err(e) => return self.refused(e, env),
                }
            }
        };
        match done {
            Ok(msg) => {
                self.form.saved();
                Outcome::Pop(Some(msg))
            }
            Err(e) => Outcome::Error(e),
        }
    }

    /// A refusal from the desk. Someone else saved the lead first: the form moves onto the
    /// version now saved, so submitting again re-applies it there through every rule.
    fn refused(&mut self, e: DeskError, env: &mut Env) -> Outcome {
        let mut msg = e.to_string();
        if matches!(e, DeskError::Store(StoreError::Conflict { .. })) {
            if let Ok(latest) = env.desk.store().load_lead(self.lead_id) {
                self.version = latest.lead.version;
                msg.push_str(&format!(
                    "；再按 {} 即在最新版本上重新提交",
                    env.keymap.key_label(form_core::SECTION, UiAction::Submit)
                ));
            }
        }
        Outcome::Error(msg)
    }
}

/// The line above a step's form: the verified findings when filing (the case's facts come
/// from them), else what was alleged.
fn context(kind: Kind, row: &LeadRow) -> String {
    let findings = row
        .lead
        .verification
        .as_ref()
        .and_then(|v| v.findings.as_ref())
        .map(|(_, f)| f.as_str());
    match (kind, findings) {
        (Kind::File, Some(f)) => format!("核查情况（作为案情）：{f}"),
        _ => format!("{}：{}", ui::clean(&row.lead.place), row.lead.allegation),
    }
}

fn draw_matches(f: &mut Frame, area: Rect, s: &State) {
    let matches = s.matches();
    let mut info: Vec<Line> = Vec::new();
    if matches.is_empty() {
        info.push(Line::from(Span::styled(
            "输入编码、名称中的词或拼音首字母查找事项",
            ui::dim(),
        )));
    }
    let chosen = s.power_sel.min(matches.len().saturating_sub(1));
    for (i, v) in matches.iter().enumerate() {
        let (mark, style) = if i == chosen {
            (">", ui::selected())
        } else {
            (" ", ui::dim())
        };
        info.push(Line::from(Span::styled(
            format!("{mark}{} {}", v.power.code, ui::clean(&v.power.name)),
            style,
        )));
        if i == chosen {
            info.push(Line::from(format!(
                "  法定：{}",
                v.power.statutory.summary()
            )));
        }
    }
    f.render_widget(
        Paragraph::new(info).wrap(Wrap { trim: true }).block(
            Block::default()
                .borders(Borders::LEFT)
                .title(" 匹配的事项（↑↓ 选） "),
        ),
        area,
    );
}

pub fn draw(f: &mut Frame, area: Rect, s: &State) {
    let error_h = if s.error.is_some() { 2 } else { 0 };
    let context_h = if s.context.is_empty() { 0 } else { 2 };
    let [head, context, body, error] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(context_h),
        Constraint::Min(1),
        Constraint::Length(error_h),
    ])
    .areas(area);
    let title = if s.lead_no.is_empty() {
        format!("{}（{} 提交）", s.what(), s.submit_key)
    } else {
        format!("{}：{}（{} 提交）", s.lead_no, s.what(), s.submit_key)
    };
    f.render_widget(Paragraph::new(Span::styled(title, ui::title_style())), head);
    f.render_widget(
        Paragraph::new(ui::clean(&s.context.replace('\n', " ")))
            .style(ui::dim())
            .wrap(Wrap { trim: true }),
        context,
    );
    let form_area = if s.search.is_some() {
        let [form_area, side] =
            Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)])
                .areas(body);
        draw_matches(f, side, s);
        form_area
    } else {
        body
    };
    fields::draw(f, form_area, &s.specs, &s.form, &s.checks);
    if let Some(e) = &s.error {
        f.render_widget(
            Paragraph::new(Span::styled(ui::clean(e), ui::bad())).wrap(Wrap { trim: true }),
            error,
        );
    }
}

impl View for State {
    fn title(&self) -> String {
        if self.lead_no.is_empty() {
            self.what().into()
        } else {
            format!("{} {}", self.lead_no, self.what())
        }
    }
    fn section(&self) -> &'static str {
        form_core::SECTION
    }
    fn takes_text(&self) -> bool {
        true
    }
    fn acts(&self, a: UiAction) -> bool {
        a != UiAction::FillAmount
    }
    fn paste(&mut self, text: &str, _env: &mut Env) -> Outcome {
        if let FormStep::Edited = self.form.paste(text) {
            if self.power_at() == Some(self.form.focus) {
                self.power_sel = 0;
            }
            self.check();
        }
        Outcome::Stay
    }
    fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        State::handle(self, a, env)
    }
    fn draw(&self, f: &mut Frame, area: Rect) {
        draw(f, area, self)
    }
}
