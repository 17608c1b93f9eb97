//! 日常巡查、检查记录: inspections not tied to a case, with outcome tallies and the summary
//! sentence leaders publish ("共开展检查N次，收缴违规用品N件，拆除违法建筑N处……").

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What an inspection achieved, each with its unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PatrolOutcome {
    #[serde(rename = "拆除违法建筑")]
    DemolishedBuildings,
    #[serde(rename = "拆除违法建筑面积")]
    DemolishedArea,
    #[serde(rename = "收缴违规用品")]
    SeizedItems,
    #[serde(rename = "清理僵尸车辆")]
    AbandonedVehicles,
    #[serde(rename = "拆除广告牌匾")]
    RemovedSigns,
    #[serde(rename = "规范牌匾")]
    RegulatedSigns,
    #[serde(rename = "完善市政设施")]
    MunicipalFixes,
    #[serde(rename = "劝导教育")]
    Persuaded,
    #[serde(rename = "责令整改")]
    Rectifications,
}

impl PatrolOutcome {
    pub const ALL: [PatrolOutcome; 9] = [
        PatrolOutcome::SeizedItems,
        PatrolOutcome::DemolishedBuildings,
        PatrolOutcome::DemolishedArea,
        PatrolOutcome::AbandonedVehicles,
        PatrolOutcome::RemovedSigns,
        PatrolOutcome::RegulatedSigns,
        PatrolOutcome::MunicipalFixes,
        PatrolOutcome::Persuaded,
        PatrolOutcome::Rectifications,
    ];

    pub fn name(self) -> String {
        crate::serde_name(&self)
    }

    pub fn unit(self) -> &'static str {
        match self {
            PatrolOutcome::DemolishedBuildings | PatrolOutcome::MunicipalFixes => "处",
            PatrolOutcome::DemolishedArea => "平方米",
            PatrolOutcome::SeizedItems => "件",
            PatrolOutcome::AbandonedVehicles => "辆",
            PatrolOutcome::RemovedSigns => "块",
            PatrolOutcome::RegulatedSigns => "个",
            PatrolOutcome::Persuaded => "人次",
            PatrolOutcome::Rectifications => "起",
        }
    }

    pub fn parse(s: &str) -> Option<PatrolOutcome> {
        PatrolOutcome::ALL
            .into_iter()
            .find(|o| o.name() == s.trim())
    }
}

/// One inspection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Patrol {
    pub id: i64,
    pub date: NaiveDate,
    pub place: String,
    pub squad: String,
    pub officers: Vec<i64>,
    pub outcomes: BTreeMap<PatrolOutcome, u32>,
    pub note: String,
}

/// Parses `收缴违规用品=3` (name=count); the error says what to type.
pub fn parse_outcome(text: &str) -> Result<(PatrolOutcome, u32), String> {
    let names: Vec<String> = PatrolOutcome::ALL.iter().map(|o| o.name()).collect();
    let (k, v) = text.split_once('=').ok_or_else(|| {
        format!(
            "“{text}”应写成 成果=数量，如 收缴违规用品=3；成果可选：{}",
            names.join("、")
        )
    })?;
    let o = PatrolOutcome::parse(k)
        .ok_or_else(|| format!("没有成果“{}”；可选：{}", k.trim(), names.join("、")))?;
    let n: u32 = v
        .trim()
        .parse()
        .map_err(|_| format!("{} 的数量“{}”不是非负整数", o.name(), v.trim()))?;
    check_count(o, n)?;
    Ok((o, n))
}

/// A count of one outcome as recorded: at most a million (a typo, not a day's work).
pub fn check_count(o: PatrolOutcome, n: u32) -> Result<(), String> {
    if n > 1_000_000 {
        return Err(format!("{} 的数量 {n} 过大，请核对", o.name()));
    }
    Ok(())
}

