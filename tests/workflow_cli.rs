//! Scripted CLI runs: one 一般程序 case with a hearing and one 简易程序 case, each taken to
//! 归档 through `zhifa case …` as different users, then the audit chain verified — and a
//! tampered log, a changed attachment and a stale save each detected.

use predicates::prelude::*;
mod common;
use common::Office;

impl Office {
    fn as_user(&self, user: &str, args: &[&str]) -> serde_json::Value {
        let out = self
            .cmd()
            .args(["--user", user])
            .args(args)
            .arg("--json")
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&out).unwrap()
    }

    fn step(&self, user: &str, case: &str, step: &str, fields: &[&str]) -> serde_json::Value {
        let mut args = vec!["case", "do", case, step];
        args.extend_from_slice(fields);
        self.as_user(user, &args)
    }

    fn refuse(&self, user: &str, case: &str, step: &str, fields: &[&str]) -> String {
        let mut args = vec!["--user", user, "case", "do", case, step];
        args.extend_from_slice(fields);
        let out = self
            .cmd()
            .args(&args)
            .assert()
            .failure()
            .get_output()
            .stderr
            .clone();
        String::from_utf8(out).unwrap()
    }

    fn new() -> Office {
        Office::with_staff(&[
            ("zhangwei", "张伟", &["承办人"], Some("22012210011")),
            ("liqiang", "李强", &["承办人"], Some("22012210012")),
            (
                "zhaogang",
                "赵刚",
                &["中队长", "承办人"],
                Some("22012210010"),
            ),
            ("qianli", "钱丽", &["法制审核员"], Some("22012210003")),
            ("sunzhen", "孙振", &["负责人"], Some("22012210001")),
        ])
    }
}

fn new_case_file(o: &Office) -> String {
    o.general_toml(&["zhangwei", "liqiang"])
}

