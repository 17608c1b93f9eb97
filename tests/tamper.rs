//! Edits behind zhifa's back, made as an attacker would (straight into the SQLite file,
//! here through rusqlite), must be detected: `zhifa check` and `zhifa audit verify` fail and
//! name what changed; the file turns read-only until an administrator acknowledges; the
//! witness beside the backups catches truncation, forged entries and a re-hashed chain.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use rusqlite::Connection;
use serde_json::Value;
use sha2::{Digest, Sha256};

mod common;
use common::{Office, PW};

/// A small office built once through the CLI: staff, one 简易程序 case (decided, fine 100
/// yuan), two 一般程序 cases, the idle lock set; copied for each test.
fn template() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let o = Office::with_staff(&[
            ("zhangwei", "张伟", &["承办人"], Some("22012210011")),
            ("liqiang", "李强", &["承办人"], Some("22012210012")),
            ("sunzhen", "孙振", &["负责人"], Some("22012210001")),
        ]);
        let spot = o.spot_toml();
        o.cmd()
            .args([
                "--user", "zhangwei", "case", "spot", "--power", "HJ-001", "--file", &spot,
            ])
            .assert()
            .success();
        let general = o.general_toml(&["zhangwei", "liqiang"]);
        for _ in 0..2 {
            o.cmd()
                .args([
                    "--user", "zhangwei", "case", "new", "--power", "HJ-001", "--file", &general,
                ])
                .assert()
                .success();
        }
        o.cmd()
            .args([
                "--user",
                "admin",
                "settings",
                "set",
                "security.idle_lock_minutes",
                "15",
            ])
            .assert()
            .success();
        o.cmd().arg("check").assert().success();
        o.dir
    })
    .path()
}

/// A fresh copy of the template office (database, witness and all).
fn office() -> Office {
    let o = Office {
        dir: tempfile::tempdir().unwrap(),
    };
    copy_dir(template(), o.dir.path());
    o
}

fn copy_dir(from: &Path, to: &Path) {
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

fn sql(o: &Office) -> Connection {
    Connection::open(o.db()).unwrap()
}

/// Runs zhifa with `args`; returns (success, stdout + stderr).
fn run(o: &Office, args: &[&str]) -> (bool, String) {
    let out = o.cmd().args(args).output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

fn case_no(c: &Connection, id: i64) -> String {
    c.query_row("SELECT case_no FROM case_file WHERE id = ?1", [id], |r| {
        r.get(0)
    })
    .unwrap()
}

fn edit_case_json(c: &Connection, id: i64, edit: impl FnOnce(&mut Value)) {
    let data: String = c
        .query_row("SELECT data FROM case_file WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap();
    let mut v: Value = serde_json::from_str(&data).unwrap();
    edit(&mut v);
    c.execute(
        "UPDATE case_file SET data = ?1 WHERE id = ?2",
        rusqlite::params![v.to_string(), id],
    )
    .unwrap();
}

/// The entry hash as zhifa computes it (length-prefixed fields): what an attacker who read
/// the source would compute.
fn entry_hash(parts: [&str; 8]) -> String {
    let mut h = Sha256::new();
    for part in parts {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    format!("{:x}", h.finalize())
}

type Row = (
    i64,
    String,
    Option<i64>,
    String,
    Option<i64>,
    String,
    String,
    String,
);

fn audit_rows(c: &Connection) -> Vec<Row> {
    let mut st = c
        .prepare("SELECT id, at, user_id, user_name, case_id, action, summary, detail FROM audit ORDER BY id")
        .unwrap();
    let rows = st
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
            ))
        })
        .unwrap();
    rows.map(Result::unwrap).collect()
}

fn hash_of(prev: &str, r: &Row) -> String {
    let id = |x: Option<i64>| x.map(|i| i.to_string()).unwrap_or_default();
    entry_hash([prev, &r.1, &id(r.2), &r.3, &id(r.4), &r.5, &r.6, &r.7])
}

