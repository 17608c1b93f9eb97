//! One test per gate, passing and refusing; test names cite the article.

use super::*;
use crate::case::action::Action;
use crate::case::fixtures::*;
use crate::case::model::*;

#[test]
fn art_24_power_must_be_in_the_catalog_on_the_act_date() {
    assert!(power_held_on(true, "HJ-001", d("2026-06-01")).is_ok());
    let e = power_held_on(false, "HJ-999", d("2026-06-01")).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第二十四条");
    assert!(e.message.contains("HJ-999"));
}

#[test]
fn art_42_two_certified_officers() {
    let us = users();
    let ok = [&us[&ZHANG], &us[&LI]];
    assert!(two_certified_officers(&ok, d("2026-06-01")).is_ok());
    // Contract staff never count toward the two.
    let e = two_certified_officers(&[&us[&ZHANG], &us[&WANG]], d("2026-06-01")).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第四十二条");
    assert!(
        e.message.contains("需两名持证执法人员") && e.message.contains("王五"),
        "{e}"
    );
    assert!(two_certified_officers(&[&us[&ZHANG]], d("2026-06-01")).is_err());
}

#[test]
fn art_36_limitation_two_years_from_the_act_or_its_end() {
    assert!(limitation_not_expired(d("2024-06-01"), None, d("2026-06-01"), false).is_ok());
    let e = limitation_not_expired(d("2024-06-01"), None, d("2026-06-02"), false).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第三十六条");
    // A continuing act counts from its end.
    assert!(limitation_not_expired(
        d("2023-01-01"),
        Some(d("2025-01-01")),
        d("2026-06-01"),
        false
    )
    .is_ok());
}

#[test]
fn art_36_five_years_where_life_health_or_financial_safety_was_harmed() {
    assert!(limitation_not_expired(d("2022-06-01"), None, d("2026-06-01"), true).is_ok());
    assert!(limitation_not_expired(d("2021-05-31"), None, d("2026-06-01"), true).is_err());
}

#[test]
fn case_dates_must_be_in_order_and_not_future() {
    let today = d("2026-11-20");
    assert!(case_dates_in_order(d("2026-06-01"), None, d("2026-06-02"), today).is_ok());
    assert!(
        case_dates_in_order(d("2026-06-03"), None, d("2026-06-02"), today).is_err(),
        "discovered before act"
    );
    assert!(case_dates_in_order(
        d("2026-06-01"),
        Some(d("2026-05-01")),
        d("2026-06-02"),
        today
    )
    .is_err());
    assert!(
        case_dates_in_order(d("2026-12-01"), None, d("2026-12-01"), today).is_err(),
        "future"
    );
}

#[test]
fn art_54_no_investigation_before_filing() {
    let w = World::new();
    let c = proposed(&w, "2026-06-01");
    let e = not_before_filing(&c, d("2026-06-05"), "取证").unwrap_err();
    assert_eq!(e.rule, "行政处罚法第五十四条");
    let c = w.step(
        &c,
        SUN,
        Action::ApproveFiling {
            date: d("2026-06-04"),
            agree: true,
            opinion: "同意".into(),
        },
    );
    assert!(not_before_filing(&c, d("2026-06-04"), "取证").is_ok());
    let e = not_before_filing(&c, d("2026-06-03"), "取证").unwrap_err();
    assert!(e.message.contains("程序倒置"));
}

#[test]
fn separation_of_duties_handler_cannot_approve_own_case() {
    let w = World::new();
    let mut c = proposed(&w, "2026-06-01");
    assert!(not_own_case(&c, w.u(SUN)).is_ok());
    c.handlers.push(SUN);
    assert!(not_own_case(&c, w.u(SUN)).is_err());
}

#[test]
fn qiangzhi_art_25_seizure_at_most_30_plus_30_days_once() {
    assert!(seizure_period(30, 0, 0).is_ok());
    assert_eq!(
        seizure_period(31, 0, 0).unwrap_err().rule,
        "行政强制法第二十五条"
    );
    assert!(seizure_period(30, 0, 30).is_ok());
    assert!(seizure_period(30, 0, 31).is_err());
    assert!(seizure_period(30, 10, 10).is_err(), "second extension");
}

fn seizure(date: &str, days: u32) -> Seizure {
    Seizure {
        approved_by: SUN,
        date: d(date),
        items: "秸秆打捆机一台".into(),
        days,
        extended_days: 0,
        excluded_days: 0,
        released_on: None,
    }
}

#[test]
fn qiangzhi_art_25_extension_approved_before_expiry_art_28_release_after() {
    let cal = calendar();
    let s = seizure("2026-03-01", 30);
    assert_eq!(seizure_period_end(&s, &cal).unwrap(), d("2026-03-31"));
    assert!(seizure_extended_before_expiry(&s, d("2026-03-31"), &cal).is_ok());
    let e = seizure_extended_before_expiry(&s, d("2026-04-05"), &cal).unwrap_err();
    assert_eq!(e.rule, "行政强制法第二十五条第一款");
    assert!(
        e.message.contains("2026-03-31") && e.message.contains("第二十八条第一款第四项"),
        "{e}"
    );
    // Para 3: declared testing days do not count, so the period still runs on 04-05.
    let tested = Seizure {
        excluded_days: 10,
        ..s
    };
    assert!(seizure_extended_before_expiry(&tested, d("2026-04-05"), &cal).is_ok());
}

#[test]
fn qiangzhi_art_25_a_seizure_is_extended_only_once() {
    let w = World::new();
    let mut c = investigated(&w);
    assert_eq!(seizure_extendable(&c).unwrap_err().rule, "输入检查");
    c.seizures.push(Seizure {
        extended_days: 30,
        ..seizure("2026-06-05", 30)
    });
    let e = seizure_extendable(&c).unwrap_err();
    assert_eq!(e.rule, "行政强制法第二十五条第一款");
    assert!(e.message.contains("只能延长一次"), "{e}");
    c.seizures.push(seizure("2026-06-06", 30));
    assert!(seizure_extendable(&c).is_ok());
}

#[test]
fn art_67_68_69_cash_on_the_spot_needs_its_lawful_ground() {
    let w = World::new();
    let c = notified(&w, 600);
    let mut c = w.step(&c, SUN, decide("2026-06-24", 600));
    let e = cash_on_spot_allowed(&c, None).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第六十七条第二款");
    // Art 68 is for on-the-spot decisions (Art 51) only.
    let e = cash_on_spot_allowed(&c, Some(CashGround::HardToEnforceLater)).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第六十八条第（二）项");
    // Art 69 also after a general-procedure decision (Art 57), at the party's request.
    assert!(cash_on_spot_allowed(&c, Some(CashGround::RemoteAreaOnRequest)).is_ok());
    c.procedure = Procedure::Simple;
    assert!(cash_on_spot_allowed(&c, Some(CashGround::HardToEnforceLater)).is_ok());
    // Art 68(1): the fine itself is at most 100 yuan.
    let e = cash_on_spot_allowed(&c, Some(CashGround::SmallFine)).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第六十八条第（一）项");
    assert!(e.message.contains("600"), "{e}");
}

