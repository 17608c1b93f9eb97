//! Drawing the 检查 screen: the view tabs, the records, the objects, the plans and what
//! Enter opened. Only reads the state.

use chrono::Datelike;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use super::text::publication_lines;
use super::{Detail, Open, State, Tab, PERIOD};
use crate::domain::inspection;
use crate::text::fit;
use crate::tui::choices;
use crate::tui::screens::fields;
use crate::tui::ui;

pub(super) fn draw_tabs(f: &mut Frame, area: Rect, s: &State) {
    let mut spans = Vec::new();
    for t in Tab::ALL {
        let style = if t == s.tab {
            ui::selected()
        } else {
            ui::dim()
        };
        spans.push(Span::styled(format!(" {} ", t.name()), style));
        spans.push(Span::raw(" "));
    }
    spans.push(Span::styled(format!("（{} 切换）", s.keys.tab), ui::dim()));
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Items of `per` rows each, the selected item's rows highlighted and kept in sight.
pub(super) fn draw_rows(
    f: &mut Frame,
    area: Rect,
    rows: Vec<(String, Style)>,
    sel: usize,
    per: usize,
) {
    let height = area.height as usize;
    let first = sel * per;
    let start = (first + per).saturating_sub(height);
    let lines: Vec<Line> = rows
        .into_iter()
        .enumerate()
        .skip(start)
        .take(height)
        .map(|(i, (t, st))| {
            let style = if i / per == sel { ui::selected() } else { st };
            Line::from(Span::styled(t, style))
        })
        .collect();
    f.render_widget(Paragraph::new(lines), area);
}

pub(super) fn draw_records(f: &mut Frame, area: Rect, s: &State) {
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let shown = s.shown();
    let mut filters = vec![
        format!(
            "{} 至 {}（{} 换期间） {}/{} 次",
            s.from,
            s.to,
            s.keys.period,
            shown.len(),
            s.records.len()
        ),
        format!(
            "只看待复查：{}（{}）",
            if s.due_only { "是" } else { "否" },
            s.keys.due
        ),
    ];
    if s.searching || !s.query.value.is_empty() {
        filters.push(format!(
            "搜索：{}{}",
            ui::clean(&s.query.value),
            if s.searching { "_" } else { "" }
        ));
    } else {
        filters.push(format!("搜索（{}）", s.keys.search));
    }
    f.render_widget(
        Paragraph::new(Span::styled(filters.join("  "), ui::title_style())),
        head,
    );
    if shown.is_empty() {
        let msg = if s.records.is_empty() {
            format!("本期间暂无检查记录。按 {} 登记现场检查。", s.keys.new)
        } else {
            "没有符合条件的检查记录".to_string()
        };
        f.render_widget(Paragraph::new(msg).style(ui::dim()), body);
        return;
    }
    // Date, result (with the 复查 due marked), then the object or the place in what is left.
    let rest = (body.width as usize).saturating_sub(11 + 12 + 1);
    let rows = shown
        .iter()
        .map(|r| {
            let due = s.due(r);
            let result = if due {
                "待复查".to_string()
            } else {
                crate::domain::serde_name(&r.result.kind())
            };
            let what = match r.object {
                Some(id) => format!("{}（{}）", s.object_name(id), r.place),
                None => r.place.clone(),
            };
            let style = if due { ui::bad() } else { Style::default() };
            (
                format!(
                    "{}{}{}",
                    fit(&r.date.to_string(), 11),
                    fit(&result, 12),
                    fit(&what, rest)
                ),
                style,
            )
        })
        .collect();
    draw_rows(f, body, rows, s.sel(), 1);
}

pub(super) fn draw_objects(f: &mut Frame, area: Rect, s: &State) {
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let year = s.today.year();
    let name_w = (body.width as usize)
        .saturating_sub(12 + 10 + 12 + 1)
        .max(10);
    f.render_widget(
        Paragraph::new(Span::styled(
            format!(
                "{}{}{}{year}年检查",
                fit("名称", name_w),
                fit("领域", 12),
                fit("风险", 10)
            ),
            ui::dim(),
        )),
        head,
    );
    if s.objects.is_empty() {
        f.render_widget(
            Paragraph::new(format!(
                "暂无检查对象。按 {} 登记，按 {} 从表格导入。",
                s.keys.new, s.keys.import
            ))
            .style(ui::dim()),
            body,
        );
        return;
    }
    let rows = s
        .objects
        .iter()
        .map(|o| {
            let n = s
                .history
                .get(&o.id)
                .map_or(0, |h| inspection::annual_count(o.id, h, year));
            (
                format!(
                    "{}{}{}{n} 次",
                    fit(&o.name, name_w),
                    fit(o.field.name(), 12),
                    fit(&o.risk.name(), 10)
                ),
                Style::default(),
            )
        })
        .collect();
    draw_rows(f, body, rows, s.sel(), 1);
}

pub(super) fn draw_plans(f: &mut Frame, area: Rect, s: &State) {
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    f.render_widget(
        Paragraph::new(Span::styled(
            format!(
                "抽查计划 {} 个  {} 抽取  {} 查看公示",
                s.plans.len(),
                s.keys.draw,
                s.keys.open
            ),
            ui::title_style(),
        )),
        head,
    );
    if s.plans.is_empty() {
        f.render_widget(
            Paragraph::new(format!("暂无抽查计划。按 {} 制定。", s.keys.new)).style(ui::dim()),
            body,
        );
        return;
    }
    // Each plan on two rows: its name whole, then the draw's state and the period.
    let rows = s
        .plans
        .iter()
        .flat_map(|(p, d)| {
            let state = match d {
                Some(d) => format!("已于 {} 抽取 {} 个对象", d.drawn_on, d.objects.len()),
                None => format!("未抽取（计划抽取 {} 个）", p.object_count),
            };
            let style = if d.is_some() {
                Style::default()
            } else {
                ui::warn()
            };
            [
                (ui::clean(&p.name), style),
                (
                    format!(
                        "    {}  {}  期间 {} 至 {}",
                        p.field.name(),
                        state,
                        p.period_from,
                        p.period_to
                    ),
                    style,
                ),
            ]
        })
        .collect();
    draw_rows(f, body, rows, s.sel(), 2);
}

pub(super) fn draw_detail(f: &mut Frame, area: Rect, s: &State, d: &Detail) {
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let (title, lines) = match &d.open {
        Open::Record(id) => match s.open_record() {
            Some(r) => (
                format!("现场检查记录 #{id}（{} 登记复查）", s.keys.recheck),
                s.record_lines(r),
            ),
            None => (format!("#{id}"), vec!["这条检查记录已不在列表中".into()]),
        },
        Open::Object(id) => (
            format!(
                "检查对象：{}（{} 登记回避，{} 撤销回避）",
                s.object_name(*id),
                s.keys.conflict,
                s.keys.unconflict
            ),
            s.object_lines(*id),
        ),
        Open::Publication(_, p) => (
            format!("抽取结果公示（{} 导出）", s.keys.export),
            publication_lines(p),
        ),
    };
    f.render_widget(
        Paragraph::new(Span::styled(ui::clean(&title), ui::warn())),
        head,
    );
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|t| Line::from(ui::clean(&t)))
        .collect();
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((d.scroll, 0)),
        body,
    );
}

pub fn draw(f: &mut Frame, area: Rect, s: &State) {
    if let Some(form) = &s.period {
        let checks = choices::checks(&PERIOD, form, &s.users, s.today);
        fields::draw(f, area, &PERIOD, form, &checks);
        return;
    }
    if let Some(d) = &s.detail {
        draw_detail(f, area, s, d);
        return;
    }
    let [tabs, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    draw_tabs(f, tabs, s);
    let body = ui::load_error(f, body, &s.error);
    match s.tab {
        Tab::Records => draw_records(f, body, s),
        Tab::Objects => draw_objects(f, body, s),
        Tab::Plans => draw_plans(f, body, s),
    }
}
