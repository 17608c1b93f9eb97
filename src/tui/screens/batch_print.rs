//! 批量打印摘要: the 案件摘要 of every case the case list's current filter shows (stage,
//! field, squad, officer, dates, search), each into one new folder under the export folder
//! through the output guard and recorded in its case's audit trail. Enter starts; the work
//! goes one case per step between frames (`View::step`), with a progress bar; Esc stops
//! after the case in hand. The folder is shown at the end.

use std::path::PathBuf;

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, Borders, Gauge, Paragraph, Wrap};
use ratatui::Frame;

use crate::documents::Format;
use crate::store::{CaseFilter, Who};
use crate::tui::action::UiAction;
use crate::tui::app::{Env, Outcome, Screen};
use crate::tui::ui;
use crate::tui::view::View;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Shown what would be printed; Enter starts.
    Ready,
    Running,
    /// Stopped by Esc before the end.
    Stopped,
    Done,
}

pub struct State {
    /// The filter in words.
    pub what: String,
    /// The cases: id and case number.
    pub cases: Vec<(i64, String)>,
    /// The folder the summaries go into (made when the first one is written).
    pub dir: PathBuf,
    pub format: Format,
    pub phase: Phase,
    /// How many were taken (written or failed).
    pub done: usize,
    pub failed: Vec<String>,
    pub error: Option<String>,
}

/// The case list's filter in words, for the screen's first line.
fn describe(f: &CaseFilter, env: &Env) -> String {
    let mut parts = Vec::new();
    if let Some(s) = f.stage {
        parts.push(format!("阶段 {}", s.name()));
    }
    if let Some(field) = f.field {
        parts.push(format!("领域 {field}"));
    }
    if let Some(s) = &f.squad {
        parts.push(format!("中队 {}", ui::clean(s)));
    }
    if let Some(id) = f.handler {
        let name = env
            .desk
            .store()
            .user(id)
            .ok()
            .flatten()
            .map(|u| u.name)
            .unwrap_or_else(|| format!("#{id}"));
        parts.push(format!("承办人 {}", ui::clean(&name)));
    }
    match (f.from, f.to) {
        (Some(a), Some(b)) => parts.push(format!("立案日期 {a} 至 {b}")),
        (Some(a), None) => parts.push(format!("立案日期 {a} 起")),
        (None, Some(b)) => parts.push(format!("立案日期至 {b}")),
        (None, None) => {}
    }
    if f.overdue_only {
        parts.push("只看逾期".into());
    }
    if let Some(t) = &f.text {
        parts.push(format!("搜索“{}”", ui::clean(t)));
    }
    if parts.is_empty() {
        "全部案件".into()
    } else {
        parts.join("，")
    }
}

/// Opens the screen for the case list's filter (without its page).
pub fn open(filter: CaseFilter, env: &mut Env) -> Outcome {
    let Some(root) = env.export_dir.map(std::path::Path::to_path_buf) else {
        return Outcome::Error("无法确定导出目录（没有 HOME？）".into());
    };
    let filter = CaseFilter {
        limit: None,
        offset: None,
        page: Default::default(),
        ..filter
    };
    let what = describe(&filter, env);
    let cases = match env.desk.store().list_cases(&filter) {
        Ok(rows) => rows.into_iter().map(|r| (r.id, r.case_no)).collect(),
        Err(e) => return Outcome::Error(format!("无法读取案件列表：{e}")),
    };
    // A new folder per batch: a batch never meets the files of an earlier one.
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    Outcome::Push(Screen::BatchPrint(Box::new(State {
        what,
        cases,
        dir: root.join(format!("案件摘要-{stamp}")),
        format: Format::best(),
        phase: Phase::Ready,
        done: 0,
        failed: Vec::new(),
        error: None,
    })))
}

impl State {
    pub fn handle(&mut self, a: UiAction, _env: &mut Env) -> Outcome {
        match (self.phase, a) {
            (Phase::Ready, UiAction::Submit) if self.cases.is_empty() => {
                Outcome::Error("当前筛选没有案件".into())
            }
            (Phase::Ready, UiAction::Submit) => {
                self.phase = Phase::Running;
                Outcome::Status(String::new())
            }
            (Phase::Running, UiAction::Back) => {
                self.phase = Phase::Stopped;
                Outcome::Status(format!(
                    "已停止：生成了 {} 份，在 {}",
                    self.done - self.failed.len(),
                    self.dir.display()
                ))
            }
            (Phase::Running, _) => Outcome::Stay,
            (_, UiAction::Back) => Outcome::Pop(None),
            (_, UiAction::Quit) => Outcome::Quit,
            _ => Outcome::Stay,
        }
    }

