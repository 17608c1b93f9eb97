//! 新建案件 (提请立案): pick the power by typing its code, words or pinyin initials (the
//! matches show as you type), then the party, the facts and the two officers. Submitting
//! goes through the same desk as `zhifa case new`; a refusal names its rule and keeps
//! everything typed.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;

use crate::domain::case::{NewCase, OnSpot};
use crate::step_input::{self, FieldKind, FieldSpec};
use crate::store::PowerVersion;
use crate::tui::action::UiAction;
use crate::tui::app::{Env, Outcome, Screen};
use crate::tui::form_core::{FormCore, FormStep};
use crate::tui::screens::case_view;
use crate::tui::ui;
use crate::tui::view::View;

/// The power is picked here by search; every other field is the shared new-case or
/// on-the-spot field table (`step_input`), read by the same builder as `zhifa case new`
/// and `zhifa case spot`.
const POWER: FieldSpec = FieldSpec {
    key: "power",
    label: "权限事项",
    hint: "编码、名称或拼音首字母",
    kind: FieldKind::Text,
};

/// The form's fields: the power, then the shared table (the party by its own fields).
fn form_fields(on_spot: bool) -> Vec<FieldSpec> {
    let shared = if on_spot {
        step_input::on_spot_fields()
    } else {
        step_input::new_case_fields()
    };
    std::iter::once(POWER)
        .chain(shared.into_iter().filter(|f| f.kind != FieldKind::Party))
        .collect()
}

pub struct State {
    /// True for the on-the-spot decision (简易程序), false for 提请立案.
    pub on_spot: bool,
    pub powers: Vec<PowerVersion>,
    pub specs: Vec<FieldSpec>,
    /// The inputs (one per field), focus and confirm-on-leave.
    pub form: FormCore,
    pub error: Option<String>,
    /// Each field's own check, as typed.
    pub checks: Vec<Option<String>>,
    /// Staff, for the people fields and the checks.
    users: std::collections::BTreeMap<i64, crate::domain::people::User>,
    today: chrono::NaiveDate,
    /// The match chosen with ↑/↓ while the power field has the focus (0: the first).
    pub power_sel: usize,
    /// Each power's search keys, made once (pinyin is not computed on every key or frame).
    power_keys: Vec<PowerKeys>,
}

/// What a power is found by, lower-cased: its code, its short and published names, and
/// their pinyin initials and full pinyin. The lead's filing form searches with it too.
pub(super) struct PowerKeys {
    code: String,
    names: [String; 2],
    cause_pinyin: [String; 2],
    name_pinyin: [String; 2],
}

impl PowerKeys {
    pub(super) fn of(v: &PowerVersion) -> PowerKeys {
        use crate::domain::search::{full_pinyin, initials};
        let cause = v.power.cause();
        PowerKeys {
            code: v.power.code.to_lowercase(),
            cause_pinyin: [initials(&cause), full_pinyin(&cause)],
            name_pinyin: [initials(&v.power.name), full_pinyin(&v.power.name)],
            names: [cause, v.power.name.clone()],
        }
    }

    /// How well `q` matches, best first (None: not at all).
    fn rank(&self, q: &str) -> Option<u8> {
        let any = |keys: &[String]| keys.iter().any(|k| k.contains(q));
        if self.code.starts_with(q) {
            Some(0)
        } else if any(&self.names) {
            Some(1)
        } else if any(&self.cause_pinyin) {
            Some(2)
        } else if any(&self.name_pinyin) {
            Some(3)
        } else {
            None
        }
    }
}

/// The powers matching `typed`, best first (at most 8): the code, then the name or short
/// name containing the words, then their pinyin (initials or full).
pub(super) fn search_powers<'a>(
    powers: &'a [PowerVersion],
    keys: &[PowerKeys],
    typed: &str,
) -> Vec<&'a PowerVersion> {
    let q = crate::domain::search::normalise_query(typed);
    if q.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<(u8, &PowerVersion)> = powers
        .iter()
        .zip(keys)
        .filter_map(|(v, k)| k.rank(&q).map(|r| (r, v)))
        .collect();
    found.sort_by_key(|(r, _)| *r);
    found.into_iter().map(|(_, v)| v).take(8).collect()
}

impl State {
    pub fn new(env: &mut Env) -> State {
        State::with_mode(env, false)
    }

    pub fn on_spot(env: &mut Env) -> State {
        State::with_mode(env, true)
    }

