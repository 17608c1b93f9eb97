//! 检查对象: the businesses and places inspected, with the credit code checked as a party's
//! is. Built up from inspections, cases and imports; the store keeps them, this checks them.

use serde::{Deserialize, Serialize};

use crate::case::rule::{RuleError, RuleResult};
use crate::field::Field;
use crate::identity::CreditCode;
use crate::text::{self, PLACE, TITLE};

/// The risk grade that sets how often an object is drawn and inspected (分级分类监管).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RiskLevel {
    #[serde(rename = "低风险")]
    Low,
    #[serde(rename = "一般风险")]
    Medium,
    #[serde(rename = "较高风险")]
    High,
    #[serde(rename = "高风险")]
    Severe,
}

impl RiskLevel {
    pub const ALL: [RiskLevel; 4] = [
        RiskLevel::Low,
        RiskLevel::Medium,
        RiskLevel::High,
        RiskLevel::Severe,
    ];

    pub fn name(self) -> String {
        crate::serde_name(&self)
    }

    pub fn parse(s: &str) -> Option<RiskLevel> {
        crate::from_serde_name(s.trim())
    }
}

/// A business or place inspected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InspectionObject {
    /// Row id (0 before the store saves it).
    pub id: i64,
    pub name: String,
    /// 统一社会信用代码; `None` for a place without one (a market square, a river bank).
    pub credit_code: Option<CreditCode>,
    pub address: String,
    pub field: Field,
    pub risk: RiskLevel,
}

/// An object as typed or imported: the credit code as text, checked when given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectInput {
    pub name: String,
    #[serde(default)]
    pub credit_code: String,
    pub address: String,
    pub field: Field,
    pub risk: RiskLevel,
}

impl ObjectInput {
    /// The checked object: name and address required, the credit code checked (GB 32100) when
    /// given, with the check's Chinese message.
    pub fn into_object(self) -> RuleResult<InspectionObject> {
        let name = text::checked("检查对象名称", &self.name, TITLE)?;
        let address = text::checked("检查对象地址", &self.address, PLACE)?;
        let code = text::optional("统一社会信用代码", &self.credit_code, TITLE)?;
        let credit_code = if code.is_empty() {
            None
        } else {
            Some(CreditCode::parse(&code).map_err(|e| RuleError::input(e.to_string()))?)
        };
        Ok(InspectionObject {
            id: 0,
            name,
            credit_code,
            address,
            field: self.field,
            risk: self.risk,
        })
    }
}
