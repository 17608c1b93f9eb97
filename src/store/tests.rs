//! Store tests on temporary database files.

use super::*;
use crate::assets;
use crate::domain::agency::Agency;
use crate::domain::catalog::{Catalog, CatalogBuilder};
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn new_db(dir: &tempfile::TempDir) -> (Store, PathBuf) {
    let path = dir.path().join("sub").join("zhifa.sqlite3");
    let agency = Agency::new("合隆镇", "合").unwrap().with_county("农安县");
    let catalog = assets::catalog_template().unwrap();
    let holidays = assets::holiday_tables().unwrap();
    let (store, _) = Store::init(&path, &agency, &catalog, "内置模板", &holidays, None).unwrap();
    (store, path)
}

fn one_power_catalog(effective_from: &str, max: u32) -> Catalog {
    let text = format!(
        r#"
[catalog]
name = "测试"
version = "2"
effective_from = "{effective_from}"
[[power]]
code = "HJ-001"
field = "生态环境"
subfield = "大气"
name = "对露天焚烧秸秆的处罚"
penalty_kinds = ["罚款"]
own_name = true
[[power.violated]]
law = "大气污染防治法"
version = "2018-10-26"
article = 77
[power.penalty]
law = "大气污染防治法"
version = "2018-10-26"
article = 119
paragraph = 1
[power.statutory]
kind = "range"
individual = {{ min = 500, max = {max} }}
[[power.tier]]
name = "一般"
condition = "一般情形"
individual = {{ min = 500, max = 1000 }}
[[power.tier]]
name = "严重"
condition = "严重情形"
individual = {{ min = 1000, max = {max} }}
"#
    );
    let mut b = CatalogBuilder::new();
    b.add_text("team.toml", &text);
    b.finish().unwrap()
}

#[test]
fn init_creates_a_private_migrated_file_with_everything_loaded() {
    let dir = tempfile::tempdir().unwrap();
    let (store, path) = new_db(&dir);
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(store.agency().unwrap().abbr, "合");
    assert_eq!(store.power_count_on(d("2026-01-01")).unwrap(), 148);
    assert_eq!(store.holiday_years().unwrap().len(), 2);
    let mode: String = store
        .conn()
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = store
        .conn()
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    // FULL (2): a commit is on disk before it is reported, so it survives a power cut.
    let sync: i64 = store
        .conn()
        .pragma_query_value(None, "synchronous", |r| r.get(0))
        .unwrap();
    assert_eq!(sync, 2);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let m = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(m & 0o777, 0o600);
        let folder = std::fs::metadata(path.parent().unwrap())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(folder & 0o777, 0o700);
    }
    drop(store);
    // Reopening works and changes nothing.
    let again = Store::open(&path).unwrap();
    assert_eq!(again.power_count_on(d("2026-01-01")).unwrap(), 148);
}

#[test]
fn init_refuses_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let (store, path) = new_db(&dir);
    drop(store);
    let before = std::fs::read(&path).unwrap();
    let agency = Agency::new("别镇", "别").unwrap();
    let err = Store::init(
        &path,
        &agency,
        &assets::catalog_template().unwrap(),
        "x",
        &[],
        None,
    )
    .unwrap_err();
    assert!(matches!(err, StoreError::AlreadyExists(_)), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn open_refuses_missing_foreign_and_newer_files() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.sqlite3");
    assert!(matches!(
        Store::open(&missing),
        Err(StoreError::NotFound(_))
    ));
    assert!(!missing.exists(), "open must not create the file");

    let junk = dir.path().join("junk.sqlite3");
    std::fs::write(
        &junk,
        b"this is not sqlite, just some text that is long enough",
    )
    .unwrap();
    assert!(matches!(Store::open(&junk), Err(StoreError::NotZhifa(_))));

    let other = dir.path().join("other.sqlite3");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t(x)")
        .unwrap();
    assert!(matches!(Store::open(&other), Err(StoreError::NotZhifa(_))));

    let (store, path) = new_db(&dir);
    store
        .conn()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop(store);
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(
        matches!(err, StoreError::TooNew { found, .. } if found == SCHEMA_VERSION + 1),
        "{err}"
    );
    assert!(err.to_string().contains("升级"));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "a newer file must not be modified"
    );
}

