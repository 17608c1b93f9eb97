//! 新建案件 (提请立案): pick the power by typing its code, words or pinyin initials (the
//! matches show as you type), then the party, the facts and the two officers. Submitting
//! goes through the same desk as `zhifa case new`; a refusal names its rule and keeps
//! everything typed.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;

use crate::domain::case::{NewCase, OnSpot, PartyInput, Source};
use crate::domain::chinese::parse_date;
use crate::store::PowerVersion;
use crate::tui::action::UiAction;
use crate::tui::app::{Env, Outcome, Screen};
use crate::tui::form_core::{FormCore, FormStep};
use crate::tui::screens::case_view;
use crate::tui::ui;
use crate::tui::view::View;

pub const FIELDS: [(&str, &str); 14] = [
    ("power", "权限事项（编码、名称或拼音首字母）"),
    ("source", "案件来源（现场检查 举报 上级交办 部门移送 其他）"),
    ("place", "违法行为地点"),
    ("act_date", "违法行为日期"),
    ("discovered_on", "发现日期"),
    ("facts", "案情"),
    ("party_type", "当事人类型（个人 / 单位 / 个体工商户）"),
    ("party_name", "当事人姓名或名称（个体工商户填字号）"),
    (
        "id_no",
        "身份证号或统一社会信用代码（个体工商户填经营者身份证号）",
    ),
    ("legal_rep", "法定代表人（单位）或经营者姓名（个体工商户）"),
    ("address", "地址"),
    ("phone", "电话"),
    ("handlers", "承办人（两名持证人员登录名，逗号分隔）"),
    ("proposed_on", "提请立案日期"),
];

