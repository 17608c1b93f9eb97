//! 案卷评查 rounds for 负责人、法制审核员 and 中队长: the saved rounds and how their cases
//! were chosen; `n` chooses cases (decided or archived in a period, a squad, an officer, a
//! seeded random sample of N), then each chosen case's scoring sheet with the rules'
//! findings pre-filled and the reviewer's deductions (section picked from the sheet,
//! points, reason); Ctrl-S saves the round through the desk (`review_cases`), the same
//! path as `zhifa review run`.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use crate::domain::people::User;
use crate::domain::review::selection::{seed_of_day, DateBasis, Selection};
use crate::domain::review::sheet::{self, Deduction, Score, Sheet};
use crate::domain::review::{points_text, ReviewRound};
use crate::step_input::{self, FieldKind, FieldSpec};
use crate::tui::action::UiAction;
use crate::tui::app::{Env, Outcome, Screen};
use crate::tui::choices;
use crate::tui::form_core::{self, FormCore, FormStep};
use crate::tui::screens::fields;
use crate::tui::ui;
use crate::tui::view::View;

const ALL_SQUADS: &str = "全部中队";

fn choose_specs(squads: &'static [&'static str]) -> [FieldSpec; 7] {
    [
        FieldSpec {
            key: "basis",
            label: "按哪个日期",
            hint: "",
            kind: FieldKind::Choice(DateBasis::LABELS),
        },
        FieldSpec {
            key: "from",
            label: "自",
            hint: "",
            kind: FieldKind::Date,
        },
        FieldSpec {
            key: "to",
            label: "至",
            hint: "",
            kind: FieldKind::Date,
        },
        FieldSpec {
            key: "squad",
            label: "中队",
            hint: "",
            kind: FieldKind::Choice(squads),
        },
        FieldSpec {
            key: "officer",
            label: "承办人",
            hint: "空则不限",
            kind: FieldKind::Person,
        },
        FieldSpec {
            key: "sample",
            label: "随机抽取件数",
            hint: "空则全部",
            kind: FieldKind::Count,
        },
        FieldSpec {
            key: "seed",
            label: "抽样种子",
            hint: "同样的条件和种子抽出同样的案件",
            kind: FieldKind::Count,
        },
    ]
}

fn deduction_specs(sections: &'static [&'static str]) -> [FieldSpec; 3] {
    [
        FieldSpec {
            key: "section",
            label: "评分表部分",
            hint: "",
            kind: FieldKind::Choice(sections),
        },
        FieldSpec {
            key: "points",
            label: "扣分",
            hint: "如 1 或 0.5",
            kind: FieldKind::Text,
        },
        FieldSpec {
            key: "reason",
            label: "理由",
            hint: "",
            kind: FieldKind::Text,
        },
    ]
}

/// One chosen case on the sheet.
pub struct Scored {
    pub case_id: i64,
    pub case_no: String,
    pub party: String,
    pub handlers: String,
    pub manual: Vec<Deduction>,
    pub score: Score,
    /// The rules' hints (提示), which score nothing but a reviewer reads.
    pub hints: Vec<String>,
}

pub struct Scoring {
    pub selection: Selection,
    pub cases: Vec<Scored>,
    pub at: usize,
    /// The manual-deduction form, while open.
    pub adding: Option<Box<FormCore>>,
    /// Leaving with unsaved scores was asked for once.
    pub confirm_leave: bool,
}

pub enum Mode {
    List,
    /// One saved round's sheet (the row's index).
    Detail(usize),
    Choose(Box<FormCore>),
    Score(Box<Scoring>),
}

/// A saved round as listed.
pub struct Row {
    pub round: ReviewRound,
    pub case_no: String,
}

pub struct State {
    pub mode: Mode,
    pub rows: Vec<Row>,
    /// How earlier rounds chose their cases: (when, who, what).
    pub selections: Vec<(String, String, String)>,
    pub sel: usize,
    pub users: BTreeMap<i64, User>,
    pub sheet: Sheet,
    pub sections: &'static [&'static str],
    pub squads: &'static [&'static str],
    pub today: NaiveDate,
    pub error: Option<String>,
}

