//! `zhifa review` (案卷评查: rules, run a round, show rounds, quality report) and
//! `zhifa fault` (过错责任 records).

use chrono::NaiveDate;
use clap::Subcommand;

use super::{print_json, CliError, CliResult, Context, JsonFlag};
use crate::desk::{Desk, NewFault, QualityBy};
use crate::domain::chinese::parse_date;
use crate::domain::review::fault::FaultCategory;
use crate::domain::review::sheet::Sheet;
use crate::domain::review::{self, points_text, RULES};
use crate::store::{Store, Who};
use crate::text::clean;

#[derive(Debug, Subcommand)]
pub(crate) enum ReviewCommand {
    /// 列出全部评查规则（编号、名称、法律依据、性质）
    Rules {
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 自动检查一个案件（不保存），列出问题
    Check {
        /// 案号、2026-12 或 #编号
        #[arg(long = "case")]
        case_no: String,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 评查一个案件并保存为新一轮（自动扣分加人工扣分；评查人为 --user）
    Run {
        #[arg(long = "case")]
        case_no: String,
        /// 人工扣分：部分:分值:理由，如 卷面:0.5:目录页码不连续（可多次）
        #[arg(long = "deduct")]
        deduct: Vec<String>,
        /// 评查日期（默认今天）
        #[arg(long)]
        date: Option<String>,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 查看一个案件的各轮评查
    Show {
        #[arg(long = "case")]
        case_no: String,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 评查质量报告：按中队、人员或月份统计评查数、平均分、最常见扣分
    Report {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        /// 分组：中队、人员、月份
        #[arg(long, default_value = "中队")]
        by: String,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 执法质量考评：每名执法人员期间内作出决定的案件数、评查数、平均分、否决数、过错责任数
    Appraisal {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 导入本机关的评分表（TOML，格式见 assets/review/default.toml）
    ImportSheet { file: std::path::PathBuf },
}

#[derive(Debug, Subcommand)]
pub(crate) enum FaultCommand {
    /// 登记过错责任
    Add {
        #[arg(long = "case")]
        case_no: String,
        /// 责任人员登录名，逗号分隔
        #[arg(long)]
        officers: String,
        /// 类别：76–83（行政处罚法条号）或 强制61–强制64（行政强制法）
        #[arg(long)]
        category: String,
        /// 认定的事实
        #[arg(long)]
        finding: String,
        /// 处理结果（可暂空）
        #[arg(long, default_value = "")]
        outcome: String,
        #[arg(long)]
        date: Option<String>,
    },
    /// 补记过错责任的处理结果（负责人）
    Outcome {
        /// 过错责任编号（fault list 中的 #编号）
        #[arg(long)]
        id: i64,
        /// 处理结果，如 批评教育、通报批评
        #[arg(long)]
        outcome: String,
    },
    /// 列出过错责任记录
    List {
        #[command(flatten)]
        json: JsonFlag,
    },
}

pub(crate) fn find_case(store: &Store, text: &str) -> Result<i64, CliError> {
    store.find_case(text)?.ok_or_else(|| {
        CliError(format!(
            "找不到案件“{text}”：请填案号（如 合综执立〔2026〕12号）、2026-12 或 #编号"
        ))
    })
}

/// The agency's scoring sheet, else the shipped one.
pub(crate) fn sheet(desk: &Desk) -> Result<Sheet, CliError> {
    Ok(desk.review_sheet()?)
}

fn date_or_today(s: Option<&str>) -> Result<NaiveDate, CliError> {
    Ok(match s {
        Some(s) => parse_date(s)?,
        None => crate::desk::today(),
    })
}

fn print_findings(fs: &[review::Finding]) {
    if fs.is_empty() {
        println!("未发现问题");
    }
    for f in fs {
        println!(
            "[{}] {} {}（{}）：{}",
            f.severity.label(),
            f.code,
            f.name,
            f.source,
            clean(&f.message)
        );
    }
}

pub(crate) fn run(ctx: &Context, cmd: ReviewCommand) -> CliResult {
    match cmd {
        ReviewCommand::Rules { json } => {
            if json.json {
                return print_json(&RULES);
            }
            for r in RULES {
                println!(
                    "{}  [{}]  {}  —— {}",
                    r.code,
                    r.severity.label(),
                    r.name,
                    r.source
                );
            }
            Ok(())
        }
        ReviewCommand::Check { case_no, json } => {
            let desk = Desk::new(ctx.open_store()?);
            let case = desk.store().load_case(find_case(desk.store(), &case_no)?)?;
            let fs = desk.findings(&case, crate::desk::today())?;
            if json.json {
                return print_json(&fs);
            }
            print_findings(&fs);
            Ok(())
        }
        ReviewCommand::Run {
            case_no,
            deduct,
            date,
            json,
        } => {
            let mut store = ctx.open_store()?;
            let user = ctx.login(&mut store)?;
            crate::desk::may_review(&user).map_err(CliError)?;
            let on = date_or_today(date.as_deref())?;
            let id = find_case(&store, &case_no)?;
            let mut desk = Desk::new(store);
            let sh = sheet(&desk)?;
            let manual = deduct
                .iter()
                .map(|d| crate::desk::parse_deduction(&sh, d).map_err(CliError))
                .collect::<Result<Vec<_>, _>>()?;
            let round = desk.review_case(id, &manual, on, &user)?;
            if json.json {
                return print_json(&round);
            }
            print_round(&round);
            Ok(())
        }
        ReviewCommand::Show { case_no, json } => {
            let store = ctx.open_store()?;
            let rounds = store.review_rounds(find_case(&store, &case_no)?)?;
            if json.json {
                return print_json(&rounds);
            }
            if rounds.is_empty() {
                println!("该案件尚未评查");
            }
            rounds.iter().for_each(print_round);
            Ok(())
        }
        ReviewCommand::Report { from, to, by, json } => {
            let desk = Desk::new(ctx.open_store()?);
            let (from, to) = (parse_date(&from)?, parse_date(&to)?);
            let lines = desk.quality_report(from, to, QualityBy::parse(&by).map_err(CliError)?)?;
            if json.json {
                return print_json(&lines);
            }
            println!("{by}  评查数  平均分  最常见扣分");
            for l in lines {
                let top: Vec<String> = l
                    .top_deductions
                    .iter()
                    .map(|(k, n)| format!("{k}×{n}"))
                    .collect();
                println!(
                    "{}  {}  {}  {}",
                    clean(&l.group),
                    l.reviewed,
                    points_text(l.average),
                    clean(&top.join("；"))
                );
            }
            Ok(())
        }
        ReviewCommand::Appraisal { from, to, json } => {
            let desk = Desk::new(ctx.open_store()?);
            let (from, to) = (parse_date(&from)?, parse_date(&to)?);
            if from > to {
                return Err(CliError(format!("起始日期 {from} 晚于结束日期 {to}")));
            }
            let lines = desk.officer_appraisal(from, to)?;
            if json.json {
                let v: Vec<_> = lines
                    .iter()
                    .map(|(u, a)| serde_json::json!({ "name": u.name, "squad": u.squad, "appraisal": a }))
                    .collect();
                return print_json(&v);
            }
            println!("中队  姓名  作出决定  已评查  平均分  否决  过错责任");
            for (u, a) in lines {
                println!(
                    "{}  {}  {}  {}  {}  {}  {}",
                    clean(&u.squad),
                    clean(&u.name),
                    a.decided,
                    a.reviewed,
                    a.average.map_or("—".into(), points_text),
                    a.vetoed,
                    a.faults
                );
            }
            Ok(())
        }
        ReviewCommand::ImportSheet { file } => {
            let mut store = ctx.open_store()?;
            let user = ctx.login_admin(&mut store)?;
            let text = super::read_text_file(&file, super::INPUT_FILE_LIMIT)?;
            let sh = Sheet::parse(&text)
                .map_err(|e| CliError(format!("评分表有误：\n{}", e.join("\n"))))?;
            store.set_setting(crate::desk::SHEET_KEY, &text, &Who::user(&user))?;
            println!(
                "已导入评分表“{}”（总分 {}）",
                sh.name,
                points_text(sh.total)
            );
            Ok(())
        }
    }
}

fn print_round(r: &review::ReviewRound) {
    let s = &r.score;
    println!(
        "第{}轮  {}  评查人 {}  得分 {}/{}  {}",
        r.round,
        r.date,
        clean(&r.reviewer_name),
        s.score_text(),
        points_text(s.total),
        s.grade
    );
    for sec in &s.sections {
        println!(
            "  {} {}分，扣 {}",
            sec.name,
            points_text(sec.points),
            points_text(sec.deducted)
        );
    }
    for v in &s.vetoes {
        println!("  否决：{}", clean(v));
    }
    for d in s.automatic.iter().chain(&s.manual) {
        let who = if d.rule.is_empty() {
            "人工".to_string()
        } else {
            d.rule.clone()
        };
        println!(
            "  -{} [{}] {}：{}",
            points_text(d.points),
            d.section,
            who,
            clean(&d.reason)
        );
    }
}

pub(crate) fn run_fault(ctx: &Context, cmd: FaultCommand) -> CliResult {
    match cmd {
        FaultCommand::Add {
            case_no,
            officers,
            category,
            finding,
            outcome,
            date,
        } => {
            let mut store = ctx.open_store()?;
            let user = ctx.login(&mut store)?;
            crate::desk::may_record_fault(&user).map_err(CliError)?;
            let case_id = find_case(&store, &case_no)?;
            let category = FaultCategory::parse(&category).ok_or_else(|| {
                CliError(format!(
                    "过错类别“{category}”不存在：请填 76–83（行政处罚法条号）或 强制61–强制64（行政强制法条号）"
                ))
            })?;
            let mut ids = Vec::new();
            for name in officers
                .split([',', '，'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                let u = store
                    .user_by_username(name)?
                    .ok_or_else(|| CliError(format!("没有登录名为“{name}”的人员")))?;
                ids.push(u.id);
            }
            // The flags' own wording; the desk checks the same again for every caller.
            if ids.is_empty() {
                return Err(CliError(
                    "请用 --officers 填写至少一名责任人员的登录名".into(),
                ));
            }
            if finding.trim().is_empty() {
                return Err(CliError("请用 --finding 写明认定的事实".into()));
            }
            let new = NewFault {
                case_id,
                officers: ids,
                category,
                finding,
                outcome,
                date: date_or_today(date.as_deref())?,
            };
            let id = Desk::new(store).add_fault(&new, &user)?;
            println!(
                "已登记过错责任 #{id}：{}（{}）",
                category.name(),
                category.article()
            );
            Ok(())
        }
        FaultCommand::Outcome { id, outcome } => {
            let mut store = ctx.open_store()?;
            let user = ctx.login(&mut store)?;
            Desk::new(store).set_fault_outcome(id, &outcome, &user)?;
            println!("已记录过错责任 #{id} 的处理结果：{}", clean(outcome.trim()));
            Ok(())
        }
        FaultCommand::List { json } => {
            let store = ctx.open_store()?;
            let faults = store.faults()?;
            if json.json {
                return print_json(&faults);
            }
            let users = store.users()?;
            for f in faults {
                let names: Vec<String> = f
                    .officers
                    .iter()
                    .filter_map(|i| users.get(i))
                    .map(|u| u.name.clone())
                    .collect();
                println!(
                    "#{} {} {} {}（{}）{}：{} → {}",
                    f.id,
                    f.date,
                    store.case_no(f.case_id)?,
                    f.category.name(),
                    f.category.article(),
                    names.join("、"),
                    clean(&f.finding),
                    if f.outcome.is_empty() {
                        "待处理".to_string()
                    } else {
                        clean(&f.outcome)
                    }
                );
            }
            Ok(())
        }
    }
}
