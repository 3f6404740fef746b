//! The link popup (`o`): every link of the selected paper (of all its places), numbered; Enter opens, `y`
//! copies.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

use super::layout::centered;

use super::wrap::{truncate, width_of};
use crate::app::App;
use crate::text::sanitize;

pub fn draw(f: &mut Frame, app: &App) {
    let links = app.selected_links();
    if links.is_empty() {
        return;
    }
    let full = f.area();
    let h = (links.len() as u16).saturating_add(2);
    let area = centered(full, full.width.saturating_sub(8).min(100), h);
    if area.width < 3 || area.height < 3 {
        return;
    }
    f.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.accent())
        .title(" Open link · Enter open · y copy · Esc close ");
    let inner = block.inner(area);
    f.render_widget(block, area);
    let w = inner.width as usize;
    let label_w = links
        .iter()
        .map(|l| width_of(&l.label))
        .max()
        .unwrap_or(0)
        .min(20);
    let lines: Vec<Line> = links
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let base = if i == app.link_choice {
                app.theme.selected()
            } else {
                Style::new()
            };
            let label = truncate(&sanitize(&l.label), label_w);
            let pad = label_w.saturating_sub(width_of(&label));
            let head = format!(" {} {label}{}  ", i + 1, " ".repeat(pad));
            let url = truncate(&sanitize(&l.url), w.saturating_sub(width_of(&head)));
            let tail = w.saturating_sub(width_of(&head) + width_of(&url));
            Line::from(vec![
                Span::styled(head, base.patch(app.theme.key())),
                Span::styled(url, base),
                Span::styled(" ".repeat(tail), base),
            ])
        })
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
}
