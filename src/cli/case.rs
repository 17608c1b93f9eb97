//! `zhifa case`: every workflow step from the command line, as a logged-in user.
//!
//! - `case new --power CODE --file new.toml` — 提请立案 (fields below)
//! - `case spot --power CODE --file spot.toml` — 当场处罚 (简易程序)
//! - `case do CASE ACTION key=value… [--file F]` — any step (`zhifa case steps` lists them)
//! - `case list`, `case show CASE`, `case actions CASE`

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Subcommand;
use serde::Deserialize;

use super::{print_json, read_text_file, CliError, CliResult, Context, JsonFlag};
use crate::desk::{self, Desk};
use crate::domain::case::{Action, ActionKind, Case, PartyInput, Stage};
use crate::domain::chinese;
use crate::domain::field::Field;
use crate::domain::people::User;
use crate::domain::privacy::{mask_free_text, mask_json_value, shown_party, PERSONAL_DATA_VIEWED};
use crate::step_input;
use crate::store::{attachments, CaseFilter, Who};
use crate::text::{clean, fit, pad};

#[derive(Debug, Subcommand)]
pub(crate) enum CaseCommand {
    /// 提请立案（一般程序）：案情、当事人、承办人写在文件中（TOML 或 JSON）
    New {
        /// 权限清单事项编码，例如 HJ-001
        #[arg(long)]
        power: String,
        #[arg(long)]
        file: PathBuf,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 当场作出行政处罚决定（简易程序）
    Spot {
        #[arg(long)]
        power: String,
        #[arg(long)]
        file: PathBuf,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 办理一个环节：zhifa case do 案号 环节 字段=值 …（环节名见 zhifa case steps）
    Do {
        /// 案号（任一文书编号形式）、2026-12 或 #编号
        case: String,
        /// 环节，例如 approve_filing 或 立案审批
        step: String,
        /// 字段=值：日期如 2026-12-03 或 今天，金额以元为单位（1,000 或 一千），是/否，人员填登录名或姓名（多人用顿号分隔）
        fields: Vec<String>,
        /// 从文件（TOML 或 JSON）读取字段
        #[arg(long)]
        file: Option<PathBuf>,
        /// 只在案件仍是该版本时保存（防止覆盖他人的修改）
        #[arg(long)]
        version: Option<i64>,
        /// 登记证据时附上的文件（照片、扫描件、录音录像），可重复
        #[arg(long = "attach")]
        attach: Vec<PathBuf>,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 案件列表
    List {
        /// 阶段，例如 调查取证
        #[arg(long)]
        stage: Option<String>,
        /// 领域，例如 城市管理 或 CG
        #[arg(long)]
        field: Option<String>,
        /// 只列本人承办的案件（需 --user）
        #[arg(long)]
        mine: bool,
        /// 只列有逾期期限的案件
        #[arg(long)]
        overdue: bool,
        /// 搜索案号、当事人、身份证号或统一社会信用代码、地点、案情，或姓名拼音首字母（如 zs）
        #[arg(long)]
        search: Option<String>,
        #[arg(long)]
        limit: Option<u32>,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 案件详情：当事人、阶段时间线、期限、记录
    Show {
        case: String,
        /// 显示完整的身份证号、电话和住址（需登录，记入审计记录）；默认部分隐去
        #[arg(long)]
        full: bool,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 当前用户在本案可以办理的环节，以及不能办理的原因
    Actions {
        case: String,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 列出全部环节名称
    Steps,
}

fn parse_file<T: for<'de> Deserialize<'de>>(path: &std::path::Path) -> Result<T, CliError> {
    let text = read_text_file(path, super::INPUT_FILE_LIMIT)?;
    let is_json =
        path.extension().is_some_and(|e| e == "json") || text.trim_start().starts_with('{');
    if is_json {
        serde_json::from_str(&text).map_err(|e| {
            CliError(format!(
                "{}：JSON 第 {} 行第 {} 列：{}",
                path.display(),
                e.line(),
                e.column(),
                crate::text::explain_parse_message(&e.to_string())
            ))
        })
    } else {
        toml::from_str(&text).map_err(|e| {
            CliError(format!(
                "{}：{}",
                path.display(),
                crate::text::explain_toml(&e, &text)
            ))
        })
    }
}

/// A file of fields (TOML or JSON) as a clerk would type them: every value as text (a
/// number, a list, 是/否 for a boolean), read by its field's kind like a typed value; the
/// `[party]` / `[[party]]` tables apart.
struct FieldFile {
    pairs: Vec<(String, String)>,
    parties: Vec<PartyInput>,
}

fn read_field_file(path: &std::path::Path) -> Result<FieldFile, CliError> {
    let v: serde_json::Value = parse_file(path)?;
    let obj = v
        .as_object()
        .ok_or_else(|| CliError(format!("{} 应是字段表", path.display())))?;
    let mut file = FieldFile {
        pairs: Vec::new(),
        parties: Vec::new(),
    };
    for (k, v) in obj {
        if k != "party" {
            file.pairs.push((k.clone(), value_text(v)));
            continue;
        }
        let tables = match v {
            serde_json::Value::Array(a) => a.clone(),
            other => vec![other.clone()],
        };
        for t in tables {
            let table = t
                .as_object()
                .ok_or_else(|| CliError("当事人应写成 [party] 表".into()))?;
            let pairs: Vec<(String, String)> = table
                .iter()
                .map(|(k, v)| (k.clone(), value_text(v)))
                .collect();
            file.parties
                .push(step_input::party_from_table(&pairs).map_err(CliError)?);
        }
    }
    Ok(file)
}

/// A file's value as the text a clerk would type for it.
fn value_text(v: &serde_json::Value) -> String {
    use serde_json::Value;
    match v {
        Value::String(s) => s.clone(),
        Value::Bool(b) => step_input::bool_text(*b).into(),
        Value::Number(n) => n.to_string(),
        Value::Null => String::new(),
        Value::Array(items) => items.iter().map(value_text).collect::<Vec<_>>().join("；"),
        // A TOML date written without quotes.
        Value::Object(o) => match o.get("$__toml_private_datetime") {
            Some(Value::String(d)) => d.clone(),
            _ => v.to_string(),
        },
    }
}

/// `key=value` pairs (after an optional file of fields) → the step's action.
fn build_action(
    step: ActionKind,
    fields: &[String],
    file: Option<&PathBuf>,
    users: &BTreeMap<i64, User>,
    today: NaiveDate,
) -> Result<Action, CliError> {
    let mut pairs = match file {
        Some(path) => {
            let f = read_field_file(path)?;
            if !f.parties.is_empty() {
                return Err(CliError("办理环节的文件不能有 [party] 表".into()));
            }
            f.pairs
        }
        None => Vec::new(),
    };
    for kv in fields {
        let (k, v) = kv
            .split_once('=')
            .ok_or_else(|| CliError(format!("“{kv}”应写成 字段=值，例如 opinion=同意立案")))?;
        pairs.push((k.to_string(), v.to_string()));
    }
    step_input::build_action(step, &pairs, users, today).map_err(CliError)
}

fn find(desk: &Desk, text: &str) -> Result<i64, CliError> {
    desk.store().find_case(text)?.ok_or_else(|| {
        CliError(format!(
            "找不到案件“{text}”：请填案号（如 合综执立〔2026〕12号）、2026-12 或 #编号"
        ))
    })
}

pub(crate) fn run(ctx: &Context, cmd: CaseCommand) -> CliResult {
    if let CaseCommand::Steps = cmd {
        for k in ActionKind::ALL {
            println!("{}  {}", pad(&k.code(), 24), k.label());
        }
        return Ok(());
    }
    let mut desk = Desk::new(ctx.open_store()?);
    let today = desk::today();
    match cmd {
        CaseCommand::New { power, file, json } => {
            let actor = ctx.login(desk.store_mut())?;
            let f = read_field_file(&file)?;
            let users = desk.store().users()?;
            let new =
                step_input::build_new_case(&f.pairs, f.parties, &users, today).map_err(CliError)?;
            let case = desk.propose(new, &power, &actor, today)?;
            report(&desk, &case, json.json, "已提请立案")?;
            if !json.json {
                super::powers::print_related(&case.power.power);
            }
            Ok(())
        }
        CaseCommand::Spot { power, file, json } => {
            let actor = ctx.login(desk.store_mut())?;
            let f = read_field_file(&file)?;
            let users = desk.store().users()?;
            let input =
                step_input::build_on_spot(&f.pairs, f.parties, &users, today).map_err(CliError)?;
            let case = desk.on_spot(input, &power, &actor, today)?;
            report(&desk, &case, json.json, "已作出当场处罚决定")?;
            if !json.json {
                super::powers::print_related(&case.power.power);
            }
            Ok(())
        }
        CaseCommand::Do {
            case,
            step,
            fields,
            file,
            version,
            attach,
            json,
        } => {
            let actor = ctx.login(desk.store_mut())?;
            let id = find(&desk, &case)?;
            let kind = ActionKind::parse(&step).ok_or_else(|| {
                CliError(format!("未知环节“{step}”；zhifa case steps 列出全部环节"))
            })?;
            let users = desk.store().users()?;
            let mut action = build_action(kind, &fields, file.as_ref(), &users, today)?;
            let staging = match action.attachments_mut() {
                Some(into) if !attach.is_empty() => {
                    let mut staging = attachments::Staging::begin(desk.store(), id)?;
                    for f in &attach {
                        if let Err(e) = staging.add(f) {
                            staging.abandon(desk.store());
                            return Err(e.into());
                        }
                    }
                    into.extend(staging.attachments().iter().cloned());
                    Some(staging)
                }
                _ if !attach.is_empty() => {
                    return Err(CliError(
                        "只有登记证据（add_evidence）、实施强制执行（enforce_day）和登记罚没物品（register_goods）时可以附文件".into(),
                    ))
                }
                _ => None,
            };
            let case = match desk.act(id, version, &action, &actor, today) {
                Ok(c) => c,
                Err(e) => {
                    if let Some(staging) = staging {
                        staging.abandon(desk.store());
                    }
                    return Err(e.into());
                }
            };
            drop(staging);
            report(&desk, &case, json.json, kind.label())
        }
        CaseCommand::List {
            stage,
            field,
            mine,
            overdue,
            search,
            limit,
            json,
        } => {
            let mut filter = CaseFilter {
                overdue_only: overdue,
                text: search,
                limit,
                ..CaseFilter::default()
            };
            if let Some(s) = stage {
                filter.stage = Some(Stage::parse(&s).ok_or_else(|| {
                    CliError(format!(
                        "未知阶段“{s}”，可选：{}",
                        Stage::ALL.map(|s| s.name()).join("、")
                    ))
                })?);
            }
            if let Some(f) = field {
                filter.field =
                    Some(Field::parse(&f).ok_or_else(|| CliError(format!("未知领域“{f}”")))?);
            }
            if mine {
                filter.handler = Some(ctx.login(desk.store_mut())?.id);
            }
            let rows = desk.store().list_cases(&filter)?;
            if json.json {
                let mut out = Vec::with_capacity(rows.len());
                for r in &rows {
                    let mut v = serde_json::to_value(r)?;
                    v["deadlines"] = serde_json::to_value(desk.store().case_deadlines(r.id)?)?;
                    out.push(v);
                }
                return print_json(&out);
            }
            for r in &rows {
                let due = match (&r.next_due, &r.next_due_kind, &r.next_due_state) {
                    (Some(d), Some(k), Some(s)) => format!("{} {d} {}", k.label(), s.label()),
                    _ => String::new(),
                };
                println!(
                    "{} {} {} {} {}",
                    pad(&r.case_no, 24),
                    fit(&r.party_names, 14),
                    pad(r.stage.name(), 8),
                    fit(&r.power_name, 38),
                    due
                );
            }
            println!("共 {} 件", rows.len());
            Ok(())
        }
        CaseCommand::Show { case, full, json } => {
            let id = find(&desk, &case)?;
            if full {
                let viewer = ctx.login(desk.store_mut())?;
                desk.record_access(id, &Who::user(&viewer), PERSONAL_DATA_VIEWED)?;
            }
            let c = desk.store().load_case(id)?;
            if json.json {
                let deadlines = desk.store().case_deadlines(id)?;
                let mut case_json = serde_json::to_value(&c)?;
                if !full {
                    // Free text (facts, records) may quote the parties' numbers and addresses.
                    mask_json_value(&mut case_json);
                    let shown: Vec<_> = c.parties.iter().map(|p| shown_party(p, false)).collect();
                    case_json["parties"] = serde_json::to_value(shown)?;
                }
                return print_json(&serde_json::json!({
                    "case_no": desk.store().case_no(id)?,
                    "case": case_json,
                    "deadlines": deadlines,
                }));
            }
            show(&desk, &c, full)
        }
        CaseCommand::Actions { case, json } => {
            let actor = ctx.login(desk.store_mut())?;
            let id = find(&desk, &case)?;
            let c = desk.store().load_case(id)?;
            let steps = desk.available(&c, &actor, crate::desk::today())?;
            if json.json {
                let v: Vec<_> = steps
                    .iter()
                    .map(|(k, r)| serde_json::json!({ "step": k, "label": k.label(), "allowed": r.is_ok(), "reason": r.as_ref().err().map(|e| e.to_string()) }))
                    .collect();
                return print_json(&v);
            }
            for (k, r) in steps.iter().filter(|(_, r)| r.is_ok()) {
                let _ = r;
                println!("可办理  {}  {}", pad(&k.code(), 24), k.label());
            }
            for (k, r) in steps.iter() {
                if let Err(e) = r {
                    if !e.message.contains("阶段") {
                        println!("不可办  {}  {}：{e}", pad(&k.code(), 24), k.label());
                    }
                }
            }
            Ok(())
        }
        CaseCommand::Steps => Ok(()),
    }
}

fn report(desk: &Desk, case: &Case, json: bool, what: &str) -> CliResult {
    let case_no = desk.store().case_no(case.id)?;
    if json {
        let deadlines = desk.store().case_deadlines(case.id)?;
        return print_json(
            &serde_json::json!({ "case_no": case_no, "case": case, "deadlines": deadlines }),
        );
    }
    println!(
        "{what}：{case_no}（阶段：{}，版本 {}）",
        case.stage.name(),
        case.version
    );
    for d in desk
        .store()
        .case_deadlines(case.id)?
        .iter()
        .filter(|d| d.status.is_open())
    {
        println!(
            "  期限：{} {} {}",
            d.label(),
            d.due.map(|x| x.to_string()).unwrap_or_default(),
            d.status.describe()
        );
    }
    Ok(())
}

fn show(desk: &Desk, c: &Case, full: bool) -> CliResult {
    let users = desk.store().users()?;
    let name = |id: &i64| {
        users
            .get(id)
            .map(|u| u.name.clone())
            .unwrap_or_else(|| format!("#{id}"))
    };
    println!("{}  {}", desk.store().case_no(c.id)?, c.stage.name());
    println!(
        "案由：{}（{}）",
        clean(&c.power.power.cause()),
        c.power.power.code
    );
    println!("权限事项：{}", clean(&c.power.power.name));
    println!("依据：{}", c.power.power.penalty);
    for l in desk.store().leads_of_case(c.id)? {
        println!(
            "来源线索：{}（{}，{}）",
            l.number,
            l.lead.source.kind().name(),
            l.lead
                .decision
                .as_ref()
                .map(|d| d.outcome.kind().name())
                .unwrap_or_default()
        );
    }
    for p in &c.parties {
        let shown = shown_party(p, full);
        println!(
            "当事人：{}  {}  {}  {}",
            clean(&shown.name),
            shown.id_number,
            clean(&shown.phone),
            clean(&shown.address)
        );
    }
    if !full {
        println!("（证件号、电话、住址已部分隐去；加 --full 显示完整信息，将记入审计记录）");
    }
    println!(
        "违法行为：{} 于 {}；发现 {}",
        clean(&c.place),
        c.act_date,
        c.discovered_on
    );
    println!(
        "承办人：{}",
        c.handlers.iter().map(name).collect::<Vec<_>>().join("、")
    );
    if let Some(o) = &c.outcome {
        println!("处理结果：{}", o.label());
    }
    if let Some(d) = &c.decision {
        println!(
            "决定：{}  罚款 {}（{}）",
            d.date,
            d.fine,
            chinese::date(d.date)
        );
    }
    let stages: Vec<String> = c
        .timeline
        .iter()
        .map(|(s, d)| format!("{} {}", s.name(), d))
        .collect();
    println!("进程：{}", stages.join(" → "));
    for d in desk.store().case_deadlines(c.id)? {
        println!(
            "期限：{} {} {}",
            pad(d.label(), 16),
            d.due.map(|x| x.to_string()).unwrap_or_default(),
            d.status.describe()
        );
    }
    for e in desk.store().case_audit(c.id)? {
        let summary = if full {
            e.summary
        } else {
            mask_free_text(&e.summary)
        };
        println!("记录：{}  {}  {}", e.at, clean(&e.user_name), summary);
    }
    Ok(())
}
