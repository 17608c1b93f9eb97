//! Printing: a case's 文书 laid out as plain text (always) or PDF (feature `pdf`, typst with
//! the `.typ` templates of `assets/templates/`). The documents themselves are built by the
//! pure `domain::documents`; this layer loads what they need from the store, renders, and
//! records every print in the case's audit trail.

pub mod intake;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod settings;
pub mod text;

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::agency::Agency;
use crate::domain::case::deadlines::Deadline;
use crate::domain::case::Case;
use crate::domain::documents::{self, casefile, DocCtx, DocKind, Paper};
use crate::domain::people::User;
use crate::store::audit::Who;
use crate::store::Store;

/// What to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    Doc(DocKind),
    /// The whole case file (卷宗).
    All,
    Summary,
}

impl What {
    pub fn label(self) -> String {
        match self {
            What::Doc(k) => k.name().to_string(),
            What::All => "全部案卷（卷宗）".to_string(),
            What::Summary => "案件摘要".to_string(),
        }
    }

    /// The file name stem: `合综执立〔2026〕1号-decision`.
    pub fn slug(self) -> &'static str {
        match self {
            What::Doc(k) => k.slug(),
            What::All => "case-file",
            What::Summary => "summary",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Pdf,
    Txt,
}

impl Format {
    pub fn ext(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Txt => "txt",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "pdf" => Some(Format::Pdf),
            "txt" | "text" => Some(Format::Txt),
            _ => None,
        }
    }

    /// PDF where the build has the engine, else text.
    pub fn best() -> Format {
        if cfg!(feature = "pdf") {
            Format::Pdf
        } else {
            Format::Txt
        }
    }
}

/// Everything a case's documents are built from, loaded once.
pub struct Loaded {
    pub case: Case,
    pub agency: Agency,
    pub users: BTreeMap<i64, User>,
    pub deadlines: Vec<Deadline>,
    pub statement_days: u32,
    pub today: NaiveDate,
    /// The audit chain's head, printed on the 备考表 and the case summary.
    pub chain_head: Option<crate::store::Head>,
    /// For the periods and the 加处罚款 a paper states as of its date.
    pub calendar: crate::domain::calendar::Calendar,
}

impl Loaded {
    pub fn load(store: &Store, case_id: i64, today: NaiveDate) -> Result<Loaded, String> {
        let err = |e: crate::store::StoreError| e.to_string();
        Ok(Loaded {
            case: store.load_case(case_id).map_err(err)?,
            agency: store.agency().map_err(err)?,
            users: store.users().map_err(err)?,
            deadlines: store.case_deadlines(case_id).map_err(err)?,
            statement_days: store
                .procedure_settings()
                .map_err(err)?
                .statement_period_working_days,
            today,
            chain_head: store.audit_head().map_err(err)?,
            calendar: store.calendar().map_err(err)?,
        })
    }

