//! `zhifa powers`: the catalog — list, show, validate a file, import a file.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Subcommand;

use super::{print_json, read_text_file, CliError, CliResult, Context, JsonFlag};
use crate::domain::catalog::import_check::ImportConsent;
use crate::domain::catalog::Catalog;
use crate::domain::chinese;
use crate::domain::field::Field;
use crate::store::PowerVersion;
use crate::text::{clean, pad};

#[derive(Debug, Subcommand)]
pub(crate) enum PowersCommand {
    /// 列出权限清单事项
    List {
        /// 只列一个领域，例如 城市管理 或 CG
        #[arg(long)]
        field: Option<String>,
        /// 列出该日期有效的事项（默认今天），例如 2024-05-01
        #[arg(long)]
        at: Option<String>,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 查看一项事项的详情：条款、法定幅度、裁量阶次
    Show {
        /// 事项编码，例如 HJ-001
        code: String,
        /// 查看该日期有效的版本（默认今天）
        #[arg(long)]
        at: Option<String>,
        /// 列出该事项的全部版本
        #[arg(long)]
        history: bool,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 校验清单文件（TOML 或 JSON），不写数据库
    Validate {
        file: PathBuf,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 导入本乡镇正式公布的清单：全部成功或不做任何修改。法定幅度与内置模板不同、或将停用未列出的事项时，须明确同意
    Import {
        file: PathBuf,
        /// 允许法定处罚幅度与内置模板不同，并写明理由（记入审计日志）
        #[arg(long, value_name = "理由")]
        override_statutory: Option<String>,
        /// 同意停用文件中未列出的现行事项
        #[arg(long)]
        retire_missing: bool,
        #[command(flatten)]
        json: JsonFlag,
    },
}

fn date_or_today(at: Option<&str>) -> Result<NaiveDate, CliError> {
    match at {
        Some(s) => Ok(chinese::parse_date(s)?),
        None => Ok(chrono::Local::now().date_naive()),
    }
}

pub(crate) fn run(ctx: &Context, cmd: PowersCommand) -> CliResult {
    match cmd {
        PowersCommand::List { field, at, json } => {
            let field = match field {
                Some(f) => Some(Field::parse(&f).ok_or_else(|| {
                    CliError(format!(
                        "未知领域“{f}”，可选：{}",
                        Field::ALL
                            .map(|f| format!("{}({})", f.name(), f.code_prefix()))
                            .join("、")
                    ))
                })?),
                None => None,
            };
            let date = date_or_today(at.as_deref())?;
            let mut powers = ctx.open_store()?.powers_on(date, field)?;
            powers.sort_by(|a, b| {
                (a.power.field, &a.power.code).cmp(&(b.power.field, &b.power.code))
            });
            if json.json {
                return print_json(&powers);
            }
            print_list(&powers, date);
            Ok(())
        }
        PowersCommand::Show {
            code,
            at,
            history,
            json,
        } => {
            let store = ctx.open_store()?;
            let code = code.trim().to_ascii_uppercase();
            if history {
                let versions = store.power_history(&code)?;
                if versions.is_empty() {
                    return Err(CliError(format!("清单中没有编码为 {code} 的事项")));
                }
                if json.json {
                    return print_json(&versions);
                }
                for v in &versions {
                    print_power(v);
                    println!();
                }
                return Ok(());
            }
            let date = date_or_today(at.as_deref())?;
            let Some(v) = store.power_on(&code, date)? else {
                let history = store.power_history(&code)?;
                let known = !history.is_empty();
                let earliest = history.iter().filter_map(|v| v.power.effective_from).min();
                if let Some(Err(e)) = earliest.map(|from| {
                    crate::domain::case::gates::act_within_catalog_texts(&code, date, from)
                }) {
                    return Err(CliError(e.to_string()));
                }
                return Err(CliError(if known {
                    format!("{code} 在 {date} 没有有效版本；用 --history 查看全部版本")
                } else {
                    format!("清单中没有编码为 {code} 的事项；用 zhifa powers list 查看全部编码")
                }));
            };
            if json.json {
                return print_json(&v);
            }
            print_power(&v);
            Ok(())
        }
        PowersCommand::Validate { file, json } => {
            let catalog = load_file(&file, json.json)?;
            if json.json {
                return print_json(&serde_json::json!({
                    "ok": true,
                    "powers": catalog.powers.len(),
                    "by_field": by_field_json(&catalog),
                }));
            }
            println!(
                "校验通过：{}，共 {} 项",
                file.display(),
                catalog.powers.len()
            );
            print_counts(&catalog);
            Ok(())
        }
        PowersCommand::Import {
            file,
            override_statutory,
            retire_missing,
            json,
        } => {
            let catalog = load_file(&file, json.json)?;
            let mut store = ctx.open_store()?;
            let admin = ctx.login_admin(&mut store)?;
            let consent = ImportConsent {
                override_statutory,
                retire_missing,
            };
            let report = crate::desk::Desk::new(store).import_catalog(
                &catalog,
                &file.display().to_string(),
                &admin,
                &consent,
            )?;
            tracing::info!(file = %file.display(), added = report.added.len(), changed = report.changed.len(), "catalog imported");
            if json.json {
                return print_json(&report);
            }
            if !report.retired.is_empty() {
                println!("已停用：{}", report.retired.join("、"));
            }
            println!("{}", crate::desk::catalog::imported_line(&catalog, &report));
            Ok(())
        }
    }
}

/// Reads and checks a catalog file; on problems prints each one and fails.
fn load_file(path: &std::path::Path, json: bool) -> Result<Catalog, CliError> {
    let text = read_text_file(path, crate::desk::catalog::CATALOG_FILE_LIMIT)?;
    let checked = crate::desk::catalog::check_text(&path.display().to_string(), &text);
    if !json {
        for w in &checked.warnings {
            eprintln!("提示：{w}");
        }
    }
    checked.catalog.map_err(|issues| {
        if json {
            let _ = print_json(&serde_json::json!({ "ok": false, "issues": issues }));
        } else {
            for issue in &issues {
                eprintln!("{}", clean(&issue.to_string()));
            }
        }
        CliError(format!("清单文件有 {} 处问题，未做任何修改", issues.len()))
    })
}

fn by_field_json(c: &Catalog) -> serde_json::Value {
    c.count_by_field()
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(f, n)| (f.name().to_string(), serde_json::Value::from(n)))
        .collect::<serde_json::Map<_, _>>()
        .into()
}

fn print_counts(c: &Catalog) {
    let parts: Vec<String> = c
        .count_by_field()
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(f, n)| format!("{f} {n}"))
        .collect();
    println!("{}", parts.join("，"));
}

fn print_list(powers: &[PowerVersion], date: NaiveDate) {
    let mut current: Option<Field> = None;
    for v in powers {
        let p = &v.power;
        if current != Some(p.field) {
            let n = powers.iter().filter(|x| x.power.field == p.field).count();
            println!("【{}】{} 项", p.field, n);
            current = Some(p.field);
        }
        println!("  {}  {}  {}", p.code, pad(&p.subfield, 10), clean(&p.name));
    }
    println!("共 {} 项（{} 有效）", powers.len(), date);
}

/// Related items and the one-fine rule (行政处罚法第二十九条), shown with the item and when a
/// case is filed under it.
pub(crate) fn print_related(p: &crate::domain::catalog::Power) {
    let lines = p.related_lines();
    if lines.is_empty() {
        return;
    }
    println!("关联事项：");
    for l in lines {
        println!("  {}", clean(&l));
    }
    println!("  {}", crate::domain::catalog::ONE_FINE_RULE);
}

fn print_power(v: &PowerVersion) {
    let p = &v.power;
    println!("{}  {}", p.code, clean(&p.name));
    println!(
        "领域：{} / {}    以本机关名义行使：{}",
        p.field,
        clean(&p.subfield),
        if p.own_name { "是" } else { "否（委托）" }
    );
    let kinds: Vec<&str> = p.penalty_kinds.iter().map(|k| k.name()).collect();
    println!("处罚种类：{}", kinds.join("、"));
    if let Some(m) = &p.other_measures {
        println!("并用措施：{}", clean(m));
    }
    for prov in &p.violated {
        println!("违法条款：{prov}");
    }
    println!("处罚条款：{}", p.penalty);
    println!("法定处罚：{}", p.statutory.summary());
    if let Some(note) = &p.statutory.note {
        println!("说明：{}", clean(note));
    }
    if !p.tiers.is_empty() {
        println!("裁量阶次：");
        for t in &p.tiers {
            let ranges = p.tier_ranges(t);
            let ranges = if ranges.is_empty() {
                String::new()
            } else {
                format!("  {ranges}")
            };
            let band = match (&p.statutory.alternative, t.alternative) {
                (Some(alt), true) => format!("（备选幅度，限“{}”）", clean(&alt.condition)),
                _ => String::new(),
            };
            println!("  [{}]{band}{ranges}", t.name.name());
            println!("      情形：{}", clean(&t.condition));
            if let Some(m) = &t.measures {
                println!("      措施：{}", clean(m));
            }
        }
    }
    if let Some(line) = p.reserved_line() {
        println!("不能自行决定：{}", clean(&line));
    }
    print_related(p);
    let from = p.effective_from.map(|d| d.to_string()).unwrap_or_default();
    let to = p
        .effective_to
        .map(|d| d.to_string())
        .unwrap_or_else(|| "今".to_string());
    println!("版本：第 {} 版，{from} 至 {to}", v.version);
}
