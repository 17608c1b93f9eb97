//! Issue 17: orders to act (`[[power.duty]]`). The written audit
//! (`assets/catalog/DUTY_AUDIT.md`) decides every template item once, and the catalog states
//! exactly what it found; the checks of `check_duties` refuse what 行政强制法第十三条 forbids.

use std::collections::BTreeMap;

use super::triggered_and_coercive_keys::{rejected, with};
use super::{build, reasons, META};
use crate::catalog::{DutyGrant, Provision};
use crate::enforcement::{DutyKind, EnforcementPower};

const AUDIT: &str = include_str!("../../../../../assets/catalog/DUTY_AUDIT.md");

/// The audit's decisions: code → the grants it lists (empty for `无`).
fn audited() -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    for (code, rest) in super::audit_lines(AUDIT) {
        let (grants, why) = rest
            .split_once("  —— ")
            .unwrap_or_else(|| panic!("{code}: the audit line gives no reason"));
        assert!(!why.trim().is_empty(), "{code}: the reason is empty");
        let grants = match grants.trim() {
            "无" => Vec::new(),
            g => g.split("; ").map(|g| g.trim().to_string()).collect(),
        };
        assert!(
            out.insert(code.to_string(), grants).is_none(),
            "{code} is audited twice"
        );
    }
    out
}

/// `责令限期拆除 城乡规划法第65条 自行强制执行（城乡规划法第65条）`, as the audit writes a grant
/// (with ` 起诉期限十五日（土地管理法第八十三条）` where a law sets its own time to sue).
fn line_of(d: &DutyGrant) -> String {
    let enforce = match (&d.enforce, &d.enforce_basis) {
        (EnforcementPower::SelfEnforce, Some(b)) => {
            format!("自行强制执行（{}）", b.short_citation())
        }
        (EnforcementPower::SelfEnforce, None) => "自行强制执行（无依据）".to_string(),
        (EnforcementPower::ApplyToCourt, _) => "申请人民法院强制执行".to_string(),
    };
    let suit = d
        .suit
        .map(|s| format!(" 起诉期限{}（{}）", s.days_text(), crate::serde_name(&s)))
        .unwrap_or_default();
    format!(
        "{} {} {enforce}{suit}",
        d.kind.name(),
        d.basis.short_citation()
    )
}

#[test]
fn every_item_is_audited_once_and_the_catalog_states_what_the_audit_found() {
    let catalog = crate::assets::catalog_template().unwrap();
    let mut audit = audited();
    for p in &catalog.powers {
        let stated: Vec<String> = p.duties.iter().map(line_of).collect();
        let found = audit
            .remove(&p.code)
            .unwrap_or_else(|| panic!("{} is not in DUTY_AUDIT.md", p.code));
        assert_eq!(stated, found, "{}: catalog and audit disagree", p.code);
    }
    assert!(
        audit.is_empty(),
        "audited but not in the catalog: {audit:?}"
    );
}

#[test]
fn spot_checks_of_the_orders() {
    let catalog = crate::assets::catalog_template().unwrap();
    let duty = |code: &str, kind: DutyKind| {
        let p = catalog.powers.iter().find(|p| p.code == code).unwrap();
        p.duty(kind).map(|d| {
            (
                d.enforce,
                d.enforce_basis.as_ref().map(Provision::short_citation),
            )
        })
    };
    // 城乡规划法第六十五条: the township itself "可以拆除".
    assert_eq!(
        duty("GH-003", DutyKind::Demolish),
        Some((
            EnforcementPower::SelfEnforce,
            Some("城乡规划法第65条".into())
        ))
    );
    // 城乡规划法第六十四条: the order is the department's, forced demolition the county
    // government's (第六十八条) — so the court.
    assert_eq!(
        duty("GH-001", DutyKind::Demolish),
        Some((EnforcementPower::ApplyToCourt, None))
    );
    // 水法第六十五条第一款 grants 强行拆除, not restoration.
    assert_eq!(
        duty("SL-005", DutyKind::Demolish),
        Some((
            EnforcementPower::SelfEnforce,
            Some("水法第65条第1款".into())
        ))
    );
    assert_eq!(
        duty("SL-005", DutyKind::Restore),
        Some((EnforcementPower::ApplyToCourt, None))
    );
    // 消防法第六十条第三款 covers 第一款第三至六项, not 第二项 (damaged equipment).
    assert_eq!(
        duty("YJ-006", DutyKind::ClearObstacle),
        Some((
            EnforcementPower::SelfEnforce,
            Some("消防法第60条第3款".into())
        ))
    );
    assert_eq!(
        duty("YJ-005", DutyKind::Correct),
        Some((EnforcementPower::ApplyToCourt, None))
    );
    // 城市市容和环境卫生管理条例 is a 行政法规: no self-enforcement of its 第三十六条 orders.
    assert_eq!(
        duty("CG-012", DutyKind::Demolish),
        Some((EnforcementPower::ApplyToCourt, None))
    );
    // Conduct only (大气污染防治法第一百一十九条: 露天焚烧秸秆) is no order to act.
    assert_eq!(duty("HJ-001", DutyKind::Correct), None);
}

