//! Leads (案源/线索) through the real binary: a 12345 complaint from registration to a case
//! filed from it and the reply to the reporter, as a clerk and a head would type it, and as
//! an attacker would (a second filing, a reporter read in full, a lead edited behind
//! zhifa's back).

mod common;
use common::{Office, PERSON_ID};

fn office() -> Office {
    Office::with_staff(&[
        ("zhangwei", "张伟", &["承办人"], Some("22012210011")),
        ("liqiang", "李强", &["承办人"], Some("22012210012")),
        ("xiezhen", "谢珍", &["承办人"], None),
        ("sunzhen", "孙振", &["负责人"], Some("22012210001")),
    ])
}

fn run(o: &Office, user: &str, args: &[&str]) -> assert_cmd::assert::Assert {
    o.cmd().args(["--user", user]).args(args).assert()
}

fn out(a: assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.success().get_output().stdout.clone()).unwrap()
}

fn err(a: assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.failure().get_output().stderr.clone()).unwrap()
}

fn register(o: &Office) {
    let s = out(run(
        o,
        "zhangwei",
        &[
            "lead",
            "add",
            "source=举报投诉",
            "work_order=2026120300017",
            "received_on=2026-11-20",
            "reporter_name=王秀兰",
            "reporter_phone=13904318822",
            "place=合隆镇东岗村3组村东农田",
            "allegation=有人焚烧秸秆，浓烟很大",
            "power=HJ-001",
        ],
    ));
    assert!(s.contains("已登记线索 线索〔2026〕1号"), "{s}");
}

