//! `zhifa audit`: verify the hash chain; show the log.

use clap::Subcommand;

use super::{print_json, CliError, CliResult, Context, JsonFlag};
use crate::domain::people::User;
use crate::domain::privacy::{mask_audit_detail, mask_free_text, PERSONAL_DATA_VIEWED};
use crate::store::{attachments, AuditEntry, Store, Who};
use crate::text::clean;

#[derive(Debug, Subcommand)]
pub(crate) enum AuditCommand {
    /// 校验审计记录的哈希链，指出第一条被改动的记录
    Verify {
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 显示审计链的链头（最新一条的编号、哈希和时间），供抄在纸上或报送县级核对
    Head {
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
            let integrity = store.integrity()?;
            let mut problems = Vec::new();
            let mut unreadable = Vec::new();
            store.for_each_case(|_, loaded| match loaded {
                Ok(case) => problems.extend(attachments::verify(store.path(), &case)),
                Err(e) => unreadable.push(e),
            })?;
            let report = &integrity.chain;
            if json.json {
                print_json(&serde_json::json!({
                    "audit": report,
                    "records": integrity.records,
                    "unreadable_cases": unreadable,
                    "attachments": problems,
                }))?;
            } else {
                if report.first_broken.is_none() {
                    println!("审计记录完整：共 {} 条，哈希链校验通过", report.entries);
                }
                println!("{}", clean(&report.witness));
                for (_, why) in &report.problems {
                    eprintln!("审计链问题：{}", clean(why));
                }
                for f in &integrity.records {
                    eprintln!("记录与审计记录不符：{}", clean(&f.text));
                }
                for e in &unreadable {
                    eprintln!("{}", clean(e));
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
            if let Some((_, reason)) = &report.first_broken {
                return Err(CliError(format!(
                    "审计记录被改动：{reason}。请用备份和记下的链头核对，并查明改动来源"
                )));
            }
            if let Some(f) = integrity.records.first() {
                return Err(CliError(format!(
                    "有 {} 处记录与审计记录不符，第一处：{}",
                    integrity.records.len(),
                    f.text
                )));
            }
            if !unreadable.is_empty() {
                return Err(CliError(format!(
                    "有 {} 件案件的数据无法解析",
                    unreadable.len()
                )));
            }
            if !problems.is_empty() {
                return Err(CliError(format!(
                    "有 {} 个证据附件缺失或被改动",
                    problems.len()
                )));
            }
            Ok(())
        }
        AuditCommand::Head { json } => {
            let head = store
                .audit_head()?
                .ok_or_else(|| CliError("审计记录为空，还没有链头".into()))?;
            let agency = store.agency()?;
            if json.json {
                return print_json(&serde_json::json!({
                    "agency": agency.full_name,
                    "entries": head.entries,
                    "hash": head.hash,
                    "at": head.at,
                }));
            }
            println!("机关：{}", clean(&agency.full_name));
            println!("审计记录：共 {} 条", head.entries);
            println!("最新一条时间：{}", head.at);
            println!("链头哈希：{}", head.hash);
            println!("请抄在纸上或报送县级留存；日后可用 zhifa audit verify 对照此链头核对");
            Ok(())
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
