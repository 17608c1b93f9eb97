//! Each validation rule on a passing and a failing item.

use super::*;

const META: &str = r#"
[catalog]
name = "测试清单"
version = "1"
effective_from = "2022-01-01"
"#;

/// 大气污染防治法 (2018) Art 119(1): open burning of straw, 500–2000 yuan.
const STRAW: &str = r#"
[[power]]
code = "HJ-001"
field = "生态环境"
subfield = "大气"
name = "对在人口集中地区露天焚烧秸秆的处罚"
penalty_kinds = ["罚款"]
own_name = true

[[power.violated]]
law = "大气污染防治法"
version = "2018-10-26"
article = 77

[power.penalty]
law = "大气污染防治法"
version = "2018-10-26"
article = 119
paragraph = 1

[power.statutory]
kind = "range"
individual = { min = 500, max = 2000 }
organisation = { min = 500, max = 2000 }

[[power.tier]]
name = "轻微"
condition = "面积小，及时扑灭"
individual = { min = 500, max = 1000 }
organisation = { min = 500, max = 1000 }

[[power.tier]]
name = "严重"
condition = "面积大或屡次焚烧"
individual = { min = 1000, max = 2000 }
organisation = { min = 1000, max = 2000 }
"#;

fn build(texts: &[(&str, &str)]) -> Result<Catalog, Vec<CatalogIssue>> {
    let mut b = CatalogBuilder::new();
    for (name, text) in texts {
        b.add_text(name, text);
    }
    b.finish()
}

fn reasons(texts: &[(&str, &str)]) -> Vec<String> {
    build(texts)
        .expect_err("should be rejected")
        .into_iter()
        .map(|i| i.to_string())
        .collect()
}

fn assert_rejected(straw_edit: (&str, &str), expect: &str) {
    let text = STRAW.replacen(straw_edit.0, straw_edit.1, 1);
    assert_ne!(text, STRAW, "edit {:?} did not apply", straw_edit.0);
    let got = reasons(&[("meta.toml", META), ("hj.toml", &text)]);
    assert!(
        got.iter()
            .any(|r| r.contains(expect) && r.contains("hj.toml") && r.contains("HJ-001")),
        "expected a reason containing {expect:?}, got {got:?}"
    );
}

/// The lines of a written audit (`assets/catalog/*_AUDIT.md`) that decide an item:
/// `(code, the rest of the line)`, for a line that starts with an item code and two spaces.
fn audit_lines(audit: &str) -> impl Iterator<Item = (&str, &str)> {
    audit.lines().filter_map(|line| {
        let (code, rest) = line.split_once("  ")?;
        let is_code = code.len() == 6
            && code.as_bytes()[2] == b'-'
            && code[3..].bytes().all(|b| b.is_ascii_digit());
        is_code.then_some((code, rest))
    })
}

#[test]
fn a_lawful_item_passes_and_gets_its_effective_date() {
    let cat = build(&[("meta.toml", META), ("hj.toml", STRAW)]).unwrap();
    assert_eq!(cat.powers.len(), 1);
    // Catalog date (2022-01-01) is after the statute version (2018-10-26).
    assert_eq!(
        cat.powers[0].effective_from,
        Some("2022-01-01".parse().unwrap())
    );
    assert_eq!(
        cat.powers[0].statutory.summary(),
        "个人：500元至2000元；单位：500元至2000元"
    );
}

#[test]
fn straw_burning_tier_above_2000_is_rejected() {
    // The bad-data example of legal-rules.md §6.1: "2000–5000" exceeds Art 119's 2000 maximum.
    assert_rejected(
        (
            "individual = { min = 1000, max = 2000 }",
            "individual = { min = 2000, max = 5000 }",
        ),
        "超出法定幅度",
    );
}

#[test]
fn min_above_max_is_rejected() {
    assert_rejected(
        (
            "individual = { min = 500, max = 2000 }",
            "individual = { min = 3000, max = 2000 }",
        ),
        "大于上限",
    );
}

#[test]
fn unknown_field_is_rejected() {
    let text = STRAW.replace("field = \"生态环境\"", "field = \"交通运输\"");
    let got = reasons(&[("meta.toml", META), ("hj.toml", &text)]);
    assert!(
        got.iter()
            .any(|r| r.contains("hj.toml") && r.contains("交通运输")),
        "{got:?}"
    );
}

