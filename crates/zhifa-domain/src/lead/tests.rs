//! Leads taken through their steps with the case fixtures' staff and the shipped 2026 holiday
//! table. Each gate is shown refusing, with the rule it cites.

use super::*;
use crate::case::fixtures::{d, with_check_digit, World, LI, SUN, WANG, ZHANG, ZHAO, ZHOU};
use crate::case::rule::{RuleError, RuleKind};

const NAME: &str = "刘举报";
const PHONE: &str = "13912345678";

fn reporter_id() -> String {
    with_check_digit("22012219750505123")
}

fn new_lead(received: &str) -> NewLead {
    NewLead {
        source: LeadSource::Complaint {
            work_order: "GD20260917001".into(),
        },
        received_on: d(received),
        received_time: "9:05".into(),
        reporter: Some(ReporterInput {
            name: NAME.into(),
            phone: "139 1234 5678".into(),
            id_no: reporter_id(),
            address: "合隆镇陈家村三组12号".into(),
        }),
        place: "合隆镇兴隆街18号门前".into(),
        allegation: format!(
            "举报人{NAME}（电话139-1234-5678，身份证{}）反映：某烧烤店占道经营，油烟扰民。",
            reporter_id()
        ),
        attachments: vec![],
        power_code: Some("CS-012".into()),
    }
}

fn photo(name: &str) -> crate::case::model::Attachment {
    crate::case::model::Attachment {
        file_name: name.into(),
        sha256: "ab".repeat(32),
        size: 1024,
    }
}

fn registered(w: &World, received: &str) -> Lead {
    register(new_lead(received), w.u(ZHANG), &w.ctx()).unwrap()
}

fn try_step(w: &World, lead: &Lead, actor: i64, action: LeadAction) -> Result<Lead, RuleError> {
    transition(lead, action, w.u(actor), &w.ctx())
}

fn step(w: &World, lead: &Lead, actor: i64, action: LeadAction) -> Lead {
    let kind = action.kind();
    try_step(w, lead, actor, action).unwrap_or_else(|e| panic!("{kind:?} refused: {e}"))
}

fn assign(date: &str, officers: &[i64]) -> LeadAction {
    LeadAction::Assign {
        date: d(date),
        officers: officers.to_vec(),
    }
}

fn findings(date: &str) -> LeadAction {
    LeadAction::RecordFindings {
        date: d(date),
        findings: "经现场核查，该店在店外人行道摆放桌椅6张，情况属实。".into(),
        attachments: vec![],
    }
}

fn file(date: &str, case_id: i64) -> LeadAction {
    LeadAction::File {
        date: d(date),
        case_id,
        case_number: format!("合综执立〔2026〕{case_id}号"),
    }
}

/// Registered, assigned to 张三 and 李四, findings recorded on `found`.
fn verified(w: &World, received: &str, found: &str) -> Lead {
    let l = registered(w, received);
    let l = step(w, &l, SUN, assign(received, &[ZHANG, LI]));
    step(w, &l, ZHANG, findings(found))
}

#[test]
fn registration_checks_the_reporter_and_keeps_anonymous_leads() {
    let w = World::new();
    let l = registered(&w, "2026-09-17");
    assert_eq!(l.stage, LeadStage::Registered);
    assert_eq!(l.received_by, ZHANG);
    assert_eq!(l.reporter.identity().unwrap().phone, PHONE);
    let mut anonymous = new_lead("2026-09-17");
    anonymous.reporter = None;
    let a = register(anonymous, w.u(ZHANG), &w.ctx()).unwrap();
    assert_eq!(a.reporter, Reporter::Anonymous);
    let mut bad = new_lead("2026-09-17");
    let mut wrong_check = reporter_id();
    let last = wrong_check.pop();
    wrong_check.push(if last == Some('1') { '2' } else { '1' });
    bad.reporter.as_mut().unwrap().id_no = wrong_check;
    let e = register(bad, w.u(ZHANG), &w.ctx()).unwrap_err();
    assert!(e.message.contains("举报人身份证号码"), "{e}");
    let future = register(new_lead("2026-11-21"), w.u(ZHANG), &w.ctx()).unwrap_err();
    assert_eq!(future.kind, RuleKind::Input);
    assert_eq!(l.received_time, "09:05");
    let mut bad_time = new_lead("2026-09-17");
    bad_time.received_time = "25:00".into();
    assert!(register(bad_time, w.u(ZHANG), &w.ctx()).is_err());
    let mut escaping = new_lead("2026-09-17");
    escaping.attachments = vec![photo("../../zhifa.sqlite3")];
    let e = register(escaping, w.u(ZHANG), &w.ctx()).unwrap_err();
    assert!(e.message.contains("附件文件名"), "{e}");
    let by_admin = register(
        new_lead("2026-09-17"),
        w.u(crate::case::fixtures::WU),
        &w.ctx(),
    );
    assert_eq!(by_admin.unwrap_err().kind, RuleKind::Role);
}

