//! Building a workflow step (`Action`), a new case (`NewCase`) or an on-the-spot case
//! (`OnSpot`) from text fields, the way a clerk types them. The CLI's `字段=值` pairs and
//! files and the UI's forms go through the same builders, so both accept exactly the same
//! input and give the same Chinese errors.
//!
//! Each field has a kind (`FieldKind`) and the kind alone decides how its text is read:
//! dates as `2026-12-03`, `12月3日` or `今天`; amounts as `1,000` or `一千`; 是/否;
//! choices from their list (full-width forms folded); people by login or real name. No
//! value is ever read as JSON, so a receipt number `20261203` stays text.

mod kind;
pub mod lead;
mod specs;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde_json::{json, Map, Value};

use crate::domain::case::{Action, ActionKind, NewCase, OnSpot, PartyInput};
use crate::domain::people::User;

pub use kind::{
    bool_text, read_bool, read_choice, read_count, read_date, read_persons, FieldKind, FieldSpec,
    ReadCtx,
};
pub use specs::{fields, new_case as new_case_fields, on_spot as on_spot_fields, PARTY};

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
        .ok_or_else(|| {
            format!(
                "找不到人员“{}”（请填登录名或姓名）",
                crate::text::clean(who)
            )
        })
}

/// Reads the typed `(key, value)` pairs of a form into typed values by their fields' kinds.
/// A later pair replaces an earlier one (a file's value, then the command line's); an empty
/// value means "not given", except for lists, which are empty when not given.
fn read_fields(
    specs: &[FieldSpec],
    what: &str,
    pairs: &[(String, String)],
    ctx: ReadCtx,
) -> Result<Map<String, Value>, String> {
    let mut obj = Map::new();
    for (k, v) in pairs {
        let k = k.trim();
        let Some(spec) = specs.iter().find(|s| s.key == k) else {
            let names: Vec<&str> = specs.iter().map(|f| f.key).collect();
            return Err(format!(
                "“{}”不是“{what}”的字段；可填：{}",
                crate::text::clean(k),
                names.join("、")
            ));
        };
        if v.trim().is_empty() {
            if spec.kind.is_list() {
                obj.insert(k.into(), json!([]));
            } else {
                obj.remove(k);
            }
            continue;
        }
        obj.insert(k.into(), spec.read(v, ctx)?);
    }
    // A list not given is empty: the domain's rule then says what is missing and why (two
    // certified officers, 行政处罚法第四十二条), not a bare "missing field".
    for spec in specs.iter().filter(|s| s.kind.is_list()) {
        obj.entry(spec.key).or_insert_with(|| json!([]));
    }
    Ok(obj)
}

/// Builds the step from typed `(key, value)` pairs. Dates not given are today.
pub fn build_action(
    step: ActionKind,
    pairs: &[(String, String)],
    users: &BTreeMap<i64, User>,
    today: NaiveDate,
) -> Result<Action, String> {
    let specs = fields(step);
    let mut obj = read_fields(&specs, step.label(), pairs, ReadCtx { users, today })?;
    shape(step, &mut obj, &specs)?;
    let today_v = Value::String(today.to_string());
    let wrap = match step {
        ActionKind::AddEvidence => Some(("evidence", "collected_on")),
        ActionKind::AddRecord => Some(("record", "date")),
        ActionKind::EndInvestigation => Some(("proposal", "date")),
        _ => None,
    };
    let mut top = match wrap {
        Some((name, date_key)) => {
            obj.entry(date_key).or_insert(today_v);
            let mut m = Map::new();
            m.insert(name.to_string(), Value::Object(obj));
            m
        }
        None => {
            let date_key = match step {
                ActionKind::ExcludeSeizureDays | ActionKind::ScheduleHearing => None,
                ActionKind::RegisterGoods => Some("taken_on"),
                _ => Some("date"),
            };
            if let Some(key) = date_key {
                obj.entry(key).or_insert(today_v);
            }
            obj
        }
    };
    top.insert("action".into(), Value::String(step.code()));
    serde_json::from_value(Value::Object(top)).map_err(|e| explain(&specs, step.label(), &e))
}

