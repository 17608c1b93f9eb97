//! Penalty arithmetic: the fine range a proposal may use, the hearing right, legal review,
//! and 加处罚款.

use chrono::NaiveDate;

use super::model::{Case, Proposal};
use super::rule::{RuleError, RuleResult};
use crate::catalog::{Bounds, PartyType, PenaltyKind, Power, Statutory, StatutoryKind, TierName};
use crate::money::{Dec4, Fen};
use crate::procedure_settings::ProcedureSettings;

const RANGE_RULE: &str = "行政处罚法第三十四条、第三十八条";

/// Yuan amounts (Dec4) → fen.
fn fen(v: Dec4) -> Fen {
    Fen(v.0 / 100)
}

/// `amount × factor` in fen, rounding down (max) or up (min).
fn scale(amount: Fen, factor: Dec4, round_up: bool) -> Fen {
    let num = i128::from(amount.0) * i128::from(factor.0);
    let den = i128::from(Dec4::SCALE);
    let q = num / den;
    let q = if round_up && num % den != 0 { q + 1 } else { q };
    Fen(q as i64)
}

/// Converts bounds of a band into fen, given the base (multiples) or units (per-unit).
fn to_fen_range(
    st: &Statutory,
    b: &Bounds,
    base: Option<Fen>,
    units: Option<Dec4>,
) -> RuleResult<(Fen, Fen)> {
    match st.kind {
        StatutoryKind::Range | StatutoryKind::MaxOnly => Ok((fen(b.min), fen(b.max))),
        StatutoryKind::Multiple => {
            let base = base.filter(|b| b.0 > 0).ok_or_else(|| {
                RuleError::input(format!(
                    "该事项按{}的倍数计罚，请填写{}金额",
                    st.base.as_deref().unwrap_or("基数"),
                    st.base.as_deref().unwrap_or("基数")
                ))
            })?;
            Ok((scale(base, b.min, true), scale(base, b.max, false)))
        }
        StatutoryKind::PerUnit => {
            let units = units.filter(|u| u.0 > 0).ok_or_else(|| {
                RuleError::input(format!(
                    "该事项按每{}计罚，请填写{}数",
                    st.base.as_deref().unwrap_or("单位"),
                    st.base.as_deref().unwrap_or("单位")
                ))
            })?;
            // units (Dec4) × yuan per unit (Dec4) → yuan (Dec4²) → fen.
            let min = i128::from(units.0) * i128::from(b.min.0) / i128::from(Dec4::SCALE) / 100;
            let max = i128::from(units.0) * i128::from(b.max.0) / i128::from(Dec4::SCALE) / 100;
            Ok((Fen(min as i64), Fen(max as i64)))
        }
        StatutoryKind::Local | StatutoryKind::None => Ok((Fen(0), Fen(0))),
    }
}

/// The fine range (in fen) the law and the chosen discretion tier allow for this case.
///
/// 行政处罚法 Art 34/38: a fine must have a legal basis and stay within it; the published
/// benchmark tier narrows the range. A 减轻 tier (Art 32) goes below the statutory minimum.
pub fn allowed_fine_range(
    power: &Power,
    party: PartyType,
    tier: Option<TierName>,
    alternative_band: bool,
    base: Option<Fen>,
    units: Option<Dec4>,
) -> RuleResult<(Fen, Fen)> {
    let st = &power.statutory;
    match st.kind {
        StatutoryKind::None => {
            return Err(RuleError::new(
                RANGE_RULE,
                format!("{} 的处罚条款不设罚款，不能拟处罚款", power.code),
            ))
        }
        StatutoryKind::Local => {
            return Err(RuleError::new(
                RANGE_RULE,
                format!(
                    "{} 的罚款数额由地方性法规或规章规定，权限清单中尚无本省幅度；请先导入本乡镇正式清单补充幅度，或只给予警告等其他处罚",
                    power.code
                ),
            ))
        }
        _ => {}
    }
    let band = statutory_band(power, alternative_band)?;
    let (smin, smax) = statutory_range(power, party, alternative_band, base, units)?;
    let Some(tier_name) = tier else {
        if power.tiers.iter().any(|t| t.bounds(party).is_some()) {
            return Err(RuleError::new(
                "行政处罚法第三十四条",
                "该事项有公布的裁量基准，请选择裁量阶次",
            ));
        }
        return Ok((smin, smax));
    };
    if tier_name == TierName::Mitigated {
        return Ok((Fen(0), smin));
    }
    let t = power
        .tiers
        .iter()
        .find(|t| t.name == tier_name && t.alternative == alternative_band)
        .ok_or_else(|| {
            RuleError::input(format!("{} 没有“{}”裁量阶次", power.code, tier_name.name()))
        })?;
    match t.bounds(party) {
        Some(tb) => to_fen_range(&band, tb, base, units),
        None => Ok((smin, smax)),
    }
}

/// The statutory band (base or alternative) in fen, before any benchmark tier.
fn statutory_range(
    power: &Power,
    party: PartyType,
    alternative_band: bool,
    base: Option<Fen>,
    units: Option<Dec4>,
) -> RuleResult<(Fen, Fen)> {
    let band = statutory_band(power, alternative_band)?;
    let bounds = band.bounds(party).ok_or_else(|| {
        RuleError::new(
            RANGE_RULE,
            format!("{} 的法定处罚不适用于{}当事人", power.code, party.name()),
        )
    })?;
    to_fen_range(&band, bounds, base, units)
}

fn statutory_band(power: &Power, alternative_band: bool) -> RuleResult<Statutory> {
    if alternative_band {
        power
            .statutory
            .alternative
            .as_ref()
            .map(|a| a.as_statutory())
            .ok_or_else(|| RuleError::input(format!("{} 没有备选幅度", power.code)))
    } else {
        Ok(power.statutory.clone())
    }
}

