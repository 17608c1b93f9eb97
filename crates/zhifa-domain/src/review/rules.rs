//! One function per review rule. Each returns `Some(message)` when the case fails the rule
//! as it stands today, `None` when it passes or the rule does not apply yet. A rule whose
//! step has not happened fires only once the case reached the stage where the step is due,
//! so the case screen warns *before* the step that makes the problem final.

use chrono::NaiveDate;

use crate::case::gates;
use crate::case::model::*;
use crate::case::penalty;
use crate::case::Ctx;
use crate::catalog::PenaltyKind;

/// Runs the rule `code`.
pub fn run(code: &str, c: &Case, ctx: &Ctx) -> Option<String> {
    match code {
        "R01" => handlers_certified(c, ctx),
        "R02" => records_two_officers(c, ctx),
        "R03" => filed_before_investigation(c),
        "R04" => party_identified(c),
        "R05" => provision_valid_on_act_date(c),
        "R06" => fine_in_range(c),
        "R07" => simple_procedure_allowed(c),
        "R08" => notice_before_decision(c),
        "R09" => not_heavier_than_notified(c),
        "R10" => hearing_right_respected(c, ctx),
        "R11" => legal_review_present(c),
        "R12" => discussion_present(c),
        "R13" => notice_service_proof(c),
        "R14" => hearing_notice_service_proof(c),
        "R15" => decision_service_proof(c),
        "R16" => demand_service_proof(c),
        "R17" => decided_within_90_days(c, ctx),
        "R18" => served_within_7_working_days(c, ctx),
        "R19" => preservation_decided_in_time(c, ctx),
        "R20" => statements_reexamined(c),
        "R21" => key_documents_present(c),
        "R22" => documents_in_order(c),
        "R23" => catalogue_and_pages(c),
        "R24" => seal_reminder(c),
        "R25" => demand_on_working_days(c, ctx),
        "R26" => correction_rechecked(c, ctx),
        _ => None,
    }
}

fn general(c: &Case) -> bool {
    c.procedure == Procedure::General
}

fn penalty_case(c: &Case) -> bool {
    matches!(c.outcome, Some(Outcome::Penalty) | None)
        && !matches!(
            c.review_outcome,
            Some((_, ref o)) if *o != ReviewOutcome::Penalty
        )
}

/// The case reached `stage` (or a decision exists): a step due by then is now missing.
fn due_by(c: &Case, stage: Stage) -> bool {
    c.stage >= stage || c.decision.is_some()
}

/// R01 行政处罚法 Art 42: the handlers are at least two officers holding valid certificates.
pub fn handlers_certified(c: &Case, ctx: &Ctx) -> Option<String> {
    let date = c.filed_on().unwrap_or(c.proposed_on);
    let users: Vec<_> = c
        .handlers
        .iter()
        .filter_map(|id| ctx.users.get(id))
        .collect();
    gates::two_certified_officers(&users, date)
        .err()
        .map(|e| format!("承办人：{}", e.message))
}

/// R02 行政处罚法 Art 42, 55: two certified officers on each 笔录 and each service.
pub fn records_two_officers(c: &Case, ctx: &Ctx) -> Option<String> {
    let certified = |ids: &[i64], date: NaiveDate| {
        ids.iter()
            .filter_map(|id| ctx.users.get(id))
            .filter(|u| u.certified_on(date))
            .count()
    };
    for r in &c.records {
        let n = certified(&r.officers, r.date);
        if n < 2 {
            return Some(format!(
                "{} 的{}只有 {n} 名持证执法人员，须两名",
                r.date,
                r.kind.name()
            ));
        }
    }
    for s in &c.services {
        let n = certified(&s.officers, s.date);
        if n < 2 {
            return Some(format!(
                "{} 送达{}只有 {n} 名持证执法人员，须两名",
                s.date,
                s.doc.name()
            ));
        }
    }
    None
}

/// R03 行政处罚法 Art 54: no investigative act before filing (程序倒置).
pub fn filed_before_investigation(c: &Case) -> Option<String> {
    if !general(c) {
        return None;
    }
    let acts = c
        .records
        .iter()
        .filter(|r| matches!(r.kind, RecordKind::Inspection | RecordKind::Inquiry))
        .map(|r| (r.date, r.kind.name()))
        .chain(c.evidence.iter().map(|e| (e.collected_on, "取证")))
        .chain(c.preservations.iter().map(|p| (p.date, "先行登记保存")))
        .chain(c.seizures.iter().map(|s| (s.date, "查封扣押")));
    let first = acts.min_by_key(|(d, _)| *d)?;
    match c.filed_on() {
        Some(filed) if first.0 >= filed => None,
        Some(filed) => Some(format!(
            "{}（{}）早于立案日期 {filed}，属程序倒置",
            first.1, first.0
        )),
        None => Some(format!("未经立案即{}（{}），属程序倒置", first.1, first.0)),
    }
}

