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

fn power(code: &str) -> zhifa::domain::catalog::Power {
    zhifa::assets::catalog_template()
        .unwrap()
        .powers
        .into_iter()
        .find(|p| p.code == code)
        .unwrap()
}

#[test]
fn powers_start_when_their_texts_came_into_force() {
    // Issue 15 item 13: the revision (promulgation) date is not the in-force date.
    for (code, from) in [
        ("ZR-001", "2021-09-01"), // 土地管理法实施条例 Art 67
        ("YJ-001", "2021-09-01"), // 安全生产法 2021 amending decision
        ("NY-008", "2022-03-01"), // 种子法 2021 amending decision
        ("NY-001", "2022-05-01"), // 农药管理条例 2022 revision
        ("LY-018", "2022-06-01"), // 湿地保护法 Art 65
        ("HJ-007", "2022-06-05"), // 噪声污染防治法 Art 90
        ("ZR-015", "2022-08-01"), // 黑土地保护法 Art 38
        ("NY-019", "2023-01-01"), // 农产品质量安全法 Art 81
        ("NY-016", "2023-03-01"), // 畜牧法 Art 94
        ("LY-015", "2023-05-01"), // 野生动物保护法 Art 64
    ] {
        assert_eq!(
            power(code).effective_from.unwrap().to_string(),
            from,
            "{code}"
        );
    }
}

#[test]
fn heavier_bands_are_alternatives_with_their_statutory_trigger() {
    // Issue 15 item 14: the 逾期不改正 / 拒不改正 / 情节严重 band is not merged into the base band.
    for (code, trigger) in [
        ("NY-012", "逾期不改正"),
        ("NY-013", "逾期不改正"),
        ("NY-014", "情节严重"),
        ("NY-015", "拒不改正"),
        ("HJ-010", "拒不改正"),
        ("YJ-001", "逾期未改正"),
        ("YJ-002", "逾期未改正"),
        ("GH-002", "无法采取改正措施消除影响，限期拆除而不能拆除"),
    ] {
        let p = power(code);
        let alt = p
            .statutory
            .alternative
            .as_ref()
            .unwrap_or_else(|| panic!("{code}"));
        assert_eq!(alt.condition, trigger, "{code}");
        for t in p.tiers.iter().filter(|t| t.alternative) {
            assert!(t.condition.starts_with(trigger), "{code}: {}", t.condition);
        }
        assert!(!p.tiers.iter().any(|t| t.condition.contains("燃气泄漏迹象")));
    }
}

#[test]
fn construction_quality_regulation_sets_national_amounts() {
    // Issue 15 item 15: 建设工程质量管理条例 Art 57 (1%–2% of the contract price) and Art 69(1).
    let permit = power("GH-012");
    assert_eq!(permit.statutory.kind, StatutoryKind::Multiple);
    assert_eq!(
        (permit.penalty.law.as_str(), permit.penalty.article),
        ("建设工程质量管理条例", 57)
    );
    let walls = power("GH-013");
    assert_eq!(walls.statutory.kind, StatutoryKind::Range);
    assert_eq!(
        (walls.penalty.article, walls.penalty.paragraph),
        (69, Some(1))
    );
    assert_eq!(
        walls.statutory.summary(),
        "个人：500000元至1000000元；单位：500000元至1000000元（房屋建筑使用者在装修过程中擅自变动房屋建筑主体和承重结构的：个人：50000元至100000元；单位：50000元至100000元）"
    );
}

#[test]
fn violated_provisions_are_prohibitions_not_permissions_or_penalties() {
    // Issue 15 item 16.
    let sale = power("ZR-012");
    let cited: Vec<_> = sale
        .violated
        .iter()
        .map(|v| (v.article, v.paragraph))
        .collect();
    assert_eq!(cited, vec![(82, None)]);
    let occupation = power("ZR-001");
    assert!(occupation.violated.iter().all(|v| v.article != 77));
    // 水法 Art 72(1) punishes 毁坏 of monitoring facilities, not 侵占.
    let works = power("SL-003");
    assert!(!works.name.contains("或者水文地质监测设施"));
    assert!(works.name.contains("毁坏防汛、水文监测、水文地质监测设施"));
}

#[test]
fn overlapping_items_name_each_other() {
    // Issue 15 item 17.
    for group in [
        &["CG-005", "HJ-011"][..],
        &["CG-007", "HJ-011"],
        &["CG-008", "HJ-006", "HJ-014"],
        &["GH-003", "GH-008", "ZR-003"],
        &["SL-010", "HJ-015"],
        &["LY-005", "SL-009", "CG-016"],
    ] {
        for a in group {
            let p = power(a);
            for b in group.iter().filter(|b| *b != a) {
                assert!(p.related.iter().any(|r| r.code == *b), "{a} → {b}");
            }
        }
    }
}

#[test]
fn what_the_township_may_not_decide_is_marked() {
    // Issue 15 item 18.
    use zhifa::domain::catalog::PenaltyKind;
    for code in ["LY-015", "LY-016"] {
        let r = power(code).reserved.unwrap();
        assert_eq!(r.kinds, vec![PenaltyKind::RevokeLicence], "{code}");
    }
    let fireworks = power("YJ-012").reserved.unwrap();
    assert!(fireworks.whole_item() && fireworks.authority.contains("公安"));
}