#[test]
fn unknown_subfield_and_bad_code_are_rejected() {
    assert_rejected(("subfield = \"大气\"", "subfield = \"土壤\""), "子领域");
    let text = STRAW.replace("HJ-001", "CG-001");
    let got = reasons(&[("meta.toml", META), ("hj.toml", &text)]);
    assert!(
        got.iter()
            .any(|r| r.contains("CG-001") && r.contains("HJ-")),
        "{got:?}"
    );
}

#[test]
fn duplicate_codes_are_rejected_across_files() {
    let got = reasons(&[("meta.toml", META), ("a.toml", STRAW), ("b.toml", STRAW)]);
    assert!(
        got.iter()
            .any(|r| r.contains("b.toml") && r.contains("HJ-001") && r.contains("重复")),
        "{got:?}"
    );
}

#[test]
fn missing_provision_is_rejected() {
    let text = STRAW.replace(
        "[[power.violated]]\nlaw = \"大气污染防治法\"\nversion = \"2018-10-26\"\narticle = 77\n",
        "",
    );
    assert!(text.len() < STRAW.len());
    let got = reasons(&[("meta.toml", META), ("hj.toml", &text)]);
    assert!(
        got.iter()
            .any(|r| r.contains("HJ-001") || r.contains("violated")),
        "{got:?}"
    );
    // Missing penalty provision is a parse error naming the missing key.
    let text = STRAW.replace("[power.penalty]", "[power.penalty_x]");
    let got = reasons(&[("meta.toml", META), ("hj.toml", &text)]);
    assert!(got.iter().any(|r| r.contains("hj.toml")), "{got:?}");
}

#[test]
fn name_must_follow_the_published_form() {
    assert_rejected(
        (
            "name = \"对在人口集中地区露天焚烧秸秆的处罚\"",
            "name = \"焚烧秸秆\"",
        ),
        "对……的处罚",
    );
}

#[test]
fn max_only_needs_a_zero_minimum() {
    assert_rejected(("kind = \"range\"", "kind = \"max_only\""), "下限应为 0");
}

#[test]
fn no_fine_items_take_no_amounts() {
    let text = STRAW
        .replace("kind = \"range\"", "kind = \"none\"")
        .replace(
            "penalty_kinds = [\"罚款\"]",
            "penalty_kinds = [\"其他行政处罚\"]",
        );
    let got = reasons(&[("meta.toml", META), ("hj.toml", &text)]);
    assert!(got.iter().any(|r| r.contains("不应填写")), "{got:?}");
}

#[test]
fn fine_kind_must_match_statutory_kind() {
    assert_rejected(
        ("penalty_kinds = [\"罚款\"]", "penalty_kinds = [\"警告\"]"),
        "未列“罚款”",
    );
}

#[test]
fn at_least_two_tiers_when_amounts_exist() {
    let cut = STRAW.find("[[power.tier]]\nname = \"严重\"").unwrap();
    let text = &STRAW[..cut];
    let got = reasons(&[("meta.toml", META), ("hj.toml", text)]);
    assert!(got.iter().any(|r| r.contains("两个裁量阶次")), "{got:?}");
}

#[test]
fn effective_date_before_the_cited_text_is_rejected() {
    assert_rejected(
        (
            "own_name = true",
            "own_name = true\neffective_from = \"2015-01-01\"",
        ),
        "早于",
    );
}

#[test]
fn missing_meta_and_unknown_keys_are_reported() {
    let got = reasons(&[("hj.toml", STRAW)]);
    assert!(got.iter().any(|r| r.contains("[catalog]")), "{got:?}");
    let text = STRAW.replace("own_name = true", "own_name = true\nfoo = 1");
    let got = reasons(&[("meta.toml", META), ("hj.toml", &text)]);
    assert!(
        got.iter()
            .any(|r| r.contains("hj.toml") && r.contains("foo")),
        "{got:?}"
    );
}

#[test]
fn json_round_trip_reimports() {
    let cat = build(&[("meta.toml", META), ("hj.toml", STRAW)]).unwrap();
    let file = CatalogFile {
        catalog: Some(cat.meta.clone()),
        powers: cat.powers.clone(),
    };
    let json = serde_json::to_string_pretty(&file).unwrap();
    let again = build(&[("x.json", &json)]).unwrap();
    assert_eq!(again, cat);
}