#[test]
fn verification_needs_two_distinct_certified_officers_art_42() {
    let w = World::new();
    let l = registered(&w, "2026-09-17");
    let uncertified = try_step(&w, &l, SUN, assign("2026-09-17", &[ZHANG, WANG])).unwrap_err();
    assert_eq!(uncertified.rule, "行政处罚法第四十二条");
    assert!(uncertified.message.contains("王五"), "{uncertified}");
    let twice = try_step(&w, &l, SUN, assign("2026-09-17", &[ZHANG, ZHANG])).unwrap_err();
    assert_eq!(twice.rule, "行政处罚法第四十二条");
    assert!(twice.message.contains("不止一次"), "{twice}");
    let by_handler = try_step(&w, &l, ZHANG, assign("2026-09-17", &[ZHANG, LI])).unwrap_err();
    assert_eq!(by_handler.kind, RuleKind::Role);
    let ok = step(&w, &l, ZHAO, assign("2026-09-17", &[ZHANG, LI]));
    assert_eq!(ok.stage, LeadStage::Verifying);
    assert_eq!(ok.officers(), [ZHANG, LI]);
    assert_eq!(ok.version, l.version + 1);
}

#[test]
fn findings_are_recorded_by_a_verifying_officer_art_55() {
    let w = World::new();
    let l = registered(&w, "2026-09-17");
    let l = step(&w, &l, SUN, assign("2026-09-17", &[ZHANG, LI]));
    let other = try_step(&w, &l, ZHAO, findings("2026-09-18")).unwrap_err();
    assert_eq!(other.rule, "行政处罚法第五十五条");
    let early = try_step(&w, &l, LI, findings("2026-09-16")).unwrap_err();
    assert_eq!(early.kind, RuleKind::Input);
    let l = step(&w, &l, LI, findings("2026-09-18"));
    assert_eq!(l.findings_on(), Some(d("2026-09-18")));
}

#[test]
fn every_outcome_needs_the_findings_art_54() {
    let w = World::new();
    let l = registered(&w, "2026-09-17");
    let l = step(&w, &l, SUN, assign("2026-09-17", &[ZHANG, LI]));
    let e = try_step(&w, &l, ZHANG, file("2026-09-18", 7)).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第五十四条");
    let tell = LeadAction::Tell {
        date: d("2026-09-18"),
        where_to: "县市场监督管理局".into(),
    };
    assert_eq!(
        try_step(&w, &l, ZHANG, tell).unwrap_err().rule,
        "行政处罚法第五十四条"
    );
}

#[test]
fn a_filed_lead_cannot_be_filed_twice_art_54() {
    let w = World::new();
    let l = verified(&w, "2026-09-17", "2026-09-18");
    let filed = step(&w, &l, ZHANG, file("2026-09-21", 7));
    assert_eq!(filed.stage, LeadStage::Decided);
    assert_eq!(filed.outcome().and_then(LeadOutcome::case_id), Some(7));
    let again = try_step(&w, &filed, ZHANG, file("2026-09-22", 8)).unwrap_err();
    assert_eq!(again.rule, "行政处罚法第五十四条");
    assert_eq!(again.kind, RuleKind::Stage);
    assert!(again.message.contains("合综执立〔2026〕7号"), "{again}");
    // Nor can it go anywhere else once filed.
    let merge = LeadAction::Merge {
        date: d("2026-09-22"),
        case_id: 9,
        case_number: "合综执立〔2026〕9号".into(),
    };
    assert!(try_step(&w, &filed, SUN, merge).is_err());
    assert!(!available(&filed, w.u(ZHANG)).contains(&LeadActionKind::File));
}

