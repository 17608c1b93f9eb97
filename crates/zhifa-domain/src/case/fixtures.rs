//! Test fixtures: a small staff, the shipped calendar and catalog, parties, and a driver
//! that takes a case through the procedure. Test-only.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::action::Action;
use super::model::*;
use super::party::{Party, Person};
use super::workflow::{self, Ctx, NewCase, Transition};
use crate::agency::Agency;
use crate::calendar::{Calendar, CalendarPolicy};
use crate::catalog::{PenaltyKind, TierName};
use crate::documents::{self, DocCtx, DocError};
use crate::money::Fen;
use crate::people::{Role, User};
use crate::procedure_settings::ProcedureSettings;

pub const ZHANG: i64 = 1; // handler
pub const LI: i64 = 2; // handler
pub const WANG: i64 = 3; // contract staff, no certificate
pub const ZHAO: i64 = 4; // squad leader
pub const QIAN: i64 = 5; // legal reviewer, qualified
pub const SUN: i64 = 6; // head
pub const ZHOU: i64 = 7; // deputy head
pub const WU: i64 = 8; // admin

pub fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn user(id: i64, name: &str, roles: &[Role], cert: Option<&str>, legal: bool) -> User {
    User {
        id,
        username: format!("u{id}"),
        name: name.into(),
        roles: roles.to_vec(),
        squad: "第一中队".into(),
        cert_no: cert.map(Into::into),
        cert_valid_until: None,
        legal_qualified: legal,
        active: true,
    }
}

pub fn users() -> BTreeMap<i64, User> {
    [
        user(ZHANG, "张三", &[Role::Handler], Some("22010010001"), false),
        user(LI, "李四", &[Role::Handler], Some("22010010002"), false),
        user(WANG, "王五", &[Role::Handler], None, false),
        user(
            ZHAO,
            "赵六",
            &[Role::SquadLeader, Role::Handler],
            Some("22010010004"),
            false,
        ),
        user(
            QIAN,
            "钱七",
            &[Role::LegalReviewer],
            Some("22010010005"),
            true,
        ),
        user(SUN, "孙八", &[Role::Head], Some("22010010006"), false),
        user(ZHOU, "周九", &[Role::Head], Some("22010010007"), false),
        user(WU, "吴十", &[Role::Admin], None, false),
    ]
    .into_iter()
    .map(|u| (u.id, u))
    .collect()
}

/// The shipped holiday tables (2025, 2026), as `zhifa init` loads them.
pub fn calendar() -> Calendar {
    let years = crate::assets::holiday_tables().unwrap();
    Calendar::with_years(CalendarPolicy::default(), years.iter())
}

pub struct World {
    pub users: BTreeMap<i64, User>,
    pub calendar: Calendar,
    pub settings: ProcedureSettings,
    pub today: NaiveDate,
}

impl Default for World {
    fn default() -> Self {
        Self::new()
    }
}

impl World {
    pub fn new() -> Self {
        World {
            users: users(),
            calendar: calendar(),
            settings: ProcedureSettings::default(),
            today: d("2026-11-20"),
        }
    }

    pub fn ctx(&self) -> Ctx<'_> {
        Ctx {
            today: self.today,
            calendar: &self.calendar,
            settings: &self.settings,
            users: &self.users,
        }
    }

    pub fn u(&self, id: i64) -> &User {
        &self.users[&id]
    }

    /// Applies `action` as `actor`, panicking with the rule's message on refusal, or if a
    /// document the step makes due does not print from the new case.
    pub fn step(&self, case: &Case, actor: i64, action: Action) -> Case {
        match workflow::transition(case, &action, self.u(actor), &self.ctx()) {
            Ok(t) => {
                self.due_documents_print(&t);
                t.case
            }
            Err(e) => panic!("{:?} refused: {e}", action.kind()),
        }
    }

    /// Every document a step says is due is one the case now has and `documents::build`
    /// prints: a step cannot name a document the printer does not make.
    pub fn due_documents_print(&self, t: &Transition) {
        let agency = Agency::new("合隆镇", "合").unwrap().with_county("农安县");
        // The store numbers every case it saves; the binding sheets need the number.
        let mut case = t.case.clone();
        case.year.get_or_insert(2026);
        case.serial.get_or_insert(1);
        let ctx = DocCtx {
            case: &case,
            agency: &agency,
            users: &self.users,
            today: self.today,
            statement_days: 5,
            chain_head: None,
            calendar: &self.calendar,
        };
        let listed = documents::documents(&case);
        for kind in &t.documents_due {
            assert!(
                listed.iter().any(|(k, _, _)| k == kind),
                "{} is due after “{}” but the case does not list it",
                kind.name(),
                t.summary
            );
            match documents::build(*kind, &ctx) {
                Ok(papers) => assert!(!papers.is_empty()),
                // The document exists; its content is refused (Art 59 items): not this check.
                Err(DocError::MissingItem { .. } | DocError::Heavier { .. }) => {}
                // Printed by the renderer, which lays out the file to number it.
                Err(DocError::NeedsLayout(_)) => {}
                Err(e @ (DocError::NotApplicable(..) | DocError::Uncountable { .. })) => panic!(
                    "{} is due after “{}” but does not print: {e}",
                    kind.name(),
                    t.summary
                ),
            }
        }
    }

    pub fn refuse(&self, case: &Case, actor: i64, action: Action) -> super::rule::RuleError {
        match workflow::transition(case, &action, self.u(actor), &self.ctx()) {
            Ok(_) => panic!("{:?} should have been refused", action.kind()),
            Err(e) => e,
        }
    }
}