#[test]
fn multiples_are_exact() {
    let text = STRAW
        .replace(
            "kind = \"range\"",
            "kind = \"multiple\"\nbase = \"工程造价\"",
        )
        .replace("{ min = 500, max = 2000 }", "{ min = 0.05, max = 0.1 }")
        .replace("{ min = 500, max = 1000 }", "{ min = 0.05, max = 0.07 }")
        .replace("{ min = 1000, max = 2000 }", "{ min = 0.07, max = 0.1 }");
    let cat = build(&[("meta.toml", META), ("hj.toml", &text)]).unwrap();
    assert_eq!(
        cat.powers[0].statutory.summary(),
        "个人：工程造价5%至10%；单位：工程造价5%至10%"
    );
    let bad = text.replace("{ min = 0.07, max = 0.1 }", "{ min = 0.07, max = 0.12 }");
    let got = reasons(&[("meta.toml", META), ("hj.toml", &bad)]);
    assert!(got.iter().any(|r| r.contains("超出法定幅度")), "{got:?}");
}

mod issue_15 {
    //! Validation added with issue 15: in-force dates, heavier-band triggers, reserved
    //! penalties and related items.
    use crate::catalog::{validate, CatalogBuilder, Power, Relation};

    fn template(code: &str) -> Power {
        crate::assets::catalog_template()
            .unwrap()
            .powers
            .into_iter()
            .find(|p| p.code == code)
            .unwrap()
    }

    #[test]
    fn mandatory_measures_are_penalties_of_the_item_with_the_statute_s_words() {
        let p = template("GH-016");
        assert!(validate(&p).is_empty(), "{:?}", validate(&p));
        assert_eq!(
            p.mandatory[0].any_of,
            [crate::catalog::PenaltyKind::Warning]
        );
        let mut bad = p.clone();
        bad.mandatory[0].any_of = vec![crate::catalog::PenaltyKind::RevokeLicence];
        bad.mandatory[0].text = " ".into();
        let errs = validate(&bad);
        assert!(
            errs.iter().any(|e| e.contains("不在本事项的处罚种类中")),
            "{errs:?}"
        );
        assert!(errs.iter().any(|e| e.contains("条文表述")), "{errs:?}");
    }

    #[test]
    fn a_band_s_mandatory_measures_are_penalties_of_the_item_with_the_statute_s_words() {
        use crate::catalog::PenaltyKind::{RevokeLicence, SuspendBusiness};
        let p = template("NY-014");
        assert!(validate(&p).is_empty(), "{:?}", validate(&p));
        let band = |p: &crate::catalog::Power| p.statutory.alternative.clone().unwrap();
        assert_eq!(band(&p).mandatory[0].any_of, [SuspendBusiness]);
        let mut bad = p.clone();
        let mut alt = band(&p);
        alt.mandatory[0].any_of = vec![RevokeLicence];
        alt.mandatory[0].text = " ".into();
        bad.statutory.alternative = Some(alt);
        let errs = validate(&bad);
        let says = |what: &str| {
            errs.iter()
                .any(|e| e.contains("备选幅度") && e.contains(what))
        };
        assert!(says("“吊销许可证件”不在本事项的处罚种类中"), "{errs:?}");
        assert!(says("条文表述"), "{errs:?}");
    }

    #[test]
    fn a_power_cannot_start_before_its_text_is_in_force() {
        let mut p = template("NY-016"); // 畜牧法 (2022-10-30), in force 2023-03-01
        assert_eq!(p.effective_from, Some("2023-03-01".parse().unwrap()));
        p.effective_from = Some("2022-10-30".parse().unwrap());
        let errs = validate(&p);
        assert!(errs.iter().any(|e| e.contains("施行日期")), "{errs:?}");
        let mut p = template("NY-016");
        p.penalty.in_force = Some("2022-01-01".parse().unwrap());
        assert!(validate(&p).iter().any(|e| e.contains("早于其版本日期")));
    }

    #[test]
    fn a_heavier_band_tier_states_the_statutory_trigger() {
        let p = template("YJ-002");
        assert!(validate(&p).is_empty());
        let alt = p.statutory.alternative.as_ref().unwrap();
        assert_eq!(alt.condition, "逾期未改正");
        // The old tier reached the heavier band on a condition the statute does not name.
        let mut widened = p.clone();
        let t = widened.tiers.iter_mut().find(|t| t.alternative).unwrap();
        t.condition = "逾期未改正，或有燃气泄漏迹象等严重隐患".into();
        let errs = validate(&widened);
        assert!(errs.iter().any(|e| e.contains("不得以“或……”")), "{errs:?}");
        let mut unnamed = p.clone();
        let t = unnamed.tiers.iter_mut().find(|t| t.alternative).unwrap();
        t.condition = "有燃气泄漏迹象".into();
        let errs = validate(&unnamed);
        assert!(errs.iter().any(|e| e.contains("须以法定情形")), "{errs:?}");
        // A merged band (0–200000 in the main range) is out of the statutory range now.
        let mut merged = p;
        let t = merged.tiers.iter_mut().find(|t| t.alternative).unwrap();
        t.alternative = false;
        assert!(!validate(&merged).is_empty());
    }