/// Opens the screen for a reviewer; others are told who may review.
pub fn open(env: &mut Env) -> Outcome {
    let Some(u) = env.user else {
        return Outcome::Error("请先登录".into());
    };
    if let Err(e) = crate::desk::may_review(u) {
        return Outcome::Error(e);
    }
    Outcome::Push(Screen::Review(Box::new(State::load(env))))
}

impl State {
    pub fn load(env: &mut Env) -> State {
        let mut s = State {
            mode: Mode::List,
            rows: Vec::new(),
            selections: Vec::new(),
            sel: 0,
            users: BTreeMap::new(),
            sheet: Sheet::default_sheet(),
            sections: &[],
            squads: &[],
            today: env.today,
            error: None,
        };
        s.reload(env);
        s
    }

    pub fn reload(&mut self, env: &mut Env) {
        self.error = None;
        self.today = env.today;
        let desk = &env.desk;
        self.sheet = super::or_note(desk.review_sheet().map(Some), "评分表", &mut self.error)
            .unwrap_or_else(Sheet::default_sheet);
        self.sections =
            choices::interned(self.sheet.sections.iter().map(|s| s.0.clone()).collect());
        self.users = super::or_note(desk.store().users(), "人员", &mut self.error);
        let mut squads: Vec<String> = self
            .users
            .values()
            .map(|u| u.squad.clone())
            .filter(|s| !s.is_empty())
            .collect();
        squads.sort();
        squads.dedup();
        squads.insert(0, ALL_SQUADS.into());
        self.squads = choices::interned(squads);
        // Every round: dates are compared as text, so the bounds are ordinary dates.
        let (first, last) = (
            NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN),
            NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(NaiveDate::MAX),
        );
        let rounds = super::or_note(
            desk.store().review_rounds_between(first, last),
            "评查记录",
            &mut self.error,
        );
        self.rows = rounds
            .into_iter()
            .rev()
            .map(|r| Row {
                case_no: desk
                    .store()
                    .case_no(r.case_id)
                    .unwrap_or_else(|_| format!("#{}", r.case_id)),
                round: r,
            })
            .collect();
        self.selections = super::or_note(
            desk.store().review_selections(),
            "选案记录",
            &mut self.error,
        );
        self.sel = self.sel.min(self.rows.len().saturating_sub(1));
    }

    fn choose_form(&self, env: &Env) -> FormCore {
        let from = NaiveDate::from_ymd_opt(env.today.year(), 1, 1).unwrap_or(env.today);
        let values = [
            DateBasis::Decided.label().to_string(),
            from.to_string(),
            env.today.to_string(),
            ALL_SQUADS.to_string(),
            String::new(),
            String::new(),
            seed_of_day(env.today).to_string(),
        ];
        FormCore::typed(&choose_specs(self.squads), values, &self.users, env)
    }

    /// Reads the selection form; the first problem in Chinese.
    fn selection(&self, form: &FormCore, today: NaiveDate) -> Result<Selection, String> {
        let specs = choose_specs(self.squads);
        let field = |i: usize, e: String| format!("“{}”：{e}", specs[i].label);
        let basis = DateBasis::parse(&form.value(0))
            .ok_or_else(|| field(0, "请在列表中选择 决定日期 或 归档日期".into()))?;
        let from = step_input::read_date(&form.value(1), today).map_err(|e| field(1, e))?;
        let to = step_input::read_date(&form.value(2), today).map_err(|e| field(2, e))?;
        if from > to {
            return Err(format!("起日 {from} 晚于止日 {to}，请改正"));
        }
        let squad =
            step_input::read_choice(&form.value(3), self.squads).map_err(|e| field(3, e))?;
        let officer = match form.value(4) {
            v if v.is_empty() => None,
            v => match step_input::read_persons(&v, &self.users).map_err(|e| field(4, e))?[..] {
                [one] => Some(one),
                _ => return Err(field(4, "只能选一人".into())),
            },
        };
        let sample = match form.value(5) {
            v if v.is_empty() => None,
            v => match step_input::read_count(&v).map_err(|e| field(5, e))? {
                0 => return Err(field(5, "抽取件数须至少为 1；空则全部".into())),
                n => Some(n as usize),
            },
        };
        let seed = match form.value(6) {
            v if v.is_empty() => seed_of_day(today),
            v => step_input::read_count(&v).map_err(|e| field(6, e))? as u64,
        };
        Ok(Selection {
            basis,
            from,
            to,
            squad: (squad != ALL_SQUADS).then(|| squad.to_string()),
            officer,
            sample,
            seed,
        })
    }

    fn start_scoring(&mut self, env: &mut Env) -> Outcome {
        let Mode::Choose(form) = &self.mode else {
            return Outcome::Stay;
        };
        let sel = match self.selection(form, env.today) {
            Ok(s) => s,
            Err(e) => return Outcome::Error(e),
        };
        let cases = match env.desk.select_for_review(&sel) {
            Ok(c) => c,
            Err(e) => return Outcome::Error(e.to_string()),
        };
        if cases.is_empty() {
            return Outcome::Error(format!(
                "{}在 {} 至 {} 之间且符合条件的案件一件也没有：请放宽条件",
                sel.basis.label(),
                sel.from,
                sel.to
            ));
        }
        let mut scored = Vec::new();
        for c in &cases {
            let score = match env.desk.score_case(c, &[], env.today) {
                Ok(s) => s,
                Err(e) => return Outcome::Error(e.to_string()),
            };
            scored.push(Scored {
                case_id: c.id,
                case_no: env
                    .desk
                    .store()
                    .case_no(c.id)
                    .unwrap_or_else(|_| format!("#{}", c.id)),
                party: c
                    .parties
                    .first()
                    .map(|p| p.display_name())
                    .unwrap_or_default(),
                handlers: c
                    .handlers
                    .iter()
                    .filter_map(|h| self.users.get(h))
                    .map(|u| u.name.clone())
                    .collect::<Vec<_>>()
                    .join("、"),
                manual: Vec::new(),
                score,
                hints: env
                    .desk
                    .findings(c, env.today)
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|f| f.severity == crate::domain::review::Severity::Hint)
                    .map(|f| format!("[提示] {} {}：{}", f.code, f.name, f.message))
                    .collect(),
            });
        }
        let n = scored.len();
        let how = match sel.sample {
            Some(k) => format!("随机抽取 {k} 件，种子 {}", sel.seed),
            None => "符合条件的全部".into(),
        };
        self.mode = Mode::Score(Box::new(Scoring {
            selection: sel,
            cases: scored,
            at: 0,
            adding: None,
            confirm_leave: false,
        }));
        let save = env.keymap.key_label("review_score", UiAction::Submit);
        Outcome::Status(format!(
            "已选 {n} 件（{how}）；逐件评分后按 {save} 保存本轮"
        ))
    }

    fn score_again(env: &Env, sc: &mut Scored) -> Result<(), String> {
        let case = env
            .desk
            .store()
            .load_case(sc.case_id)
            .map_err(|e| e.to_string())?;
        sc.score = env
            .desk
            .score_case(&case, &sc.manual, env.today)
            .map_err(|e| e.to_string())?;
        Ok(())
    }

    fn handle_scoring(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        let Mode::Score(sc) = &mut self.mode else {
            return Outcome::Stay;
        };
        if let Some(form) = &mut sc.adding {
            return match form.handle(a) {
                FormStep::Done(o) => *o,
                FormStep::Edited | FormStep::Other(_) => Outcome::Stay,
                FormStep::Leave => {
                    sc.adding = None;
                    Outcome::Stay
                }
                FormStep::Submit => {
                    let d = match sheet::manual_deduction(
                        &self.sheet,
                        &form.value(0),
                        &form.value(1),
                        &form.value(2),
                    ) {
                        Ok(d) => d,
                        Err(e) => return Outcome::Error(e),
                    };
                    let Some(case) = sc.cases.get_mut(sc.at) else {
                        return Outcome::Stay;
                    };
                    case.manual.push(d);
                    if let Err(e) = State::score_again(env, case) {
                        case.manual.pop();
                        return Outcome::Error(e);
                    }
                    sc.adding = None;
                    sc.confirm_leave = false;
                    Outcome::Status(format!("已扣分；本案得分 {}", case.score.score_text()))
                }
            };
        }
        let n = sc.cases.len();
        match a {
            UiAction::NextTab | UiAction::Down => sc.at = (sc.at + 1).min(n.saturating_sub(1)),
            UiAction::PrevTab | UiAction::Up => sc.at = sc.at.saturating_sub(1),
            UiAction::New => {
                let form = FormCore::typed(
                    &deduction_specs(self.sections),
                    ["", "", ""],
                    &self.users,
                    env,
                );
                sc.adding = Some(Box::new(form));
            }
            UiAction::Undo => {
                let Some(case) = sc.cases.get_mut(sc.at) else {
                    return Outcome::Stay;
                };
                let Some(gone) = case.manual.pop() else {
                    return Outcome::Error("本案没有人工扣分可删".into());
                };
                if let Err(e) = State::score_again(env, case) {
                    return Outcome::Error(e);
                }
                return Outcome::Status(format!(
                    "已删除人工扣分：{}（{}分）",
                    ui::clean(&gone.reason),
                    points_text(gone.points)
                ));
            }
            UiAction::Submit => {
                let Some(user) = env.user else {
                    return Outcome::Stay;
                };
                let items: Vec<(i64, Vec<Deduction>)> = sc
                    .cases
                    .iter()
                    .map(|c| (c.case_id, c.manual.clone()))
                    .collect();
                let sel = sc.selection.clone();
                return match env.desk.review_cases(&items, env.today, user, Some(&sel)) {
                    Ok(saved) => {
                        let sum: u32 = saved.iter().map(|r| r.score.score).sum();
                        let avg = (sum + saved.len() as u32 / 2) / (saved.len() as u32).max(1);
                        self.mode = Mode::List;
                        self.sel = 0;
                        self.reload(env);
                        Outcome::Status(format!(
                            "已保存本轮评查：{} 件，平均 {} 分",
                            saved.len(),
                            points_text(avg)
                        ))
                    }
                    Err(e) => Outcome::Error(e.to_string()),
                };
            }
            UiAction::Back | UiAction::Quit => {
                if !sc.confirm_leave {
                    sc.confirm_leave = true;
                    return Outcome::Status(format!(
                        "本轮评查尚未保存：再按一次 {} 放弃，或按 {} 保存",
                        env.keymap.key_label("review_score", a),
                        env.keymap.key_label("review_score", UiAction::Submit)
                    ));
                }
                if a == UiAction::Quit {
                    return Outcome::Quit;
                }
                self.mode = Mode::List;
            }
            _ => {}
        }
        Outcome::Stay
    }

    pub fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        match &mut self.mode {
            Mode::Score(_) => return self.handle_scoring(a, env),
            Mode::Choose(form) => {
                return match form.handle(a) {
                    FormStep::Done(o) => *o,
                    FormStep::Edited | FormStep::Other(_) => Outcome::Stay,
                    FormStep::Submit => self.start_scoring(env),
                    FormStep::Leave => {
                        self.mode = Mode::List;
                        Outcome::Stay
                    }
                }
            }
            Mode::Detail(_) => {
                if matches!(a, UiAction::Back | UiAction::Open) {
                    self.mode = Mode::List;
                } else if a == UiAction::Quit {
                    return Outcome::Quit;
                }
                return Outcome::Stay;
            }
            Mode::List => {}
        }
        match a {
            UiAction::Open if self.sel < self.rows.len() => self.mode = Mode::Detail(self.sel),
            UiAction::Down => self.sel = (self.sel + 1).min(self.rows.len().saturating_sub(1)),
            UiAction::Up => self.sel = self.sel.saturating_sub(1),
            UiAction::New => self.mode = Mode::Choose(Box::new(self.choose_form(env))),
            UiAction::GoQuality => return super::quality::open(env),
            UiAction::Back => return Outcome::Pop(None),
            UiAction::Quit => return Outcome::Quit,
            _ => {}
        }
        Outcome::Stay
    }
}

