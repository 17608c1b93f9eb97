//! The procedure as a state machine: `propose` and `decide_on_spot` create cases,
//! `transition` applies one [`Action`] after every gate passes, and `precheck` tells a menu
//! which steps this user may take now (and why not).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::action::{Action, ActionKind};
use super::gates::*;
use super::model::*;
use super::party::Party;
use super::penalty;
use super::rule::{RuleError, RuleResult};
use crate::domain::calendar::Calendar;
use crate::domain::catalog::{PenaltyKind, TierName};
use crate::domain::money::Fen;
use crate::domain::people::{Role, User};
use crate::domain::procedure_settings::ProcedureSettings;

/// What the rules need besides the case: today, the calendar, settings and the staff.
pub struct Ctx<'a> {
    pub today: NaiveDate,
    pub calendar: &'a Calendar,
    pub settings: &'a ProcedureSettings,
    pub users: &'a BTreeMap<i64, User>,
}

impl Ctx<'_> {
    fn user(&self, id: i64) -> RuleResult<&User> {
        self.users
            .get(&id)
            .ok_or_else(|| RuleError::input(format!("没有编号为 {id} 的人员")))
    }

    fn users_of(&self, ids: &[i64]) -> RuleResult<Vec<&User>> {
        ids.iter().map(|id| self.user(*id)).collect()
    }
}

/// The result of a step: the new case and the documents it makes due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Transition {
    pub case: Case,
    pub summary: String,
    pub documents_due: Vec<&'static str>,
}

/// Facts for a new 一般程序 case (立案审批表).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCase {
    pub source: Source,
    pub place: String,
    pub act_date: NaiveDate,
    #[serde(default)]
    pub act_end_date: Option<NaiveDate>,
    pub discovered_on: NaiveDate,
    #[serde(default)]
    pub grave_harm: bool,
    pub facts: String,
    pub parties: Vec<Party>,
    pub handlers: Vec<i64>,
    #[serde(default)]
    pub assistants: Vec<i64>,
    pub proposed_on: NaiveDate,
}

fn require_text(what: &str, s: &str, max: usize) -> RuleResult {
    if s.trim().is_empty() {
        return Err(RuleError::input(format!("{what}不能为空")));
    }
    if s.chars().count() > max {
        return Err(RuleError::input(format!("{what}过长（最多 {max} 字）")));
    }
    Ok(())
}

fn check_people(
    new_handlers: &[i64],
    assistants: &[i64],
    date: NaiveDate,
    ctx: &Ctx,
) -> RuleResult {
    let handlers = ctx.users_of(new_handlers)?;
    for h in &handlers {
        if !h.certified_on(date) {
            return Err(RuleError::new(
                "行政处罚法第四十二条",
                format!("{} 无有效执法证，不能作为承办人，只能列为协助人员", h.name),
            ));
        }
    }
    two_certified_officers(&handlers, date)?;
    ctx.users_of(assistants)?;
    Ok(())
}

/// 承办人 proposes a case for filing (立案审批). Gates: Art 24 (catalog), Art 36
/// (limitation), Art 42 (two certified officers), dates.
pub fn propose(
    new: NewCase,
    power: Option<PowerRef>,
    code: &str,
    actor: &User,
    ctx: &Ctx,
) -> RuleResult<Case> {
    if !(actor.has(Role::Handler) || actor.has(Role::SquadLeader)) {
        return Err(RuleError::new(
            "岗位权限",
            format!("{} 不是承办人，不能提请立案", actor.name),
        ));
    }
    power_held_on(power.is_some(), code, new.act_date)?;
    let power = power.ok_or_else(|| RuleError::input("缺少权限事项"))?;
    case_dates_in_order(new.act_date, new.act_end_date, new.discovered_on, ctx.today)?;
    not_in_future(new.proposed_on, ctx.today, "提请立案")?;
    if new.proposed_on < new.discovered_on {
        return Err(RuleError::input("提请立案日期早于发现日期，请核对"));
    }
    limitation_not_expired(
        new.act_date,
        new.act_end_date,
        new.discovered_on,
        new.grave_harm,
    )?;
    require_text("违法行为地点", &new.place, 120)?;
    require_text("案情", &new.facts, 5000)?;
    if new.parties.is_empty() {
        return Err(RuleError::input("至少填写一名当事人"));
    }
    if !new.handlers.contains(&actor.id) {
        return Err(RuleError::input("提请人应为本案承办人之一"));
    }
    check_people(&new.handlers, &new.assistants, new.proposed_on, ctx)?;
    Ok(Case {
        id: 0,
        year: None,
        serial: None,
        procedure: Procedure::General,
        stage: Stage::Proposed,
        outcome: None,
        source: new.source,
        power,
        place: new.place.trim().to_string(),
        act_date: new.act_date,
        act_end_date: new.act_end_date,
        discovered_on: new.discovered_on,
        grave_harm: new.grave_harm,
        facts: new.facts.trim().to_string(),
        parties: new.parties,
        handlers: new.handlers,
        assistants: new.assistants,
        created_by: actor.id,
        proposed_on: new.proposed_on,
        filing: None,
        evidence: vec![],
        records: vec![],
        preservations: vec![],
        seizures: vec![],
        proposal: None,
        squad_review: None,
        legal_reviews: vec![],
        discussions: vec![],
        review_outcome: None,
        notice: None,
        statements: vec![],
        hearing: None,
        waived_on: None,
        extensions: vec![],
        decision: None,
        services: vec![],
        payments: vec![],
        plan: None,
        demands: vec![],
        court: None,
        remedies: vec![],
        termination: None,
        published_on: None,
        closing: None,
        closing_proposed_on: None,
        archive: None,
        timeline: vec![(Stage::Proposed, new.proposed_on)],
        version: 1,
    })
}

/// Facts of an on-the-spot decision (简易程序, Art 51–52).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnSpot {
    pub date: NaiveDate,
    /// `HH:MM`, printed on the form (Art 52).
    pub time: String,
    pub place: String,
    pub facts: String,
    pub party: Party,
    pub officers: Vec<i64>,
    pub kinds: Vec<PenaltyKind>,
    pub fine: Fen,
    #[serde(default)]
    pub tier: Option<TierName>,
    #[serde(default)]
    pub correction_order: String,
}

