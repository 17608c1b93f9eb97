//! Ordinary commands must not lose data (issue 14 §1): a refused or losing evidence step
//! leaves every file it did not place itself; nothing non-regular or too large is attached;
//! no output path overwrites the database, its evidence, its backups or (unless forced) an
//! existing file; what zhifa writes is the owner's only; a backup of another agency is not
//! restored without being asked for.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Stdio};

use predicates::prelude::*;
mod common;
use common::Office;

const CASE: &str = "2026-1";

fn office() -> Office {
    Office::with_staff(&[
        ("zhangwei", "张伟", &["承办人"], Some("22012210011")),
        ("liqiang", "李强", &["承办人"], Some("22012210012")),
        ("sunzhen", "孙振", &["负责人"], Some("22012210001")),
    ])
}

/// A filed 一般程序 case (合综执立〔2026〕1号), ready for evidence; returns its version.
fn filed_case(o: &Office) -> u64 {
    let file = o.general_toml(&["zhangwei", "liqiang"]);
    o.cmd()
        .args(["--user", "zhangwei", "case", "new", "--power", "HJ-001"])
        .args(["--file", &file])
        .assert()
        .success();
    let out = o
        .cmd()
        .args(["--user", "sunzhen", "case", "do", CASE, "approve_filing"])
        .args([
            "date=2026-06-04",
            "agree=同意",
            "opinion=同意立案",
            "--json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    v["case"]["version"].as_u64().unwrap()
}

fn evidence_args<'a>(collectors: &'a str, attach: &'a str) -> Vec<&'a str> {
    vec![
        "--user",
        "zhangwei",
        "case",
        "do",
        CASE,
        "add_evidence",
        "kind=视听资料",
        "description=现场照片",
        "collected_on=2026-06-05",
        "place=现场",
        collectors,
        "--attach",
        attach,
    ]
}

fn attachment_files(o: &Office) -> Vec<std::path::PathBuf> {
    let dir = o.dir.path().join("zhifa.sqlite3.files");
    let mut out = Vec::new();
    for case in std::fs::read_dir(dir).unwrap().flatten() {
        for f in std::fs::read_dir(case.path()).unwrap().flatten() {
            if !f.file_name().to_string_lossy().starts_with('.') {
                out.push(f.path());
            }
        }
    }
    out
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_refused_evidence_step_keeps_the_committed_file() {
    let o = office();
    filed_case(&o);
    let photo = o.file("photo1.jpg", "JPEG-BYTES-OF-A-PHOTO");
    o.cmd()
        .args(evidence_args("collectors=zhangwei,liqiang", &photo))
        .assert()
        .success();
    // The same photo again with one collector: refused by the two-officer rule.
    o.cmd()
        .args(evidence_args("collectors=zhangwei", &photo))
        .assert()
        .failure()
        .stderr(predicate::str::contains("第四十二条").or(predicate::str::contains("两名")));
    let files = attachment_files(&o);
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(std::fs::read(&files[0]).unwrap(), b"JPEG-BYTES-OF-A-PHOTO");
    o.cmd().arg("check").assert().success();
}

#[test]
fn desks_racing_to_attach_one_file_never_delete_the_winners_copy() {
    let o = office();
    let version = filed_case(&o).to_string();
    let photo = o.file("photo1.jpg", "JPEG-BYTES-OF-A-PHOTO");
    // All on the same version: one wins, the others lose the version check after the
    // winner committed — exactly when a loser used to delete the shared file.
    let children: Vec<_> = (0..4)
        .map(|_| {
            let mut c = Command::new(env!("CARGO_BIN_EXE_zhifa"));
            c.env("ZHIFA_DB", o.db())
                .env("ZHIFA_PASSWORD", common::PW)
                .env_remove("ZHIFA_USER")
                .env("HOME", o.dir.path())
                .env("XDG_STATE_HOME", o.dir.path().join("state"))
                .args(evidence_args("collectors=zhangwei,liqiang", &photo))
                .args(["--version", &version])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped());
            c.spawn().unwrap()
        })
        .collect();
    let outcomes: Vec<_> = children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect();
    let won = outcomes.iter().filter(|o| o.status.success()).count();
    assert_eq!(won, 1, "{outcomes:?}");
    for lost in outcomes.iter().filter(|o| !o.status.success()) {
        // Refused because the winner saved first, naming who.
        let err = String::from_utf8_lossy(&lost.stderr);
        assert!(err.contains("已被") && err.contains("张伟"), "{err}");
    }
    assert_eq!(attachment_files(&o).len(), 1);
    o.cmd().arg("check").assert().success();
}

#[test]
fn devices_pipes_folders_and_oversized_files_are_not_attached() {
    let o = office();
    filed_case(&o);
    let dir = o.dir.path();
    let fifo = dir.join("pipe");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let link = dir.join("zero.jpg");
    std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
    let folder = dir.join("folder.jpg");
    std::fs::create_dir(&folder).unwrap();
    for bad in [Path::new("/dev/zero"), &fifo, &link, &folder] {
        let bad = bad.to_str().unwrap();
        o.cmd()
            .args(evidence_args("collectors=zhangwei,liqiang", bad))
            .assert()
            .code(1)
            .stderr(predicate::str::contains("不是普通文件"));
    }
    o.cmd()
        .args(["--user", "admin", "settings", "set"])
        .args(["security.attachment_max_mb", "1"])
        .assert()
        .success();
    let big = o.file("big.mp4", vec![7u8; 1_048_577]);
    o.cmd()
        .args(evidence_args("collectors=zhangwei,liqiang", &big))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("超过上限"));
    let fits = o.file("fits.mp4", vec![7u8; 1_048_576]);
    o.cmd()
        .args(evidence_args("collectors=zhangwei,liqiang", &fits))
        .assert()
        .success();
    o.cmd().arg("check").assert().success();
}

fn spot_case(o: &Office) {
    let spot = o.spot_toml();
    o.cmd()
        .args(["--user", "zhangwei", "case", "spot", "--power", "HJ-001"])
        .args(["--file", &spot])
        .assert()
        .success();
}

fn print_summary(o: &Office, out: &Path) -> assert_cmd::Command {
    let mut c = o.cmd();
    c.args([
        "--user",
        "zhangwei",
        "print",
        CASE,
        "--summary",
        "--format",
        "txt",
        "-o",
    ])
    .arg(out);
    c
}

#[test]
fn print_never_overwrites_the_database_backups_or_an_existing_file_unforced() {
    let o = office();
    spot_case(&o);
    let db = o.db();
    let before = std::fs::read(&db).unwrap();
    for force in [false, true] {
        let mut c = print_summary(&o, &db);
        if force {
            c.arg("--force");
        }
        c.assert()
            .code(1)
            .stderr(predicate::str::contains("数据库文件"));
    }
    assert_eq!(std::fs::read(&db).unwrap()[..16], before[..16]);
    o.cmd().arg("check").assert().success();
    // Relative to the working directory, as a clerk types it.
    o.cmd()
        .current_dir(o.dir.path())
        .args([
            "--user",
            "zhangwei",
            "print",
            CASE,
            "--summary",
            "--format",
            "txt",
        ])
        .args(["-o", "zhifa.sqlite3-wal", "--force"])
        .assert()
        .code(1);
    // The backups folder, even for a new file.
    o.cmd().arg("backup").assert().success();
    let in_backups = o.dir.path().join("backups").join("摘要.txt");
    print_summary(&o, &in_backups)
        .arg("--force")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("备份目录"));
    assert!(!in_backups.exists());
    // An existing file: refused, then replaced with --force.
    let mine = o.dir.path().join("摘要.txt");
    std::fs::write(&mine, "一份重要的旧文件").unwrap();
    print_summary(&o, &mine)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--force"));
    assert_eq!(std::fs::read_to_string(&mine).unwrap(), "一份重要的旧文件");
    print_summary(&o, &mine).arg("--force").assert().success();
    assert!(std::fs::read_to_string(&mine).unwrap().contains("刘长海"));
    // The ledger export follows the same rule.
    o.cmd()
        .args(["--user", "zhangwei", "ledger", "export", "--out"])
        .arg(o.dir.path().join("zhifa.sqlite3"))
        .assert()
        .code(1);
    o.cmd().arg("check").assert().success();
}