    pub fn ctx(&self) -> DocCtx<'_> {
        DocCtx {
            case: &self.case,
            agency: &self.agency,
            users: &self.users,
            today: self.today,
            statement_days: self.statement_days,
            chain_head: self
                .chain_head
                .as_ref()
                .map(|h| (h.entries, h.hash.as_str())),
            calendar: &self.calendar,
        }
    }

    /// The case's number as the cover prints it.
    pub fn case_no(&self) -> String {
        self.ctx()
            .number(crate::domain::case::number::FILING)
            .unwrap_or_else(|| format!("案件{}", self.case.id))
    }

    /// The 目录 or 备考表 printed alone: cut from the case file laid out with `measure` (the
    /// renderer's page count of one document), so its page numbers are those of `--all`.
    pub fn binding_sheet(
        &self,
        kind: DocKind,
        measure: &dyn Fn(&Paper) -> u32,
    ) -> Result<Vec<Paper>, String> {
        if self.case.serial.is_none() {
            return documents::build(kind, &self.ctx()).map_err(|e| e.to_string());
        }
        let f = casefile::assemble_with(&self.ctx(), measure).map_err(|e| e.to_string())?;
        Ok(vec![if kind == DocKind::Contents {
            f.contents
        } else {
            f.notes
        }])
    }

    /// The papers of `what` (for `All`: cover, 目录, documents, 备考表 in order), as the
    /// text layout numbers them.
    pub fn papers(&self, what: What) -> Result<Vec<Paper>, String> {
        let ctx = self.ctx();
        match what {
            What::Doc(k) if numbers_pages(k) => self.binding_sheet(k, &text::page_count),
            What::Doc(k) => documents::build(k, &ctx).map_err(|e| e.to_string()),
            What::Summary => Ok(vec![documents::summary::build(&ctx, &self.deadlines)]),
            What::All => {
                let f =
                    casefile::assemble_with(&ctx, &text::page_count).map_err(|e| e.to_string())?;
                let mut v = vec![f.cover, f.contents];
                v.extend(f.documents);
                v.push(f.notes);
                Ok(v)
            }
        }
    }

    /// The text of `what`, as previews and `--format txt` show it.
    pub fn text(&self, what: What) -> Result<String, String> {
        match what {
            What::All => text::case_file(&self.ctx()).map_err(|e| e.to_string()),
            _ => Ok(text::render(&self.papers(what)?)),
        }
    }

    /// Renders `what` in `format`.
    pub fn render(&self, what: What, format: Format) -> Result<Vec<u8>, String> {
        match format {
            Format::Txt => Ok(self.text(what)?.into_bytes()),
            #[cfg(feature = "pdf")]
            Format::Pdf => {
                let settings = settings::PrintSettings::load()?;
                pdf::render(self, what, &settings)
            }
            #[cfg(not(feature = "pdf"))]
            Format::Pdf => Err(
                "此版本编译时未包含 PDF 引擎（cargo feature pdf），请用 --format txt 输出文本"
                    .into(),
            ),
        }
    }
}

/// The sheets that state the file's page numbers (目录, 备考表).
pub fn numbers_pages(kind: DocKind) -> bool {
    matches!(kind, DocKind::Contents | DocKind::Notes)
}

/// Renders and writes `what` to a checked output path (whole, owner-only, never over what
/// the check refused), then records the print in the case's audit trail.
pub fn export(
    store: &mut Store,
    loaded: &Loaded,
    what: What,
    format: Format,
    target: &crate::output::Target,
    who: &Who,
) -> Result<(), String> {
    let bytes = loaded.render(what, format)?;
    target.write(&bytes).map_err(|e| e.to_string())?;
    record(
        store,
        loaded.case.id,
        what,
        format,
        &target.path().display().to_string(),
        who,
    )
}

/// `打印文书：行政处罚决定书（PDF）→ /path`.
pub fn record(
    store: &mut Store,
    case_id: i64,
    what: What,
    format: Format,
    target: &str,
    who: &Who,
) -> Result<(), String> {
    store
        .record_access(
            case_id,
            who,
            &format!(
                "{PRINT_PREFIX}{}（{}）→ {target}",
                what.label(),
                format.ext().to_uppercase()
            ),
        )
        .map_err(|e| e.to_string())
}

/// How a print reads in the audit trail, so the UI can tell which documents were generated.
pub const PRINT_PREFIX: &str = "打印文书：";

/// The kinds printed so far, read back from the case's audit trail.
pub fn printed_kinds(store: &Store, case_id: i64) -> Vec<DocKind> {
    let Ok(entries) = store.case_audit(case_id) else {
        return Vec::new();
    };
    DocKind::ALL
        .iter()
        .copied()
        .filter(|k| {
            let needle = format!("{PRINT_PREFIX}{}（", k.name());
            entries.iter().any(|e| {
                e.summary.contains(&needle)
                    || e.summary.contains(&format!("{PRINT_PREFIX}全部案卷"))
            })
        })
        .collect()
}
