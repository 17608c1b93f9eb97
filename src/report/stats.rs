//! The team's statistics as a spreadsheet's rows: `zhifa report export` and the
//! 队长看板's export write the same table.

use crate::domain::stats::{days_text, Stats};
use crate::report::table::Table;

/// The statistics as (category, item, value) rows for a spreadsheet.
pub fn stats_rows(s: &Stats) -> Vec<Vec<String>> {
    let mut rows = vec![
        vec![
            "期间".into(),
            "起止".into(),
            format!("{} 至 {}", s.from, s.to),
        ],
        vec!["案件".into(), "总数".into(), s.cases.to_string()],
        vec![
            "案件".into(),
            "期限已逾期".into(),
            s.overdue_deadlines.to_string(),
        ],
        vec![
            "罚款".into(),
            "决定(元)".into(),
            s.fines_decided.yuan_text(),
        ],
        vec![
            "罚款".into(),
            "已缴(元)".into(),
            s.fines_collected.yuan_text(),
        ],
        vec![
            "罚款".into(),
            "未缴(元)".into(),
            s.fines_outstanding.yuan_text(),
        ],
        vec![
            "罚款".into(),
            "加处罚款(元)".into(),
            s.surcharges.yuan_text(),
        ],
    ];
    for (cat, v) in [
        ("按阶段", &s.by_stage),
        ("按中队", &s.by_squad),
        ("按承办人", &s.by_officer),
        ("按月份", &s.by_month),
        ("按领域", &s.by_field),
    ] {
        rows.extend(
            v.iter()
                .map(|(k, n)| vec![cat.to_string(), k.clone(), n.to_string()]),
        );
    }
    rows.extend(
        s.avg_days_per_stage
            .iter()
            .map(|(k, t)| vec!["平均用时(天)".into(), k.clone(), days_text(*t)]),
    );
    rows.push(vec![
        "巡查".into(),
        "检查次数".into(),
        s.patrols.inspections.to_string(),
    ]);
    for (o, n) in &s.patrols.outcomes {
        rows.push(vec![
            "巡查".into(),
            format!("{}({})", o.name(), o.unit()),
            n.to_string(),
        ]);
    }
    rows.push(vec!["巡查".into(), "汇总".into(), s.patrol_summary.clone()]);
    rows
}

/// The one-sheet table of the statistics.
pub fn stats_table(s: &Stats) -> Table<'static> {
    Table {
        name: "统计",
        headers: ["类别", "项目", "数值"].map(String::from).to_vec(),
        rows: stats_rows(s),
    }
}
