//! One table of bad input, each fed to the real binary on an office with a case under
//! investigation. For every row: the command fails with exit code 1 (never a panic, which
//! is 101), says in Chinese what is wrong (the expected fragment), writes no raw escape
//! sequence to the terminal, and leaves the database exactly as it was (same audit log,
//! same case versions). RELIABILITY.md counts the rows.

mod common;
use common::{Office, PERSON_ID};

impl Office {
    fn ok(&self, args: &[&str]) -> String {
        let out = self
            .cmd()
            .args(args)
            .assert()
            .success()
            .get_output()
            .clone();
        String::from_utf8(out.stdout).unwrap()
    }

    /// Audit entries and every case's version: what "nothing changed" means.
    fn fingerprint(&self) -> (i64, Vec<(i64, i64)>) {
        let conn = rusqlite::Connection::open(self.db()).unwrap();
        let audit = conn
            .query_row("SELECT COUNT(*) FROM audit", [], |r| r.get(0))
            .unwrap();
        let mut stmt = conn
            .prepare("SELECT id, version FROM case_file ORDER BY id")
            .unwrap();
        let versions = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        (audit, versions)
    }

    /// Two handlers and a head, and one case under investigation (2026-1).
    fn new() -> Office {
        let o = Office::with_staff(&[
            ("zhangwei", "张伟", &["承办人"], Some("22012210011")),
            ("liqiang", "李强", &["承办人"], Some("22012210012")),
            ("sunzhen", "孙振", &["负责人"], Some("22012210001")),
        ]);
        let file = o.file("new.toml", case_file(&Party::default(), ""));
        o.ok(&[
            "--user", "zhangwei", "case", "new", "--power", "HJ-001", "--file", &file,
        ]);
        o.ok(&[
            "--user",
            "sunzhen",
            "case",
            "do",
            "2026-1",
            "approve_filing",
            "date=2026-06-03",
            "agree=同意",
            "opinion=同意立案",
        ]);
        o
    }
}

#[derive(Default)]
struct Party {
    name: Option<String>,
    id_no: Option<String>,
}

/// A 提请立案 file; `dates` replaces the default date lines when not empty.
fn case_file(p: &Party, dates: &str) -> String {
    let dates = if dates.is_empty() {
        "act_date = \"2026-06-01\"\ndiscovered_on = \"2026-06-01\"\nproposed_on = \"2026-06-02\""
    } else {
        dates
    };
    format!(
        r#"source = "举报"
place = "合隆镇东岗村村东农田"
{dates}
facts = "当事人在禁烧区露天焚烧玉米秸秆约五亩。"
handlers = ["zhangwei", "liqiang"]
[[party]]
type = "person"
name = "{}"
id_no = "{}"
address = "农安县合隆镇东岗村3组"
phone = "13812345678"
"#,
        p.name.as_deref().unwrap_or("刘长海"),
        p.id_no.as_deref().unwrap_or(PERSON_ID),
    )
}

fn named(name: &str) -> Party {
    Party {
        name: Some(name.into()),
        ..Party::default()
    }
}

