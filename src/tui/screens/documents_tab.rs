//! The 文书 tab of the case view: each document the case has with what is true of it —
//! made or not (待制作 / 已生成) and served or not (已送达 with the date / 未送达 /
//! 无需送达) — a text preview of the selected one, and print/export:
//! `p` sends it to the printer (PDF via `lp`, kept in the export folder if there is none),
//! `e` exports it, `E` exports the whole case file. The exported path is shown.

use crate::documents::{self, Format, Loaded, What};
use crate::domain::documents::{DocKind, DocState};
use crate::tui::action::UiAction;
use crate::tui::app::{Env, Outcome};

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
    /// The last file written, shown under the list.
    pub exported: Option<String>,
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
        let mut tab = DocsTab {
            rows,
            ..DocsTab::default()
        };
        tab.refresh_preview(view.id, env);
        tab
    }

    fn selected(&self) -> Option<DocKind> {
        self.rows.get(self.sel).map(|r| r.kind)
    }

    fn refresh_preview(&mut self, case_id: i64, env: &mut Env) {
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
    let Some(dir) = crate::paths::exports_dir() else {
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

/// The tab's text: the list with states, the exported path, then the preview.
pub fn lines(view: &CaseView) -> Vec<String> {
    let Some(tab) = &view.docs else {
        return vec!["（载入中……按 j/k 选择文书）".into()];
    };
    let mut out = Vec::new();
    if tab.rows.is_empty() {
        out.push("本案尚无文书".into());
    }
    for (i, r) in tab.rows.iter().enumerate() {
        let mark = if i == tab.sel { ">" } else { " " };
        let count = if r.count > 1 {
            format!(" ×{}", r.count)
        } else {
            String::new()
        };
        out.push(format!("{mark} {}{count}  [{}]", r.kind.name(), r.state));
    }
    out.push("p 打印  e 导出  E 导出整本案卷  S 导出案件摘要".into());
    if let Some(e) = &tab.exported {
        out.push(e.clone());
    }
    out.push("-- 预览 --".into());
    out.extend(tab.preview.iter().cloned());
    out
}
