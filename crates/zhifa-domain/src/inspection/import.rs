//! Importing 检查对象 from a table (XLSX/CSV) the way a ledger is imported: the file's headers
//! mapped to the object's columns (shown as a preview), every row checked (the credit code
//! against GB 32100 as when typed), each bad row reported with its row number, and an object
//! already registered — by credit code, or by name and address when it has none — skipped, not
//! registered twice. The desk then saves the accepted objects in one transaction, or none.

use serde::Serialize;

use super::object::{InspectionObject, ObjectInput, RiskLevel};
use crate::field::Field;
use crate::ledger_import::{ColumnMap, Rejected};

/// The object fields an imported column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ObjectColumn {
    Name,
    CreditCode,
    Address,
    Field,
    Risk,
}

/// Header words each column is recognised by (after removing spaces and brackets).
const SYNONYMS: &[(ObjectColumn, &[&str])] = &[
    (
        ObjectColumn::Name,
        &[
            "名称",
            "检查对象",
            "检查对象名称",
            "对象名称",
            "单位名称",
            "企业名称",
            "商户名称",
            "场所名称",
        ],
    ),
    (
        ObjectColumn::CreditCode,
        &["统一社会信用代码", "社会信用代码", "信用代码", "统一代码"],
    ),
    (
        ObjectColumn::Address,
        &["地址", "经营地址", "住所", "场所地址", "详细地址"],
    ),
    (
        ObjectColumn::Field,
        &["领域", "执法领域", "行业领域", "所属领域"],
    ),
    (
        ObjectColumn::Risk,
        &["风险等级", "风险", "风险级别", "风险分级"],
    ),
];

impl ObjectColumn {
    pub fn label(self) -> &'static str {
        match self {
            ObjectColumn::Name => "名称",
            ObjectColumn::CreditCode => "统一社会信用代码",
            ObjectColumn::Address => "地址",
            ObjectColumn::Field => "领域",
            ObjectColumn::Risk => "风险等级",
        }
    }
}

/// The objects file's column mapping.
pub type ObjectMapping = ColumnMap<ObjectColumn>;

impl ObjectMapping {
    pub fn detect(headers: &[String]) -> ObjectMapping {
        ColumnMap::by_synonyms(headers, SYNONYMS)
    }

    /// Required columns missing from the file (the credit code is optional: a market square
    /// has none).
    pub fn missing(&self) -> Vec<&'static str> {
        use ObjectColumn::*;
        self.missing_of(&[Name, Address, Field, Risk], ObjectColumn::label)
    }

    /// Preview lines: `第1列 “企业名称” → 名称`.
    pub fn preview(&self) -> Vec<String> {
        self.preview_with(ObjectColumn::label)
    }

    fn cell<'r, S: AsRef<str>>(&self, row: &'r [S], c: ObjectColumn) -> &'r str {
        self.index(c)
            .and_then(|i| row.get(i))
            .map_or("", |s| s.as_ref().trim())
    }
}

/// A row not imported because its object is already registered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub row: usize,
    /// The registered object's id and name.
    pub object: i64,
    pub name: String,
}

/// Every data row's fate: accepted (with its file row number), rejected with the reason, or
/// skipped as already registered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ObjectImport {
    pub accepted: Vec<(usize, InspectionObject)>,
    pub rejected: Vec<Rejected>,
    pub skipped: Vec<Skipped>,
}

/// The same object: the credit code when both have one, else name and address.
fn same(a: &InspectionObject, b: &InspectionObject) -> bool {
    match (&a.credit_code, &b.credit_code) {
        (Some(x), Some(y)) => x == y,
        (None, None) => a.name == b.name && a.address == b.address,
        _ => false,
    }
}

/// Checks every data row (`rows[0]` is file row 2; empty rows are passed over) against the
/// objects already registered.
pub fn check_object_rows<S: AsRef<str>>(
    map: &ObjectMapping,
    rows: &[Vec<S>],
    registered: &[InspectionObject],
) -> ObjectImport {
    let mut out = ObjectImport {
        accepted: Vec::new(),
        rejected: Vec::new(),
        skipped: Vec::new(),
    };
    for (i, row) in rows.iter().enumerate() {
        let n = i + 2;
        if row.iter().all(|c| c.as_ref().trim().is_empty()) {
            continue;
        }
        let object = match check_row(map, row) {
            Ok(o) => o,
            Err(reason) => {
                out.rejected.push(Rejected { row: n, reason });
                continue;
            }
        };
        if let Some(r) = registered.iter().find(|r| same(r, &object)) {
            out.skipped.push(Skipped {
                row: n,
                object: r.id,
                name: r.name.clone(),
            });
        } else if let Some((earlier, _)) = out.accepted.iter().find(|(_, o)| same(o, &object)) {
            let what = match &object.credit_code {
                Some(c) => format!("统一社会信用代码 {}", c.as_str()),
                None => "名称和地址".to_string(),
            };
            out.rejected.push(Rejected {
                row: n,
                reason: format!("{what}与第 {earlier} 行相同，请删去重复的一行"),
            });
        } else {
            out.accepted.push((n, object));
        }
    }
    out
}

