//! The papers before a case through the real binary (`zhifa lead print`, `zhifa inspect
//! print`): each paper of a lead, an inspection and a draw printed as text and read back, the
//! reporter on the internal papers only, files never overwritten, every print in the log.

mod common;
use common::{fails, ok, Office};

const REPORTER: &str = "王秀兰";
const PHONE: &str = "13904318822";

/// A complaint by a named reporter, registered and verified by 张伟 and 李强.
fn verified_lead(o: &Office, number: &str) {
    ok(
        o,
        "zhangwei",
        &[
            "lead",
            "add",
            "source=举报投诉",
            "work_order=2026112000017",
            "received_on=2026-11-20",
            &format!("reporter_name={REPORTER}"),
            &format!("reporter_phone={PHONE}"),
            "place=合隆镇兴隆街18号门前",
            "allegation=兴隆烧烤店占道经营，油烟扰民",
            "power=CG-011",
        ],
    );
    ok(
        o,
        "sunzhen",
        &[
            "lead",
            "do",
            number,
            "分派核查",
            "officers=zhangwei,liqiang",
            "date=2026-11-21",
        ],
    );
    ok(
        o,
        "zhangwei",
        &[
            "lead",
            "do",
            number,
            "登记核查情况",
            "date=2026-11-23",
            &format!("findings=经现场核查，该店在店外人行道摆放桌椅6张，{REPORTER}反映属实"),
        ],
    );
}

/// Lead 2026-1 not filed, lead 2026-2 transferred to the police, an object drawn under plan
/// 1 (谢珍 has no certificate), and inspection 1 of that object on lead 2026-1's complaint,
/// ordering a correction.
fn office() -> Office {
    let o = Office::with_staff(&[
        ("zhangwei", "张伟", &["承办人"], Some("22012210011")),
        ("liqiang", "李强", &["承办人"], Some("22012210012")),
        ("xiezhen", "谢珍", &["承办人"], None),
        ("sunzhen", "孙振", &["负责人"], Some("22012210001")),
    ]);
    verified_lead(&o, "2026-1");
    ok(
        &o,
        "sunzhen",
        &[
            "lead",
            "do",
            "2026-1",
            "不予立案",
            "date=2026-11-24",
            "reason=当事人已当场收回桌椅，情节轻微并及时改正，没有造成危害后果",
        ],
    );
    verified_lead(&o, "2026-2");
    ok(
        &o,
        "sunzhen",
        &[
            "lead",
            "do",
            "2026-2",
            "移送",
            "date=2026-11-24",
            "to=农安县公安局",
            "judicial=是",
            "reason=店内发现疑似非法储存的烟花爆竹，涉嫌犯罪",
        ],
    );
    ok(
        &o,
        "zhangwei",
        &[
            "inspect",
            "object-add",
            "--name",
            "兴隆烧烤店",
            "--address",
            "合隆镇兴隆街18号",
            "--field",
            "城市管理",
        ],
    );
    ok(
        &o,
        "sunzhen",
        &[
            "inspect",
            "plan-add",
            "--name",
            "2026年冬季市容秩序抽查",
            "--field",
            "城市管理",
            "--from",
            "2026-11-01",
            "--to",
            "2026-12-31",
            "--scope",
            "占道经营",
            "--count",
            "1",
        ],
    );
    ok(
        &o,
        "sunzhen",
        &[
            "inspect",
            "draw",
            "--plan",
            "1",
            "--seed",
            "42",
            "--date",
            "2026-11-20",
        ],
    );
    ok(
        &o,
        "zhangwei",
        &[
            "inspect",
            "add",
            "--date",
            "2026-11-22",
            "--start",
            "09:30",
            "--end",
            "10:10",
            "--place",
            "合隆镇兴隆街18号",
            "--object",
            "1",
            "--officers",
            "zhangwei,liqiang",
            "--reason",
            "投诉举报",
            "--why",
            &format!("{REPORTER}来电举报占道经营"),
            "--lead",
            "2026-1",
            "--items",
            "门前三包责任落实；占道经营",
            "--findings",
            &format!("店外人行道摆放桌椅6张，与{REPORTER}（{PHONE}）反映一致"),
            "--result",
            "责令改正",
            "--content",
            "收回店外桌椅，恢复人行道通行",
            "--deadline",
            "2026-11-25",
            "--recheck-on",
            "2026-11-26",
        ],
    );
    o
}

