//! Demo intake: what comes before the cases — about 150 leads in every state (from 12345
//! complaints, patrols, referrals …, some filed as the demo's own cases) and about 300
//! inspections across the year, of businesses and streets, with three 双随机 plans drawn
//! from recorded seeds. Everything goes through the desk, as the CLI records it.

use chrono::{Days, NaiveDate};

use crate::desk::{Desk, DeskError};
use crate::domain::case::{Case, Recheck, Source};
use crate::domain::field::Field;
use crate::domain::inspection::{
    InspectionPlan, InspectionReason, InspectionRecord, InspectionResult, ObjectInput, RiskLevel,
};
use crate::domain::lead::{LeadAction, LeadSource, NewLead, ReplyWay, ReporterInput};
use crate::domain::patrol::PatrolOutcome;
use crate::domain::people::{Role, User};
use crate::store::StoreError;

fn refused(what: &str, e: DeskError) -> StoreError {
    StoreError::Rule(format!("演示{what}：{e}"))
}

const BUSINESSES: [(&str, Field); 12] = [
    ("农安县合隆镇兴旺饭店", Field::UrbanManagement),
    ("农安县合隆镇老张家烧烤", Field::UrbanManagement),
    ("农安县合隆镇鑫源超市", Field::UrbanManagement),
    ("农安县合隆镇顺达汽修部", Field::Environment),
    ("农安县合隆镇宏达建材商店", Field::PlanningConstruction),
    ("农安县合隆镇金穗粮食收购点", Field::Agriculture),
    ("农安县合隆镇丰收农资店", Field::Agriculture),
    ("农安县合隆镇红星烟花爆竹销售点", Field::EmergencyManagement),
    ("农安县合隆镇福源液化气站", Field::EmergencyManagement),
    ("农安县合隆镇绿野养殖场", Field::Agriculture),
    ("农安县合隆镇新华木材加工厂", Field::Forestry),
    ("农安县合隆镇清源洗车行", Field::WaterResources),
];

const STREETS: [&str; 5] = [
    "合隆镇主街",
    "合隆镇农贸市场",
    "陈家店村",
    "东岗村",
    "火车站广场",
];

const ALLEGATIONS: [(&str, &str); 6] = [
    ("东岗村村东农田", "有人焚烧秸秆，浓烟很大"),
    ("合隆镇主街", "门前占道摆摊，影响通行"),
    ("陈家店村西侧", "有人在河道边倾倒垃圾"),
    ("合隆镇农贸市场", "烧烤摊油烟扰民"),
    ("新立村", "村民在耕地上建房"),
    ("火车站广场", "夜间施工噪音扰民"),
];

/// A valid 统一社会信用代码 for the demo's `n`th business (check character computed).
fn credit_code(n: usize) -> String {
    let first17 = format!("92220122MA{:07}", 1000 + n);
    let check = crate::domain::identity::CreditCode::check_char(&first17).unwrap_or('0');
    format!("{first17}{check}")
}

