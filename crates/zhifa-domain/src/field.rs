//! The eight enforcement fields (领域) of a township catalog and their sub-fields.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Field {
    #[serde(rename = "城市管理")]
    UrbanManagement,
    #[serde(rename = "规划建设")]
    PlanningConstruction,
    #[serde(rename = "自然资源")]
    NaturalResources,
    #[serde(rename = "农业农村")]
    Agriculture,
    #[serde(rename = "林业")]
    Forestry,
    #[serde(rename = "水利")]
    WaterResources,
    #[serde(rename = "生态环境")]
    Environment,
    #[serde(rename = "应急管理")]
    EmergencyManagement,
}

impl Field {
    pub const ALL: [Field; 8] = [
        Field::UrbanManagement,
        Field::PlanningConstruction,
        Field::NaturalResources,
        Field::Agriculture,
        Field::Forestry,
        Field::WaterResources,
        Field::Environment,
        Field::EmergencyManagement,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Field::UrbanManagement => "城市管理",
            Field::PlanningConstruction => "规划建设",
            Field::NaturalResources => "自然资源",
            Field::Agriculture => "农业农村",
            Field::Forestry => "林业",
            Field::WaterResources => "水利",
            Field::Environment => "生态环境",
            Field::EmergencyManagement => "应急管理",
        }
    }

    /// The two letters that start every power code of this field (`CG-001`).
    pub fn code_prefix(self) -> &'static str {
        match self {
            Field::UrbanManagement => "CG",
            Field::PlanningConstruction => "GH",
            Field::NaturalResources => "ZR",
            Field::Agriculture => "NY",
            Field::Forestry => "LY",
            Field::WaterResources => "SL",
            Field::Environment => "HJ",
            Field::EmergencyManagement => "YJ",
        }
    }

    pub fn subfields(self) -> &'static [&'static str] {
        match self {
            Field::UrbanManagement => &["市容环卫", "市政", "园林绿化"],
            Field::PlanningConstruction => &["城乡规划", "村镇建设", "建筑管理", "历史文化"],
            Field::NaturalResources => &["土地", "矿产"],
            Field::Agriculture => &["农药", "种子", "动物防疫", "畜牧", "农产品质量", "农田水利"],
            Field::Forestry => &["森林", "草原", "野生动物", "防火", "湿地"],
            Field::WaterResources => &["水法", "河道", "防洪", "水土保持"],
            Field::Environment => &["大气", "噪声", "固废", "水污染"],
            Field::EmergencyManagement => &["安全生产", "消防", "烟花爆竹"],
        }
    }

    /// Looks a field up by its Chinese name or its code prefix (`城市管理`, `CG`, `cg`).
    pub fn parse(text: &str) -> Option<Field> {
        let t = text.trim();
        Field::ALL
            .into_iter()
            .find(|f| f.name() == t || f.code_prefix().eq_ignore_ascii_case(t))
    }
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_prefixes_round_trip() {
        for f in Field::ALL {
            assert_eq!(Field::parse(f.name()), Some(f));
            assert_eq!(Field::parse(&f.code_prefix().to_lowercase()), Some(f));
            let json = serde_json::to_string(&f).unwrap();
            assert_eq!(json, format!("\"{}\"", f.name()));
        }
        assert_eq!(Field::parse("交通运输"), None);
    }
}
