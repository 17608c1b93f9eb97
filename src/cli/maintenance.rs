//! `zhifa check`, `zhifa backup` and `zhifa restore`: the health of the file, online
//! backups, and putting a checked backup back.

use std::path::PathBuf;

use clap::Args;

use super::{print_json, CliError, CliResult, Context, JsonFlag};

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// 管理员确认检查发现的问题（记入审计记录），之后数据库恢复可写；新的问题会再次触发只读
    #[arg(long, conflicts_with = "rebuild_derived")]
    acknowledge: bool,
    /// 按案件数据重建派生数据（列表列、期限、承办人、检索索引、编号计数器），仅管理员
    #[arg(long)]
    rebuild_derived: bool,
    #[command(flatten)]
    json: JsonFlag,
}

#[derive(Debug, Args)]
pub(crate) struct BackupArgs {
    /// 备份根目录（默认：数据库所在目录下的 backups/）；每个数据库在其中有自己的子目录
    #[arg(long)]
    to: Option<PathBuf>,
    #[command(flatten)]
    json: JsonFlag,
}

pub(crate) fn check(ctx: &Context, args: CheckArgs) -> CliResult {
    let mut store = ctx.open_store()?;
    if args.acknowledge {
        let admin = ctx.login_admin(&mut store)?;
        let found = store.acknowledge(&crate::store::Who::user(&admin))?;
        if found.is_empty() {
            println!("没有需要确认的问题");
        } else {
            println!(
                "已确认以下 {} 项问题（已记入审计记录），数据库恢复可写：",
                found.len()
            );
            for f in &found {
                println!("  {}", crate::text::clean(f));
            }
        }
        return Ok(());
    }
    if args.rebuild_derived {
        let admin = ctx.login_admin(&mut store)?;
        let n = store.rebuild_derived(&crate::store::Who::user(&admin))?;
        println!("已按案件数据重建 {n} 件案件的派生数据和编号计数器（已记入审计记录）；请再运行 zhifa check");
        return Ok(());
    }
    let mut desk = crate::desk::Desk::new(store);
    let items = desk.check_file()?;
    if args.json.json {
        print_json(&items)?;
    } else {
        for c in &items {
            println!(
                "{} {}：{}",
                if c.ok { "[正常]" } else { "[异常]" },
                c.name,
                crate::text::clean(&c.detail)
            );
            if !c.ok {
                println!("       处理：{}", c.advice);
            }
        }
    }
    let bad = items.iter().filter(|c| !c.ok).count();
    if bad == 0 {
        Ok(())
    } else {
        Err(CliError(format!("{bad} 项检查未通过")))
    }
}

pub(crate) fn backup(ctx: &Context, args: BackupArgs) -> CliResult {
    let desk = crate::desk::Desk::new(ctx.open_store()?);
    let (path, removed) = desk.backup_now(args.to.as_deref())?;
    tracing::info!(backup = %path.display(), removed = removed.len(), "backup written");
    if args.json.json {
        return print_json(&serde_json::json!({ "backup": path, "removed": removed }));
    }
    println!("已备份：{}（含证据附件）", path.display());
    if !removed.is_empty() {
        println!(
            "按保留规则（近 7 天、4 周、12 个月）删除旧备份 {} 个",
            removed.len()
        );
    }
    Ok(())
}

#[derive(Debug, Args)]
pub(crate) struct RestoreArgs {
    /// 备份文件（zhifa backup 生成的 zhifa-日期-时间.sqlite3）
    backup: PathBuf,
    /// 不再询问，直接替换（脚本用）
    #[arg(long)]
    yes: bool,
    /// 允许用另一个机关（乡镇）的备份替换当前数据库
    #[arg(long)]
    other_agency: bool,
}

/// Asks on the terminal; without one, only `--yes` may confirm.
fn confirmed(question: &str, yes: bool) -> Result<bool, CliError> {
    use std::io::{BufRead, IsTerminal, Write};
    if yes {
        return Ok(true);
    }
    if !std::io::stdin().is_terminal() {
        return Err(CliError(
            "恢复会替换当前数据库，需要确认：请在终端中运行，或加 --yes".into(),
        ));
    }
    print!("{question}（输入 是 确认）：");
    std::io::stdout().flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(matches!(answer.trim(), "是" | "y" | "yes"))
}

pub(crate) fn restore(ctx: &Context, args: RestoreArgs) -> CliResult {
    use crate::store::restore;
    use crate::store::{Store, StoreError, Who};
    let db = ctx.db_path()?;
    // Restoring over a working database is an administrator's act; a missing or unreadable
    // file can be replaced by whoever can write the file anyway.
    let (who, current) = match Store::open(&db) {
        Ok(mut store) => (
            Who::user(&ctx.login_admin(&mut store)?),
            Some(restore::Contents::of(&store)?),
        ),
        Err(StoreError::NotFound(_)) => (Who::system(), None),
        Err(e) => {
            eprintln!("当前数据库无法打开（{e}），恢复时将把它移到一旁保留");
            (Who::system(), None)
        }
    };
    let checked = restore::check_backup(&args.backup, &db)?;
    for line in crate::desk::restore::report_lines(&args.backup, &checked, current.as_ref()) {
        println!("{}", crate::text::clean(&line));
    }
    if !checked.passed() {
        return Err(CliError(
            "备份未通过检查，未做任何替换；请换一个备份文件（zhifa backup 目录中较早的一个）"
                .into(),
        ));
    }
    if let Some(c) = &current {
        c.may_be_replaced_by(&checked.contents, args.other_agency)?;
    }
    let question = format!("用此备份替换 {}？当前数据库会先另存一份备份", db.display());
    if !confirmed(&question, args.yes)? {
        println!("已取消，未做任何改动");
        return Ok(());
    }
    let done = restore::restore(
        &checked,
        &db,
        &crate::store::maintenance::backups_root(&db),
        &who,
        chrono::Local::now().naive_local(),
        args.other_agency,
    )?;
    tracing::info!(backup = %args.backup.display(), "database restored");
    if let Some(p) = &done.previous_saved_as {
        println!("原数据库已另存为：{}", p.display());
    }
    if let Some(p) = &done.broken_moved_to {
        println!("无法打开的原文件已移到：{}", p.display());
    }
    println!("已从备份恢复：{}", db.display());
    Ok(())
}
