//! One 案件摘要 printed into a folder, the step of a batch: `zhifa print --summary --stage`
//! and the case list's 批量打印摘要 take it case by case (each through the output guard,
//! each recorded in the case's audit trail).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::Desk;
use crate::documents::{self, Format, Loaded, What};
use crate::store::Who;

/// The file a case's summary is written to in `dir`: the case number (whose 〔〕 are fine in
/// a file name; slashes are not) and `-摘要`.
pub fn summary_path(dir: &Path, case_no: &str, format: Format) -> PathBuf {
    let safe: String = case_no
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '\0') {
                '_'
            } else {
                c
            }
        })
        .collect();
    dir.join(format!("{safe}-摘要.{}", format.ext()))
}

impl Desk {
    /// Writes case `case_id`'s summary into `dir` (an existing file only with `force`),
    /// recorded in its audit trail. Returns the file written.
    #[allow(clippy::too_many_arguments)]
    pub fn print_summary(
        &mut self,
        case_id: i64,
        case_no: &str,
        dir: &Path,
        format: Format,
        force: bool,
        who: &Who,
        today: NaiveDate,
    ) -> Result<PathBuf, String> {
        let file = summary_path(dir, case_no, format);
        let target =
            crate::output::guard(&file, force, self.store.path()).map_err(|e| e.to_string())?;
        let loaded = Loaded::load(&self.store, case_id, today)?;
        documents::export(
            &mut self.store,
            &loaded,
            What::Summary,
            format,
            &target,
            who,
        )?;
        Ok(file)
    }
}
