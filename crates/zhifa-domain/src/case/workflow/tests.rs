//! The procedure end to end, its branches, the role rules, and a property test that random
//! action sequences never reach a state that skipped a gate.

use super::*;
use crate::case::deadlines::{self, DeadlineKind, DeadlineStatus};
use crate::case::fixtures::*;
use crate::case::gates;
use crate::case::party::Organisation;

fn hearing_case_to_archive(w: &World) -> Case {
    let c = notified(w, 2000); // hearing right: fine 2000 ≥ threshold
    assert!(c.notice.as_ref().unwrap().hearing_right);
    let c = w.step(
        &c,
        ZHANG,
        Action::RequestHearing {
            date: d("2026-06-17"),
        },
    );
    let c = w.step(
        &c,
        SUN,
        Action::ScheduleHearing {
            notified_on: d("2026-06-18"),
            date: d("2026-07-01"),
            place: "镇政府三楼会议室".into(),
            presiding: ZHOU,
            time: "09:00".into(),
            public: true,
            closed_reason: String::new(),
            hearing_officers: vec![],
            recorder: Some(ZHAO),
        },
    );
    let c = w.step(&c, ZHANG, serve(ServedDoc::HearingNotice, "2026-06-18"));
    let mut rec = record(RecordKind::Hearing, "2026-07-01", &["刘某"], 0);
    rec.content = "听证记录：当事人陈述……".into();
    let c = w.step(&c, ZHANG, Action::AddRecord { record: rec });
    let c = w.step(
        &c,
        ZHOU,
        Action::HoldHearing {
            date: d("2026-07-01"),
            party_absent: false,
            investigators_case: "调查人员出示现场照片和检查笔录，建议罚款".into(),
            party_statement: "当事人称焚烧面积较小".into(),
        },
    );
    // Art 58(2): after a hearing the decision needs a legal review.
    let e = w.refuse(&c, SUN, decide("2026-07-03", 2000));
    assert_eq!(e.rule, "行政处罚法第五十八条");
    let c = w.step(
        &c,
        QIAN,
        Action::LegalReview {
            date: d("2026-07-02"),
            passed: true,
            opinion: "事实清楚，适用法律正确".into(),
        },
    );
    // Art 45, 65: the points raised at the hearing are re-examined before deciding.
    let e = w.refuse(&c, SUN, decide("2026-07-03", 2000));
    assert_eq!(e.rule, "行政处罚法第四十五条、第六十五条");
    let c = w.step(
        &c,
        ZHANG,
        Action::RecordStatement {
            date: d("2026-07-02"),
            content: "当事人在听证中称焚烧面积较小。".into(),
            adopted: false,
            reexamination: "经复核，现场勘验面积约两亩，意见不予采纳。".into(),
        },
    );
    let c = w.step(&c, SUN, decide("2026-07-03", 2000));
    assert_eq!(c.stage, Stage::Serving);
    assert_eq!(
        c.decision.as_ref().unwrap().hearing_held_on,
        Some(d("2026-07-01"))
    );
    let c = w.step(&c, ZHANG, serve(ServedDoc::Decision, "2026-07-06"));
    assert_eq!(c.stage, Stage::Executing);
    let c = w.step(
        &c,
        ZHANG,
        Action::Pay {
            date: d("2026-07-10"),
            amount: Fen::from_yuan(2000),
            method: PaymentMethod::Bank,
            receipt_no: "NO.1".into(),
            cash_ground: None,
        },
    );
    let c = w.step(
        &c,
        ZHANG,
        Action::ProposeClosing {
            date: d("2026-07-13"),
        },
    );
    let c = w.step(
        &c,
        SUN,
        Action::ApproveClosing {
            date: d("2026-07-14"),
            opinion: "同意结案".into(),
        },
    );
    w.step(
        &c,
        ZHANG,
        Action::Archive {
            date: d("2026-07-15"),
            archive_no: "2026-HJ-001".into(),
            retention: "长期".into(),
        },
    )
}

#[test]
fn general_procedure_with_hearing_reaches_archive() {
    let w = World::new();
    let c = hearing_case_to_archive(&w);
    assert_eq!(c.stage, Stage::Archived);
    let stages: Vec<Stage> = c.timeline.iter().map(|(s, _)| *s).collect();
    assert_eq!(
        stages,
        vec![
            Stage::Proposed,
            Stage::Investigating,
            Stage::Reviewing,
            Stage::Notifying,
            Stage::Serving,
            Stage::Executing,
            Stage::Closing,
            Stage::Closed,
            Stage::Archived
        ]
    );
    // Every deadline met.
    let ds = deadlines::compute(&c, &w.calendar, &w.settings, w.today);
    assert!(
        ds.iter()
            .all(|d| matches!(d.status, DeadlineStatus::Met { late: false, .. })),
        "{ds:#?}"
    );
    assert!(ds.iter().any(|d| d.kind == DeadlineKind::HearingRequest));
}

