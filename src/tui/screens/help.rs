//! The help overlay: every key of the current screen, from the keymap table.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::tui::ui;

/// The `:` commands are listed in lines of at most 54 cells, so that the case list's 17
/// keys and these still fit the overlay at 80×24 (the status line is too narrow for them).
const COMMANDS_WIDTH: usize = 54;

pub fn draw(f: &mut Frame, area: Rect, bindings: &[(String, String)]) {
    let with_commands = bindings
        .iter()
        .any(|(keys, _)| keys.split(' ').any(|k| k == ":"));
    let commands = if with_commands {
        crate::tui::commands::help_lines(COMMANDS_WIDTH)
    } else {
        Vec::new()
    };
    let extra = commands.len();
    let h = ((bindings.len() + extra) as u16 + 3).min(area.height);
    let inner = ui::popup(f, ui::centered(area, 56, h), "按键帮助（任意键关闭）");
    let row = |keys: &str, desc: &str| {
        Line::from(vec![
            Span::styled(crate::text::pad(keys, 22), ui::warn()),
            Span::raw(desc.to_string()),
        ])
    };
    let mut lines: Vec<Line> = bindings
        .iter()
        .map(|(k, d)| row(&crate::tui::keymap::shown_keys(k), d))
        .collect();
    lines.extend(
        commands
            .into_iter()
            .map(|l| Line::from(Span::styled(l, ui::dim()))),
    );
    f.render_widget(Paragraph::new(lines), inner);
}
