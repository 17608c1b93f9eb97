//! `zhifa check` and `zhifa backup`: the health of the file, and online backups.

use std::path::PathBuf;

use clap::Args;

use super::{print_json, CliError, CliResult, Context, JsonFlag};

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    #[command(flatten)]
    json: JsonFlag,
}

#[derive(Debug, Args)]
pub(crate) struct BackupArgs {
    /// 备份目录（默认：数据库所在目录下的 backups/）
    #[arg(long)]
    to: Option<PathBuf>,
    #[command(flatten)]
    json: JsonFlag,
}

pub(crate) fn check(ctx: &Context, args: CheckArgs) -> CliResult {
    let store = ctx.open_store()?;
    let items = store.check()?;
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
    let db = ctx.db_path()?;
    let store = ctx.open_store()?;
    let dir = match args.to {
        Some(d) => d,
        None => db
            .parent()
            .map(|p| p.join("backups"))
            .unwrap_or_else(|| PathBuf::from("backups")),
    };
    let (path, removed) = store.backup_to(&dir, chrono::Local::now().naive_local())?;
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
