//! Importing an existing ledger: map the file's headers to ledger columns (shown as a
//! preview), check every row, and report each rejected row with its row number and reason.
//! The store then writes the accepted rows in one transaction — or none.

use std::collections::{BTreeSet, HashSet};

use serde::Serialize;

use super::chinese::{has_control_chars, parse_date};
use super::ledger::LedgerRow;
use super::money::Fen;

/// The ledger fields an imported column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Target {
    CaseNo,
    Party,
    Cause,
    Place,
    FiledOn,
    DecidedOn,
    Penalty,
    Fine,
    Paid,
    Handlers,
    Squad,
    Status,
    ClosedOn,
}

/// Header words each field is recognised by (after removing spaces and brackets).
const SYNONYMS: &[(Target, &[&str])] = &[
    (
        Target::CaseNo,
        &["案号", "案件编号", "文书编号", "决定书文号", "编号"],
    ),
    (
        Target::Party,
        &["当事人", "当事人姓名", "当事人名称", "被处罚人", "姓名名称"],
    ),
    (Target::Cause, &["案由", "违法行为", "案件名称", "违法事项"]),
    (Target::Place, &["违法地点", "地点", "案发地点"]),
    (Target::FiledOn, &["立案日期", "立案时间"]),
    (
        Target::DecidedOn,
        &["决定日期", "处罚日期", "处罚决定日期", "决定时间"],
    ),
    (Target::Penalty, &["处罚种类", "处罚结果", "处理结果"]),
    (Target::Fine, &["罚款金额元", "罚款金额", "罚款", "罚款元"]),
    (
        Target::Paid,
        &["已缴金额元", "已缴金额", "已缴", "缴款金额"],
    ),
    (Target::Handlers, &["承办人", "执法人员", "办案人员"]),
    (Target::Squad, &["中队", "执法中队", "所属中队"]),
    (Target::Status, &["办理状态", "状态", "案件状态"]),
    (Target::ClosedOn, &["结案日期", "结案时间"]),
];

impl Target {
    pub fn label(self) -> &'static str {
        match self {
            Target::CaseNo => "案号",
            Target::Party => "当事人",
            Target::Cause => "案由",
            Target::Place => "违法地点",
            Target::FiledOn => "立案日期",
            Target::DecidedOn => "决定日期",
            Target::Penalty => "处罚种类",
            Target::Fine => "罚款金额",
            Target::Paid => "已缴金额",
            Target::Handlers => "承办人",
            Target::Squad => "中队",
            Target::Status => "办理状态",
            Target::ClosedOn => "结案日期",
        }
    }
}

fn norm(h: &str) -> String {
    h.chars()
        .filter(|c| !c.is_whitespace() && !"()（）[]【】:：*".contains(*c))
        .collect()
}

/// A table's column mapping: for each file column, the target it fills (or none). The
/// ledger's (`Mapping`) and the inspection objects' (`inspection::ObjectMapping`) imports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnMap<T> {
    pub columns: Vec<(String, Option<T>)>,
}

impl<T: Copy + PartialEq> ColumnMap<T> {
    /// Each header mapped by its words (after removing spaces and brackets), each target
    /// taken by its first column only.
    pub fn by_synonyms(headers: &[String], synonyms: &[(T, &[&str])]) -> ColumnMap<T> {
        let mut used: Vec<T> = Vec::new();
        let columns = headers
            .iter()
            .map(|h| {
                let n = norm(h);
                let t = synonyms
                    .iter()
                    .find(|(t, words)| !used.contains(t) && words.contains(&n.as_str()))
                    .map(|(t, _)| *t);
                if let Some(t) = t {
                    used.push(t);
                }
                (h.clone(), t)
            })
            .collect();
        ColumnMap { columns }
    }

    pub fn index(&self, t: T) -> Option<usize> {
        self.columns.iter().position(|(_, x)| *x == Some(t))
    }