#[test]
fn art_58_reviewer_needs_legal_qualification() {
    let us = users();
    assert!(legal_reviewer_qualified(&us[&QIAN]).is_ok());
    assert_eq!(
        legal_reviewer_qualified(&us[&ZHANG]).unwrap_err().rule,
        "行政处罚法第五十八条第二款"
    );
}

#[test]
fn art_58_legal_review_required_after_a_hearing_or_when_flagged() {
    let w = World::new();
    let mut c = notified(&w, 1000);
    assert!(legal_review_passed(&c).is_ok(), "not required");
    c.proposal
        .as_mut()
        .unwrap()
        .legal_review_flags
        .push("重大公共利益".into());
    assert_eq!(
        legal_review_passed(&c).unwrap_err().rule,
        "行政处罚法第五十八条"
    );
    c.legal_reviews.push(Approval {
        by: QIAN,
        date: d("2026-06-16"),
        agree: false,
        opinion: "x".into(),
    });
    assert!(legal_review_passed(&c)
        .unwrap_err()
        .message
        .contains("未通过"));
    c.legal_reviews.push(Approval {
        by: QIAN,
        date: d("2026-06-17"),
        agree: true,
        opinion: "x".into(),
    });
    assert!(legal_review_passed(&c).is_ok());
}

#[test]
fn art_57_collective_discussion_for_complex_cases() {
    let w = World::new();
    let mut c = notified(&w, 1000);
    assert!(collective_discussion_held(&c).is_ok());
    c.proposal.as_mut().unwrap().complex_or_major = true;
    assert_eq!(
        collective_discussion_held(&c).unwrap_err().rule,
        "行政处罚法第五十七条第二款"
    );
}

#[test]
fn art_44_62_no_decision_before_notice_served() {
    let w = World::new();
    let c = investigated(&w);
    assert!(notice_served(&c).is_err());
    let c = notified(&w, 1000);
    assert!(notice_served(&c).is_ok());
}

#[test]
fn art_62_decision_waits_for_the_statement_period_unless_waived() {
    let w = World::new();
    let c = notified(&w, 1000); // served 2026-06-15 (Mon); 5 WD → 06-23 (06-19 端午)
    let e = party_heard(&c, d("2026-06-23"), &w.calendar, &w.settings).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第六十二条");
    assert!(e.message.contains("2026-06-23"), "{e}");
    assert!(party_heard(&c, d("2026-06-24"), &w.calendar, &w.settings).is_ok());
    let c = w.step(
        &c,
        ZHANG,
        Action::Waive {
            date: d("2026-06-16"),
        },
    );
    assert!(party_heard(&c, d("2026-06-16"), &w.calendar, &w.settings).is_ok());
}

#[test]
fn art_64_1_hearing_request_within_5_working_days() {
    let w = World::new();
    let c = notified(&w, 2000); // hearing right (threshold 2000)
    assert!(hearing_request_in_time(&c, d("2026-06-23"), &w.calendar).is_ok());
    let e = hearing_request_in_time(&c, d("2026-06-24"), &w.calendar).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第六十四条第一项");
    let small = notified(&w, 1000);
    assert_eq!(
        hearing_request_in_time(&small, d("2026-06-16"), &w.calendar)
            .unwrap_err()
            .rule,
        "行政处罚法第六十三条"
    );
}

#[test]
fn art_64_2_hearing_notified_7_working_days_ahead() {
    let cal = calendar();
    // Notified 06-18; 06-19 端午; 7 WD → 06-30.
    assert!(hearing_notified_in_time(d("2026-06-18"), d("2026-06-30"), &cal).is_ok());
    let e = hearing_notified_in_time(d("2026-06-18"), d("2026-06-29"), &cal).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第六十四条第二项");
}

#[test]
fn art_64_4_presiding_officer_is_not_an_investigator() {
    let w = World::new();
    let c = notified(&w, 2000);
    assert!(presiding_not_investigator(&c, w.u(QIAN)).is_ok());
    assert_eq!(
        presiding_not_investigator(&c, w.u(LI)).unwrap_err().rule,
        "行政处罚法第六十四条第四项"
    );
}

#[test]
fn art_45_no_heavier_penalty_than_notified() {
    let w = World::new();
    let c = notified(&w, 1000);
    assert!(
        not_heavier_than_notified(&c, &[PenaltyKind::Fine], Fen::from_yuan(800), Fen(0)).is_ok()
    );
    let e = not_heavier_than_notified(&c, &[PenaltyKind::Fine], Fen::from_yuan(1200), Fen(0))
        .unwrap_err();
    assert_eq!(e.rule, "行政处罚法第四十五条");
    assert!(not_heavier_than_notified(
        &c,
        &[PenaltyKind::Fine, PenaltyKind::Warning],
        Fen::from_yuan(800),
        Fen(0)
    )
    .is_err());
}

#[test]
fn art_60_decide_within_90_days_of_filing() {
    let w = World::new();
    let c = notified(&w, 1000); // filed 2026-06-04 → 09-02 (Wednesday)
    assert!(within_decision_limit(&c, d("2026-09-02"), &w.calendar).is_ok());
    assert_eq!(
        within_decision_limit(&c, d("2026-09-03"), &w.calendar)
            .unwrap_err()
            .rule,
        "行政处罚法第六十条"
    );
}

#[test]
fn art_51_simple_procedure_limits() {
    use crate::catalog::PartyType::*;
    assert!(
        simple_procedure_allowed(Individual, &[PenaltyKind::Fine], Fen::from_yuan(200)).is_ok()
    );
    assert!(
        simple_procedure_allowed(Individual, &[PenaltyKind::Fine], Fen::from_yuan(201)).is_err()
    );
    assert!(
        simple_procedure_allowed(Organisation, &[PenaltyKind::Fine], Fen::from_yuan(3000)).is_ok()
    );
    assert!(
        simple_procedure_allowed(Organisation, &[PenaltyKind::Fine], Fen::from_yuan(3001)).is_err()
    );
    assert!(simple_procedure_allowed(Individual, &[PenaltyKind::Warning], Fen(0)).is_ok());
    let e =
        simple_procedure_allowed(Individual, &[PenaltyKind::SuspendBusiness], Fen(0)).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第五十一条");
}

