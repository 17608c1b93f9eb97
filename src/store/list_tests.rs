//! The case list at scale: the search index answers exactly what a plain scan of the
//! search text answers, and keyset pages walk the same order as counting with OFFSET.

use std::path::PathBuf;
use std::sync::OnceLock;

use super::{CaseFilter, CaseSort, PageAt, Store};
use crate::domain::case::deadlines::DeadlineState;
use crate::domain::case::Stage;

/// The demo township, built once; tests that write work on copies.
fn demo() -> PathBuf {
    static BUILT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = BUILT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo.sqlite3");
        crate::demo::build(&path, crate::generate::as_of()).unwrap();
        (dir, path)
    });
    path.clone()
}

/// A copy of the demo as a schema-8 file held it (no leads or inspections), to be turned
/// back into an older schema.
fn old_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite3");
    crate::demo::build_before_intake(&path, crate::generate::as_of()).unwrap();
    (dir, path)
}

fn copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("copy.sqlite3");
    Store::open(&demo())
        .unwrap()
        .conn()
        .execute("VACUUM INTO ?1", [path.display().to_string()])
        .unwrap();
    (dir, path)
}

/// The ids a plain substring scan finds, in list order (what search meant before the index).
fn scan(store: &Store, q: &str) -> Vec<i64> {
    let q = crate::domain::search::normalise_query(q);
    let mut st = store
        .conn()
        .prepare("SELECT id FROM case_file WHERE instr(search_text, ?1) > 0 ORDER BY year DESC, serial DESC")
        .unwrap();
    let rows = st.query_map([q], |r| r.get(0)).unwrap();
    rows.collect::<rusqlite::Result<_>>().unwrap()
}

fn ids(store: &Store, f: &CaseFilter) -> Vec<i64> {
    store.list_cases(f).unwrap().iter().map(|r| r.id).collect()
}

fn text(q: &str) -> CaseFilter {
    CaseFilter {
        text: Some(q.to_string()),
        ..CaseFilter::default()
    }
}

#[test]
fn the_index_finds_exactly_what_a_scan_of_the_text_finds() {
    let store = Store::open(&demo()).unwrap();
    let rows = store.list_cases(&CaseFilter::default()).unwrap();
    let mut queries: Vec<String> = vec![
        "合".into(),
        "合隆".into(),
        "合隆镇".into(),
        "合隆镇压".into(),
        "zs".into(),
        "2026".into(),
        "〔2026〕1".into(),
        "号".into(),
        "不存在的当事人".into(),
        "%".into(),
        "_".into(),
        "\\".into(),
        "a\"b".into(),
        "ＺＳ".into(),
    ];
    for r in rows.iter().step_by(17) {
        let name: Vec<char> = r.party_names.chars().collect();
        for len in 1..=name.len().min(5) {
            queries.push(name[..len].iter().collect());
        }
        queries.push(crate::domain::search::initials(&r.party_names));
        let no: Vec<char> = r.case_no.chars().collect();
        queries.push(no[no.len().saturating_sub(4)..].iter().collect());
    }
    let mut hits = 0;
    for q in &queries {
        let want = scan(&store, q);
        assert_eq!(ids(&store, &text(q)), want, "query {q:?}");
        assert_eq!(
            store.count_cases(&text(q)).unwrap(),
            want.len(),
            "count {q:?}"
        );
        hits += usize::from(!want.is_empty());
    }
    assert!(
        hits > queries.len() / 2,
        "most queries should find something"
    );
}

#[test]
fn search_counts_respect_the_other_filters() {
    let store = Store::open(&demo()).unwrap();
    for q in ["合", "合隆", "zs"] {
        let overdue = CaseFilter {
            overdue_only: true,
            ..text(q)
        };
        let want = store
            .list_cases(&text(q))
            .unwrap()
            .iter()
            .filter(|r| r.next_due_state == Some(DeadlineState::Overdue))
            .count();
        assert_eq!(store.count_cases(&overdue).unwrap(), want, "{q}");
        assert_eq!(ids(&store, &overdue).len(), want, "{q}");
    }
}

