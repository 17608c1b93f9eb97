//! `zhifa print`: a case's documents, whole case file or summary as PDF or text, to a file or
//! the system printer (`lp`); batches of summaries with a progress bar. Every print is
//! recorded in the case's audit trail.

use std::path::{Path, PathBuf};

use clap::Args;

use super::{CliError, CliResult, Context};
use crate::documents::{self, Format, Loaded, What};
use crate::domain::case::Stage;
use crate::domain::documents::DocKind;
use crate::store::{CaseFilter, Who};

#[derive(Debug, Args)]
pub(crate) struct PrintArgs {
    /// 案号（如 合综执立〔2026〕1号、2026-1 或 #编号）；批量打印摘要时不填
    #[arg(value_name = "案号")]
    case: Option<String>,
    /// 文书种类：中文名称（行政处罚决定书）或代号（decision）；zhifa print --kinds 列出全部
    #[arg(long, value_name = "种类", conflicts_with_all = ["all", "summary"])]
    doc: Option<String>,
    /// 整本案卷（封面、卷内文件目录、全部文书、备考表）
    #[arg(long, conflicts_with = "summary")]
    all: bool,
    /// 一页案件摘要
    #[arg(long)]
    summary: bool,
    /// 批量：打印该环节全部案件的摘要（与 --summary 一起用，-o 为目录）
    #[arg(long, value_name = "环节", requires = "summary")]
    stage: Option<String>,
    /// 输出格式：pdf 或 txt（默认 pdf）
    #[arg(long, value_name = "pdf|txt")]
    format: Option<String>,
    /// 输出文件（批量时为目录）
    #[arg(short = 'o', long = "output", value_name = "文件")]
    output: Option<PathBuf>,
    /// 覆盖已存在的同名文件（数据库、附件和备份目录始终不会被覆盖）
    #[arg(long)]
    force: bool,
    /// 送系统打印机（经 lp）；可指定打印机名称
    #[arg(long, value_name = "打印机", num_args = 0..=1, default_missing_value = "")]
    printer: Option<String>,
    /// 列出全部文书种类及代号
    #[arg(long)]
    kinds: bool,
}

pub(crate) fn run(ctx: &Context, args: PrintArgs) -> CliResult {
    if args.kinds {
        for k in DocKind::ALL.iter().filter(|k| k.of_case()) {
            println!("{:<16}{}", k.slug(), k.name());
        }
        println!("线索、检查和抽取记录的文书：zhifa lead print、zhifa inspect print");
        return Ok(());
    }
    let format = match &args.format {
        Some(f) => Format::parse(f)
            .ok_or_else(|| CliError(format!("未知的输出格式“{f}”：可用 pdf 或 txt")))?,
        None => Format::Pdf,
    };
    let what = match (&args.doc, args.all, args.summary) {
        (Some(d), _, _) => What::Doc(DocKind::parse(d).ok_or_else(|| {
            CliError(format!(
                "未知的文书种类“{d}”：请用中文名称或代号，zhifa print --kinds 列出全部"
            ))
        })?),
        (None, true, _) => What::All,
        (None, false, true) => What::Summary,
        (None, false, false) => {
            return Err(CliError(
                "请指定要打印的内容：--doc 种类、--all（整本案卷）或 --summary（案件摘要）".into(),
            ))
        }
    };
    let mut store = ctx.open_store()?;
    let user = ctx.login(&mut store)?;
    let who = Who::user(&user);
    let today = crate::desk::today();

    if let Some(stage) = &args.stage {
        let stage = Stage::parse(stage).ok_or_else(|| {
            CliError(format!(
                "未知的环节“{stage}”：可用 {}",
                Stage::ALL.map(Stage::name).join("、")
            ))
        })?;
        let dir = args
            .output
            .ok_or_else(|| CliError("批量打印请用 -o 指定输出目录".into()))?;
        return batch(
            crate::desk::Desk::new(store),
            stage,
            format,
            &dir,
            args.force,
            &who,
            today,
        );
    }

    let case_text = args.case.ok_or_else(|| {
        CliError("请填写案号，例如 zhifa print 2026-1 --doc decision -o 决定书.pdf".into())
    })?;
    let id = store.find_case(&case_text)?.ok_or_else(|| {
        CliError(format!(
            "找不到案件“{case_text}”：请填案号（如 合综执立〔2026〕12号）、2026-12 或 #编号"
        ))
    })?;
    let loaded = Loaded::load(&store, id, today).map_err(CliError)?;

    if let Some(printer) = args.printer {
        // Without -o, a private temporary file (never a guessable name in /tmp), kept for
        // the print queue.
        let target = match &args.output {
            Some(out) => crate::output::guard(out, args.force, store.path())?,
            None => {
                let tmp = tempfile::Builder::new()
                    .prefix(&format!("zhifa-{id}-{}-", what.slug()))
                    .suffix(&format!(".{}", format.ext()))
                    .tempfile()?
                    .into_temp_path()
                    .keep()?;
                crate::output::guard(&tmp, true, store.path())?
            }
        };
        documents::export(&mut store, &loaded, what, format, &target, &who).map_err(CliError)?;
        return send_to_printer(target.path(), &printer);
    }
    let out = args
        .output
        .ok_or_else(|| CliError("请用 -o 指定输出文件，例如 -o 决定书.pdf".into()))?;
    let target = crate::output::guard(&out, args.force, store.path())?;
    documents::export(&mut store, &loaded, what, format, &target, &who).map_err(CliError)?;
    println!("已生成{}：{}", what.label(), out.display());
    Ok(())
}

