//! PDF through typst as a library: the `.typ` templates of `assets/templates/` (or the
//! office's overrides in `<config dir>/templates/`), the case data as `/data.json`, fonts
//! embedded and subset by typst's PDF writer.

mod fonts;
mod world;

use serde_json::json;

use super::settings::PrintSettings;
use super::{text, Loaded, What};
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

/// Renders `what` for the loaded case as PDF bytes.
pub fn render(loaded: &Loaded, what: What, settings: &PrintSettings) -> Result<Vec<u8>, String> {
    let fonts = FontSet::load(settings)?;
    let font_lists = json!({ "title": fonts.title, "body": fonts.body });
    let (main, data) = match what {
        What::All => {
            let file = casefile::assemble_with(&loaded.ctx(), &text::page_count)
                .map_err(|e| e.to_string())?;
            let mut all: Vec<&Paper> = vec![&file.cover, &file.contents, &file.notes];
            all.extend(file.documents.iter());
            fonts.check(&all)?;
            (
                "/casefile.typ",
                json!({
                    "fonts": font_lists,
                    "cover": file.cover,
                    "contents": file.contents,
                    "documents": file.documents,
                    "notes": file.notes,
                }),
            )
        }
        _ => {
            let papers = loaded.papers(what)?;
            fonts.check(&papers.iter().collect::<Vec<_>>())?;
            (
                "/document.typ",
                json!({ "fonts": font_lists, "papers": papers }),
            )
        }
    };
    let mut sources = Vec::new();
    for (path, bundled) in TEMPLATES.iter().filter(|(p, _)| *p == main) {
        sources.push((*path, template(settings, path, bundled)?));
    }
    for (path, bundled) in TEMPLATES.iter().filter(|(p, _)| *p != main) {
        sources.push((*path, template(settings, path, bundled)?));
    }
    let data = serde_json::to_vec(&data).map_err(|e| e.to_string())?;
    let world = world::DocWorld::new(sources, data, fonts, loaded.today)?;
    compile(&world)
}

fn compile(world: &world::DocWorld) -> Result<Vec<u8>, String> {
    let doc: typst_layout::PagedDocument = typst::compile(world)
        .output
        .map_err(|errs| template_error(&errs))?;
    typst_pdf::pdf(&doc, &typst_pdf::PdfOptions::default()).map_err(|errs| template_error(&errs))
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