    fn with_mode(env: &mut Env, on_spot: bool) -> State {
        let mut load_error = None;
        let powers = super::or_note(
            env.desk.store().powers_on(env.today, None),
            "权限清单",
            &mut load_error,
        );
        let specs = form_fields(on_spot);
        let me = env
            .user
            .map(|u| format!("{},", u.username))
            .unwrap_or_default();
        let today = env.today.to_string();
        // Defaults as a clerk would type them (the fields' readers take them back).
        let defaults = specs.iter().map(|spec| match spec.key {
            "source" => "现场检查",
            "act_date" | "discovered_on" | "proposed_on" | "date" => today.as_str(),
            "party_type" => "个人",
            "handlers" | "officers" => me.as_str(),
            "kinds" => "罚款",
            "correction_order" => "责令立即改正",
            _ => "",
        });
        let users = super::or_note(env.desk.store().users(), "人员", &mut load_error);
        let power_keys = powers.iter().map(PowerKeys::of).collect();
        let form = FormCore::typed(&specs, defaults, &users, env);
        let mut state = State {
            on_spot,
            powers,
            specs,
            form,
            error: None,
            checks: Vec::new(),
            users,
            today: env.today,
            power_sel: 0,
            power_keys,
        };
        state.check_fields();
        state.error = load_error;
        state
    }

    /// Each field read by its own reader, and the party's identity number and phone by
    /// the domain's own checks (those the builder applies): the message shows under the
    /// field until it is fixed.
    fn check_fields(&mut self) {
        use crate::domain::identity;
        let ctx = step_input::ReadCtx {
            users: &self.users,
            today: self.today,
        };
        let party_type = self
            .specs
            .iter()
            .position(|s| s.key == "party_type")
            .map(|i| self.form.value(i))
            .unwrap_or_default();
        self.checks = self
            .specs
            .iter()
            .enumerate()
            .map(|(i, spec)| {
                let v = self.form.value(i);
                if v.is_empty() || spec.key == POWER.key {
                    return None;
                }
                let checked = match spec.key {
                    "id_no" if party_type == "单位" => identity::CreditCode::parse(&v)
                        .map(|_| ())
                        .map_err(|e| e.to_string()),
                    "id_no" => identity::ResidentId::parse(&v)
                        .map(|_| ())
                        .map_err(|e| e.to_string()),
                    "phone" => identity::parse_phone(&v)
                        .map(|_| ())
                        .map_err(|e| e.to_string()),
                    _ => return spec.read(&v, ctx).err(),
                };
                checked.err().map(|e| format!("“{}”：{e}", spec.label))
            })
            .collect();
    }

    /// After every keystroke: the fields' own checks, then the whole form as submitting
    /// would build it; a problem no field shows goes below (each message once).
    fn edited(&mut self) {
        self.check_fields();
        let built = if self.on_spot {
            self.build_spot().map(|_| ())
        } else {
            self.build().map(|_| ())
        };
        // The fields' own checks already show under them.
        self.error = built
            .err()
            .filter(|_| !self.checks.iter().any(Option::is_some));
        // A search in a list is not yet a value: its list speaks for it.
        for (i, c) in self.checks.iter_mut().enumerate() {
            if self.form.still_choosing(i) {
                *c = None;
            }
        }
    }

    fn fields(&self) -> &[FieldSpec] {
        &self.specs
    }

    /// Powers matching what was typed in the first field, best first: the code, then the
    /// name or short name containing the words, then their pinyin (initials or full).
    pub fn matches(&self) -> Vec<&PowerVersion> {
        search_powers(&self.powers, &self.power_keys, &self.form.value(0))
    }

    /// The power submitted: the match chosen in the list (the first unless ↑/↓ moved).
    fn power_code(&self) -> Result<String, String> {
        let matches = self.matches();
        matches
            .get(self.power_sel.min(matches.len().saturating_sub(1)))
            .map(|v| v.power.code.clone())
            .ok_or_else(|| {
                "权限事项：没有匹配的事项，请输入编码（如 HJ-001）、名称中的词或拼音".to_string()
            })
    }

    /// Every field but the power, as typed.
    fn pairs(&self) -> Vec<(String, String)> {
        self.specs
            .iter()
            .enumerate()
            .filter(|(_, s)| s.key != POWER.key)
            .map(|(i, s)| (s.key.to_string(), self.form.raw(i)))
            .collect()
    }