#[test]
fn not_filing_is_approved_by_a_head_who_did_not_verify() {
    let w = World::new();
    let l = registered(&w, "2026-09-17");
    let l = step(&w, &l, ZHOU, assign("2026-09-17", &[ZHANG, SUN]));
    let l = step(&w, &l, SUN, findings("2026-09-18"));
    let no = |date: &str| LeadAction::NotFile {
        date: d(date),
        reason: "经核查，桌椅系临时摆放，已当场清理，未达立案标准。".into(),
    };
    let by_handler = try_step(&w, &l, ZHANG, no("2026-09-21")).unwrap_err();
    assert_eq!(by_handler.kind, RuleKind::Role);
    let own = try_step(&w, &l, SUN, no("2026-09-21")).unwrap_err();
    assert_eq!(own.rule, "审查与调查分离");
    let empty = LeadAction::NotFile {
        date: d("2026-09-21"),
        reason: " ".into(),
    };
    assert_eq!(
        try_step(&w, &l, ZHOU, empty).unwrap_err().kind,
        RuleKind::Input
    );
    let done = step(&w, &l, ZHOU, no("2026-09-21"));
    assert_eq!(done.decision.as_ref().unwrap().by, ZHOU);
    assert_eq!(done.outcome().unwrap().kind(), OutcomeKind::NotFiled);
}

#[test]
fn a_transfer_names_its_receiver_and_reason_art_27() {
    let w = World::new();
    let l = verified(&w, "2026-09-17", "2026-09-18");
    let transfer = |to: &str, judicial, reason: &str| LeadAction::Transfer {
        date: d("2026-09-21"),
        to: to.into(),
        judicial,
        reason: reason.into(),
    };
    let e = try_step(&w, &l, SUN, transfer("", true, "涉嫌非法经营罪")).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第二十七条");
    let e = try_step(&w, &l, SUN, transfer("县市场监督管理局", false, "")).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第二十四条");
    let by_handler = try_step(&w, &l, ZHANG, transfer("县公安局", true, "涉嫌犯罪"));
    assert_eq!(by_handler.unwrap_err().kind, RuleKind::Role);
    let done = step(
        &w,
        &l,
        SUN,
        transfer("农安县公安局", true, "涉嫌非法经营罪"),
    );
    assert!(matches!(
        done.outcome(),
        Some(LeadOutcome::Transferred { judicial: true, to, .. }) if to == "农安县公安局"
    ));
}

#[test]
fn telling_and_merging_record_where_the_lead_went() {
    let w = World::new();
    let l = verified(&w, "2026-09-17", "2026-09-18");
    let told = step(
        &w,
        &l,
        LI,
        LeadAction::Tell {
            date: d("2026-09-21"),
            where_to: "县市场监督管理局".into(),
        },
    );
    assert_eq!(
        told.outcome(),
        Some(&LeadOutcome::Told {
            where_to: "县市场监督管理局".into()
        })
    );
    let merged = step(
        &w,
        &l,
        ZHANG,
        LeadAction::Merge {
            date: d("2026-09-21"),
            case_id: 3,
            case_number: "合综执立〔2026〕3号".into(),
        },
    );
    assert_eq!(merged.outcome().and_then(LeadOutcome::case_id), Some(3));
    let nameless = LeadAction::Merge {
        date: d("2026-09-21"),
        case_id: 0,
        case_number: "合综执立〔2026〕3号".into(),
    };
    assert!(try_step(&w, &l, ZHANG, nameless).is_err());
}