/// On-the-spot decision (简易程序, 行政处罚法 Art 51–52): the fields after the party.
pub const SPOT_FIELDS: [(&str, &str); 17] = [
    ("power", "权限事项（编码、名称或拼音首字母）"),
    ("place", "地点"),
    ("date", "日期"),
    ("time", "时间（如 10:20）"),
    ("facts", "违法事实"),
    ("party_type", "当事人类型（个人 / 单位 / 个体工商户）"),
    ("party_name", "当事人姓名或名称（个体工商户填字号）"),
    (
        "id_no",
        "身份证号或统一社会信用代码（个体工商户填经营者身份证号）",
    ),
    ("legal_rep", "法定代表人（单位）或经营者姓名（个体工商户）"),
    ("address", "地址"),
    ("phone", "电话"),
    ("officers", "执法人员（两名持证人员登录名，逗号分隔）"),
    ("kinds", r#"处罚种类（JSON，如 ["罚款"] 或 ["警告"]）"#),
    ("fine", "罚款（元；个人不超过200元，单位不超过3000元）"),
    ("tier", "裁量阶次（见权限清单；减轻 可低于法定下限）"),
    (
        "mitigation",
        "从轻、减轻情节（选从轻、减轻时必填，如 主动消除或者减轻危害后果）",
    ),
    ("correction_order", "责令改正内容"),
];

pub struct State {
    /// True for the on-the-spot decision (简易程序), false for 提请立案.
    pub on_spot: bool,
    pub powers: Vec<PowerVersion>,
    /// The inputs (one per field), focus and confirm-on-leave.
    pub form: FormCore,
    pub error: Option<String>,
}

impl State {
    pub fn new(env: &mut Env) -> State {
        State::with_mode(env, false)
    }

    pub fn on_spot(env: &mut Env) -> State {
        State::with_mode(env, true)
    }

    fn with_mode(env: &mut Env, on_spot: bool) -> State {
        let powers = env
            .desk
            .store
            .powers_on(env.today, None)
            .unwrap_or_default();
        let fields: &[(&str, &str)] = if on_spot { &SPOT_FIELDS } else { &FIELDS };
        let me = env
            .user
            .map(|u| format!("{},", u.username))
            .unwrap_or_default();
        let today = env.today.to_string();
        let defaults = fields.iter().map(|(key, _)| match *key {
            "source" => "现场检查",
            "act_date" | "discovered_on" | "proposed_on" | "date" => today.as_str(),
            "party_type" => "个人",
            "handlers" | "officers" => me.as_str(),
            "kinds" => r#"["罚款"]"#,
            "correction_order" => "责令立即改正",
            _ => "",
        });
        let form = FormCore::new(defaults, env);
        State {
            on_spot,
            powers,
            form,
            error: None,
        }
    }

    fn fields(&self) -> &'static [(&'static str, &'static str)] {
        if self.on_spot {
            &SPOT_FIELDS
        } else {
            &FIELDS
        }
    }

    /// Powers matching what was typed in the first field (code, words or initials).
    pub fn matches(&self) -> Vec<&PowerVersion> {
        let q = crate::domain::search::normalise_query(&self.form.value(0));
        if q.is_empty() {
            return Vec::new();
        }
        self.powers
            .iter()
            .filter(|v| {
                v.power.code.to_lowercase() == q
                    || v.power.code.to_lowercase().starts_with(&q)
                    || v.power.name.contains(q.as_str())
                    || crate::domain::search::initials(&v.power.name).contains(&q)
            })
            .take(8)
            .collect()
    }

    fn value(&self, key: &str) -> String {
        self.fields()
            .iter()
            .position(|(k, _)| *k == key)
            .map(|i| self.form.value(i))
            .unwrap_or_default()
    }

    fn power_code(&self) -> Result<String, String> {
        self.matches()
            .first()
            .map(|v| v.power.code.clone())
            .ok_or_else(|| {
                "权限事项：没有匹配的事项，请输入编码（如 HJ-001）或名称中的词".to_string()
            })
    }

    fn date(&self, key: &str, label: &str) -> Result<chrono::NaiveDate, String> {
        parse_date(&self.value(key)).map_err(|e| format!("{label}：{e}"))
    }

    fn party(&self) -> Result<crate::domain::case::Party, String> {
        let input = match self.value("party_type").as_str() {
            "个人" => PartyInput::Person {
                name: self.value("party_name"),
                sex: None,
                birth_date: None,
                id_no: self.value("id_no"),
                address: self.value("address"),
                phone: self.value("phone"),
            },
            "单位" => PartyInput::Organisation {
                name: self.value("party_name"),
                credit_code: self.value("id_no"),
                legal_rep: self.value("legal_rep"),
                address: self.value("address"),
                phone: self.value("phone"),
            },
            "个体工商户" => PartyInput::Business {
                trade_name: self.value("party_name"),
                credit_code: String::new(),
                operator_name: self.value("legal_rep"),
                operator_id_no: self.value("id_no"),
                address: self.value("address"),
                phone: self.value("phone"),
            },
            other => {
                return Err(format!(
                    "当事人类型“{other}”：请填 个人、单位 或 个体工商户"
                ))
            }
        };
        input.into_party().map_err(|e| format!("当事人：{e}"))
    }

    fn people(&self, key: &str, label: &str, env: &mut Env) -> Result<Vec<i64>, String> {
        let users = env.desk.store.users().map_err(|e| e.to_string())?;
        let names: Vec<String> = self
            .value(key)
            .split([',', '，', '、'])
            .map(str::to_string)
            .collect();
        crate::step_input::user_ids(&users, &names).map_err(|e| format!("{label}：{e}"))
    }

    fn build(&self, env: &mut Env) -> Result<(NewCase, String), String> {
        let code = self.power_code()?;
        let source: Source = serde_json::from_value(serde_json::Value::String(
            self.value("source"),
        ))
        .map_err(|_| "案件来源：请填 现场检查、举报、上级交办、部门移送 或 其他".to_string())?;
        let new = NewCase {
            source,
            place: self.value("place"),
            act_date: self.date("act_date", "违法行为日期")?,
            act_end_date: None,
            discovered_on: self.date("discovered_on", "发现日期")?,
            grave_harm: false,
            facts: self.value("facts"),
            parties: vec![self.party()?],
            handlers: self.people("handlers", "承办人", env)?,
            assistants: vec![],
            proposed_on: self.date("proposed_on", "提请立案日期")?,
        };
        Ok((new, code))
    }

    fn build_spot(&self, env: &mut Env) -> Result<(OnSpot, String), String> {
        let code = self.power_code()?;
        let kinds = serde_json::from_str(&self.value("kinds"))
            .map_err(|_| r#"处罚种类：请填 ["罚款"] 或 ["警告"]"#.to_string())?;
        let fine = if self.value("fine").is_empty() {
            crate::domain::money::Fen(0)
        } else {
            crate::domain::money::Fen::parse_yuan(&self.value("fine"))
                .map_err(|e| format!("罚款：{e}"))?
        };
        let tier = match self.value("tier").as_str() {
            "" => None,
            t => Some(
                serde_json::from_value(serde_json::Value::String(t.to_string()))
                    .map_err(|_| format!("裁量阶次“{t}”不存在"))?,
            ),
        };
        let mitigation = match self.value("mitigation").as_str() {
            "" => None,
            m => Some(
                crate::domain::case::Mitigation::ALL
                    .into_iter()
                    .find(|x| x.name() == m)
                    .ok_or_else(|| {
                        format!(
                            "从轻、减轻情节“{m}”不在法定情形内；可填：{}",
                            crate::domain::case::Mitigation::names()
                        )
                    })?,
            ),
        };
        let spot = OnSpot {
            date: self.date("date", "日期")?,
            time: self.value("time"),
            place: self.value("place"),
            facts: self.value("facts"),
            party: self.party()?,
            officers: self.people("officers", "执法人员", env)?,
            kinds,
            fine,
            tier,
            mitigation,
            correction_order: self.value("correction_order"),
        };
        Ok((spot, code))
    }

    pub fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        match self.form.handle(a) {
            FormStep::Done(outcome) => outcome,
            FormStep::Edited | FormStep::Other(_) => Outcome::Stay,
            FormStep::Submit => self.submit(env),
            FormStep::Leave => Outcome::Pop(None),
        }
    }

    /// Collects the values and files the case (or the on-the-spot decision) through the
    /// desk; a refusal keeps everything typed.
    fn submit(&mut self, env: &mut Env) -> Outcome {
        let Some(user) = env.user else {
            return Outcome::Status("请先登录".into());
        };
        let result = if self.on_spot {
            self.build_spot(env).and_then(|(spot, code)| {
                env.desk
                    .on_spot(spot, &code, user, env.today)
                    .map_err(|e| e.to_string())
            })
        } else {
            self.build(env).and_then(|(new, code)| {
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
                Err(e) => Outcome::Status(e),
            },
            Err(e) => {
                self.error = Some(e.clone());
                Outcome::Status(e)
            }
        }
    }
}

pub fn draw(f: &mut Frame, area: Rect, s: &State) {
    let [form_area, side] =
        Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)]).areas(area);
    let mut lines = Vec::new();
    for (i, ((_, label), input)) in s.fields().iter().zip(&s.form.inputs).enumerate() {
        let focused = i == s.form.focus;
        let style = if focused {
            ui::warn()
        } else {
            ratatui::style::Style::default()
        };
        lines.push(Line::from(Span::styled(
            format!("{}{label}", if focused { "> " } else { "  " }),
            style,
        )));
        lines.push(Line::from(format!(
            "    {}{}",
            ui::clean(&input.value),
            if focused { "_" } else { "" }
        )));
    }
    let focus_line = s.form.focus * 2;
    let skip = (focus_line + 3).saturating_sub(form_area.height as usize) as u16;
    f.render_widget(Paragraph::new(lines).scroll((skip, 0)), form_area);
    let mut info: Vec<Line> = Vec::new();
    let matches = s.matches();
    if matches.is_empty() {
        info.push(Line::from(Span::styled(
            "输入编码、名称中的词或拼音首字母查找事项",
            ui::dim(),
        )));
    }
    for (i, v) in matches.iter().enumerate() {
        let style = if i == 0 { ui::warn() } else { ui::dim() };
        info.push(Line::from(Span::styled(
            format!("{} {}", v.power.code, ui::clean(&v.power.name)),
            style,
        )));
        if i == 0 {
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
                .title(" 匹配的事项（提交时用第一项） "),
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
        "form"
    }
    fn takes_text(&self) -> bool {
        true
    }
    fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        State::handle(self, a, env)
    }
    fn draw(&self, f: &mut Frame, area: Rect) {
        draw(f, area, self)
    }
}