fn check_row<S: AsRef<str>>(map: &ObjectMapping, row: &[S]) -> Result<InspectionObject, String> {
    let field_text = map.cell(row, ObjectColumn::Field);
    let field = Field::parse(field_text).ok_or_else(|| {
        let all: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
        format!(
            "领域“{field_text}”无法识别，应为 {}（或 CG、GH 等代码）",
            all.join("、")
        )
    })?;
    let risk_text = map.cell(row, ObjectColumn::Risk);
    let risk = RiskLevel::parse(risk_text).ok_or_else(|| {
        let all: Vec<String> = RiskLevel::ALL.iter().map(|r| r.name()).collect();
        format!("风险等级“{risk_text}”无法识别，应为 {}", all.join("、"))
    })?;
    ObjectInput {
        name: map.cell(row, ObjectColumn::Name).to_string(),
        credit_code: map.cell(row, ObjectColumn::CreditCode).to_string(),
        address: map.cell(row, ObjectColumn::Address).to_string(),
        field,
        risk,
    }
    .into_object()
    .map_err(|e| e.message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inspection::fixtures::{credit_code, object};

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn headers_map_by_synonyms_and_missing_columns_are_named() {
        let m = ObjectMapping::detect(&s(&["企业名称", "统一社会信用代码", "经营地址", "备注"]));
        assert_eq!(m.missing(), ["领域", "风险等级"]);
        assert_eq!(m.preview()[0], "第1列 “企业名称” → 名称");
        assert_eq!(m.preview()[3], "第4列 “备注” → （不导入）");
        let m = ObjectMapping::detect(&s(&["名称", "地址", "执法领域", "风险 等级"]));
        assert!(m.missing().is_empty());
    }

    #[test]
    fn each_bad_row_is_reported_with_its_number_and_duplicates_are_skipped() {
        let m = ObjectMapping::detect(&s(&["名称", "信用代码", "地址", "领域", "风险等级"]));
        let mut registered = object(1, Field::UrbanManagement, RiskLevel::Medium);
        registered.name = "已登记商户".into();
        let code1 = credit_code(1);
        let code2 = credit_code(2);
        let rows = vec![
            s(&["好运来超市", &code2, "兴隆街8号", "城市管理", "低风险"]),
            s(&[
                "坏代码商店",
                "91220122MA0000000X",
                "兴隆街9号",
                "CG",
                "低风险",
            ]),
            s(&["", "", "兴隆街10号", "城市管理", "低风险"]),
            s(&["某饭店", "", "兴隆街11号", "市场监管", "低风险"]),
            s(&["某饭店", "", "兴隆街11号", "城市管理", "很高"]),
            s(&["", "", "", "", ""]),
            s(&["老商户新名", &code1, "兴隆街1号", "城市管理", "高风险"]),
            s(&["好运来超市二店", &code2, "兴隆街12号", "城市管理", "低风险"]),
            s(&["中心广场", "", "镇中心", "cg", "一般风险"]),
        ];
        let c = check_object_rows(&m, &rows, &[registered]);
        let accepted: Vec<(usize, &str)> = c
            .accepted
            .iter()
            .map(|(n, o)| (*n, o.name.as_str()))
            .collect();
        assert_eq!(accepted, [(2, "好运来超市"), (10, "中心广场")]);
        assert_eq!(c.accepted[1].1.credit_code, None, "a place without a code");
        let rejected: Vec<usize> = c.rejected.iter().map(|r| r.row).collect();
        assert_eq!(rejected, [3, 4, 5, 6, 9]);
        assert!(
            c.rejected[0].reason.contains("校验码"),
            "{:?}",
            c.rejected[0]
        );
        assert!(c.rejected[1].reason.contains("名称"), "{:?}", c.rejected[1]);
        assert!(
            c.rejected[2].reason.contains("领域“市场监管”无法识别"),
            "{:?}",
            c.rejected[2]
        );
        assert!(
            c.rejected[3].reason.contains("风险等级“很高”无法识别"),
            "{:?}",
            c.rejected[3]
        );
        assert!(
            c.rejected[4].reason.contains("与第 2 行相同"),
            "{:?}",
            c.rejected[4]
        );
        assert_eq!(
            c.skipped,
            [Skipped {
                row: 8,
                object: 1,
                name: "已登记商户".into()
            }]
        );
    }
}
