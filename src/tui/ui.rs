//! Shared drawing pieces: the frame (title, body, status, hint bar), popups and styles.
//! Chrome uses ASCII and plain box drawing only (no ambiguous-width symbols).

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;

use unicode_width::UnicodeWidthStr;

use crate::domain::case::deadlines::DeadlineState;

pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Bars for charts in ASCII: the block elements (U+2581–U+2588) are of ambiguous width,
/// drawn two cells wide by terminals set for East Asian text, which breaks the layout.
pub const BARS: ratatui::symbols::bar::Set<'static> = ratatui::symbols::bar::Set {
    full: "#",
    seven_eighths: "#",
    three_quarters: "=",
    five_eighths: "=",
    half: "-",
    three_eighths: "-",
    one_quarter: "_",
    one_eighth: "_",
    empty: " ",
};

pub fn title_style() -> Style {
    Style::default().fg(Color::Black).bg(Color::Cyan)
}

pub fn selected() -> Style {
    Style::default().add_modifier(Modifier::REVERSED)
}

pub fn warn() -> Style {
    Style::default().fg(Color::Yellow)
}

/// A count beside a number (deadlines on a calendar day): bold yellow, so it never reads
/// as part of the date.
pub fn count_style(n: usize) -> Style {
    if n == 0 {
        Style::default()
    } else {
        warn().add_modifier(ratatui::style::Modifier::BOLD)
    }
}

pub fn bad() -> Style {
    Style::default().fg(Color::Red)
}

pub fn dim() -> Style {
    Style::default().fg(Color::DarkGray)
}

/// Style for a deadline state (none: no open deadline).
pub fn deadline_style(state: Option<DeadlineState>) -> Style {
    match state {
        Some(DeadlineState::Overdue) => bad(),
        Some(DeadlineState::DueSoon) => warn(),
        _ => Style::default(),
    }
}

/// A screen's load error as a red line over its body; returns the rest of the body.
pub fn load_error(f: &mut Frame, area: Rect, error: &Option<String>) -> Rect {
    let Some(e) = error else {
        return area;
    };
    let [line, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    f.render_widget(Paragraph::new(Span::styled(clean(e), bad())), line);
    rest
}

/// Splits the screen into title, body, status and hint lines.
pub fn frame_areas(area: Rect) -> (Rect, Rect, Rect, Rect) {
    let [title, body, status, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    (title, body, status, hints)
}

/// The hint bar: as many `key 说明` pairs as fit, and always the help key last, so a
/// narrow terminal still says where the rest are.
pub fn hints_line(pairs: &[(String, String)], width: u16) -> Line<'static> {
    let first_key = |keys: &String| super::keymap::shown(keys.split(' ').next().unwrap_or(keys));
    let cell = |key: &str, desc: &str| key.width() + desc.width() + 3;
    let help = pairs.iter().find(|(k, _)| first_key(k) == "?");
    let mut spans = Vec::new();
    let mut used = help.map_or(0, |(k, d)| cell(&first_key(k), d));
    for (keys, desc) in pairs.iter().filter(|(k, _)| first_key(k) != "?") {
        let key = first_key(keys);
        let w = cell(&key, desc);
        if used + w > width as usize {
            break;
        }
        used += w;
        spans.push(Span::styled(key, Style::default().fg(Color::Cyan)));
        spans.push(Span::raw(format!(" {desc}  ")));
    }
    if let Some((k, d)) = help {
        if cell(&first_key(k), d) <= width as usize {
            spans.push(Span::styled(first_key(k), Style::default().fg(Color::Cyan)));
            spans.push(Span::raw(format!(" {d}  ")));
        }
    }
    Line::from(spans)
}

/// `text` broken into lines of at most `width` columns (a wide character counts two), the
/// lines after the first indented by `indent` columns: a menu entry's reason wraps under
/// its name instead of being cut at the popup's edge.
pub fn wrap_columns(text: &str, width: usize, indent: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthChar;
    let width = width.max(indent + 2);
    let mut lines = vec![String::new()];
    let mut used = 0;
    for ch in text.chars() {
        let w = ch.width().unwrap_or(0);
        if used + w > width {
            lines.push(" ".repeat(indent));
            used = indent;
        }
        lines.last_mut().expect("never empty").push(ch);
        used += w;
    }
    lines
}

/// A report's scroll position `to`, but not past its rows at the narrowest screen (the
/// drawing stops at the last screenful on any width): the import screens' reports.
pub fn report_scroll(lines: &[String], to: u16) -> u16 {
    let rows: usize = lines
        .iter()
        .map(|l| wrap_words(l, MIN_WIDTH as usize - 2).len())
        .sum();
    to.min(rows.saturating_sub(1) as u16)
}

/// `text` broken into lines of at most `width` columns, keeping its leading spaces: a
/// short word (a code, a number) that does not fit moves to the next line whole, so no
/// code is cut in two; a long run (a Chinese sentence has no spaces) fills the line and
/// goes on by characters. A report scrolls by these rows, so the screen knows its end.
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    /// Words up to this wide move whole; longer ones are broken by characters.
    const SHORT: usize = 16;
    let width = width.max(4);
    let mut lines = vec![String::new()];
    for (i, word) in text.split(' ').enumerate() {
        let used = lines.last().map_or(0, |l| l.width());
        let sep = usize::from(i > 0);
        if used + sep + word.width() <= width {
            let last = lines.last_mut().expect("never empty");
            if i > 0 {
                last.push(' ');
            }
            last.push_str(word);
            continue;
        }
        if word.width() <= SHORT {
            lines.push(word.to_string());
            continue;
        }
        let mut used = used;
        if i > 0 && used < width {
            lines.last_mut().expect("never empty").push(' ');
            used += 1;
        }
        for ch in word.chars() {
            let w = ch.width().unwrap_or(0);
            if used + w > width {
                lines.push(String::new());
                used = 0;
            }
            lines.last_mut().expect("never empty").push(ch);
            used += w;
        }
    }
    lines
}