#[test]
fn a_named_reporter_is_answered_after_the_outcome() {
    let w = World::new();
    let l = verified(&w, "2026-09-17", "2026-09-18");
    let reply = |date: &str| LeadAction::Reply {
        date: d(date),
        way: ReplyWay::Phone,
        content: "已立案查处，感谢您的监督。".into(),
    };
    let early = try_step(&w, &l, ZHANG, reply("2026-09-21")).unwrap_err();
    assert_eq!(early.kind, RuleKind::Stage);
    let filed = step(&w, &l, ZHANG, file("2026-09-21", 7));
    let s = &w.settings;
    // 15 working days after 09-21: past 中秋 (09-25), 国庆 (10-01..07) and the 调休 Saturday
    // 10-10: 22 23 24 28 29 30 | 10-08 09 10 12 13 14 15 16 19.
    assert_eq!(
        reply_due(&filed, s, &w.calendar).unwrap(),
        Some(d("2026-10-19"))
    );
    assert!(!reply_overdue(&filed, d("2026-10-19"), s, &w.calendar).unwrap());
    assert!(reply_overdue(&filed, d("2026-10-20"), s, &w.calendar).unwrap());
    let answered = step(&w, &filed, ZHANG, reply("2026-09-22"));
    assert!(!reply_overdue(&answered, d("2026-10-20"), s, &w.calendar).unwrap());
    assert_eq!(answered.replies[0].way, ReplyWay::Phone);

    let mut anonymous = new_lead("2026-09-17");
    anonymous.reporter = None;
    let a = register(anonymous, w.u(ZHANG), &w.ctx()).unwrap();
    let a = step(&w, &a, SUN, assign("2026-09-17", &[ZHANG, LI]));
    let a = step(&w, &a, ZHANG, findings("2026-09-18"));
    let a = step(&w, &a, ZHANG, file("2026-09-21", 7));
    assert_eq!(reply_due(&a, s, &w.calendar).unwrap(), None);
    assert_eq!(
        try_step(&w, &a, ZHANG, reply("2026-09-22"))
            .unwrap_err()
            .kind,
        RuleKind::Input
    );
}

#[test]
fn a_lead_is_overdue_the_working_day_after_its_deadline_art_54_76() {
    let w = World::new();
    let l = registered(&w, "2026-09-17");
    // 15 working days after Thu 09-17, counted by hand on the 2026 notice: 09-18, the 调休
    // Sunday 09-20, 21 22 23 24 (25 is 中秋), 28 29 30 (10-01..07 国庆), 10-08 09, the
    // 调休 Saturday 10-10, 12 13 14.
    let due = verification_due(&l, &w.settings, &w.calendar).unwrap();
    assert_eq!(due, d("2026-10-14"));
    assert!(!is_overdue(&l, d("2026-10-14"), &w.settings, &w.calendar).unwrap());
    assert!(is_overdue(&l, d("2026-10-15"), &w.settings, &w.calendar).unwrap());
    // Provinces set other numbers: 12 working days end on the 调休 Saturday 10-10.
    let mut twelve = w.settings.clone();
    twelve.lead_verification_working_days = 12;
    assert_eq!(
        verification_due(&l, &twelve, &w.calendar).unwrap(),
        d("2026-10-10")
    );
    // A decided lead is not overdue, whenever it was decided.
    let v = verified(&w, "2026-09-17", "2026-09-18");
    let filed = step(&w, &v, ZHANG, file("2026-10-16", 7));
    assert!(!is_overdue(&filed, d("2026-11-20"), &w.settings, &w.calendar).unwrap());
}

