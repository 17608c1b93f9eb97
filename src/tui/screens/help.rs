//! The help overlay: every key of the current screen, from the keymap table.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::tui::ui;

pub fn draw(f: &mut Frame, area: Rect, bindings: &[(String, String)]) {
    let h = (bindings.len() as u16 + 3).min(area.height);
    let inner = ui::popup(f, ui::centered(area, 56, h), "按键帮助（任意键关闭）");
    let lines: Vec<Line> = bindings
        .iter()
        .map(|(keys, desc)| {
            Line::from(vec![
                Span::styled(format!("{keys:<22}"), ui::warn()),
                Span::raw(desc.clone()),
            ])
        })
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
}