#[test]
fn documents_exports_logs_and_the_evidence_folder_are_the_owners_only() {
    let o = office();
    filed_case(&o);
    let photo = o.file("photo1.jpg", "JPEG");
    o.cmd()
        .args(evidence_args("collectors=zhangwei,liqiang", &photo))
        .assert()
        .success();
    let root = o.dir.path().join("zhifa.sqlite3.files");
    assert_eq!(mode(&root), 0o700);
    for f in attachment_files(&o) {
        assert_eq!(mode(&f), 0o600, "{}", f.display());
        assert_eq!(mode(f.parent().unwrap()), 0o700);
    }
    let doc = o.dir.path().join("文书").join("摘要.txt");
    print_summary(&o, &doc).assert().success();
    assert_eq!(mode(&doc), 0o600);
    assert_eq!(mode(doc.parent().unwrap()), 0o700);
    let ledger = o.dir.path().join("台账.csv");
    o.cmd()
        .args(["--user", "zhangwei", "ledger", "export", "--out"])
        .arg(&ledger)
        .assert()
        .success();
    assert_eq!(mode(&ledger), 0o600);
    let logs = o.dir.path().join("state").join("zhifa");
    assert_eq!(mode(&logs), 0o700);
    let files: Vec<_> = std::fs::read_dir(&logs).unwrap().flatten().collect();
    assert!(!files.is_empty());
    for f in files {
        assert_eq!(mode(&f.path()), 0o600, "{}", f.path().display());
    }
}

#[test]
fn restoring_another_agencys_backup_is_refused_without_the_flag() {
    let o = office();
    spot_case(&o);
    let other = tempfile::tempdir().unwrap();
    let other_db = other.path().join("zhifa.sqlite3");
    let mut init = Command::new(env!("CARGO_BIN_EXE_zhifa"));
    let ok = init
        .env("ZHIFA_DB", &other_db)
        .env("ZHIFA_NEW_PASSWORD", common::PW)
        .env("HOME", other.path())
        .env("XDG_STATE_HOME", other.path().join("state"))
        .args([
            "init",
            "--township",
            "万顺乡",
            "--abbr",
            "万",
            "--county",
            "农安县",
        ])
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(ok.success());
    let before = std::fs::read(o.db()).unwrap();
    o.cmd()
        .args(["--user", "admin", "restore", "--yes"])
        .arg(&other_db)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("合隆镇").and(predicate::str::contains("万顺乡")))
        .stdout(predicate::str::contains("案件 1 件"))
        .stderr(
            predicate::str::contains("另一个机关").and(predicate::str::contains("--other-agency")),
        );
    assert_eq!(std::fs::read(o.db()).unwrap(), before);
    o.cmd()
        .args(["--user", "admin", "restore", "--yes", "--other-agency"])
        .arg(&other_db)
        .assert()
        .success();
}
