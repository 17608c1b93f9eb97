//! 导入权限清单 (管理员): a path typed (`~` expanded), the file's check report on screen —
//! every problem, what the import would change against the shipped template, the
//! warnings — scrolled with ↑/↓; Enter then imports through the desk as `zhifa powers
//! import` does (a changed statutory range asks for the reason first). Esc from the report
//! goes back to the path, kept to be fixed.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;

use crate::desk::catalog::{imported_counts, CatalogReport};
use crate::domain::catalog::import_check::ImportConsent;
use crate::tui::action::UiAction;
use crate::tui::app::{Env, Outcome, Screen};
use crate::tui::input::TextInput;
use crate::tui::screens::settings::with_cursor;
use crate::tui::ui;
use crate::tui::view::View;

pub struct State {
    pub path: TextInput,
    /// The checked file, once the path was confirmed.
    pub report: Option<CatalogReport>,
    /// The report's lines (made once, scrolled by `scroll`).
    lines: Vec<String>,
    pub scroll: u16,
    /// The reason for a changed statutory range, while being typed.
    pub reason: Option<TextInput>,
}

/// Opens the screen for an administrator.
pub fn open(env: &mut Env) -> Outcome {
    if !crate::tui::admin::is_admin(env) {
        return Outcome::Error("只有管理员可以导入权限清单".into());
    }
    Outcome::Push(Screen::CatalogImport(Box::new(State {
        path: TextInput::default(),
        report: None,
        lines: Vec::new(),
        scroll: 0,
        reason: None,
    })))
}

fn edit(input: &mut TextInput, a: UiAction) {
    match a {
        UiAction::Input(c) => input.push(c),
        UiAction::DeleteBack => input.backspace(),
        UiAction::DeleteForward => input.delete(),
        UiAction::CursorLeft => input.left(),
        UiAction::CursorRight => input.right(),
        UiAction::CursorHome => input.home(),
        UiAction::CursorEnd => input.end(),
        _ => {}
    }
}

