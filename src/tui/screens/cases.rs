//! 案件列表: a table of cases with instant search (every keystroke, including pinyin
//! initials). Only a window of rows around the selection is loaded, never the whole table.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table};
use ratatui::Frame;

use crate::store::{CaseFilter, CaseRow, PageAt};
use crate::tui::action::UiAction;
use crate::tui::app::{Env, Outcome, Screen};
use crate::tui::commands::ListCommand;
use crate::tui::input::TextInput;
use crate::tui::screens::{case_view, new_case, powers};
use crate::tui::ui;
use crate::tui::view::View;

/// The case number column: 合综执当罚〔2026〕12345号 is 25 cells.
const CASE_NO_W: u16 = 25;

/// Matches counted before the list is drawn; beyond this the count waits until the clerk
/// scrolls that far or presses G (see `Store::count_cases_upto`).
const COUNT_CAP: usize = 10_000;

/// Rows loaded around the selection.
const WINDOW: usize = 200;
const PAGE: usize = 15;

pub struct State {
    /// The search key as the keymap binds it, for the hint line.
    search_key: String,
    pub searching: bool,
    pub query: TextInput,
    pub overdue: bool,
    /// Filters and sort set from the command palette (stage, field, squad, officer, dates).
    pub base: CaseFilter,
    pub total: usize,
    /// False while `total` is only a lower bound (more than `COUNT_CAP` matches).
    pub counted_all: bool,
    /// Index (in the whole filtered list) of the first loaded row.
    pub window_start: usize,
    pub rows: Vec<CaseRow>,
    pub sel: usize,
    pub error: Option<String>,
    /// The case the query names as a reference, if it is one (see `reload`).
    reference: Option<i64>,
    /// The query is shown selected: the next key typed replaces it.
    query_selected: bool,
    /// Each power's 案由 (its short name) by code, read once when the list opens.
    causes: std::collections::HashMap<String, String>,
}

impl State {
    pub fn load(env: &mut Env) -> State {
        let mut s = State {
            search_key: env.keymap.key_label("cases", UiAction::Search),
            searching: false,
            query: TextInput::default(),
            overdue: false,
            base: CaseFilter::default(),
            total: 0,
            counted_all: true,
            window_start: 0,
            rows: vec![],
            sel: 0,
            error: None,
            reference: None,
            query_selected: false,
            causes: env
                .desk
                .store()
                .powers_on(env.today, None)
                .map(|ps| {
                    ps.into_iter()
                        .map(|p| (p.power.code.clone(), p.power.cause()))
                        .collect()
                })
                .unwrap_or_default(),
        };
        s.reload(env);
        s
    }

    /// A row's 案由: the power's short name, else its name without `对……的处罚`.
    fn cause(&self, r: &CaseRow) -> String {
        self.causes.get(&r.power_code).cloned().unwrap_or_else(|| {
            let name = r.power_name.trim();
            let name = name.strip_prefix('对').unwrap_or(name);
            name.strip_suffix("的处罚").unwrap_or(name).to_string()
        })
    }

    fn filter(&self) -> CaseFilter {
        if let Some(id) = self.reference {
            return CaseFilter {
                case_id: Some(id),
                overdue_only: self.overdue,
                ..self.base.clone()
            };
        }
        CaseFilter {
            text: Some(self.query.value.clone()).filter(|q| !q.trim().is_empty()),
            overdue_only: self.overdue,
            ..self.base.clone()
        }
    }