/// What to run: a 提请立案 file, a step with fields, plain arguments, an on-the-spot case
/// file, or evidence with an attached file of this name.
enum Input {
    NewCase(Vec<u8>),
    Step(&'static str, Vec<String>),
    Args(Vec<String>),
    Spot(String),
    Attach(&'static str),
    /// A step with one field from a `--file` (its TOML escapes reach the domain rule).
    StepFile(&'static str, Vec<String>, &'static str),
}

/// `input` (a step) with the field that `toml` sets taken from a file instead.
fn from_file(input: Input, toml: &'static str) -> Input {
    let Input::Step(name, mut fields) = input else {
        unreachable!("from_file takes a step")
    };
    let key = toml.split('=').next().unwrap_or_default().trim();
    fields.retain(|f| !f.starts_with(&format!("{key}=")));
    Input::StepFile(name, fields, toml)
}

struct Row {
    what: &'static str,
    input: Input,
    /// A fragment the Chinese message must contain.
    says: &'static str,
}

fn new_case(text: String) -> Input {
    Input::NewCase(text.into_bytes())
}

fn step(name: &'static str, fields: &[&str]) -> Input {
    Input::Step(name, fields.iter().map(|s| s.to_string()).collect())
}

fn pay(amount: &str) -> Input {
    step(
        "pay",
        &[
            "date=2026-06-10",
            &format!("amount={amount}"),
            "method=银行缴纳",
            "receipt_no=吉财0000001",
        ],
    )
}

fn evidence(field: &str) -> Input {
    let mut fields = vec![
        "kind=视听资料",
        "description=现场照片",
        "collected_on=2026-06-04",
        "time=09:30",
        "place=现场",
        "collectors=zhangwei,liqiang",
    ];
    let key = field.split('=').next().unwrap_or_default();
    fields.retain(|f| !f.starts_with(&format!("{key}=")));
    fields.push(field);
    step("add_evidence", &fields)
}

fn record(field: &str) -> Input {
    let mut fields = vec![
        "kind=现场检查(勘验)笔录",
        "date=2026-06-04",
        "start=09:00",
        "end=09:40",
        "place=现场",
        "officers=zhangwei,liqiang",
        "persons=刘长海",
        "content=检查情况",
        "signature=已签名",
    ];
    let key = field.split('=').next().unwrap_or_default();
    fields.retain(|f| !f.starts_with(&format!("{key}=")));
    fields.push(field);
    step("add_record", &fields)
}

fn args(a: &[&str]) -> Input {
    Input::Args(a.iter().map(|s| s.to_string()).collect())
}

fn user_add(name: &str, squad: &str) -> Input {
    args(&[
        "--user",
        "admin",
        "user",
        "add",
        "--username",
        "wangwu",
        "--name",
        name,
        "--squad",
        squad,
        "--role",
        "承办人",
    ])
}

fn setting(key: &str, value: &str) -> Input {
    args(&["--user", "admin", "settings", "set", key, value])
}

/// Rows of issue 14 §5: control characters, ESC and NUL in every free-text field, impossible
/// times, oversize fields and files, a device as a file, a case-number pattern with `/../`.
fn text_rows() -> Vec<Row> {
    let esc = "\u{1b}[2J\u{1b}[31m";
    vec![
        Row {
            what: "ESC in evidence place",
            input: evidence(&format!("place=现场{esc}")),
            says: "取证地点含有控制字符",
        },
        Row {
            what: "NUL in evidence place (TOML escape in a --file)",
            input: from_file(evidence("place=现场"), r#"place = "现场\u0000""#),
            says: "取证地点含有控制字符",
        },
        Row {
            what: "ESC in evidence time",
            input: evidence(&format!("time=09:30{esc}")),
            says: "控制字符",
        },
        Row {
            what: "impossible evidence time 99:99",
            input: evidence("time=99:99"),
            says: "不是有效的时间",
        },
        Row {
            what: "10 MB evidence place",
            input: evidence(&format!("place={}", "地".repeat(250))),
            says: "取证地点过长",
        },
        Row {
            what: "impossible record start 25:99",
            input: record("start=25:99"),
            says: "开始时间“25:99”不是有效的时间",
        },
        Row {
            what: "ESC in record start",
            input: record(&format!("start=09{esc}:00")),
            says: "开始时间含有控制字符",
        },
        Row {
            what: "ESC in record place",
            input: record(&format!("place=现场{esc}")),
            says: "笔录地点含有控制字符",
        },
        Row {
            what: "NUL in record persons",
            input: from_file(record("persons=刘长海"), r#"persons = ["刘\u0000长海"]"#),
            says: "被询问人/在场人含有控制字符",
        },
        Row {
            what: "BEL in a receipt number",
            input: step(
                "pay",
                &[
                    "date=2026-06-10",
                    "amount=100",
                    "method=当场收缴",
                    "receipt_no=吉财\u{7}0000001",
                ],
            ),
            says: "票据号含有控制字符",
        },
        Row {
            what: "ESC in a staff name",
            input: user_add(&format!("王五{esc}"), "第一中队"),
            says: "姓名含有控制字符",
        },
        Row {
            what: "30,000-character staff name",
            input: user_add(&"王".repeat(30_000), "第一中队"),
            says: "姓名过长",
        },
        Row {
            what: "ESC in a squad",
            input: user_add("王五", &format!("第一中队{esc}")),
            says: "中队含有控制字符",
        },
        Row {
            what: "ESC in an agency setting",
            input: setting("address", &format!("合隆镇{esc}")),
            says: "地址含有控制字符",
        },
        Row {
            what: "case-number pattern leading out of its folder",
            input: setting("case_no_pattern", "{简称}/../{年}{序号}号"),
            says: "路径分隔符",
        },
        Row {
            what: "ESC in an attachment name",
            input: Input::Attach("photo\u{1b}[2J.jpg"),
            says: "附件文件名含有控制字符",
        },
        Row {
            what: "NUL in case facts (TOML escape)",
            input: new_case(
                case_file(&Party::default(), "").replace("约五亩。", "约五亩\\u0000。"),
            ),
            says: "案情含有控制字符",
        },
        Row {
            what: "over-long case place",
            input: new_case(
                case_file(&Party::default(), "").replace("合隆镇东岗村村东农田", &"田".repeat(300)),
            ),
            says: "违法行为地点过长",
        },
        Row {
            what: "input file over 1 MB",
            input: new_case(
                case_file(&Party::default(), "")
                    .replace("合隆镇东岗村村东农田", &"田".repeat(3_500_000)),
            ),
            says: "MB",
        },
        Row {
            what: "/dev/zero as the case file",
            input: args(&[
                "--user",
                "zhangwei",
                "case",
                "new",
                "--power",
                "HJ-001",
                "--file",
                "/dev/zero",
            ]),
            says: "不是普通文件",
        },
        Row {
            what: "impossible on-the-spot time 99:99",
            input: Input::Spot("99:99".into()),
            says: "当场处罚时间",
        },
    ]
}

fn rows() -> Vec<Row> {
    let big = "啊".repeat(100_000); // 300 KB of UTF-8: under the file limit, over a name's
    let mut rows = text_rows();
    rows.extend(vec![
        Row {
            what: "impossible date",
            input: new_case(case_file(
                &Party::default(),
                "act_date = \"2026-02-30\"\ndiscovered_on = \"2026-06-01\"\nproposed_on = \"2026-06-02\"",
            )),
            says: "日期",
        },
        Row {
            what: "not a date",
            input: step(
                "add_record",
                &["kind=现场检查笔录", "date=明天", "officers=zhangwei,liqiang"],
            ),
            says: "日期",
        },
        Row {
            what: "act date after discovery",
            input: new_case(case_file(
                &Party::default(),
                "act_date = \"2026-06-05\"\ndiscovered_on = \"2026-06-01\"\nproposed_on = \"2026-06-06\"",
            )),
            says: "发现",
        },
        Row {
            what: "future date",
            input: new_case(case_file(
                &Party::default(),
                "act_date = \"2099-06-01\"\ndiscovered_on = \"2099-06-01\"\nproposed_on = \"2099-06-02\"",
            )),
            says: "今天",
        },
        Row {
            what: "negative amount",
            input: pay("-5"),
            says: "金额",
        },
        Row {
            // 五百元 is an amount now (Chinese numerals are read); this is not.
            what: "non-numeric amount",
            input: pay("五百块左右"),
            says: "金额",
        },
        Row {
            what: "amount with three decimals",
            input: pay("5.001"),
            says: "分",
        },
        Row {
            what: "out-of-range amount",
            input: pay("99999999999999999"),
            says: "金额",
        },
        Row {
            what: "bad ID checksum",
            input: new_case(case_file(
                &Party {
                    id_no: Some("220122198001010019".into()),
                    ..Party::default()
                },
                "",
            )),
            says: "校验",
        },
        Row {
            what: "bad credit-code checksum",
            input: new_case(
                case_file(&Party::default(), "").replace(
                    "type = \"person\"\nname = \"刘长海\"\nid_no = \"220122198001010018\"",
                    "type = \"organisation\"\nname = \"合隆某公司\"\ncredit_code = \"91350100M000100Y44\"\nlegal_rep = \"王某\"",
                ),
            ),
            says: "校验",
        },
        Row {
            what: "full-width negative amount",
            input: pay("－５００"),
            says: "金额",
        },
        Row {
            what: "phone number too short",
            input: new_case(case_file(&Party::default(), "").replace("13812345678", "12345")),
            says: "手机号码位数",
        },
        Row {
            what: "empty required name",
            input: new_case(case_file(&named(""), "")),
            says: "姓名",
        },
        Row {
            what: "100,000 characters in a name",
            input: new_case(case_file(&named(&big), "")),
            says: "姓名",
        },
        Row {
            what: "ANSI escape in a name",
            input: new_case(case_file(&named("刘\u{1b}[2J\u{1b}[31m长海"), "")),
            says: "控制字符",
        },
        Row {
            what: "ANSI escape written as a TOML escape (reaches the domain rule)",
            input: new_case(case_file(&named("刘\\u001b[31m长海"), "")),
            says: "控制字符",
        },
        Row {
            what: "control character in a name",
            input: new_case(case_file(&named("刘\u{7}长海"), "")),
            says: "控制字符",
        },
        Row {
            what: "non-UTF-8 file",
            input: Input::NewCase(
                // "刘长海" in GBK
                [b"[[party]]\nname = \"".as_slice(), &[0xC1, 0xF5, 0xB3, 0xA4, 0xBA, 0xA3], b"\"\n"].concat(),
            ),
            says: "UTF-8",
        },
        Row {
            what: "truncated TOML",
            input: Input::NewCase(case_file(&Party::default(), "").as_bytes()[..120].to_vec()),
            says: "",
        },
        Row {
            what: "unknown step",
            input: step("approve_everything", &[]),
            says: "环节",
        },
        Row {
            what: "unknown field",
            input: step("add_record", &["colour=red"]),
            says: "colour",
        },
        Row {
            what: "missing attachment",
            input: Input::Args(
                [
                    "--user", "zhangwei", "case", "do", "2026-1", "add_evidence",
                    "kind=视听资料", "description=现场照片", "collected_on=2026-06-04",
                    "place=现场", "collectors=zhangwei,liqiang", "--attach",
                    "/nonexistent/photo.jpg",
                ]
                .map(String::from)
                .to_vec(),
            ),
            says: "找不到",
        },
        Row {
            what: "case that does not exist",
            input: Input::Args(
                ["--user", "zhangwei", "case", "show", "2026-999"]
                    .map(String::from)
                    .to_vec(),
            ),
            says: "2026-999",
        },
        Row {
            what: "idle lock too long",
            input: Input::Args(
                ["--user", "admin", "settings", "set", "security.idle_lock_minutes", "9999"]
                    .map(String::from)
                    .to_vec(),
            ),
            says: "240",
        },
        Row {
            what: "idle lock not a number",
            input: Input::Args(
                ["--user", "admin", "settings", "set", "security.idle_lock_minutes", "十"]
                    .map(String::from)
                    .to_vec(),
            ),
            says: "数字",
        },
    ]);
    rows
}

#[test]
fn every_bad_input_is_refused_in_chinese_and_changes_nothing() {
    let o = Office::new();
    let rows = rows();
    let mut failures = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let before = o.fingerprint();
        let args: Vec<String> = match &row.input {
            Input::NewCase(bytes) => {
                let file = o.file(&format!("row{i}.toml"), bytes);
                [
                    "--user", "zhangwei", "case", "new", "--power", "HJ-001", "--file", &file,
                ]
                .map(String::from)
                .to_vec()
            }
            Input::Step(name, fields) => {
                let mut a: Vec<String> = ["--user", "zhangwei", "case", "do", "2026-1", name]
                    .map(String::from)
                    .to_vec();
                a.extend(fields.iter().cloned());
                a
            }
            Input::Args(a) => a.clone(),
            Input::StepFile(name, fields, toml) => {
                let file = o.file(&format!("row{i}.toml"), toml);
                let mut a: Vec<String> = [
                    "--user", "zhangwei", "case", "do", "2026-1", name, "--file", &file,
                ]
                .map(String::from)
                .to_vec();
                a.extend(fields.iter().cloned());
                a
            }
            Input::Spot(time) => {
                let file = o.spot_toml();
                let text = std::fs::read_to_string(&file).unwrap();
                std::fs::write(&file, text.replace("10:20", time)).unwrap();
                [
                    "--user", "zhangwei", "case", "spot", "--power", "HJ-001", "--file", &file,
                ]
                .map(String::from)
                .to_vec()
            }
            Input::Attach(name) => {
                let file = o.file(name, b"\xFF\xD8 a photo");
                [
                    "--user",
                    "zhangwei",
                    "case",
                    "do",
                    "2026-1",
                    "add_evidence",
                    "kind=视听资料",
                    "description=现场照片",
                    "collected_on=2026-06-04",
                    "place=现场",
                    "collectors=zhangwei,liqiang",
                    "--attach",
                    &file,
                ]
                .map(String::from)
                .to_vec()
            }
        };
        let out = o.cmd().args(&args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        let stdout = String::from_utf8_lossy(&out.stdout).to_string();
        let problems: Vec<&str> = [
            (out.status.code() != Some(1), "exit code is not 1"),
            (!stderr.contains("错误："), "no Chinese error line"),
            (
                !stderr.contains(row.says),
                "message lacks the expected words",
            ),
            (
                stderr.contains('\u{1b}') || stdout.contains('\u{1b}'),
                "raw escape reached the terminal",
            ),
            (
                stderr.chars().count() > 2_000,
                "message longer than a screen",
            ),
            (o.fingerprint() != before, "the database changed"),
        ]
        .into_iter()
        .filter(|(bad, _)| *bad)
        .map(|(_, why)| why)
        .collect();
        if !problems.is_empty() {
            failures.push(format!(
                "[{}] {}: {:?}\n  stderr: {}",
                i,
                row.what,
                problems,
                stderr.chars().take(300).collect::<String>()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}

#[test]
fn damaged_database_files_are_named_not_panicked_on() {
    let o = Office::new();
    let db = o.db();
    let bytes = std::fs::read(&db).unwrap();
    for (what, content) in [
        ("truncated", bytes[..bytes.len() / 2].to_vec()),
        ("zeroed header", {
            let mut b = bytes.clone();
            b[..100].fill(0);
            b
        }),
        ("empty", Vec::new()),
        ("text", b"not a database".to_vec()),
    ] {
        let broken = o
            .dir
            .path()
            .join(format!("broken-{}.sqlite3", what.replace(' ', "-")));
        std::fs::write(&broken, &content).unwrap();
        let out = o
            .cmd()
            .env("ZHIFA_DB", &broken)
            .args(["case", "list"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{what}: {stderr}");
        assert!(
            stderr.contains("损坏") || stderr.contains("不是 zhifa 数据库"),
            "{what}: {stderr}"
        );
        // Nothing was written to the damaged file.
        assert_eq!(std::fs::read(&broken).unwrap(), content, "{what}");
    }
}

#[test]
fn lists_mask_personal_data_and_full_views_are_recorded() {
    let o = Office::new();
    let masked = o.ok(&["case", "show", "2026-1"]);
    assert!(masked.contains("220122********0018"), "{masked}");
    assert!(masked.contains("138****5678"), "{masked}");
    assert!(!masked.contains(PERSON_ID));
    let json = o.ok(&["case", "show", "2026-1", "--json"]);
    assert!(
        !json.contains(PERSON_ID) && !json.contains("13812345678"),
        "{json}"
    );
    let before = o.fingerprint().0;
    // Full data needs a logged-in user, and is recorded.
    let out = o
        .cmd()
        .args(["case", "show", "2026-1", "--full"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let full = o.ok(&["--user", "liqiang", "case", "show", "2026-1", "--full"]);
    assert!(full.contains(PERSON_ID), "{full}");
    assert_eq!(o.fingerprint().0, before + 1);
    let log = o.ok(&["--user", "liqiang", "audit", "log"]);
    assert!(log.contains("查看完整个人信息"), "{log}");
}

/// Issue 14 §4: the audit log quotes every party's details, so it needs a login, masks them
/// like lists do, and shows them whole only with `--full`, recorded in the case's trail.
#[test]
fn audit_log_needs_a_login_masks_personal_data_and_records_full_views() {
    let o = Office::new();
    let out = o.cmd().args(["audit", "log", "--json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("需要登录"));
    assert!(!String::from_utf8_lossy(&out.stdout).contains(PERSON_ID));
    for args in [
        &["--user", "liqiang", "audit", "log", "--json"][..],
        &["--user", "liqiang", "audit", "log"],
        &[
            "--user", "liqiang", "audit", "log", "--case", "2026-1", "--json",
        ],
    ] {
        let masked = o.ok(args);
        for whole in [PERSON_ID, "13812345678", "东岗村3组", "1980-01-01"] {
            assert!(!masked.contains(whole), "{args:?} shows {whole}: {masked}");
        }
    }
    let masked = o.ok(&["--user", "liqiang", "audit", "log", "--json"]);
    assert!(masked.contains("220122********0018"), "{masked}");
    assert!(masked.contains("138****5678"), "{masked}");
    let before = o.fingerprint().0;
    let full = o.ok(&["--user", "liqiang", "audit", "log", "--json", "--full"]);
    assert!(
        full.contains(PERSON_ID) && full.contains("13812345678"),
        "{full}"
    );
    // One case in the log: one access entry, in that case's trail.
    assert_eq!(o.fingerprint().0, before + 1);
    let trail = o.ok(&["--user", "liqiang", "audit", "log", "--case", "2026-1"]);
    assert!(
        trail.contains("李强") && trail.contains("查看完整个人信息"),
        "{trail}"
    );
}

/// Issue 14 §4: numbers and the party's address typed into the facts are masked in the
/// published list, like the party columns.
#[test]
fn publish_masks_ids_phones_credit_codes_and_addresses_in_the_facts() {
    let o = Office::new();
    let spot = o.spot_toml();
    let text = std::fs::read_to_string(&spot).unwrap().replace(
        "经劝阻后熄灭。",
        &format!(
            "经劝阻后熄灭。当事人身份证号{PERSON_ID}，电话138 1234 5678，座机0431-88881234，\
             住农安县合隆镇前进村，受雇于91220122MA0000000D。"
        ),
    );
    std::fs::write(&spot, text).unwrap();
    o.ok(&[
        "--user", "zhangwei", "case", "spot", "--power", "HJ-001", "--file", &spot,
    ]);
    let out = o.dir.path().join("gongshi.csv");
    let said = o.ok(&["ledger", "publish", "--all", "--out", out.to_str().unwrap()]);
    assert!(said.contains("已导出公示清单 1 条"), "{said}");
    let csv = std::fs::read_to_string(&out).unwrap();
    for whole in [
        PERSON_ID,
        "138 1234 5678",
        "0431-88881234",
        "91220122MA0000000D",
        "前进村",
    ] {
        assert!(!csv.contains(whole), "{whole} published: {csv}");
    }
    assert!(
        csv.contains("220122********0018") && csv.contains("138****5678"),
        "{csv}"
    );
}

/// Issue 14 §5: text a spreadsheet would run as a formula is neutralised in CSV exports;
/// amounts stay numbers.
#[test]
fn csv_exports_neutralise_formulas_in_text_cells() {
    let o = Office::with_staff(&[
        ("zhangwei", "张伟", &["承办人"], Some("22012210011")),
        ("liqiang", "李强", &["承办人"], Some("22012210012")),
    ]);
    let file = o.file(
        "new.toml",
        case_file(&named("=cmd|' /C calc'!A0"), "")
            .replace("合隆镇东岗村村东农田", "@SUM(1+1)*cmd|' /C calc'!A0"),
    );
    o.ok(&[
        "--user", "zhangwei", "case", "new", "--power", "HJ-001", "--file", &file,
    ]);
    let out = o.dir.path().join("taizhang.csv");
    o.ok(&["ledger", "export", "--out", out.to_str().unwrap()]);
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(csv.contains("'=cmd|"), "{csv}");
    assert!(csv.contains("'@SUM(1+1)"), "{csv}");
    for line in csv.lines() {
        assert!(!line.contains(",=") && !line.contains(",@"), "{line}");
    }
    assert!(csv.contains(",0.00,"), "{csv}");
}

/// Text with control characters put into the file behind zhifa's back never reaches the
/// terminal raw: every line the CLI prints goes through the UI's sanitiser.
#[test]
fn stored_control_characters_never_reach_the_terminal() {
    let o = Office::new();
    let conn = rusqlite::Connection::open(o.db()).unwrap();
    conn.execute(
        "UPDATE staff SET name = '张\u{1b}[2J\u{1b}]0;pwned\u{7}伟', squad = '一\u{1b}[31m' WHERE username = 'zhangwei'",
        [],
    )
    .unwrap();
    drop(conn);
    for args in [
        &["--user", "admin", "user", "list"][..],
        &["case", "show", "2026-1"],
        &["case", "list"],
        &["--user", "liqiang", "audit", "log", "--case", "2026-1"],
    ] {
        let out = o.cmd().args(args).output().unwrap();
        let all = [out.stdout, out.stderr].concat();
        assert!(!all.contains(&0x1b) && !all.contains(&0x07), "{args:?}");
    }
}