#[test]
fn import_versions_changed_powers_and_keeps_old_versions() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = new_db(&dir);
    let template_straw = store.power_on("HJ-001", d("2023-05-01")).unwrap().unwrap();

    let report = store
        .import_catalog(
            &one_power_catalog("2026-01-01", 2000),
            "team.toml",
            &Who::system(),
        )
        .unwrap();
    assert_eq!(report.retired.len(), 147, "every other template code ends");
    assert!(report.changed == vec!["HJ-001".to_string()] || report.unchanged == 1);

    // A case from 2023 still finds the template version; 2026 finds the team's.
    let old = store.power_on("HJ-001", d("2023-05-01")).unwrap().unwrap();
    assert_eq!(old.id, template_straw.id);
    assert_eq!(old.power.effective_to, Some(d("2025-12-31")));
    let new = store.power_on("HJ-001", d("2026-02-01")).unwrap().unwrap();
    assert_eq!(new.version, 2);
    assert_eq!(store.power_count_on(d("2026-02-01")).unwrap(), 1);
    assert_eq!(store.power_count_on(d("2025-12-01")).unwrap(), 148);
    assert!(store.power_on("CG-001", d("2026-02-01")).unwrap().is_none());
    assert_eq!(store.power_history("HJ-001").unwrap().len(), 2);

    // Importing the same list again changes nothing.
    let again = store
        .import_catalog(
            &one_power_catalog("2026-01-01", 2000),
            "team.toml",
            &Who::system(),
        )
        .unwrap();
    assert_eq!(
        (again.unchanged, again.added.len(), again.changed.len()),
        (1, 0, 0)
    );
}

#[test]
fn holiday_import_adds_replaces_and_feeds_the_calendar() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = new_db(&dir);
    assert!(store
        .calendar()
        .unwrap()
        .is_working_day(d("2027-01-04"))
        .is_err());
    let t27 = crate::domain::holiday_table::HolidayYear::parse_toml(
        "year = 2027\nsource = \"测试\"\n[[holiday]]\nname = \"元旦\"\noff = [\"2027-01-01\", \"2027-01-01\"]\n",
    )
    .unwrap();
    assert_eq!(
        store.import_holiday_year(&t27, &Who::system()).unwrap(),
        HolidayImport::Added
    );
    assert_eq!(
        store.import_holiday_year(&t27, &Who::system()).unwrap(),
        HolidayImport::Unchanged
    );
    let cal = store.calendar().unwrap();
    assert!(cal.is_working_day(d("2027-01-04")).unwrap());
    assert!(!cal.is_working_day(d("2027-01-01")).unwrap());
    let mut t27b = t27.clone();
    t27b.source = "更正".into();
    assert_eq!(
        store.import_holiday_year(&t27b, &Who::system()).unwrap(),
        HolidayImport::Replaced
    );
}

#[test]
fn calendar_policy_is_a_setting() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = new_db(&dir);
    assert!(store
        .calendar()
        .unwrap()
        .is_working_day(d("2026-10-10"))
        .unwrap());
    store
        .set_calendar_policy(
            crate::domain::calendar::CalendarPolicy {
                makeup_days_are_working_days: false,
                roll_periods_past_rest_days: true,
            },
            &Who::system(),
        )
        .unwrap();
    assert!(!store
        .calendar()
        .unwrap()
        .is_working_day(d("2026-10-10"))
        .unwrap());
}

#[test]
fn two_connections_share_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, path) = new_db(&dir);
    let b = Store::open(&path).unwrap();
    a.import_catalog(
        &one_power_catalog("2026-01-01", 2000),
        "team.toml",
        &Who::system(),
    )
    .unwrap();
    assert_eq!(b.power_count_on(d("2026-02-01")).unwrap(), 1);
}

