//! 期限日历: a month of the working-day calendar — holidays (休) and 调休 working days (班)
//! marked, the number of open deadlines on each day — and the list of that month's
//! deadlines, overdue in red and due within 3 working days in yellow.

use chrono::{Datelike, Months, NaiveDate};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

use crate::domain::calendar::{Calendar, DayType};
use crate::domain::holiday_table::HolidayYear;
use crate::store::DueItem;
use crate::tui::action::UiAction;
use crate::tui::app::{Env, Outcome};
use crate::tui::input::TextInput;
use crate::tui::ui;
use crate::tui::view::View;

pub struct State {
    pub month: NaiveDate,
    pub today: NaiveDate,
    pub calendar: Calendar,
    pub deadlines: Vec<DueItem>,
    pub scroll: u16,
    /// Why the calendar or the deadlines could not be read.
    pub error: Option<String>,
    /// The path of a holiday table being typed (管理员, `i`), None when not importing.
    pub import: Option<TextInput>,
    /// The key that starts an import, as the hints name it.
    import_key: String,
}

impl State {
    pub fn load(env: &mut Env) -> State {
        let month = env.today.with_day(1).unwrap_or(env.today);
        let mut error = None;
        let calendar = super::or_note(env.desk.store().calendar(), "节假日表", &mut error);
        let mut s = State {
            month,
            today: env.today,
            calendar,
            deadlines: vec![],
            scroll: 0,
            error,
            import: None,
            import_key: env.keymap.key_label("calendar", UiAction::ImportHolidays),
        };
        s.reload(env);
        s
    }

    pub fn reload(&mut self, env: &mut Env) {
        let end = self
            .month
            .checked_add_months(Months::new(1))
            .and_then(|d| d.pred_opt())
            .unwrap_or(self.month);
        self.deadlines = super::or_note(
            env.desk.store().deadlines_between(self.month, end),
            "本月期限",
            &mut self.error,
        );
        self.scroll = 0;
    }

    pub fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        if let Some(path) = &mut self.import {
            match a {
                UiAction::Input(c) => path.push(c),
                UiAction::DeleteBack => path.backspace(),
                UiAction::Back => self.import = None,
                UiAction::Submit => return self.import_table(env),
                _ => {}
            }
            return Outcome::Stay;
        }
        match a {
            UiAction::ImportHolidays => {
                let admin = env
                    .user
                    .is_some_and(|u| crate::domain::people::may_administer(u).is_ok());
                if !admin {
                    return Outcome::Error("只有管理员可以导入节假日表".into());
                }
                self.import = Some(TextInput::default());
            }
            UiAction::NextTab => {
                self.month = self
                    .month
                    .checked_add_months(Months::new(1))
                    .unwrap_or(self.month);
                self.reload(env);
            }
            UiAction::PrevTab => {
                self.month = self
                    .month
                    .checked_sub_months(Months::new(1))
                    .unwrap_or(self.month);
                self.reload(env);
            }
            UiAction::Down => self.scroll = self.scroll.saturating_add(1),
            UiAction::Up => self.scroll = self.scroll.saturating_sub(1),
            UiAction::Back => return Outcome::Pop(None),
            UiAction::Quit => return Outcome::Quit,
            _ => {}
        }
        Outcome::Stay
    }
}

impl State {
    /// Reads the typed file and imports it through the desk (admin check, audit, every open
    /// case's deadlines recomputed), as `zhifa calendar import` does. A refusal keeps the
    /// path so it can be fixed.
    fn import_table(&mut self, env: &mut Env) -> Outcome {
        let (Some(path), Some(user)) = (&self.import, env.user) else {
            return Outcome::Stay;
        };
        let typed = path.value.trim();
        if typed.is_empty() {
            return Outcome::Error(
                "请输入节假日表文件的路径（TOML，格式见 assets/holidays/）".into(),
            );
        }
        let file = crate::user_files::expand_home(typed);
        let table = crate::user_files::read_text(&file, crate::user_files::TEXT_FILE_LIMIT)
            .and_then(|text| {
                HolidayYear::parse_toml(&text).map_err(|e| format!("{}：{e}", file.display()))
            });
        let table = match table {
            Ok(t) => t,
            Err(e) => return Outcome::Error(e),
        };
        match env.desk.import_holiday_year(&table, user, env.today) {
            Ok((outcome, updated)) => {
                self.import = None;
                self.calendar =
                    super::or_note(env.desk.store().calendar(), "节假日表", &mut self.error);
                self.reload(env);
                Outcome::Status(format!(
                    "{}：{} 年节假日表（{}）；已重新计算 {updated} 件案件的期限",
                    outcome.label(),
                    table.year,
                    table.source
                ))
            }
            Err(e) => Outcome::Error(e.to_string()),
        }
    }
}

