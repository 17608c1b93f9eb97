//! A team's powers catalog file at the desk: read and checked (every problem at once,
//! the warnings, and what the import would change against the shipped template), then
//! imported by an administrator with the consent the changes need. `zhifa powers
//! validate/import` and the UI's 导入权限清单 both come here.

use super::{Desk, DeskError, DeskResult};
use crate::domain::case::RuleError;
use crate::domain::catalog::import_check::{ImportCheck, ImportConsent};
use crate::domain::catalog::{Catalog, CatalogBuilder, CatalogIssue};
use crate::domain::people::{self, User};
use crate::store::{ImportReport, Who};

/// The largest catalog file read (the shipped catalog is well under 1 MB).
pub const CATALOG_FILE_LIMIT: u64 = 8 * 1024 * 1024;

/// A catalog file's text checked: the warnings (the import goes ahead with them) and the
/// catalog, or every problem found.
pub struct CheckedText {
    pub warnings: Vec<CatalogIssue>,
    pub catalog: Result<Catalog, Vec<CatalogIssue>>,
}

/// Checks one file's text (TOML, or JSON by its name or first character).
pub fn check_text(name: &str, text: &str) -> CheckedText {
    let mut builder = CatalogBuilder::new();
    builder.add_text(name, text);
    // Warnings do not stop the import (an old catalog without short names keeps its
    // derived 案由); they are shown so the team can complete the file.
    let warnings = builder.warnings().to_vec();
    CheckedText {
        warnings,
        catalog: builder.finish(),
    }
}

/// What the 导入权限清单 screen shows before anyone confirms.
pub struct CatalogReport {
    /// The file as read (its `~` expanded).
    pub source: String,
    pub warnings: Vec<String>,
    /// The checked catalog and what importing it would change; or the problems.
    pub outcome: Result<(Catalog, ImportCheck), Vec<String>>,
}

impl CatalogReport {
    /// The report as lines: problems or the summary, then what needs consent, then the
    /// warnings.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        match &self.outcome {
            Err(issues) => {
                out.push(format!(
                    "清单文件有 {} 处问题，不能导入（修改文件后重新输入路径）：",
                    issues.len()
                ));
                out.extend(issues.iter().map(|i| format!("  {i}")));
            }
            Ok((catalog, check)) => {
                out.push(format!(
                    "校验通过：“{}”（版本 {}，自 {} 起），共 {} 项",
                    catalog.meta.name,
                    catalog.meta.version,
                    catalog.meta.effective_from,
                    catalog.powers.len()
                ));
                let parts: Vec<String> = catalog
                    .count_by_field()
                    .into_iter()
                    .filter(|(_, n)| *n > 0)
                    .map(|(f, n)| format!("{f} {n}"))
                    .collect();
                out.push(format!("  {}", parts.join("，")));
                if !check.statutory_changes.is_empty() {
                    out.push(format!(
                        "{} 项的法定处罚幅度与内置模板不同（导入须写明理由，记入审计日志）：",
                        check.statutory_changes.len()
                    ));
                    out.extend(check.statutory_changes.iter().map(|c| {
                        format!(
                            "  {}（{}）：内置模板 {}，导入文件 {}",
                            c.code, c.provision, c.template, c.imported
                        )
                    }));
                }
                // Codes separated by spaces, so a narrow screen wraps between codes.
                if !check.retiring.is_empty() {
                    out.push(format!(
                        "导入后将停用文件未列出的现行 {} 项：",
                        check.retiring.len()
                    ));
                    out.push(format!("  {}", check.retiring.join(" ")));
                }
                if !check.unverified.is_empty() {
                    out.push(format!(
                        "{} 项的处罚条款不在内置模板中，未比对法定幅度：",
                        check.unverified.len()
                    ));
                    out.push(format!("  {}", check.unverified.join(" ")));
                }
            }
        }
        if !self.warnings.is_empty() {
            out.push(format!("提示 {} 条（不影响导入）：", self.warnings.len()));
            out.extend(self.warnings.iter().map(|w| format!("  {w}")));
        }
        out
    }

    /// Whether the import needs a reason typed (a statutory range differs).
    pub fn needs_reason(&self) -> bool {
        matches!(&self.outcome, Ok((_, c)) if !c.statutory_changes.is_empty())
    }
}

impl Desk {
    /// Reads the file a user typed (`~` expanded; regular, UTF-8, size-limited) and checks
    /// it against the catalog rules and the shipped template. A file that cannot be read is
    /// the error; a file with problems is a report listing them.
    pub fn check_catalog_file(&self, typed: &str) -> Result<CatalogReport, String> {
        let typed = typed.trim();
        if typed.is_empty() {
            return Err("请输入权限清单文件的路径（TOML 或 JSON，格式见 assets/catalog/）".into());
        }
        let path = crate::user_files::expand_home(typed);
        let text = crate::user_files::read_text(&path, CATALOG_FILE_LIMIT)?;
        let source = path.display().to_string();
        let checked = check_text(&source, &text);
        let outcome = match checked.catalog {
            Ok(catalog) => {
                let check = self
                    .store
                    .catalog_import_preview(&catalog)
                    .map_err(|e| e.to_string())?;
                Ok((catalog, check))
            }
            Err(issues) => Err(issues.iter().map(|i| i.to_string()).collect()),
        };
        Ok(CatalogReport {
            source,
            warnings: checked.warnings.iter().map(|w| w.to_string()).collect(),
            outcome,
        })
    }

    /// Imports a checked catalog as an administrator: all or nothing, audited with the
    /// consent given (a reason for a changed statutory range, retiring what the file leaves
    /// out).
    pub fn import_catalog(
        &mut self,
        catalog: &Catalog,
        source: &str,
        admin: &User,
        consent: &ImportConsent,
    ) -> DeskResult<ImportReport> {
        people::may_administer(admin).map_err(|e| RuleError::role("岗位权限", e.to_string()))?;
        self.store
            .import_catalog_as(catalog, source, &Who::user(admin), consent)
            .map_err(DeskError::from)
    }
}

/// What an import changed, in one short sentence (the UI's status line).
pub fn imported_counts(report: &ImportReport) -> String {
    format!(
        "新增 {} 项，修改 {} 项，停用 {} 项，未变 {} 项",
        report.added.len(),
        report.changed.len(),
        report.retired.len(),
        report.unchanged
    )
}

/// The sentence an import ends with (the CLI prints it).
pub fn imported_line(catalog: &Catalog, report: &ImportReport) -> String {
    format!(
        "已导入“{}”（版本 {}，自 {} 起）：新增 {} 项，修改 {} 项（旧版本保留给已有案件），停用 {} 项，未变 {} 项",
        catalog.meta.name,
        catalog.meta.version,
        catalog.meta.effective_from,
        report.added.len(),
        report.changed.len(),
        report.retired.len(),
        report.unchanged
    )
}
