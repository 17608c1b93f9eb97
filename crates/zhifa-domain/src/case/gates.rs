//! The legal gates: one named function per rule, each citing its provision. The workflow
//! calls them; tests exercise each one passing and refusing.

use chrono::NaiveDate;

use super::model::{
    Case, CashGround, Mitigation, Procedure, Seizure, ServedDoc, ServiceMethod, Stage,
};
use super::party::Party;
use super::penalty;
use super::rule::{RuleError, RuleResult};
use crate::calendar::Calendar;
use crate::catalog::{PartyType, PenaltyKind, TierName};
use crate::money::Fen;
use crate::people::{Role, User};
use crate::procedure_settings::ProcedureSettings;

mod catalog_rules;
mod correction_order;
mod duty;
mod hearing_panel;
mod on_spot;
pub use catalog_rules::{
    act_within_catalog_texts, coercive_measure_granted, correction_ordered, duty_order_provided,
    mandatory_measures_included, one_fine_per_act, township_may_decide, PriorFine,
};
pub use correction_order::{
    correction_deadline_after_issue, correction_followed_up, correction_order_issued,
    correction_ordered_on,
};
pub use duty::{
    duty_settled, goods_held_unlawfully, goods_movement_approved, goods_origin_recorded,
    goods_settled,
};
pub use hearing_panel::{
    hearing_panel_apart, hearing_public_or_reason, hearing_recorded, hearing_time_given,
};
pub use on_spot::on_spot_decision_filed;

/// 行政处罚法 Art 24: a township may punish only within its published catalog; the power
/// must be in effect on the date of the act.
pub fn power_held_on(found: bool, code: &str, act_date: NaiveDate) -> RuleResult {
    if found {
        Ok(())
    } else {
        Err(RuleError::new(
            "行政处罚法第二十四条",
            format!("权限清单中没有在 {act_date} 有效的事项 {code}，本机关无权立案查处；请核对事项编码或违法行为发生日期"),
        ))
    }
}

/// 行政处罚法 Art 41: records of electronic monitoring devices are used only after review
/// for being true, clear, complete and accurate.
pub fn electronic_monitor_reviewed(e: &super::model::Evidence) -> RuleResult {
    if e.electronic_monitor && !e.monitor_reviewed {
        Err(RuleError::new(
            "行政处罚法第四十一条",
            "电子技术监控设备记录的违法事实须经审核确认后方可作为证据",
        ))
    } else {
        Ok(())
    }
}

/// 行政处罚法 Art 42: at least two officers holding 行政执法证, valid on `date`.
pub fn two_certified_officers(officers: &[&User], date: NaiveDate) -> RuleResult {
    let certified = officers.iter().filter(|u| u.certified_on(date)).count();
    if certified >= 2 {
        return Ok(());
    }
    let uncertified: Vec<&str> = officers
        .iter()
        .filter(|u| !u.certified_on(date))
        .map(|u| u.name.as_str())
        .collect();
    let extra = if uncertified.is_empty() {
        String::new()
    } else {
        format!(
            "（{} 无有效执法证，只能作为协助人员）",
            uncertified.join("、")
        )
    };
    Err(RuleError::new(
        "行政处罚法第四十二条",
        format!("需两名持证执法人员，现只有 {certified} 名{extra}"),
    ))
}

/// 行政处罚法 Art 36: no penalty if the act was not discovered within 2 years (5 years where
/// citizens' life, health or financial safety was involved and harm resulted), counted from
/// the act or, for a continuing act, from its end.
pub fn limitation_not_expired(
    act_date: NaiveDate,
    act_end: Option<NaiveDate>,
    discovered: NaiveDate,
    grave_harm: bool,
) -> RuleResult {
    let start = act_end.unwrap_or(act_date);
    let years = if grave_harm { 5 } else { 2 };
    let limit = start
        .checked_add_months(chrono::Months::new(12 * years))
        .unwrap_or(NaiveDate::MAX);
    if discovered <= limit {
        Ok(())
    } else {
        Err(RuleError::new(
            "行政处罚法第三十六条",
            format!(
                "违法行为自 {start} 起至发现之日 {discovered} 已超过 {years} 年，不再给予行政处罚，不能立案"
            ),
        ))
    }
}

/// Basic date sanity for a new case: act ≤ act end ≤ discovery ≤ today.
pub fn case_dates_in_order(
    act_date: NaiveDate,
    act_end: Option<NaiveDate>,
    discovered: NaiveDate,
    today: NaiveDate,
) -> RuleResult {
    if let Some(end) = act_end {
        if end < act_date {
            return Err(RuleError::input(format!(
                "行为终了日期 {end} 早于行为发生日期 {act_date}，请核对"
            )));
        }
    }
    let last_act = act_end.unwrap_or(act_date);
    if discovered < act_date {
        return Err(RuleError::input(format!(
            "发现日期 {discovered} 早于违法行为发生日期 {act_date}，请核对"
        )));
    }
    if last_act > today || discovered > today {
        return Err(RuleError::input("违法行为日期和发现日期不能晚于今天"));
    }
    Ok(())
}

/// A dated act may not be in the future.
pub fn not_in_future(date: NaiveDate, today: NaiveDate, what: &str) -> RuleResult {
    if date > today {
        Err(RuleError::input(format!(
            "{what}日期 {date} 晚于今天，请核对"
        )))
    } else {
        Ok(())
    }
}

/// No 程序倒置: an investigative act must not precede filing (行政处罚法 Art 54; 评查
/// veto item "先调查后立案").
pub fn not_before_filing(case: &Case, date: NaiveDate, what: &str) -> RuleResult {
    match case.filed_on() {
        Some(filed) if date >= filed => Ok(()),
        Some(filed) => Err(RuleError::new(
            "行政处罚法第五十四条",
            format!("{what}日期 {date} 早于立案日期 {filed}，属程序倒置；请核对日期"),
        )),
        None => Err(RuleError::new(
            "行政处罚法第五十四条",
            format!("案件尚未批准立案，不能{what}"),
        )),
    }
}

