//! The `zhifa` binary driven as a user or a script would, on temporary databases.

mod common;
use assert_cmd::Command;
use common::TEAM_CATALOG;
use predicates::prelude::*;
use tempfile::TempDir;

struct Env {
    dir: TempDir,
}

impl Env {
    fn new() -> Self {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn db(&self) -> std::path::PathBuf {
        self.dir.path().join("data").join("zhifa.sqlite3")
    }

    /// `zhifa --db <temp db>` with HOME pointing into the temp dir (logs stay there).
    fn zhifa(&self) -> Command {
        let mut cmd = Command::cargo_bin("zhifa").unwrap();
        cmd.env_remove("ZHIFA_DB")
            .env("ZHIFA_USER", "admin")
            .env("ZHIFA_PASSWORD", "pw1234")
            .env("ZHIFA_NEW_PASSWORD", "pw1234")
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.dir.path().join("xdg-data"))
            .env("XDG_STATE_HOME", self.dir.path().join("xdg-state"))
            .arg("--db")
            .arg(self.db());
        cmd
    }

    fn init(&self) -> &Self {
        self.zhifa()
            .args([
                "init",
                "--township",
                "合隆镇",
                "--abbr",
                "合",
                "--county",
                "农安县",
            ])
            .assert()
            .success()
            .stdout(predicate::str::contains("权限清单：148 项"));
        self
    }

    fn write(&self, name: &str, text: &[u8]) -> std::path::PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self
            .zhifa()
            .args(args)
            .arg("--json")
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&out).unwrap()
    }
}

