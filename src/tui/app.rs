//! The application: a stack of screens, the logged-in user, and the one place where key
//! events become actions (through the keymap) and actions reach the screens. Data flows one
//! way: key → action → screen handler (domain + store through the desk) → new state →
//! render. Rendering only reads state.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::action::UiAction;
use super::keymap::Keymap;
use super::screens::dashboard;
use super::screens::{calendar, case_view, cases, form, home, login, new_case, powers, users};
use super::status::{Severity, StatusLine};
use super::ui;
use crate::desk::Desk;
use crate::domain::people::User;

/// What every screen handler may use.
pub struct Env<'a> {
    pub desk: &'a mut Desk,
    pub user: Option<&'a User>,
    pub today: NaiveDate,
    pub demo: bool,
}

pub enum Screen {
    Login(login::State),
    Home(home::State),
    Cases(cases::State),
    Case(Box<case_view::State>),
    Form(Box<form::State>),
    NewCase(Box<new_case::State>),
    Powers(powers::State),
    Calendar(Box<calendar::State>),
    Users(users::State),
    Dashboard(Box<dashboard::State>),
}

/// What a handler asks the app to do next.
pub enum Outcome {
    Stay,
    /// A message: done, or what to do next.
    Status(String),
    /// A refusal or failure, shown as an error.
    Error(String),
    Push(Screen),
    /// Leave this screen; the one below reloads its data and shows the message.
    Pop(Option<String>),
    /// Replace this screen by another, with a message.
    Replace(Screen, String),
    /// Logged in: the user's 工作台 replaces the login screen.
    LoggedIn(User),
    Quit,
}

impl Screen {
    /// The keymap section of the screen (in its current mode).
    fn section(&self) -> &'static str {
        match self {
            Screen::Login(_) => "login",
            Screen::Home(_) => "home",
            Screen::Cases(s) if s.searching => "search",
            Screen::Cases(_) => "cases",
            Screen::Case(s) if s.menu.is_some() => "menu",
            Screen::Case(_) => "case",
            Screen::Form(_) | Screen::NewCase(_) => "form",
            Screen::Powers(s) if s.searching => "search",
            Screen::Powers(_) => "powers",
            Screen::Calendar(_) => "calendar",
            Screen::Dashboard(_) => "dashboard",
            Screen::Users(s) if s.takes_text() => "form",
            Screen::Users(_) => "users",
        }
    }

    /// Whether typed characters go into a text field.
    fn takes_text(&self) -> bool {
        match self {
            Screen::Login(_) | Screen::Form(_) | Screen::NewCase(_) => true,
            Screen::Cases(s) => s.searching,
            Screen::Powers(s) => s.searching,
            Screen::Users(s) => s.takes_text(),
            _ => false,
        }
    }

    fn type_char(&mut self, c: char, env: &mut Env) {
        match self {
            Screen::Login(s) => s.type_char(c),
            Screen::Form(s) => s.type_char(c),
            Screen::NewCase(s) => s.type_char(c),
            Screen::Cases(s) => s.type_char(c, env),
            Screen::Powers(s) => s.type_char(c),
            Screen::Users(s) => s.type_char(c),
            _ => {}
        }
    }

    fn backspace(&mut self, env: &mut Env) {
        match self {
            Screen::Login(s) => s.backspace(),
            Screen::Form(s) => s.backspace(),
            Screen::NewCase(s) => s.backspace(),
            Screen::Cases(s) => s.backspace(env),
            Screen::Powers(s) => s.backspace(),
            Screen::Users(s) => s.backspace(),
            _ => {}
        }
    }

    fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        match self {
            Screen::Login(s) => s.handle(a, env),
            Screen::Home(s) => s.handle(a, env),
            Screen::Cases(s) => s.handle(a, env),
            Screen::Case(s) => s.handle(a, env),
            Screen::Form(s) => s.handle(a, env),
            Screen::NewCase(s) => s.handle(a, env),
            Screen::Powers(s) => s.handle(a, env),
            Screen::Calendar(s) => s.handle(a, env),
            Screen::Dashboard(s) => s.handle(a, env),
            Screen::Users(s) => s.handle(a, env),
        }
    }

    fn reload(&mut self, env: &mut Env) {
        match self {
            Screen::Home(s) => s.reload(env),
            Screen::Cases(s) => s.reload(env),
            Screen::Case(s) => s.reload(env),
            Screen::Calendar(s) => s.reload(env),
            Screen::Dashboard(s) => s.reload(env),
            Screen::Users(s) => s.reload(env),
            _ => {}
        }
    }

    fn title(&self) -> String {
        match self {
            Screen::Login(_) => "登录".into(),
            Screen::Home(_) => "工作台".into(),
            Screen::Cases(_) => "案件列表".into(),
            Screen::Case(s) => format!("案件 {}", s.case_no),
            Screen::Form(s) => s.title(),
            Screen::NewCase(s) if s.on_spot => "当场处罚（简易程序）".into(),
            Screen::NewCase(_) => "提请立案".into(),
            Screen::Powers(_) => "权限清单".into(),
            Screen::Calendar(_) => "期限日历".into(),
            Screen::Dashboard(_) => "队长看板".into(),
            Screen::Users(_) => "用户管理".into(),
        }
    }

    fn draw(&self, f: &mut Frame, area: ratatui::layout::Rect, app: &App) {
        match self {
            Screen::Login(s) => login::draw(f, area, s, app.demo),
            Screen::Home(s) => home::draw(f, area, s),
            Screen::Cases(s) => cases::draw(f, area, s),
            Screen::Case(s) => case_view::draw(f, area, s),
            Screen::Form(s) => form::draw(f, area, s),
            Screen::NewCase(s) => new_case::draw(f, area, s),
            Screen::Powers(s) => powers::draw(f, area, s),
            Screen::Calendar(s) => calendar::draw(f, area, s),
            Screen::Dashboard(s) => dashboard::draw(f, area, s),
            Screen::Users(s) => users::draw(f, area, s),
        }
    }
}

