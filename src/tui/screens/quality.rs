//! 评查质量报告: the latest review round of each case over a period, by 中队, 人员 or 月份
//! — the desk's `quality_report`, as `zhifa review report` prints it. Tab changes the
//! grouping, `f` the period, `x` exports the table as a spreadsheet under a new name
//! (never over an existing file; the full path is shown).

use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use crate::desk::QualityBy;
use crate::domain::review::appraisal::Appraisal;
use crate::domain::review::{points_text, QualityLine};
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
        label: "评查日期自",
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

pub struct State {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub by: QualityBy,
    pub lines: Vec<QualityLine>,
    /// The 执法质量考评 view (after 月份 in the Tab cycle): each officer's figures.
    pub appraising: bool,
    pub appraisal: Vec<(crate::domain::people::User, Appraisal)>,
    /// The first row shown (the report can be longer than the screen).
    pub top: usize,
    pub error: Option<String>,
    /// The period form, while open.
    pub period: Option<Box<FormCore>>,
    /// Where `x` writes (the export folder; tests point it elsewhere).
    pub export_dir: Option<PathBuf>,
    pub today: NaiveDate,
}

/// Opens the report for a reviewer; others are told who may.
pub fn open(env: &mut Env) -> Outcome {
    let Some(u) = env.user else {
        return Outcome::Error("请先登录".into());
    };
    if let Err(e) = crate::desk::may_review(u) {
        return Outcome::Error(e);
    }
    Outcome::Push(Screen::Quality(Box::new(State::load(env))))
}

impl State {
    pub fn load(env: &mut Env) -> State {
        let mut s = State {
            from: NaiveDate::from_ymd_opt(env.today.year(), 1, 1).unwrap_or(env.today),
            to: env.today,
            by: QualityBy::Squad,
            lines: Vec::new(),
            appraising: false,
            appraisal: Vec::new(),
            top: 0,
            error: None,
            period: None,
            export_dir: env.export_dir.map(std::path::Path::to_path_buf),
            today: env.today,
        };
        s.reload(env);
        s
    }

    pub fn reload(&mut self, env: &mut Env) {
        self.error = None;
        self.top = 0;
        if self.appraising {
            self.appraisal = super::or_note(
                env.desk.officer_appraisal(self.from, self.to),
                "考评数据",
                &mut self.error,
            );
            return;
        }
        self.lines = super::or_note(
            env.desk.quality_report(self.from, self.to, self.by),
            "评查记录",
            &mut self.error,
        );
    }

    /// Tab: 中队 → 人员 → 月份 → 考评 → 中队.
    fn turn(&mut self, step: isize, env: &mut Env) {
        let all = QualityBy::ALL;
        let n = all.len() as isize + 1;
        let i = if self.appraising {
            all.len() as isize
        } else {
            all.iter().position(|b| *b == self.by).unwrap_or(0) as isize
        };
        let next = (i + step).rem_euclid(n) as usize;
        self.appraising = next == all.len();
        if !self.appraising {
            self.by = all[next];
        }
        self.reload(env);
    }