/// The actor holds `role`.
pub fn has_role(actor: &User, role: Role) -> RuleResult {
    if actor.has(role) {
        Ok(())
    } else {
        Err(RuleError::role(
            "岗位权限",
            format!("{} 不是{}，无权进行此操作", actor.name, role.name()),
        ))
    }
}

/// Separation of duties: a handler never approves, reviews or decides their own case.
pub fn not_own_case(case: &Case, actor: &User) -> RuleResult {
    if case.handlers.contains(&actor.id) || case.assistants.contains(&actor.id) {
        Err(RuleError::role(
            "审查与调查分离",
            format!("{} 是本案承办人员，不能审批、审核或决定本案", actor.name),
        ))
    } else {
        Ok(())
    }
}

/// 行政处罚法 Art 42: "不得少于两人" counts people, so a person listed twice is one officer,
/// and nobody is both 承办人 and 协助人员 of a case. Every list of people in every step goes
/// through here (`what` names the list, e.g. 取证人员).
pub fn each_person_once(people: &[&User], what: &str) -> RuleResult {
    let mut seen = std::collections::BTreeSet::new();
    match people.iter().find(|u| !seen.insert(u.id)) {
        None => Ok(()),
        Some(u) => Err(RuleError::new(
            "行政处罚法第四十二条",
            format!(
                "{what}中 {}（{}）填写了不止一次；同一人只算一人，请删去重复的一项",
                u.name, u.username
            ),
        )),
    }
}

/// The 中队长审核 is by a squad leader of the case's own squad (the lead handler's). Only
/// where every leader of that squad handles the case himself may another squad's leader
/// review it; a case with no squad may be reviewed by any squad leader.
pub fn own_squad_leader(
    case: &Case,
    actor: &User,
    users: &std::collections::BTreeMap<i64, User>,
) -> RuleResult {
    let squad = case
        .handlers
        .first()
        .and_then(|h| users.get(h))
        .map(|u| u.squad.as_str())
        .unwrap_or("");
    if squad.is_empty() || actor.squad == squad {
        return Ok(());
    }
    let own_leader_free = users.values().any(|u| {
        u.has(Role::SquadLeader)
            && u.squad == squad
            && !case.handlers.contains(&u.id)
            && !case.assistants.contains(&u.id)
    });
    if own_leader_free {
        Err(RuleError::new(
            "审核审批制度",
            format!(
                "本案属{squad}，应由{squad}中队长审核；{} 是{}的中队长",
                actor.name,
                if actor.squad.is_empty() {
                    "未分中队".to_string()
                } else {
                    actor.squad.clone()
                }
            ),
        ))
    } else {
        Ok(())
    }
}

/// 行政处罚法 Art 57 para 2: the 集体讨论记录 names who kept it — a member of staff, not the
/// chair — and records every attendee's opinion (one per attendee, in their order).
pub fn discussion_recorded(
    chair: &User,
    recorder: Option<&User>,
    attendees: usize,
    opinions: &[String],
) -> RuleResult {
    let rule = "行政处罚法第五十七条第二款";
    let recorder = recorder.ok_or_else(|| {
        RuleError::new(rule, "请填写集体讨论的记录人（本机关工作人员，非主持人）")
    })?;
    if recorder.id == chair.id {
        return Err(RuleError::new(
            rule,
            format!("{} 主持讨论，不能同时记录；请另选记录人", chair.name),
        ));
    }
    let given = opinions.iter().filter(|o| !o.trim().is_empty()).count();
    if opinions.len() != attendees || given != attendees {
        return Err(RuleError::new(
            rule,
            format!(
                "集体讨论须记录每位参加人员的意见：参加 {attendees} 人，填写了 {given} 条意见；请按参加人员的顺序每人填写一条"
            ),
        ));
    }
    Ok(())
}

/// 行政处罚法 Art 57 para 2: the heads decide by 集体讨论, so a discussion needs at least two
/// heads, at least `min_members` members in all (a procedure setting, default 3) and a head
/// presiding who attends it.
pub fn discussion_quorum(
    chair: &User,
    attendees: &[&User],
    settings: &ProcedureSettings,
) -> RuleResult {
    let rule = "行政处罚法第五十七条第二款";
    each_person_once(attendees, "集体讨论参加人员").map_err(|e| RuleError::new(rule, e.message))?;
    if !chair.has(Role::Head) || !attendees.iter().any(|u| u.id == chair.id) {
        return Err(RuleError::new(
            rule,
            format!(
                "集体讨论由参加讨论的负责人主持；{} 不是参加讨论的负责人",
                chair.name
            ),
        ));
    }
    if attendees.iter().filter(|u| u.has(Role::Head)).count() < 2 {
        return Err(RuleError::new(rule, "集体讨论须有两名以上机关负责人参加"));
    }
    let min = settings.discussion_min_members;
    if (attendees.len() as u32) < min {
        return Err(RuleError::new(
            rule,
            format!(
                "集体讨论须至少 {min} 人参加（本机关设置），现只有 {} 人",
                attendees.len()
            ),
        ));
    }
    Ok(())
}