/// Checks a proposal's fine against the statutory range and the chosen tier, and that a
/// 从轻/减轻 tier rests on its recorded circumstance.
pub fn check_fine(power: &Power, party: PartyType, p: &Proposal) -> RuleResult {
    super::gates::mitigation_grounded(p.tier, p.mitigation, &p.kinds, p.fine)?;
    if !p.kinds.contains(&PenaltyKind::Fine) {
        if p.fine.0 != 0 {
            return Err(RuleError::input("处罚种类未选“罚款”，罚款金额应为 0"));
        }
        return Ok(());
    }
    let (min, max) = allowed_fine_range(
        power,
        party,
        p.tier,
        p.alternative_band,
        p.base_amount,
        p.units,
    )?;
    if p.fine < min || p.fine > max {
        return Err(RuleError::new(
            "行政处罚法第三十四条",
            format!("拟罚款 {} 超出可选幅度 {} 至 {}", p.fine, min, max),
        ));
    }
    Ok(())
}

/// The party's statement was adopted or a hearing was held: the decider may then leave the
/// proposed tier (Art 45 para 1), the adopted statement's 复核 or the hearing record being
/// the recorded reason.
pub fn reconsidered(case: &Case) -> bool {
    case.statements
        .iter()
        .any(|s| s.adopted && !s.reexamination.trim().is_empty())
        || case
            .hearing
            .as_ref()
            .is_some_and(|h| h.held_on.is_some() && !h.party_absent)
}

/// The decided fine. Without reconsideration it stays in the proposal's tier; after an
/// adopted statement or a hearing it may go anywhere in the statutory range (below its
/// minimum only where the proposal was 减轻, and never to nothing). Never above the
/// notice: that is [`super::gates::not_heavier_than_notified`] (Art 45 para 2).
pub fn check_decided_fine(
    case: &Case,
    kinds: &[PenaltyKind],
    fine: Fen,
    confiscation: Fen,
) -> RuleResult {
    let mut p = case
        .proposal
        .clone()
        .ok_or_else(|| RuleError::input("尚无处理建议"))?;
    p.kinds = kinds.to_vec();
    p.fine = fine;
    p.confiscation = confiscation;
    let power = &case.power.power;
    let party = case.party_type();
    if !reconsidered(case) || !kinds.contains(&PenaltyKind::Fine) {
        return check_fine(power, party, &p);
    }
    super::gates::mitigation_grounded(p.tier, p.mitigation, &p.kinds, p.fine)?;
    let (smin, smax) = statutory_range(power, party, p.alternative_band, p.base_amount, p.units)?;
    let min = if p.tier == Some(TierName::Mitigated) {
        Fen(1)
    } else {
        smin
    };
    if fine < min || fine > smax {
        return Err(RuleError::new(
            "行政处罚法第四十五条",
            format!("采纳陈述申辩或听证后，决定罚款 {fine} 仍须在法定幅度 {min} 至 {smax} 内"),
        ));
    }
    Ok(())
}

/// 行政处罚法 Art 63: the hearing right applies to large fines (thresholds are agency
/// settings), large confiscations, licence and qualification penalties, suspension,
/// closure and 限制从业.
pub fn hearing_right(
    kinds: &[PenaltyKind],
    fine: Fen,
    confiscation: Fen,
    party: PartyType,
    settings: &ProcedureSettings,
) -> bool {
    let threshold = match party {
        PartyType::Individual => settings.hearing_threshold_individual,
        PartyType::Organisation => settings.hearing_threshold_organisation,
    };
    let heavy_kind = kinds.iter().any(|k| {
        matches!(
            k,
            PenaltyKind::LowerQualification
                | PenaltyKind::RevokeLicence
                | PenaltyKind::RestrictBusiness
                | PenaltyKind::SuspendBusiness
                | PenaltyKind::Close
                | PenaltyKind::RestrictPractice
        )
    });
    heavy_kind || fine >= threshold || confiscation >= threshold
}

/// 行政处罚法 Art 58: 法制审核 is required for major public interest, difficult or complex
/// cases, cases required by law — flagged on the proposal — and for cases that directly
/// affect major rights **and** went through a hearing (Art 58(2)).
pub fn legal_review_required(case: &Case) -> bool {
    let flagged = case
        .proposal
        .as_ref()
        .is_some_and(|p| !p.legal_review_flags.is_empty() || p.complex_or_major);
    let heard = case.hearing.as_ref().is_some_and(|h| h.held_on.is_some());
    flagged || heard
}

/// 加处罚款 (行政处罚法 Art 72(1)): 3 % of the outstanding fine per day late, never more than
/// the fine; no day counts while a 复议 or 诉讼 is pending (Art 73).
pub fn surcharge(case: &Case, payment_due: NaiveDate, on: NaiveDate) -> Fen {
    let outstanding = Fen((case.fine_due().0 - case.paid().0).max(0));
    if outstanding.0 == 0 || on <= payment_due {
        return Fen(0);
    }
    let mut days: i64 = 0;
    let mut d = payment_due;
    while d < on {
        d = match d.succ_opt() {
            Some(n) => n,
            None => break,
        };
        if !case.remedy_pending_on(d) {
            days += 1;
        }
    }
    // 3 % per day of the unpaid fine, in fen, rounded down; capped at the fine (Art 72).
    let raw = i128::from(outstanding.0) * 3 * i128::from(days) / 100;
    Fen(raw.min(i128::from(case.fine_due().0)) as i64)
}

#[cfg(test)]
mod tests;
