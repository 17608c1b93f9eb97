//! A village house ordered demolished (城乡规划法第六十五条) taken through `zhifa case do` from
//! the decision to 执行完毕 and 归档: the 催告, the 强制执行决定, the 公告, the refusals of
//! 行政强制法第三十五条, 第四十三条 and 第四十四条 on the way, the day's record with its photo,
//! the papers printed, and the goods register command.

use predicates::prelude::*;
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

fn step(o: &Office, user: &str, case: &str, step: &str, fields: &[&str]) -> serde_json::Value {
    let out = o
        .cmd()
        .args(["--user", user, "case", "do", case, step])
        .args(fields)
        .arg("--json")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

fn refuse(o: &Office, user: &str, case: &str, step: &str, fields: &[&str]) -> String {
    let out = o
        .cmd()
        .args(["--user", user, "case", "do", case, step])
        .args(fields)
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    String::from_utf8(out).unwrap()
}

fn serve(o: &Office, c: &str, doc: &str, date: &str) {
    let date = format!("date={date}");
    step(
        o,
        "zhangwei",
        c,
        "serve",
        &[
            &format!("doc={doc}"),
            "method=直接送达",
            &date,
            "recipient=邵长贵",
            "officers=zhangwei,liqiang",
        ],
    );
}

/// Filed, investigated, decided (其他行政处罚) and the decision served on 2026-03-06.
fn decided(o: &Office) -> &'static str {
    let file = o.file(
        "house.toml",
        format!(
            r#"
source = "现场检查"
place = "合隆镇东村3组"
act_date = "2026-02-27"
discovered_on = "2026-02-27"
proposed_on = "2026-02-27"
facts = "当事人未取得乡村建设规划许可证，在东村3组建设二层砖房约120平方米。"
handlers = ["zhangwei", "liqiang"]
[[party]]
type = "person"
name = "邵长贵"
id_no = "{PERSON_ID}"
address = "农安县合隆镇东村3组"
phone = "13812345678"
"#
        ),
    );
    o.cmd()
        .args([
            "--user", "zhangwei", "case", "new", "--power", "GH-003", "--file",
        ])
        .arg(&file)
        .assert()
        .success();
    let c = "2026-1";
    step(
        o,
        "sunzhen",
        c,
        "approve_filing",
        &["date=2026-03-02", "agree=同意", "opinion=同意立案"],
    );
    step(
        o,
        "zhangwei",
        c,
        "add_record",
        &[
            "kind=现场检查(勘验)笔录",
            "date=2026-03-02",
            "start=09:00",
            "end=09:40",
            "place=东村3组",
            "officers=zhangwei,liqiang",
            "persons=邵长贵",
            "content=现场二层砖房已封顶，当事人未能出示乡村建设规划许可证",
            "signature=已签名",
        ],
    );
    step(
        o,
        "zhangwei",
        c,
        "end_investigation",
        &[
            "date=2026-03-03",
            "kinds=其他行政处罚",
            "fine=0",
            "confiscation=0",
            "reasoning=未取得乡村建设规划许可证建设，无法补办，应当拆除",
            "complex_or_major=否",
        ],
    );
    step(
        o,
        "zhaogang",
        c,
        "squad_review",
        &["date=2026-03-04", "agree=同意", "opinion=同意"],
    );
    step(
        o,
        "sunzhen",
        c,
        "review_decision",
        &["date=2026-03-04", "outcome=给予行政处罚", "opinion=同意"],
    );
    step(o, "zhangwei", c, "issue_notice", &["date=2026-03-05"]);
    serve(o, c, "行政处罚事先告知书", "2026-03-05");
    step(o, "zhangwei", c, "waive", &["date=2026-03-05"]);
    step(
        o,
        "sunzhen",
        c,
        "decide",
        &[
            "date=2026-03-06",
            "kinds=其他行政处罚",
            "fine=0",
            "confiscation=0",
            "correction_order=停止建设，限期拆除违法建设的二层砖房",
        ],
    );
    serve(o, c, "行政处罚决定书", "2026-03-06");
    c
}