#[test]
fn art_61_electronic_service_needs_confirmation() {
    assert!(electronic_service_confirmed(ServiceMethod::Electronic, true).is_ok());
    assert!(electronic_service_confirmed(ServiceMethod::Direct, false).is_ok());
    assert_eq!(
        electronic_service_confirmed(ServiceMethod::Electronic, false)
            .unwrap_err()
            .rule,
        "行政处罚法第六十一条第二款"
    );
}

#[test]
fn art_67_payment_due_15_days_after_service() {
    let w = World::new();
    let c = notified(&w, 1000);
    let c = w.step(&c, SUN, decide("2026-06-24", 1000));
    assert_eq!(payment_due(&c, &w.calendar).unwrap(), None);
    let c = w.step(&c, ZHANG, serve(ServedDoc::Decision, "2026-06-25"));
    // 06-25 + 15 = 07-10 (Friday).
    assert_eq!(payment_due(&c, &w.calendar).unwrap(), Some(d("2026-07-10")));
}

/// A decision served 2026-06-25, 催告 served 2026-07-20 (with an empty 2027 table).
fn demanded(w: &mut World) -> Case {
    w.calendar.insert(&crate::holiday_table::HolidayYear {
        year: 2027,
        source: "test".into(),
        holidays: vec![],
    });
    let c = notified(w, 1000);
    let c = w.step(&c, SUN, decide("2026-06-24", 1000));
    let c = w.step(&c, ZHANG, serve(ServedDoc::Decision, "2026-06-25"));
    assert!(
        court_application_window(&c, d("2026-08-01"), &w.calendar).is_err(),
        "no demand yet"
    );
    let c = w.step(
        &c,
        ZHANG,
        Action::Demand {
            date: d("2026-07-20"),
        },
    );
    w.step(&c, ZHANG, serve(ServedDoc::Demand, "2026-07-20"))
}

#[test]
fn qiangzhi_art_53_54_court_window_after_demand_and_the_remedy_periods() {
    let mut w = World::new();
    let c = demanded(&mut w);
    // 10 WD after the 催告 served 07-20 → 08-03 (Art 54).
    let e = court_application_window(&c, d("2026-07-31"), &w.calendar).unwrap_err();
    assert_eq!(e.rule, "行政强制法第五十四条");
    // But the 6-month lawsuit period (行政诉讼法 Art 46) runs to 12-25: no application while
    // the party may still sue (Art 53; the demo applied 36–42 days after service).
    let e = court_application_window(&c, d("2026-08-03"), &w.calendar).unwrap_err();
    assert_eq!(e.rule, "行政强制法第五十三条");
    assert!(e.message.contains("2026-12-25"), "{e}");
    assert!(court_application_window(&c, d("2026-12-25"), &w.calendar).is_err());
    assert!(court_application_window(&c, d("2026-12-26"), &w.calendar).is_ok());
    // Closes 3 months after the period ended: 2027-03-25.
    assert!(court_application_window(&c, d("2027-03-25"), &w.calendar).is_ok());
    let e = court_application_window(&c, d("2027-03-26"), &w.calendar).unwrap_err();
    assert_eq!(e.rule, "行政强制法第五十三条");
    assert_eq!(
        court_window(&c, &w.calendar).unwrap(),
        Some((d("2026-12-26"), d("2027-03-25")))
    );
}

#[test]
fn qiangzhi_art_53_no_application_while_a_reconsideration_is_pending() {
    let mut w = World::new();
    let c = demanded(&mut w);
    let mut pending = c.clone();
    pending.remedies.push(Remedy {
        kind: RemedyKind::Reconsideration,
        started_on: d("2026-08-01"),
        ended_on: None,
        result: None,
        changed_fine: None,
    });
    let e = court_application_window(&pending, d("2027-01-04"), &w.calendar).unwrap_err();
    assert_eq!(e.rule, "行政强制法第五十三条");
    // Once the 复议 ended (upheld 2026-12-20) the party may sue within 15 days (行政诉讼法
    // Art 45) → 2027-01-04; the window opens the day after.
    let mut ended = pending;
    ended.remedies[0].ended_on = Some(d("2026-12-20"));
    ended.remedies[0].result = Some(RemedyResult::Upheld);
    assert!(court_application_window(&ended, d("2027-01-04"), &w.calendar).is_err());
    assert!(court_application_window(&ended, d("2027-01-05"), &w.calendar).is_ok());
}

#[test]
fn fuyi_art_23_on_the_spot_decision_window_runs_from_the_60_day_reconsideration_period() {
    // 复议法 (2023) Art 23(1)(1): an on-the-spot decision goes first to 复议, so the party's
    // period is the 60 days of Art 20, not the 6 months of 行政诉讼法 Art 46.
    let mut w = World::new();
    let mut c = demanded(&mut w);
    c.procedure = Procedure::Simple;
    for s in &mut c.services {
        if s.doc == ServedDoc::Decision {
            (s.date, s.served_on) = (d("2026-01-05"), d("2026-01-05"));
        }
    }
    // 01-05 + 60 days = 03-06 (Fri); + 3 months = 06-06 (Sat) → 06-08 (Mon). Today's code
    // gave the 6-month window ending 2026-10-08.
    let end = remedy_periods_end(&c, &w.calendar).unwrap().unwrap();
    assert_eq!(end.1, d("2026-03-06"));
    let (_, closes) = court_window(&c, &w.calendar).unwrap().unwrap();
    assert_eq!(closes, d("2026-06-08"));
    assert!(court_application_window(&c, d("2026-08-03"), &w.calendar).is_err());
}

#[test]
fn minsu_art_95_public_notice_stage_dated_by_publication_periods_by_deemed_service() {
    let w = World::new();
    let c = notified(&w, 1000);
    let c = w.step(&c, SUN, decide("2026-06-24", 1000));
    let c = w.step(
        &c,
        ZHANG,
        Action::Serve {
            doc: ServedDoc::Decision,
            method: ServiceMethod::PublicNotice,
            date: d("2026-06-25"),
            recipient: "刘某".into(),
            officers: vec![ZHANG, LI],
            confirmation: false,
        },
    );
    // The stage is dated by what happened (the notice published); the periods run from
    // the deemed service 30 days later: 07-25 + 15 days = 08-09 (Sun) → 08-10 (Art 67).
    assert_eq!(c.entered(Stage::Executing), Some(d("2026-06-25")));
    assert_eq!(payment_due(&c, &w.calendar).unwrap(), Some(d("2026-08-10")));
    // A payment or a 复议 application after publication, before the deemed date, stands.
    let paid = w.step(
        &c,
        ZHANG,
        Action::Pay {
            date: d("2026-07-01"),
            amount: Fen::from_yuan(1000),
            method: PaymentMethod::Bank,
            receipt_no: String::new(),
            cash_ground: None,
        },
    );
    assert_eq!(paid.paid(), Fen::from_yuan(1000));
    let appealed = w.step(
        &c,
        ZHANG,
        Action::RemedyStarted {
            kind: RemedyKind::Reconsideration,
            date: d("2026-07-01"),
        },
    );
    assert_eq!(appealed.remedies.len(), 1);
}

