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
            "agree=true",
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

/// What to run: a 提请立案 file, a step with fields, or plain arguments.
enum Input {
    NewCase(Vec<u8>),
    Step(&'static str, Vec<String>),
    Args(Vec<String>),
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
            "method=银行缴款",
            "receipt_no=吉财0000001",
        ],
    )
}

fn rows() -> Vec<Row> {
    let big = "啊".repeat(350_000); // over 1 MB of UTF-8
    vec![
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
            what: "non-numeric amount",
            input: pay("五百元"),
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
            what: "1 MB of text in a name",
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
    ]
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
    let log = o.ok(&["audit", "log"]);
    assert!(log.contains("查看完整个人信息"), "{log}");
}