    /// One case: its summary written and recorded.
    fn step_one(&mut self, env: &mut Env) -> Outcome {
        let Some(user) = env.user else {
            return Outcome::Stay;
        };
        let Some((id, case_no)) = self.cases.get(self.done).cloned() else {
            self.phase = Phase::Done;
            return self.finished();
        };
        let result = crate::paths::create_private_dir(&self.dir)
            .map_err(|e| format!("无法创建目录 {}：{e}", self.dir.display()))
            .and_then(|()| {
                env.desk.print_summary(
                    id,
                    &case_no,
                    &self.dir,
                    self.format,
                    false,
                    &Who::user(user),
                    env.today,
                )
            });
        if let Err(e) = result {
            self.failed.push(format!("{case_no}：{e}"));
        }
        self.done += 1;
        if self.done == self.cases.len() {
            self.phase = Phase::Done;
            return self.finished();
        }
        Outcome::Stay
    }

    fn finished(&self) -> Outcome {
        let made = self.done - self.failed.len();
        let msg = format!("已生成 {made} 份案件摘要：{}", self.dir.display());
        if self.failed.is_empty() {
            Outcome::Status(msg)
        } else {
            Outcome::Error(format!("{msg}；{} 件未能生成（见列表）", self.failed.len()))
        }
    }
}

pub fn draw(f: &mut Frame, area: Rect, s: &State) {
    let area = ui::load_error(f, area, &s.error);
    let [head, gauge, body] = Layout::vertical([
        Constraint::Length(4),
        Constraint::Length(1),
        Constraint::Min(3),
    ])
    .areas(area);
    let ext = s.format.ext().to_uppercase();
    let what = match s.phase {
        Phase::Ready if s.cases.is_empty() => format!("当前筛选（{}）没有案件", s.what),
        Phase::Ready => format!(
            "将为当前筛选（{}）的 {} 件案件各生成一份案件摘要（{ext}），回车开始，Esc 返回",
            s.what,
            s.cases.len()
        ),
        Phase::Running => format!("正在生成（{}）…… Esc 停止", s.what),
        Phase::Stopped => format!("已停止（{}），Esc 返回", s.what),
        Phase::Done => format!("已完成（{}），Esc 返回", s.what),
    };
    let folder = format!("文件夹：{}", ui::clean(&s.dir.display().to_string()));
    f.render_widget(
        Paragraph::new(format!("{what}\n{folder}")).wrap(Wrap { trim: false }),
        head,
    );
    let total = s.cases.len().max(1);
    let current = s
        .cases
        .get(s.done.min(s.cases.len().saturating_sub(1)))
        .filter(|_| s.phase == Phase::Running)
        .map(|(_, no)| format!(" {}", ui::clean(no)))
        .unwrap_or_default();
    f.render_widget(
        Gauge::default()
            .ratio(s.done as f64 / total as f64)
            .label(format!("{}/{}{current}", s.done, s.cases.len()))
            .gauge_style(ui::selected())
            .use_unicode(false),
        gauge,
    );
    let lines: Vec<String> = if s.failed.is_empty() {
        s.cases
            .iter()
            .take(s.done)
            .rev()
            .map(|(_, no)| format!("已生成 {}", ui::clean(no)))
            .collect()
    } else {
        s.failed
            .iter()
            .map(|l| format!("未能生成 {}", ui::clean(l)))
            .collect()
    };
    f.render_widget(
        Paragraph::new(lines.join("\n"))
            .wrap(Wrap { trim: false })
            .block(Block::default().borders(Borders::TOP)),
        body,
    );
}

impl View for State {
    fn title(&self) -> String {
        "批量打印摘要".into()
    }
    fn section(&self) -> &'static str {
        "batch_print"
    }
    fn acts(&self, a: UiAction) -> bool {
        a != UiAction::Submit || (self.phase == Phase::Ready && !self.cases.is_empty())
    }
    fn busy(&self) -> bool {
        self.phase == Phase::Running
    }
    fn step(&mut self, env: &mut Env) -> Outcome {
        self.step_one(env)
    }
    fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        State::handle(self, a, env)
    }
    fn draw(&self, f: &mut Frame, area: Rect) {
        draw(f, area, self)
    }
}
