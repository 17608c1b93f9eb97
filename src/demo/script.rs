//! One demo case, taken through the procedure step by step with lawful dates.

use chrono::NaiveDate;
use serde::Deserialize;

use super::{ids, Cast, DemoError};
use crate::desk::Desk;
use crate::domain::calendar::Calendar;
use crate::domain::case::{
    gates, penalty, Action, CashGround, EvidenceKind, Instalment, Mitigation, NewCase,
    NoPenaltyReason, OnSpot, PartyInput, PaymentMethod, Proposal, Record, RecordKind,
    ReviewOutcome, ServedDoc, ServiceMethod, Signature, Source, Stage,
};
use crate::domain::catalog::{PartyType, PenaltyKind, StatutoryKind, TierName};
use crate::domain::money::{Dec4, Fen};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scenario {
    General,
    Simple,
    NotFiled,
    NoPenalty,
    NotEstablished,
    Transfer,
    Withdraw,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoCase {
    pub power: String,
    pub scenario: Scenario,
    #[serde(default)]
    pub stop: Option<String>,
    pub start: NaiveDate,
    pub place: String,
    pub facts: String,
    pub handlers: Vec<String>,
    #[serde(default)]
    pub assistant: Option<String>,
    #[serde(default)]
    pub tier: String,
    #[serde(default)]
    pub hearing: bool,
    #[serde(default)]
    pub pay: Option<String>,
    #[serde(default)]
    pub complex: bool,
    #[serde(default)]
    pub base: Fen,
    #[serde(default)]
    pub units: Dec4,
    /// Measures taken during the investigation, so the demo holds each branch's papers:
    /// 先行登记保存 (行政处罚法第五十六条), 查封扣押 (行政强制法第二十四条), and a
    /// 责令改正通知书 with its 复查 (第二十八条第一款).
    #[serde(default)]
    pub preserve: bool,
    #[serde(default)]
    pub seize: bool,
    #[serde(default)]
    pub order_correction: bool,
    /// An order to act and how it is enforced (sample-data/enforcement.toml).
    #[serde(default)]
    pub duty: Option<duty::DutyPath>,
    /// Goods taken in the case and what became of them.
    #[serde(default)]
    pub goods: Option<duty::GoodsPath>,
    /// The party as in a form; `auto` identity numbers and phones are generated.
    pub party: PartyInput,
}

fn auto(v: &str, make: impl FnOnce() -> String) -> String {
    if v.trim().is_empty() || v.trim() == "auto" {
        make()
    } else {
        v.to_string()
    }
}

/// The party with `auto` fields filled with valid fictional numbers.
fn fill_auto(p: &PartyInput, n: u32) -> PartyInput {
    let mut p = p.clone();
    match &mut p {
        PartyInput::Person { id_no, phone, .. } => {
            *id_no = auto(id_no, || ids::resident_id(n, !n.is_multiple_of(3)));
            *phone = auto(phone, || ids::phone(n));
        }
        PartyInput::Organisation {
            credit_code, phone, ..
        } => {
            *credit_code = auto(credit_code, || ids::credit_code(n));
            *phone = auto(phone, || ids::phone(n));
        }
        PartyInput::Business {
            operator_id_no,
            phone,
            ..
        } => {
            *operator_id_no = auto(operator_id_no, || ids::resident_id(n, true));
            *phone = auto(phone, || ids::phone(n));
        }
    }
    p
}

fn party_name(p: &PartyInput) -> String {
    match p {
        PartyInput::Person { name, .. } | PartyInput::Organisation { name, .. } => name.clone(),
        PartyInput::Business { trade_name, .. } => trade_name.clone(),
    }
}

/// The stop points of a general case, in order.
const STOPS: [&str; 9] = [
    "立案审批",
    "调查取证",
    "审查",
    "告知",
    "决定",
    "送达",
    "执行",
    "结案",
    "归档",
];

struct Run<'a> {
    desk: &'a mut Desk,
    cast: &'a Cast,
    cal: Calendar,
    today: NaiveDate,
    id: i64,
    date: NaiveDate,
    handler: i64,
    handlers: Vec<i64>,
    head: i64,
    recipient: String,
    /// Where the act happened: records are made there.
    place: String,
}

