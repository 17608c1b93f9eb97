//! 队长看板 (leader dashboard): this year's cases per stage as a bar chart and per month as
//! a sparkline, cases per squad, overdue deadlines, average days per stage, fines decided,
//! collected, outstanding and surcharges, the leads and the inspections of the year, and the
//! patrol summary sentence (from the inspection records and the hand-typed patrols).

use chrono::{Datelike, NaiveDate};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Borders, Paragraph, Wrap};
use ratatui::Frame;

use crate::domain::inspection::InspectionStats;
use crate::domain::lead::LeadStats;
use crate::domain::stats::{days_text, Stats};
use crate::tui::action::UiAction;
use crate::tui::app::{Env, Outcome};
use crate::tui::ui;
use crate::tui::view::View;

pub struct State {
    pub year: i32,
    pub stats: Option<Stats>,
    /// The year's leads (domain `lead_stats`), or why they could not be counted.
    pub leads: Result<LeadStats, String>,
    /// The year's inspections, or why they could not be counted.
    pub inspections: Result<InspectionStats, String>,
    pub error: Option<String>,
}

impl State {
    pub fn load(env: &mut Env) -> State {
        let mut s = State {
            year: env.today.year(),
            stats: None,
            leads: Err(String::new()),
            inspections: Err(String::new()),
            error: None,
        };
        s.reload(env);
        s
    }

    pub fn reload(&mut self, env: &mut Env) {
        let (Some(from), Some(to)) = (
            NaiveDate::from_ymd_opt(self.year, 1, 1),
            NaiveDate::from_ymd_opt(self.year, 12, 31),
        ) else {
            return;
        };
        self.leads = env
            .desk
            .lead_stats(from, to, env.today)
            .map_err(|e| e.to_string());
        self.inspections = env
            .desk
            .inspection_stats(from, to)
            .map_err(|e| e.to_string());
        match env.desk.case_stats(from, to) {
            Ok(s) => {
                self.stats = Some(s);
                self.error = None;
            }
            Err(e) => self.error = Some(format!("统计失败：{e}")),
        }
    }

    pub fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        match a {
            UiAction::NextTab => {
                self.year += 1;
                self.reload(env);
            }
            UiAction::PrevTab => {
                self.year -= 1;
                self.reload(env);
            }
            UiAction::ExportDoc => return self.export(env),
            UiAction::Back => return Outcome::Pop(None),
            UiAction::Quit => return Outcome::Quit,
            _ => {}
        }
        Outcome::Stay
    }
}

impl State {
    /// Writes the year's statistics as a spreadsheet into the export folder (a new name if
    /// one exists, as `zhifa report export` writes them) and says where.
    fn export(&mut self, env: &mut Env) -> Outcome {
        let (Some(from), Some(to)) = (
            NaiveDate::from_ymd_opt(self.year, 1, 1),
            NaiveDate::from_ymd_opt(self.year, 12, 31),
        ) else {
            return Outcome::Error("没有可导出的统计".into());
        };
        let st = match env.desk.team_stats(from, to, env.today) {
            Ok(st) => st,
            Err(e) => return Outcome::Error(format!("不能导出统计：{e}")),
        };
        let Some(dir) = env.export_dir.map(std::path::Path::to_path_buf) else {
            return Outcome::Error("无法确定导出目录（没有 HOME？）".into());
        };
        let written = crate::report::table::xlsx_bytes(&[crate::report::stats::stats_table(&st)])
            .and_then(|bytes| {
                crate::output::write_new_name(
                    &dir,
                    &format!("{}年统计", self.year),
                    "xlsx",
                    &bytes,
                    env.desk.store().path(),
                )
                .map_err(|e| e.to_string())
            });
        match written {
            Ok(path) => Outcome::Status(format!("已导出统计：{}", path.display())),
            Err(e) => Outcome::Error(format!("不能导出统计：{e}")),
        }
    }
}

/// Short stage labels for the bar chart (two characters each).
fn short(stage: &str) -> String {
    match stage {
        "结案审批" => "结审".into(),
        _ => stage.chars().take(2).collect(),
    }
}

