//! Inspections (行政检查) through the real binary: objects with checked credit codes, a
//! conflict of interest, a plan drawn once with a recorded seed, records with the
//! re-inspection warning and the 复查, statistics computed from the records, and an
//! inspection edited behind zhifa's back named by `check`.

mod common;
use common::{fails, ok, Office};

fn office() -> Office {
    Office::with_staff(&[
        ("zhangwei", "张伟", &["承办人"], Some("22012210011")),
        ("liqiang", "李强", &["承办人"], Some("22012210012")),
        ("wangfang", "王芳", &["承办人"], Some("22012210013")),
        ("sunzhen", "孙振", &["负责人"], Some("22012210001")),
    ])
}

fn objects(o: &Office) {
    for i in 1..=3 {
        ok(
            o,
            "zhangwei",
            &[
                "inspect",
                "object-add",
                "--name",
                &format!("第{i}饭店"),
                "--address",
                &format!("中央街{i}号"),
                "--field",
                "城市管理",
            ],
        );
    }
}

/// 双随机: the draw is made once, its seed recorded and published, and a conflicted officer
/// (行政处罚法第四十三条) is never drawn for the object.
#[test]
fn a_plan_is_drawn_once_from_a_recorded_seed_without_the_conflicted_officer() {
    let o = office();
    objects(&o);
    let e = fails(
        &o,
        "zhangwei",
        &[
            "inspect",
            "object-add",
            "--name",
            "坏代码",
            "--credit-code",
            "91220122MA0000000X",
            "--address",
            "某地",
            "--field",
            "CG",
        ],
    );
    assert!(e.contains("校验码"), "{e}");
    ok(
        &o,
        "sunzhen",
        &[
            "inspect",
            "conflict",
            "--officer",
            "zhangwei",
            "--object",
            "1",
            "--reason",
            "亲属经营",
        ],
    );
    ok(
        &o,
        "sunzhen",
        &[
            "inspect",
            "plan-add",
            "--name",
            "油烟抽查",
            "--field",
            "城市管理",
            "--from",
            "2026-10-01",
            "--to",
            "2026-12-31",
            "--scope",
            "餐饮油烟",
            "--count",
            "3",
        ],
    );
    let e = fails(
        &o,
        "zhangwei",
        &["inspect", "draw", "--plan", "1", "--seed", "7"],
    );
    assert!(e.contains("不是负责人或中队长"), "{e}");
    let drawn = ok(
        &o,
        "sunzhen",
        &["inspect", "draw", "--plan", "1", "--seed", "7", "--json"],
    );
    let v: serde_json::Value = serde_json::from_str(&drawn).unwrap();
    assert_eq!(v["seed"], "7");
    assert_eq!(v["objects"].as_array().unwrap().len(), 3);
    for obj in v["objects"].as_array().unwrap() {
        if obj["name"] == "第1饭店" {
            assert!(!obj["officers"].to_string().contains("张伟"), "{obj}");
            assert_eq!(
                obj["excluded"], 1,
                "the 公示 counts who was kept out: {obj}"
            );
        }
    }
    let listed = ok(&o, "sunzhen", &["inspect", "conflicts", "--object", "1"]);
    assert!(
        listed.contains("张伟") && listed.contains("亲属经营"),
        "{listed}"
    );
    let e = fails(
        &o,
        "sunzhen",
        &[
            "inspect",
            "conflict-remove",
            "--officer",
            "zhangwei",
            "--object",
            "2",
            "--reason",
            "无",
        ],
    );
    assert!(e.contains("没有登记回避"), "{e}");
    ok(
        &o,
        "sunzhen",
        &[
            "inspect",
            "conflict-remove",
            "--officer",
            "zhangwei",
            "--object",
            "1",
            "--reason",
            "亲属已不再经营",
        ],
    );
    assert!(ok(&o, "sunzhen", &["inspect", "conflicts"]).contains("没有登记回避情形"));
    let audit = ok(&o, "admin", &["audit", "log"]);
    assert!(audit.contains("撤销回避"), "{audit}");
    let e = fails(
        &o,
        "sunzhen",
        &["inspect", "draw", "--plan", "1", "--seed", "8"],
    );
    assert!(e.contains("不能重新抽取"), "{e}");
    assert_eq!(
        ok(
            &o,
            "zhangwei",
            &["inspect", "publish", "--plan", "1", "--json"]
        ),
        drawn
    );
}

