//! The form of one workflow step, built from the step's field list (`step_input::fields`).
//! Submitting goes through the same builder and the same desk as the CLI; a refusal is
//! shown with its rule and everything typed is kept. Leaving with unsaved input asks first.

use std::collections::BTreeMap;

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use crate::desk::DeskError;
use crate::domain::case::{ActionKind, Case};
use crate::domain::people::User;
use crate::step_input::{self, FieldSpec};
use crate::store::{attachments, StoreError};

/// The UI-only field of the evidence form: files to copy in.
const ATTACH: &str = "attach";
use crate::tui::action::UiAction;
use crate::tui::app::{Env, Outcome};
use crate::tui::file_picker::{self, FilePicker};
use crate::tui::form_core::{self, FormCore, FormStep};
use crate::tui::ui;
use crate::tui::view::View;
use crate::tui::widgets::Widget;

pub struct State {
    /// The case's power and party type, for the discretion helper.
    pub power: crate::domain::catalog::Power,
    pub party: crate::domain::catalog::PartyType,
    pub case_id: i64,
    pub case_version: i64,
    pub kind: ActionKind,
    pub specs: Vec<FieldSpec>,
    /// The inputs (one per spec), focus and confirm-on-leave.
    pub form: FormCore,
    pub error: Option<String>,
    /// The keys the hints name, from the keymap: the bottom line and the fine helper.
    hint: String,
    fill_key: String,
    /// Staff (for people fields) and today, so the form can check itself as it is typed.
    users: BTreeMap<i64, User>,
    today: chrono::NaiveDate,
    /// Each field's own check, as typed.
    pub checks: Vec<Option<String>>,
}

/// Sensible starting values, written as a clerk would type them (the field's reader takes
/// them back): today for dates, the case's officers, the party, the agency's court, 是 for
/// approvals, 0 for confiscation, an archive number in the proposed format.
fn default_for(
    spec: &FieldSpec,
    kind: ActionKind,
    case: &Case,
    users: &BTreeMap<i64, User>,
    env: &Env,
) -> String {
    let logins = |ids: &[i64]| {
        ids.iter()
            .filter_map(|i| users.get(i))
            .map(|u| u.username.clone())
            .collect::<Vec<_>>()
            .join(",")
    };
    match spec.key {
        // Dates a clerk fills with another day: a correction's new date, a hearing's day.
        "new_date" => String::new(),
        "date" if kind == ActionKind::ScheduleHearing => String::new(),
        _ if spec.kind == step_input::FieldKind::Date => env.today.to_string(),
        "officers" | "collectors" => logins(&case.handlers),
        "recipient" => case
            .parties
            .first()
            .map(|p| p.display_name())
            .unwrap_or_default(),
        "court" => env
            .desk
            .store()
            .agency()
            .map(|a| a.court)
            .unwrap_or_default(),
        "signature" => "已签名".into(),
        "agree" | "passed" => step_input::bool_text(true).into(),
        "complex_or_major" => step_input::bool_text(false).into(),
        "confiscation" => "0".into(),
        "archive_no" => env
            .desk
            .store()
            .case_no(case.id)
            .map(|no| proposed_archive_no(&no, env.today))
            .unwrap_or_default(),
        "fine" => case
            .proposal
            .as_ref()
            .map(|p| p.fine.yuan_text())
            .unwrap_or_default(),
        "kinds" => case
            .proposal
            .as_ref()
            .map(|p| {
                p.kinds
                    .iter()
                    .map(|k| k.name())
                    .collect::<Vec<_>>()
                    .join("、")
            })
            .unwrap_or_default(),
        "amount" => {
            let owed = case.fine_due().0 - case.paid().0;
            if owed > 0 {
                crate::domain::money::Fen(owed).yuan_text()
            } else {
                String::new()
            }
        }
        _ => String::new(),
    }
}

/// The archive number's format, shown beside the field: the year archived and the case's
/// serial number.
pub const ARCHIVE_NO_FORMAT: &str = "格式：归档年度-案件序号，如 2026-188";