#[test]
fn an_archived_case_changes_for_nobody() {
    let w = World::new();
    let c = hearing_case_to_archive(&w);
    for actor in [ZHANG, SUN, WU] {
        let e = w.refuse(
            &c,
            actor,
            Action::Publish {
                date: d("2026-07-20"),
            },
        );
        assert!(e.message.contains("已归档"), "{e}");
    }
}

/// Burning leaves at a village crossing, fined 200 yuan on the spot by 张伟 and 李强.
fn leaves_burnt_on_the_spot(party: Party, tier: Option<TierName>) -> OnSpot {
    OnSpot {
        date: d("2026-10-12"),
        time: "10:20".into(),
        place: "合隆镇某村路口".into(),
        facts: "当事人露天焚烧落叶。".into(),
        party,
        officers: vec![ZHANG, LI],
        kinds: vec![PenaltyKind::Fine],
        fine: Fen::from_yuan(200),
        tier,
        mitigation: None,
        correction_order: "立即熄灭".into(),
    }
}

#[test]
fn simple_procedure_on_the_spot_to_archive() {
    let w = World::new();
    let spot = leaves_burnt_on_the_spot(adult(), Some(TierName::Minor));
    // 200 is within Art 51 but below the tier's 500 minimum → refused by the benchmark.
    let e = decide_on_spot(
        spot.clone(),
        Some(straw_power()),
        "HJ-001",
        w.u(ZHANG),
        &w.ctx(),
    )
    .unwrap_err();
    assert_eq!(e.rule, "行政处罚法第三十四条");
    // 500 is inside the tier but above the Art 51 cap of 200 for citizens.
    let e = decide_on_spot(
        OnSpot {
            fine: Fen::from_yuan(500),
            ..spot.clone()
        },
        Some(straw_power()),
        "HJ-001",
        w.u(ZHANG),
        &w.ctx(),
    )
    .unwrap_err();
    assert_eq!(e.rule, "行政处罚法第五十一条");
    // A warning-only power is needed for the simple procedure here; use the 减轻 tier (Art 32).
    let spot = OnSpot {
        fine: Fen::from_yuan(100),
        tier: Some(TierName::Mitigated),
        mitigation: Some(Mitigation::ReducedHarm),
        ..spot
    };
    let c = decide_on_spot(spot, Some(straw_power()), "HJ-001", w.u(ZHANG), &w.ctx()).unwrap();
    assert_eq!(
        (c.procedure, c.stage),
        (Procedure::Simple, Stage::Executing)
    );
    // Cash on the spot: ≤ 100 yuan, with the finance receipt (Art 68, 70).
    let e = w.refuse(
        &c,
        ZHANG,
        Action::Pay {
            date: d("2026-10-12"),
            amount: Fen::from_yuan(100),
            method: PaymentMethod::OnSpot,
            receipt_no: String::new(),
            cash_ground: Some(CashGround::SmallFine),
        },
    );
    assert!(e.message.contains("专用票据"), "{e}");
    let c = w.step(
        &c,
        ZHANG,
        Action::Pay {
            date: d("2026-10-12"),
            amount: Fen::from_yuan(100),
            method: PaymentMethod::OnSpot,
            receipt_no: "吉财罚0012345".into(),
            cash_ground: Some(CashGround::SmallFine),
        },
    );
    // 行政处罚法第五十二条第三款: reported to the agency for the record before closing.
    let close = Action::ProposeClosing {
        date: d("2026-10-13"),
    };
    let e = w.refuse(&c, ZHANG, close.clone());
    assert_eq!(e.rule, "行政处罚法第五十二条第三款", "{e}");
    let c = w.step(
        &c,
        ZHANG,
        Action::FileOnSpot {
            date: d("2026-10-12"),
        },
    );
    assert_eq!(c.on_spot_filed, Some((d("2026-10-12"), ZHANG)));
    let again = w.refuse(
        &c,
        ZHANG,
        Action::FileOnSpot {
            date: d("2026-10-13"),
        },
    );
    assert!(again.message.contains("已于 2026-10-12 备案"), "{again}");
    let c = w.step(&c, ZHANG, close);
    let c = w.step(
        &c,
        SUN,
        Action::ApproveClosing {
            date: d("2026-10-14"),
            opinion: "同意".into(),
        },
    );
    let c = w.step(
        &c,
        LI,
        Action::Archive {
            date: d("2026-10-15"),
            archive_no: "2026-J-1".into(),
            retention: "10年".into(),
        },
    );
    assert_eq!(c.stage, Stage::Archived);
}