#[test]
fn keyset_pages_walk_the_same_order_as_offsets() {
    let store = Store::open(&demo()).unwrap();
    for sort in CaseSort::ALL {
        for q in [None, Some("合隆"), Some("zs")] {
            let base = CaseFilter {
                sort,
                text: q.map(String::from),
                ..CaseFilter::default()
            };
            let all = ids(&store, &base);
            assert!(!all.is_empty(), "{sort:?} {q:?}");
            let page = |at: PageAt| {
                ids(
                    &store,
                    &CaseFilter {
                        limit: Some(7),
                        page: at,
                        ..base.clone()
                    },
                )
            };
            // Forwards from the top by the last row of each page.
            let mut walked = page(PageAt::Offset);
            while let Some(&last) = walked.last() {
                let next = page(PageAt::After(last));
                if next.is_empty() {
                    break;
                }
                walked.extend(next);
            }
            assert_eq!(walked, all, "forwards {sort:?} {q:?}");
            // Backwards from the end by the first row of each page.
            let mut back = page(PageAt::End);
            while let Some(&first) = back.first() {
                let prev = page(PageAt::Before(first));
                if prev.is_empty() {
                    break;
                }
                back.splice(0..0, prev);
            }
            assert_eq!(back, all, "backwards {sort:?} {q:?}");
        }
    }
}

#[test]
fn a_file_from_before_the_index_is_indexed_when_first_opened() {
    let (_dir, path) = old_copy();
    {
        let store = Store::open(&path).unwrap();
        store
            .conn()
            .execute_batch(super::migrations::BACK_TO_V7)
            .unwrap();
        store
            .conn()
            .execute_batch(
                "DROP TABLE case_search; ALTER TABLE audit DROP COLUMN mac; PRAGMA user_version = 4;
                 DELETE FROM setting WHERE key = 'search.rebuild';
                 -- and without V6's numbered ledger imports
                 CREATE TABLE ledger_v4 (id INTEGER PRIMARY KEY, case_no TEXT NOT NULL UNIQUE,
                     data TEXT NOT NULL, source TEXT NOT NULL, imported_at TEXT NOT NULL);
                 INSERT INTO ledger_v4 SELECT id, case_no, data, source, imported_at
                     FROM ledger_record;
                 DROP TABLE ledger_record; ALTER TABLE ledger_v4 RENAME TO ledger_record;
                 DROP TABLE ledger_import;",
            )
            .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), super::SCHEMA_VERSION);
    assert!(store.setting("search.rebuild").unwrap().is_none());
    for q in ["合隆", "zs", "号"] {
        let want = scan(&store, q);
        assert!(!want.is_empty());
        assert_eq!(ids(&store, &text(q)), want, "{q}");
    }
}

#[test]
fn a_capped_count_says_whether_it_is_exact() {
    let store = Store::open(&demo()).unwrap();
    for q in ["合", "合隆", "zs", "〔2026〕1"] {
        let all = store.count_cases(&text(q)).unwrap();
        assert!(all > 3, "{q}: {all}");
        assert_eq!(
            store.count_cases_upto(&text(q), 3).unwrap(),
            (3, false),
            "{q}"
        );
        assert_eq!(
            store.count_cases_upto(&text(q), all).unwrap(),
            (all, true),
            "{q}"
        );
        let overdue = CaseFilter {
            overdue_only: true,
            ..text(q)
        };
        let n = store.count_cases(&overdue).unwrap();
        assert_eq!(store.count_cases_upto(&overdue, 10_000).unwrap(), (n, true));
    }
}

#[test]
fn the_unfiltered_count_is_the_number_of_rows() {
    let store = Store::open(&demo()).unwrap();
    let rows: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM case_file", [], |r| r.get(0))
        .unwrap();
    assert!(rows > 0);
    assert_eq!(
        store.count_cases(&CaseFilter::default()).unwrap(),
        rows as usize
    );
}

#[test]
fn filing_date_filters_apply() {
    let store = Store::open(&demo()).unwrap();
    let from = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    let to = chrono::NaiveDate::from_ymd_opt(2026, 8, 31).unwrap();
    let f = CaseFilter {
        from: Some(from),
        to: Some(to),
        ..CaseFilter::default()
    };
    let rows = store.list_cases(&f).unwrap();
    assert!(!rows.is_empty());
    assert!(rows.len() < store.count_cases(&CaseFilter::default()).unwrap());
    for r in rows {
        let d: chrono::NaiveDate = r.proposed_on.parse().unwrap();
        assert!(d >= from && d <= to, "{}", r.proposed_on);
    }
}