/// Prints as text into the office's folder and reads the file back.
fn print_txt(o: &Office, args: &[&str], name: &str) -> String {
    let out = o.dir.path().join(name);
    let s = ok(
        o,
        "zhangwei",
        &[args, &["--format", "txt", "-o", out.to_str().unwrap()]].concat(),
    );
    assert!(s.contains("已生成"), "{s}");
    std::fs::read_to_string(out).unwrap()
}

/// Without whitespace: the text layout wraps long rows onto indented lines.
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn has_all(text: &str, wanted: &[&str]) {
    let t = squash(text);
    for w in wanted {
        assert!(t.contains(&squash(w)), "missing “{w}” in:\n{text}");
    }
}

fn no_reporter(text: &str) {
    let t = squash(text);
    for secret in [REPORTER, "王**", PHONE, "139****8822", "2026112000017"] {
        assert!(!t.contains(secret), "shows “{secret}”:\n{text}");
    }
}

#[test]
fn every_paper_before_a_case_prints_with_its_elements_and_the_reporter_only_inside() {
    let o = office();
    // The lead not filed: register, report and 不予立案审批表, the reporter masked.
    let lead = print_txt(&o, &["lead", "print", "2026-1"], "lead1.txt");
    has_all(
        &lead,
        &[
            "案件来源登记表",
            "线索〔2026〕1号",
            "举报投诉（12345工单 2026112000017）",
            "王**",
            "合隆镇兴隆街18号门前",
            "占道经营",
            "CG-011 擅自占道堆放物料",
            "请张伟、李强核查",
            "线索核查报告",
            "张伟（执法证号 22012210011）",
            "摆放桌椅6张",
            "建议不予立案。理由：当事人已当场收回桌椅",
            "不予立案审批表",
            "同意不予立案。",
            "负责人：孙振",
        ],
    );
    assert!(!squash(&lead).contains(PHONE), "{lead}");
    // In full only when asked, and the asking is recorded.
    let full = print_txt(
        &o,
        &[
            "lead",
            "print",
            "2026-1",
            "--doc",
            "lead-register",
            "--full",
        ],
        "lead1-full.txt",
    );
    has_all(&full, &[REPORTER, PHONE]);
    assert!(!full.contains("线索核查报告"), "one paper asked: {full}");
    // The lead transferred: the 移送函 to the police on Art 27 para 1.
    let letter = print_txt(
        &o,
        &["lead", "print", "2026-2", "--doc", "案件移送函"],
        "transfer.txt",
    );
    has_all(
        &letter,
        &[
            "案件移送函",
            "合综执线移〔2026〕2号",
            "农安县公安局：",
            "第二十七条第一款",
            "依法追究刑事责任",
            "涉嫌犯罪",
            "案件来源登记表",
        ],
    );
    let e = fails(
        &o,
        "zhangwei",
        &[
            "lead",
            "print",
            "2026-2",
            "--doc",
            "not-filing",
            "--format",
            "txt",
        ],
    );
    assert!(
        e.contains("没有不予立案审批表") && e.contains("案件移送函"),
        "{e}"
    );
    // The inspection's 笔录 and 通知书: what the party signs and keeps never names the
    // reporter of the complaint that brought the officers.
    let papers = print_txt(&o, &["inspect", "print", "1"], "inspection.txt");
    has_all(
        &papers,
        &[
            "现场检查（勘验）笔录",
            "2026年11月22日 09:30 至 10:10",
            "兴隆烧烤店",
            "张伟（执法证号 22012210011）、李强（执法证号 22012210012）",
            "门前三包责任落实",
            "摆放桌椅6张",
            "被检查人或在场人（签名）",
            "责令（限期）改正通知书",
            "合综执检责改〔2026〕1号",
            "第二十八条第一款",
            "2026年11月25日前改正",
            "本机关将于2026年11月26日进行复查",
            "举报人信息已隐去",
        ],
    );
    no_reporter(&papers);
    // The draw's record: plan, seed, what and who was drawn, who could not be.
    let draw = print_txt(&o, &["inspect", "print", "--plan", "1"], "draw.txt");
    has_all(
        &draw,
        &[
            "双随机抽查抽取记录",
            "2026年冬季市容秩序抽查",
            "随机数种子 42",
            "兴隆烧烤店",
            "执法人员库 3 名，抽取日持有效执法证 2 名",
            "谢珍",
            "无有效行政执法证",
        ],
    );
    // Each print is in the log.
    let log = ok(&o, "sunzhen", &["audit", "log"]);
    has_all(
        &log,
        &[
            "打印文书：线索〔2026〕1号 案件来源登记表、线索核查报告、不予立案审批表（TXT）",
            "打印文书：检查记录#1",
            "打印文书：抽查计划#1 双随机抽查抽取记录",
            "查看举报人信息",
        ],
    );
}

