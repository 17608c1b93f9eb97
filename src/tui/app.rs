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
use super::commands::{self, Command, Scope};
use super::keymap::Keymap;
use super::screens::{batch_print, review_round, settings};
use super::screens::{calendar, case_view, cases, form, home, login, new_case, powers, users};
use super::screens::{catalog_import, dashboard, faults, object_import, patrols, quality, restore};
use super::screens::{inspection_form, inspections, lead_form, leads};
use super::status::{Severity, StatusLine};
use super::ui;
use super::view::View;
use crate::desk::Desk;
use crate::domain::people::User;

/// The `Env` of an app's own fields, borrowed field by field so the screen stack stays free
/// to borrow beside it (a method borrowing all of `self` could not).
macro_rules! app_env {
    ($app:expr) => {
        Env {
            desk: &mut $app.desk,
            user: $app.user.as_ref(),
            today: $app.today,
            demo: $app.demo,
            keymap: &$app.keymap,
            export_dir: $app.export_dir.as_deref(),
        }
    };
}

/// What every screen handler may use.
pub struct Env<'a> {
    pub desk: &'a mut Desk,
    pub user: Option<&'a User>,
    pub today: NaiveDate,
    pub demo: bool,
    /// For the key letters a message names.
    pub keymap: &'a Keymap,
    /// Where exported papers and tables go (`paths::exports_dir`; tests point it elsewhere).
    pub export_dir: Option<&'a std::path::Path>,
}

/// The screens, one line each: the variant and its state, which implements `View`.
/// This list is the only dispatch; the app talks to the top screen through `View`.
macro_rules! screens {
    ($($variant:ident($state:ty),)*) => {
        pub enum Screen {
            $($variant($state),)*
        }

        impl Screen {
            pub fn view(&self) -> &dyn View {
                match self {
                    $(Screen::$variant(s) => s as &dyn View,)*
                }
            }

            pub fn view_mut(&mut self) -> &mut dyn View {
                match self {
                    $(Screen::$variant(s) => s as &mut dyn View,)*
                }
            }
        }
    };
}

screens! {
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
    Review(Box<review_round::State>),
    Quality(Box<quality::State>),
    Faults(Box<faults::State>),
    Patrols(Box<patrols::State>),
    Leads(Box<leads::State>),
    LeadForm(Box<lead_form::State>),
    Settings(Box<settings::State>),
    CatalogImport(Box<catalog_import::State>),
    ObjectImport(Box<object_import::State>),
    Restore(Box<restore::State>),
    BatchPrint(Box<batch_print::State>),
    Inspections(Box<inspections::State>),
    InspectionForm(Box<inspection_form::State>),
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
    /// Back to the login screen with a message (after a restore replaced the file).
    Logout(String),
    Quit,
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
    /// Quitting was asked for once; the next quit goes.
    pub quit_asked: bool,
    /// The terminal's size at the last draw: below the minimum, keys do nothing behind the
    /// "窗口太小" message.
    pub size: std::cell::Cell<(u16, u16)>,
    /// Where exports go: the documents folder of README, or `ZHIFA_EXPORT_DIR`.
    pub export_dir: Option<std::path::PathBuf>,
}

