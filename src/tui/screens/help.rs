//! The help overlay: every key of the current screen, from the keymap table.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::tui::ui;

/// The `:` commands, for the help overlay (the status line is too narrow to list them).
/// Three lines of at most 54 cells, so that the case list's 17 keys and these still fit
/// the overlay at 80×24.
const COMMANDS: [&str; 3] = [
    ": 命令 home cases powers calendar stats users new spot",
    "logout quit；案件列表中另有 stage field squad officer",
    "from to sort clear",
];

pub fn draw(f: &mut Frame, area: Rect, bindings: &[(String, String)]) {
    let with_commands = bindings
        .iter()
        .any(|(keys, _)| keys.split(' ').any(|k| k == ":"));
    let extra = if with_commands { COMMANDS.len() } else { 0 };
    let h = ((bindings.len() + extra) as u16 + 3).min(area.height);
    let inner = ui::popup(f, ui::centered(area, 56, h), "按键帮助（任意键关闭）");
    let row = |keys: &str, desc: &str| {
        Line::from(vec![
            Span::styled(crate::text::pad(keys, 22), ui::warn()),
            Span::raw(desc.to_string()),
        ])
    };
    let mut lines: Vec<Line> = bindings.iter().map(|(k, d)| row(k, d)).collect();
    if with_commands {
        lines.extend(
            COMMANDS
                .iter()
                .map(|l| Line::from(Span::styled(*l, ui::dim()))),
        );
    }
    f.render_widget(Paragraph::new(lines), inner);
}
