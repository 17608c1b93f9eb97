//! 用户管理: the staff list; admins add people (`n`), change roles (`r`), reset passwords
//! (`/`) and deactivate or reactivate someone (`x`). The rules
//! (roles, certificate numbers, the legal-qualification flag) are the store's, as for
//! `zhifa user add`.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Row, Table};
use ratatui::Frame;

use crate::domain::people::{Role, User};
use crate::store::{NewUser, Who};
use crate::tui::action::UiAction;
use crate::tui::app::{Env, Outcome};
use crate::tui::form_core::{FormCore, FormStep};
use crate::tui::input::TextInput;
use crate::tui::ui;
use crate::tui::view::View;

pub const ADD_FIELDS: [&str; 7] = [
    "登录名",
    "姓名",
    "岗位（承办人 中队长 法制审核员 负责人 管理员，空格分隔）",
    "中队",
    "执法证号（协管人员不填）",
    "取得法律职业资格（是/否）",
    "初始密码",
];

pub enum Mode {
    List,
    Add(FormCore),
    Reset { user: i64, password: TextInput },
    Roles(RolesEdit),
}

/// The roles of one member of staff being changed: a tick per role, then the
/// legal-qualification flag (which only a 法制审核员 carries).
pub struct RolesEdit {
    pub user: i64,
    pub ticked: [bool; 5],
    pub legal_qualified: bool,
    /// The highlighted row: 0–4 the roles, 5 the qualification.
    pub sel: usize,
}

impl RolesEdit {
    fn of(u: &User) -> RolesEdit {
        RolesEdit {
            user: u.id,
            ticked: Role::ALL.map(|r| u.has(r)),
            legal_qualified: u.legal_qualified,
            sel: 0,
        }
    }

    fn roles(&self) -> Vec<Role> {
        Role::ALL
            .into_iter()
            .zip(self.ticked)
            .filter(|(_, on)| *on)
            .map(|(r, _)| r)
            .collect()
    }
}

pub struct State {
    pub users: Vec<User>,
    pub sel: usize,
    pub mode: Mode,
    /// Why the staff list could not be read.
    pub error: Option<String>,
    /// The list's key hint, from the keymap.
    hint: String,
}

impl State {
    pub fn load(env: &mut Env) -> State {
        let mut s = State {
            users: vec![],
            sel: 0,
            error: None,
            mode: Mode::List,
            hint: {
                let key = |a| env.keymap.key_label("users", a);
                format!(
                    "{} 添加人员  {} 调整岗位  {} 重置密码  {} 停用/启用  {} 设置（管理员）",
                    key(UiAction::New),
                    key(UiAction::EditRoles),
                    key(UiAction::Search),
                    key(UiAction::ToggleActive),
                    key(UiAction::GoSettings)
                )
            },
        };
        s.reload(env);
        s
    }

    pub fn reload(&mut self, env: &mut Env) {
        self.error = None;
        self.users = super::or_note(
            env.desk.store().users().map(|m| m.into_values().collect()),
            "人员",
            &mut self.error,
        );
    }

