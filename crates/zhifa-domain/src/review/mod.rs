//! 案卷评查: automatic case-quality review. Every self-check of legal-rules.md §5.2 and the
//! veto items of §5.1 is a named rule ([`RULES`]) with its legal source and severity; each
//! is one function in `rules.rs` that looks at the case as it stands, so the case screen can
//! show a problem before the step that would make it final. `sheet.rs` scores a case on the
//! 100-point sheet (data under `assets/review/`), `fault.rs` the 过错责任 categories.

use serde::Serialize;

use super::case::model::Case;
use super::case::Ctx;
use super::case::{RuleError, RuleResult};

pub mod appraisal;
pub mod fault;
pub mod rules;
pub mod selection;
pub mod sheet;

#[cfg(test)]
mod tests;

/// How much a failed rule weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// 否决 (一票否决): the file fails; the workflow refuses to close such a case.
    Veto,
    /// 扣分: the default deduction in tenths of a point (the scoring sheet may override).
    Deduct(u32),
    /// 提示: shown, never scored.
    Hint,
}

impl Severity {
    pub fn label(self) -> String {
        match self {
            Severity::Veto => "否决".into(),
            Severity::Deduct(t) => format!("扣{}分", points_text(t)),
            Severity::Hint => "提示".into(),
        }
    }
}

/// Tenths of a point written as points (`2`, `0.5`).
pub fn points_text(tenths: u32) -> String {
    if tenths.is_multiple_of(10) {
        format!("{}", tenths / 10)
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

/// One rule of the review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RuleDef {
    /// Stable code, used by the scoring sheet (`R01` …).
    pub code: &'static str,
    pub name: &'static str,
    /// The legal source.
    pub source: &'static str,
    pub severity: Severity,
}

/// A rule that failed on a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub name: &'static str,
    pub source: &'static str,
    pub severity: Severity,
    /// What is wrong and what to do, in Chinese.
    pub message: String,
}

/// The rules, in the order of the case file.
pub const RULES: &[RuleDef] = &[
    RuleDef {
        code: "R01",
        name: "承办人持证",
        source: "行政处罚法第四十二条",
        severity: Severity::Veto,
    },
    RuleDef {
        code: "R02",
        name: "笔录两名持证执法人员",
        source: "行政处罚法第四十二条、第五十五条",
        severity: Severity::Veto,
    },
    RuleDef {
        code: "R03",
        name: "先立案后调查（无程序倒置）",
        source: "行政处罚法第五十四条",
        severity: Severity::Veto,
    },
    RuleDef {
        code: "R04",
        name: "当事人身份明确",
        source: "行政处罚法第五十九条第一款第一项",
        severity: Severity::Veto,
    },
    RuleDef {
        code: "R05",
        name: "适用违法行为发生时有效的规定",
        source: "行政处罚法第三十七条",
        severity: Severity::Veto,
    },
    RuleDef {
        code: "R06",
        name: "罚款在法定幅度和裁量阶次内",
        source: "行政处罚法第三十四条",
        severity: Severity::Veto,
    },
    RuleDef {
        code: "R07",
        name: "简易程序适用条件",
        source: "行政处罚法第五十一条",
        severity: Severity::Veto,
    },
    RuleDef {
        code: "R08",
        name: "决定前告知",
        source: "行政处罚法第四十四条、第六十二条",
        severity: Severity::Veto,
    },
    RuleDef {
        code: "R09",
        name: "不得重于告知的处罚",
        source: "行政处罚法第四十五条",
        severity: Severity::Veto,
    },
    RuleDef {
        code: "R10",
        name: "告知听证权利并依申请举行听证",
        source: "行政处罚法第六十三条、第六十四条",
        severity: Severity::Veto,
    },
    RuleDef {
        code: "R11",
        name: "法制审核",
        source: "行政处罚法第五十八条",
        severity: Severity::Veto,
    },
    RuleDef {
        code: "R12",
        name: "集体讨论",
        source: "行政处罚法第五十七条第二款",
        severity: Severity::Veto,
    },
    RuleDef {
        code: "R13",
        name: "告知书送达回证",
        source: "行政处罚法第四十四条、第六十一条",
        severity: Severity::Deduct(20),
    },
    RuleDef {
        code: "R14",
        name: "听证通知书送达回证",
        source: "行政处罚法第六十四条第二项",
        severity: Severity::Deduct(20),
    },
    RuleDef {
        code: "R15",
        name: "决定书送达回证",
        source: "行政处罚法第六十一条",
        severity: Severity::Deduct(20),
    },
    RuleDef {
        code: "R16",
        name: "催告书送达回证",
        source: "行政强制法第三十五条、第三十八条",
        severity: Severity::Deduct(20),
    },
    RuleDef {
        code: "R17",
        name: "九十日内作出决定",
        source: "行政处罚法第六十条",
        severity: Severity::Deduct(20),
    },
    RuleDef {
        code: "R18",
        name: "七个工作日内送达决定书",
        source: "行政处罚法第六十一条、第八十五条",
        severity: Severity::Deduct(10),
    },
    RuleDef {
        code: "R19",
        name: "先行登记保存七个工作日内处理",
        source: "行政处罚法第五十六条",
        severity: Severity::Deduct(20),
    },
    RuleDef {
        code: "R20",
        name: "陈述申辩已复核",
        source: "行政处罚法第四十五条",
        severity: Severity::Deduct(20),
    },
    RuleDef {
        code: "R21",
        name: "关键环节文书齐全",
        source: "案卷评查标准（关键环节无文书）",
        severity: Severity::Deduct(30),
    },
    RuleDef {
        code: "R22",
        name: "文书顺序（立案→调查→审查→决定→送达）",
        source: "案卷评查标准（卷面）",
        severity: Severity::Deduct(10),
    },
    RuleDef {
        code: "R23",
        name: "卷内目录与页码",
        source: "案卷评查标准（卷面）",
        severity: Severity::Hint,
    },
    RuleDef {
        code: "R24",
        name: "外部文书加盖机关印章",
        source: "案卷评查标准（否决项：无印章）",
        severity: Severity::Hint,
    },
    RuleDef {
        code: "R25",
        name: "催告不在节假日或休息日，送达不在法定节假日",
        source: "行政强制法第四十三条",
        severity: Severity::Hint,
    },
    RuleDef {
        code: "R26",
        name: "责令改正后复查",
        source: "行政处罚法第二十八条第一款",
        severity: Severity::Deduct(10),
    },
];