#[test]
fn self_enforcement_rests_on_a_law_and_no_item_grants_it_from_a_regulation() {
    let catalog = crate::assets::catalog_template().unwrap();
    for p in &catalog.powers {
        for d in p
            .duties
            .iter()
            .filter(|d| d.enforce == EnforcementPower::SelfEnforce)
        {
            let b = d.enforce_basis.as_ref().expect("validated");
            assert!(
                crate::catalog::citation::is_law(&b.law),
                "{}: {} is not a law",
                p.code,
                b.law
            );
        }
    }
}

const DUTY: &str = r#"
[[power.duty]]
kind = "责令清除障碍物"
basis = { law = "大气污染防治法", version = "2018-10-26", article = 119, paragraph = 1 }
"#;

const SELF_ENFORCED: &str = r#"
[[power.duty]]
kind = "责令限期拆除"
basis = { law = "大气污染防治法", version = "2018-10-26", article = 119, paragraph = 1 }
enforce = "自行强制执行"
enforce_basis = { law = "大气污染防治法", version = "2018-10-26", article = 119 }
"#;

#[test]
fn a_lawful_item_with_orders_passes_and_the_court_is_the_default() {
    let text = with(&format!("{DUTY}{SELF_ENFORCED}"));
    let cat = build(&[("meta.toml", META), ("hj.toml", &text)]).unwrap();
    let p = &cat.powers[0];
    assert_eq!(
        p.duty(DutyKind::ClearObstacle).unwrap().enforce,
        EnforcementPower::ApplyToCourt
    );
    assert_eq!(
        p.duty(DutyKind::Demolish).unwrap().enforce,
        EnforcementPower::SelfEnforce
    );
    assert!(p.duty(DutyKind::Restore).is_none());
}

#[test]
fn self_enforcement_without_its_granting_law_is_refused() {
    let without = SELF_ENFORCED.replace(
        "enforce_basis = { law = \"大气污染防治法\", version = \"2018-10-26\", article = 119 }\n",
        "",
    );
    assert_ne!(without, SELF_ENFORCED);
    rejected(&without, "须写明授权的法律条文（enforce_basis");
}

#[test]
fn a_kind_listed_twice_is_refused() {
    rejected(&format!("{DUTY}{DUTY}"), "责令履行“责令清除障碍物”重复列出");
}

#[test]
fn self_enforcement_cannot_rest_on_a_regulation_or_the_procedure_laws() {
    // 行政强制法第十三条第一款: 行政强制执行由法律设定 — not by a 条例.
    rejected(
        &SELF_ENFORCED.replace(
            "enforce_basis = { law = \"大气污染防治法\"",
            "enforce_basis = { law = \"城市市容和环境卫生管理条例\"",
        ),
        "《城市市容和环境卫生管理条例》不是法律",
    );
    // A 办法 ends in 法 but is a 行政法规 too.
    rejected(
        &SELF_ENFORCED.replace(
            "enforce_basis = { law = \"大气污染防治法\"",
            "enforce_basis = { law = \"无证无照经营查处办法\"",
        ),
        "《无证无照经营查处办法》不是法律",
    );
    rejected(
        &SELF_ENFORCED.replace(
            "enforce_basis = { law = \"大气污染防治法\"",
            "enforce_basis = { law = \"行政强制法\"",
        ),
        "不能只引用《行政强制法》",
    );
}

#[test]
fn a_court_order_takes_no_enforce_basis_and_bases_count_from_one() {
    rejected(
        &SELF_ENFORCED.replace(
            "enforce = \"自行强制执行\"",
            "enforce = \"申请人民法院强制执行\"",
        ),
        "不应写强制执行依据",
    );
    rejected(
        &DUTY.replace("article = 119", "article = 0"),
        "从 1 开始编号",
    );
    // A kind outside the five does not parse.
    let got = reasons(&[
        ("meta.toml", META),
        (
            "hj.toml",
            &with(&DUTY.replace("责令清除障碍物", "责令停止违法行为")),
        ),
    ]);
    assert!(!got.is_empty());
}

/// 土地管理法第八十三条 sets fifteen days to sue against its own 责令限期拆除 only.
#[test]
fn the_land_law_suit_period_goes_with_its_own_demolition_orders_only() {
    let catalog = crate::assets::catalog_template().unwrap();
    let with_suit: Vec<&str> = catalog
        .powers
        .iter()
        .filter(|p| p.duties.iter().any(|d| d.suit.is_some()))
        .map(|p| p.code.as_str())
        .collect();
    assert_eq!(with_suit, ["ZR-001", "ZR-002", "ZR-003", "ZR-004"]);
    let land = r#"
[[power.duty]]
kind = "责令限期拆除"
basis = { law = "土地管理法", version = "2019-08-26", article = 78, paragraph = 1 }
suit = "土地管理法第八十三条"
"#;
    let cat = build(&[("meta.toml", META), ("hj.toml", &with(land))]).unwrap();
    assert_eq!(
        cat.powers[0].duty(DutyKind::Demolish).unwrap().suit,
        Some(crate::enforcement::SpecialSuit::LandDemolition)
    );
    rejected(
        &land.replace("责令限期拆除", "责令恢复原状"),
        "不适用土地管理法第八十三条规定的起诉期限",
    );
    rejected(
        &DUTY.replace(
            "paragraph = 1 }\n",
            "paragraph = 1 }\nsuit = \"土地管理法第八十三条\"\n",
        ),
        "（依据《大气污染防治法》）不适用土地管理法第八十三条",
    );
}