#[test]
fn cash_on_the_spot_in_the_general_procedure_only_in_a_remote_area_art_67_68_69() {
    let w = World::new();
    let c = notified(&w, 600);
    let c = w.step(&c, SUN, decide("2026-06-24", 600));
    let c = w.step(&c, ZHANG, serve(ServedDoc::Decision, "2026-06-25"));
    let pay = |ground| Action::Pay {
        date: d("2026-06-26"),
        amount: Fen::from_yuan(600),
        method: PaymentMethod::OnSpot,
        receipt_no: "吉财罚0012346".into(),
        cash_ground: ground,
    };
    // Art 67 para 2: no recorded ground, no cash.
    let e = w.refuse(&c, ZHANG, pay(None));
    assert_eq!(e.rule, "行政处罚法第六十七条第二款");
    assert!(e.message.contains("边远地区当事人提出"), "{e}");
    // Art 68 covers only on-the-spot decisions (Art 51).
    let e = w.refuse(&c, ZHANG, pay(Some(CashGround::HardToEnforceLater)));
    assert_eq!(e.rule, "行政处罚法第六十八条第（二）项");
    // Art 69: remote area, the party asked — also after a general-procedure decision.
    let c = w.step(&c, ZHANG, pay(Some(CashGround::RemoteAreaOnRequest)));
    assert_eq!(
        c.payments[0].cash_ground,
        Some(CashGround::RemoteAreaOnRequest)
    );
}

#[test]
fn filing_refused_gives_not_filed_and_closes() {
    let w = World::new();
    let c = proposed(&w, "2026-06-01");
    let c = w.step(
        &c,
        SUN,
        Action::ApproveFiling {
            date: d("2026-06-02"),
            agree: false,
            opinion: "不属于本机关管辖".into(),
        },
    );
    assert_eq!(c.stage, Stage::Closed);
    assert!(matches!(c.outcome, Some(Outcome::NotFiled { .. })));
}

#[test]
fn filing_needs_two_certified_handlers() {
    let w = World::new();
    let mut new = new_case("2026-06-01");
    new.handlers = vec![ZHANG, WANG];
    let e = propose(new, Some(straw_power()), "HJ-001", w.u(ZHANG), &w.ctx()).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第四十二条");
    assert!(e.message.contains("王五"));
}

#[test]
fn filing_refused_after_the_limitation_period() {
    let w = World::new();
    let mut new = new_case("2024-05-01");
    new.discovered_on = d("2026-06-01");
    new.proposed_on = d("2026-06-01");
    let e = propose(new, Some(straw_power()), "HJ-001", w.u(ZHANG), &w.ctx()).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第三十六条");
}

#[test]
fn filing_refused_outside_the_catalog() {
    let w = World::new();
    let e = propose(new_case("2026-06-01"), None, "XX-001", w.u(ZHANG), &w.ctx()).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第二十四条");
}

#[test]
fn roles_and_separation_of_duties_are_enforced_in_the_domain() {
    let w = World::new();
    let c = proposed(&w, "2026-06-01");
    // A handler cannot approve filing; nor can a head who handles the case.
    let e = w.refuse(
        &c,
        ZHANG,
        Action::ApproveFiling {
            date: d("2026-06-02"),
            agree: true,
            opinion: "同意".into(),
        },
    );
    assert_eq!(e.rule, "岗位权限");
    let mut own = c.clone();
    own.handlers.push(SUN);
    let e = w.refuse(
        &own,
        SUN,
        Action::ApproveFiling {
            date: d("2026-06-02"),
            agree: true,
            opinion: "同意".into(),
        },
    );
    assert_eq!(e.rule, "审查与调查分离");
    // Only the case's handlers record evidence.
    let c = w.step(
        &c,
        SUN,
        Action::ApproveFiling {
            date: d("2026-06-04"),
            agree: true,
            opinion: "同意".into(),
        },
    );
    let e = w.refuse(
        &c,
        ZHAO,
        Action::AddRecord {
            record: record(RecordKind::Inspection, "2026-06-05", &["刘某"], 0),
        },
    );
    assert!(e.message.contains("不是本案承办人"));
    // Legal review needs the reviewer role and the qualification.
    let c = w.step(
        &c,
        ZHANG,
        Action::AddRecord {
            record: record(RecordKind::Inspection, "2026-06-05", &["刘某"], 0),
        },
    );
    let c = w.step(
        &c,
        ZHANG,
        Action::EndInvestigation {
            proposal: proposal("2026-06-10", 800, TierName::Minor),
        },
    );
    let e = w.refuse(
        &c,
        SUN,
        Action::LegalReview {
            date: d("2026-06-11"),
            passed: true,
            opinion: "x".into(),
        },
    );
    assert_eq!(e.rule, "岗位权限");
    // The head decides only after the squad leader's review.
    let e = w.refuse(
        &c,
        SUN,
        Action::ReviewDecision {
            date: d("2026-06-11"),
            outcome: ReviewOutcome::Penalty,
            opinion: "同意".into(),
        },
    );
    assert!(e.message.contains("中队长"));
}

#[test]
fn investigation_before_filing_is_refused() {
    let w = World::new();
    let c = proposed(&w, "2026-06-01");
    let c = w.step(
        &c,
        SUN,
        Action::ApproveFiling {
            date: d("2026-06-04"),
            agree: true,
            opinion: "同意".into(),
        },
    );
    let e = w.refuse(
        &c,
        ZHANG,
        Action::AddRecord {
            record: record(RecordKind::Inspection, "2026-06-03", &["刘某"], 0),
        },
    );
    assert!(e.message.contains("程序倒置"));
}

