//! The shipped catalog template: 148 powers in the 8 fields, every sub-field the foundation
//! issue names present, codes consecutive per field, and all of it valid.

use std::collections::BTreeMap;

use zhifa::domain::catalog::StatutoryKind;
use zhifa::domain::field::Field;

#[test]
fn template_has_148_valid_powers_in_8_fields() {
    let catalog = zhifa::assets::catalog_template().unwrap_or_else(|issues| {
        panic!(
            "template invalid:\n{}",
            issues
                .iter()
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert!(
        catalog.meta.template,
        "the shipped list must be marked as a template"
    );
    assert_eq!(catalog.powers.len(), 148);
    let counts = catalog.count_by_field();
    assert_eq!(counts.len(), 8);
    for (field, n) in &counts {
        assert!(*n >= 10, "{field} has only {n} powers");
    }
}

#[test]
fn codes_are_consecutive_per_field() {
    let catalog = zhifa::assets::catalog_template().unwrap();
    let mut by_field: BTreeMap<Field, Vec<u32>> = BTreeMap::new();
    for p in &catalog.powers {
        by_field
            .entry(p.field)
            .or_default()
            .push(p.code[3..].parse().unwrap());
    }
    for (field, mut nums) in by_field {
        nums.sort_unstable();
        let want: Vec<u32> = (1..=nums.len() as u32).collect();
        assert_eq!(nums, want, "{field}");
    }
}

#[test]
fn every_named_subfield_has_powers() {
    // The sub-fields listed in the foundation issue.
    let required: [(&str, &[&str]); 7] = [
        ("城市管理", &["市容环卫", "市政", "园林绿化"]),
        ("自然资源", &["土地", "矿产"]),
        (
            "农业农村",
            &["农药", "种子", "动物防疫", "畜牧", "农产品质量"],
        ),
        ("林业", &["森林", "草原", "野生动物", "防火"]),
        ("水利", &["水法", "河道", "防洪", "水土保持"]),
        ("生态环境", &["大气", "噪声", "固废", "水污染"]),
        ("应急管理", &["安全生产", "消防", "烟花爆竹"]),
    ];
    let catalog = zhifa::assets::catalog_template().unwrap();
    for (field, subs) in required {
        for sub in subs {
            assert!(
                catalog
                    .powers
                    .iter()
                    .any(|p| p.field.name() == field && p.subfield == *sub),
                "{field}/{sub} has no power"
            );
        }
    }
}

#[test]
fn straw_burning_matches_air_law_article_119() {
    // legal-rules.md §6.2 (V): 大气污染防治法 Art 119(1), 500–2000 yuan.
    let catalog = zhifa::assets::catalog_template().unwrap();
    let p = catalog.powers.iter().find(|p| p.code == "HJ-001").unwrap();
    assert_eq!(p.penalty.law, "大气污染防治法");
    assert_eq!((p.penalty.article, p.penalty.paragraph), (119, Some(1)));
    assert_eq!(p.statutory.kind, StatutoryKind::Range);
    assert_eq!(
        p.statutory.summary(),
        "个人：500元至2000元；单位：500元至2000元"
    );
}

#[test]
fn holiday_tables_parse() {
    let years: Vec<i32> = zhifa::assets::holiday_tables()
        .unwrap()
        .iter()
        .map(|t| t.year)
        .collect();
    assert_eq!(years, vec![2025, 2026]);
}

#[test]
fn demo_agency_is_valid() {
    let a = zhifa::assets::demo_agency().unwrap();
    assert_eq!(a.abbr, "合");
    assert_eq!(a.review_body, "农安县人民政府");
}