/// A correction ordered on inspection with its 复查 (行政处罚法第二十八条), the warning on a
/// second inspection inside 30 days, statistics from the records, and a record rewritten
/// through SQLite named by `check`.
#[test]
fn records_warn_on_reinspection_are_rechecked_counted_and_bound_to_the_chain() {
    let o = office();
    objects(&o);
    let first = [
        "inspect",
        "add",
        "--date",
        "2026-11-02",
        "--place",
        "中央街2号",
        "--object",
        "2",
        "--officers",
        "zhangwei,liqiang",
        "--findings",
        "油烟净化器未开启",
        "--result",
        "责令改正",
        "--content",
        "开启并清洗油烟净化器",
        "--deadline",
        "2026-11-09",
        "--recheck-on",
        "2026-11-10",
        "--measure",
        "劝导教育=1",
    ];
    ok(&o, "zhangwei", &first);
    let again = o
        .cmd()
        .args([
            "--user",
            "zhangwei",
            "inspect",
            "add",
            "--date",
            "2026-11-05",
            "--place",
            "中央街2号",
            "--object",
            "2",
            "--officers",
            "zhangwei,liqiang",
            "--findings",
            "复看",
        ])
        .assert()
        .success();
    let warned = String::from_utf8(again.get_output().stderr.clone()).unwrap();
    assert!(warned.contains("30 天内再次检查"), "{warned}");
    let quiet = o
        .cmd()
        .args([
            "--user",
            "zhangwei",
            "inspect",
            "add",
            "--date",
            "2026-11-06",
            "--place",
            "中央街2号",
            "--object",
            "2",
            "--officers",
            "zhangwei,liqiang",
            "--reason",
            "投诉举报",
            "--why",
            "群众举报油烟扰民",
            "--findings",
            "仍有油烟",
        ])
        .assert()
        .success();
    assert!(String::from_utf8(quiet.get_output().stderr.clone())
        .unwrap()
        .is_empty());
    let e = fails(
        &o,
        "wangfang",
        &[
            "inspect",
            "recheck",
            "--id",
            "1",
            "--date",
            "2026-11-10",
            "--corrected",
            "是",
            "--note",
            "已整改",
        ],
    );
    assert!(e.contains("复查由该次检查的执法人员登记"), "{e}");
    ok(
        &o,
        "liqiang",
        &[
            "inspect",
            "recheck",
            "--id",
            "1",
            "--date",
            "2026-11-10",
            "--corrected",
            "是",
            "--note",
            "已整改",
        ],
    );
    let e = fails(
        &o,
        "liqiang",
        &[
            "inspect",
            "recheck",
            "--id",
            "1",
            "--date",
            "2026-11-11",
            "--corrected",
            "是",
            "--note",
            "再查",
        ],
    );
    assert!(e.contains("不能重复登记"), "{e}");
    let stats = ok(
        &o,
        "zhangwei",
        &[
            "inspect",
            "stats",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--json",
        ],
    );
    let v: serde_json::Value = serde_json::from_str(&stats).unwrap();
    assert_eq!(v["stats"]["inspections"], 3);
    let summary = v["summary"].as_str().unwrap();
    assert!(
        summary.contains("共开展检查3次")
            && summary.contains("劝导教育1人次")
            && summary.contains("责令整改1起"),
        "{summary}"
    );
    ok(&o, "admin", &["check"]);
    let conn = rusqlite::Connection::open(o.db()).unwrap();
    conn.execute(
        "UPDATE inspection SET data = replace(data, '油烟净化器未开启', '合格') WHERE id = 1",
        [],
    )
    .unwrap();
    drop(conn);
    let a = o
        .cmd()
        .args(["--user", "admin", "check"])
        .assert()
        .failure();
    let out = format!(
        "{}{}",
        String::from_utf8_lossy(&a.get_output().stdout),
        String::from_utf8_lossy(&a.get_output().stderr)
    );
    assert!(out.contains("inspection:1"), "{out}");
}

