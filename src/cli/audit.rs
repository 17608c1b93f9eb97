//! `zhifa audit`: verify the hash chain; show the log.

use clap::Subcommand;

use super::text::clean;
use super::{print_json, CliError, CliResult, Context, JsonFlag};

#[derive(Debug, Subcommand)]
pub(crate) enum AuditCommand {
    /// 校验审计记录的哈希链，指出第一条被改动的记录
    Verify {
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 查看审计记录（全部或某一案件）
    Log {
        /// 案号（任一文书编号形式）、2026-12 或 #编号
        #[arg(long = "case")]
        case_no: Option<String>,
        /// 最多显示多少条（全部记录时）
        #[arg(long, default_value_t = 50)]
        limit: u32,
        #[command(flatten)]
        json: JsonFlag,
    },
}

pub(crate) fn run(ctx: &Context, cmd: AuditCommand) -> CliResult {
    let store = ctx.open_store()?;
    match cmd {
        AuditCommand::Verify { json } => {
            let report = store.verify_audit()?;
            if json.json {
                print_json(&report)?;
            } else if report.first_broken.is_none() {
                println!("审计记录完整：共 {} 条，哈希链校验通过", report.entries);
            }
            match report.first_broken {
                None => Ok(()),
                Some((_, reason)) => Err(CliError(format!(
                    "审计记录被改动：{reason}。请用备份核对，并查明改动来源"
                ))),
            }
        }
        AuditCommand::Log {
            case_no,
            limit,
            json,
        } => {
            let entries = match case_no {
                Some(no) => {
                    let id = store
                        .find_case(&no)?
                        .ok_or_else(|| CliError(format!("找不到案件：{no}")))?;
                    store.case_audit(id)?
                }
                None => store.recent_audit(limit)?,
            };
            if json.json {
                return print_json(&entries);
            }
            for e in &entries {
                println!(
                    "{}  {}  {}  {}",
                    e.at,
                    clean(&e.user_name),
                    e.action,
                    clean(&e.summary)
                );
            }
            Ok(())
        }
    }
}