#[test]
fn art_62_same_day_decision_after_a_recorded_waiver_is_not_vetoed_by_r08() {
    // Notice made, served and waived on 06-15, decided the same day (Art 62): the gates
    // allow it, so review rule R08 must not veto closing.
    let w = World::new();
    let c = notified(&w, 1000);
    let c = w.step(
        &c,
        ZHANG,
        Action::Waive {
            date: d("2026-06-15"),
        },
    );
    let c = w.step(&c, SUN, decide("2026-06-15", 1000));
    let c = w.step(&c, ZHANG, serve(ServedDoc::Decision, "2026-06-15"));
    let c = w.step(
        &c,
        ZHANG,
        Action::Pay {
            date: d("2026-06-20"),
            amount: Fen::from_yuan(1000),
            method: PaymentMethod::Bank,
            receipt_no: String::new(),
            cash_ground: None,
        },
    );
    assert_eq!(crate::review::rules::run("R08", &c, &w.ctx()), None);
    let c = w.step(
        &c,
        ZHANG,
        Action::ProposeClosing {
            date: d("2026-06-22"),
        },
    );
    assert_eq!(c.stage, Stage::Closing);
    // The one rule both ask: a decision dated before the notice was served is refused.
    let e = notice_served_by(&c, Some(d("2026-06-14"))).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第六十二条");
}

#[test]
fn closing_requires_payment_or_a_terminal_outcome() {
    let w = World::new();
    let c = notified(&w, 1000);
    assert!(closable(&c, d("2026-07-01"), &w.calendar).is_err());
    let c = w.step(&c, SUN, decide("2026-06-24", 1000));
    let c = w.step(&c, ZHANG, serve(ServedDoc::Decision, "2026-06-25"));
    assert!(closable(&c, d("2026-07-01"), &w.calendar)
        .unwrap_err()
        .message
        .contains("尚未缴清"));
    let c = w.step(
        &c,
        ZHANG,
        Action::Pay {
            date: d("2026-07-01"),
            amount: Fen::from_yuan(1000),
            method: PaymentMethod::Bank,
            receipt_no: String::new(),
            cash_ground: None,
        },
    );
    assert!(closable(&c, d("2026-07-02"), &w.calendar).is_ok());
}

#[test]
fn art_41_electronic_monitoring_needs_review() {
    let mut e = Evidence {
        kind: EvidenceKind::Electronic,
        description: "监控截图".into(),
        collected_on: d("2026-06-05"),
        time: "09:10".into(),
        place: "路口".into(),
        collectors: vec![ZHANG, LI],
        attachments: vec![],
        electronic_monitor: true,
        monitor_reviewed: false,
    };
    assert_eq!(
        electronic_monitor_reviewed(&e).unwrap_err().rule,
        "行政处罚法第四十一条"
    );
    e.monitor_reviewed = true;
    assert!(electronic_monitor_reviewed(&e).is_ok());
}

#[test]
fn art_64_2_hearing_only_after_the_hearing_notice_was_served() {
    let w = World::new();
    let mut c = notified(&w, 800);
    let e = hearing_notice_served(&c).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第六十四条第二项");
    c.hearing = Some(hearing_of_06_29(QIAN, false));
    let c = w.step(&c, ZHANG, serve(ServedDoc::HearingNotice, "2026-06-18"));
    assert!(hearing_notice_served(&c).is_ok());
}

#[test]
fn art_38_review_vetoes_block_closing() {
    use crate::review::no_review_vetoes;
    let w = World::new();
    let c = notified(&w, 800);
    let c = w.step(&c, SUN, decide("2026-06-25", 800));
    let c = w.step(&c, ZHANG, serve(ServedDoc::Decision, "2026-06-25"));
    assert!(no_review_vetoes(&crate::review::vetoes(&c, &w.ctx())).is_ok());
    let mut bad = c.clone();
    bad.records[0].officers = vec![ZHANG, WANG];
    let vetoes = crate::review::vetoes(&bad, &w.ctx());
    let e = no_review_vetoes(&vetoes).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第三十八条");
    assert!(e.message.contains("R02"), "{e}");
}

#[test]
fn art_42_a_person_listed_twice_counts_once_in_every_list() {
    let w = World::new();
    let zhang = w.u(ZHANG);
    let e = each_person_once(&[zhang, zhang], "取证人员").unwrap_err();
    assert_eq!(e.rule, "行政处罚法第四十二条");
    assert!(
        e.message.contains("张三") && e.message.contains("取证人员"),
        "{e}"
    );
    assert!(each_person_once(&[zhang, w.u(LI)], "取证人员").is_ok());
    // The same collector twice no longer makes two officers, in every step with people.
    let c = investigated(&w);
    let mut twice = record(RecordKind::Inquiry, "2026-06-06", &["刘某"], 1);
    twice.officers = vec![ZHANG, ZHANG];
    let e = w.refuse(&c, ZHANG, Action::AddRecord { record: twice });
    assert_eq!(e.rule, "行政处罚法第四十二条");
    assert!(e.message.contains("张三"), "{e}");
    let mut evidence = c.evidence[0].clone();
    evidence.collectors = vec![ZHANG, ZHANG];
    let e = w.refuse(&c, ZHANG, Action::AddEvidence { evidence });
    assert!(e.message.contains("张三"), "{e}");
    // Case creation: a handler twice, or a handler who is also an assistant.
    for (handlers, assistants) in [
        (vec![ZHANG, LI, ZHANG], vec![]),
        (vec![ZHANG, LI], vec![LI]),
    ] {
        let mut new = new_case("2026-06-01");
        new.handlers = handlers;
        new.assistants = assistants;
        let e = crate::case::workflow::propose(
            new,
            Some(straw_power()),
            "HJ-001",
            w.u(ZHANG),
            &w.ctx(),
        )
        .unwrap_err();
        assert_eq!(e.rule, "行政处罚法第四十二条", "{e}");
    }
}