/// 大气污染防治法 Art 119(1): 500–2000 yuan (HJ-001 of the shipped template).
pub fn straw_power() -> PowerRef {
    let catalog = crate::assets::catalog_template().unwrap();
    let power = catalog
        .powers
        .into_iter()
        .find(|p| p.code == "HJ-001")
        .unwrap();
    PowerRef {
        id: 1,
        version: 1,
        power,
    }
}

pub fn person(name: &str, id_prefix17: &str) -> Party {
    Party::Person(
        Person::new(
            name,
            None,
            None,
            &with_check_digit(id_prefix17),
            "农安县合隆镇某村",
            "13812345678",
        )
        .unwrap(),
    )
}

/// An adult party (born 1980).
pub fn adult() -> Party {
    person("刘某", "22012219800101001")
}

/// Appends the GB 11643 check character.
pub fn with_check_digit(prefix: &str) -> String {
    let check = crate::identity::ResidentId::check_char(prefix).expect("17 digits");
    format!("{prefix}{check}")
}

pub fn new_case(act: &str) -> NewCase {
    NewCase {
        source: Source::Inspection,
        place: "合隆镇某村东侧农田".into(),
        act_date: d(act),
        act_end_date: None,
        discovered_on: d(act),
        grave_harm: false,
        facts: "当事人在禁烧区露天焚烧玉米秸秆约两亩。".into(),
        parties: vec![adult()],
        handlers: vec![ZHANG, LI],
        assistants: vec![WANG],
        proposed_on: d(act),
    }
}

pub fn proposed(w: &World, act: &str) -> Case {
    workflow::propose(
        new_case(act),
        Some(straw_power()),
        "HJ-001",
        w.u(ZHANG),
        &w.ctx(),
    )
    .unwrap()
}

pub fn record(kind: RecordKind, date: &str, persons: &[&str], nth: u32) -> Record {
    Record {
        kind,
        date: d(date),
        start: "09:00".into(),
        end: "09:40".into(),
        place: "现场".into(),
        officers: vec![ZHANG, LI],
        persons: persons.iter().map(|s| s.to_string()).collect(),
        nth,
        content: "检查情况记录。".into(),
        signature: Signature::Signed,
    }
}

pub fn proposal(date: &str, fine_yuan: i64, tier: TierName) -> Proposal {
    Proposal {
        date: d(date),
        kinds: vec![PenaltyKind::Fine],
        tier: Some(tier),
        alternative_band: false,
        mitigation: None,
        triggers: Vec::new(),
        fine: Fen::from_yuan(fine_yuan),
        base_amount: None,
        units: None,
        confiscation: Fen(0),
        reasoning: "事实清楚，证据确凿。".into(),
        complex_or_major: false,
        legal_review_flags: vec![],
    }
}

pub fn serve(doc: ServedDoc, date: &str) -> Action {
    Action::Serve {
        doc,
        method: ServiceMethod::Direct,
        date: d(date),
        recipient: "刘某".into(),
        officers: vec![ZHANG, LI],
        confirmation: false,
    }
}

