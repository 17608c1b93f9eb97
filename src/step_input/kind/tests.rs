//! One reader per kind, with what clerks type and what they should never get through.

use super::*;

fn today() -> NaiveDate {
    "2026-12-03".parse().unwrap()
}

fn staff() -> BTreeMap<i64, User> {
    let mut users = BTreeMap::new();
    for (id, login, name) in [
        (1, "zhangwei", "张伟"),
        (2, "liqiang", "李强"),
        (3, "sunzhen", "孙振"),
    ] {
        let u = User {
            id,
            username: login.into(),
            name: name.into(),
            roles: vec![],
            squad: "第一中队".into(),
            cert_no: None,
            cert_valid_until: None,
            legal_qualified: false,
            active: true,
        };
        users.insert(id, u);
    }
    users
}

#[test]
fn dates_in_every_form_a_clerk_types() {
    for (s, want) in [
        ("2026-12-03", "2026-12-03"),
        ("2026.12.3", "2026-12-03"),
        ("2026/12/3", "2026-12-03"),
        ("12月3日", "2026-12-03"),
        ("2026年12月3日", "2026-12-03"),
        ("今天", "2026-12-03"),
        ("昨天", "2026-12-02"),
        ("２０２６－１２－０３", "2026-12-03"),
        ("20261203", "2026-12-03"),
    ] {
        assert_eq!(read_date(s, today()).unwrap().to_string(), want, "{s}");
    }
    for bad in [
        "",
        "明天见",
        "😀",
        "2026-13-01",
        "99999999999999999999",
        "十二月",
    ] {
        let e = read_date(bad, today()).unwrap_err();
        assert!(e.contains("日期") || e.contains("不存在"), "{bad}: {e}");
    }
    let huge = "2".repeat(100_000);
    let e = read_date(&huge, today()).unwrap_err();
    assert!(
        e.chars().count() < 200,
        "a pasted megabyte is not echoed: {}",
        e.len()
    );
}

#[test]
fn money_as_digits_separators_and_chinese_numerals() {
    for (s, fen) in [
        ("1000", 100_000),
        ("1,000", 100_000),
        ("1，000", 100_000),
        ("1000元", 100_000),
        ("１０００", 100_000),
        ("一千", 100_000),
        ("一千二百", 120_000),
        ("一千二百元", 120_000),
        ("壹仟元整", 100_000),
        ("800.5", 80_050),
    ] {
        assert_eq!(read_money(s), Ok(Fen(fen)), "{s}");
    }
    for bad in [
        "",
        "-5",
        "－５",
        "一千😀",
        "abc",
        "1.234",
        "九千九百九十九万亿亿",
    ] {
        assert!(read_money(bad).is_err(), "{bad}");
    }
    assert!(read_money(&"9".repeat(10_000))
        .unwrap_err()
        .contains("过大"));
}

#[test]
fn yes_and_no_in_words_a_clerk_uses() {
    for s in ["是", "同意", "true", "y", "Y", "ｙ", "通过"] {
        assert_eq!(read_bool(s), Ok(true), "{s}");
    }
    for s in ["否", "不同意", "false", "n", "不通过"] {
        assert_eq!(read_bool(s), Ok(false), "{s}");
    }
    for bad in ["", "也许", "😀", "1", "truefalse"] {
        assert!(read_bool(bad).unwrap_err().contains("是 或 否"), "{bad}");
    }
}

#[test]
fn counts_in_digits_full_width_and_chinese() {
    assert_eq!(read_count("3"), Ok(3));
    assert_eq!(read_count("３"), Ok(3));
    assert_eq!(read_count("三"), Ok(3));
    assert_eq!(read_count("0"), Ok(0));
    assert!(read_count("99999999999999999999999")
        .unwrap_err()
        .contains("过大"));
    for bad in ["", "-1", "1.5", "😀", "两次"] {
        assert!(read_count(bad).is_err(), "{bad}");
    }
}