#[test]
fn a_print_never_overwrites_a_file_it_did_not_make() {
    let o = office();
    let out = o.file("mine.txt", "my own notes");
    let e = fails(
        &o,
        "zhangwei",
        &["lead", "print", "2026-1", "--format", "txt", "-o", &out],
    );
    assert!(e.contains("已存在") || e.contains("--force"), "{e}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "my own notes");
    // Without -o: named after the papers in the current folder, a second print beside it.
    for _ in 0..2 {
        o.cmd()
            .current_dir(o.dir.path())
            .args(["--user", "zhangwei", "inspect", "print", "1", "--doc"])
            .args(["correction", "--format", "txt"])
            .assert()
            .success();
    }
    let first = o.dir.path().join("检查记录#1-correction.txt");
    let second = o.dir.path().join("检查记录#1-correction (2).txt");
    assert!(first.is_file() && second.is_file());
    // Bad input is named.
    let e = fails(
        &o,
        "zhangwei",
        &["inspect", "print", "9", "--format", "txt"],
    );
    assert!(e.contains('9'), "{e}");
    let e = fails(
        &o,
        "zhangwei",
        &["lead", "print", "2026-1", "--doc", "decision"],
    );
    assert!(e.contains("没有行政处罚决定书"), "{e}");
    let e = fails(&o, "zhangwei", &["lead", "print", "2026-1", "--doc", "纸"]);
    assert!(e.contains("未知的文书种类"), "{e}");
}

/// Each paper rendered as PDF through the case documents' template and font check: A4, the
/// text read back from the file, the reporter absent from what the party sees.
#[cfg(feature = "pdf")]
#[test]
fn every_paper_before_a_case_renders_as_pdf() {
    let o = office();
    let cases: [(&[&str], &[&str]); 6] = [
        (
            &["lead", "print", "2026-1", "--doc", "lead-register"],
            &["案件来源登记表", "王**", "负责人处理意见"],
        ),
        (
            &["lead", "print", "2026-1", "--doc", "lead-report"],
            &["线索核查报告", "核查情况", "建议不予立案"],
        ),
        (
            &["lead", "print", "2026-1", "--doc", "not-filing"],
            &["不予立案审批表", "承办人意见", "同意不予立案"],
        ),
        (
            &["lead", "print", "2026-2", "--doc", "lead-transfer"],
            &["案件移送函", "农安县公安局", "第二十七条第一款"],
        ),
        (
            &["inspect", "print", "1", "--doc", "inspection"],
            &["现场检查（勘验）笔录", "兴隆烧烤店", "见证人（签名）"],
        ),
        (
            &["inspect", "print", "1", "--doc", "correction"],
            &[
                "责令（限期）改正通知书",
                "2026年11月26日",
                "第二十八条第一款",
            ],
        ),
    ];
    let mut all = cases.to_vec();
    all.push((
        &["inspect", "print", "--plan", "1"],
        &["双随机抽查抽取记录", "随机数种子42", "谢珍"],
    ));
    for (i, (args, wanted)) in all.into_iter().enumerate() {
        let out = o.dir.path().join(format!("p{i}.pdf"));
        ok(
            &o,
            "zhangwei",
            &[args, &["-o", out.to_str().unwrap()]].concat(),
        );
        let pdf = std::fs::read(&out).unwrap();
        assert!(pdf.starts_with(b"%PDF"), "{args:?}");
        let doc = lopdf::Document::load_mem(&pdf).unwrap();
        for (_, id) in doc.get_pages() {
            let media = doc.get_dictionary(id).unwrap().get(b"MediaBox").unwrap();
            let media = media.as_array().unwrap();
            let w = media[2].as_float().unwrap() - media[0].as_float().unwrap();
            assert!((w - 595.28).abs() < 0.5, "A4 width: {w}");
        }
        let text = squash(&pdf_extract::extract_text_from_mem(&pdf).unwrap());
        has_all(&text, wanted);
        if args[0] == "inspect" {
            no_reporter(&text);
        }
    }
}
