//! The bound case file (卷宗): cover, 卷内文件目录, the documents in filing order
//! (立案 → 调查取证 → 审查 → 告知 → 决定 → 送达 → 执行 → 结案), then the 备考表.
//! Pages are numbered from the first document; cover, 目录 and 备考表 carry no number.

use super::{build, build_execution, documents, DocCtx, DocError, DocKind, Paper, Phase};

pub struct CaseFile {
    pub cover: Paper,
    pub contents: Paper,
    pub documents: Vec<Paper>,
    /// First page of each document (1-based), as the 目录 prints it.
    pub first_pages: Vec<u32>,
    pub total_pages: u32,
    pub notes: Paper,
}

/// Every document of the case in filing order. A decision that fails its check stops the file.
pub fn ordered_documents(ctx: &DocCtx<'_>) -> Result<Vec<Paper>, DocError> {
    let mut out: Vec<(Phase, Paper)> = Vec::new();
    let mut kinds: Vec<DocKind> = documents(ctx.case)
        .into_iter()
        .map(|(k, _, _)| k)
        .filter(|k| k.phase() != Phase::Binding)
        .collect();
    kinds.sort_by_key(|k| (k.phase(), *k));
    for k in kinds {
        out.extend(build(k, ctx)?.into_iter().map(|p| (k.phase(), p)));
    }
    // Within each part of the file, in the order of their dates (a 询问笔录 of the 5th before
    // a 现场检查笔录 of the 6th); a stable sort keeps the kinds' order on the same day, and a
    // paper without a date stays after the dated ones of its part.
    out.sort_by_key(|(phase, p)| {
        (
            *phase,
            crate::chinese::parse_date(&p.date).unwrap_or(chrono::NaiveDate::MAX),
        )
    });
    Ok(out.into_iter().map(|(_, p)| p).collect())
}

/// Assembles the case file, numbering pages with `pages_of`: the renderer's own count of a
/// document's pages (text and PDF lay out differently; no estimate here could match both).
pub fn assemble_with(
    ctx: &DocCtx<'_>,
    pages_of: &dyn Fn(&Paper) -> u32,
) -> Result<CaseFile, DocError> {
    let documents = ordered_documents(ctx)?;
    let mut first_pages = Vec::with_capacity(documents.len());
    let mut next = 1;
    for d in &documents {
        first_pages.push(next);
        next += pages_of(d).max(1);
    }
    let total_pages = next - 1;
    let contents = contents(ctx, &documents, &first_pages);
    let notes = build_execution::notes(ctx, documents.len(), total_pages);
    Ok(CaseFile {
        cover: build_execution::cover(ctx),
        contents,
        documents,
        first_pages,
        total_pages,
        notes,
    })
}

/// 卷内文件目录: 序号, 文件名称, 文件编号, 日期, 页号, 备注.
pub fn contents(ctx: &DocCtx<'_>, documents: &[Paper], first_pages: &[u32]) -> Paper {
    let mut p = Paper::new(DocKind::Contents, &ctx.agency.full_name, None);
    p.table(
        &["序号", "文件名称", "文件编号", "日期", "页号", "备注"],
        documents
            .iter()
            .zip(first_pages)
            .enumerate()
            .map(|(i, (d, page))| {
                vec![
                    (i + 1).to_string(),
                    d.title.clone(),
                    d.number.clone().unwrap_or_default(),
                    d.date.clone(),
                    page.to_string(),
                    d.note.clone(),
                ]
            })
            .collect(),
    );
    p
}
