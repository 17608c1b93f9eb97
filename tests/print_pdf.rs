//! `zhifa print` as PDF (feature `pdf`): the text read back from the file carries each
//! document's required fields, pages are A4, fonts are embedded, and the case file's page
//! numbers are those its 目录 gives.
#![cfg(feature = "pdf")]

mod common;
use common::{Office, PERSON_ID};

fn office_with_spot_case() -> Office {
    let o = Office::with_staff(&[
        ("zhangwei", "张伟", &["承办人"], Some("22012210011")),
        ("liqiang", "李强", &["承办人"], Some("22012210012")),
    ]);
    let spot = o.spot_toml();
    o.cmd()
        .args([
            "--user", "zhangwei", "case", "spot", "--power", "HJ-001", "--file", &spot,
        ])
        .assert()
        .success();
    o
}

fn print_pdf(o: &Office, args: &[&str], name: &str) -> Vec<u8> {
    let out = o.dir.path().join(name);
    o.cmd()
        .args(["--user", "zhangwei", "print", "2026-1"])
        .args(args)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    std::fs::read(out).unwrap()
}

/// Text of each page without whitespace (pdf-extract breaks lines where the layout does).
fn pages(pdf: &[u8]) -> Vec<String> {
    pdf_extract::extract_text_from_mem_by_pages(pdf)
        .unwrap()
        .into_iter()
        .map(|p| p.chars().filter(|c| !c.is_whitespace()).collect())
        .collect()
}

fn assert_a4(pdf: &[u8]) {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    for (_, id) in doc.get_pages() {
        let page = doc.get_dictionary(id).unwrap();
        let media = page.get(b"MediaBox").unwrap().as_array().unwrap();
        let n = |i: usize| media[i].as_float().unwrap();
        assert!((n(2) - n(0) - 595.28).abs() < 0.5, "width {}", n(2) - n(0));
        assert!((n(3) - n(1) - 841.89).abs() < 0.5, "height {}", n(3) - n(1));
    }
}

#[test]
fn on_the_spot_decision_pdf_has_every_required_field() {
    let o = office_with_spot_case();
    let pdf = print_pdf(&o, &["--doc", "on-spot"], "d.pdf");
    assert!(pdf.starts_with(b"%PDF"));
    assert_a4(&pdf);
    assert!(
        pdf.windows(9).any(|w| w == b"/FontFile"),
        "fonts are embedded"
    );
    // Filled in and handed over at the scene: one sheet, as the pre-printed forms are.
    assert_eq!(pages(&pdf).len(), 1, "{:?}", pages(&pdf));
    let text = pages(&pdf).concat();
    for needle in [
        "合隆镇人民政府",
        "当场行政处罚决定书",
        "合综执当罚〔2026〕1号",
        "刘长海",
        "人民币壹佰元整",
        "2026年10月12日",
        "合隆镇前进村路口",
        "农安县人民政府申请行政复议",
        "第二十三条",
    ] {
        assert!(text.contains(needle), "missing {needle}:\n{text}");
    }
}

#[test]
fn case_file_pages_match_the_contents() {
    let o = office_with_spot_case();
    let pdf = print_pdf(&o, &["--all"], "all.pdf");
    assert_a4(&pdf);
    let pages = pages(&pdf);
    assert!(pages[0].contains("行政处罚案卷"));
    assert!(pages[1].contains("卷内文件目录"));
    assert!(pages.last().unwrap().contains("卷内备考表"));
    // Documents in filing order; each starts on the page the 目录 names, and the number
    // printed at the bottom of that page is that number.
    let docs = [
        ("当场行政处罚决定书", "合综执当罚〔2026〕1号"),
        ("送达回证", ""),
    ];
    for (row, (title, number)) in docs.into_iter().enumerate() {
        let row_start = pages[1]
            .find(&format!("{title}{number}"))
            .unwrap_or_else(|| panic!("{title} in the 目录: {}", pages[1]));
        // Row: 序号 文件名称 文件编号 日期 页号 备注 → the page number follows the date.
        let after_date = &pages[1][row_start..];
        let date_end = after_date.find('日').unwrap() + '日'.len_utf8();
        let mut digits: String = after_date[date_end..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        // With an empty 备注 the next row's 序号 follows the page number directly.
        let next = (row + 2).to_string();
        if row + 1 < 2 && digits.len() > next.len() && digits.ends_with(&next) {
            digits.truncate(digits.len() - next.len());
        }
        let page: usize = digits.parse().unwrap();
        // Cover and 目录 (one page) come first, unnumbered.
        let p = &pages[1 + page];
        assert!(p.contains(title), "{title} on page {page}: {p}");
        assert!(p.ends_with(&page.to_string()), "page {page} numbered: {p}");
    }
}

#[test]
fn summary_pdf_is_one_page() {
    let o = office_with_spot_case();
    let pdf = print_pdf(&o, &["--summary"], "s.pdf");
    let pages = pages(&pdf);
    assert_eq!(pages.len(), 1);
    assert!(pages[0].contains("案件摘要") && pages[0].contains("刘长海"));
}

#[test]
fn a_template_in_the_config_dir_replaces_the_bundled_one() {
    let o = office_with_spot_case();
    let config = o.dir.path().join("config");
    let templates = config.join("zhifa").join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("document.typ"),
        r#"#import "/paper.typ": paper, setup
#let data = json("/data.json")
#show: setup.with(data.fonts)
本镇自定义页眉
#for p in data.papers { paper(p, data.fonts) }
"#,
    )
    .unwrap();
    let out = o.dir.path().join("custom.pdf");
    o.cmd()
        .env("XDG_CONFIG_HOME", &config)
        .args([
            "--user", "zhangwei", "print", "2026-1", "--doc", "on-spot", "-o",
        ])
        .arg(&out)
        .assert()
        .success();
    let text = pages(&std::fs::read(out).unwrap()).concat();
    assert!(
        text.contains("本镇自定义页眉") && text.contains("当场行政处罚决定书"),
        "{text}"
    );
}

#[test]
fn a_rare_character_in_a_name_is_refused_not_printed_as_a_box() {
    let o = Office::with_staff(&[
        ("zhangwei", "张伟", &["承办人"], Some("22012210011")),
        ("liqiang", "李强", &["承办人"], Some("22012210012")),
    ]);
    let spot = o.file(
        "spot.toml",
        format!(
            r#"
date = "2026-10-12"
time = "10:20"
place = "合隆镇前进村路口"
facts = "当事人在禁烧区焚烧落叶。"
officers = ["zhangwei", "liqiang"]
kinds = ["罚款"]
fine = 100
tier = "减轻"
mitigation = "主动消除或者减轻危害后果"
correction_order = "责令立即停止焚烧，清理现场"
[party]
type = "person"
name = "刘{}"
id_no = "{PERSON_ID}"
address = "农安县合隆镇前进村"
"#,
            '\u{2A6D6}'
        ),
    );
    o.cmd()
        .args([
            "--user", "zhangwei", "case", "spot", "--power", "HJ-001", "--file", &spot,
        ])
        .assert()
        .success();
    let out = o.dir.path().join("rare.pdf");
    let err = o
        .cmd()
        .args([
            "--user", "zhangwei", "print", "2026-1", "--doc", "on-spot", "-o",
        ])
        .arg(&out)
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(err).unwrap();
    assert!(
        err.contains('\u{2A6D6}') && err.contains("U+2A6D6") && err.contains("“当事人”"),
        "{err}"
    );
    assert!(!out.exists(), "nothing written");
}