#[test]
fn inquiry_records_are_one_person_each_and_numbered() {
    let w = World::new();
    let c = investigated(&w);
    let e = w.refuse(
        &c,
        ZHANG,
        Action::AddRecord {
            record: record(RecordKind::Inquiry, "2026-06-06", &["刘某", "张某"], 1),
        },
    );
    assert!(e.message.contains("一人一份"));
    let c = w.step(
        &c,
        ZHANG,
        Action::AddRecord {
            record: record(RecordKind::Inquiry, "2026-06-06", &["刘某"], 1),
        },
    );
    let e = w.refuse(
        &c,
        ZHANG,
        Action::AddRecord {
            record: record(RecordKind::Inquiry, "2026-06-07", &["刘某"], 1),
        },
    );
    assert!(e.message.contains("第 2 次"));
}

#[test]
fn art_45_final_penalty_never_heavier_than_notified() {
    let w = World::new();
    let c = notified(&w, 1000);
    let e = w.refuse(&c, SUN, decide("2026-06-24", 1200));
    assert_eq!(e.rule, "行政处罚法第四十五条");
    let c = w.step(&c, SUN, decide("2026-06-24", 900));
    assert_eq!(c.decision.unwrap().fine, Fen::from_yuan(900));
}

#[test]
fn no_penalty_branch_serves_the_no_penalty_decision_and_closes() {
    let w = World::new();
    let c = no_penalty_reviewed(&w);
    assert_eq!(c.stage, Stage::Deciding);
    let e = w.refuse(&c, SUN, decide("2026-06-13", 500));
    assert!(e.message.contains("不得含处罚种类"));
    let c = w.step(&c, SUN, decide_no_penalty("2026-06-13"));
    let e = w.refuse(
        &c,
        ZHANG,
        Action::ProposeClosing {
            date: d("2026-06-14"),
        },
    );
    assert!(e.message.contains("尚未送达"));
    let c = w.step(&c, ZHANG, serve(ServedDoc::NoPenaltyDecision, "2026-06-15"));
    let c = w.step(
        &c,
        ZHANG,
        Action::ProposeClosing {
            date: d("2026-06-16"),
        },
    );
    assert_eq!(c.stage, Stage::Closing);
}

/// 违法事实不能成立 (Art 57(1)(3)) ends in a decision without penalty, but the printer has
/// no form for it (the 不予行政处罚决定书 states an Art 33 ground): the step names no
/// document, where it used to name one that does not print.
#[test]
fn a_decision_on_facts_not_established_names_no_document_it_cannot_print() {
    let w = World::new();
    let c = investigated(&w);
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
    let c = w.step(
        &c,
        SUN,
        Action::ReviewDecision {
            date: d("2026-06-12"),
            outcome: ReviewOutcome::NotEstablished,
            opinion: "违法事实不能成立".into(),
        },
    );
    let decide = Action::Decide {
        date: d("2026-06-13"),
        kinds: vec![],
        fine: Fen(0),
        confiscation: Fen(0),
        correction_order: String::new(),
        payment_place: String::new(),
        publish: false,
    };
    let t = transition(&c, &decide, w.u(SUN), &w.ctx()).unwrap();
    assert_eq!(t.case.stage, Stage::Serving);
    assert_eq!(t.documents_due, vec![]);
    w.due_documents_print(&t);
}

#[test]
fn transfer_and_withdrawal_end_the_case() {
    let w = World::new();
    let c = investigated(&w);
    let c2 = w.step(
        &c,
        SUN,
        Action::Withdraw {
            date: d("2026-06-08"),
            reason: "当事人非违法行为人".into(),
        },
    );
    let c2 = w.step(
        &c2,
        ZHANG,
        Action::ProposeClosing {
            date: d("2026-06-09"),
        },
    );
    assert_eq!(c2.stage, Stage::Closing);

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
    let c = w.step(
        &c,
        SUN,
        Action::ReviewDecision {
            date: d("2026-06-12"),
            outcome: ReviewOutcome::Transfer {
                to: "农安县公安局".into(),
                judicial: true,
            },
            opinion: "涉嫌犯罪，移送".into(),
        },
    );
    assert!(matches!(
        c.outcome,
        Some(Outcome::Transferred { judicial: true, .. })
    ));
    let c = w.step(
        &c,
        ZHANG,
        Action::ProposeClosing {
            date: d("2026-06-13"),
        },
    );
    assert_eq!(c.stage, Stage::Closing);
}