    #[test]
    fn reserved_penalties_name_the_authority_and_are_penalties_of_the_item() {
        let mut p = template("LY-015");
        assert!(validate(&p).is_empty());
        let r = p.reserved.as_mut().unwrap();
        r.kinds.push(crate::catalog::PenaltyKind::Close);
        r.authority.clear();
        let errs = validate(&p);
        assert!(errs.iter().any(|e| e.contains("authority")), "{errs:?}");
        assert!(errs.iter().any(|e| e.contains("责令关闭")), "{errs:?}");
    }

    #[test]
    fn related_items_exist_and_overlaps_are_listed_on_both_sides() {
        let a = template("SL-010");
        let b = template("HJ-015");
        assert!(a
            .related
            .iter()
            .any(|r| r.code == "HJ-015" && r.relation == Relation::Overlap));
        let meta = "[catalog]\nname = \"t\"\nversion = \"1\"\neffective_from = \"2023-06-01\"\n";
        let file = |powers: Vec<Power>| crate::catalog::CatalogFile {
            catalog: None,
            powers,
        };
        let mut one_sided = b.clone();
        one_sided.related.clear();
        let mut builder = CatalogBuilder::new();
        builder.add_text("meta.toml", meta);
        builder.add_file("x.toml", file(vec![a.clone(), one_sided]));
        let issues = builder.finish().unwrap_err();
        assert!(
            issues.iter().any(|i| i.reason.contains("互相列明")),
            "{issues:?}"
        );
        let mut builder = CatalogBuilder::new();
        builder.add_text("meta.toml", meta);
        builder.add_file("x.toml", file(vec![a]));
        let issues = builder.finish().unwrap_err();
        assert!(
            issues.iter().any(|i| i.reason.contains("不在清单中")),
            "{issues:?}"
        );
    }
}

mod issue_15_audit {
    //! Issue 15 item 7: the written audit of mandatory penalty kinds
    //! (`assets/catalog/MANDATORY_AUDIT.md`) covers every item of the template once and says
    //! what the catalog's `mandatory` lists say — the power's, each band's and each statutory
    //! condition's (`[[power.triggered]]`) — so neither changes without the other.
    use std::collections::BTreeMap;

    use crate::catalog::{PenaltyKind, Power};

    const AUDIT: &str = include_str!("../../../../assets/catalog/MANDATORY_AUDIT.md");

    /// The kinds one audit reading lists: `none`, or `A|B + C`; a measure required only
    /// without a fine ends in `（无罚款时）`.
    type Kinds = Vec<Vec<String>>;

    /// One item's readings: `mandatory` (always), then `main`, `alternative` and
    /// `triggered <condition>` where the item states them.
    type Readings = Vec<(String, Kinds)>;

    const WITHOUT_FINE: &str = "（无罚款时）";

    fn kinds_of(list: &str) -> Kinds {
        list.split(" + ")
            .map(|group| group.trim().split('|').map(str::to_string).collect())
            .collect()
    }

    /// `code → readings` from the audit lines (`HJ-004  … mandatory: A|B + 罚款 — why`,
    /// `NY-014  … mandatory: 罚款; alternative: C — why`, `HJ-005  … mandatory: 罚款;
    /// triggered 拒不改正: 责令停产停业 — why`).
    fn audited() -> BTreeMap<String, Readings> {
        let mut out = BTreeMap::new();
        for (code, line) in super::audit_lines(AUDIT) {
            let head = line.split_once(" — ").map_or(line, |(head, _)| head);
            let mut segments = head.split("; ");
            let first = segments.next().unwrap_or_default();
            let kinds = match first.split_once("mandatory: ") {
                Some((_, list)) => kinds_of(list),
                None => {
                    assert!(
                        first.trim_end().ends_with("none"),
                        "unreadable line: {line}"
                    );
                    Vec::new()
                }
            };
            let mut readings = vec![("mandatory".to_string(), kinds)];
            for seg in segments {
                let (key, list) = seg
                    .split_once(": ")
                    .unwrap_or_else(|| panic!("unreadable segment “{seg}” in: {line}"));
                readings.push((key.trim().to_string(), kinds_of(list)));
            }
            assert!(
                out.insert(code.to_string(), readings).is_none(),
                "{code} is audited twice"
            );
        }
        out
    }