/// Officers decide on the spot (Art 51, 52): ≤ 200 / 3000 yuan or a warning, two officers,
/// fine inside the statutory range and tier; the form is handed over at once, with the
/// 复议-first notice (复议法 Art 23).
pub fn decide_on_spot(
    input: OnSpot,
    power: Option<PowerRef>,
    code: &str,
    actor: &User,
    ctx: &Ctx,
) -> RuleResult<Case> {
    has_role(actor, Role::Handler)?;
    power_held_on(power.is_some(), code, input.date)?;
    let power = power.ok_or_else(|| RuleError::input("缺少权限事项"))?;
    not_in_future(input.date, ctx.today, "当场处罚")?;
    require_text("违法事实", &input.facts, 2000)?;
    require_text("地点", &input.place, 120)?;
    if !input.officers.contains(&actor.id) {
        return Err(RuleError::input("作出当场处罚的执法人员应包括本人"));
    }
    check_people(&input.officers, &[], input.date, ctx)?;
    if input.kinds.is_empty() {
        return Err(RuleError::input("请选择处罚种类（警告或罚款）"));
    }
    let party_type = input.party.party_type();
    simple_procedure_allowed(party_type, &input.kinds, input.fine)?;
    if let Some(p) = input.party.person() {
        if p.age_on(input.date) < 14 {
            return Err(RuleError::new(
                "行政处罚法第三十条",
                "不满十四周岁的未成年人不予行政处罚",
            ));
        }
    }
    let proposal = Proposal {
        date: input.date,
        kinds: input.kinds.clone(),
        tier: input.tier,
        alternative_band: false,
        fine: input.fine,
        base_amount: None,
        units: None,
        confiscation: Fen(0),
        reasoning: String::new(),
        complex_or_major: false,
        legal_review_flags: vec![],
    };
    if !power.power.penalty_kinds.contains(&PenaltyKind::Warning)
        && !input.kinds.contains(&PenaltyKind::Fine)
    {
        return Err(RuleError::new(
            "行政处罚法第三十八条",
            format!("{} 的处罚条款没有警告", power.power.code),
        ));
    }
    penalty::check_fine(&power.power, party_type, &proposal)?;
    let party_name = input.party.display_name();
    let mut case = propose(
        NewCase {
            source: Source::Inspection,
            place: input.place.clone(),
            act_date: input.date,
            act_end_date: None,
            discovered_on: input.date,
            grave_harm: false,
            facts: input.facts,
            parties: vec![input.party],
            handlers: input.officers.clone(),
            assistants: vec![],
            proposed_on: input.date,
        },
        Some(power),
        code,
        actor,
        ctx,
    )?;
    case.procedure = Procedure::Simple;
    case.stage = Stage::Executing;
    case.outcome = Some(Outcome::Penalty);
    case.proposal = Some(proposal);
    case.decision = Some(Decision {
        date: input.date,
        by: actor.id,
        kinds: input.kinds,
        fine: input.fine,
        confiscation: Fen(0),
        correction_order: input.correction_order,
        payment_place: String::new(),
        on_spot_place: Some(format!("{} {}", input.time, input.place)),
        publish: false,
    });
    case.services.push(Service {
        doc: ServedDoc::Decision,
        method: ServiceMethod::Direct,
        date: input.date,
        served_on: input.date,
        recipient: party_name,
        officers: input.officers,
        confirmation: false,
    });
    case.timeline = vec![
        (Stage::Deciding, input.date),
        (Stage::Executing, input.date),
    ];
    Ok(case)
}

fn head_not_own(case: &Case, actor: &User) -> RuleResult {
    has_role(actor, Role::Head)?;
    not_own_case(case, actor)
}

const OPEN: [Stage; 6] = [
    Stage::Investigating,
    Stage::Reviewing,
    Stage::Notifying,
    Stage::Deciding,
    Stage::Serving,
    Stage::Executing,
];
const INQUIRY: [Stage; 4] = [
    Stage::Investigating,
    Stage::Reviewing,
    Stage::Notifying,
    Stage::Deciding,
];

