//! 从备份恢复 (管理员): the database's backups with their times, newest first; Enter
//! checks the chosen one (copied aside, nothing written) and shows the report of both
//! sides as `zhifa restore` prints it; Enter again restores (the live file is saved aside
//! first) and everyone logs in again on the restored file.

use std::path::PathBuf;

use chrono::NaiveDateTime;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, Borders, Paragraph, Row, Table, Wrap};
use ratatui::Frame;

use crate::desk::restore::{report_lines, RestorePlan};
use crate::tui::action::UiAction;
use crate::tui::app::{Env, Outcome, Screen};
use crate::tui::ui;
use crate::tui::view::View;

pub struct State {
    pub backups: Vec<(NaiveDateTime, PathBuf)>,
    pub sel: usize,
    /// The chosen backup, checked; with its report's lines.
    pub plan: Option<RestorePlan>,
    lines: Vec<String>,
    pub scroll: u16,
    pub error: Option<String>,
}

/// Opens the screen for an administrator.
pub fn open(env: &mut Env) -> Outcome {
    if !crate::tui::admin::is_admin(env) {
        return Outcome::Error("只有管理员可以从备份恢复".into());
    }
    let mut error = None;
    let backups = super::or_note(
        env.desk.list_backups().map_err(|e| e.to_string()),
        "备份",
        &mut error,
    );
    Outcome::Push(Screen::Restore(Box::new(State {
        backups,
        sel: 0,
        plan: None,
        lines: Vec::new(),
        scroll: 0,
        error,
    })))
}

impl State {
    pub fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        if self.plan.is_some() {
            match a {
                UiAction::Down => self.scroll = self.scroll.saturating_add(1),
                UiAction::Up => self.scroll = self.scroll.saturating_sub(1),
                UiAction::Back => self.plan = None,
                UiAction::Submit => return self.restore(env),
                _ => {}
            }
            return Outcome::Stay;
        }
        match a {
            UiAction::Down => self.sel = (self.sel + 1).min(self.backups.len().saturating_sub(1)),
            UiAction::Up => self.sel = self.sel.saturating_sub(1),
            UiAction::Open => {
                let (Some((_, path)), Some(admin)) = (self.backups.get(self.sel), env.user) else {
                    return Outcome::Error("没有可用的备份：先用 :backup 备份".into());
                };
                match env.desk.plan_restore(path, admin) {
                    Ok(plan) => {
                        self.lines =
                            report_lines(&plan.backup, &plan.checked, plan.current.as_ref());
                        self.scroll = 0;
                        self.plan = Some(plan);
                    }
                    Err(e) => return Outcome::Error(format!("无法检查备份：{e}")),
                }
            }
            UiAction::Back => return Outcome::Pop(None),
            UiAction::Quit => return Outcome::Quit,
            _ => {}
        }
        Outcome::Stay
    }

    fn restore(&mut self, env: &mut Env) -> Outcome {
        let (Some(plan), Some(admin)) = (&self.plan, env.user) else {
            return Outcome::Stay;
        };
        match env.desk.restore(plan, admin) {
            // The backup's name only: the status line is one row at 80 columns, and the
            // saved copy is in the backup folder the screen showed.
            Ok(done) => Outcome::Logout(format!(
                "已从备份 {} 恢复{}；请重新登录",
                plan.backup
                    .file_stem()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                if done.previous_saved_as.is_some() {
                    "，原数据库已另存在备份目录"
                } else {
                    ""
                }
            )),
            Err(e) => Outcome::Error(e.to_string()),
        }
    }
}

pub fn draw(f: &mut Frame, area: Rect, s: &State) {
    let area = ui::load_error(f, area, &s.error);
    let [main, prompt] = Layout::vertical([Constraint::Min(3), Constraint::Length(3)]).areas(area);
    let prompt_text = match &s.plan {
        None if s.backups.is_empty() => "本数据库还没有备份：先用 :backup 备份".to_string(),
        None => "回车检查所选备份（只读，不改动任何文件）".to_string(),
        Some(p) if p.checked.passed() => {
            "回车用此备份替换当前数据库（当前数据库会先另存一份），Esc 换一个备份".to_string()
        }
        Some(_) => "备份未通过检查，不能用于恢复：Esc 换一个较早的备份".to_string(),
    };
    match &s.plan {
        None => {
            let height = main.height.saturating_sub(2) as usize;
            let start = s.sel.saturating_sub(height.saturating_sub(1));
            let rows: Vec<Row> = s
                .backups
                .iter()
                .enumerate()
                .skip(start)
                .take(height)
                .map(|(i, (t, p))| {
                    let name = p
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    let row = Row::new(vec![
                        t.format("%Y-%m-%d %H:%M:%S").to_string(),
                        ui::clean(&name),
                    ]);
                    if i == s.sel {
                        row.style(ui::selected())
                    } else {
                        row
                    }
                })
                .collect();
            let folder = s
                .backups
                .first()
                .and_then(|(_, p)| p.parent())
                .map(|p| format!(" 备份（{}） ", ui::clean(&p.display().to_string())))
                .unwrap_or_else(|| " 备份 ".into());
            f.render_widget(
                Table::new(rows, [Constraint::Length(21), Constraint::Fill(1)])
                    .header(Row::new(vec!["备份时间", "文件"]).style(ui::dim()))
                    .block(Block::default().borders(Borders::TOP).title(folder)),
                main,
            );
        }
        Some(_) => {
            let block = Block::default()
                .borders(Borders::TOP)
                .title(" 备份检查报告 ");
            let inner = block.inner(main);
            f.render_widget(
                Paragraph::new(
                    ui::scrolled_rows(&s.lines, inner.width, inner.height, s.scroll).join("\n"),
                )
                .block(block),
                main,
            )
        }
    }
    f.render_widget(
        Paragraph::new(prompt_text)
            .wrap(Wrap { trim: false })
            .style(ui::warn())
            .block(Block::default().borders(Borders::TOP)),
        prompt,
    );
}

impl View for State {
    fn title(&self) -> String {
        "从备份恢复".into()
    }
    fn section(&self) -> &'static str {
        if self.plan.is_some() {
            "restore_report"
        } else {
            "restore"
        }
    }
    fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        State::handle(self, a, env)
    }
    fn draw(&self, f: &mut Frame, area: Rect) {
        draw(f, area, self)
    }
}