/// A 承办人 without a certificate, login "zhang", for the lock-out tests.
fn clerk_zhang() -> super::staff::NewUser {
    super::staff::NewUser {
        username: "zhang".into(),
        name: "张三".into(),
        roles: vec![crate::domain::people::Role::Handler],
        squad: "第一中队".into(),
        cert_no: None,
        cert_valid_until: None,
        legal_qualified: false,
    }
}

/// Five wrong passwords lock the account for 15 minutes: the right password is refused while
/// it lasts, accepted after it, and an admin's reset lifts it at once.
#[test]
fn five_failed_logins_lock_the_account_until_time_or_reset() {
    use super::staff::{LoginError, LOCK_MINUTES, MAX_FAILED_LOGINS};
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = new_db(&dir);
    let u = clerk_zhang();
    let user = store.add_user(&u, "right-pw", &Who::system()).unwrap();
    for i in 1..MAX_FAILED_LOGINS {
        assert!(
            matches!(store.login("zhang", "bad"), Err(LoginError::Wrong)),
            "attempt {i} should only be wrong"
        );
    }
    let locked = store.login("zhang", "bad").unwrap_err();
    assert!(matches!(locked, LoginError::Locked(_)));
    assert!(locked.to_string().contains("账号已锁定至"), "{locked}");
    assert!(matches!(
        store.login("zhang", "right-pw"),
        Err(LoginError::Locked(_))
    ));
    // The lock runs out: move it into the past as 15 minutes would.
    let past = (chrono::Local::now().naive_local() - chrono::Duration::minutes(LOCK_MINUTES))
        .format("%Y-%m-%dT%H:%M:%S")
        .to_string();
    store
        .conn
        .execute("UPDATE staff SET locked_until = ?1", [past])
        .unwrap();
    assert_eq!(store.login("zhang", "right-pw").unwrap().id, user.id);
    // Locked again, then an admin reset lifts it with the new password.
    for _ in 0..MAX_FAILED_LOGINS {
        let _ = store.login("zhang", "bad");
    }
    assert!(matches!(
        store.login("zhang", "right-pw"),
        Err(LoginError::Locked(_))
    ));
    store
        .set_password(user.id, "new-pw", &Who::system())
        .unwrap();
    assert_eq!(store.login("zhang", "new-pw").unwrap().id, user.id);
    assert!(matches!(
        store.login("zhang", "right-pw"),
        Err(LoginError::Wrong)
    ));
}

/// 40 wrong passwords at once from 40 connections: the attempts are counted in the write
/// transaction before the hash is checked, so at most five are checked and the account
/// locks; the right password is refused afterwards.
#[test]
fn parallel_wrong_passwords_lock_the_account_after_five_checks() {
    use super::staff::{LoginError, MAX_FAILED_LOGINS};
    let dir = tempfile::tempdir().unwrap();
    let (mut store, path) = new_db(&dir);
    let u = clerk_zhang();
    store.add_user(&u, "right-pw", &Who::system()).unwrap();
    let guesses = 40;
    let start = std::sync::Arc::new(std::sync::Barrier::new(guesses));
    let threads: Vec<_> = (0..guesses)
        .map(|i| {
            let (path, start) = (path.clone(), start.clone());
            std::thread::spawn(move || {
                let mut desk = Store::open(&path).unwrap();
                start.wait();
                match desk.login("zhang", &format!("guess-{i}")) {
                    Err(LoginError::Wrong) => "wrong",
                    Err(LoginError::Locked(_)) => "locked",
                    other => panic!("guess {i}: {other:?}"),
                }
            })
        })
        .collect();
    let outcomes: Vec<&str> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    let checked = outcomes.iter().filter(|o| **o == "wrong").count();
    println!("{guesses} parallel wrong passwords: {checked} checked, the rest refused as locked");
    assert!(
        checked <= MAX_FAILED_LOGINS as usize,
        "{checked} of {guesses} parallel guesses were checked and told only \"wrong\""
    );
    assert_eq!(
        outcomes.iter().filter(|o| **o == "locked").count(),
        guesses - checked
    );
    assert!(matches!(
        store.login("zhang", "right-pw"),
        Err(LoginError::Locked(_))
    ));
}