pub struct App {
    pub desk: Desk,
    pub keymap: Keymap,
    pub demo: bool,
    /// The date of the last action, from `clock` (see `daily.rs`).
    pub today: NaiveDate,
    pub clock: super::daily::Clock,
    /// The day's jobs while they run.
    pub daily: Option<super::daily::DailyJobs>,
    pub user: Option<User>,
    pub agency: String,
    pub stack: Vec<Screen>,
    pub help: bool,
    /// The `:` command line, while open.
    pub palette: Option<super::input::TextInput>,
    pub status: StatusLine,
    pub quit: bool,
    /// Idle time after which the screen locks (security setting; None: never).
    pub idle_limit: Option<std::time::Duration>,
    /// The lock prompt while locked: the screens stay as they were, hidden, until the same
    /// user's password is typed.
    pub lock: Option<login::State>,
}

impl App {
    /// An app whose clock stays at `today` (tests); `with_clock` gives it a real one.
    pub fn new(desk: Desk, keymap: Keymap, demo: bool, today: NaiveDate) -> App {
        let agency = desk.store.agency().map(|a| a.full_name).unwrap_or_default();
        let login = login::State::new(&desk, demo);
        let idle_limit = desk
            .store
            .security_settings()
            .ok()
            .and_then(|s| s.idle_lock());
        App {
            desk,
            keymap,
            demo,
            today,
            clock: std::sync::Arc::new(move || today),
            daily: None,
            user: None,
            agency,
            stack: vec![Screen::Login(login)],
            help: false,
            palette: None,
            status: StatusLine::default(),
            quit: false,
            idle_limit,
            lock: None,
        }
    }

    /// The same app taking its date from `clock`.
    pub fn with_clock(mut self, clock: super::daily::Clock) -> App {
        self.clock = clock;
        self.today = (self.clock)();
        self
    }