/// Whether an outcome may be typed into the patrol log: 责令整改 has its records (the
/// corrections ordered on inspections and in cases) and is counted from them, never typed a
/// second time. Entries typed before keep theirs.
pub fn typed_by_hand(o: PatrolOutcome) -> Result<(), String> {
    match o {
        PatrolOutcome::Rectifications => Err(
            "“责令整改”按现场检查记录和案件的责令改正自动计数，请不要手工填写；当场责令改正的请登记现场检查"
                .into(),
        ),
        _ => Ok(()),
    }
}

/// The outcomes a form or a command lets an officer type (all but those counted from records).
pub fn typed_outcomes() -> Vec<PatrolOutcome> {
    PatrolOutcome::ALL
        .into_iter()
        .filter(|o| typed_by_hand(*o).is_ok())
        .collect()
}

/// Totals over a set of inspections.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PatrolTally {
    pub inspections: u32,
    pub outcomes: BTreeMap<PatrolOutcome, u32>,
}

impl PatrolTally {
    /// Adds `other` in: the tallies computed from inspection records and those of the
    /// hand-typed patrols make one summary.
    pub fn merge(&mut self, other: &PatrolTally) {
        self.inspections += other.inspections;
        for (o, n) in &other.outcomes {
            *self.outcomes.entry(*o).or_default() += n;
        }
    }
}

pub fn tally<'a>(patrols: impl IntoIterator<Item = &'a Patrol>) -> PatrolTally {
    let mut t = PatrolTally::default();
    for p in patrols {
        t.inspections += 1;
        for (o, n) in &p.outcomes {
            *t.outcomes.entry(*o).or_default() += n;
        }
    }
    t
}

/// The summary sentence, outcomes with zero left out, in the order of [`PatrolOutcome::ALL`]
/// (the area follows the count of buildings: "拆除违法建筑3处（120平方米）").
pub fn summary(t: &PatrolTally) -> String {
    let mut parts = vec![format!("共开展检查{}次", t.inspections)];
    let get = |o| t.outcomes.get(&o).copied().unwrap_or(0);
    for o in PatrolOutcome::ALL {
        let n = get(o);
        match o {
            PatrolOutcome::DemolishedArea => {}
            PatrolOutcome::DemolishedBuildings
                if n > 0 || get(PatrolOutcome::DemolishedArea) > 0 =>
            {
                let area = get(PatrolOutcome::DemolishedArea);
                let extra = if area > 0 {
                    format!("（{area}平方米）")
                } else {
                    String::new()
                };
                parts.push(format!("拆除违法建筑{n}处{extra}"));
            }
            _ if n > 0 => parts.push(format!("{}{n}{}", o.name(), o.unit())),
            _ => {}
        }
    }
    format!("{}。", parts.join("，"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(outcomes: &[(PatrolOutcome, u32)]) -> Patrol {
        Patrol {
            id: 0,
            date: "2026-06-01".parse().unwrap(),
            place: "合隆镇".into(),
            squad: "第一中队".into(),
            officers: vec![1, 2],
            outcomes: outcomes.iter().copied().collect(),
            note: String::new(),
        }
    }

    #[test]
    fn the_summary_sentence_adds_up_the_period() {
        use PatrolOutcome::*;
        let ps = [
            p(&[
                (SeizedItems, 3),
                (DemolishedBuildings, 1),
                (DemolishedArea, 40),
            ]),
            p(&[(SeizedItems, 2), (AbandonedVehicles, 1)]),
            p(&[]),
        ];
        let t = tally(&ps);
        assert_eq!(
            summary(&t),
            "共开展检查3次，收缴违规用品5件，拆除违法建筑1处（40平方米），清理僵尸车辆1辆。"
        );
        assert_eq!(summary(&PatrolTally::default()), "共开展检查0次。");
    }

    #[test]
    fn outcomes_parse_with_chinese_errors() {
        assert_eq!(
            parse_outcome("收缴违规用品=3"),
            Ok((PatrolOutcome::SeizedItems, 3))
        );
        assert!(parse_outcome("收缴=3").unwrap_err().contains("可选"));
        assert!(parse_outcome("收缴违规用品=-1")
            .unwrap_err()
            .contains("非负整数"));
        assert!(parse_outcome("收缴违规用品")
            .unwrap_err()
            .contains("成果=数量"));
    }
}