impl App {
    /// An app whose clock stays at `today` (tests); `with_clock` gives it a real one.
    pub fn new(desk: Desk, keymap: Keymap, demo: bool, today: NaiveDate) -> App {
        let agency = desk
            .store()
            .agency()
            .map(|a| a.full_name)
            .unwrap_or_default();
        let login = login::State::new(&desk, demo);
        let idle_limit = desk
            .store()
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
            quit_asked: false,
            size: std::cell::Cell::new((ui::MIN_WIDTH, ui::MIN_HEIGHT)),
            export_dir: crate::paths::exports_dir(),
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
            self.stack.last().map_or("global", |s| s.view().section())
        }
    }

    /// One key press: typed text goes to the focused field; everything else through the keymap.
    pub fn on_key(&mut self, key: KeyEvent) {
        self.tick();
        if self.too_small() {
            // Nothing acts behind the message; only quitting (asked once) works.
            if self.keymap.action("global", &key) == Some(UiAction::Quit) {
                self.apply(Outcome::Quit);
            }
            return;
        }
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
                KeyCode::Tab => {
                    let on_list = matches!(self.stack.last(), Some(Screen::Cases(_)));
                    *p = super::input::TextInput::with(&super::commands::complete(
                        &p.value, on_list,
                    ));
                }
                KeyCode::Delete => p.delete(),
                KeyCode::Left => p.left(),
                KeyCode::Right => p.right(),
                KeyCode::Home => p.home(),
                KeyCode::End => p.end(),
                KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => p.push(c),
                _ => {}
            }
            return;
        }
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let takes_text = self.stack.last().is_some_and(|s| s.view().takes_text());
        if takes_text && plain {
            // Typed text is an action too, so the screen sees it through `handle`.
            match key.code {
                KeyCode::Char(c) => return self.dispatch(UiAction::Input(c)),
                KeyCode::Backspace => return self.dispatch(UiAction::DeleteBack),
                _ => {}
            }
        }
        let section = self.section();
        if let Some(action) = self.keymap.action(section, &key) {
            self.dispatch(action);
        }
    }

    /// Whether the last draw found the terminal below the minimum size.
    pub fn too_small(&self) -> bool {
        let (w, h) = self.size.get();
        w < ui::MIN_WIDTH || h < ui::MIN_HEIGHT
    }

    /// Text pasted from the terminal (bracketed paste): into the command line or the
    /// focused field, at the cursor.
    pub fn on_paste(&mut self, text: &str) {
        self.tick();
        if self.too_small() || self.lock.is_some() || self.help {
            return;
        }
        if let Some(p) = &mut self.palette {
            p.paste(text, false, " ");
            return;
        }
        let mut env = app_env!(self);
        if let Some(top) = self.stack.last_mut() {
            let outcome = top.view_mut().paste(text, &mut env);
            self.apply(outcome);
        }
    }

    /// The key that quits here, as a clerk reads it (on a screen where letters are typed,
    /// the first one that is not a letter).
    fn quit_key(&self) -> String {
        let section = self.section();
        if self.stack.last().is_some_and(|s| s.view().takes_text()) {
            self.keymap.key_label_not_typed(section, UiAction::Quit)
        } else {
            self.keymap.key_label(section, UiAction::Quit)
        }
    }

    /// Applies one action (from a key, or sent directly by tests).
    pub fn dispatch(&mut self, action: UiAction) {
        self.tick();
        if action != UiAction::Quit {
            self.quit_asked = false;
        }
        if action == UiAction::Back && matches!(self.stack.last(), Some(Screen::Home(_))) {
            // Esc on the 工作台 goes nowhere: quitting is asked for by its own key.
            let quit = self.quit_key();
            self.status = StatusLine::info(format!("已在工作台；退出请按 {quit}（需按两次）"));
            return;
        }
        if action == UiAction::Help {
            self.help = true;
            return;
        }
        if action == UiAction::Palette {
            self.palette = Some(super::input::TextInput::default());
            return;
        }
        let mut env = app_env!(self);
        let Some(top) = self.stack.last_mut() else {
            self.quit = true;
            return;
        };
        let outcome = top.view_mut().handle(action, &mut env);
        self.apply(outcome);
    }

    /// Whether the top screen has work it does in steps between frames.
    pub fn busy(&self) -> bool {
        self.lock.is_none() && self.stack.last().is_some_and(|s| s.view().busy())
    }

    /// One step of the top screen's work (a batch), between frames.
    pub fn step_screen(&mut self) {
        if !self.busy() {
            return;
        }
        let mut env = app_env!(self);
        if let Some(top) = self.stack.last_mut() {
            let outcome = top.view_mut().step(&mut env);
            self.apply(outcome);
        }
    }

    /// Runs a `:` command from the one table (`commands::COMMANDS`): go to a screen, log
    /// out, quit, or (on the case list) filter and sort.
    pub fn run_command(&mut self, line: &str) {
        self.tick();
        let line = line.trim();
        let (name, arg) = line.split_once(' ').unwrap_or((line, ""));
        let help = self.keymap.key_label(self.section(), UiAction::Help);
        let Some(spec) = commands::find(name) else {
            self.status = StatusLine::error(format!("未知命令“{name}”。可用的命令见 {help} 帮助"));
            return;
        };
        if spec.command == Command::Quit {
            // Typed in full: no second question.
            self.quit = true;
            return;
        }
        if self.user.is_none() {
            self.status = StatusLine::error("请先登录");
            return;
        }
        let mut env = app_env!(self);
        let outcome = match spec.command {
            Command::Quit => Outcome::Quit,
            Command::Home => {
                let home = home::State::load(&mut env);
                self.stack = vec![Screen::Home(home)];
                Outcome::Status(String::new())
            }
            Command::Cases => Outcome::Push(Screen::Cases(cases::State::load(&mut env))),
            Command::Powers => Outcome::Push(Screen::Powers(powers::State::load(&mut env))),
            Command::Calendar => {
                Outcome::Push(Screen::Calendar(Box::new(calendar::State::load(&mut env))))
            }
            Command::Stats => Outcome::Push(Screen::Dashboard(Box::new(dashboard::State::load(
                &mut env,
            )))),
            Command::Users => Outcome::Push(Screen::Users(users::State::load(&mut env))),
            Command::New => {
                Outcome::Push(Screen::NewCase(Box::new(new_case::State::new(&mut env))))
            }
            Command::Spot => Outcome::Push(Screen::NewCase(Box::new(new_case::State::on_spot(
                &mut env,
            )))),
            Command::Logout => {
                self.logout("已注销");
                return;
            }
            Command::Review => review_round::open(&mut env),
            Command::Quality => quality::open(&mut env),
            Command::Faults => faults::open(&mut env),
            Command::Patrols => patrols::open(&mut env),
            Command::Leads => leads::open(&mut env),
            Command::Settings => settings::open(&mut env),
            Command::Inspections => inspections::open(&mut env),
            Command::Check => super::admin::check(&mut env),
            Command::Backup => super::admin::backup(&mut env),
            Command::Ledger => match super::exports::folder(&env) {
                Ok(dir) => super::exports::ledger(&mut env, arg, &dir),
                Err(e) => Outcome::Error(e),
            },
            Command::Publish => match super::exports::folder(&env) {
                Ok(dir) => super::exports::publish(&mut env, &dir),
                Err(e) => Outcome::Error(e),
            },
            Command::Goods => match super::exports::folder(&env) {
                Ok(dir) => super::exports::goods(&mut env, &dir),
                Err(e) => Outcome::Error(e),
            },
            Command::List(cmd) => match self.stack.last_mut() {
                Some(Screen::Cases(list)) => match list.apply_command(cmd, arg, &mut env) {
                    Ok(msg) => Outcome::Status(msg),
                    Err(msg) => Outcome::Error(msg),
                },
                _ => {
                    debug_assert_eq!(spec.scope, Scope::CaseList);
                    Outcome::Error(format!(
                        "“{}”（{}）只在案件列表中可用：先 :cases",
                        spec.name, spec.desc
                    ))
                }
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
                    let mut env = app_env!(self);
                    if let Some(top) = self.stack.last_mut() {
                        top.view_mut().reload(&mut env);
                    }
                    self.status = StatusLine::info(msg.unwrap_or_default());
                } else {
                    let quit = self.keymap.key_label(self.section(), UiAction::Quit);
                    self.status = StatusLine::info(format!("已在首页；按 {quit} 退出"));
                }
            }
            Outcome::LoggedIn(user) => {
                tracing::info!(user = %user.username, "ui login");
                let help = self.keymap.key_label("home", UiAction::Help);
                self.status = StatusLine::info(format!("欢迎，{}。按 {help} 查看按键", user.name));
                self.user = Some(user);
                let mut env = app_env!(self);
                self.stack = vec![Screen::Home(home::State::load(&mut env))];
            }
            Outcome::Logout(msg) => self.logout(&msg),
            Outcome::Quit => self.ask_quit(),
        }
    }

    /// Quits on the second request in a row; the first says how, and in the demo that
    /// nothing is kept.
    fn ask_quit(&mut self) {
        if self.quit_asked {
            self.quit = true;
            return;
        }
        self.quit_asked = true;
        let quit = self.quit_key();
        let demo = if self.demo {
            "（演示数据不会保存）"
        } else {
            ""
        };
        self.status = StatusLine::info(format!("再按一次 {quit} 退出{demo}"));
    }

    /// Draws the whole screen from state only.
    pub fn draw(&self, f: &mut Frame) {
        let area = f.area();
        self.size.set((area.width, area.height));
        if self.too_small() {
            ui::too_small(f, self.quit_asked.then_some(self.status.text.as_str()));
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
        let screen_title = self
            .stack
            .last()
            .map(|s| s.view().title())
            .unwrap_or_default();
        let demo = if self.demo { " [演示]" } else { "" };
        let mut line = format!(
            " 执法案卷台{demo} | {} | {screen_title} | {who}",
            self.agency
        );
        if unicode_width::UnicodeWidthStr::width(line.as_str()) > title.width as usize {
            line = format!(" 执法案卷台{demo} | {screen_title} | {who}");
        }
        match self.desk.store().integrity_block() {
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
            top.view().draw(f, body);
        }
        let status_style = match self.status.severity {
            Severity::Error => ui::bad(),
            Severity::Info => ui::warn(),
        };
        // The command line, while open, takes the status line: what is typed, a cursor and
        // the matching commands.
        let (status_text, status_style) = match &self.palette {
            Some(p) => (
                super::commands::palette_line(
                    &p.value,
                    matches!(self.stack.last(), Some(Screen::Cases(_))),
                ),
                ui::title_style(),
            ),
            None => (self.status.text.clone(), status_style),
        };
        f.render_widget(
            Paragraph::new(Line::from(Span::styled(
                ui::clean(&status_text),
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
            match self.stack.last() {
                Some(s) => self
                    .keymap
                    .help_where(self.section(), &|a| s.view().acts(a)),
                None => self.keymap.help(self.section()),
            }
        };
        if self.stack.last().is_some_and(|s| s.view().takes_text()) {
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
                &match self.stack.last() {
                    Some(s) => self
                        .keymap
                        .help_where(s.view().section(), &|a| s.view().acts(a)),
                    None => self.keymap.help("global"),
                },
            );
        }
    }
}