    /// A filter or sort from the command palette: `stage 告知`, `field CG`, `squad 第一中队`,
    /// `officer zhangwei`, `from 2026-01-01`, `to 2026-06-30`, `sort 期限`, `clear`.
    pub fn apply_command(
        &mut self,
        cmd: ListCommand,
        arg: &str,
        env: &mut Env,
    ) -> Result<String, String> {
        use crate::domain::case::Stage;
        use crate::domain::field::Field;
        let arg = arg.trim();
        let msg = match cmd {
            ListCommand::Stage => {
                self.base.stage = Some(Stage::parse(arg).ok_or_else(|| {
                    format!(
                        "未知阶段“{arg}”，可选：{}",
                        Stage::ALL.map(|s| s.name()).join(" ")
                    )
                })?);
                format!("阶段：{arg}")
            }
            ListCommand::Field => {
                let f = Field::parse(arg).ok_or_else(|| format!("未知领域“{arg}”"))?;
                self.base.field = Some(f);
                format!("领域：{f}")
            }
            ListCommand::Squad => {
                self.base.squad = Some(arg.to_string());
                format!("中队：{arg}")
            }
            ListCommand::Officer => {
                let users = env.desk.store().users().map_err(|e| e.to_string())?;
                self.base.handler = Some(crate::step_input::user_id(&users, arg)?);
                format!("承办人：{arg}")
            }
            ListCommand::From => {
                self.base.from =
                    Some(crate::domain::chinese::parse_date(arg).map_err(|e| e.to_string())?);
                format!("立案日期自 {arg}")
            }
            ListCommand::To => {
                self.base.to =
                    Some(crate::domain::chinese::parse_date(arg).map_err(|e| e.to_string())?);
                format!("立案日期至 {arg}")
            }
            ListCommand::Sort => {
                self.base.sort = crate::store::CaseSort::ALL
                    .into_iter()
                    .find(|s| s.label().contains(arg) || arg.is_empty())
                    .ok_or_else(|| {
                        format!(
                            "可按：{}",
                            crate::store::CaseSort::ALL.map(|s| s.label()).join(" ")
                        )
                    })?;
                format!("按{}排序", self.base.sort.label())
            }
            ListCommand::Clear => {
                self.base = CaseFilter::default();
                self.overdue = false;
                self.query = TextInput::default();
                "已清除全部筛选".to_string()
            }
        };
        self.sel = 0;
        self.reload(env);
        Ok(msg)
    }

    fn next_sort(&mut self, env: &mut Env) {
        let all = crate::store::CaseSort::ALL;
        let i = all.iter().position(|s| *s == self.base.sort).unwrap_or(0);
        self.base.sort = all[(i + 1) % all.len()];
        self.sel = 0;
        self.reload(env);
    }

    /// The active filters, for the status bar.
    fn describe_filters(&self) -> String {
        let f = &self.base;
        let mut parts = Vec::new();
        if let Some(s) = f.stage {
            parts.push(format!("阶段 {}", s.name()));
        }
        if let Some(x) = f.field {
            parts.push(format!("领域 {x}"));
        }
        if let Some(x) = &f.squad {
            parts.push(format!("中队 {x}"));
        }
        if f.handler.is_some() {
            parts.push("指定承办人".into());
        }
        if let Some(d) = f.from {
            parts.push(format!("自 {d}"));
        }
        if let Some(d) = f.to {
            parts.push(format!("至 {d}"));
        }
        if self.overdue {
            parts.push("只看逾期".into());
        }
        parts.push(format!("按{}排序", f.sort.label()));
        parts.join(" ")
    }

    /// Reloads the count and the window of rows around the selection.
    pub fn reload(&mut self, env: &mut Env) {
        // A query that is a case reference the CLI accepts (`#183`, `2026-183`, a document
        // number) shows that case; anything else searches the text.
        let q = self.query.value.trim();
        self.reference = if q.is_empty() {
            None
        } else {
            env.desk.store().find_case(q).ok().flatten()
        };
        let f = self.filter();
        let cap = COUNT_CAP.max(self.sel + WINDOW);
        match env.desk.store().count_cases_upto(&f, cap) {
            Ok((n, exact)) => {
                self.total = n;
                self.counted_all = exact;
            }
            Err(e) => {
                self.error = Some(e.to_string());
                return;
            }
        }
        self.load_window(env);
    }

