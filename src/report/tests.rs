//! XLSX round trip through calamine; CSV with BOM; GBK detection.

use super::table::*;

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

#[test]
fn xlsx_round_trip_through_calamine() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("台账.xlsx");
    let t = Table {
        name: "台账",
        headers: s(&["案号", "当事人", "罚款金额(元)", "立案日期"]),
        rows: vec![
            s(&["合综执罚决〔2026〕1号", "刘某", "800.00", "2026-06-04"]),
            s(&["合综执罚决〔2026〕2号", "王某", "200.50", ""]),
        ],
    };
    write(
        &crate::output::guard(&p, false, &dir.path().join("z.sqlite3")).unwrap(),
        &[t],
    )
    .unwrap();
    let back = read(&p).unwrap();
    assert_eq!(
        back.headers,
        s(&["案号", "当事人", "罚款金额(元)", "立案日期"])
    );
    assert_eq!(
        back.rows[0],
        s(&["合综执罚决〔2026〕1号", "刘某", "800", "2026-06-04"])
    );
    assert_eq!(back.rows[1][2], "200.5");
}

#[test]
fn csv_has_a_bom_and_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.csv");
    let t = Table {
        name: "x",
        headers: s(&["案号", "备注"]),
        rows: vec![s(&["1", "含,逗号"])],
    };
    write(
        &crate::output::guard(&p, false, &dir.path().join("z.sqlite3")).unwrap(),
        &[t],
    )
    .unwrap();
    let bytes = std::fs::read(&p).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let back = read(&p).unwrap();
    assert_eq!(back.encoding, "UTF-8");
    assert_eq!(back.rows[0][1], "含,逗号");
}

/// Text a spreadsheet would run as a formula gets a leading apostrophe in CSV (as a string
/// cell in XLSX it never runs); numbers, negative ones too, stay numbers; reading the file
/// back gives the text as it was.
#[test]
fn csv_neutralises_formulas_in_text_cells_only() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.csv");
    let cells = s(&[
        "=cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "+1+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "=HYPERLINK(\"http://example.com/x\",\"点击\")",
        "\t=1+1",
        "-5",
        "-800.50",
        "800.00",
        "合隆镇-东岗村",
    ]);
    let t = Table {
        name: "x",
        headers: s(&["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]),
        rows: vec![cells.clone()],
    };
    write(
        &crate::output::guard(&p, false, &dir.path().join("z.sqlite3")).unwrap(),
        &[t],
    )
    .unwrap();
    let text = String::from_utf8(std::fs::read(&p).unwrap()).unwrap();
    let line = text.lines().nth(1).unwrap();
    let raw: Vec<String> = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(line.as_bytes())
        .records()
        .next()
        .unwrap()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    for (i, c) in raw.iter().enumerate().take(6) {
        assert!(c.starts_with('\''), "cell {i} not neutralised: {c}");
    }
    assert_eq!(raw[6..], s(&["-5", "-800.50", "800.00", "合隆镇-东岗村"]));
    assert_eq!(read(&p).unwrap().rows[0], cells);
}

#[test]
fn gbk_csv_is_detected() {
    let (gbk, _, _) = encoding_rs::GBK.encode("案号,当事人,案由\nA-1,刘某,焚烧秸秆\n");
    let t = read_csv_bytes(&gbk).unwrap();
    assert_eq!(t.encoding, "GBK");
    assert_eq!(t.headers, s(&["案号", "当事人", "案由"]));
    assert_eq!(t.rows[0][1], "刘某");
    assert!(read_csv_bytes(&[0xff, 0xff, 0x81])
        .unwrap_err()
        .contains("编码"));
    assert!(format_of(std::path::Path::new("a.txt"))
        .unwrap_err()
        .contains(".xlsx"));
}
