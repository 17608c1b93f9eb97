//! The fields of a lead's forms — registering one and each step of its life — with the same
//! lenient readers as a case's steps, for the CLI (`lead add/do --set`) and the UI.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::kind::{FieldKind as K, FieldSpec, ReadCtx};
use super::{explain, read_fields, PARTY};
use crate::domain::case::Party;
use crate::domain::lead::{LeadAction, LeadActionKind, NewLead};
use crate::domain::people::User;

const fn f(key: &'static str, label: &'static str, kind: K, hint: &'static str) -> FieldSpec {
    FieldSpec {
        key,
        label,
        hint,
        kind,
    }
}

/// The sources as the form offers them (the domain's `SourceKind` names).
pub const LEAD_SOURCES: &[&str] = &[
    "举报投诉",
    "巡查发现",
    "检查发现",
    "部门移送",
    "上级交办",
    "媒体曝光",
];
/// The ways of answering a reporter (the domain's `ReplyWay` names).
pub const REPLY_WAYS: &[&str] = &["电话", "短信", "书面", "当面", "12345平台"];

const DATE: FieldSpec = f("date", "日期", K::Date, "不填为今天");

/// 登记线索.
pub fn new_lead_fields() -> Vec<FieldSpec> {
    vec![
        f("source", "线索来源", K::Choice(LEAD_SOURCES), ""),
        f(
            "work_order",
            "12345工单号",
            K::Text,
            "经12345热线转来的填写",
        ),
        f("received_on", "收到日期", K::Date, "不填为今天"),
        f("received_time", "收到时间", K::Time, ""),
        f(
            "reporter_name",
            "举报人姓名",
            K::Text,
            "匿名举报或无举报人不填；举报人信息保密",
        ),
        f("reporter_phone", "举报人电话", K::Text, ""),
        f("reporter_id", "举报人身份证号", K::Text, ""),
        f("reporter_address", "举报人住址", K::Text, ""),
        f("place", "地点", K::Text, "违法行为发生地"),
        f("allegation", "反映的问题", K::MultiLine, ""),
        f(
            "power",
            "可能涉及的事项编码",
            K::Text,
            "如 HJ-001；不确定可不填",
        ),
    ]
}

/// The fields of a lead's step, in order. 立案 here links a case already proposed; filing a
/// new case from the lead is its own form (`lead file`).
pub fn lead_fields(step: LeadActionKind) -> Vec<FieldSpec> {
    use LeadActionKind as A;
    match step {
        A::Assign => vec![
            DATE,
            f("officers", "核查人员", K::Persons, "两名持证执法人员"),
        ],
        A::RecordFindings => vec![DATE, f("findings", "核查情况", K::MultiLine, "")],
        A::Extend => vec![DATE, f("reason", "延长理由", K::MultiLine, "")],
        A::File | A::Merge => vec![DATE, f("case", "案件", K::Text, "案号、2026-12 或 #编号")],
        A::NotFile => vec![DATE, f("reason", "不予立案理由", K::MultiLine, "")],
        A::Transfer => vec![
            DATE,
            f("to", "移送至", K::Text, "有权处理的部门或司法机关"),
            f("judicial", "涉嫌犯罪移送司法机关", K::Bool, ""),
            f("reason", "移送理由", K::MultiLine, ""),
        ],
        A::Tell => vec![DATE, f("where_to", "告知去向", K::Text, "有权处理的机关")],
        A::Reply => vec![
            DATE,
            f("way", "答复方式", K::Choice(REPLY_WAYS), ""),
            f("content", "答复内容", K::MultiLine, ""),
        ],
    }
}

/// Turns a typed case reference into the case's id and number.
pub type FindCase<'a> = &'a dyn Fn(&str) -> Result<(i64, String), String>;