/// Stops the script (returning the case's stage) when the next date would be after today.
macro_rules! on {
    ($run:expr, $date:expr) => {
        match $date {
            Some(d) if d <= $run.today => {
                $run.date = d;
                d
            }
            _ => return $run.stage(),
        }
    };
}

mod duty;

impl Run<'_> {
    fn wd(&self, n: u32) -> Option<NaiveDate> {
        self.cal.add_working_days(self.date, n).ok()
    }

    fn days(&self, n: u64) -> Option<NaiveDate> {
        self.date.checked_add_days(chrono::Days::new(n))
    }

    fn act(&mut self, actor: i64, action: Action) -> Result<(), DemoError> {
        let user = self.cast.users[&actor].clone();
        self.desk.act(self.id, None, &action, &user, self.today)?;
        Ok(())
    }

    fn stage(&self) -> Result<Stage, DemoError> {
        Ok(self.desk.store().load_case(self.id)?.stage)
    }

    fn serve(&mut self, doc: ServedDoc, method: ServiceMethod) -> Result<(), DemoError> {
        let date = self.date;
        self.act(
            self.handler,
            Action::Serve {
                doc,
                method,
                date,
                recipient: self.recipient.clone(),
                officers: self.handlers.clone(),
                confirmation: method == ServiceMethod::Electronic,
            },
        )
    }

    fn record(
        &mut self,
        kind: RecordKind,
        person: &str,
        nth: u32,
        content: &str,
    ) -> Result<(), DemoError> {
        let record = Record {
            kind,
            date: self.date,
            start: "09:00".into(),
            end: "10:10".into(),
            place: self.place.clone(),
            officers: self.handlers.clone(),
            persons: vec![person.to_string()],
            nth,
            content: content.into(),
            signature: Signature::Signed,
        };
        self.act(self.handler, Action::AddRecord { record })
    }

    fn owed(&self) -> Result<Fen, DemoError> {
        let case = self.desk.store().load_case(self.id)?;
        let surcharge = gates::outstanding_surcharge(&case, self.date, &self.cal)
            .map_err(crate::desk::DeskError::from)?;
        Ok(Fen(case.fine_due().0 + surcharge.0 - case.paid().0))
    }

    fn pay(&mut self, amount: Fen, method: PaymentMethod) -> Result<(), DemoError> {
        if amount.0 <= 0 {
            return Ok(());
        }
        let date = self.date;
        self.act(
            self.handler,
            Action::Pay {
                date,
                amount,
                method,
                receipt_no: format!("吉财{:07}", self.id * 7 + 3),
                // The demo takes cash only for on-the-spot fines of at most 100 yuan.
                cash_ground: (method == PaymentMethod::OnSpot).then_some(CashGround::SmallFine),
            },
        )
    }
}

fn tier_of(s: &str) -> Option<TierName> {
    serde_json::from_value(serde_json::Value::String(s.trim().to_string())).ok()
}

/// Whether the tier a case names exists only in the statutory alternative band (a heavier
/// band reached on its trigger, e.g. 逾期不改正), so the proposal uses that band.
fn alternative_only(power: &crate::domain::catalog::Power, tier: Option<TierName>) -> bool {
    tier.is_some_and(|name| {
        let named = || power.tiers.iter().filter(move |t| t.name == name);
        named().all(|t| t.alternative) && named().next().is_some()
    })
}

