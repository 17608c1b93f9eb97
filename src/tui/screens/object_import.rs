//! 导入检查对象 (from the 检查 screen's objects view): a path typed with the folder listed
//! under it (the evidence form's file picker: ↑/↓ choose, Enter opens a folder or takes a
//! file), then the file's check report — the column preview, each rejected row with its row
//! number and reason, the rows skipped as already registered — scrolled with ↑/↓. Enter on
//! the report imports through the desk as `zhifa inspect objects import` does (nothing if a
//! row was rejected); Esc goes back to the path, kept to be fixed, and nothing is written.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;

use crate::desk::object_import::ObjectFile;
use crate::tui::action::UiAction;
use crate::tui::app::{Env, Outcome, Screen};
use crate::tui::file_picker::FilePicker;
use crate::tui::input::TextInput;
use crate::tui::screens::settings::with_cursor;
use crate::tui::ui;
use crate::tui::view::View;

pub struct State {
    pub path: TextInput,
    pub picker: FilePicker,
    /// The checked file, once a path was confirmed.
    pub file: Option<ObjectFile>,
    /// The report's lines (made once, scrolled by `scroll`).
    lines: Vec<String>,
    pub scroll: u16,
}

/// Opens the screen for someone who may register objects.
pub fn open(env: &mut Env) -> Outcome {
    let Some(user) = env.user else {
        return Outcome::Error("请先登录".into());
    };
    if let Err(e) = crate::desk::inspections::may_inspect(user) {
        return Outcome::Error(e.to_string());
    }
    Outcome::Push(Screen::ObjectImport(Box::new(State {
        path: TextInput::default(),
        picker: FilePicker::new(""),
        file: None,
        lines: Vec::new(),
        scroll: 0,
    })))
}

impl State {
    pub fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        if self.file.is_some() {
            match a {
                UiAction::Down => self.scroll = self.scroll_to(self.scroll + 1),
                UiAction::Up => self.scroll = self.scroll.saturating_sub(1),
                UiAction::PageDown => self.scroll = self.scroll_to(self.scroll + 10),
                UiAction::PageUp => self.scroll = self.scroll.saturating_sub(10),
                UiAction::Back => {
                    self.file = None;
                    return Outcome::Status("未导入；可修改路径后重新检查".into());
                }
                UiAction::Submit => return self.import(env),
                _ => {}
            }
            return Outcome::Stay;
        }
        match a {
            UiAction::Back => return Outcome::Pop(None),
            UiAction::Down => {
                self.picker.sel =
                    (self.picker.sel + 1).min(self.picker.entries.len().saturating_sub(1))
            }
            UiAction::Up => self.picker.sel = self.picker.sel.saturating_sub(1),
            UiAction::Submit if self.picker.wants_enter(&self.path.value) => {
                if let Some(text) = self.picker.choose(&self.path.value) {
                    self.path = TextInput::default();
                    self.path.paste(&text, false, "");
                    self.picker.refresh(&self.path.value);
                }
            }
            UiAction::Submit => return self.check(env),
            a => {
                let before = self.path.value.clone();
                match a {
                    UiAction::Input(c) => self.path.push(c),
                    UiAction::DeleteBack => self.path.backspace(),
                    UiAction::DeleteForward => self.path.delete(),
                    UiAction::CursorLeft => self.path.left(),
                    UiAction::CursorRight => self.path.right(),
                    UiAction::CursorHome => self.path.home(),
                    UiAction::CursorEnd => self.path.end(),
                    _ => {}
                }
                if self.path.value != before {
                    self.picker.refresh(&self.path.value);
                }
            }
        }
        Outcome::Stay
    }

    fn check(&mut self, env: &mut Env) -> Outcome {
        let typed = self.path.value.trim();
        if typed.is_empty() {
            return Outcome::Error("请输入或选择要导入的 .xlsx 或 .csv 文件".into());
        }
        let path = crate::user_files::expand_home(typed);
        match env.desk.check_object_file(&path) {
            Ok(file) => {
                self.lines = file.report();
                self.scroll = 0;
                let bad = file.checked.rejected.len();
                let done = if bad > 0 {
                    Outcome::Error(format!(
                        "有 {bad} 行未通过检查，不能导入；请修改文件后重新检查"
                    ))
                } else {
                    Outcome::Status("检查完成：请看过报告再确认导入".into())
                };
                self.file = Some(file);
                done
            }
            Err(e) => Outcome::Error(e.to_string()),
        }
    }

    fn import(&mut self, env: &mut Env) -> Outcome {
        let (Some(file), Some(user)) = (&self.file, env.user) else {
            return Outcome::Stay;
        };
        if !file.checked.rejected.is_empty() {
            self.file = None;
            return Outcome::Error("文件有未通过检查的行，未导入；请修改文件后重新检查".into());
        }
        match env.desk.import_objects(file, user) {
            Ok(saved) => Outcome::Pop(Some(format!("已导入检查对象 {} 个", saved.len()))),
            Err(e) => Outcome::Error(e.to_string()),
        }
    }

    /// `to`, but not past the report's rows at the narrowest screen.
    fn scroll_to(&self, to: u16) -> u16 {
        ui::report_scroll(&self.lines, to)
    }

    /// The line under the report: what Enter does now.
    fn prompt(&self) -> String {
        match &self.file {
            None => format!(
                "文件：{}（回车检查；↑/↓ 选择，~ 表示主目录）",
                with_cursor(&self.path)
            ),
            Some(f) if !f.checked.rejected.is_empty() => "不能导入：Esc 返回修改路径".into(),
            Some(f) if f.checked.accepted.is_empty() => "没有新的检查对象需要导入：Esc 返回".into(),
            Some(f) => format!(
                "回车确认导入 {} 个检查对象，Esc 返回（不导入）",
                f.checked.accepted.len()
            ),
        }
    }
}

