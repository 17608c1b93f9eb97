//! Drawing the fields of a form (`FormCore`): each by its widget, the focused one with its
//! list or editor open, its check message under it, and the terminal's cursor where the
//! next character goes (so an input method's candidate window appears there). Only reads.

use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use crate::step_input::FieldSpec;
use crate::tui::form_core::FormCore;
use crate::tui::input::TextInput;
use crate::tui::ui;
use crate::tui::widgets::Widget;

/// Rows of a list shown under a focused field, and of a multi-line editor.
const LIST_ROWS: usize = 6;
const EDITOR_ROWS: usize = 6;
/// Rows of a multi-line value shown when its field is not focused.
const FOLDED_ROWS: usize = 2;

/// One field's rows, and where the cursor is among them (row, column).
struct Drawn {
    lines: Vec<Line<'static>>,
    cursor: Option<(usize, u16)>,
    /// Rows of the text not shown, above and below.
    hidden: (usize, usize),
}

fn plain(s: String) -> Span<'static> {
    Span::raw(s)
}

/// Rows `from..from+n` of a list of `len`, keeping `sel` inside.
fn window(len: usize, sel: usize, n: usize) -> std::ops::Range<usize> {
    let from = sel.saturating_sub(n - 1).min(len.saturating_sub(n));
    from..(from + n).min(len)
}

/// The text of an input laid out after a prefix of `indent` columns; continuation rows are
/// indented alike. The cursor is placed when `focused`.
fn text_rows(
    first: Vec<Span<'static>>,
    input: &TextInput,
    indent: usize,
    width: u16,
    focused: bool,
    max_rows: Option<usize>,
) -> Drawn {
    let room = (width as usize).saturating_sub(indent + 1).max(4);
    let (rows, starts, (crow, ccol)) = input.wrapped_rows(room);
    let selection = input.selection().filter(|_| focused);
    // A row as spans, its selected part (if any) highlighted.
    let row_spans = |i: usize, row: &str| -> Vec<Span<'static>> {
        let start = starts.get(i).copied().unwrap_or(0);
        let chars: Vec<char> = row.chars().collect();
        let Some(sel) = &selection else {
            return vec![plain(ui::clean(row))];
        };
        let from = sel.start.saturating_sub(start).min(chars.len());
        let to = sel.end.saturating_sub(start).min(chars.len());
        let part = |a: usize, b: usize| ui::clean(&chars[a..b].iter().collect::<String>());
        vec![
            plain(part(0, from)),
            Span::styled(part(from, to), ui::selected()),
            plain(part(to, chars.len())),
        ]
    };
    let (from, to) = match max_rows {
        Some(n) if rows.len() > n => {
            let w = window(rows.len(), crow, n);
            (w.start, w.end)
        }
        _ => (0, rows.len()),
    };
    let mut lines = Vec::new();
    let mut first = Some(first);
    for (i, row) in rows.iter().enumerate().take(to).skip(from) {
        let mut spans = first
            .take()
            .unwrap_or_else(|| vec![plain(" ".repeat(indent))]);
        spans.extend(row_spans(i, row));
        lines.push(Line::from(spans));
    }
    if let Some(spans) = first {
        lines.push(Line::from(spans));
    }
    let cursor = focused.then(|| (crow - from, (indent + ccol) as u16));
    Drawn {
        lines,
        cursor,
        hidden: (from, rows.len() - to),
    }
}

/// A message under a field, indented and wrapped to the width.
fn wrapped(text: &str, width: u16, style: Style) -> Vec<Line<'static>> {
    let (rows, _) = TextInput::with(&ui::clean(text)).wrapped((width as usize).saturating_sub(5));
    rows.into_iter()
        .map(|r| Line::from(Span::styled(format!("    {r}"), style)))
        .collect()
}

fn label_spans(spec: &FieldSpec, focused: bool) -> (Vec<Span<'static>>, usize) {
    let marker = if focused { "> " } else { "  " };
    let style = if focused {
        ui::warn()
    } else {
        Style::default()
    };
    let text = format!("{marker}{}：", spec.label);
    let w = text.width();
    (vec![Span::styled(text, style)], w)
}

