use super::*;
use crate::domain::case::{CashGround, Mitigation, ReviewOutcome, Signature};

fn today() -> NaiveDate {
    "2026-11-26".parse().unwrap()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn build(step: ActionKind, v: &[(&str, &str)]) -> Result<Action, String> {
    build_action(step, &pairs(v), &BTreeMap::new(), today())
}

#[test]
fn dates_and_amounts_are_checked_by_field() {
    let e = build(ActionKind::IssueNotice, &[("date", "2026-02-30")]).unwrap_err();
    assert!(e.contains("“日期”") && e.contains("不存在"), "{e}");
    let e = build(ActionKind::Pay, &[("amount", "-5")]).unwrap_err();
    assert!(e.contains("“金额（元）”") && e.contains("负数"), "{e}");
    let a = build(ActionKind::IssueNotice, &[("date", "2026年9月28日")]).unwrap();
    assert_eq!(
        a,
        Action::IssueNotice {
            date: "2026-09-28".parse().unwrap()
        }
    );
    let a = build(ActionKind::IssueNotice, &[("date", "昨天")]).unwrap();
    assert_eq!(
        a,
        Action::IssueNotice {
            date: "2026-11-25".parse().unwrap()
        }
    );
}

#[test]
fn cash_ground_is_a_choice_of_the_lawful_grounds_art_68_69() {
    let pay = |ground: &str| {
        build(
            ActionKind::Pay,
            &[
                ("amount", "50"),
                ("method", "当场收缴"),
                ("receipt_no", "20261203"),
                ("cash_ground", ground),
            ],
        )
    };
    let a = pay("一百元以下罚款").unwrap();
    assert!(
        matches!(&a, Action::Pay { cash_ground: Some(CashGround::SmallFine), receipt_no, .. } if receipt_no == "20261203"),
        "{a:?}"
    );
    let e = pay("领导同意").unwrap_err();
    assert!(e.contains("“当场收缴依据”"), "{e}");
    let hint = fields(ActionKind::Pay)
        .into_iter()
        .find(|f| f.key == "cash_ground")
        .unwrap()
        .hint_text();
    for g in CashGround::ALL {
        assert!(e.contains(g.name()), "{e}");
        assert!(hint.contains(g.name()), "{hint}");
    }
}

#[test]
fn art_32_mitigation_is_chosen_from_the_statutory_list() {
    let end = |m: &str| {
        build(
            ActionKind::EndInvestigation,
            &[
                ("kinds", "罚款"),
                ("tier", "减轻"),
                ("fine", "三百"),
                ("reasoning", "事实清楚。"),
                ("complex_or_major", "否"),
                ("legal_review_flags", ""),
                ("confiscation", "0"),
                ("mitigation", m),
            ],
        )
    };
    let Action::EndInvestigation { proposal } = end("受他人胁迫或者诱骗").unwrap() else {
        panic!("not an end of investigation")
    };
    assert_eq!(proposal.mitigation, Some(Mitigation::CoercedOrInduced));
    assert_eq!(proposal.fine, crate::domain::money::Fen::from_yuan(300));
    assert!(proposal.legal_review_flags.is_empty());
    let e = end("态度好").unwrap_err();
    assert!(
        e.contains("“从轻、减轻情节”") && e.contains("配合查处有立功表现"),
        "{e}"
    );
}

#[test]
fn every_step_has_a_form() {
    for k in ActionKind::ALL {
        assert!(!fields(k).is_empty(), "{k:?}");
    }
}

#[test]
fn builds_with_today_as_default_date_and_reports_missing_fields() {
    let a = build(ActionKind::IssueNotice, &[]).unwrap();
    assert_eq!(a, Action::IssueNotice { date: today() });
    let e = build(ActionKind::ApproveFiling, &[("agree", "同意")]).unwrap_err();
    assert!(e.contains("缺少“意见”"), "{e}");
    let a = build(
        ActionKind::ApproveFiling,
        &[("agree", "不同意"), ("opinion", "1")],
    )
    .unwrap();
    assert!(
        matches!(&a, Action::ApproveFiling { agree: false, opinion, .. } if opinion == "1"),
        "{a:?}"
    );
}

#[test]
fn review_outcomes_and_signatures_in_plain_chinese() {
    let review = |v: &[(&str, &str)]| {
        let mut all = vec![("opinion", "同意")];
        all.extend_from_slice(v);
        build(ActionKind::ReviewDecision, &all)
    };
    let outcome = |a: Action| match a {
        Action::ReviewDecision { outcome, .. } => outcome,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        outcome(review(&[("outcome", "给予行政处罚")]).unwrap()),
        ReviewOutcome::Penalty
    );
    assert_eq!(
        outcome(review(&[("outcome", "移送司法机关"), ("to", "农安县公安局")]).unwrap()),
        ReviewOutcome::Transfer {
            to: "农安县公安局".into(),
            judicial: true
        }
    );
    let e = review(&[("outcome", "不予行政处罚"), ("education", "已批评教育")]).unwrap_err();
    assert!(e.contains("缺少“不予处罚的理由”"), "{e}");
    let e = review(&[("outcome", "给予行政处罚"), ("to", "公安局")]).unwrap_err();
    assert!(e.contains("“移送机关”只在移送时填写"), "{e}");

    let record = |sig: &[(&str, &str)]| {
        let mut all = vec![
            ("kind", "现场检查（勘验）笔录"),
            ("start", "09:00"),
            ("end", "09:40"),
            ("place", "现场"),
            ("persons", "刘长海"),
            ("content", "检查情况"),
        ];
        all.extend_from_slice(sig);
        build(ActionKind::AddRecord, &all)
    };
    let signature = |a: Action| match a {
        Action::AddRecord { record } => record.signature,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        signature(record(&[("signature", "已签名")]).unwrap()),
        Signature::Signed
    );
    assert_eq!(
        signature(record(&[("signature", "见证人签名"), ("witness", "王五")]).unwrap()),
        Signature::Witness {
            name: "王五".into()
        }
    );
    let e = record(&[("signature", "见证人签名")]).unwrap_err();
    assert!(e.contains("见证人姓名"), "{e}");
}

#[test]
fn every_choice_is_a_value_of_its_domain_type() {
    use super::specs::*;
    use crate::domain::case as c;
    use crate::domain::catalog::{PenaltyKind, TierName};
    fn all<T: serde::de::DeserializeOwned>(list: &[&str]) {
        for name in list {
            serde_json::from_value::<T>(json!(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
    all::<c::EvidenceKind>(EVIDENCE_KINDS);
    all::<c::RecordKind>(RECORD_KINDS);
    all::<PenaltyKind>(PENALTY_KINDS);
    all::<TierName>(TIERS);
    all::<Mitigation>(MITIGATIONS);
    all::<c::NoPenaltyReason>(NO_PENALTY_REASONS);
    all::<c::ServedDoc>(SERVED_DOCS);
    all::<c::ServiceMethod>(SERVICE_METHODS);
    all::<c::PaymentMethod>(PAYMENT_METHODS);
    all::<CashGround>(CASH_GROUNDS);
    all::<c::RemedyKind>(REMEDY_KINDS);
    all::<c::RemedyResult>(REMEDY_RESULTS);
    all::<c::Source>(SOURCES);
    {
        use crate::domain::enforcement as e;
        all::<e::SubstituteHarm>(SUBSTITUTE_HARMS);
        all::<e::PublicSpace>(PUBLIC_SPACES);
        all::<e::Clearable>(CLEARABLES);
        all::<e::SuspensionGround>(SUSPENSION_GROUNDS);
        all::<e::TerminationGround>(TERMINATION_GROUNDS);
        all::<e::GoodsOrigin>(GOODS_ORIGINS);
        all::<e::MovementKind>(MOVEMENT_KINDS);
        assert_eq!(DUTY_KINDS, e::DutyKind::ALL.map(e::DutyKind::name));
    }
    assert_eq!(MITIGATIONS, Mitigation::ALL.map(Mitigation::name));
    assert_eq!(CASH_GROUNDS, CashGround::ALL.map(CashGround::name));
    assert_eq!(
        CORRECTION_TARGETS.to_vec(),
        c::CorrectionTarget::ALL.map(c::CorrectionTarget::label)
    );
    // The outcomes are the names the case's outcome carries afterwards.
    for o in OUTCOMES {
        let a = build(
            ActionKind::ReviewDecision,
            &[
                ("outcome", o),
                ("opinion", "同意"),
                (
                    "to",
                    if o.starts_with("移送") {
                        "公安局"
                    } else {
                        ""
                    },
                ),
                (
                    "reason",
                    if *o == "不予行政处罚" {
                        "初次违法"
                    } else {
                        ""
                    },
                ),
                (
                    "education",
                    if *o == "不予行政处罚" {
                        "教育"
                    } else {
                        ""
                    },
                ),
            ],
        );
        assert!(a.is_ok(), "{o}: {a:?}");
    }
}

#[test]
fn every_kind_hint_is_chinese_and_never_json() {
    let mut all: Vec<FieldSpec> = ActionKind::ALL.into_iter().flat_map(fields).collect();
    all.extend(new_case_fields());
    all.extend(on_spot_fields());
    for s in all {
        let h = s.hint_text();
        assert!(
            !h.contains('{') && !h.contains("true") && !h.contains("[\""),
            "{}: {h}",
            s.key
        );
    }
}

#[test]
fn new_and_on_the_spot_cases_from_form_fields() {
    let users = BTreeMap::new();
    let person = [
        ("party_type", "个人"),
        ("party_name", "刘长海"),
        ("id_no", "220122198001010018"),
        ("address", "农安县合隆镇"),
    ];
    let mut v = vec![
        ("source", "举报"),
        ("place", "东岗村"),
        ("act_date", "12月1日"),
        ("discovered_on", "2026-12-01"),
        ("facts", "焚烧秸秆"),
    ];
    v.extend(person);
    let new = build_new_case(&pairs(&v), vec![], &users, "2026-12-03".parse().unwrap()).unwrap();
    assert_eq!(new.act_date.to_string(), "2026-12-01");
    assert_eq!(new.proposed_on.to_string(), "2026-12-03");
    assert_eq!(new.parties.len(), 1);
    let e = build_new_case(&pairs(&v[..5]), vec![], &users, today()).unwrap_err();
    assert!(e.contains("缺少当事人"), "{e}");
    let e = build_new_case(&pairs(&[("colour", "红")]), vec![], &users, today()).unwrap_err();
    assert!(e.contains("colour") && e.contains("提请立案"), "{e}");

    let mut s = vec![
        ("place", "路口"),
        ("time", "１０：２０"),
        ("facts", "焚烧落叶"),
        ("kinds", "警告"),
        ("officers", ""),
    ];
    s.extend(person);
    let spot = build_on_spot(&pairs(&s), vec![], &users, today()).unwrap();
    assert_eq!(spot.time, "10:20");
    assert_eq!(spot.date, today());
    assert_eq!(spot.fine.0, 0);
    assert_eq!(
        spot.kinds,
        vec![crate::domain::catalog::PenaltyKind::Warning]
    );
}

#[test]
fn a_party_table_reads_numbers_as_text() {
    let p = party_from_table(&pairs(&[
        ("type", "个人"),
        ("name", "刘长海"),
        ("id_no", "220122198001010018"),
        ("address", "农安县"),
        ("phone", "13812345678"),
    ]))
    .unwrap();
    assert!(matches!(p, PartyInput::Person { ref phone, .. } if phone == "13812345678"));
    let e = party_from_table(&pairs(&[("type", "person"), ("name", "刘长海")])).unwrap_err();
    assert!(e.contains("缺少“身份证号”"), "{e}");
    let e = party_from_table(&pairs(&[("type", "外星人")])).unwrap_err();
    assert!(e.contains("个体工商户"), "{e}");
}

#[test]
fn filing_from_a_lead_reads_the_act_date_and_the_party_from_form_fields() {
    let users = BTreeMap::new();
    let filing = lead::build_filing(
        &pairs(&[
            ("act_date", "11月20日"),
            ("party_type", "个人"),
            ("party_name", "刘长海"),
            ("id_no", "220122198001010018"),
            ("address", "农安县合隆镇东岗村3组"),
        ]),
        &users,
        today(),
    )
    .unwrap();
    assert_eq!(filing.act_date.to_string(), "2026-11-20");
    assert_eq!(filing.date, today(), "the proposal date defaults to today");
    assert_eq!(filing.party.display_name(), "刘长海");
    let no_date = lead::build_filing(&pairs(&[("party_name", "刘长海")]), &users, today());
    assert!(no_date.unwrap_err().contains("违法行为发生日期"));
    let no_party = lead::build_filing(&pairs(&[("act_date", "今天")]), &users, today());
    assert!(no_party.unwrap_err().contains("当事人"));
    let bad_id = lead::build_filing(
        &pairs(&[
            ("act_date", "今天"),
            ("party_name", "刘长海"),
            ("id_no", "220122198001010019"),
        ]),
        &users,
        today(),
    );
    assert!(bad_id.is_err());
}
