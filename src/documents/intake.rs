//! The papers before a case — a lead's, an inspection's, a 双随机 draw's — loaded from the
//! store, built by the pure `domain::documents::{lead, inspection}`, laid out by the same text
//! and PDF renderers as a case's documents (with the same font check), each print recorded in
//! the audit log. The CLI (`zhifa lead print`, `zhifa inspect print`) and the UI's print keys
//! both come through here.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::Format;
use crate::domain::documents::inspection::{
    build_inspection, draw_record, inspection_documents, DrawDocCtx, InspectionDocCtx,
};
use crate::domain::documents::lead::{build_lead, lead_documents, LeadDocCtx};
use crate::domain::documents::{DocKind, Paper};
use crate::domain::inspection::{self, InspectionReason};
use crate::store::audit::Who;
use crate::store::Store;

/// Papers of one lead, inspection or draw, ready to render.
pub struct Papers {
    /// `线索〔2026〕3号`, `检查记录#12`, `抽查计划#2`: file names and the audit entry say it.
    pub label: String,
    /// The record the papers belong to, as the audit entry names it (`{"lead": 3}`).
    pub subject: serde_json::Value,
    pub papers: Vec<Paper>,
}

fn err(e: crate::store::StoreError) -> String {
    e.to_string()
}

/// The kind asked for, if this record has it (with the ones it has in the message), or all.
fn chosen(have: Vec<DocKind>, doc: Option<DocKind>, of: &str) -> Result<Vec<DocKind>, String> {
    match doc {
        None => Ok(have),
        Some(k) if have.contains(&k) => Ok(vec![k]),
        Some(k) => Err(format!(
            "{of}没有{}：现有 {}",
            k.name(),
            have.iter()
                .map(|k| format!("{}（{}）", k.name(), k.slug()))
                .collect::<Vec<_>>()
                .join("、")
        )),
    }
}

/// The lead's papers: `doc`, or every paper it has. `full_reporter` prints the reporter
/// whole on the internal papers; the caller records that access (`record_lead_access`).
pub fn lead(
    store: &Store,
    id: i64,
    doc: Option<DocKind>,
    full_reporter: bool,
) -> Result<Papers, String> {
    let row = store.load_lead(id).map_err(err)?;
    let agency = store.agency().map_err(err)?;
    let users = store.users().map_err(err)?;
    let power = match &row.lead.power_code {
        Some(code) => store
            .power_on(code, row.lead.received_on)
            .map_err(err)?
            .map(|v| v.power),
        None => None,
    };
    let ctx = LeadDocCtx {
        lead: &row.lead,
        number: &row.number,
        serial: row.serial,
        agency: &agency,
        users: &users,
        power: power.as_ref(),
        full_reporter,
    };
    let of = format!("线索 {}", row.number);
    let papers = chosen(lead_documents(&row.lead), doc, &of)?
        .into_iter()
        .map(|k| build_lead(k, &ctx).map_err(|e| e.to_string()))
        .collect::<Result<_, _>>()?;
    Ok(Papers {
        label: row.number.clone(),
        subject: serde_json::json!({ "lead": id }),
        papers,
    })
}

/// The inspection's papers: `doc`, or every paper it has.
pub fn inspection(store: &Store, id: i64, doc: Option<DocKind>) -> Result<Papers, String> {
    let record = store.inspection(id).map_err(err)?;
    let agency = store.agency().map_err(err)?;
    let users = store.users().map_err(err)?;
    let objects = store.objects().map_err(err)?;
    let object = record
        .object
        .and_then(|o| objects.iter().find(|x| x.id == o));
    // The complaint's lead, whose reporter the party's papers must keep out.
    let lead = match &record.reason {
        InspectionReason::Complaint { lead: Some(l), .. } => {
            Some(store.load_lead(*l).map_err(err)?.lead)
        }
        _ => None,
    };
    let ctx = InspectionDocCtx {
        record: &record,
        object,
        lead: lead.as_ref(),
        agency: &agency,
        users: &users,
    };
    let label = format!("检查记录#{id}");
    let papers = chosen(inspection_documents(&record), doc, &label)?
        .into_iter()
        .map(|k| build_inspection(k, &ctx).map_err(|e| e.to_string()))
        .collect::<Result<_, _>>()?;
    Ok(Papers {
        label,
        subject: serde_json::json!({ "inspection": id }),
        papers,
    })
}

