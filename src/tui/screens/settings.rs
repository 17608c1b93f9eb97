//! 设置 (管理员): the calendar, procedure and security settings with their Chinese names;
//! Enter edits the selected one — a 是/否 switch flipped with the space bar, a number
//! typed — and saves it through the desk as `zhifa settings set` does (checked, audited).
//! A refusal keeps what was typed.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Row, Table};
use ratatui::Frame;

use crate::desk::{SettingKind, SettingRow};
use crate::tui::action::UiAction;
use crate::tui::app::{Env, Outcome, Screen};
use crate::tui::input::TextInput;
use crate::tui::ui;
use crate::tui::view::View;

/// The value being edited: a switch or a typed number.
pub enum Edit {
    Switch(bool),
    Typed(TextInput),
}

pub struct State {
    pub rows: Vec<SettingRow>,
    pub sel: usize,
    pub edit: Option<Edit>,
    pub error: Option<String>,
    /// The list's key hint, from the keymap.
    hint: String,
}

/// Opens the screen for an administrator; anyone else is told who may.
pub fn open(env: &mut Env) -> Outcome {
    if !crate::tui::admin::is_admin(env) {
        return Outcome::Error("只有管理员可以查看和修改设置".into());
    }
    Outcome::Push(Screen::Settings(Box::new(State::load(env))))
}

impl State {
    pub fn load(env: &mut Env) -> State {
        let key = |a| env.keymap.key_label("settings", a);
        let mut s = State {
            rows: vec![],
            sel: 0,
            edit: None,
            error: None,
            hint: format!(
                "{} 修改所选设置  {} 导入权限清单  {} 从备份恢复",
                key(UiAction::Open),
                key(UiAction::ImportCatalog),
                key(UiAction::Restore)
            ),
        };
        s.reload(env);
        s
    }

    pub fn reload(&mut self, env: &mut Env) {
        self.error = None;
        self.rows = super::or_note(
            env.desk.settings_rows().map_err(|e| e.to_string()),
            "设置",
            &mut self.error,
        );
        self.sel = self.sel.min(self.rows.len().saturating_sub(1));
    }

    pub fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        match (&mut self.edit, a) {
            (Some(_), UiAction::Back) => self.edit = None,
            (Some(_), UiAction::Submit) => return self.save(env),
            (Some(Edit::Switch(on)), UiAction::Open) => *on = !*on,
            (Some(Edit::Typed(input)), a) => match a {
                UiAction::Input(c) => input.push(c),
                UiAction::DeleteBack => input.backspace(),
                UiAction::DeleteForward => input.delete(),
                UiAction::CursorLeft => input.left(),
                UiAction::CursorRight => input.right(),
                UiAction::CursorHome => input.home(),
                UiAction::CursorEnd => input.end(),
                _ => {}
            },
            (Some(_), _) => {}
            (None, UiAction::Down) => {
                self.sel = (self.sel + 1).min(self.rows.len().saturating_sub(1))
            }
            (None, UiAction::Up) => self.sel = self.sel.saturating_sub(1),
            (None, UiAction::Open) => {
                if let Some(row) = self.rows.get(self.sel) {
                    self.edit = Some(match row.kind {
                        SettingKind::Switch => Edit::Switch(row.value == "是"),
                        SettingKind::Number | SettingKind::Amount => {
                            Edit::Typed(TextInput::with(&row.value))
                        }
                    });
                }
            }
            (None, UiAction::ImportCatalog) => return super::catalog_import::open(env),
            (None, UiAction::Restore) => return super::restore::open(env),
            (None, UiAction::Back) => return Outcome::Pop(None),
            (None, UiAction::Quit) => return Outcome::Quit,
            _ => {}
        }
        Outcome::Stay
    }

    /// Saves the edited value through the desk; a refusal keeps it to be fixed.
    fn save(&mut self, env: &mut Env) -> Outcome {
        let (Some(edit), Some(row), Some(admin)) = (&self.edit, self.rows.get(self.sel), env.user)
        else {
            return Outcome::Stay;
        };
        let value = match edit {
            Edit::Switch(on) => if *on { "是" } else { "否" }.to_string(),
            Edit::Typed(input) => input.value.clone(),
        };
        match env.desk.set_setting(&row.key, &value, admin) {
            Ok(name) => {
                self.edit = None;
                self.reload(env);
                Outcome::Status(format!("已保存：{name} = {}", value.trim()))
            }
            Err(e) => Outcome::Error(e.to_string()),
        }
    }
}

/// A one-line input as shown: its text with a bar at the cursor.
pub fn with_cursor(input: &TextInput) -> String {
    let at = input.cursor();
    let before: String = input.value.chars().take(at).collect();
    let after: String = input.value.chars().skip(at).collect();
    format!("{}▏{}", ui::clean(&before), ui::clean(&after))
}

pub fn draw(f: &mut Frame, area: Rect, s: &State) {
    let area = ui::load_error(f, area, &s.error);
    let [list_area, bottom] =
        Layout::vertical([Constraint::Min(5), Constraint::Length(2)]).areas(area);
    let height = list_area.height.saturating_sub(1) as usize;
    let start = s.sel.saturating_sub(height.saturating_sub(1));
    let rows: Vec<Row> = s
        .rows
        .iter()
        .enumerate()
        .skip(start)
        .take(height)
        .map(|(i, r)| {
            let row = Row::new(vec![r.label.to_string(), ui::clean(&r.value)]);
            if i == s.sel {
                row.style(ui::selected())
            } else {
                row
            }
        })
        .collect();
    let header = Row::new(vec!["设置项", "当前值"]).style(ui::dim());
    // The label column as wide as the longest label, so none is cut.
    let label_width = s
        .rows
        .iter()
        .map(|r| unicode_width::UnicodeWidthStr::width(r.label))
        .max()
        .unwrap_or(8) as u16;
    f.render_widget(
        Table::new(rows, [Constraint::Length(label_width), Constraint::Fill(1)]).header(header),
        list_area,
    );
    let label = s.rows.get(s.sel).map(|r| r.label).unwrap_or_default();
    let bottom_text = match &s.edit {
        None => Line::from(Span::styled(s.hint.clone(), ui::dim())),
        Some(Edit::Switch(on)) => Line::from(Span::styled(
            format!(
                "{label}：{}（空格切换，回车保存，Esc 取消）",
                if *on { "[是] 否" } else { "是 [否]" }
            ),
            ui::warn(),
        )),
        Some(Edit::Typed(input)) => Line::from(Span::styled(
            format!("{label}：{}（回车保存，Esc 取消）", with_cursor(input)),
            ui::warn(),
        )),
    };
    f.render_widget(
        Paragraph::new(bottom_text).block(Block::default().borders(Borders::TOP)),
        bottom,
    );
}

impl View for State {
    fn title(&self) -> String {
        "设置".into()
    }
    fn section(&self) -> &'static str {
        match self.edit {
            None => "settings",
            Some(Edit::Switch(_)) => "setting_switch",
            Some(Edit::Typed(_)) => "form",
        }
    }
    fn takes_text(&self) -> bool {
        matches!(self.edit, Some(Edit::Typed(_)))
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