/// Separation of duties between the approving levels of one case: whoever took a step of one
/// level (中队长审核, 法制审核, 负责人审批) takes no step of another level of the same case.
/// `held` is the level the actor already holds on this case, if any. The legal review is
/// independent of the decision (行政处罚法 Art 58: review by the reviewing staff *before* the
/// head decides), so a conflict involving it cites Art 58.
pub fn one_approving_level(actor: &User, wanted: &str, held: Option<&str>) -> RuleResult {
    match held {
        Some(level) if level != wanted => Err(RuleError::role(
            if level == "法制审核" || wanted == "法制审核" {
                "行政处罚法第五十八条"
            } else {
                "审核审批分离"
            },
            format!(
                "{} 已在本案中担任“{level}”，不能再进行“{wanted}”；同一案件的各级审核审批须由不同的人进行",
                actor.name
            ),
        )),
        _ => Ok(()),
    }
}

/// Only the case's own handlers record its investigation.
pub fn is_handler(case: &Case, actor: &User) -> RuleResult {
    if case.handlers.contains(&actor.id) {
        Ok(())
    } else {
        Err(RuleError::role(
            "岗位权限",
            format!("{} 不是本案承办人，不能进行此操作", actor.name),
        ))
    }
}

/// An archived case changes for nobody.
pub fn not_archived(case: &Case) -> RuleResult {
    if case.is_read_only() {
        Err(RuleError::new("案卷管理", "案件已归档，任何人不得修改"))
    } else {
        Ok(())
    }
}

pub fn at_stage(case: &Case, allowed: &[Stage], what: &str) -> RuleResult {
    if allowed.contains(&case.stage) {
        Ok(())
    } else {
        let names: Vec<&str> = allowed.iter().map(|s| s.name()).collect();
        Err(RuleError::stage(format!(
            "案件处于“{}”阶段，不能{what}（仅限：{}）",
            case.stage.name(),
            names.join("、")
        )))
    }
}

/// 行政强制法 Art 25: seizure ≤ 30 days; one extension ≤ 30 days.
pub fn seizure_period(days: u32, extended: u32, extension: u32) -> RuleResult {
    if days == 0 || days > 30 {
        return Err(RuleError::new(
            "行政强制法第二十五条",
            format!("查封、扣押期限不得超过三十日（填写了 {days} 日）"),
        ));
    }
    if extended > 0 && extension > 0 {
        return Err(RuleError::new(
            "行政强制法第二十五条",
            "查封、扣押期限只能延长一次",
        ));
    }
    if extension > 30 {
        return Err(RuleError::new(
            "行政强制法第二十五条",
            format!("延长期限不得超过三十日（填写了 {extension} 日）"),
        ));
    }
    Ok(())
}

/// 行政强制法 Art 25 paras 1, 3: the last day of a seizure — its days, its extension and the
/// declared testing or appraisal days, counted from the day it began.
pub fn seizure_period_end(s: &Seizure, cal: &Calendar) -> RuleResult<NaiveDate> {
    cal.days_period_end(s.date, s.days + s.extended_days + s.excluded_days)
        .map_err(RuleError::from)
}

/// 行政强制法 Art 25 para 1: an extension is approved while the seizure still runs; once it
/// has expired the only lawful step is to release it (Art 28 para 1 item 4).
pub fn seizure_extended_before_expiry(s: &Seizure, on: NaiveDate, cal: &Calendar) -> RuleResult {
    let end = seizure_period_end(s, cal)?;
    if on > end {
        Err(RuleError::new(
            "行政强制法第二十五条第一款",
            format!(
                "查封、扣押期限已于 {end} 届满，不能再延长；期限届满应当及时解除查封、扣押（行政强制法第二十八条第一款第四项）"
            ),
        ))
    } else {
        Ok(())
    }
}

/// 行政强制法 Art 25 para 1: a seizure is extended once; a case whose every open seizure
/// has been extended has nothing left to extend.
pub fn seizure_extendable(case: &Case) -> RuleResult {
    let open: Vec<&Seizure> = case
        .seizures
        .iter()
        .filter(|s| s.released_on.is_none())
        .collect();
    if open.is_empty() {
        Err(RuleError::input("没有未解除的查封扣押"))
    } else if open.iter().all(|s| s.extended_days > 0) {
        Err(RuleError::new(
            "行政强制法第二十五条第一款",
            "查封、扣押期限只能延长一次，本案未解除的查封扣押均已延长",
        ))
    } else {
        Ok(())
    }
}

/// 行政处罚法 Art 58 para 2: a first-time legal reviewer holds the national legal
/// professional qualification (the flag on the user).
pub fn legal_reviewer_qualified(actor: &User) -> RuleResult {
    if actor.legal_qualified {
        Ok(())
    } else {
        Err(RuleError::new(
            "行政处罚法第五十八条第二款",
            format!("{} 未登记取得法律职业资格，不能进行法制审核", actor.name),
        ))
    }
}

/// 行政处罚法 Art 58, 64(4): the legal review is independent of the hearing it re-examines,
/// so (unless the agency's setting allows it) the person who presides over the case's
/// hearing does not review it, nor does its reviewer preside. `person` is about to take
/// the step `wanted` ("法制审核" or "主持听证").
pub fn review_apart_from_hearing(
    case: &Case,
    person: &User,
    wanted: &str,
    settings: &ProcedureSettings,
) -> RuleResult {
    if settings.legal_reviewer_may_preside_hearing {
        return Ok(());
    }
    let presides = case.hearing.as_ref().and_then(|h| h.presiding) == Some(person.id);
    let reviewed = case.legal_reviews.iter().any(|r| r.by == person.id);
    let held = match wanted {
        "法制审核" if presides => "本案听证主持人",
        "主持听证" if reviewed => "本案法制审核人员",
        _ => return Ok(()),
    };
    Err(RuleError::new(
        "行政处罚法第五十八条",
        format!(
            "{} 是{held}，不能再{wanted}：法制审核须独立于听证（本机关设置“听证主持人不得兼任法制审核”，管理员可在程序设置中修改）",
            person.name
        ),
    ))
}

