//! 过错责任 (fault accountability) categories as the statutes set them: 行政处罚法 Art 76–83
//! and 行政强制法 Art 61–64 (article numbers checked against `../shared/laws/`).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultCategory {
    /// Art 76: no basis, changed type or range, breach of procedure, unlawful delegation,
    /// officer without certificate, eligible case not filed promptly.
    UnlawfulPenalty,
    /// Art 77: no receipt or an unofficial one.
    NoReceipt,
    /// Art 78: the agency collected fines itself / finance returned fines.
    SelfCollection,
    /// Art 79: fines or confiscated goods retained or shared out; bribes.
    Embezzlement,
    /// Art 80: seized property used or damaged.
    SeizedPropertyMisuse,
    /// Art 81: unlawful inspection or execution causing harm.
    UnlawfulInspection,
    /// Art 82: a crime not transferred to the judicial organs.
    NotTransferred,
    /// Art 83: a violation not stopped or punished (omission).
    Omission,
    /// 行政强制法 Art 61: coercion without basis, changed object/conditions/manner, etc.
    UnlawfulCoercion,
    /// 行政强制法 Art 62: unrelated property seized, seized property used or damaged.
    UnlawfulSeizure,
    /// 行政强制法 Art 63: seized property or proceeds retained or shared out.
    CoercionEmbezzlement,
    /// 行政强制法 Art 64: coercive power used for gain.
    CoercionForGain,
}

impl FaultCategory {
    pub const ALL: [FaultCategory; 12] = [
        FaultCategory::UnlawfulPenalty,
        FaultCategory::NoReceipt,
        FaultCategory::SelfCollection,
        FaultCategory::Embezzlement,
        FaultCategory::SeizedPropertyMisuse,
        FaultCategory::UnlawfulInspection,
        FaultCategory::NotTransferred,
        FaultCategory::Omission,
        FaultCategory::UnlawfulCoercion,
        FaultCategory::UnlawfulSeizure,
        FaultCategory::CoercionEmbezzlement,
        FaultCategory::CoercionForGain,
    ];

    pub fn article(self) -> &'static str {
        match self {
            FaultCategory::UnlawfulPenalty => "行政处罚法第七十六条",
            FaultCategory::NoReceipt => "行政处罚法第七十七条",
            FaultCategory::SelfCollection => "行政处罚法第七十八条",
            FaultCategory::Embezzlement => "行政处罚法第七十九条",
            FaultCategory::SeizedPropertyMisuse => "行政处罚法第八十条",
            FaultCategory::UnlawfulInspection => "行政处罚法第八十一条",
            FaultCategory::NotTransferred => "行政处罚法第八十二条",
            FaultCategory::Omission => "行政处罚法第八十三条",
            FaultCategory::UnlawfulCoercion => "行政强制法第六十一条",
            FaultCategory::UnlawfulSeizure => "行政强制法第六十二条",
            FaultCategory::CoercionEmbezzlement => "行政强制法第六十三条",
            FaultCategory::CoercionForGain => "行政强制法第六十四条",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            FaultCategory::UnlawfulPenalty => {
                "违法实施处罚（无依据、越权、违反程序、无证执法、不及时立案）"
            }
            FaultCategory::NoReceipt => "未使用或使用非法定罚没单据",
            FaultCategory::SelfCollection => "自行收缴罚款",
            FaultCategory::Embezzlement => "截留私分罚没款物",
            FaultCategory::SeizedPropertyMisuse => "使用或损毁查封扣押财物",
            FaultCategory::UnlawfulInspection => "违法检查或执行造成损害",
            FaultCategory::NotTransferred => "应移送司法机关而不移送",
            FaultCategory::Omission => "应制止处罚而不制止处罚",
            FaultCategory::UnlawfulCoercion => "违法实施行政强制",
            FaultCategory::UnlawfulSeizure => "违法查封扣押",
            FaultCategory::CoercionEmbezzlement => "截留私分查封扣押财物或款项",
            FaultCategory::CoercionForGain => "利用行政强制权谋取利益",
        }
    }

    /// By code (`unlawful_penalty`), article number (`76`, `强制61`) or name.
    pub fn parse(s: &str) -> Option<FaultCategory> {
        let s = s.trim();
        FaultCategory::ALL.into_iter().find(|c| {
            crate::serde_name(c) == s || c.name() == s || c.article() == s || article_short(*c) == s
        })
    }
}

fn article_short(c: FaultCategory) -> &'static str {
    match c {
        FaultCategory::UnlawfulPenalty => "76",
        FaultCategory::NoReceipt => "77",
        FaultCategory::SelfCollection => "78",
        FaultCategory::Embezzlement => "79",
        FaultCategory::SeizedPropertyMisuse => "80",
        FaultCategory::UnlawfulInspection => "81",
        FaultCategory::NotTransferred => "82",
        FaultCategory::Omission => "83",
        FaultCategory::UnlawfulCoercion => "强制61",
        FaultCategory::UnlawfulSeizure => "强制62",
        FaultCategory::CoercionEmbezzlement => "强制63",
        FaultCategory::CoercionForGain => "强制64",
    }
}

/// A 过错责任 record: the case, the officers, the category, the finding and the outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaultRecord {
    pub id: i64,
    pub case_id: i64,
    pub officers: Vec<i64>,
    pub category: FaultCategory,
    pub finding: String,
    /// 处理结果 (批评教育、诫勉谈话、处分 …); empty while pending.
    pub outcome: String,
    pub date: chrono::NaiveDate,
    pub recorded_by: i64,
}