/// Role and stage rules of a step, without its data: what a menu shows as allowed, or the
/// reason it is not.
pub fn precheck(case: &Case, kind: ActionKind, actor: &User) -> RuleResult {
    use ActionKind as K;
    not_archived(case)?;
    if !actor.active {
        return Err(RuleError::new(
            "岗位权限",
            format!("{} 的账号已停用", actor.name),
        ));
    }
    match kind {
        K::ApproveFiling => {
            at_stage(case, &[Stage::Proposed], "审批立案")?;
            head_not_own(case, actor)
        }
        K::AddEvidence | K::AddRecord => {
            at_stage(case, &INQUIRY, "登记调查材料")?;
            is_handler(case, actor)
        }
        K::Preserve | K::Seize => {
            at_stage(case, &[Stage::Investigating], "采取证据保全或强制措施")?;
            head_not_own(case, actor)
        }
        K::DecidePreservation => {
            at_stage(case, &OPEN, "处理保全物品")?;
            if !case.preservations.iter().any(|p| p.decided_on.is_none()) {
                return Err(RuleError::input("没有待处理的先行登记保存物品"));
            }
            is_handler(case, actor)
        }
        K::ExcludeSeizureDays | K::ReleaseSeizure => {
            at_stage(case, &OPEN, "处理查封扣押")?;
            if !case.seizures.iter().any(|s| s.released_on.is_none()) {
                return Err(RuleError::input("没有未解除的查封扣押"));
            }
            is_handler(case, actor)
        }
        K::ExtendSeizure => {
            at_stage(case, &OPEN, "延长查封扣押")?;
            if !case
                .seizures
                .iter()
                .any(|s| s.released_on.is_none() && s.extended_days == 0)
            {
                return Err(RuleError::input("没有可延长的查封扣押"));
            }
            head_not_own(case, actor)
        }
        K::EndInvestigation => {
            at_stage(case, &[Stage::Investigating], "调查终结")?;
            is_handler(case, actor)
        }
        K::SquadReview => {
            at_stage(case, &[Stage::Reviewing], "审核")?;
            if case.squad_review.as_ref().is_some_and(|r| r.agree) {
                return Err(RuleError::input("中队长已审核同意"));
            }
            has_role(actor, Role::SquadLeader)?;
            not_own_case(case, actor)
        }
        K::LegalReview => {
            at_stage(
                case,
                &[Stage::Reviewing, Stage::Notifying, Stage::Deciding],
                "法制审核",
            )?;
            has_role(actor, Role::LegalReviewer)?;
            legal_reviewer_qualified(actor)?;
            not_own_case(case, actor)
        }
        K::Discuss => {
            at_stage(
                case,
                &[Stage::Reviewing, Stage::Notifying, Stage::Deciding],
                "集体讨论",
            )?;
            has_role(actor, Role::Head)
        }
        K::ReviewDecision => {
            at_stage(case, &[Stage::Reviewing], "作出审查决定")?;
            if case.review_outcome.is_some() {
                return Err(RuleError::input("负责人已作出审查决定"));
            }
            if !case.squad_review.as_ref().is_some_and(|r| r.agree) {
                return Err(RuleError::new("审核审批制度", "须先经中队长审核同意"));
            }
            head_not_own(case, actor)
        }
        K::IssueNotice => {
            at_stage(case, &[Stage::Reviewing], "事先告知")?;
            if !matches!(case.review_outcome, Some((_, ReviewOutcome::Penalty))) {
                return Err(RuleError::new(
                    "行政处罚法第五十七条",
                    "负责人尚未决定给予处罚，不能告知",
                ));
            }
            is_handler(case, actor)
        }
        K::Serve => {
            at_stage(
                case,
                &[
                    Stage::Notifying,
                    Stage::Deciding,
                    Stage::Serving,
                    Stage::Executing,
                ],
                "送达",
            )?;
            is_handler(case, actor)
        }
        K::RecordStatement | K::RequestHearing | K::Waive => {
            at_stage(case, &[Stage::Notifying], "登记当事人陈述、申辩或听证申请")?;
            if case.served(ServedDoc::Notice).is_none() {
                return Err(RuleError::input("事先告知书尚未送达"));
            }
            if kind == K::RequestHearing {
                if !case.notice.as_ref().is_some_and(|n| n.hearing_right) {
                    return Err(RuleError::new(
                        "行政处罚法第六十三条",
                        "本案拟作出的处罚不属于听证范围",
                    ));
                }
                if case.hearing.is_some() {
                    return Err(RuleError::input("已登记听证申请"));
                }
            }
            is_handler(case, actor)
        }
        K::ScheduleHearing => {
            at_stage(case, &[Stage::Notifying], "通知听证")?;
            if case.hearing.is_none() {
                return Err(RuleError::input("当事人尚未申请听证"));
            }
            head_not_own(case, actor)
        }
        K::HoldHearing => {
            at_stage(case, &[Stage::Notifying], "举行听证")?;
            let presiding = case.hearing.as_ref().and_then(|h| h.presiding);
            if presiding.is_none() {
                return Err(RuleError::input("听证尚未通知"));
            }
            if presiding != Some(actor.id) && !actor.has(Role::Head) {
                return Err(RuleError::new(
                    "岗位权限",
                    "只有听证主持人或负责人可以登记听证",
                ));
            }
            Ok(())
        }
        K::ExtendDecisionPeriod => {
            at_stage(case, &INQUIRY, "延长办案期限")?;
            head_not_own(case, actor)
        }
        K::Decide => {
            at_stage(case, &[Stage::Notifying, Stage::Deciding], "作出决定")?;
            head_not_own(case, actor)
        }
        K::Publish => {
            if case.decision.is_none() {
                return Err(RuleError::input("尚未作出决定"));
            }
            is_handler(case, actor)
        }
        K::Pay | K::Demand | K::RemedyStarted | K::RemedyEnded => {
            at_stage(case, &[Stage::Serving, Stage::Executing], "办理执行事项")?;
            is_handler(case, actor)
        }
        K::ApprovePlan | K::TerminateExecution => {
            at_stage(case, &[Stage::Executing], "审批执行事项")?;
            head_not_own(case, actor)
        }
        K::ApplyCourt => {
            at_stage(case, &[Stage::Executing], "申请强制执行")?;
            if case.procedure == Procedure::Simple && case.fine_due().0 == 0 {
                return Err(RuleError::input("没有待执行的罚款"));
            }
            head_not_own(case, actor)
        }
        K::Withdraw => {
            at_stage(case, &INQUIRY, "撤销立案")?;
            head_not_own(case, actor)
        }
        K::ProposeClosing => {
            if matches!(case.stage, Stage::Proposed | Stage::Closing | Stage::Closed) {
                return Err(RuleError::input(format!(
                    "案件处于“{}”阶段，不能提请结案",
                    case.stage.name()
                )));
            }
            let undecided_penalty =
                case.outcome == Some(Outcome::Penalty) && case.decision.is_none();
            if case.outcome.is_none() || undecided_penalty {
                return Err(RuleError::new("结案条件", "案件尚未作出处理决定，不能结案"));
            }
            is_handler(case, actor)
        }
        K::ApproveClosing => {
            at_stage(case, &[Stage::Closing], "结案审批")?;
            head_not_own(case, actor)
        }
        K::Archive => {
            at_stage(case, &[Stage::Closed], "归档")?;
            if case.handlers.contains(&actor.id) || actor.has(Role::Admin) {
                Ok(())
            } else {
                Err(RuleError::new("岗位权限", "由本案承办人或管理员归档"))
            }
        }
    }
}

fn enter(case: &mut Case, stage: Stage, date: NaiveDate) {
    case.stage = stage;
    case.timeline.push((stage, date));
}

fn dated(date: NaiveDate, case: &Case, ctx: &Ctx, what: &str) -> RuleResult {
    not_in_future(date, ctx.today, what)?;
    if case.procedure == Procedure::General {
        not_before_filing(case, date, what)?;
    }
    Ok(())
}

fn nth<'a, T>(items: &'a mut [T], index: usize, what: &str) -> RuleResult<&'a mut T> {
    let n = items.len();
    items
        .get_mut(index)
        .ok_or_else(|| RuleError::input(format!("没有第 {} 项{what}（共 {n} 项）", index + 1)))
}