#[test]
fn execution_demand_surcharge_court_and_instalments() {
    let mut w = World::new();
    w.calendar.insert(&crate::holiday_table::HolidayYear {
        year: 2027,
        source: "t".into(),
        holidays: vec![],
    });
    let c = notified(&w, 1000);
    let c = w.step(&c, SUN, decide("2026-06-24", 1000));
    let c = w.step(&c, ZHANG, serve(ServedDoc::Decision, "2026-06-25"));
    let e = w.refuse(
        &c,
        ZHANG,
        Action::Demand {
            date: d("2026-07-10"),
        },
    );
    assert_eq!(e.rule, "行政强制法第三十五条");
    let c = w.step(
        &c,
        ZHANG,
        Action::Demand {
            date: d("2026-07-20"),
        },
    );
    assert_eq!(c.demands[0].surcharge, Fen::from_yuan(300)); // 10 days × 30
    let c = w.step(&c, ZHANG, serve(ServedDoc::Demand, "2026-07-20"));
    let e = w.refuse(
        &c,
        SUN,
        Action::ApplyCourt {
            date: d("2026-07-31"),
            court: "农安县人民法院".into(),
        },
    );
    assert_eq!(e.rule, "行政强制法第五十四条");
    // The lawsuit period (6 months from 06-25) runs to 12-25 (行政强制法 Art 53).
    let e = w.refuse(
        &c,
        SUN,
        Action::ApplyCourt {
            date: d("2026-08-03"),
            court: "农安县人民法院".into(),
        },
    );
    assert_eq!(e.rule, "行政强制法第五十三条");
    w.today = d("2026-12-31");
    let c2 = w.step(
        &c,
        SUN,
        Action::ApplyCourt {
            date: d("2026-12-28"),
            court: "农安县人民法院".into(),
        },
    );
    assert!(c2.court.is_some());
    // Instalments must add up to the outstanding fine.
    let bad = w.refuse(
        &c,
        SUN,
        Action::ApprovePlan {
            date: d("2026-07-21"),
            instalments: vec![Instalment {
                due: d("2026-08-20"),
                amount: Fen::from_yuan(400),
            }],
        },
    );
    assert!(bad.message.contains("应等于"));
    let c3 = w.step(
        &c,
        SUN,
        Action::ApprovePlan {
            date: d("2026-07-21"),
            instalments: vec![
                Instalment {
                    due: d("2026-08-20"),
                    amount: Fen::from_yuan(500),
                },
                Instalment {
                    due: d("2026-09-20"),
                    amount: Fen::from_yuan(500),
                },
            ],
        },
    );
    assert_eq!(
        gates::payment_due(&c3, &w.calendar).unwrap(),
        Some(d("2026-09-20"))
    );
}

#[test]
fn organisations_use_the_organisation_range() {
    let w = World::new();
    let mut new = new_case("2026-06-01");
    let base = "91220122MA0000001";
    let code = format!(
        "{base}{}",
        crate::identity::CreditCode::check_char(base).unwrap()
    );
    new.parties = vec![Party::Organisation(
        Organisation::new("某某农业合作社", &code, "陈某", "合隆镇", "").unwrap(),
    )];
    let c = propose(new, Some(straw_power()), "HJ-001", w.u(ZHANG), &w.ctx()).unwrap();
    assert_eq!(c.party_type(), crate::catalog::PartyType::Organisation);
}

mod random_sequences {
    //! Drives random actions by random users; whatever is accepted must leave the case in a
    //! state where every gate of its stage held.
    use super::*;
    use proptest::prelude::*;

    fn actions() -> Vec<(i64, Action)> {
        let date = |s: &str| d(s);
        vec![
            (
                SUN,
                Action::ApproveFiling {
                    date: date("2026-06-04"),
                    agree: true,
                    opinion: "同意".into(),
                },
            ),
            (
                ZHANG,
                Action::AddRecord {
                    record: record(RecordKind::Inspection, "2026-06-05", &["刘某"], 0),
                },
            ),
            (
                ZHANG,
                Action::EndInvestigation {
                    proposal: proposal("2026-06-10", 2000, TierName::Grave),
                },
            ),
            (
                ZHAO,
                Action::SquadReview {
                    date: date("2026-06-11"),
                    agree: true,
                    opinion: "同意".into(),
                },
            ),
            (
                SUN,
                Action::ReviewDecision {
                    date: date("2026-06-12"),
                    outcome: ReviewOutcome::Penalty,
                    opinion: "同意".into(),
                },
            ),
            (
                ZHANG,
                Action::IssueNotice {
                    date: date("2026-06-15"),
                },
            ),
            (ZHANG, serve(ServedDoc::Notice, "2026-06-15")),
            (
                ZHANG,
                Action::RequestHearing {
                    date: date("2026-06-17"),
                },
            ),
            (
                SUN,
                Action::ScheduleHearing {
                    notified_on: date("2026-06-18"),
                    date: date("2026-07-01"),
                    place: "会议室".into(),
                    presiding: ZHOU,
                    time: "09:00".into(),
                    public: true,
                    closed_reason: String::new(),
                    hearing_officers: vec![],
                    recorder: Some(ZHAO),
                },
            ),
            (ZHANG, serve(ServedDoc::HearingNotice, "2026-06-18")),
            (
                ZHANG,
                Action::AddRecord {
                    record: record(RecordKind::Hearing, "2026-07-01", &["刘某"], 0),
                },
            ),
            (
                ZHOU,
                Action::HoldHearing {
                    date: date("2026-07-01"),
                    party_absent: false,
                    investigators_case: "调查人员出示现场照片和检查笔录，建议罚款".into(),
                    party_statement: "当事人称焚烧面积较小".into(),
                },
            ),
            (
                ZHANG,
                Action::RecordStatement {
                    date: date("2026-07-01"),
                    content: "听证中的意见".into(),
                    adopted: false,
                    reexamination: "不予采纳".into(),
                },
            ),
            (
                QIAN,
                Action::LegalReview {
                    date: date("2026-07-02"),
                    passed: true,
                    opinion: "通过".into(),
                },
            ),
            (
                ZHANG,
                Action::Waive {
                    date: date("2026-06-16"),
                },
            ),
            (SUN, decide("2026-06-16", 2000)),
            (SUN, decide("2026-07-03", 2000)),
            (SUN, decide("2026-07-03", 2500)),
            (ZHANG, serve(ServedDoc::Decision, "2026-07-06")),
            (
                ZHANG,
                Action::Pay {
                    date: date("2026-07-10"),
                    amount: Fen::from_yuan(2000),
                    method: PaymentMethod::Bank,
                    receipt_no: String::new(),
                    cash_ground: None,
                },
            ),
            (
                ZHANG,
                Action::ProposeClosing {
                    date: date("2026-07-13"),
                },
            ),
            (
                SUN,
                Action::ApproveClosing {
                    date: date("2026-07-14"),
                    opinion: "同意".into(),
                },
            ),
            (
                ZHANG,
                Action::Archive {
                    date: date("2026-07-15"),
                    archive_no: "A1".into(),
                    retention: "长期".into(),
                },
            ),
            (
                ZHANG,
                Action::ApproveFiling {
                    date: date("2026-06-04"),
                    agree: true,
                    opinion: "同意".into(),
                },
            ),
            (
                SUN,
                Action::Withdraw {
                    date: date("2026-06-20"),
                    reason: "撤销".into(),
                },
            ),
            (
                WU,
                Action::Archive {
                    date: date("2026-07-15"),
                    archive_no: "A1".into(),
                    retention: "长期".into(),
                },
            ),
        ]
    }