/// Rows of `lines`, each wrapped to `width`, starting at `scroll` but never past the
/// last screenful of `height` rows.
pub fn scrolled_rows(lines: &[String], width: u16, height: u16, scroll: u16) -> Vec<String> {
    let rows: Vec<String> = lines
        .iter()
        .flat_map(|l| wrap_words(&clean(l), width as usize))
        .collect();
    let top = (scroll as usize).min(rows.len().saturating_sub(height as usize));
    rows.into_iter().skip(top).take(height as usize).collect()
}

/// A centred rectangle of at most `w` × `h` inside `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Draws a popup box, clearing one extra column on each side so that no half of a
/// double-width character is left at its edges.
pub fn popup(f: &mut Frame, area: Rect, title: &str) -> Rect {
    let wide = Rect {
        x: area.x.saturating_sub(1),
        width: (area.width + 2).min(f.area().width.saturating_sub(area.x.saturating_sub(1))),
        ..area
    };
    f.render_widget(Clear, wide);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {title} "));
    let inner = block.inner(area);
    f.render_widget(block, area);
    inner
}

/// The message shown instead of a broken layout below 80×24 (keys do nothing behind it
/// but quitting, whose question `note` is).
pub fn too_small(f: &mut Frame, note: Option<&str>) {
    let a = f.area();
    let mut msg = format!(
        "窗口太小：至少需要 {MIN_WIDTH}x{MIN_HEIGHT}，当前 {}x{}。请放大终端窗口。",
        a.width, a.height
    );
    if let Some(note) = note {
        msg.push('\n');
        msg.push_str(note);
    }
    f.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), a);
}

/// Text from the database, with control characters removed before it reaches the terminal.
pub use crate::text::clean;

#[cfg(test)]
mod tests {
    use super::*;

    /// A list of codes wraps between codes, the indent stays, and a word longer than a
    /// line is still broken (never lost).
    #[test]
    fn words_wrap_at_spaces_and_keep_the_indent() {
        let rows = wrap_words("  CG-001 CG-002 CG-003", 16);
        assert_eq!(rows, vec!["  CG-001 CG-002", "CG-003"]);
        let rows = wrap_words("导入后将停用文件未列出的现行 147 项：", 20);
        assert!(rows
            .iter()
            .all(|r| unicode_width::UnicodeWidthStr::width(r.as_str()) <= 20));
        assert_eq!(
            rows.concat().replace(' ', ""),
            "导入后将停用文件未列出的现行147项："
        );
        let shown = scrolled_rows(&["a b c d".to_string()], 4, 1, 99);
        assert_eq!(shown, vec!["c d"]);
    }
}