/// The rule with `code`.
pub fn rule(code: &str) -> Option<&'static RuleDef> {
    RULES.iter().find(|r| r.code == code)
}

/// Runs every rule on `case` as of `ctx.today`.
pub fn check(case: &Case, ctx: &Ctx) -> Vec<Finding> {
    let mut out = Vec::new();
    for def in RULES {
        if let Some(message) = rules::run(def.code, case, ctx) {
            out.push(Finding {
                code: def.code,
                name: def.name,
                source: def.source,
                severity: def.severity,
                message,
            });
        }
    }
    out
}

/// The veto findings only (what blocks closing).
pub fn vetoes(case: &Case, ctx: &Ctx) -> Vec<Finding> {
    check(case, ctx)
        .into_iter()
        .filter(|f| f.severity == Severity::Veto)
        .collect()
}

/// One review round of a case: the sheet as scored, the reviewer and the date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct ReviewRound {
    pub id: i64,
    pub case_id: i64,
    pub round: u32,
    pub reviewer_id: i64,
    pub reviewer_name: String,
    pub date: chrono::NaiveDate,
    pub score: sheet::Score,
}

/// Quality report line: one squad, officer or month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QualityLine {
    pub group: String,
    pub reviewed: usize,
    /// Average score, tenths of a point.
    pub average: u32,
    /// The most frequent deductions (rule or reason, count), most frequent first.
    pub top_deductions: Vec<(String, usize)>,
}

/// Groups the latest round of each case by `key` (squad, officer or month) and reports the
/// number reviewed, the average score and the three most frequent deductions.
pub fn quality_report<'a>(
    rounds: &'a [ReviewRound],
    key: impl Fn(&'a ReviewRound) -> Vec<String>,
) -> Vec<QualityLine> {
    use std::collections::BTreeMap;
    let mut latest: BTreeMap<i64, &ReviewRound> = BTreeMap::new();
    for r in rounds {
        let e = latest.entry(r.case_id).or_insert(r);
        if r.round > e.round {
            *e = r;
        }
    }
    let mut groups: BTreeMap<String, Vec<&ReviewRound>> = BTreeMap::new();
    for r in latest.values() {
        for k in key(r) {
            groups.entry(k).or_default().push(r);
        }
    }
    groups
        .into_iter()
        .map(|(group, rs)| {
            let sum: u32 = rs.iter().map(|r| r.score.score).sum();
            let n = rs.len() as u32;
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            for r in &rs {
                for d in r.score.automatic.iter().chain(&r.score.manual) {
                    let label = if d.rule.is_empty() {
                        d.reason.clone()
                    } else {
                        rule(&d.rule)
                            .map(|x| format!("{} {}", x.code, x.name))
                            .unwrap_or_default()
                    };
                    *counts.entry(label).or_default() += 1;
                }
                for v in &r.score.vetoes {
                    *counts
                        .entry(v.split('：').next().unwrap_or(v).to_string())
                        .or_default() += 1;
                }
            }
            let mut top: Vec<(String, usize)> = counts.into_iter().collect();
            top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            top.truncate(3);
            QualityLine {
                group,
                reviewed: rs.len(),
                average: (sum + n / 2) / n.max(1),
                top_deductions: top,
            }
        })
        .collect()
}

/// 案卷评查 veto items (legal-rules.md §5.1; 行政处罚法 Art 38: a penalty without legal
/// basis or against statutory procedure is void): a case with a failed 否决 rule is not
/// closed; the first finding names its rule.
pub fn no_review_vetoes(vetoes: &[Finding]) -> RuleResult {
    match vetoes.first() {
        None => Ok(()),
        Some(f) => Err(RuleError::new(
            "行政处罚法第三十八条",
            format!(
                "案卷评查否决项未消除，不能结案：{} {}（{}）{}{}",
                f.code,
                f.name,
                f.source,
                f.message,
                if vetoes.len() > 1 {
                    format!("；另有 {} 项，见案件的评查页", vetoes.len() - 1)
                } else {
                    String::new()
                }
            ),
        )),
    }
}
