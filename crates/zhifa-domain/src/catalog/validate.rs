//! Checks a catalog against the rules a lawful list must meet, reporting every problem with
//! its file, item code and reason (in Chinese, for the clerk or admin who imports it).

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use super::item_checks;
use super::{
    Bounds, Catalog, CatalogFile, CatalogMeta, PartyType, PenaltyKind, Power, StatutoryKind,
    SHORT_NAME_MAX_CHARS,
};
use crate::field::Field;

/// One problem found in a catalog file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CatalogIssue {
    /// The file (or source name) the item came from.
    pub file: String,
    /// The item's code, when the problem belongs to one item.
    pub code: Option<String>,
    pub reason: String,
}

impl fmt::Display for CatalogIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.code {
            Some(code) => write!(f, "{}：{}：{}", self.file, code, self.reason),
            None => write!(f, "{}：{}", self.file, self.reason),
        }
    }
}

/// Checks one power on its own; returns the reasons it is unlawful or malformed.
pub fn validate(power: &Power) -> Vec<String> {
    let mut errs = Vec::new();
    check_identity(power, &mut errs);
    check_provisions(power, &mut errs);
    check_statutory(power, &mut errs);
    check_tiers(power, &mut errs);
    item_checks::check_in_force(power, &mut errs);
    item_checks::check_alternative_tiers(power, &mut errs);
    item_checks::check_reserved(power, &mut errs);
    item_checks::check_mandatory(power, &mut errs);
    item_checks::check_triggered(power, &mut errs);
    item_checks::check_coercive(power, &mut errs);
    item_checks::check_duties(power, &mut errs);
    errs
}

fn check_identity(p: &Power, errs: &mut Vec<String>) {
    let prefix = p.field.code_prefix();
    let code_ok = p.code.len() == 6
        && p.code.starts_with(prefix)
        && p.code.as_bytes()[2] == b'-'
        && p.code[3..].bytes().all(|b| b.is_ascii_digit());
    if !code_ok {
        errs.push(format!(
            "编码应为“{prefix}-三位数字”（领域“{}”的前缀是 {prefix}）",
            p.field
        ));
    }
    if !p.field.subfields().contains(&p.subfield.as_str()) {
        errs.push(format!(
            "子领域“{}”不属于“{}”，可选：{}",
            p.subfield,
            p.field,
            p.field.subfields().join("、")
        ));
    }
    if !(p.name.starts_with('对') && p.name.ends_with("的处罚")) || p.name.chars().count() < 6 {
        errs.push("事项名称应采用“对……的处罚”的公布格式".to_string());
    }
    check_short_name(p, errs);
    if p.penalty_kinds.is_empty() {
        errs.push("缺少处罚种类（penalty_kinds）".to_string());
    }
    let unique: HashSet<_> = p.penalty_kinds.iter().collect();
    if unique.len() != p.penalty_kinds.len() {
        errs.push("处罚种类有重复".to_string());
    }
    if let (Some(from), Some(to)) = (p.effective_from, p.effective_to) {
        if to < from {
            errs.push(format!("失效日期 {to} 早于生效日期 {from}"));
        }
    }
}

/// The 案由 is a short name of the act, not the published `对……的处罚` wording.
fn check_short_name(p: &Power, errs: &mut Vec<String>) {
    let Some(short) = p.short_name.as_deref().map(str::trim) else {
        return; // an old catalog: a warning, see `warnings`
    };
    let n = short.chars().count();
    if n == 0 {
        errs.push(
            "简称（short_name，即案由）不能为空；请写违法行为的简短名称，如“露天焚烧秸秆”"
                .to_string(),
        );
    } else if n > SHORT_NAME_MAX_CHARS {
        errs.push(format!(
            "简称（short_name，即案由）“{short}”有 {n} 个字，最多 {SHORT_NAME_MAX_CHARS} 个字；请写违法行为的简短名称，如“露天焚烧秸秆”"
        ));
    }
    if short.starts_with('对') && short.ends_with("的处罚") {
        errs.push(format!(
            "简称（short_name，即案由）“{short}”不应采用“对……的处罚”格式；请只写违法行为，如“露天焚烧秸秆”"
        ));
    }
}

/// What is accepted but should be completed: an item without `short_name` (a catalog made
/// before it existed) prints its published name without the `对……的处罚` frame as the 案由.
pub fn warnings(p: &Power) -> Vec<String> {
    let mut out = Vec::new();
    if p.short_name.is_none() {
        out.push(format!(
            "缺少简称（short_name），案由将使用事项名称“{}”；建议补充不超过 {SHORT_NAME_MAX_CHARS} 个字的违法行为简称",
            p.derived_cause()
        ));
    }
    out
}

