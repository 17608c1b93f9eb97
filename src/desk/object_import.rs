//! 检查对象 imported from a table (XLSX/CSV) at the desk: the file read and every row
//! checked against the registered objects first (nothing written), then — once the user has
//! seen the report and confirmed — the accepted objects saved in one audited transaction, and
//! only if no row was rejected. `zhifa inspect objects import` and the 检查 screen call these.

use std::path::Path;

use super::inspections::may_inspect;
use super::{Desk, DeskError, DeskResult};
use crate::domain::inspection::{check_object_rows, InspectionObject, ObjectImport, ObjectMapping};
use crate::domain::people::User;
use crate::store::Who;

/// A file checked for import: where from, its encoding, the column preview and each row's fate.
#[derive(Debug, Clone)]
pub struct ObjectFile {
    pub source: String,
    pub encoding: &'static str,
    pub mapping: ObjectMapping,
    pub checked: ObjectImport,
}

impl ObjectFile {
    /// The report in Chinese: the column preview, each rejected and skipped row with its row
    /// number, and the counts.
    pub fn report(&self) -> Vec<String> {
        let mut lines = vec![format!("文件：{}（{}）", self.source, self.encoding)];
        lines.push("列对应：".into());
        lines.extend(self.mapping.preview().into_iter().map(|l| format!("  {l}")));
        for r in &self.checked.rejected {
            lines.push(format!("  第 {} 行未通过检查：{}", r.row, r.reason));
        }
        for s in &self.checked.skipped {
            lines.push(format!(
                "  第 {} 行已登记为检查对象“{}”（#{}），跳过",
                s.row, s.name, s.object
            ));
        }
        lines.push(format!(
            "可导入 {} 个，未通过检查 {} 行，已登记跳过 {} 行",
            self.checked.accepted.len(),
            self.checked.rejected.len(),
            self.checked.skipped.len()
        ));
        lines
    }
}

impl Desk {
    /// Reads `path` and checks every row; writes nothing. A file without the required columns
    /// is refused with their names.
    pub fn check_object_file(&self, path: &Path) -> DeskResult<ObjectFile> {
        let table = crate::report::table::read(path).map_err(DeskError::Refused)?;
        let mapping = ObjectMapping::detect(&table.headers);
        let missing = mapping.missing();
        if !missing.is_empty() {
            return Err(DeskError::Refused(format!(
                "缺少必需的列：{}。请在表头中使用这些名称（或 企业名称、经营地址、执法领域 等常用写法）",
                missing.join("、")
            )));
        }
        let checked = check_object_rows(&mapping, &table.rows, &self.store.objects()?);
        Ok(ObjectFile {
            source: path.display().to_string(),
            encoding: table.encoding,
            mapping,
            checked,
        })
    }

