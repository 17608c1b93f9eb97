//! Checks added with issue 15 (in-force dates, heavier bands and their triggers, reserved
//! penalties, related items). Kept apart from `validate.rs` so each reads on its own; both
//! feed the same issue list.

use std::collections::{BTreeMap, BTreeSet};

use super::validate::CatalogIssue;
use super::{PenaltyKind, Power, Relation};

/// A power may not apply before the text it cites came into force (行政处罚法第三十七条: an
/// earlier act is judged under the earlier text), and a text cannot come into force before
/// it was promulgated.
pub(super) fn check_in_force(p: &Power, errs: &mut Vec<String>) {
    for prov in p.provisions() {
        if let Some(in_force) = prov.in_force {
            if in_force < prov.version {
                errs.push(format!(
                    "《{}》（{}）的施行日期 {in_force} 早于其版本日期",
                    prov.law, prov.version
                ));
            }
            if let Some(from) = p.effective_from {
                if from < in_force {
                    errs.push(format!(
                        "生效日期 {from} 早于所引《{}》（{}）的施行日期 {in_force}；此前的行为应适用当时有效的条文（行政处罚法第三十七条）",
                        prov.law, prov.version
                    ));
                }
            }
        }
    }
}

/// A tier in the alternative band applies only on the band's statutory trigger: its
/// condition starts with the band's condition (e.g. “逾期不改正”) and does not widen it with
/// an “或……” of its own.
pub(super) fn check_alternative_tiers(p: &Power, errs: &mut Vec<String>) {
    let Some(alt) = &p.statutory.alternative else {
        return;
    };
    let trigger = alt.condition.trim();
    if trigger.is_empty() {
        return; // reported by check_statutory
    }
    for tier in p.tiers.iter().filter(|t| t.alternative) {
        let cond = tier.condition.trim();
        let Some(rest) = cond.strip_prefix(trigger) else {
            errs.push(format!(
                "裁量阶次“{}”适用备选幅度，其适用情形须以法定情形“{trigger}”开头（现为“{cond}”）",
                tier.name.name()
            ));
            continue;
        };
        let rest = rest.trim_start_matches(['，', '、', '；', ',', ' ']);
        if rest.starts_with('或') {
            errs.push(format!(
                "裁量阶次“{}”适用备选幅度，只能在法定情形“{trigger}”下适用，不得以“或……”增加法律未规定的情形",
                tier.name.name()
            ));
        }
    }
}

/// Reserved penalties must be penalties of the item, name who decides and why.
pub(super) fn check_reserved(p: &Power, errs: &mut Vec<String>) {
    let Some(r) = &p.reserved else { return };
    if r.authority.trim().is_empty() {
        errs.push("保留事项（reserved）须写明有权决定的机关（authority）".to_string());
    }
    if r.reason.trim().is_empty() {
        errs.push("保留事项（reserved）须写明依据（reason）".to_string());
    }
    for k in &r.kinds {
        if !p.penalty_kinds.contains(k) {
            errs.push(format!(
                "保留的处罚种类“{}”不在本事项的处罚种类中",
                PenaltyKind::name(*k)
            ));
        }
    }
}

/// Mandatory measures — the power's, each band's and each statutory condition's — are
/// penalties of the item, stated with the statute's words.
pub(super) fn check_mandatory(p: &Power, errs: &mut Vec<String>) {
    let alt = p.statutory.alternative.iter().flat_map(|a| &a.mandatory);
    let triggered = p
        .triggered
        .iter()
        .flat_map(|t| t.mandatory.iter().map(move |m| (t.trigger.trim(), m)));
    let listed = p
        .mandatory
        .iter()
        .map(|m| ("必须给予的处罚（mandatory）".to_string(), m))
        .chain(p.statutory.mandatory.iter().map(|m| {
            (
                "基本幅度必须给予的处罚（statutory.mandatory）".to_string(),
                m,
            )
        }))
        .chain(alt.map(|m| {
            (
                "备选幅度必须给予的处罚（alternative.mandatory）".to_string(),
                m,
            )
        }))
        .chain(triggered.map(|(t, m)| {
            (
                format!("法定情形“{t}”必须给予的处罚（triggered.mandatory）"),
                m,
            )
        }));
    for (what, m) in listed {
        if m.any_of.is_empty() {
            errs.push(format!("{what}须列出处罚种类（any_of）"));
        }
        if m.text.trim().is_empty() {
            errs.push(format!("{what}须写明条文表述（text）"));
        }
        for k in &m.any_of {
            if !p.penalty_kinds.contains(k) {
                errs.push(format!(
                    "{what}中的处罚种类“{}”不在本事项的处罚种类中",
                    PenaltyKind::name(*k)
                ));
            }
        }
        // "Without a fine" needs an item that may fine, and cannot be the fine itself.
        if m.without_fine
            && (!p.penalty_kinds.contains(&PenaltyKind::Fine)
                || m.any_of.contains(&PenaltyKind::Fine))
        {
            errs.push(format!(
                "{what}标为“无罚款时必给”（without_fine），只用于有罚款的事项中罚款以外的处罚种类"
            ));
        }
    }
}