/// Objects from a spreadsheet: checked and reported row by row first; `--dry-run` writes
/// nothing, a bad row stops the whole import, and a second import skips what is registered.
#[test]
fn objects_are_imported_from_a_table_after_their_check() {
    let o = office();
    let good = "企业名称,统一社会信用代码,经营地址,领域,风险等级\n\
        好运来超市,91350100M000100Y43,兴隆街8号,城市管理,低风险\n\
        中心广场,,镇中心,CG,一般风险\n";
    let bad = o.file(
        "bad.csv",
        format!("{good}某饭店,,兴隆街11号,市场监管,低风险\n"),
    );
    let e = fails(&o, "zhangwei", &["inspect", "objects", "import", &bad]);
    assert!(e.contains("有 1 行未通过检查，未导入任何一行"), "{e}");
    let listed = ok(&o, "zhangwei", &["inspect", "objects"]);
    assert!(!listed.contains("好运来超市"), "{listed}");
    let file = o.file("objects.csv", good);
    let dry = ok(
        &o,
        "zhangwei",
        &["inspect", "objects", "import", &file, "--dry-run"],
    );
    assert!(
        dry.contains("第1列 “企业名称” → 名称")
            && dry.contains("可导入 2 个")
            && dry.contains("未写入"),
        "{dry}"
    );
    assert!(!ok(&o, "zhangwei", &["inspect", "objects"]).contains("好运来超市"));
    let done = ok(&o, "zhangwei", &["inspect", "objects", "import", &file]);
    assert!(done.contains("已导入检查对象 2 个"), "{done}");
    let listed = ok(&o, "zhangwei", &["inspect", "objects"]);
    assert!(
        listed.contains("好运来超市") && listed.contains("中心广场"),
        "{listed}"
    );
    let again = ok(
        &o,
        "zhangwei",
        &["inspect", "objects", "import", &file, "--json"],
    );
    let v: serde_json::Value = serde_json::from_str(&again).unwrap();
    assert_eq!(v["skipped"].as_array().unwrap().len(), 2);
    assert_eq!(v["imported"].as_array().unwrap().len(), 0);
    ok(&o, "admin", &["check"]);
}

/// Items judged 合格/不合格 and a photo stored with its SHA-256 from the command line.
#[test]
fn an_inspection_takes_failed_items_and_photos() {
    let o = office();
    let photo = o.file("现场1.jpg", b"jpeg bytes");
    let args = |result: &str| -> Vec<String> {
        [
            "inspect",
            "add",
            "--date",
            "2026-11-10",
            "--place",
            "合隆镇南街",
            "--officers",
            "zhangwei,liqiang",
            "--items",
            "门前三包",
            "--failed-items",
            "店外堆放",
            "--photo",
            &photo,
            "--findings",
            "店外堆放纸箱",
            "--result",
            result,
            "--json",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    };
    let a = args("合格");
    let e = fails(
        &o,
        "zhangwei",
        &a.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    assert!(e.contains("检查结果不能为合格"), "{e}");
    let a = args("转为线索");
    let out = ok(
        &o,
        "zhangwei",
        &a.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let r = &v["inspection"];
    assert_eq!(r["items"], serde_json::json!(["门前三包", "店外堆放"]));
    assert_eq!(r["failed_items"], serde_json::json!(["店外堆放"]));
    let sha = r["photos"][0]["sha256"].as_str().unwrap();
    assert_eq!(sha.len(), 64);
    assert_eq!(r["photos"][0]["size"], 10);
    ok(&o, "admin", &["check"]);
}