pub(super) fn add(desk: &mut Desk, today: NaiveDate) -> Result<(), StoreError> {
    let users = desk.store().users()?;
    let certified: Vec<User> = users
        .values()
        .filter(|u| u.active && u.has(Role::Handler) && u.certified_on(today))
        .cloned()
        .collect();
    let Some(head) = users.values().find(|u| u.has(Role::Head)).cloned() else {
        return Ok(());
    };
    if certified.len() < 4 {
        return Ok(());
    }
    let pair = |i: usize| {
        (
            &certified[(2 * i) % certified.len()],
            &certified[(2 * i + 1) % certified.len()],
        )
    };
    let day = |back: u64| today.checked_sub_days(Days::new(back)).unwrap_or(today);

    // Objects, a conflict, three plans drawn from recorded seeds.
    let mut objects = Vec::new();
    for (n, (name, field)) in BUSINESSES.iter().enumerate() {
        let o = desk
            .add_object(
                ObjectInput {
                    name: (*name).into(),
                    credit_code: credit_code(n),
                    address: format!("{}{}号", STREETS[n % STREETS.len()], 10 + n),
                    field: *field,
                    risk: RiskLevel::ALL[n % RiskLevel::ALL.len()],
                },
                &head,
            )
            .map_err(|e| refused("检查对象", e))?;
        objects.push(o);
    }
    for (i, field) in [
        Field::UrbanManagement,
        Field::Agriculture,
        Field::EmergencyManagement,
    ]
    .into_iter()
    .enumerate()
    {
        let plan = desk
            .add_plan(
                InspectionPlan {
                    id: 0,
                    name: format!("{}年{}领域双随机抽查（第{}批）", 2026, field.name(), i + 1),
                    field,
                    period_from: day(200 - 60 * i as u64),
                    period_to: day(140 - 60 * i as u64),
                    scope: "经营场所、安全设施、油烟噪声".into(),
                    object_count: 2,
                },
                &head,
            )
            .map_err(|e| refused("抽查计划", e))?;
        let draw = desk
            .draw_plan(
                plan.id,
                Some(20_260_000 + i as u64),
                plan.period_from,
                &head,
                today,
            )
            .map_err(|e| refused("抽取", e))?;
        for (k, d) in draw.objects.iter().enumerate() {
            let o = objects
                .iter()
                .find(|o| o.id == d.object)
                .expect("drawn from the pool");
            let by = users
                .get(&d.officers[0])
                .cloned()
                .unwrap_or_else(|| head.clone());
            let rec = InspectionRecord {
                id: 0,
                date: plan.period_from + Days::new(5 + k as u64),
                start: "09:00".into(),
                end: "10:00".into(),
                place: o.address.clone(),
                object: Some(o.id),
                officers: d.officers.to_vec(),
                reason: InspectionReason::Drawn { plan: plan.id },
                items: vec!["经营场所".into(), "安全设施".into()],
                findings: "按抽查事项逐项检查，未发现违法行为".into(),
                photos: Vec::new(),
                result: InspectionResult::Passed,
                failed_items: Vec::new(),
                measures: Default::default(),
            };
            desk.add_inspection(rec, &by, today)
                .map_err(|e| refused("抽查检查", e))?;
        }
    }

    // About 300 inspections: two a working week or so, of businesses and streets.
    for i in 0..300usize {
        let date = day(3 + (i as u64 * 365) / 300);
        let (a, b) = pair(i);
        let of_object = i % 5 < 3;
        let object = of_object.then(|| &objects[i % objects.len()]);
        let ordered = i % 9 == 0;
        let result = if ordered {
            InspectionResult::CorrectionOrdered {
                content: "限期整改发现的问题".into(),
                deadline: date + Days::new(7),
                recheck_on: date + Days::new(8),
                recheck: None,
            }
        } else {
            InspectionResult::Passed
        };
        let mut measures = std::collections::BTreeMap::new();
        if !of_object {
            match i % 4 {
                0 => {
                    measures.insert(PatrolOutcome::SeizedItems, (i % 7 + 1) as u32);
                }
                1 => {
                    measures.insert(PatrolOutcome::RegulatedSigns, 2);
                }
                2 => {
                    measures.insert(PatrolOutcome::Persuaded, 3);
                }
                _ => {
                    measures.insert(PatrolOutcome::AbandonedVehicles, 1);
                }
            }
        }
        // An object seen again within the interval comes on a recorded risk.
        let reason = if of_object && i >= objects.len() * 5 / 3 {
            InspectionReason::Risk {
                reason: "季节性安全风险排查".into(),
            }
        } else {
            InspectionReason::Routine
        };
        let rec = InspectionRecord {
            id: 0,
            date,
            start: "14:00".into(),
            end: "15:00".into(),
            place: object.map_or_else(
                || STREETS[i % STREETS.len()].to_string(),
                |o| o.address.clone(),
            ),
            object: object.map(|o| o.id),
            officers: vec![a.id, b.id],
            reason,
            items: Vec::new(),
            failed_items: Vec::new(),
            findings: if ordered {
                "发现占道经营和消防通道堵塞，已当场责令限期改正".into()
            } else {
                "巡查检查，未发现违法行为".into()
            },
            photos: Vec::new(),
            result,
            measures,
        };
        let (saved, _) = desk
            .add_inspection(rec, a, today)
            .map_err(|e| refused("现场检查", e))?;
        if ordered && date + Days::new(8) <= today && i % 2 == 0 {
            desk.recheck_inspection(
                saved.id,
                Recheck {
                    date: date + Days::new(8),
                    corrected: true,
                    note: "经复查已按要求改正".into(),
                    by: b.id,
                },
                b,
                today,
            )
            .map_err(|e| refused("复查", e))?;
        }
    }

    // About 150 leads, most decided; those filed are linked to the demo's own cases.
    let cases: Vec<Case> = desk.store().all_cases()?;
    let mut from_leads = cases.iter().filter(|c| {
        matches!(c.source, Source::Report | Source::Inspection)
            && c.proposed_on > day(355)
            && c.proposed_on <= day(10)
    });
    // Which lead becomes which case, and when each came in; registered in the order they
    // came in, so the register's numbers follow the dates.
    let mut plan: Vec<(usize, Option<&Case>, NaiveDate)> = (0..150usize)
        .map(|i| {
            // A lead filed as a demo case is received four days before the case was proposed.
            let case = if i % 10 <= 3 || i % 10 == 8 {
                from_leads.next()
            } else {
                None
            };
            let back = 2 + (i as u64 * 360) / 150;
            let received = case.map_or(day(back), |c| c.proposed_on - Days::new(4));
            (i, case, received)
        })
        .collect();
    plan.sort_by_key(|(i, _, received)| (*received, *i));
    for (i, case, received) in plan {
        let (a, b) = pair(i + 7);
        let (place, what) = ALLEGATIONS[i % ALLEGATIONS.len()];
        let back = (today - received).num_days().max(0) as u64;
        // What the reporter said is what the case is about.
        let cause = case.map(|c| c.power.power.cause());
        let what = cause.as_deref().unwrap_or(what);
        let named = i % 3 != 0;
        let new = NewLead {
            source: match (case.map(|c| c.source), i % 6) {
                (Some(Source::Inspection), _) => LeadSource::Patrol,
                (_, 0..=2) | (Some(_), _) => LeadSource::Complaint {
                    work_order: format!("2026{:08}", 120_000 + i),
                },
                (None, 3) => LeadSource::Patrol,
                (None, 4) => LeadSource::DepartmentReferral,
                (None, _) => LeadSource::Superior,
            },
            received_on: received,
            received_time: "09:30".into(),
            reporter: (named && i % 6 < 3).then(|| ReporterInput {
                name: ["王秀兰", "李建国", "赵淑芬", "刘志强"][i % 4].into(),
                phone: format!("1390431{:04}", 1000 + i),
                id_no: String::new(),
                address: String::new(),
            }),
            place: case.map_or_else(|| place.to_string(), |c| c.place.clone()),
            allegation: what.to_string(),
            attachments: Vec::new(),
            power_code: case.map(|c| c.power.power.code.clone()),
        };
        let lead = desk
            .register_lead(new, a, today)
            .map_err(|e| refused("线索", e))?;
        let id = lead.lead.id;
        // The newest stay registered or in verification.
        if case.is_none() && back < 6 {
            continue;
        }
        let step = |desk: &mut Desk, by: &User, action: LeadAction| {
            desk.lead_act(id, None, action, by, today)
                .map(|_| ())
                .map_err(|e| refused("线索", e))
        };
        step(
            desk,
            &head,
            LeadAction::Assign {
                date: received + Days::new(1),
                officers: vec![a.id, b.id],
            },
        )?;
        if case.is_none() && back < 12 {
            continue;
        }
        let found = received + Days::new(3);
        step(
            desk,
            a,
            LeadAction::RecordFindings {
                date: found,
                findings: match case {
                    Some(c) => format!("经现场核查，{}存在{what}的情况", c.place),
                    None => format!("经现场核查，{place}{what}的情况基本属实"),
                },
                attachments: Vec::new(),
            },
        )?;
        let decided = received + Days::new(5);
        let outcome = match (case, i % 10) {
            (Some(c), 8) => Some(LeadAction::Merge {
                date: c.proposed_on,
                case_id: c.id,
                case_number: desk.store().case_no(c.id)?,
            }),
            (Some(c), _) => Some(LeadAction::File {
                date: c.proposed_on,
                case_id: c.id,
                case_number: desk.store().case_no(c.id)?,
            }),
            (None, 6) => Some(LeadAction::Transfer {
                date: decided,
                to: "农安县市场监督管理局".into(),
                judicial: false,
                reason: "涉及无照经营，属市场监管部门职责".into(),
            }),
            (None, 7) => Some(LeadAction::Tell {
                date: decided,
                where_to: "农安县交通运输局".into(),
            }),
            // A few wait in 核查 past their deadline, for the 工作台 to show.
            (None, 9) if i % 30 == 9 => None,
            (None, _) => Some(LeadAction::NotFile {
                date: decided,
                reason: "经核查，反映的问题已自行整改，情节轻微，不予立案".into(),
            }),
        };
        // Those with no outcome here wait in 核查 (some past their deadline).
        let Some(outcome) = outcome else { continue };
        let by = match outcome {
            LeadAction::NotFile { .. } | LeadAction::Transfer { .. } => &head,
            _ => a,
        };
        step(desk, by, outcome)?;
        let row = desk.store().load_lead(id)?;
        if row.lead.reporter.is_named() && i % 8 != 1 {
            let on = row.lead.decided_on().unwrap_or(decided) + Days::new(2);
            if on <= today {
                step(
                    desk,
                    a,
                    LeadAction::Reply {
                        date: on,
                        way: ReplyWay::Phone,
                        content: "已将核查和处理情况电话告知举报人".into(),
                    },
                )?;
            }
        }
    }
    Ok(())
}
