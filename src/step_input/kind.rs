//! What kind of value a form field holds, and the one lenient reader per kind that turns
//! what a clerk types (with a Chinese input method, in a terminal or a file) into the typed
//! value. The kind alone decides how a value is read: a receipt number that looks like a
//! number stays text, and every refusal is Chinese and names the field.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde_json::{json, Value};

use crate::domain::chinese;
use crate::domain::chinese::fold_full_width;
use crate::domain::money::{Dec4, Fen};
use crate::domain::people::User;

/// The kind of a field's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// One line of text.
    Text,
    /// Text of several lines (案情, 笔录, 理由).
    MultiLine,
    Date,
    /// A time of day, `HH:MM`.
    Time,
    /// An amount in yuan.
    Money,
    /// One member of staff, by login or real name.
    Person,
    /// Several members of staff.
    Persons,
    /// Several names of people who are not staff (those present at a record).
    Names,
    /// Several short texts, one per line or separated by `；`.
    Texts,
    /// The party of a case: a table of its own in a file (`[party]`), its own fields in a form.
    Party,
    /// 是 / 否.
    Bool,
    /// A whole number ≥ 0.
    Count,
    /// A number ≥ 0 with up to four decimals (units of area, weight …).
    Quantity,
    /// One of the listed values.
    Choice(&'static [&'static str]),
    /// Any number of the listed values.
    Choices(&'static [&'static str]),
    /// Instalments of a payment plan: `日期 金额` each.
    Instalments,
}

/// One input field of a step's (or a new case's) form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    pub key: &'static str,
    pub label: &'static str,
    /// What to type beyond what the kind says (shown under the field).
    pub hint: &'static str,
    pub kind: FieldKind,
}

/// What a reader needs besides the text: the staff and today's date.
#[derive(Clone, Copy)]
pub struct ReadCtx<'a> {
    pub users: &'a BTreeMap<i64, User>,
    pub today: NaiveDate,
}

/// `是` / `否`, the way a form writes a yes-or-no value it proposes.
pub fn bool_text(b: bool) -> &'static str {
    if b {
        "是"
    } else {
        "否"
    }
}

const YES: [&str; 9] = ["是", "同意", "通过", "采纳", "有", "true", "y", "yes", "对"];
const NO: [&str; 11] = [
    "否",
    "不同意",
    "不通过",
    "不采纳",
    "无",
    "没有",
    "false",
    "n",
    "no",
    "不",
    "不是",
];

impl FieldKind {
    /// Whether the field holds a list (an empty one is a value, not "not given").
    pub fn is_list(self) -> bool {
        matches!(
            self,
            FieldKind::Persons
                | FieldKind::Names
                | FieldKind::Texts
                | FieldKind::Choices(_)
                | FieldKind::Instalments
        )
    }

    /// How to type a value of this kind, shown under the field.
    pub fn hint(self) -> String {
        match self {
            FieldKind::Text | FieldKind::MultiLine | FieldKind::Party => String::new(),
            FieldKind::Date => "如 2026-12-03、12月3日、今天、昨天".into(),
            FieldKind::Time => "如 09:30".into(),
            FieldKind::Money => "元，如 1000、1,000、一千二百".into(),
            FieldKind::Person => "登录名或姓名".into(),
            FieldKind::Persons => "登录名或姓名，多人用逗号、顿号或空格分隔".into(),
            FieldKind::Names => "多人用逗号、顿号或空格分隔".into(),
            FieldKind::Texts => "多项用分号分隔".into(),
            FieldKind::Bool => "是 / 否".into(),
            FieldKind::Count => "数字，如 1".into(),
            FieldKind::Quantity => "数字，如 120 或 12.5".into(),
            FieldKind::Choice(list) => list.join(" / "),
            FieldKind::Choices(list) => format!("可多选，用顿号分隔：{}", list.join("、")),
            FieldKind::Instalments => {
                "每期写“日期 金额”，用分号分隔，如 2026-12-01 500；2027-01-01 500".into()
            }
        }
    }
}

impl FieldSpec {
    /// The kind's hint and the field's own, as one line.
    pub fn hint_text(&self) -> String {
        match (self.kind.hint(), self.hint) {
            (k, "") => k,
            (k, h) if k.is_empty() => h.to_string(),
            (k, h) => format!("{k}；{h}"),
        }
    }