#[test]
fn a_demolition_order_goes_from_order_to_enforced_and_archived() {
    let o = office();
    let c = decided(&o);
    let order = [
        "date=2026-03-06",
        "kind=责令限期拆除",
        "obligation=拆除未取得乡村建设规划许可证建设的二层砖房",
        "deadline=2026-03-20",
    ];
    // The order is the 负责人's.
    assert!(refuse(&o, "zhangwei", c, "order_duty", &order).contains("负责人"));
    step(&o, "sunzhen", c, "order_duty", &order);
    serve(&o, c, "责令限期履行决定书", "2026-03-06");
    // 行政强制法第三十五条: no 催告 before the deadline has passed.
    let demand = |date: &str| {
        [
            format!("date={date}"),
            "deadline=2026-03-31".to_string(),
            "way=自行拆除并清运建筑垃圾".to_string(),
        ]
    };
    let early = demand("2026-03-20");
    let early: Vec<&str> = early.iter().map(String::as_str).collect();
    assert!(refuse(&o, "zhangwei", c, "demand_duty", &early).contains("第三十五条"));
    let on_time = demand("2026-03-23");
    let on_time: Vec<&str> = on_time.iter().map(String::as_str).collect();
    step(&o, "zhangwei", c, "demand_duty", &on_time);
    serve(&o, c, "履行义务催告书", "2026-03-23");
    step(
        &o,
        "sunzhen",
        c,
        "decide_enforcement",
        &[
            "date=2026-04-01",
            "way_and_time=公告期满且复议、诉讼期限届满后组织强制拆除",
        ],
    );
    serve(&o, c, "强制执行决定书", "2026-04-01");
    step(
        &o,
        "zhangwei",
        c,
        "post_demolition_notice",
        &["date=2026-04-02", "days=10", "place=东村村委会公告栏及现场"],
    );
    let photo = o.file("demolished.jpg", "JPEG-OF-THE-CLEARED-SITE");
    let day = |date: &str| -> Vec<String> {
        [
            "--user",
            "zhangwei",
            "case",
            "do",
            c,
            "enforce_day",
            &format!("date={date}"),
            "start=08:30",
            "end=15:00",
            "officers=zhangwei,liqiang",
            "performer=合隆镇综合行政执法队",
            "witnesses=村委会主任赵某",
            "removed=拆除二层砖房约120平方米并清运建筑垃圾",
            "completed=是",
            "--attach",
            &photo,
        ]
        .map(str::to_string)
        .to_vec()
    };
    // 第四十四条: the six-month suit period from the order's service (03-06) still runs.
    o.cmd()
        .args(day("2026-04-20"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("第四十四条"));
    // 第四十三条: not on a statutory holiday (国庆).
    o.cmd()
        .args(day("2026-10-05"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("第四十三条"));
    // Closing before the order is carried out is refused.
    assert!(
        refuse(&o, "zhangwei", c, "propose_closing", &["date=2026-10-09"]).contains("尚未履行完毕")
    );
    o.cmd().args(day("2026-10-12")).assert().success();
    let shown: serde_json::Value = serde_json::from_slice(
        &o.cmd()
            .args(["--user", "zhangwei", "case", "show", c, "--json"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone(),
    )
    .unwrap();
    let days = &shown["case"]["duty"]["enforcement"]["days"];
    assert_eq!(days[0]["completed"], true, "{days:#}");
    assert_eq!(days[0]["attachments"].as_array().unwrap().len(), 1);

    // The papers print and say what happened.
    let out = o.dir.path().join("record.txt");
    o.cmd()
        .args([
            "--user",
            "zhangwei",
            "print",
            c,
            "--doc",
            "enforcement-record",
        ])
        .args(["--format", "txt", "-o"])
        .arg(&out)
        .assert()
        .success();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("强制执行笔录"), "{text}");
    assert!(text.contains("拆除二层砖房约120平方米"), "{text}");
    assert!(text.contains("执行完毕"), "{text}");

    step(&o, "zhangwei", c, "propose_closing", &["date=2026-10-13"]);
    step(
        &o,
        "sunzhen",
        c,
        "approve_closing",
        &["date=2026-10-14", "opinion=同意结案"],
    );
    let v = step(
        &o,
        "zhangwei",
        c,
        "archive",
        &[
            "date=2026-10-15",
            "archive_no=2026-永-002",
            "retention=长期",
        ],
    );
    assert_eq!(v["case"]["stage"], "归档");
    o.cmd()
        .args(["audit", "verify"])
        .assert()
        .success()
        .stdout(predicate::str::contains("哈希链校验通过"));
    // The photo of the day is checked like evidence: an edit is found.
    let files = o.dir.path().join("zhifa.sqlite3.files").join("1");
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
}

#[test]
fn the_goods_register_lists_and_exports_what_cases_hold() {
    let o = office();
    let c = decided(&o);
    // Goods enter only under a measure that took them (行政处罚法第五十六条).
    let goods = [
        "origin=先行登记保存",
        "description=涉案建筑材料（钢筋）",
        "quantity=2",
        "unit=吨",
        "estimated_value=8000",
        "storage_place=执法队仓库",
        "custodian=王某",
        "taken_on=2026-03-06",
    ];
    assert!(refuse(&o, "zhangwei", c, "register_goods", &goods).contains("第五十六条"));
    o.cmd()
        .args(["--user", "zhangwei", "goods", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("没有登记的罚没物品"));
    let out = o.dir.path().join("goods.csv");
    o.cmd()
        .args(["--user", "zhangwei", "goods", "export", "--out"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("0 项"));
    let header = std::fs::read_to_string(&out).unwrap();
    assert!(header.contains("名称及特征"), "{header}");
    // The export never overwrites a file it did not make.
    o.cmd()
        .args(["--user", "zhangwei", "goods", "export", "--out"])
        .arg(&out)
        .assert()
        .failure();
}
