//! `zhifa print` on a temporary office: documents as text (and PDF when the build has the
//! engine), the case file's page numbers against its 目录, batches, the printer fallback,
//! and every print in the case's audit trail.

mod common;
use common::Office;
use predicates::prelude::*;

fn office() -> Office {
    Office::with_staff(&[
        ("zhangwei", "张伟", &["承办人"], Some("22012210011")),
        ("liqiang", "李强", &["承办人"], Some("22012210012")),
        ("sunzhen", "孙振", &["负责人"], Some("22012210001")),
    ])
}

/// An on-the-spot case (简易程序) for 100 yuan: 合综执当罚〔2026〕1号.
fn spot_case(o: &Office) {
    let spot = o.spot_toml();
    o.cmd()
        .args([
            "--user", "zhangwei", "case", "spot", "--power", "HJ-001", "--file", &spot,
        ])
        .assert()
        .success();
}

/// The text without line breaks and padding (long lines wrap at 72 columns).
fn flat(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn print(o: &Office, args: &[&str]) -> assert_cmd::assert::Assert {
    o.cmd()
        .args(["--user", "zhangwei", "print"])
        .args(args)
        .assert()
}

#[test]
fn on_the_spot_decision_as_text() {
    let o = office();
    spot_case(&o);
    let out = o.dir.path().join("当场.txt");
    o.cmd()
        .args([
            "--user", "zhangwei", "print", "2026-1", "--doc", "on-spot", "--format", "txt", "-o",
        ])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("已生成当场行政处罚决定书"));
    let text = flat(&std::fs::read_to_string(&out).unwrap());
    for needle in [
        "合隆镇人民政府",
        "当场行政处罚决定书",
        "合综执当罚〔2026〕1号",
        "刘长海",
        "罚款100元（人民币壹佰元整）",
        "2026年10月12日",
        "合隆镇前进村路口",
        "先自收到本决定书之日起六十日内向农安县人民政府申请行政复议",
        "行政复议法》第二十三条",
        "执法人员（签名）：张伟",
        "十五日内",
    ] {
        assert!(text.contains(needle), "missing {needle}:\n{text}");
    }
    // The print is in the case's audit trail.
    o.cmd()
        .args(["case", "show", "2026-1"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "打印文书：当场行政处罚决定书（TXT）",
        ));
}

#[test]
fn case_file_text_numbers_pages_as_its_contents_says() {
    let o = office();
    spot_case(&o);
    let out = o.dir.path().join("卷宗.txt");
    o.cmd()
        .args([
            "--user", "zhangwei", "print", "2026-1", "--all", "--format", "txt", "-o",
        ])
        .arg(&out)
        .assert()
        .success();
    let text = std::fs::read_to_string(&out).unwrap();
    let pages: Vec<&str> = text.split('\u{c}').collect();
    // Cover and 目录 carry no page number; the documents do, from 1.
    assert!(pages[0].contains("行政处罚案卷") && !pages[0].contains("第1页"));
    assert!(pages[1].contains("卷内文件目录") && !pages[1].contains("页\n"));
    let contents: Vec<(String, u32)> = pages[1]
        .lines()
        .filter_map(|l| {
            let cols: Vec<&str> = l.split(" | ").collect();
            (cols.len() >= 5 && cols[0].trim().parse::<u32>().is_ok()).then(|| {
                (
                    cols[1].trim().to_string(),
                    cols[4].trim_matches([' ', '|']).parse().unwrap(),
                )
            })
        })
        .collect();
    assert!(!contents.is_empty(), "{}", pages[1]);
    for (title, page) in &contents {
        let p = pages[1 + *page as usize];
        assert!(p.contains(&format!("第{page}页")), "page {page} numbered");
        let spaced: String = title
            .chars()
            .map(String::from)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            p.contains(title) || p.contains(&spaced),
            "{title} on page {page}:\n{p}"
        );
    }
    assert!(pages.last().unwrap().contains("卷内备考表"));
}

#[test]
fn batch_summaries_for_a_stage() {
    let o = office();
    spot_case(&o);
    let dir = o.dir.path().join("摘要");
    o.cmd()
        .args([
            "--user",
            "zhangwei",
            "print",
            "--summary",
            "--stage",
            "执行",
            "--format",
            "txt",
            "-o",
        ])
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicate::str::contains("已生成 1 份案件摘要"));
    let file = dir.join("合综执当罚〔2026〕1号-摘要.txt");
    let text = flat(&std::fs::read_to_string(file).unwrap());
    assert!(
        text.contains("案件摘要") && text.contains("刘长海") && text.contains("人民币壹佰元整")
    );
}

#[test]
fn printer_without_cups_keeps_the_file() {
    let o = office();
    spot_case(&o);
    let out = o.dir.path().join("d.txt");
    o.cmd()
        .env("PATH", "/nonexistent")
        .args([
            "--user",
            "zhangwei",
            "print",
            "2026-1",
            "--summary",
            "--format",
            "txt",
            "--printer",
            "-o",
        ])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("没有安装打印服务"));
    assert!(out.exists());
}

#[test]
fn unknown_kind_and_missing_document_are_explained() {
    let o = office();
    spot_case(&o);
    print(&o, &["2026-1", "--doc", "xyz", "-o", "x.txt"])
        .failure()
        .stderr(predicate::str::contains("未知的文书种类"));
    print(
        &o,
        &[
            "2026-1",
            "--doc",
            "听证通知书",
            "--format",
            "txt",
            "-o",
            "x.txt",
        ],
    )
    .failure()
    .stderr(predicate::str::contains("本案没有听证通知书"));
}
