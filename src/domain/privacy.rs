//! Personal data shown by default: resident ID numbers, phone numbers and personal addresses
//! masked wherever a list, a search result or an export shows them (个人信息保护法 Art 6:
//! no more than the purpose needs). Organisations' credit codes and addresses are public
//! registration data and stay whole. Full data is for the case detail on request (recorded)
//! and for documents that must carry it.

use chrono::NaiveDate;

use super::case::party::Person;
use super::case::Party;
use super::identity::{self, mask_phone, CreditCode, ResidentId};

/// The audit action recorded when someone sees a case's full personal data.
pub const PERSONAL_DATA_VIEWED: &str = "查看完整个人信息";

/// A personal address down to the township or village name only: everything after the
/// first 镇/乡/街道/村 (house numbers, 组, 号) is replaced by `****`.
pub fn mask_address(address: &str) -> String {
    let a = address.trim();
    if a.is_empty() {
        return String::new();
    }
    let cut = ["村", "社区", "镇", "乡", "街道"]
        .iter()
        .filter_map(|m| a.find(m).map(|i| i + m.len()))
        .min();
    let keep = match cut {
        Some(i) => &a[..i],
        // No place word, or nothing after it: keep at most the first four characters.
        _ => {
            let end = a.char_indices().nth(4).map(|(i, _)| i).unwrap_or(a.len());
            &a[..end]
        }
    };
    format!("{keep}****")
}

/// One party as shown outside the case detail: name, masked number, masked phone and
/// address (for people), whole registration data (for organisations).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ShownParty {
    pub name: String,
    pub id_number: String,
    pub phone: String,
    pub address: String,
}

fn person(name: String, p: &Person, full: bool) -> ShownParty {
    if full {
        ShownParty {
            name,
            id_number: p.id_no.as_str().to_string(),
            phone: p.phone.clone(),
            address: p.address.clone(),
        }
    } else {
        ShownParty {
            name,
            id_number: p.id_no.masked(),
            phone: mask_phone(&p.phone),
            address: mask_address(&p.address),
        }
    }
}

/// The party with personal data masked unless `full`.
pub fn shown_party(party: &Party, full: bool) -> ShownParty {
    match party {
        Party::Person(p) => person(party.display_name(), p, full),
        Party::Business(b) => {
            let mut shown = person(party.display_name(), &b.operator, full);
            if let Some(code) = &b.credit_code {
                shown.id_number = code.as_str().to_string();
            }
            shown
        }
        Party::Organisation(o) => ShownParty {
            name: o.name.clone(),
            id_number: o.credit_code.as_str().to_string(),
            phone: o.phone.clone(),
            address: o.address.clone(),
        },
    }
}

/// Free text (案情, 笔录, opinions, audit summaries) as it leaves masked: every recognisable
/// resident ID (18 digits with a valid check character, or an old 15-digit number with a real
/// birth date), mobile number (1[3-9] and 11 digits), landline with its area code, and
/// 统一社会信用代码 (valid check character) is masked like the party fields are; digits
/// may be typed full-width or grouped with spaces and hyphens. Anything else (amounts, dates,
/// case numbers, a 7–8 digit number without an area code) is left as it is.
pub fn mask_free_text(text: &str) -> String {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if !is_number_char(chars[i].1) {
            out.push(chars[i].1);
            i += 1;
            continue;
        }
        // A token: letters and digits, with single spaces or hyphens between two digits.
        let mut j = i;
        loop {
            while j < chars.len() && is_number_char(chars[j].1) {
                j += 1;
            }
            let joined = j + 1 < chars.len()
                && matches!(chars[j].1, ' ' | '-' | '－')
                && is_digit(chars[j - 1].1)
                && is_digit(chars[j + 1].1);
            if !joined {
                break;
            }
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |(b, _)| *b);
        out.push_str(&mask_token(&text[chars[i].0..end]));
        i = j;
    }
    out
}

fn is_number_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '０'..='９')
}