fn draw_list(f: &mut Frame, area: Rect, s: &State) {
    let area = ui::load_error(f, area, &s.error);
    let mut lines: Vec<Line> = Vec::new();
    if let Some((at, who, what)) = s.selections.first() {
        lines.push(Line::from(Span::styled(
            format!(
                "上次选案 {} {}：{}",
                at.get(..10).unwrap_or(at),
                ui::clean(who),
                ui::clean(what.trim_start_matches("评查选案："))
            ),
            ui::dim(),
        )));
    }
    if s.rows.is_empty() {
        lines.push(Line::from("尚无评查记录。按 n 选案开始一轮评查。"));
    }
    let top = lines.len();
    for (i, r) in s.rows.iter().enumerate() {
        let style = if i == s.sel {
            ui::selected()
        } else {
            Style::default()
        };
        let sc = &r.round.score;
        lines.push(Line::from(Span::styled(
            format!(
                "{} {} 第{}轮 {} {}/{} {}",
                r.round.date,
                ui::clean(&r.case_no),
                r.round.round,
                ui::clean(&r.round.reviewer_name),
                sc.score_text(),
                points_text(sc.total),
                sc.grade
            ),
            style,
        )));
    }
    let height = area.height as usize;
    let skip = (top + s.sel + 1).saturating_sub(height);
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((skip as u16, 0)),
        area,
    );
}

