//! Issue 18, the papers before a case: a lead's register, report, 不予立案审批表 and 移送函;
//! an inspection's 笔录 and 责令改正通知书; the draw's record. Each is read back as text: the
//! required elements present, and the reporter on the internal papers only.

use super::inspection::{build_inspection, draw_record, inspection_documents};
use super::inspection::{DrawDocCtx, InspectionDocCtx};
use super::lead::{build_lead, lead_documents, LeadDocCtx};
use super::tests::{agency, all_text};
use super::*;
use crate::case::fixtures::{d, with_check_digit, World, LI, SUN, ZHANG, ZHAO};
use crate::case::model::Attachment;
use crate::inspection::fixtures::{object, plan, pool, staff, EXPIRED};
use crate::inspection::{self as insp, Conflict, InspectionReason, InspectionResult, RiskLevel};
use crate::lead::{
    Decision, Lead, LeadOutcome, LeadSource, LeadStage, Reporter, ReporterIdentity, Verification,
};

const REPORTER: &str = "刘举报";
const PHONE: &str = "13912345678";
const WORK_ORDER: &str = "GD20260917001";

fn reporter_id() -> String {
    with_check_digit("22012219750505123")
}

fn file(name: &str) -> Attachment {
    Attachment {
        file_name: name.into(),
        sha256: "ab".repeat(32),
        size: 1024,
    }
}

/// A 12345 complaint by a named reporter, verified by 张三 and 李四, decided by 孙八 with
/// `outcome` (none: still verifying). The allegation and findings name the reporter, as
/// clerks type them.
fn lead(outcome: Option<LeadOutcome>) -> Lead {
    Lead {
        id: 7,
        source: LeadSource::Complaint {
            work_order: WORK_ORDER.into(),
        },
        received_on: d("2026-09-17"),
        received_time: "09:05".into(),
        received_by: ZHAO,
        reporter: Reporter::Named(ReporterIdentity {
            name: REPORTER.into(),
            phone: PHONE.into(),
            id_no: Some(crate::identity::ResidentId::parse(&reporter_id()).unwrap()),
            address: "合隆镇陈家村三组12号".into(),
        }),
        place: "合隆镇兴隆街18号门前".into(),
        allegation: format!("举报人{REPORTER}（电话{PHONE}）反映：某烧烤店占道经营，油烟扰民。"),
        attachments: vec![file("举报照片.jpg")],
        power_code: Some("CS-012".into()),
        stage: if outcome.is_some() {
            LeadStage::Decided
        } else {
            LeadStage::Verifying
        },
        verification: Some(Verification {
            assigned_on: d("2026-09-18"),
            assigned_by: SUN,
            officers: vec![ZHANG, LI],
            findings: Some((
                d("2026-09-22"),
                format!("经现场核查，该店在店外人行道摆放桌椅6张，与{REPORTER}反映的情况属实。"),
            )),
        }),
        extension: None,
        decision: outcome.map(|outcome| Decision {
            date: d("2026-09-24"),
            by: SUN,
            outcome,
        }),
        replies: vec![],
        version: 3,
    }
}

fn lead_paper(l: &Lead, kind: DocKind, full: bool) -> Result<String, DocError> {
    let w = World::new();
    let a = agency();
    let ctx = LeadDocCtx {
        lead: l,
        number: "线索〔2026〕7号",
        serial: (2026, 7),
        agency: &a,
        users: &w.users,
        power: None,
        full_reporter: full,
    };
    build_lead(kind, &ctx).map(|p| all_text(&[p]))
}

fn has_all(text: &str, wanted: &[&str]) {
    for w in wanted {
        assert!(text.contains(w), "missing “{w}” in:\n{text}");
    }
}

