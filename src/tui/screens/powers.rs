//! 权限清单: browse the powers in effect today by field, search by code or words, and see an
//! item's provisions, statutory range and discretion tiers.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Tabs, Wrap};
use ratatui::Frame;

use crate::domain::field::Field;
use crate::store::PowerVersion;
use crate::tui::action::UiAction;
use crate::tui::app::{Env, Outcome};
use crate::tui::input::TextInput;
use crate::tui::ui;
use crate::tui::view::View;

pub struct State {
    /// The search key as the keymap binds it, for the hint line.
    search_key: String,
    pub all: Vec<PowerVersion>,
    /// 0 = all fields, 1..=8 = one field.
    pub field_tab: usize,
    pub searching: bool,
    pub query: TextInput,
    pub shown: Vec<usize>,
    pub sel: usize,
    /// Why the catalog could not be read.
    pub error: Option<String>,
}

impl State {
    pub fn load(env: &mut Env) -> State {
        let mut error = None;
        let mut all = super::or_note(
            env.desk.store().powers_on(env.today, None),
            "权限清单",
            &mut error,
        );
        all.sort_by(|a, b| (a.power.field, &a.power.code).cmp(&(b.power.field, &b.power.code)));
        let mut s = State {
            search_key: env.keymap.key_label("powers", UiAction::Search),
            all,
            field_tab: 0,
            searching: false,
            query: TextInput::default(),
            shown: vec![],
            sel: 0,
            error,
        };
        s.refilter();
        s
    }

    fn refilter(&mut self) {
        let q = crate::domain::search::normalise_query(&self.query.value);
        let field = self.field_tab.checked_sub(1).map(|i| Field::ALL[i]);
        self.shown = self
            .all
            .iter()
            .enumerate()
            .filter(|(_, v)| field.is_none_or(|f| v.power.field == f))
            .filter(|(_, v)| {
                q.is_empty()
                    || v.power.code.to_lowercase().contains(&q)
                    || v.power.name.contains(&q)
                    || crate::domain::search::initials(&v.power.name).contains(&q)
            })
            .map(|(i, _)| i)
            .collect();
        self.sel = self.sel.min(self.shown.len().saturating_sub(1));
    }

    fn type_char(&mut self, c: char) {
        self.query.push(c);
        self.sel = 0;
        self.refilter();
    }

    fn backspace(&mut self) {
        self.query.backspace();
        self.refilter();
    }

    pub fn handle(&mut self, a: UiAction, _env: &mut Env) -> Outcome {
        if self.searching {
            match a {
                UiAction::Input(c) => self.type_char(c),
                UiAction::DeleteBack => self.backspace(),
                UiAction::Submit => self.searching = false,
                UiAction::Back => {
                    self.searching = false;
                    self.query = TextInput::default();
                    self.refilter();
                }
                _ => {}
            }
            return Outcome::Stay;
        }
        match a {
            UiAction::Down => self.sel = (self.sel + 1).min(self.shown.len().saturating_sub(1)),
            UiAction::Up => self.sel = self.sel.saturating_sub(1),
            UiAction::Top => self.sel = 0,
            UiAction::Bottom => self.sel = self.shown.len().saturating_sub(1),
            UiAction::Search => self.searching = true,
            UiAction::NextTab => {
                self.field_tab = (self.field_tab + 1) % 9;
                self.sel = 0;
                self.refilter();
            }
            UiAction::PrevTab => {
                self.field_tab = (self.field_tab + 8) % 9;
                self.sel = 0;
                self.refilter();
            }
            UiAction::Back | UiAction::GoCases => return Outcome::Pop(None),
            UiAction::Quit => return Outcome::Quit,
            _ => {}
        }
        Outcome::Stay
    }
}

fn detail(v: &PowerVersion) -> Vec<Line<'static>> {
    let p = &v.power;
    let mut out = vec![
        Line::from(Span::styled(format!("{} {}", p.code, p.name), ui::warn())),
        Line::from(format!(
            "领域：{}/{}  {}",
            p.field,
            p.subfield,
            if p.own_name {
                "以本机关名义"
            } else {
                "委托"
            }
        )),
    ];
    for prov in &p.violated {
        out.push(Line::from(format!("违法条款：{prov}")));
    }
    out.push(Line::from(format!("处罚条款：{}", p.penalty)));
    out.push(Line::from(format!("法定处罚：{}", p.statutory.summary())));
    for t in &p.tiers {
        let ranges = p.tier_ranges(t);
        out.push(Line::from(format!("[{}] {}", t.name.name(), ranges)));
        out.push(Line::from(Span::styled(
            format!("    {}", t.condition),
            ui::dim(),
        )));
    }
    if let Some(line) = p.reserved_line() {
        out.push(Line::from(format!("不能自行决定：{line}")));
    }
    for line in p.related_lines() {
        out.push(Line::from(format!("关联事项：{line}")));
    }
    if !p.related.is_empty() {
        out.push(Line::from(crate::domain::catalog::ONE_FINE_RULE));
    }
    out.into_iter()
        .map(|l| {
            Line::from(
                l.spans
                    .into_iter()
                    .map(|s| Span::styled(ui::clean(&s.content), s.style))
                    .collect::<Vec<_>>(),
            )
        })
        .collect()
}

pub fn draw(f: &mut Frame, area: Rect, s: &State) {
    let area = ui::load_error(f, area, &s.error);
    let [tabs_area, bar, main] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    let titles: Vec<String> = std::iter::once("全部".to_string())
        .chain(Field::ALL.iter().map(|f| f.code_prefix().to_string()))
        .collect();
    f.render_widget(
        Tabs::new(titles)
            .select(s.field_tab)
            .highlight_style(ui::selected())
            .divider("|"),
        tabs_area,
    );
    let field_name = s
        .field_tab
        .checked_sub(1)
        .map(|i| Field::ALL[i].name())
        .unwrap_or("全部领域");
    let search = if s.searching || !s.query.value.is_empty() {
        format!(
            "搜索：{}{}",
            ui::clean(&s.query.value),
            if s.searching { "_" } else { "" }
        )
    } else {
        format!("按 {} 搜索编码、名称或拼音首字母", s.search_key)
    };
    f.render_widget(
        Paragraph::new(format!("{field_name}  共 {} 项  {search}", s.shown.len())),
        bar,
    );
    let [list_area, detail_area] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(main);
    let height = list_area.height as usize;
    let start = s.sel.saturating_sub(height.saturating_sub(1));
    let lines: Vec<Line> = s
        .shown
        .iter()
        .enumerate()
        .skip(start)
        .take(height)
        .map(|(i, idx)| {
            let p = &s.all[*idx].power;
            let style = if i == s.sel {
                ui::selected()
            } else {
                ratatui::style::Style::default()
            };
            Line::from(Span::styled(
                format!("{} {}", p.code, ui::clean(&p.name)),
                style,
            ))
        })
        .collect();
    f.render_widget(Paragraph::new(lines), list_area);
    if let Some(idx) = s.shown.get(s.sel) {
        f.render_widget(
            Paragraph::new(detail(&s.all[*idx]))
                .wrap(Wrap { trim: false })
                .block(Block::default().borders(Borders::LEFT)),
            detail_area,
        );
    }
}

impl View for State {
    fn title(&self) -> String {
        "权限清单".into()
    }
    fn section(&self) -> &'static str {
        if self.searching {
            "search"
        } else {
            "powers"
        }
    }
    fn takes_text(&self) -> bool {
        self.searching
    }
    fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        State::handle(self, a, env)
    }
    fn draw(&self, f: &mut Frame, area: Rect) {
        draw(f, area, self)
    }
}
