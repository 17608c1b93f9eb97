//! A seeded mix of real desk operations — 提请立案, 立案审批, 笔录, 证据 and catalog imports —
//! for the harnesses that try to break the store: the crash test (SIGKILL at random moments,
//! `tests/crash.rs`) and the concurrent-desks test (`tests/concurrency.rs`). Each operation
//! that committed is printed as one `done …` line *after* its transaction returned, so a
//! harness knows exactly what the database promised to keep.
//!
//! Driven by the hidden `zhifa workload setup|run|verify` commands.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use crate::desk::{Desk, DeskError};
use crate::domain::case::party::Person;
use crate::domain::case::{
    Action, EvidenceKind, NewCase, Party, Record, RecordKind, Signature, Source, Stage,
};
use crate::domain::people::{Role, User};
use crate::store::{hash_password, NewUser, Store, StoreError, Who};

/// The date the workload acts on (a Thursday and a working day), so runs are reproducible.
pub const WORK_DAY: (i32, u32, u32) = (2026, 11, 26);

fn work_day() -> NaiveDate {
    let (y, m, d) = WORK_DAY;
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// splitmix64: enough randomness for choosing operations, and reproducible from a seed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

fn staff() -> Vec<NewUser> {
    let u = |username: &str, name: &str, roles: &[Role], cert: Option<&str>, legal| NewUser {
        username: username.into(),
        name: name.into(),
        roles: roles.to_vec(),
        squad: "第一中队".into(),
        cert_no: cert.map(Into::into),
        cert_valid_until: None,
        legal_qualified: legal,
    };
    vec![
        u("admin", "管理员", &[Role::Admin], None, false),
        u("h1", "孙负责", &[Role::Head], Some("22010090001"), false),
        u("h2", "周负责", &[Role::Head], Some("22010090002"), false),
        u("o1", "张承办", &[Role::Handler], Some("22010090011"), false),
        u("o2", "李承办", &[Role::Handler], Some("22010090012"), false),
        u("o3", "王承办", &[Role::Handler], Some("22010090013"), false),
        u("o4", "赵承办", &[Role::Handler], Some("22010090014"), false),
        u(
            "s1",
            "钱中队长",
            &[Role::SquadLeader, Role::Handler],
            Some("22010090021"),
            false,
        ),
        u(
            "r1",
            "吴法制",
            &[Role::LegalReviewer],
            Some("22010090031"),
            true,
        ),
    ]
}

/// Creates a small office database at `path` (which must not exist) for a workload.
pub fn setup(path: &Path) -> Result<(), String> {
    let agency = crate::assets::demo_agency()?;
    let catalog = crate::assets::catalog_template()
        .map_err(|issues| format!("权限清单模板有 {} 处问题", issues.len()))?;
    let holidays = crate::assets::holiday_tables().map_err(|e| e.to_string())?;
    let (mut store, _) = Store::init(path, &agency, &catalog, "内置模板", &holidays, None)
        .map_err(|e| e.to_string())?;
    let hash = hash_password("workload").map_err(|e| e.to_string())?;
    for u in staff() {
        store
            .add_user_hashed(&u, &hash, &Who::system())
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// What one run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct RunStats {
    pub done: u64,
    /// Saves refused because another desk changed the case first (then re-applied).
    pub conflicts: u64,
    /// Operations the rules refused (the case moved on under us); not errors.
    pub skipped: u64,
}

/// One committed operation, as printed on a `done` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    /// A new case and the version it was saved with.
    Created { case: i64 },
    /// A step on `case` that brought it to `version`.
    Step { case: i64, version: i64 },
    /// The n-th catalog import (counted in the database after the commit).
    CatalogImport { imports: i64 },
}

impl Done {
    pub fn line(&self) -> String {
        match self {
            Done::Created { case } => format!("done created {case}"),
            Done::Step { case, version } => format!("done step {case} {version}"),
            Done::CatalogImport { imports } => format!("done catalog {imports}"),
        }
    }

    pub fn parse(line: &str) -> Option<Done> {
        let mut w = line.split_whitespace();
        if w.next()? != "done" {
            return None;
        }
        let kind = w.next()?;
        let a: i64 = w.next()?.parse().ok()?;
        match kind {
            "created" => Some(Done::Created { case: a }),
            "step" => Some(Done::Step {
                case: a,
                version: w.next()?.parse().ok()?,
            }),
            "catalog" => Some(Done::CatalogImport { imports: a }),
            _ => None,
        }
    }
}

struct Office {
    users: BTreeMap<i64, User>,
    heads: Vec<i64>,
    handlers: Vec<i64>,
    powers: Vec<String>,
}

fn office(store: &Store) -> Result<Office, StoreError> {
    let users = store.users()?;
    let with = |r: Role| -> Vec<i64> {
        users
            .values()
            .filter(|u| u.has(r) && u.cert_no.is_some())
            .map(|u| u.id)
            .collect()
    };
    let powers = store
        .powers_on(work_day(), None)?
        .into_iter()
        .take(20)
        .map(|p| p.power.code)
        .collect();
    Ok(Office {
        heads: with(Role::Head),
        handlers: with(Role::Handler),
        users,
        powers,
    })
}

fn pick<T: Clone>(rng: &mut Rng, xs: &[T]) -> Option<T> {
    (!xs.is_empty()).then(|| xs[rng.below(xs.len() as u64) as usize].clone())
}

fn case_ids_in(store: &Store, stage: Stage) -> Result<Vec<i64>, StoreError> {
    let mut stmt = store
        .conn()
        .prepare_cached("SELECT id FROM case_file WHERE stage = ?1 ORDER BY id DESC LIMIT 50")?;
    let rows = stmt.query_map([crate::store::Code(stage)], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn new_case(rng: &mut Rng, o: &Office, n: u64) -> Option<(NewCase, String, i64)> {
    let day = work_day();
    let first = pick(rng, &o.handlers)?;
    let second = o.handlers.iter().copied().find(|h| *h != first)?;
    let id_no = crate::demo::ids::resident_id((n % 90_000) as u32 + 1, n.is_multiple_of(2));
    let person = Person::new(
        &format!("压测当事人{n}"),
        None,
        None,
        &id_no,
        "合隆镇压测村",
        "",
    )
    .ok()?;
    let new = NewCase {
        source: Source::Inspection,
        place: "合隆镇压测村".into(),
        act_date: day,
        act_end_date: None,
        discovered_on: day,
        grave_harm: false,
        facts: format!("压测案件第{n}件：现场检查发现的违法行为。"),
        parties: vec![Party::Person(person)],
        handlers: vec![first, second],
        assistants: vec![],
        proposed_on: day,
    };
    Some((new, pick(rng, &o.powers)?, first))
}

/// Applies one step to a case, re-loading and re-applying when another desk saved first
/// (what a clerk does after the conflict message). Returns the saved version, or None when
/// the rules refused (the case moved on).
fn step(
    desk: &mut Desk,
    stats: &mut RunStats,
    case_id: i64,
    make: impl Fn(&crate::domain::case::Case) -> Option<(Action, User)>,
) -> Result<Option<i64>, DeskError> {
    loop {
        let case = desk.store().load_case(case_id)?;
        let Some((action, actor)) = make(&case) else {
            stats.skipped += 1;
            return Ok(None);
        };
        match desk.act(case_id, Some(case.version), &action, &actor, work_day()) {
            Ok(saved) => return Ok(Some(saved.version)),
            Err(DeskError::Store(StoreError::Conflict { .. })) => stats.conflicts += 1,
            Err(DeskError::Rule(_)) => {
                stats.skipped += 1;
                return Ok(None);
            }
            Err(e) => return Err(e),
        }
    }
}

fn record_action(case: &crate::domain::case::Case, n: u64) -> Action {
    let (kind, nth) = if n.is_multiple_of(2) {
        (RecordKind::Inspection, 0)
    } else {
        (RecordKind::Inquiry, 1 + (n % 5) as u32)
    };
    Action::AddRecord {
        record: Record {
            kind,
            date: work_day(),
            start: "09:00".into(),
            end: "09:40".into(),
            place: "现场".into(),
            officers: case.handlers.clone(),
            persons: vec![case
                .parties
                .first()
                .map(|p| p.display_name())
                .unwrap_or_default()],
            nth,
            content: format!("压测笔录第{n}份。"),
            signature: Signature::Signed,
        },
    }
}

fn evidence_action(case: &crate::domain::case::Case, n: u64) -> Action {
    Action::AddEvidence {
        evidence: crate::domain::case::Evidence {
            kind: EvidenceKind::AudioVisual,
            description: format!("现场照片第{n}组"),
            collected_on: work_day(),
            time: "10:00".into(),
            place: "现场".into(),
            collectors: case.handlers.clone(),
            attachments: vec![],
            electronic_monitor: false,
            monitor_reviewed: false,
        },
    }
}

/// Runs `count` operations chosen from `seed`, writing a `done` line to `out` after each
/// commit. Stops at the first error that is not a conflict or a rule refusal.
pub fn run(path: &Path, seed: u64, count: u64, out: &mut impl Write) -> Result<RunStats, String> {
    let mut desk = Desk::open(path).map_err(|e| e.to_string())?;
    let o = office(desk.store()).map_err(|e| e.to_string())?;
    let mut rng = Rng::new(seed);
    let mut stats = RunStats::default();
    let fail = |e: &dyn std::fmt::Display| e.to_string();
    for i in 0..count {
        let n = seed.wrapping_mul(1_000_003).wrapping_add(i);
        let roll = rng.below(100);
        let done = if roll < 3 {
            let catalog = crate::assets::catalog_template()
                .map_err(|issues| format!("权限清单模板有 {} 处问题", issues.len()))?;
            desk.store_mut()
                .import_catalog(&catalog, "压测导入", &Who::system())
                .map_err(|e| fail(&e))?;
            let imports: i64 = desk
                .store()
                .conn()
                .query_row("SELECT COUNT(*) FROM catalog_import", [], |r| r.get(0))
                .map_err(|e| fail(&e))?;
            Some(Done::CatalogImport { imports })
        } else if roll < 30 {
            match new_case(&mut rng, &o, n) {
                Some((new, power, by)) => {
                    let case = desk
                        .propose(new, &power, &o.users[&by], work_day())
                        .map_err(|e| fail(&e))?;
                    Some(Done::Created { case: case.id })
                }
                None => None,
            }
        } else if roll < 50 {
            let ids = case_ids_in(desk.store(), Stage::Proposed).map_err(|e| fail(&e))?;
            match pick(&mut rng, &ids) {
                Some(id) => {
                    let heads = o.heads.clone();
                    let users = &o.users;
                    step(&mut desk, &mut stats, id, |c| {
                        let head = heads.iter().find(|h| !c.handlers.contains(h))?;
                        Some((
                            Action::ApproveFiling {
                                date: work_day(),
                                agree: true,
                                opinion: "同意立案".into(),
                            },
                            users[head].clone(),
                        ))
                    })
                    .map_err(|e| fail(&e))?
                    .map(|version| Done::Step { case: id, version })
                }
                None => None,
            }
        } else {
            let ids = case_ids_in(desk.store(), Stage::Investigating).map_err(|e| fail(&e))?;
            match pick(&mut rng, &ids) {
                Some(id) => {
                    let users = &o.users;
                    let evidence = roll.is_multiple_of(2);
                    step(&mut desk, &mut stats, id, |c| {
                        let by = users.get(c.handlers.first()?)?.clone();
                        let action = if evidence {
                            evidence_action(c, n)
                        } else {
                            record_action(c, n)
                        };
                        Some((action, by))
                    })
                    .map_err(|e| fail(&e))?
                    .map(|version| Done::Step { case: id, version })
                }
                None => None,
            }
        };
        if let Some(d) = done {
            stats.done += 1;
            writeln!(out, "{}", d.line()).map_err(|e| fail(&e))?;
            out.flush().map_err(|e| fail(&e))?;
        }
    }
    Ok(stats)
}

/// Checks that every reported operation is in the database: each created case exists,
/// each step's case is at least at the reported version with an audit entry for it, and
/// the catalog imports are all there. Returns the problems found (empty: all present).
pub fn verify(store: &Store, done: &[Done]) -> Result<Vec<String>, StoreError> {
    let mut problems = Vec::new();
    let version_of = |id: i64| -> Result<Option<i64>, StoreError> {
        use rusqlite::OptionalExtension;
        Ok(store
            .conn()
            .query_row("SELECT version FROM case_file WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?)
    };
    let mut imports_needed = 0;
    for d in done {
        match d {
            Done::Created { case } => {
                if version_of(*case)?.is_none() {
                    problems.push(format!("报告已立案的案件 {case} 不在数据库中"));
                }
            }
            Done::Step { case, version } => match version_of(*case)? {
                None => problems.push(format!("案件 {case} 不在数据库中")),
                Some(v) if v < *version => problems.push(format!(
                    "案件 {case} 报告已保存到第 {version} 版，数据库中只有第 {v} 版"
                )),
                Some(_) => {}
            },
            Done::CatalogImport { imports } => imports_needed = imports_needed.max(*imports),
        }
    }
    let imports: i64 = store
        .conn()
        .query_row("SELECT COUNT(*) FROM catalog_import", [], |r| r.get(0))?;
    if imports < imports_needed {
        problems.push(format!(
            "报告已完成 {imports_needed} 次清单导入，数据库中只有 {imports} 次"
        ));
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn done_lines_round_trip() {
        for d in [
            Done::Created { case: 7 },
            Done::Step {
                case: 7,
                version: 3,
            },
            Done::CatalogImport { imports: 4 },
        ] {
            assert_eq!(Done::parse(&d.line()), Some(d));
        }
        assert_eq!(Done::parse("done step 7"), None);
        assert_eq!(Done::parse("garbage"), None);
    }

    #[test]
    fn a_run_commits_what_it_reports_and_verify_catches_a_missing_case() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.sqlite3");
        setup(&path).unwrap();
        let mut out = Vec::new();
        let stats = run(&path, 42, 60, &mut out).unwrap();
        let done: Vec<Done> = String::from_utf8(out)
            .unwrap()
            .lines()
            .filter_map(Done::parse)
            .collect();
        assert_eq!(done.len() as u64, stats.done);
        assert!(done.iter().any(|d| matches!(d, Done::Step { .. })));
        let store = Store::open(&path).unwrap();
        assert_eq!(verify(&store, &done).unwrap(), Vec::<String>::new());
        let missing = [Done::Created { case: 999_999 }];
        assert_eq!(verify(&store, &missing).unwrap().len(), 1);
        let too_new = [Done::Step {
            case: 1,
            version: 1_000,
        }];
        assert_eq!(verify(&store, &too_new).unwrap().len(), 1);
    }
}