/// Statutory conditions (`[[power.triggered]]`) have a name a proposal can record, once, a
/// basis in the item's own statute and at least one measure.
pub(super) fn check_triggered(p: &Power, errs: &mut Vec<String>) {
    let mut seen = BTreeSet::new();
    for t in &p.triggered {
        let name = t.trigger.trim();
        if name.is_empty() {
            errs.push("法定情形（triggered）须写明情形名称（trigger），如 拒不改正".to_string());
            continue;
        }
        if name.chars().count() > TRIGGER_MAX_CHARS {
            errs.push(format!(
                "法定情形名称“{name}”过长（最多 {TRIGGER_MAX_CHARS} 个字），请写法条所称情形的简称"
            ));
        }
        if !seen.insert(name) {
            errs.push(format!("法定情形“{name}”重复列出"));
        }
        check_basis(&format!("法定情形“{name}”的依据（basis）"), &t.basis, errs);
        if t.mandatory.is_empty() {
            errs.push(format!(
                "法定情形“{name}”须列出该情形下必须给予的处罚（[[power.triggered.mandatory]]）"
            ));
        }
    }
}

/// The longest statutory-condition name a catalog may state, in characters.
pub const TRIGGER_MAX_CHARS: usize = 20;

/// Coercive measures (`[[power.coercive]]`) cite the law or 行政法规 that grants them
/// (行政强制法第十条) — not the procedure laws — and say what may be sealed or seized.
pub(super) fn check_coercive(p: &Power, errs: &mut Vec<String>) {
    for c in &p.coercive {
        let what = format!("行政强制措施“{}”", c.kind.name());
        check_basis(&format!("{what}的依据（basis）"), &c.basis, errs);
        if PROCEDURE_LAWS.contains(&c.basis.law.trim()) {
            errs.push(format!(
                "{what}的依据须是设定该措施的法律、法规条文（行政强制法第十条），不能是《{}》",
                c.basis.law.trim()
            ));
        }
        if c.what.trim().is_empty() {
            errs.push(format!("{what}须写明可以查封、扣押的对象（what）"));
        }
    }
}

/// Orders to act (`[[power.duty]]`) cite the provision that provides for them, each kind
/// once, and self-enforcement cites the law that grants it (行政强制法第十三条第一款).
pub(super) fn check_duties(p: &Power, errs: &mut Vec<String>) {
    for (i, d) in p.duties.iter().enumerate() {
        let what = format!("责令履行“{}”", d.kind.name());
        check_basis(&format!("{what}的依据（basis）"), &d.basis, errs);
        if p.duties[..i].iter().any(|e| e.kind == d.kind) {
            errs.push(format!("{what}重复列出"));
        }
        if let Some(s) = d.suit.filter(|s| !s.covers(d.kind, &d.basis)) {
            errs.push(format!(
                "{what}（依据《{}》）不适用{}规定的起诉期限；请删除 suit",
                d.basis.law.trim(),
                crate::serde_name(&s)
            ));
        }
        match (&d.enforce, &d.enforce_basis) {
            (crate::enforcement::EnforcementPower::SelfEnforce, None) => errs.push(format!(
                "{what}由本机关自行强制执行的，须写明授权的法律条文（enforce_basis，行政强制法第十三条第一款）"
            )),
            (crate::enforcement::EnforcementPower::SelfEnforce, Some(b)) => {
                check_basis(&format!("{what}的强制执行依据（enforce_basis）"), b, errs);
                if PROCEDURE_LAWS.contains(&b.law.trim()) {
                    errs.push(format!(
                        "{what}的强制执行权须由法律规定（行政强制法第十三条第一款），不能只引用《{}》",
                        b.law.trim()
                    ));
                } else if !super::citation::is_law(&b.law) {
                    errs.push(format!(
                        "{what}的强制执行权只能由法律设定（行政强制法第十三条第一款），《{}》不是法律；请改为申请人民法院强制执行",
                        b.law.trim()
                    ));
                }
            }
            (crate::enforcement::EnforcementPower::ApplyToCourt, Some(_)) => errs.push(format!(
                "{what}申请人民法院强制执行的，不应写强制执行依据（enforce_basis）"
            )),
            (crate::enforcement::EnforcementPower::ApplyToCourt, None) => {}
        }
    }
}

/// Laws that regulate how coercive measures are applied but grant none for an item.
const PROCEDURE_LAWS: [&str; 2] = ["行政强制法", "行政处罚法"];

fn check_basis(what: &str, b: &super::Provision, errs: &mut Vec<String>) {
    if b.law.trim().is_empty() {
        errs.push(format!("{what}缺少法律名称"));
    }
    if b.article == 0 || b.paragraph == Some(0) || b.item == Some(0) {
        errs.push(format!("{what}的条、款、项须从 1 开始编号"));
    }
    if b.in_force.is_some_and(|f| f < b.version) {
        errs.push(format!("{what}的施行日期早于其版本日期"));
    }
}

/// Related items exist, are not the item itself, and an overlap is stated on both sides.
pub(super) fn check_related(powers: &[(String, Power)]) -> Vec<CatalogIssue> {
    let by_code: BTreeMap<&str, &Power> =
        powers.iter().map(|(_, p)| (p.code.as_str(), p)).collect();
    let mut issues = Vec::new();
    for (file, p) in powers {
        let mut push = |reason: String| {
            issues.push(CatalogIssue {
                file: file.clone(),
                code: Some(p.code.clone()),
                reason,
            })
        };
        for rel in &p.related {
            if rel.note.trim().is_empty() {
                push(format!("关联事项 {} 须写明说明（note）", rel.code));
            }
            if rel.code == p.code {
                push("关联事项不能是本事项自身".to_string());
                continue;
            }
            let Some(other) = by_code.get(rel.code.as_str()) else {
                push(format!("关联事项 {} 不在清单中", rel.code));
                continue;
            };
            if rel.relation == Relation::Overlap
                && !other
                    .related
                    .iter()
                    .any(|r| r.code == p.code && r.relation == Relation::Overlap)
            {
                push(format!(
                    "与 {} 的竞合关系（overlap）须在两个事项中互相列明",
                    rel.code
                ));
            }
        }
    }
    issues
}