#[test]
fn choices_fold_what_an_input_method_types() {
    let list = super::super::specs::RECORD_KINDS;
    for s in [
        "现场检查(勘验)笔录",
        "现场检查（勘验）笔录",
        "【现场检查（勘验）笔录】",
        "“询问笔录”",
        " 询问笔录 ",
    ] {
        assert!(read_choice(s, list).is_ok(), "{s}");
    }
    assert_eq!(read_choice("“询问笔录”", list), Ok("询问笔录"));
    let e = read_choice("笔录", list).unwrap_err();
    assert!(e.contains("只能填") && e.contains("听证笔录"), "{e}");
    assert!(read_choice("😀", list).is_err());
    assert!(read_choice("", list).is_err());
    // Said without its bracketed part, when only one option reads so.
    assert_eq!(read_choice("现场检查笔录", list), Ok("现场检查(勘验)笔录"));
    assert_eq!(read_choice("[询问笔录]", list), Ok("询问笔录"));
}

#[test]
fn lists_of_choices_take_any_separator_and_none() {
    let list = super::super::specs::PENALTY_KINDS;
    assert_eq!(read_choices("警告、罚款", list), Ok(vec!["警告", "罚款"]));
    assert_eq!(read_choices("警告，罚款", list), Ok(vec!["警告", "罚款"]));
    assert_eq!(read_choices("罚款 罚款", list), Ok(vec!["罚款"]));
    assert_eq!(read_choices("无", list), Ok(vec![]));
    assert_eq!(read_choices("【罚款】", list), Ok(vec!["罚款"]));
    assert!(read_choices("罚款、拘留", list)
        .unwrap_err()
        .contains("拘留"));
}

#[test]
fn people_by_login_or_real_name_with_any_separator() {
    let users = staff();
    assert_eq!(read_persons("zhangwei,liqiang", &users), Ok(vec![1, 2]));
    assert_eq!(read_persons("张伟、李强", &users), Ok(vec![1, 2]));
    assert_eq!(read_persons("张伟 liqiang", &users), Ok(vec![1, 2]));
    // A repeat is kept for the domain to refuse naming the person (Art 42).
    assert_eq!(read_persons("张伟，张伟", &users), Ok(vec![1, 1]));
    let e = read_persons("张伟、王五", &users).unwrap_err();
    assert!(e.contains("王五"), "{e}");
    assert!(read_persons("😀", &users).is_err());
}

#[test]
fn texts_that_look_like_numbers_stay_text_issue_15_item_9() {
    let users = staff();
    let ctx = ReadCtx {
        users: &users,
        today: today(),
    };
    let receipt = FieldSpec {
        key: "receipt_no",
        label: "票据号",
        hint: "",
        kind: FieldKind::Text,
    };
    assert_eq!(receipt.read("20261203", ctx), Ok(json!("20261203")));
    assert_eq!(receipt.read("true", ctx), Ok(json!("true")));
    assert_eq!(receipt.read("[1]", ctx), Ok(json!("[1]")));
}

#[test]
fn every_refusal_names_the_field_label() {
    let users = staff();
    let ctx = ReadCtx {
        users: &users,
        today: today(),
    };
    for kind in [
        FieldKind::Date,
        FieldKind::Money,
        FieldKind::Bool,
        FieldKind::Count,
        FieldKind::Quantity,
        FieldKind::Person,
        FieldKind::Choice(&["甲"]),
        FieldKind::Instalments,
    ] {
        let spec = FieldSpec {
            key: "k",
            label: "某字段",
            hint: "",
            kind,
        };
        let e = spec.read("😀", ctx).unwrap_err();
        assert!(e.starts_with("“某字段”"), "{kind:?}: {e}");
        assert!(!e.contains("invalid"), "{kind:?}: {e}");
    }
}

#[test]
fn instalments_as_date_and_amount_pairs() {
    let v = read_instalments("2026-12-10 500；2027年1月10日 一千", today()).unwrap();
    assert_eq!(
        v,
        json!([
            {"due": "2026-12-10", "amount": "500.00"},
            {"due": "2027-01-10", "amount": "1000.00"}
        ])
    );
    assert!(read_instalments("2026-12-10", today())
        .unwrap_err()
        .contains("第 1 期"));
    assert!(read_instalments("2026-12-10 500；坏 1", today())
        .unwrap_err()
        .contains("第 2 期"));
}