    /// Reads the typed text as this field's value. `text` is not empty.
    pub fn read(&self, text: &str, ctx: ReadCtx) -> Result<Value, String> {
        let read = self.read_kind(text.trim(), ctx);
        if self.kind == FieldKind::Time {
            return read; // the time check names the field itself
        }
        read.map_err(|e| format!("“{}”：{e}", self.label))
    }

    fn read_kind(&self, t: &str, ctx: ReadCtx) -> Result<Value, String> {
        Ok(match self.kind {
            FieldKind::Text | FieldKind::MultiLine => Value::String(t.into()),
            FieldKind::Party => {
                return Err("请在文件中写成 [party] 表，或填当事人类型、姓名等字段".into())
            }
            FieldKind::Date => Value::String(read_date(t, ctx.today)?.to_string()),
            FieldKind::Time => Value::String(read_time(self.label, t)?),
            FieldKind::Money => Value::String(read_money(t)?.yuan_text()),
            FieldKind::Person => match read_persons(t, ctx.users)?.as_slice() {
                [one] => json!(one),
                [] => return Err("请填一人的登录名或姓名".into()),
                _ => return Err("只能填一人".into()),
            },
            FieldKind::Persons => json!(read_persons(t, ctx.users)?),
            FieldKind::Names => json!(split_list(t)),
            FieldKind::Texts => json!(t
                .split(['；', ';', '\n'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()),
            FieldKind::Bool => Value::Bool(read_bool(t)?),
            FieldKind::Count => json!(read_count(t)?),
            FieldKind::Quantity => read_quantity(t)?,
            FieldKind::Choice(list) => Value::String(read_choice(t, list)?.into()),
            FieldKind::Choices(list) => json!(read_choices(t, list)?),
            FieldKind::Instalments => read_instalments(t, ctx.today)?,
        })
    }
}

/// Text folded to ASCII where an input method typed full-width forms.
fn fold(t: &str) -> String {
    t.chars().map(fold_full_width).collect()
}

/// Shortened for a message: a pasted megabyte is not repeated back.
fn shown(t: &str) -> String {
    let mut s: String = crate::text::clean(t).chars().take(30).collect();
    if t.chars().count() > 30 {
        s.push('…');
    }
    s
}

pub fn read_date(t: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    chinese::parse_date_on(t, today).map_err(|e| match e {
        chinese::DateInputError::Format(_) => format!(
            "“{}”不是日期，请写成 2026-12-03、2026年12月3日、12月3日、今天 或 昨天",
            shown(t)
        ),
        other => other.to_string(),
    })
}

fn read_time(label: &'static str, t: &str) -> Result<String, String> {
    crate::domain::text::time(label, &fold(t)).map_err(|e| e.to_string())
}

/// Yuan as digits (`1000`, `1,000`, `1000元`, `２０００．５`) or Chinese numerals (`一千`,
/// `一千二百元`, `壹仟元整`).
pub fn read_money(t: &str) -> Result<Fen, String> {
    match Fen::parse_yuan(t) {
        Ok(f) => Ok(f),
        Err(e) => {
            let words = t.trim();
            let words = words.strip_prefix("人民币").unwrap_or(words);
            let words = words.strip_suffix('整').unwrap_or(words);
            let words = words.strip_suffix('元').unwrap_or(words);
            chinese::parse_number(words)
                .and_then(|y| i64::try_from(y).ok())
                .and_then(|y| Fen::parse_yuan(&y.to_string()).ok())
                .ok_or_else(|| e.to_string())
        }
    }
}

pub fn read_bool(t: &str) -> Result<bool, String> {
    let v = fold(t).to_lowercase();
    if YES.contains(&v.as_str()) {
        Ok(true)
    } else if NO.contains(&v.as_str()) {
        Ok(false)
    } else {
        Err(format!("“{}”：请填 是 或 否", shown(t)))
    }
}

pub fn read_count(t: &str) -> Result<u32, String> {
    let v = fold(t);
    let n: Option<u64> = if !v.is_empty() && v.chars().all(|c| c.is_ascii_digit()) {
        v.parse().ok().or(Some(u64::MAX))
    } else {
        chinese::parse_number(&v)
    };
    match n {
        Some(n) => u32::try_from(n).map_err(|_| format!("“{}”过大", shown(t))),
        None => Err(format!("“{}”不是数，请填 0、1、2 这样的整数", shown(t))),
    }
}

fn read_quantity(t: &str) -> Result<Value, String> {
    let v = fold(t).replace(',', "");
    let bad = || format!("“{}”不是数，请填 120 或 12.5 这样的数", shown(t));
    if v.is_empty() || !v.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Err(bad());
    }
    let x: f64 = v.parse().map_err(|_| bad())?;
    Dec4::from_f64(x).ok_or_else(|| "数量须不小于 0，最多四位小数".to_string())?;
    Ok(json!(x))
}

/// A choice as compared: full-width forms folded, quotes and brackets an input method adds
/// (【】 “” 「」 《》) dropped, spaces ignored.
fn choice_key(t: &str) -> String {
    fold(t)
        .chars()
        .filter(|c| !c.is_whitespace() && !QUOTES.contains(c))
        .collect()
}

const QUOTES: [char; 14] = [
    '【', '】', '“', '”', '‘', '’', '"', '\'', '[', ']', '「', '」', '《', '》',
];

pub fn read_choice(t: &str, list: &[&'static str]) -> Result<&'static str, String> {
    let key = choice_key(t);
    // Exactly as listed; else the one option that reads the same without its bracketed
    // part (`现场检查笔录` for `现场检查(勘验)笔录`), as clerks say it.
    let short = |o: &str| {
        let mut out = String::new();
        let mut depth = 0;
        for c in choice_key(o).chars() {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ if depth == 0 => out.push(c),
                _ => {}
            }
        }
        out
    };
    let exact = list.iter().find(|o| choice_key(o) == key);
    let mut loose = list.iter().filter(|o| short(o) == key);
    let found = exact.or_else(|| match (loose.next(), loose.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    });
    found
        .copied()
        .ok_or_else(|| format!("“{}”不在可选范围内；只能填：{}", shown(t), list.join("、")))
}

/// Items separated by `,` `，` `、` `；` or spaces.
fn split_list(t: &str) -> Vec<String> {
    fold(t)
        .split(|c: char| matches!(c, ',' | '、' | ';') || c.is_whitespace())
        .map(|s| s.trim_matches(|c| QUOTES.contains(&c)).trim())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

pub fn read_choices(t: &str, list: &[&'static str]) -> Result<Vec<&'static str>, String> {
    if matches!(choice_key(t).as_str(), "无" | "没有" | "") {
        return Ok(vec![]);
    }
    let mut out = Vec::new();
    for item in split_list(t) {
        let c = read_choice(&item, list)?;
        if !out.contains(&c) {
            out.push(c);
        }
    }
    Ok(out)
}

/// Staff by login or real name, separated by `,` `，` `、` or spaces. A person named twice
/// stays twice: the domain refuses it naming them (行政处罚法第四十二条), where dropping
/// the repeat would leave a bare "only one officer".
pub fn read_persons(t: &str, users: &BTreeMap<i64, User>) -> Result<Vec<i64>, String> {
    split_list(t)
        .iter()
        .map(|who| super::user_id(users, who))
        .collect()
}

fn read_instalments(t: &str, today: NaiveDate) -> Result<Value, String> {
    let mut out = Vec::new();
    for (n, part) in t
        .split(['；', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .enumerate()
    {
        let folded = fold(part);
        let (date, amount) = folded
            .split_once(|c: char| c.is_whitespace() || c == ':')
            .ok_or_else(|| format!("第 {} 期“{}”应写成“日期 金额”", n + 1, shown(part)))?;
        let due = read_date(date, today).map_err(|e| format!("第 {} 期：{e}", n + 1))?;
        let amount = read_money(amount).map_err(|e| format!("第 {} 期：{e}", n + 1))?;
        out.push(json!({"due": due.to_string(), "amount": amount.yuan_text()}));
    }
    Ok(Value::Array(out))
}

#[cfg(test)]
mod tests;