fn check_provisions(p: &Power, errs: &mut Vec<String>) {
    if p.violated.is_empty() {
        errs.push("缺少违法条款（violated）".to_string());
    }
    for (role, prov) in p
        .violated
        .iter()
        .map(|v| ("违法条款", v))
        .chain(std::iter::once(("处罚条款", &p.penalty)))
    {
        if prov.law.trim().is_empty() {
            errs.push(format!("{role}缺少法律名称"));
        }
        if prov.article == 0 || prov.paragraph == Some(0) || prov.item == Some(0) {
            errs.push(format!("{role}的条、款、项须从 1 开始编号"));
        }
        if let Some(from) = p.effective_from {
            if from < prov.version {
                errs.push(format!(
                    "生效日期 {from} 早于所引{role}《{}》版本日期 {}",
                    prov.law, prov.version
                ));
            }
        }
    }
}

fn check_statutory(p: &Power, errs: &mut Vec<String>) {
    let st = &p.statutory;
    let fines = p.penalty_kinds.contains(&PenaltyKind::Fine);
    if fines != (st.kind != StatutoryKind::None) {
        errs.push(if fines {
            "处罚种类含“罚款”，但法定处罚为不罚款（kind = none）".to_string()
        } else {
            "法定处罚有罚款，但处罚种类未列“罚款”".to_string()
        });
    }
    if matches!(st.kind, StatutoryKind::Multiple | StatutoryKind::PerUnit)
        && st.base.as_deref().is_none_or(|b| b.trim().is_empty())
    {
        errs.push("倍数或按单位计罚须写明基数或计量单位（base）".to_string());
    }
    for party in PartyType::ALL {
        let Some(b) = st.bounds(party) else { continue };
        if !st.kind.has_amounts() {
            errs.push(format!(
                "法定处罚类型 {:?} 不应填写{}罚款幅度",
                st.kind,
                party.name()
            ));
            continue;
        }
        check_bounds(st.kind, b, &format!("法定{}幅度", party.name()), errs);
        if st.kind == StatutoryKind::MaxOnly && b.min.0 != 0 {
            errs.push(format!("“以下”型（max_only）的{}下限应为 0", party.name()));
        }
    }
    if st.kind.has_amounts() && st.individual.is_none() && st.organisation.is_none() {
        errs.push(
            "有罚款数额的事项须填写个人（individual）或单位（organisation）的法定幅度".to_string(),
        );
    }
    if let Some(alt) = &st.alternative {
        let band = alt.as_statutory();
        if alt.condition.trim().is_empty() {
            errs.push("备选幅度（alternative）须写明适用情形（condition）".to_string());
        }
        if !st.kind.has_amounts() || !alt.kind.has_amounts() {
            errs.push("备选幅度只用于有罚款数额的事项，且自身须有数额".to_string());
        }
        if matches!(alt.kind, StatutoryKind::Multiple | StatutoryKind::PerUnit)
            && alt.base.as_deref().is_none_or(|b| b.trim().is_empty())
        {
            errs.push("备选幅度为倍数或按单位计罚时须写明基数（base）".to_string());
        }
        for party in PartyType::ALL {
            if let Some(b) = band.bounds(party) {
                check_bounds(alt.kind, b, &format!("备选{}幅度", party.name()), errs);
                if alt.kind == StatutoryKind::MaxOnly && b.min.0 != 0 {
                    errs.push(format!("备选“以下”型幅度的{}下限应为 0", party.name()));
                }
            }
        }
    }
}

fn check_bounds(kind: StatutoryKind, b: &Bounds, what: &str, errs: &mut Vec<String>) {
    if b.min > b.max {
        errs.push(format!("{what}下限 {} 大于上限 {}", b.min, b.max));
    }
    if b.max.0 == 0 {
        errs.push(format!("{what}上限不能为 0"));
    }
    let money = matches!(
        kind,
        StatutoryKind::Range | StatutoryKind::MaxOnly | StatutoryKind::PerUnit
    );
    if money && (b.min.to_fen().is_none() || b.max.to_fen().is_none()) {
        errs.push(format!("{what}金额最多两位小数（到分）"));
    }
}

fn check_tiers(p: &Power, errs: &mut Vec<String>) {
    let st = &p.statutory;
    if st.kind.has_amounts() && p.tiers.len() < 2 {
        errs.push("有罚款数额的事项须至少设两个裁量阶次".to_string());
    }
    let mut names = HashSet::new();
    for tier in &p.tiers {
        let tname = tier.name.name();
        if !names.insert((tier.name, tier.alternative)) {
            errs.push(format!("裁量阶次“{tname}”重复"));
        }
        if tier.condition.trim().is_empty() {
            errs.push(format!("裁量阶次“{tname}”缺少适用情形"));
        }
        let Some(band) = st.band_for(tier) else {
            errs.push(format!(
                "裁量阶次“{tname}”标注为备选幅度（alternative），但法定处罚没有备选幅度"
            ));
            continue;
        };
        for party in PartyType::ALL {
            let Some(tb) = tier.bounds(party) else {
                continue;
            };
            if !band.kind.has_amounts() {
                errs.push(format!(
                    "裁量阶次“{tname}”：该事项法定不设罚款数额，阶次不应填写金额"
                ));
                continue;
            }
            check_bounds(
                band.kind,
                tb,
                &format!("裁量阶次“{tname}”的{}幅度", party.name()),
                errs,
            );
            match band.bounds(party) {
                None => errs.push(format!(
                    "裁量阶次“{tname}”填写了{}幅度，但法定处罚没有{}幅度",
                    party.name(),
                    party.name()
                )),
                Some(sb) if !sb.contains(tb) => errs.push(format!(
                    "裁量阶次“{tname}”的{}幅度 {}–{} 超出法定幅度 {}–{}",
                    party.name(),
                    tb.min,
                    tb.max,
                    sb.min,
                    sb.max
                )),
                Some(_) => {}
            }
        }
    }
}