/// 行政处罚法 Art 58: where required, a passed legal review must exist before the decision.
pub fn legal_review_passed(case: &Case) -> RuleResult {
    if !penalty::legal_review_required(case) {
        return Ok(());
    }
    match case.legal_reviews.last() {
        Some(r) if r.agree => Ok(()),
        Some(_) => Err(RuleError::new(
            "行政处罚法第五十八条",
            "法制审核未通过，不得作出决定；请补正后重新提交法制审核",
        )),
        None => Err(RuleError::new(
            "行政处罚法第五十八条",
            "本案须经法制审核，尚无法制审核意见",
        )),
    }
}

/// 行政处罚法 Art 57 para 2: complex or major cases are decided by collective discussion.
pub fn collective_discussion_held(case: &Case) -> RuleResult {
    let needed = case.proposal.as_ref().is_some_and(|p| p.complex_or_major);
    if !needed || !case.discussions.is_empty() {
        Ok(())
    } else {
        Err(RuleError::new(
            "行政处罚法第五十七条第二款",
            "情节复杂或重大违法行为须经负责人集体讨论决定，尚无集体讨论记录",
        ))
    }
}

/// 行政处罚法 Art 44, 62: no penalty decision without the prior notice having been served.
pub fn notice_served(case: &Case) -> RuleResult {
    notice_served_by(case, None)
}

/// 行政处罚法 Art 44, 62: the prior notice was made and served on or before `decided` (the
/// decision's date, when there is one). A decision on the very day of service is lawful
/// where the party expressly waived (Art 62; the statement period is [`party_heard`]'s
/// question). The decision step and review rule R08 both ask this one rule.
pub fn notice_served_by(case: &Case, decided: Option<NaiveDate>) -> RuleResult {
    if case.notice.is_none() {
        return Err(RuleError::new(
            "行政处罚法第四十四条、第六十二条",
            "尚未制发行政处罚事先告知书，不得作出处罚决定",
        ));
    }
    let Some(served) = case.served(ServedDoc::Notice) else {
        return Err(RuleError::new(
            "行政处罚法第六十二条",
            "事先告知书尚未送达当事人，不得作出处罚决定",
        ));
    };
    match decided {
        Some(d) if d < served.served_on => Err(RuleError::new(
            "行政处罚法第六十二条",
            format!(
                "事先告知书 {} 才送达，晚于决定日期 {d}；决定须在告知送达之后作出",
                served.served_on
            ),
        )),
        _ => Ok(()),
    }
}

/// Last day of the statement/defence period after the notice was served.
pub fn statement_period_end(
    case: &Case,
    cal: &Calendar,
    settings: &ProcedureSettings,
) -> RuleResult<Option<NaiveDate>> {
    let Some(served) = case.served(ServedDoc::Notice) else {
        return Ok(None);
    };
    let wd = settings.statement_period_working_days.max(
        if case.notice.as_ref().is_some_and(|n| n.hearing_right) {
            5
        } else {
            0
        },
    );
    cal.add_working_days(served.served_on, wd)
        .map(Some)
        .map_err(RuleError::from)
}

/// 行政处罚法 Art 62, 45, 64: decide only after the party was heard — the statement period
/// has run (or the party expressly waived), every statement was re-examined, and a
/// requested hearing was held (or the party failed to appear).
pub fn party_heard(
    case: &Case,
    date: NaiveDate,
    cal: &Calendar,
    settings: &ProcedureSettings,
) -> RuleResult {
    if let Some(h) = &case.hearing {
        if h.held_on.is_none() && !h.party_absent {
            return Err(RuleError::new(
                "行政处罚法第六十三条、第六十四条",
                "当事人已要求听证，听证尚未举行，不得作出决定",
            ));
        }
    }
    if case.waived_on.is_none() {
        if let Some(end) = statement_period_end(case, cal, settings)? {
            if date <= end {
                return Err(RuleError::new(
                    "行政处罚法第六十二条",
                    format!("陈述、申辩（听证申请）期限至 {end} 届满，期满后方可决定；当事人明确放弃的请先登记放弃"),
                ));
            }
        }
    }
    Ok(())
}

/// 行政处罚法 Art 45, 65: after a hearing the decision is made on its record, so the points
/// the party raised there are re-examined (复核, recorded as a statement dated on or after
/// the hearing) before deciding, and the decision answers them.
pub fn hearing_answered(case: &Case) -> RuleResult {
    let held = case.hearing.as_ref().and_then(|h| h.held_on);
    if held.is_some() && case.hearing_answers().is_empty() {
        return Err(RuleError::new(
            "行政处罚法第四十五条、第六十五条",
            "已举行听证，决定前须对当事人在听证中提出的事实、理由和证据进行复核：请登记“陈述申辩”（内容填听证中提出的意见，复核意见填采纳与否及理由），决定书据此作答",
        ));
    }
    Ok(())
}

/// 行政处罚法 Art 64(1): a hearing must be requested within 5 working days of the notice.
pub fn hearing_request_in_time(case: &Case, date: NaiveDate, cal: &Calendar) -> RuleResult {
    let Some(notice) = &case.notice else {
        return Err(RuleError::input("尚未告知，不能申请听证"));
    };
    if !notice.hearing_right {
        return Err(RuleError::new(
            "行政处罚法第六十三条",
            "本案拟作出的处罚不属于听证范围，告知书未告知听证权利",
        ));
    }
    let Some(served) = case.served(ServedDoc::Notice) else {
        return Err(RuleError::input("告知书尚未送达，不能登记听证申请"));
    };
    let end = cal
        .add_working_days(served.served_on, 5)
        .map_err(RuleError::from)?;
    if date < served.served_on || date > end {
        return Err(RuleError::new(
            "行政处罚法第六十四条第一项",
            format!(
                "听证申请须在告知书送达后五个工作日内（{} 至 {end}）提出",
                served.served_on
            ),
        ));
    }
    Ok(())
}

