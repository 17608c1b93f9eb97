//! Building a workflow step (`Action`) from text fields, the way a clerk types them: the
//! CLI's `字段=值` pairs and the UI's forms go through the same function, so both accept
//! exactly the same input and give the same Chinese errors.
//!
//! People are entered by login name (or real name, when unique), several separated by
//! commas; amounts in yuan; dates as `2026-09-28`, defaulting to today; other values as
//! text, or JSON where a field is a list or a choice with details.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::case::{Action, ActionKind, CashGround};
use crate::domain::people::User;

/// One input field of a step's form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    pub key: &'static str,
    pub label: &'static str,
    /// What to type, shown under the field.
    pub hint: &'static str,
}

const fn f(key: &'static str, label: &'static str, hint: &'static str) -> FieldSpec {
    FieldSpec { key, label, hint }
}

const DATE: FieldSpec = f("date", "日期", "如 2026-09-28；不填为今天");
const OPINION: FieldSpec = f("opinion", "意见", "审批或审核意见");
const OFFICERS: FieldSpec = f("officers", "执法人员", "两名持证人员的登录名，逗号分隔");

/// The fields of each step's form, in order.
pub fn fields(step: ActionKind) -> Vec<FieldSpec> {
    use ActionKind as K;
    match step {
        K::ApproveFiling => vec![
            DATE,
            f("agree", "是否同意", "true 同意立案 / false 不予立案"),
            OPINION,
        ],
        K::AddEvidence => vec![
            f(
                "kind",
                "证据种类",
                "书证 物证 视听资料 电子数据 证人证言 当事人的陈述 鉴定意见 勘验笔录、现场笔录",
            ),
            f("description", "证据说明", "名称、数量、证明事项"),
            f("collected_on", "取证日期", "如 2026-09-28；不填为今天"),
            f("time", "时间", "如 09:30"),
            f("place", "地点", ""),
            f("collectors", "取证人员", "两名持证人员的登录名，逗号分隔"),
        ],
        K::AddRecord => vec![
            f(
                "kind",
                "笔录种类",
                "现场检查(勘验)笔录 询问笔录 陈述申辩笔录 听证笔录",
            ),
            DATE,
            f("start", "开始时间", "如 09:00"),
            f("end", "结束时间", "如 09:40"),
            f("place", "地点", ""),
            OFFICERS,
            f(
                "persons",
                "被询问人/在场人",
                r#"JSON 列表，如 ["刘某"]；询问笔录一人一份"#,
            ),
            f("nth", "第几次询问", "询问笔录填 1、2…，其他填 0"),
            f("content", "笔录内容", "问答或检查情况"),
            f(
                "signature",
                "签名情况",
                r#"{"type":"signed"} / {"type":"refused"} / {"type":"witness","name":"见证人"}"#,
            ),
        ],
        K::Preserve => vec![DATE, f("items", "保存物品清单", "名称、规格、数量")],
        K::DecidePreservation => vec![
            f("index", "第几批（从0起）", "0"),
            DATE,
            f("decision", "处理决定", "没收、退还等"),
        ],
        K::Seize => vec![
            DATE,
            f("items", "查封扣押清单", ""),
            f("days", "期限（日）", "不超过 30"),
        ],
        K::ExtendSeizure => vec![
            f("index", "第几项（从0起）", "0"),
            DATE,
            f("days", "延长日数", "不超过 30"),
        ],
        K::ExcludeSeizureDays => vec![
            f("index", "第几项（从0起）", "0"),
            f("days", "检测鉴定日数", ""),
        ],
        K::ReleaseSeizure => vec![f("index", "第几项（从0起）", "0"), DATE],
        K::EndInvestigation => vec![
            f("date", "调查终结日期", "如 2026-09-28；不填为今天"),
            f(
                "kinds",
                "拟处罚种类",
                r#"JSON 列表，如 ["罚款"] 或 ["警告","罚款"]；建议不予处罚填 []"#,
            ),
            f(
                "tier",
                "裁量阶次",
                "轻微 一般 严重 从轻 从重 减轻 等（见权限清单）",
            ),
            f("fine", "拟罚款（元）", "如 800"),
            f(
                "base_amount",
                "计罚基数（元）",
                "按倍数计罚时填：工程造价、货值、违法所得等",
            ),
            f("units", "计罚数量", "按单位计罚时填：如 120（平方米）"),
            f(
                "alternative_band",
                "适用备选幅度",
                "条文另设幅度的情形（如没有违法所得）填 true",
            ),
            f(
                "mitigation",
                "从轻、减轻情节",
                "选“从轻”“减轻”时必填：主动消除或者减轻危害后果、受他人胁迫或者诱骗 等",
            ),
            f("confiscation", "没收金额（元）", "0"),
            f("reasoning", "处理建议理由", ""),
            f(
                "complex_or_major",
                "情节复杂或重大",
                "true / false（需集体讨论）",
            ),
            f(
                "legal_review_flags",
                "法制审核情形",
                r#"JSON 列表，如 [] 或 ["涉及重大公共利益"]"#,
            ),
        ],
        K::SquadReview => vec![
            DATE,
            f("agree", "是否同意", "true 同意 / false 退回补充调查"),
            OPINION,
        ],
        K::LegalReview => vec![DATE, f("passed", "是否通过", "true / false"), OPINION],
        K::Discuss => vec![
            DATE,
            f(
                "attendees",
                "参加的负责人",
                "登录名，逗号分隔，至少两名负责人",
            ),
            f("conclusion", "讨论结论", ""),
        ],
        K::ReviewDecision => vec![
            DATE,
            f(
                "outcome",
                "审查决定",
                r#"{"type":"penalty"} / {"type":"no_penalty","reason":"初次违法","education":"…"} / {"type":"not_established"} / {"type":"transfer","to":"农安县公安局","judicial":true}"#,
            ),
            OPINION,
        ],
        K::IssueNotice => vec![DATE],
        K::Serve => vec![
            f(
                "doc",
                "送达文书",
                "行政处罚事先告知书 听证通知书 行政处罚决定书 不予行政处罚决定书 催告书",
            ),
            f(
                "method",
                "送达方式",
                "直接送达 留置送达 邮寄送达 电子送达 公告送达",
            ),
            DATE,
            f("recipient", "受送达人", ""),
            OFFICERS,
            f("confirmation", "电子送达确认书", "电子送达填 true"),
        ],
        K::RecordStatement => vec![
            DATE,
            f("content", "陈述申辩内容", ""),
            f("adopted", "是否采纳", "true / false"),
            f("reexamination", "复核意见", ""),
        ],
        K::RequestHearing | K::Waive => vec![DATE],
        K::ScheduleHearing => vec![
            f("notified_on", "通知日期", "如 2026-09-28"),
            f("date", "听证日期", "通知后至少七个工作日"),
            f("place", "听证地点", ""),
            f("presiding", "主持人", "登录名（非本案调查人员）"),
        ],
        K::HoldHearing => vec![DATE, f("party_absent", "当事人未到场", "true / false")],
        K::ExtendDecisionPeriod => vec![DATE, f("reason", "延期理由", "")],
        K::Decide => vec![
            DATE,
            f(
                "kinds",
                "处罚种类",
                r#"JSON 列表，如 ["罚款"]；不予处罚填 []"#,
            ),
            f("fine", "罚款（元）", "不得高于告知的金额"),
            f("confiscation", "没收金额（元）", "0"),
            f("correction_order", "责令改正内容", ""),
            f("payment_place", "缴款银行或方式", ""),
            f("publish", "需要公示", "true / false"),
        ],
        K::Publish => vec![DATE],
        K::Pay => vec![
            DATE,
            f("amount", "金额（元）", ""),
            f("method", "缴款方式", "银行缴纳 电子支付 当场收缴 强制执行"),
            f("receipt_no", "票据号", "当场收缴必填"),
            f(
                "cash_ground",
                "当场收缴依据",
                "当场收缴必填：一百元以下罚款 / 事后难以执行 / 边远地区当事人提出（行政处罚法第六十八条、第六十九条）",
            ),
        ],
        K::ApprovePlan => vec![
            DATE,
            f(
                "instalments",
                "各期",
                r#"JSON，如 [{"due":"2026-12-01","amount":500}]"#,
            ),
        ],
        K::Demand => vec![DATE],
        K::ApplyCourt => vec![DATE, f("court", "人民法院", "")],
        K::RemedyStarted => vec![f("kind", "种类", "行政复议 / 行政诉讼"), DATE],
        K::RemedyEnded => vec![
            f("kind", "种类", "行政复议 / 行政诉讼"),
            DATE,
            f("result", "结果", "维持 撤销 变更 确认违法 驳回"),
            f("changed_fine", "变更后罚款（元）", "结果为变更时填写"),
        ],
        K::TerminateExecution => vec![DATE, f("reason", "终结理由", "")],
        K::Withdraw => vec![DATE, f("reason", "撤销理由", "")],
        K::ProposeClosing => vec![DATE],
        K::ApproveClosing => vec![DATE, OPINION],
        K::Archive => vec![
            DATE,
            f("archive_no", "归档号", ""),
            f("retention", "保存期限", "永久 / 长期 / 30年 …"),
        ],
    }
}

