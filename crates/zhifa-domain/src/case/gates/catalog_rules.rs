//! Gates that read the catalog item itself (issue 15): which text applies to the act's date,
//! what the township may not decide, and one fine for one act.

use chrono::NaiveDate;

use crate::case::rule::{RuleError, RuleResult};
use crate::catalog::{PenaltyKind, Power};
use crate::money::Fen;

/// 行政处罚法 Art 37: an act is judged under the provisions in force when it was done. When
/// the earliest version of `code` the catalog holds applies only from `earliest_from` (the
/// date its cited text came into force) and the act is earlier, the text that applied is not
/// in the catalog: refuse rather than apply a later text.
pub fn act_within_catalog_texts(
    code: &str,
    act_date: NaiveDate,
    earliest_from: NaiveDate,
) -> RuleResult {
    if act_date >= earliest_from {
        return Ok(());
    }
    Err(RuleError::new(
        "行政处罚法第三十七条",
        format!(
            "事项 {code} 所依据的条文自 {earliest_from} 起施行，违法行为发生在 {act_date}，应当适用行为时有效的规定；本权限清单未收录当时有效的条文，不能据此立案或处罚。请管理员导入含当时条文的清单版本，或报上级法制机构确定适用依据"
        ),
    ))
}

/// 行政处罚法 Art 17, 24: the township decides only the penalties assigned to it. A penalty
/// the catalog reserves to another authority (吊销 of a licence the county issued, a
/// public-security power) is not decided here; the case goes to that authority (移送).
pub fn township_may_decide(power: &Power, kinds: &[PenaltyKind]) -> RuleResult {
    let Some(r) = &power.reserved else {
        return Ok(());
    };
    if r.whole_item() {
        return Err(RuleError::new(
            "行政处罚法第十七条、第二十四条",
            format!(
                "{} 的处罚由{}决定，本机关不能自行作出（{}）。请在审查决定中选择“移送”，移送{}",
                power.code, r.authority, r.reason, r.authority
            ),
        ));
    }
    let reserved = r.reserved_among(kinds);
    if reserved.is_empty() {
        return Ok(());
    }
    let names: Vec<&str> = reserved.iter().map(|k| k.name()).collect();
    Err(RuleError::new(
        "行政处罚法第十七条、第二十四条",
        format!(
            "处罚种类“{}”须由{}决定，本机关不能自行作出（{}）。请从处罚种类中去掉该项，将该部分移送{}；全案移送时在审查决定中选择“移送”",
            names.join("、"),
            r.authority,
            r.reason,
            r.authority
        ),
    ))
}

