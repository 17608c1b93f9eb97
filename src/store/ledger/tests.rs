//! Ledger imports: batches that never keep another desk waiting, hidden until complete,
//! idempotent re-import, undo as a whole.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use super::*;
use crate::assets;
use crate::domain::agency::Agency;
use crate::domain::ledger_import::{Mapping, RowChecker};
use crate::report::table::RowReader;

fn new_db(dir: &tempfile::TempDir) -> (Store, std::path::PathBuf) {
    let path = dir.path().join("zhifa.sqlite3");
    let agency = Agency::new("合隆镇", "合").unwrap().with_county("农安县");
    let catalog = assets::catalog_template().unwrap();
    let holidays = assets::holiday_tables().unwrap();
    let (store, _) = Store::init(&path, &agency, &catalog, "内置模板", &holidays, None).unwrap();
    (store, path)
}

/// Reads `csv` through the importer's reader and row checks into a new stage.
fn stage_csv<'a>(store: &'a mut Store, csv: String) -> LedgerStage<'a> {
    let mut reader = RowReader::csv(csv.into_bytes()).unwrap();
    let map = Mapping::detect(&reader.headers);
    let none = Default::default();
    let mut checker = RowChecker::new(&map, &none);
    let mut stage = store.stage_ledger().unwrap();
    while let Some(read) = reader.with_next_row(|cells| checker.check(cells)) {
        let (n, r) = read.unwrap().expect("every generated row passes");
        stage.add(n, &r).unwrap();
    }
    stage
}

fn ledger_csv(rows: std::ops::Range<usize>, party: &str) -> String {
    let mut csv = String::from("案号,当事人,案由,罚款金额(元)\n");
    for i in rows {
        csv.push_str(&format!("旧2019-{i},{party}{i},焚烧秸秆,100\n"));
    }
    csv
}

/// 200,000 rows while another desk keeps writing: the import holds the write lock one
/// batch at a time (between batches a writer that will not wait at all gets in), no write of
/// the other desk fails, and nobody sees the import before it is complete.
#[test]
fn a_large_import_moves_in_batches_and_no_desk_sees_busy() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, path) = new_db(&dir);
    let rows = 200_000;
    // The other desk: a few settings writes after each batch, racing the next one, as a
    // clerk's saves would. (Writing in a tight loop instead starved the import's own
    // BEGIN IMMEDIATE past its busy timeout on a loaded two-core machine: SQLite's busy
    // handler polls, it does not queue.) `turn` keeps it out while the probe runs.
    let turn = Arc::new(Mutex::new(()));
    let writes = Arc::new(AtomicUsize::new(0));
    let (batch_done, batches_seen) = std::sync::mpsc::channel::<()>();
    let desk = {
        let (path, turn, writes) = (path.clone(), turn.clone(), writes.clone());
        std::thread::spawn(move || -> Vec<String> {
            let mut other = Store::open(&path).unwrap();
            let mut errors = Vec::new();
            let settings = other.procedure_settings().unwrap();
            for () in batches_seen {
                for _ in 0..3 {
                    let _turn = turn.lock().unwrap();
                    match other.set_procedure_settings(&settings, &Who::system()) {
                        Ok(()) => writes.fetch_add(1, Ordering::SeqCst),
                        Err(e) => {
                            errors.push(e.to_string());
                            0
                        }
                    };
                }
            }
            errors
        })
    };
    let probe = rusqlite::Connection::open(&path).unwrap();
    probe.busy_timeout(std::time::Duration::ZERO).unwrap();
    let reader = Store::open(&path).unwrap();
    let mut batches = 0;
    let mut stage = stage_csv(&mut store, ledger_csv(0..rows, "刘某"));
    assert_eq!(stage.check_against_stored().unwrap(), PriorCheck::default());
    let (id, moved) = stage
        .commit("旧台账.csv", &Who::system(), |moved| {
            batches += 1;
            let _turn = turn.lock().unwrap();
            probe
                .execute(
                    "INSERT INTO setting (key, value) VALUES ('probe', ?1)
                     ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    [moved.to_string()],
                )
                .unwrap_or_else(|e| panic!("after {moved} rows the write lock is still held: {e}"));
            if batches % 10 == 1 {
                assert!(
                    reader.ledger_records().unwrap().is_empty(),
                    "rows shown before the import is complete"
                );
            }
            batch_done.send(()).unwrap();
        })
        .unwrap();
    drop(batch_done);
    let errors = desk.join().unwrap();
    assert_eq!(moved, rows);
    assert_eq!(batches, rows.div_ceil(IMPORT_BATCH_ROWS));
    assert!(
        errors.is_empty(),
        "the other desk saw: {:?}",
        &errors[..errors.len().min(3)]
    );
    assert!(writes.load(Ordering::SeqCst) > 0);
    assert_eq!(reader.ledger_records().unwrap().len(), rows);
    let imports = reader.ledger_imports().unwrap();
    assert_eq!((imports[0].id, imports[0].state.as_str()), (id, "done"));
    println!(
        "{rows} rows in {batches} batches; the other desk committed {} writes, none refused",
        writes.load(Ordering::SeqCst)
    );
}

#[test]
fn re_import_adds_nothing_and_undo_removes_the_import_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = new_db(&dir);
    let stage = stage_csv(&mut store, ledger_csv(0..3, "刘某"));
    let (first, _) = stage.commit("a.csv", &Who::system(), |_| {}).unwrap();
    // The same file again: every row is already there, nothing is doubled.
    let mut stage = stage_csv(&mut store, ledger_csv(0..4, "刘某"));
    let check = stage.check_against_stored().unwrap();
    assert_eq!(
        (check.already_there, check.refused.len(), stage.rows()),
        (3, 0, 1)
    );
    stage.commit("a2.csv", &Who::system(), |_| {}).unwrap();
    assert_eq!(store.ledger_records().unwrap().len(), 4);
    // A changed row under an imported number is refused and names the import to undo.
    let mut stage = stage_csv(&mut store, ledger_csv(0..1, "王某"));
    let check = stage.check_against_stored().unwrap();
    assert_eq!(check.refused.len(), 1);
    assert!(
        check.refused[0].reason.contains(&format!("undo {first}")),
        "{check:?}"
    );
    drop(stage);
    assert_eq!(store.undo_ledger_import(first, &Who::system()).unwrap(), 3);
    let left = store.ledger_records().unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].case_no, "旧2019-3");
    assert!(
        store.undo_ledger_import(first, &Who::system()).is_err(),
        "undone twice"
    );
    let audit = store.recent_audit(10).unwrap();
    assert!(
        audit.iter().any(|e| e.action == "撤销台账导入"),
        "the undo is in the audit log"
    );
}