/// What keys the focused widget takes, added to the field's own hint.
fn widget_keys(widget: &Widget) -> &'static str {
    match widget {
        Widget::Toggle => "空格或左右键切换",
        Widget::Pick { .. } => "上下键选择，回车选定，可输入文字筛选",
        Widget::Checks { .. } => "上下键移动，空格勾选",
        Widget::People(_) => "输入登录名、姓名或拼音首字母查找，空格或回车添加/移除",
        Widget::Lines => "回车换行",
        Widget::Line => "",
        Widget::Files(_) => "上下键选择，回车打开目录或选定文件，Tab 下一项",
    }
}

fn field(
    spec: &FieldSpec,
    input: &TextInput,
    widget: &Widget,
    focused: bool,
    check: Option<&str>,
    width: u16,
) -> Drawn {
    let (label, indent) = label_spans(spec, focused);
    let mut d = match widget {
        Widget::Toggle
            if input.value.is_empty() || crate::step_input::read_bool(&input.value).is_ok() =>
        {
            let yes = crate::step_input::read_bool(&input.value).ok();
            let mut toggle = Vec::new();
            for (v, text) in [(true, "是"), (false, "否")] {
                let on = yes == Some(v);
                let style = if on && focused {
                    ui::selected()
                } else {
                    Style::default()
                };
                toggle.push(Span::styled(
                    format!("[{}] {text}", if on { "x" } else { " " }),
                    style,
                ));
                toggle.push(plain("  ".into()));
            }
            // A long label leaves the toggle no room: it goes on the next row.
            let lines = if indent + 16 > width as usize {
                let mut below = vec![plain("    ".into())];
                below.extend(toggle);
                vec![Line::from(label), Line::from(below)]
            } else {
                let mut spans = label;
                spans.extend(toggle);
                vec![Line::from(spans)]
            };
            Drawn {
                lines,
                cursor: None,
                hidden: (0, 0),
            }
        }
        Widget::Lines => {
            // The label on its own row, then the editor's rows.
            let mut d = text_rows(
                vec![plain("    ".into())],
                input,
                4,
                width,
                focused,
                Some(if focused { EDITOR_ROWS } else { FOLDED_ROWS }),
            );
            // Where the editor scrolled, say how much is out of sight.
            let (above, below) = d.hidden;
            let mut head = label;
            if above > 0 {
                head.push(Span::styled(format!("（上面还有 {above} 行）"), ui::dim()));
            }
            if below > 0 {
                d.lines.push(Line::from(Span::styled(
                    format!("    …（下面还有 {below} 行）"),
                    ui::dim(),
                )));
            }
            d.lines.insert(0, Line::from(head));
            d.cursor = d.cursor.map(|(r, c)| (r + 1, c));
            d
        }
        Widget::People(p) => {
            let chosen = p.chosen_text();
            let mut spans = label;
            let mut indent = indent;
            if !chosen.is_empty() {
                let shown = format!("{} ", ui::clean(&chosen));
                indent += shown.width();
                spans.push(plain(shown));
            }
            if focused || !input.value.is_empty() {
                let find = if focused { "查找：" } else { "" };
                indent += find.width();
                spans.push(Span::styled(find.to_string(), ui::dim()));
            }
            let mut d = text_rows(spans, input, indent, width, focused, Some(1));
            match p.rule_line(input) {
                Some(Ok(ok)) => d.lines.extend(wrapped(&ok, width, ui::dim())),
                Some(Err(e)) => d.lines.extend(wrapped(&e, width, ui::bad())),
                None => {}
            }
            if focused {
                let matches = p.matches(input);
                if matches.is_empty() {
                    d.lines.push(Line::from(Span::styled(
                        "    （没有匹配的人员）",
                        ui::dim(),
                    )));
                }
                for i in window(matches.len(), p.sel, LIST_ROWS) {
                    let s = matches[i];
                    let on = p.chosen.contains(&s.user.id);
                    let cert = if s.user.certified_on(p.today) {
                        "持证"
                    } else {
                        "无执法证"
                    };
                    let style = if i == p.sel {
                        ui::selected()
                    } else {
                        Style::default()
                    };
                    d.lines.push(Line::from(Span::styled(
                        format!(
                            "    [{}] {} {}（{cert}）",
                            if on { "x" } else { " " },
                            ui::clean(&s.user.name),
                            s.user.username
                        ),
                        style,
                    )));
                }
            }
            d
        }
        Widget::Pick { options, sel } => {
            let mut d = text_rows(label, input, indent, width, focused, Some(1));
            if focused {
                let matches = Widget::pick_matches(options, &input.value);
                if matches.is_empty() {
                    d.lines.push(Line::from(Span::styled(
                        "    （没有匹配的选项）",
                        ui::dim(),
                    )));
                }
                for i in window(matches.len(), *sel, LIST_ROWS) {
                    let style = if i == *sel {
                        ui::selected()
                    } else {
                        Style::default()
                    };
                    let mark = if matches[i] == input.value { "*" } else { " " };
                    d.lines.push(Line::from(Span::styled(
                        format!("    {mark} {}", matches[i]),
                        style,
                    )));
                }
            }
            d
        }
        Widget::Checks { options, sel } => {
            let mut d = text_rows(label, input, indent, width, focused, None);
            if focused {
                let on = Widget::ticked(options, &input.value);
                for i in window(options.len(), *sel, LIST_ROWS) {
                    let style = if i == *sel {
                        ui::selected()
                    } else {
                        Style::default()
                    };
                    d.lines.push(Line::from(Span::styled(
                        format!(
                            "    [{}] {}",
                            if on.contains(&options[i]) { "x" } else { " " },
                            options[i]
                        ),
                        style,
                    )));
                }
            }
            d
        }
        Widget::Files(p) => {
            let mut d = text_rows(label, input, indent, width, focused, None);
            for c in p.chosen.iter().filter_map(|c| c.as_ref().ok()) {
                d.lines.extend(wrapped(
                    &format!("    已选：{}", ui::clean(c)),
                    width,
                    ui::dim(),
                ));
            }
            if focused {
                match &p.folder {
                    Ok(folder) => d.lines.extend(wrapped(
                        &format!("    {}（{} 项）", ui::clean(folder), p.entries.len()),
                        width,
                        ui::dim(),
                    )),
                    Err(e) => d
                        .lines
                        .extend(wrapped(&format!("    {e}"), width, ui::bad())),
                }
                for i in window(p.entries.len(), p.sel, LIST_ROWS) {
                    let e = &p.entries[i];
                    let style = if i == p.sel {
                        ui::selected()
                    } else {
                        Style::default()
                    };
                    let text = if e.is_dir {
                        format!("    {}/", ui::clean(&e.name))
                    } else {
                        format!(
                            "    {}  {}",
                            ui::clean(&e.name),
                            crate::tui::file_picker::size_text(e.size)
                        )
                    };
                    d.lines.push(Line::from(Span::styled(text, style)));
                }
            }
            d
        }
        Widget::Line | Widget::Toggle => text_rows(label, input, indent, width, focused, None),
    };
    if let Some(msg) = check {
        d.lines.extend(wrapped(msg, width, ui::bad()));
    }
    if focused {
        // A list shown under the field needs no list in the hint.
        let own = match widget {
            Widget::Pick { .. } | Widget::Checks { .. } => spec.hint.to_string(),
            _ => spec.hint_text(),
        };
        let hint = [own, widget_keys(widget).to_string()]
            .into_iter()
            .filter(|h| !h.is_empty())
            .collect::<Vec<_>>()
            .join("；");
        if !hint.is_empty() {
            d.lines.extend(wrapped(&hint, width, ui::dim()));
        }
    }
    d
}

