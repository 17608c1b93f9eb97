//! The demo township, built by running the real workflow over the text in `sample-data/`:
//! staff from `staff.toml`, cases from `cases.toml`, each case taken step by step through
//! the same `Desk` the CLI uses — so every demo case passed every gate. Steps that would
//! fall after `today` are not taken, which leaves recent cases open (and some overdue).

pub(crate) mod ids;
mod script;

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::assets;
use crate::desk::{Desk, DeskError};
use crate::domain::people::{Role, User};
use crate::store::{hash_password, NewUser, Store, StoreError, Who};

/// Every demo user's password.
pub const DEMO_PASSWORD: &str = "demo";

pub const STAFF_TOML: &str = include_str!("../../sample-data/staff.toml");
pub const CASES_TOML: &str = include_str!("../../sample-data/cases.toml");
/// The cases that take orders to act and goods through 行政强制法 Chapter IV, written by
/// hand (the generated file above holds penalties); run after them.
pub const ENFORCEMENT_TOML: &str = include_str!("../../sample-data/enforcement.toml");

/// Every demo case with its number in its file's sequence (which seeds its generated
/// identity numbers), in the order they come in: the enforcement cases merged among the
/// generated ones by start date, so case numbers follow filing dates as in a real register.
fn demo_cases() -> Result<Vec<(u32, script::DemoCase)>, DemoError> {
    let cases: CasesFile =
        toml::from_str(CASES_TOML).map_err(|e| DemoError::Data("cases.toml", e.to_string()))?;
    let more: CasesFile = toml::from_str(ENFORCEMENT_TOML)
        .map_err(|e| DemoError::Data("enforcement.toml", e.to_string()))?;
    let first_extra = cases.case.len() as u32;
    let mut all: Vec<(u32, script::DemoCase)> = cases
        .case
        .into_iter()
        .enumerate()
        .map(|(n, c)| (n as u32, c))
        .chain(
            more.case
                .into_iter()
                .enumerate()
                .map(|(n, c)| (first_extra + n as u32, c)),
        )
        .collect();
    // Stable: on the same day the generated case comes first.
    all.sort_by_key(|(n, c)| (c.start, *n >= first_extra));
    Ok(all)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StaffFile {
    staff: Vec<NewUser>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CasesFile {
    case: Vec<script::DemoCase>,
}

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("演示数据格式错误（{0}）：{1}")]
    Data(&'static str, String),
    #[error("{0}")]
    Desk(#[from] DeskError),
    #[error("{0}")]
    Store(#[from] StoreError),
}

/// What the builder made.
#[derive(Debug, Default, serde::Serialize)]
pub struct DemoReport {
    pub staff: usize,
    pub cases: usize,
    pub by_stage: BTreeMap<String, usize>,
    /// Cases the data described but the rules refused, with the reason (should be empty).
    pub refused: Vec<String>,
}

/// Who plays which part in the demo.
pub(crate) struct Cast {
    pub users: BTreeMap<i64, User>,
    pub heads: Vec<i64>,
    pub reviewer: i64,
}

impl Cast {
    fn by_username(&self, name: &str) -> Option<&User> {
        self.users.values().find(|u| u.username == name)
    }

    /// A squad leader who does not handle the case (their own squad's if possible).
    pub fn squad_leader_for(&self, handlers: &[i64]) -> Option<i64> {
        let squad = handlers
            .first()
            .and_then(|h| self.users.get(h))
            .map(|u| u.squad.clone());
        let leaders = || {
            self.users
                .values()
                .filter(|u| u.has(Role::SquadLeader) && !handlers.contains(&u.id))
        };
        leaders()
            .find(|u| Some(&u.squad) == squad.as_ref())
            .or_else(|| leaders().next())
            .map(|u| u.id)
    }
}

/// Builds the demo database at `path` (which must not exist) as of `today`.
pub fn build(path: &Path, today: NaiveDate) -> Result<DemoReport, DemoError> {
    build_with_progress(path, today, &mut |_, _| {})
}

/// `build`, telling `progress` after each case how many of how many are done.
pub fn build_with_progress(
    path: &Path,
    today: NaiveDate,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<DemoReport, DemoError> {
    build_parts(path, today, progress, true)
}

/// The demo as a file of schema 8 could hold it: cases, staff, patrols and review rounds,
/// no leads or inspections (their tables came with schema 9 and 10). For tests that turn a
/// file back into an older schema: there, rows of the newer tables would read as deleted.
#[cfg(test)]
pub fn build_before_intake(path: &Path, today: NaiveDate) -> Result<DemoReport, DemoError> {
    build_parts(path, today, &mut |_, _| {}, false)
}

fn build_parts(
    path: &Path,
    today: NaiveDate,
    progress: &mut dyn FnMut(usize, usize),
    intake: bool,
) -> Result<DemoReport, DemoError> {
    let staff: StaffFile =
        toml::from_str(STAFF_TOML).map_err(|e| DemoError::Data("staff.toml", e.to_string()))?;
    let cases = demo_cases()?;
    let agency = assets::demo_agency().map_err(|e| DemoError::Data("agency.toml", e))?;
    let catalog = assets::catalog_template()
        .map_err(|issues| DemoError::Data("catalog", format!("{} 处问题", issues.len())))?;
    let holidays =
        assets::holiday_tables().map_err(|e| DemoError::Data("holidays", e.to_string()))?;
    let (mut store, _) = Store::init(path, &agency, &catalog, "内置模板", &holidays, None)?;
    let hash = hash_password(DEMO_PASSWORD)?;
    let who = Who::system();
    for u in &staff.staff {
        store.add_user_hashed(u, &hash, &who)?;
    }
    let cast = cast(&store)?;
    let mut desk = Desk::new(store);
    let mut report = DemoReport {
        staff: staff.staff.len(),
        ..DemoReport::default()
    };
    let total = cases.len();
    for (i, (n, c)) in cases.iter().enumerate() {
        progress(i, total);
        match script::run(&mut desk, &cast, c, *n, today) {
            Ok(stage) => {
                report.cases += 1;
                *report.by_stage.entry(stage.name().to_string()).or_default() += 1;
            }
            Err(e) => report
                .refused
                .push(format!("第 {} 件（{}）：{e}", n + 1, c.power)),
        }
    }
    leader::add(&mut desk, today)?;
    if intake {
        intake::add(&mut desk, today)?;
    }
    tracing::info!(
        cases = report.cases,
        refused = report.refused.len(),
        "demo built"
    );
    Ok(report)
}

/// The demo's cast from the staff in `store`.
fn cast(store: &Store) -> Result<Cast, DemoError> {
    let users = store.users()?;
    let heads: Vec<i64> = users
        .values()
        .filter(|u| u.has(Role::Head))
        .map(|u| u.id)
        .collect();
    let reviewer = users
        .values()
        .find(|u| u.has(Role::LegalReviewer) && u.legal_qualified)
        .map(|u| u.id)
        .ok_or(DemoError::Data(
            "staff.toml",
            "没有取得法律职业资格的法制审核员".into(),
        ))?;
    if heads.len() < 2 {
        return Err(DemoError::Data(
            "staff.toml",
            "至少需要两名负责人（集体讨论）".into(),
        ));
    }
    Ok(Cast {
        users,
        heads,
        reviewer,
    })
}

/// How many cases the demo data describes.
pub fn case_count() -> Result<usize, DemoError> {
    Ok(demo_cases()?.len())
}

/// Takes every demo case through the workflow once more on an existing demo-staffed
/// database (new case numbers, same scripts): the benchmark's workload of real desk steps.
/// Returns how many cases ran.
pub fn replay(desk: &mut Desk, today: NaiveDate) -> Result<usize, DemoError> {
    let cases = demo_cases()?;
    let cast = cast(desk.store())?;
    for (n, c) in &cases {
        script::run(desk, &cast, c, *n, today)?;
    }
    Ok(cases.len())
}

mod intake;
mod leader;

#[cfg(test)]
mod tests;
