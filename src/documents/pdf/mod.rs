//! PDF through typst as a library: the `.typ` templates of `assets/templates/` (or the
//! office's overrides in `<config dir>/templates/`), the case data as `/data.json`, fonts
//! embedded and subset by typst's PDF writer.

mod fonts;
mod world;

use serde_json::json;

use super::settings::PrintSettings;
use super::{Loaded, What};
use crate::domain::documents::{casefile, Paper};
pub use fonts::FontSet;

/// The bundled templates, by virtual path.
const TEMPLATES: [(&str, &str); 3] = [
    (
        "/document.typ",
        include_str!("../../../assets/templates/document.typ"),
    ),
    (
        "/casefile.typ",
        include_str!("../../../assets/templates/casefile.typ"),
    ),
    (
        "/paper.typ",
        include_str!("../../../assets/templates/paper.typ"),
    ),
];

/// A template's text: the office's override if it has one, else the bundled one.
fn template(settings: &PrintSettings, path: &str, bundled: &str) -> Result<String, String> {
    if let Some(dir) = &settings.templates_dir {
        let file = dir.join(path.trim_start_matches('/'));
        match std::fs::read_to_string(&file) {
            Ok(t) => return Ok(t),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("无法读取模板 {}：{e}", file.display())),
        }
    }
    Ok(bundled.to_string())
}

/// Renders `what` for the loaded case as PDF bytes. The case file, its 目录 and its 备考表
/// number pages as they fall in this layout: each document is laid out first to count its
/// pages (each starts on a new page, so alone it takes the pages it takes in the file).
pub fn render(loaded: &Loaded, what: What, settings: &PrintSettings) -> Result<Vec<u8>, String> {
    let fonts = FontSet::load(settings)?;
    let failure = std::cell::RefCell::new(None::<String>);
    let measure = |p: &Paper| -> u32 {
        match layout(settings, &fonts, &[p], loaded.today) {
            Ok(doc) => u32::try_from(doc.pages().len()).unwrap_or(u32::MAX),
            Err(e) => {
                failure.borrow_mut().get_or_insert(e);
                1
            }
        }
    };
    let prepared = prepare(loaded, what, &fonts, &measure);
    // A document that could not be laid out to be counted fails the print the same way.
    if let Some(e) = failure.borrow_mut().take() {
        return Err(e);
    }
    let (main, data) = prepared?;
    let doc = compile(settings, &fonts, main, &data, loaded.today)?;
    typst_pdf::pdf(&doc, &typst_pdf::PdfOptions::default()).map_err(|errs| template_error(&errs))
}

/// Renders papers that belong to no case file (a lead's, an inspection's, a draw's) as PDF
/// bytes, through the same font check and document template as a case's documents.
pub fn render_papers(
    papers: &[Paper],
    settings: &PrintSettings,
    today: chrono::NaiveDate,
) -> Result<Vec<u8>, String> {
    let fonts = FontSet::load(settings)?;
    let refs: Vec<&Paper> = papers.iter().collect();
    fonts.check(&refs)?;
    let doc = layout(settings, &fonts, &refs, today)?;
    typst_pdf::pdf(&doc, &typst_pdf::PdfOptions::default()).map_err(|errs| template_error(&errs))
}

/// The main template and its data for `what`, pages numbered with `measure`.
fn prepare(
    loaded: &Loaded,
    what: What,
    fonts: &FontSet,
    measure: &dyn Fn(&Paper) -> u32,
) -> Result<(&'static str, serde_json::Value), String> {
    let font_lists = json!({ "title": fonts.title, "body": fonts.body });
    if what == What::All {
        let file = casefile::assemble_with(&loaded.ctx(), measure).map_err(|e| e.to_string())?;
        let mut all: Vec<&Paper> = vec![&file.cover, &file.contents, &file.notes];
        all.extend(file.documents.iter());
        fonts.check(&all)?;
        return Ok((
            "/casefile.typ",
            json!({
                "fonts": font_lists,
                "cover": file.cover,
                "contents": file.contents,
                "documents": file.documents,
                "notes": file.notes,
            }),
        ));
    }
    let papers = match what {
        What::Doc(k) if super::numbers_pages(k) => loaded.binding_sheet(k, measure)?,
        _ => loaded.papers(what)?,
    };
    fonts.check(&papers.iter().collect::<Vec<_>>())?;
    Ok((
        "/document.typ",
        json!({ "fonts": font_lists, "papers": papers }),
    ))
}

/// Lays out `papers` alone (each from a new page) with the document template.
fn layout(
    settings: &PrintSettings,
    fonts: &FontSet,
    papers: &[&Paper],
    today: chrono::NaiveDate,
) -> Result<typst_layout::PagedDocument, String> {
    let data = json!({ "fonts": { "title": fonts.title, "body": fonts.body }, "papers": papers });
    compile(settings, fonts, "/document.typ", &data, today)
}

fn compile(
    settings: &PrintSettings,
    fonts: &FontSet,
    main: &str,
    data: &serde_json::Value,
    today: chrono::NaiveDate,
) -> Result<typst_layout::PagedDocument, String> {
    let mut sources = Vec::new();
    for (path, bundled) in TEMPLATES.iter().filter(|(p, _)| *p == main) {
        sources.push((*path, template(settings, path, bundled)?));
    }
    for (path, bundled) in TEMPLATES.iter().filter(|(p, _)| *p != main) {
        sources.push((*path, template(settings, path, bundled)?));
    }
    let data = serde_json::to_vec(data).map_err(|e| e.to_string())?;
    let world = world::DocWorld::new(sources, data, fonts.clone(), today)?;
    typst::compile(&world)
        .output
        .map_err(|errs| template_error(&errs))
}

fn template_error(errs: &[typst::diag::SourceDiagnostic]) -> String {
    let msgs: Vec<String> = errs.iter().map(|e| e.message.to_string()).collect();
    format!(
        "排版模板出错（如改过配置目录中的 .typ 模板，请检查或删除它）：{}",
        msgs.join("；")
    )
}

#[cfg(test)]
mod tests;