    pub fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        if let Some(form) = &mut self.period {
            return match form.handle(a) {
                FormStep::Done(o) => *o,
                FormStep::Edited | FormStep::Other(_) => Outcome::Stay,
                FormStep::Leave => {
                    self.period = None;
                    Outcome::Stay
                }
                FormStep::Submit => {
                    let read = |i: usize| {
                        step_input::read_date(&form.value(i), env.today)
                            .map_err(|e| format!("“{}”：{e}", PERIOD[i].label))
                    };
                    let (from, to) = match (read(0), read(1)) {
                        (Ok(f), Ok(t)) if f <= t => (f, t),
                        (Ok(f), Ok(t)) => {
                            return Outcome::Error(format!("起日 {f} 晚于止日 {t}，请改正"))
                        }
                        (Err(e), _) | (_, Err(e)) => return Outcome::Error(e),
                    };
                    self.from = from;
                    self.to = to;
                    self.period = None;
                    self.reload(env);
                    Outcome::Status(format!("期间：{from} 至 {to}"))
                }
            };
        }
        match a {
            UiAction::NextTab => self.turn(1, env),
            UiAction::PrevTab => self.turn(-1, env),
            UiAction::EditPeriod => {
                let values = [self.from.to_string(), self.to.to_string()];
                self.period = Some(Box::new(FormCore::typed(
                    &PERIOD,
                    values,
                    &Default::default(),
                    env,
                )));
            }
            UiAction::ExportDoc => return self.export(env),
            UiAction::Down => {
                self.top = (self.top + 1).min(self.table().rows.len().saturating_sub(1));
            }
            UiAction::Up => self.top = self.top.saturating_sub(1),
            UiAction::Back => return Outcome::Pop(None),
            UiAction::Quit => return Outcome::Quit,
            _ => {}
        }
        Outcome::Stay
    }

    /// The report as a table: one row a group, or one an officer in the 考评 view.
    fn table(&self) -> crate::report::table::Table<'static> {
        if self.appraising {
            return crate::report::table::Table {
                name: "执法质量考评",
                headers: APPRAISAL_HEADERS.map(String::from).to_vec(),
                rows: self
                    .appraisal
                    .iter()
                    .map(|(u, a)| appraisal_row(u, a))
                    .collect(),
            };
        }
        crate::report::table::Table {
            name: "评查质量",
            headers: [self.by.label(), "评查数", "平均分", "最常见扣分"]
                .map(String::from)
                .to_vec(),
            rows: self
                .lines
                .iter()
                .map(|l| {
                    vec![
                        l.group.clone(),
                        l.reviewed.to_string(),
                        points_text(l.average),
                        top_text(l),
                    ]
                })
                .collect(),
        }
    }

    fn export(&mut self, env: &mut Env) -> Outcome {
        if self.table().rows.is_empty() {
            return Outcome::Error("本期间没有评查记录，无可导出".into());
        }
        let Some(dir) = &self.export_dir else {
            return Outcome::Error("无法确定导出目录（没有 HOME？）".into());
        };
        // Short, so the status line shows the whole path at 80 columns.
        let stem = format!(
            "评查质量_{}_{}-{}",
            if self.appraising {
                "考评"
            } else {
                self.by.label()
            },
            self.from.format("%Y%m%d"),
            self.to.format("%Y%m%d")
        );
        let written = crate::report::table::xlsx_bytes(&[self.table()]).and_then(|bytes| {
            crate::output::write_new_name(dir, &stem, "xlsx", &bytes, env.desk.store().path())
                .map_err(|e| e.to_string())
        });
        match written {
            Ok(path) => Outcome::Status(format!("已导出：{}", path.display())),
            Err(e) => Outcome::Error(format!("不能导出评查质量报告：{e}")),
        }
    }
}

const APPRAISAL_HEADERS: [&str; 7] = [
    "中队",
    "姓名",
    "作出决定",
    "已评查",
    "平均分",
    "否决",
    "过错责任",
];

fn appraisal_row(u: &crate::domain::people::User, a: &Appraisal) -> Vec<String> {
    vec![
        u.squad.clone(),
        u.name.clone(),
        a.decided.to_string(),
        a.reviewed.to_string(),
        a.average.map_or_else(|| "—".to_string(), points_text),
        a.vetoed.to_string(),
        a.faults.to_string(),
    ]
}

fn top_text(l: &QualityLine) -> String {
    l.top_deductions
        .iter()
        .map(|(k, n)| format!("{k}×{n}"))
        .collect::<Vec<_>>()
        .join("；")
}