const TIME_FIELDS: [&str; 3] = ["time", "start", "end"];
const PERSON_FIELDS: [&str; 4] = ["officers", "collectors", "attendees", "presiding"];
const DATE_FIELDS: [&str; 4] = ["date", "collected_on", "notified_on", "due"];
const MONEY_FIELDS: [&str; 5] = [
    "fine",
    "amount",
    "confiscation",
    "base_amount",
    "changed_fine",
];

/// Fields whose value is one of a fixed list, with the allowed names (from the domain type).
fn choices(key: &str) -> Option<Vec<&'static str>> {
    match key {
        "cash_ground" => Some(CashGround::ALL.iter().map(|g| g.name()).collect()),
        _ => None,
    }
}

/// A user id from a login name, or a real name when it is unique.
pub fn user_id(users: &BTreeMap<i64, User>, who: &str) -> Result<i64, String> {
    let who = who.trim();
    users
        .values()
        .find(|u| u.username == who)
        .or_else(|| {
            let by_name: Vec<&User> = users.values().filter(|u| u.name == who).collect();
            (by_name.len() == 1).then(|| by_name[0])
        })
        .map(|u| u.id)
        .ok_or_else(|| format!("找不到人员“{who}”（请填登录名）"))
}

pub fn user_ids(users: &BTreeMap<i64, User>, names: &[String]) -> Result<Vec<i64>, String> {
    names
        .iter()
        .filter(|n| !n.trim().is_empty())
        .map(|n| user_id(users, n))
        .collect()
}