#[test]
fn recomputing_on_a_later_day_leaves_what_a_full_computation_gives() {
    use crate::domain::case::deadlines;
    let (_dir, path) = copy();
    let later = crate::generate::as_of() + chrono::Days::new(20);
    let mut desk = crate::desk::Desk::open(&path).unwrap();
    let before: Vec<Option<DeadlineState>> = desk
        .store()
        .list_cases(&CaseFilter::default())
        .unwrap()
        .into_iter()
        .map(|r| r.next_due_state)
        .collect();
    let n = desk.recompute_deadlines(later).unwrap();
    assert!(n > 0);
    let cal = desk.store().calendar().unwrap();
    let settings = desk.store().procedure_settings().unwrap();
    let rows = desk.store().list_cases(&CaseFilter::default()).unwrap();
    let after: Vec<Option<DeadlineState>> = rows.iter().map(|r| r.next_due_state).collect();
    assert_ne!(before, after, "20 days later some states must have moved");
    for r in rows.iter().filter(|r| r.stage != Stage::Archived) {
        let case = desk.store().load_case(r.id).unwrap();
        let want = deadlines::compute(&case, &cal, &settings, later);
        let mut got = desk.store().case_deadlines(r.id).unwrap();
        let mut want_sorted = want.clone();
        let key = |d: &deadlines::Deadline| serde_json::to_string(d).unwrap();
        got.sort_by_key(key);
        want_sorted.sort_by_key(key);
        assert_eq!(got, want_sorted, "case {}", r.case_no);
        let next = deadlines::next_open(&want);
        assert_eq!(
            r.next_due_state,
            next.map(|d| d.status.state()),
            "case {}",
            r.case_no
        );
    }
}

#[test]
fn a_schema_7_file_gets_codes_for_its_labels_lists_the_same_and_says_so_in_the_chain() {
    let (_dir, path) = old_copy();
    let before = {
        let store = Store::open(&path).unwrap();
        let rows = store.list_cases(&CaseFilter::default()).unwrap();
        store
            .conn()
            .execute_batch(super::migrations::BACK_TO_V7)
            .unwrap();
        let labelled: i64 = store
            .conn()
            .query_row(
                "SELECT count(*) FROM case_file WHERE next_due_state IN ('已逾期', '未到期')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(labelled > 0, "the old file must hold labels");
        rows
    };
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), super::SCHEMA_VERSION);
    assert!(
        store.integrity_block().is_none(),
        "{:?}",
        store.integrity_block()
    );
    assert_eq!(store.list_cases(&CaseFilter::default()).unwrap(), before);
    let overdue = CaseFilter {
        overdue_only: true,
        ..CaseFilter::default()
    };
    let want = before
        .iter()
        .filter(|r| r.next_due_state == Some(DeadlineState::Overdue))
        .count();
    assert!(want > 0);
    assert_eq!(store.count_cases(&overdue).unwrap(), want);
    let noted: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM audit WHERE action = '升级数据库'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(noted, 1);
    assert!(store.integrity().unwrap().passed());
    assert!(store.setting("codes.migrated_pending").unwrap().is_none());
}

#[test]
fn full_pinyin_finds_a_party_and_an_older_file_gets_it_when_first_opened() {
    let (_dir, path) = copy();
    let (id, name) = {
        let store = Store::open(&path).unwrap();
        let (id, name): (i64, String) = store
            .conn()
            .query_row(
                "SELECT id, party_names FROM case_file WHERE party_names NOT LIKE '%、%'
                 ORDER BY id LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        let pinyin = crate::domain::search::full_pinyin(&name);
        assert!(ids(&store, &text(&pinyin)).contains(&id), "{name} {pinyin}");
        // As a file written before the field existed: texts without the last field, the
        // index built from them, no version recorded.
        let mut store = store;
        let texts: Vec<(i64, String)> = store
            .conn()
            .prepare("SELECT id, search_text FROM case_file")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        for (row, t) in texts {
            let old = t.rsplit_once('\u{1f}').map_or(t.as_str(), |(a, _)| a);
            store
                .conn()
                .execute(
                    "UPDATE case_file SET search_text = ?2 WHERE id = ?1",
                    rusqlite::params![row, old],
                )
                .unwrap();
        }
        store
            .conn()
            .execute("DELETE FROM setting WHERE key = 'search.text_version'", [])
            .unwrap();
        store.rebuild_search_index().unwrap();
        assert!(
            !ids(&store, &text(&pinyin)).contains(&id),
            "old texts lack it"
        );
        (id, name)
    };
    let pinyin = crate::domain::search::full_pinyin(&name);
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.setting("search.text_version").unwrap().as_deref(),
        Some("2")
    );
    assert!(ids(&store, &text(&pinyin)).contains(&id), "{name} {pinyin}");
    assert_eq!(ids(&store, &text(&pinyin)), scan(&store, &pinyin));
}