/// The form's flat fields → the nested values of the few steps that have them: the head's
/// outcome with its details, and how a record was signed.
fn shape(
    step: ActionKind,
    obj: &mut Map<String, Value>,
    specs: &[FieldSpec],
) -> Result<(), String> {
    let label = |key: &str| specs.iter().find(|s| s.key == key).map_or("", |s| s.label);
    let text = |obj: &mut Map<String, Value>, key: &str| match obj.remove(key) {
        Some(Value::String(s)) => Some(s),
        _ => None,
    };
    // A detail given where the choice does not take it is a mistake, not silently dropped.
    let unused = |obj: &Map<String, Value>, keys: &[&str], when: &str| match keys
        .iter()
        .find(|k| obj.contains_key(**k))
    {
        Some(k) => Err(format!("“{}”只在{when}时填写", label(k))),
        None => Ok(()),
    };
    match step {
        ActionKind::AddRecord => {
            let signature = match text(&mut *obj, "signature").as_deref() {
                None => return Ok(()),
                Some("已签名") => json!({"type": "signed"}),
                Some("拒绝签名") => json!({"type": "refused"}),
                Some(_) => match text(&mut *obj, "witness") {
                    Some(name) => json!({"type": "witness", "name": name}),
                    None => return Err(format!("“{}”：见证人签名时必填", label("witness"))),
                },
            };
            unused(obj, &["witness"], "见证人签名")?;
            obj.insert("signature".into(), signature);
        }
        ActionKind::ReviewDecision => {
            let Some(outcome) = text(&mut *obj, "outcome") else {
                return Ok(());
            };
            let value = match outcome.as_str() {
                "给予行政处罚" => json!({"type": "penalty"}),
                "违法事实不能成立" => json!({"type": "not_established"}),
                "不予行政处罚" => {
                    let mut o = json!({"type": "no_penalty"});
                    for key in ["reason", "education"] {
                        if let Some(v) = obj.remove(key) {
                            o[key] = v;
                        }
                    }
                    o
                }
                judicial => {
                    let mut o = json!({"type": "transfer", "judicial": judicial == "移送司法机关"});
                    if let Some(v) = obj.remove("to") {
                        o["to"] = v;
                    }
                    o
                }
            };
            unused(obj, &["reason", "education"], "不予行政处罚")?;
            unused(obj, &["to"], "移送")?;
            obj.insert("outcome".into(), value);
        }
        _ => {}
    }
    Ok(())
}

/// serde's refusal of an assembled value, in Chinese by the fields' labels. The readers
/// have typed every value, so what is left is a required field not given.
fn explain(specs: &[FieldSpec], what: &str, e: &serde_json::Error) -> String {
    let msg = e.to_string();
    if let Some(key) = msg
        .strip_prefix("missing field `")
        .and_then(|r| r.split('`').next())
    {
        let label = specs
            .iter()
            .find(|s| s.key == key)
            .map_or(party_label(key), |s| s.label);
        return format!("“{what}”缺少“{label}”，请填写");
    }
    format!(
        "“{what}”的字段有误：{}",
        crate::text::explain_parse_message(&msg)
    )
}

/// The Chinese name of a key of a `[party]` table.
fn party_label(key: &str) -> &str {
    match key {
        "type" => "当事人类型",
        "name" => "姓名或名称",
        "id_no" => "身份证号",
        "credit_code" => "统一社会信用代码",
        "legal_rep" => "法定代表人",
        "trade_name" => "字号",
        "operator_name" => "经营者姓名",
        "operator_id_no" => "经营者身份证号",
        "address" => "地址",
        "phone" => "电话",
        "employer" => "工作单位",
        "sex" => "性别",
        "birth_date" => "出生日期",
        "parties" | "party" => "当事人",
        other => other,
    }
}