/// Draws the form's fields in `area`, scrolled so the focused field shows whole, with the
/// terminal's cursor in the focused field. `checks` holds each field's message (if any).
pub fn draw(
    f: &mut Frame,
    area: Rect,
    specs: &[FieldSpec],
    form: &FormCore,
    checks: &[Option<String>],
) {
    let mut lines: Vec<Line> = Vec::new();
    let mut focus_span = (0, 0);
    let mut cursor = None;
    for (i, ((spec, input), widget)) in specs
        .iter()
        .zip(&form.inputs)
        .zip(&form.widgets)
        .enumerate()
    {
        let focused = i == form.focus;
        let check = checks.get(i).and_then(|c| c.as_deref());
        let d = field(spec, input, widget, focused, check, area.width);
        if focused {
            focus_span = (lines.len(), lines.len() + d.lines.len());
            cursor = d.cursor.map(|(r, c)| (lines.len() + r, c));
        }
        lines.extend(d.lines);
    }
    let height = area.height as usize;
    // The focused field whole (its top if it is taller than the area).
    let skip = focus_span.1.saturating_sub(height).min(focus_span.0);
    f.render_widget(Paragraph::new(lines).scroll((skip as u16, 0)), area);
    if let Some((row, col)) = cursor {
        if row >= skip && row - skip < height && col < area.width {
            f.set_cursor_position(Position::new(area.x + col, area.y + (row - skip) as u16));
        }
    }
}