/// A token masked whole if it is one number; else each of its parts (between separators),
/// and inside a part each run of digits (an ID glued to letters).
fn mask_token(token: &str) -> String {
    if let Some(m) = recognise(token) {
        return m;
    }
    let mut out = String::with_capacity(token.len());
    let mut part = String::new();
    let flush = |part: &mut String, out: &mut String| {
        out.push_str(&recognise(part).unwrap_or_else(|| mask_digit_runs(part)));
        part.clear();
    };
    for c in token.chars() {
        if is_number_char(c) {
            part.push(c);
        } else {
            flush(&mut part, &mut out);
            out.push(c);
        }
    }
    flush(&mut part, &mut out);
    out
}

fn mask_digit_runs(part: &str) -> String {
    let chars: Vec<char> = part.chars().collect();
    let mut out = String::with_capacity(part.len());
    let mut i = 0;
    while i < chars.len() {
        if !is_digit(chars[i]) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && is_digit(chars[j]) {
            j += 1;
        }
        // An 18-character ID ends in X.
        if j - i == 17 && matches!(chars.get(j), Some('X' | 'x' | 'Ｘ' | 'ｘ')) {
            j += 1;
        }
        let run: String = chars[i..j].iter().collect();
        out.push_str(&recognise(&run).unwrap_or(run));
        i = j;
    }
    out
}

/// One number recognised and masked, or None.
fn recognise(token: &str) -> Option<String> {
    let n = identity::normalise(token);
    let all_digits = !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit());
    match n.len() {
        18 => ResidentId::parse(&n)
            .map(|id| id.masked())
            .ok()
            .or_else(|| CreditCode::parse(&n).ok().map(|_| mask_middle(&n, 6, 4))),
        15 if all_digits && old_id_date(&n) => Some(mask_middle(&n, 6, 3)),
        11 if all_digits && n.starts_with('1') && matches!(n.as_bytes()[1], b'3'..=b'9') => {
            Some(mask_phone(&n))
        }
        10..=12 if all_digits && n.starts_with('0') => identity::parse_phone(token)
            .ok()
            .filter(|p| p.starts_with('0'))
            .map(|p| mask_phone(&p)),
        _ => None,
    }
}

/// An old 15-digit ID: positions 7–12 are a real birth date `YYMMDD` of the 1900s.
fn old_id_date(n: &str) -> bool {
    let d = |r: std::ops::Range<usize>| n[r].parse::<u32>().ok();
    !n.starts_with('0')
        && matches!(
            (d(6..8), d(8..10), d(10..12)),
            (Some(y), Some(m), Some(day)) if NaiveDate::from_ymd_opt(1900 + y as i32, m, day).is_some()
        )
}

/// `keep_start` and `keep_end` characters kept, the rest starred out (ASCII input).
fn mask_middle(n: &str, keep_start: usize, keep_end: usize) -> String {
    let hidden = n.len().saturating_sub(keep_start + keep_end);
    format!(
        "{}{}{}",
        &n[..keep_start],
        "*".repeat(hidden),
        &n[n.len() - keep_end..]
    )
}

/// Free text about a case as it leaves masked: the personal addresses of the case's own
/// parties wherever the text quotes them, then every recognisable number (`mask_free_text`).
pub fn mask_case_text(text: &str, parties: &[Party]) -> String {
    let addresses: Vec<&str> = parties
        .iter()
        .filter_map(Party::person)
        .map(|p| p.address.as_str())
        .collect();
    mask_free_text(&mask_addresses(text, &addresses))
}

fn mask_addresses(text: &str, addresses: &[&str]) -> String {
    let mut out = text.to_string();
    for a in addresses {
        let a = a.trim();
        // A short "address" (a village name alone) is not personal and would mask too much.
        if a.chars().count() >= 6 && out.contains(a) {
            out = out.replace(a, &mask_address(a));
        }
    }
    out
}

