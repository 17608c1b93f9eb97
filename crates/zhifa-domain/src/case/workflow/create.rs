//! Creating cases: 提请立案 (一般程序) and the on-the-spot decision (简易程序).

use super::*;
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
        return Err(RuleError::role(
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
    require_text("违法行为地点", &new.place, text::PLACE)?;
    require_text("案情", &new.facts, text::LONG)?;
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
        corrections: Vec::new(),
        on_spot_filed: None,
        correction_notice: None,
        correction_recheck: None,
        duty: None,
        goods: Vec::new(),
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
    /// The statutory circumstance where the tier is 从轻 or 减轻 (Art 30–32).
    #[serde(default)]
    pub mitigation: Option<Mitigation>,
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
    township_may_decide(&power.power, &input.kinds)?;
    not_in_future(input.date, ctx.today, "当场处罚")?;
    require_text("违法事实", &input.facts, text::NOTE)?;
    require_text("地点", &input.place, text::PLACE)?;
    let time = text::time("当场处罚时间", &input.time)?;
    if time.is_empty() {
        return Err(text::TextError::Empty("当场处罚时间").into());
    }
    let correction_order = text::optional("责令改正内容", &input.correction_order, text::NOTE)?;
    if !input.officers.contains(&actor.id) {
        return Err(RuleError::input("作出当场处罚的执法人员应包括本人"));
    }
    check_people(&input.officers, &[], input.date, ctx)?;
    if input.kinds.is_empty() {
        return Err(RuleError::input("请选择处罚种类（警告或罚款）"));
    }
    let party_type = input.party.party_type();
    // The on-the-spot proposal below is always in the main band.
    mandatory_measures_included(&power.power, false, &[], &input.kinds)?;
    simple_procedure_allowed(party_type, &input.kinds, input.fine)?;
    correction_ordered(&correction_order)?;
    minor_treated_by_age(
        std::slice::from_ref(&input.party),
        input.date,
        &input.kinds,
        input.tier,
        input.mitigation,
    )?;
    let proposal = Proposal {
        date: input.date,
        kinds: input.kinds.clone(),
        tier: input.tier,
        alternative_band: false,
        mitigation: input.mitigation,
        triggers: Vec::new(),
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
        correction_order,
        payment_place: String::new(),
        on_spot_place: Some(format!("{time} {}", input.place.trim())),
        publish: false,
        hearing_held_on: None,
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