#[test]
fn general_procedure_with_hearing_to_archive_by_cli() {
    let o = Office::new();
    let file = new_case_file(&o);
    let v = o.as_user(
        "zhangwei",
        &["case", "new", "--power", "HJ-001", "--file", &file],
    );
    assert_eq!(v["case_no"], "合综执立〔2026〕1号");
    let c = "合综执立〔2026〕1号";
    // The handler cannot approve their own filing.
    assert!(o
        .refuse(
            "zhangwei",
            c,
            "approve_filing",
            &["agree=同意", "opinion=同意"]
        )
        .contains("负责人"));
    o.step(
        "sunzhen",
        c,
        "approve_filing",
        &["date=2026-06-04", "agree=同意", "opinion=同意立案"],
    );
    let photo = o.file("photo.jpg", "JPEG-BYTES-OF-A-PHOTO");
    let mut args = vec![
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
        "collectors=zhangwei,liqiang",
        "--attach",
    ];
    args.push(&photo);
    o.cmd().args(&args).assert().success();
    o.step(
        "zhangwei",
        c,
        "add_record",
        &[
            "kind=现场检查(勘验)笔录",
            "date=2026-06-05",
            "start=09:00",
            "end=09:40",
            "place=现场",
            "officers=zhangwei,liqiang",
            "persons=刘长海",
            "content=检查情况",
            "signature=已签名",
        ],
    );
    o.step(
        "zhangwei",
        c,
        "end_investigation",
        &[
            "date=2026-06-10",
            "kinds=罚款",
            "tier=严重",
            "fine=2000",
            "reasoning=焚烧面积大，影响居民",
            "complex_or_major=否",
            "legal_review_flags=",
            "confiscation=0",
        ],
    );
    o.step(
        "zhaogang",
        c,
        "squad_review",
        &["date=2026-06-11", "agree=同意", "opinion=同意"],
    );
    o.step(
        "sunzhen",
        c,
        "review_decision",
        &[
            "date=2026-06-12",
            "outcome=给予行政处罚",
            "opinion=同意处罚",
        ],
    );
    let v = o.step("zhangwei", c, "issue_notice", &["date=2026-06-15"]);
    assert_eq!(v["case"]["notice"]["hearing_right"], true);
    o.step(
        "zhangwei",
        c,
        "serve",
        &[
            "doc=行政处罚事先告知书",
            "method=直接送达",
            "date=2026-06-15",
            "recipient=刘长海",
            "officers=zhangwei,liqiang",
        ],
    );
    // Art 64(1): 5 working days — 06-19 is 端午, so 06-24 is too late.
    assert!(o
        .refuse("zhangwei", c, "request_hearing", &["date=2026-06-24"])
        .contains("第六十四条"));
    o.step("zhangwei", c, "request_hearing", &["date=2026-06-17"]);
    // Art 64(2): notified 06-18, the hearing may not be before 06-30.
    assert!(o
        .refuse(
            "sunzhen",
            c,
            "schedule_hearing",
            &[
                "notified_on=2026-06-18",
                "date=2026-06-29",
                "place=会议室",
                "presiding=qianli"
            ]
        )
        .contains("七个工作日"));
    // Art 64(4): an investigator cannot preside.
    assert!(o
        .refuse(
            "sunzhen",
            c,
            "schedule_hearing",
            &[
                "notified_on=2026-06-18",
                "date=2026-07-01",
                "place=会议室",
                "presiding=liqiang"
            ]
        )
        .contains("调查人员"));
    o.step(
        "sunzhen",
        c,
        "schedule_hearing",
        &[
            "notified_on=2026-06-18",
            "date=2026-07-01",
            "place=镇政府会议室",
            // The legal reviewer does not preside over the hearing she re-examines
            // (行政处罚法第五十八条; the default setting).
            "presiding=sunzhen",
            "time=09:00",
            // Not an investigator (行政处罚法第六十四条第（四）项).
            "recorder=zhaogang",
        ],
    );
    o.step(
        "zhangwei",
        c,
        "serve",
        &[
            "doc=听证通知书",
            "method=直接送达",
            "date=2026-06-18",
            "recipient=刘长海",
            "officers=zhangwei,liqiang",
        ],
    );
    o.step(
        "zhangwei",
        c,
        "add_record",
        &[
            "kind=听证笔录",
            "date=2026-07-01",
            "start=09:00",
            "end=10:30",
            "place=镇政府会议室",
            "officers=zhangwei,liqiang",
            "persons=刘长海",
            "content=听证记录",
            "signature=已签名",
        ],
    );
    o.step(
        "sunzhen",
        c,
        "hold_hearing",
        &[
            "date=2026-07-01",
            "party_absent=否",
            "investigators_case=调查人员出示现场照片和勘验笔录，建议罚款二千元",
            "party_statement=当事人称焚烧面积较小，请求从轻",
        ],
    );
    let e = o.refuse(
        "sunzhen",
        c,
        "decide",
        &[
            "date=2026-07-03",
            "kinds=罚款",
            "fine=2000",
            "correction_order=停止焚烧",
            "payment_place=指定银行",
        ],
    );
    assert!(e.contains("法制审核"), "{e}");
    o.step(
        "qianli",
        c,
        "legal_review",
        &["date=2026-07-02", "passed=是", "opinion=事实清楚，程序合法"],
    );
    // Art 45, 65: the points raised at the hearing are re-examined before deciding.
    assert!(o
        .refuse(
            "sunzhen",
            c,
            "decide",
            &[
                "date=2026-07-03",
                r#"kinds=["罚款"]"#,
                "fine=1800",
                "correction_order=停止焚烧",
                "payment_place=指定银行"
            ]
        )
        .contains("第六十五条"));
    o.step(
        "zhangwei",
        c,
        "record_statement",
        &[
            "date=2026-07-02",
            "content=当事人在听证中称焚烧面积较小",
            "adopted=false",
            "reexamination=经复核，现场勘验面积约两亩，不予采纳",
        ],
    );
    assert!(o
        .refuse(
            "sunzhen",
            c,
            "decide",
            &[
                "date=2026-07-03",
                "kinds=罚款",
                "fine=2500",
                "correction_order=停止焚烧",
                "payment_place=指定银行"
            ]
        )
        .contains("第四十五条"));
    o.step(
        "sunzhen",
        c,
        "decide",
        &[
            "date=2026-07-03",
            "kinds=罚款",
            "fine=1800",
            "correction_order=停止焚烧",
            "payment_place=指定银行",
        ],
    );
    o.step(
        "zhangwei",
        c,
        "serve",
        &[
            "doc=行政处罚决定书",
            "method=邮寄送达",
            "date=2026-07-06",
            "recipient=刘长海",
            "officers=zhangwei,liqiang",
        ],
    );
    o.step(
        "zhangwei",
        c,
        "pay",
        &["date=2026-07-10", "amount=1800", "method=银行缴纳"],
    );
    o.step("zhangwei", c, "propose_closing", &["date=2026-07-13"]);
    o.step(
        "sunzhen",
        c,
        "approve_closing",
        &["date=2026-07-14", "opinion=同意结案"],
    );
    let v = o.step(
        "zhangwei",
        c,
        "archive",
        &[
            "date=2026-07-15",
            "archive_no=2026-永-001",
            "retention=长期",
        ],
    );
    assert_eq!(v["case"]["stage"], "归档");
    // Read-only for everybody once archived.
    assert!(o
        .refuse("sunzhen", c, "publish", &["date=2026-07-16"])
        .contains("已归档"));
    let shown = o.as_user("zhangwei", &["case", "show", "2026-1"]);
    assert!(
        shown["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["status"]["status"] == "met"),
        "{:#}",
        shown["deadlines"]
    );
    o.cmd()
        .args(["audit", "verify"])
        .assert()
        .success()
        .stdout(predicate::str::contains("哈希链校验通过"));

    // A changed evidence file is reported.
    let files = o.dir.path().join("zhifa.sqlite3.files").join("1");
    // The evidence file, not the folder's lock (`.lock`).
    let stored = std::fs::read_dir(&files)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .unwrap();
    std::fs::write(&stored, "EDITED").unwrap();
    o.cmd()
        .args(["audit", "verify"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("内容与登记时不符"));
    std::fs::write(&stored, "JPEG-BYTES-OF-A-PHOTO").unwrap();

    // Editing the log behind zhifa's back is detected, naming the entry.
    let conn = rusqlite::Connection::open(o.db()).unwrap();
    conn.execute_batch(
        "DROP TRIGGER audit_no_update; UPDATE audit SET summary = '改过' WHERE id = 12;",
    )
    .unwrap();
    drop(conn);
    o.cmd()
        .args(["audit", "verify"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("第 12 条记录"));
}

#[test]
fn simple_procedure_to_archive_by_cli() {
    let o = Office::new();
    let spot = o.spot_toml();
    let v = o.as_user(
        "zhangwei",
        &["case", "spot", "--power", "HJ-001", "--file", &spot],
    );
    assert_eq!(v["case_no"], "合综执当罚〔2026〕1号");
    assert_eq!(v["case"]["stage"], "执行");
    let c = "2026-1";
    // 行政处罚法第六十七条第二款、第六十八条: cash only on a recorded lawful ground.
    let e = o.refuse(
        "zhangwei",
        c,
        "pay",
        &[
            "date=2026-10-12",
            "amount=100",
            "method=当场收缴",
            "receipt_no=吉财0012345",
        ],
    );
    assert!(
        e.contains("第六十七条") && e.contains("当场收缴依据"),
        "{e}"
    );
    let e = o.refuse(
        "zhangwei",
        c,
        "pay",
        &[
            "date=2026-10-12",
            "amount=100",
            "method=当场收缴",
            "receipt_no=吉财0012345",
            "cash_ground=领导同意",
        ],
    );
    assert!(
        e.contains("当场收缴依据")
            && e.contains("一百元以下罚款、事后难以执行、边远地区当事人提出"),
        "{e}"
    );
    assert!(o
        .refuse(
            "zhangwei",
            c,
            "pay",
            &[
                "date=2026-10-12",
                "amount=100",
                "method=当场收缴",
                "cash_ground=一百元以下罚款"
            ]
        )
        .contains("专用票据"));
    o.step(
        "zhangwei",
        c,
        "pay",
        &[
            "date=2026-10-12",
            "amount=100",
            "method=当场收缴",
            "receipt_no=吉财0012345",
            "cash_ground=一百元以下罚款",
        ],
    );
    // 更正/补正: a receipt number typed wrongly is corrected with the head's approval, never
    // by the handler alone, and the file's 备考表 says so.
    let fix = [
        "date=2026-10-13",
        "target=【缴款票据号】",
        "new_text=吉财0012346",
        "reason=财政票据存根号为0012346，录入时误录",
    ];
    assert!(o.refuse("zhangwei", c, "更正补正", &fix).contains("负责人"));
    let v = o.step("sunzhen", c, "更正补正", &fix);
    // 行政处罚法第五十二条第三款: reported to the agency before the case closes.
    assert!(o
        .refuse("zhangwei", c, "propose_closing", &["date=2026-10-13"])
        .contains("第五十二条第三款"));
    o.step("zhangwei", c, "当场处罚备案", &["date=2026-10-12"]);
    assert_eq!(v["case"]["payments"][0]["receipt_no"], "吉财0012346");
    assert_eq!(v["case"]["corrections"][0]["before"], "吉财0012345");
    o.step("zhangwei", c, "propose_closing", &["date=2026-10-13"]);
    o.step(
        "sunzhen",
        c,
        "approve_closing",
        &["date=2026-10-14", "opinion=同意"],
    );
    let notes = o.db().with_file_name("notes.txt");
    o.cmd()
        .args([
            "--user",
            "zhangwei",
            "print",
            c,
            "--doc",
            "备考表",
            "--format",
            "txt",
            "-o",
        ])
        .arg(&notes)
        .assert()
        .success();
    // The text format wraps at the page width; read the sheet as one line.
    let notes = std::fs::read_to_string(&notes).unwrap().replace('\n', "");
    assert!(
        notes.contains("缴款票据号（第1项）：“吉财0012345”更正为“吉财0012346”"),
        "{notes}"
    );
    let closing = o.db().with_file_name("closing.txt");
    o.cmd()
        .args([
            "--user",
            "zhangwei",
            "print",
            c,
            "--doc",
            "结案审批表",
            "--format",
            "txt",
            "-o",
        ])
        .arg(&closing)
        .assert()
        .success();
    let closing = std::fs::read_to_string(&closing).unwrap().replace('\n', "");
    assert!(
        closing.contains("2026年10月12日由张伟报本机关备案"),
        "{closing}"
    );
    o.step(
        "liqiang",
        c,
        "archive",
        &[
            "date=2026-10-15",
            "archive_no=2026-简-001",
            "retention=10年",
        ],
    );
    o.cmd()
        .args(["audit", "verify", "--json"])
        .assert()
        .success();
}

#[test]
fn a_stale_version_is_refused_with_who_changed_it() {
    let o = Office::new();
    let file = new_case_file(&o);
    o.as_user(
        "zhangwei",
        &["case", "new", "--power", "HJ-001", "--file", &file],
    );
    // Someone else approves while the clerk still looks at version 1.
    o.step(
        "sunzhen",
        "2026-1",
        "approve_filing",
        &["date=2026-06-04", "agree=同意", "opinion=同意立案"],
    );
    let e = o.refuse(
        "zhangwei",
        "2026-1",
        "add_record",
        &[
            "--version",
            "1",
            "kind=现场检查(勘验)笔录",
            "date=2026-06-05",
            "start=09:00",
            "end=09:40",
            "place=现场",
            "officers=zhangwei,liqiang",
            "persons=刘长海",
            "content=检查",
            "signature=已签名",
        ],
    );
    assert!(e.contains("孙振") && e.contains("已被"), "{e}");
}

#[test]
fn filing_outside_the_limitation_period_is_refused_by_cli() {
    let o = Office::new();
    let file = o.file(
        "old.toml",
        std::fs::read_to_string(new_case_file(&o))
            .unwrap()
            .replace("act_date = \"2026-06-01\"", "act_date = \"2024-05-01\""),
    );
    o.cmd()
        .args([
            "--user", "zhangwei", "case", "new", "--power", "HJ-001", "--file", &file,
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains("第三十六条"));
}
