//! Typed step fields from the outside (issue 20 item 2, issue 19 "no JSON", issue 15 item 9):
//! a case goes from 提请立案 to 归档 through `zhifa case new` and `zhifa case do` with plain
//! Chinese values only — steps by their Chinese names, dates as 2026年6月4日 / 2026.6.5,
//! amounts as 二千 / 2,000元, people by real name, 同意 / 是 / 否, choices typed with an
//! input method's full-width brackets — and texts that look like numbers stay text.

mod common;
use common::{Office, PERSON_ID};

fn office() -> Office {
    Office::with_staff(&[
        ("zhangwei", "张伟", &["承办人"], Some("22012210011")),
        ("liqiang", "李强", &["承办人"], Some("22012210012")),
        (
            "zhaogang",
            "赵刚",
            &["中队长", "承办人"],
            Some("22012210010"),
        ),
        ("sunzhen", "孙振", &["负责人"], Some("22012210001")),
    ])
}

/// Runs a step as `user` (by the step's Chinese name) and returns what it printed.
fn step(o: &Office, user: &str, step: &str, fields: &[&str]) -> String {
    let out = o
        .cmd()
        .args(["--user", user, "case", "do", "2026-1", step])
        .args(fields)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

fn refuse(o: &Office, user: &str, step: &str, fields: &[&str]) -> String {
    let out = o
        .cmd()
        .args(["--user", user, "case", "do", "2026-1", step])
        .args(fields)
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    String::from_utf8(out).unwrap()
}

fn case_json(o: &Office) -> serde_json::Value {
    let out = o
        .cmd()
        .args(["case", "show", "2026-1", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice::<serde_json::Value>(&out).unwrap()["case"].clone()
}

#[test]
fn chinese_values_only_take_a_case_from_filing_to_archive() {
    let o = office();
    // The file too: Chinese dates, people by name in one string, a phone written as a number.
    let file = o.file(
        "new.toml",
        format!(
            r#"
source = "举报"
place = "合隆镇东岗村村东农田"
act_date = "2026年6月1日"
discovered_on = "2026.6.1"
proposed_on = "2026/6/2"
facts = "当事人在禁烧区露天焚烧玉米秸秆约五亩。"
handlers = "张伟、李强"
grave_harm = "否"
[[party]]
type = "个人"
name = "刘长海"
id_no = "{PERSON_ID}"
address = "农安县合隆镇东岗村3组"
phone = 13812345678
"#
        ),
    );
    o.cmd()
        .args([
            "--user", "zhangwei", "case", "new", "--power", "HJ-001", "--file", &file,
        ])
        .assert()
        .success();

    // A yes-or-no that is not one is refused in Chinese, naming the field.
    let e = refuse(
        &o,
        "sunzhen",
        "立案审批",
        &["agree=可以", "opinion=同意立案"],
    );
    assert!(e.contains("“是否同意”") && e.contains("是 或 否"), "{e}");
    step(
        &o,
        "sunzhen",
        "立案审批",
        &["date=2026年6月4日", "agree=同意", "opinion=1"],
    );
    step(
        &o,
        "zhangwei",
        "登记证据",
        &[
            "kind=【视听资料】",
            "description=现场照片",
            "collected_on=2026.6.5",
            "time=０９：３０",
            "place=现场",
            "collectors=张伟 李强",
        ],
    );
    step(
        &o,
        "zhangwei",
        "制作笔录",
        &[
            "kind=现场检查（勘验）笔录",
            "date=2026/6/5",
            "start=09:00",
            "end=09:40",
            "place=现场",
            "officers=张伟，李强",
            "persons=刘长海",
            "nth=0",
            "content=检查情况",
            "signature=已签名",
        ],
    );
    step(
        &o,
        "zhangwei",
        "调查终结",
        &[
            "date=2026年6月10日",
            "kinds=“罚款”",
            "tier=严重",
            "fine=二千",
            "reasoning=焚烧面积大，影响居民",
            "complex_or_major=否",
            "confiscation=0",
        ],
    );
    step(
        &o,
        "zhaogang",
        "中队长审核",
        &["date=2026-06-11", "agree=是", "opinion=同意"],
    );
    step(
        &o,
        "sunzhen",
        "负责人审查决定",
        &[
            "date=2026-06-12",
            "outcome=给予行政处罚",
            "opinion=同意处罚",
        ],
    );
    step(&o, "zhangwei", "事先告知", &["date=2026-06-15"]);
    step(
        &o,
        "zhangwei",
        "送达",
        &[
            "doc=行政处罚事先告知书",
            "method=直接送达",
            "date=2026-06-15",
            "recipient=刘长海",
            "officers=张伟、李强",
        ],
    );
    step(&o, "zhangwei", "登记放弃陈述申辩听证", &["date=2026-06-16"]);
    step(
        &o,
        "sunzhen",
        "作出决定",
        &[
            "date=2026-06-17",
            "kinds=罚款",
            "fine=2,000元",
            "correction_order=停止焚烧",
            "payment_place=指定银行",
            "publish=否",
        ],
    );
    step(
        &o,
        "zhangwei",
        "送达",
        &[
            "doc=行政处罚决定书",
            "method=直接送达",
            "date=2026-06-18",
            "recipient=刘长海",
            "officers=张伟、李强",
        ],
    );
    // Issue 15 item 9: a receipt number of digits only is a receipt number.
    step(
        &o,
        "zhangwei",
        "登记缴款",
        &[
            "date=2026-06-20",
            "amount=二千元",
            "method=银行缴纳",
            "receipt_no=20261203",
        ],
    );
    step(&o, "zhangwei", "提请结案", &["date=2026-06-22"]);
    step(
        &o,
        "sunzhen",
        "结案审批",
        &["date=2026-06-23", "opinion=同意结案"],
    );
    let out = step(
        &o,
        "zhangwei",
        "归档",
        &["date=2026-06-24", "archive_no=2026001", "retention=长期"],
    );
    assert!(out.contains("阶段：归档"), "{out}");

    let c = case_json(&o);
    assert_eq!(c["stage"], "归档");
    assert_eq!(c["decision"]["fine"], "2000.00");
    assert_eq!(c["payments"][0]["receipt_no"], "20261203");
    assert_eq!(c["archive"]["archive_no"], "2026001");
    assert_eq!(c["records"][0]["kind"], "现场检查(勘验)笔录");
    assert_eq!(c["evidence"][0]["time"], "09:30");
    assert_eq!(c["evidence"][0]["collectors"].as_array().unwrap().len(), 2);
}

#[test]
fn a_bad_value_is_refused_in_chinese_by_its_field_label_not_a_serde_message() {
    let o = office();
    o.cmd()
        .args(["--user", "zhangwei", "case", "new", "--power", "HJ-001"])
        .args(["--file", &o.general_toml(&["zhangwei", "liqiang"])])
        .assert()
        .success();
    for (fields, says) in [
        (vec!["date=明天见", "agree=是", "opinion=同意"], "“日期”"),
        (vec!["agree=😀", "opinion=同意"], "“是否同意”"),
        (vec!["agree=是"], "缺少“意见”"),
    ] {
        let e = refuse(&o, "sunzhen", "立案审批", &fields);
        assert!(e.contains(says), "{fields:?}: {e}");
        assert!(
            !e.contains("invalid type") && !e.contains("expected"),
            "{e}"
        );
    }
}