/// Kinds, fine and band for a case, with every kind the penalty provision makes mandatory
/// (the catalog's `mandatory`, e.g. 给予警告 before a fine).
fn penalty_for(
    c: &DemoCase,
    power: &crate::domain::catalog::Power,
    party: PartyType,
    cap: Option<Fen>,
) -> Result<(Vec<PenaltyKind>, Fen, Option<TierName>, bool), DemoError> {
    let (mut kinds, fine, tier, alternative) = tier_penalty(c, power, party, cap)?;
    if !kinds.is_empty() {
        // The item's own mandatory measures, and its heavier band's when that band is used.
        for m in power.mandatory_in(alternative) {
            // The fine-less base situation's measure is not asked of a fine.
            if m.without_fine && kinds.contains(&PenaltyKind::Fine) {
                continue;
            }
            if let Some(first) = m.any_of.first().filter(|_| !m.met_by(&kinds)) {
                kinds.insert(0, *first);
            }
        }
    }
    Ok((kinds, fine, tier, alternative))
}

/// Kinds, fine and band for a case: a fine in the middle of the chosen tier (rounded down to 100
/// yuan where the range allows), else a warning, else the power's first other kind.
fn tier_penalty(
    c: &DemoCase,
    power: &crate::domain::catalog::Power,
    party: PartyType,
    cap: Option<Fen>,
) -> Result<(Vec<PenaltyKind>, Fen, Option<TierName>, bool), DemoError> {
    // Cases that end without a penalty still carry a proposal: use the lightest tier.
    let lightest = || {
        power
            .tiers
            .iter()
            .find(|t| !t.alternative && t.bounds(party).is_some())
            .map(|t| t.name)
    };
    // A fine the provision imposes (处、并处) is in every penalty under it, so a tier is needed.
    let fine_mandatory = power
        .mandatory_in(false)
        .any(|m| m.any_of == [PenaltyKind::Fine]);
    let tier = tier_of(&c.tier).or_else(|| {
        (c.scenario != Scenario::General
            && c.scenario != Scenario::Simple
            && (fine_mandatory || !power.penalty_kinds.contains(&PenaltyKind::Warning)))
        .then(lightest)
        .flatten()
    });
    let refuse = |m: String| DemoError::Data("cases.toml", m);
    if power.statutory.kind.has_amounts() && tier.is_some() {
        let base = (c.base.0 > 0).then_some(c.base);
        let units = (c.units.0 > 0).then_some(c.units);
        let alternative = alternative_only(power, tier);
        let (min, max) = penalty::allowed_fine_range(power, party, tier, alternative, base, units)
            .map_err(|e| refuse(format!("{}：{e}", power.code)))?;
        let max = cap.map_or(max, |cap| max.min(cap));
        let mid = Fen((min.0 + max.0) / 2);
        let rounded = Fen(mid.0 / 10_000 * 10_000);
        let fine = if rounded >= min && rounded > Fen(0) {
            rounded
        } else {
            mid.max(min)
        };
        if fine > max || fine.0 <= 0 {
            return Err(refuse(format!(
                "{} 的“{}”阶次没有可用的罚款金额",
                power.code, c.tier
            )));
        }
        let mut kinds = vec![PenaltyKind::Fine];
        if power.penalty_kinds.contains(&PenaltyKind::Warning)
            && fine <= Fen::from_yuan(1000)
            && c.start.ordinal().is_multiple_of(2)
        {
            kinds.insert(0, PenaltyKind::Warning);
        }
        return Ok((kinds, fine, tier, alternative));
    }
    if power.penalty_kinds.contains(&PenaltyKind::Warning) {
        return Ok((vec![PenaltyKind::Warning], Fen(0), None, false));
    }
    match power
        .penalty_kinds
        .iter()
        .find(|k| **k != PenaltyKind::Fine)
    {
        Some(k)
            if power.statutory.kind == StatutoryKind::None
                || power.statutory.kind == StatutoryKind::Local =>
        {
            Ok((vec![*k], Fen(0), None, false))
        }
        // A case that will end without a penalty may propose none.
        _ if !matches!(c.scenario, Scenario::General | Scenario::Simple) => {
            Ok((vec![], Fen(0), None, false))
        }
        _ => Err(refuse(format!("{}：请为该事项选择裁量阶次", power.code))),
    }
}

use chrono::Datelike;