#[test]
fn the_verification_period_is_extended_once_before_it_ends() {
    let w = World::new();
    let l = registered(&w, "2026-09-17");
    let extend = |date: &str| LeadAction::Extend {
        date: d(date),
        reason: "需调取监控录像，核查时间较长".into(),
    };
    let late = try_step(&w, &l, SUN, extend("2026-10-15")).unwrap_err();
    assert_eq!(late.rule, "行政处罚法第七十六条");
    let by_handler = try_step(&w, &l, ZHANG, extend("2026-10-14")).unwrap_err();
    assert_eq!(by_handler.kind, RuleKind::Role);
    let extended = step(&w, &l, SUN, extend("2026-10-14"));
    // 15 more working days after 10-14: 15 16 19 20 21 22 23 26 27 28 29 30 11-02 03 04.
    assert_eq!(
        verification_due(&extended, &w.settings, &w.calendar).unwrap(),
        d("2026-11-04")
    );
    assert!(!is_overdue(&extended, d("2026-10-15"), &w.settings, &w.calendar).unwrap());
    let twice = try_step(&w, &extended, ZHOU, extend("2026-10-20")).unwrap_err();
    assert_eq!(twice.rule, "行政处罚法第五十四条");
    assert!(twice.message.contains("只能延长一次"), "{twice}");
}

#[test]
fn the_party_never_sees_the_reporter() {
    let w = World::new();
    let l = registered(&w, "2026-09-17");
    let view = for_party(&l);
    let printed = serde_json::to_string(&view).unwrap();
    let id = reporter_id();
    for secret in [
        NAME,
        PHONE,
        "139-1234-5678",
        id.as_str(),
        "陈家村三组12号",
        "GD20260917001",
    ] {
        assert!(!printed.contains(secret), "{secret} printed: {printed}");
    }
    assert!(view.allegation.contains("占道经营"), "{}", view.allegation);
    assert!(view.allegation.contains(printing::REPORTER_REDACTED));
    assert_eq!(view.source, SourceKind::Complaint);
}

#[test]
fn the_table_gives_every_step_a_name_roles_and_stages() {
    for k in LeadActionKind::ALL {
        assert_eq!(LeadActionKind::parse(k.label()), Some(k));
        assert_eq!(LeadActionKind::parse(&k.code()), Some(k));
        assert!(!k.roles().is_empty() && !k.stages().is_empty());
    }
    let w = World::new();
    let l = registered(&w, "2026-09-17");
    assert_eq!(
        available(&l, w.u(SUN)),
        [LeadActionKind::Assign, LeadActionKind::Extend]
    );
    assert!(available(&l, w.u(ZHANG)).is_empty());
    let json = serde_json::to_string(&file("2026-09-21", 7)).unwrap();
    let back: LeadAction = serde_json::from_str(&json).unwrap();
    assert_eq!(back, file("2026-09-21", 7));
}

#[test]
fn lead_statistics_match_a_hand_built_fixture() {
    let w = World::new();
    // Filed 6 working days after receipt (09-18, 20, 21, 22, 23, 24).
    let filed = step(
        &w,
        &verified(&w, "2026-09-17", "2026-09-18"),
        ZHANG,
        file("2026-09-24", 7),
    );
    // Not filed 11 working days after receipt (… 09-28, 29, 30, 10-08, 09).
    let mut patrol = new_lead("2026-09-17");
    patrol.source = LeadSource::Patrol;
    patrol.reporter = None;
    let p = register(patrol, w.u(ZHANG), &w.ctx()).unwrap();
    let p = step(&w, &p, SUN, assign("2026-09-17", &[ZHANG, LI]));
    let p = step(&w, &p, ZHANG, findings("2026-09-18"));
    let not_filed = step(
        &w,
        &p,
        ZHOU,
        LeadAction::NotFile {
            date: d("2026-10-09"),
            reason: "未达立案标准".into(),
        },
    );
    // Open since 10-08: due 10-28, overdue on 11-20.
    let overdue = registered(&w, "2026-10-08");
    // Open since yesterday.
    let mut media = new_lead("2026-11-19");
    media.source = LeadSource::Media;
    let fresh = register(media, w.u(ZHANG), &w.ctx()).unwrap();
    // Received before the period.
    let old = registered(&w, "2026-08-03");
    let leads = [filed, not_filed, overdue, fresh, old];
    let s = lead_stats(
        &leads,
        d("2026-09-01"),
        d("2026-11-30"),
        d("2026-11-20"),
        &w.settings,
        &w.calendar,
    )
    .unwrap();
    assert_eq!(s.received, 4);
    assert_eq!(
        s.by_source,
        [
            (SourceKind::Complaint, 2),
            (SourceKind::Patrol, 1),
            (SourceKind::Media, 1)
        ]
    );
    assert_eq!(
        s.by_outcome,
        [(OutcomeKind::Filed, 1), (OutcomeKind::NotFiled, 1)]
    );
    assert_eq!((s.open, s.overdue), (2, 1));
    assert_eq!(s.avg_working_days_to_decision, Some(85));
    assert_eq!(s.median_working_days_to_decision, Some(85));
    assert_eq!(s.max_working_days_to_decision, Some(11));
}