fn deduction_line(d: &Deduction) -> String {
    let who = if d.rule.is_empty() {
        "人工".to_string()
    } else {
        d.rule.clone()
    };
    format!(
        "-{} [{}] {}：{}",
        points_text(d.points),
        d.section,
        who,
        ui::clean(&d.reason)
    )
}

fn draw_scoring(f: &mut Frame, area: Rect, s: &State, sc: &Scoring) {
    let Some(case) = sc.cases.get(sc.at) else {
        return;
    };
    let score = &case.score;
    let mut lines = vec![
        Line::from(Span::styled(
            format!(
                "第 {}/{} 件  {}  {}",
                sc.at + 1,
                sc.cases.len(),
                ui::clean(&case.case_no),
                ui::clean(&case.party)
            ),
            ui::title_style(),
        )),
        Line::from(format!(
            "承办人：{}  得分 {}/{} {}",
            ui::clean(&case.handlers),
            score.score_text(),
            points_text(score.total),
            score.grade
        )),
        Line::from(Span::styled(
            score
                .sections
                .iter()
                .map(|x| {
                    format!(
                        "{}{}分扣{}",
                        x.name,
                        points_text(x.points),
                        points_text(x.deducted)
                    )
                })
                .collect::<Vec<_>>()
                .join("  "),
            ui::dim(),
        )),
    ];
    for v in &score.vetoes {
        lines.push(Line::from(Span::styled(
            format!("否决：{}", ui::clean(v)),
            ui::bad(),
        )));
    }
    if score.automatic.is_empty() && score.vetoes.is_empty() {
        lines.push(Line::from("自动评查：未发现扣分项"));
    }
    for d in &score.automatic {
        lines.push(Line::from(deduction_line(d)));
    }
    for d in &case.manual {
        lines.push(Line::from(Span::styled(deduction_line(d), ui::warn())));
    }
    for h in &case.hints {
        lines.push(Line::from(Span::styled(ui::clean(h), ui::dim())));
    }
    match &sc.adding {
        None => {
            f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
        }
        Some(form) => {
            // The sheet above, the deduction form below it.
            let [sheet_area, form_area] =
                Layout::vertical([Constraint::Length(4), Constraint::Min(4)]).areas(area);
            lines.truncate(3);
            f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), sheet_area);
            let specs = deduction_specs(s.sections);
            let checks = choices::checks(&specs, form, &s.users, s.today);
            fields::draw(f, form_area, &specs, form, &checks);
        }
    }
}