pub fn draw(f: &mut Frame, area: Rect, s: &State) {
    let Some(st) = &s.stats else {
        let msg = s.error.clone().unwrap_or_else(|| "没有数据".into());
        f.render_widget(Paragraph::new(Span::styled(msg, ui::bad())), area);
        return;
    };
    let [top, bottom] =
        Layout::vertical([Constraint::Percentage(45), Constraint::Min(8)]).areas(area);
    let [chart_area, numbers_area] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Min(20)]).areas(top);
    let bars: Vec<Bar> = st
        .by_stage
        .iter()
        .map(|(k, n)| Bar::default().label(Line::from(short(k))).value(*n as u64))
        .collect();
    f.render_widget(
        BarChart::default()
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(format!(" {}年 各阶段案件数 ([ ] 换年) ", s.year)),
            )
            .data(BarGroup::default().bars(&bars))
            .bar_set(ui::BARS)
            .bar_width(4)
            .bar_gap(1),
        chart_area,
    );
    let mut lines = vec![
        Line::from(format!(
            "案件 {} 件，期限已逾期 {} 件",
            st.cases, st.overdue_deadlines
        )),
        Line::from(format!("罚款决定 {}", st.fines_decided.grouped())),
        Line::from(format!(
            "已缴 {}  未缴 {}",
            st.fines_collected.grouped(),
            st.fines_outstanding.grouped()
        )),
        Line::from(format!("加处罚款 {}", st.surcharges.grouped())),
    ];
    let squads: Vec<String> = st.by_squad.iter().map(|(k, n)| format!("{k}{n}")).collect();
    lines.push(Line::from(format!("中队：{}", squads.join(" "))));
    let fields: Vec<String> = st.by_field.iter().map(|(k, n)| format!("{k}{n}")).collect();
    lines.push(Line::from(format!("领域：{}", fields.join(" "))));
    let avg: Vec<String> = st
        .avg_days_per_stage
        .iter()
        .map(|(k, t)| format!("{}{}", short(k), days_text(*t)))
        .collect();
    lines.push(Line::from(Span::styled(
        format!("平均天数：{}", avg.join(" ")),
        ui::dim(),
    )));
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::default().borders(Borders::ALL).title(" 数字 ")),
        numbers_area,
    );
    let [month_area, leads_area, inspections_area, text_area] = Layout::vertical([
        Constraint::Min(5),
        Constraint::Length(2),
        Constraint::Length(2),
        Constraint::Length(2),
    ])
    .areas(bottom);
    f.render_widget(
        Paragraph::new(lead_lines(&s.leads)).wrap(Wrap { trim: true }),
        leads_area,
    );
    f.render_widget(
        Paragraph::new(inspection_lines(&s.inspections)).wrap(Wrap { trim: true }),
        inspections_area,
    );
    // One labelled bar a month, its count on it: read without counting columns.
    let months: Vec<Bar> = (1..=12)
        .map(|m| {
            let key = format!("{}-{m:02}", s.year);
            let n = st
                .by_month
                .iter()
                .find(|(k, _)| *k == key)
                .map_or(0, |(_, n)| *n as u64);
            Bar::default().label(Line::from(format!("{m}月"))).value(n)
        })
        .collect();
    let width = month_area.width.saturating_sub(2);
    // Twelve bars and their gaps fill the width (a month label is up to 4 cells).
    let bar_width = (width / 12).saturating_sub(1).clamp(3, 8);
    f.render_widget(
        BarChart::default()
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(format!(" {}年 每月立案数 ", s.year)),
            )
            .data(BarGroup::default().bars(&months))
            .bar_set(ui::BARS)
            .bar_width(bar_width)
            .bar_gap(1),
        month_area,
    );
    // The period's tallies, computed from the records (inspection::period_tally).
    f.render_widget(
        Paragraph::new(Line::from(Span::styled(
            ui::clean(&st.patrol_summary),
            ui::warn(),
        )))
        .wrap(Wrap { trim: true }),
        text_area,
    );
}

/// `k1n1 k2n2`, or 无.
fn pairs(v: Vec<(String, usize)>) -> String {
    if v.is_empty() {
        "无".to_string()
    } else {
        v.iter()
            .map(|(k, n)| format!("{k}{n}"))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn not_counted(what: &str, e: &str) -> Vec<Line<'static>> {
    vec![Line::from(Span::styled(
        format!("{what}：无法统计（{}）", ui::clean(e)),
        ui::bad(),
    ))]
}

/// The 线索 lines: received this year by source and by outcome, still open, overdue, and the
/// working days to a decision (mean and median).
fn lead_lines(leads: &Result<LeadStats, String>) -> Vec<Line<'static>> {
    let l = match leads {
        Ok(l) => l,
        Err(e) => return not_counted("线索", e),
    };
    let days = match (
        l.avg_working_days_to_decision,
        l.median_working_days_to_decision,
    ) {
        (Some(avg), Some(median)) => {
            format!("；用时均{}中位{}工作日", days_text(avg), days_text(median))
        }
        _ => String::new(),
    };
    let overdue = Span::styled(
        format!("逾期 {}", l.overdue),
        if l.overdue > 0 { ui::bad() } else { ui::dim() },
    );
    // One paragraph, wrapped at the spaces between its items (two rows at 80 columns).
    vec![Line::from(vec![
        Span::styled("线索 ", ui::title_style()),
        Span::raw(format!("收到 {} 条，未处理 {}，", l.received, l.open)),
        overdue,
        Span::raw(format!(
            "；来源：{}；结果：{}",
            pairs(l.by_source.iter().map(|(k, n)| (k.name(), *n)).collect()),
            pairs(l.by_outcome.iter().map(|(k, n)| (k.name(), *n)).collect())
        )),
        Span::raw(days),
    ])]
}

/// The 检查 lines: this year's inspections by result and by field, and the objects
/// inspected more than once.
fn inspection_lines(inspections: &Result<InspectionStats, String>) -> Vec<Line<'static>> {
    let s = match inspections {
        Ok(s) => s,
        Err(e) => return not_counted("检查", e),
    };
    vec![Line::from(vec![
        Span::styled("检查 ", ui::title_style()),
        Span::raw(format!(
            "{} 次（街面 {}）；结果：{}；领域：{}；重复检查 {} 个对象 {} 次",
            s.inspections,
            s.inspections - s.of_objects,
            pairs(
                s.by_result
                    .iter()
                    .map(|(k, n)| (crate::domain::serde_name(k), *n))
                    .collect()
            ),
            pairs(
                s.by_field
                    .iter()
                    .map(|(k, n)| (k.name().to_string(), *n))
                    .collect()
            ),
            s.reinspected.len(),
            s.reinspections
        )),
    ])]
}

impl View for State {
    fn title(&self) -> String {
        "队长看板".into()
    }
    fn section(&self) -> &'static str {
        "dashboard"
    }
    fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        State::handle(self, a, env)
    }
    fn reload(&mut self, env: &mut Env) {
        State::reload(self, env)
    }
    fn draw(&self, f: &mut Frame, area: Rect) {
        draw(f, area, self)
    }
}
