//! `zhifa inspect`: inspections (行政检查) — objects, 回避, plans and their 双随机 draw with its
//! 公示, 现场检查记录 with the re-inspection warning, 复查 and statistics. The same desk
//! operations as everything else.

use std::collections::BTreeMap;

use clap::Subcommand;

use super::{print_json, CliError, CliResult, Context, JsonFlag};
use crate::desk::Desk;
use crate::domain::case::Recheck;
use crate::domain::field::Field;
use crate::domain::inspection::{
    Conflict, InspectionPlan, InspectionReason, InspectionRecord, InspectionResult, ObjectInput,
    RiskLevel,
};
use crate::domain::patrol;
use crate::step_input::{read_bool, read_date};
use crate::text::clean;

#[derive(Debug, Subcommand)]
pub(crate) enum ObjectsAction {
    /// 从 .xlsx 或 .csv（UTF-8/GBK）导入检查对象：列为名称、统一社会信用代码、地址、领域、风险等级。
    /// 先逐行检查并报告（行号和原因），有未通过检查的行则一行也不导入；已登记的（同一信用代码）跳过
    Import {
        file: std::path::PathBuf,
        /// 只检查和报告，不写入
        #[arg(long = "dry-run")]
        dry_run: bool,
        #[command(flatten)]
        json: JsonFlag,
    },
}

