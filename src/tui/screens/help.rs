//! The help overlay: every key of the current screen, from the keymap table.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::tui::ui;

/// The overlay's width for the keys alone; the `:` commands widen it up to
/// `COMMANDS_WIDTH` cells where the terminal allows, so that the case list's 17 keys and
/// the commands still fit the overlay at 80×24 (the status line is too narrow for them).
const KEYS_WIDTH: u16 = 56;
const COMMANDS_WIDTH: u16 = 74;

pub fn draw(f: &mut Frame, area: Rect, bindings: &[(String, String)]) {
    let with_commands = bindings
        .iter()
        .any(|(keys, _)| keys.split(' ').any(|k| k == ":"));
    // The popup clears one column on each side of its box.
    let width = if with_commands {
        COMMANDS_WIDTH
            .min(area.width.saturating_sub(4))
            .max(KEYS_WIDTH)
    } else {
        KEYS_WIDTH
    };
    let commands = if with_commands {
        crate::tui::commands::help_lines(width.saturating_sub(2) as usize)
    } else {
        Vec::new()
    };
    let extra = commands.len();
    let h = ((bindings.len() + extra) as u16 + 3).min(area.height);
    let inner = ui::popup(f, ui::centered(area, width, h), "按键帮助（任意键关闭）");
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