/// Builds the step from `base` (e.g. a file's fields) plus typed `(key, value)` pairs.
/// Empty values are left out, so a blank form field means "not given".
pub fn build_action(
    step: ActionKind,
    base: serde_json::Map<String, serde_json::Value>,
    pairs: &[(String, String)],
    users: &BTreeMap<i64, User>,
    today: NaiveDate,
) -> Result<Action, String> {
    let mut obj = base;
    let known = fields(step);
    if let Some((k, _)) = pairs
        .iter()
        .find(|(k, _)| !known.iter().any(|f| f.key == k.trim()))
    {
        let names: Vec<&str> = known.iter().map(|f| f.key).collect();
        return Err(format!(
            "“{}”不是“{}”的字段；可填：{}",
            crate::text::clean(k.trim()),
            step.label(),
            names.join("、")
        ));
    }
    for (k, v) in pairs {
        let k = k.trim();
        if v.trim().is_empty() {
            continue;
        }
        let value = if let Some(allowed) = choices(k) {
            if !allowed.contains(&v.trim()) {
                let label = known.iter().find(|f| f.key == k).map_or(k, |f| f.label);
                return Err(format!(
                    "“{k}”（{label}）填写了“{}”，只能填：{}",
                    crate::text::clean(v.trim()),
                    allowed.join("、")
                ));
            }
            serde_json::Value::String(v.trim().to_string())
        } else if DATE_FIELDS.contains(&k) {
            let d = crate::domain::chinese::parse_date(v).map_err(|e| format!("“{k}”：{e}"))?;
            serde_json::Value::String(d.to_string())
        } else if TIME_FIELDS.contains(&k) {
            let label = known
                .iter()
                .find(|f| f.key == k)
                .map_or("时间", |f| f.label);
            let t = crate::domain::text::time(label, v).map_err(|e| e.to_string())?;
            serde_json::Value::String(t)
        } else if MONEY_FIELDS.contains(&k) {
            let fen =
                crate::domain::money::Fen::parse_yuan(v).map_err(|e| format!("“{k}”：{e}"))?;
            serde_json::Value::String(fen.yuan_text())
        } else if k == "mitigation" {
            mitigation_value(v)?
        } else if PERSON_FIELDS.contains(&k) {
            let names: Vec<String> = v.split([',', '，', '、']).map(str::to_string).collect();
            let ids = user_ids(users, &names)?;
            if k == "presiding" {
                serde_json::Value::from(ids.first().copied().unwrap_or_default())
            } else {
                serde_json::Value::from(ids)
            }
        } else {
            serde_json::from_str(v.trim())
                .unwrap_or_else(|_| serde_json::Value::String(v.trim().to_string()))
        };
        obj.insert(k.to_string(), value);
    }
    let today_v = serde_json::Value::String(today.to_string());
    let wrap = match step {
        ActionKind::AddEvidence => Some(("evidence", "collected_on")),
        ActionKind::AddRecord => Some(("record", "date")),
        ActionKind::EndInvestigation => Some(("proposal", "date")),
        _ => None,
    };
    let mut top = match wrap {
        Some((name, date_key)) => {
            obj.entry(date_key).or_insert(today_v);
            let mut m = serde_json::Map::new();
            m.insert(name.to_string(), serde_json::Value::Object(obj));
            m
        }
        None => {
            if !matches!(
                step,
                ActionKind::ExcludeSeizureDays | ActionKind::ScheduleHearing
            ) {
                obj.entry("date").or_insert(today_v);
            }
            obj
        }
    };
    top.insert("action".into(), serde_json::Value::String(step.code()));
    serde_json::from_value(serde_json::Value::Object(top))
        .map_err(|e| format!("“{}”的字段有误：{}", step.label(), explain(&e.to_string())))
}