/// `2026-188` for case 合综执立〔2026〕188号 archived in 2026: the year, then the number
/// the case number ends with.
pub fn proposed_archive_no(case_no: &str, today: chrono::NaiveDate) -> String {
    let digits: String = case_no
        .trim_end_matches('号')
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if digits.is_empty() {
        return String::new();
    }
    format!("{}-{}", today.format("%Y"), digits.trim_start_matches('0'))
}

impl State {
    pub fn new(case: &Case, kind: ActionKind, users: &BTreeMap<i64, User>, env: &Env) -> State {
        let mut specs = step_input::fields(kind);
        if kind.takes_files() {
            // Files are copied beside the database with their SHA-256 (as `--attach` does).
            specs.push(FieldSpec {
                key: ATTACH,
                label: "附件",
                hint: "照片、扫描件、录音录像的文件路径（~ 表示主目录），多个用逗号分隔",
                kind: step_input::FieldKind::Text,
            });
        }
        for spec in specs
            .iter_mut()
            .filter(|s| s.key == "archive_no" && s.hint.is_empty())
        {
            spec.hint = ARCHIVE_NO_FORMAT;
        }
        let mut form = FormCore::typed(
            &specs,
            specs.iter().map(|s| default_for(s, kind, case, users, env)),
            users,
            env,
        );
        if let Some(i) = specs.iter().position(|s| s.key == ATTACH) {
            form.widgets[i] = Widget::Files(Box::new(FilePicker::new(&form.raw(i))));
        }
        let key = |a| env.keymap.key_label(form_core::SECTION, a);
        let hint = format!(
            "{}/回车 下一项，{} 提交，{} 返回。金额以元为单位。",
            key(UiAction::NextField),
            key(UiAction::Submit),
            key(UiAction::Back)
        );
        let mut state = State {
            power: case.power.power.clone(),
            party: case.party_type(),
            case_id: case.id,
            case_version: case.version,
            kind,
            specs,
            form,
            error: None,
            hint,
            fill_key: key(UiAction::FillAmount),
            users: users.clone(),
            today: env.today,
            checks: Vec::new(),
        };
        state.edited();
        state
    }

    /// After every keystroke: each field is read by its own reader (its message shows under
    /// it until it is fixed); then the whole step is built, and a problem no field shows
    /// (a required field, a rule between fields) shows below the form — each message once.
    fn edited(&mut self) {
        let ctx = step_input::ReadCtx {
            users: &self.users,
            today: self.today,
        };
        let read: Vec<Option<String>> = self
            .specs
            .iter()
            .enumerate()
            .map(|(i, spec)| {
                let v = self.form.value(i);
                if let Some(Widget::Files(picker)) = self.form.widgets.get(i) {
                    picker.problem()
                } else if v.is_empty() {
                    None
                } else {
                    spec.read(&v, ctx).err()
                }
            })
            .collect();
        self.error = self
            .build()
            .err()
            .filter(|e| !read.iter().flatten().any(|c| c == e));
        // A search in a list is not yet a value: its list speaks for it.
        self.checks = read
            .into_iter()
            .enumerate()
            .map(|(i, c)| c.filter(|_| !self.form.still_choosing(i)))
            .collect();
    }

    fn pairs(&self) -> Vec<(String, String)> {
        self.specs
            .iter()
            .enumerate()
            .filter(|(_, s)| s.key != ATTACH)
            .map(|(i, s)| (s.key.to_string(), self.form.raw(i)))
            .collect()
    }

    fn attach_paths(&self) -> Vec<std::path::PathBuf> {
        self.specs
            .iter()
            .enumerate()
            .filter(|(_, s)| s.key == ATTACH)
            .flat_map(|(i, _)| file_picker::paths(&self.form.raw(i)))
            .collect()
    }

    fn build(&self) -> Result<crate::domain::case::Action, String> {
        step_input::build_action(self.kind, &self.pairs(), &self.users, self.today)
    }

    fn field_value(&self, key: &str) -> String {
        self.specs
            .iter()
            .position(|f| f.key == key)
            .map(|i| self.form.value(i))
            .unwrap_or_default()
    }

