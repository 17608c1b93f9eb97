//! Creating a new agency database: schema, agency settings, catalog and holiday tables,
//! all or nothing.

use std::path::Path;

use super::{ImportReport, NewUser, Result, Store, Who};
use crate::domain::agency::Agency;
use crate::domain::catalog::Catalog;
use crate::domain::holiday_table::HolidayYear;

/// Summary of what `init` loaded.
#[derive(Debug, Clone, serde::Serialize)]
pub struct InitReport {
    pub path: String,
    pub catalog: ImportReport,
    pub holiday_years: Vec<i32>,
}

impl Store {
    /// Creates the file at `path` and fills it. Refuses an existing file; if any step fails
    /// the half-made file is removed so that a retry starts clean.
    pub fn init(
        path: &Path,
        agency: &Agency,
        catalog: &Catalog,
        catalog_source: &str,
        holidays: &[HolidayYear],
        admin: Option<(&NewUser, &str)>,
    ) -> Result<(Store, InitReport)> {
        let mut store = Store::create(path)?;
        let filled = (|| {
            let who = Who::system();
            store.save_agency(agency, &who)?;
            let catalog_report = store.import_catalog(catalog, catalog_source, &who)?;
            for table in holidays {
                store.import_holiday_year(table, &who)?;
            }
            if let Some((user, password)) = admin {
                store.add_user(user, password, &who)?;
            }
            Ok(InitReport {
                path: path.display().to_string(),
                catalog: catalog_report,
                holiday_years: holidays.iter().map(|t| t.year).collect(),
            })
        })();
        match filled {
            Ok(report) => Ok((store, report)),
            Err(e) => {
                drop(store);
                remove_database_files(path);
                Err(e)
            }
        }
    }
}

/// Removes a database file and its WAL companions (used only on a failed init).
fn remove_database_files(path: &Path) {
    let _ = std::fs::remove_file(path);
    for suffix in ["-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(p);
    }
}

#[cfg(test)]
impl Store {
    /// A new file for a township with the built-in catalog and holiday tables and no staff:
    /// the starting point of store tests.
    pub(crate) fn init_for_test(path: &Path, township: &str, abbr: &str) -> Store {
        let agency = Agency::new(township, abbr).unwrap();
        Store::init(
            path,
            &agency,
            &crate::assets::catalog_template().unwrap(),
            "t",
            &crate::assets::holiday_tables().unwrap(),
            None,
        )
        .unwrap()
        .0
    }
}