impl State {
    pub fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        if let Some(reason) = &mut self.reason {
            match a {
                UiAction::Back => self.reason = None,
                UiAction::Submit => return self.import(env),
                a => edit(reason, a),
            }
            return Outcome::Stay;
        }
        if self.report.is_some() {
            match a {
                UiAction::Down => self.scroll = self.scroll_to(self.scroll + 1),
                UiAction::Up => self.scroll = self.scroll.saturating_sub(1),
                UiAction::PageDown => self.scroll = self.scroll_to(self.scroll + 10),
                UiAction::PageUp => self.scroll = self.scroll.saturating_sub(10),
                UiAction::Back => self.report = None,
                UiAction::Submit => return self.confirm(env),
                _ => {}
            }
            return Outcome::Stay;
        }
        match a {
            UiAction::Back => return Outcome::Pop(None),
            UiAction::Submit => match env.desk.check_catalog_file(&self.path.value) {
                Ok(report) => {
                    self.lines = report.lines();
                    self.scroll = 0;
                    let done = match &report.outcome {
                        Ok(_) => Outcome::Status("校验完成：请看过报告再确认导入".into()),
                        Err(issues) => {
                            Outcome::Error(format!("清单文件有 {} 处问题，不能导入", issues.len()))
                        }
                    };
                    self.report = Some(report);
                    return done;
                }
                Err(e) => return Outcome::Error(e),
            },
            a => edit(&mut self.path, a),
        }
        Outcome::Stay
    }

    /// `to`, but not past the report's rows at the narrowest screen (the drawing stops at
    /// the last screenful on any width).
    fn scroll_to(&self, to: u16) -> u16 {
        ui::report_scroll(&self.lines, to)
    }

    /// Enter on the report: a file with problems is refused (back to the path); a changed
    /// statutory range asks for the reason; otherwise the import runs.
    fn confirm(&mut self, env: &mut Env) -> Outcome {
        let Some(report) = &self.report else {
            return Outcome::Stay;
        };
        if report.outcome.is_err() {
            self.report = None;
            return Outcome::Error("清单文件有问题，未导入；请修改文件后重新确认路径".into());
        }
        if report.needs_reason() {
            self.reason = Some(TextInput::default());
            return Outcome::Stay;
        }
        self.import(env)
    }

    fn import(&mut self, env: &mut Env) -> Outcome {
        let (Some(report), Some(admin)) = (&self.report, env.user) else {
            return Outcome::Stay;
        };
        let Ok((catalog, check)) = &report.outcome else {
            return Outcome::Stay;
        };
        let reason = self.reason.as_ref().map(|r| r.value.trim().to_string());
        if report.needs_reason() && reason.as_deref().is_none_or(str::is_empty) {
            return Outcome::Error("请写明法定处罚幅度与内置模板不同的理由（记入审计日志）".into());
        }
        // The report listed the items to retire, and Enter on it is the consent.
        let consent = ImportConsent {
            override_statutory: reason,
            retire_missing: !check.retiring.is_empty(),
        };
        match env
            .desk
            .import_catalog(catalog, &report.source, admin, &consent)
        {
            Ok(done) => Outcome::Pop(Some(format!("已导入权限清单：{}", imported_counts(&done)))),
            Err(e) => Outcome::Error(e.to_string()),
        }
    }

    /// The line under the report: what Enter does now.
    fn prompt(&self) -> String {
        if let Some(reason) = &self.reason {
            return format!("理由：{}（回车导入，Esc 返回）", with_cursor(reason));
        }
        match &self.report {
            None => format!(
                "文件：{}（回车校验，TOML 或 JSON，~ 表示主目录）",
                with_cursor(&self.path)
            ),
            Some(r) => match &r.outcome {
                Err(_) => "不能导入：Esc 返回修改路径".into(),
                Ok((_, check)) if !check.retiring.is_empty() => format!(
                    "回车确认导入（并停用上列 {} 项），Esc 返回修改路径",
                    check.retiring.len()
                ),
                Ok(_) if r.needs_reason() => "回车后写明理由再导入，Esc 返回修改路径".into(),
                Ok(_) => "回车确认导入，Esc 返回修改路径".into(),
            },
        }
    }
}

pub fn draw(f: &mut Frame, area: Rect, s: &State) {
    let [report_area, prompt_area] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(3)]).areas(area);
    let title = match &s.report {
        Some(r) => format!(" 校验报告：{} ", ui::clean(&r.source)),
        None => " 导入权限清单（先校验，确认后导入） ".to_string(),
    };
    let body: Vec<String> = if s.report.is_some() {
        s.lines.clone()
    } else {
        vec![
            "输入本乡镇正式公布的权限清单文件路径后回车：先逐项校验，列出全部问题、与内置模板不同的法定幅度和将停用的事项，确认后才导入。".into(),
        ]
    };
    let block = Block::default().borders(Borders::TOP).title(title);
    let inner = block.inner(report_area);
    f.render_widget(
        Paragraph::new(ui::scrolled_rows(&body, inner.width, inner.height, s.scroll).join("\n"))
            .block(block),
        report_area,
    );
    f.render_widget(
        Paragraph::new(ui::clean(&s.prompt()))
            .wrap(Wrap { trim: false })
            .style(ui::warn())
            .block(Block::default().borders(Borders::TOP)),
        prompt_area,
    );
}

impl View for State {
    fn title(&self) -> String {
        "导入权限清单".into()
    }
    fn section(&self) -> &'static str {
        if self.report.is_some() && self.reason.is_none() {
            "catalog_report"
        } else {
            "form"
        }
    }
    fn takes_text(&self) -> bool {
        self.report.is_none() || self.reason.is_some()
    }
    fn paste(&mut self, text: &str, _env: &mut Env) -> Outcome {
        match (&mut self.reason, &self.report) {
            (Some(r), _) => r.paste(text, false, " "),
            (None, None) => self.path.paste(text, false, ""),
            _ => {}
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