/// Merges catalog files into one checked [`Catalog`], collecting every problem.
#[derive(Debug, Default)]
pub struct CatalogBuilder {
    meta: Option<(String, CatalogMeta)>,
    powers: Vec<(String, Power)>,
    issues: Vec<CatalogIssue>,
    warnings: Vec<CatalogIssue>,
}

impl CatalogBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Parses one file's text. JSON when the name ends in `.json` or the text starts with `{`,
    /// TOML otherwise.
    pub fn add_text(&mut self, file: &str, text: &str) -> &mut Self {
        let is_json =
            file.to_ascii_lowercase().ends_with(".json") || text.trim_start().starts_with('{');
        let parsed: Result<CatalogFile, String> = if is_json {
            serde_json::from_str(text).map_err(|e| format!("JSON 格式错误：{e}"))
        } else {
            toml::from_str(text).map_err(|e| format!("TOML 格式错误：{e}"))
        };
        match parsed {
            Ok(parsed) => self.add_file(file, parsed),
            Err(reason) => self.issues.push(CatalogIssue {
                file: file.to_string(),
                code: None,
                reason: reason.trim().to_string(),
            }),
        }
        self
    }

    pub fn add_file(&mut self, file: &str, parsed: CatalogFile) {
        if let Some(meta) = parsed.catalog {
            if let Some((first, _)) = &self.meta {
                self.issues.push(CatalogIssue {
                    file: file.to_string(),
                    code: None,
                    reason: format!("清单信息（[catalog]）重复，已在 {first} 中给出"),
                });
            } else {
                self.meta = Some((file.to_string(), meta));
            }
        }
        for power in parsed.powers {
            let issue = |reason| CatalogIssue {
                file: file.to_string(),
                code: Some(power.code.clone()),
                reason,
            };
            self.issues.extend(validate(&power).into_iter().map(issue));
            self.warnings
                .extend(warnings(&power).into_iter().map(issue));
            self.powers.push((file.to_string(), power));
        }
    }

    /// What the files added so far state that is accepted but should be completed (e.g. an
    /// item without `short_name`), with file and item code: an import shows them and goes
    /// ahead. Read before [`CatalogBuilder::finish`].
    pub fn warnings(&self) -> &[CatalogIssue] {
        &self.warnings
    }

    /// The checked catalog, or every problem found.
    pub fn finish(mut self) -> Result<Catalog, Vec<CatalogIssue>> {
        let mut first_seen: BTreeMap<&str, &str> = BTreeMap::new();
        for (file, p) in &self.powers {
            if let Some(other) = first_seen.insert(&p.code, file) {
                self.issues.push(CatalogIssue {
                    file: file.clone(),
                    code: Some(p.code.clone()),
                    reason: format!("编码重复（{other} 中已有同一编码）"),
                });
            }
        }
        self.issues.extend(item_checks::check_related(&self.powers));
        if self.powers.is_empty() {
            self.issues.push(CatalogIssue {
                file: self.meta.as_ref().map(|m| m.0.clone()).unwrap_or_default(),
                code: None,
                reason: "清单中没有任何事项（[[power]]）".to_string(),
            });
        }
        let Some((_, meta)) = self.meta else {
            self.issues.push(CatalogIssue {
                file: self.powers.first().map(|p| p.0.clone()).unwrap_or_default(),
                code: None,
                reason:
                    "缺少清单信息：请在文件开头加 [catalog] 表（name、version、effective_from）"
                        .to_string(),
            });
            return Err(self.issues);
        };
        if !self.issues.is_empty() {
            return Err(self.issues);
        }
        let powers = self
            .powers
            .into_iter()
            .map(|(_, mut p)| {
                p.effective_from = Some(p.resolved_effective_from(meta.effective_from));
                p
            })
            .collect();
        Ok(Catalog { meta, powers })
    }
}

impl Catalog {
    /// Count of powers per field, in field order.
    pub fn count_by_field(&self) -> Vec<(Field, usize)> {
        Field::ALL
            .into_iter()
            .map(|f| (f, self.powers.iter().filter(|p| p.field == f).count()))
            .collect()
    }
}