    pub fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        if let Mode::Add(form) = &mut self.mode {
            return match form.handle(a) {
                FormStep::Done(outcome) => *outcome,
                FormStep::Edited | FormStep::Other(_) => Outcome::Stay,
                FormStep::Submit => self.add_user(env),
                FormStep::Leave => {
                    self.mode = Mode::List;
                    Outcome::Stay
                }
            };
        }
        let is_admin = env
            .user
            .is_some_and(|u| crate::domain::people::may_administer(u).is_ok());
        match (&mut self.mode, a) {
            (Mode::List, UiAction::Down) => {
                self.sel = (self.sel + 1).min(self.users.len().saturating_sub(1))
            }
            (Mode::List, UiAction::Up) => self.sel = self.sel.saturating_sub(1),
            (Mode::List, UiAction::New) if is_admin => {
                self.mode = Mode::Add(FormCore::new(ADD_FIELDS.map(|_| ""), env))
            }
            (Mode::List, UiAction::Search) if is_admin => {
                if let Some(u) = self.users.get(self.sel) {
                    self.mode = Mode::Reset {
                        user: u.id,
                        password: TextInput::default(),
                    };
                }
            }
            (Mode::List, UiAction::EditRoles) if is_admin => {
                if let Some(u) = self.users.get(self.sel) {
                    self.mode = Mode::Roles(RolesEdit::of(u));
                }
            }
            (Mode::List, UiAction::ToggleActive) if is_admin => {
                let (Some(admin), Some(u)) = (env.user, self.users.get(self.sel)) else {
                    return Outcome::Stay;
                };
                let (id, active) = (u.id, !u.active);
                return match env.desk.set_user_active(id, active, &Who::user(admin)) {
                    Ok(u) => {
                        self.reload(env);
                        Outcome::Status(format!(
                            "已{}：{}",
                            if active { "启用" } else { "停用" },
                            ui::clean(&u.name)
                        ))
                    }
                    Err(e) => Outcome::Error(e.to_string()),
                };
            }
            (
                Mode::List,
                UiAction::New | UiAction::Search | UiAction::ToggleActive | UiAction::EditRoles,
            ) => return Outcome::Error("只有管理员可以添加、停用人员、调整岗位或重置密码".into()),
            (Mode::List, UiAction::GoSettings) => return super::settings::open(env),
            (Mode::List, UiAction::Back) => return Outcome::Pop(None),
            (Mode::List, UiAction::Quit) => return Outcome::Quit,
            (Mode::Reset { password, .. }, UiAction::Input(c)) => password.push(c),
            (Mode::Reset { password, .. }, UiAction::DeleteBack) => password.backspace(),
            (Mode::Reset { .. }, UiAction::Back) => self.mode = Mode::List,
            (Mode::Reset { user, password }, UiAction::Submit) => {
                let Some(admin) = env.user else {
                    return Outcome::Stay;
                };
                let (id, pw) = (*user, password.value.clone());
                return match env.desk.reset_password(id, &pw, admin) {
                    Ok(()) => {
                        self.mode = Mode::List;
                        Outcome::Status("已重置密码，账号已解锁".into())
                    }
                    Err(e) => Outcome::Error(e.to_string()),
                };
            }
            (Mode::Roles(edit), UiAction::Down) => edit.sel = (edit.sel + 1).min(5),
            (Mode::Roles(edit), UiAction::Up) => edit.sel = edit.sel.saturating_sub(1),
            (Mode::Roles(edit), UiAction::Open) => match edit.ticked.get_mut(edit.sel) {
                Some(on) => *on = !*on,
                None => edit.legal_qualified = !edit.legal_qualified,
            },
            (Mode::Roles(_), UiAction::Back) => self.mode = Mode::List,
            (Mode::Roles(_), UiAction::Submit) => return self.save_roles(env),
            _ => {}
        }
        Outcome::Stay
    }

    /// Saves the ticked roles (the desk's rules, as for `zhifa user roles`); a refusal
    /// keeps the ticks.
    fn save_roles(&mut self, env: &mut Env) -> Outcome {
        let (Mode::Roles(edit), Some(admin)) = (&self.mode, env.user) else {
            return Outcome::Stay;
        };
        match env
            .desk
            .set_user_roles(edit.user, &edit.roles(), edit.legal_qualified, admin)
        {
            Ok(u) => {
                self.mode = Mode::List;
                self.reload(env);
                let names: Vec<&str> = u.roles.iter().map(|r| r.name()).collect();
                Outcome::Status(format!(
                    "已调整 {} 的岗位：{}",
                    ui::clean(&u.name),
                    names.join("、")
                ))
            }
            Err(e) => Outcome::Error(e.to_string()),
        }
    }

    /// Collects the 添加人员 values and adds the account (the store's rules, as for
    /// `zhifa user add`); a refusal keeps what was typed.
    fn add_user(&mut self, env: &mut Env) -> Outcome {
        let Mode::Add(form) = &self.mode else {
            return Outcome::Stay;
        };
        let v = |i: usize| form.value(i);
        let roles: Result<Vec<Role>, String> = v(2)
            .split([' ', ',', '，', '、'])
            .filter(|r| !r.is_empty())
            .map(|r| Role::parse(r).ok_or_else(|| format!("未知岗位“{r}”")))
            .collect();
        let roles = match roles {
            Ok(r) => r,
            Err(e) => return Outcome::Error(e),
        };
        let new = NewUser {
            username: v(0),
            name: v(1),
            roles,
            squad: v(3),
            cert_no: Some(v(4)).filter(|c| !c.is_empty()),
            cert_valid_until: None,
            legal_qualified: v(5) == "是",
        };
        let Some(admin) = env.user else {
            return Outcome::Stay;
        };
        match env.desk.add_user(&new, &v(6), &Who::user(admin)) {
            Ok(u) => {
                self.mode = Mode::List;
                self.reload(env);
                Outcome::Status(format!("已添加：{}", u.label()))
            }
            Err(e) => Outcome::Error(e.to_string()),
        }
    }
}