/// The record of a plan's draw.
pub fn draw(store: &Store, plan_id: i64) -> Result<Papers, String> {
    let (plan, drawn) = store
        .plans()
        .map_err(err)?
        .into_iter()
        .find(|(p, _)| p.id == plan_id)
        .ok_or_else(|| format!("没有编号为 {plan_id} 的抽查计划"))?;
    let d = drawn.ok_or_else(|| format!("抽查计划 #{plan_id} 尚未抽取，没有抽取记录"))?;
    let agency = store.agency().map_err(err)?;
    let users = store.users().map_err(err)?;
    let objects = store.objects().map_err(err)?;
    let conflicts = store.conflicts().map_err(err)?;
    let all: Vec<_> = users.values().collect();
    let published =
        inspection::publication(&d, &plan, &objects, &all).map_err(|e| e.to_string())?;
    let pool = inspection::officer_pool(&d, &inspection::officers_pool(users.values()), &conflicts);
    let paper = draw_record(&DrawDocCtx {
        published: &published,
        pool: &pool,
        users: &users,
        objects: &objects,
        agency: &agency,
    });
    Ok(Papers {
        label: format!("抽查计划#{plan_id}"),
        subject: serde_json::json!({ "plan": plan_id }),
        papers: vec![paper],
    })
}

impl Papers {
    /// `线索〔2026〕3号-lead-register`, or `-all` for every paper of the record.
    pub fn file_stem(&self) -> String {
        match self.papers.as_slice() {
            [one] => format!("{}-{}", self.label, one.kind.slug()),
            _ => format!("{}-all", self.label),
        }
    }

    /// The titles printed, for messages and the audit entry.
    pub fn titles(&self) -> String {
        self.papers
            .iter()
            .map(|p| p.title.as_str())
            .collect::<Vec<_>>()
            .join("、")
    }

    pub fn text(&self) -> String {
        super::text::render(&self.papers)
    }

    pub fn render(&self, format: Format, today: NaiveDate) -> Result<Vec<u8>, String> {
        match format {
            Format::Txt => Ok(self.text().into_bytes()),
            #[cfg(feature = "pdf")]
            Format::Pdf => {
                let settings = super::settings::PrintSettings::load()?;
                super::pdf::render_papers(&self.papers, &settings, today)
            }
            #[cfg(not(feature = "pdf"))]
            Format::Pdf => {
                let _ = today;
                Err(
                    "此版本编译时未包含 PDF 引擎（cargo feature pdf），请用 --format txt 输出文本"
                        .into(),
                )
            }
        }
    }

    /// Renders, writes to a checked output path (never over what the check refused), then
    /// records the print.
    pub fn export(
        &self,
        store: &mut Store,
        format: Format,
        target: &crate::output::Target,
        who: &Who,
        today: NaiveDate,
    ) -> Result<(), String> {
        let bytes = self.render(format, today)?;
        target.write(&bytes).map_err(|e| e.to_string())?;
        self.record(store, format, target.path(), who)
    }

    /// Renders and writes into `dir` under the papers' own name, never over an earlier file
    /// (`name (2).pdf` …), then records the print; returns the path written.
    pub fn export_into(
        &self,
        store: &mut Store,
        format: Format,
        dir: &Path,
        who: &Who,
        today: NaiveDate,
    ) -> Result<PathBuf, String> {
        let bytes = self.render(format, today)?;
        let path = crate::output::write_new_name(
            dir,
            &self.file_stem(),
            format.ext(),
            &bytes,
            store.path(),
        )
        .map_err(|e| e.to_string())?;
        self.record(store, format, &path, who)?;
        Ok(path)
    }

    /// `打印文书：线索〔2026〕3号 案件来源登记表（PDF）→ /path` in the audit log.
    fn record(
        &self,
        store: &mut Store,
        format: Format,
        path: &Path,
        who: &Who,
    ) -> Result<(), String> {
        store
            .record_print(
                who,
                self.subject.clone(),
                &format!(
                    "{}{} {}（{}）→ {}",
                    super::PRINT_PREFIX,
                    self.label,
                    self.titles(),
                    format.ext().to_uppercase(),
                    path.display()
                ),
            )
            .map_err(|e| e.to_string())
    }
}
