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
