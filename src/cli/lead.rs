//! `zhifa lead`: the lead register (案源/线索) — register, list, show, take a step, file a
//! case from a lead, statistics. The same desk operations as the UI.

use clap::Subcommand;

use super::{print_json, CliError, CliResult, Context, JsonFlag};
use crate::desk::leads::LeadLine;
use crate::desk::Desk;
use crate::domain::chinese::parse_date;
use crate::domain::lead::{self, LeadActionKind};
use crate::domain::stats::days_text;
use crate::step_input::{self, lead as forms};
use crate::store::leads::LeadRow;
use crate::store::Who;
use crate::text::clean;

#[derive(Debug, Subcommand)]
pub(crate) enum LeadCommand {
    /// 登记线索：字段=值，如 source=举报投诉 work_order=20261203001 place=… allegation=…（zhifa lead fields 列出字段）
    Add {
        fields: Vec<String>,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 线索列表（最新在前），可按阶段筛选、只看逾期
    List {
        /// 阶段：登记、核查、已处理
        #[arg(long)]
        stage: Option<String>,
        /// 只列核查期限已过仍未处理的，或未按期答复举报人的
        #[arg(long)]
        overdue: bool,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 查看一条线索（举报人信息默认部分隐藏；--full 显示完整并记入审计日志）
    Show {
        /// 线索编号：线索〔2026〕3号、2026-3 或 #编号
        lead: String,
        #[arg(long)]
        full: bool,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 办理线索的一个环节：zhifa lead do 2026-3 分派核查 officers=zhangwei,liqiang
    Do {
        lead: String,
        /// 环节，如 分派核查、登记核查情况、不予立案、移送、并案、告知、答复举报人
        step: String,
        fields: Vec<String>,
        /// 只在线索仍是该版本时保存
        #[arg(long)]
        version: Option<i64>,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 由线索提请立案（以线索的地点、核查情况、核查人员建案并关联）：当事人字段=值，如 type=个人 name=… id_no=… address=…
    File {
        lead: String,
        /// 权限事项编码，如 HJ-001
        #[arg(long)]
        power: String,
        /// 违法行为发生日期
        #[arg(long = "act-date")]
        act_date: String,
        /// 提请立案日期（默认今天）
        #[arg(long)]
        date: Option<String>,
        party: Vec<String>,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 打印线索的文书：案件来源登记表、线索核查报告、不予立案审批表、案件移送函（--doc 选一种，不填打印全部）
    Print {
        lead: String,
        /// 登记表和核查报告上显示举报人完整信息（记入审计日志）；默认部分隐藏
        #[arg(long)]
        full: bool,
        #[command(flatten)]
        paper: super::paper_print::PaperArgs,
    },
    /// 列出线索的各环节及其字段
    Fields,
    /// 线索统计：按来源、处理结果、处理用时（工作日）
    Stats {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[command(flatten)]
        json: JsonFlag,
    },
}

fn pairs(fields: &[String]) -> Result<Vec<(String, String)>, CliError> {
    fields
        .iter()
        .map(|kv| {
            kv.split_once('=')
                .map(|(k, v)| (k.trim().to_string(), v.to_string()))
                .ok_or_else(|| CliError(format!("“{kv}”应写成 字段=值，例如 place=合隆镇东岗村")))
        })
        .collect()
}

fn find(desk: &Desk, text: &str) -> Result<i64, CliError> {
    desk.store().find_lead(text)?.ok_or_else(|| {
        CliError(format!(
            "找不到线索“{text}”：请填线索编号（如 线索〔2026〕3号）、2026-3 或 #编号"
        ))
    })
}

/// The lead as JSON with the reporter as shown (masked unless `full`).
fn lead_json(row: &LeadRow, line: Option<&LeadLine>, full: bool) -> serde_json::Value {
    let mut v = serde_json::to_value(&row.lead).unwrap_or_default();
    if let Some(o) = v.as_object_mut() {
        o.insert("number".into(), row.number.clone().into());
        o.insert(
            "reporter".into(),
            serde_json::to_value(lead::shown_reporter(&row.lead.reporter, full))
                .unwrap_or_default(),
        );
        if let Some(l) = line {
            o.insert(
                "due".into(),
                serde_json::to_value(l.due).unwrap_or_default(),
            );
            o.insert("overdue".into(), l.overdue.into());
            o.insert(
                "reply_due".into(),
                serde_json::to_value(l.reply_due).unwrap_or_default(),
            );
            o.insert("reply_overdue".into(), l.reply_overdue.into());
        }
    }
    v
}

fn one_line(l: &LeadLine) -> String {
    let lead = &l.row.lead;
    let outcome = lead
        .decision
        .as_ref()
        .map(|d| d.outcome.kind().name())
        .unwrap_or_default();
    let due = match (l.due, l.overdue) {
        (_, true) => format!(
            "已逾期（{}）",
            l.due.map(|d| d.to_string()).unwrap_or_default()
        ),
        (Some(d), false) if lead.decision.is_none() => format!("期限 {d}"),
        _ => String::new(),
    };
    let reply = if l.reply_overdue {
        "  未按期答复举报人"
    } else {
        ""
    };
    format!(
        "{}  {}  {}  {}{}  {}  {}{reply}",
        l.row.number,
        lead.received_on,
        lead.source.kind().name(),
        lead.stage.name(),
        if outcome.is_empty() {
            String::new()
        } else {
            format!("（{outcome}）")
        },
        due,
        clean(&lead.allegation.chars().take(30).collect::<String>()),
    )
}

pub(crate) fn run(ctx: &Context, cmd: LeadCommand) -> CliResult {
    let today = crate::desk::today();
    match cmd {
        LeadCommand::Fields => {
            println!("登记线索（zhifa lead add）：");
            for f in forms::new_lead_fields() {
                println!("  {}  {}  {}", f.key, f.label, f.hint_text());
            }
            for k in LeadActionKind::ALL {
                println!("{}（{}）：", k.label(), k.code());
                for f in forms::lead_fields(k) {
                    println!("  {}  {}  {}", f.key, f.label, f.hint_text());
                }
            }
            Ok(())
        }
        LeadCommand::Add { fields, json } => {
            let mut desk = Desk::new(ctx.open_store()?);
            let actor = ctx.login(desk.store_mut())?;
            let users = desk.store().users()?;
            let new = step_input::lead::build_new_lead(&pairs(&fields)?, &users, today)
                .map_err(CliError)?;
            let row = desk.register_lead(new, &actor, today)?;
            if json.json {
                return print_json(&lead_json(&row, None, false));
            }
            println!("已登记线索 {}", row.number);
            Ok(())
        }
        LeadCommand::List {
            stage,
            overdue,
            json,
        } => {
            let desk = Desk::new(ctx.open_store()?);
            let lines: Vec<LeadLine> = desk
                .lead_lines(today)?
                .into_iter()
                .filter(|l| {
                    stage
                        .as_deref()
                        .is_none_or(|s| l.row.lead.stage.name() == s.trim())
                })
                .filter(|l| !overdue || l.overdue || l.reply_overdue)
                .collect();
            if let Some(s) = &stage {
                if !["登记", "核查", "已处理"].contains(&s.trim()) {
                    return Err(CliError(format!(
                        "阶段“{s}”不存在：只能填 登记、核查 或 已处理"
                    )));
                }
            }
            if json.json {
                let v: Vec<_> = lines
                    .iter()
                    .map(|l| lead_json(&l.row, Some(l), false))
                    .collect();
                return print_json(&v);
            }
            if lines.is_empty() {
                println!("没有符合条件的线索");
            }
            for l in &lines {
                println!("{}", one_line(l));
            }
            Ok(())
        }
        LeadCommand::Show { lead, full, json } => {
            let mut desk = Desk::new(ctx.open_store()?);
            let id = find(&desk, &lead)?;
            if full {
                let actor = ctx.login(desk.store_mut())?;
                desk.store_mut()
                    .record_lead_access(id, &Who::user(&actor))?;
            }
            let line = desk
                .lead_lines(today)?
                .into_iter()
                .find(|l| l.row.lead.id == id)
                .ok_or_else(|| CliError(format!("找不到线索“{lead}”")))?;
            if json.json {
                return print_json(&lead_json(&line.row, Some(&line), full));
            }
            show(&desk, &line, full)
        }
        LeadCommand::Do {
            lead,
            step,
            fields,
            version,
            json,
        } => {
            let mut desk = Desk::new(ctx.open_store()?);
            let actor = ctx.login(desk.store_mut())?;
            let id = find(&desk, &lead)?;
            let kind = LeadActionKind::parse(&step).ok_or_else(|| {
                let all: Vec<&str> = LeadActionKind::ALL.iter().map(|k| k.label()).collect();
                CliError(format!(
                    "未知环节“{step}”：可办理的环节有 {}",
                    all.join("、")
                ))
            })?;
            let users = desk.store().users()?;
            let store = desk.store();
            let find_case = |t: &str| -> Result<(i64, String), String> {
                let id = store
                    .find_case(t)
                    .map_err(|e| e.to_string())?
                    .ok_or_else(|| format!("找不到案件“{t}”：请填案号、2026-12 或 #编号"))?;
                Ok((id, store.case_no(id).map_err(|e| e.to_string())?))
            };
            let action = step_input::lead::build_lead_action(
                kind,
                &pairs(&fields)?,
                &users,
                today,
                &find_case,
            )
            .map_err(CliError)?;
            let row = desk.lead_act(id, version, action, &actor, today)?;
            if json.json {
                return print_json(&lead_json(&row, None, false));
            }
            println!(
                "已办理：线索 {} {}（第 {} 版）",
                row.number,
                kind.label(),
                row.lead.version
            );
            Ok(())
        }
        LeadCommand::File {
            lead,
            power,
            act_date,
            date,
            party,
            json,
        } => {
            let mut desk = Desk::new(ctx.open_store()?);
            let actor = ctx.login(desk.store_mut())?;
            let id = find(&desk, &lead)?;
            // The lead's own state first: a clerk hears that the findings are missing
            // before being asked for the party's ID number.
            lead::case_from_lead(&desk.store().load_lead(id)?.lead, today, Vec::new(), today)?;
            let party = step_input::party_from_table(&pairs(&party)?)
                .map_err(CliError)?
                .into_party()
                .map_err(|e| CliError(e.to_string()))?;
            let act_date = step_input::read_date(&act_date, today)
                .map_err(|e| CliError(format!("违法行为发生日期：{e}")))?;
            let date = match date {
                Some(d) => step_input::read_date(&d, today)
                    .map_err(|e| CliError(format!("提请立案日期：{e}")))?,
                None => today,
            };
            let (row, case) =
                desk.file_lead(id, power.trim(), act_date, vec![party], date, &actor, today)?;
            if json.json {
                return print_json(
                    &serde_json::json!({ "lead": lead_json(&row, None, false), "case_id": case.id }),
                );
            }
            println!(
                "已由线索 {} 提请立案：案件 #{}（待负责人审批立案后编号）",
                row.number, case.id
            );
            Ok(())
        }
        LeadCommand::Print { lead, full, paper } => {
            let doc = paper.doc()?;
            let mut desk = Desk::new(ctx.open_store()?);
            let actor = ctx.login(desk.store_mut())?;
            let id = find(&desk, &lead)?;
            let papers =
                crate::documents::intake::lead(desk.store(), id, doc, full).map_err(CliError)?;
            let who = Who::user(&actor);
            if full {
                desk.store_mut().record_lead_access(id, &who)?;
            }
            super::paper_print::write(desk.store_mut(), &papers, &paper, &who)
        }
        LeadCommand::Stats { from, to, json } => {
            let desk = Desk::new(ctx.open_store()?);
            let (from, to) = (parse_date(&from)?, parse_date(&to)?);
            if from > to {
                return Err(CliError(format!("起始日期 {from} 晚于结束日期 {to}")));
            }
            let stats = desk.lead_stats(from, to, today)?;
            if json.json {
                return print_json(&stats);
            }
            println!(
                "{from} 至 {to} 收到线索 {} 条，未处理 {}，其中逾期 {}",
                stats.received, stats.open, stats.overdue
            );
            let by_source: Vec<String> = stats
                .by_source
                .iter()
                .map(|(k, n)| format!("{}{n}", k.name()))
                .collect();
            println!("按来源：{}", by_source.join("，"));
            let by_outcome: Vec<String> = stats
                .by_outcome
                .iter()
                .map(|(k, n)| format!("{}{n}", k.name()))
                .collect();
            println!("按处理结果：{}", by_outcome.join("，"));
            if let (Some(avg), Some(median)) = (
                stats.avg_working_days_to_decision,
                stats.median_working_days_to_decision,
            ) {
                println!(
                    "从收到到处理平均 {} 个工作日，中位 {} 个工作日，最长 {} 个工作日",
                    days_text(avg),
                    days_text(median),
                    stats.max_working_days_to_decision.unwrap_or(0)
                );
            }
            Ok(())
        }
    }
}

fn show(desk: &Desk, l: &LeadLine, full: bool) -> CliResult {
    let lead = &l.row.lead;
    let users = desk.store().users()?;
    let name = |id: &i64| {
        users
            .get(id)
            .map_or_else(|| format!("#{id}"), |u| u.name.clone())
    };
    let r = lead::shown_reporter(&lead.reporter, full);
    println!("{}  [{}]", l.row.number, lead.stage.name());
    let work_order = match &lead.source {
        lead::LeadSource::Complaint { work_order } if !work_order.is_empty() => {
            format!("（12345工单 {}）", clean(work_order))
        }
        _ => String::new(),
    };
    println!("来源：{}{work_order}", lead.source.kind().name());
    println!(
        "收到：{} {}，登记人 {}",
        lead.received_on,
        clean(&lead.received_time),
        name(&lead.received_by)
    );
    println!(
        "举报人：{} {} {} {}",
        clean(&r.name),
        clean(&r.phone),
        clean(&r.id_number),
        clean(&r.address)
    );
    println!("地点：{}", clean(&lead.place));
    println!("反映的问题：{}", clean(&lead.allegation));
    if let Some(code) = &lead.power_code {
        println!("可能涉及事项：{}", clean(code));
    }
    if let Some(v) = &lead.verification {
        let officers: Vec<String> = v.officers.iter().map(name).collect();
        println!("核查：{} 分派 {}", v.assigned_on, officers.join("、"));
        if let Some((d, f)) = &v.findings {
            println!("核查情况（{d}）：{}", clean(f));
        }
    }
    if let Some(e) = &lead.extension {
        println!(
            "延长核查期限：{} 经 {} 批准，理由：{}",
            e.date,
            name(&e.approved_by),
            clean(&e.reason)
        );
    }
    match (&lead.decision, l.due) {
        (Some(d), _) => println!(
            "处理结果（{}，{}）：{}",
            d.date,
            name(&d.by),
            crate::desk::leads::outcome_text(&d.outcome)
        ),
        (None, Some(due)) => println!(
            "核查期限：{due}{}",
            if l.overdue { "（已逾期）" } else { "" }
        ),
        (None, None) => println!("核查期限：无法计算（缺少节假日表）"),
    }
    if let Some(due) = l.reply_due {
        println!(
            "答复举报人期限：{due}{}",
            if l.reply_overdue {
                "（已逾期）"
            } else {
                ""
            }
        );
    }
    for rp in &lead.replies {
        println!(
            "答复（{}，{}）：{}",
            rp.date,
            crate::domain::serde_name(&rp.way),
            clean(&rp.content)
        );
    }
    Ok(())
}