#[test]
fn the_register_states_source_receipt_reporter_place_allegation_power_and_opinion() {
    let l = lead(None);
    let t = lead_paper(&l, DocKind::LeadRegister, false).unwrap();
    has_all(
        &t,
        &[
            "案件来源登记表",
            "线索〔2026〕7号",
            "举报投诉（12345工单 GD20260917001）",
            "2026年9月17日 09:05",
            "赵六",
            "刘**",
            "139****5678",
            "合隆镇兴隆街18号门前",
            "占道经营",
            "CS-012",
            "举报照片.jpg",
            "负责人处理意见",
            "请张三、李四核查",
            "负责人：孙八",
        ],
    );
    // Masked unless the full view is asked for (and recorded by the caller).
    assert!(!t.contains(PHONE) && !t.contains(&reporter_id()), "{t}");
    let full = lead_paper(&l, DocKind::LeadRegister, true).unwrap();
    has_all(&full, &[REPORTER, PHONE, &reporter_id()]);
}

#[test]
fn an_anonymous_register_says_so_and_has_no_reporter_rows() {
    let mut l = lead(None);
    l.reporter = Reporter::Anonymous;
    l.verification = None;
    let t = lead_paper(&l, DocKind::LeadRegister, true).unwrap();
    has_all(&t, &["匿名", "尚未分派核查", "负责人（签名）"]);
    assert!(!t.contains("举报人电话"), "{t}");
}

#[test]
fn the_report_names_both_officers_dates_findings_and_the_proposal_with_reasons() {
    let l = lead(Some(LeadOutcome::NotFiled {
        reason: "经核查，该店已于当日自行整改，情节轻微".into(),
    }));
    let t = lead_paper(&l, DocKind::LeadReport, false).unwrap();
    has_all(
        &t,
        &[
            "线索核查报告",
            "张三（执法证号 22010010001）",
            "李四（执法证号 22010010002）",
            "2026年9月18日",
            "2026年9月22日",
            "摆放桌椅6张",
            "建议不予立案。理由：经核查，该店已于当日自行整改，情节轻微。",
            "同意不予立案。",
            "负责人：孙八    2026年9月24日",
        ],
    );
    // Without findings there is no report to print.
    let mut unverified = lead(None);
    unverified.verification.as_mut().unwrap().findings = None;
    let e = lead_paper(&unverified, DocKind::LeadReport, false).unwrap_err();
    assert!(e.to_string().contains("尚未登记核查情况"), "{e}");
}

#[test]
fn a_lead_not_filed_prints_the_approval_sheet_of_the_filing_form() {
    let l = lead(Some(LeadOutcome::NotFiled {
        reason: "情节轻微并及时改正".into(),
    }));
    assert!(lead_documents(&l).contains(&DocKind::NotFiling));
    let t = lead_paper(&l, DocKind::NotFiling, false).unwrap();
    // The same sheet as the case's 立案审批表: 承办人意见, signatures, 审批意见.
    has_all(
        &t,
        &[
            "不予立案审批表",
            "核查情况",
            "承办人意见",
            "建议不予立案。理由：情节轻微并及时改正。",
            "承办人：张三（执法证号 22010010001）    2026年9月22日",
            "审批意见",
            "同意不予立案。",
            "负责人：孙八    2026年9月24日",
        ],
    );
    // A lead filed as a case has no such sheet.
    let filed = lead(Some(LeadOutcome::Filed {
        case_id: 3,
        case_number: "合综执立〔2026〕3号".into(),
    }));
    assert!(!lead_documents(&filed).contains(&DocKind::NotFiling));
    assert!(lead_paper(&filed, DocKind::NotFiling, false).is_err());
}

#[test]
fn the_transfer_letter_names_the_receiver_facts_basis_and_materials() {
    let judicial = lead(Some(LeadOutcome::Transferred {
        to: "农安县公安局".into(),
        judicial: true,
        reason: "涉嫌非法经营罪，数额较大".into(),
    }));
    let t = lead_paper(&judicial, DocKind::LeadTransfer, false).unwrap();
    has_all(
        &t,
        &[
            "案件移送函",
            "合综执线移〔2026〕7号",
            "农安县公安局：",
            "本机关在核查线索〔2026〕7号中发现",
            "摆放桌椅6张",
            "第二十七条第一款",
            "移送你单位依法追究刑事责任",
            "涉嫌非法经营罪",
            "案件来源登记表",
            "线索核查报告",
            "举报照片.jpg",
        ],
    );
    let other = lead(Some(LeadOutcome::Transferred {
        to: "农安县市场监督管理局".into(),
        judicial: false,
        reason: "食品经营许可不属本机关承接的权限".into(),
    }));
    let t = lead_paper(&other, DocKind::LeadTransfer, false).unwrap();
    has_all(&t, &["第二十四条", "移送你单位依法处理"]);
}