#[test]
fn a_case_is_proposed_from_the_lead_and_linked_without_the_reporter() {
    use crate::case::fixtures::{adult, straw_power};
    let w = World::new();
    let l = registered(&w, "2026-09-17");
    let l = step(&w, &l, SUN, assign("2026-09-17", &[ZHANG, LI]));
    let too_early = case_from_lead(&l, d("2026-09-16"), vec![adult()], d("2026-09-21"));
    assert_eq!(too_early.unwrap_err().rule, "行政处罚法第五十四条");
    let l = step(
        &w,
        &l,
        ZHANG,
        LeadAction::RecordFindings {
            date: d("2026-09-18"),
            findings: format!("经向举报人{NAME}（{PHONE}）核实并现场检查，该店占道摆放桌椅6张。"),
            attachments: vec![photo("现场照片1.jpg")],
        },
    );
    let new = case_from_lead(&l, d("2026-09-16"), vec![adult()], d("2026-09-21")).unwrap();
    assert_eq!(new.source, crate::case::Source::Report);
    assert_eq!(new.discovered_on, d("2026-09-17"));
    assert_eq!(new.handlers, [ZHANG, LI]);
    assert!(new.facts.contains("占道摆放桌椅6张"), "{}", new.facts);
    assert!(
        !new.facts.contains(NAME) && !new.facts.contains(PHONE),
        "{}",
        new.facts
    );
    let case =
        crate::case::propose(new, Some(straw_power()), "HJ-001", w.u(ZHANG), &w.ctx()).unwrap();
    // The store gives the case its id; the number comes with the filing approval.
    let case_id = 41;
    let filed = step(
        &w,
        &l,
        ZHANG,
        LeadAction::File {
            date: case.proposed_on,
            case_id,
            case_number: String::new(),
        },
    );
    assert_eq!(
        filed.outcome().and_then(LeadOutcome::case_id),
        Some(case_id)
    );
    let again = case_from_lead(&filed, d("2026-09-16"), vec![adult()], d("2026-09-22"));
    assert!(again.unwrap_err().message.contains("#41"));
}

#[test]
fn an_inspection_becomes_a_lead_of_its_kind() {
    use crate::inspection::{InspectionReason, InspectionRecord, InspectionResult};
    let w = World::new();
    let record = InspectionRecord {
        id: 5,
        date: d("2026-09-17"),
        start: "09:00".into(),
        end: "09:40".into(),
        place: "合隆镇兴隆街".into(),
        object: None,
        officers: vec![ZHANG, LI],
        reason: InspectionReason::Routine,
        items: vec![],
        findings: "街面有流动摊贩占道经营。".into(),
        photos: vec![],
        result: InspectionResult::ToLead { lead: None },
        failed_items: Vec::new(),
        measures: Default::default(),
    };
    let lead = register(lead_from_inspection(&record), w.u(ZHANG), &w.ctx()).unwrap();
    assert_eq!(lead.source, LeadSource::Patrol);
    assert_eq!(lead.reporter, Reporter::Anonymous);
    assert_eq!(lead.allegation, record.findings);
    let of_object = InspectionRecord {
        object: Some(3),
        ..record
    };
    assert_eq!(
        lead_from_inspection(&of_object).source,
        LeadSource::Inspection
    );
}