/// A saved round as `zhifa review show` prints it.
fn draw_detail(f: &mut Frame, area: Rect, row: &Row) {
    let r = &row.round;
    let sc = &r.score;
    let mut lines = vec![
        Line::from(Span::styled(
            format!(
                "{} 第{}轮  {}  评查人 {}",
                ui::clean(&row.case_no),
                r.round,
                r.date,
                ui::clean(&r.reviewer_name)
            ),
            ui::title_style(),
        )),
        Line::from(format!(
            "得分 {}/{} {}（{}）",
            sc.score_text(),
            points_text(sc.total),
            sc.grade,
            ui::clean(&sc.sheet)
        )),
    ];
    for x in &sc.sections {
        lines.push(Line::from(format!(
            "  {} {}分，扣 {}",
            x.name,
            points_text(x.points),
            points_text(x.deducted)
        )));
    }
    for v in &sc.vetoes {
        lines.push(Line::from(Span::styled(
            format!("  否决：{}", ui::clean(v)),
            ui::bad(),
        )));
    }
    for d in sc.automatic.iter().chain(&sc.manual) {
        lines.push(Line::from(format!("  {}", deduction_line(d))));
    }
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}

pub fn draw(f: &mut Frame, area: Rect, s: &State) {
    match &s.mode {
        Mode::List => draw_list(f, area, s),
        Mode::Detail(i) => {
            if let Some(row) = s.rows.get(*i) {
                draw_detail(f, area, row);
            }
        }
        Mode::Choose(form) => {
            let [head, body] =
                Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
            f.render_widget(
                Paragraph::new(Span::styled(
                    "选案：按日期、中队、承办人筛选，可随机抽样（Ctrl-S 确定）",
                    ui::title_style(),
                )),
                head,
            );
            let specs = choose_specs(s.squads);
            let checks = choices::checks(&specs, form, &s.users, s.today);
            fields::draw(f, body, &specs, form, &checks);
        }
        Mode::Score(sc) => draw_scoring(f, area, s, sc),
    }
}