    fn names(listed: &[crate::catalog::Mandatory]) -> Kinds {
        listed
            .iter()
            .map(|m| {
                m.any_of
                    .iter()
                    .map(|k| {
                        let suffix = if m.without_fine { WITHOUT_FINE } else { "" };
                        format!("{}{suffix}", k.name())
                    })
                    .collect()
            })
            .collect()
    }

    /// What the catalog states for an item, in the audit's shape.
    fn stated(p: &Power) -> Readings {
        let mut out = vec![("mandatory".to_string(), names(&p.mandatory))];
        if !p.statutory.mandatory.is_empty() {
            out.push(("main".to_string(), names(&p.statutory.mandatory)));
        }
        if let Some(alt) = p
            .statutory
            .alternative
            .as_ref()
            .filter(|a| !a.mandatory.is_empty())
        {
            out.push(("alternative".to_string(), names(&alt.mandatory)));
        }
        for t in &p.triggered {
            out.push((format!("triggered {}", t.trigger), names(&t.mandatory)));
        }
        out
    }

    #[test]
    fn every_item_is_audited_once_and_the_catalog_states_what_the_audit_found() {
        let catalog = crate::assets::catalog_template().unwrap();
        let mut audit = audited();
        for p in &catalog.powers {
            let found = audit
                .remove(&p.code)
                .unwrap_or_else(|| panic!("{} is missing from MANDATORY_AUDIT.md", p.code));
            assert_eq!(stated(p), found, "{}: catalog and audit disagree", p.code);
        }
        assert!(
            audit.is_empty(),
            "audited but not in the catalog: {audit:?}"
        );
    }

    fn template(code: &str) -> Power {
        crate::assets::catalog_template()
            .unwrap()
            .powers
            .into_iter()
            .find(|p| p.code == code)
            .unwrap()
    }

    fn kinds(listed: &[crate::catalog::Mandatory]) -> Vec<Vec<PenaltyKind>> {
        listed.iter().map(|m| m.any_of.clone()).collect()
    }

    #[test]
    fn the_statutory_confiscations_and_warnings_are_mandatory() {
        // Spot checks of the audit, one per pattern, so a reading that drifts fails here too.
        let power = |code: &str| kinds(&template(code).mandatory);
        use PenaltyKind::*;
        // 大气污染防治法 Art 118(3): 没收烧烤工具和违法所得，并处罚款.
        assert_eq!(
            power("HJ-004"),
            [vec![ConfiscateProperty, ConfiscateGains], vec![Fine]]
        );
        // 农药管理条例 Art 60(2): 还应当没收禁用的农药; para 1: 处罚款.
        assert_eq!(power("NY-002"), [vec![ConfiscateProperty], vec![Fine]]);
        // 噪声污染防治法 Art 82: 拒不改正的，给予警告，可以处罚款.
        assert_eq!(power("HJ-008"), [vec![Warning]]);
        // 城市市容和环境卫生管理条例 Art 34: 可以并处警告、罚款 — optional.
        assert!(power("CG-001").is_empty());
        // 土地管理法 Art 82: 没收违法所得，并处罚款.
        assert_eq!(power("ZR-012"), [vec![ConfiscateGains], vec![Fine]]);
    }

    #[test]
    fn a_fine_the_provision_imposes_is_mandatory() {
        use PenaltyKind::*;
        // 森林防火条例 Art 50: 给予警告，对个人并处…罚款 — a warning alone is not the provision.
        assert_eq!(
            kinds(&template("LY-008").mandatory),
            [vec![Warning], vec![Fine]]
        );
        // 城乡规划法 Art 64: 尚可改正的处罚款 (main band); 不能拆除的只“可以并处”.
        let gh = template("GH-001");
        assert_eq!(kinds(&gh.statutory.mandatory), [vec![Fine]]);
        assert!(!kinds(&gh.statutory.alternative.unwrap().mandatory).contains(&vec![Fine]));
        // 动物防疫法 Art 108: 可以处罚款; 拒不改正的，处罚款 (its alternative band).
        let ny = template("NY-015");
        assert!(ny.mandatory.is_empty());
        assert_eq!(
            kinds(&ny.statutory.alternative.unwrap().mandatory),
            [vec![Fine]]
        );
        // 城市市容和环境卫生管理条例 Art 34: 可以并处 — not mandatory.
        assert!(kinds(&template("CG-005").mandatory).is_empty());
    }