/// 行政处罚法 Art 64(2): the party is told the time and place at least 7 working days ahead.
pub fn hearing_notified_in_time(
    notified: NaiveDate,
    hearing_date: NaiveDate,
    cal: &Calendar,
) -> RuleResult {
    let earliest = cal.add_working_days(notified, 7).map_err(RuleError::from)?;
    if hearing_date >= earliest {
        Ok(())
    } else {
        Err(RuleError::new(
            "行政处罚法第六十四条第二项",
            format!("听证应在通知后至少七个工作日举行，{notified} 通知的最早可在 {earliest} 举行"),
        ))
    }
}

/// 行政处罚法 Art 64(4): the presiding officer is not an investigator of the case.
pub fn presiding_not_investigator(case: &Case, presiding: &User) -> RuleResult {
    if case.handlers.contains(&presiding.id) || case.assistants.contains(&presiding.id) {
        Err(RuleError::new(
            "行政处罚法第六十四条第四项",
            format!("{} 是本案调查人员，不能主持听证", presiding.name),
        ))
    } else {
        Ok(())
    }
}

/// 行政处罚法 Art 30: a person under 14 on the act date is not punished; one aged 14 to 17
/// gets a 从轻 or 减轻 penalty only. `kinds` empty is a proposal not to punish.
pub fn minor_treated_by_age(
    parties: &[Party],
    act_date: NaiveDate,
    kinds: &[PenaltyKind],
    tier: Option<TierName>,
    mitigation: Option<Mitigation>,
) -> RuleResult {
    const ART: &str = "行政处罚法第三十条";
    let persons = || parties.iter().filter_map(Party::person);
    let minor = persons().find(|p| (14..18).contains(&p.age_on(act_date)));
    if let Some(child) = persons().find(|p| p.age_on(act_date) < 14) {
        if !kinds.is_empty() {
            return Err(RuleError::new(
                ART,
                format!(
                    "{} 违法时不满十四周岁，不予行政处罚，责令监护人加以管教；请提出不予处罚的建议",
                    child.name
                ),
            ));
        }
    }
    if mitigation == Some(Mitigation::Minor) && minor.is_none() {
        return Err(RuleError::new(
            ART,
            "当事人违法时并非已满十四周岁不满十八周岁，不能以未成年为由从轻或者减轻",
        ));
    }
    if kinds.is_empty() {
        return Ok(());
    }
    let lighter = matches!(tier, Some(TierName::Lighter | TierName::Mitigated));
    let only_warning = kinds == [PenaltyKind::Warning] && tier.is_none();
    match minor {
        Some(m) if !lighter && !only_warning => Err(RuleError::new(
            ART,
            format!(
                "{} 违法时已满十四周岁不满十八周岁，应当从轻或者减轻处罚：请选择“从轻”或“减轻”阶次，情节填“{}”",
                m.name,
                Mitigation::Minor.name()
            ),
        )),
        _ => Ok(()),
    }
}

/// 行政处罚法 Art 30–32: a 从轻 or 减轻 tier rests on a recorded statutory circumstance, and
/// a recorded circumstance that the law makes mandatory (Art 30, 32) gets such a tier;
/// Art 33: a 减轻 fine is more than nothing — no fine at all is the 不予处罚 path.
pub fn mitigation_grounded(
    tier: Option<TierName>,
    mitigation: Option<Mitigation>,
    kinds: &[PenaltyKind],
    fine: Fen,
) -> RuleResult {
    let lighter = matches!(tier, Some(TierName::Lighter | TierName::Mitigated));
    match (tier, mitigation) {
        (Some(t), None) if lighter => {
            return Err(RuleError::new(
                "行政处罚法第三十二条",
                format!(
                    "选择“{}”阶次须记录法定的从轻、减轻情节；可填：{}",
                    t.name(),
                    Mitigation::names()
                ),
            ))
        }
        (_, Some(m)) if !lighter && m != Mitigation::LimitedCapacity => {
            return Err(RuleError::new(
                m.article(),
                format!(
                    "已记录情节“{}”，应当从轻或者减轻处罚：请选择“从轻”或“减轻”阶次",
                    m.name()
                ),
            ))
        }
        _ => {}
    }
    if tier == Some(TierName::Mitigated) && kinds.contains(&PenaltyKind::Fine) && fine.0 <= 0 {
        return Err(RuleError::new(
            "行政处罚法第三十三条",
            "减轻处罚的罚款应大于 0；不罚款属于不予处罚，须由负责人作出不予处罚的审查决定（初次违法、危害后果轻微并及时改正）",
        ));
    }
    Ok(())
}

/// 行政处罚法 Art 45: no heavier penalty than the one notified (defence must not be punished).
pub fn not_heavier_than_notified(
    case: &Case,
    kinds: &[PenaltyKind],
    fine: Fen,
    confiscation: Fen,
) -> RuleResult {
    let Some(n) = &case.notice else { return Ok(()) };
    if fine > n.fine || confiscation > n.confiscation {
        return Err(RuleError::new(
            "行政处罚法第四十五条",
            format!("决定罚款 {fine}（没收 {confiscation}）重于告知的 {}（没收 {}），不得加重；如确需加重应重新告知", n.fine, n.confiscation),
        ));
    }
    if let Some(k) = kinds.iter().find(|k| !n.kinds.contains(k)) {
        return Err(RuleError::new(
            "行政处罚法第四十五条",
            format!(
                "决定增加了告知书中没有的处罚种类“{}”，不得加重；如确需增加应重新告知",
                k.name()
            ),
        ));
    }
    Ok(())
}