impl View for State {
    fn title(&self) -> String {
        match &self.mode {
            Mode::List | Mode::Detail(_) => "案卷评查".into(),
            Mode::Choose(_) => "案卷评查 · 选案".into(),
            Mode::Score(_) => "案卷评查 · 评分".into(),
        }
    }
    fn section(&self) -> &'static str {
        match &self.mode {
            Mode::List => "review",
            Mode::Detail(_) => "review_round",
            Mode::Choose(_) => form_core::SECTION,
            Mode::Score(sc) if sc.adding.is_some() => form_core::SECTION,
            Mode::Score(_) => "review_score",
        }
    }
    fn takes_text(&self) -> bool {
        match &self.mode {
            Mode::List | Mode::Detail(_) => false,
            Mode::Choose(_) => true,
            Mode::Score(sc) => sc.adding.is_some(),
        }
    }
    fn acts(&self, a: UiAction) -> bool {
        match &self.mode {
            Mode::List => match a {
                UiAction::Up | UiAction::Down => self.rows.len() > 1,
                UiAction::Open => !self.rows.is_empty(),
                _ => true,
            },
            Mode::Detail(_) => true,
            Mode::Choose(_) => a != UiAction::FillAmount,
            Mode::Score(sc) if sc.adding.is_some() => a != UiAction::FillAmount,
            Mode::Score(sc) => match a {
                UiAction::NextTab | UiAction::PrevTab | UiAction::Up | UiAction::Down => {
                    sc.cases.len() > 1
                }
                UiAction::Undo => sc.cases.get(sc.at).is_some_and(|c| !c.manual.is_empty()),
                _ => true,
            },
        }
    }
    fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        State::handle(self, a, env)
    }
    fn paste(&mut self, text: &str, _env: &mut Env) -> Outcome {
        match &mut self.mode {
            Mode::Choose(form) => {
                form.paste(text);
            }
            Mode::Score(sc) => {
                if let Some(form) = &mut sc.adding {
                    form.paste(text);
                }
            }
            Mode::List | Mode::Detail(_) => {}
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