    #[test]
    fn what_only_the_heavier_band_makes_mandatory_is_stated_on_that_band() {
        let band = |code: &str| -> Vec<Vec<PenaltyKind>> {
            let p = template(code);
            let alt = p.statutory.alternative.as_ref();
            alt.map_or(Vec::new(), |a| kinds(&a.mandatory))
        };
        use PenaltyKind::*;
        // 动物防疫法 Art 98: 情节严重的，责令停业整顿，并处三万元以上十万元以下罚款.
        assert_eq!(band("NY-014"), [vec![SuspendBusiness]]);
        assert!(!kinds(&template("NY-014").mandatory).contains(&vec![SuspendBusiness]));
        // 城乡规划法 Art 64: 限期拆除，不能拆除的，没收实物或者违法收入.
        for code in ["GH-001", "GH-002"] {
            assert_eq!(band(code), [vec![ConfiscateProperty, ConfiscateGains]]);
        }
        // 大气污染防治法 Art 118(1): 拒不改正的，责令停业整治 — no second fine band to carry
        // it; it is the condition's (see the next test).
        assert!(band("HJ-005").is_empty());
    }

    #[test]
    fn what_a_statutory_condition_makes_mandatory_is_stated_on_that_condition() {
        use PenaltyKind::*;
        let triggered = |code: &str, trigger: &str| {
            let p = template(code);
            let t = p
                .triggered_by(trigger)
                .unwrap_or_else(|| panic!("{code}: {trigger}"));
            (t.basis.clone(), kinds(&t.mandatory))
        };
        // 大气污染防治法 Art 118 para 1: 拒不改正的，责令停业整治.
        let (basis, k) = triggered("HJ-005", "拒不改正");
        assert_eq!((basis.article, basis.paragraph), (118, Some(1)));
        assert_eq!(k, [vec![SuspendBusiness]]);
        // 安全生产法 Art 99: 情节严重的，责令停产停业整顿; Art 102: 拒不执行的; Art 105:
        // 逾期未改正的.
        assert_eq!(triggered("YJ-001", "情节严重").1, [vec![SuspendBusiness]]);
        assert_eq!(triggered("YJ-003", "拒不执行").1, [vec![SuspendBusiness]]);
        assert_eq!(triggered("YJ-004", "逾期未改正").1, [vec![SuspendBusiness]]);
        // 城镇排水与污水处理条例 Art 49: 责令改正，给予警告; 逾期不改正或者造成严重后果的 fine.
        let cg = template("CG-026");
        assert!(cg
            .mandatory
            .iter()
            .any(|m| m.without_fine && m.any_of == [Warning]));
        assert_eq!(triggered("CG-026", "逾期不改正").1, [vec![Fine]]);
        assert_eq!(triggered("CG-026", "造成严重后果").1, [vec![Fine]]);
        // 村庄和集镇规划建设管理条例 Art 37 para 1: 严重影响规划的，限期拆除或者没收.
        let (basis, k) = triggered("GH-008", "严重影响村庄、集镇规划");
        assert_eq!((basis.article, basis.paragraph), (37, Some(1)));
        assert_eq!(k, [vec![Other, ConfiscateProperty]]);
    }
}

mod issue_16 {
    //! Issue 16 “Names and wording”: the 案由 is the item's short name.
    use super::{build, reasons, META, STRAW};
    use crate::catalog::CatalogBuilder;

    /// The builder after adding `files`, for its warnings.
    fn builder(files: &[(&str, &str)]) -> CatalogBuilder {
        let mut b = CatalogBuilder::new();
        for (name, text) in files {
            b.add_text(name, text);
        }
        b
    }

    fn with_short(short: &str) -> String {
        STRAW.replace(
            "name = \"对在人口集中地区露天焚烧秸秆的处罚\"",
            &format!("name = \"对在人口集中地区露天焚烧秸秆的处罚\"\nshort_name = \"{short}\""),
        )
    }

    #[test]
    fn every_template_item_states_a_short_name_within_16_characters() {
        let mut builder = crate::catalog::CatalogBuilder::new();
        for (name, text) in crate::assets::CATALOG_FILES {
            builder.add_text(name, text);
        }
        assert!(builder.warnings().is_empty(), "{:?}", builder.warnings());
        let catalog = builder.finish().unwrap();
        for p in &catalog.powers {
            let short = p.short_name.as_deref().unwrap_or_default();
            assert!(
                (2..=16).contains(&short.chars().count()),
                "{}: “{short}”",
                p.code
            );
            assert!(
                !short.starts_with('对') && !short.ends_with("的处罚"),
                "{}",
                p.code
            );
        }
        let straw = catalog.powers.iter().find(|p| p.code == "HJ-001").unwrap();
        assert_eq!(straw.cause(), "露天焚烧秸秆");
    }