/// A `[party]` table of a file, its values as typed text (so a phone written as a number
/// is read as text): `type` is `person` / `organisation` / `business` or 个人 / 单位 /
/// 个体工商户.
pub fn party_from_table(table: &[(String, String)]) -> Result<PartyInput, String> {
    let mut obj = Map::new();
    for (k, v) in table {
        let v = v.trim();
        let v = match (k.as_str(), v) {
            ("type", "个人") => "person",
            ("type", "单位") => "organisation",
            ("type", "个体工商户") => "business",
            (_, v) => v,
        };
        if !v.is_empty() {
            obj.insert(k.clone(), Value::String(v.to_string()));
        }
    }
    serde_json::from_value(Value::Object(obj)).map_err(|e| {
        let msg = e.to_string();
        if let Some(key) = msg
            .strip_prefix("missing field `")
            .and_then(|r| r.split('`').next())
        {
            return format!("当事人缺少“{}”", party_label(key));
        }
        if msg.starts_with("unknown variant") {
            return "当事人类型只能填 个人、单位 或 个体工商户".to_string();
        }
        format!("当事人：{}", crate::text::explain_parse_message(&msg))
    })
}

/// The party typed in a form's own fields (`PARTY`), if any of them was filled.
fn party_from_fields(obj: &mut Map<String, Value>) -> Result<Option<PartyInput>, String> {
    let mut take = |key: &str| match obj.remove(key) {
        Some(Value::String(s)) => s,
        _ => String::new(),
    };
    let [kind, name, id_no, legal_rep, address, phone] = PARTY.map(|s| take(s.key));
    let employer = take(specs::EMPLOYER.key);
    if [&name, &id_no, &legal_rep, &address, &phone, &employer]
        .iter()
        .all(|s| s.is_empty())
    {
        return Ok(None);
    }
    Ok(Some(match kind.as_str() {
        "单位" => PartyInput::Organisation {
            name,
            credit_code: id_no,
            legal_rep,
            address,
            phone,
        },
        "个体工商户" => PartyInput::Business {
            trade_name: name,
            credit_code: String::new(),
            operator_name: legal_rep,
            operator_id_no: id_no,
            address,
            phone,
        },
        _ => PartyInput::Person {
            name,
            sex: None,
            birth_date: None,
            id_no,
            address,
            phone,
            employer,
        },
    }))
}

/// The parties of a new case: those typed in the form's fields, then the file's tables,
/// each checked (ID numbers, credit codes).
fn parties(
    obj: &mut Map<String, Value>,
    tables: Vec<PartyInput>,
) -> Result<Vec<crate::domain::case::Party>, String> {
    let typed = party_from_fields(obj)?;
    typed
        .into_iter()
        .chain(tables)
        .map(|p| p.into_party().map_err(|e| format!("当事人：{e}")))
        .collect()
}

/// 提请立案: the form's fields (or a file's) and the parties of the file's `[[party]]` tables.
pub fn build_new_case(
    pairs: &[(String, String)],
    party_tables: Vec<PartyInput>,
    users: &BTreeMap<i64, User>,
    today: NaiveDate,
) -> Result<NewCase, String> {
    let specs = new_case_fields();
    let mut obj = read_fields(&specs, "提请立案", pairs, ReadCtx { users, today })?;
    let parties = parties(&mut obj, party_tables)?;
    if parties.is_empty() {
        return Err("提请立案缺少当事人：请填当事人姓名或名称、证件号码和地址".into());
    }
    obj.insert("parties".into(), json!(parties));
    obj.entry("proposed_on")
        .or_insert(Value::String(today.to_string()));
    serde_json::from_value(Value::Object(obj)).map_err(|e| explain(&specs, "提请立案", &e))
}

/// 当场处罚: the form's fields (or a file's) and the one party.
pub fn build_on_spot(
    pairs: &[(String, String)],
    party_tables: Vec<PartyInput>,
    users: &BTreeMap<i64, User>,
    today: NaiveDate,
) -> Result<OnSpot, String> {
    let specs = on_spot_fields();
    let mut obj = read_fields(&specs, "当场处罚", pairs, ReadCtx { users, today })?;
    let party = match parties(&mut obj, party_tables)?.as_slice() {
        [one] => one.clone(),
        [] => return Err("当场处罚缺少当事人：请填当事人姓名或名称、证件号码和地址".into()),
        _ => return Err("当场处罚只能有一个当事人".into()),
    };
    obj.insert("party".into(), json!(party));
    obj.entry("date")
        .or_insert(Value::String(today.to_string()));
    obj.entry("fine").or_insert(Value::String("0".into()));
    serde_json::from_value(Value::Object(obj)).map_err(|e| explain(&specs, "当场处罚", &e))
}

#[cfg(test)]
mod tests;