pub fn draw(f: &mut Frame, area: Rect, s: &State) {
    let area = ui::load_error(f, area, &s.error);
    let area = match &s.import {
        Some(path) => {
            let [main, prompt] =
                Layout::vertical([Constraint::Min(3), Constraint::Length(2)]).areas(area);
            f.render_widget(
                Paragraph::new(vec![
                    Line::from(Span::styled(
                        "导入节假日表：输入文件路径（如 ~/2027.toml），回车导入，Esc 取消",
                        ui::warn(),
                    )),
                    Line::from(format!("文件：{}▏", ui::clean(&path.value))),
                ]),
                prompt,
            );
            main
        }
        None => area,
    };
    let [grid_area, list_area] =
        Layout::horizontal([Constraint::Length(43), Constraint::Min(20)]).areas(area);
    let mut lines = vec![
        Line::from(Span::styled(
            format!(
                "{}年{}月   ([ 上月  ] 下月)",
                s.month.year(),
                s.month.month()
            ),
            ui::warn(),
        )),
        Line::from(Span::styled(
            "  一    二    三    四    五    六    日",
            ui::dim(),
        )),
    ];
    let first_col = s.month.weekday().num_days_from_monday() as usize;
    let mut spans: Vec<Span> = (0..first_col).map(|_| Span::raw("      ")).collect();
    let mut day = s.month;
    let missing_year = s.calendar.day_type(s.month).is_err();
    while day.month() == s.month.month() {
        let count = s.deadlines.iter().filter(|d| d.due == day).count();
        let (mark, style) = match s.calendar.day_type(day) {
            Ok(DayType::Holiday(_)) => ("休", ui::bad()),
            Ok(DayType::Makeup(_)) => ("班", ui::warn()),
            Ok(DayType::Weekend) => ("  ", ui::dim()),
            _ => ("  ", ratatui::style::Style::default()),
        };
        let style = if day == s.today {
            ui::selected()
        } else {
            style
        };
        let n = match count {
            0 => " ".to_string(),
            1..=9 => count.to_string(),
            _ => "+".to_string(),
        };
        // The day's number, then its mark, then the count of deadlines in its own colour.
        spans.push(Span::styled(format!("{:>2}{mark}", day.day()), style));
        spans.push(Span::styled(n, ui::count_style(count)));
        spans.push(Span::raw(" "));
        if day.weekday().num_days_from_monday() == 6 {
            lines.push(Line::from(std::mem::take(&mut spans)));
        }
        day = match day.succ_opt() {
            Some(d) => d,
            None => break,
        };
    }
    if !spans.is_empty() {
        lines.push(Line::from(spans));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        "休=节假日 班=调休 黄色数字=当日期限数",
        ui::dim(),
    )));
    if missing_year {
        lines.push(Line::from(Span::styled(
            format!(
                "缺少 {} 年节假日表：管理员按 {} 导入",
                s.month.year(),
                s.import_key
            ),
            ui::bad(),
        )));
    }
    f.render_widget(Paragraph::new(lines), grid_area);
    let items: Vec<Line> = if s.deadlines.is_empty() {
        vec![Line::from(Span::styled("本月没有待办期限", ui::dim()))]
    } else {
        s.deadlines
            .iter()
            .map(|d| {
                Line::from(Span::styled(
                    format!(
                        "{} {} {} {}",
                        d.due.format("%m-%d"),
                        ui::clean(&d.case_no),
                        d.label,
                        d.state.label()
                    ),
                    ui::deadline_style(Some(d.state)),
                ))
            })
            .collect()
    };
    f.render_widget(
        Paragraph::new(items)
            .scroll((s.scroll, 0))
            .block(Block::default().borders(Borders::LEFT).title(" 本月期限 ")),
        list_area,
    );
}

impl View for State {
    fn title(&self) -> String {
        "期限日历".into()
    }
    fn section(&self) -> &'static str {
        if self.import.is_some() {
            "form"
        } else {
            "calendar"
        }
    }
    fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        State::handle(self, a, env)
    }
    fn reload(&mut self, env: &mut Env) {
        State::reload(self, env)
    }
    fn takes_text(&self) -> bool {
        self.import.is_some()
    }
    fn draw(&self, f: &mut Frame, area: Rect) {
        draw(f, area, self)
    }
}
