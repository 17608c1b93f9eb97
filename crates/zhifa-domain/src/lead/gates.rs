//! The rules a lead's steps must pass: one named function per rule, citing its source. Where
//! the statute is silent and the number or practice is the agency's (legal-rules.md tags it
//! M), the message says so and the value comes from the settings. The two-officer rule is the
//! case's own (`case::gates::two_certified_officers`, `each_person_once`), not a copy.

use chrono::NaiveDate;

use super::deadlines::verification_due;
use super::model::Lead;
use crate::calendar::Calendar;
use crate::case::model::Attachment;
use crate::case::rule::{RuleError, RuleResult};
use crate::people::User;
use crate::procedure_settings::ProcedureSettings;
use crate::text::{self, CODE, NOTE, PLACE, TITLE};

/// 行政处罚法第五十四条: the facts are investigated fully, objectively and fairly before
/// a lead goes anywhere, so every outcome needs the verification's findings on record.
pub fn findings_recorded(lead: &Lead) -> RuleResult {
    if lead.findings_on().is_some() {
        Ok(())
    } else {
        Err(RuleError::new(
            "行政处罚法第五十四条",
            "线索尚未登记核查情况：请先由核查人员登记核查情况，再决定立案、不予立案、移送、并案或告知",
        ))
    }
}

/// 行政处罚法第五十四条 and 第七十六条: a lead goes one way only, and the 评查 panel asks
/// where; a lead already decided (立案 among them) is not decided again.
pub fn one_outcome(lead: &Lead) -> RuleResult {
    match &lead.decision {
        None => Ok(()),
        Some(d) => {
            let detail = match &d.outcome {
                super::model::LeadOutcome::Filed {
                    case_id,
                    case_number,
                }
                | super::model::LeadOutcome::Merged {
                    case_id,
                    case_number,
                } if case_number.is_empty() => format!("（案件 #{case_id}）"),
                super::model::LeadOutcome::Filed { case_number, .. }
                | super::model::LeadOutcome::Merged { case_number, .. } => {
                    format!("（案件 {case_number}）")
                }
                _ => String::new(),
            };
            Err(RuleError::new(
                "行政处罚法第五十四条",
                format!(
                    "该线索已于 {} {}{detail}，一条线索只有一个处理结果，不能再次处理",
                    d.date,
                    d.outcome.kind().name()
                ),
            ))
        }
    }
}

/// Separation of duties, as for cases: the 负责人 who approves 不予立案 or 移送 did not
/// verify the lead.
pub fn approver_not_verifier(lead: &Lead, actor: &User) -> RuleResult {
    if lead.officers().contains(&actor.id) {
        Err(RuleError::role(
            "审查与调查分离",
            format!("{} 是该线索的核查人员，不能审批该线索的处理", actor.name),
        ))
    } else {
        Ok(())
    }
}

/// The findings are the verifying officers' own record (行政处罚法第五十五条: the
/// officers who inspect record what they found).
pub fn verifier_records(lead: &Lead, actor: &User) -> RuleResult {
    if lead.officers().contains(&actor.id) {
        Ok(())
    } else {
        Err(RuleError::role(
            "行政处罚法第五十五条",
            format!(
                "{} 不是该线索的核查人员，核查情况由分派的核查人员登记",
                actor.name
            ),
        ))
    }
}

/// The verification period is extended once at most (M: the number of extensions is the
/// agency's practice; the statute says only "及时立案", 行政处罚法第五十四条).
pub fn extension_once(lead: &Lead) -> RuleResult {
    match &lead.extension {
        None => Ok(()),
        Some(e) => Err(RuleError::new(
            "行政处罚法第五十四条",
            format!(
                "核查期限已于 {} 延长过一次，只能延长一次（本机关设置）；请尽快作出处理",
                e.date
            ),
        )),
    }
}

/// An extension is approved before the period runs out: a lead already overdue is a lead
/// not handled promptly (行政处罚法第五十四条, 第七十六条), which an extension after the
/// fact would hide.
pub fn extension_before_due(
    lead: &Lead,
    date: NaiveDate,
    settings: &ProcedureSettings,
    calendar: &Calendar,
) -> RuleResult {
    let due = verification_due(lead, settings, calendar)?;
    if date <= due {
        Ok(())
    } else {
        Err(RuleError::new(
            "行政处罚法第七十六条",
            format!(
                "核查期限已于 {due} 届满，不能在届满后（{date}）批准延长；逾期未处理的线索须说明原因并尽快处理"
            ),
        ))
    }
}

/// 行政处罚法第二十七条: a suspected crime goes to the judicial organs; a matter of another
/// department (outside the township's published catalog, 第二十四条) goes to that
/// department. Either way the 移送函 names the receiver and the reason. The 《行政执法机关
/// 移送涉嫌犯罪案件的规定》's details (approval within 3 days, the list of enclosures) are
/// not in the shipped law texts: M.
pub fn transfer_stated(to: &str, judicial: bool, reason: &str) -> RuleResult {
    let rule = if judicial {
        "行政处罚法第二十七条"
    } else {
        "行政处罚法第二十四条"
    };
    let receiver = if judicial {
        "接收的司法机关"
    } else {
        "有权处理的部门"
    };
    if text::optional("移送机关", to, TITLE)?.is_empty() {
        return Err(RuleError::new(
            rule,
            format!("移送须写明{receiver}，移送函以它为抬头"),
        ));
    }
    if text::optional("移送理由", reason, NOTE)?.is_empty() {
        let why = if judicial {
            "涉嫌犯罪的事实"
        } else {
            "不属本机关管辖的理由"
        };
        return Err(RuleError::new(rule, format!("移送须写明{why}")));
    }
    Ok(())
}

/// 立案 and 并案 name the case by its id, so the case finds the lead and the lead the case;
/// the case number goes with it once there is one (a case gets its number when the filing is
/// approved, after the lead is recorded as filed).
pub fn case_named(case_id: i64, case_number: &str) -> RuleResult {
    if case_id <= 0 {
        return Err(RuleError::input("请指明案件（案件编号无效）"));
    }
    text::optional("案号", case_number, CODE)?;
    Ok(())
}

/// A reply goes to a named reporter; an anonymous one has no one to answer.
pub fn reporter_to_answer(lead: &Lead) -> RuleResult {
    if lead.reporter.is_named() {
        Ok(())
    } else {
        Err(RuleError::input(
            "该线索为匿名举报或无举报人，无需答复举报人",
        ))
    }
}

/// A step's date lies between the record it follows (`earliest`) and today.
pub fn dated(what: &str, date: NaiveDate, earliest: NaiveDate, today: NaiveDate) -> RuleResult {
    if date > today {
        Err(RuleError::input(format!(
            "{what} {date} 晚于今天（{today}），请核对"
        )))
    } else if date < earliest {
        Err(RuleError::input(format!(
            "{what} {date} 早于前一环节的日期 {earliest}，请核对"
        )))
    } else {
        Ok(())
    }
}

/// Attachment names are plain one-line names that cannot lead out of the lead's folder.
pub fn attachment_names(attachments: &[Attachment]) -> RuleResult {
    for a in attachments {
        text::checked("附件文件名", &a.file_name, PLACE)?;
        text::no_path("附件文件名", &a.file_name)?;
    }
    Ok(())
}