    /// Saves the accepted objects of a checked file, all or none, if no row was rejected.
    pub fn import_objects(
        &mut self,
        file: &ObjectFile,
        actor: &User,
    ) -> DeskResult<Vec<InspectionObject>> {
        may_inspect(actor)?;
        let bad = file.checked.rejected.len();
        if bad > 0 {
            return Err(DeskError::Refused(format!(
                "有 {bad} 行未通过检查，未导入任何一行。请修改这些行后重新导入"
            )));
        }
        if file.checked.accepted.is_empty() {
            return Err(DeskError::Refused("没有新的检查对象需要导入".into()));
        }
        let objects: Vec<InspectionObject> = file
            .checked
            .accepted
            .iter()
            .map(|(_, o)| o.clone())
            .collect();
        Ok(self
            .store
            .insert_objects(&objects, &file.source, &Who::user(actor))?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::people::Role;

    fn desk() -> (tempfile::TempDir, Desk, User) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.sqlite3");
        crate::workload::setup(&path).unwrap();
        let desk = Desk::open(&path).unwrap();
        let handler = desk
            .store()
            .users()
            .unwrap()
            .into_values()
            .find(|u| u.has(Role::Handler))
            .unwrap();
        (dir, desk, handler)
    }

    fn csv(dir: &tempfile::TempDir, name: &str, text: &str) -> std::path::PathBuf {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    const GOOD: &str = "企业名称,统一社会信用代码,经营地址,领域,风险等级\n\
        好运来超市,91350100M000100Y43,兴隆街8号,城市管理,低风险\n\
        中心广场,,镇中心,CG,一般风险\n";

    #[test]
    fn a_checked_file_is_imported_once_and_a_second_time_skipped() {
        let (dir, mut desk, actor) = desk();
        let path = csv(&dir, "objects.csv", GOOD);
        let file = desk.check_object_file(&path).unwrap();
        assert_eq!(file.checked.accepted.len(), 2);
        assert!(
            desk.store().objects().unwrap().is_empty(),
            "checking writes nothing"
        );
        let saved = desk.import_objects(&file, &actor).unwrap();
        assert_eq!(saved.len(), 2);
        let objects = desk.store().objects().unwrap();
        assert_eq!(objects.len(), 2);
        assert_eq!(objects[1].credit_code, None);
        // The same file again: both already registered, skipped, nothing to import.
        let again = desk.check_object_file(&path).unwrap();
        assert_eq!(again.checked.skipped.len(), 2);
        assert!(again
            .report()
            .iter()
            .any(|l| l.contains("第 2 行已登记为检查对象“好运来超市”")));
        let e = desk.import_objects(&again, &actor).unwrap_err();
        assert!(e.to_string().contains("没有新的检查对象"), "{e}");
        assert_eq!(desk.store().objects().unwrap().len(), 2);
    }

    #[test]
    fn a_spreadsheet_reads_as_the_csv_does() {
        let (dir, desk, _) = desk();
        let rows: Vec<Vec<String>> = GOOD
            .lines()
            .map(|l| l.split(',').map(str::to_string).collect())
            .collect();
        let table = crate::report::table::Table {
            name: "检查对象",
            headers: rows[0].clone(),
            rows: rows[1..].to_vec(),
        };
        let path = dir.path().join("objects.xlsx");
        std::fs::write(&path, crate::report::table::xlsx_bytes(&[table]).unwrap()).unwrap();
        let file = desk.check_object_file(&path).unwrap();
        let names: Vec<&str> = file
            .checked
            .accepted
            .iter()
            .map(|(_, o)| o.name.as_str())
            .collect();
        assert_eq!(names, ["好运来超市", "中心广场"]);
        assert!(
            file.checked.rejected.is_empty(),
            "{:?}",
            file.checked.rejected
        );
    }

    #[test]
    fn a_file_with_a_bad_row_imports_nothing_and_names_the_row() {
        let (dir, mut desk, actor) = desk();
        let bad = format!("{GOOD}坏代码商店,91220122MA0000000X,兴隆街9号,城市管理,低风险\n");
        let path = csv(&dir, "bad.csv", &bad);
        let file = desk.check_object_file(&path).unwrap();
        let report = file.report().join("\n");
        assert!(
            report.contains("第 4 行未通过检查") && report.contains("校验码"),
            "{report}"
        );
        let e = desk.import_objects(&file, &actor).unwrap_err();
        assert!(
            e.to_string().contains("有 1 行未通过检查，未导入任何一行"),
            "{e}"
        );
        assert!(desk.store().objects().unwrap().is_empty());
        // Missing columns are named before any row is read.
        let path = csv(&dir, "cols.csv", "名称,地址\n某店,某街\n");
        let e = desk.check_object_file(&path).unwrap_err();
        assert!(
            e.to_string().contains("缺少必需的列：领域、风险等级"),
            "{e}"
        );
    }

    #[test]
    fn the_batch_is_all_or_nothing_when_a_code_was_registered_meanwhile() {
        let (dir, mut desk, actor) = desk();
        let path = csv(&dir, "objects.csv", GOOD);
        let file = desk.check_object_file(&path).unwrap();
        // Someone registers the shop after the check and before the confirmation.
        let first = file.checked.accepted[0].1.clone();
        desk.store_mut()
            .insert_object(&first, &crate::store::Who::user(&actor))
            .unwrap();
        let e = desk.import_objects(&file, &actor).unwrap_err();
        assert!(e.to_string().contains("已登记为检查对象"), "{e}");
        assert_eq!(
            desk.store().objects().unwrap().len(),
            1,
            "the square not saved"
        );
    }
}