#[test]
fn squad_review_is_by_the_case_s_own_squad_leader() {
    let mut w = World::new();
    let c = investigated(&w);
    // Another squad's leader may not review while the case's own squad has a free leader.
    let mut other = w.users[&ZHAO].clone();
    other.id = 99;
    other.squad = "第二中队".into();
    w.users.insert(99, other);
    let e = own_squad_leader(&c, w.u(99), &w.users).unwrap_err();
    assert!(e.message.contains("第一中队"), "{e}");
    assert!(own_squad_leader(&c, w.u(ZHAO), &w.users).is_ok());
    // Where the squad's only leader handles the case, another squad's leader reviews it.
    let mut own = c.clone();
    own.assistants.push(ZHAO);
    assert!(own_squad_leader(&own, w.u(99), &w.users).is_ok());
}

#[test]
fn art_57_discussion_needs_the_set_number_of_members_and_a_presiding_head() {
    let w = World::new();
    let s = ProcedureSettings::default();
    assert_eq!(s.discussion_min_members, 3);
    let (sun, zhou, qian) = (w.u(SUN), w.u(ZHOU), w.u(QIAN));
    assert!(discussion_quorum(sun, &[sun, zhou, qian], &s).is_ok());
    let e = discussion_quorum(sun, &[sun, zhou], &s).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第五十七条第二款");
    assert!(e.message.contains('3'), "{e}");
    // "孙八、孙八、周九" is two people, not three.
    let e = discussion_quorum(sun, &[sun, sun, zhou], &s).unwrap_err();
    assert!(e.message.contains("孙八"), "{e}");
    // Presided over by a head who attends.
    assert!(discussion_quorum(qian, &[sun, zhou, qian], &s).is_err());
    assert!(discussion_quorum(sun, &[zhou, qian, w.u(ZHAO)], &s).is_err());
    // The number is a setting.
    let two = ProcedureSettings {
        discussion_min_members: 2,
        ..s
    };
    assert!(discussion_quorum(sun, &[sun, zhou], &two).is_ok());
}

#[test]
fn art_58_legal_reviewer_is_not_the_approver_and_one_person_one_approving_level() {
    let w = World::new();
    let sun = w.u(SUN);
    assert!(one_approving_level(sun, "负责人审批", None).is_ok());
    assert!(one_approving_level(sun, "负责人审批", Some("负责人审批")).is_ok());
    let e = one_approving_level(sun, "法制审核", Some("负责人审批")).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第五十八条");
    assert!(e.message.contains("孙八"), "{e}");
    let e = one_approving_level(sun, "负责人审批", Some("中队长审核")).unwrap_err();
    assert_eq!(e.rule, "审核审批分离");
}

#[test]
fn art_30_minors_get_a_lighter_penalty_and_children_none() {
    let act = d("2026-06-01");
    let sixteen = [person("小刘", "22012220100101001")];
    let twelve = [person("小王", "22012220140101001")];
    let fine = [PenaltyKind::Fine];
    let e = minor_treated_by_age(&sixteen, act, &fine, Some(TierName::Ordinary), None).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第三十条");
    assert!(
        e.message.contains("小刘") && e.message.contains("从轻或者减轻"),
        "{e}"
    );
    assert!(minor_treated_by_age(
        &sixteen,
        act,
        &fine,
        Some(TierName::Lighter),
        Some(Mitigation::Minor)
    )
    .is_ok());
    // Under 14: no penalty at all, but a proposal not to punish is fine.
    let e = minor_treated_by_age(&twelve, act, &fine, Some(TierName::Mitigated), None).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第三十条");
    assert!(e.message.contains("不满十四周岁"), "{e}");
    assert!(minor_treated_by_age(&twelve, act, &[], None, None).is_ok());
    // An adult cannot be mitigated "as a minor".
    let e = minor_treated_by_age(
        &[adult()],
        act,
        &fine,
        Some(TierName::Lighter),
        Some(Mitigation::Minor),
    )
    .unwrap_err();
    assert_eq!(e.rule, "行政处罚法第三十条");
}

#[test]
fn art_32_lighter_tiers_need_a_recorded_circumstance() {
    let fine = [PenaltyKind::Fine];
    let e = mitigation_grounded(Some(TierName::Mitigated), None, &fine, Fen::from_yuan(300))
        .unwrap_err();
    assert_eq!(e.rule, "行政处罚法第三十二条");
    assert!(e.message.contains("主动消除或者减轻危害后果"), "{e}");
    assert!(
        mitigation_grounded(Some(TierName::Lighter), None, &fine, Fen::from_yuan(600)).is_err()
    );
    assert!(mitigation_grounded(
        Some(TierName::Mitigated),
        Some(Mitigation::CoercedOrInduced),
        &fine,
        Fen::from_yuan(300)
    )
    .is_ok());
    // A mandatory circumstance recorded with an ordinary tier is refused.
    let e = mitigation_grounded(
        Some(TierName::Ordinary),
        Some(Mitigation::ReducedHarm),
        &fine,
        Fen::from_yuan(1200),
    )
    .unwrap_err();
    assert_eq!(e.rule, "行政处罚法第三十二条");
    assert!(mitigation_grounded(Some(TierName::Minor), None, &fine, Fen::from_yuan(600)).is_ok());
}

#[test]
fn art_33_a_mitigated_fine_of_nothing_is_the_no_penalty_path() {
    let e = mitigation_grounded(
        Some(TierName::Mitigated),
        Some(Mitigation::ReducedHarm),
        &[PenaltyKind::Fine],
        Fen(0),
    )
    .unwrap_err();
    assert_eq!(e.rule, "行政处罚法第三十三条");
    assert!(e.message.contains("不予处罚"), "{e}");
}

fn template_power(code: &str) -> crate::catalog::Power {
    crate::assets::catalog_template()
        .unwrap()
        .powers
        .into_iter()
        .find(|p| p.code == code)
        .unwrap()
}

#[test]
fn art_4_mandatory_measures_of_the_penalty_provision_are_in_the_penalty() {
    use crate::catalog::PenaltyKind::*;
    // 文物保护法 Art 83 para 2: 给予警告，可以并处 500 元以下罚款 — a fine alone is wrong.
    let gh = template_power("GH-016");
    let e = mandatory_measures_included(&gh, false, &[], &[Fine]).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第四条");
    assert!(e.message.contains("给予警告"), "{e}");
    assert!(mandatory_measures_included(&gh, false, &[], &[Warning, Fine]).is_ok());
    assert!(mandatory_measures_included(&gh, false, &[], &[Warning]).is_ok());
    // 烟花爆竹安全管理条例 Art 36 para 1: 罚款，并没收非法经营的物品.
    let yj = template_power("YJ-010");
    assert!(mandatory_measures_included(&yj, false, &[], &[Fine]).is_err());
    assert!(mandatory_measures_included(&yj, false, &[], &[Fine, ConfiscateProperty]).is_ok());
    // 土地管理法 Art 77 para 1: 限期拆除 or 没收 the buildings, the fine optional.
    let zr = template_power("ZR-001");
    assert!(mandatory_measures_included(&zr, false, &[], &[Fine]).is_err());
    assert!(mandatory_measures_included(&zr, false, &[], &[Other, Fine]).is_ok());
    assert!(mandatory_measures_included(&zr, false, &[], &[ConfiscateProperty]).is_ok());
    // A proposal not to punish is another path (Art 33).
    assert!(mandatory_measures_included(&gh, false, &[], &[]).is_ok());
}