    /// The range the typed tier (with base or units) allows, by the workflow's own rule.
    fn allowed_range(
        &self,
    ) -> Result<(crate::domain::money::Fen, crate::domain::money::Fen), String> {
        use crate::domain::money::{Dec4, Fen};
        // Each value read by its field's own reader, as submitting will.
        let read = |key: &str| -> Result<Option<serde_json::Value>, String> {
            let text = self.field_value(key);
            match self.specs.iter().find(|f| f.key == key) {
                Some(spec) if !text.is_empty() => spec
                    .read(
                        &text,
                        step_input::ReadCtx {
                            users: &self.users,
                            today: self.today,
                        },
                    )
                    .map(Some),
                _ => Ok(None),
            }
        };
        let tier = read("tier")?.and_then(|v| serde_json::from_value(v).ok());
        let base = read("base_amount")?.and_then(|v| serde_json::from_value::<Fen>(v).ok());
        let units = read("units")?
            .and_then(|v| v.as_f64())
            .and_then(Dec4::from_f64);
        let alt = read("alternative_band")? == Some(serde_json::Value::Bool(true));
        crate::domain::case::penalty::allowed_fine_range(
            &self.power,
            self.party,
            tier,
            alt,
            base,
            units,
        )
        .map_err(|e| e.to_string())
    }

    /// Fills the fine with the middle of the allowed range (rounded down to 100 yuan when
    /// that stays inside it); the clerk may still change it.
    fn fill_amount(&mut self) -> Outcome {
        if self.kind != ActionKind::EndInvestigation {
            return Outcome::Stay;
        }
        match self.allowed_range() {
            Ok((min, max)) => {
                let mid = crate::domain::money::Fen((min.0 + max.0) / 2);
                let rounded = crate::domain::money::Fen(mid.0 / 10_000 * 10_000);
                let fine = if rounded >= min && rounded.0 > 0 {
                    rounded
                } else {
                    mid
                };
                if let Some(i) = self.specs.iter().position(|f| f.key == "fine") {
                    self.form.set(i, &fine.yuan_text());
                    self.edited();
                }
                Outcome::Status(format!(
                    "已按可选幅度 {min} 至 {max} 填入建议罚款 {fine}，可修改"
                ))
            }
            Err(e) => Outcome::Error(e),
        }
    }

    pub fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        match self.form.handle(a) {
            FormStep::Done(outcome) => *outcome,
            FormStep::Edited => {
                self.edited();
                Outcome::Stay
            }
            FormStep::Submit => self.submit(env),
            FormStep::Leave => Outcome::Pop(None),
            FormStep::Other(UiAction::FillAmount) => self.fill_amount(),
            FormStep::Other(_) => Outcome::Stay,
        }
    }

    fn attach_failed(&mut self, e: crate::store::StoreError) -> Outcome {
        let msg = format!("附件：{e}");
        self.error = Some(msg.clone());
        Outcome::Error(msg)
    }

    fn submit(&mut self, env: &mut Env) -> Outcome {
        let Some(user) = env.user else {
            return Outcome::Error("请先登录".into());
        };
        let mut action = match self.build() {
            Ok(a) => a,
            Err(e) => {
                self.error = Some(e.clone());
                return Outcome::Error(e);
            }
        };
        let mut staging = None;
        // Only a step with files takes the case folder's lock.
        let paths = self.attach_paths();
        if let (Some(into), false) = (action.attachments_mut(), paths.is_empty()) {
            let mut files = match attachments::Staging::begin(env.desk.store(), self.case_id) {
                Ok(s) => s,
                Err(e) => return self.attach_failed(e),
            };
            for path in paths {
                if let Err(e) = files.add(&path) {
                    files.abandon(env.desk.store());
                    return self.attach_failed(e);
                }
            }
            into.extend(files.attachments().iter().cloned());
            staging = Some(files);
        }
        let result = env.desk.act(
            self.case_id,
            Some(self.case_version),
            &action,
            user,
            env.today,
        );
        if let Some(files) = staging {
            if result.is_err() {
                files.abandon(env.desk.store());
            }
        }
        match result {
            Ok(case) => Outcome::Pop(Some(format!(
                "已办理：{}（案件第 {} 版）",
                self.kind.label(),
                case.version
            ))),
            Err(e) => {
                let mut msg = e.to_string();
                // Someone else saved the case first: keep the input, move the form onto the
                // version now saved, so a second Enter re-applies it there (through every
                // rule again) instead of silently overwriting their change.
                if matches!(e, DeskError::Store(StoreError::Conflict { .. })) {
                    if let Ok(latest) = env.desk.store().load_case(self.case_id) {
                        self.case_version = latest.version;
                        msg.push_str(&format!(
                            "；再按 {} 即在最新版本上重新提交",
                            env.keymap.key_label(form_core::SECTION, UiAction::Submit)
                        ));
                    }
                }
                self.error = Some(msg.clone());
                Outcome::Error(msg)
            }
        }
    }
}

