//! Personal data shown by default: resident ID numbers, phone numbers and personal addresses
//! masked wherever a list, a search result or an export shows them (个人信息保护法 Art 6:
//! no more than the purpose needs). Organisations' credit codes and addresses are public
//! registration data and stay whole. Full data is for the case detail on request (recorded)
//! and for documents that must carry it.

use super::case::party::Person;

/// The audit action recorded when someone sees a case's full personal data.
pub const PERSONAL_DATA_VIEWED: &str = "查看完整个人信息";
use super::case::Party;

/// `220122********1234`: region and check digits kept, the birth date hidden.
pub fn mask_id_number(id: &str) -> String {
    let chars: Vec<char> = id.trim().chars().collect();
    if chars.len() < 10 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..6].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 10))
}

/// `138****5678` for a mobile; a landline keeps its area code and last four digits.
pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.trim().chars().collect();
    if chars.is_empty() {
        return String::new();
    }
    if chars.len() < 8 {
        return "*".repeat(chars.len());
    }
    let keep_head = match chars.iter().position(|c| *c == '-') {
        Some(dash) if dash <= 4 => dash + 1,
        _ => 3,
    };
    let head: String = chars[..keep_head].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - keep_head - 4))
}

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
            id_number: mask_id_number(p.id_no.as_str()),
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn id_numbers_keep_region_and_last_four() {
        assert_eq!(mask_id_number("22012219900307123X"), "220122********123X");
        assert_eq!(mask_id_number("123"), "***");
    }

    #[test]
    fn phones_keep_prefix_and_last_four() {
        assert_eq!(mask_phone("13812345678"), "138****5678");
        assert_eq!(mask_phone("0431-88881234"), "0431-****1234");
        assert_eq!(mask_phone(""), "");
    }

    #[test]
    fn addresses_stop_at_the_village() {
        assert_eq!(mask_address("合隆镇陈家店村三组12号"), "合隆镇****");
        assert_eq!(mask_address("吉林省农安县合隆镇"), "吉林省农安县合隆镇****");
        assert_eq!(mask_address("某处某号"), "某处某号****");
    }

    proptest! {
        /// Masking never reveals the hidden middle and never panics on any text.
        #[test]
        fn masking_hides_the_middle(id in "[0-9]{17}[0-9X]", phone in "1[3-9][0-9]{9}", addr in "\\PC{0,40}") {
            let m = mask_id_number(&id);
            prop_assert_eq!(m.chars().count(), 18);
            prop_assert_eq!(&m[6..14], "********");
            let p = mask_phone(&phone);
            prop_assert_eq!(&p[3..7], "****");
            let _ = mask_address(&addr);
        }
    }
}