/// 行政处罚法 Art 4 (处罚法定): what the penalty provision makes mandatory ("给予警告",
/// "并没收非法经营的物品") is part of every penalty under it; what it makes mandatory in one
/// band ("情节严重的，责令停业整顿") is part of every penalty in that band (`alternative_band`,
/// the proposal's band); what it makes mandatory on a condition the investigation found
/// (`triggers`, e.g. 拒不改正) is part of every penalty once that condition is recorded; and
/// what it gives in the base situation without a fine (给予警告) is part of a penalty without
/// a fine. A decision that leaves one out applies the provision wrongly. A proposal not to
/// punish (`kinds` empty) is another path, but its triggers must still be the item's own.
pub fn mandatory_measures_included(
    power: &Power,
    alternative_band: bool,
    triggers: &[String],
    kinds: &[PenaltyKind],
) -> RuleResult {
    let mut found = Vec::new();
    for name in triggers {
        let Some(t) = power.triggered_by(name) else {
            let declared: Vec<&str> = power.triggered.iter().map(|t| t.trigger.as_str()).collect();
            let choices = if declared.is_empty() {
                "本事项没有此类情形，请不要填写".to_string()
            } else {
                format!("只能从“{}”中选择", declared.join("”“"))
            };
            return Err(RuleError::input(format!(
                "法定情形“{}”不是 {} 的处罚条款规定的情形，{choices}",
                name.trim(),
                power.code
            )));
        };
        found.push(t);
    }
    if kinds.is_empty() {
        return Ok(());
    }
    // A measure of the fine-less base situation is not asked of a penalty with a fine.
    let applies =
        |m: &&crate::catalog::Mandatory| !(m.without_fine && kinds.contains(&PenaltyKind::Fine));
    let missing: Vec<&str> = power
        .mandatory_in(alternative_band)
        .filter(applies)
        .filter(|m| !m.met_by(kinds))
        .map(|m| m.text.as_str())
        .collect();
    if !missing.is_empty() {
        // Name the band's trigger when one of its own measures is missing.
        let band = power
            .statutory
            .alternative
            .as_ref()
            .filter(|alt| alternative_band && alt.mandatory.iter().any(|m| !m.met_by(kinds)))
            .map(|alt| format!("在“{}”的情形下", alt.condition))
            .unwrap_or_default();
        return Err(RuleError::new(
            "行政处罚法第四条",
            format!(
                "{} 的处罚条款（{}）规定{band}必须{}，处罚种类中缺少；请补选相应处罚种类",
                power.code,
                crate::catalog::cite_provisions(std::iter::once(&power.penalty)),
                missing.join("，并")
            ),
        ));
    }
    // Where the base situation has no fine, a fine needs its condition recorded.
    let fine_conditions = power.fine_conditions();
    if kinds.contains(&PenaltyKind::Fine)
        && !fine_conditions.is_empty()
        && !fine_conditions
            .iter()
            .any(|c| found.iter().any(|f| f.trigger == c.trigger))
    {
        let names: Vec<&str> = fine_conditions.iter().map(|c| c.trigger.trim()).collect();
        return Err(RuleError::new(
            "行政处罚法第四条",
            format!(
                "{} 的处罚条款（{}）只在“{}”的情形下处以罚款，其余情形只能责令改正、给予警告；调查认定了该情形的，请在“法定情形”中填写，否则请去掉罚款",
                power.code,
                fine_conditions[0].basis.citation(),
                names.join("”或“")
            ),
        ));
    }
    for t in found {
        let missing: Vec<&str> = t
            .mandatory
            .iter()
            .filter(|m| !m.met_by(kinds))
            .map(|m| m.text.as_str())
            .collect();
        if !missing.is_empty() {
            return Err(RuleError::new(
                "行政处罚法第四条",
                format!(
                    "调查认定了“{}”的情形，{} 的处罚条款（{}）规定此时必须{}，处罚种类中缺少；请补选相应处罚种类",
                    t.trigger.trim(),
                    power.code,
                    t.basis.citation(),
                    missing.join("，并")
                ),
            ));
        }
    }
    Ok(())
}

/// 行政强制法 Art 10, 17: 查封、扣押 are set only by a law or 行政法规 (a 地方性法规 for some)
/// and carried out only by the agency that text names, within its powers. Under an item
/// whose laws grant none, the lawful way to keep evidence is 先行登记保存 (行政处罚法第五十六条).
pub fn coercive_measure_granted(power: &Power) -> RuleResult {
    if !power.coercive.is_empty() {
        return Ok(());
    }
    Err(RuleError::new(
        "行政强制法第十七条",
        format!(
            "{}（{}）所依据的法律、法规没有规定查封、扣押措施，本机关不能以该事项实施查封、扣押（行政强制法第十条、第十七条）。证据可能灭失或者以后难以取得的，经负责人批准可以先行登记保存（行政处罚法第五十六条）",
            power.code,
            power.cause()
        ),
    ))
}

