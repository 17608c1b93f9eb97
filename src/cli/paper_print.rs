//! Printing the papers of a lead, an inspection or a draw (`zhifa lead print`, `zhifa inspect
//! print`): the options of `zhifa print` (`--doc`, `--format`, `-o`, `--force`), and without
//! `-o` a file named after the papers in the current directory, never over an existing one.

use std::path::PathBuf;

use clap::Args;

use super::{CliError, CliResult};
use crate::documents::intake::Papers;
use crate::documents::Format;
use crate::domain::documents::DocKind;
use crate::store::{Store, Who};

#[derive(Debug, Args)]
pub(crate) struct PaperArgs {
    /// 文书种类：中文名称或代号（如 lead-register）；不填则打印该记录现有的全部文书
    #[arg(long, value_name = "种类")]
    doc: Option<String>,
    /// 输出格式：pdf 或 txt（默认 pdf）
    #[arg(long, value_name = "pdf|txt")]
    format: Option<String>,
    /// 输出文件；不填则以记录和文书名存入当前目录（已有同名文件时另起新名，不覆盖）
    #[arg(
        short = 'o',
        long = "output",
        visible_alias = "out",
        value_name = "文件"
    )]
    output: Option<PathBuf>,
    /// 覆盖 -o 指定的已存在文件（数据库、附件和备份目录始终不会被覆盖）
    #[arg(long, requires = "output")]
    force: bool,
}

impl PaperArgs {
    /// The kind asked for with `--doc`, checked before anything is loaded.
    pub(crate) fn doc(&self) -> Result<Option<DocKind>, CliError> {
        self.doc
            .as_deref()
            .map(|d| {
                DocKind::parse(d).ok_or_else(|| {
                    CliError(format!(
                        "未知的文书种类“{d}”：请用中文名称或代号，不填则打印全部"
                    ))
                })
            })
            .transpose()
    }

    pub(crate) fn format(&self) -> Result<Format, CliError> {
        match &self.format {
            Some(f) => Format::parse(f)
                .ok_or_else(|| CliError(format!("未知的输出格式“{f}”：可用 pdf 或 txt"))),
            None => Ok(Format::Pdf),
        }
    }
}

/// Writes `papers` as `args` ask and records the print.
pub(crate) fn write(store: &mut Store, papers: &Papers, args: &PaperArgs, who: &Who) -> CliResult {
    let format = args.format()?;
    let today = crate::desk::today();
    let path = match &args.output {
        Some(out) => {
            let target = crate::output::guard(out, args.force, store.path())?;
            papers
                .export(store, format, &target, who, today)
                .map_err(CliError)?;
            out.clone()
        }
        None => papers
            .export_into(store, format, std::path::Path::new("."), who, today)
            .map_err(CliError)?,
    };
    println!("已生成{}：{}", papers.titles(), path.display());
    Ok(())
}