pub fn draw(f: &mut Frame, area: Rect, s: &State) {
    let area = ui::load_error(f, area, &s.error);
    let [list_area, form_area] = Layout::vertical([
        Constraint::Min(5),
        Constraint::Length(match s.mode {
            Mode::List => 1,
            Mode::Add(_) => 9,
            Mode::Reset { .. } => 3,
            Mode::Roles(_) => 8,
        }),
    ])
    .areas(area);
    let height = list_area.height.saturating_sub(1) as usize;
    let start = s.sel.saturating_sub(height.saturating_sub(1));
    let rows: Vec<Row> = s
        .users
        .iter()
        .enumerate()
        .skip(start)
        .take(height)
        .map(|(i, u)| {
            let roles: Vec<&str> = u.roles.iter().map(|r| r.name()).collect();
            let row = Row::new(vec![
                u.username.clone(),
                ui::clean(&u.name),
                ui::clean(&u.squad),
                roles.join("、"),
                match (&u.cert_no, u.active) {
                    (_, false) => "已停用".to_string(),
                    (Some(c), true) => c.clone(),
                    (None, true) => "协管（无执法证）".into(),
                },
            ]);
            if i == s.sel {
                row.style(ui::selected())
            } else {
                row
            }
        })
        .collect();
    let widths = [
        Constraint::Length(12),
        Constraint::Length(8),
        Constraint::Length(10),
        Constraint::Length(22),
        Constraint::Fill(1),
    ];
    let header = Row::new(vec!["登录名", "姓名", "中队", "岗位", "执法证号"]).style(ui::dim());
    f.render_widget(Table::new(rows, widths).header(header), list_area);
    match &s.mode {
        Mode::List => f.render_widget(Paragraph::new(s.hint.as_str()).style(ui::dim()), form_area),
        Mode::Add(form) => {
            let focus = &form.focus;
            let lines: Vec<Line> = ADD_FIELDS
                .iter()
                .zip(&form.inputs)
                .enumerate()
                .map(|(i, (label, input))| {
                    let value = if i == 6 {
                        input.masked()
                    } else {
                        ui::clean(&input.value)
                    };
                    let style = if i == *focus {
                        ui::warn()
                    } else {
                        ratatui::style::Style::default()
                    };
                    Line::from(Span::styled(
                        format!("{}{label}：{value}", if i == *focus { "> " } else { "  " }),
                        style,
                    ))
                })
                .collect();
            f.render_widget(
                Paragraph::new(lines).block(
                    Block::default()
                        .borders(Borders::TOP)
                        .title(" 添加人员（回车保存，Esc 取消） "),
                ),
                form_area,
            );
        }
        Mode::Roles(edit) => {
            let name = s
                .users
                .iter()
                .find(|u| u.id == edit.user)
                .map(|u| ui::clean(&u.name))
                .unwrap_or_default();
            let tick = |on: bool| if on { "[x]" } else { "[ ]" };
            let lines: Vec<Line> = Role::ALL
                .iter()
                .zip(edit.ticked)
                .map(|(r, on)| format!("{} {}", tick(on), r.name()))
                .chain(std::iter::once(format!(
                    "{} 已取得国家统一法律职业资格（法制审核员）",
                    tick(edit.legal_qualified)
                )))
                .enumerate()
                .map(|(i, text)| {
                    if i == edit.sel {
                        Line::from(Span::styled(format!("> {text}"), ui::selected()))
                    } else {
                        Line::from(format!("  {text}"))
                    }
                })
                .collect();
            f.render_widget(
                Paragraph::new(lines).block(
                    Block::default()
                        .borders(Borders::TOP)
                        .title(format!(" 调整 {name} 的岗位 ")),
                ),
                form_area,
            );
        }
        Mode::Reset { user, password } => {
            let name = s
                .users
                .iter()
                .find(|u| u.id == *user)
                .map(|u| u.name.clone())
                .unwrap_or_default();
            f.render_widget(
                Paragraph::new(format!("新密码：{}", password.masked())).block(
                    Block::default()
                        .borders(Borders::TOP)
                        .title(format!(" 重置 {name} 的密码（回车保存，Esc 取消） ")),
                ),
                form_area,
            );
        }
    }
}

impl View for State {
    fn title(&self) -> String {
        "用户管理".into()
    }
    fn section(&self) -> &'static str {
        if matches!(self.mode, Mode::Roles(_)) {
            "user_roles"
        } else if matches!(self.mode, Mode::Add(_)) {
            crate::tui::form_core::SECTION
        } else if self.takes_text() {
            "form"
        } else {
            "users"
        }
    }
    fn takes_text(&self) -> bool {
        matches!(self.mode, Mode::Add(_) | Mode::Reset { .. })
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
