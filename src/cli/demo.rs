//! `--demo`: a throw-away database for the demo township, in a fresh temporary directory,
//! so that trying zhifa never touches a real case file.

use std::path::PathBuf;

use super::CliError;
use crate::assets;
use crate::store::Store;

/// A demo database that is deleted (with its directory) when dropped.
pub(crate) struct DemoDb {
    dir: tempfile::TempDir,
}

impl DemoDb {
    pub(crate) fn create() -> Result<Self, CliError> {
        let dir = tempfile::Builder::new()
            .prefix("zhifa-demo-")
            .tempdir()
            .map_err(|e| CliError(format!("无法创建演示数据目录：{e}")))?;
        let path = dir.path().join(crate::paths::DB_FILE_NAME);
        let agency = assets::demo_agency().map_err(CliError)?;
        let catalog = assets::catalog_template()
            .map_err(|issues| CliError(format!("内置权限清单有误：{}", issues.len())))?;
        let holidays = assets::holiday_tables()?;
        Store::init(&path, &agency, &catalog, "内置模板", &holidays, None)?;
        Ok(DemoDb { dir })
    }

    pub(crate) fn path(&self) -> PathBuf {
        self.dir.path().join(crate::paths::DB_FILE_NAME)
    }
}