/// An audit entry's detail (JSON text) as shown without `--full`: inside every person
/// (an object with an `id_no`) the ID, phone, address and birth date are masked, and every
/// other text is masked like free text, with the persons' addresses masked wherever quoted.
/// Organisations' registration data stays whole, as in lists. Text that is not JSON is
/// masked as free text.
pub fn mask_audit_detail(detail: &str) -> String {
    let Ok(mut v) = serde_json::from_str::<serde_json::Value>(detail) else {
        return mask_free_text(detail);
    };
    mask_json_value(&mut v);
    v.to_string()
}

/// JSON about cases (an audit detail, `case show --json`) masked as [`mask_audit_detail`]
/// describes.
pub fn mask_json_value(v: &mut serde_json::Value) {
    let mut addresses = Vec::new();
    collect_addresses(v, &mut addresses);
    let refs: Vec<&str> = addresses.iter().map(String::as_str).collect();
    mask_json(v, &refs);
}

fn is_person(o: &serde_json::Map<String, serde_json::Value>) -> bool {
    o.contains_key("id_no") || o.contains_key("operator_id_no")
}

fn collect_addresses(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(o) => {
            if is_person(o) {
                if let Some(a) = o.get("address").and_then(|a| a.as_str()) {
                    out.push(a.to_string());
                }
            }
            o.values().for_each(|x| collect_addresses(x, out));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_addresses(x, out)),
        _ => {}
    }
}

