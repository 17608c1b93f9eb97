//! Checks of a team's catalog against what is already known before it replaces the stored
//! one: statutory ranges are the law's, not the team's, so they are compared with the
//! shipped template (compiled in) and a change needs an explicit override with a reason;
//! an import that would retire items lists them and needs explicit consent.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::{describe_bounds, Catalog, PartyType, Power, Provision, Statutory};

/// A statutory range that differs from the template's for the same penalty provision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatutoryChange {
    pub code: String,
    /// The provision both cite, e.g. `大气污染防治法第一百一十九条第一款`.
    pub provision: String,
    pub template: String,
    pub imported: String,
}

/// What an import would do that needs the importer's explicit say.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ImportCheck {
    /// Items whose statutory range differs from the template's for the same provision.
    pub statutory_changes: Vec<StatutoryChange>,
    /// Items citing a penalty provision the template does not know (not compared).
    pub unverified: Vec<String>,
    /// Codes in effect now that the file does not list: the import would retire them.
    pub retiring: Vec<String>,
}

/// The importer's answers: a reason to override the statutory ranges, and consent to
/// retire the items the file leaves out.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ImportConsent {
    pub override_statutory: Option<String>,
    pub retire_missing: bool,
}

/// The provision without its version date: the range belongs to the article, and a team
/// citing a newer revision must say so through the override.
fn provision_key(p: &Provision) -> (String, u32, Option<u32>, Option<u32>) {
    (p.law.clone(), p.article, p.paragraph, p.item)
}

/// Whether an imported band says what the template's says: same kind and base, and each
/// party's bounds the file gives equal to the template's (a file may leave a party out: it
/// then cannot fine that party at all, which raises nothing).
fn same_band(imported: &Statutory, template: &Statutory) -> bool {
    imported.kind == template.kind
        && imported.base == template.base
        && PartyType::ALL.into_iter().all(|party| {
            imported
                .bounds(party)
                .is_none_or(|b| template.bounds(party) == Some(b))
        })
}

/// The statutory penalty of an imported item agrees with the template's: its band and, if
/// it has one, its alternative band.
fn same_range(imported: &Statutory, template: &Statutory) -> bool {
    same_band(imported, template)
        && imported.alternative.as_ref().is_none_or(|alt| {
            template
                .alternative
                .as_ref()
                .is_some_and(|t| same_band(&alt.as_statutory(), &t.as_statutory()))
        })
}

/// `个人 500元至2000元；单位 …` (and the alternative band, if any).
fn describe(st: &Statutory) -> String {
    let mut parts: Vec<String> = PartyType::ALL
        .into_iter()
        .filter_map(|party| {
            st.bounds(party)
                .map(|b| format!("{} {}", party.name(), describe_bounds(st, b)))
        })
        .collect();
    if let Some(alt) = &st.alternative {
        let band = alt.as_statutory();
        parts.extend(PartyType::ALL.into_iter().filter_map(|party| {
            band.bounds(party)
                .map(|b| format!("备选{} {}", party.name(), describe_bounds(&band, b)))
        }));
    }
    if parts.is_empty() {
        describe_bounds(
            st,
            &super::Bounds {
                min: super::Dec4(0),
                max: super::Dec4(0),
            },
        )
    } else {
        parts.join("；")
    }
}

/// Compares `catalog` with the shipped `template` and the codes in effect now.
pub fn check_import(catalog: &Catalog, template: &Catalog, open_codes: &[String]) -> ImportCheck {
    let mut known: BTreeMap<_, Vec<&Power>> = BTreeMap::new();
    for p in &template.powers {
        known.entry(provision_key(&p.penalty)).or_default().push(p);
    }
    let mut check = ImportCheck::default();
    for p in &catalog.powers {
        let Some(same_article) = known.get(&provision_key(&p.penalty)) else {
            check.unverified.push(p.code.clone());
            continue;
        };
        if !same_article
            .iter()
            .any(|t| same_range(&p.statutory, &t.statutory))
        {
            check.statutory_changes.push(StatutoryChange {
                code: p.code.clone(),
                provision: p.penalty.short_citation(),
                template: describe(&same_article[0].statutory),
                imported: describe(&p.statutory),
            });
        }
    }
    let listed: BTreeSet<&str> = catalog.powers.iter().map(|p| p.code.as_str()).collect();
    check.retiring = open_codes
        .iter()
        .filter(|c| !listed.contains(c.as_str()))
        .cloned()
        .collect();
    check
}