/// 行政处罚法 Art 60: decide within 90 days of filing, extended only by approved extensions
/// under the configured rule.
pub fn within_decision_limit(case: &Case, date: NaiveDate, cal: &Calendar) -> RuleResult {
    let Some(filed) = case.filed_on() else {
        return Ok(());
    };
    // Inside the nominal period the answer needs no calendar: rolling past rest days only
    // lengthens it. (So a decision in late 2026 does not wait for the 2027 holiday table.)
    let days = 90 + case.extensions.iter().map(|e| e.days).sum::<u32>();
    if filed
        .checked_add_days(chrono::Days::new(days.into()))
        .is_some_and(|nominal| date <= nominal)
    {
        return Ok(());
    }
    let Some(due) = decision_due(case, cal)? else {
        return Ok(());
    };
    if date <= due {
        Ok(())
    } else {
        Err(RuleError::new(
            "行政处罚法第六十条",
            format!(
                "作出决定的期限已于 {due} 届满（立案之日起九十日，含批准的延期）；请先办理延期审批"
            ),
        ))
    }
}

/// Last day to decide: filing + 90 days + approved extensions, rolled past rest days.
pub fn decision_due(case: &Case, cal: &Calendar) -> RuleResult<Option<NaiveDate>> {
    let Some(filed) = case.filed_on() else {
        return Ok(None);
    };
    let days = 90 + case.extensions.iter().map(|e| e.days).sum::<u32>();
    cal.days_period_end(filed, days)
        .map(Some)
        .map_err(RuleError::from)
}

/// 行政处罚法 Art 51: the simple procedure only for ≤ 200 yuan (citizens), ≤ 3000 yuan
/// (organisations), or a warning.
pub fn simple_procedure_allowed(party: PartyType, kinds: &[PenaltyKind], fine: Fen) -> RuleResult {
    if let Some(k) = kinds
        .iter()
        .find(|k| !matches!(k, PenaltyKind::Warning | PenaltyKind::Fine))
    {
        return Err(RuleError::new(
            "行政处罚法第五十一条",
            format!("当场处罚只能是警告或罚款，不能当场作出“{}”", k.name()),
        ));
    }
    let cap = match party {
        PartyType::Individual => Fen::from_yuan(200),
        PartyType::Organisation => Fen::from_yuan(3000),
    };
    if fine > cap {
        return Err(RuleError::new(
            "行政处罚法第五十一条",
            format!(
                "当场处罚对{}罚款不得超过 {cap}（拟罚 {fine}），请改用一般程序",
                party.name()
            ),
        ));
    }
    Ok(())
}

/// 行政处罚法 Art 67 para 2, 68, 69: officers take a fine in cash only on a recorded lawful
/// ground — an on-the-spot decision (Art 51) of at most 100 yuan, or one hard to enforce
/// afterwards (Art 68); or, in either procedure, a remote area where the party asked (Art 69).
pub fn cash_on_spot_allowed(case: &Case, ground: Option<CashGround>) -> RuleResult {
    let Some(ground) = ground else {
        let names: Vec<&str> = CashGround::ALL.iter().map(|g| g.name()).collect();
        return Err(RuleError::new(
            "行政处罚法第六十七条第二款",
            format!(
                "当场收缴罚款须登记法定情形（行政处罚法第六十八条、第六十九条），请填写当场收缴依据：{}",
                names.join("、")
            ),
        ));
    };
    match ground {
        CashGround::SmallFine | CashGround::HardToEnforceLater
            if case.procedure != Procedure::Simple =>
        {
            Err(RuleError::new(
                ground.article(),
                "该情形仅适用于当场作出的行政处罚决定；一般程序的罚款应由当事人到指定银行或电子支付缴纳（边远、水上、交通不便地区经当事人提出的除外）",
            ))
        }
        CashGround::SmallFine if case.fine_due() > Fen::from_yuan(100) => Err(RuleError::new(
            ground.article(),
            format!(
                "本案罚款 {} 超过一百元，不属于“一百元以下罚款”的当场收缴情形",
                case.fine_due()
            ),
        )),
        _ => Ok(()),
    }
}

/// 行政处罚法 Art 61: electronic service needs the party's signed 确认书.
pub fn electronic_service_confirmed(method: ServiceMethod, confirmation: bool) -> RuleResult {
    if method == ServiceMethod::Electronic && !confirmation {
        Err(RuleError::new(
            "行政处罚法第六十一条第二款",
            "电子送达须当事人同意并签订确认书",
        ))
    } else {
        Ok(())
    }
}