/// Asserts that a clerk may not run `args`, an administrator may, and the log records it
/// as `logged`.
fn only_an_admin_may(o: &Office, args: &[&str], logged: &str) {
    let (ok, out) = run(o, &[&["--user", "zhangwei"][..], args].concat());
    assert!(!ok, "a clerk ran {args:?}: {out}");
    let (ok, out) = run(o, &[&["--user", "admin"][..], args].concat());
    assert!(ok, "{out}");
    let (_, log) = run(o, &["--user", "admin", "audit", "log"]);
    assert!(log.contains(logged), "{log}");
}

/// Asserts that `check` and (unless `derived_only`) `audit verify` fail and name `names`.
fn detected(o: &Office, names: &[&str], derived_only: bool) {
    let (ok, out) = run(o, &["check"]);
    assert!(!ok, "check passed after the edit:\n{out}");
    for n in names {
        assert!(out.contains(n), "check does not name {n}:\n{out}");
    }
    if !derived_only {
        let (ok, out) = run(o, &["audit", "verify"]);
        assert!(!ok, "audit verify passed after the edit:\n{out}");
        for n in names {
            assert!(out.contains(n), "audit verify does not name {n}:\n{out}");
        }
    }
}

#[test]
fn a_fresh_office_passes_and_audit_head_prints_the_chain_head() {
    let o = office();
    let (ok, out) = run(&o, &["check"]);
    assert!(ok, "{out}");
    let head: Value = serde_json::from_slice(
        &o.cmd()
            .args(["audit", "head", "--json"])
            .assert()
            .success()
            .get_output()
            .stdout,
    )
    .unwrap();
    let (n, hash): (i64, String) = sql(&o)
        .query_row(
            "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(head["entries"], n);
    assert_eq!(head["hash"], hash.as_str());
    let (_, text) = run(&o, &["audit", "head"]);
    assert!(text.contains(&hash) && text.contains("链头"), "{text}");
}

#[test]
fn a_decided_fine_edited_in_the_case_json_is_named() {
    let o = office();
    let c = sql(&o);
    edit_case_json(&c, 1, |v| v["decision"]["fine"] = "1.00".into());
    detected(
        &o,
        &[&case_no(&c, 1), "decision.fine", "1.00", "100"],
        false,
    );
}

#[test]
fn a_single_changed_byte_in_a_case_is_named() {
    let o = office();
    let c = sql(&o);
    let data: String = c
        .query_row("SELECT data FROM case_file WHERE id = 2", [], |r| r.get(0))
        .unwrap();
    let flipped = data.replacen("2026-06-01\"", "2026-06-11\"", 1);
    assert_ne!(data, flipped);
    c.execute("UPDATE case_file SET data = ?1 WHERE id = 2", [flipped])
        .unwrap();
    detected(&o, &[&case_no(&c, 2)], false);
}

#[test]
fn roles_given_behind_zhifas_back_are_named_and_the_file_turns_read_only() {
    let o = office();
    sql(&o)
        .execute(
            "UPDATE staff SET roles = '[\"负责人\",\"管理员\"]' WHERE username = 'zhangwei'",
            [],
        )
        .unwrap();
    // The promoted clerk cannot use the new roles: the file is read-only on open.
    let (ok, out) = run(
        &o,
        &[
            "--user",
            "zhangwei",
            "user",
            "add",
            "--username",
            "x1",
            "--name",
            "某某",
            "--role",
            "承办人",
        ],
    );
    assert!(
        !ok && out.contains("只读") && out.contains("zhangwei"),
        "{out}"
    );
    detected(&o, &["zhangwei", "roles"], false);
    // Nor can it acknowledge its own promotion; a real administrator can.
    let (ok, out) = run(&o, &["--user", "zhangwei", "check", "--acknowledge"]);
    assert!(!ok && out.contains("不能由本人确认"), "{out}");
    let (ok, out) = run(&o, &["--user", "admin", "check", "--acknowledge"]);
    assert!(ok, "{out}");
}

#[test]
fn a_deadline_moved_into_the_future_is_named_and_rebuilt_by_an_admin() {
    let o = office();
    let c = sql(&o);
    c.execute_batch(
        "UPDATE deadline SET due = '2099-01-01' WHERE case_id = 2;
         UPDATE case_file SET next_due = '2099-01-01', next_due_state = 'pending' WHERE id = 2;",
    )
    .unwrap();
    detected(&o, &[&case_no(&c, 2), "期限"], true);
    only_an_admin_may(&o, &["check", "--rebuild-derived"], "重建派生数据");
    let (ok, out) = run(&o, &["check"]);
    assert!(ok, "{out}");
}

#[test]
fn a_statutory_range_edited_in_the_catalog_is_named() {
    let o = office();
    let c = sql(&o);
    let (id, data): (i64, String) = c
        .query_row(
            "SELECT id, data FROM power WHERE code = 'HJ-001' AND effective_to IS NULL",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let mut v: Value = serde_json::from_str(&data).unwrap();
    fn raise(v: &mut Value) -> bool {
        match v {
            Value::Object(m) => {
                if let Some(max) = m.get_mut("max") {
                    *max = 2_000_000.into();
                    return true;
                }
                m.values_mut().any(raise)
            }
            Value::Array(a) => a.iter_mut().any(raise),
            _ => false,
        }
    }
    assert!(raise(&mut v), "no range in {data}");
    c.execute(
        "UPDATE power SET data = ?1 WHERE id = ?2",
        rusqlite::params![v.to_string(), id],
    )
    .unwrap();
    detected(&o, &["HJ-001", "2000000"], false);
}

#[test]
fn the_idle_lock_turned_off_in_the_settings_is_named() {
    let o = office();
    sql(&o)
        .execute(
            "UPDATE setting SET value = json_set(value, '$.idle_lock_minutes', 0)
             WHERE key = 'security'",
            [],
        )
        .unwrap();
    detected(&o, &["security", "idle_lock_minutes"], false);
}

#[test]
fn two_case_rows_swapped_are_named() {
    let o = office();
    let c = sql(&o);
    c.execute_batch(
        "UPDATE case_file SET data = (SELECT data FROM case_file WHERE id = 3) WHERE id = 2;",
    )
    .unwrap();
    detected(&o, &[&case_no(&c, 2)], false);
}

#[test]
fn a_serial_counter_set_back_is_named_and_case_new_says_so_in_chinese() {
    let o = office();
    sql(&o)
        .execute("UPDATE case_serial SET last = 1", [])
        .unwrap();
    let file = o.dir.path().join("new.toml");
    let (ok, out) = run(
        &o,
        &[
            "--user",
            "zhangwei",
            "case",
            "new",
            "--power",
            "HJ-001",
            "--file",
            file.to_str().unwrap(),
        ],
    );
    assert!(
        !ok && !out.contains("UNIQUE") && out.contains("计数器"),
        "{out}"
    );
    detected(&o, &["计数器"], true);
}

#[test]
fn the_last_five_entries_deleted_are_detected_by_the_witness() {
    let o = office();
    sql(&o)
        .execute_batch(
            "DROP TRIGGER audit_no_delete;
             DELETE FROM audit WHERE id > (SELECT max(id) - 5 FROM audit);
             CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
             BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;",
        )
        .unwrap();
    detected(&o, &["截断", "5 条"], false);
}

#[test]
fn a_forged_entry_appended_with_a_valid_hash_is_detected() {
    let o = office();
    let c = sql(&o);
    let rows = audit_rows(&c);
    let prev: String = c
        .query_row("SELECT hash FROM audit ORDER BY id DESC LIMIT 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    let last = rows.last().unwrap();
    let forged: Row = (
        last.0 + 1,
        last.1.clone(),
        None,
        "系统".into(),
        None,
        "添加人员".into(),
        "添加人员 黑客".into(),
        "{\"state\":{}}".into(),
    );
    let hash = hash_of(&prev, &forged);
    c.execute(
        "INSERT INTO audit (at, user_id, user_name, case_id, action, summary, detail, prev_hash, hash)
         VALUES (?1, NULL, ?2, NULL, ?3, ?4, ?5, ?6, ?7)",
        rusqlite::params![forged.1, forged.3, forged.5, forged.6, forged.7, prev, hash],
    )
    .unwrap();
    detected(&o, &["签名", &format!("第 {} 条", forged.0)], false);
}

#[test]
fn a_chain_rehashed_after_an_edit_is_detected_by_the_witness() {
    let o = office();
    let c = sql(&o);
    let rows = audit_rows(&c);
    c.execute_batch("DROP TRIGGER audit_no_update;").unwrap();
    let mut prev = "0000000000000000000000000000000000000000000000000000000000000000".to_string();
    for mut r in rows {
        if r.0 == 3 {
            r.6 = format!("{}（改）", r.6);
        }
        let hash = hash_of(&prev, &r);
        c.execute(
            "UPDATE audit SET summary = ?1, prev_hash = ?2, hash = ?3 WHERE id = ?4",
            rusqlite::params![r.6, prev, hash, r.0],
        )
        .unwrap();
        prev = hash;
    }
    c.execute_batch(
        "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
         BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;",
    )
    .unwrap();
    detected(&o, &["见证文件", "重算"], false);
}

#[test]
fn missing_triggers_are_reported_and_writes_refused_until_an_admin_acknowledges() {
    let o = office();
    sql(&o)
        .execute_batch("DROP TRIGGER audit_no_update;")
        .unwrap();
    let set = [
        "--user",
        "admin",
        "settings",
        "set",
        "court",
        "农安县人民法院",
    ];
    let (ok, out) = run(&o, &set);
    assert!(!ok && out.contains("触发器"), "{out}");
    detected(&o, &["触发器"], true);
    only_an_admin_may(&o, &["check", "--acknowledge"], "确认完整性检查结果");
    let (ok, out) = run(&o, &set);
    assert!(ok, "{out}");
    let (ok, out) = run(&o, &["check"]);
    assert!(ok, "{out}");
}

#[test]
fn after_acknowledging_an_edit_the_file_is_writable_and_a_new_edit_trips_it_again() {
    let o = office();
    let c = sql(&o);
    c.execute(
        "UPDATE staff SET squad = '第二中队' WHERE username = 'liqiang'",
        [],
    )
    .unwrap();
    detected(&o, &["liqiang", "squad"], false);
    let (ok, out) = run(&o, &["--user", "admin", "check", "--acknowledge"]);
    assert!(ok && out.contains("liqiang"), "{out}");
    let (ok, out) = run(&o, &["check"]);
    assert!(ok, "{out}");
    let (ok, out) = run(
        &o,
        &[
            "--user",
            "admin",
            "settings",
            "set",
            "court",
            "农安县人民法院",
        ],
    );
    assert!(ok, "{out}");
    c.execute(
        "UPDATE staff SET name = '李四' WHERE username = 'sunzhen'",
        [],
    )
    .unwrap();
    let (ok, out) = run(
        &o,
        &["--user", "admin", "settings", "set", "court", "某法院"],
    );
    assert!(
        !ok && out.contains("只读") && out.contains("sunzhen"),
        "{out}"
    );
    detected(&o, &["sunzhen", "李四"], false);
}

#[test]
fn a_failed_check_leaves_the_file_read_only_until_it_passes_again() {
    let o = office();
    let c = sql(&o);
    edit_case_json(&c, 3, |v| v["facts"] = "改过的事实".into());
    let (ok, _) = run(&o, &["check"]);
    assert!(!ok);
    // Case data is not rehashed on open; the failed check is remembered by the witness.
    let (ok, out) = run(
        &o,
        &["--user", "admin", "settings", "set", "court", "某法院"],
    );
    assert!(!ok && out.contains("只读"), "{out}");
}

#[test]
fn a_rewound_user_version_is_refused_in_a_few_chinese_lines() {
    let o = office();
    sql(&o).pragma_update(None, "user_version", 3).unwrap();
    let (ok, out) = run(&o, &["case", "list"]);
    assert!(!ok && out.contains("版本号"), "{out}");
    assert!(out.lines().count() <= 4, "{out}");
    assert!(!out.contains("CREATE TABLE"), "{out}");
}

#[test]
fn an_unreadable_case_is_named_and_the_rest_still_checked_and_exported() {
    let o = office();
    let c = sql(&o);
    c.execute("UPDATE case_file SET data = '{broken' WHERE id = 2", [])
        .unwrap();
    let no = case_no(&c, 2);
    let (ok, out) = run(&o, &["check"]);
    assert!(
        !ok && out.contains(&no) && out.contains("证据附件"),
        "{out}"
    );
    let (ok, out) = run(&o, &["audit", "verify"]);
    assert!(!ok && out.contains(&no), "{out}");
    let xlsx = o.dir.path().join("台账.csv");
    let (ok, out) = run(&o, &["ledger", "export", "--out", xlsx.to_str().unwrap()]);
    assert!(ok && out.contains(&no), "{out}");
    let csv = std::fs::read_to_string(&xlsx).unwrap();
    assert!(csv.contains(&case_no(&c, 3)), "{csv}");
}

#[test]
fn every_backup_records_the_head_in_the_witness() {
    let o = office();
    let (ok, out) = run(&o, &["backup"]);
    assert!(ok, "{out}");
    let hash: String = sql(&o)
        .query_row("SELECT hash FROM audit ORDER BY id DESC LIMIT 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    let witness: PathBuf = o.dir.path().join("backups").join("zhifa.sqlite3.witness");
    let text = std::fs::read_to_string(&witness).unwrap();
    assert!(
        text.lines()
            .any(|l| l.starts_with("head ") && l.contains(&hash)),
        "{text}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&witness).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    // The backup's own folder keeps the head too, so the backups carry their anchor along.
    let folder = std::fs::read_dir(o.dir.path().join("backups"))
        .unwrap()
        .flatten()
        .find(|e| e.path().is_dir())
        .expect("a backup folder for this database")
        .path();
    let kept = std::fs::read_to_string(folder.join("zhifa.sqlite3.witness")).unwrap();
    assert!(kept.contains(&hash), "{kept}");
}

#[test]
fn the_demo_passes_check() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite3");
    let o = Office {
        dir: tempfile::tempdir().unwrap(),
    };
    let out = o
        .cmd()
        .args(["demo", "--db", db.to_str().unwrap()])
        .env_remove("ZHIFA_DB")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = o
        .cmd()
        .args(["--db", db.to_str().unwrap(), "check"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = PW;
}

#[test]
fn the_case_summary_prints_the_chain_head() {
    let o = office();
    let dir = o.dir.path().join("out");
    std::fs::create_dir_all(&dir).unwrap();
    let (ok, out) = run(
        &o,
        &[
            "--user",
            "zhangwei",
            "print",
            "--summary",
            "--stage",
            "执行",
            "--format",
            "txt",
            "-o",
            dir.to_str().unwrap(),
        ],
    );
    assert!(ok, "{out}");
    let file = std::fs::read_dir(&dir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text: String = std::fs::read_to_string(file)
        .unwrap()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let at = text.find("链头哈希：").expect(&text) + "链头哈希：".len();
    let hash: String = text[at..].chars().take(64).collect();
    let n: i64 = sql(&o)
        .query_row("SELECT count(*) FROM audit WHERE hash = ?1", [&hash], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(n, 1, "{hash} is no entry's hash");
}