    fn section(&self) -> &'static str {
        if self.help {
            "help"
        } else {
            self.stack.last().map_or("global", Screen::section)
        }
    }

    /// One key press: typed text goes to the focused field; everything else through the keymap.
    pub fn on_key(&mut self, key: KeyEvent) {
        self.tick();
        if self.lock.is_some() {
            self.on_locked_key(key);
            return;
        }
        if self.help {
            self.help = false;
            return;
        }
        if let Some(p) = &mut self.palette {
            match key.code {
                KeyCode::Esc => self.palette = None,
                KeyCode::Enter => {
                    let line = std::mem::take(&mut p.value);
                    self.palette = None;
                    self.run_command(&line);
                }
                KeyCode::Backspace => p.backspace(),
                KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => p.push(c),
                _ => {}
            }
            return;
        }
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let takes_text = self.stack.last().is_some_and(Screen::takes_text);
        let mut env = Env {
            desk: &mut self.desk,
            user: self.user.as_ref(),
            today: self.today,
            demo: self.demo,
        };
        if takes_text && plain {
            if let (KeyCode::Char(c), Some(top)) = (key.code, self.stack.last_mut()) {
                top.type_char(c, &mut env);
                return;
            }
            if let (KeyCode::Backspace, Some(top)) = (key.code, self.stack.last_mut()) {
                top.backspace(&mut env);
                return;
            }
        }
        let section = self.section();
        if let Some(action) = self.keymap.action(section, &key) {
            self.dispatch(action);
        }
    }

    /// Applies one action (from a key, or sent directly by tests).
    pub fn dispatch(&mut self, action: UiAction) {
        self.tick();
        if action == UiAction::Help {
            self.help = true;
            return;
        }
        if action == UiAction::Palette {
            self.palette = Some(super::input::TextInput::default());
            return;
        }
        let mut env = Env {
            desk: &mut self.desk,
            user: self.user.as_ref(),
            today: self.today,
            demo: self.demo,
        };
        let Some(top) = self.stack.last_mut() else {
            self.quit = true;
            return;
        };
        let outcome = top.handle(action, &mut env);
        self.apply(outcome);
    }

    /// Runs a `:` command: go to a screen, log out, quit, or (on the case list) filter/sort.
    pub fn run_command(&mut self, line: &str) {
        self.tick();
        let line = line.trim();
        let (cmd, arg) = line.split_once(' ').unwrap_or((line, ""));
        if matches!(cmd, "quit" | "q" | "退出") {
            self.quit = true;
            return;
        }
        if self.user.is_none() {
            self.status = StatusLine::error("请先登录");
            return;
        }
        let mut env = Env {
            desk: &mut self.desk,
            user: self.user.as_ref(),
            today: self.today,
            demo: self.demo,
        };
        let outcome = match cmd {
            "home" | "工作台" => {
                let home = home::State::load(&mut env);
                self.stack = vec![Screen::Home(home)];
                Outcome::Status(String::new())
            }
            "cases" | "案件" => Outcome::Push(Screen::Cases(cases::State::load(&mut env))),
            "powers" | "清单" => Outcome::Push(Screen::Powers(powers::State::load(&mut env))),
            "calendar" | "日历" => {
                Outcome::Push(Screen::Calendar(Box::new(calendar::State::load(&mut env))))
            }
            "stats" | "看板" => Outcome::Push(Screen::Dashboard(Box::new(
                dashboard::State::load(&mut env),
            ))),
            "users" | "用户" => Outcome::Push(Screen::Users(users::State::load(&mut env))),
            "new" | "立案" => {
                Outcome::Push(Screen::NewCase(Box::new(new_case::State::new(&mut env))))
            }
            "spot" | "当场" => Outcome::Push(Screen::NewCase(Box::new(
                new_case::State::on_spot(&mut env),
            ))),
            "logout" | "注销" => {
                self.logout("已注销");
                return;
            }
            _ => match self.stack.last_mut() {
                Some(Screen::Cases(list)) => match list.apply_command(cmd, arg, &mut env) {
                    Ok(msg) => Outcome::Status(msg),
                    Err(msg) => Outcome::Error(msg),
                },
                _ => Outcome::Error(format!("未知命令“{cmd}”。可用的命令见 ? 帮助")),
            },
        };
        self.apply(outcome);
    }

    /// Back to the login screen; every screen (and any unsaved input) is closed.
    pub fn logout(&mut self, message: &str) {
        self.user = None;
        self.lock = None;
        self.stack = vec![Screen::Login(login::State::new(&self.desk, self.demo))];
        self.status = StatusLine::info(message);
    }

    fn apply(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Stay => {}
            Outcome::Status(s) => self.status = StatusLine::info(s),
            Outcome::Error(s) => self.status = StatusLine::error(s),
            Outcome::Push(s) => {
                self.status.clear();
                self.stack.push(s);
            }
            Outcome::Replace(screen, msg) => {
                self.stack.pop();
                self.stack.push(screen);
                self.status = StatusLine::info(msg);
            }
            Outcome::Pop(msg) => {
                if self.stack.len() > 1 {
                    self.stack.pop();
                    let mut env = Env {
                        desk: &mut self.desk,
                        user: self.user.as_ref(),
                        today: self.today,
                        demo: self.demo,
                    };
                    if let Some(top) = self.stack.last_mut() {
                        top.reload(&mut env);
                    }
                    self.status = StatusLine::info(msg.unwrap_or_default());
                } else {
                    self.status = StatusLine::info("已在首页；按 q 退出");
                }
            }
            Outcome::LoggedIn(user) => {
                tracing::info!(user = %user.username, "ui login");
                self.status = StatusLine::info(format!("欢迎，{}。按 ? 查看按键", user.name));
                self.user = Some(user);
                let mut env = Env {
                    desk: &mut self.desk,
                    user: self.user.as_ref(),
                    today: self.today,
                    demo: self.demo,
                };
                self.stack = vec![Screen::Home(home::State::load(&mut env))];
            }
            Outcome::Quit => self.quit = true,
        }
    }

    /// Draws the whole screen from state only.
    pub fn draw(&self, f: &mut Frame) {
        let area = f.area();
        if area.width < ui::MIN_WIDTH || area.height < ui::MIN_HEIGHT {
            ui::too_small(f);
            return;
        }
        // One column of right margin: a double-width character ending in the last column can
        // otherwise leave its second half in column 0 of the next row.
        let inner = ratatui::layout::Rect {
            width: area.width - 1,
            ..area
        };
        let (title, body, status, hints) = ui::frame_areas(inner);
        let who = self
            .user
            .as_ref()
            .map(|u| {
                let roles: Vec<&str> = u.roles.iter().map(|r| r.name()).collect();
                format!("{}（{}）", u.name, roles.join("、"))
            })
            .unwrap_or_else(|| "未登录".into());
        let screen_title = self.stack.last().map(Screen::title).unwrap_or_default();
        let demo = if self.demo { " [演示]" } else { "" };
        let mut line = format!(
            " 执法案卷台{demo} | {} | {screen_title} | {who}",
            self.agency
        );
        if unicode_width::UnicodeWidthStr::width(line.as_str()) > title.width as usize {
            line = format!(" 执法案卷台{demo} | {screen_title} | {who}");
        }
        match self.desk.store.integrity_block() {
            // The one thing a desk must not miss: the file failed its integrity checks.
            Some(why) => f.render_widget(
                Paragraph::new(ui::clean(&format!(" 数据库未通过完整性检查：{why}，只读")))
                    .style(ui::bad().add_modifier(ratatui::style::Modifier::REVERSED)),
                title,
            ),
            None => f.render_widget(Paragraph::new(line).style(ui::title_style()), title),
        }
        if let Some(lock) = &self.lock {
            // Nothing of the case data shows while locked.
            super::lock::draw(f, body, lock);
        } else if let Some(top) = self.stack.last() {
            top.draw(f, body, self);
        }
        let status_style = match self.status.severity {
            Severity::Error => ui::bad(),
            Severity::Info => ui::warn(),
        };
        f.render_widget(
            Paragraph::new(Line::from(Span::styled(
                ui::clean(&self.status.text),
                status_style,
            ))),
            status,
        );
        let mut help = if self.lock.is_some() {
            vec![
                ("enter".to_string(), "解锁".to_string()),
                ("esc".to_string(), "注销".to_string()),
            ]
        } else {
            self.keymap.help(self.section())
        };
        if self.stack.last().is_some_and(Screen::takes_text) {
            // Single characters are typed into the field there, so they are not keys.
            for (keys, _) in help.iter_mut() {
                *keys = keys
                    .split(' ')
                    .filter(|k| k.chars().count() > 1)
                    .collect::<Vec<_>>()
                    .join(" ");
            }
            help.retain(|(keys, _)| !keys.is_empty());
        }
        f.render_widget(Paragraph::new(ui::hints_line(&help, hints.width)), hints);
        if self.help {
            // Over the body and the status and hint lines: the overlay hides them anyway,
            // and at 80×24 the case list's keys and the commands need every row.
            let below_title = ratatui::layout::Rect {
                height: body.height + status.height + hints.height,
                ..body
            };
            super::screens::help::draw(
                f,
                below_title,
                &self
                    .keymap
                    .help(self.stack.last().map_or("global", Screen::section)),
            );
        }
    }
}
