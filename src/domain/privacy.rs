//! Personal data shown by default: resident ID numbers, phone numbers and personal addresses
//! masked wherever a list, a search result or an export shows them (个人信息保护法 Art 6:
//! no more than the purpose needs). Organisations' credit codes and addresses are public
//! registration data and stay whole. Full data is for the case detail on request (recorded)
//! and for documents that must carry it.

use super::case::party::Person;
use super::identity::mask_phone;

/// The audit action recorded when someone sees a case's full personal data.
pub const PERSONAL_DATA_VIEWED: &str = "查看完整个人信息";
use super::case::Party;

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
