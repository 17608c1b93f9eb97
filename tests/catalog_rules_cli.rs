//! The catalog's legal facts as a clerk meets them through the binary (issue 15 items 13, 14,
//! 17, 18): an act before the cited text was in force, a second fine for the same act, a
//! power the township may not decide, and what `powers show` and filing print.

mod common;

use common::{Office, PERSON_ID};
use predicates::prelude::*;

fn office() -> Office {
    Office::with_staff(&[
        ("zhangwei", "张伟", &["承办人"], Some("22012210011")),
        ("liqiang", "李强", &["承办人"], Some("22012210012")),
    ])
}

/// `case spot` under `power` against 刘长海, 100 yuan.
fn spot(
    o: &Office,
    power: &str,
    date: &str,
    place: &str,
    tier: &str,
) -> assert_cmd::assert::Assert {
    let file = o.file(
        "spot.toml",
        format!(
            r#"
date = "{date}"
time = "10:20"
place = "{place}"
facts = "当事人在路口倾倒生活垃圾，经劝阻后清理。"
officers = ["zhangwei", "liqiang"]
kinds = ["罚款"]
fine = 100
tier = "{tier}"
correction_order = "清理现场"
[party]
type = "person"
name = "刘长海"
id_no = "{PERSON_ID}"
address = "农安县合隆镇前进村"
"#
        ),
    );
    o.cmd()
        .args([
            "--user", "zhangwei", "case", "spot", "--power", power, "--file", &file,
        ])
        .assert()
}

#[test]
fn art_29_one_act_is_fined_once_and_filing_names_the_related_items() {
    let o = office();
    spot(&o, "HJ-011", "2026-10-12", "合隆镇前进村路口", "轻微")
        .success()
        .stdout(predicate::str::contains("关联事项"))
        .stdout(predicate::str::contains("CG-005"))
        .stdout(predicate::str::contains("行政处罚法第二十九条"));
    spot(&o, "HJ-011", "2026-10-12", "合隆镇前进村路口", "轻微")
        .failure()
        .stderr(predicate::str::contains("行政处罚法第二十九条"))
        .stderr(predicate::str::contains("合综执当罚〔2026〕1号"));
    // Another day is another act.
    spot(&o, "HJ-011", "2026-10-13", "合隆镇前进村路口", "轻微").success();
}

#[test]
fn art_17_24_a_public_security_power_is_refused_on_the_spot_with_transfer() {
    let o = office();
    spot(&o, "YJ-012", "2026-10-12", "合隆镇兴业路90号门前", "轻微")
        .failure()
        .stderr(predicate::str::contains("第二十四条"))
        .stderr(predicate::str::contains("移送"))
        .stderr(predicate::str::contains("公安"));
}

#[test]
fn art_37_an_act_before_the_text_was_in_force_is_refused() {
    // 农产品质量安全法 (2022 revision) is in force from 2023-01-01 (its Art 81).
    let o = office();
    spot(&o, "NY-019", "2022-12-15", "合隆镇前进村", "从轻")
        .failure()
        .stderr(predicate::str::contains("行政处罚法第三十七条"))
        .stderr(predicate::str::contains("2023-01-01"));
    o.cmd()
        .args(["powers", "show", "NY-019", "--at", "2022-12-15"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("行政处罚法第三十七条"));
}

#[test]
fn powers_show_states_bands_reserved_penalties_and_related_items() {
    let o = office();
    o.cmd()
        .args(["powers", "show", "NY-012"])
        .assert()
        .success()
        .stdout(predicate::str::contains("备选幅度，限“逾期不改正”"));
    o.cmd()
        .args(["powers", "show", "YJ-012"])
        .assert()
        .success()
        .stdout(predicate::str::contains("不能自行决定"))
        .stdout(predicate::str::contains("县级人民政府公安机关"));
    o.cmd()
        .args(["powers", "show", "SL-010"])
        .assert()
        .success()
        .stdout(predicate::str::contains("HJ-015"))
        .stdout(predicate::str::contains("罚款数额高的规定"));
}
