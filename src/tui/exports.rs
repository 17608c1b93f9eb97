//! The 台账 and the 公示 list from the command line of the UI (`:ledger [年份]`,
//! `:publish`): the same tables as `zhifa ledger export/publish` (the desk makes them),
//! written into the export folder under a new name if one is taken — an export never
//! replaces an earlier file — and the full path shown.

use std::path::Path;

use chrono::NaiveDate;

use super::app::{Env, Outcome};
use crate::report::table::{xlsx_bytes, Table};

/// The folder the UI exports into (`Env::export_dir`), or why there is none.
pub fn folder(env: &Env) -> Result<std::path::PathBuf, String> {
    env.export_dir
        .map(Path::to_path_buf)
        .ok_or_else(|| "无法确定导出目录（没有 HOME？）".to_string())
}

fn write(env: &Env, dir: &Path, stem: &str, table: Table<'_>) -> Result<String, String> {
    let bytes = xlsx_bytes(&[table])?;
    crate::output::write_new_name(dir, stem, "xlsx", &bytes, env.desk.store().path())
        .map(|p| p.display().to_string())
        .map_err(|e| e.to_string())
}

/// `:ledger [年份]`: the case ledger (of one year's filings, or all) with the imported
/// old ledgers, into `dir`.
pub fn ledger(env: &mut Env, arg: &str, dir: &Path) -> Outcome {
    let arg = arg.trim();
    let year = if arg.is_empty() {
        None
    } else {
        let folded: String = arg
            .trim_end_matches('年')
            .chars()
            .map(crate::domain::chinese::fold_full_width)
            .collect();
        match folded
            .parse::<i32>()
            .ok()
            .filter(|y| (2000..=2100).contains(y))
        {
            Some(y) => Some(y),
            None => {
                return Outcome::Error(format!(
                    "“{arg}”不是年份：填 4 位年份如 2026，或不填导出全部"
                ))
            }
        }
    };
    let (from, to) = match year {
        Some(y) => (
            NaiveDate::from_ymd_opt(y, 1, 1),
            NaiveDate::from_ymd_opt(y, 12, 31),
        ),
        None => (None, None),
    };
    let export = match env.desk.ledger_export(from, to) {
        Ok(e) => e,
        Err(e) => return Outcome::Error(format!("不能导出台账：{e}")),
    };
    let stem = match year {
        Some(y) => format!("{y}年案件台账"),
        None => "案件台账".to_string(),
    };
    let (cases, imported, skipped) = (export.cases, export.imported, export.unreadable.len());
    match write(env, dir, &stem, export.table) {
        // Short before the path: the status line is one row at 80 columns.
        Ok(path) if skipped > 0 => Outcome::Error(format!(
            "已导出台账 {} 行，{skipped} 件无法读取未导出（:check）：{path}",
            cases + imported
        )),
        Ok(path) if imported > 0 => Outcome::Status(format!(
            "已导出台账 {} 行（旧台账 {imported}）：{path}",
            cases + imported
        )),
        Ok(path) => Outcome::Status(format!("已导出台账 {cases} 行：{path}")),
        Err(e) => Outcome::Error(format!("不能导出台账：{e}")),
    }
}

/// `:publish`: the 公示 list (decisions marked to publish), personal data masked.
pub fn publish(env: &mut Env, dir: &Path) -> Outcome {
    let table = match env.desk.publish_export(false) {
        Ok(t) => t,
        Err(e) => return Outcome::Error(format!("不能导出公示清单：{e}")),
    };
    let n = table.rows.len();
    match write(env, dir, "行政处罚公示", table) {
        Ok(path) => Outcome::Status(format!("已导出公示清单 {n} 条（已遮蔽个人信息）：{path}")),
        Err(e) => Outcome::Error(format!("不能导出公示清单：{e}")),
    }
}

/// `:goods`: the register of confiscated, seized and preserved goods across cases.
pub fn goods(env: &mut Env, dir: &Path) -> Outcome {
    let (table, unreadable) = match env.desk.goods_export() {
        Ok(t) => t,
        Err(e) => return Outcome::Error(format!("不能导出罚没物品登记簿：{e}")),
    };
    let n = table.rows.len();
    match write(env, dir, "罚没物品登记簿", table) {
        Ok(path) if !unreadable.is_empty() => Outcome::Error(format!(
            "已导出罚没物品 {n} 项，{} 件无法读取未导出（:check）：{path}",
            unreadable.len()
        )),
        Ok(path) => Outcome::Status(format!("已导出罚没物品 {n} 项：{path}")),
        Err(e) => Outcome::Error(format!("不能导出罚没物品登记簿：{e}")),
    }
}

/// The papers of a lead, an inspection or a draw (`p` on the 线索 and 检查 screens): laid out
/// as PDF (text where the build has no PDF engine) into the export folder under a new name,
/// the print recorded in the audit log, the path shown.
pub fn papers(env: &mut Env, papers: Result<crate::documents::intake::Papers, String>) -> Outcome {
    let Some(user) = env.user else {
        return Outcome::Error("请先登录".into());
    };
    let who = crate::store::Who::user(user);
    let result = papers.and_then(|p| {
        let dir = folder(env)?;
        let format = crate::documents::Format::best();
        let path = p.export_into(env.desk.store_mut(), format, &dir, &who, env.today)?;
        Ok((p.titles(), path))
    });
    match result {
        Ok((titles, path)) => Outcome::Status(format!("已导出{titles}：{}", path.display())),
        Err(e) => Outcome::Error(format!("不能导出文书：{e}")),
    }
}
