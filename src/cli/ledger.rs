//! `zhifa ledger`: the case ledger (台账) out to XLSX/CSV, the 公示 list (行政处罚法 Art 48)
//! with personal data masked, and an existing ledger imported with a column preview.

use std::path::PathBuf;

use clap::Subcommand;

use super::{CliError, CliResult, Context};
use crate::domain::chinese::parse_date;
use crate::domain::ledger::{self, LedgerRow};
use crate::domain::ledger_import::{Mapping, RowChecker};
use crate::report::table::{self, Table};
use crate::store::Who;
use crate::text::clean;

#[derive(Debug, Subcommand)]
pub(crate) enum LedgerCommand {
    /// 导出案件台账（.xlsx 或 .csv），可限定立案（提请）日期范围；含已导入的旧台账
    Export {
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
    },
    /// 导出公示清单（行政处罚法第四十八条），身份证号、电话、个人住址已遮蔽
    Publish {
        #[arg(long)]
        out: PathBuf,
        /// 包括未标记“须公示”的全部处罚决定
        #[arg(long)]
        all: bool,
    },
    /// 导入已有台账（.xlsx，或 UTF-8/GBK 的 .csv）：默认只预览列对应和逐行检查，加 --apply 才写入
    Import {
        file: PathBuf,
        /// 写入（仅当没有被拒的行；或加 --skip-bad 只写通过检查的行）
        #[arg(long)]
        apply: bool,
        #[arg(long)]
        skip_bad: bool,
    },
}

pub(crate) fn run(ctx: &Context, cmd: LedgerCommand) -> CliResult {
    match cmd {
        LedgerCommand::Export { out, from, to } => {
            let store = ctx.open_store()?;
            let from = from.as_deref().map(parse_date).transpose()?;
            let to = to.as_deref().map(parse_date).transpose()?;
            let users = store.users()?;
            let mut cases = Vec::new();
            let mut unreadable = Vec::new();
            // One damaged case is named and left out; the rest of the ledger is exported.
            store.for_each_case(|_, loaded| match loaded {
                Ok(c) => cases.push(c),
                Err(e) => unreadable.push(e),
            })?;
            cases.sort_by_key(|c| c.id);
            let mut rows = Vec::new();
            for c in cases {
                if from.is_some_and(|f| c.proposed_on < f) || to.is_some_and(|t| c.proposed_on > t)
                {
                    continue;
                }
                let no = store.case_no(c.id)?;
                rows.push(LedgerRow::from_case(&c, &no, &users).cells());
            }
            for e in &unreadable {
                eprintln!("未导出：{}", crate::text::clean(e));
            }
            let imported = store.ledger_records()?;
            let n = rows.len();
            rows.extend(imported.iter().map(LedgerRow::cells));
            table::write(
                &out,
                &[Table {
                    name: "案件台账",
                    headers: ledger::COLUMNS.iter().map(|s| s.to_string()).collect(),
                    rows,
                }],
            )
            .map_err(CliError)?;
            println!(
                "已导出台账 {} 行（案件 {n}，旧台账 {}）：{}",
                n + imported.len(),
                imported.len(),
                out.display()
            );
            Ok(())
        }
        LedgerCommand::Publish { out, all } => {
            let store = ctx.open_store()?;
            let mut rows = Vec::new();
            for c in store.all_cases()? {
                let no = store.case_no(c.id)?;
                if let Some(r) = ledger::public_row(&c, &no, all) {
                    rows.push(r);
                }
            }
            let n = rows.len();
            table::write(
                &out,
                &[Table {
                    name: "行政处罚公示",
                    headers: ledger::PUBLIC_COLUMNS
                        .iter()
                        .map(|s| s.to_string())
                        .collect(),
                    rows,
                }],
            )
            .map_err(CliError)?;
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
            // Rows are checked as they are read and, with --apply, written straight into
            // one transaction that is committed only at the end: a large ledger is never
            // held in memory, and a refused import leaves nothing behind.
            let existing = store.ledger_case_nos()?;
            let user = if apply {
                Some(ctx.login(&mut store)?)
            } else {
                None
            };
            let source = file.display().to_string();
            let mut import = match &user {
                Some(_) => Some(store.begin_ledger_import(&source)?),
                None => None,
            };
            let mut checker = RowChecker::new(&map, &existing);
            let (mut rows, mut accepted) = (0, 0);
            while let Some(read) = t.with_next_row(|cells| checker.check(cells)) {
                rows += 1;
                if let Some((_, r)) = read.map_err(CliError)? {
                    accepted += 1;
                    if let Some(import) = import.as_mut() {
                        import.add(&r)?;
                    }
                }
            }
            let rejected = checker.into_rejected();
            for r in &rejected {
                println!("  第 {} 行未导入：{}", r.row, clean(&r.reason));
            }
            println!(
                "共 {rows} 行数据：通过检查 {accepted} 行，被拒 {} 行",
                rejected.len()
            );
            let (Some(import), Some(user)) = (import, user) else {
                println!("（预览，未写入；确认无误后加 --apply 导入）");
                return Ok(());
            };
            if !rejected.is_empty() && !skip_bad {
                return Err(CliError(format!(
                    "有 {} 行未通过检查，未导入任何一行。请修改这些行后重试，或加 --skip-bad 只导入通过检查的行",
                    rejected.len()
                )));
            }
            let n = import.commit(&Who::user(&user))?;
            println!("已导入 {n} 行");
            Ok(())
        }
    }
}