pub fn draw(f: &mut Frame, area: Rect, s: &State) {
    let [report_area, prompt_area] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(3)]).areas(area);
    let title = match &s.file {
        Some(file) => format!(" 检查报告：{} ", ui::clean(&file.source)),
        None => " 导入检查对象（先检查，确认后导入） ".to_string(),
    };
    let block = Block::default().borders(Borders::TOP).title(title);
    let inner = block.inner(report_area);
    let body: Vec<String> = match &s.file {
        Some(_) => s.lines.clone(),
        None => picker_lines(&s.picker),
    };
    let scroll = match &s.file {
        Some(_) => s.scroll,
        // Keep the selected entry in view: the rows above it, less the rows shown.
        None => {
            let above: usize = body[..PICKER_HEAD]
                .iter()
                .map(|l| ui::wrap_words(l, inner.width as usize).len())
                .sum();
            (above + s.picker.sel + 1).saturating_sub(inner.height as usize) as u16
        }
    };
    f.render_widget(
        Paragraph::new(ui::scrolled_rows(&body, inner.width, inner.height, scroll).join("\n"))
            .block(block),
        report_area,
    );
    f.render_widget(
        Paragraph::new(Line::from(ui::clean(&s.prompt())))
            .wrap(Wrap { trim: false })
            .style(ui::warn())
            .block(Block::default().borders(Borders::TOP)),
        prompt_area,
    );
}

/// The lines above the folder's entries in `picker_lines`.
const PICKER_HEAD: usize = 3;

/// What the path entry shows: the columns expected, then the folder listed, the selected
/// entry marked.
fn picker_lines(p: &FilePicker) -> Vec<String> {
    let mut lines = vec![
        "表格（.xlsx，或 UTF-8/GBK 的 .csv）第一行为表头：名称、统一社会信用代码（可空）、地址、领域、风险等级。先逐行检查，确认后才导入；已登记的同一信用代码跳过。".to_string(),
        String::new(),
    ];
    match &p.folder {
        Ok(folder) => lines.push(format!("目录：{folder}")),
        Err(e) => lines.push(e.clone()),
    }
    for (i, e) in p.entries.iter().enumerate() {
        let mark = if i == p.sel { "> " } else { "  " };
        let slash = if e.is_dir { "/" } else { "" };
        lines.push(format!("{mark}{}{slash}", ui::clean(&e.name)));
    }
    lines
}

impl View for State {
    fn title(&self) -> String {
        "导入检查对象".into()
    }
    fn section(&self) -> &'static str {
        if self.file.is_some() {
            "catalog_report"
        } else {
            "file_prompt"
        }
    }
    fn takes_text(&self) -> bool {
        self.file.is_none()
    }
    fn paste(&mut self, text: &str, _env: &mut Env) -> Outcome {
        if self.file.is_none() {
            self.path.paste(text, false, "");
            self.picker.refresh(&self.path.value);
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