    fn build(&self) -> Result<(NewCase, String), String> {
        let code = self.power_code()?;
        let new = step_input::build_new_case(&self.pairs(), vec![], &self.users, self.today)?;
        Ok((new, code))
    }

    fn build_spot(&self) -> Result<(OnSpot, String), String> {
        let code = self.power_code()?;
        let spot = step_input::build_on_spot(&self.pairs(), vec![], &self.users, self.today)?;
        Ok((spot, code))
    }

    pub fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        // On the power field ↑/↓ choose among the matches shown beside the form.
        if self.form.focus == 0 {
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
            FormStep::Done(outcome) => *outcome,
            FormStep::Edited => {
                self.edited();
                Outcome::Stay
            }
            FormStep::Other(_) => Outcome::Stay,
            FormStep::Submit => self.submit(env),
            FormStep::Leave => Outcome::Pop(None),
        }
    }

    /// Collects the values and files the case (or the on-the-spot decision) through the
    /// desk; a refusal keeps everything typed.
    fn submit(&mut self, env: &mut Env) -> Outcome {
        let Some(user) = env.user else {
            return Outcome::Error("请先登录".into());
        };
        let result = if self.on_spot {
            self.build_spot().and_then(|(spot, code)| {
                env.desk
                    .on_spot(spot, &code, user, env.today)
                    .map_err(|e| e.to_string())
            })
        } else {
            self.build().and_then(|(new, code)| {
                env.desk
                    .propose(new, &code, user, env.today)
                    .map_err(|e| e.to_string())
            })
        };
        match result {
            Ok(case) => match case_view::State::load(case.id, env) {
                Ok(view) => {
                    let no = view.case_no.clone();
                    self.form.saved();
                    let msg = if self.on_spot {
                        format!("已作出当场处罚决定：{no}（复议前置：当事人对当场处罚不服应先申请行政复议）")
                    } else {
                        format!("已提请立案：{no}，待负责人审批")
                    };
                    Outcome::Replace(Screen::Case(Box::new(view)), msg)
                }
                Err(e) => Outcome::Error(e),
            },
            Err(e) => {
                self.error = Some(e.clone());
                Outcome::Error(e)
            }
        }
    }
}

pub fn draw(f: &mut Frame, area: Rect, s: &State) {
    let [form_area, side] =
        Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)]).areas(area);
    super::fields::draw(f, form_area, s.fields(), &s.form, &s.checks);
    let mut info: Vec<Line> = Vec::new();
    let matches = s.matches();
    if matches.is_empty() {
        info.push(Line::from(Span::styled(
            "输入编码、名称中的词或拼音首字母查找事项",
            ui::dim(),
        )));
    }
    let chosen = s.power_sel.min(matches.len().saturating_sub(1));
    for (i, v) in matches.iter().enumerate() {
        let style = if i == chosen {
            ui::selected()
        } else {
            ui::dim()
        };
        let mark = if i == chosen { ">" } else { " " };
        info.push(Line::from(Span::styled(
            format!("{mark}{} {}", v.power.code, ui::clean(&v.power.name)),
            style,
        )));
        if i == chosen {
            info.push(Line::from(format!(
                "  法定：{}",
                v.power.statutory.summary()
            )));
            if let Some(line) = v.power.reserved_line() {
                info.push(Line::from(Span::styled(
                    format!("  不能自行决定：{}", ui::clean(&line)),
                    ui::bad(),
                )));
            }
            for line in v.power.related_lines() {
                info.push(Line::from(format!("  关联：{}", ui::clean(&line))));
            }
            if !v.power.related.is_empty() {
                info.push(Line::from(Span::styled(
                    format!("  {}", crate::domain::catalog::ONE_FINE_RULE),
                    ui::dim(),
                )));
            }
        }
    }
    if let Some(e) = &s.error {
        info.push(Line::from(""));
        info.push(Line::from(Span::styled(ui::clean(e), ui::bad())));
    }
    f.render_widget(
        Paragraph::new(info).wrap(Wrap { trim: true }).block(
            Block::default()
                .borders(Borders::LEFT)
                .title(" 匹配的事项（↑↓ 选） "),
        ),
        side,
    );
}

impl View for State {
    fn title(&self) -> String {
        if self.on_spot {
            "当场处罚（简易程序）".into()
        } else {
            "提请立案".into()
        }
    }
    fn section(&self) -> &'static str {
        crate::tui::form_core::SECTION
    }
    fn takes_text(&self) -> bool {
        true
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
