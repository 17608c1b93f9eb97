//! Concurrent desks: 4 `zhifa workload run` processes × 500 mixed actions on one database
//! file at the same time (new cases, approvals, 笔录, 证据, catalog imports), often on the
//! same cases. Every process must finish without an error (no "database is locked"), every
//! reported action must be in the file, no update may be lost (each case's saved versions
//! are distinct and its audit entries are exactly its reported changes), and the audit
//! chain must verify.

use std::collections::BTreeMap;
use std::process::{Command, Stdio};

use zhifa::store::Store;
use zhifa::workload::{self, Done};

const PROCESSES: u64 = 4;
const ACTIONS: u64 = 500;

#[test]
fn four_desks_five_hundred_actions_each_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shared.sqlite3");
    workload::setup(&db).unwrap();
    let children: Vec<_> = (0..PROCESSES)
        .map(|p| {
            Command::new(env!("CARGO_BIN_EXE_zhifa"))
                .arg("--db")
                .arg(&db)
                .args(["workload", "run", "--seed"])
                .arg((p + 1).to_string())
                .args(["--count", &ACTIONS.to_string()])
                .env("HOME", dir.path())
                .env("XDG_STATE_HOME", dir.path().join("state"))
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut done: Vec<Done> = Vec::new();
    let mut conflicts = 0u64;
    for (p, child) in children.into_iter().enumerate() {
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "process {p} failed: {stderr}");
        assert!(!stderr.contains("locked"), "process {p}: {stderr}");
        let stats: serde_json::Value = serde_json::from_str(stderr.lines().last().unwrap())
            .unwrap_or_else(|e| panic!("process {p} stats {stderr}: {e}"));
        conflicts += stats["conflicts"].as_u64().unwrap();
        done.extend(
            String::from_utf8(out.stdout)
                .unwrap()
                .lines()
                .filter_map(Done::parse),
        );
    }
    let store = Store::open(&db).unwrap();
    assert_eq!(
        workload::verify(&store, &done).unwrap(),
        Vec::<String>::new()
    );
    let report = store.verify_audit().unwrap();
    assert!(report.first_broken.is_none(), "{report:?}");

    // No lost update: per case, reported step versions are distinct, and the audit log has
    // exactly one entry for its creation plus one per reported step.
    let mut steps: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for d in &done {
        match d {
            Done::Created { case } => {
                steps.entry(*case).or_default();
            }
            Done::Step { case, version } => steps.entry(*case).or_default().push(*version),
            Done::CatalogImport { .. } => {}
        }
    }
    let mut stepped = 0;
    for (case, versions) in &steps {
        let mut distinct = versions.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), versions.len(), "case {case}: {versions:?}");
        let entries: i64 = store
            .conn()
            .query_row(
                "SELECT COUNT(*) FROM audit WHERE case_id = ?1",
                [case],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(entries, 1 + versions.len() as i64, "case {case}");
        stepped += versions.len();
    }
    assert!(stepped > 200, "too few steps to mean anything: {stepped}");
    eprintln!(
        "concurrency: {PROCESSES} processes × {ACTIONS} operations, {} committed ({} steps on {} cases), {conflicts} conflicts re-applied",
        done.len(),
        stepped,
        steps.len()
    );
}
