//! The reasoning of a fine as the 调查终结报告 and the 行政处罚决定书 state it: the
//! circumstance recorded (从轻/减轻), the discretion tier chosen with its condition from the
//! catalog, and how the amount follows from the tier's range — per unit or by a multiple
//! where the catalog fines that way. One sentence, built here, asked by both documents.

use crate::case::penalty::allowed_fine_range;
use crate::case::{Case, Proposal};
use crate::catalog::{PenaltyKind, Statutory, StatutoryKind, TierName};
use crate::money::{Dec4, Fen};

/// `平方米（非法占用土地面积）` → (`平方米`, `非法占用土地面积`).
fn unit_and_measure(base: &str) -> (&str, &str) {
    match base.split_once('（') {
        Some((unit, rest)) => (unit.trim(), rest.trim_end_matches('）').trim()),
        None => (base.trim(), ""),
    }
}

/// Yuan per unit of `fine` over `units`, when it comes out exact (267 m², 213,600 元 → 800).
fn rate(fine: Fen, units: Dec4) -> Option<Dec4> {
    if units.0 <= 0 {
        return None;
    }
    // fine.0 fen / 100 yuan ÷ (units.0 / SCALE) = fine.0 × SCALE / 100 / units.0 yuan,
    // as a Dec4: × SCALE again.
    let num = i128::from(fine.0) * i128::from(Dec4::SCALE) * i128::from(Dec4::SCALE) / 100;
    let den = i128::from(units.0);
    (num % den == 0)
        .then(|| i64::try_from(num / den).ok())
        .flatten()
        .map(Dec4)
}

/// How the tier's range reads for this case: `非法占用土地面积267平方米，按每平方米300元至
/// 600元计，罚款幅度为80100元至160200元`.
fn range_text(
    band: &Statutory,
    rates: Option<(Dec4, Dec4)>,
    pr: &Proposal,
    range: (Fen, Fen),
) -> String {
    let (min, max) = range;
    let base = band.base.as_deref().unwrap_or("");
    match (band.kind, rates) {
        (StatutoryKind::PerUnit, Some((lo, hi))) => {
            let (unit, measure) = unit_and_measure(base);
            format!(
                "{measure}{}{unit}，按每{unit}{lo}元至{hi}元计，罚款幅度为{min}至{max}",
                pr.units.unwrap_or_default()
            )
        }
        (StatutoryKind::Multiple, Some((lo, hi))) => format!(
            "以{base}{}为基数，按其{lo}倍至{hi}倍计，罚款幅度为{min}至{max}",
            pr.base_amount.unwrap_or_default()
        ),
        _ => format!("罚款幅度为{min}至{max}"),
    }
}

/// The statutory conditions the investigation found (拒不改正 …) and what each makes
/// mandatory, as sentences of the report and the decision (empty when none).
fn conditions_found(case: &Case, pr: &Proposal) -> String {
    pr.triggers
        .iter()
        .filter_map(|name| case.power.power.triggered_by(name))
        .map(|t| {
            // The measure's words without the citation in brackets (the basis is cited).
            let measures: Vec<&str> = t
                .mandatory
                .iter()
                .map(|m| m.text.split('（').next().unwrap_or_default().trim())
                .collect();
            format!(
                "经调查，当事人有“{}”的情形，依照{}，应当{}。",
                t.trigger.trim(),
                t.basis.citation(),
                measures.join("，并")
            )
        })
        .collect()
}

/// The reasoning of the penalty proposed in `pr`, for the amount `fine` (the proposal's,
/// or the decision's after reconsideration), `chosen` saying who fixes it (`建议罚款` in the
/// report, `确定罚款` in the decision). Empty when nothing is to be reasoned.
pub(crate) fn discretion(case: &Case, pr: &Proposal, fine: Fen, chosen: &str) -> String {
    let mut out = conditions_found(case, pr);
    out.push_str(&pr.mitigation_text());
    if !pr.kinds.contains(&PenaltyKind::Fine) || fine.0 <= 0 {
        return out;
    }
    let power = &case.power.power;
    let party = case.party_type();
    let band = if pr.alternative_band {
        power
            .statutory
            .alternative
            .as_ref()
            .map(|a| a.as_statutory())
    } else {
        Some(power.statutory.clone())
    };
    let tier = pr.tier.and_then(|t| {
        power
            .tiers
            .iter()
            .find(|x| x.name == t && x.alternative == pr.alternative_band)
    });
    match (pr.tier, tier) {
        (Some(_), Some(t)) => out.push_str(&format!(
            "依据本机关适用的行政处罚裁量基准，本案属于“{}”情形（{}），",
            t.name.name(),
            t.condition.trim().trim_end_matches('。')
        )),
        (Some(t), None) => out.push_str(&format!("本案适用“{}”处罚，", t.name())),
        (None, _) => out.push_str("该事项没有公布的裁量阶次，"),
    }
    let range = allowed_fine_range(
        power,
        party,
        pr.tier,
        pr.alternative_band,
        pr.base_amount,
        pr.units,
    );
    let rates = tier
        .and_then(|t| t.bounds(party))
        .or_else(|| band.as_ref().and_then(|b| b.bounds(party)))
        .map(|b| (b.min, b.max));
    let within = range
        .as_ref()
        .is_ok_and(|(min, max)| *min <= fine && fine <= *max);
    match (range, &band) {
        // A 减轻 tier goes below the statutory minimum (Art 32): its range ends there.
        (Ok((_, statutory_min)), Some(_)) if pr.tier == Some(TierName::Mitigated) => {
            out.push_str(&format!("减轻处罚，罚款低于法定最低额{statutory_min}"))
        }
        (Ok(range), Some(band)) => out.push_str(&range_text(band, rates, pr, range)),
        _ => out.push_str("罚款数额在法定幅度内确定"),
    }
    if within {
        out.push_str(&format!("，{chosen}{fine}"));
    } else {
        // Art 45: after an adopted statement or a hearing the decider may leave the tier.
        out.push_str(&format!(
            "；经复核当事人的陈述、申辩意见，在法定幅度内{chosen}{fine}"
        ));
    }
    let per_unit = band
        .as_ref()
        .is_some_and(|b| b.kind == StatutoryKind::PerUnit);
    if let (true, Some(units), Some(b)) = (per_unit, pr.units, band.as_ref()) {
        if let Some(r) = rate(fine, units) {
            let (unit, _) = unit_and_measure(b.base.as_deref().unwrap_or(""));
            out.push_str(&format!("（{units}{unit}×{r}元/{unit}）"));
        }
    }
    out.push('。');
    out
}
