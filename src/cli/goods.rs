//! `zhifa goods`: the register of confiscated, seized and preserved goods across cases
//! (罚没物品登记簿), listed or exported for the finance office. Items are registered and
//! moved as case steps (`zhifa case do N register_goods …`, `move_goods`).

use std::path::PathBuf;

use clap::Subcommand;

use super::{print_json, CliError, CliResult, Context, JsonFlag};
use crate::report::table;
use crate::text::clean;

#[derive(Debug, Subcommand)]
pub(crate) enum GoodsCommand {
    /// 列出各案登记的罚没物品（--held 只列仍在本机关保管的）
    List {
        #[arg(long)]
        held: bool,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 导出罚没物品登记簿（.xlsx 或 .csv），供财务部门核对
    Export {
        #[arg(long)]
        out: PathBuf,
        /// 覆盖已存在的同名文件（数据库、附件和备份目录始终不会被覆盖）
        #[arg(long)]
        force: bool,
    },
}

#[derive(serde::Serialize)]
struct Listed<'a> {
    case_id: i64,
    case_no: &'a str,
    party: &'a str,
    index: usize,
    state: String,
    item: &'a crate::domain::enforcement::GoodsItem,
}

pub(crate) fn run(ctx: &Context, cmd: GoodsCommand) -> CliResult {
    match cmd {
        GoodsCommand::List { held, json } => {
            let desk = crate::desk::Desk::new(ctx.open_store()?);
            let (rows, unreadable) = desk.goods_register()?;
            for e in &unreadable {
                eprintln!("未列出：{}", clean(e));
            }
            let rows: Vec<_> = rows.into_iter().filter(|r| !held || r.held()).collect();
            if json.json {
                let listed: Vec<Listed> = rows
                    .iter()
                    .map(|r| Listed {
                        case_id: r.case_id,
                        case_no: &r.case_no,
                        party: &r.party,
                        index: r.index,
                        state: crate::domain::serde_name(&r.item.state()),
                        item: &r.item,
                    })
                    .collect();
                return print_json(&listed);
            }
            if rows.is_empty() {
                println!("没有登记的罚没物品");
            }
            for r in &rows {
                let g = &r.item;
                println!(
                    "{} 第{}项 {} {}{} 估价{} {} {}",
                    clean(&r.case_no),
                    r.index,
                    clean(&g.description),
                    g.quantity,
                    clean(&g.unit),
                    g.estimated_value,
                    crate::domain::serde_name(&g.origin),
                    crate::domain::serde_name(&g.state()),
                );
            }
            Ok(())
        }
        GoodsCommand::Export { out, force } => {
            let store = ctx.open_store()?;
            let target = crate::output::guard(&out, force, store.path())?;
            let (t, unreadable) = crate::desk::Desk::new(store).goods_export()?;
            for e in &unreadable {
                eprintln!("未导出：{}", clean(e));
            }
            let n = t.rows.len();
            table::write(&target, &[t]).map_err(CliError)?;
            println!("已导出罚没物品登记簿 {n} 项：{}", out.display());
            Ok(())
        }
    }
}