/// Whether the importer's consent covers what the import would do; if not, the Chinese
/// message lists every item concerned and the option that would allow it.
pub fn consent_covers(check: &ImportCheck, consent: &ImportConsent) -> Result<(), String> {
    let mut problems = Vec::new();
    let reason_given = consent
        .override_statutory
        .as_deref()
        .is_some_and(|r| !r.trim().is_empty());
    if !check.statutory_changes.is_empty() && !reason_given {
        let items: Vec<String> = check
            .statutory_changes
            .iter()
            .map(|c| {
                format!(
                    "  {}（{}）：内置模板 {}，导入文件 {}",
                    c.code, c.provision, c.template, c.imported
                )
            })
            .collect();
        problems.push(format!(
            "{} 项的法定处罚幅度与内置模板不同（法定幅度由法律规定，清单不能自行改变）：\n{}\n如确因法律修改等原因需要改变，请加 --override-statutory \"理由\"（记入审计日志）",
            items.len(),
            items.join("\n")
        ));
    }
    if !check.retiring.is_empty() && !consent.retire_missing {
        problems.push(format!(
            "导入文件未列出现行的 {} 项，导入后这些事项将停用：{}\n如确需停用，请加 --retire-missing",
            check.retiring.len(),
            check.retiring.join("、")
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("未导入。{}", problems.join("\n")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Dec4;

    fn template() -> Catalog {
        crate::assets::catalog_template().unwrap()
    }

    fn open(t: &Catalog) -> Vec<String> {
        t.powers.iter().map(|p| p.code.clone()).collect()
    }

    #[test]
    fn the_template_against_itself_needs_no_consent() {
        let t = template();
        let check = check_import(&t, &t, &open(&t));
        assert_eq!(check, ImportCheck::default());
        assert_eq!(consent_covers(&check, &ImportConsent::default()), Ok(()));
    }

    #[test]
    fn a_raised_statutory_range_needs_an_override_with_a_reason() {
        let t = template();
        let mut raised = t.clone();
        let straw = raised
            .powers
            .iter_mut()
            .find(|p| p.code == "HJ-001")
            .unwrap();
        if let Some(b) = straw.statutory.individual.as_mut() {
            b.max = Dec4::from_int(2_000_000);
        }
        let check = check_import(&raised, &t, &open(&t));
        assert_eq!(check.statutory_changes.len(), 1);
        assert_eq!(check.statutory_changes[0].code, "HJ-001");
        let e = consent_covers(&check, &ImportConsent::default()).unwrap_err();
        assert!(
            e.contains("HJ-001") && e.contains("--override-statutory"),
            "{e}"
        );
        let blank = ImportConsent {
            override_statutory: Some("  ".into()),
            retire_missing: false,
        };
        assert!(
            consent_covers(&check, &blank).is_err(),
            "a reason is required"
        );
        let with_reason = ImportConsent {
            override_statutory: Some("法律修改".into()),
            retire_missing: false,
        };
        assert_eq!(consent_covers(&check, &with_reason), Ok(()));
    }

    #[test]
    fn retiring_items_are_listed_and_need_consent() {
        let t = template();
        let mut one = t.clone();
        one.powers.retain(|p| p.code == "HJ-001");
        let check = check_import(&one, &t, &open(&t));
        assert_eq!(check.retiring.len(), t.powers.len() - 1);
        let e = consent_covers(&check, &ImportConsent::default()).unwrap_err();
        assert!(
            e.contains("CG-001") && e.contains("--retire-missing"),
            "{e}"
        );
        let consent = ImportConsent {
            override_statutory: None,
            retire_missing: true,
        };
        assert_eq!(consent_covers(&check, &consent), Ok(()));
    }
}
