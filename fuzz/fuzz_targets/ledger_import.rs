//! The ledger (台账) importer on arbitrary bytes: encoding detection (UTF-8, BOM, GBK), CSV
//! parsing, column mapping and the row checks. Every row is either accepted or rejected
//! with its row number; nothing panics.
#![no_main]
use std::collections::BTreeSet;

use libfuzzer_sys::fuzz_target;
use zhifa::domain::ledger_import::{check_rows, Mapping};
use zhifa::report::table::read_csv_bytes;

fuzz_target!(|data: &[u8]| {
    let Ok(table) = read_csv_bytes(data) else {
        return;
    };
    let map = Mapping::detect(&table.headers);
    let _ = map.preview();
    let existing: BTreeSet<String> = ["合综执罚决〔2026〕1号".to_string()].into();
    let checked = check_rows(&map, &table.rows, &existing);
    // Blank rows are skipped; every other row is accepted or rejected, once, by number.
    let filled = table
        .rows
        .iter()
        .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
        .count();
    assert_eq!(checked.accepted.len() + checked.rejected.len(), filled);
});
