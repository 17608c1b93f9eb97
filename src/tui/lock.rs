//! The idle lock: after the agency's idle time without a key, the screen is covered by a
//! password prompt for the same user. Screens and unsaved input stay underneath and come
//! back on unlock; Esc logs out instead (closing them). The event loop asks `idle_wait` how
//! long it may block and calls `on_idle`, so the rule itself is testable without waiting.

use std::time::Duration;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::app::App;
use super::input::TextInput;
use super::screens::login;
use super::status::StatusLine;
use super::ui;

impl App {
    /// No key has come for `idle`: lock a logged-in desk whose idle time has run out.
    pub fn on_idle(&mut self, idle: Duration) {
        let due = self.idle_limit.is_some_and(|limit| idle >= limit);
        let Some(user) = self.user.as_ref().filter(|_| due && self.lock.is_none()) else {
            return;
        };
        let mut prompt = login::State::new(&self.desk, false);
        prompt.username = TextInput::with(&user.username);
        prompt.focus = 1;
        tracing::info!(user = %user.username, "idle lock");
        self.lock = Some(prompt);
        self.help = false;
        self.palette = None;
        self.status = StatusLine::info("长时间未操作，已锁定：输入密码后回车解锁，Esc 注销");
    }

    /// How long the event loop may wait for a key before `on_idle` must be asked.
    pub fn idle_wait(&self, idle: Duration) -> Duration {
        match self.idle_limit {
            Some(limit) if self.lock.is_none() && self.user.is_some() => {
                limit.saturating_sub(idle).max(Duration::from_millis(250))
            }
            _ => Duration::from_secs(3600),
        }
    }

    /// Keys while locked: the password, Enter to unlock, Esc to log out.
    pub(super) fn on_locked_key(&mut self, key: KeyEvent) {
        let Some(lock) = self.lock.as_mut() else {
            return;
        };
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => self.logout("已注销（锁定后未解锁，未保存的输入已放弃）"),
            KeyCode::Enter => {
                let attempt = self.desk.login(&lock.username.value, &lock.password.value);
                match attempt {
                    Ok(u) if self.user.as_ref().is_some_and(|me| me.id == u.id) => {
                        self.lock = None;
                        self.status = StatusLine::info("已解锁");
                    }
                    Ok(_) => self.logout("用户不符，已注销"),
                    Err(e) => {
                        lock.password = TextInput::default();
                        self.status = StatusLine::error(e.to_string());
                    }
                }
            }
            KeyCode::Backspace => lock.password.backspace(),
            KeyCode::Char(c) if !ctrl => lock.password.push(c),
            _ => {}
        }
    }
}

/// The lock prompt; nothing of the screens beneath is drawn.
pub fn draw(f: &mut Frame, area: Rect, s: &login::State) {
    let inner = ui::popup(f, ui::centered(area, 56, 7), "已锁定");
    let [user_row, pass_row, _, hint_row] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    f.render_widget(
        Paragraph::new(format!("用户名：{}", ui::clean(&s.username.value))),
        user_row,
    );
    f.render_widget(
        Paragraph::new(format!("密  码：{}", s.password.masked())),
        pass_row,
    );
    f.render_widget(
        Paragraph::new("回车解锁，Esc 注销").style(ui::dim()),
        hint_row,
    );
}
