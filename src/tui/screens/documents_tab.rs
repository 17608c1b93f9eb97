//! The 文书 tab of the case view: each document the case has with what is true of it —
//! made or not (待制作 / 已生成) and served or not (已送达 with the date / 未送达 /
//! 无需送达) — a text preview of the selected one, and print/export:
//! `p` sends it to the printer (PDF via `lp`, kept in the export folder if there is none),
//! `e` exports it, `E` exports the whole case file. The exported path is shown.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use crate::documents::{self, Format, Loaded, What};
use crate::domain::documents::{DocKind, DocState};
use crate::tui::action::UiAction;
use crate::tui::app::{Env, Outcome};
use crate::tui::ui;

use super::case_view::State as CaseView;

pub struct Row {
    pub kind: DocKind,
    pub count: usize,
    pub state: String,
}

/// A document's state as the list shows it: printed or not, then its service. An
/// unserved document the party must receive says so; a served one says when.
fn state_text(printed: bool, state: DocState) -> String {
    match state {
        DocState::Served(_) => state.name(),
        DocState::Unserved if printed => "已生成，未送达".into(),
        DocState::Unserved => "待制作，未送达".into(),
        DocState::Internal if printed => "已生成（无需送达）".into(),
        DocState::Internal => "待制作（无需送达）".into(),
    }
}

#[derive(Default)]
pub struct DocsTab {
    pub rows: Vec<Row>,
    pub sel: usize,
    pub preview: Vec<String>,
    /// The first preview line shown (PageDown/PageUp move it; a new selection resets it).
    pub preview_top: usize,
    /// The last file written, shown under the list.
    pub exported: Option<String>,
    /// The tab's keys as the keymap binds them, for the preview's rule line.
    keys: String,
}

impl DocsTab {
    /// Loads the list (and the preview of the first document) from the store.
    pub fn load(view: &CaseView, env: &mut Env) -> DocsTab {
        let printed = documents::printed_kinds(env.desk.store(), view.id);
        let rows = crate::domain::documents::documents(&view.case)
            .into_iter()
            .map(|(kind, count, state)| Row {
                kind,
                count,
                state: state_text(printed.contains(&kind), state),
            })
            .collect();
        let key = |a| env.keymap.key_label("case", a);
        let keys = format!(
            "{} 打印 {} 导出 {} 整本案卷 {} 摘要 · 预览{}/{}",
            key(UiAction::PrintDoc),
            key(UiAction::ExportDoc),
            key(UiAction::ExportCaseFile),
            key(UiAction::ExportSummary),
            key(UiAction::PageDown),
            key(UiAction::PageUp),
        );
        let mut tab = DocsTab {
            rows,
            keys,
            ..DocsTab::default()
        };
        tab.refresh_preview(view.id, env);
        tab
    }

    fn selected(&self) -> Option<DocKind> {
        self.rows.get(self.sel).map(|r| r.kind)
    }

    fn refresh_preview(&mut self, case_id: i64, env: &mut Env) {
        self.preview_top = 0;
        self.preview = match self.selected() {
            None => vec!["本案尚无文书".to_string()],
            Some(kind) => match Loaded::load(env.desk.store(), case_id, env.today)
                .and_then(|l| l.text(What::Doc(kind)))
            {
                Ok(t) => t
                    .lines()
                    .map(|l| l.trim_end_matches('\u{c}').to_string())
                    .filter(|l| !l.trim().is_empty())
                    .collect(),
                Err(e) => vec![format!("不能生成：{e}")],
            },
        };
    }
}

/// Keys on the 文书 tab; `None` leaves the key to the case view.
pub fn handle(view: &mut CaseView, a: UiAction, env: &mut Env) -> Option<Outcome> {
    if view.docs.is_none() {
        view.docs = Some(DocsTab::load(view, env));
    }
    let id = view.id;
    let tab = view.docs.as_mut()?;
    match a {
        UiAction::Down => {
            tab.sel = (tab.sel + 1).min(tab.rows.len().saturating_sub(1));
            tab.refresh_preview(id, env);
        }
        UiAction::Up => {
            tab.sel = tab.sel.saturating_sub(1);
            tab.refresh_preview(id, env);
        }
        UiAction::PageDown => {
            tab.preview_top = (tab.preview_top + PREVIEW_PAGE)
                .min(tab.preview.len().saturating_sub(PREVIEW_PAGE));
        }
        UiAction::PageUp => tab.preview_top = tab.preview_top.saturating_sub(PREVIEW_PAGE),
        UiAction::PrintDoc
        | UiAction::ExportDoc
        | UiAction::ExportCaseFile
        | UiAction::ExportSummary => {
            let what = match a {
                UiAction::ExportCaseFile => What::All,
                UiAction::ExportSummary => What::Summary,
                _ => match tab.selected() {
                    Some(k) => What::Doc(k),
                    None => return Some(Outcome::Error("本案尚无文书".into())),
                },
            };
            let sel = tab.sel;
            let result = export(view, what, a == UiAction::PrintDoc, env);
            let (Ok(msg) | Err(msg)) = result.clone();
            // The list again (a state may have changed), the same document selected and
            // previewed.
            let mut fresh = DocsTab::load(view, env);
            fresh.sel = sel.min(fresh.rows.len().saturating_sub(1));
            fresh.refresh_preview(id, env);
            fresh.exported = Some(msg.clone());
            view.docs = Some(fresh);
            view.audit =
                super::or_note(env.desk.store().case_audit(id), "审计记录", &mut view.error);
            return Some(match result {
                Ok(m) => Outcome::Status(m),
                Err(m) => Outcome::Error(m),
            });
        }
        _ => return None,
    }
    Some(Outcome::Stay)
}

