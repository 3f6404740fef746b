//! The link popup (`o`): every link of the selected paper (of all its places), numbered; Enter opens, `y`
//! copies.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::wrap::{truncate, width_of};
use crate::app::App;
use crate::text::sanitize;

pub fn draw(f: &mut Frame, app: &App) {
    let links = app.selected_links();
    if links.is_empty() {
        return;
    }
    let width = f.area().width.saturating_sub(8).min(100);
    let height = u16::try_from(links.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let title = " Open link · Enter open · y copy · Esc close ".to_string();
    let Some(inner) = super::popup(f, &app.theme, width, height, title) else {
        return;
    };
    let w = inner.width as usize;
    let label_w = links
        .iter()
        .map(|l| width_of(&l.label))
        .max()
        .unwrap_or(0)
        .min(20);
    // Numbers right-aligned, so the labels and URLs line up from the tenth link on too.
    let number_w = links.len().to_string().len();
    let lines: Vec<Line> = links
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let base = if i == app.links.choice {
                app.theme.selected()
            } else {
                Style::new()
            };
            let label = truncate(&sanitize(&l.label), label_w);
            let pad = label_w.saturating_sub(width_of(&label));
            let head = format!(" {:>number_w$} {label}{}  ", i + 1, " ".repeat(pad));
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