// One command is parsed per process: the size of the largest variant costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub(crate) enum InspectCommand {
    /// 登记检查对象（企业、场所）
    ObjectAdd {
        #[arg(long)]
        name: String,
        /// 统一社会信用代码（场所没有的可不填）
        #[arg(long = "credit-code", default_value = "")]
        credit_code: String,
        #[arg(long)]
        address: String,
        /// 领域：城市管理、规划建设、自然资源、农业农村、林业、水利、生态环境、应急管理（或 CG、GH…）
        #[arg(long)]
        field: String,
        /// 风险等级：低风险、一般风险、较高风险、高风险
        #[arg(long, default_value = "一般风险")]
        risk: String,
    },
    /// 检查对象列表（含本年度检查次数）；objects import 从表格导入
    Objects {
        #[command(subcommand)]
        action: Option<ObjectsAction>,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 登记回避情形：该人员不被抽取检查该对象
    Conflict {
        /// 人员登录名
        #[arg(long)]
        officer: String,
        /// 检查对象编号
        #[arg(long)]
        object: i64,
        #[arg(long)]
        reason: String,
        /// 登记日期（默认今天）
        #[arg(long)]
        date: Option<String>,
    },
    /// 撤销回避情形（记入审计日志）
    ConflictRemove {
        /// 人员登录名
        #[arg(long)]
        officer: String,
        /// 检查对象编号
        #[arg(long)]
        object: i64,
        /// 撤销的原因
        #[arg(long)]
        reason: String,
    },
    /// 回避情形列表（可限定检查对象）
    Conflicts {
        /// 检查对象编号
        #[arg(long)]
        object: Option<i64>,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 制定抽查计划（双随机）
    PlanAdd {
        #[arg(long)]
        name: String,
        #[arg(long)]
        field: String,
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        /// 抽查事项和范围
        #[arg(long)]
        scope: String,
        /// 抽取对象数量
        #[arg(long)]
        count: u32,
    },
    /// 抽查计划列表
    Plans {
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 按计划随机抽取对象和执法人员（每个计划只抽一次；种子记录在案，可复现）
    Draw {
        #[arg(long)]
        plan: i64,
        /// 随机数种子（不填则取当前时间）
        #[arg(long)]
        seed: Option<u64>,
        /// 抽取日期（默认今天）
        #[arg(long)]
        date: Option<String>,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 抽取结果公示（计划、日期、种子、方法、对象和执法人员）
    Publish {
        #[arg(long)]
        plan: i64,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 登记一次现场检查
    Add {
        #[arg(long)]
        date: String,
        #[arg(long, default_value = "")]
        start: String,
        #[arg(long, default_value = "")]
        end: String,
        #[arg(long)]
        place: String,
        /// 检查对象编号（街面、区域巡查不填）
        #[arg(long)]
        object: Option<i64>,
        /// 检查人员登录名，逗号分隔（两名持证人员）
        #[arg(long)]
        officers: String,
        /// 检查原因：日常巡查、双随机抽查、投诉举报、风险监测
        #[arg(long, default_value = "日常巡查")]
        reason: String,
        /// 投诉举报或风险监测的具体原因
        #[arg(long, default_value = "")]
        why: String,
        /// 投诉举报检查所核查的线索（线索〔2026〕3号、2026-3 或 #编号）：其举报人不会出现在检查笔录和改正通知书上
        #[arg(long)]
        lead: Option<String>,
        /// 双随机抽查所属计划编号
        #[arg(long)]
        plan: Option<i64>,
        /// 检查事项（合格的），分号分隔
        #[arg(long, default_value = "")]
        items: String,
        /// 不合格的检查事项，分号分隔（也记为检查事项）
        #[arg(long = "failed-items", default_value = "")]
        failed_items: String,
        /// 现场照片（可多次）：复制到数据库旁的附件目录并记录 SHA-256
        #[arg(long = "photo")]
        photos: Vec<std::path::PathBuf>,
        /// 检查情况
        #[arg(long)]
        findings: String,
        /// 检查结果：合格、责令改正、转为线索、立案
        #[arg(long, default_value = "合格")]
        result: String,
        /// 责令改正的内容
        #[arg(long, default_value = "")]
        content: String,
        /// 改正期限
        #[arg(long)]
        deadline: Option<String>,
        /// 复查日期
        #[arg(long = "recheck-on")]
        recheck_on: Option<String>,
        /// 立案的案件（案号、2026-12 或 #编号）
        #[arg(long = "case")]
        case_ref: Option<String>,
        /// 当场成果：成果=数量，如 收缴违规用品=3（可多次）
        #[arg(long = "measure")]
        measures: Vec<String>,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 某期间的检查记录
    List {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 登记责令改正的复查
    Recheck {
        #[arg(long)]
        id: i64,
        #[arg(long)]
        date: String,
        /// 是否已按要求改正：是 / 否
        #[arg(long)]
        corrected: String,
        #[arg(long)]
        note: String,
    },
    /// 打印检查的文书：现场检查（勘验）笔录、责令（限期）改正通知书；--plan 打印双随机抽查抽取记录
    Print {
        /// 检查记录编号
        #[arg(
            value_name = "编号",
            required_unless_present = "plan",
            conflicts_with = "plan"
        )]
        id: Option<i64>,
        /// 抽查计划编号：打印其抽取记录
        #[arg(long)]
        plan: Option<i64>,
        #[command(flatten)]
        paper: super::paper_print::PaperArgs,
    },
    /// 某期间的检查统计与成果汇总（由检查记录计算，加上手工登记的巡查成果）
    Stats {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[command(flatten)]
        json: JsonFlag,
    },
}

fn field(s: &str) -> Result<Field, CliError> {
    Field::parse(s).ok_or_else(|| {
        let all: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
        CliError(format!("领域“{s}”不存在：可填 {}", all.join("、")))
    })
}

fn date(label: &str, s: &str) -> Result<chrono::NaiveDate, CliError> {
    read_date(s, crate::desk::today()).map_err(|e| CliError(format!("{label}：{e}")))
}

pub(crate) fn run(ctx: &Context, cmd: InspectCommand) -> CliResult {
    let today = crate::desk::today();
    let mut desk = Desk::new(ctx.open_store()?);
    match cmd {
        InspectCommand::ObjectAdd {
            name,
            credit_code,
            address,
            field: f,
            risk,
        } => {
            let actor = ctx.login(desk.store_mut())?;
            let risk = RiskLevel::parse(&risk).ok_or_else(|| {
                CliError(format!(
                    "风险等级“{risk}”不存在：可填 低风险、一般风险、较高风险、高风险"
                ))
            })?;
            let o = desk.add_object(
                ObjectInput {
                    name,
                    credit_code,
                    address,
                    field: field(&f)?,
                    risk,
                },
                &actor,
            )?;
            println!("已登记检查对象 #{}：{}", o.id, clean(&o.name));
            Ok(())
        }
        InspectCommand::Objects {
            action:
                Some(ObjectsAction::Import {
                    file,
                    dry_run,
                    json,
                }),
            ..
        } => import_objects(ctx, &mut desk, &file, dry_run, json.json),
        InspectCommand::Objects { action: None, json } => {
            let objects = desk.store().objects()?;
            let year = chrono::Datelike::year(&today);
            let mut lines = Vec::new();
            for o in &objects {
                let history = desk.store().inspections_of(o.id)?;
                lines.push((
                    o,
                    crate::domain::inspection::annual_count(o.id, &history, year),
                ));
            }
            if json.json {
                let v: Vec<_> = lines
                    .iter()
                    .map(|(o, n)| serde_json::json!({ "object": o, "inspections_this_year": n }))
                    .collect();
                return print_json(&v);
            }
            for (o, n) in lines {
                println!(
                    "#{}  {}  {}  {}  {}  本年检查 {n} 次",
                    o.id,
                    clean(&o.name),
                    o.credit_code
                        .as_ref()
                        .map(|c| c.as_str())
                        .unwrap_or("（无代码）"),
                    o.field.name(),
                    o.risk.name()
                );
            }
            Ok(())
        }
        InspectCommand::Conflict {
            officer,
            object,
            reason,
            date: on,
        } => {
            let actor = ctx.login(desk.store_mut())?;
            let u = staff_member(&desk, &officer)?;
            let recorded_on = match on {
                Some(t) => date("登记日期", &t)?,
                None => today,
            };
            desk.add_conflict(
                Conflict {
                    officer: u.id,
                    object,
                    reason,
                    recorded_on: Some(recorded_on),
                },
                &actor,
                today,
            )?;
            println!("已登记回避：{} 不参加检查对象 #{object} 的抽查", u.name);
            Ok(())
        }
        InspectCommand::ConflictRemove {
            officer,
            object,
            reason,
        } => {
            let actor = ctx.login(desk.store_mut())?;
            let u = staff_member(&desk, &officer)?;
            desk.remove_conflict(u.id, object, &reason, &actor)?;
            println!("已撤销回避：{} 与检查对象 #{object}", u.name);
            Ok(())
        }
        InspectCommand::Conflicts { object, json } => {
            let users = desk.store().users()?;
            let conflicts: Vec<Conflict> = desk
                .store()
                .conflicts()?
                .into_iter()
                .filter(|c| object.is_none_or(|o| c.object == o))
                .collect();
            if json.json {
                return print_json(&conflicts);
            }
            if conflicts.is_empty() {
                println!("没有登记回避情形");
            }
            for c in &conflicts {
                let name = users.get(&c.officer).map_or("?", |u| u.name.as_str());
                let on = c
                    .recorded_on
                    .map_or_else(|| "日期未记".into(), |d| d.to_string());
                println!(
                    "对象 #{}  {}  {on}  {}",
                    c.object,
                    clean(name),
                    clean(&c.reason)
                );
            }
            Ok(())
        }
        InspectCommand::PlanAdd {
            name,
            field: f,
            from,
            to,
            scope,
            count,
        } => {
            let actor = ctx.login(desk.store_mut())?;
            let p = desk.add_plan(
                InspectionPlan {
                    id: 0,
                    name,
                    field: field(&f)?,
                    period_from: date("计划开始日期", &from)?,
                    period_to: date("计划结束日期", &to)?,
                    scope,
                    object_count: count,
                },
                &actor,
            )?;
            println!("已登记抽查计划 #{}：{}", p.id, clean(&p.name));
            Ok(())
        }
        InspectCommand::Plans { json } => {
            let plans = desk.store().plans()?;
            if json.json {
                let v: Vec<_> = plans
                    .iter()
                    .map(|(p, d)| serde_json::json!({ "plan": p, "draw": d }))
                    .collect();
                return print_json(&v);
            }
            for (p, d) in plans {
                println!(
                    "#{}  {}  {}  {} 至 {}  抽取 {} 个  {}",
                    p.id,
                    clean(&p.name),
                    p.field.name(),
                    p.period_from,
                    p.period_to,
                    p.object_count,
                    d.map_or("未抽取".into(), |d| format!(
                        "已于 {} 抽取（种子 {}）",
                        d.drawn_on, d.seed
                    ))
                );
            }
            Ok(())
        }
        InspectCommand::Draw {
            plan,
            seed,
            date: on,
            json,
        } => {
            let actor = ctx.login(desk.store_mut())?;
            let on = match on {
                Some(d) => date("抽取日期", &d)?,
                None => today,
            };
            desk.draw_plan(plan, seed, on, &actor, today)?;
            let published = desk.publication(plan)?;
            if json.json {
                return print_json(&published);
            }
            print_publication(&published);
            Ok(())
        }
        InspectCommand::Publish { plan, json } => {
            let published = desk.publication(plan)?;
            if json.json {
                return print_json(&published);
            }
            print_publication(&published);
            Ok(())
        }
        InspectCommand::Add {
            date: on,
            start,
            end,
            place,
            object,
            officers,
            reason,
            why,
            lead,
            plan,
            items,
            failed_items,
            photos,
            findings,
            result,
            content,
            deadline,
            recheck_on,
            case_ref,
            measures,
            json,
        } => {
            let actor = ctx.login(desk.store_mut())?;
            let users = desk.store().users()?;
            let officers = crate::step_input::read_persons(&officers, &users)
                .map_err(|e| CliError(format!("检查人员：{e}")))?;
            if lead.is_some() && reason.trim() != "投诉举报" {
                return Err(CliError(
                    "--lead 只用于投诉举报检查（--reason 投诉举报）".into(),
                ));
            }
            let reason = match reason.trim() {
                "日常巡查" => InspectionReason::Routine,
                "双随机抽查" => InspectionReason::Drawn {
                    plan: plan
                        .ok_or_else(|| CliError("双随机抽查请用 --plan 填写所属计划编号".into()))?,
                },
                "投诉举报" => InspectionReason::Complaint {
                    lead: match &lead {
                        Some(l) => Some(desk.store().find_lead(l)?.ok_or_else(|| {
                            CliError(format!(
                                "找不到线索“{l}”：请填线索编号（如 线索〔2026〕3号）、2026-3 或 #编号"
                            ))
                        })?),
                        None => None,
                    },
                    reason: why,
                },
                "风险监测" => InspectionReason::Risk { reason: why },
                other => {
                    return Err(CliError(format!(
                        "检查原因“{other}”不存在：可填 日常巡查、双随机抽查、投诉举报、风险监测"
                    )))
                }
            };
            let result = match result.trim() {
                "合格" => InspectionResult::Passed,
                "责令改正" => {
                    let deadline = deadline
                        .ok_or_else(|| CliError("责令改正请用 --deadline 填写改正期限".into()))?;
                    let recheck_on = recheck_on
                        .ok_or_else(|| CliError("责令改正请用 --recheck-on 填写复查日期".into()))?;
                    InspectionResult::CorrectionOrdered {
                        content,
                        deadline: date("改正期限", &deadline)?,
                        recheck_on: date("复查日期", &recheck_on)?,
                        recheck: None,
                    }
                }
                "转为线索" => InspectionResult::ToLead { lead: None },
                "立案" => {
                    let r = case_ref.ok_or_else(|| CliError("立案请用 --case 填写案件".into()))?;
                    let case_id = desk
                        .store()
                        .find_case(&r)?
                        .ok_or_else(|| CliError(format!("找不到案件“{r}”")))?;
                    InspectionResult::Filed { case_id }
                }
                other => {
                    return Err(CliError(format!(
                        "检查结果“{other}”不存在：可填 合格、责令改正、转为线索、立案"
                    )))
                }
            };
            let mut tally = BTreeMap::new();
            for m in &measures {
                let (k, n) = patrol::parse_outcome(m).map_err(CliError)?;
                *tally.entry(k).or_insert(0) += n;
            }
            let record = InspectionRecord {
                id: 0,
                date: date("检查日期", &on)?,
                start,
                end,
                place,
                object,
                officers,
                reason,
                items: split_items(&items)
                    .into_iter()
                    .chain(split_items(&failed_items))
                    .collect(),
                failed_items: split_items(&failed_items),
                findings,
                photos: Vec::new(),
                result,
                measures: tally,
            };
            let (saved, warning) =
                desk.add_inspection_with_photos(record, &photos, &actor, today)?;
            if json.json {
                return print_json(&serde_json::json!({ "inspection": saved, "warning": warning }));
            }
            if let Some(w) = warning {
                eprintln!("提示：{}", clean(&w.message));
            }
            println!(
                "已登记现场检查 #{}：{} {}",
                saved.id,
                saved.date,
                clean(&saved.place)
            );
            Ok(())
        }
        InspectCommand::List { from, to, json } => {
            let records = desk
                .store()
                .inspections_between(date("起始日期", &from)?, date("结束日期", &to)?)?;
            if json.json {
                return print_json(&records);
            }
            for r in records {
                println!(
                    "#{}  {}  {}  {}  {}",
                    r.id,
                    r.date,
                    clean(&r.place),
                    crate::domain::serde_name(&r.result.kind()),
                    clean(&r.findings.chars().take(30).collect::<String>())
                );
            }
            Ok(())
        }
        InspectCommand::Recheck {
            id,
            date: on,
            corrected,
            note,
        } => {
            let actor = ctx.login(desk.store_mut())?;
            let corrected =
                read_bool(&corrected).map_err(|e| CliError(format!("是否已改正：{e}")))?;
            desk.recheck_inspection(
                id,
                Recheck {
                    date: date("复查日期", &on)?,
                    corrected,
                    note,
                    by: actor.id,
                },
                &actor,
                today,
            )?;
            println!("已登记检查记录 #{id} 的复查");
            Ok(())
        }
        InspectCommand::Print { id, plan, paper } => {
            let doc = paper.doc()?;
            let actor = ctx.login(desk.store_mut())?;
            let papers = match (id, plan) {
                (_, Some(plan)) => {
                    if doc.is_some_and(|k| k != crate::domain::documents::DocKind::DrawRecord) {
                        return Err(CliError(
                            "--plan 只打印双随机抽查抽取记录（draw）；检查记录的文书请填检查记录编号".into(),
                        ));
                    }
                    crate::documents::intake::draw(desk.store(), plan)
                }
                (Some(id), None) => crate::documents::intake::inspection(desk.store(), id, doc),
                (None, None) => Err("请填写检查记录编号，或用 --plan 指定抽查计划".into()),
            }
            .map_err(CliError)?;
            let who = crate::store::Who::user(&actor);
            super::paper_print::write(desk.store_mut(), &papers, &paper, &who)
        }
        InspectCommand::Stats { from, to, json } => {
            let (from, to) = (date("起始日期", &from)?, date("结束日期", &to)?);
            let stats = desk.inspection_stats(from, to)?;
            if json.json {
                return print_json(&serde_json::json!({
                    "stats": stats,
                    "summary": patrol::summary(&stats.tally),
                }));
            }
            let by: Vec<String> = stats
                .by_result
                .iter()
                .map(|(k, n)| format!("{}{n}", crate::domain::serde_name(k)))
                .collect();
            println!(
                "{from} 至 {to} 现场检查 {} 次（有名对象 {} 次）；{}",
                stats.inspections,
                stats.of_objects,
                by.join("，")
            );
            let fields: Vec<String> = stats
                .by_field
                .iter()
                .map(|(k, n)| format!("{}{n}", k.name()))
                .collect();
            if !fields.is_empty() {
                println!("按领域：{}", fields.join("，"));
            }
            let again: Vec<String> = stats
                .reinspected
                .iter()
                .map(|r| format!("{} {}次", r.name, r.times))
                .collect();
            if !again.is_empty() {
                println!(
                    "同一对象多次检查：{} 个对象，重复 {} 次（{}）",
                    stats.reinspected.len(),
                    stats.reinspections,
                    again.join("，")
                );
            }
            println!("{}", patrol::summary(&stats.tally));
            Ok(())
        }
    }
}

/// `inspect objects import`: the report first; written only without `--dry-run` and when no
/// row was rejected.
fn import_objects(
    ctx: &Context,
    desk: &mut Desk,
    file: &std::path::Path,
    dry_run: bool,
    json: bool,
) -> CliResult {
    let checked = desk.check_object_file(file)?;
    if !json {
        for line in checked.report() {
            println!("{}", clean(&line));
        }
    }
    let nothing = checked.checked.accepted.is_empty() && checked.checked.rejected.is_empty();
    let imported = if dry_run || nothing {
        Vec::new()
    } else {
        let actor = ctx.login(desk.store_mut())?;
        desk.import_objects(&checked, &actor)?
    };
    if json {
        return print_json(&serde_json::json!({
            "columns": checked.mapping.columns,
            "rejected": checked.checked.rejected,
            "skipped": checked.checked.skipped,
            "accepted": checked.checked.accepted.len(),
            "imported": imported,
            "dry_run": dry_run,
        }));
    }
    if dry_run {
        println!("（仅检查，未写入；确认无误后去掉 --dry-run 导入）");
    } else if nothing {
        println!("没有新的检查对象需要导入");
    } else {
        println!("已导入检查对象 {} 个", imported.len());
    }
    Ok(())
}

fn split_items(text: &str) -> Vec<String> {
    text.split(['；', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn staff_member(desk: &Desk, username: &str) -> Result<crate::domain::people::User, CliError> {
    desk.store()
        .user_by_username(username.trim())?
        .ok_or_else(|| CliError(format!("没有登录名为“{username}”的人员")))
}

fn print_publication(p: &crate::domain::inspection::PublishedDraw) {
    for line in p.lines() {
        println!("{}", clean(&line));
    }
}
