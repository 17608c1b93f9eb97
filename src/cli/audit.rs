//! `zhifa audit`: verify the hash chain; show the log.

use clap::Subcommand;

use super::{print_json, CliError, CliResult, Context, JsonFlag};
use crate::domain::people::User;
use crate::domain::privacy::{mask_audit_detail, mask_free_text, PERSONAL_DATA_VIEWED};
use crate::store::{attachments, AuditEntry, CaseFilter, Store, Who};
use crate::text::clean;

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
        /// 显示完整的身份证号、电话和住址（记入所涉每一案件的审计记录）；默认部分隐去
        #[arg(long)]
        full: bool,
        #[command(flatten)]
        json: JsonFlag,
    },
}

pub(crate) fn run(ctx: &Context, cmd: AuditCommand) -> CliResult {
    let mut store = ctx.open_store()?;
    match cmd {
        AuditCommand::Verify { json } => {
            let report = store.verify_audit()?;
            let mut problems = Vec::new();
            for row in store.list_cases(&CaseFilter::default())? {
                let case = store.load_case(row.id)?;
                problems.extend(attachments::verify(store.path(), &case));
            }
            if json.json {
                print_json(&serde_json::json!({ "audit": report, "attachments": problems }))?;
            } else {
                if report.first_broken.is_none() {
                    println!("审计记录完整：共 {} 条，哈希链校验通过", report.entries);
                }
                for p in &problems {
                    eprintln!(
                        "附件问题：案件 #{} {}：{}",
                        p.case_id,
                        clean(&p.file),
                        p.problem
                    );
                }
            }
            match report.first_broken {
                Some((_, reason)) => Err(CliError(format!(
                    "审计记录被改动：{reason}。请用备份核对，并查明改动来源"
                ))),
                None if !problems.is_empty() => Err(CliError(format!(
                    "有 {} 个证据附件缺失或被改动",
                    problems.len()
                ))),
                None => Ok(()),
            }
        }
        AuditCommand::Log {
            case_no,
            limit,
            full,
            json,
        } => {
            // The log quotes every party's details: only for a logged-in user.
            let viewer = ctx.login(&mut store)?;
            let mut entries = match case_no {
                Some(no) => {
                    let id = store
                        .find_case(&no)?
                        .ok_or_else(|| CliError(format!("找不到案件：{no}")))?;
                    store.case_audit(id)?
                }
                None => store.recent_audit(limit)?,
            };
            if full {
                record_full_view(&mut store, &viewer, &entries)?;
            } else {
                for e in &mut entries {
                    e.summary = mask_free_text(&e.summary);
                    e.detail = mask_audit_detail(&e.detail);
                }
            }
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

/// A full view of the log is recorded once in the trail of each case it shows, where a
/// reviewer of that case looks for who saw its parties' data (entries of no case carry
/// staff and settings, not parties).
fn record_full_view(store: &mut Store, viewer: &User, entries: &[AuditEntry]) -> CliResult {
    let cases: std::collections::BTreeSet<i64> = entries.iter().filter_map(|e| e.case_id).collect();
    for id in cases {
        store.record_access(id, &Who::user(viewer), PERSONAL_DATA_VIEWED)?;
    }
    Ok(())
}