/// Applies one step after its gates pass. Never mutates `case`; returns the next version.
pub fn transition(case: &Case, action: &Action, actor: &User, ctx: &Ctx) -> RuleResult<Transition> {
    precheck(case, action.kind(), actor)?;
    not_before_last_step(case, action)?;
    let mut c = case.clone();
    let mut docs: Vec<&'static str> = Vec::new();
    let summary: String;
    match action {
        Action::ApproveFiling {
            date,
            agree,
            opinion,
        } => {
            not_in_future(*date, ctx.today, "立案审批")?;
            if *date < case.proposed_on {
                return Err(RuleError::input("审批日期早于提请日期，请核对"));
            }
            require_text("审批意见", opinion, 500)?;
            let approval = Approval {
                by: actor.id,
                date: *date,
                agree: *agree,
                opinion: opinion.trim().into(),
            };
            c.filing = Some(approval);
            if *agree {
                check_people(&case.handlers, &case.assistants, *date, ctx)?;
                enter(&mut c, Stage::Investigating, *date);
                docs.push("立案审批表");
                summary = format!("{} 批准立案", actor.name);
            } else {
                c.outcome = Some(Outcome::NotFiled {
                    reason: opinion.trim().into(),
                });
                enter(&mut c, Stage::Closed, *date);
                summary = format!("{} 决定不予立案", actor.name);
            }
        }
        Action::AddEvidence { evidence } => {
            dated(evidence.collected_on, case, ctx, "取证")?;
            require_text("证据说明", &evidence.description, 2000)?;
            two_certified_officers(&ctx.users_of(&evidence.collectors)?, evidence.collected_on)?;
            c.evidence.push(evidence.clone());
            summary = format!(
                "登记证据（{}）",
                serde_json::to_value(evidence.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            );
        }
        Action::AddRecord { record } => {
            dated(record.date, case, ctx, "制作笔录")?;
            require_text("笔录内容", &record.content, 20000)?;
            two_certified_officers(&ctx.users_of(&record.officers)?, record.date)?;
            if record.kind == RecordKind::Inquiry {
                if record.persons.len() != 1 {
                    return Err(RuleError::new(
                        "询问笔录规范",
                        "询问笔录一人一份，请只填写一名被询问人",
                    ));
                }
                let earlier = c
                    .records
                    .iter()
                    .filter(|r| r.kind == RecordKind::Inquiry && r.persons == record.persons)
                    .count();
                if record.nth != earlier as u32 + 1 {
                    return Err(RuleError::input(format!(
                        "这是对 {} 的第 {} 次询问，请将次数填为 {}",
                        record.persons[0],
                        earlier + 1,
                        earlier + 1
                    )));
                }
            }
            if let Signature::Witness { name } = &record.signature {
                require_text("见证人姓名", name, 40)?;
            }
            c.records.push(record.clone());
            docs.push(record.kind.name());
            summary = format!("制作{}", record.kind.name());
        }
        Action::Preserve { date, items } => {
            dated(*date, case, ctx, "先行登记保存")?;
            require_text("保存物品清单", items, 2000)?;
            c.preservations.push(Preservation {
                approved_by: actor.id,
                date: *date,
                items: items.trim().into(),
                decided_on: None,
                decision: None,
            });
            docs.push("先行登记保存通知书及清单");
            summary = format!("{} 批准先行登记保存", actor.name);
        }
        Action::DecidePreservation {
            index,
            date,
            decision,
        } => {
            dated(*date, case, ctx, "处理保存物品")?;
            require_text("处理决定", decision, 500)?;
            let p = nth(&mut c.preservations, *index, "先行登记保存")?;
            if p.decided_on.is_some() {
                return Err(RuleError::input("该批物品已作出处理决定"));
            }
            if *date < p.date {
                return Err(RuleError::input("处理日期早于保存日期"));
            }
            p.decided_on = Some(*date);
            p.decision = Some(decision.trim().into());
            summary = "作出先行登记保存处理决定".into();
        }
        Action::Seize { date, items, days } => {
            dated(*date, case, ctx, "查封扣押")?;
            require_text("查封扣押清单", items, 2000)?;
            seizure_period(*days, 0, 0)?;
            c.seizures.push(Seizure {
                approved_by: actor.id,
                date: *date,
                items: items.trim().into(),
                days: *days,
                extended_days: 0,
                excluded_days: 0,
                released_on: None,
            });
            docs.push("查封扣押决定书及清单");
            summary = format!("{} 批准查封扣押 {days} 日", actor.name);
        }
        Action::ExtendSeizure { index, date, days } => {
            dated(*date, case, ctx, "延长查封扣押")?;
            let s = nth(&mut c.seizures, *index, "查封扣押")?;
            seizure_period(s.days, s.extended_days, *days)?;
            if s.released_on.is_some() {
                return Err(RuleError::input("已解除的查封扣押不能延长"));
            }
            s.extended_days = *days;
            summary = format!("延长查封扣押 {days} 日");
        }
        Action::ExcludeSeizureDays { index, days } => {
            let s = nth(&mut c.seizures, *index, "查封扣押")?;
            s.excluded_days += days;
            summary = format!("登记检测、检验、检疫或技术鉴定期间 {days} 日（不计入查封扣押期限）");
        }
        Action::ReleaseSeizure { index, date } => {
            dated(*date, case, ctx, "解除查封扣押")?;
            let s = nth(&mut c.seizures, *index, "查封扣押")?;
            if s.released_on.is_some() {
                return Err(RuleError::input("已经解除"));
            }
            s.released_on = Some(*date);
            summary = "解除查封扣押".into();
        }
        Action::EndInvestigation { proposal } => {
            dated(proposal.date, case, ctx, "调查终结")?;
            if case.evidence.is_empty() && case.records.is_empty() {
                return Err(RuleError::new(
                    "行政处罚法第四十条",
                    "尚无任何证据或笔录，违法事实不清、证据不足的不得给予行政处罚",
                ));
            }
            if let Some(open) = case.preservations.iter().find(|p| p.decided_on.is_none()) {
                return Err(RuleError::new(
                    "行政处罚法第五十六条",
                    format!("{} 先行登记保存的物品尚未作出处理决定", open.date),
                ));
            }
            require_text("调查终结报告（处理建议理由）", &proposal.reasoning, 5000)?;
            check_proposal(case, proposal)?;
            c.proposal = Some(proposal.clone());
            c.squad_review = None;
            enter(&mut c, Stage::Reviewing, proposal.date);
            docs.push("调查终结报告");
            summary = "调查终结，提出处理建议".into();
        }
        Action::SquadReview {
            date,
            agree,
            opinion,
        } => {
            dated(*date, case, ctx, "审核")?;
            require_text("审核意见", opinion, 500)?;
            c.squad_review = Some(Approval {
                by: actor.id,
                date: *date,
                agree: *agree,
                opinion: opinion.trim().into(),
            });
            if !agree {
                // 退回补充调查.
                enter(&mut c, Stage::Investigating, *date);
                c.squad_review = None;
                c.proposal = None;
            }
            summary = format!(
                "{} 审核{}",
                actor.name,
                if *agree {
                    "同意"
                } else {
                    "退回补充调查"
                }
            );
        }
        Action::LegalReview {
            date,
            passed,
            opinion,
        } => {
            dated(*date, case, ctx, "法制审核")?;
            require_text("法制审核意见", opinion, 2000)?;
            c.legal_reviews.push(Approval {
                by: actor.id,
                date: *date,
                agree: *passed,
                opinion: opinion.trim().into(),
            });
            docs.push("法制审核意见书");
            summary = format!(
                "{} 法制审核{}",
                actor.name,
                if *passed { "通过" } else { "未通过" }
            );
        }
        Action::Discuss {
            date,
            attendees,
            conclusion,
        } => {
            dated(*date, case, ctx, "集体讨论")?;
            require_text("讨论结论", conclusion, 2000)?;
            let people = ctx.users_of(attendees)?;
            if people.iter().filter(|u| u.has(Role::Head)).count() < 2 {
                return Err(RuleError::new(
                    "行政处罚法第五十七条第二款",
                    "集体讨论须有两名以上机关负责人参加",
                ));
            }
            c.discussions.push(Discussion {
                date: *date,
                chair: actor.id,
                attendees: attendees.clone(),
                conclusion: conclusion.trim().into(),
            });
            docs.push("集体讨论记录");
            summary = "负责人集体讨论".into();
        }
        Action::ReviewDecision {
            date,
            outcome,
            opinion,
        } => {
            dated(*date, case, ctx, "审查决定")?;
            require_text("审批意见", opinion, 500)?;
            collective_discussion_held(case)?;
            let approval = Approval {
                by: actor.id,
                date: *date,
                agree: true,
                opinion: opinion.trim().into(),
            };
            match outcome {
                ReviewOutcome::Penalty => {
                    if case.proposal.as_ref().is_none_or(|p| p.kinds.is_empty()) {
                        return Err(RuleError::new(
                            "行政处罚法第五十七条",
                            "承办人的处理建议未拟处罚种类，不能决定给予处罚；请退回补充调查",
                        ));
                    }
                    if let Some(p) = case
                        .parties
                        .iter()
                        .filter_map(Party::person)
                        .find(|p| p.age_on(case.act_date) < 14)
                    {
                        return Err(RuleError::new(
                            "行政处罚法第三十条",
                            format!("{} 违法时不满十四周岁，不予行政处罚", p.name),
                        ));
                    }
                    c.outcome = Some(Outcome::Penalty);
                    summary = format!("{} 决定给予行政处罚，进入告知程序", actor.name);
                }
                ReviewOutcome::NoPenalty { reason, education } => {
                    require_text("教育情况", education, 2000)?;
                    c.outcome = Some(Outcome::NoPenalty {
                        reason: *reason,
                        education: education.trim().into(),
                    });
                    enter(&mut c, Stage::Deciding, *date);
                    summary = format!("{} 决定不予行政处罚（{}）", actor.name, reason.article());
                }
                ReviewOutcome::NotEstablished => {
                    c.outcome = Some(Outcome::NotEstablished);
                    enter(&mut c, Stage::Deciding, *date);
                    summary = format!("{} 认定违法事实不能成立，不予行政处罚", actor.name);
                }
                ReviewOutcome::Transfer { to, judicial } => {
                    require_text("移送机关", to, 80)?;
                    c.outcome = Some(Outcome::Transferred {
                        to: to.trim().into(),
                        judicial: *judicial,
                    });
                    docs.push("案件移送书");
                    summary = format!("{} 决定移送{}", actor.name, to.trim());
                }
            }
            c.review_outcome = Some((approval, outcome.clone()));
        }
        Action::IssueNotice { date } => {
            dated(*date, case, ctx, "告知")?;
            let p = case
                .proposal
                .as_ref()
                .ok_or_else(|| RuleError::input("尚无处理建议"))?;
            let hearing_right = penalty::hearing_right(
                &p.kinds,
                p.fine,
                p.confiscation,
                case.party_type(),
                ctx.settings,
            );
            c.notice = Some(Notice {
                date: *date,
                kinds: p.kinds.clone(),
                fine: p.fine,
                confiscation: p.confiscation,
                hearing_right,
            });
            enter(&mut c, Stage::Notifying, *date);
            docs.push("行政处罚事先告知书");
            if hearing_right {
                docs.push("听证告知书");
            }
            summary = format!(
                "制发事先告知书{}",
                if hearing_right {
                    "（含听证权利）"
                } else {
                    ""
                }
            );
        }
        Action::Serve {
            doc,
            method,
            date,
            recipient,
            officers,
            confirmation,
        } => {
            dated(*date, case, ctx, "送达")?;
            require_text("受送达人", recipient, 80)?;
            electronic_service_confirmed(*method, *confirmation)?;
            two_certified_officers(&ctx.users_of(officers)?, *date)?;
            let issued = match doc {
                ServedDoc::Notice => case.notice.as_ref().map(|n| n.date),
                ServedDoc::HearingNotice => case.hearing.as_ref().and_then(|h| h.notified_on),
                ServedDoc::Decision => case
                    .decision
                    .as_ref()
                    .filter(|_| case.outcome == Some(Outcome::Penalty))
                    .map(|d| d.date),
                ServedDoc::NoPenaltyDecision => case
                    .decision
                    .as_ref()
                    .filter(|_| case.outcome != Some(Outcome::Penalty))
                    .map(|d| d.date),
                ServedDoc::Demand => case.demands.last().map(|d| d.date),
            };
            let issued = issued
                .ok_or_else(|| RuleError::input(format!("{} 尚未制作，不能送达", doc.name())))?;
            if *date < issued {
                return Err(RuleError::input(format!(
                    "送达日期早于{}的制作日期 {issued}",
                    doc.name()
                )));
            }
            let served_on = if *method == ServiceMethod::PublicNotice {
                // 民事诉讼法 (2023) Art 95: served 30 days after the notice is issued.
                date.checked_add_days(chrono::Days::new(30))
                    .unwrap_or(*date)
            } else {
                *date
            };
            c.services.push(Service {
                doc: *doc,
                method: *method,
                date: *date,
                served_on,
                recipient: recipient.trim().into(),
                officers: officers.clone(),
                confirmation: *confirmation,
            });
            docs.push("送达回证");
            if matches!(doc, ServedDoc::Decision | ServedDoc::NoPenaltyDecision)
                && case.stage == Stage::Serving
            {
                enter(&mut c, Stage::Executing, served_on);
            }
            summary = format!(
                "送达{}（{}）",
                doc.name(),
                serde_json::to_value(method)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            );
        }
        Action::RecordStatement {
            date,
            content,
            adopted,
            reexamination,
        } => {
            dated(*date, case, ctx, "陈述申辩")?;
            require_text("陈述申辩内容", content, 20000)?;
            require_text("复核意见", reexamination, 5000)?;
            c.statements.push(StatementRecord {
                date: *date,
                content: content.trim().into(),
                adopted: *adopted,
                reexamination: reexamination.trim().into(),
            });
            summary = format!(
                "登记陈述申辩并复核（{}）",
                if *adopted { "采纳" } else { "不予采纳" }
            );
        }
        Action::RequestHearing { date } => {
            dated(*date, case, ctx, "听证申请")?;
            if case.hearing.is_some() {
                return Err(RuleError::input("已登记听证申请"));
            }
            hearing_request_in_time(case, *date, ctx.calendar)?;
            c.hearing = Some(Hearing {
                requested_on: *date,
                notified_on: None,
                date: None,
                place: String::new(),
                presiding: None,
                held_on: None,
                party_absent: false,
            });
            summary = "当事人申请听证".into();
        }
        Action::ScheduleHearing {
            notified_on,
            date,
            place,
            presiding,
        } => {
            dated(*notified_on, case, ctx, "听证通知")?;
            require_text("听证地点", place, 120)?;
            let presiding_user = ctx.user(*presiding)?;
            presiding_not_investigator(case, presiding_user)?;
            hearing_notified_in_time(*notified_on, *date, ctx.calendar)?;
            let h = c
                .hearing
                .as_mut()
                .ok_or_else(|| RuleError::input("尚未申请听证"))?;
            if *notified_on < h.requested_on {
                return Err(RuleError::input("通知日期早于申请日期"));
            }
            h.notified_on = Some(*notified_on);
            h.date = Some(*date);
            h.place = place.trim().into();
            h.presiding = Some(*presiding);
            docs.push("听证通知书");
            summary = format!(
                "通知听证：{date} {}，主持人 {}",
                place.trim(),
                presiding_user.name
            );
        }
        Action::HoldHearing { date, party_absent } => {
            dated(*date, case, ctx, "听证")?;
            let h = c
                .hearing
                .as_mut()
                .ok_or_else(|| RuleError::input("尚未申请听证"))?;
            if Some(*date) != h.date {
                return Err(RuleError::input(format!(
                    "听证通知的日期是 {}，请按通知日期登记（改期须重新通知）",
                    h.date.map(|d| d.to_string()).unwrap_or_default()
                )));
            }
            if !party_absent
                && !case
                    .records
                    .iter()
                    .any(|r| r.kind == RecordKind::Hearing && r.date == *date)
            {
                return Err(RuleError::new(
                    "行政处罚法第六十四条第八项",
                    "请先制作当日的听证笔录",
                ));
            }
            if *party_absent {
                h.party_absent = true;
                summary = "当事人无正当理由未到场，视为放弃听证".into();
            } else {
                h.held_on = Some(*date);
                summary = "举行听证".into();
            }
        }
        Action::Waive { date } => {
            dated(*date, case, ctx, "放弃")?;
            if case.served(ServedDoc::Notice).is_none() {
                return Err(RuleError::input("告知书尚未送达"));
            }
            c.waived_on = Some(*date);
            summary = "当事人明确放弃陈述、申辩和听证".into();
        }
        Action::ExtendDecisionPeriod { date, reason } => {
            dated(*date, case, ctx, "延期审批")?;
            require_text("延期理由", reason, 500)?;
            if case.extensions.len() as u32 >= ctx.settings.decision_extensions_allowed {
                return Err(RuleError::new(
                    "行政处罚法第六十条",
                    format!(
                        "本机关规则只允许延期 {} 次",
                        ctx.settings.decision_extensions_allowed
                    ),
                ));
            }
            if let Some(due) = decision_due(case, ctx.calendar)? {
                if *date > due {
                    return Err(RuleError::new(
                        "行政处罚法第六十条",
                        format!("办案期限已于 {due} 届满，须在届满前批准延期"),
                    ));
                }
            }
            c.extensions.push(Extension {
                by: actor.id,
                date: *date,
                days: ctx.settings.decision_extension_days,
                reason: reason.trim().into(),
            });
            docs.push("案件延期审批表");
            summary = format!(
                "批准延长办案期限 {} 日",
                ctx.settings.decision_extension_days
            );
        }
        Action::Decide {
            date,
            kinds,
            fine,
            confiscation,
            correction_order,
            payment_place,
            publish,
        } => {
            dated(*date, case, ctx, "决定")?;
            legal_review_passed(case)?;
            collective_discussion_held(case)?;
            within_decision_limit(case, *date, ctx.calendar)?;
            let penalty_case = case.outcome == Some(Outcome::Penalty);
            if penalty_case {
                notice_served(case)?;
                party_heard(case, *date, ctx.calendar, ctx.settings)?;
                if kinds.is_empty() {
                    return Err(RuleError::input("请选择处罚种类"));
                }
                not_heavier_than_notified(case, kinds, *fine, *confiscation)?;
                let mut p = case
                    .proposal
                    .clone()
                    .ok_or_else(|| RuleError::input("尚无处理建议"))?;
                p.kinds = kinds.clone();
                p.fine = *fine;
                p.confiscation = *confiscation;
                penalty::check_fine(&case.power.power, case.party_type(), &p)?;
                if kinds.contains(&PenaltyKind::Fine) {
                    require_text("缴款地点（指定银行或电子支付方式）", payment_place, 200)?;
                }
                require_text("责令改正内容", correction_order, 1000)?;
                docs.push("行政处罚决定书");
            } else {
                if case.stage != Stage::Deciding {
                    return Err(RuleError::input("负责人尚未作出不予处罚的审查决定"));
                }
                if fine.0 != 0 || !kinds.is_empty() {
                    return Err(RuleError::input("不予行政处罚的决定不得含处罚种类或罚款"));
                }
                docs.push("不予行政处罚决定书");
            }
            c.decision = Some(Decision {
                date: *date,
                by: actor.id,
                kinds: kinds.clone(),
                fine: *fine,
                confiscation: *confiscation,
                correction_order: correction_order.trim().into(),
                payment_place: payment_place.trim().into(),
                on_spot_place: None,
                publish: *publish,
            });
            enter(&mut c, Stage::Serving, *date);
            summary = format!(
                "{} 作出{}",
                actor.name,
                if penalty_case {
                    format!("行政处罚决定（罚款 {fine}）")
                } else {
                    "不予行政处罚决定".to_string()
                }
            );
        }
        Action::Publish { date } => {
            dated(*date, case, ctx, "公示")?;
            c.published_on = Some(*date);
            summary = "公示处罚决定".into();
        }
        Action::Pay {
            date,
            amount,
            method,
            receipt_no,
            on_spot_reason,
        } => {
            not_in_future(*date, ctx.today, "缴款")?;
            let decided = case
                .decision
                .as_ref()
                .map(|d| d.date)
                .unwrap_or(case.act_date);
            if *date < decided {
                return Err(RuleError::input("缴款日期早于决定日期"));
            }
            if amount.0 <= 0 {
                return Err(RuleError::input("缴款金额须大于 0"));
            }
            if *method == PaymentMethod::OnSpot {
                cash_on_spot_allowed(case, *amount, !on_spot_reason.trim().is_empty())?;
                require_text(
                    "财政部门统一制发的专用票据号（行政处罚法第七十条）",
                    receipt_no,
                    40,
                )?;
            }
            let owed = case.fine_due().0 + outstanding_surcharge(case, *date, ctx.calendar)?.0
                - case.paid().0;
            if amount.0 > owed {
                return Err(RuleError::input(format!(
                    "缴款 {amount} 超过应缴余额 {}",
                    Fen(owed.max(0))
                )));
            }
            c.payments.push(Payment {
                date: *date,
                amount: *amount,
                method: *method,
                receipt_no: receipt_no.trim().into(),
            });
            summary = format!("登记缴款 {amount}");
        }
        Action::ApprovePlan { date, instalments } => {
            dated(*date, case, ctx, "延期分期审批")?;
            if case.plan.is_some() {
                return Err(RuleError::input("已批准过延期（分期）缴纳"));
            }
            if instalments.is_empty() {
                return Err(RuleError::input("请填写至少一期的缴纳日期和金额"));
            }
            let total: i64 = instalments.iter().map(|i| i.amount.0).sum();
            let outstanding = case.fine_due().0 - case.paid().0;
            if total != outstanding {
                return Err(RuleError::input(format!(
                    "各期金额合计 {} 应等于未缴罚款 {}",
                    Fen(total),
                    Fen(outstanding)
                )));
            }
            if instalments
                .iter()
                .any(|i| i.due <= *date || i.amount.0 <= 0)
            {
                return Err(RuleError::input("每期缴纳日期须晚于批准日期，金额须大于 0"));
            }
            c.plan = Some(PaymentPlan {
                approved_by: actor.id,
                date: *date,
                instalments: instalments.clone(),
            });
            docs.push("延期(分期)缴纳罚款批准书");
            summary = format!(
                "批准{}缴纳",
                if instalments.len() > 1 {
                    "分期"
                } else {
                    "延期"
                }
            );
        }
        Action::Demand { date } => {
            dated(*date, case, ctx, "催告")?;
            let due = payment_due(case, ctx.calendar)?
                .ok_or_else(|| RuleError::input("处罚决定尚未送达"))?;
            if *date <= due {
                return Err(RuleError::new(
                    "行政强制法第三十五条",
                    format!("缴款期限至 {due}，期满未缴方可催告"),
                ));
            }
            let surcharge = outstanding_surcharge(case, *date, ctx.calendar)?;
            let outstanding = case.fine_due().0 - case.paid().0;
            if outstanding <= 0 {
                return Err(RuleError::input("罚款已缴清，无需催告"));
            }
            c.demands.push(Demand {
                date: *date,
                amount: Fen(outstanding + surcharge.0),
                surcharge,
            });
            docs.push("催告书");
            if surcharge.0 > 0 {
                docs.push("加处罚款决定书");
            }
            summary = format!("催告：罚款 {} 加处罚款 {surcharge}", Fen(outstanding));
        }
        Action::ApplyCourt { date, court } => {
            dated(*date, case, ctx, "申请强制执行")?;
            require_text("人民法院", court, 80)?;
            court_application_window(case, *date, ctx.calendar)?;
            c.court = Some(CourtApplication {
                date: *date,
                court: court.trim().into(),
            });
            docs.push("强制执行申请书");
            summary = format!("向{}申请强制执行", court.trim());
        }
        Action::RemedyStarted { kind, date } => {
            not_in_future(*date, ctx.today, "复议诉讼")?;
            if case
                .remedies
                .iter()
                .any(|r| r.kind == *kind && r.ended_on.is_none())
            {
                return Err(RuleError::input("已有未结束的同类复议或诉讼"));
            }
            c.remedies.push(Remedy {
                kind: *kind,
                started_on: *date,
                ended_on: None,
                result: None,
                changed_fine: None,
            });
            summary = format!(
                "登记{}",
                serde_json::to_value(kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            );
        }
        Action::RemedyEnded {
            kind,
            date,
            result,
            changed_fine,
        } => {
            not_in_future(*date, ctx.today, "复议诉讼结果")?;
            let r = c
                .remedies
                .iter_mut()
                .rev()
                .find(|r| r.kind == *kind && r.ended_on.is_none())
                .ok_or_else(|| RuleError::input("没有进行中的该类复议或诉讼"))?;
            if *date < r.started_on {
                return Err(RuleError::input("结束日期早于开始日期"));
            }
            if *result == RemedyResult::Changed && changed_fine.is_none() {
                return Err(RuleError::input("变更的结果须填写变更后的罚款金额"));
            }
            r.ended_on = Some(*date);
            r.result = Some(*result);
            r.changed_fine = *changed_fine;
            summary = "登记复议诉讼结果".into();
        }
        Action::TerminateExecution { date, reason } => {
            dated(*date, case, ctx, "终结执行")?;
            require_text(
                "终结执行理由（行政强制法第三十九条、第四十条）",
                reason,
                500,
            )?;
            c.termination = Some((*date, reason.trim().into()));
            summary = "终结执行".into();
        }
        Action::Withdraw { date, reason } => {
            dated(*date, case, ctx, "撤销立案")?;
            require_text("撤销理由", reason, 500)?;
            c.outcome = Some(Outcome::Withdrawn {
                reason: reason.trim().into(),
            });
            summary = format!("{} 撤销立案", actor.name);
        }
        Action::ProposeClosing { date } => {
            not_in_future(*date, ctx.today, "提请结案")?;
            closable(case, *date, ctx.calendar)?;
            c.closing_proposed_on = Some(*date);
            enter(&mut c, Stage::Closing, *date);
            docs.push("结案审批表");
            summary = "提请结案".into();
        }
        Action::ApproveClosing { date, opinion } => {
            not_in_future(*date, ctx.today, "结案审批")?;
            require_text("审批意见", opinion, 500)?;
            closable(case, *date, ctx.calendar)?;
            c.closing = Some(Approval {
                by: actor.id,
                date: *date,
                agree: true,
                opinion: opinion.trim().into(),
            });
            enter(&mut c, Stage::Closed, *date);
            summary = format!("{} 批准结案", actor.name);
        }
        Action::Archive {
            date,
            archive_no,
            retention,
        } => {
            not_in_future(*date, ctx.today, "归档")?;
            require_text("归档号", archive_no, 40)?;
            require_text("保存期限", retention, 20)?;
            c.archive = Some(ArchiveInfo {
                date: *date,
                archive_no: archive_no.trim().into(),
                retention: retention.trim().into(),
            });
            enter(&mut c, Stage::Archived, *date);
            docs.push("案卷封面");
            docs.push("卷内文件目录");
            docs.push("备考表");
            summary = "归档".into();
        }
    }
    c.version += 1;
    Ok(Transition {
        case: c,
        summary,
        documents_due: docs,
    })
}

/// A step cannot be dated before the step that brought the case to its stage (evidence and
/// records may be registered later than they were made, so they are exempt), and a decision
/// not before the hearing, legal review or statements it rests on.
fn not_before_last_step(case: &Case, action: &Action) -> RuleResult {
    let date = match action {
        Action::AddEvidence { .. }
        | Action::AddRecord { .. }
        | Action::ExcludeSeizureDays { .. } => return Ok(()),
        Action::ApproveFiling { date, .. }
        | Action::Preserve { date, .. }
        | Action::DecidePreservation { date, .. }
        | Action::Seize { date, .. }
        | Action::ExtendSeizure { date, .. }
        | Action::ReleaseSeizure { date, .. }
        | Action::SquadReview { date, .. }
        | Action::LegalReview { date, .. }
        | Action::Discuss { date, .. }
        | Action::ReviewDecision { date, .. }
        | Action::IssueNotice { date }
        | Action::Serve { date, .. }
        | Action::RecordStatement { date, .. }
        | Action::RequestHearing { date }
        | Action::HoldHearing { date, .. }
        | Action::Waive { date }
        | Action::ExtendDecisionPeriod { date, .. }
        | Action::Decide { date, .. }
        | Action::Publish { date }
        | Action::Pay { date, .. }
        | Action::ApprovePlan { date, .. }
        | Action::Demand { date }
        | Action::ApplyCourt { date, .. }
        | Action::RemedyStarted { date, .. }
        | Action::RemedyEnded { date, .. }
        | Action::TerminateExecution { date, .. }
        | Action::Withdraw { date, .. }
        | Action::ProposeClosing { date }
        | Action::ApproveClosing { date, .. }
        | Action::Archive { date, .. } => *date,
        Action::EndInvestigation { proposal } => proposal.date,
        Action::ScheduleHearing { notified_on, .. } => *notified_on,
    };
    if let Some((stage, since)) = case.timeline.last() {
        if date < *since {
            return Err(RuleError::input(format!(
                "{}日期 {date} 早于本案进入“{}”阶段的日期 {since}，请核对",
                action.kind().label(),
                stage.name()
            )));
        }
    }
    if let Action::Decide { date, .. } = action {
        let basis = case
            .hearing
            .as_ref()
            .and_then(|h| h.held_on)
            .into_iter()
            .chain(case.legal_reviews.iter().map(|r| r.date))
            .chain(case.statements.iter().map(|s| s.date))
            .chain(case.discussions.iter().map(|d| d.date))
            .chain(case.served(ServedDoc::Notice).map(|s| s.served_on))
            .max();
        if let Some(basis) = basis.filter(|b| date < b) {
            return Err(RuleError::input(format!(
                "决定日期 {date} 早于其依据的听证、审核、讨论或告知送达日期 {basis}，请核对"
            )));
        }
    }
    Ok(())
}

/// The proposal at the end of the investigation: kinds allowed by the power and a fine
/// inside the statutory range and the chosen tier (Art 34, 38).
fn check_proposal(case: &Case, p: &Proposal) -> RuleResult {
    if p.kinds.is_empty() {
        // A proposal not to punish (or to transfer): nothing to check against the range.
        if p.fine.0 != 0 {
            return Err(RuleError::input("未选处罚种类时罚款金额应为 0"));
        }
        return Ok(());
    }
    let power = &case.power.power;
    if let Some(k) = p.kinds.iter().find(|k| !power.penalty_kinds.contains(k)) {
        return Err(RuleError::new(
            "行政处罚法第三十八条",
            format!("{} 的处罚条款没有“{}”，不能适用", power.code, k.name()),
        ));
    }
    if let Some(person) = case.parties.iter().filter_map(Party::person).find(|pp| {
        let age = pp.age_on(case.act_date);
        (14..18).contains(&age)
    }) {
        if matches!(
            p.tier,
            Some(TierName::Serious | TierName::Grave | TierName::Heavier)
        ) {
            return Err(RuleError::new(
                "行政处罚法第三十条",
                format!(
                    "{} 违法时已满十四周岁不满十八周岁，应当从轻或者减轻处罚",
                    person.name
                ),
            ));
        }
    }
    penalty::check_fine(power, case.party_type(), p)
}

/// Every step with whether this user may take it now, for menus.
pub fn available(case: &Case, actor: &User) -> Vec<(ActionKind, RuleResult)> {
    ActionKind::ALL
        .into_iter()
        .map(|k| (k, precheck(case, k, actor)))
        .collect()
}

#[cfg(test)]
mod tests;