/// R04 行政处罚法 Art 59(1)(1): the party is named and identified.
pub fn party_identified(c: &Case) -> Option<String> {
    if c.parties.is_empty() {
        Some("案件没有当事人，无法确认身份；请补录当事人及身份证明".into())
    } else {
        None
    }
}

/// R05 行政处罚法 Art 37: the provision applied is the one in force on the act date.
pub fn provision_valid_on_act_date(c: &Case) -> Option<String> {
    if c.power.power.in_effect_on(c.act_date) {
        None
    } else {
        Some(format!(
            "所引事项 {} 在违法行为发生日 {} 不在有效期内，适用法律错误",
            c.power.power.code, c.act_date
        ))
    }
}

/// R06 行政处罚法 Art 34: the proposed and decided fine inside the statutory range and tier.
pub fn fine_in_range(c: &Case) -> Option<String> {
    let party = c.party_type();
    if let Some(p) = &c.proposal {
        if let Err(e) = penalty::check_fine(&c.power.power, party, p) {
            return Some(format!("处理建议：{}", e.message));
        }
    }
    let d = c.decision.as_ref()?;
    if !d.kinds.contains(&PenaltyKind::Fine) || c.proposal.is_none() {
        return None;
    }
    // The decision's own gate (Art 45: after reconsideration the statutory range applies).
    penalty::check_decided_fine(c, &d.kinds, d.fine, d.confiscation)
        .err()
        .map(|e| format!("决定：{}", e.message))
}

/// R07 行政处罚法 Art 51: the simple procedure only within its limits.
pub fn simple_procedure_allowed(c: &Case) -> Option<String> {
    if general(c) {
        return None;
    }
    let d = c.decision.as_ref()?;
    gates::simple_procedure_allowed(c.party_type(), &d.kinds, d.fine)
        .err()
        .map(|e| e.message)
}

/// R08 行政处罚法 Art 44, 62: the prior notice served before the decision. Asks the gate
/// the decision step asked, so the review never vetoes what the procedure allowed.
pub fn notice_before_decision(c: &Case) -> Option<String> {
    if !general(c) || !penalty_case(c) || !due_by(c, Stage::Deciding) {
        return None;
    }
    gates::notice_served_by(c, c.decision.as_ref().map(|d| d.date))
        .err()
        .map(|e| e.message)
}

/// R09 行政处罚法 Art 45: the decision not heavier than the notice.
pub fn not_heavier_than_notified(c: &Case) -> Option<String> {
    let d = c.decision.as_ref()?;
    c.notice.as_ref()?;
    gates::not_heavier_than_notified(c, &d.kinds, d.fine, d.confiscation)
        .err()
        .map(|e| e.message)
}

/// R10 行政处罚法 Art 63, 64: the hearing right notified where it applies; a requested
/// hearing held (or the party failed to appear) before the decision.
pub fn hearing_right_respected(c: &Case, ctx: &Ctx) -> Option<String> {
    let n = c.notice.as_ref()?;
    let applies = penalty::hearing_right(
        &n.kinds,
        n.fine,
        n.confiscation,
        c.party_type(),
        ctx.settings,
    );
    if applies && !n.hearing_right {
        return Some("拟作出的处罚适用听证，告知书未告知听证权利".into());
    }
    let h = c.hearing.as_ref()?;
    if h.held_on.is_none() && !h.party_absent && due_by(c, Stage::Deciding) {
        return Some("当事人申请了听证，尚未举行听证即进入决定".into());
    }
    None
}

/// R11 行政处罚法 Art 58: 法制审核 where required, before the decision.
pub fn legal_review_present(c: &Case) -> Option<String> {
    if !general(c) || !due_by(c, Stage::Deciding) {
        return None;
    }
    gates::legal_review_passed(c).err().map(|e| e.message)
}

/// R12 行政处罚法 Art 57 para 2: collective discussion for complex or major cases.
pub fn discussion_present(c: &Case) -> Option<String> {
    if !general(c) || !due_by(c, Stage::Deciding) {
        return None;
    }
    gates::collective_discussion_held(c)
        .err()
        .map(|e| e.message)
}

