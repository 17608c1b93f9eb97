//! First run: with no database yet, a setup form (township, 简称, county, agency details,
//! first admin) instead of an error. Submitting creates the database exactly as `zhifa
//! init` does.

use std::path::Path;

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use super::input::TextInput;
use super::ui;
use crate::assets;
use crate::domain::agency::Agency;
use crate::domain::people::Role;
use crate::store::{NewUser, Store};

pub const FIELDS: [&str; 9] = [
    "乡镇名称（如 合隆镇）",
    "简称（用于案号，如 合）",
    "所在县（如 农安县；用于复议机关和法院）",
    "机关地址",
    "联系电话",
    "管理员登录名",
    "管理员姓名",
    "管理员密码",
    "再次输入密码",
];

pub struct Setup {
    pub inputs: Vec<TextInput>,
    pub focus: usize,
    pub error: Option<String>,
    pub done: bool,
    pub cancelled: bool,
}

impl Default for Setup {
    fn default() -> Self {
        let mut inputs: Vec<TextInput> = FIELDS.iter().map(|_| TextInput::default()).collect();
        inputs[5] = TextInput::with("admin");
        inputs[6] = TextInput::with("管理员");
        Setup {
            inputs,
            focus: 0,
            error: None,
            done: false,
            cancelled: false,
        }
    }
}

impl Setup {
    fn v(&self, i: usize) -> String {
        self.inputs[i].value.trim().to_string()
    }

    /// Checks the form and creates the database; on error nothing is created and the form
    /// keeps what was typed.
    pub fn submit(&mut self, path: &Path) {
        let result = (|| -> Result<(), String> {
            let mut agency = Agency::new(&self.v(0), &self.v(1)).map_err(|e| e.to_string())?;
            agency = agency.with_county(&self.v(2));
            agency
                .set("address", &self.v(3))
                .map_err(|e| e.to_string())?;
            agency.set("phone", &self.v(4)).map_err(|e| e.to_string())?;
            if self.inputs[7].value != self.inputs[8].value {
                return Err("两次输入的密码不一致".into());
            }
            let admin = NewUser {
                username: self.v(5),
                name: self.v(6),
                roles: vec![Role::Admin],
                squad: String::new(),
                cert_no: None,
                cert_valid_until: None,
                legal_qualified: false,
            };
            let catalog = assets::catalog_template()
                .map_err(|i| format!("内置权限清单有误：{} 处", i.len()))?;
            let holidays = assets::holiday_tables().map_err(|e| e.to_string())?;
            Store::init(
                path,
                &agency,
                &catalog,
                "内置模板",
                &holidays,
                Some((&admin, &self.inputs[7].value)),
            )
            .map_err(|e| e.to_string())?;
            Ok(())
        })();
        match result {
            Ok(()) => self.done = true,
            Err(e) => self.error = Some(e),
        }
    }

    pub fn on_key(&mut self, k: KeyEvent, path: &Path) {
        match k.code {
            KeyCode::Tab | KeyCode::Down => self.focus = (self.focus + 1) % FIELDS.len(),
            KeyCode::BackTab | KeyCode::Up => {
                self.focus = (self.focus + FIELDS.len() - 1) % FIELDS.len()
            }
            KeyCode::Enter => self.submit(path),
            KeyCode::Esc => self.cancelled = true,
            KeyCode::Char('c') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                self.cancelled = true
            }
            KeyCode::Backspace => self.inputs[self.focus].backspace(),
            KeyCode::Char(c) => self.inputs[self.focus].push(c),
            _ => {}
        }
    }

    pub fn draw(&self, f: &mut Frame) {
        let area = f.area();
        if area.width < ui::MIN_WIDTH || area.height < ui::MIN_HEIGHT {
            ui::too_small(f, None);
            return;
        }
        let inner = ui::popup(
            f,
            ui::centered(area, 70, 22),
            "首次使用：建立本机关的案件库",
        );
        let mut lines = vec![Line::from(Span::styled(
            "尚无数据库。填写以下内容后按回车建库（Esc 退出）：",
            ui::dim(),
        ))];
        for (i, (label, input)) in FIELDS.iter().zip(&self.inputs).enumerate() {
            let value = if i >= 7 {
                input.masked()
            } else {
                ui::clean(&input.value)
            };
            let style = if i == self.focus {
                ui::warn()
            } else {
                ratatui::style::Style::default()
            };
            let marker = if i == self.focus { "> " } else { "  " };
            lines.push(Line::from(Span::styled(
                format!("{marker}{label}："),
                style,
            )));
            lines.push(Line::from(format!(
                "    {value}{}",
                if i == self.focus { "_" } else { "" }
            )));
        }
        if let Some(e) = &self.error {
            lines.push(Line::from(Span::styled(ui::clean(e), ui::bad())));
        }
        let skip = (self.focus * 2 + 4).saturating_sub(inner.height as usize) as u16;
        f.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .scroll((skip, 0)),
            Rect { ..inner },
        );
    }
}

/// Runs the setup form; returns true when the database was created.
pub fn run(path: &Path) -> Result<bool, String> {
    let mut setup = Setup::default();
    let mut terminal = ratatui::try_init().map_err(|e| format!("无法初始化终端：{e}"))?;
    let result = (|| -> std::io::Result<()> {
        while !setup.done && !setup.cancelled {
            terminal.draw(|f| setup.draw(f))?;
            if let Event::Key(k) = event::read()? {
                if k.kind == KeyEventKind::Press {
                    setup.on_key(k, path);
                }
            }
        }
        Ok(())
    })();
    ratatui::restore();
    result.map_err(|e| format!("终端错误：{e}"))?;
    Ok(setup.done)
}
