//! The enforcing agency's own settings, printed on every document and case number.

use serde::{Deserialize, Serialize};

use super::text;

/// Default case-number pattern (legal-rules.md §4.3, tagged M, so it is a setting):
/// `合综执立〔2026〕12号`.
pub const DEFAULT_CASE_NO_PATTERN: &str = "{简称}综执{文书代字}〔{年}〕{序号}号";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agency {
    /// Township name, e.g. 合隆镇.
    pub township: String,
    /// Full name of the agency as it signs documents (机关全称), e.g. 合隆镇人民政府.
    pub full_name: String,
    /// Short name used in case numbers (简称), e.g. 合.
    pub abbr: String,
    pub address: String,
    pub phone: String,
    /// The 复议机关: for a township government, the county government (复议法 2023 Art 24(1)(二)).
    pub review_body: String,
    /// The local basic people's court, named in remedy notices and enforcement applications.
    pub court: String,
    pub case_no_pattern: String,
    /// The agency's 法定代表人 (for a township government, the 乡镇长), named on the
    /// 强制执行申请书 (行政强制法 Art 55). Empty until set: it cannot be guessed.
    #[serde(default)]
    pub legal_rep: String,
    /// The bank that collects fines (罚缴分离, 行政处罚法 Art 67), named on a decision whose
    /// own payment place is empty (the on-the-spot decision) and on the execution papers.
    #[serde(default)]
    pub payment_bank: String,
    /// The account fines are paid into at that bank.
    #[serde(default)]
    pub payment_account: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AgencyError {
    #[error("{field}不能为空：{hint}")]
    Empty {
        field: &'static str,
        hint: &'static str,
    },
    #[error("{0}")]
    Text(#[from] text::TextError),
    #[error("简称“{0}”不合适：简称用于案号，应为 1 至 4 个汉字，例如“合”")]
    BadAbbr(String),
    #[error("案号格式须包含 {{序号}} 和 {{年}}，例如 {}", DEFAULT_CASE_NO_PATTERN)]
    BadPattern,
    #[error("未知的设置项“{0}”，可用：{1}")]
    UnknownKey(String, String),
}

/// Setting keys that [`Agency::set`] accepts, with their Chinese names.
pub const AGENCY_KEYS: [(&str, &str); 11] = [
    ("township", "乡镇名称"),
    ("full_name", "机关全称"),
    ("abbr", "简称"),
    ("address", "地址"),
    ("phone", "电话"),
    ("review_body", "复议机关"),
    ("court", "人民法院"),
    ("case_no_pattern", "案号格式"),
    ("legal_rep", "法定代表人"),
    ("payment_bank", "代收罚款银行"),
    ("payment_account", "罚款缴款账号"),
];

fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

impl Agency {
    /// A new agency with documents signed by `{township}人民政府` and the default pattern.
    /// The county's review body and court are left empty until set (they cannot be guessed).
    pub fn new(township: &str, abbr: &str) -> Result<Self, AgencyError> {
        let township = township.trim();
        let agency = Agency {
            township: township.to_string(),
            full_name: format!("{township}人民政府"),
            abbr: abbr.trim().to_string(),
            address: String::new(),
            phone: String::new(),
            review_body: String::new(),
            court: String::new(),
            case_no_pattern: DEFAULT_CASE_NO_PATTERN.to_string(),
            legal_rep: String::new(),
            payment_bank: String::new(),
            payment_account: String::new(),
        };
        agency.check()?;
        Ok(agency)
    }

    /// Fills the county's review body (county government) and court from the county name.
    pub fn with_county(mut self, county: &str) -> Self {
        let county = county.trim();
        if !county.is_empty() {
            self.review_body = format!("{county}人民政府");
            self.court = format!("{county}人民法院");
        }
        self
    }

    pub fn check(&self) -> Result<(), AgencyError> {
        if self.township.is_empty() {
            return Err(AgencyError::Empty {
                field: "乡镇名称",
                hint: "例如 --township 合隆镇",
            });
        }
        if self.full_name.is_empty() {
            return Err(AgencyError::Empty {
                field: "机关全称",
                hint: "例如 合隆镇人民政府",
            });
        }
        for (field, value, kind) in [
            ("乡镇名称", &self.township, text::NAME),
            ("机关全称", &self.full_name, text::TITLE),
            ("简称", &self.abbr, text::NAME),
            ("地址", &self.address, text::PLACE),
            ("电话", &self.phone, text::CODE),
            ("复议机关", &self.review_body, text::TITLE),
            ("人民法院", &self.court, text::TITLE),
            ("案号格式", &self.case_no_pattern, text::TITLE),
            ("法定代表人", &self.legal_rep, text::NAME),
            ("代收罚款银行", &self.payment_bank, text::TITLE),
            ("罚款缴款账号", &self.payment_account, text::CODE),
        ] {
            text::optional(field, value, kind)?;
        }
        // Case numbers name printed files and folders: the pattern cannot lead out of them.
        text::no_path("案号格式", &self.case_no_pattern)?;
        let n = self.abbr.chars().count();
        if !(1..=4).contains(&n) || !self.abbr.chars().all(is_han) {
            return Err(AgencyError::BadAbbr(self.abbr.clone()));
        }
        if !self.case_no_pattern.contains("{序号}") || !self.case_no_pattern.contains("{年}") {
            return Err(AgencyError::BadPattern);
        }
        Ok(())
    }

    /// Changes one setting by key, checking the result; on error nothing changes.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), AgencyError> {
        let mut next = self.clone();
        let value = value.trim().to_string();
        match key {
            "township" => next.township = value,
            "full_name" => next.full_name = value,
            "abbr" => next.abbr = value,
            "address" => next.address = value,
            "phone" => next.phone = value,
            "review_body" => next.review_body = value,
            "court" => next.court = value,
            "case_no_pattern" => next.case_no_pattern = value,
            "legal_rep" => next.legal_rep = value,
            "payment_bank" => next.payment_bank = value,
            "payment_account" => next.payment_account = value,
            _ => {
                let keys = AGENCY_KEYS.map(|(k, _)| k).join("、");
                return Err(AgencyError::UnknownKey(key.to_string(), keys));
            }
        }
        next.check()?;
        *self = next;
        Ok(())
    }

    /// The settings as (key, Chinese name, value) rows.
    pub fn rows(&self) -> Vec<(&'static str, &'static str, &str)> {
        let values = [
            &self.township,
            &self.full_name,
            &self.abbr,
            &self.address,
            &self.phone,
            &self.review_body,
            &self.court,
            &self.case_no_pattern,
            &self.legal_rep,
            &self.payment_bank,
            &self.payment_account,
        ];
        AGENCY_KEYS
            .iter()
            .zip(values)
            .map(|((k, n), v)| (*k, *n, v.as_str()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_from_township_and_county() {
        let a = Agency::new("合隆镇", "合").unwrap().with_county("农安县");
        assert_eq!(a.full_name, "合隆镇人民政府");
        assert_eq!(a.review_body, "农安县人民政府");
        assert_eq!(a.court, "农安县人民法院");
    }

    #[test]
    fn refuses_bad_settings_without_changing_anything() {
        assert!(matches!(
            Agency::new("", "合"),
            Err(AgencyError::Empty { .. })
        ));
        assert!(matches!(
            Agency::new("合隆镇", "HL"),
            Err(AgencyError::BadAbbr(_))
        ));
        assert!(matches!(
            Agency::new("合隆镇", "合隆镇政府"),
            Err(AgencyError::BadAbbr(_))
        ));
        let mut a = Agency::new("合隆镇", "合").unwrap();
        let before = a.clone();
        assert!(matches!(
            a.set("case_no_pattern", "{简称}〔{年}〕"),
            Err(AgencyError::BadPattern)
        ));
        assert!(matches!(
            a.set("colour", "red"),
            Err(AgencyError::UnknownKey(..))
        ));
        assert_eq!(a, before);
        for (key, bad) in [
            ("case_no_pattern", "{简称}/../{年}{序号}"),
            ("address", "合隆镇\u{1b}[2J"),
            ("court", "农安县\n人民法院"),
        ] {
            assert!(
                matches!(a.set(key, bad), Err(AgencyError::Text(_))),
                "{key}"
            );
        }
        assert_eq!(a, before);
        a.set("phone", "0431-12345678").unwrap();
        assert_eq!(a.phone, "0431-12345678");
    }
}