    /// The labels of the `required` targets no column fills.
    pub fn missing_of(
        &self,
        required: &[T],
        label: impl Fn(T) -> &'static str,
    ) -> Vec<&'static str> {
        required
            .iter()
            .filter(|t| self.index(**t).is_none())
            .map(|t| label(*t))
            .collect()
    }

    /// Preview lines: `第1列 “案件编号” → 案号`.
    pub fn preview_with(&self, label: impl Fn(T) -> &'static str) -> Vec<String> {
        self.columns
            .iter()
            .enumerate()
            .map(|(i, (h, t))| match t {
                Some(t) => format!("第{}列 “{h}” → {}", i + 1, label(*t)),
                None => format!("第{}列 “{h}” → （不导入）", i + 1),
            })
            .collect()
    }
}

/// The ledger's column mapping.
pub type Mapping = ColumnMap<Target>;

impl Mapping {
    pub fn detect(headers: &[String]) -> Mapping {
        ColumnMap::by_synonyms(headers, SYNONYMS)
    }

    /// Required columns missing from the file.
    pub fn missing(&self) -> Vec<&'static str> {
        self.missing_of(
            &[Target::CaseNo, Target::Party, Target::Cause],
            Target::label,
        )
    }

    pub fn preview(&self) -> Vec<String> {
        self.preview_with(Target::label)
    }
}

/// A rejected row: its number in the file (the header is row 1) and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rejected {
    pub row: usize,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Checked {
    pub accepted: Vec<(usize, LedgerRow)>,
    pub rejected: Vec<Rejected>,
}

/// Checks every data row (`rows[0]` is file row 2). `existing` are case numbers already
/// stored, which a row may not repeat.
pub fn check_rows(map: &Mapping, rows: &[Vec<String>], existing: &BTreeSet<String>) -> Checked {
    let mut checker = RowChecker::new(map, existing);
    let accepted = rows.iter().filter_map(|row| checker.check(row)).collect();
    Checked {
        accepted,
        rejected: checker.into_rejected(),
    }
}

/// Checks rows one at a time as they are read, handing back each accepted row, so that a
/// 100,000-row ledger can go straight into the database and is never held in memory.
pub struct RowChecker<'a> {
    map: &'a Mapping,
    existing: &'a BTreeSet<String>,
    seen: HashSet<String>,
    /// The file row number of the next row (the header is row 1).
    next: usize,
    rejected: Vec<Rejected>,
}

impl<'a> RowChecker<'a> {
    pub fn new(map: &'a Mapping, existing: &'a BTreeSet<String>) -> RowChecker<'a> {
        RowChecker {
            map,
            existing,
            seen: HashSet::new(),
            next: 2,
            rejected: Vec::new(),
        }
    }

    /// Checks the next data row of the file: the row (with its file row number) if it
    /// passes; a rejected row is kept with its reason; an empty row is skipped.
    pub fn check<S: AsRef<str>>(&mut self, row: &[S]) -> Option<(usize, LedgerRow)> {
        let n = self.next;
        self.next += 1;
        if row.iter().all(|c| c.as_ref().trim().is_empty()) {
            return None;
        }
        match check_row(self.map, row, &self.seen, self.existing) {
            Ok(r) => {
                self.seen.insert(r.case_no.clone());
                Some((n, r))
            }
            Err(reason) => {
                self.rejected.push(Rejected { row: n, reason });
                None
            }
        }
    }

    pub fn into_rejected(self) -> Vec<Rejected> {
        self.rejected
    }
}

/// What is already stored under an imported row's case number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prior {
    /// A case of this system, as `ledger export` writes its row.
    Live(LedgerRow),
    /// A row of a finished earlier import (`None` for rows imported before imports had
    /// numbers).
    Imported(Option<i64>, LedgerRow),
    /// A row of an import that did not finish or is being undone.
    Unfinished(i64),
}

/// What becomes of a checked row given what is stored under its case number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fate {
    /// Nothing stored: the row is imported.
    New,
    /// The same row is already there (a re-import of an exported ledger): skipped, so an
    /// import can be repeated without doubling anything.
    AlreadyThere,
    /// Something different is stored under the number: refused with the reason.
    Refused(String),
}