#[test]
fn art_4_28_on_the_spot_decision_keeps_the_mandatory_warning_and_orders_correction() {
    let w = World::new();
    let power = PowerRef {
        id: 16,
        version: 1,
        power: template_power("GH-016"),
    };
    let spot = |kinds: Vec<PenaltyKind>, correction: &str| crate::case::workflow::OnSpot {
        date: d("2026-10-12"),
        time: "10:20".into(),
        place: "合隆镇某村文物保护标志处".into(),
        facts: "当事人损毁不可移动文物保护标志。".into(),
        party: adult(),
        officers: vec![ZHANG, LI],
        kinds,
        fine: Fen::from_yuan(100),
        tier: Some(crate::catalog::TierName::Minor),
        mitigation: None,
        correction_order: correction.into(),
    };
    let on_spot = |s| {
        crate::case::workflow::decide_on_spot(
            s,
            Some(power.clone()),
            "GH-016",
            w.u(ZHANG),
            &w.ctx(),
        )
    };
    let e = on_spot(spot(vec![PenaltyKind::Fine], "立即修复")).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第四条");
    let e = on_spot(spot(vec![PenaltyKind::Warning, PenaltyKind::Fine], "")).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第二十八条第一款");
    let c = on_spot(spot(
        vec![PenaltyKind::Warning, PenaltyKind::Fine],
        "立即修复",
    ))
    .unwrap();
    assert_eq!(
        c.decision.unwrap().kinds,
        [PenaltyKind::Warning, PenaltyKind::Fine]
    );
}

#[test]
fn art_4_a_measure_mandatory_in_the_heavier_band_is_required_in_that_band_only() {
    use crate::catalog::PenaltyKind::*;
    // 动物防疫法 Art 98: 处三千元以上三万元以下罚款；情节严重的，责令停业整顿，并处罚款.
    let ny = template_power("NY-014");
    let e = mandatory_measures_included(&ny, true, &[], &[Fine]).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第四条");
    assert!(
        e.message.contains("“情节严重”") && e.message.contains("责令停业整顿"),
        "{e}"
    );
    assert!(mandatory_measures_included(&ny, true, &[], &[Fine, SuspendBusiness]).is_ok());
    assert!(mandatory_measures_included(&ny, false, &[], &[Fine]).is_ok());
    // 城乡规划法 Art 64: 无法改正、不能拆除的，没收实物或者违法收入，可以并处罚款.
    let gh = template_power("GH-001");
    assert!(mandatory_measures_included(&gh, true, &[], &[Fine]).is_err());
    assert!(mandatory_measures_included(&gh, true, &[], &[ConfiscateProperty]).is_ok());
    assert!(mandatory_measures_included(&gh, true, &[], &[ConfiscateGains, Fine]).is_ok());
    assert!(mandatory_measures_included(&gh, false, &[], &[Fine]).is_ok());
    // The power's own measures stay required in the heavier band (文物保护法 Art 83).
    let warning = template_power("GH-016");
    assert!(mandatory_measures_included(&warning, true, &[], &[Fine]).is_err());
}

/// A case filed under NY-014 (随意弃置病死动物) with `proposal`, reviewed and notified
/// (notice served 2026-06-15, no statement or hearing asked for).
fn notified_under_ny_014(w: &World, proposal: Proposal) -> Case {
    let mut c = investigated(w);
    c.power.power = template_power("NY-014");
    notified_with(w, c, proposal)
}

fn decide_kinds(kinds: Vec<PenaltyKind>, fine: i64) -> Action {
    match decide("2026-06-24", fine) {
        Action::Decide {
            date,
            fine,
            confiscation,
            correction_order,
            payment_place,
            publish,
            ..
        } => Action::Decide {
            date,
            kinds,
            fine,
            confiscation,
            correction_order,
            payment_place,
            publish,
        },
        _ => unreachable!("decide builds Action::Decide"),
    }
}

#[test]
fn art_4_a_decision_in_the_heavier_band_keeps_that_band_s_mandatory_measure() {
    use PenaltyKind::{Fine, SuspendBusiness};
    let w = World::new();
    // 情节严重 (the alternative band): the proposal without 责令停业整顿 is refused…
    let mut grave = proposal("2026-06-10", 50_000, TierName::Grave);
    grave.alternative_band = true;
    let mut c = investigated(&w);
    c.power.power = template_power("NY-014");
    let e = w.refuse(
        &c,
        ZHANG,
        Action::EndInvestigation {
            proposal: grave.clone(),
        },
    );
    assert_eq!(e.rule, "行政处罚法第四条");
    // …and so is a decision that drops it after a proposal that had it.
    grave.kinds = vec![Fine, SuspendBusiness];
    let c = notified_under_ny_014(&w, grave);
    let e = w.refuse(&c, SUN, decide_kinds(vec![Fine], 50_000));
    assert_eq!(e.rule, "行政处罚法第四条");
    assert!(e.message.contains("责令停业整顿"), "{e}");
    let c = w.step(&c, SUN, decide_kinds(vec![Fine, SuspendBusiness], 50_000));
    assert_eq!(c.decision.unwrap().kinds, [Fine, SuspendBusiness]);
    // The same decision in the main band (no 情节严重): a fine alone is lawful.
    let c = notified_under_ny_014(&w, proposal("2026-06-10", 20_000, TierName::Ordinary));
    let c = w.step(&c, SUN, decide_kinds(vec![Fine], 20_000));
    assert_eq!(c.decision.unwrap().kinds, [Fine]);
}

fn held_hearing(presiding: i64) -> Hearing {
    hearing_of_06_29(presiding, true)
}