    #[test]
    fn a_long_empty_or_framed_short_name_is_refused_naming_the_item() {
        let text = with_short("在人口集中地区露天焚烧秸秆落叶等物质");
        let issues = build(&[("meta.toml", META), ("hj.toml", &text)]).unwrap_err();
        let issue = &issues[0];
        assert_eq!(issue.code.as_deref(), Some("HJ-001"));
        assert!(
            issue.reason.contains("最多 16 个字") && issue.to_string().contains("HJ-001"),
            "{issue}"
        );
        let got = reasons(&[("meta.toml", META), ("hj.toml", &with_short(" "))]);
        assert!(got.iter().any(|r| r.contains("不能为空")), "{got:?}");
        let got = reasons(&[
            ("meta.toml", META),
            ("hj.toml", &with_short("对露天焚烧秸秆的处罚")),
        ]);
        assert!(got.iter().any(|r| r.contains("对……的处罚")), "{got:?}");
        let good = with_short("露天焚烧秸秆");
        let ok = builder(&[("meta.toml", META), ("hj.toml", &good)]);
        assert!(ok.warnings().is_empty());
        assert_eq!(ok.finish().unwrap().powers[0].cause(), "露天焚烧秸秆");
    }

    #[test]
    fn an_old_catalog_without_short_names_imports_with_a_warning_and_the_derived_cause() {
        // A team's list made before short names existed still loads: the cause falls back to
        // the published name without its frame, and the import says what to complete.
        let old = builder(&[("meta.toml", META), ("hj.toml", STRAW)]);
        let warnings = old.warnings().to_vec();
        assert_eq!(warnings.len(), 1);
        let w = &warnings[0];
        assert_eq!(w.code.as_deref(), Some("HJ-001"));
        assert!(w.reason.contains("缺少简称（short_name）"), "{w}");
        let cat = old.finish().unwrap();
        assert_eq!(cat.powers[0].cause(), "在人口集中地区露天焚烧秸秆");
    }
}

mod coercive_audit {
    //! 行政强制法第十条、第十七条: the written audit of coercive grants
    //! (`assets/catalog/COERCIVE_AUDIT.md`) lists exactly the template items with
    //! `[[power.coercive]]`, with the same provisions, kinds and objects.
    use std::collections::BTreeMap;

    const AUDIT: &str = include_str!("../../../../assets/catalog/COERCIVE_AUDIT.md");

    fn audited() -> BTreeMap<String, Vec<String>> {
        let mut out = BTreeMap::new();
        for (code, rest) in super::audit_lines(AUDIT) {
            let grants = rest.split("; ").map(|g| g.trim().to_string()).collect();
            assert!(
                out.insert(code.to_string(), grants).is_none(),
                "{code} is audited twice"
            );
        }
        out
    }

    /// `安全生产法第65条第1款第4项 查封扣押：…`, as the audit writes a grant.
    fn line_of(c: &crate::catalog::Coercive) -> String {
        let kind = serde_json::to_value(c.kind).unwrap();
        format!(
            "{} {}：{}",
            c.basis.short_citation(),
            kind.as_str().unwrap(),
            c.what
        )
    }

    #[test]
    fn the_catalog_grants_exactly_what_the_audit_found() {
        let catalog = crate::assets::catalog_template().unwrap();
        let mut audit = audited();
        for p in &catalog.powers {
            let stated: Vec<String> = p.coercive.iter().map(line_of).collect();
            let found = audit.remove(&p.code).unwrap_or_default();
            assert_eq!(stated, found, "{}: catalog and audit disagree", p.code);
        }
        assert!(
            audit.is_empty(),
            "audited but not in the catalog: {audit:?}"
        );
    }

    #[test]
    fn spot_checks_of_the_grants() {
        let catalog = crate::assets::catalog_template().unwrap();
        let grant = |code: &str| {
            let p = catalog.powers.iter().find(|p| p.code == code).unwrap();
            p.coercive
                .iter()
                .map(|c| (c.basis.law.clone(), c.basis.article, c.basis.item))
                .collect::<Vec<_>>()
        };
        // 森林法第六十七条第一款第（三）项、第（四）项.
        assert_eq!(
            grant("LY-006"),
            [
                ("森林法".into(), 67, Some(3)),
                ("森林法".into(), 67, Some(4))
            ]
        );
        // 安全生产法第六十五条第一款第（四）项: dangerous goods, so fireworks too.
        assert_eq!(grant("YJ-010"), [("安全生产法".into(), 65, Some(4))]);
        // 消防法第五十四条 is the 消防救援机构's; 城乡规划法第六十八条 the county government's.
        assert!(grant("YJ-006").is_empty());
        assert!(grant("GH-001").is_empty());
        // No 查封、扣押 in 城市市容和环境卫生管理条例.
        assert!(grant("CG-005").is_empty());
    }
}