/// A 从轻/减轻 circumstance by its Chinese name (行政处罚法 Art 30–32).
fn mitigation_value(v: &str) -> Result<serde_json::Value, String> {
    use crate::domain::case::Mitigation;
    let v = v.trim();
    Mitigation::ALL
        .into_iter()
        .find(|m| m.name() == v)
        .map(|m| serde_json::Value::String(m.name().to_string()))
        .ok_or_else(|| {
            format!(
                "“mitigation”：从轻、减轻情节“{}”不在法定情形内；可填：{}",
                crate::text::clean(v),
                Mitigation::names()
            )
        })
}

/// serde's messages, in Chinese where they matter to a clerk.
fn explain(e: &str) -> String {
    if let Some(field) = e
        .strip_prefix("missing field `")
        .and_then(|r| r.split('`').next())
    {
        return format!("缺少“{field}”");
    }
    if e.starts_with("unknown variant") {
        return format!("选项不对（{e}）");
    }
    e.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_amounts_are_checked_by_field() {
        let users = BTreeMap::new();
        let today: NaiveDate = "2026-11-26".parse().unwrap();
        let e = build_action(
            ActionKind::IssueNotice,
            serde_json::Map::new(),
            &[("date".into(), "2026-02-30".into())],
            &users,
            today,
        )
        .unwrap_err();
        assert!(e.contains("“date”") && e.contains("不存在"), "{e}");
        let e = build_action(
            ActionKind::Pay,
            serde_json::Map::new(),
            &[("amount".into(), "-5".into())],
            &users,
            today,
        )
        .unwrap_err();
        assert!(e.contains("“amount”") && e.contains("负数"), "{e}");
        let a = build_action(
            ActionKind::IssueNotice,
            serde_json::Map::new(),
            &[("date".into(), "2026年9月28日".into())],
            &users,
            today,
        )
        .unwrap();
        assert_eq!(
            a,
            Action::IssueNotice {
                date: "2026-09-28".parse().unwrap()
            }
        );
    }

    #[test]
    fn cash_ground_is_a_choice_of_the_lawful_grounds_art_68_69() {
        let users = BTreeMap::new();
        let today: NaiveDate = "2026-11-26".parse().unwrap();
        let pay = |ground: &str| {
            build_action(
                ActionKind::Pay,
                serde_json::Map::new(),
                &[
                    ("amount".into(), "50".into()),
                    ("method".into(), "当场收缴".into()),
                    ("receipt_no".into(), "吉财罚0012345".into()),
                    ("cash_ground".into(), ground.into()),
                ],
                &users,
                today,
            )
        };
        let a = pay("一百元以下罚款").unwrap();
        assert!(
            matches!(
                a,
                Action::Pay {
                    cash_ground: Some(CashGround::SmallFine),
                    ..
                }
            ),
            "{a:?}"
        );
        let e = pay("领导同意").unwrap_err();
        assert!(e.contains("“cash_ground”（当场收缴依据）"), "{e}");
        for g in CashGround::ALL {
            assert!(e.contains(g.name()), "{e}");
            let hint = fields(ActionKind::Pay)
                .into_iter()
                .find(|f| f.key == "cash_ground")
                .unwrap()
                .hint;
            assert!(hint.contains(g.name()), "{hint}");
        }
    }

    #[test]
    fn art_32_mitigation_is_chosen_from_the_statutory_list() {
        let users = BTreeMap::new();
        let today: NaiveDate = "2026-11-26".parse().unwrap();
        let pairs = |m: &str| -> Vec<(String, String)> {
            vec![
                ("kinds".into(), r#"["罚款"]"#.into()),
                ("tier".into(), "减轻".into()),
                ("fine".into(), "300".into()),
                ("reasoning".into(), "事实清楚。".into()),
                ("complex_or_major".into(), "false".into()),
                ("legal_review_flags".into(), "[]".into()),
                ("confiscation".into(), "0".into()),
                ("mitigation".into(), m.into()),
            ]
        };
        let a = build_action(
            ActionKind::EndInvestigation,
            serde_json::Map::new(),
            &pairs("受他人胁迫或者诱骗"),
            &users,
            today,
        )
        .unwrap();
        let Action::EndInvestigation { proposal } = a else {
            panic!("not an end of investigation")
        };
        assert_eq!(
            proposal.mitigation,
            Some(crate::domain::case::Mitigation::CoercedOrInduced)
        );
        let e = build_action(
            ActionKind::EndInvestigation,
            serde_json::Map::new(),
            &pairs("态度好"),
            &users,
            today,
        )
        .unwrap_err();
        assert!(
            e.contains("不在法定情形内") && e.contains("配合查处有立功表现"),
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
        let users = BTreeMap::new();
        let today: NaiveDate = "2026-11-26".parse().unwrap();
        let a = build_action(
            ActionKind::IssueNotice,
            serde_json::Map::new(),
            &[],
            &users,
            today,
        )
        .unwrap();
        assert_eq!(a, Action::IssueNotice { date: today });
        let e = build_action(
            ActionKind::ApproveFiling,
            serde_json::Map::new(),
            &[("agree".into(), "true".into())],
            &users,
            today,
        )
        .unwrap_err();
        assert!(e.contains("缺少“opinion”"), "{e}");
    }
}
