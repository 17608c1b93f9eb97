//! Roles through the real binary: a person listed twice, staff deactivated and their roles
//! changed, ledger imports (who may, live case numbers, re-import, undo) and catalog imports
//! that would change a statutory range or retire items.

use predicates::prelude::*;
mod common;
use common::Office;

fn office() -> Office {
    Office::with_staff(&[
        ("zhangwei", "张伟", &["承办人"], Some("22012210011")),
        ("liqiang", "李强", &["承办人"], Some("22012210012")),
        ("sunzhen", "孙振", &["负责人"], Some("22012210001")),
    ])
}

fn run(o: &Office, args: &[&str]) -> String {
    let out = o
        .cmd()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

fn refused(o: &Office, args: &[&str]) -> String {
    let out = o
        .cmd()
        .args(args)
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn a_person_listed_twice_is_refused_in_chinese_naming_them() {
    let o = office();
    let twice = o.general_toml(&["zhangwei", "zhangwei"]);
    let e = refused(
        &o,
        &[
            "--user", "zhangwei", "case", "new", "--power", "HJ-001", "--file", &twice,
        ],
    );
    assert!(e.contains("张伟") && e.contains("第四十二条"), "{e}");
    assert!(!e.contains("UNIQUE"), "{e}");
    let ok = o.general_toml(&["zhangwei", "liqiang"]);
    run(
        &o,
        &[
            "--user", "zhangwei", "case", "new", "--power", "HJ-001", "--file", &ok,
        ],
    );
    let c = "合综执立〔2026〕1号";
    run(
        &o,
        &[
            "--user",
            "sunzhen",
            "case",
            "do",
            c,
            "approve_filing",
            "date=2026-06-03",
            "agree=同意",
            "opinion=同意立案",
        ],
    );
    let e = refused(
        &o,
        &[
            "--user",
            "zhangwei",
            "case",
            "do",
            c,
            "add_evidence",
            "kind=视听资料",
            "description=现场照片",
            "collected_on=2026-06-05",
            "place=现场",
            "collectors=zhangwei,zhangwei",
        ],
    );
    assert!(e.contains("张伟") && e.contains("取证人员"), "{e}");
}

#[test]
fn a_disabled_user_cannot_log_in_keeps_their_history_and_roles_change_by_admin_only() {
    let o = office();
    let file = o.general_toml(&["zhangwei", "liqiang"]);
    run(
        &o,
        &[
            "--user", "zhangwei", "case", "new", "--power", "HJ-001", "--file", &file,
        ],
    );
    // Only an admin disables, and not themself.
    let e = refused(&o, &["--user", "liqiang", "user", "disable", "zhangwei"]);
    assert!(e.contains("不是管理员"), "{e}");
    let e = refused(&o, &["--user", "admin", "user", "disable", "admin"]);
    assert!(e.contains("不能停用自己"), "{e}");
    run(&o, &["--user", "admin", "user", "disable", "zhangwei"]);
    let e = refused(&o, &["--user", "zhangwei", "case", "list", "--mine"]);
    assert!(e.contains("账号已停用"), "{e}");
    // The name stays on the case.
    let shown = run(
        &o,
        &["--user", "liqiang", "case", "show", "合综执立〔2026〕1号"],
    );
    assert!(shown.contains("张伟"), "{shown}");
    run(&o, &["--user", "admin", "user", "enable", "zhangwei"]);
    run(&o, &["--user", "zhangwei", "case", "list", "--mine"]);
    // Roles replaced by an admin; the last admin keeps the role.
    let e = refused(
        &o,
        &[
            "--user",
            "zhangwei",
            "user",
            "roles",
            "zhangwei",
            "--role",
            "负责人",
        ],
    );
    assert!(e.contains("不是管理员"), "{e}");
    run(
        &o,
        &[
            "--user",
            "admin",
            "user",
            "roles",
            "liqiang",
            "--role",
            "承办人",
            "--role",
            "中队长",
        ],
    );
    let list = run(&o, &["user", "list"]);
    assert!(
        list.lines()
            .any(|l| l.starts_with("liqiang") && l.contains("承办人、中队长")),
        "{list}"
    );
    let e = refused(
        &o,
        &[
            "--user",
            "admin",
            "user",
            "roles",
            "admin",
            "--role",
            "承办人",
        ],
    );
    assert!(e.contains("唯一在用的管理员"), "{e}");
    let log = run(&o, &["--user", "admin", "audit", "log"]);
    for action in ["停用账号", "启用账号", "调整岗位"] {
        assert!(
            log.contains(action),
            "{action} not in the audit log:\n{log}"
        );
    }
}

fn demo() -> Office {
    let o = Office {
        dir: tempfile::tempdir().unwrap(),
    };
    let db = o.db();
    o.cmd()
        .args(["demo", "--db", db.to_str().unwrap()])
        .assert()
        .success();
    o
}

#[test]
fn ledger_import_is_for_keepers_never_takes_live_numbers_repeats_as_no_op_and_undoes() {
    let o = demo();
    let as_demo = |args: &[&str]| -> String {
        let out = o
            .cmd()
            .env("ZHIFA_PASSWORD", "demo")
            .args(args)
            .output()
            .unwrap();
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    };
    let exported = o.dir.path().join("台账.csv");
    let exported = exported.to_str().unwrap();
    as_demo(&["ledger", "export", "--out", exported]);
    let count = |o: &Office| -> usize {
        let again = o.dir.path().join("again.csv");
        let out = o
            .cmd()
            .args([
                "ledger",
                "export",
                "--force",
                "--out",
                again.to_str().unwrap(),
            ])
            .assert()
            .success();
        drop(out);
        std::fs::read_to_string(&again).unwrap().lines().count() - 1
    };
    assert_eq!(count(&o), zhifa::demo::case_count().unwrap());
    // A 承办人 may not import.
    let out = as_demo(&[
        "--user", "zhangwei", "ledger", "import", exported, "--apply",
    ]);
    assert!(out.contains("不是管理员或负责人"), "{out}");
    // Re-importing the exported ledger adds nothing: every row is a live case, unchanged.
    let out = as_demo(&["--user", "admin", "ledger", "import", exported, "--apply"]);
    assert!(out.contains("没有新的行需要导入"), "{out}");
    assert_eq!(
        count(&o),
        zhifa::demo::case_count().unwrap(),
        "re-import doubled case numbers"
    );
    // A different row under a live case number is refused.
    let text = std::fs::read_to_string(exported).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let cells: Vec<&str> = lines[1].split(',').collect();
    let live_no = cells[0].to_string();
    let mut changed = cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    changed[1] = "冒名顶替".into();
    lines[1] = changed.join(",");
    let colliding = o.file("撞号.csv", lines.join("\n") + "\n");
    let out = as_demo(&["--user", "admin", "ledger", "import", &colliding, "--apply"]);
    assert!(out.contains(&live_no) && out.contains("本系统"), "{out}");
    assert_eq!(count(&o), zhifa::demo::case_count().unwrap());
    // New rows: imported as one numbered import, then undone as a whole.
    let old = o.file(
        "旧台账.csv",
        "案号,当事人,案由,罚款金额(元)\n旧2019-1,刘某,焚烧秸秆,500\n旧2019-2,王某,占道经营,200\n",
    );
    let out = as_demo(&["--user", "sunzhen", "ledger", "import", &old, "--apply"]);
    assert!(
        out.contains("已导入 2 行") && out.contains("导入 #1"),
        "{out}"
    );
    assert_eq!(count(&o), zhifa::demo::case_count().unwrap() + 2);
    let out = as_demo(&["--user", "sunzhen", "ledger", "import", &old, "--apply"]);
    assert!(out.contains("没有新的行需要导入"), "{out}");
    assert_eq!(count(&o), zhifa::demo::case_count().unwrap() + 2);
    let out = as_demo(&["--user", "zhangwei", "ledger", "undo", "1"]);
    assert!(out.contains("不是管理员或负责人"), "{out}");
    let out = as_demo(&["--user", "admin", "ledger", "undo", "1"]);
    assert!(out.contains("已撤销导入 #1"), "{out}");
    assert_eq!(count(&o), zhifa::demo::case_count().unwrap());
    let imports = as_demo(&["ledger", "imports"]);
    assert!(imports.contains("#1 已撤销"), "{imports}");
    let log = as_demo(&["--user", "admin", "audit", "log"]);
    assert!(log.contains("撤销台账导入"), "{log}");
}

#[test]
fn a_catalog_import_may_not_raise_a_statutory_range_or_retire_items_unasked() {
    let o = office();
    // The team template with the straw-burning range raised to 2,000,000 yuan.
    let raised = o.file(
        "raised.toml",
        common::TEAM_CATALOG.replace("max = 2000 }", "max = 2000000 }"),
    );
    let count = || -> usize {
        let out = run(&o, &["powers", "list", "--at", "2026-12-02", "--json"]);
        serde_json::from_str::<serde_json::Value>(&out)
            .unwrap()
            .as_array()
            .unwrap()
            .len()
    };
    let e = refused(&o, &["--user", "admin", "powers", "import", &raised]);
    assert!(
        e.contains("HJ-001") && e.contains("法定处罚幅度") && e.contains("--override-statutory"),
        "{e}"
    );
    assert!(e.contains("147 项") && e.contains("CG-001"), "{e}");
    // Retiring confirmed, but the raised range still needs a reason.
    let e = refused(
        &o,
        &[
            "--user",
            "admin",
            "powers",
            "import",
            &raised,
            "--retire-missing",
        ],
    );
    assert!(e.contains("法定处罚幅度") && !e.contains("147 项"), "{e}");
    assert_eq!(count(), 148, "a refused import changed the catalog");
    run(
        &o,
        &[
            "--user",
            "admin",
            "powers",
            "import",
            &raised,
            "--retire-missing",
            "--override-statutory",
            "测试：省人大修改条例",
        ],
    );
    assert_eq!(count(), 1);
    let log = run(&o, &["--user", "admin", "audit", "log", "--json"]);
    assert!(
        log.contains("测试：省人大修改条例"),
        "the override reason is audited"
    );
    o.cmd()
        .args(["powers", "show", "HJ-001", "--at", "2026-12-02"])
        .assert()
        .success()
        .stdout(predicate::str::contains("2000000").or(predicate::str::contains("200万")));
}