/// Runs one case; returns the stage it ends in.
pub fn run(
    desk: &mut Desk,
    cast: &Cast,
    c: &DemoCase,
    n: u32,
    today: NaiveDate,
) -> Result<Stage, DemoError> {
    let handlers: Vec<i64> = c
        .handlers
        .iter()
        .map(|h| {
            cast.by_username(h)
                .map(|u| u.id)
                .ok_or_else(|| DemoError::Data("cases.toml", format!("没有人员 {h}")))
        })
        .collect::<Result<_, _>>()?;
    let assistants: Vec<i64> = c
        .assistant
        .iter()
        .filter_map(|a| cast.by_username(a))
        .map(|u| u.id)
        .collect();
    let handler = handlers[0];
    let head = cast
        .heads
        .iter()
        .copied()
        .find(|h| !handlers.contains(h))
        .unwrap_or(cast.heads[0]);
    let party = fill_auto(&c.party, n)
        .into_party()
        .map_err(|e| DemoError::Data("cases.toml", format!("当事人：{e}")))?;
    let party_type = party.party_type();
    let recipient = party_name(&c.party);
    let cal = desk.store().calendar()?;
    let actor = cast.users[&handler].clone();
    let power = desk
        .store()
        .power_on(&c.power, c.start)?
        .ok_or_else(|| DemoError::Data("cases.toml", format!("没有事项 {}", c.power)))?
        .power;

    if c.scenario == Scenario::Simple {
        let cap = Fen::from_yuan(if party_type == PartyType::Individual {
            200
        } else {
            3000
        });
        let (kinds, fine, tier, _) = penalty_for(c, &power, party_type, Some(cap))?;
        let spot = OnSpot {
            date: c.start,
            time: "10:30".into(),
            place: c.place.clone(),
            facts: c.facts.clone(),
            party,
            officers: handlers.clone(),
            kinds,
            fine,
            tier,
            mitigation: demo_mitigation(tier),
            correction_order: "责令立即改正".into(),
        };
        let case = desk.on_spot(spot, &c.power, &actor, today)?;
        let mut r = Run {
            desk,
            cast,
            cal,
            today,
            id: case.id,
            date: c.start,
            handler,
            handlers,
            head,
            recipient,
            place: c.place.clone(),
        };
        let cash = fine.0 > 0 && fine <= Fen::from_yuan(100);
        if cash {
            r.pay(fine, PaymentMethod::OnSpot)?;
        }
        // Reported to the agency for the record the next working day (行政处罚法第五十二条
        // 第三款).
        let filed = on!(r, r.wd(1));
        r.act(handler, Action::FileOnSpot { date: filed })?;
        if fine.0 > 0 && !cash {
            on!(r, r.days(4));
            r.pay(fine, PaymentMethod::Electronic)?;
        }
        return close_and_archive(&mut r, "归档");
    }

    let new = NewCase {
        source: [
            Source::Inspection,
            Source::Report,
            Source::Assigned,
            Source::Referred,
        ][(n % 4) as usize],
        place: c.place.clone(),
        act_date: c.start,
        act_end_date: None,
        discovered_on: c.start,
        grave_harm: false,
        facts: c.facts.clone(),
        parties: vec![party],
        handlers: handlers.clone(),
        assistants,
        proposed_on: c.start,
    };
    let case = desk.propose(new, &c.power, &actor, today)?;
    let stop = c.stop.as_deref().unwrap_or("归档");
    let mut r = Run {
        desk,
        cast,
        cal,
        today,
        id: case.id,
        date: c.start,
        handler,
        handlers: handlers.clone(),
        head,
        recipient: recipient.clone(),
        place: c.place.clone(),
    };
    if stop == STOPS[0] {
        return r.stage();
    }
    let d = on!(r, r.wd(1));
    if c.scenario == Scenario::NotFiled {
        r.act(
            head,
            Action::ApproveFiling {
                date: d,
                agree: false,
                opinion: "经审查，不属于本机关管辖，不予立案".into(),
            },
        )?;
        return r.stage();
    }
    r.act(
        head,
        Action::ApproveFiling {
            date: d,
            agree: true,
            opinion: "符合立案条件，同意立案".into(),
        },
    )?;
    r.record(
        RecordKind::Inspection,
        &recipient,
        0,
        &format!(
            "{}。执法人员对现场拍照取证。",
            c.facts.trim().trim_end_matches('。')
        ),
    )?;
    let evidence = crate::domain::case::Evidence {
        kind: EvidenceKind::AudioVisual,
        description: "现场照片".into(),
        collected_on: d,
        time: "10:00".into(),
        place: c.place.clone(),
        collectors: handlers.clone(),
        attachments: vec![],
        electronic_monitor: false,
        monitor_reviewed: false,
    };
    r.act(handler, Action::AddEvidence { evidence })?;
    if c.order_correction {
        let deadline = r.wd(5).unwrap_or(d);
        r.act(
            handler,
            Action::OrderCorrection {
                date: d,
                content: "立即停止违法行为，限期清理现场、恢复原状".into(),
                deadline,
            },
        )?;
        r.serve(ServedDoc::CorrectionOrder, ServiceMethod::Direct)?;
    }
    if c.preserve {
        r.act(
            head,
            Action::Preserve {
                date: d,
                items: "现场查获的涉案物品一批（详见证据登记保存清单）".into(),
            },
        )?;
        if c.goods.is_some() {
            duty::register_preserved(&mut r, d)?;
        }
    }
    if let Some(path) = c.duty.filter(|p| p.at_scene()) {
        if !duty::at_scene(&mut r, path)? {
            return r.stage();
        }
    }
    if c.seize {
        r.act(
            head,
            Action::Seize {
                date: d,
                items: "涉案工具、设备（详见查封扣押清单）".into(),
                days: 30,
            },
        )?;
    }
    let d = on!(r, r.wd(1));
    r.record(
        RecordKind::Inquiry,
        &recipient,
        1,
        "问：你是否知道该行为违法？答：知道了，愿意改正。",
    )?;
    if c.scenario == Scenario::Withdraw {
        let d = on!(r, r.wd(2));
        r.act(
            head,
            Action::Withdraw {
                date: d,
                reason: "经调查，违法行为人另有其人，撤销立案".into(),
            },
        )?;
        return close_and_archive(&mut r, stop);
    }
    if c.preserve {
        // Decided within seven days (行政处罚法第五十六条): kept as evidence until the decision.
        let d = on!(r, r.wd(2));
        r.act(
            handler,
            Action::DecidePreservation {
                index: 0,
                date: d,
                decision: "经审查，物品与违法行为有关，依法予以扣留作为证据".into(),
            },
        )?;
    }
    if c.seize {
        let d = on!(r, r.wd(2));
        r.act(handler, Action::ReleaseSeizure { index: 0, date: d })?;
    }
    if c.order_correction {
        // The 复查 after the deadline the notice set.
        let d = on!(r, r.wd(4));
        r.act(
            handler,
            Action::Recheck {
                date: d,
                corrected: true,
                note: "经现场复查，当事人已停止违法行为并清理现场".into(),
            },
        )?;
    }
    if stop == STOPS[1] {
        return r.stage();
    }
    let _ = d;
    let (kinds, fine, tier, alternative_band) = penalty_for(c, &power, party_type, None)?;
    let d = on!(r, r.wd(3));
    let proposal = Proposal {
        date: d,
        kinds: kinds.clone(),
        tier,
        alternative_band,
        mitigation: demo_mitigation(tier),
        // A fine under an item whose base situation has none rests on its condition.
        triggers: power
            .fine_conditions()
            .first()
            .filter(|_| kinds.contains(&PenaltyKind::Fine))
            .map(|t| vec![t.trigger.clone()])
            .unwrap_or_default(),
        fine,
        base_amount: (c.base.0 > 0).then_some(c.base),
        units: (c.units.0 > 0).then_some(c.units),
        confiscation: Fen(0),
        reasoning: "违法事实清楚，证据确凿，依据裁量基准提出处理建议。".into(),
        complex_or_major: c.complex,
        legal_review_flags: vec![],
    };
    r.act(handler, Action::EndInvestigation { proposal })?;
    let d = on!(r, r.wd(1));
    let leader = cast
        .squad_leader_for(&handlers)
        .ok_or_else(|| DemoError::Data("staff.toml", "没有中队长".into()))?;
    r.act(
        leader,
        Action::SquadReview {
            date: d,
            agree: true,
            opinion: "事实清楚，同意承办人意见".into(),
        },
    )?;
    if c.complex {
        let d = on!(r, r.wd(1));
        // Both heads and the legal reviewer (列席): the three members the default
        // procedure settings require; each gives an opinion, the squad leader records.
        let attendees: Vec<i64> = cast.heads.iter().copied().chain([cast.reviewer]).collect();
        let opinions = attendees
            .iter()
            .map(|a| {
                if *a == cast.reviewer {
                    "程序合法，适用依据正确，裁量适当，同意处理意见".to_string()
                } else {
                    "事实清楚，证据确凿，同意承办人的处理意见".to_string()
                }
            })
            .collect();
        r.act(
            head,
            Action::Discuss {
                date: d,
                attendees,
                conclusion: "经集体讨论，同意处理意见".into(),
                recorder: Some(leader),
                opinions,
            },
        )?;
    }
    if stop == STOPS[2] {
        return r.stage();
    }
    let d = on!(r, r.wd(1));
    let outcome = match c.scenario {
        Scenario::NoPenalty => ReviewOutcome::NoPenalty {
            reason: NoPenaltyReason::FirstViolation,
            education: "已对当事人进行法治宣传教育，当事人表示今后守法".into(),
        },
        Scenario::NotEstablished => ReviewOutcome::NotEstablished,
        // A power the township may not decide goes to the authority as an administrative
        // matter; the other demo transfers are suspected crimes.
        Scenario::Transfer => ReviewOutcome::Transfer {
            to: "农安县公安局".into(),
            judicial: power.reserved.is_none(),
        },
        _ => ReviewOutcome::Penalty,
    };
    r.act(
        head,
        Action::ReviewDecision {
            date: d,
            outcome: outcome.clone(),
            opinion: "同意".into(),
        },
    )?;
    match outcome {
        ReviewOutcome::Transfer { .. } => return close_and_archive(&mut r, stop),
        ReviewOutcome::NoPenalty { .. } | ReviewOutcome::NotEstablished => {
            let d = on!(r, r.wd(1));
            r.act(
                head,
                Action::Decide {
                    date: d,
                    kinds: vec![],
                    fine: Fen(0),
                    confiscation: Fen(0),
                    correction_order: String::new(),
                    payment_place: String::new(),
                    publish: false,
                },
            )?;
            on!(r, r.wd(1));
            r.serve(ServedDoc::NoPenaltyDecision, ServiceMethod::Direct)?;
            return close_and_archive(&mut r, stop);
        }
        ReviewOutcome::Penalty => {}
    }
    let d = on!(r, r.wd(1));
    r.act(handler, Action::IssueNotice { date: d })?;
    r.serve(ServedDoc::Notice, ServiceMethod::Direct)?;
    if stop == STOPS[3] {
        return r.stage();
    }
    let notice_served = d;
    let hearing = c.hearing
        && r.desk
            .store()
            .load_case(r.id)?
            .notice
            .as_ref()
            .is_some_and(|n| n.hearing_right);
    if hearing {
        let d = on!(r, r.wd(2));
        r.act(handler, Action::RequestHearing { date: d })?;
        let notified = on!(r, r.wd(1));
        let hearing_day = r.cal.add_working_days(notified, 8).ok();
        let hearing_day = match hearing_day {
            Some(h) if h <= r.today => h,
            _ => return r.stage(),
        };
        // The other head presides, so the legal reviewer re-examines a hearing she did not
        // hold (行政处罚法 Art 58; the agency's default setting).
        let presiding = cast
            .heads
            .iter()
            .copied()
            .find(|h| *h != head)
            .unwrap_or(head);
        r.act(
            head,
            Action::ScheduleHearing {
                notified_on: notified,
                date: hearing_day,
                place: "合隆镇人民政府三楼会议室".into(),
                presiding,
                time: "09:00".into(),
                public: true,
                closed_reason: String::new(),
                hearing_officers: vec![],
                // Not an investigator of the case (行政处罚法 Art 64(4)).
                recorder: Some(leader),
            },
        )?;
        r.serve(ServedDoc::HearingNotice, ServiceMethod::Direct)?;
        r.date = hearing_day;
        r.record(
            RecordKind::Hearing,
            &recipient,
            0,
            "听证会按程序进行，当事人陈述申辩，调查人员出示证据。",
        )?;
        r.act(
            presiding,
            Action::HoldHearing {
                date: hearing_day,
                party_absent: false,
                investigators_case: "调查人员出示现场检查笔录、询问笔录和现场照片，陈述了当事人的违法事实，提出按裁量基准给予罚款的建议。".into(),
                party_statement: "当事人对违法事实无异议，称违法情节轻微，请求减少罚款。".into(),
            },
        )?;
        // The points raised at the hearing are re-examined before deciding (Art 45, 65).
        r.act(
            handler,
            Action::RecordStatement {
                date: hearing_day,
                content: "当事人在听证中称违法情节轻微，请求减少罚款。".into(),
                adopted: false,
                reexamination: "经复核，当事人在听证中未提出新的事实和证据，所提意见不予采纳，处罚在裁量阶次内。".into(),
            },
        )?;
    } else if n.is_multiple_of(3) {
        let d = on!(r, r.wd(1));
        r.act(
            handler,
            Action::RecordStatement {
                date: d,
                content: "当事人称系初次违法，请求从轻处理。".into(),
                adopted: true,
                reexamination: "经复核，当事人陈述属实，已在裁量阶次内考虑。".into(),
            },
        )?;
    }
    // Wait for the statement (and hearing-request) period to run.
    let period_end = r
        .cal
        .add_working_days(notice_served, 5)
        .map_err(|e| DemoError::Data("calendar", e.to_string()))?;
    if r.date <= period_end {
        r.date = period_end;
    }
    let needs_review = hearing || c.complex;
    if needs_review {
        let d = on!(r, r.wd(1));
        r.act(
            cast.reviewer,
            Action::LegalReview {
                date: d,
                passed: true,
                opinion: "主体合法，事实清楚，证据充分，程序合法，适用依据正确，裁量适当".into(),
            },
        )?;
    }
    if stop == STOPS[4] {
        return r.stage();
    }
    let decided = on!(r, r.wd(1));
    r.act(
        head,
        Action::Decide {
            date: decided,
            kinds: kinds.clone(),
            fine,
            confiscation: Fen(0),
            correction_order: "责令立即改正违法行为".into(),
            payment_place: "农安县农村商业银行合隆支行或电子缴款".into(),
            publish: fine >= Fen::from_yuan(10_000),
        },
    )?;
    if stop == STOPS[5] {
        return r.stage();
    }
    on!(r, r.wd(2));
    let method = if n.is_multiple_of(5) {
        ServiceMethod::Post
    } else {
        ServiceMethod::Direct
    };
    r.serve(ServedDoc::Decision, method)?;
    let served = r.date;
    if fine >= Fen::from_yuan(10_000) {
        // Decisions with social impact are published (行政处罚法 Art 48).
        let d = on!(r, r.wd(1));
        r.act(handler, Action::Publish { date: d })?;
        r.date = served;
    }
    if fine.0 > 0 {
        let due = r
            .cal
            .days_period_end(served, 15)
            .map_err(|e| DemoError::Data("calendar", e.to_string()))?;
        match c.pay.as_deref().unwrap_or("full") {
            "instalments" => {
                let d = on!(r, r.days(5));
                let half = Fen(fine.0 / 2);
                let first = d.checked_add_days(chrono::Days::new(30)).unwrap_or(d);
                let second = d.checked_add_days(chrono::Days::new(60)).unwrap_or(d);
                r.act(
                    head,
                    Action::ApprovePlan {
                        date: d,
                        instalments: vec![
                            Instalment {
                                due: first,
                                amount: half,
                            },
                            Instalment {
                                due: second,
                                amount: Fen(fine.0 - half.0),
                            },
                        ],
                    },
                )?;
                if stop == STOPS[6] {
                    return r.stage();
                }
                on!(r, Some(first));
                r.pay(half, PaymentMethod::Bank)?;
                on!(r, Some(second));
                r.pay(Fen(fine.0 - half.0), PaymentMethod::Bank)?;
            }
            kind @ ("demand" | "late") => {
                r.date = due;
                on!(r, r.days(6));
                r.act(handler, Action::Demand { date: r.date })?;
                r.serve(ServedDoc::Demand, ServiceMethod::Direct)?;
                // The 加处罚款决定书 issued with it is served with it, on its own receipt.
                if r.desk.store().load_case(r.id)?.surcharge_demand().is_some() {
                    r.serve(ServedDoc::Surcharge, ServiceMethod::Direct)?;
                }
                if kind == "late" {
                    on!(r, r.days(3));
                    let owed = r.owed()?;
                    r.pay(owed, PaymentMethod::Bank)?;
                } else {
                    // The court is applied to once the window opens: 10 working days
                    // after the 催告 and after the party's 复议 and lawsuit periods
                    // (行政强制法 Art 53, 54) — the domain computes it.
                    let case = r.desk.store().load_case(r.id)?;
                    let opens = gates::court_window_opens(&case, &r.cal).ok().flatten();
                    let d = on!(r, opens);
                    let court = r.desk.store().agency()?.court;
                    r.act(head, Action::ApplyCourt { date: d, court })?;
                    if stop == STOPS[6] {
                        return r.stage();
                    }
                    on!(r, r.days(40));
                    let owed = r.owed()?;
                    r.pay(owed, PaymentMethod::Enforced)?;
                }
            }
            _ => {
                if stop == STOPS[6] {
                    return r.stage();
                }
                on!(r, r.days(7));
                r.pay(fine, PaymentMethod::Bank)?;
            }
        }
    } else if stop == STOPS[6] {
        return r.stage();
    }
    if let Some(path) = c.duty {
        if !duty::after_decision(&mut r, path)? {
            return r.stage();
        }
    }
    if c.goods.is_some() && !duty::destroy(&mut r)? {
        return r.stage();
    }
    close_and_archive(&mut r, stop)
}

