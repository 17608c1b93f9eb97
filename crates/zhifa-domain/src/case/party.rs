//! Parties (当事人): natural persons, organisations and individual businesses, with their
//! identity numbers checked (GB 11643 resident ID, GB 32100 unified credit code).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::catalog::PartyType;
use crate::identity::{self, CreditCode, ResidentId};
use crate::text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sex {
    #[serde(rename = "男")]
    Male,
    #[serde(rename = "女")]
    Female,
}

impl Sex {
    pub fn name(self) -> &'static str {
        match self {
            Sex::Male => "男",
            Sex::Female => "女",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    pub sex: Sex,
    pub birth_date: NaiveDate,
    pub id_no: ResidentId,
    pub address: String,
    pub phone: String,
    /// 工作单位 (and post), as the 询问笔录 records it; empty when none was given.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub employer: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    pub name: String,
    pub credit_code: CreditCode,
    /// 法定代表人或负责人.
    pub legal_rep: String,
    pub address: String,
    pub phone: String,
}

/// 有字号的个体工商户: the 字号 is the party, with the operator's details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndividualBusiness {
    pub trade_name: String,
    pub credit_code: Option<CreditCode>,
    pub operator: Person,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Party {
    Person(Person),
    Organisation(Organisation),
    Business(IndividualBusiness),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PartyError {
    #[error("当事人{0}不能为空")]
    Empty(&'static str),
    #[error("{0}")]
    Id(#[from] identity::IdError),
    #[error("{0}")]
    CreditCode(#[from] identity::CreditCodeError),
    #[error("{0}")]
    Phone(#[from] identity::PhoneError),
    #[error("出生日期 {given} 与身份证号码中的出生日期 {from_id} 不一致，请核对")]
    BirthMismatch {
        given: NaiveDate,
        from_id: NaiveDate,
    },
    #[error("性别与身份证号码第 17 位不一致（号码显示为{0}），请核对")]
    SexMismatch(&'static str),
    #[error("{0}")]
    Text(#[from] text::TextError),
}

/// A required text of a party, checked like every text entering the domain.
fn require(field: &'static str, v: &str, kind: text::TextKind) -> Result<(), PartyError> {
    text::checked(field, v, kind)?;
    Ok(())
}

impl Person {
    /// Builds a person from what a clerk typed, checking the ID number's checksum and that
    /// the birth date and sex agree with it. The birth date may be omitted (taken from the ID).
    pub fn new(
        name: &str,
        sex: Option<Sex>,
        birth_date: Option<NaiveDate>,
        id_no: &str,
        address: &str,
        phone: &str,
    ) -> Result<Person, PartyError> {
        require("当事人姓名", name, text::NAME)?;
        let id = ResidentId::parse(id_no)?;
        let (y, m, d) = id.birth_date();
        let from_id = NaiveDate::from_ymd_opt(y, m, d).ok_or(PartyError::Empty("出生日期"))?;
        if let Some(given) = birth_date.filter(|g| *g != from_id) {
            return Err(PartyError::BirthMismatch { given, from_id });
        }
        let id_sex = if id.is_male() { Sex::Male } else { Sex::Female };
        if sex.is_some_and(|s| s != id_sex) {
            return Err(PartyError::SexMismatch(id_sex.name()));
        }
        require("当事人地址", address, text::PLACE)?;
        let phone = if phone.trim().is_empty() {
            String::new()
        } else {
            identity::parse_phone(phone)?
        };
        Ok(Person {
            name: name.trim().to_string(),
            sex: id_sex,
            birth_date: from_id,
            id_no: id,
            address: address.trim().to_string(),
            phone,
            employer: String::new(),
        })
    }

    /// Age in whole years on `date` (行政处罚法 Art 30 looks at the age at the act).
    pub fn age_on(&self, date: NaiveDate) -> i32 {
        let mut age = date.year() - self.birth_date.year();
        if (date.month(), date.day()) < (self.birth_date.month(), self.birth_date.day()) {
            age -= 1;
        }
        age
    }
}

impl Organisation {
    pub fn new(
        name: &str,
        credit_code: &str,
        legal_rep: &str,
        address: &str,
        phone: &str,
    ) -> Result<Organisation, PartyError> {
        require("单位名称", name, text::TITLE)?;
        require("法定代表人或负责人", legal_rep, text::NAME)?;
        require("当事人地址", address, text::PLACE)?;
        let phone = if phone.trim().is_empty() {
            String::new()
        } else {
            identity::parse_phone(phone)?
        };
        Ok(Organisation {
            name: name.trim().to_string(),
            credit_code: CreditCode::parse(credit_code)?,
            legal_rep: legal_rep.trim().to_string(),
            address: address.trim().to_string(),
            phone,
        })
    }
}

impl Party {
    /// Which statutory range applies: individuals (and individual businesses through their
    /// operator) or organisations.
    pub fn party_type(&self) -> PartyType {
        match self {
            Party::Person(_) | Party::Business(_) => PartyType::Individual,
            Party::Organisation(_) => PartyType::Organisation,
        }
    }

    /// The name as printed on documents: person's name, organisation's name, or
    /// `字号（经营者：姓名）`.
    pub fn display_name(&self) -> String {
        match self {
            Party::Person(p) => p.name.clone(),
            Party::Organisation(o) => o.name.clone(),
            Party::Business(b) => format!("{}（经营者：{}）", b.trade_name, b.operator.name),
        }
    }

    /// The identity number (ID card or credit code).
    pub fn id_number(&self) -> &str {
        match self {
            Party::Person(p) => p.id_no.as_str(),
            Party::Organisation(o) => o.credit_code.as_str(),
            Party::Business(b) => b
                .credit_code
                .as_ref()
                .map(CreditCode::as_str)
                .unwrap_or_else(|| b.operator.id_no.as_str()),
        }
    }

    pub fn address(&self) -> &str {
        match self {
            Party::Person(p) => &p.address,
            Party::Organisation(o) => &o.address,
            Party::Business(b) => &b.operator.address,
        }
    }

    /// The natural person behind the party, if any (for the age rules of Art 30).
    pub fn person(&self) -> Option<&Person> {
        match self {
            Party::Person(p) => Some(p),
            Party::Business(b) => Some(&b.operator),
            Party::Organisation(_) => None,
        }
    }
}

/// A party as typed in a form or a file: identity numbers as text, checked on conversion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum PartyInput {
    Person {
        name: String,
        #[serde(default)]
        sex: Option<Sex>,
        #[serde(default)]
        birth_date: Option<NaiveDate>,
        id_no: String,
        address: String,
        #[serde(default)]
        phone: String,
        /// 工作单位 (optional).
        #[serde(default)]
        employer: String,
    },
    Organisation {
        name: String,
        credit_code: String,
        legal_rep: String,
        address: String,
        #[serde(default)]
        phone: String,
    },
    Business {
        trade_name: String,
        #[serde(default)]
        credit_code: String,
        operator_name: String,
        operator_id_no: String,
        address: String,
        #[serde(default)]
        phone: String,
    },
}

impl PartyInput {
    pub fn into_party(self) -> Result<Party, PartyError> {
        Ok(match self {
            PartyInput::Person {
                name,
                sex,
                birth_date,
                id_no,
                address,
                phone,
                employer,
            } => {
                let mut p = Person::new(&name, sex, birth_date, &id_no, &address, &phone)?;
                text::optional("工作单位", &employer, text::PLACE)?;
                p.employer = employer.trim().to_string();
                Party::Person(p)
            }
            PartyInput::Organisation {
                name,
                credit_code,
                legal_rep,
                address,
                phone,
            } => Party::Organisation(Organisation::new(
                &name,
                &credit_code,
                &legal_rep,
                &address,
                &phone,
            )?),
            PartyInput::Business {
                trade_name,
                credit_code,
                operator_name,
                operator_id_no,
                address,
                phone,
            } => {
                require("字号", &trade_name, text::TITLE)?;
                let credit_code = if credit_code.trim().is_empty() {
                    None
                } else {
                    Some(CreditCode::parse(&credit_code)?)
                };
                Party::Business(IndividualBusiness {
                    trade_name: trade_name.trim().to_string(),
                    credit_code,
                    operator: Person::new(
                        &operator_name,
                        None,
                        None,
                        &operator_id_no,
                        &address,
                        &phone,
                    )?,
                })
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::fixtures::with_check_digit;

    #[test]
    fn person_input_checks_the_id_and_derives_birth_and_sex() {
        let id = with_check_digit("22012219800101001");
        let p = PartyInput::Person {
            name: "刘某".into(),
            sex: None,
            birth_date: None,
            id_no: id.clone(),
            address: "合隆镇".into(),
            phone: "138 1234 5678".into(),
            employer: " 农安县合隆镇某某农机合作社 ".into(),
        }
        .into_party()
        .unwrap();
        let Party::Person(p) = p else { panic!() };
        assert_eq!(p.birth_date, NaiveDate::from_ymd_opt(1980, 1, 1).unwrap());
        assert_eq!(p.sex, Sex::Male, "17th digit 1 is odd");
        assert_eq!(p.phone, "13812345678");
        assert_eq!(p.employer, "农安县合隆镇某某农机合作社");
    }

    #[test]
    fn mismatches_and_bad_checksums_are_refused_with_the_reason() {
        let id = with_check_digit("22012219800101001");
        let mut bad = id.clone();
        bad.replace_range(17..18, if id.ends_with('0') { "1" } else { "0" });
        let e = Person::new("刘某", None, None, &bad, "合隆镇", "").unwrap_err();
        assert!(e.to_string().contains("18"), "{e}");
        let e = Person::new("刘某", Some(Sex::Female), None, &id, "合隆镇", "").unwrap_err();
        assert!(matches!(e, PartyError::SexMismatch(_)));
        let e = Person::new(
            "刘某",
            None,
            NaiveDate::from_ymd_opt(1981, 1, 1),
            &id,
            "合隆镇",
            "",
        )
        .unwrap_err();
        assert!(matches!(e, PartyError::BirthMismatch { .. }));
        let e = Person::new("", None, None, &id, "合隆镇", "").unwrap_err();
        assert!(matches!(
            e,
            PartyError::Text(text::TextError::Empty("当事人姓名"))
        ));
    }

    #[test]
    fn full_width_id_numbers_are_normalised() {
        let id = with_check_digit("22012219800101001");
        let full: String = id
            .chars()
            .map(|c| {
                char::from_u32(c as u32 - '0' as u32 + '０' as u32)
                    .filter(|_| c.is_ascii_digit())
                    .unwrap_or(c)
            })
            .collect();
        let p = Person::new("刘某", None, None, &full, "合隆镇", "").unwrap();
        assert_eq!(p.id_no.as_str(), id);
    }
}