/// 行政强制法第三十四条 ("依法作出行政决定"): an order to act rests on a provision that
/// provides for it; the catalog item lists those orders (`[[power.duty]]`) with who may
/// enforce each. An order the item does not list cannot be made under it.
pub fn duty_order_provided(
    power: &Power,
    kind: crate::enforcement::DutyKind,
) -> RuleResult<&crate::catalog::DutyGrant> {
    power.duty(kind).ok_or_else(|| {
        let listed: Vec<&str> = power.duties.iter().map(|d| d.kind.name()).collect();
        RuleError::new(
            "行政强制法第三十四条",
            if listed.is_empty() {
                format!(
                    "{}（{}）的处罚条款没有规定责令履行的义务，不能依该事项作出“{}”",
                    power.code,
                    power.cause(),
                    kind.name()
                )
            } else {
                format!(
                    "{}（{}）的处罚条款没有规定“{}”，可作出：{}",
                    power.code,
                    power.cause(),
                    kind.name(),
                    listed.join("、")
                )
            },
        )
    })
}

/// 行政处罚法 Art 28 para 1: every penalty decision orders the party to correct the act
/// (or to correct it within a time limit).
pub fn correction_ordered(correction_order: &str) -> RuleResult {
    if correction_order.trim().is_empty() {
        Err(RuleError::new(
            "行政处罚法第二十八条第一款",
            "实施行政处罚时应当责令当事人改正或者限期改正违法行为，请填写责令改正内容",
        ))
    } else {
        Ok(())
    }
}

/// A fine another case already decided, as the store finds it for the same party.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriorFine {
    pub case_no: String,
    pub code: String,
    pub party_ids: Vec<String>,
    pub act_date: NaiveDate,
    pub place: String,
    pub fine: Fen,
}

/// Whether two places name the same spot: equal once blanks are removed (conservative: a
/// differently written place is treated as another act).
fn same_place(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    norm(a) == norm(b)
}