fn close_and_archive(r: &mut Run<'_>, stop: &str) -> Result<Stage, DemoError> {
    if STOPS.iter().position(|s| *s == stop) < Some(7) {
        return r.stage();
    }
    let d = on!(r, r.wd(2));
    r.act(r.handler, Action::ProposeClosing { date: d })?;
    let d = on!(r, r.wd(1));
    r.act(
        r.head,
        Action::ApproveClosing {
            date: d,
            opinion: "同意结案".into(),
        },
    )?;
    if stop == STOPS[7] {
        return r.stage();
    }
    let d = on!(r, r.wd(3));
    let no = r.desk.store().case_no(r.id)?;
    let serial: String = no.chars().filter(char::is_ascii_digit).collect();
    r.act(
        r.handler,
        Action::Archive {
            date: d,
            archive_no: format!("{}-{}", d.format("%Y"), serial),
            retention: "长期".into(),
        },
    )?;
    r.stage()
}

/// The demo's 从轻/减轻 cases rest on the party having removed the harm at once
/// (行政处罚法 Art 32(1)), as their facts say.
fn demo_mitigation(tier: Option<TierName>) -> Option<Mitigation> {
    matches!(tier, Some(TierName::Lighter | TierName::Mitigated)).then_some(Mitigation::ReducedHarm)
}