fn batch(
    mut desk: crate::desk::Desk,
    stage: Stage,
    format: Format,
    dir: &Path,
    force: bool,
    who: &Who,
    today: chrono::NaiveDate,
) -> CliResult {
    let rows = desk.store().list_cases(&CaseFilter {
        stage: Some(stage),
        ..CaseFilter::default()
    })?;
    if rows.is_empty() {
        println!("环节“{}”没有案件", stage.name());
        return Ok(());
    }
    crate::paths::create_private_dir(dir)
        .map_err(|e| CliError(format!("无法创建目录 {}：{e}", dir.display())))?;
    let bar = indicatif::ProgressBar::new(rows.len() as u64);
    if !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let mut failed = Vec::new();
    for r in &rows {
        bar.set_message(r.case_no.clone());
        let result = desk.print_summary(r.id, &r.case_no, dir, format, force, who, today);
        if let Err(e) = result {
            failed.push(format!("{}：{e}", r.case_no));
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    println!(
        "已生成 {} 份案件摘要：{}",
        rows.len() - failed.len(),
        dir.display()
    );
    if failed.is_empty() {
        Ok(())
    } else {
        Err(CliError(format!(
            "以下案件未能生成：\n{}",
            failed.join("\n")
        )))
    }
}

fn send_to_printer(file: &Path, printer: &str) -> CliResult {
    let lp = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join("lp"))
            .find(|p| p.is_file())
    });
    let Some(lp) = lp else {
        println!(
            "本机没有安装打印服务（CUPS 的 lp 命令），未能送打印机。文件已保存：{}",
            file.display()
        );
        return Ok(());
    };
    let mut cmd = std::process::Command::new(lp);
    if !printer.is_empty() {
        cmd.args(["-d", printer]);
    }
    let status = cmd
        .arg(file)
        .status()
        .map_err(|e| CliError(format!("无法运行 lp：{e}。文件已保存：{}", file.display())))?;
    if status.success() {
        println!(
            "已送打印机{}：{}",
            if printer.is_empty() {
                String::new()
            } else {
                format!("“{printer}”")
            },
            file.display()
        );
        Ok(())
    } else {
        Err(CliError(format!(
            "打印失败（lp 退出码 {}）。文件已保存：{}",
            status.code().unwrap_or(-1),
            file.display()
        )))
    }
}
