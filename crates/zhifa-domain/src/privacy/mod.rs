//! Personal data shown by default: resident ID numbers, phone numbers and personal addresses
//! masked wherever a list, a search result or an export shows them (个人信息保护法 Art 6:
//! no more than the purpose needs). Organisations' credit codes and addresses are public
//! registration data and stay whole. Full data is for the case detail on request (recorded)
//! and for documents that must carry it.

mod free_text;

pub use free_text::mask_free_text;

use super::case::party::Person;
use super::case::Party;
use super::identity::{mask_phone, ResidentId};

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
