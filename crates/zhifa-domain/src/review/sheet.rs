//! The case-file scoring sheet (评分表): sections adding up to the total, automatic
//! deductions per rule, manual deductions with a reason, and the arithmetic. The sheet is
//! data (`assets/review/default.toml`, or an agency's own file stored in the settings).

use serde::{Deserialize, Serialize};

use super::{points_text, Finding, Severity};

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SheetFile {
    pub name: String,
    pub total: f64,
    #[serde(default)]
    pub veto_score: f64,
    #[serde(default = "default_pass")]
    pub pass_score: f64,
    #[serde(default = "default_excellent")]
    pub excellent_score: f64,
    pub sections: Vec<SectionFile>,
    #[serde(default)]
    pub items: Vec<ItemFile>,
}

fn default_pass() -> f64 {
    60.0
}
fn default_excellent() -> f64 {
    90.0
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SectionFile {
    pub name: String,
    pub points: f64,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ItemFile {
    pub rule: String,
    pub section: String,
    pub points: f64,
}

/// A checked sheet; all points in tenths.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sheet {
    pub name: String,
    pub total: u32,
    pub veto_score: u32,
    pub pass_score: u32,
    pub excellent_score: u32,
    pub sections: Vec<(String, u32)>,
    /// rule code → (section, points).
    pub items: Vec<(String, String, u32)>,
}

fn tenths(what: &str, v: f64, errs: &mut Vec<String>) -> u32 {
    let t = (v * 10.0).round();
    if !(0.0..=10000.0).contains(&t) || (v * 2.0).fract() != 0.0 {
        errs.push(format!(
            "{what} 的分值 {v} 不合法：须为 0 到 1000 之间、0.5 的整数倍"
        ));
        return 0;
    }
    t as u32
}

impl Sheet {
    /// Parses and checks a sheet; every problem is reported at once.
    pub fn parse(text: &str) -> Result<Sheet, Vec<String>> {
        let f: SheetFile =
            toml::from_str(text).map_err(|e| vec![format!("评分表格式错误：{e}")])?;
        let mut errs = Vec::new();
        if f.name.trim().is_empty() {
            errs.push("评分表缺少名称（name）".into());
        }
        let total = tenths("总分", f.total, &mut errs);
        let sections: Vec<(String, u32)> = f
            .sections
            .iter()
            .map(|s| {
                (
                    s.name.trim().to_string(),
                    tenths(&s.name, s.points, &mut errs),
                )
            })
            .collect();
        let sum: u32 = sections.iter().map(|s| s.1).sum();
        if sections.is_empty() {
            errs.push("评分表至少要有一个部分（[[sections]]）".into());
        } else if sum != total {
            errs.push(format!(
                "各部分分值合计 {} 与总分 {} 不符",
                points_text(sum),
                points_text(total)
            ));
        }
        let mut items = Vec::new();
        for it in &f.items {
            let Some(def) = super::rule(&it.rule) else {
                errs.push(format!(
                    "评分项引用了不存在的规则 {}（规则见 zhifa review rules）",
                    it.rule
                ));
                continue;
            };
            if def.severity == Severity::Veto {
                errs.push(format!("规则 {} 是否决项，不能设扣分", it.rule));
            }
            if !sections.iter().any(|s| s.0 == it.section.trim()) {
                errs.push(format!("评分项 {} 的部分“{}”不存在", it.rule, it.section));
            }
            let p = tenths(&it.rule, it.points, &mut errs);
            items.push((it.rule.clone(), it.section.trim().to_string(), p));
        }
        let veto_score = tenths("否决得分", f.veto_score, &mut errs);
        let pass_score = tenths("合格分", f.pass_score, &mut errs);
        let excellent_score = tenths("优秀分", f.excellent_score, &mut errs);
        if pass_score > total || excellent_score > total || veto_score > total {
            errs.push("否决得分、合格分、优秀分不能高于总分".into());
        }
        if errs.is_empty() {
            Ok(Sheet {
                name: f.name.trim().into(),
                total,
                veto_score,
                pass_score,
                excellent_score,
                sections,
                items,
            })
        } else {
            Err(errs)
        }
    }

    /// The shipped sheet.
    pub fn default_sheet() -> Sheet {
        Sheet::parse(DEFAULT).expect("shipped scoring sheet is valid")
    }

    /// Where a rule's deduction goes: the sheet's line, else its default points in the
    /// last section.
    fn item(&self, code: &str, default: u32) -> (String, u32) {
        match self.items.iter().find(|i| i.0 == code) {
            Some(i) => (i.1.clone(), i.2),
            None => (
                self.sections
                    .last()
                    .map(|s| s.0.clone())
                    .unwrap_or_default(),
                default,
            ),
        }
    }

    pub fn has_section(&self, name: &str) -> bool {
        self.sections.iter().any(|s| s.0 == name)
    }
}

/// The shipped sheet's text.
pub const DEFAULT: &str = include_str!("../../../../assets/review/default.toml");

/// One deduction: automatic (from a rule) or manual (by the reviewer, with a reason).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deduction {
    /// Rule code for automatic deductions, empty for manual ones.
    #[serde(default)]
    pub rule: String,
    pub section: String,
    /// Tenths of a point.
    pub points: u32,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionScore {
    pub name: String,
    pub points: u32,
    pub deducted: u32,
}

/// A scored case: what the sheet gave, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    pub sheet: String,
    pub total: u32,
    pub sections: Vec<SectionScore>,
    pub automatic: Vec<Deduction>,
    pub manual: Vec<Deduction>,
    /// The veto rules that failed (code and message).
    pub vetoes: Vec<String>,
    /// Tenths of a point.
    pub score: u32,
    pub grade: String,
}