/// 行政强制法 Art 35, 54: a 催告 precedes any court application; the court may be applied to
/// only 10 working days after the 催告 is served. Art 53 (行诉法解释 Art 156): only once the
/// party's 复议 and lawsuit periods have ended without a 复议 or lawsuit pending, and no
/// later than 3 months after they ended ([`remedy_periods_end`]).
pub fn court_application_window(case: &Case, date: NaiveDate, cal: &Calendar) -> RuleResult {
    let (Some(demand), Some(_)) = (
        case.served(ServedDoc::Demand),
        case.served(ServedDoc::Decision),
    ) else {
        return Err(RuleError::new(
            "行政强制法第三十五条、第五十四条",
            "申请强制执行前须先催告并送达催告书",
        ));
    };
    let after_demand = demand_period_end(demand.served_on, cal)?;
    if date < after_demand {
        return Err(RuleError::new(
            "行政强制法第五十四条",
            format!("催告书送达满十个工作日后（{after_demand} 起）方可申请强制执行"),
        ));
    }
    if case.remedy_pending_on(date) {
        return Err(RuleError::new(
            "行政强制法第五十三条",
            "当事人已申请行政复议或者提起行政诉讼且尚未终结，不能以“法定期限内未申请复议、未起诉”为由申请人民法院强制执行",
        ));
    }
    // Inside the nominal periods no calendar is needed: rolling past rest days only
    // lengthens them, so a date on or before the nominal end is refused either way.
    let Some((basis, nominal_end)) = remedy_periods_nominal_end(case) else {
        return Ok(());
    };
    if date <= nominal_end {
        return Err(remedy_period_running(basis, nominal_end));
    }
    let Some((basis, end)) = remedy_periods_end(case, cal)? else {
        return Ok(());
    };
    if date <= end {
        return Err(remedy_period_running(basis, end));
    }
    if end
        .checked_add_months(chrono::Months::new(3))
        .is_some_and(|nominal| date <= nominal)
    {
        return Ok(());
    }
    let Some((_, closes)) = court_window(case, cal)? else {
        return Ok(());
    };
    if date > closes {
        return Err(RuleError::new(
            "行政强制法第五十三条",
            format!("申请强制执行的期限已于 {closes} 届满（{basis}届满之日 {end} 起三个月）"),
        ));
    }
    Ok(())
}

fn remedy_period_running(basis: &str, end: NaiveDate) -> RuleError {
    RuleError::new(
        "行政强制法第五十三条",
        format!(
            "当事人的{basis}至 {end} 届满，期满未申请复议、未起诉又不履行的，方可自次日起申请人民法院强制执行"
        ),
    )
}

/// What the party may still do against the decision, and the day after which it can no
/// longer (行政强制法 Art 53): an on-the-spot decision goes first to 复议 (行政复议法 Art 23
/// para 1 item 1), so only the 60-day 复议 period counts (复议法 Art 20); any other decision
/// may also be sued directly within 6 months (行政诉讼法 Art 46), the later of the two. After
/// a 复议 ended the party may sue within 15 days of its decision (行政诉讼法 Art 45). The
/// periods run from service; where an approved deferral or instalment plan ends later, the
/// court-application period runs from the plan's end instead (行政处罚法 Art 72 para 2).
/// `roll` decides whether a last day on a rest day moves to the next working day.
fn remedy_periods(
    case: &Case,
    roll: Option<&Calendar>,
) -> RuleResult<Option<(&'static str, NaiveDate)>> {
    let Some(from) = case.served(ServedDoc::Decision).map(|s| s.served_on) else {
        return Ok(None);
    };
    let reconsidered = case
        .remedies
        .iter()
        .filter(|r| r.kind == super::model::RemedyKind::Reconsideration)
        .filter_map(|r| r.ended_on)
        .max();
    let (mut basis, mut end) = remedy_periods_after_service(
        from,
        case.procedure != Procedure::Simple,
        None,
        reconsidered,
        roll,
    )?;
    if let Some(plan_end) = case.plan.as_ref().and_then(|p| p.end()) {
        if plan_end > end {
            basis = "批准的延期（分期）缴纳期限";
            end = plan_end;
        }
    }
    Ok(Some((basis, end)))
}

/// The party's 复议 and lawsuit periods against any decision served on `served_on` (the
/// rule of [`remedy_periods`] without a payment plan): 60 days for 复议 (复议法 Art 20);
/// where the decision may also be sued directly, 6 months (行政诉讼法 Art 46) or the time a
/// special law sets (`special`: 土地管理法 Art 83, 15 days), the later of the two; after a
/// 复议 ended, 15 days to sue (行政诉讼法 Art 45). Also used for orders to act (行政强制法
/// Art 44: no forced demolition while these periods run).
pub fn remedy_periods_after_service(
    served_on: NaiveDate,
    direct_suit: bool,
    special: Option<crate::enforcement::SpecialSuit>,
    reconsideration_ended: Option<NaiveDate>,
    roll: Option<&Calendar>,
) -> RuleResult<(&'static str, NaiveDate)> {
    let days = |start: NaiveDate, n: u32| -> RuleResult<NaiveDate> {
        match roll {
            Some(cal) => cal.days_period_end(start, n).map_err(RuleError::from),
            None => Ok(start + chrono::Days::new(n.into())),
        }
    };
    let (mut basis, mut end) = if !direct_suit {
        (
            "申请行政复议的期限（当场处罚决定复议前置）",
            days(served_on, 60)?,
        )
    } else if let Some(s) = special {
        let end = days(served_on, 60)?.max(days(served_on, s.days())?);
        (s.periods_name(), end)
    } else {
        let months = match roll {
            Some(cal) => cal
                .months_period_end(served_on, 6)
                .map_err(RuleError::from)?,
            None => served_on
                .checked_add_months(chrono::Months::new(6))
                .unwrap_or(NaiveDate::MAX),
        };
        (
            "申请行政复议（六十日）和提起行政诉讼（六个月）的期限",
            months,
        )
    };
    if let Some(ended) = reconsideration_ended {
        let sue_by = days(ended, 15)?;
        if sue_by > end {
            basis = "复议决定后提起行政诉讼的期限（十五日）";
            end = sue_by;
        }
    }
    Ok((basis, end))
}

fn remedy_periods_nominal_end(case: &Case) -> Option<(&'static str, NaiveDate)> {
    remedy_periods(case, None).ok().flatten()
}

/// The last day of the party's 复议 and lawsuit periods (行政强制法 Art 53), with the
/// period that ends last; `None` until the decision is served.
pub fn remedy_periods_end(
    case: &Case,
    cal: &Calendar,
) -> RuleResult<Option<(&'static str, NaiveDate)>> {
    remedy_periods(case, Some(cal))
}