pub fn draw(f: &mut Frame, area: Rect, s: &State) {
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let mut groups: Vec<String> = QualityBy::ALL
        .iter()
        .map(|b| {
            if *b == s.by && !s.appraising {
                format!("[{}]", b.label())
            } else {
                b.label().to_string()
            }
        })
        .collect();
    groups.push(if s.appraising { "[考评]" } else { "考评" }.to_string());
    f.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!("{} 至 {}  ", s.from, s.to), ui::title_style()),
            Span::raw(format!("按 {}", groups.join(" "))),
        ])),
        head,
    );
    if let Some(form) = &s.period {
        let checks = choices::checks(&PERIOD, form, &Default::default(), s.today);
        fields::draw(f, body, &PERIOD, form, &checks);
        return;
    }
    let body = ui::load_error(f, body, &s.error);
    if s.appraising {
        draw_appraisal(f, body, s);
        return;
    }
    // Columns: the group (as wide as the widest), count, average, then the deductions.
    let group_w = s
        .lines
        .iter()
        .map(|l| unicode_width::UnicodeWidthStr::width(ui::clean(&l.group).as_str()))
        .max()
        .unwrap_or(0)
        .max(8);
    let pad = |t: &str, w: usize| crate::text::pad(t, w);
    let mut lines = vec![Line::from(Span::styled(
        format!(
            "{}{}{}最常见扣分",
            pad(s.by.label(), group_w + 2),
            pad("评查数", 8),
            pad("平均分", 8)
        ),
        ui::dim(),
    ))];
    if s.lines.is_empty() {
        lines.push(Line::from("本期间没有评查记录"));
    }
    for l in s.lines.iter().skip(s.top) {
        lines.push(Line::from(format!(
            "{}{}{}{}",
            pad(&ui::clean(&l.group), group_w + 2),
            pad(&l.reviewed.to_string(), 8),
            pad(&points_text(l.average), 8),
            ui::clean(&top_text(l))
        )));
    }
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
}

/// The 考评 view: one row an officer, columns as wide as their widest cell.
fn draw_appraisal(f: &mut Frame, area: Rect, s: &State) {
    let rows: Vec<Vec<String>> = s
        .appraisal
        .iter()
        .map(|(u, a)| {
            appraisal_row(u, a)
                .into_iter()
                .map(|c| ui::clean(&c))
                .collect()
        })
        .collect();
    let width = |i: usize| {
        rows.iter()
            .map(|r| unicode_width::UnicodeWidthStr::width(r[i].as_str()))
            .chain(std::iter::once(unicode_width::UnicodeWidthStr::width(
                APPRAISAL_HEADERS[i],
            )))
            .max()
            .unwrap_or(0)
            + 2
    };
    let widths: Vec<usize> = (0..APPRAISAL_HEADERS.len()).map(width).collect();
    let line = |cells: &[String]| -> String {
        cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| crate::text::pad(c, *w))
            .collect()
    };
    let header: Vec<String> = APPRAISAL_HEADERS.map(String::from).to_vec();
    let mut lines = vec![
        Line::from(Span::styled(
            format!(
                "平均分：期间内作出决定、已评查案件最近一轮得分的平均；等次按本机关规定评定（共 {} 人，j/k 滚动）",
                rows.len()
            ),
            ui::dim(),
        )),
        Line::from(Span::styled(line(&header), ui::dim())),
    ];
    if rows.is_empty() {
        lines.push(Line::from("本期间没有作出决定的案件"));
    }
    lines.extend(rows.iter().skip(s.top).map(|r| Line::from(line(r))));
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}

impl View for State {
    fn title(&self) -> String {
        "评查质量报告".into()
    }
    fn section(&self) -> &'static str {
        if self.period.is_some() {
            form_core::SECTION
        } else {
            "quality"
        }
    }
    fn takes_text(&self) -> bool {
        self.period.is_some()
    }
    fn acts(&self, a: UiAction) -> bool {
        match a {
            UiAction::FillAmount => false,
            UiAction::ExportDoc => !self.lines.is_empty(),
            _ => true,
        }
    }
    fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        State::handle(self, a, env)
    }
    fn paste(&mut self, text: &str, _env: &mut Env) -> Outcome {
        if let Some(form) = &mut self.period {
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