    fn invariants(c: &Case, w: &World) {
        if c.stage > Stage::Proposed
            && c.outcome
                .as_ref()
                .is_none_or(|o| !matches!(o, Outcome::NotFiled { .. }))
        {
            assert!(c.filed_on().is_some(), "investigating without filing");
        }
        if let Some(dec) = &c.decision {
            if c.outcome == Some(Outcome::Penalty) {
                let n = c.notice.as_ref().expect("decision without notice (Art 44)");
                assert!(dec.fine <= n.fine, "heavier than notified (Art 45)");
                assert!(
                    c.served(ServedDoc::Notice).is_some(),
                    "notice not served (Art 62)"
                );
                if let Some(h) = &c.hearing {
                    assert!(
                        h.held_on.is_some() || h.party_absent,
                        "requested hearing not held (Art 64)"
                    );
                }
                assert!(gates::legal_review_passed(c).is_ok(), "Art 58");
                let end = gates::statement_period_end(c, &w.calendar, &w.settings)
                    .unwrap()
                    .unwrap();
                assert!(
                    c.waived_on.is_some() || dec.date > end,
                    "decided inside the statement period (Art 62)"
                );
                if let Some(held) = c.hearing.as_ref().and_then(|h| h.held_on) {
                    assert!(dec.date >= held, "decided before the hearing");
                }
                assert!(
                    c.legal_reviews.iter().all(|r| r.date <= dec.date),
                    "decided before the legal review"
                );
            }
        }
        if c.stage >= Stage::Closed && c.outcome == Some(Outcome::Penalty) {
            assert!(
                c.paid() >= c.fine_due() || c.termination.is_some(),
                "closed unpaid"
            );
        }
        if c.stage == Stage::Archived {
            assert!(c.archive.is_some());
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn no_accepted_sequence_skips_a_gate(picks in proptest::collection::vec(0usize..24, 1..60)) {
            let w = World::new();
            let acts = actions();
            let mut c = proposed(&w, "2026-06-01");
            for i in picks {
                let (actor, action) = &acts[i % acts.len()];
                if let Ok(t) = transition(&c, action, w.u(*actor), &w.ctx()) {
                    prop_assert_eq!(t.case.version, c.version + 1);
                    w.due_documents_print(&t);
                    c = t.case;
                    invariants(&c, &w);
                }
            }
        }

        #[test]
        fn the_lawful_order_always_completes(skip_waiver in any::<bool>()) {
            let w = World::new();
            let mut c = proposed(&w, "2026-06-01");
            for (actor, action) in actions() {
                if skip_waiver && matches!(action, Action::Waive { .. }) {
                    continue;
                }
                if let Ok(t) = transition(&c, &action, w.u(actor), &w.ctx()) {
                    c = t.case;
                }
            }
            prop_assert_eq!(c.stage, Stage::Archived);
        }
    }
}

/// One account holding 负责人 + 中队长 + 法制审核员 cannot approve the filing, review in the
/// squad, review the law and decide one case alone (行政处罚法 Art 58; one person, one level).
#[test]
fn one_account_with_every_approving_role_cannot_carry_a_case_alone() {
    let mut w = World::new();
    let mut boss = w.users[&SUN].clone();
    boss.roles = vec![Role::Head, Role::SquadLeader, Role::LegalReviewer];
    boss.legal_qualified = true;
    w.users.insert(SUN, boss);
    let c = investigated(&w); // SUN approved the filing
    let c = w.step(
        &c,
        ZHANG,
        Action::EndInvestigation {
            proposal: Proposal {
                complex_or_major: true,
                ..proposal("2026-06-10", 2000, TierName::Grave)
            },
        },
    );
    let squad = Action::SquadReview {
        date: d("2026-06-11"),
        agree: true,
        opinion: "同意".into(),
    };
    let e = w.refuse(&c, SUN, squad.clone());
    assert_eq!(e.rule, "审核审批分离", "{e}");
    let legal = Action::LegalReview {
        date: d("2026-06-11"),
        passed: true,
        opinion: "合法".into(),
    };
    let e = w.refuse(&c, SUN, legal.clone());
    assert_eq!(e.rule, "行政处罚法第五十八条", "{e}");
    // Done by others, the head's own steps stay his; the legal reviewer may not decide.
    let c = w.step(&c, ZHAO, squad);
    let c = w.step(&c, QIAN, legal);
    let mut qian_head = World::new();
    if let Some(q) = qian_head.users.get_mut(&QIAN) {
        q.roles.push(Role::Head);
    }
    let e = qian_head.refuse(
        &c,
        QIAN,
        Action::ReviewDecision {
            date: d("2026-06-12"),
            outcome: ReviewOutcome::Penalty,
            opinion: "同意".into(),
        },
    );
    assert_eq!(e.rule, "行政处罚法第五十八条", "{e}");
    // The discussion: three members, presided by a head; the same name twice is one member.
    let discuss = |attendees: Vec<i64>| Action::Discuss {
        date: d("2026-06-12"),
        opinions: attendees.iter().map(|_| "同意".to_string()).collect(),
        attendees,
        conclusion: "同意处罚".into(),
        recorder: Some(LI),
    };
    let e = w.refuse(&c, SUN, discuss(vec![SUN, SUN, ZHOU]));
    assert!(e.message.contains("孙八"), "{e}");
    let e = w.refuse(&c, SUN, discuss(vec![SUN, ZHOU]));
    assert!(e.message.contains("至少 3 人"), "{e}");
    let c = w.step(&c, SUN, discuss(vec![SUN, ZHOU, QIAN]));
    w.step(
        &c,
        SUN,
        Action::ReviewDecision {
            date: d("2026-06-12"),
            outcome: ReviewOutcome::Penalty,
            opinion: "同意".into(),
        },
    );
}

#[test]
fn qiangzhi_art_25_28_an_expired_seizure_is_released_not_extended() {
    let w = World::new();
    let c = investigated(&w);
    let c = w.step(
        &c,
        SUN,
        Action::Seize {
            date: d("2026-06-10"),
            items: "秸秆打捆机一台".into(),
            days: 30,
        },
    );
    let extend = |date: &str, days| Action::ExtendSeizure {
        index: 0,
        date: d(date),
        days,
    };
    // 06-10 + 30 days = 07-10: an extension approved on 07-15 comes too late.
    let e = w.refuse(&c, SUN, extend("2026-07-15", 30));
    assert_eq!(e.rule, "行政强制法第二十五条第一款");
    assert!(e.message.contains("第二十八条第一款第四项"), "{e}");
    let c = w.step(&c, SUN, extend("2026-07-10", 20));
    // A second extension is the law's refusal, also at the menu's check.
    let e = w.refuse(&c, SUN, extend("2026-07-20", 10));
    assert_eq!(e.rule, "行政强制法第二十五条第一款");
    let e = precheck(&c, ActionKind::ExtendSeizure, w.u(SUN)).unwrap_err();
    assert_eq!(e.rule, "行政强制法第二十五条第一款");
    let c = w.step(
        &c,
        ZHANG,
        Action::ReleaseSeizure {
            index: 0,
            date: d("2026-07-30"),
        },
    );
    assert_eq!(c.seizures[0].released_on, Some(d("2026-07-30")));
}

#[test]
fn art_44_62_deciding_before_any_prior_notice_cites_the_law() {
    let w = World::new();
    let c = investigated(&w);
    let e = w.refuse(&c, SUN, decide("2026-06-24", 600));
    assert_eq!(e.rule, "行政处罚法第四十四条、第六十二条");
    let e = precheck(&c, ActionKind::Decide, w.u(SUN)).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第四十四条、第六十二条");
}

#[test]
fn art_45_an_adopted_statement_may_lower_the_penalty_within_the_statutory_range() {
    let w = World::new();
    // Tier 一般 (1000–1500), notice 1200.
    let notified = notified(&w, 1200);
    // Without an adopted statement the decision stays in the proposed tier.
    let e = w.refuse(&notified, SUN, decide("2026-06-24", 800));
    assert_eq!(e.rule, "行政处罚法第三十四条");
    let c = w.step(
        &notified,
        ZHANG,
        Action::RecordStatement {
            date: d("2026-06-16"),
            content: "当事人称已当场熄灭并清理，请求从轻。".into(),
            adopted: true,
            reexamination: "经复核，当事人及时消除危害后果属实，予以采纳。".into(),
        },
    );
    // Anywhere in the statutory range 500–2000, never above the notice (Art 45 para 2)…
    let e = w.refuse(&c, SUN, decide("2026-06-24", 1300));
    assert_eq!(e.rule, "行政处罚法第四十五条");
    let e = w.refuse(&c, SUN, decide("2026-06-24", 400));
    assert_eq!(e.rule, "行政处罚法第四十五条");
    assert!(e.message.contains("法定幅度"), "{e}");
    let c = w.step(&c, SUN, decide("2026-06-24", 800));
    assert_eq!(c.decision.as_ref().unwrap().fine, Fen::from_yuan(800));
    // …and the 评查 rule agrees with the gate.
    assert_eq!(crate::review::rules::fine_in_range(&c), None);
}

#[test]
fn art_30_a_sixteen_year_old_gets_only_a_lighter_or_mitigated_tier() {
    let w = World::new();
    let mut c = investigated(&w);
    c.parties = vec![person("小刘", "22012220100101001")];
    let e = w.refuse(
        &c,
        ZHANG,
        Action::EndInvestigation {
            proposal: proposal("2026-06-10", 1200, TierName::Ordinary),
        },
    );
    assert_eq!(e.rule, "行政处罚法第三十条");
    let mut p = proposal("2026-06-10", 300, TierName::Mitigated);
    let e = w.refuse(
        &c,
        ZHANG,
        Action::EndInvestigation {
            proposal: p.clone(),
        },
    );
    assert_eq!(
        e.rule, "行政处罚法第三十二条",
        "the circumstance must be recorded"
    );
    p.mitigation = Some(Mitigation::Minor);
    let c = w.step(&c, ZHANG, Action::EndInvestigation { proposal: p });
    assert_eq!(c.stage, Stage::Reviewing);
}

#[test]
fn art_30_a_child_under_fourteen_cannot_be_proposed_a_fine() {
    let w = World::new();
    let mut c = investigated(&w);
    c.parties = vec![person("小王", "22012220140101001")];
    let mut p = proposal("2026-06-10", 300, TierName::Mitigated);
    p.mitigation = Some(Mitigation::Minor);
    let e = w.refuse(&c, ZHANG, Action::EndInvestigation { proposal: p });
    assert_eq!(e.rule, "行政处罚法第三十条");
    assert!(e.message.contains("不满十四周岁"), "{e}");
}

#[test]
fn art_30_on_the_spot_a_minor_needs_a_lighter_tier() {
    let w = World::new();
    let spot = leaves_burnt_on_the_spot(person("小刘", "22012220100101001"), None);
    let e = decide_on_spot(
        spot.clone(),
        Some(straw_power()),
        "HJ-001",
        w.u(ZHANG),
        &w.ctx(),
    )
    .unwrap_err();
    assert_eq!(e.rule, "行政处罚法第三十条");
    let ok = OnSpot {
        tier: Some(TierName::Mitigated),
        mitigation: Some(Mitigation::Minor),
        ..spot.clone()
    };
    assert!(decide_on_spot(ok, Some(straw_power()), "HJ-001", w.u(ZHANG), &w.ctx()).is_ok());
    let child = OnSpot {
        party: person("小王", "22012220140101001"),
        ..spot
    };
    let e = decide_on_spot(child, Some(straw_power()), "HJ-001", w.u(ZHANG), &w.ctx()).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第三十条");
}

#[test]
fn a_fine_paid_in_full_is_neither_demanded_nor_paid_again_and_the_menu_says_why() {
    let w = World::new();
    let c = notified(&w, 1000);
    let c = w.step(&c, SUN, decide("2026-06-24", 1000));
    let c = w.step(&c, ZHANG, serve(ServedDoc::Decision, "2026-06-25"));
    // Before payment both are offered.
    assert!(precheck(&c, ActionKind::Pay, w.u(ZHANG)).is_ok());
    assert!(precheck(&c, ActionKind::Demand, w.u(ZHANG)).is_ok());
    let c = w.step(
        &c,
        ZHANG,
        Action::Pay {
            date: d("2026-06-30"),
            amount: Fen::from_yuan(1000),
            method: PaymentMethod::Bank,
            receipt_no: "NO.1".into(),
            cash_ground: None,
        },
    );
    for kind in [ActionKind::Demand, ActionKind::Pay] {
        let e = precheck(&c, kind, w.u(ZHANG)).unwrap_err();
        assert!(
            e.message.contains("已于 2026-06-30 缴清") && e.message.contains(kind.label()),
            "{e}"
        );
    }
    let e = w.refuse(
        &c,
        ZHANG,
        Action::Demand {
            date: d("2026-07-20"),
        },
    );
    assert!(e.message.contains("缴清"), "{e}");
}