/// An imported row never takes a live case's number or replaces an earlier import's row;
/// the same row again is skipped (re-import is idempotent).
pub fn against_prior(row: &LedgerRow, prior: Option<&Prior>) -> Fate {
    let no = &row.case_no;
    match prior {
        None => Fate::New,
        Some(Prior::Live(r) | Prior::Imported(_, r)) if r == row => Fate::AlreadyThere,
        Some(Prior::Live(_)) => Fate::Refused(format!(
            "案号 {no} 是本系统的在册案件，与系统记录不同；旧台账不能使用本系统案件的案号，请核对案号"
        )),
        Some(Prior::Imported(Some(id), _)) => Fate::Refused(format!(
            "案号 {no} 已导入过（导入 #{id}），内容不同；如需更正，请先撤销那次导入（zhifa ledger undo {id}）再导入"
        )),
        Some(Prior::Imported(None, _)) => Fate::Refused(format!(
            "案号 {no} 已导入过，内容不同"
        )),
        Some(Prior::Unfinished(id)) => Fate::Refused(format!(
            "案号 {no} 属于未完成或正在撤销的导入 #{id}；请先运行 zhifa ledger undo {id}"
        )),
    }
}

fn check_row<S: AsRef<str>>(
    map: &Mapping,
    row: &[S],
    seen: &HashSet<String>,
    existing: &BTreeSet<String>,
) -> Result<LedgerRow, String> {
    let get = |t: Target| -> String {
        map.index(t)
            .and_then(|i| row.get(i))
            .map(|s| s.as_ref().trim().to_string())
            .unwrap_or_default()
    };
    for cell in row.iter().map(AsRef::as_ref) {
        if has_control_chars(cell) {
            return Err("含有控制字符，请在表格中删除后再导入".into());
        }
        // Only a cell of over 2000 bytes can have over 2000 characters.
        if cell.len() > 2000 && cell.chars().count() > 2000 {
            return Err("有单元格超过 2000 字".into());
        }
    }
    let required = |t: Target| -> Result<String, String> {
        let v = get(t);
        if v.is_empty() {
            Err(format!("“{}”为空", t.label()))
        } else {
            Ok(v)
        }
    };
    let case_no = required(Target::CaseNo)?;
    if seen.contains(&case_no) {
        return Err(format!("案号 {case_no} 在文件中重复"));
    }
    if existing.contains(&case_no) {
        return Err(format!("案号 {case_no} 已导入过"));
    }
    let date = |t: Target| -> Result<Option<chrono::NaiveDate>, String> {
        let v = get(t);
        if v.is_empty() {
            return Ok(None);
        }
        parse_date(&v).map(Some).map_err(|_| {
            format!(
                "{}“{v}”不是日期（如 2026-06-01 或 2026年6月1日）",
                t.label()
            )
        })
    };
    let money = |t: Target| -> Result<Fen, String> {
        let v = get(t);
        if v.is_empty() {
            return Ok(Fen(0));
        }
        Fen::parse_yuan(&v)
            .map_err(|_| format!("{}“{v}”不是金额（以元为单位，最多两位小数）", t.label()))
    };
    let r = LedgerRow {
        case_no,
        party: required(Target::Party)?,
        cause: required(Target::Cause)?,
        place: get(Target::Place),
        filed_on: date(Target::FiledOn)?,
        decided_on: date(Target::DecidedOn)?,
        penalty: get(Target::Penalty),
        fine: money(Target::Fine)?,
        paid: money(Target::Paid)?,
        handlers: get(Target::Handlers),
        squad: get(Target::Squad),
        status: get(Target::Status),
        closed_on: date(Target::ClosedOn)?,
    };
    if let (Some(f), Some(d)) = (r.filed_on, r.decided_on) {
        if d < f {
            return Err(format!("决定日期 {d} 早于立案日期 {f}"));
        }
    }
    // What was paid includes any 加处罚款, which never exceeds the fine itself (行政处罚法
    // Art 72(1)): so at most twice the fine.
    if r.fine.0 > 0 && r.paid.0 > r.fine.0.saturating_mul(2) {
        return Err(format!(
            "已缴金额 {} 大于罚款金额 {} 与加处罚款之和（加处罚款不超过罚款数额，行政处罚法第七十二条）",
            r.paid, r.fine
        ));
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn headers_map_by_synonyms_and_missing_columns_are_named() {
        let m = Mapping::detect(&s(&[
            "序号",
            "案件编号",
            "当事人姓名",
            "违法行为",
            "罚款（元）",
        ]));
        assert_eq!(m.columns[0].1, None);
        assert_eq!(m.columns[1].1, Some(Target::CaseNo));
        assert_eq!(m.columns[4].1, Some(Target::Fine));
        assert!(m.missing().is_empty());
        assert!(m.preview()[0].contains("不导入"));
        let m = Mapping::detect(&s(&["案号", "金额"]));
        assert_eq!(m.missing(), vec!["当事人", "案由"]);
    }

    #[test]
    fn a_malformed_ledger_is_rejected_row_by_row() {
        let m = Mapping::detect(&s(&[
            "案号",
            "当事人",
            "案由",
            "立案日期",
            "决定日期",
            "罚款金额(元)",
            "已缴金额(元)",
        ]));
        let rows = vec![
            s(&[
                "A-1",
                "刘某",
                "焚烧秸秆",
                "2026-06-01",
                "2026-06-20",
                "800",
                "800",
            ]),
            s(&["A-2", "", "焚烧秸秆", "", "", "", ""]),
            s(&["A-1", "王某", "焚烧秸秆", "", "", "", ""]),
            s(&["A-3", "张某", "占道经营", "六月一日", "", "", ""]),
            s(&["A-4", "张某", "占道经营", "", "", "八百", ""]),
            s(&["", "", "", "", "", "", ""]),
            s(&[
                "A-5",
                "赵某",
                "占道经营",
                "2026-06-10",
                "2026-06-01",
                "",
                "",
            ]),
            s(&["A-6", "钱某", "占道经营", "", "", "100", "200.01"]),
            s(&["A-7", "孙某", "乱贴广告", "2026年7月1日", "", "200.50", ""]),
            s(&["OLD", "孙某", "乱贴广告", "", "", "", ""]),
        ];
        let existing: BTreeSet<String> = ["OLD".to_string()].into();
        let c = check_rows(&m, &rows, &existing);
        let ok: Vec<usize> = c.accepted.iter().map(|(n, _)| *n).collect();
        assert_eq!(ok, vec![2, 10]);
        let bad: Vec<(usize, &str)> = c
            .rejected
            .iter()
            .map(|r| (r.row, r.reason.as_str()))
            .collect();
        assert_eq!(bad.len(), 7, "{bad:?}");
        assert!(bad[0].0 == 3 && bad[0].1.contains("当事人"));
        assert!(bad[1].0 == 4 && bad[1].1.contains("重复"));
        assert!(bad[2].0 == 5 && bad[2].1.contains("不是日期"));
        assert!(bad[3].0 == 6 && bad[3].1.contains("不是金额"));
        assert!(bad[4].0 == 8 && bad[4].1.contains("早于立案日期"));
        assert!(bad[5].0 == 9 && bad[5].1.contains("大于罚款金额"));
        assert!(bad[6].0 == 11 && bad[6].1.contains("已导入过"));
        assert_eq!(c.accepted[1].1.fine, Fen(20050));
    }

    #[test]
    fn imported_rows_never_take_a_live_case_number_and_repeat_as_no_op() {
        let m = Mapping::detect(&s(&["案号", "当事人", "案由"]));
        let c = check_rows(&m, &[s(&["2026-1", "刘某", "焚烧秸秆"])], &BTreeSet::new());
        let row = c.accepted[0].1.clone();
        let mut other = row.clone();
        other.party = "王某".into();
        assert_eq!(against_prior(&row, None), Fate::New);
        assert_eq!(
            against_prior(&row, Some(&Prior::Live(row.clone()))),
            Fate::AlreadyThere
        );
        assert_eq!(
            against_prior(&row, Some(&Prior::Imported(Some(3), row.clone()))),
            Fate::AlreadyThere
        );
        let Fate::Refused(live) = against_prior(&row, Some(&Prior::Live(other.clone()))) else {
            panic!("a different row under a live case number must be refused")
        };
        assert!(live.contains("2026-1") && live.contains("本系统"), "{live}");
        let Fate::Refused(again) = against_prior(&row, Some(&Prior::Imported(Some(3), other)))
        else {
            panic!("a changed row of an earlier import must be refused")
        };
        assert!(again.contains("undo 3"), "{again}");
        assert!(matches!(
            against_prior(&row, Some(&Prior::Unfinished(4))),
            Fate::Refused(_)
        ));
    }
}