/// Reads the pairs of a step's form into the step. `find_case` turns a typed case
/// reference into its id and number (立案, 并案).
pub fn build_lead_action(
    step: LeadActionKind,
    pairs: &[(String, String)],
    users: &BTreeMap<i64, User>,
    today: NaiveDate,
    find_case: FindCase,
) -> Result<LeadAction, String> {
    let specs = lead_fields(step);
    let mut obj = read_fields(&specs, step.label(), pairs, ReadCtx { users, today })?;
    obj.entry("date")
        .or_insert(Value::String(today.to_string()));
    if let Some(Value::String(typed)) = obj.remove("case") {
        let (id, number) = find_case(&typed)?;
        obj.insert("case_id".into(), id.into());
        obj.insert("case_number".into(), number.into());
    }
    if step == LeadActionKind::Transfer {
        obj.entry("judicial").or_insert(Value::Bool(false));
    }
    obj.insert("action".into(), Value::String(step.code()));
    serde_json::from_value(Value::Object(obj)).map_err(|e| explain(&specs, step.label(), &e))
}

/// Reads the pairs of the registration form into a new lead.
pub fn build_new_lead(
    pairs: &[(String, String)],
    users: &BTreeMap<i64, User>,
    today: NaiveDate,
) -> Result<NewLead, String> {
    let specs = new_lead_fields();
    let obj = read_fields(&specs, "登记线索", pairs, ReadCtx { users, today })?;
    let text = |k: &str| obj.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let mut source = Map::new();
    source.insert("type".into(), Value::String(text("source")));
    if text("source") == "举报投诉" {
        source.insert("work_order".into(), Value::String(text("work_order")));
    } else if !text("work_order").is_empty() {
        return Err("12345工单号只用于来源为“举报投诉”的线索".into());
    }
    let reporter = if text("reporter_name").is_empty() {
        if ["reporter_phone", "reporter_id", "reporter_address"]
            .iter()
            .any(|k| !text(k).is_empty())
        {
            return Err("填了举报人的联系方式，请同时填写举报人姓名（匿名举报则都不填）".into());
        }
        Value::Null
    } else {
        serde_json::json!({
            "name": text("reporter_name"),
            "phone": text("reporter_phone"),
            "id_no": text("reporter_id"),
            "address": text("reporter_address"),
        })
    };
    let power = text("power");
    let new = serde_json::json!({
        "source": Value::Object(source),
        "received_on": obj.get("received_on").cloned().unwrap_or(Value::String(today.to_string())),
        "received_time": text("received_time"),
        "reporter": reporter,
        "place": text("place"),
        "allegation": text("allegation"),
        "power_code": if power.is_empty() { Value::Null } else { Value::String(power) },
    });
    serde_json::from_value(new).map_err(|e| explain(&specs, "登记线索", &e))
}

/// 由线索立案 (`lead file`, and the UI's filing form after the power): when the act took
/// place, the day the case is proposed, and the party by the form's party fields.
pub fn filing_fields() -> Vec<FieldSpec> {
    let mut v = vec![
        f("act_date", "违法行为发生日期", K::Date, ""),
        f("date", "提请立案日期", K::Date, "不填为今天"),
    ];
    v.extend(PARTY);
    v
}

/// What the filing form gives `Desk::file_lead` besides the power.
#[derive(Debug, Clone)]
pub struct Filing {
    pub act_date: NaiveDate,
    pub date: NaiveDate,
    pub party: Party,
}

/// Reads the pairs of the filing form (`filing_fields`); the party is checked as a new
/// case's is.
pub fn build_filing(
    pairs: &[(String, String)],
    users: &BTreeMap<i64, User>,
    today: NaiveDate,
) -> Result<Filing, String> {
    let specs = filing_fields();
    let mut obj = read_fields(&specs, "由线索立案", pairs, ReadCtx { users, today })?;
    let date_of = |obj: &Map<String, Value>, key: &str| {
        obj.get(key)
            .and_then(Value::as_str)
            .and_then(|d| d.parse::<NaiveDate>().ok())
    };
    let act_date = date_of(&obj, "act_date")
        .ok_or_else(|| "“违法行为发生日期”：必填，如 2026-12-03 或 12月3日".to_string())?;
    let date = date_of(&obj, "date").unwrap_or(today);
    let party = super::parties(&mut obj, Vec::new())?
        .into_iter()
        .next()
        .ok_or_else(|| "请填写当事人（姓名或名称、身份证号或统一社会信用代码）".to_string())?;
    Ok(Filing {
        act_date,
        date,
        party,
    })
}
