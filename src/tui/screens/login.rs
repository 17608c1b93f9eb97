//! Login: user name and password; in demo mode, a list of demo users by role to pick from.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};
use ratatui::Frame;

use crate::desk::Desk;
use crate::tui::action::UiAction;
use crate::tui::app::{Env, Outcome};
use crate::tui::input::TextInput;
use crate::tui::ui;
use crate::tui::view::View;

pub struct State {
    pub username: TextInput,
    pub password: TextInput,
    /// 0 = user name, 1 = password.
    pub focus: usize,
    /// Demo users: (login, name, roles).
    pub demo_users: Vec<(String, String, String)>,
    pub pick: usize,
    /// Demo mode: the list of demo users shows.
    pub demo: bool,
}

impl State {
    pub fn new(desk: &Desk, demo: bool) -> State {
        let demo_users = if demo {
            let users = desk.store().users().unwrap_or_default();
            // One or two per role, heads and reviewers first: enough to try every queue.
            let mut picked: Vec<(String, String, String)> = Vec::new();
            for role in crate::domain::people::Role::ALL {
                for u in users
                    .values()
                    .filter(|u| u.roles.first() == Some(&role))
                    .take(2)
                {
                    let roles: Vec<&str> = u.roles.iter().map(|r| r.name()).collect();
                    picked.push((u.username.clone(), u.name.clone(), roles.join("、")));
                }
            }
            picked
        } else {
            Vec::new()
        };
        let mut s = State {
            username: TextInput::default(),
            password: TextInput::default(),
            focus: 0,
            demo_users,
            pick: 0,
            demo,
        };
        s.fill_demo();
        s
    }

    fn fill_demo(&mut self) {
        if let Some((login, _, _)) = self.demo_users.get(self.pick) {
            self.username = TextInput::with(login);
            self.password = TextInput::with(crate::demo::DEMO_PASSWORD);
        }
    }

    fn field(&mut self) -> &mut TextInput {
        if self.focus == 0 {
            &mut self.username
        } else {
            &mut self.password
        }
    }

    pub fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        match a {
            UiAction::Input(c) => {
                self.field().push(c);
                Outcome::Stay
            }
            UiAction::DeleteBack => {
                self.field().backspace();
                Outcome::Stay
            }
            UiAction::NextField | UiAction::PrevField => {
                self.focus = 1 - self.focus;
                Outcome::Stay
            }
            UiAction::Down if !self.demo_users.is_empty() => {
                self.pick = (self.pick + 1).min(self.demo_users.len() - 1);
                self.fill_demo();
                Outcome::Stay
            }
            UiAction::Up if !self.demo_users.is_empty() => {
                self.pick = self.pick.saturating_sub(1);
                self.fill_demo();
                Outcome::Stay
            }
            UiAction::Submit => match env.desk.login(&self.username.value, &self.password.value) {
                Ok(user) => Outcome::LoggedIn(user),
                Err(e) => {
                    self.password = TextInput::default();
                    self.focus = 1;
                    Outcome::Error(e.to_string())
                }
            },
            UiAction::Back | UiAction::Quit => Outcome::Quit,
            _ => Outcome::Stay,
        }
    }
}

pub fn draw(f: &mut Frame, area: Rect, s: &State) {
    let demo = s.demo;
    let box_area = ui::centered(area, 60, if demo { 20 } else { 9 });
    let inner = ui::popup(f, box_area, "登录");
    let [user_row, pass_row, _, list_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);
    let mark = |i: usize| if s.focus == i { "> " } else { "  " };
    f.render_widget(
        Paragraph::new(format!(
            "{}用户名：{}",
            mark(0),
            ui::clean(&s.username.value)
        )),
        user_row,
    );
    f.render_widget(
        Paragraph::new(format!("{}密  码：{}", mark(1), s.password.masked())),
        pass_row,
    );
    if demo {
        let items: Vec<ListItem> = s
            .demo_users
            .iter()
            .map(|(login, name, roles)| {
                ListItem::new(Line::from(format!("{name}  {roles}  ({login})")))
            })
            .collect();
        let mut st = ListState::default().with_selected(Some(s.pick));
        let list = List::new(items)
            .block(
                Block::default()
                    .borders(Borders::TOP)
                    .title(" 演示用户（上下键选择，密码 demo，回车登录） "),
            )
            .highlight_style(ui::selected());
        f.render_stateful_widget(list, list_area, &mut st);
    } else {
        f.render_widget(
            Paragraph::new("Tab 切换，回车登录").style(ui::dim()),
            list_area,
        );
    }
}

impl View for State {
    fn title(&self) -> String {
        "登录".into()
    }
    fn section(&self) -> &'static str {
        "login"
    }
    fn takes_text(&self) -> bool {
        true
    }
    fn acts(&self, a: UiAction) -> bool {
        // The demo users' list is there only with --demo.
        self.demo || !matches!(a, UiAction::Down | UiAction::Up)
    }
    fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        State::handle(self, a, env)
    }
    fn draw(&self, f: &mut Frame, area: Rect) {
        draw(f, area, self)
    }
}