#[test]
fn art_58_hearing_presider_does_not_review_unless_the_setting_allows() {
    let mut w = World::new();
    let mut c = notified(&w, 1000);
    c.hearing = Some(held_hearing(QIAN));
    let review = Action::LegalReview {
        date: d("2026-06-30"),
        passed: true,
        opinion: "同意".into(),
    };
    let e = w.refuse(&c, QIAN, review.clone());
    assert_eq!(e.rule, "行政处罚法第五十八条");
    assert!(e.message.contains("听证主持人"), "{e}");
    // Nor does the reviewer of the case preside over its hearing.
    let mut reviewed = notified(&w, 1000);
    reviewed.legal_reviews.push(Approval {
        by: QIAN,
        date: d("2026-06-16"),
        agree: true,
        opinion: "x".into(),
    });
    assert!(review_apart_from_hearing(&reviewed, w.u(QIAN), "主持听证", &w.settings).is_err());
    // An agency may allow it (the law leaves who reviews to the agency).
    w.settings.legal_reviewer_may_preside_hearing = true;
    assert_eq!(w.step(&c, QIAN, review).legal_reviews.len(), 1);
}

#[test]
fn art_45_65_decision_after_a_hearing_answers_its_points() {
    let w = World::new();
    let mut c = notified(&w, 1000);
    c.hearing = Some(held_hearing(ZHOU));
    let e = hearing_answered(&c).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第四十五条、第六十五条");
    // A statement recorded before the hearing does not answer it.
    c.statements.push(StatementRecord {
        date: d("2026-06-16"),
        content: "书面申辩".into(),
        adopted: false,
        reexamination: "不予采纳".into(),
    });
    assert!(hearing_answered(&c).is_err());
    c.statements.push(StatementRecord {
        date: d("2026-06-29"),
        content: "听证中称面积较小".into(),
        adopted: false,
        reexamination: "经复核不予采纳".into(),
    });
    assert!(hearing_answered(&c).is_ok());
    assert_eq!(c.hearing_answers().len(), 1);
}

#[test]
fn art_40_a_document_lists_only_evidence_that_existed_on_its_date() {
    let w = World::new();
    let mut c = notified(&w, 1000);
    c.records
        .push(record(RecordKind::Hearing, "2026-06-29", &["刘某"], 0));
    // The notice of 06-15 cannot cite the 听证笔录 of 06-29.
    let (evidence, records) = c.evidence_on(d("2026-06-15"));
    assert_eq!(evidence.len(), 1);
    assert!(records.iter().all(|r| r.kind != RecordKind::Hearing));
    let (_, later) = c.evidence_on(d("2026-06-29"));
    assert!(later.iter().any(|r| r.kind == RecordKind::Hearing));
}

#[test]
fn qiangzhi_art_53_the_window_opens_without_the_holiday_table_of_its_close() {
    // The demo and the menu need the opening day even when the close (3 months after
    // 12-25) lies in a year whose notice is not imported yet.
    let mut w = World::new();
    let c = demanded(&mut w);
    let strict = World::new();
    assert!(court_window(&c, &strict.calendar).is_err());
    assert_eq!(
        court_window_opens(&c, &strict.calendar).unwrap(),
        Some(d("2026-12-26"))
    );
    let ds =
        crate::case::deadlines::compute(&c, &strict.calendar, &strict.settings, d("2026-12-02"));
    let court = ds
        .iter()
        .find(|d| d.kind == crate::case::deadlines::DeadlineKind::CourtApplication)
        .unwrap();
    assert!(
        matches!(
            court.status,
            crate::case::deadlines::DeadlineStatus::Estimated { year: 2027, .. }
        ),
        "{court:?}"
    );
}

#[test]
fn chufa_art_72_2_a_payment_plan_moves_the_court_period_to_its_end_not_the_remedy_periods() {
    let mut w = World::new();
    let c = demanded(&mut w);
    let plan = |due: &str| PaymentPlan {
        approved_by: SUN,
        date: d("2026-07-21"),
        instalments: vec![Instalment {
            due: d(due),
            amount: Fen::from_yuan(1000),
        }],
    };
    // A plan ending before the lawsuit period (12-25) changes nothing: the party's remedy
    // periods run from service, not from the plan.
    let mut early = c.clone();
    early.plan = Some(plan("2026-09-20"));
    assert_eq!(
        remedy_periods_end(&early, &w.calendar).unwrap().unwrap().1,
        d("2026-12-25")
    );
    // A plan ending later: the court period runs from its end (Art 72 para 2).
    let mut late = c;
    late.plan = Some(plan("2027-01-20"));
    let (basis, end) = remedy_periods_end(&late, &w.calendar).unwrap().unwrap();
    assert_eq!(end, d("2027-01-20"));
    assert!(basis.contains("延期"), "{basis}");
    assert_eq!(
        court_window(&late, &w.calendar).unwrap(),
        Some((d("2027-01-21"), d("2027-04-20")))
    );
}

/// A proposal under `code` for a fine of `fine_yuan` in tier `tier` with `kinds`, recording
/// the statutory conditions `triggers`.
fn proposal_under(
    fine_yuan: i64,
    tier: TierName,
    kinds: Vec<PenaltyKind>,
    triggers: &[&str],
) -> Proposal {
    Proposal {
        kinds,
        triggers: triggers.iter().map(|t| t.to_string()).collect(),
        ..proposal("2026-06-10", fine_yuan, tier)
    }
}

fn investigated_under(w: &World, code: &str) -> Case {
    let mut c = investigated(w);
    c.power.power = template_power(code);
    c
}

/// 大气污染防治法第一百一十八条第一款: 拒不改正的，责令停业整治. Once the investigation records
/// the refusal, the proposal and the decision must order the suspension (行政处罚法第四条).
#[test]
fn art_4_a_measure_mandatory_on_a_recorded_condition_is_in_the_proposal_and_the_decision() {
    use PenaltyKind::{Fine, SuspendBusiness};
    let w = World::new();
    let refused = proposal_under(10_000, TierName::Minor, vec![Fine], &["拒不改正"]);
    let e = w.refuse(
        &investigated_under(&w, "HJ-005"),
        ZHANG,
        Action::EndInvestigation { proposal: refused },
    );
    assert_eq!(e.rule, "行政处罚法第四条");
    assert!(
        e.message.contains("拒不改正")
            && e.message
                .contains("《中华人民共和国大气污染防治法》第一百一十八条第一款")
            && e.message.contains("责令停业整治"),
        "{e}"
    );
    // With the suspension proposed, the decision may not drop it.
    let with = proposal_under(
        10_000,
        TierName::Minor,
        vec![Fine, SuspendBusiness],
        &["拒不改正"],
    );
    let c = notified_with(&w, investigated_under(&w, "HJ-005"), with);
    let e = w.refuse(&c, SUN, decide_kinds(vec![Fine], 10_000));
    assert_eq!(e.rule, "行政处罚法第四条");
    assert!(e.message.contains("责令停业整治"), "{e}");
    let decided = w.step(&c, SUN, decide_kinds(vec![Fine, SuspendBusiness], 10_000));
    assert_eq!(decided.decision.unwrap().kinds, [Fine, SuspendBusiness]);
    // Without the condition recorded, the fine alone is the provision.
    let plain = proposal_under(10_000, TierName::Minor, vec![Fine], &[]);
    let c = notified_with(&w, investigated_under(&w, "HJ-005"), plain);
    assert_eq!(
        w.step(&c, SUN, decide_kinds(vec![Fine], 10_000))
            .decision
            .unwrap()
            .kinds,
        [Fine]
    );
}

