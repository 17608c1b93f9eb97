//! `zhifa patrol`: the inspection log (日常巡查、检查记录), not tied to a case.

use clap::Subcommand;

use super::{print_json, CliError, CliResult, Context, JsonFlag};
use crate::desk::{Desk, NewPatrol};
use crate::domain::chinese::parse_date;
use crate::domain::patrol;
use crate::domain::text;
use crate::text::clean;

#[derive(Debug, Subcommand)]
pub(crate) enum PatrolCommand {
    /// 登记一次巡查：成果用 --outcome 成果=数量（可多次），如 --outcome 收缴违规用品=3
    Add {
        #[arg(long)]
        date: String,
        #[arg(long)]
        place: String,
        /// 参加人员登录名，逗号分隔（默认只有本人）
        #[arg(long)]
        officers: Option<String>,
        #[arg(long = "outcome")]
        outcomes: Vec<String>,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// 列出某期间的巡查记录
    List {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 某期间的巡查汇总一句话：共开展检查N次，收缴违规用品N件……
    Summary {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[command(flatten)]
        json: JsonFlag,
    },
}

pub(crate) fn run(ctx: &Context, cmd: PatrolCommand) -> CliResult {
    match cmd {
        PatrolCommand::Add {
            date,
            place,
            officers,
            outcomes,
            note,
        } => {
            let mut store = ctx.open_store()?;
            let user = ctx.login(&mut store)?;
            let date = parse_date(&date)?;
            if date > crate::desk::today() {
                return Err(CliError(format!("巡查日期 {date} 晚于今天，请核对")));
            }
            // The flag's own wording; the desk checks the same for every caller.
            if place.trim().is_empty() {
                return Err(CliError("请用 --place 填写巡查地点".into()));
            }
            text::checked("巡查地点", &place, text::PLACE)?;
            text::optional("备注", &note, text::NOTE)?;
            let mut ids = Vec::new();
            for name in officers
                .iter()
                .flat_map(|s| s.split([',', '，']))
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                let u = store
                    .user_by_username(name)?
                    .ok_or_else(|| CliError(format!("没有登录名为“{name}”的人员")))?;
                ids.push(u.id);
            }
            let mut map = std::collections::BTreeMap::new();
            for o in &outcomes {
                let (k, n) = patrol::parse_outcome(o).map_err(CliError)?;
                *map.entry(k).or_insert(0) += n;
            }
            let new = NewPatrol {
                date,
                place,
                officers: ids,
                outcomes: map,
                note,
            };
            let id = Desk::new(store).add_patrol(&new, &user, crate::desk::today())?;
            let p = &new;
            println!("已登记巡查 #{id}：{} {}", p.date, clean(p.place.trim()));
            Ok(())
        }
        PatrolCommand::List { from, to, json } => {
            let store = ctx.open_store()?;
            let ps = store.patrols_between(parse_date(&from)?, parse_date(&to)?)?;
            if json.json {
                return print_json(&ps);
            }
            for p in ps {
                let outs: Vec<String> = p
                    .outcomes
                    .iter()
                    .map(|(o, n)| format!("{}{n}{}", o.name(), o.unit()))
                    .collect();
                println!(
                    "#{} {} {} {} {}",
                    p.id,
                    p.date,
                    clean(&p.squad),
                    clean(&p.place),
                    outs.join("，")
                );
            }
            Ok(())
        }
        PatrolCommand::Summary { from, to, json } => {
            // The records' tallies (inspections, cases) with the hand-typed log's.
            let desk = crate::desk::Desk::new(ctx.open_store()?);
            let t = desk.patrol_tally(parse_date(&from)?, parse_date(&to)?)?;
            if json.json {
                return print_json(
                    &serde_json::json!({ "tally": t, "summary": patrol::summary(&t) }),
                );
            }
            println!("{}", patrol::summary(&t));
            Ok(())
        }
    }
}
