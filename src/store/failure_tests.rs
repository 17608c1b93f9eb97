//! The store when the disk fills up or the file turns read-only: the save is refused with a
//! Chinese message saying what to do, and what was saved before is intact.

use super::{Store, StoreError};
use crate::desk::{Desk, DeskError};
use crate::workload;

fn office() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("f.sqlite3");
    workload::setup(&db).unwrap();
    workload::run(&db, 3, 30, &mut std::io::sink()).unwrap();
    (dir, db)
}

fn audit_count(store: &Store) -> i64 {
    store
        .conn()
        .query_row("SELECT COUNT(*) FROM audit", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_full_disk_refuses_the_save_in_chinese_and_keeps_what_was_saved() {
    let (_d, db) = office();
    let desk = Desk::open(&db).unwrap();
    let before = audit_count(desk.store());
    // SQLITE_FULL exactly as a full disk gives it: cap the file at its current size.
    let pages: i64 = desk
        .store()
        .conn()
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    desk.store()
        .conn()
        .execute_batch(&format!("PRAGMA max_page_count = {pages};"))
        .unwrap();
    // A megabyte of new data needs new pages: refused.
    let mut desk = desk;
    let err = desk
        .store_mut()
        .set_setting("note", &"满".repeat(400_000), &super::Who::system())
        .unwrap_err();
    assert!(matches!(err, StoreError::Sqlite(_)));
    assert!(err.to_string().contains("磁盘空间已满"), "{err}");
    assert_eq!(audit_count(desk.store()), before);
    assert!(desk.store().check().unwrap().iter().all(|c| c.ok));
}

#[test]
fn a_read_only_file_refuses_the_save_in_chinese() {
    let (_d, db) = office();
    let desk = Desk::open(&db).unwrap();
    desk.store()
        .conn()
        .execute_batch("PRAGMA query_only = 1;")
        .unwrap();
    let mut desk = desk;
    let err = desk
        .store_mut()
        .set_setting("x", "y", &super::Who::system())
        .unwrap_err();
    assert!(err.to_string().contains("只读"), "{err}");
    // The desk passes the store's message through unchanged.
    assert!(DeskError::from(err).to_string().contains("只读"));
}