/// 行政处罚法 Art 29: one illegal act is fined once, under the provision with the higher
/// fine. The same act, read conservatively: a party with the same ID number, under the same
/// item or one the catalog relates to it, on the same act date at the same place. A case
/// that is already fined for it forbids a second fine here.
pub fn one_fine_per_act(
    power: &Power,
    party_ids: &[&str],
    act_date: NaiveDate,
    place: &str,
    fine: Fen,
    others: &[PriorFine],
) -> RuleResult {
    if fine.0 <= 0 {
        return Ok(());
    }
    let related = |code: &str| code == power.code || power.related.iter().any(|r| r.code == code);
    let same = others.iter().find(|o| {
        o.fine.0 > 0
            && related(&o.code)
            && o.act_date == act_date
            && same_place(&o.place, place)
            && o.party_ids
                .iter()
                .any(|id| party_ids.iter().any(|p| !p.is_empty() && p == id))
    });
    match same {
        None => Ok(()),
        Some(o) => Err(RuleError::new(
            "行政处罚法第二十九条",
            format!(
                "同一当事人同日同地的同一违法行为已在案件 {}（{}）中处以罚款 {} 元；对同一违法行为不得给予两次以上罚款。可依本事项责令改正等，但不得再处罚款；如本事项罚款较高，应在原案中依法处理",
                o.case_no,
                o.code,
                o.fine.yuan_text()
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::fixtures::*;
    use crate::case::{Action, Outcome, ReviewOutcome};
    use crate::catalog::TierName;

    fn template(code: &str) -> Power {
        crate::assets::catalog_template()
            .unwrap()
            .powers
            .into_iter()
            .find(|p| p.code == code)
            .unwrap()
    }

    #[test]
    fn art_37_an_act_before_the_cited_text_was_in_force_is_refused() {
        // 土地管理法实施条例 (2021 revision) is in force from 2021-09-01 (its Art 67).
        let from = template("ZR-001").effective_from.unwrap();
        assert_eq!(from, d("2021-09-01"));
        let e = act_within_catalog_texts("ZR-001", d("2021-08-20"), from).unwrap_err();
        assert_eq!(e.rule, "行政处罚法第三十七条");
        assert!(e.message.contains("未收录当时有效的条文"), "{e}");
        assert!(act_within_catalog_texts("ZR-001", d("2021-09-01"), from).is_ok());
    }

    #[test]
    fn art_17_24_a_public_security_power_is_transferred_not_decided() {
        let w = World::new();
        let c = investigated(&w);
        let mut c = w.step(
            &c,
            ZHANG,
            Action::EndInvestigation {
                proposal: proposal("2026-06-10", 500, TierName::Minor),
            },
        );
        c = w.step(
            &c,
            ZHAO,
            Action::SquadReview {
                date: d("2026-06-11"),
                agree: true,
                opinion: "同意".into(),
            },
        );
        c.power.power = template("YJ-012");
        let e = w.refuse(
            &c,
            SUN,
            Action::ReviewDecision {
                date: d("2026-06-12"),
                outcome: ReviewOutcome::Penalty,
                opinion: "同意".into(),
            },
        );
        assert_eq!(e.rule, "行政处罚法第十七条、第二十四条");
        assert!(
            e.message.contains("移送") && e.message.contains("公安"),
            "{e}"
        );
        let moved = w.step(
            &c,
            SUN,
            Action::ReviewDecision {
                date: d("2026-06-12"),
                outcome: ReviewOutcome::Transfer {
                    to: "农安县公安局".into(),
                    judicial: false,
                },
                opinion: "移送公安机关处理".into(),
            },
        );
        assert!(matches!(
            moved.outcome,
            Some(Outcome::Transferred {
                judicial: false,
                ..
            })
        ));
    }

    #[test]
    fn art_17_24_revoking_a_county_licence_is_reserved_but_the_fine_is_not() {
        let hunting = template("LY-015");
        let e = township_may_decide(&hunting, &[PenaltyKind::Fine, PenaltyKind::RevokeLicence])
            .unwrap_err();
        assert!(e.message.contains("吊销许可证件"), "{e}");
        assert!(township_may_decide(&hunting, &[PenaltyKind::Fine]).is_ok());
        assert!(township_may_decide(&template("HJ-001"), &[PenaltyKind::Fine]).is_ok());
    }

    fn prior(code: &str, id: &str, date: &str, place: &str) -> PriorFine {
        PriorFine {
            case_no: "合综执罚决〔2026〕7号".into(),
            code: code.into(),
            party_ids: vec![id.into()],
            act_date: d(date),
            place: place.into(),
            fine: Fen::from_yuan(300),
        }
    }

    #[test]
    fn art_29_a_second_fine_for_the_same_act_is_refused() {
        let rubbish = template("CG-005");
        let id = "220122198001010018";
        let place = "合隆镇前进村路口";
        let fined = [prior("HJ-011", id, "2026-06-01", place)];
        let e = one_fine_per_act(
            &rubbish,
            &[id],
            d("2026-06-01"),
            "合隆镇 前进村路口",
            Fen::from_yuan(100),
            &fined,
        )
        .unwrap_err();
        assert_eq!(e.rule, "行政处罚法第二十九条");
        assert!(e.message.contains("合综执罚决〔2026〕7号"), "{e}");
        // Not the same act: another day, another place, another party, an unrelated item,
        // or no fine at all.
        for other in [
            prior("HJ-011", id, "2026-06-02", place),
            prior("HJ-011", id, "2026-06-01", "合隆镇兴业路"),
            prior("HJ-011", "220122198001010026", "2026-06-01", place),
            prior("HJ-001", id, "2026-06-01", place),
        ] {
            assert!(one_fine_per_act(
                &rubbish,
                &[id],
                d("2026-06-01"),
                place,
                Fen::from_yuan(100),
                &[other]
            )
            .is_ok());
        }
        assert!(one_fine_per_act(&rubbish, &[id], d("2026-06-01"), place, Fen(0), &fined).is_ok());
    }
}