/// Writes the file to the export folder (and to the printer for `p`); the message names it.
/// Err: nothing was exported (or printed).
fn export(view: &CaseView, what: What, print: bool, env: &mut Env) -> Result<String, String> {
    let Some(user) = env.user else {
        return Err("请先登录".into());
    };
    let who = crate::store::Who::user(user);
    let loaded = match Loaded::load(env.desk.store(), view.id, env.today) {
        Ok(l) => l,
        Err(e) => return Err(format!("不能生成：{e}")),
    };
    let Some(dir) = env.export_dir.map(std::path::Path::to_path_buf) else {
        return Err("无法确定导出目录（没有 HOME？）".into());
    };
    let format = Format::best();
    let stem = format!(
        "{}-{}",
        loaded.case_no().replace(['/', '\\'], "_"),
        what.slug()
    );
    let written = loaded.render(what, format).and_then(|bytes| {
        // A second export gets a new name (`… (2).pdf`): an earlier one may be in use.
        crate::output::write_new_name(&dir, &stem, format.ext(), &bytes, env.desk.store().path())
            .map_err(|e| e.to_string())
    });
    let path = match written.and_then(|path| {
        documents::record(
            env.desk.store_mut(),
            loaded.case.id,
            what,
            format,
            &path.display().to_string(),
            &who,
        )
        .map(|()| path)
    }) {
        Ok(p) => p,
        Err(e) => return Err(format!("不能生成{}：{e}", what.label())),
    };
    if !print {
        return Ok(format!("已导出{}：{}", what.label(), path.display()));
    }
    match which_lp() {
        None => Err(format!(
            "本机没有打印服务（lp），未送打印机；文件已保存：{}",
            path.display()
        )),
        Some(lp) => match std::process::Command::new(lp)
            .arg(&path)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
        {
            Ok(s) if s.success() => Ok(format!("已送打印机：{}", path.display())),
            _ => Err(format!("打印失败；文件已保存：{}", path.display())),
        },
    }
}

fn which_lp() -> Option<std::path::PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .map(|p| p.join("lp"))
        .find(|p| p.is_file())
}

/// Lines a page key moves the preview by: less than the smallest preview (80×24), so a
/// page turn keeps a line of context.
const PREVIEW_PAGE: usize = 8;

/// The keys that act on this tab (the key bar shows them only here).
pub fn acts(a: UiAction) -> bool {
    matches!(
        a,
        UiAction::PrintDoc
            | UiAction::ExportDoc
            | UiAction::ExportCaseFile
            | UiAction::ExportSummary
            | UiAction::PageDown
            | UiAction::PageUp
    )
}

/// The tab in `area`: the list (a window around the selection, at most a third of the
/// height), the exported path, then the preview of the selected document in the rest,
/// scrolled on its own so a long document can be read at 80×24.
pub fn draw(f: &mut Frame, area: Rect, view: &CaseView) {
    let Some(tab) = &view.docs else {
        f.render_widget(Paragraph::new("（载入中……按 j/k 选择文书）"), area);
        return;
    };
    let list_height = tab.rows.len().clamp(1, (area.height as usize / 3).max(3));
    let exported = tab.exported.as_ref().map_or(0, |_| 2);
    let [list, note, rule, preview] = Layout::vertical([
        Constraint::Length(list_height as u16),
        Constraint::Length(exported),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    let first = (tab.sel + 1).saturating_sub(list_height);
    let rows: Vec<Line> = if tab.rows.is_empty() {
        vec![Line::from("本案尚无文书")]
    } else {
        tab.rows
            .iter()
            .enumerate()
            .skip(first)
            .take(list_height)
            .map(|(i, r)| {
                let count = if r.count > 1 {
                    format!(" ×{}", r.count)
                } else {
                    String::new()
                };
                let text = format!(
                    "{} {}{count}  [{}]",
                    if i == tab.sel { ">" } else { " " },
                    r.kind.name(),
                    r.state
                );
                let style = if i == tab.sel {
                    ui::selected()
                } else {
                    Style::default()
                };
                Line::from(Span::styled(text, style))
            })
            .collect()
    };
    f.render_widget(Paragraph::new(rows), list);
    if let Some(e) = &tab.exported {
        f.render_widget(Paragraph::new(ui::clean(e)).wrap(Wrap { trim: true }), note);
    }
    let shown = preview.height as usize;
    let last = (tab.preview_top + shown).min(tab.preview.len());
    let lines = if tab.preview.len() > shown {
        format!(" {}–{}/{} 行", tab.preview_top + 1, last, tab.preview.len())
    } else {
        String::new()
    };
    f.render_widget(
        Paragraph::new(Line::from(Span::styled(
            format!("── 预览{lines} · {}", tab.keys),
            ui::dim(),
        ))),
        rule,
    );
    let text: Vec<Line> = tab
        .preview
        .iter()
        .skip(tab.preview_top)
        .take(shown)
        .map(|l| Line::from(l.as_str()))
        .collect();
    f.render_widget(Paragraph::new(text), preview);
}