fn inspection(result: InspectionResult, reason: InspectionReason) -> insp::InspectionRecord {
    insp::InspectionRecord {
        id: 12,
        date: d("2026-09-20"),
        start: "09:30".into(),
        end: "10:10".into(),
        place: "合隆镇兴隆街18号".into(),
        object: Some(18),
        officers: vec![ZHANG, LI],
        reason,
        items: vec!["门前三包责任落实".into(), "占道经营".into()],
        failed_items: vec!["占道经营".into()],
        findings: format!("店外人行道摆放桌椅6张，与{REPORTER}（{PHONE}）反映的一致。"),
        photos: vec![file("现场1.jpg")],
        result,
        measures: Default::default(),
    }
}

fn ordered() -> InspectionResult {
    InspectionResult::CorrectionOrdered {
        content: "责令收回店外桌椅，恢复人行道通行".into(),
        deadline: d("2026-09-23"),
        recheck_on: d("2026-09-24"),
        recheck: None,
    }
}

fn complaint() -> InspectionReason {
    InspectionReason::Complaint {
        lead: Some(7),
        reason: format!("{REPORTER}来电举报"),
    }
}

fn inspection_paper(r: &insp::InspectionRecord, kind: DocKind) -> Result<String, DocError> {
    let w = World::new();
    let a = agency();
    let l = lead(None);
    let o = object(18, crate::field::Field::UrbanManagement, RiskLevel::Medium);
    let ctx = InspectionDocCtx {
        record: r,
        object: r.object.map(|_| &o),
        lead: Some(&l),
        agency: &a,
        users: &w.users,
    };
    build_inspection(kind, &ctx).map(|p| all_text(&[p]))
}

#[test]
fn the_inspection_record_states_object_time_officers_items_findings_and_signatures() {
    let r = inspection(ordered(), complaint());
    let t = inspection_paper(&r, DocKind::InspectionRecord).unwrap();
    has_all(
        &t,
        &[
            "现场检查（勘验）笔录",
            "2026年9月20日 09:30 至 10:10",
            "合隆镇兴隆街18号",
            "合隆镇第18号商户",
            &crate::inspection::fixtures::credit_code(18),
            "张三（执法证号 22010010001）、李四（执法证号 22010010002）",
            "出示了行政执法证件",
            "门前三包责任落实",
            "摆放桌椅6张",
            "限2026年9月23日前改正",
            "2026年9月24日复查",
            "现场拍摄照片1张",
            "被检查人或在场人（签名）",
            "见证人（签名）",
        ],
    );
    // Each item checked carries its verdict (the cell after the item's): the one found
    // wanting, and the other.
    let lines: Vec<&str> = t.lines().collect();
    let verdict_of = |item: &str| {
        let at = lines.iter().position(|l| *l == item);
        at.and_then(|i| lines.get(i + 1).copied())
            .unwrap_or_else(|| panic!("no row for {item} in:\n{t}"))
    };
    assert_eq!(verdict_of("占道经营"), "不合格", "{t}");
    assert_eq!(verdict_of("门前三包责任落实"), "合格", "{t}");
}