    /// Loads the window around the selection from the top of the list by position (a jump
    /// too far for keyset paging; Top is offset 0), keeping the count.
    fn load_window(&mut self, env: &mut Env) {
        self.sel = self.sel.min(self.total.saturating_sub(1));
        self.window_start = self.sel.saturating_sub(WINDOW / 2);
        let page = CaseFilter {
            limit: Some(WINDOW as u32),
            offset: Some(self.window_start as u32),
            ..self.filter()
        };
        match env.desk.store().list_cases(&page) {
            Ok(rows) => {
                self.rows = rows;
                self.error = None;
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// Loads the window holding the selection. Moving past either end of the window loads
    /// the neighbouring rows by key (`PageAt::After`/`Before`), and the end of the list as
    /// the last page, so scrolling through 100,000 cases never counts rows with OFFSET.
    fn ensure_loaded(&mut self, env: &mut Env) {
        let end = self.window_start + self.rows.len();
        if self.sel >= self.window_start && self.sel < end {
            return;
        }
        let near_after = self.sel >= end && self.sel < end + WINDOW;
        let near_before = self.sel < self.window_start && self.sel + WINDOW >= self.window_start;
        let (page, start) = if self.sel + WINDOW >= self.total && self.sel >= end {
            (PageAt::End, None)
        } else if near_after && !self.rows.is_empty() {
            let last = self.rows[self.rows.len() - 1].id;
            (PageAt::After(last), Some(end))
        } else if near_before && !self.rows.is_empty() {
            (PageAt::Before(self.rows[0].id), None)
        } else {
            self.load_window(env);
            return;
        };
        let f = CaseFilter {
            limit: Some(WINDOW as u32),
            page,
            ..self.filter()
        };
        match env.desk.store().list_cases(&f) {
            Ok(rows) if !rows.is_empty() => {
                self.window_start = match (page, start) {
                    (_, Some(s)) => s,
                    (PageAt::End, _) => self.total.saturating_sub(rows.len()),
                    _ => self.window_start.saturating_sub(rows.len()),
                };
                self.rows = rows;
                self.error = None;
                if self.sel < self.window_start || self.sel >= self.window_start + self.rows.len() {
                    // The list changed under us (another desk saved): start afresh.
                    self.reload(env);
                }
            }
            Ok(_) => self.reload(env),
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// Counts every match (when the list only knew there were more than `COUNT_CAP`).
    fn count_all(&mut self, env: &mut Env) {
        if self.counted_all {
            return;
        }
        match env.desk.store().count_cases(&self.filter()) {
            Ok(n) => {
                self.total = n;
                self.counted_all = true;
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    fn move_to(&mut self, to: usize, env: &mut Env) {
        if to + WINDOW >= self.total {
            self.count_all(env);
        }
        self.sel = to.min(self.total.saturating_sub(1));
        self.ensure_loaded(env);
    }

    fn type_char(&mut self, c: char, env: &mut Env) {
        // A query shown selected (search started again) is typed over, as in any search box.
        if std::mem::take(&mut self.query_selected) {
            self.query = TextInput::default();
        }
        self.query.push(c);
        self.sel = 0;
        self.reload(env);
    }

    fn backspace(&mut self, env: &mut Env) {
        if std::mem::take(&mut self.query_selected) {
            self.query = TextInput::default();
        }
        self.query.backspace();
        self.sel = 0;
        self.reload(env);
    }

    pub fn selected(&self) -> Option<&CaseRow> {
        self.rows.get(self.sel.checked_sub(self.window_start)?)
    }

    pub fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        if self.searching {
            match a {
                UiAction::Input(c) => self.type_char(c, env),
                UiAction::DeleteBack => self.backspace(env),
                UiAction::Submit => {
                    self.searching = false;
                    self.query_selected = false;
                }
                UiAction::Back => {
                    self.searching = false;
                    self.query = TextInput::default();
                    self.sel = 0;
                    self.reload(env);
                }
                _ => {}
            }
            return Outcome::Stay;
        }
        match a {
            UiAction::Down => self.move_to(self.sel + 1, env),
            UiAction::Up => self.move_to(self.sel.saturating_sub(1), env),
            UiAction::PageDown => self.move_to(self.sel + PAGE, env),
            UiAction::PageUp => self.move_to(self.sel.saturating_sub(PAGE), env),
            UiAction::Top => self.move_to(0, env),
            UiAction::Bottom => {
                self.count_all(env);
                self.move_to(self.total.saturating_sub(1), env)
            }
            UiAction::Search => {
                self.searching = true;
                self.query_selected = !self.query.value.is_empty();
            }
            UiAction::Sort => self.next_sort(env),
            UiAction::ToggleOverdue => {
                self.overdue = !self.overdue;
                self.sel = 0;
                self.reload(env);
            }
            UiAction::Open => {
                if let Some(row) = self.selected() {
                    return match case_view::State::load(row.id, env) {
                        Ok(s) => Outcome::Push(Screen::Case(Box::new(s))),
                        Err(e) => Outcome::Error(e),
                    };
                }
            }
            UiAction::PrintSummaries => return super::batch_print::open(self.filter(), env),
            UiAction::GoPowers => return Outcome::Push(Screen::Powers(powers::State::load(env))),
            UiAction::NewOnSpot => {
                return Outcome::Push(Screen::NewCase(Box::new(new_case::State::on_spot(env))))
            }
            UiAction::New => {
                return Outcome::Push(Screen::NewCase(Box::new(new_case::State::new(env))))
            }
            UiAction::GoHome | UiAction::Back => return Outcome::Pop(None),
            UiAction::Quit => return Outcome::Quit,
            _ => {}
        }
        Outcome::Stay
    }
}

pub fn draw(f: &mut Frame, area: Rect, s: &State) {
    let [bar, table_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let search = if s.searching || !s.query.value.is_empty() {
        format!(
            "搜索：{}{}{}",
            ui::clean(&s.query.value),
            if s.searching { "_" } else { "" },
            if s.query_selected {
                "（输入新内容即替换）"
            } else {
                ""
            }
        )
    } else {
        format!(
            "按 {} 搜索（案号、2026-12、姓名、证件号、地点、拼音）",
            s.search_key
        )
    };
    let filter = format!("  [{}]", s.describe_filters());
    let pos = if s.total == 0 { 0 } else { s.sel + 1 };
    // The position is drawn at the right edge first, so a long query or filter list can
    // never push "第几件/共几件" off a narrow terminal.
    let more = if s.counted_all { "" } else { "+" };
    let count = format!("  {pos}/{}{more} 件", s.total);
    let [left, right] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(unicode_width::UnicodeWidthStr::width(count.as_str()) as u16),
    ])
    .areas(bar);
    f.render_widget(
        Paragraph::new(Line::from(vec![
            Span::raw(search),
            Span::styled(filter, ui::warn()),
        ])),
        left,
    );
    f.render_widget(Paragraph::new(Span::styled(count, ui::dim())), right);
    if let Some(e) = &s.error {
        f.render_widget(Paragraph::new(e.as_str()).style(ui::bad()), table_area);
        return;
    }
    let visible = table_area.height.saturating_sub(1) as usize;
    let wide = table_area.width >= 110;
    let rel_sel = s.sel.saturating_sub(s.window_start);
    let first = rel_sel.saturating_sub(visible.saturating_sub(1));
    let rows: Vec<Row> = s
        .rows
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(i, r)| {
            let due = match (&r.next_due_kind, &r.next_due) {
                (Some(k), Some(d)) => format!("{} {d}", k.label()),
                _ => String::new(),
            };
            let state = r.next_due_state.map(|s| s.label()).unwrap_or_default();
            let style = if i == rel_sel {
                ui::selected()
            } else {
                ui::deadline_style(r.next_due_state)
            };
            let mut cells = vec![ui::clean(&r.case_no), ui::clean(&r.party_names)];
            if wide {
                cells.push(ui::clean(&s.cause(r)));
            }
            cells.extend([r.stage.name().to_string(), due, state.to_string()]);
            Row::new(cells).style(style)
        })
        .collect();
    // Below 110 columns the 案由 column is left out (the case view shows it) rather than
    // squeezed to nothing.
    // The party grows with the terminal (a company's name is long); the 案由 is the
    // power's short name (at most 16 characters) and takes twice the party's share.
    let widths: Vec<Constraint> = if wide {
        vec![
            Constraint::Length(CASE_NO_W),
            Constraint::Fill(1),
            Constraint::Fill(2),
            Constraint::Length(8),
            Constraint::Length(20),
            Constraint::Length(8),
        ]
    } else {
        vec![
            Constraint::Length(CASE_NO_W),
            Constraint::Fill(1),
            Constraint::Length(8),
            Constraint::Length(20),
            Constraint::Length(8),
        ]
    };
    let titles: Vec<&str> = if wide {
        vec!["案号", "当事人", "案由", "阶段", "下一期限", "状态"]
    } else {
        vec!["案号", "当事人", "阶段", "下一期限", "状态"]
    };
    let header = Row::new(titles).style(ui::dim());
    f.render_widget(
        Table::new(rows, widths).header(header).column_spacing(1),
        table_area,
    );
}

impl View for State {
    fn title(&self) -> String {
        "案件列表".into()
    }
    fn section(&self) -> &'static str {
        if self.searching {
            "search"
        } else {
            "cases"
        }
    }
    fn takes_text(&self) -> bool {
        self.searching
    }
    fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        State::handle(self, a, env)
    }
    fn reload(&mut self, env: &mut Env) {
        State::reload(self, env)
    }
    fn draw(&self, f: &mut Frame, area: Rect) {
        draw(f, area, self)
    }
}