/// 行政处罚法第五十四条: from a 12345 complaint to a case filed from it, linked both ways,
/// filed once; the reporter is masked on screen and never on the case.
#[test]
fn a_complaint_goes_from_registration_to_a_case_and_a_reply() {
    let o = office();
    register(&o);
    // Two officers, certified (Art 42): an uncertified one is refused by name.
    let e = err(run(
        &o,
        "sunzhen",
        &[
            "lead",
            "do",
            "2026-1",
            "分派核查",
            "officers=zhangwei,xiezhen",
            "date=2026-11-21",
        ],
    ));
    assert!(e.contains("第四十二条"), "{e}");
    out(run(
        &o,
        "sunzhen",
        &[
            "lead",
            "do",
            "2026-1",
            "分派核查",
            "officers=zhangwei,liqiang",
            "date=2026-11-21",
        ],
    ));
    // An outcome needs the findings first.
    let e = err(run(
        &o,
        "zhangwei",
        &[
            "lead",
            "file",
            "2026-1",
            "--power",
            "HJ-001",
            "--act-date",
            "2026-11-20",
            "type=个人",
            "name=刘长海",
        ],
    ));
    assert!(e.contains("核查"), "{e}");
    out(run(
        &o,
        "zhangwei",
        &[
            "lead",
            "do",
            "2026-1",
            "登记核查情况",
            "date=2026-11-23",
            "findings=经现场核查，刘长海在村东农田焚烧玉米秸秆约两亩，举报人王秀兰所述属实",
        ],
    ));
    let s = out(run(
        &o,
        "zhangwei",
        &[
            "lead",
            "file",
            "2026-1",
            "--power",
            "HJ-001",
            "--act-date",
            "2026-11-20",
            "--date",
            "2026-11-24",
            "type=个人",
            "name=刘长海",
            &format!("id_no={PERSON_ID}"),
            "sex=男",
            "address=农安县合隆镇东岗村3组",
        ],
    ));
    assert!(s.contains("已由线索 线索〔2026〕1号 提请立案"), "{s}");
    // Filed once: a second filing is refused before any case is made.
    let e = err(run(
        &o,
        "zhangwei",
        &[
            "lead",
            "file",
            "2026-1",
            "--power",
            "HJ-001",
            "--act-date",
            "2026-11-20",
            "type=个人",
            "name=刘长海",
            &format!("id_no={PERSON_ID}"),
            "sex=男",
            "address=东岗村",
        ],
    ));
    assert!(e.contains("第五十四条"), "{e}");
    let cases = out(run(&o, "zhangwei", &["case", "list"]));
    assert_eq!(
        cases.lines().filter(|l| l.contains("刘长海")).count(),
        1,
        "{cases}"
    );
    // The case knows its lead; its facts do not name the reporter.
    let case = out(run(&o, "zhangwei", &["case", "show", "#1", "--full"]));
    assert!(
        case.contains("来源线索：线索〔2026〕1号（举报投诉，立案）"),
        "{case}"
    );
    assert!(!case.contains("王秀兰"), "{case}");
    // The lead knows its case; the reporter is masked unless asked for in full.
    let lead = out(run(&o, "zhangwei", &["lead", "show", "2026-1"]));
    assert!(lead.contains("立案 案件 合综执立〔2026〕1号"), "{lead}");
    assert!(
        lead.contains("王**") && !lead.contains("13904318822"),
        "{lead}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&out(run(&o, "zhangwei", &["lead", "list", "--json"]))).unwrap();
    assert_eq!(json[0]["reporter"]["name"], "王**");
    assert!(!json.to_string().contains("13904318822"), "{json}");
    let full = out(run(&o, "zhangwei", &["lead", "show", "2026-1", "--full"]));
    assert!(full.contains("王秀兰 13904318822"), "{full}");
    let audit = out(run(&o, "sunzhen", &["audit", "log"]));
    assert!(audit.contains("查看举报人信息"), "{audit}");
    // The named reporter is answered; the statistics count the lead.
    out(run(
        &o,
        "zhangwei",
        &[
            "lead",
            "do",
            "2026-1",
            "答复举报人",
            "date=2026-11-25",
            "way=电话",
            "content=已立案查处",
        ],
    ));
    let stats = out(run(
        &o,
        "zhangwei",
        &[
            "lead",
            "stats",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--json",
        ],
    ));
    let v: serde_json::Value = serde_json::from_str(&stats).unwrap();
    assert_eq!(v["received"], 1);
    assert_eq!(v["by_outcome"][0][0], "立案");
    // Every step is in the chain: the file passes its check.
    out(run(&o, "admin", &["check"]));
}

/// Hostile input gets a Chinese message, and an edit behind zhifa's back is named.
#[test]
fn bad_input_is_refused_and_an_edited_lead_is_named() {
    let o = office();
    let e = err(run(
        &o,
        "zhangwei",
        &[
            "lead",
            "add",
            "source=电话",
            "place=东岗村",
            "allegation=焚烧",
        ],
    ));
    assert!(e.contains("线索来源"), "{e}");
    let e = err(run(
        &o,
        "zhangwei",
        &[
            "lead",
            "add",
            "source=巡查发现",
            "reporter_phone=139",
            "place=东岗村",
            "allegation=焚烧",
        ],
    ));
    assert!(e.contains("举报人姓名"), "{e}");
    register(&o);
    let e = err(run(
        &o,
        "zhangwei",
        &["lead", "do", "2026-1", "飞行", "date=今天"],
    ));
    assert!(e.contains("未知环节“飞行”"), "{e}");
    let e = err(run(&o, "zhangwei", &["lead", "show", "2026-99"]));
    assert!(e.contains("找不到线索“2026-99”"), "{e}");
    // The allegation rewritten in the database by someone else.
    let conn = rusqlite::Connection::open(o.db()).unwrap();
    conn.execute(
        "UPDATE lead SET data = replace(data, '焚烧秸秆', '倾倒垃圾') WHERE id = 1",
        [],
    )
    .unwrap();
    drop(conn);
    let e = err(run(&o, "admin", &["check"]));
    let shown = format!("{e}{}", out_of(&o));
    assert!(shown.contains("lead:1"), "{shown}");
}

fn out_of(o: &Office) -> String {
    let a = o.cmd().args(["--user", "admin", "check"]).assert();
    String::from_utf8(a.get_output().stdout.clone()).unwrap()
}