/// R13: the notice's service proof, once the decision is due.
pub fn notice_service_proof(c: &Case) -> Option<String> {
    if c.notice.is_some() && c.served(ServedDoc::Notice).is_none() && due_by(c, Stage::Deciding) {
        Some("告知书没有送达回证".into())
    } else {
        None
    }
}

/// R14 行政处罚法 Art 64(2): the hearing notice's service proof before the hearing.
pub fn hearing_notice_service_proof(c: &Case) -> Option<String> {
    let h = c.hearing.as_ref()?;
    h.notified_on?;
    if c.served(ServedDoc::HearingNotice).is_some() {
        return None;
    }
    Some(if h.held_on.is_some() || h.party_absent {
        "听证已举行（或视为放弃），但听证通知书没有送达回证".into()
    } else {
        "听证通知书尚未送达；举行听证前须送达".into()
    })
}

/// R15 行政处罚法 Art 61: the decision's service proof, before closing.
pub fn decision_service_proof(c: &Case) -> Option<String> {
    let d = c.decision.as_ref()?;
    let doc = if c.outcome == Some(Outcome::Penalty) {
        ServedDoc::Decision
    } else {
        ServedDoc::NoPenaltyDecision
    };
    if c.served(doc).is_none() && c.stage >= Stage::Closing {
        Some(format!("{}（{}）没有送达回证", doc.name(), d.date))
    } else {
        None
    }
}

/// R16 行政强制法 Art 35, 38: the 催告's service proof before a court application or closing.
pub fn demand_service_proof(c: &Case) -> Option<String> {
    let d = c.demands.last()?;
    let due = c.court.is_some() || c.stage >= Stage::Closing;
    if due && c.served(ServedDoc::Demand).is_none() {
        Some(format!("{} 的催告书没有送达回证", d.date))
    } else {
        None
    }
}

/// R17 行政处罚法 Art 60: the decision within 90 days of filing (plus approved extensions).
pub fn decided_within_90_days(c: &Case, ctx: &Ctx) -> Option<String> {
    if !general(c) {
        return None;
    }
    let date = match &c.decision {
        Some(d) => d.date,
        None if c.outcome.is_none() && c.filed_on().is_some() => ctx.today,
        None => return None,
    };
    gates::within_decision_limit(c, date, ctx.calendar)
        .err()
        .map(|e| e.message)
}

/// R18 行政处罚法 Art 61, 85: the decision served within 7 working days.
pub fn served_within_7_working_days(c: &Case, ctx: &Ctx) -> Option<String> {
    let d = c.decision.as_ref()?;
    let due = ctx.calendar.add_working_days(d.date, 7).ok()?;
    let served = c
        .services
        .iter()
        .filter(|s| matches!(s.doc, ServedDoc::Decision | ServedDoc::NoPenaltyDecision))
        .map(|s| s.date)
        .min();
    match served {
        Some(s) if s > due => Some(format!(
            "决定书 {s} 才送达，超过七个工作日（应于 {due} 前）"
        )),
        None if ctx.today > due => Some(format!("决定书应于 {due} 前送达，至今未送达")),
        _ => None,
    }
}

/// R19 行政处罚法 Art 56: 先行登记保存 decided within 7 working days.
pub fn preservation_decided_in_time(c: &Case, ctx: &Ctx) -> Option<String> {
    for p in &c.preservations {
        let Ok(due) = ctx.calendar.add_working_days(p.date, 7) else {
            continue;
        };
        match p.decided_on {
            Some(d) if d > due => {
                return Some(format!(
                    "{} 的先行登记保存 {d} 才处理，超过七个工作日",
                    p.date
                ))
            }
            None if ctx.today > due => {
                return Some(format!(
                    "{} 的先行登记保存应于 {due} 前作出处理决定，至今未处理",
                    p.date
                ))
            }
            _ => {}
        }
    }
    None
}

/// R20 行政处罚法 Art 45: every statement re-examined.
pub fn statements_reexamined(c: &Case) -> Option<String> {
    c.statements
        .iter()
        .find(|s| s.reexamination.trim().is_empty())
        .map(|s| format!("{} 的陈述申辩没有复核意见", s.date))
}