impl Score {
    pub fn score_text(&self) -> String {
        points_text(self.score)
    }
}

/// Scores `findings` plus `manual` deductions on `sheet`. Each section is deducted down to
/// zero, never below; any veto scores the file `veto_score` and grades it 不合格.
pub fn score(sheet: &Sheet, findings: &[Finding], manual: &[Deduction]) -> Score {
    let mut automatic = Vec::new();
    let mut vetoes = Vec::new();
    for f in findings {
        match f.severity {
            Severity::Veto => vetoes.push(format!("{} {}：{}", f.code, f.name, f.message)),
            Severity::Deduct(default) => {
                let (section, points) = sheet.item(f.code, default);
                automatic.push(Deduction {
                    rule: f.code.into(),
                    section,
                    points,
                    reason: format!("{}：{}", f.name, f.message),
                });
            }
            Severity::Hint => {}
        }
    }
    let sections: Vec<SectionScore> = sheet
        .sections
        .iter()
        .map(|(name, points)| {
            let asked: u32 = automatic
                .iter()
                .chain(manual)
                .filter(|d| &d.section == name)
                .map(|d| d.points)
                .sum();
            SectionScore {
                name: name.clone(),
                points: *points,
                deducted: asked.min(*points),
            }
        })
        .collect();
    let deducted: u32 = sections.iter().map(|s| s.deducted).sum();
    let (score, grade) = if !vetoes.is_empty() {
        (sheet.veto_score, "不合格（否决）".to_string())
    } else {
        let s = sheet.total.saturating_sub(deducted);
        let g = if s >= sheet.excellent_score {
            "优秀"
        } else if s >= sheet.pass_score {
            "合格"
        } else {
            "不合格"
        };
        (s, g.to_string())
    };
    Score {
        sheet: sheet.name.clone(),
        total: sheet.total,
        sections,
        automatic,
        manual: manual.to_vec(),
        vetoes,
        score,
        grade,
    }
}

/// Parses a manual deduction typed by a reviewer: points (halves allowed) and a reason.
pub fn manual_deduction(
    sheet: &Sheet,
    section: &str,
    points: &str,
    reason: &str,
) -> Result<Deduction, String> {
    let section = section.trim();
    if !sheet.has_section(section) {
        let names: Vec<&str> = sheet.sections.iter().map(|s| s.0.as_str()).collect();
        return Err(format!(
            "评分表没有“{section}”部分；可选：{}",
            names.join("、")
        ));
    }
    let v: f64 = points
        .trim()
        .parse()
        .map_err(|_| format!("扣分“{}”不是数字；请填如 1 或 0.5", points.trim()))?;
    if !(v > 0.0 && v <= 100.0) || (v * 2.0).fract() != 0.0 {
        return Err(format!(
            "扣分 {v} 不合法：须大于 0、不超过 100、为 0.5 的整数倍"
        ));
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err("人工扣分须写明理由".into());
    }
    if crate::chinese::has_control_chars(reason) || reason.chars().count() > 200 {
        return Err("扣分理由含控制字符或超过 200 字，请修改".into());
    }
    Ok(Deduction {
        rule: String::new(),
        section: section.into(),
        points: (v * 10.0).round() as u32,
        reason: reason.into(),
    })
}
