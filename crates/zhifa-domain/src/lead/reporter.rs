//! The reporter (举报人): anonymous or named, with the numbers checked as a party's are. The
//! reporter's identity is confidential: lists show it masked ([`shown_reporter`]), and nothing
//! the party sees carries it ([`super::printing::for_party`]).

use serde::{Deserialize, Serialize};

use crate::case::rule::{RuleError, RuleResult};
use crate::identity::{mask_phone, parse_phone, ResidentId};
use crate::privacy::mask_address;
use crate::text;

/// Who reported the matter. Only a complaint has one; every other source is `Anonymous`
/// in the sense of "no reporter to protect or to answer".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Reporter {
    Anonymous,
    Named(ReporterIdentity),
}

/// A named reporter's identity. Confidential: it is kept for the reply and the file, and
/// never printed on what the party sees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReporterIdentity {
    pub name: String,
    /// Normalised phone (`parse_phone`), empty when none was given.
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub id_no: Option<ResidentId>,
    #[serde(default)]
    pub address: String,
}

/// A reporter as typed: every field optional but the name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReporterInput {
    pub name: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub id_no: String,
    #[serde(default)]
    pub address: String,
}

impl ReporterInput {
    /// The checked reporter: the name required, the phone and ID number checked when given
    /// (the same checks as a party's), with Chinese messages naming the field.
    pub fn into_reporter(self) -> RuleResult<Reporter> {
        let name = text::checked("举报人姓名", &self.name, text::NAME)?;
        let phone = text::optional("举报人电话", &self.phone, text::CODE)?;
        let phone = if phone.is_empty() {
            phone
        } else {
            parse_phone(&phone).map_err(|e| RuleError::input(format!("举报人电话：{e}")))?
        };
        let id_no = text::optional("举报人身份证号码", &self.id_no, text::CODE)?;
        let id_no = if id_no.is_empty() {
            None
        } else {
            Some(
                ResidentId::parse(&id_no)
                    .map_err(|e| RuleError::input(format!("举报人身份证号码：{e}")))?,
            )
        };
        let address = text::optional("举报人地址", &self.address, text::PLACE)?;
        Ok(Reporter::Named(ReporterIdentity {
            name,
            phone,
            id_no,
            address,
        }))
    }
}

impl Reporter {
    pub fn identity(&self) -> Option<&ReporterIdentity> {
        match self {
            Reporter::Anonymous => None,
            Reporter::Named(r) => Some(r),
        }
    }

    /// Whether there is someone to reply to.
    pub fn is_named(&self) -> bool {
        self.identity().is_some()
    }
}

/// The reporter as a list, search result or export shows it: surname only, masked numbers
/// and address; whole only for the lead's detail on request (`full`), which the caller
/// records in the audit log as for a party's data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShownReporter {
    pub name: String,
    pub phone: String,
    pub id_number: String,
    pub address: String,
}

pub fn shown_reporter(reporter: &Reporter, full: bool) -> ShownReporter {
    let Some(r) = reporter.identity() else {
        return ShownReporter {
            name: "匿名".into(),
            phone: String::new(),
            id_number: String::new(),
            address: String::new(),
        };
    };
    if full {
        return ShownReporter {
            name: r.name.clone(),
            phone: r.phone.clone(),
            id_number: r
                .id_no
                .as_ref()
                .map(|i| i.as_str().to_string())
                .unwrap_or_default(),
            address: r.address.clone(),
        };
    }
    let surname: String = r.name.chars().take(1).collect();
    ShownReporter {
        name: format!("{surname}**"),
        phone: if r.phone.is_empty() {
            String::new()
        } else {
            mask_phone(&r.phone)
        },
        id_number: r.id_no.as_ref().map(ResidentId::masked).unwrap_or_default(),
        address: mask_address(&r.address),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::fixtures::with_check_digit;

    fn input(name: &str, phone: &str, id: &str) -> ReporterInput {
        ReporterInput {
            name: name.into(),
            phone: phone.into(),
            id_no: id.into(),
            address: "合隆镇陈家村三组12号".into(),
        }
    }

    #[test]
    fn a_reporter_is_checked_like_a_party() {
        let id = with_check_digit("22012219800101123");
        let r = input("刘举", "138 1234 5678", &id).into_reporter().unwrap();
        let who = r.identity().unwrap();
        assert_eq!(who.phone, "13812345678");
        assert_eq!(who.id_no.as_ref().unwrap().as_str(), id);
        let bad_id = input("刘举", "", "220122198001011230")
            .into_reporter()
            .unwrap_err();
        assert!(bad_id.message.contains("举报人身份证号码"), "{bad_id}");
        let bad_phone = input("刘举", "12345", "").into_reporter().unwrap_err();
        assert!(bad_phone.message.contains("举报人电话"), "{bad_phone}");
        let no_name = input(" ", "", "").into_reporter().unwrap_err();
        assert!(no_name.message.contains("举报人姓名"), "{no_name}");
    }

    #[test]
    fn lists_show_the_reporter_masked_and_the_anonymous_as_such() {
        let id = with_check_digit("22012219800101123");
        let r = input("刘举", "13812345678", &id).into_reporter().unwrap();
        let shown = shown_reporter(&r, false);
        assert_eq!(shown.name, "刘**");
        assert_eq!(shown.phone, "138****5678");
        assert!(!shown.id_number.contains("19800101"));
        assert!(!shown.address.contains("12号"));
        assert_eq!(shown_reporter(&r, true).id_number, id);
        assert_eq!(shown_reporter(&Reporter::Anonymous, false).name, "匿名");
    }
}
