//! Team-leader commands on the demo township: 案卷评查 rounds with manual deductions,
//! 过错责任 records, the patrol log and its summary sentence, and `report stats`.

mod common;
use common::Office;

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

fn ok(o: &Office, args: &[&str]) -> String {
    let out = o
        .cmd()
        .env("ZHIFA_PASSWORD", "demo")
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

fn fails(o: &Office, args: &[&str]) -> String {
    let out = o
        .cmd()
        .env("ZHIFA_PASSWORD", "demo")
        .args(args)
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn review_fault_patrol_and_stats() {
    let o = demo();
    let rules = ok(&o, &["review", "rules"]);
    assert!(
        rules.contains("R01") && rules.contains("R24") && rules.contains("行政处罚法第四十二条")
    );

    // A review round with one manual deduction, saved with the reviewer.
    let round: serde_json::Value = serde_json::from_str(&ok(
        &o,
        &[
            "--user",
            "qianli",
            "review",
            "run",
            "--case",
            "#1",
            "--deduct",
            "卷面:0.5:目录页码不连续",
            "--date",
            "2025-01-10",
            "--json",
        ],
    ))
    .unwrap();
    // The demo may already have reviewed this case: rounds count on from there.
    let first = round["round"].as_u64().unwrap();
    assert_eq!(round["reviewer_name"], "钱丽");
    assert_eq!(round["score"]["manual"][0]["points"], 5);
    let again = ok(
        &o,
        &[
            "--user",
            "qianli",
            "review",
            "run",
            "--case",
            "#1",
            "--date",
            "2025-01-11",
        ],
    );
    assert!(again.contains(&format!("第{}轮", first + 1)), "{again}");
    let shown = ok(&o, &["review", "show", "--case", "#1"]);
    assert!(
        shown.contains(&format!("第{first}轮")) && shown.contains("目录页码不连续"),
        "{shown}"
    );
    let report = ok(
        &o,
        &[
            "review",
            "report",
            "--from",
            "2025-01-01",
            "--to",
            "2025-01-31",
            "--by",
            "月份",
        ],
    );
    assert!(report.contains("2025-01  1"), "{report}");
    // A bad deduction and a handler as reviewer are refused in Chinese.
    let e = fails(
        &o,
        &[
            "--user",
            "qianli",
            "review",
            "run",
            "--case",
            "#1",
            "--deduct",
            "外观:1:x",
        ],
    );
    assert!(e.contains("评分表没有“外观”部分"), "{e}");
    let e = fails(&o, &["--user", "zhangwei", "review", "run", "--case", "#1"]);
    assert!(e.contains("不能评查案卷"), "{e}");

    // 过错责任.
    ok(
        &o,
        &[
            "--user",
            "sunzhen",
            "fault",
            "add",
            "--case",
            "#1",
            "--officers",
            "zhangwei,liqiang",
            "--category",
            "76",
            "--finding",
            "未及时立案",
            "--outcome",
            "批评教育",
        ],
    );
    let faults = ok(&o, &["fault", "list"]);
    assert!(
        faults.contains("行政处罚法第七十六条") && faults.contains("张伟、李强"),
        "{faults}"
    );
    let e = fails(
        &o,
        &[
            "--user",
            "sunzhen",
            "fault",
            "add",
            "--case",
            "#1",
            "--officers",
            "zhangwei",
            "--category",
            "99",
            "--finding",
            "x",
        ],
    );
    assert!(e.contains("过错类别“99”不存在"), "{e}");
    // Followed up by the head; a clerk may not.
    let id = serde_json::from_str::<serde_json::Value>(&ok(&o, &["fault", "list", "--json"]))
        .unwrap()
        .as_array()
        .and_then(|a| a.last().cloned())
        .and_then(|f| f["id"].as_i64())
        .unwrap()
        .to_string();
    let e = fails(
        &o,
        &[
            "--user",
            "zhangwei",
            "fault",
            "outcome",
            "--id",
            &id,
            "--outcome",
            "x",
        ],
    );
    assert!(e.contains("不能登记过错责任"), "{e}");
    ok(
        &o,
        &[
            "--user",
            "sunzhen",
            "fault",
            "outcome",
            "--id",
            &id,
            "--outcome",
            "通报批评",
        ],
    );
    let faults = ok(&o, &["fault", "list"]);
    assert!(faults.contains("→ 通报批评"), "{faults}");

    // Patrols and the summary sentence.
    ok(
        &o,
        &[
            "--user",
            "zhangwei",
            "patrol",
            "add",
            "--date",
            "2025-01-02",
            "--place",
            "合隆镇主街",
            "--outcome",
            "收缴违规用品=3",
            "--outcome",
            "拆除违法建筑=1",
            "--outcome",
            "拆除违法建筑面积=40",
        ],
    );
    ok(
        &o,
        &[
            "--user",
            "liqiang",
            "patrol",
            "add",
            "--date",
            "2025-01-03",
            "--place",
            "陈家店村",
            "--outcome",
            "清理僵尸车辆=2",
        ],
    );
    let e = fails(
        &o,
        &[
            "--user",
            "liqiang",
            "patrol",
            "add",
            "--date",
            "2025-01-03",
            "--place",
            "村",
            "--outcome",
            "收缴=2",
        ],
    );
    assert!(e.contains("可选"), "{e}");
    let s = ok(
        &o,
        &[
            "patrol",
            "summary",
            "--from",
            "2025-01-01",
            "--to",
            "2025-01-31",
        ],
    );
    assert_eq!(
        s.trim(),
        "共开展检查2次，收缴违规用品3件，拆除违法建筑1处（40平方米），清理僵尸车辆2辆。"
    );

    let stats: serde_json::Value = serde_json::from_str(&ok(
        &o,
        &[
            "report",
            "stats",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--json",
        ],
    ))
    .unwrap();
    assert!(stats["cases"].as_u64().unwrap() > 100);
    let y2025: serde_json::Value = serde_json::from_str(&ok(
        &o,
        &[
            "report",
            "stats",
            "--from",
            "2025-01-01",
            "--to",
            "2025-12-31",
            "--json",
        ],
    ))
    .unwrap();
    // The year's typed patrols (the two above and the demo's log) and its inspection
    // records, each counted once.
    let typed: serde_json::Value = serde_json::from_str(&ok(
        &o,
        &[
            "patrol",
            "list",
            "--from",
            "2025-01-01",
            "--to",
            "2025-12-31",
            "--json",
        ],
    ))
    .unwrap();
    let typed = typed
        .as_array()
        .expect("patrol list --json is an array")
        .len() as u64;
    assert!(typed >= 2, "{typed}");
    assert_eq!(
        y2025["patrols"]["inspections"],
        typed + y2025["inspections"]["inspections"].as_u64().unwrap()
    );
    assert!(y2025["leads"]["received"].is_u64(), "{y2025}");
    let text = ok(
        &o,
        &[
            "report",
            "stats",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
        ],
    );
    assert!(
        text.contains("罚款：决定")
            && text.contains("共开展检查")
            && text.contains("线索：收到")
            && text.contains("检查结果：合格"),
        "{text}"
    );
    let e = fails(
        &o,
        &[
            "report",
            "stats",
            "--from",
            "2026-12-31",
            "--to",
            "2026-01-01",
        ],
    );
    assert!(e.contains("晚于截止日期"), "{e}");
}

#[test]
fn ledgers_out_and_in() {
    use calamine::Reader;
    let o = demo();
    let dir = o.dir.path();
    let xlsx = dir.join("台账.xlsx");
    let out = ok(&o, &["ledger", "export", "--out", xlsx.to_str().unwrap()]);
    assert!(out.contains("已导出台账"), "{out}");
    let mut wb = calamine::open_workbook_auto(&xlsx).unwrap();
    let range = wb.worksheet_range("案件台账").unwrap();
    let mut rows = range.rows();
    let header: Vec<String> = rows.next().unwrap().iter().map(|c| c.to_string()).collect();
    assert_eq!(header[0], "案号");
    assert_eq!(header[7], "罚款金额(元)");
    assert_eq!(rows.count(), zhifa::demo::case_count().unwrap());

    // CSV with a BOM; the 公示 list masks ID numbers and personal addresses.
    let csv = dir.join("公示.csv");
    ok(
        &o,
        &["ledger", "publish", "--all", "--out", csv.to_str().unwrap()],
    );
    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let ids: Vec<&str> = text
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').nth(2))
        .collect();
    assert!(ids.iter().any(|id| id.contains('*')), "no masked ID");
    assert!(
        ids.iter()
            .all(|id| zhifa::domain::identity::ResidentId::parse(id).is_err()),
        "a resident ID number left unmasked"
    );

    // Statistics to XLSX.
    let st = dir.join("统计.xlsx");
    ok(
        &o,
        &[
            "report",
            "export",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--out",
            st.to_str().unwrap(),
        ],
    );
    let mut wb = calamine::open_workbook_auto(&st).unwrap();
    assert!(wb.worksheet_range("统计").unwrap().rows().count() > 10);

    // A GBK CSV ledger with one bad row: previewed, refused whole, then imported without it.
    let (gbk, _, _) = encoding_rs::GBK.encode(
        "序号,案件编号,当事人姓名,违法行为,立案日期,罚款（元）\n1,旧2019-1,刘某,焚烧秸秆,2019-05-01,500\n2,旧2019-2,王某,占道经营,2019年13月1日,200\n",
    );
    let f = o.file("旧台账.csv", &gbk);
    let preview = ok(&o, &["ledger", "import", &f]);
    assert!(
        preview.contains("GBK") && preview.contains("“案件编号” → 案号"),
        "{preview}"
    );
    assert!(
        preview.contains("第 3 行未导入：立案日期“2019年13月1日”不是日期"),
        "{preview}"
    );
    let e = fails(&o, &["--user", "admin", "ledger", "import", &f, "--apply"]);
    assert!(e.contains("未导入任何一行"), "{e}");
    let done = ok(
        &o,
        &[
            "--user",
            "admin",
            "ledger",
            "import",
            &f,
            "--apply",
            "--skip-bad",
        ],
    );
    assert!(done.contains("已导入 1 行"), "{done}");
    let again = ok(&o, &["ledger", "import", &f]);
    assert!(again.contains("已导入过"), "{again}");
    let missing = o.file("缺列.csv", "编号,金额\n1,2\n");
    let e = fails(&o, &["ledger", "import", &missing]);
    assert!(e.contains("缺少必需的列：当事人、案由"), "{e}");
}