mod triggered_and_coercive_keys {
    //! A team's own catalog: `[[power.triggered]]`, `without_fine`, `[[power.statutory.mandatory]]`
    //! and `[[power.coercive]]` are checked like every other key.
    use super::{build, reasons, META, STRAW};

    /// The straw-burning item with `extra` keys appended.
    pub(super) fn with(extra: &str) -> String {
        format!("{STRAW}\n{extra}")
    }

    /// The item with `extra` is refused with a reason containing `expect`.
    pub(super) fn rejected(extra: &str, expect: &str) {
        let got = reasons(&[("meta.toml", META), ("hj.toml", &with(extra))]);
        assert!(
            got.iter()
                .any(|r| r.contains(expect) && r.contains("hj.toml") && r.contains("HJ-001")),
            "expected a reason containing {expect:?}, got {got:?}"
        );
    }

    const TRIGGERED: &str = r#"
[[power.triggered]]
trigger = "拒不改正"
basis = { law = "大气污染防治法", version = "2018-10-26", article = 119, paragraph = 1 }

[[power.triggered.mandatory]]
any_of = ["罚款"]
text = "处罚款"
"#;

    const COERCIVE: &str = r#"
[[power.coercive]]
kind = "查封扣押"
basis = { law = "大气污染防治法", version = "2018-10-26", article = 30 }
what = "有关设施、设备、物品"
"#;

    #[test]
    fn a_lawful_item_with_conditions_and_coercive_grants_passes() {
        let text = with(&format!("{TRIGGERED}{COERCIVE}"));
        let cat = build(&[("meta.toml", META), ("hj.toml", &text)]).unwrap();
        let p = &cat.powers[0];
        assert!(p.triggered_by("拒不改正").is_some());
        assert_eq!(p.coercive_bases().len(), 1);
    }

    #[test]
    fn a_statutory_condition_needs_a_name_once_a_basis_and_a_measure_of_the_item() {
        rejected(
            &TRIGGERED.replace("trigger = \"拒不改正\"", "trigger = \" \""),
            "须写明情形名称",
        );
        rejected(&format!("{TRIGGERED}{TRIGGERED}"), "重复列出");
        rejected(
            &TRIGGERED.replace("[\"罚款\"]", "[\"警告\"]"),
            "不在本事项的处罚种类中",
        );
        rejected(
            &TRIGGERED.replace("article = 119", "article = 0"),
            "从 1 开始编号",
        );
        rejected(
            &TRIGGERED.replace(
                "\n[[power.triggered.mandatory]]\nany_of = [\"罚款\"]\ntext = \"处罚款\"\n",
                "",
            ),
            "必须给予的处罚",
        );
        // An unknown key is refused, as everywhere in the format.
        let got = reasons(&[
            ("meta.toml", META),
            ("hj.toml", &with(&TRIGGERED.replace("trigger =", "when ="))),
        ]);
        assert!(!got.is_empty());
    }

    #[test]
    fn without_fine_is_for_a_measure_other_than_the_fine_of_an_item_that_fines() {
        rejected(
            "[[power.mandatory]]\nany_of = [\"罚款\"]\ntext = \"处罚款\"\nwithout_fine = true\n",
            "without_fine",
        );
    }

    #[test]
    fn a_coercive_grant_cites_the_granting_law_and_says_what_is_seized() {
        rejected(
            &COERCIVE.replace("law = \"大气污染防治法\"", "law = \"行政强制法\""),
            "不能是《行政强制法》",
        );
        rejected(&COERCIVE.replace("有关设施、设备、物品", ""), "what");
        rejected(
            &COERCIVE.replace("article = 30", "article = 30, item = 0"),
            "从 1 开始编号",
        );
        // A kind outside 查封 / 扣押 / 查封扣押 does not parse.
        let got = reasons(&[
            ("meta.toml", META),
            (
                "hj.toml",
                &with(&COERCIVE.replace("\"查封扣押\"", "\"没收\"")),
            ),
        ]);
        assert!(!got.is_empty());
    }
}

mod duty_audit;