/// The discretion helper beside the penalty forms: the statutory range, the tiers, and the
/// range the typed tier (and base or units) allows — computed by the same rule the
/// workflow applies.
fn discretion_lines(s: &State) -> Vec<Line<'static>> {
    use crate::domain::catalog::describe_bounds;
    let p = &s.power;
    let mut out = vec![
        Line::from(Span::styled(format!("{} 裁量参考", p.code), ui::warn())),
        Line::from(format!("依据：{}", p.penalty)),
        Line::from(format!("法定：{}", p.statutory.summary())),
    ];
    for t in &p.tiers {
        let band = p
            .statutory
            .band_for(t)
            .unwrap_or_else(|| p.statutory.clone());
        let range = t
            .bounds(s.party)
            .map(|b| describe_bounds(&band, b))
            .unwrap_or_else(|| "（不适用）".into());
        let alt = if t.alternative { "-备选" } else { "" };
        out.push(Line::from(format!("[{}{alt}] {range}", t.name.name())));
        out.push(Line::from(Span::styled(
            format!("  {}", t.condition),
            ui::dim(),
        )));
    }
    if s.kind == ActionKind::EndInvestigation {
        out.push(match s.allowed_range() {
            Ok((min, max)) => Line::from(Span::styled(
                format!(
                    "本案可选罚款：{min} 至 {max}（{} 填入建议金额）",
                    s.fill_key
                ),
                ui::warn(),
            )),
            Err(e) => Line::from(Span::styled(e, ui::dim())),
        });
    }
    out.into_iter()
        .map(|l| {
            Line::from(
                l.spans
                    .into_iter()
                    .map(|sp| Span::styled(ui::clean(&sp.content), sp.style))
                    .collect::<Vec<_>>(),
            )
        })
        .collect()
}

pub fn draw(f: &mut Frame, area: Rect, s: &State) {
    let area = if matches!(s.kind, ActionKind::EndInvestigation | ActionKind::Decide) {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                .areas(area);
        let block = ratatui::widgets::Block::default().borders(ratatui::widgets::Borders::LEFT);
        f.render_widget(
            Paragraph::new(discretion_lines(s))
                .wrap(Wrap { trim: true })
                .block(block),
            right,
        );
        left
    } else {
        area
    };
    let [fields_area, error_area] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(3)]).areas(area);
    super::fields::draw(f, fields_area, &s.specs, &s.form, &s.checks);
    if let Some(e) = &s.error {
        f.render_widget(
            Paragraph::new(ui::clean(e))
                .style(ui::bad())
                .wrap(Wrap { trim: true }),
            error_area,
        );
    } else {
        f.render_widget(
            Paragraph::new(s.hint.as_str())
                .style(ui::dim())
                .wrap(Wrap { trim: true }),
            error_area,
        );
    }
}

impl View for State {
    fn title(&self) -> String {
        format!("办理：{}", self.kind.label())
    }
    fn section(&self) -> &'static str {
        form_core::SECTION
    }
    fn takes_text(&self) -> bool {
        true
    }
    fn acts(&self, a: UiAction) -> bool {
        // The suggested fine exists only where the investigation proposes one.
        a != UiAction::FillAmount || self.kind == ActionKind::EndInvestigation
    }
    fn paste(&mut self, text: &str, _env: &mut Env) -> Outcome {
        if let FormStep::Edited = self.form.paste(text) {
            self.edited();
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
