//! The team's statistics as a spreadsheet's rows: `zhifa report export` and the
//! 队长看板's export write the same table, and `zhifa report stats` prints them as text
//! (`stats_text`; the leads' and inspections' rows grouped by category).

use crate::domain::inspection::InspectionStats;
use crate::domain::lead::LeadStats;
use crate::domain::stats::{days_text, Stats, TeamStats};
use crate::report::table::Table;

fn row(category: &str, item: impl Into<String>, value: impl ToString) -> Vec<String> {
    vec![category.to_string(), item.into(), value.to_string()]
}

/// The leads' rows: received, open, overdue, by source, by outcome, working days to decision.
pub fn lead_rows(l: &LeadStats) -> Vec<Vec<String>> {
    let mut rows = vec![
        row("线索", "收到", l.received),
        row("线索", "未处理", l.open),
        row("线索", "逾期未处理", l.overdue),
    ];
    rows.extend(
        l.by_source
            .iter()
            .map(|(k, n)| row("线索来源", k.name(), n)),
    );
    rows.extend(
        l.by_outcome
            .iter()
            .map(|(k, n)| row("线索处理结果", k.name(), n)),
    );
    let days = "线索处理用时(工作日)";
    for (item, tenths) in [
        ("平均", l.avg_working_days_to_decision),
        ("中位", l.median_working_days_to_decision),
    ] {
        if let Some(t) = tenths {
            rows.push(row(days, item, days_text(t)));
        }
    }
    if let Some(max) = l.max_working_days_to_decision {
        rows.push(row(days, "最长", max));
    }
    rows
}

/// The inspections' rows: how many (of named objects, street patrols), by result, by the
/// object's field, and the objects inspected more than once.
pub fn inspection_rows(s: &InspectionStats) -> Vec<Vec<String>> {
    let mut rows = vec![
        row("检查", "总数", s.inspections),
        row("检查", "有名对象", s.of_objects),
        row("检查", "街面巡查", s.inspections - s.of_objects),
    ];
    rows.extend(
        s.by_result
            .iter()
            .map(|(k, n)| row("检查结果", crate::domain::serde_name(k), n)),
    );
    rows.extend(s.by_field.iter().map(|(k, n)| row("检查领域", k.name(), n)));
    rows.push(row("重复检查", "对象数", s.reinspected.len()));
    rows.push(row("重复检查", "重复次数", s.reinspections));
    rows.extend(
        s.reinspected
            .iter()
            .map(|r| row("重复检查", r.name.clone(), format!("{}次", r.times))),
    );
    rows
}

/// Rows as text, one line per category in the order they come: `线索：收到 4，未处理 2`.
pub fn grouped_text(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    let mut current: Option<&str> = None;
    for r in rows {
        let (cat, item, value) = (&r[0], &r[1], &r[2]);
        if current == Some(cat.as_str()) {
            out.push('，');
        } else {
            if current.is_some() {
                out.push('\n');
            }
            out.push_str(cat);
            out.push('：');
            current = Some(cat);
        }
        out.push_str(&format!("{item} {value}"));
    }
    if current.is_some() {
        out.push('\n');
    }
    out
}

/// The statistics as (category, item, value) rows for a spreadsheet: the cases', the
/// leads', the inspections'.
pub fn stats_rows(t: &TeamStats) -> Vec<Vec<String>> {
    let mut rows = case_rows(&t.cases);
    rows.extend(lead_rows(&t.leads));
    rows.extend(inspection_rows(&t.inspections));
    rows
}

fn case_rows(s: &Stats) -> Vec<Vec<String>> {
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
pub fn stats_table(s: &TeamStats) -> Table<'static> {
    Table {
        name: "统计",
        headers: ["类别", "项目", "数值"].map(String::from).to_vec(),
        rows: stats_rows(s),
    }
}

/// The statistics as plain text lines: the cases', then the leads' and the inspections'
/// rows of the export grouped by category.
pub fn stats_text(t: &TeamStats) -> String {
    let s = &t.cases;
    let mut out = format!("统计期间：{} 至 {}\n案件总数：{}\n", s.from, s.to, s.cases);
    let list = |title: &str, v: &[(String, usize)], out: &mut String| {
        let items: Vec<String> = v.iter().map(|(k, n)| format!("{k} {n}")).collect();
        out.push_str(&format!(
            "{title}：{}\n",
            if items.is_empty() {
                "无".into()
            } else {
                items.join("，")
            }
        ));
    };
    list("按阶段", &s.by_stage, &mut out);
    list("按中队", &s.by_squad, &mut out);
    list("按承办人", &s.by_officer, &mut out);
    list("按月份", &s.by_month, &mut out);
    list("按领域", &s.by_field, &mut out);
    out.push_str(&format!("期限已逾期的案件：{}\n", s.overdue_deadlines));
    let avg: Vec<String> = s
        .avg_days_per_stage
        .iter()
        .map(|(k, t)| format!("{k} {}天", days_text(*t)))
        .collect();
    out.push_str(&format!(
        "各阶段平均用时：{}\n",
        if avg.is_empty() {
            "无".into()
        } else {
            avg.join("，")
        }
    ));
    out.push_str(&format!(
        "罚款：决定 {}，已缴 {}，未缴 {}，加处罚款 {}\n",
        s.fines_decided, s.fines_collected, s.fines_outstanding, s.surcharges
    ));
    out.push_str(&format!("巡查：{}\n", s.patrol_summary));
    out.push_str(&grouped_text(&lead_rows(&t.leads)));
    out.push_str(&grouped_text(&inspection_rows(&t.inspections)));
    crate::text::clean_lines(&out)
}
