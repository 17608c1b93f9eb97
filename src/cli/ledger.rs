//! `zhifa ledger`: the case ledger (台账) out to XLSX/CSV, the 公示 list (行政处罚法 Art 48)
//! with personal data masked, and an existing ledger imported with a column preview.

use std::path::PathBuf;

use clap::Subcommand;

use super::{print_json, CliError, CliResult, Context, JsonFlag};
use crate::domain::chinese::parse_date;

use crate::domain::ledger_import::{Mapping, RowChecker};
use crate::report::table;
use crate::store::Who;
use crate::text::clean;

#[derive(Debug, Subcommand)]
pub(crate) enum LedgerCommand {
    /// 导出案件台账（.xlsx 或 .csv），可限定立案（提请）日期范围；含已导入的旧台账
    Export {
        #[arg(long)]
        out: PathBuf,
        /// 覆盖已存在的同名文件（数据库、附件和备份目录始终不会被覆盖）
        #[arg(long)]
        force: bool,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
    },
    /// 导出公示清单（行政处罚法第四十八条），身份证号、电话、个人住址已遮蔽
    Publish {
        #[arg(long)]
        out: PathBuf,
        /// 覆盖已存在的同名文件（数据库、附件和备份目录始终不会被覆盖）
        #[arg(long)]
        force: bool,
        /// 包括未标记“须公示”的全部处罚决定
        #[arg(long)]
        all: bool,
    },
    /// 导入已有台账（.xlsx，或 UTF-8/GBK 的 .csv）：默认只预览列对应和逐行检查，加 --apply 才写入（管理员或负责人）
    Import {
        file: PathBuf,
        /// 写入（仅当没有被拒的行；或加 --skip-bad 只写通过检查的行）
        #[arg(long)]
        apply: bool,
        #[arg(long)]
        skip_bad: bool,
    },
    /// 列出历次台账导入（编号、来源、行数、状态）
    Imports {
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 整批撤销一次台账导入（管理员或负责人，记入审计日志）
    Undo {
        /// 导入编号（见 zhifa ledger imports）
        import_id: i64,
    },
}

pub(crate) fn run(ctx: &Context, cmd: LedgerCommand) -> CliResult {
    match cmd {
        LedgerCommand::Export {
            out,
            force,
            from,
            to,
        } => {
            let store = ctx.open_store()?;
            let target = crate::output::guard(&out, force, store.path())?;
            let from = from.as_deref().map(parse_date).transpose()?;
            let to = to.as_deref().map(parse_date).transpose()?;
            let export = crate::desk::Desk::new(store).ledger_export(from, to)?;
            for e in &export.unreadable {
                eprintln!("未导出：{}", crate::text::clean(e));
            }
            table::write(&target, &[export.table]).map_err(CliError)?;
            println!(
                "已导出台账 {} 行（案件 {}，旧台账 {}）：{}",
                export.cases + export.imported,
                export.cases,
                export.imported,
                out.display()
            );
            Ok(())
        }
        LedgerCommand::Publish { out, force, all } => {
            let store = ctx.open_store()?;
            let target = crate::output::guard(&out, force, store.path())?;
            let table = crate::desk::Desk::new(store).publish_export(all)?;
            let n = table.rows.len();
            table::write(&target, &[table]).map_err(CliError)?;
            println!("已导出公示清单 {n} 条（个人信息已遮蔽）：{}", out.display());
            Ok(())
        }
        LedgerCommand::Import {
            file,
            apply,
            skip_bad,
        } => {
            let mut store = ctx.open_store()?;
            let mut t = table::RowReader::open(&file).map_err(CliError)?;
            let map = Mapping::detect(&t.headers);
            println!("文件：{}（{}）", file.display(), t.encoding);
            println!("列对应：");
            for l in map.preview() {
                println!("  {}", clean(&l));
            }
            let missing = map.missing();
            if !missing.is_empty() {
                return Err(CliError(format!(
                    "缺少必需的列：{}。请在表头中使用这些名称（或 案件编号、当事人姓名、违法行为 等常用写法）",
                    missing.join("、")
                )));
            }
            // Rows are checked as they are read and staged in a TEMP table (never held in
            // memory, no lock on the file); then checked against the live cases and earlier
            // imports; with --apply moved in short batches and shown only when complete.
            let user = if apply {
                let user = ctx.login(&mut store)?;
                crate::domain::people::may_import_ledger(&user)
                    .map_err(|e| CliError(e.to_string()))?;
                Some(user)
            } else {
                None
            };
            let source = file.display().to_string();
            let no_prior = std::collections::BTreeSet::new();
            let mut checker = RowChecker::new(&map, &no_prior);
            let mut stage = store.stage_ledger()?;
            let (mut rows, mut accepted) = (0, 0);
            while let Some(read) = t.with_next_row(|cells| checker.check(cells)) {
                rows += 1;
                if let Some((n, r)) = read.map_err(CliError)? {
                    accepted += 1;
                    stage.add(n, &r)?;
                }
            }
            let prior = stage.check_against_stored()?;
            let accepted = accepted - prior.refused.len();
            let mut rejected = checker.into_rejected();
            rejected.extend(prior.refused);
            rejected.sort_by_key(|r| r.row);
            for r in &rejected {
                println!("  第 {} 行未导入：{}", r.row, clean(&r.reason));
            }
            println!(
                "共 {rows} 行数据：通过检查 {accepted} 行（其中新行 {} 行），被拒 {} 行",
                stage.rows(),
                rejected.len()
            );
            if prior.already_there > 0 {
                println!(
                    "其中 {} 行与已有记录相同（已导入过或本系统案件），跳过",
                    prior.already_there
                );
            }
            let Some(user) = user else {
                println!("（预览，未写入；确认无误后加 --apply 导入）");
                return Ok(());
            };
            if !rejected.is_empty() && !skip_bad {
                return Err(CliError(format!(
                    "有 {} 行未通过检查，未导入任何一行。请修改这些行后重试，或加 --skip-bad 只导入通过检查的行",
                    rejected.len()
                )));
            }
            if stage.rows() == 0 {
                println!("没有新的行需要导入");
                return Ok(());
            }
            let (id, n) = stage.commit(&source, &Who::user(&user), |_| {})?;
            println!("已导入 {n} 行（导入 #{id}；整批撤销：zhifa ledger undo {id}）");
            Ok(())
        }
        LedgerCommand::Imports { json } => {
            let store = ctx.open_store()?;
            let imports = store.ledger_imports()?;
            if json.json {
                return print_json(&imports);
            }
            if imports.is_empty() {
                println!("还没有台账导入");
            }
            for i in imports {
                let state = match i.state.as_str() {
                    "done" => "已导入",
                    "undone" => "已撤销",
                    _ => "未完成",
                };
                println!(
                    "#{} {} {} 行 {} {} {}",
                    i.id,
                    state,
                    i.rows,
                    clean(&i.user_name),
                    i.started_at,
                    clean(&i.source)
                );
            }
            Ok(())
        }
        LedgerCommand::Undo { import_id } => {
            let mut store = ctx.open_store()?;
            let user = ctx.login(&mut store)?;
            crate::domain::people::may_import_ledger(&user).map_err(|e| CliError(e.to_string()))?;
            let n = store.undo_ledger_import(import_id, &Who::user(&user))?;
            println!("已撤销导入 #{import_id}，删除 {n} 行");
            Ok(())
        }
    }
}