fn mask_json(v: &mut serde_json::Value, addresses: &[&str]) {
    use serde_json::Value;
    match v {
        Value::Object(o) => {
            let person = is_person(o);
            for (k, x) in o.iter_mut() {
                match (person, k.as_str(), x.as_str()) {
                    (true, "id_no" | "operator_id_no", Some(id)) => {
                        let masked = ResidentId::parse(id)
                            .map(|i| i.masked())
                            .unwrap_or_else(|_| mask_middle_chars(id));
                        *x = Value::String(masked);
                    }
                    (true, "phone", Some(p)) if !p.is_empty() => *x = Value::String(mask_phone(p)),
                    (true, "address", Some(a)) => *x = Value::String(mask_address(a)),
                    (true, "birth_date", Some(_)) => *x = Value::String("****".into()),
                    (false, "credit_code", Some(_)) => {}
                    _ => mask_json(x, addresses),
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| mask_json(x, addresses)),
        Value::String(s) => *s = mask_free_text(&mask_addresses(s, addresses)),
        _ => {}
    }
}

/// An ID that does not parse (kept in old data): all but the first 6 and last 4 hidden.
fn mask_middle_chars(id: &str) -> String {
    let chars: Vec<char> = id.chars().collect();
    if chars.len() <= 10 {
        return "*".repeat(chars.len());
    }
    let mut out: String = chars[..6].iter().collect();
    out.push_str(&"*".repeat(chars.len() - 10));
    out.extend(&chars[chars.len() - 4..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_person_is_masked_an_organisation_is_not() {
        let person = Party::Person(
            Person::new(
                "刘长海",
                None,
                None,
                "220122198001010018",
                "合隆镇东岗村3组",
                "13812345678",
            )
            .unwrap(),
        );
        let shown = shown_party(&person, false);
        assert_eq!(shown.id_number, "220122********0018");
        assert_eq!(shown.phone, "138****5678");
        assert_eq!(shown.address, "合隆镇****");
        let full = shown_party(&person, true);
        assert_eq!(full.id_number, "220122198001010018");
        assert_eq!(full.address, "合隆镇东岗村3组");
    }

    #[test]
    fn addresses_stop_at_the_village() {
        assert_eq!(mask_address("合隆镇陈家店村三组12号"), "合隆镇****");
        assert_eq!(mask_address("吉林省农安县合隆镇"), "吉林省农安县合隆镇****");
        assert_eq!(mask_address("某处某号"), "某处某号****");
    }

    const ID: &str = "220122198001010018";

    #[test]
    fn numbers_in_free_text_are_masked_wherever_typed() {
        let facts = format!(
            "当事人刘某（身份证号{ID}，电话13812345678，座机0431-88881234）\
             受某公司（统一社会信用代码91220122MA0000000D）雇佣，旧证号220122800101001。"
        );
        let m = mask_free_text(&facts);
        for whole in [
            ID,
            "13812345678",
            "0431-88881234",
            "91220122MA0000000D",
            "220122800101001",
        ] {
            assert!(!m.contains(whole), "{whole} left in {m}");
        }
        assert!(m.contains("220122********0018"), "{m}");
        assert!(m.contains("138****5678"), "{m}");
        assert!(m.contains("0431-****1234"), "{m}");
        assert!(m.contains("912201********000D"), "{m}");
        assert!(m.contains("220122******001"), "{m}");
        // Grouped, full-width, glued to letters.
        for typed in [
            "138 1234 5678",
            "138-1234-5678",
            "１３８１２３４５６７８",
            "ID220122198001010018号",
        ] {
            let m = mask_free_text(typed);
            assert!(
                !identity::normalise(&m).contains("12345678")
                    && !identity::normalise(&m).contains("19800101"),
                "{typed} → {m}"
            );
        }
    }

    #[test]
    fn free_text_keeps_amounts_dates_and_case_numbers() {
        for keep in [
            "罚款 80000 元，于 2026-06-01 缴纳",
            "合综执罚决〔2026〕12号",
            "面积 12345678 平方米",
            "校验位错误的号码 220122198001010019",
            "序号 123456789012345678901",
        ] {
            assert_eq!(mask_free_text(keep), keep);
        }
    }

    #[test]
    fn case_text_masks_the_parties_addresses() {
        let person = Party::Person(
            Person::new("刘长海", None, None, ID, "合隆镇东岗村3组12号", "").unwrap(),
        );
        let m = mask_case_text("当事人住合隆镇东岗村3组12号，在村东焚烧秸秆", &[person]);
        assert_eq!(m, "当事人住合隆镇****，在村东焚烧秸秆");
    }

    #[test]
    fn audit_details_mask_persons_not_organisations() {
        let detail = serde_json::json!({ "after": { "parties": [
            { "type": "person", "name": "刘长海", "sex": "男", "birth_date": "1980-01-01",
              "id_no": ID, "address": "合隆镇东岗村3组12号", "phone": "13812345678" },
            { "type": "organisation", "name": "某公司", "credit_code": "91220122MA0000000D",
              "legal_rep": "王某", "address": "合隆镇工业园区8号", "phone": "0431-88881234" }
        ], "facts": "刘长海住合隆镇东岗村3组12号，电话13812345678" } })
        .to_string();
        let m = mask_audit_detail(&detail);
        for whole in [ID, "13812345678", "东岗村3组12号", "1980-01-01"] {
            assert!(!m.contains(whole), "{whole} left in {m}");
        }
        assert!(
            m.contains("91220122MA0000000D") && m.contains("合隆镇工业园区8号"),
            "{m}"
        );
        assert_eq!(mask_audit_detail("电话13812345678"), "电话138****5678");
    }

    proptest! {
        /// Free-text masking never panics, keeps text without digits as it is, and leaves
        /// no valid resident ID whole.
        #[test]
        fn free_text_masking_is_total(
            prefix in "[^0-9A-Za-z０-９Ａ-Ｚａ-ｚ]{0,20}",
            suffix in "[^0-9A-Za-z０-９Ａ-Ｚａ-ｚ]{0,20}",
            noise in "\\PC{0,40}",
        ) {
            let m = mask_free_text(&format!("{prefix}{ID}{suffix}"));
            prop_assert!(!m.contains(ID));
            prop_assert_eq!(mask_free_text(&prefix), prefix.clone());
            let _ = mask_free_text(&noise);
        }

        /// Address masking never panics on any text and never keeps the part after the
        /// first place word.
        #[test]
        fn address_masking_is_total(prefix in "\\PC{0,10}", rest in "[0-9一二三组号]{1,10}") {
            let a = format!("{prefix}东岗村{rest}");
            let m = mask_address(&a);
            prop_assert!(m.ends_with("****"));
            prop_assert!(!m.contains(&rest) || prefix.contains(&rest));
        }
    }
}