/// A filed case, investigated, ready for the proposal (filed 2026-06-04).
pub fn investigated(w: &World) -> Case {
    let c = proposed(w, "2026-06-01");
    let c = w.step(
        &c,
        SUN,
        Action::ApproveFiling {
            date: d("2026-06-04"),
            agree: true,
            opinion: "同意立案".into(),
        },
    );
    let c = w.step(
        &c,
        ZHANG,
        Action::AddRecord {
            record: record(RecordKind::Inspection, "2026-06-05", &["刘某"], 0),
        },
    );
    w.step(
        &c,
        ZHANG,
        Action::AddEvidence {
            evidence: Evidence {
                kind: EvidenceKind::AudioVisual,
                description: "焚烧现场照片 6 张".into(),
                collected_on: d("2026-06-05"),
                time: "09:10".into(),
                place: "现场".into(),
                collectors: vec![ZHANG, LI],
                attachments: vec![],
                electronic_monitor: false,
                monitor_reviewed: false,
            },
        },
    )
}

/// Reviewed and notified with a fine of `fine` yuan (tier chosen to fit), notice served 2026-06-15.
pub fn notified(w: &World, fine: i64) -> Case {
    notified_from(w, investigated(w), fine)
}

/// `c` (investigated) taken through the proposal, reviews and a served prior notice.
pub fn notified_from(w: &World, c: Case, fine: i64) -> Case {
    let tier = if fine > 1500 {
        TierName::Grave
    } else if fine > 1000 {
        TierName::Ordinary
    } else {
        TierName::Minor
    };
    notified_with(w, c, proposal("2026-06-10", fine, tier))
}

/// `c` (investigated) with `proposal`, reviewed, and its prior notice issued and served on
/// 2026-06-15.
pub fn notified_with(w: &World, c: Case, proposal: Proposal) -> Case {
    let c = w.step(&c, ZHANG, Action::EndInvestigation { proposal });
    let c = w.step(
        &c,
        ZHAO,
        Action::SquadReview {
            date: d("2026-06-11"),
            agree: true,
            opinion: "同意".into(),
        },
    );
    let c = w.step(
        &c,
        SUN,
        Action::ReviewDecision {
            date: d("2026-06-12"),
            outcome: ReviewOutcome::Penalty,
            opinion: "同意处罚".into(),
        },
    );
    let c = w.step(
        &c,
        ZHANG,
        Action::IssueNotice {
            date: d("2026-06-15"),
        },
    );
    w.step(&c, ZHANG, serve(ServedDoc::Notice, "2026-06-15"))
}

/// Investigated, proposed, reviewed by the squad, and the head decides no penalty (首违不罚,
/// 行政处罚法第三十三条第一款): the case waits for its 不予行政处罚决定.
pub fn no_penalty_reviewed(w: &World) -> Case {
    let c = investigated(w);
    let c = w.step(
        &c,
        ZHANG,
        Action::EndInvestigation {
            proposal: proposal("2026-06-10", 500, TierName::Minor),
        },
    );
    let c = w.step(
        &c,
        ZHAO,
        Action::SquadReview {
            date: d("2026-06-11"),
            agree: true,
            opinion: "同意".into(),
        },
    );
    w.step(
        &c,
        SUN,
        Action::ReviewDecision {
            date: d("2026-06-12"),
            outcome: ReviewOutcome::NoPenalty {
                reason: NoPenaltyReason::FirstViolation,
                education: "已对当事人进行法治教育".into(),
            },
            opinion: "首违不罚".into(),
        },
    )
}

/// The 不予行政处罚决定: a decision with no kind, fine or order.
pub fn decide_no_penalty(date: &str) -> Action {
    Action::Decide {
        date: d(date),
        kinds: vec![],
        fine: Fen(0),
        confiscation: Fen(0),
        correction_order: String::new(),
        payment_place: String::new(),
        publish: false,
    }
}

pub fn decide(date: &str, fine: i64) -> Action {
    Action::Decide {
        date: d(date),
        kinds: vec![PenaltyKind::Fine],
        fine: Fen::from_yuan(fine),
        confiscation: Fen(0),
        correction_order: "立即停止焚烧，清理现场".into(),
        payment_place: "农安县农村商业银行合隆支行（电子缴款）".into(),
        publish: false,
    }
}

/// A hearing asked for on 2026-06-16, notified 06-17 for 06-29 in the 会议室 under
/// `presiding`, and held that day when `held`.
pub fn hearing_of_06_29(presiding: i64, held: bool) -> Hearing {
    Hearing {
        notified_on: Some(d("2026-06-17")),
        date: Some(d("2026-06-29")),
        place: "会议室".into(),
        presiding: Some(presiding),
        held_on: held.then(|| d("2026-06-29")),
        ..Hearing::requested(d("2026-06-16"))
    }
}