#[test]
fn the_correction_order_on_inspection_has_the_case_wording_its_deadline_and_recheck() {
    let r = inspection(ordered(), complaint());
    assert!(inspection_documents(&r).contains(&DocKind::CorrectionOrder));
    let t = inspection_paper(&r, DocKind::CorrectionOrder).unwrap();
    has_all(
        &t,
        &[
            "责令（限期）改正通知书",
            "合综执检责改〔2026〕12号",
            "合隆镇第18号商户：",
            "经查，本机关执法人员于2026年9月20日在合隆镇兴隆街18号检查时发现",
            "依据《中华人民共和国行政处罚法》第二十八条第一款的规定，现责令你单位于2026年9月23日前改正上述违法行为：收回店外桌椅，恢复人行道通行。",
            "本机关将于2026年9月24日进行复查",
            "申请行政复议",
        ],
    );
    // A passed inspection has none; nor does one without an object to address.
    let passed = inspection(InspectionResult::Passed, InspectionReason::Routine);
    assert!(!inspection_documents(&passed).contains(&DocKind::CorrectionOrder));
    let mut street = inspection(ordered(), InspectionReason::Routine);
    street.object = None;
    let e = inspection_paper(&street, DocKind::CorrectionOrder).unwrap_err();
    assert!(e.to_string().contains("检查对象"), "{e}");
}

/// The reporter's identity is confidential: on the register and the report (internal), never
/// on the 笔录 or the 通知书 the party signs and keeps — not the name, the phone, the ID
/// number, the address, the 12345 work order, nor the masked forms.
#[test]
fn the_reporter_is_on_internal_papers_only() {
    let l = lead(Some(LeadOutcome::NotFiled {
        reason: "情节轻微".into(),
    }));
    for kind in [DocKind::LeadRegister, DocKind::LeadReport] {
        let t = lead_paper(&l, kind, true).unwrap();
        assert!(t.contains(REPORTER), "{kind:?} is internal: {t}");
    }
    let r = inspection(ordered(), complaint());
    for kind in inspection_documents(&r) {
        let t = inspection_paper(&r, kind).unwrap();
        for secret in [
            REPORTER,
            "刘**",
            PHONE,
            "139****5678",
            &reporter_id(),
            "陈家村",
            WORK_ORDER,
        ] {
            assert!(!t.contains(secret), "{kind:?} shows “{secret}”:\n{t}");
        }
        assert!(t.contains("举报人信息已隐去"), "{kind:?}: {t}");
    }
}

#[test]
fn the_draw_record_states_plan_pools_seed_drawn_and_excluded_officers() {
    let users = staff();
    let objects = pool();
    let officers: Vec<&crate::people::User> = users.values().collect();
    let conflicts = vec![Conflict {
        officer: ZHANG,
        object: 3,
        reason: "张三的配偶经营该店".into(),
        recorded_on: Some(d("2026-09-01")),
    }];
    let draw = insp::draw(
        &plan(10),
        &objects,
        &officers,
        &conflicts,
        42,
        d("2026-07-02"),
    )
    .unwrap();
    let published = insp::publication(&draw, &plan(10), &objects, &officers).unwrap();
    let pool = insp::officer_pool(&draw, &officers, &conflicts);
    let a = agency();
    let p = draw_record(&DrawDocCtx {
        published: &published,
        pool: &pool,
        users: &users,
        objects: &objects,
        agency: &a,
    });
    let t = all_text(&[p]);
    // The 公示's own lines, word for word.
    for line in published
        .particulars()
        .iter()
        .chain(&published.object_lines())
    {
        assert!(t.contains(line.as_str()), "missing 公示 line “{line}”");
    }
    has_all(
        &t,
        &[
            "双随机抽查抽取记录",
            "2026年第三季度市容秩序双随机抽查",
            "随机数种子 42",
            "对象库 10 个",
            &format!("执法人员库 {} 名", users.len()),
            "郑过期",
            "无有效行政执法证",
            "王五",
            "有回避情形，不抽取检查该对象（行政处罚法第四十三条）",
            "合隆镇第3号商户",
            "张三的配偶经营该店",
            "抽取人（签名）",
        ],
    );
    // 郑过期's certificate ran to 2026-06-30: a draw on that day would have had him.
    assert!(pool
        .excluded
        .contains(&(EXPIRED, insp::Exclusion::Uncertified)));
    let earlier = insp::officer_pool(
        &insp::Draw {
            drawn_on: d("2026-06-30"),
            ..draw.clone()
        },
        &officers,
        &conflicts,
    );
    assert!(earlier.excluded.iter().all(|(o, _)| *o != EXPIRED));
}