/// R21: a document for every key step (立案, 调查, 调查终结, 告知, 决定, 结案).
pub fn key_documents_present(c: &Case) -> Option<String> {
    if !general(c) {
        return None;
    }
    let mut missing = Vec::new();
    if c.stage > Stage::Proposed && c.filing.is_none() {
        missing.push("立案审批表");
    }
    let investigated = c.stage >= Stage::Reviewing && penalty_case(c);
    if investigated && c.records.is_empty() && c.evidence.is_empty() {
        missing.push("调查笔录或证据");
    }
    if investigated && c.proposal.is_none() {
        missing.push("调查终结报告");
    }
    if c.decision.is_some() && c.outcome == Some(Outcome::Penalty) && c.notice.is_none() {
        missing.push("行政处罚事先告知书");
    }
    // Cases ended at filing (不予立案, 撤销立案) close without a 结案审批表.
    if c.stage >= Stage::Closed && c.closing.is_none() && c.decision.is_some() {
        missing.push("结案审批表");
    }
    if missing.is_empty() {
        None
    } else {
        Some(format!("缺少：{}", missing.join("、")))
    }
}

/// R22: the file's documents in the order 立案 → 调查 → 审查 → 告知 → 决定 → 送达 → 结案.
pub fn documents_in_order(c: &Case) -> Option<String> {
    let steps: [(&str, Option<NaiveDate>); 7] = [
        ("立案", c.filed_on()),
        ("调查终结", c.proposal.as_ref().map(|p| p.date)),
        ("审查决定", c.review_outcome.as_ref().map(|(a, _)| a.date)),
        ("告知", c.notice.as_ref().map(|n| n.date)),
        ("决定", c.decision.as_ref().map(|d| d.date)),
        ("送达决定书", c.served(ServedDoc::Decision).map(|s| s.date)),
        ("结案", c.closing.as_ref().map(|a| a.date)),
    ];
    let mut last: Option<(&str, NaiveDate)> = None;
    for (name, date) in steps {
        let Some(date) = date else { continue };
        if let Some((prev, pd)) = last {
            if date < pd {
                return Some(format!("{name}（{date}）早于{prev}（{pd}），文书顺序颠倒"));
            }
        }
        last = Some((name, date));
    }
    None
}

/// R23: 卷内目录 and page numbers are made at 归档.
pub fn catalogue_and_pages(c: &Case) -> Option<String> {
    match (&c.stage, &c.archive) {
        (Stage::Closed, None) => Some("结案后归档时生成卷内文件目录并逐页编号".into()),
        _ => None,
    }
}

/// R24: external documents carry the agency's seal (not an internal department's).
pub fn seal_reminder(c: &Case) -> Option<String> {
    if matches!(c.stage, Stage::Notifying | Stage::Deciding | Stage::Serving) {
        Some("告知书、决定书等外部文书须加盖本机关印章，不得以内设机构印章代替".into())
    } else {
        None
    }
}

/// R25 行政强制法 Art 43: no enforcement on a statutory holiday (nor, in practice, on a rest
/// day): a 催告 issued or its 催告书 served on such a day is flagged with the day's kind; any
/// other document served on a statutory holiday is flagged too, for the panel to check the
/// date against the receipt.
pub fn demand_on_working_days(c: &Case, ctx: &Ctx) -> Option<String> {
    use crate::calendar::DayType;
    // (what, date, whether a rest day counts too)
    let dates = c
        .demands
        .iter()
        .map(|d| ("催告".to_string(), d.date, true))
        .chain(c.services.iter().map(|s| {
            let demand = s.doc == ServedDoc::Demand;
            (format!("{}送达", s.doc.name()), s.date, demand)
        }));
    let found: Vec<String> = dates
        .filter_map(|(what, date, rest_days_too)| {
            // A year without a holiday table cannot be judged; the deadlines warn of it.
            if ctx.calendar.is_working_day(date).ok()? {
                return None;
            }
            let day = match ctx.calendar.day_type(date).ok()? {
                DayType::Holiday(name) if !name.is_empty() => format!("法定节假日（{name}）"),
                DayType::Holiday(_) => "法定节假日".to_string(),
                _ if rest_days_too => "休息日".to_string(),
                _ => return None,
            };
            Some(format!("{what}日期 {date} 是{day}"))
        })
        .collect();
    if found.is_empty() {
        None
    } else {
        Some(format!(
            "{}；行政机关不得在法定节假日实施行政强制执行（情况紧急的除外），请改在工作日催告、送达，或在案卷中说明紧急情况",
            found.join("；")
        ))
    }
}

/// R26 行政处罚法 Art 28 para 1: a correction ordered by a 责令改正通知书 is followed up
/// (复查) once its deadline has passed, and before closing — the gate 提请结案 asks.
pub fn correction_rechecked(c: &Case, ctx: &Ctx) -> Option<String> {
    let n = c.correction_notice.as_ref()?;
    if ctx.today <= n.deadline && c.stage < Stage::Closing {
        return None;
    }
    gates::correction_followed_up(c).err().map(|e| e.message)
}