/// The period a 催告书 gives the party to perform and to state and defend: ten working days
/// after it is served (行政强制法 Art 54; Art 69: periods of ten days or less are working
/// days). The court may be applied to once it has passed.
pub fn demand_period_end(served_on: NaiveDate, cal: &Calendar) -> RuleResult<NaiveDate> {
    cal.add_working_days(served_on, 10).map_err(RuleError::from)
}

/// The day the court may first be applied to, once a 催告 was served: when both the 10
/// working days after the 催告 (行政强制法 Art 54) and the party's remedy periods (Art 53)
/// have passed. Needs no calendar beyond those periods (the window's close may lie in a
/// year without a holiday table).
pub fn court_window_opens(case: &Case, cal: &Calendar) -> RuleResult<Option<NaiveDate>> {
    let Some(demand) = case.served(ServedDoc::Demand) else {
        return Ok(None);
    };
    let Some((_, end)) = remedy_periods_end(case, cal)? else {
        return Ok(None);
    };
    let after_demand = demand_period_end(demand.served_on, cal)?;
    Ok(Some(after_demand.max(end.succ_opt().unwrap_or(end))))
}

/// The court-application window (opens, closes), once a 催告 was served: it opens on
/// [`court_window_opens`] and closes 3 months after the party's remedy periods ended.
pub fn court_window(case: &Case, cal: &Calendar) -> RuleResult<Option<(NaiveDate, NaiveDate)>> {
    let Some(opens) = court_window_opens(case, cal)? else {
        return Ok(None);
    };
    let Some((_, end)) = remedy_periods_end(case, cal)? else {
        return Ok(None);
    };
    let closes = cal.months_period_end(end, 3).map_err(RuleError::from)?;
    Ok(Some((opens, closes)))
}

/// A case may close only when nothing is left to do: a terminal outcome, or the decision
/// served and the fine (with any 加处罚款 owed) paid, or execution terminated.
pub fn closable(case: &Case, today: NaiveDate, cal: &Calendar) -> RuleResult {
    use super::model::Outcome;
    let outcome = case
        .outcome
        .as_ref()
        .ok_or_else(|| RuleError::new("结案条件", "案件尚无处理结果，不能结案"))?;
    match outcome {
        Outcome::NotFiled { .. } | Outcome::Withdrawn { .. } | Outcome::Transferred { .. } => {
            Ok(())
        }
        Outcome::NoPenalty { .. } | Outcome::NotEstablished => {
            if case.served(ServedDoc::NoPenaltyDecision).is_some() {
                Ok(())
            } else {
                Err(RuleError::new(
                    "结案条件",
                    "不予行政处罚决定书尚未送达，不能结案",
                ))
            }
        }
        Outcome::Penalty => {
            if case.served(ServedDoc::Decision).is_none() {
                return Err(RuleError::new("结案条件", "处罚决定书尚未送达，不能结案"));
            }
            if case.decision.as_ref().is_some_and(|d| d.publish) && case.published_on.is_none() {
                return Err(RuleError::new(
                    "行政处罚法第四十八条",
                    "本决定须公开，尚未登记公示，不能结案",
                ));
            }
            if case.termination.is_some() {
                return Ok(());
            }
            let owed = case.fine_due().0 + outstanding_surcharge(case, today, cal)?.0;
            if case.paid().0 >= owed {
                Ok(())
            } else {
                Err(RuleError::new(
                    "结案条件",
                    format!("罚款尚未缴清（应缴 {}，已缴 {}），不能结案；可催告、申请强制执行或终结执行", Fen(owed), case.paid()),
                ))
            }
        }
    }
}

/// Payment due date: 15 days after the decision is served (行政处罚法 Art 67), or the last
/// instalment of an approved plan (Art 66).
pub fn payment_due(case: &Case, cal: &Calendar) -> RuleResult<Option<NaiveDate>> {
    if let Some(end) = case.plan.as_ref().and_then(|p| p.end()) {
        return Ok(Some(end));
    }
    let Some(s) = case.served(ServedDoc::Decision) else {
        return Ok(None);
    };
    cal.days_period_end(s.served_on, 15)
        .map(Some)
        .map_err(RuleError::from)
}

/// A fine paid in full leaves nothing to demand or pay: `what` (催告, 登记缴款) is refused
/// saying when it was paid. A case without a fine passes here (its steps say so themselves).
pub fn fine_not_paid_in_full(case: &Case, what: &str) -> RuleResult {
    let (due, paid) = (case.fine_due(), case.paid());
    if due.0 > 0 && paid.0 >= due.0 {
        let on = case
            .payments
            .iter()
            .map(|p| p.date)
            .max()
            .map_or(String::new(), |d| format!("已于 {d} "));
        return Err(RuleError::input(format!(
            "罚款 {due} {on}缴清（已缴 {paid}），无需{what}"
        )));
    }
    Ok(())
}

/// 加处罚款 owed on `on` for the unpaid fine (zero before the payment due date).
pub fn outstanding_surcharge(case: &Case, on: NaiveDate, cal: &Calendar) -> RuleResult<Fen> {
    Ok(match payment_due(case, cal)? {
        Some(due) => penalty::surcharge(case, due, on),
        _ => Fen(0),
    })
}

#[cfg(test)]
mod tests;

/// 行政处罚法 Art 64(2): a hearing is held (or the party's absence taken as a waiver) only
/// after the 听证通知书 naming its time and place was served on the party.
pub fn hearing_notice_served(case: &Case) -> RuleResult {
    if case.served(ServedDoc::HearingNotice).is_some() {
        Ok(())
    } else {
        Err(RuleError::new(
            "行政处罚法第六十四条第二项",
            "听证通知书尚未送达当事人，不能举行听证或认定当事人放弃听证；请先登记听证通知书的送达",
        ))
    }
}
