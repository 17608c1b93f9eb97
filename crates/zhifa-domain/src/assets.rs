//! Data shipped inside the binary: the catalog template and the holiday tables.
//!
//! The files live under `assets/` as text so that reviewers can read them and teams can copy
//! them; they are compiled in so that `zhifa init` works with no files beside the binary.

use crate::agency::Agency;
use crate::catalog::{Catalog, CatalogBuilder, CatalogIssue};
use crate::holiday_table::{HolidayTableError, HolidayYear};

/// The catalog template files, in field order: (file name, text).
pub const CATALOG_FILES: [(&str, &str); 9] = [
    (
        "meta.toml",
        include_str!("../../../assets/catalog/meta.toml"),
    ),
    ("cg.toml", include_str!("../../../assets/catalog/cg.toml")),
    ("gh.toml", include_str!("../../../assets/catalog/gh.toml")),
    ("zr.toml", include_str!("../../../assets/catalog/zr.toml")),
    ("ny.toml", include_str!("../../../assets/catalog/ny.toml")),
    ("ly.toml", include_str!("../../../assets/catalog/ly.toml")),
    ("sl.toml", include_str!("../../../assets/catalog/sl.toml")),
    ("hj.toml", include_str!("../../../assets/catalog/hj.toml")),
    ("yj.toml", include_str!("../../../assets/catalog/yj.toml")),
];

/// The holiday tables shipped with this version: (file name, text).
pub const HOLIDAY_FILES: [(&str, &str); 2] = [
    (
        "2025.toml",
        include_str!("../../../assets/holidays/2025.toml"),
    ),
    (
        "2026.toml",
        include_str!("../../../assets/holidays/2026.toml"),
    ),
];

/// The shipped catalog template, checked.
pub fn catalog_template() -> Result<Catalog, Vec<CatalogIssue>> {
    let mut builder = CatalogBuilder::new();
    for (name, text) in CATALOG_FILES {
        builder.add_text(&format!("assets/catalog/{name}"), text);
    }
    builder.finish()
}

/// The shipped holiday tables, checked.
pub fn holiday_tables() -> Result<Vec<HolidayYear>, HolidayTableError> {
    HOLIDAY_FILES
        .iter()
        .map(|(_, text)| HolidayYear::parse_toml(text))
        .collect()
}

/// The demo agency of `sample-data/agency.toml`.
pub fn demo_agency() -> Result<Agency, String> {
    let agency: Agency = toml::from_str(include_str!("../../../sample-data/agency.toml"))
        .map_err(|e| format!("演示机关信息格式错误：{e}"))?;
    agency.check().map_err(|e| e.to_string())?;
    Ok(agency)
}