#[test]
fn init_then_refuses_to_overwrite() {
    let env = Env::new();
    env.init();
    env.zhifa()
        .args(["init", "--township", "别镇", "--abbr", "别"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("已存在").and(predicate::str::contains("不会覆盖")));
    let settings = env.json(&["settings", "show"]);
    assert_eq!(settings["agency"]["township"], "合隆镇");
    assert_eq!(settings["agency"]["review_body"], "农安县人民政府");
}

#[test]
fn init_rejects_a_bad_abbreviation_and_leaves_no_file() {
    let env = Env::new();
    env.zhifa()
        .args(["init", "--township", "合隆镇", "--abbr", "HL"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("简称"));
    assert!(!env.db().exists());
}

#[test]
fn commands_on_a_missing_database_say_how_to_create_it() {
    let env = Env::new();
    env.zhifa()
        .args(["powers", "list"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("zhifa init"));
    assert!(!env.db().exists());
}

#[test]
fn db_path_from_environment() {
    let env = Env::new();
    env.init();
    let mut cmd = Command::cargo_bin("zhifa").unwrap();
    cmd.env("ZHIFA_DB", env.db())
        .env_remove("ZHIFA_USER")
        .env("HOME", env.dir.path())
        .env("XDG_STATE_HOME", env.dir.path().join("xdg-state"))
        .args(["powers", "show", "HJ-001"])
        .assert()
        .success()
        .stdout(predicate::str::contains("第一百一十九条第一款"));
}

#[test]
fn powers_list_and_show() {
    let env = Env::new();
    env.init();
    let all = env.json(&["powers", "list"]);
    assert_eq!(all.as_array().unwrap().len(), 148);
    let cg = env.json(&["powers", "list", "--field", "CG"]);
    assert!(cg
        .as_array()
        .unwrap()
        .iter()
        .all(|v| v["power"]["field"] == "城市管理"));
    let straw = env.json(&["powers", "show", "hj-001"]);
    assert_eq!(straw["power"]["penalty"]["article"], 119);
    assert_eq!(straw["power"]["statutory"]["individual"]["max"], 2000);
    env.zhifa()
        .args(["powers", "list", "--field", "交通"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("未知领域"));
    env.zhifa()
        .args(["powers", "show", "XX-999"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("没有编码为 XX-999"));
}

#[test]
fn validate_names_file_code_and_reason() {
    let env = Env::new();
    let good = env.write("good.toml", TEAM_CATALOG.as_bytes());
    env.zhifa()
        .args(["powers", "validate"])
        .arg(&good)
        .assert()
        .success()
        .stdout(predicate::str::contains("校验通过"));
    let bad = env.write(
        "bad.toml",
        TEAM_CATALOG
            .replace(
                "individual = { min = 1000, max = 2000 }",
                "individual = { min = 2000, max = 5000 }",
            )
            .as_bytes(),
    );
    env.zhifa()
        .args(["powers", "validate"])
        .arg(&bad)
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("bad.toml")
                .and(predicate::str::contains("HJ-001"))
                .and(predicate::str::contains("超出法定幅度")),
        );
    let gbk = env.write("gbk.toml", &[0xBA, 0xCF, 0xC2, 0xA1]);
    env.zhifa()
        .args(["powers", "validate"])
        .arg(&gbk)
        .assert()
        .failure()
        .stderr(predicate::str::contains("UTF-8"));
    env.zhifa()
        .args(["powers", "validate", "/nonexistent/x.toml"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("找不到文件"));
}

#[test]
fn import_applies_whole_or_not_at_all() {
    let env = Env::new();
    env.init();
    let bad = env.write(
        "bad.toml",
        format!(
            "{TEAM_CATALOG}\n{}",
            TEAM_CATALOG
                .split("[[power]]")
                .nth(1)
                .map(|p| format!("[[power]]{p}"))
                .unwrap()
        )
        .as_bytes(),
    );
    env.zhifa()
        .args(["powers", "import"])
        .arg(&bad)
        .assert()
        .failure()
        .stderr(predicate::str::contains("编码重复").and(predicate::str::contains("未做任何修改")));
    assert_eq!(
        env.json(&["powers", "list", "--at", "2026-12-02"])
            .as_array()
            .unwrap()
            .len(),
        148
    );

    let good = env.write("team.toml", TEAM_CATALOG.as_bytes());
    // Leaving out 147 items retires them: refused with the list until that is confirmed.
    env.zhifa()
        .args(["powers", "import"])
        .arg(&good)
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("147 项").and(predicate::str::contains("--retire-missing")),
        );
    let report = env.json(&[
        "powers",
        "import",
        good.to_str().unwrap(),
        "--retire-missing",
    ]);
    assert_eq!(report["retired"].as_array().unwrap().len(), 147);
    assert_eq!(
        env.json(&["powers", "list", "--at", "2026-12-02"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // An old case date still sees the template version.
    let old = env.json(&["powers", "show", "HJ-001", "--at", "2024-05-01"]);
    assert_eq!(old["version"], 1);
    let history = env.json(&["powers", "show", "HJ-001", "--history"]);
    assert_eq!(history.as_array().unwrap().len(), 2);
}

#[test]
fn calendar_due_working_days_days_and_months() {
    let env = Env::new();
    env.init();
    env.zhifa()
        .args([
            "calendar",
            "due",
            "--from",
            "2026-09-28",
            "--working-days",
            "7",
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("2026-10-13"));
    let v = env.json(&["calendar", "due", "--from", "2026-09-18", "--days", "15"]);
    assert_eq!(v["due"], "2026-10-08");
    assert_eq!(v["rolled_forward"], true);
    let v = env.json(&["calendar", "due", "--from", "2025-10-13", "--months", "6"]);
    assert_eq!(v["due"], "2026-04-13");
    env.zhifa()
        .args([
            "calendar",
            "due",
            "--from",
            "2026-12-28",
            "--working-days",
            "7",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains("缺少 2027 年的节假日表"));
    env.zhifa()
        .args(["calendar", "due", "--from", "2026-02-30", "--days", "1"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("不存在"));
    env.zhifa()
        .args(["calendar", "due", "--from", "2026-09-28"])
        .assert()
        .code(2);
}

#[test]
fn calendar_works_without_a_database_from_built_in_tables() {
    let env = Env::new();
    let v = env.json(&[
        "calendar",
        "due",
        "--from",
        "2026-09-28",
        "--working-days",
        "7",
    ]);
    assert_eq!(v["due"], "2026-10-13");
    assert!(
        !env.db().exists(),
        "calendar due must not create a database"
    );
}

#[test]
fn calendar_import_adds_a_new_year() {
    let env = Env::new();
    env.init();
    let file = env.write(
        "2027.toml",
        "year = 2027\nsource = \"测试通知\"\n[[holiday]]\nname = \"元旦\"\noff = [\"2027-01-01\", \"2027-01-03\"]\nmakeup = []\n".as_bytes(),
    );
    env.zhifa()
        .args(["calendar", "import"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("已导入：2027 年"));
    let v = env.json(&[
        "calendar",
        "due",
        "--from",
        "2026-12-28",
        "--working-days",
        "7",
    ]);
    // 12-29, 12-30, 12-31, (1-1..1-3 off), 1-4, 1-5, 1-6, 1-7
    assert_eq!(v["due"], "2027-01-07");
    let bad = env.write("bad.toml", b"year = 2027\nsource = \"x\"\n[[holiday]]\nname = \"y\"\noff = [\"2027-01-01\", \"2027-01-01\"]\nmakeup = [\"2027-01-05\"]\n");
    env.zhifa()
        .args(["calendar", "import"])
        .arg(&bad)
        .assert()
        .failure()
        .stderr(predicate::str::contains("不是周六或周日"));
}

#[test]
fn settings_set_validates() {
    let env = Env::new();
    env.init();
    env.zhifa()
        .args(["settings", "set", "court", "农安县人民法院"])
        .assert()
        .success();
    env.zhifa()
        .args(["settings", "set", "abbr", "abc"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("简称"));
    env.zhifa()
        .args([
            "settings",
            "set",
            "calendar.makeup_days_are_working_days",
            "false",
        ])
        .assert()
        .success();
    let v = env.json(&[
        "calendar",
        "due",
        "--from",
        "2026-10-09",
        "--working-days",
        "1",
    ]);
    assert_eq!(
        v["due"], "2026-10-12",
        "10-10 调休 Saturday no longer counts"
    );
}

#[test]
fn a_newer_schema_is_refused_untouched() {
    let env = Env::new();
    env.init();
    {
        let conn = rusqlite::Connection::open(env.db()).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let before = std::fs::read(env.db()).unwrap();
    env.zhifa()
        .args(["powers", "list"])
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("结构版本为 99").and(predicate::str::contains("升级 zhifa")),
        );
    assert_eq!(std::fs::read(env.db()).unwrap(), before);
}

#[test]
fn check_and_backup() {
    let env = Env::new();
    env.init();
    env.zhifa()
        .args(["check"])
        .assert()
        .success()
        .stdout(predicate::str::contains("[正常] 审计记录哈希链"));
    let v = env.json(&["backup"]);
    let backup = std::path::PathBuf::from(v["backup"].as_str().unwrap());
    assert!(backup.exists());
    // Each database has its own folder under backups/.
    let folder = backup.parent().unwrap();
    assert!(folder.parent().unwrap().ends_with("backups"));
    assert!(folder
        .file_name()
        .unwrap()
        .to_string_lossy()
        .contains("合隆镇"));
    let mut check_backup = Command::cargo_bin("zhifa").unwrap();
    check_backup
        .env("HOME", env.dir.path())
        .env("XDG_STATE_HOME", env.dir.path().join("xdg-state"))
        .arg("--db")
        .arg(&backup)
        .args(["check", "--json"])
        .assert()
        .success();
    {
        let conn = rusqlite::Connection::open(env.db()).unwrap();
        conn.execute_batch(
            "DROP TRIGGER audit_no_update; UPDATE audit SET user_name = 'x' WHERE id = 2;",
        )
        .unwrap();
    }
    env.zhifa().args(["check"]).assert().failure().stdout(
        predicate::str::contains("[异常] 审计记录哈希链").and(predicate::str::contains("处理：")),
    );
}

#[test]
fn restore_checks_the_backup_asks_first_and_brings_it_back() {
    let env = Env::new();
    env.init();
    let v = env.json(&["backup", "--to", env.dir.path().join("b").to_str().unwrap()]);
    let backup = v["backup"].as_str().unwrap().to_string();
    env.zhifa()
        .args(["settings", "set", "court", "长春市中级人民法院"])
        .assert()
        .success();
    // Without a terminal and without --yes, nothing is replaced.
    env.zhifa()
        .args(["restore", &backup])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--yes"));
    env.zhifa()
        .args(["settings", "show"])
        .assert()
        .stdout(predicate::str::contains("长春市中级人民法院"));
    env.zhifa()
        .args(["restore", &backup, "--yes"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("[正常] 审计记录哈希链")
                .and(predicate::str::contains("原数据库已另存为")),
        );
    env.zhifa()
        .args(["settings", "show"])
        .assert()
        .stdout(predicate::str::contains("长春市中级人民法院").not());
    env.zhifa()
        .args(["audit", "log"])
        .assert()
        .success()
        .stdout(predicate::str::contains("从备份恢复"));
    // A backup that is not a zhifa database is refused.
    let junk = env.write("junk.sqlite3", b"junk");
    env.zhifa()
        .args(["restore", junk.to_str().unwrap(), "--yes"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("不是 zhifa 数据库"));
}

/// `zhifa powers list | head -0`: the reader is gone before zhifa writes; it must stop as Unix
/// tools do (SIGPIPE or success), never panic with "failed printing to stdout".
#[test]
fn a_closed_pipe_ends_output_without_a_panic() {
    let env = Env::new();
    env.init();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_zhifa"))
        .env_remove("ZHIFA_DB")
        .env("HOME", env.dir.path())
        .env("XDG_STATE_HOME", env.dir.path().join("xdg-state"))
        .arg("--db")
        .arg(env.db())
        .args(["powers", "list"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert!(
            out.status.success() || out.status.signal() == Some(13), // SIGPIPE,
            "{:?} {stderr}",
            out.status
        );
    }
}

#[test]
fn bench_gen_refuses_an_existing_file_and_too_few_cases() {
    let env = Env::new();
    env.zhifa()
        .args(["bench", "gen", "--cases", "10"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(format!(
            "不能少于 {}",
            zhifa::demo::case_count().unwrap()
        )));
    assert!(!env.db().exists(), "nothing is written for a refused size");
    env.init();
    env.zhifa()
        .args(["bench", "gen", "--cases", "1000"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("已存在"));
    let settings = env.json(&["settings", "show"]);
    assert_eq!(
        settings["agency"]["township"], "合隆镇",
        "the existing file is untouched"
    );
}

/// A generated benchmark file is one `zhifa check` passes: its deadline states are those of
/// the day the file records (they were computed for the generator's day, not recorded).
#[test]
fn a_generated_file_passes_check() {
    let env = Env::new();
    env.zhifa()
        .args(["bench", "gen", "--cases", "400"])
        .assert()
        .success();
    env.zhifa().arg("check").assert().success();
}