/// 行政处罚法第四条: a proposal records only the statutory conditions its item's provision
/// names (安全生产法第九十九条 has 情节严重, not 拒不改正), and an item without any takes none.
#[test]
fn art_4_a_condition_the_provision_does_not_name_is_refused() {
    use PenaltyKind::{Fine, SuspendBusiness};
    let w = World::new();
    let wrong = proposal_under(5_000, TierName::Minor, vec![Fine], &["拒不改正"]);
    let c = investigated_under(&w, "YJ-001");
    let e = w.refuse(&c, ZHANG, Action::EndInvestigation { proposal: wrong });
    assert!(
        e.message.contains("拒不改正") && e.message.contains("“情节严重”"),
        "{e}"
    );
    // The declared name is read (the refusal that follows is another rule's: no 个人 band).
    let grave = proposal_under(
        5_000,
        TierName::Minor,
        vec![Fine, SuspendBusiness],
        &["情节严重"],
    );
    let e = w.refuse(&c, ZHANG, Action::EndInvestigation { proposal: grave });
    assert!(!e.message.contains("情节严重"), "{e}");
    // 秸秆 (HJ-001) names no condition at all, even for a proposal not to punish.
    let none = Proposal {
        kinds: vec![],
        fine: Fen(0),
        tier: None,
        ..proposal_under(0, TierName::Minor, vec![], &["情节严重"])
    };
    let e = w.refuse(
        &investigated(&w),
        ZHANG,
        Action::EndInvestigation { proposal: none },
    );
    assert!(e.message.contains("本事项没有此类情形"), "{e}");
}

/// 城镇排水与污水处理条例第四十九条: 责令改正，给予警告; 逾期不改正或者造成严重后果的, a fine. The
/// warning is required of a penalty without a fine; the fine, once the condition is recorded.
#[test]
fn art_4_paishui_art_49_a_warning_without_a_fine_and_a_fine_on_its_condition() {
    use PenaltyKind::{Fine, Warning};
    let cg = template_power("CG-026");
    let overdue = ["逾期不改正".to_string()];
    assert!(mandatory_measures_included(&cg, false, &[], &[Warning]).is_ok());
    // A fine decision needs no second warning.
    assert!(mandatory_measures_included(&cg, false, &overdue, &[Fine]).is_ok());
    let e = mandatory_measures_included(&cg, false, &overdue, &[Warning]).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第四条");
    assert!(
        e.message.contains("逾期不改正")
            && e.message.contains("《城镇排水与污水处理条例》第四十九条"),
        "{e}"
    );
    let serious = ["造成严重后果".to_string()];
    assert!(mandatory_measures_included(&cg, false, &serious, &[Warning]).is_err());
    // The base situation has no fine: a fine without its condition recorded is refused.
    let e = mandatory_measures_included(&cg, false, &[], &[Fine]).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第四条");
    assert!(
        e.message
            .contains("只在“逾期不改正”或“造成严重后果”的情形下处以罚款"),
        "{e}"
    );
    assert!(mandatory_measures_included(&cg, false, &serious, &[Fine]).is_ok());
    // Items whose fine is the base penalty are untouched.
    let straw = template_power("HJ-001");
    assert!(straw.fine_conditions().is_empty());
    assert!(mandatory_measures_included(&straw, false, &[], &[Fine]).is_ok());
}

/// 行政处罚法第四条 and 第三十三条: where the provision imposes the fine (处、并处), a penalty
/// under it contains one; only the 不予处罚 path has none. 森林防火条例第五十条 (给予警告，并处
/// 罚款), 城乡规划法第六十四条 (尚可改正的处罚款; 不能拆除的只“可以并处”), 动物防疫法第一百零八条
/// (拒不改正的，处罚款).
#[test]
fn art_4_33_a_fine_the_provision_imposes_is_in_the_penalty() {
    use PenaltyKind::*;
    let fire = template_power("LY-008");
    let e = mandatory_measures_included(&fire, false, &[], &[Warning]).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第四条");
    assert!(e.message.contains("并处罚款"), "{e}");
    assert!(mandatory_measures_included(&fire, false, &[], &[Warning, Fine]).is_ok());
    assert!(mandatory_measures_included(&fire, false, &[], &[]).is_ok());
    let plan = template_power("GH-001");
    assert!(mandatory_measures_included(&plan, false, &[], &[Other]).is_err());
    assert!(mandatory_measures_included(&plan, true, &[], &[ConfiscateProperty]).is_ok());
    let animals = template_power("NY-015");
    assert!(mandatory_measures_included(&animals, true, &[], &[SuspendBusiness]).is_err());
    assert!(mandatory_measures_included(&animals, false, &[], &[SuspendBusiness]).is_ok());
}

/// A case stored before proposals recorded statutory conditions still loads, with none.
#[test]
fn art_4_a_proposal_stored_without_conditions_loads_with_none() {
    let mut json = serde_json::to_value(proposal("2026-06-10", 500, TierName::Minor)).unwrap();
    json.as_object_mut().unwrap().remove("triggers");
    assert!(json.get("triggers").is_none());
    let p: Proposal = serde_json::from_value(json).unwrap();
    assert!(p.triggers.is_empty());
}

/// 行政强制法第十条、第十七条: 查封、扣押 only where a law or 行政法规 grants it for the item's
/// conduct. 文物保护法第九十七条 grants it (GH-016); 历史文化名城名镇名村保护条例 does not (GH-014),
/// and the refusal names 先行登记保存 (行政处罚法第五十六条) as the measure available.
#[test]
fn qiangzhi_art_17_seizure_only_under_an_item_whose_law_grants_it() {
    let w = World::new();
    let seize = Action::Seize {
        date: d("2026-06-10"),
        items: "喷涂工具一套".into(),
        days: 30,
    };
    let e = w.refuse(&investigated_under(&w, "GH-014"), SUN, seize.clone());
    assert_eq!(e.rule, "行政强制法第十七条");
    assert!(
        e.message.contains("GH-014")
            && e.message.contains("先行登记保存")
            && e.message.contains("行政处罚法第五十六条"),
        "{e}"
    );
    let c = w.step(&investigated_under(&w, "GH-016"), SUN, seize);
    assert_eq!(c.seizures.len(), 1);
}
